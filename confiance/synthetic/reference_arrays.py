"""The embedded reference data (:mod:`confiance.synthetic.reference`) as numpy and Arrow arrays, built once per run."""

from __future__ import annotations

import string
from collections.abc import Iterator

import numpy as np
import pyarrow as pa

from confiance.identifiers import DEPARTEMENTS, postal_code_departement
from confiance.synthetic import reference as ref
from confiance.synthetic.arrays import ascii_lower
from confiance.synthetic.constants import COLLECTIVE_BY_AGE, SHARE_FEMALE


class ReferenceArrays:
    """The embedded reference data as numpy and Arrow arrays, built once per run."""

    def __init__(self) -> None:
        self.last_names = pa.array(ref.LAST_NAMES)
        self.last_ascii = pa.array([ascii_lower(n) for n in ref.LAST_NAMES])
        self.last_weights = 1.0 / np.arange(1, len(ref.LAST_NAMES) + 1) ** 0.7
        firsts: list[str] = []
        self.first_ranges = {}
        for sex, generations in ref.FIRST_NAMES.items():
            for g, names in enumerate(generations):
                self.first_ranges[(sex, g)] = (len(firsts), len(names))
                firsts.extend(names)
        self.first_names = pa.array(firsts)
        self.first_ascii = pa.array([ascii_lower(n) for n in firsts])

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
            *(list(parse_template(t)) for t in ref.COMMENTS_WITH_PERSONAL_DATA),
            *(list(parse_template(t)) for t in ref.COMMENTS_WITHOUT_PERSONAL_DATA),
        ]
        self.n_personal_templates = len(ref.COMMENTS_WITH_PERSONAL_DATA)


def parse_template(template: str) -> Iterator[tuple[str, str | None]]:
    for literal, name, _spec, _conv in string.Formatter().parse(template):
        yield literal, name
