"""Contracts: one current individual or collective contract per member, some with an older one before it.

Never two contracts of a member at once; premiums by age and guarantee level (collective ones as the
employer negotiated). :func:`build_contracts` also returns each member's :class:`Cover`, which the
benefits are paid under.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from confiance.synthetic import reference as ref
from confiance.synthetic.arrays import dates, decimal, digits, fixed_strings, lit, null_where, timestamps_since
from confiance.synthetic.constants import INDIVIDUAL_PREMIUM_SPREAD
from confiance.synthetic.employers import Employers
from confiance.synthetic.members import People
from confiance.synthetic.reference_arrays import ReferenceArrays


@dataclass(frozen=True)
class Cover:
    """Per member of a chunk: the numbers and guarantee levels of the current and the prior contract."""

    contract_current: np.ndarray
    contract_prior: np.ndarray  # meaningful only where the member has a prior contract
    level_current: np.ndarray
    level_prior: np.ndarray


def contract_ids(numbers: np.ndarray) -> pa.Array:
    """Contract identifiers ("C" and ten digits) from contract numbers."""
    return fixed_strings(np.concatenate([lit("C", len(numbers)), digits(numbers, 10)], axis=1))


def build_contracts(rng: np.random.Generator, p: People, employers: Employers, r: ReferenceArrays,
                    as_of: int) -> tuple[pa.Table, Cover]:  # fmt: skip
    """The contracts feed's rows of one chunk (before casting and defects): the prior one (ended the day
    before the switch) then the current one, per member; and the cover they give."""
    n = len(p.female)
    cur_product = np.where(p.collective, employers.product[p.employer], p.individual_product)
    cur_level = np.where(p.collective, employers.level[p.employer], p.individual_level)
    pri_product = np.where(p.prior_collective, employers.product[p.prior_employer], p.prior_individual_product)
    pri_level = np.where(p.prior_collective, employers.level[p.prior_employer], p.prior_individual_level)
    idx = np.arange(n)
    pi = idx[p.prior]
    c_member = np.concatenate([pi, idx])
    c_slot = np.concatenate([np.zeros(len(pi), np.int64), np.ones(n, np.int64)])
    order = np.lexsort((c_slot, c_member))
    c_member, c_slot = c_member[order], c_slot[order]
    is_cur = c_slot == 1
    c_coll = np.where(is_cur, p.collective[c_member], p.prior_collective[c_member])
    c_emp = np.where(is_cur, p.employer[c_member], p.prior_employer[c_member])
    c_product = np.where(is_cur, cur_product[c_member], pri_product[c_member])
    c_level = np.where(is_cur, cur_level[c_member], pri_level[c_member])
    c_start = np.where(is_cur, p.current_start[c_member], p.affiliation[c_member])
    c_end = np.where(is_cur, np.where(p.ended[c_member], p.current_end[c_member], -1), p.switch[c_member] - 1)
    c_age = (np.where(c_end >= 0, c_end, as_of) - p.birth[c_member]) / 365.2425
    factor = r.premium_factors[np.searchsorted(r.premium_ages, c_age, side="right") - 1]
    base = np.array(ref.PREMIUM_BY_LEVEL)[c_level - 1]
    premium = np.where(
        c_coll,
        base * ref.COLLECTIVE_PREMIUM_FACTOR * employers.premium_factor[c_emp],
        base * factor * rng.uniform(*INDIVIDUAL_PREMIUM_SPREAD, len(c_member)),
    )
    contract_no = 2 * (p.start + c_member) + c_slot + 1
    table = pa.table({
        "contract_id": contract_ids(contract_no),
        "member_id": p.member_ids.take(c_member),
        "contract_type": pa.array(np.where(c_coll, "collective", "individual")),
        "product_code": r.products.take(c_product),
        "guarantee_level": pa.array(c_level.astype(np.int32)),
        "employer_siret": null_where(employers.siret.take(c_emp), ~c_coll),
        "employer_name": null_where(employers.name.take(c_emp), ~c_coll),
        "start_date": dates(c_start),
        "end_date": null_where(dates(np.maximum(c_end, 0)), c_end < 0),
        "monthly_premium": decimal(np.round(premium * 100).astype(np.int64), 10),
        "updated_at": timestamps_since(rng, np.where(c_end >= 0, c_end, c_start), as_of, recent=c_end < 0),
    })  # fmt: skip
    cover = Cover(
        contract_current=contract_no[is_cur],
        contract_prior=2 * (p.start + idx) + 1,
        level_current=cur_level,
        level_prior=pri_level,
    )
    return table, cover
