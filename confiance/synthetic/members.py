"""Members (adhérents): who they are, where they live, how to reach them, and the history of their cover.

:func:`draw_members` draws one chunk of members and returns the members feed's rows with a
:class:`People` record: what the contracts and the benefits of the same chunk are built from.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from confiance.identifiers import DEPARTEMENTS, OVERSEAS_DEPARTEMENTS
from confiance.synthetic import reference as ref
from confiance.synthetic.arrays import (
    dates,
    digits,
    first_of_month,
    fixed_strings,
    lit,
    null_where,
    timestamps_since,
    weighted,
    ymd,
)
from confiance.synthetic.constants import (
    BORN_ABROAD,
    BORN_IN_HOME_DEPARTEMENT_ADULT,
    BORN_IN_HOME_DEPARTEMENT_MINOR,
    CONSENT_MARKETING,
    CONSENT_RESEARCH,
    EMAIL_ADULT,
    EMAIL_MINOR,
    EMAIL_NUMBER_SUFFIX,
    HIGHER_LEVEL,
    INDIVIDUAL_PRODUCT_AGE_LIMITS,
    INDIVIDUAL_PRODUCT_BY_AGE,
    MOBILE_06_SHARE,
    PHONE_ADULT,
    PHONE_MINOR,
    PRIOR_COLLECTIVE_IF_COLLECTIVE,
    PRIOR_COLLECTIVE_IF_INDIVIDUAL,
    RESIDENCE_NEAR_EMPLOYER,
    SHARE_ENDED,
    SHARE_FEMALE,
    SHARE_WITH_PRIOR_CONTRACT,
    STREET_NUMBER_MEAN,
    STREET_SUFFIX_SHARE,
    TENURE_MEAN_YEARS,
)
from confiance.synthetic.employers import Employers
from confiance.synthetic.reference_arrays import ReferenceArrays

_MONTHS_OF_NIR_GROUPS = 2 * 100 * 12  # sex x two-digit birth year x month


def nir_counters() -> np.ndarray:
    """The NIR serial numbers used so far per (sex, birth month, place of birth): carried from chunk to chunk."""
    n_places = len(DEPARTEMENTS) + 1 + len(ref.BIRTH_COUNTRIES)  # départements, "20" (Corsica before 1976), abroad
    return np.zeros(_MONTHS_OF_NIR_GROUPS * n_places, dtype=np.int64)


@dataclass(frozen=True)
class People:
    """One chunk of members as drawn (arrays of one value per member, days since 1970-01-01).

    The contracts are built from the cover history; the benefits from age, sex and cover; the
    comments quote the identifiers.
    """

    start: int  # members generated before this chunk
    member_ids: pa.Array
    female: np.ndarray
    age: np.ndarray  # years, at the as-of date
    birth: np.ndarray
    # cover history: an optional prior contract until ``switch``, then the current one (maybe ended)
    collective: np.ndarray  # the current contract is collective
    employer: np.ndarray  # index into Employers (the current employer where collective)
    affiliation: np.ndarray
    prior: np.ndarray  # has a prior contract
    switch: np.ndarray  # first day of the current contract where there is a prior one
    current_start: np.ndarray
    ended: np.ndarray
    current_end: np.ndarray
    prior_collective: np.ndarray
    prior_employer: np.ndarray
    individual_product: np.ndarray  # index into ReferenceArrays.products, where the current one is individual
    individual_level: np.ndarray
    prior_individual_product: np.ndarray
    prior_individual_level: np.ndarray
    # identifiers and contacts, as the comments quote them
    nir_mat: np.ndarray
    phone_mat: np.ndarray
    iban_mat: np.ndarray
    last: np.ndarray  # index into ReferenceArrays.last_names
    first: np.ndarray  # index into ReferenceArrays.first_names
    address: pa.Array
    commune: np.ndarray  # index into ReferenceArrays.postal_codes / commune_names
    email: pa.Array  # the address each member would have (null in the feed where they gave none)


def draw_members(rng: np.random.Generator, start: int, n: int, as_of: int, r: ReferenceArrays,
                 employers: Employers, counters: np.ndarray) -> tuple[pa.Table, People]:  # fmt: skip
    """The members feed's rows of one chunk (before casting and defects) and the people behind them.

    ``as_of`` is the as-of date in days; ``counters`` (from :func:`nir_counters`) is updated in place.
    """
    female = rng.random(n) < SHARE_FEMALE
    age = (weighted(rng, ref.AGE_PYRAMID, n) * 5 + rng.random(n) * 5).astype(np.float64)
    birth = as_of - 30 - np.floor(age * 365.2425).astype(np.int64)
    age = (as_of - birth) / 365.2425
    by, bm, _ = ymd(birth)
    adult = age >= 18

    # current contract: collective through an employer, or individual
    p_coll = r.collective_p[np.searchsorted(r.collective_ages, age, side="right") - 1]
    collective = rng.random(n) < p_coll
    employer = employers.draw(rng, n)

    # residence: most collective members live in their employer's département
    near = collective & (rng.random(n) < RESIDENCE_NEAR_EMPLOYER)
    u = rng.random(n)
    dep = employers.departement[employer]
    u = np.where(near, r.dep_cdf_lo[dep] + u * (r.dep_cdf_hi[dep] - r.dep_cdf_lo[dep]), u)
    commune = np.minimum(np.searchsorted(r.commune_cdf, u, side="right"), len(r.commune_cdf) - 1)
    home_dep = r.commune_dep[commune]

    nir, nir_mat = _nirs(rng, r, counters, female, by, bm, home_dep, adult)

    # names
    last = weighted(rng, r.last_weights, n)
    generation = np.searchsorted(ref.GENERATION_STARTS, by, side="right") - 1
    first = np.zeros(n, dtype=np.int64)
    for (sex, g), (offset, size) in r.first_ranges.items():
        sel = (female if sex == "F" else ~female) & (generation == g)
        first[sel] = offset + rng.integers(0, size, sel.sum())

    # address
    street_no = np.minimum(rng.exponential(STREET_NUMBER_MEAN, n).astype(np.int64), 249)
    suffix = np.where(rng.random(n) < STREET_SUFFIX_SHARE, rng.integers(1, 3, n), 0)
    address = pc.binary_join_element_wise(
        r.street_numbers.take(street_no), r.street_suffixes.take(suffix), " ",
        r.street_types.take(weighted(rng, r.street_type_weights, n)), " ",
        r.street_names.take(rng.integers(0, len(r.street_names), n)), "",
    )  # fmt: skip

    email = pc.binary_join_element_wise(
        r.first_ascii.take(first), ".", r.last_ascii.take(last),
        r.email_suffixes.take(np.where(rng.random(n) < EMAIL_NUMBER_SUFFIX, rng.integers(1, 100, n), 0)), "@",
        r.email_domains.take(weighted(rng, r.email_domain_weights, n)), "",
    )  # fmt: skip
    has_email = rng.random(n) < np.where(adult, EMAIL_ADULT, EMAIL_MINOR)
    phone_mat = mobile_numbers(rng, n, MOBILE_06_SHARE)
    has_phone = rng.random(n) < np.where(adult, PHONE_ADULT, PHONE_MINOR)
    iban_mat = _ibans(rng, r, n)

    # affiliation and contract history
    tenure = np.where(
        adult, np.minimum(rng.exponential(TENURE_MEAN_YEARS, n), np.maximum(age - 18, 0.1)), rng.random(n) * age
    )
    affiliation = np.maximum(first_of_month(as_of - np.floor(tenure * 365.25).astype(np.int64)), birth)
    prior = (tenure >= 2) & (rng.random(n) < SHARE_WITH_PRIOR_CONTRACT)
    span = np.maximum(as_of - 30 - (affiliation + 365), 0)
    switch = first_of_month(affiliation + 365 + np.floor(rng.random(n) * span).astype(np.int64))
    prior &= switch > affiliation
    current_start = np.where(prior, switch, affiliation)
    room = as_of - 1 - (current_start + 60)
    ended = (rng.random(n) < SHARE_ENDED) & (room > 0)
    current_end = first_of_month(current_start + 60 + np.floor(rng.random(n) * np.maximum(room, 0))) - 1
    prior_collective = np.where(
        collective, rng.random(n) < PRIOR_COLLECTIVE_IF_COLLECTIVE, rng.random(n) < PRIOR_COLLECTIVE_IF_INDIVIDUAL
    )
    prior_employer = employers.draw(rng, n)

    age_band_ind = np.searchsorted(INDIVIDUAL_PRODUCT_AGE_LIMITS, age, side="right")
    ind_p = np.array(INDIVIDUAL_PRODUCT_BY_AGE)
    ind_product = np.minimum((rng.random(n)[:, None] > np.cumsum(ind_p, axis=1)[age_band_ind]).sum(axis=1), 2)
    ind_level = r.product_levels[ind_product, (rng.random(n) < HIGHER_LEVEL).astype(int)]
    prior_product = rng.integers(0, 3, n)
    prior_level = r.product_levels[prior_product, (rng.random(n) < HIGHER_LEVEL).astype(int)]

    covered = collective & ~ended
    member_ids = fixed_strings(np.concatenate([lit("A", n), digits(np.arange(start + 1, start + n + 1), 9)], axis=1))
    table = pa.table({
        "member_id": member_ids,
        "nir": nir,
        "last_name": r.last_names.take(last),
        "first_name": r.first_names.take(first),
        "birth_date": dates(birth),
        "sex": pa.array(np.where(female, "F", "M")),
        "street_address": address,
        "postal_code": r.postal_codes.take(commune),
        "commune": r.commune_names.take(commune),
        "email": null_where(email, ~has_email),
        "phone": null_where(fixed_strings(phone_mat), ~has_phone),
        "iban": fixed_strings(iban_mat),
        "consent_research": pa.array(rng.random(n) < CONSENT_RESEARCH),
        "consent_marketing": pa.array(rng.random(n) < CONSENT_MARKETING),
        "employer_siret": null_where(employers.siret.take(employer), ~covered),
        "affiliation_date": dates(affiliation),
        "updated_at": timestamps_since(rng, np.where(ended, current_end, current_start), as_of),
    })  # fmt: skip
    people = People(
        start=start, member_ids=member_ids, female=female, age=age, birth=birth,
        collective=collective, employer=employer, affiliation=affiliation, prior=prior, switch=switch,
        current_start=current_start, ended=ended, current_end=current_end, prior_collective=prior_collective,
        prior_employer=prior_employer, individual_product=ind_product, individual_level=ind_level,
        prior_individual_product=prior_product, prior_individual_level=prior_level,
        nir_mat=nir_mat, phone_mat=phone_mat, iban_mat=iban_mat, last=last, first=first, address=address,
        commune=commune, email=email,
    )  # fmt: skip
    return table, people


def mobile_numbers(rng: np.random.Generator, n: int, share_06: float) -> np.ndarray:
    """``n`` French mobile numbers (06 or 07 then eight digits) as an ASCII matrix."""
    return np.concatenate(
        [lit("0", n), np.where(rng.random(n) < share_06, 54, 55).astype(np.uint8)[:, None],
         digits(rng.integers(0, 10**8, n), 8)], axis=1,
    )  # fmt: skip


def _nirs(rng, r: ReferenceArrays, counters: np.ndarray, female, by, bm, home_dep, adult):
    """Unique NIRs with valid keys, consistent with sex, birth year and month and place of birth."""
    n = len(female)
    n_dep = len(DEPARTEMENTS)
    u = rng.random(n)
    same = u < np.where(adult, BORN_IN_HOME_DEPARTEMENT_ADULT, BORN_IN_HOME_DEPARTEMENT_MINOR)
    abroad = ~same & adult & (rng.random(n) < BORN_ABROAD)
    other = weighted(rng, r.dep_weight, n)
    place = np.where(same, home_dep, other)  # index into DEPARTEMENTS
    dep_codes = np.array(DEPARTEMENTS)
    code = dep_codes[place]
    corsica = (code == "2A") | (code == "2B")
    old_corsica = corsica & (by < 1976)
    place = np.where(old_corsica, n_dep, place)  # "20" before the split of 1976
    country = weighted(rng, r.country_weights, n)
    place = np.where(abroad, n_dep + 1 + country, place)

    sex_digit = np.where(female, 2, 1)
    yy = by % 100
    group = (((sex_digit - 1) * 100 + yy) * 12 + (bm - 1)) * (n_dep + 1 + len(r.countries)) + place
    order = np.argsort(group, kind="stable")
    sg = group[order]
    run_start = np.concatenate([[0], np.flatnonzero(np.diff(sg)) + 1])
    run_id = np.cumsum(np.concatenate([[0], (np.diff(sg) != 0).astype(np.int64)]))
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n) - run_start[run_id]
    count = counters[group] + rank
    np.add.at(counters, group, 1)

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
    rest6[abroad] = r.countries[country[abroad]] * 1000 + abroad_order[abroad]

    number = sex_digit * 10**12 + yy * 10**10 + bm * 10**8 + dep2 * 10**6 + rest6
    key = 97 - number % 97
    mat = np.concatenate([digits(number, 13), digits(key, 2)], axis=1)
    letters = corsica & ~old_corsica & ~abroad
    mat[letters, 6] = np.where(code[letters] == "2A", ord("A"), ord("B"))
    mat[letters, 5] = ord("2")
    return fixed_strings(mat), mat


def _ibans(rng, r: ReferenceArrays, n):
    bank = r.banks[rng.integers(0, len(r.banks), n)]
    branch = rng.integers(0, 100_000, n)
    account = rng.integers(0, 10**11, n)
    rib = 97 - (89 * bank + 15 * branch + 3 * account) % 97
    # ISO 13616 check: the BBAN then "FR00" (F=15, R=27) as a number, mod 97, piece by piece
    rem = bank % 97
    rem = (rem * 10**5 + branch) % 97
    rem = (rem * (10**11 % 97) + account) % 97
    rem = (rem * 100 + rib) % 97
    rem = (rem * 10**6 + 152_700) % 97
    check = 98 - rem
    return np.concatenate(
        [
            lit("FR", n),
            digits(check, 2),
            digits(bank, 5),
            digits(branch, 5),
            digits(account, 11),
            digits(rib, 2),
        ],
        axis=1,
    )
