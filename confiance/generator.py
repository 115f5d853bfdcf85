"""The synthetic mutuelle: members, contracts and benefits written as source files into the inbox.

``generate`` writes three files (``members_<yyyymmdd>``, ``contracts_<...>``,
``benefits_<...>`` in CSV, Parquet or JSON Lines) whose columns are exactly the
properties of the feed contracts, in their order. Everything follows from
(seed, as-of date, sizes): the same inputs give byte-identical files.

Generation is vectorised with numpy and streamed in chunks of
``CHUNK_MEMBERS`` members, so memory stays bounded and time grows linearly
with the number of members. Each chunk draws from its own random streams; the
only state carried from chunk to chunk is the NIR counters (to keep every NIR
unique) and the benefit line counter.

What is realistic, in short (details beside the numbers below and in
``confiance.synthetic.reference``):

- members: NIR consistent with sex, birth year and month and département of
  birth (Corsica 2A/2B, "20" before 1976, overseas 97x, abroad 99), with a valid
  key; names by sex and generation; address, postal code and commune consistent;
  e-mail, mobile phone, FR IBAN with valid RIB key and checksum; consents
  (research ~80 %, marketing ~40 %); employer SIRET when covered by a collective
  contract;
- contracts: one current individual or collective contract per member (~45 %
  collective, fewer among children and retirees), a quarter of members with an
  older ended contract before it, ~3 % whose last contract has ended; never two
  contracts of a member at once; premiums by age and guarantee level;
- employers: heavy-tailed sizes (Zipf), a few with thousands of covered members
  and many with fewer than 11; each with a raison sociale
  (company name, public like its SIRET) carried on its collective contracts;
- benefits over the 12 months up to the as-of date, driven by age and sex, with
  amounts that add up to the cent, care before payment, within the contract, and
  a comment on ~5 % of lines, a good share of which carries personal data.

``defect_rate`` gives that share of the rows of each file one row-level defect
that landing must quarantine (bad NIR key, malformed date, negative amount,
missing required field, unknown act family). Nothing records which rows: tests
find them again with the same rules landing uses.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import string
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from confiance.contracts import feed_contract
from confiance.identifiers import DEPARTEMENTS, OVERSEAS_DEPARTEMENTS, postal_code_departement
from confiance.synthetic import reference as ref

log = logging.getLogger(__name__)

FEEDS = ("members", "contracts", "benefits")
FORMATS = {"csv": "csv", "parquet": "parquet", "jsonl": "jsonl"}  # format -> file extension
CSV_DELIMITER = ";"

#: Members generated together; fixed, because the random streams are drawn per chunk.
CHUNK_MEMBERS = 50_000

# Shares and rates (see the module docstring).
SHARE_FEMALE = 0.52
CONSENT_RESEARCH = 0.80
CONSENT_MARKETING = 0.40
EMAIL_ADULT, EMAIL_MINOR = 0.90, 0.35  # the contract asks for 70 % completeness
PHONE_ADULT, PHONE_MINOR = 0.92, 0.40
MEMBERS_PER_EMPLOYER = 40  # on average; sizes are Zipf-distributed
EMPLOYER_ZIPF_EXPONENT = 1.1
# Probability that the current contract is collective, by age: (age from, probability).
COLLECTIVE_BY_AGE = ((0, 0.35), (18, 0.45), (25, 0.62), (62, 0.30), (67, 0.04))
SHARE_WITH_PRIOR_CONTRACT = 0.35  # among members affiliated for two years or more
SHARE_ENDED = 0.03
COMMENT_RATE = 0.05
COMMENT_PERSONAL_SHARE = 0.6
BENEFIT_DISPERSION = 1.5  # gamma shape of the per-member intensity (smaller: more unequal consumption)
MAX_LINES_PER_MEMBER = 400
MAX_AMOUNT = 200_000.0  # euros, for the base and for the excess of one line

_MONTHS_OF_NIR_GROUPS = 2 * 100 * 12  # sex x two-digit birth year x month


# --- small vectorised helpers ------------------------------------------------------------


def _digits(values: np.ndarray, width: int) -> np.ndarray:
    """ASCII digit matrix (n, width) of non-negative integers, zero-padded."""
    pows = 10 ** np.arange(width - 1, -1, -1, dtype=np.int64)
    return ((values.astype(np.int64)[:, None] // pows) % 10 + 48).astype(np.uint8)


def _lit(text: str, n: int) -> np.ndarray:
    return np.broadcast_to(np.frombuffer(text.encode("ascii"), dtype=np.uint8), (n, len(text)))


def _fixed_strings(mat: np.ndarray) -> pa.Array:
    """An Arrow string array from an ASCII matrix, one row per string."""
    mat = np.ascontiguousarray(mat, dtype=np.uint8)
    n, width = mat.shape
    offsets = np.arange(n + 1, dtype=np.int32) * width
    return pa.Array.from_buffers(pa.string(), n, [None, pa.py_buffer(offsets), pa.py_buffer(mat.tobytes())])


def _spaced(mat: np.ndarray, groups: tuple[int, ...]) -> np.ndarray:
    parts, pos = [], 0
    for i, size in enumerate(groups):
        if i:
            parts.append(_lit(" ", len(mat)))
        parts.append(mat[:, pos : pos + size])
        pos += size
    return np.concatenate(parts, axis=1)


def _decimal(cents: np.ndarray, precision: int = 12) -> pa.Array:
    """A decimal(precision, 2) array from integer cents, built without going through Python objects."""
    words = np.empty((len(cents), 2), dtype=np.int64)
    words[:, 0] = cents
    words[:, 1] = cents >> 63  # sign extension of the 128-bit value
    return pa.Array.from_buffers(pa.decimal128(precision, 2), len(cents), [None, pa.py_buffer(words.tobytes())])


def _dates(days: np.ndarray) -> pa.Array:
    return pa.array(days.astype(np.int32), pa.date32())


def _timestamps(seconds: np.ndarray) -> pa.Array:
    return pa.array(seconds.astype(np.int64), pa.timestamp("s"))


def _ymd(days: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    d = days.astype("datetime64[D]")
    months = d.astype("datetime64[M]")
    year = d.astype("datetime64[Y]").astype(np.int64) + 1970
    month = months.astype(np.int64) % 12 + 1
    day = (d - months.astype("datetime64[D]")).astype(np.int64) + 1
    return year, month, day


def _first_of_month(days: np.ndarray) -> np.ndarray:
    return days.astype("datetime64[D]").astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)


def _weighted(rng: np.random.Generator, weights: Any, n: int) -> np.ndarray:
    cdf = np.cumsum(np.asarray(weights, dtype=np.float64))
    return np.minimum(np.searchsorted(cdf / cdf[-1], rng.random(n), side="right"), len(cdf) - 1)


def _null_where(arr: pa.Array, mask: np.ndarray) -> pa.Array:
    if not mask.any():
        return arr
    return pc.if_else(pa.array(mask), pa.scalar(None, arr.type), arr)


def _replace_where(arr: pa.Array, mask: np.ndarray, values: pa.Array) -> pa.Array:
    """``values`` (one per True of ``mask``, in order) replace ``arr`` where ``mask`` is set."""
    if not mask.any():
        return arr
    positions = np.cumsum(mask) - 1
    spread = values.take(pa.array(np.where(mask, positions, 0)))
    return pc.if_else(pa.array(mask), spread, arr)


def _ascii_lower(name: str) -> str:
    import unicodedata

    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return plain.lower().replace(" ", "").replace("'", "")


def _french_date(days: np.ndarray) -> pa.Array:
    y, m, d = _ymd(days)
    n = len(days)
    return _fixed_strings(
        np.concatenate([_digits(d, 2), _lit("/", n), _digits(m, 2), _lit("/", n), _digits(y, 4)], axis=1)
    )


# --- arrow schemas from the contracts -----------------------------------------------------


def _arrow_type(physical: str) -> pa.DataType:
    p = physical.upper()
    if p.startswith("DECIMAL"):
        precision, scale = (int(x) for x in p[p.index("(") + 1 : p.index(")")].split(","))
        return pa.decimal128(precision, scale)
    return {
        "VARCHAR": pa.string(),
        "DATE": pa.date32(),
        "TIMESTAMP": pa.timestamp("s"),
        "INTEGER": pa.int32(),
        "BIGINT": pa.int64(),
        "BOOLEAN": pa.bool_(),
        "DOUBLE": pa.float64(),
    }[p]


def feed_schema(feed: str, fmt: str = "parquet") -> pa.Schema:
    """The Arrow schema of a feed file, from its contract: columns and order exactly as the contract says.

    In text formats (csv, jsonl) dates are written as text so that a malformed one can be.
    """
    fields = []
    for col in feed_contract(feed).columns:
        typ = _arrow_type(col.physical_type)
        if fmt != "parquet" and typ == pa.date32():
            typ = pa.string()
        fields.append(pa.field(col.name, typ))
    return pa.schema(fields)


# --- static reference arrays ---------------------------------------------------------------


class _Reference:
    """The embedded reference data as numpy and Arrow arrays, built once per run."""

    def __init__(self) -> None:
        self.last_names = pa.array(ref.LAST_NAMES)
        self.last_ascii = pa.array([_ascii_lower(n) for n in ref.LAST_NAMES])
        self.last_weights = 1.0 / np.arange(1, len(ref.LAST_NAMES) + 1) ** 0.7
        firsts: list[str] = []
        self.first_ranges = {}
        for sex, generations in ref.FIRST_NAMES.items():
            for g, names in enumerate(generations):
                self.first_ranges[(sex, g)] = (len(firsts), len(names))
                firsts.extend(names)
        self.first_names = pa.array(firsts)
        self.first_ascii = pa.array([_ascii_lower(n) for n in firsts])

        # communes, grouped by département so that "a commune in département d" is one draw
        dep_index = {d: i for i, d in enumerate(DEPARTEMENTS)}
        rows = sorted(ref.COMMUNES, key=lambda c: dep_index[postal_code_departement(c[0])])
        self.commune_dep = np.array([dep_index[postal_code_departement(c[0])] for c in rows])
        self.postal_codes = pa.array([c[0] for c in rows])
        self.commune_names = pa.array([c[1] for c in rows])
        pop = np.array([c[2] for c in rows], dtype=np.float64)
        self.commune_cdf = np.cumsum(pop) / pop.sum()
        lo = np.concatenate([[0.0], self.commune_cdf[:-1]])
        n_dep = len(DEPARTEMENTS)
        self.dep_cdf_lo = np.array([lo[self.commune_dep == d].min() for d in range(n_dep)])
        self.dep_cdf_hi = np.array([self.commune_cdf[self.commune_dep == d].max() for d in range(n_dep)])
        self.dep_weight = self.dep_cdf_hi - self.dep_cdf_lo

        self.street_numbers = pa.array([str(i) for i in range(1, 251)])
        self.street_suffixes = pa.array(["", " bis", " ter"])
        self.street_types = pa.array([t for t, _ in ref.STREET_TYPES])
        self.street_type_weights = [w for _, w in ref.STREET_TYPES]
        self.street_names = pa.array(ref.STREET_NAMES)
        self.email_domains = pa.array([d for d, _ in ref.EMAIL_DOMAINS])
        self.email_domain_weights = [w for _, w in ref.EMAIL_DOMAINS]
        self.email_suffixes = pa.array([""] + [str(i) for i in range(1, 100)])
        self.countries = np.array([c for c, _ in ref.BIRTH_COUNTRIES])
        self.country_weights = [w for _, w in ref.BIRTH_COUNTRIES]
        self.banks = np.array(ref.BANK_CODES, dtype=np.int64)

        acts = ref.ACTS
        self.act_codes = pa.array([a.code for a in acts])
        self.act_families = pa.array([a.family for a in acts])
        self.act_family_index = np.array([ref.ACT_FAMILIES.index(a.family) for a in acts])
        self.act_practitioners = pa.array([a.practitioner for a in acts])
        self.act_base = np.array([a.base for a in acts])
        self.act_base_sigma = np.array([a.base_sigma for a in acts])
        self.act_p_at_base = np.array([a.p_at_base for a in acts])
        self.act_excess = np.array([a.excess for a in acts])
        self.act_excess_sigma = np.array([a.excess_sigma for a in acts])
        self.act_excess_unit = np.array([a.excess_unit for a in acts])
        self.act_rate = np.array([a.rate for a in acts], dtype=np.int64)
        self.act_rule = np.array([("pct", "forfait", "full").index(a.rule) for a in acts])
        self.act_levels = np.array([a.levels for a in acts], dtype=np.float64)
        lag = np.array([ref.PAYMENT_LAG[a.family] for a in acts])
        self.act_lag_min, self.act_lag_max = lag[:, 0], lag[:, 1]
        # one cdf over act codes per (age band, sex): family share x code share within the family
        n_bands = len(ref.AGE_BAND_STARTS)
        self.act_cdf = np.zeros((n_bands * 2, len(acts)))
        for b in range(n_bands):
            for s, sex in enumerate(("F", "M")):
                fam_w = np.array(ref.FAMILY_WEIGHTS[sex][b])
                code_w = np.array([a.band_weights[b] for a in acts], dtype=np.float64)
                fam_tot = np.bincount(self.act_family_index, weights=code_w, minlength=len(ref.ACT_FAMILIES))
                w = fam_w[self.act_family_index] * np.divide(
                    code_w,
                    fam_tot[self.act_family_index],
                    out=np.zeros_like(code_w),
                    where=fam_tot[self.act_family_index] > 0,
                )
                self.act_cdf[b * 2 + s] = np.cumsum(w) / w.sum()
        # group g's cdf shifted by g, end to end: one searchsorted of (g + u) draws for every group at once
        self.act_cdf_stacked = (np.arange(n_bands * 2)[:, None] + self.act_cdf).ravel()
        self.consumption = np.array([[ref.CONSUMPTION["F"][b], ref.CONSUMPTION["M"][b]] for b in range(n_bands)])
        # mean consumption of the population, so that benefits_per_member is the average
        ages = np.arange(100)
        age_w = np.repeat(np.array(ref.AGE_PYRAMID), 5)[:100]
        bands = np.searchsorted(ref.AGE_BAND_STARTS, ages, side="right") - 1
        mean_mult = SHARE_FEMALE * self.consumption[bands, 0] + (1 - SHARE_FEMALE) * self.consumption[bands, 1]
        self.mean_consumption = float((mean_mult * age_w).sum() / age_w.sum())
        self.premium_ages = np.array([a for a, _ in ref.PREMIUM_AGE_FACTORS])
        self.premium_factors = np.array([f for _, f in ref.PREMIUM_AGE_FACTORS])
        self.collective_ages = np.array([a for a, _ in COLLECTIVE_BY_AGE])
        self.collective_p = np.array([p for _, p in COLLECTIVE_BY_AGE])
        self.individual_products = list(ref.INDIVIDUAL_PRODUCTS)
        self.collective_products = list(ref.COLLECTIVE_PRODUCTS)
        self.products = pa.array(self.individual_products + self.collective_products)
        self.product_levels = np.array(list(ref.INDIVIDUAL_PRODUCTS.values()) + list(ref.COLLECTIVE_PRODUCTS.values()))
        self.comment_templates = [
            *(list(_parse_template(t)) for t in ref.COMMENTS_WITH_PERSONAL_DATA),
            *(list(_parse_template(t)) for t in ref.COMMENTS_WITHOUT_PERSONAL_DATA),
        ]
        self.n_personal_templates = len(ref.COMMENTS_WITH_PERSONAL_DATA)


def _parse_template(template: str) -> Iterator[tuple[str, str | None]]:
    for literal, name, _spec, _conv in string.Formatter().parse(template):
        yield literal, name


# --- employers ---------------------------------------------------------------------------------


@dataclass
class _Employers:
    siret: pa.Array
    cdf: np.ndarray
    departement: np.ndarray
    product: np.ndarray  # index into _Reference.products
    level: np.ndarray
    premium_factor: np.ndarray
    name: pa.Array  # raison sociale: a legal person's name, public (SIRENE), not personal data

    def draw(self, rng: np.random.Generator, n: int) -> np.ndarray:
        return np.minimum(np.searchsorted(self.cdf, rng.random(n), side="right"), len(self.cdf) - 1)


def _sirets(bodies: np.ndarray, nics: np.ndarray) -> np.ndarray:
    """14-digit SIRET matrices: SIREN (8-digit body + Luhn digit), 4-digit NIC, Luhn digit over all."""
    siren8 = _digits(bodies, 8)
    siren = np.concatenate([siren8, _luhn_digit(siren8)[:, None]], axis=1)
    partial = np.concatenate([siren, _digits(nics, 4)], axis=1)
    return np.concatenate([partial, _luhn_digit(partial)[:, None]], axis=1)


def _luhn_digit(mat: np.ndarray) -> np.ndarray:
    """The Luhn check digit (ASCII) to append to each row of an ASCII digit matrix."""
    d = mat.astype(np.int64) - 48
    width = d.shape[1]
    doubled = (width - 1 - np.arange(width)) % 2 == 0  # rightmost digit of the partial is doubled
    dd = np.where(doubled, d * 2, d)
    dd = np.where(dd > 9, dd - 9, dd)
    return ((10 - dd.sum(axis=1) % 10) % 10 + 48).astype(np.uint8)


def _make_employers(rng: np.random.Generator, members: int, r: _Reference) -> _Employers:
    n = max(12, round(0.44 * members / MEMBERS_PER_EMPLOYER))
    weights = rng.permutation(1.0 / np.arange(1, n + 1) ** EMPLOYER_ZIPF_EXPONENT)
    # distinct 8-digit SIREN bodies: an affine bijection of [0, 9e7)
    span = 9 * 10**7
    bodies = (np.arange(n, dtype=np.int64) * 7_368_787 + int(rng.integers(span))) % span + 10**7
    bodies[bodies == 35_600_000] = 99_999_999  # La Poste's SIREN follows another rule
    nics = np.where(rng.random(n) < 0.7, 1, rng.integers(2, 300, n))
    commune = _weighted(rng, np.diff(np.concatenate([[0.0], r.commune_cdf])), n)
    renforce = rng.random(n) < 0.4
    product = np.where(renforce, 4, 3)  # COLLECTIF_RENFORCE / COLLECTIF_BASE
    level = r.product_levels[product, (rng.random(n) < 0.4).astype(int)]
    return _Employers(
        siret=_fixed_strings(_sirets(bodies, nics)),
        cdf=np.cumsum(weights) / weights.sum(),
        departement=r.commune_dep[commune],
        product=product,
        level=level,
        premium_factor=rng.uniform(0.9, 1.1, n),
        name=_employer_names(rng, n),  # drawn last: the other employer attributes stay as they were
    )


# Raisons sociales are built from activity, place and legal form words (no person's name, no digit: the
# contract's pattern for employer_name), distinct while there are enough combinations.
_ACTIVITIES = (
    "Transports", "Boulangeries", "Ateliers", "Imprimerie", "Menuiseries", "Laboratoires", "Conserveries",
    "Fonderies", "Librairies", "Jardineries", "Tanneries", "Brasseries", "Filatures", "Chantiers navals",
    "Verreries", "Coopérative agricole", "Services informatiques", "Nettoyage industriel", "Logistique",
    "Hôtellerie", "Mécanique de précision", "Cartonnages", "Fromageries", "Travaux publics", "Électricité",
    "Plasturgie", "Biscuiteries", "Pépinières", "Distilleries", "Studios graphiques",
)
_PLACES = (
    "du Vexin", "de la Garonne", "du Rhône", "des Alpes", "du Morvan", "de l'Estuaire", "du Léman", "des Landes",
    "du Val de Loire", "de la Côte d'Opale", "du Quercy", "des Vosges", "du Cotentin", "de Provence", "du Jura",
    "de la Dordogne", "du Berry", "des Cévennes", "de la Brie", "du Perche", "de l'Armor", "du Vercors",
    "de la Sarthe", "du Lauragais", "des Causses", "de la Bresse", "du Médoc", "de l'Aubrac", "du Hainaut",
    "de la Baie",
)
_LEGAL_FORMS = ("SAS", "SARL", "SA", "SCOP", "SASU")


def _employer_names(rng: np.random.Generator, n: int) -> pa.Array:
    space = len(_ACTIVITIES) * len(_PLACES) * len(_LEGAL_FORMS)
    pick = rng.permutation(space)[:n] if n <= space else rng.integers(0, space, n)
    activity, rest = np.divmod(pick, len(_PLACES) * len(_LEGAL_FORMS))
    place, form = np.divmod(rest, len(_LEGAL_FORMS))
    return pa.array([f"{_ACTIVITIES[a]} {_PLACES[p]} {_LEGAL_FORMS[f]}" for a, p, f in zip(activity, place, form,
                                                                                        strict=True)])


# --- one chunk --------------------------------------------------------------------------------


@dataclass
class _Chunk:
    members: pa.Table
    contracts: pa.Table
    benefits: pa.Table


class _Generator:
    """Generates the mutuelle chunk by chunk; carries the state that must span chunks."""

    def __init__(self, members: int, seed: int, as_of: dt.date, benefits_per_member: float, defect_rate: float,
                 fmt: str) -> None:  # fmt: skip
        self.members = members
        self.seed = seed
        self.as_of = as_of
        self.as_of_day = (as_of - dt.date(1970, 1, 1)).days
        self.benefits_per_member = benefits_per_member
        self.defect_rate = defect_rate
        self.fmt = fmt
        self.ref = _Reference()
        self.employers = _make_employers(self._rng(0, 0), members, self.ref)
        n_places = len(DEPARTEMENTS) + 1 + len(ref.BIRTH_COUNTRIES)  # départements, "20" (Corsica before 1976), abroad
        self.nir_counters = np.zeros(_MONTHS_OF_NIR_GROUPS * n_places, dtype=np.int64)
        self.next_benefit = 1
        self.schemas = {feed: feed_schema(feed, fmt) for feed in FEEDS}

    def _rng(self, stream: int, chunk: int) -> np.random.Generator:
        return np.random.default_rng([self.seed, self.as_of_day, self.members, stream, chunk])

    def chunks(self) -> Iterator[_Chunk]:
        for number, start in enumerate(range(0, self.members, CHUNK_MEMBERS)):
            yield self._chunk(number, start, min(CHUNK_MEMBERS, self.members - start))

    # .. members and contracts ...................................................................

    def _chunk(self, number: int, start: int, n: int) -> _Chunk:
        r, rng, as_of = self.ref, self._rng(1, number), self.as_of_day
        female = rng.random(n) < SHARE_FEMALE
        age = (_weighted(rng, ref.AGE_PYRAMID, n) * 5 + rng.random(n) * 5).astype(np.float64)
        birth = as_of - 30 - np.floor(age * 365.2425).astype(np.int64)
        age = (as_of - birth) / 365.2425
        by, bm, _ = _ymd(birth)
        adult = age >= 18

        # current contract: collective through an employer, or individual
        p_coll = self.ref.collective_p[np.searchsorted(r.collective_ages, age, side="right") - 1]
        collective = rng.random(n) < p_coll
        employer = self.employers.draw(rng, n)

        # residence: most collective members live in their employer's département
        near = collective & (rng.random(n) < 0.7)
        u = rng.random(n)
        dep = self.employers.departement[employer]
        u = np.where(near, r.dep_cdf_lo[dep] + u * (r.dep_cdf_hi[dep] - r.dep_cdf_lo[dep]), u)
        commune = np.minimum(np.searchsorted(r.commune_cdf, u, side="right"), len(r.commune_cdf) - 1)
        home_dep = r.commune_dep[commune]

        nir, nir_mat = self._nirs(rng, female, by, bm, home_dep, adult)

        # names
        last = _weighted(rng, r.last_weights, n)
        generation = np.searchsorted(ref.GENERATION_STARTS, by, side="right") - 1
        first = np.zeros(n, dtype=np.int64)
        for (sex, g), (offset, size) in r.first_ranges.items():
            sel = (female if sex == "F" else ~female) & (generation == g)
            first[sel] = offset + rng.integers(0, size, sel.sum())

        # address
        street_no = np.minimum(rng.exponential(25, n).astype(np.int64), 249)
        suffix = np.where(rng.random(n) < 0.03, rng.integers(1, 3, n), 0)
        address = pc.binary_join_element_wise(
            r.street_numbers.take(street_no), r.street_suffixes.take(suffix), " ",
            r.street_types.take(_weighted(rng, r.street_type_weights, n)), " ",
            r.street_names.take(rng.integers(0, len(r.street_names), n)), "",
        )  # fmt: skip

        email = pc.binary_join_element_wise(
            r.first_ascii.take(first), ".", r.last_ascii.take(last),
            r.email_suffixes.take(np.where(rng.random(n) < 0.5, rng.integers(1, 100, n), 0)), "@",
            r.email_domains.take(_weighted(rng, r.email_domain_weights, n)), "",
        )  # fmt: skip
        has_email = rng.random(n) < np.where(adult, EMAIL_ADULT, EMAIL_MINOR)
        phone_mat = np.concatenate(
            [_lit("0", n), np.where(rng.random(n) < 0.6, 54, 55).astype(np.uint8)[:, None],
             _digits(rng.integers(0, 10**8, n), 8)], axis=1,
        )  # fmt: skip
        has_phone = rng.random(n) < np.where(adult, PHONE_ADULT, PHONE_MINOR)
        iban_mat = self._ibans(rng, n)

        # affiliation and contract history
        tenure = np.where(adult, np.minimum(rng.exponential(9, n), np.maximum(age - 18, 0.1)), rng.random(n) * age)
        affiliation = np.maximum(_first_of_month(as_of - np.floor(tenure * 365.25).astype(np.int64)), birth)
        prior = (tenure >= 2) & (rng.random(n) < SHARE_WITH_PRIOR_CONTRACT)
        span = np.maximum(as_of - 30 - (affiliation + 365), 0)
        switch = _first_of_month(affiliation + 365 + np.floor(rng.random(n) * span).astype(np.int64))
        prior &= switch > affiliation
        current_start = np.where(prior, switch, affiliation)
        room = as_of - 1 - (current_start + 60)
        ended = (rng.random(n) < SHARE_ENDED) & (room > 0)
        current_end = _first_of_month(current_start + 60 + np.floor(rng.random(n) * np.maximum(room, 0))) - 1
        prior_collective = np.where(collective, rng.random(n) < 0.4, rng.random(n) < 0.5)
        prior_employer = self.employers.draw(rng, n)

        age_band_ind = np.searchsorted([30, 60], age, side="right")
        ind_p = np.array([[0.5, 0.4, 0.1], [0.3, 0.5, 0.2], [0.2, 0.45, 0.35]])
        ind_product = np.minimum((rng.random(n)[:, None] > np.cumsum(ind_p, axis=1)[age_band_ind]).sum(axis=1), 2)
        ind_level = r.product_levels[ind_product, (rng.random(n) < 0.4).astype(int)]
        prior_product = rng.integers(0, 3, n)
        prior_level = r.product_levels[prior_product, (rng.random(n) < 0.4).astype(int)]

        covered = collective & ~ended
        m = {
            "member_id": _fixed_strings(
                np.concatenate([_lit("A", n), _digits(np.arange(start + 1, start + n + 1), 9)], axis=1)
            ),
            "nir": nir,
            "last_name": r.last_names.take(last),
            "first_name": r.first_names.take(first),
            "birth_date": _dates(birth),
            "sex": pa.array(np.where(female, "F", "M")),
            "street_address": address,
            "postal_code": r.postal_codes.take(commune),
            "commune": r.commune_names.take(commune),
            "email": _null_where(email, ~has_email),
            "phone": _null_where(_fixed_strings(phone_mat), ~has_phone),
            "iban": _fixed_strings(iban_mat),
            "consent_research": pa.array(rng.random(n) < CONSENT_RESEARCH),
            "consent_marketing": pa.array(rng.random(n) < CONSENT_MARKETING),
            "employer_siret": _null_where(self.employers.siret.take(employer), ~covered),
            "affiliation_date": _dates(affiliation),
            "updated_at": self._updated_at(rng, np.where(ended, current_end, current_start)),
        }
        members = pa.table(m)

        # contracts: the prior one (ended the day before the switch) then the current one
        cur_product = np.where(collective, self.employers.product[employer], ind_product)
        cur_level = np.where(collective, self.employers.level[employer], ind_level)
        pri_product = np.where(prior_collective, self.employers.product[prior_employer], prior_product)
        pri_level = np.where(prior_collective, self.employers.level[prior_employer], prior_level)
        idx = np.arange(n)
        pi = idx[prior]
        c_member = np.concatenate([pi, idx])
        c_slot = np.concatenate([np.zeros(len(pi), np.int64), np.ones(n, np.int64)])
        order = np.lexsort((c_slot, c_member))
        c_member, c_slot = c_member[order], c_slot[order]
        is_cur = c_slot == 1
        c_coll = np.where(is_cur, collective[c_member], prior_collective[c_member])
        c_emp = np.where(is_cur, employer[c_member], prior_employer[c_member])
        c_product = np.where(is_cur, cur_product[c_member], pri_product[c_member])
        c_level = np.where(is_cur, cur_level[c_member], pri_level[c_member])
        c_start = np.where(is_cur, current_start[c_member], affiliation[c_member])
        c_end = np.where(is_cur, np.where(ended[c_member], current_end[c_member], -1), switch[c_member] - 1)
        c_age = (np.where(c_end >= 0, c_end, as_of) - birth[c_member]) / 365.2425
        factor = r.premium_factors[np.searchsorted(r.premium_ages, c_age, side="right") - 1]
        base = np.array(ref.PREMIUM_BY_LEVEL)[c_level - 1]
        premium = np.where(
            c_coll,
            base * ref.COLLECTIVE_PREMIUM_FACTOR * self.employers.premium_factor[c_emp],
            base * factor * rng.uniform(0.95, 1.05, len(c_member)),
        )
        contract_no = 2 * (start + c_member) + c_slot + 1
        contract_ids = _fixed_strings(np.concatenate([_lit("C", len(c_member)), _digits(contract_no, 10)], axis=1))
        contracts = pa.table({
            "contract_id": contract_ids,
            "member_id": m["member_id"].take(c_member),
            "contract_type": pa.array(np.where(c_coll, "collective", "individual")),
            "product_code": r.products.take(c_product),
            "guarantee_level": pa.array(c_level.astype(np.int32)),
            "employer_siret": _null_where(self.employers.siret.take(c_emp), ~c_coll),
            "employer_name": _null_where(self.employers.name.take(c_emp), ~c_coll),
            "start_date": _dates(c_start),
            "end_date": _null_where(_dates(np.maximum(c_end, 0)), c_end < 0),
            "monthly_premium": _decimal(np.round(premium * 100).astype(np.int64), 10),
            "updated_at": self._updated_at(rng, np.where(c_end >= 0, c_end, c_start), recent=c_end < 0),
        })  # fmt: skip

        people = {
            "female": female, "age": age, "birth": birth, "affiliation": affiliation, "prior": prior,
            "switch": switch, "ended": ended, "current_end": current_end, "nir_mat": nir_mat,
            "phone_mat": phone_mat, "iban_mat": iban_mat, "last": last, "first": first, "address": address,
            "commune": commune, "email": email, "level_cur": cur_level, "level_prior": pri_level,
            "contract_cur": contract_no[is_cur], "contract_prior": 2 * (start + idx) + 1,
            "member_ids": m["member_id"],
        }  # fmt: skip
        benefits = self._benefits(number, n, people)
        defects = self._rng(5, number)
        return _Chunk(
            members=self._defects_members(defects, self._cast(members, "members")),
            contracts=self._defects_contracts(defects, self._cast(contracts, "contracts")),
            benefits=self._defects_benefits(defects, self._cast(benefits, "benefits")),
        )

    def _nirs(self, rng, female, by, bm, home_dep, adult):
        """Unique NIRs with valid keys, consistent with sex, birth year and month and place of birth."""
        n = len(female)
        n_dep = len(DEPARTEMENTS)
        u = rng.random(n)
        same = u < np.where(adult, 0.5, 0.85)
        abroad = ~same & adult & (rng.random(n) < 0.16)
        other = _weighted(rng, self.ref.dep_weight, n)
        place = np.where(same, home_dep, other)  # index into DEPARTEMENTS
        dep_codes = np.array(DEPARTEMENTS)
        code = dep_codes[place]
        corsica = (code == "2A") | (code == "2B")
        old_corsica = corsica & (by < 1976)
        place = np.where(old_corsica, n_dep, place)  # "20" before the split of 1976
        country = _weighted(rng, self.ref.country_weights, n)
        place = np.where(abroad, n_dep + 1 + country, place)

        sex_digit = np.where(female, 2, 1)
        yy = by % 100
        group = (((sex_digit - 1) * 100 + yy) * 12 + (bm - 1)) * (n_dep + 1 + len(self.ref.countries)) + place
        order = np.argsort(group, kind="stable")
        sg = group[order]
        run_start = np.concatenate([[0], np.flatnonzero(np.diff(sg)) + 1])
        run_id = np.cumsum(np.concatenate([[0], (np.diff(sg) != 0).astype(np.int64)]))
        rank = np.empty(n, dtype=np.int64)
        rank[order] = np.arange(n) - run_start[run_id]
        count = self.nir_counters[group] + rank
        np.add.at(self.nir_counters, group, 1)

        overseas = np.isin(code, OVERSEAS_DEPARTEMENTS) & ~abroad
        metro_slot = (count * 7919 + group * 104_729) % (990 * 999)
        over_slot = (count * 7919 + group * 104_729) % (99 * 999)
        abroad_order = 1 + (count * 7 + group) % 999
        dep2 = np.zeros(n, dtype=np.int64)
        rest6 = np.zeros(n, dtype=np.int64)
        # metropolitan (2A/2B count as 19/18 in the key; written as letters below)
        numeric = np.array([int(d) if d.isdigit() and len(d) == 2 else 0 for d in DEPARTEMENTS])
        numeric[DEPARTEMENTS.index("2A")] = 19
        numeric[DEPARTEMENTS.index("2B")] = 18
        metro = ~overseas & ~abroad
        dep2[metro] = numeric[np.minimum(place[metro], n_dep - 1)]
        dep2[old_corsica] = 20
        rest6[metro] = (1 + metro_slot[metro] // 999) * 1000 + 1 + metro_slot[metro] % 999
        dep2[overseas] = 97
        third = np.array([int(d[2]) if len(d) == 3 else 0 for d in DEPARTEMENTS])
        rest6[overseas] = (
            (third[place[overseas]] * 100 + 1 + over_slot[overseas] // 999) * 1000 + 1 + over_slot[overseas] % 999
        )
        dep2[abroad] = 99
        rest6[abroad] = self.ref.countries[country[abroad]] * 1000 + abroad_order[abroad]

        number = sex_digit * 10**12 + yy * 10**10 + bm * 10**8 + dep2 * 10**6 + rest6
        key = 97 - number % 97
        mat = np.concatenate([_digits(number, 13), _digits(key, 2)], axis=1)
        letters = corsica & ~old_corsica & ~abroad
        mat[letters, 6] = np.where(code[letters] == "2A", ord("A"), ord("B"))
        mat[letters, 5] = ord("2")
        return _fixed_strings(mat), mat

    def _ibans(self, rng, n):
        bank = self.ref.banks[rng.integers(0, len(self.ref.banks), n)]
        branch = rng.integers(0, 100_000, n)
        account = rng.integers(0, 10**11, n)
        rib = 97 - (89 * bank + 15 * branch + 3 * account) % 97
        # ISO 13616 check: the BBAN then "FR00" (F=15, R=27) as a number, mod 97, piece by piece
        r = bank % 97
        r = (r * 10**5 + branch) % 97
        r = (r * (10**11 % 97) + account) % 97
        r = (r * 100 + rib) % 97
        r = (r * 10**6 + 152_700) % 97
        check = 98 - r
        return np.concatenate(
            [
                _lit("FR", n),
                _digits(check, 2),
                _digits(bank, 5),
                _digits(branch, 5),
                _digits(account, 11),
                _digits(rib, 2),
            ],
            axis=1,
        )

    def _updated_at(self, rng, since_day, recent=None):
        """Timestamps between ``since_day`` and the evening before the as-of date.

        Where ``recent`` (default: everywhere) most of them are recent; elsewhere (closed
        records) within a month after ``since_day``.
        """
        n = len(since_day)
        last = self.as_of_day - 1
        span = np.maximum(last - since_day, 0)
        day = last - np.floor(span * rng.random(n) ** 3).astype(np.int64)
        if recent is not None:
            day = np.where(recent, day, np.minimum(since_day + rng.integers(0, 31, n), last))
        return _timestamps(day * 86400 + 7 * 3600 + rng.integers(0, 13 * 3600, n))

    # .. benefits ...............................................................................

    def _benefits(self, number: int, n: int, p: dict[str, Any]) -> pa.Table:
        r, rng, as_of = self.ref, self._rng(3, number), self.as_of_day
        window_start = as_of - 365
        cov_start = np.maximum.reduce([np.full(n, window_start), p["affiliation"], p["birth"]])
        cov_end = np.where(p["ended"], np.minimum(p["current_end"], as_of - 1), as_of - 1)
        days = np.maximum(cov_end - cov_start + 1, 0)
        band = np.searchsorted(ref.AGE_BAND_STARTS, p["age"], side="right") - 1
        sex = np.where(p["female"], 0, 1)
        intensity = r.consumption[band, sex] / r.mean_consumption
        mean = self.benefits_per_member * intensity * days / 365.0
        lam = mean * rng.gamma(BENEFIT_DISPERSION, 1.0 / BENEFIT_DISPERSION, n)
        lines = np.minimum(rng.poisson(lam), MAX_LINES_PER_MEMBER)
        member = np.repeat(np.arange(n), lines)
        k = len(member)

        # act: one draw over all codes, weighted by the member's age band and sex
        group = band[member] * 2 + sex[member]
        n_acts = len(ref.ACTS)
        act = np.searchsorted(r.act_cdf_stacked, group + rng.random(k), side="right") - group * n_acts
        act = np.minimum(act, n_acts - 1)

        care = cov_start[member] + np.floor(rng.random(k) * days[member]).astype(np.int64)
        lag_min, lag_max = r.act_lag_min[act], r.act_lag_max[act]
        lag = lag_min + np.floor((lag_max - lag_min + 1) * rng.random(k) ** 2).astype(np.int64)
        payment = np.minimum(care + lag, as_of)
        in_prior = p["prior"][member] & (care < p["switch"][member])
        contract_no = np.where(in_prior, p["contract_prior"][member], p["contract_cur"][member])
        level = np.where(in_prior, p["level_prior"][member], p["level_cur"][member])

        # amounts, in cents
        base = r.act_base[act] * np.exp(r.act_base_sigma[act] * rng.standard_normal(k))
        base = np.round(np.minimum(base, MAX_AMOUNT) * 100).astype(np.int64)
        excess = np.minimum(r.act_excess[act] * np.exp(r.act_excess_sigma[act] * rng.standard_normal(k)), MAX_AMOUNT)
        unit = r.act_excess_unit[act]
        excess = np.where(unit > 0, np.maximum(np.round(excess / np.where(unit > 0, unit, 1)), 1) * unit, excess)
        excess_c = np.where(rng.random(k) < r.act_p_at_base[act], 0, np.round(excess * 100).astype(np.int64))
        actual = base + excess_c
        ss = (r.act_rate[act] * base + 50) // 100
        lv = r.act_levels[act, level - 1]
        rule = r.act_rule[act]
        cap = np.where(
            rule == 0,
            (np.round(lv * base).astype(np.int64) + 50) // 100 - ss,
            base - ss + np.round(lv * 100).astype(np.int64),
        )
        comp = np.where(rule == 2, actual - ss, np.clip(cap, 0, actual - ss))
        # no two lines of a member with the same act, care date and cost: nudge the cost by a cent
        actual = _deduplicate(member, act, care, actual)
        oop = actual - ss - comp

        # lines ordered by member and care date, numbered on from the previous chunk
        order = np.argsort((member << 16) | ((care - window_start) << 6) | act, kind="stable")
        member, act, care, payment, contract_no = (
            member[order],
            act[order],
            care[order],
            payment[order],
            contract_no[order],
        )
        actual, base, ss, comp, oop = actual[order], base[order], ss[order], comp[order], oop[order]
        ids = np.arange(self.next_benefit, self.next_benefit + k)
        self.next_benefit += k
        liquidation = (payment - 1) * 86400 + 18 * 3600 + rng.integers(0, 6 * 3600, k)

        comment = self._comments(self._rng(4, number), member, care, oop, p)
        return pa.table({
            "benefit_id": _fixed_strings(np.concatenate([_lit("P", k), _digits(ids, 12)], axis=1)),
            "member_id": p["member_ids"].take(member),
            "contract_id": _fixed_strings(np.concatenate([_lit("C", k), _digits(contract_no, 10)], axis=1)),
            "care_date": _dates(care),
            "payment_date": _dates(payment),
            "act_family": r.act_families.take(act),
            "act_code": r.act_codes.take(act),
            "practitioner_type": r.act_practitioners.take(act),
            "actual_cost": _decimal(actual),
            "ss_base": _decimal(base),
            "ss_reimbursement": _decimal(ss),
            "complementary_reimbursement": _decimal(comp),
            "out_of_pocket": _decimal(oop),
            "comment": comment,
            "updated_at": _timestamps(liquidation),
        })  # fmt: skip

    def _comments(self, rng, member, care, oop, p) -> pa.Array:
        r = self.ref
        k = len(member)
        has = np.flatnonzero(rng.random(k) < COMMENT_RATE)
        c = len(has)
        personal = rng.random(c) < COMMENT_PERSONAL_SHARE
        n_pers = r.n_personal_templates
        n_other = len(r.comment_templates) - n_pers
        template = np.where(personal, rng.integers(0, n_pers, c), n_pers + rng.integers(0, n_other, c))
        # nobody writes about an out-of-pocket of 0,00 EUR: those lines get the plainest remark
        about_amount = np.array([any(name == "amount" for _, name in parts) for parts in r.comment_templates])
        plain = n_pers + ref.COMMENTS_WITHOUT_PERSONAL_DATA.index("facture originale reçue")
        template = np.where(about_amount[template] & (oop[has] == 0), plain, template)
        mem = member[has]
        # the member's own data where they have it; else a number or address given on the phone
        other_phone = np.concatenate(
            [_lit("0", c), np.where(rng.random(c) < 0.5, 54, 55).astype(np.uint8)[:, None],
             _digits(rng.integers(0, 10**8, c), 8)], axis=1,
        )  # fmt: skip
        phone_mat = np.where(rng.random(c)[:, None] < 0.7, p["phone_mat"][mem], other_phone)
        nir_mat = p["nir_mat"][mem]
        amount = pc.replace_substring(_decimal(oop[has]).cast(pa.string()), ".", ",")
        values: dict[str, pa.Array] = {
            "civ": pa.array(np.where(p["female"][mem], "Mme", "M.")),
            "first": r.first_names.take(p["first"][mem]),
            "last": r.last_names.take(p["last"][mem]),
            "phone": _fixed_strings(_spaced(phone_mat, (2, 2, 2, 2, 2))),
            "nir": _replace_where(
                _fixed_strings(nir_mat), rng.random(c) < 0.5, _fixed_strings(_spaced(nir_mat, (1, 2, 2, 2, 3, 3, 2)))
            ),
            "email": pc.coalesce(p["email"].take(mem), pc.binary_join_element_wise(
                r.first_ascii.take(p["first"][mem]), ".", r.last_ascii.take(p["last"][mem]), "@gmail.com", "")),
            "iban": _fixed_strings(_spaced(p["iban_mat"][mem], (4, 4, 4, 4, 4, 4, 3))),
            "address": pc.binary_join_element_wise(
                p["address"].take(mem), ", ", r.postal_codes.take(p["commune"][mem]), " ",
                r.commune_names.take(p["commune"][mem]), ""),
            "doctor": r.last_names.take(_weighted(rng, r.last_weights, c)),
            "date": _french_date(care[has]),
            "amount": amount,
        }  # fmt: skip
        texts = pa.nulls(c, pa.string())
        for t, parts in enumerate(r.comment_templates):
            sel = template == t
            if not sel.any():
                continue
            idx = pa.array(np.flatnonzero(sel))
            pieces: list[Any] = []
            for literal, name in parts:
                if literal:
                    pieces.append(literal)
                if name:
                    pieces.append(values[name].take(idx))
            joined = (
                pc.binary_join_element_wise(*pieces, "") if len(pieces) > 1 else pa.array([pieces[0]] * int(sel.sum()))
            )
            texts = _replace_where(texts, sel, joined)
        mask = np.zeros(k, dtype=bool)
        mask[has] = True
        return _replace_where(pa.nulls(k, pa.string()), mask, texts)

    # .. formats and defects ......................................................................

    def _cast(self, table: pa.Table, feed: str) -> pa.Table:
        return table.cast(self.schemas[feed])

    def _kinds(self, rng: np.random.Generator, n: int, kinds: list[str]) -> dict[str, np.ndarray]:
        drawn = [kd for kd in kinds if not (kd == "date" and self.fmt == "parquet")]  # typed dates are never malformed
        hit = rng.random(n) < self.defect_rate
        kind = rng.integers(0, len(drawn), n)
        return {name: hit & (kind == drawn.index(name)) if name in drawn else np.zeros(n, dtype=bool) for name in kinds}

    def _bad_dates(self, rng: np.random.Generator, arr: pa.Array) -> pa.Array:
        """Malformed renderings of the dates: day first, or an impossible day."""
        days = arr.cast(pa.date32()).cast(pa.int32()).to_numpy(zero_copy_only=False).astype(np.int64)
        y, m, _ = _ymd(days)
        n = len(days)
        french = _french_date(days)
        impossible = _fixed_strings(
            np.concatenate([_digits(y, 4), _lit("-", n), _digits(np.where(m == 2, 2, 13), 2), _lit("-30", n)], axis=1)
        )
        return pc.if_else(pa.array(rng.random(n) < 0.5), french, impossible)

    def _defects_members(self, rng, t: pa.Table) -> pa.Table:
        if self.defect_rate <= 0:
            return t
        k = self._kinds(rng, t.num_rows, ["nir_key", "date", "missing"])
        if k["nir_key"].any():
            nir = t["nir"].combine_chunks()
            # the next key up (97 wraps to 01): never the right one
            bad = [v[:13] + f"{int(v[13:]) % 97 + 1:02d}" for v in nir.filter(pa.array(k["nir_key"])).to_pylist()]
            t = t.set_column(t.schema.get_field_index("nir"), "nir", _replace_where(nir, k["nir_key"], pa.array(bad)))
        if k["date"].any():
            col = t["birth_date"].combine_chunks()
            bad = self._bad_dates(rng, col.filter(pa.array(k["date"])))
            t = t.set_column(t.schema.get_field_index("birth_date"), "birth_date", _replace_where(col, k["date"], bad))
        return _null_some(rng, t, k["missing"], ["last_name", "birth_date", "iban", "nir"])

    def _defects_contracts(self, rng, t: pa.Table) -> pa.Table:
        if self.defect_rate <= 0:
            return t
        k = self._kinds(rng, t.num_rows, ["date", "negative", "missing"])
        if k["date"].any():
            col = t["start_date"].combine_chunks()
            bad = self._bad_dates(rng, col.filter(pa.array(k["date"])))
            t = t.set_column(t.schema.get_field_index("start_date"), "start_date", _replace_where(col, k["date"], bad))
        t = _negate(t, "monthly_premium", k["negative"])
        return _null_some(rng, t, k["missing"], ["product_code", "start_date", "monthly_premium"])

    def _defects_benefits(self, rng, t: pa.Table) -> pa.Table:
        if self.defect_rate <= 0:
            return t
        k = self._kinds(rng, t.num_rows, ["date", "negative", "missing", "family"])
        on_care = rng.random(t.num_rows) < 0.5
        for name, mask in (("care_date", k["date"] & on_care), ("payment_date", k["date"] & ~on_care)):
            if mask.any():
                col = t[name].combine_chunks()
                bad = self._bad_dates(rng, col.filter(pa.array(mask)))
                t = t.set_column(t.schema.get_field_index(name), name, _replace_where(col, mask, bad))
        t = _negate(t, "actual_cost", k["negative"])
        if k["family"].any():
            unknown = pa.array(["thalassotherapie", "esthetique", "veterinaire", "cure_thermale_hors_nomenclature"])
            bad = unknown.take(rng.integers(0, len(unknown), int(k["family"].sum())))
            col = t["act_family"].combine_chunks()
            t = t.set_column(
                t.schema.get_field_index("act_family"), "act_family", _replace_where(col, k["family"], bad)
            )
        return _null_some(rng, t, k["missing"], ["act_code", "care_date", "actual_cost", "practitioner_type"])


def _deduplicate(member: np.ndarray, act: np.ndarray, care: np.ndarray, actual: np.ndarray) -> np.ndarray:
    """Costs nudged up by a cent where a member has two lines with the same act, care date and cost."""
    actual = actual.copy()
    # one int64 per line: member (17 bits) | act (6) | care day in a 1024-day span (10) | cost in cents (30)
    assert CHUNK_MEMBERS < 1 << 17 and len(ref.ACTS) < 1 << 6 and actual.max(initial=0) < 1 << 30
    prefix = ((member << 6 | act) << 10 | (care - care.min(initial=0))) << 30
    while True:
        key = prefix | actual
        order = np.argsort(key)
        same = key[order][1:] == key[order][:-1]
        if not same.any():
            return actual
        actual[order[1:][same]] += 1


def _negate(t: pa.Table, name: str, mask: np.ndarray) -> pa.Table:
    if not mask.any():
        return t
    col = t[name].combine_chunks()
    return t.set_column(t.schema.get_field_index(name), name, pc.if_else(pa.array(mask), pc.negate(col), col))


def _null_some(rng: np.random.Generator, t: pa.Table, mask: np.ndarray, names: list[str]) -> pa.Table:
    if not mask.any():
        return t
    which = rng.integers(0, len(names), t.num_rows)
    for i, name in enumerate(names):
        sel = mask & (which == i)
        if sel.any():
            t = t.set_column(t.schema.get_field_index(name), name, _null_where(t[name].combine_chunks(), sel))
    return t


# --- writers -------------------------------------------------------------------------------------


class _Writer:
    """Writes one feed file chunk by chunk under a hidden temporary name, renamed when complete."""

    def __init__(self, path: Path, schema: pa.Schema, fmt: str) -> None:
        self.path, self.schema, self.fmt = path, schema, fmt
        self.tmp = path.with_name(f".tmp-{path.name}")
        self.rows = 0
        if fmt == "csv":
            self._fh = open(self.tmp, "wb")  # noqa: SIM115 - closed in close()
            self._fh.write((CSV_DELIMITER.join(schema.names) + "\n").encode("utf-8"))
            self._csv = pacsv.CSVWriter(
                self._fh,
                schema,
                write_options=pacsv.WriteOptions(include_header=False, delimiter=CSV_DELIMITER, quoting_style="none"),
            )
        elif fmt == "parquet":
            self._pq = pq.ParquetWriter(self.tmp, schema, compression="zstd")
        else:
            import duckdb

            self._fh = open(self.tmp, "wb")  # noqa: SIM115 - closed in close()
            self._db = duckdb.connect()
            self._db.execute("SET threads = 1")
            self._part = path.with_name(f".tmp-part-{path.name}")

    def write(self, table: pa.Table) -> None:
        self.rows += table.num_rows
        if self.fmt == "csv":
            self._csv.write_table(table)
        elif self.fmt == "parquet":
            self._pq.write_table(table)
        else:
            self._db.register("chunk", table)
            self._db.execute(f"COPY chunk TO '{self._part}' (FORMAT JSON)")
            self._db.unregister("chunk")
            self._fh.write(self._part.read_bytes())
            self._part.unlink()

    def close(self) -> None:
        if self.fmt == "csv":
            self._csv.close()
            self._fh.close()
        elif self.fmt == "parquet":
            self._pq.close()
        else:
            self._fh.close()
            self._db.close()
        os.replace(self.tmp, self.path)


# --- API ---------------------------------------------------------------------------------------------


def _as_date(as_of: dt.date | dt.datetime | str | None) -> dt.date:
    if as_of is None:
        return dt.date.today()
    if isinstance(as_of, dt.datetime):
        return as_of.date()
    if isinstance(as_of, dt.date):
        return as_of
    return dt.date.fromisoformat(as_of)


def feed_file_name(feed: str, as_of: dt.date, fmt: str = "csv") -> str:
    return f"{feed}_{as_of:%Y%m%d}.{FORMATS[fmt]}"


def generate_with_counts(
    inbox: str | os.PathLike,
    members: int,
    seed: int = 42,
    as_of: dt.date | str | None = None,
    benefits_per_member: float = 10.0,
    defect_rate: float = 0.0,
    fmt: str = "csv",
) -> tuple[dict[str, Path], dict[str, int]]:
    """Like ``generate``, and also the number of rows written per feed."""
    if members < 1:
        raise ValueError("members must be at least 1")
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    if not 0.0 <= defect_rate <= 1.0:
        raise ValueError("defect_rate is a share between 0 and 1")
    if benefits_per_member < 0:
        raise ValueError("benefits_per_member cannot be negative")
    day = _as_date(as_of)
    inbox = Path(inbox)
    inbox.mkdir(parents=True, exist_ok=True)
    gen = _Generator(members, seed, day, benefits_per_member, defect_rate, fmt)
    paths = {feed: inbox / feed_file_name(feed, day, fmt) for feed in FEEDS}
    writers = {feed: _Writer(paths[feed], gen.schemas[feed], fmt) for feed in FEEDS}
    try:
        for chunk in gen.chunks():
            for feed in FEEDS:
                writers[feed].write(getattr(chunk, feed))
    except BaseException:
        for w in writers.values():
            w.tmp.unlink(missing_ok=True)
        raise
    for w in writers.values():
        w.close()
    counts = {feed: writers[feed].rows for feed in FEEDS}
    log.info("generated %s", ", ".join(f"{feed}: {counts[feed]} rows" for feed in FEEDS))
    return paths, counts


def generate_files(
    inbox: str | os.PathLike,
    members: int,
    seed: int = 42,
    as_of: dt.date | str | None = None,
    benefits_per_member: float = 10.0,
    defect_rate: float = 0.0,
    fmt: str = "csv",
) -> dict[str, Path]:
    """Write members, contracts and benefits source files into ``inbox``; return their paths by feed.

    Also reachable as ``generate(...)``: the click command object of the same name calls this
    when called from Python.

    Same (seed, as_of, sizes, format) give byte-identical files. ``as_of`` (default today)
    names the files and ends the 12 months of benefits; nothing is dated after it.
    """
    paths, _ = generate_with_counts(inbox, members, seed, as_of, benefits_per_member, defect_rate, fmt)
    return paths


class _GenerateCommand(click.Command):
    """The ``generate`` command; called from Python, it is the ``generate_files`` API."""

    def __call__(self, *args: Any, **kwargs: Any) -> dict[str, Path]:  # type: ignore[override]
        return generate_files(*args, **kwargs)


@click.command("generate", cls=_GenerateCommand)
@click.option(
    "--members",
    "-n",
    type=click.IntRange(min=1),
    default=20_000,
    show_default=True,
    help="Number of members (adhérents).",
)
@click.option("--seed", type=int, default=42, show_default=True, help="Random seed; same inputs give the same files.")
@click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Extraction date (YYYY-MM-DD): names the files, ends the 12 months of benefits. Default: today.",
)
@click.option(
    "--benefits-per-member",
    type=click.FloatRange(min=0),
    default=10.0,
    show_default=True,
    help="Average benefit lines per member and year.",
)
@click.option(
    "--defect-rate",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="Share of rows given a defect that landing must quarantine.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default="csv",
    show_default=True,
    help="File format of the source files.",
)
@click.option(
    "--inbox",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Output folder. Default: $CONFIANCE_HOME/inbox.",
)
def generate(members: int, seed: int, as_of: dt.datetime | None, benefits_per_member: float,
                     defect_rate: float, fmt: str, inbox: Path | None) -> None:  # fmt: skip
    """Generate a synthetic mutuelle (members, contracts, benefits) as source files in the inbox."""
    from confiance.settings import get_settings

    target = inbox or get_settings().inbox
    paths, counts = generate_with_counts(target, members, seed, as_of.date() if as_of else None,
                                         benefits_per_member, defect_rate, fmt)  # fmt: skip
    for feed in FEEDS:
        click.echo(f"{feed:<10} {counts[feed]:>12,} rows  {paths[feed]}")
