"""Python-side re-checks of disclosure control, independent of the dbt macros that enforce it.

The publication gate runs these on the very rows it is about to write. They use
only the published table, its ODCS contract and (for dominance and information
loss) the unpublished cell tables ``intermediate.int_disclosure__<mart>`` that
dbt keeps in the warehouse. Messages carry counts and column names, never values.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from confiance.contracts import QUASI_IDENTIFIER, Contract

DOMINANCE = 0.85
L_DIVERSITY = 3
CELL_SCHEMA = "intermediate"
AMOUNT_COLUMNS = ("actual_cost", "complementary_reimbursement", "premiums_earned", "out_of_pocket")

_PII_PATTERNS = {
    "pseudonym_token": re.compile(r"\b[a-z][a-z0-9_-]*\.v[0-9]+\.[0-9a-f]{16,}\b"),
    "nir": re.compile(r"\b[12]\s?[0-9]{2}\s?[0-9]{2}\s?(?:2A|2B|[0-9]{2})\s?[0-9]{3}\s?[0-9]{3}\s?[0-9]{2}\b"),
    "email": re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"),
    "phone": re.compile(r"(?:\+33\s?|\b0)[1-9](?:[\s.-]?[0-9]{2}){4}\b"),
    "iban": re.compile(r"\bFR[0-9]{2}(?:\s?[0-9A-Z]{4}){5}\s?[0-9A-Z]{3}\b"),
}


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


def secondary_groups(contract: Contract) -> list[list[str]]:
    return [list(a["group_by"]) for a in _dbt_test_args(contract, "no_isolated_masked_cell")]


def check_k(table: pa.Table, k: int, contract: Contract) -> list[str]:
    """Every unmasked cell has >= k distinct members; masked cells show no value."""
    if contract.table_custom.get("member_level"):
        return []  # checked by check_k_l on the equivalence classes
    names = table.column_names
    if "masking" not in names:
        return ["no masking column: cannot prove each cell's disclosure status"]
    masking = table.column("masking").to_pylist()
    reasons: list[str] = []
    if "member_count" in names:
        counts = table.column("member_count").to_pylist()
        small = sum(1 for m, c in zip(masking, counts, strict=True) if m == "none" and (c is None or c < k))
        if small:
            reasons.append(f"k: {small} published cell(s) count fewer than {k} distinct members")
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


def check_secondary(table: pa.Table, contract: Contract) -> list[str]:
    """No derivable group total covers exactly one masked cell among several."""
    reasons = []
    if "masking" not in table.column_names:
        return reasons
    masking = table.column("masking").to_pylist()
    for group in secondary_groups(contract):
        keys = list(zip(*(table.column(c).to_pylist() for c in group), strict=True))
        cells: Counter = Counter(keys)
        masked: Counter = Counter(k for k, m in zip(keys, masking, strict=True) if m != "none")
        isolated = sum(1 for key, n in masked.items() if n == 1 and cells[key] > 1)
        if isolated:
            reasons.append(f"secondary suppression: {isolated} group(s) by {'/'.join(group)} hold a single masked "
                           "cell that the group total would reveal")
    return reasons


def cell_table(mart: str) -> str:
    return "int_disclosure__" + mart.removeprefix("mart_").replace("__", "_", 1)


def _has_table(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    return bool(con.execute(
        "select count(*) from information_schema.tables where table_schema = ? and table_name = ?", [schema, table]
    ).fetchone()[0])


def check_dominance(con: duckdb.DuckDBPyConnection, mart: str, settings: Any,
                    threshold: float = DOMINANCE) -> list[str]:
    """No published cell where one member holds more than ``threshold`` of an amount."""
    table = cell_table(mart)
    if not _has_table(con, CELL_SCHEMA, table):
        return []
    cols = [r[0] for r in con.execute(
        "select column_name from information_schema.columns where table_schema = ? and table_name = ?",
        [CELL_SCHEMA, table]).fetchall()]
    if "dominant_share" not in cols:
        return []
    n = con.execute(
        f'select count(*) from "{CELL_SCHEMA}"."{table}" where masking = \'none\' and dominant_share > ?', [threshold]
    ).fetchone()[0]
    return [f"dominance: {n} published cell(s) where one member holds more than {threshold:.0%}"] if n else []


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


def masked_amount_share(con: duckdb.DuckDBPyConnection, mart: str) -> float | None:
    """Share of the first amount measure (actual cost, reimbursement, premium...) held by masked cells."""
    table = cell_table(mart)
    if not _has_table(con, CELL_SCHEMA, table):
        return None
    cols = {r[0] for r in con.execute(
        "select column_name from information_schema.columns where table_schema = ? and table_name = ?",
        [CELL_SCHEMA, table]).fetchall()}
    amount = next((c for c in AMOUNT_COLUMNS if c in cols), None)
    if amount is None or "masking" not in cols:
        return None
    total, masked = con.execute(
        f'select sum({amount}), sum(case when masking <> \'none\' then {amount} else 0 end) '
        f'from "{CELL_SCHEMA}"."{table}"').fetchone()
    if not total:
        return 0.0
    return float(masked) / float(total)


def fallback_pii_scan(paths: list[Path]) -> list[str]:
    """A regex scan for tokens and French direct identifiers in string columns (used until pii_gate exists)."""
    reasons = []
    for path in paths:
        table = pq.read_table(path)
        for name in table.column_names:
            column = table.column(name)
            if not pa.types.is_string(column.type) and not pa.types.is_large_string(column.type):
                continue
            values = [v for v in column.to_pylist() if v]
            for entity, pattern in _PII_PATTERNS.items():
                hits = sum(1 for v in values if pattern.search(v))
                if hits:
                    reasons.append(f"PII scan: {path.name} column {name}: {hits} value(s) look like {entity}")
    return reasons
