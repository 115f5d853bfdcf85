"""Benefits (prestations): lines of care over the 12 months up to the as-of date, paid under the member's cover.

Driven by age and sex, amounts that add up to the cent (actual cost = Sécurité sociale + complementary +
out of pocket), care before payment, within the contract, and a comment on a few lines, a good share of
which carries personal data.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from confiance.synthetic import constants
from confiance.synthetic import reference as ref
from confiance.synthetic.arrays import (
    dates,
    decimal,
    digits,
    fixed_strings,
    french_date,
    lit,
    replace_where,
    spaced,
    timestamps,
    weighted,
)
from confiance.synthetic.constants import (
    BENEFIT_DISPERSION,
    COMMENT_MEMBERS_OWN_PHONE,
    COMMENT_NIR_SPACED,
    COMMENT_PERSONAL_SHARE,
    COMMENT_RATE,
    MAX_AMOUNT,
    MAX_LINES_PER_MEMBER,
)
from confiance.synthetic.contracts import Cover, contract_ids
from confiance.synthetic.members import People, mobile_numbers
from confiance.synthetic.reference_arrays import ReferenceArrays


def build_benefits(rng: np.random.Generator, comment_rng: np.random.Generator, p: People, cover: Cover,
                   r: ReferenceArrays, as_of: int, benefits_per_member: float, first_id: int) -> pa.Table:  # fmt: skip
    """The benefits feed's rows of one chunk (before casting and defects), numbered from ``first_id``.

    ``comment_rng`` draws the comments, ``rng`` everything else.
    """
    n = len(p.female)
    window_start = as_of - 365
    cov_start = np.maximum.reduce([np.full(n, window_start), p.affiliation, p.birth])
    cov_end = np.where(p.ended, np.minimum(p.current_end, as_of - 1), as_of - 1)
    days = np.maximum(cov_end - cov_start + 1, 0)
    band = np.searchsorted(ref.AGE_BAND_STARTS, p.age, side="right") - 1
    sex = np.where(p.female, 0, 1)
    intensity = r.consumption[band, sex] / r.mean_consumption
    mean = benefits_per_member * intensity * days / 365.0
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
    in_prior = p.prior[member] & (care < p.switch[member])
    contract_no = np.where(in_prior, cover.contract_prior[member], cover.contract_current[member])
    level = np.where(in_prior, cover.level_prior[member], cover.level_current[member])

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
    ids = np.arange(first_id, first_id + k)
    liquidation = (payment - 1) * 86400 + 18 * 3600 + rng.integers(0, 6 * 3600, k)

    comment = _comments(comment_rng, r, member, care, oop, p)
    return pa.table({
        "benefit_id": fixed_strings(np.concatenate([lit("P", k), digits(ids, 12)], axis=1)),
        "member_id": p.member_ids.take(member),
        "contract_id": contract_ids(contract_no),
        "care_date": dates(care),
        "payment_date": dates(payment),
        "act_family": r.act_families.take(act),
        "act_code": r.act_codes.take(act),
        "practitioner_type": r.act_practitioners.take(act),
        "actual_cost": decimal(actual),
        "ss_base": decimal(base),
        "ss_reimbursement": decimal(ss),
        "complementary_reimbursement": decimal(comp),
        "out_of_pocket": decimal(oop),
        "comment": comment,
        "updated_at": timestamps(liquidation),
    })  # fmt: skip


def _comments(rng: np.random.Generator, r: ReferenceArrays, member: np.ndarray, care: np.ndarray, oop: np.ndarray,
              p: People) -> pa.Array:  # fmt: skip
    """A comment on a few lines; many quote the member's personal data, as people write them."""
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
    other_phone = mobile_numbers(rng, c, 0.5)
    phone_mat = np.where(rng.random(c)[:, None] < COMMENT_MEMBERS_OWN_PHONE, p.phone_mat[mem], other_phone)
    nir_mat = p.nir_mat[mem]
    amount = pc.replace_substring(decimal(oop[has]).cast(pa.string()), ".", ",")
    values: dict[str, pa.Array] = {
        "civ": pa.array(np.where(p.female[mem], "Mme", "M.")),
        "first": r.first_names.take(p.first[mem]),
        "last": r.last_names.take(p.last[mem]),
        "phone": fixed_strings(spaced(phone_mat, (2, 2, 2, 2, 2))),
        "nir": replace_where(
            fixed_strings(nir_mat),
            rng.random(c) < COMMENT_NIR_SPACED,
            fixed_strings(spaced(nir_mat, (1, 2, 2, 2, 3, 3, 2))),
        ),
        "email": pc.coalesce(p.email.take(mem), pc.binary_join_element_wise(
            r.first_ascii.take(p.first[mem]), ".", r.last_ascii.take(p.last[mem]), "@gmail.com", "")),
        "iban": fixed_strings(spaced(p.iban_mat[mem], (4, 4, 4, 4, 4, 4, 3))),
        "address": pc.binary_join_element_wise(
            p.address.take(mem), ", ", r.postal_codes.take(p.commune[mem]), " ",
            r.commune_names.take(p.commune[mem]), ""),
        "doctor": r.last_names.take(weighted(rng, r.last_weights, c)),
        "date": french_date(care[has]),
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
        joined = pc.binary_join_element_wise(*pieces, "") if len(pieces) > 1 else pa.array([pieces[0]] * int(sel.sum()))
        texts = replace_where(texts, sel, joined)
    mask = np.zeros(k, dtype=bool)
    mask[has] = True
    return replace_where(pa.nulls(k, pa.string()), mask, texts)


def _deduplicate(member: np.ndarray, act: np.ndarray, care: np.ndarray, actual: np.ndarray) -> np.ndarray:
    """Costs nudged up by a cent where a member has two lines with the same act, care date and cost."""
    actual = actual.copy()
    # one int64 per line: member (17 bits) | act (6) | care day in a 1024-day span (10) | cost in cents (30)
    assert constants.CHUNK_MEMBERS < 1 << 17 and len(ref.ACTS) < 1 << 6 and actual.max(initial=0) < 1 << 30
    prefix = ((member << 6 | act) << 10 | (care - care.min(initial=0))) << 30
    while True:
        key = prefix | actual
        order = np.argsort(key)
        same = key[order][1:] == key[order][:-1]
        if not same.any():
            return actual
        actual[order[1:][same]] += 1
