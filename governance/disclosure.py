"""Python-side re-checks of disclosure control on the very rows the gate is about to write.

k and empty masked values on every cell table, k-anonymity, l-diversity and
linkability of the member-level table, information loss. Secondary suppression
and the attacker's audit over a consumer's whole release are in
``governance.sdc`` (called by ``governance.protection``). Messages carry counts
and column names, never values.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pyarrow as pa

from confiance.contracts import QUASI_IDENTIFIER, Contract

L_DIVERSITY = 3
AMOUNT_COLUMNS = ("actual_cost", "complementary_reimbursement", "premiums_earned", "out_of_pocket")


def _dbt_test_args(contract: Contract, test: str) -> list[dict[str, Any]]:
    out = []
    for entry in contract.table_custom.get("dbt_tests") or []:
        if isinstance(entry, dict) and test in entry:
            out.append((entry[test] or {}).get("arguments", {}))
    return out


def value_columns(contract: Contract) -> list[str]:
    """Columns a masked cell must leave empty (from the contract's masked_values_are_null test)."""
    cols: list[str] = []
    for args in _dbt_test_args(contract, "masked_values_are_null"):
        cols += list(args.get("columns", []))
    return cols


def check_k(table: pa.Table, k: int, contract: Contract) -> list[str]:
    """Every unmasked cell has no member or at least k distinct members; masked cells show no value.

    Zero cells are published as 0 over the complete grid (a row's presence says nothing about anyone).
    """
    if contract.table_custom.get("member_level"):
        return []  # checked by check_k_l on the equivalence classes
    names = table.column_names
    if "masking" not in names:
        return ["no masking column: cannot prove each cell's disclosure status"]
    masking = table.column("masking").to_pylist()
    reasons: list[str] = []
    if "member_count" in names:
        counts = table.column("member_count").to_pylist()
        small = sum(1 for m, c in zip(masking, counts, strict=True) if m == "none" and (c is None or 0 < c < k))
        if small:
            reasons.append(f"k: {small} published cell(s) count between 1 and {k - 1} distinct members")
    elif not contract.table_custom.get("statement_only"):
        reasons.append("k: no member_count column to check")
    for col in value_columns(contract):
        if col not in names:
            reasons.append(f"k: value column {col} missing")
            continue
        values = table.column(col).to_pylist()
        shown = sum(1 for m, v in zip(masking, values, strict=True) if m != "none" and v is not None)
        if shown:
            reasons.append(f"k: {shown} masked cell(s) still show {col}")
    return reasons


def check_k_l(table: pa.Table, contract: Contract, k: int, l_div: int) -> list[str]:
    """The member-level table is k-anonymous on its quasi-identifiers and l-diverse on its sensitive attribute."""
    qis = [c.name for c in contract.columns if c.classification == QUASI_IDENTIFIER]
    sensitive = contract.table_custom.get("sensitive_attribute")
    if not qis or not sensitive:
        return ["l-diversity: the contract names no quasi-identifiers or no sensitive_attribute"]
    missing = [c for c in [*qis, sensitive] if c not in table.column_names]
    if missing:
        return [f"l-diversity: column(s) {', '.join(missing)} missing"]
    classes: dict[tuple, list[Any]] = defaultdict(list)
    keys = zip(*(table.column(c).to_pylist() for c in qis), strict=True)
    for key, s in zip(keys, table.column(sensitive).to_pylist(), strict=True):
        classes[key].append(s)
    small = sum(1 for v in classes.values() if len(v) < k)
    poor = sum(1 for v in classes.values() if len(set(v)) < l_div)
    reasons = []
    if small:
        reasons.append(f"k-anonymity: {small} equivalence class(es) with fewer than {k} members")
    if poor:
        reasons.append(f"l-diversity: {poor} equivalence class(es) with fewer than {l_div} distinct {sensitive} values")
    return reasons


def masked_cell_share(table: pa.Table) -> float | None:
    if "masking" not in table.column_names or table.num_rows == 0:
        return None
    masking = table.column("masking").to_pylist()
    return sum(1 for m in masking if m != "none") / len(masking)


def masked_amount_share(truth: Any) -> float | None:
    """Share of the first amount measure (actual cost, reimbursement, premium...) held by masked cells.

    ``truth`` is the consumer's cell table with true values and the final ``masked`` flags.
    """
    amount = next((c for c in AMOUNT_COLUMNS if c in truth.columns), None)
    if amount is None or "masked" not in truth.columns or len(truth) == 0:
        return None
    values = truth[amount].astype(float)
    total = float(values.sum())
    if not total:
        return 0.0
    return float(values[truth["masked"].astype(bool)].sum()) / total


def check_unique_on_one_value(table: pa.Table, contract: Contract, k: int) -> list[str]:
    """No member-level record is singled out by its quasi-identifiers plus any one published value of it.

    Every non-empty value of a column listed in the contract's ``linking_values`` must be shared, within its
    quasi-identifier class, by at least k records.
    """
    qis = [c.name for c in contract.columns if c.classification == QUASI_IDENTIFIER]
    linkable = contract.table_custom.get("linking_values")
    if linkable is None:
        return []
    missing = [c for c in [*qis, *linkable] if c not in table.column_names]
    if missing:
        return [f"linkability: column(s) {', '.join(missing)} missing"]
    frame = table.select([*qis, *linkable]).to_pandas()
    bad = 0
    for column in linkable:
        shown = frame[frame[column].notna()]
        if shown.empty:
            continue
        sizes = shown.groupby([*qis, column], dropna=False)[column].transform("size")
        bad += int((sizes < k).sum())
    return (
        [f"linkability: {bad} published value(s) single out fewer than {k} records with the quasi-identifiers"]
        if bad
        else []
    )
