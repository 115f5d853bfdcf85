"""The registry of Confiance's named checks (``type: custom, engine: confiance``).

A contract names a check by its ``implementation``; this module implements each
one exactly once, as a DuckDB SQL expression evaluated per row of the dataset
being validated (alias ``t``). Per-row identifier rules come from
``confiance.identifiers`` (their SQL twins, kept in step with the Python
functions by tests); set-level rules (uniqueness of a combination, one active
individual contract, benefit within a contract) are window functions or
correlated lookups that DuckDB evaluates over the whole dataset, so a batch of
rows handed to Great Expectations carries a per-row verdict that does not depend
on which batch the row fell in.

An expression yields TRUE (row respects the rule), FALSE (row breaks it) or NULL
(the rule does not apply to the row, for instance an empty optional column);
Great Expectations skips NULLs, like SQL CHECK constraints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from confiance import identifiers
from confiance.settings import disclosure_min_cell_size
from confiance.sql import quote_identifier as _q


class CheckNotApplicable(Exception):
    """The check cannot be evaluated in this zone (for example a column is generalised away)."""


@dataclass(frozen=True)
class ZoneColumn:
    """Where a feed column lives in the zone being validated."""

    name: str
    generalisation: str | None = None  # None (as is), "month", "token"


class ZoneView:
    """How the columns and sibling datasets of a contract appear in one zone."""

    def __init__(
        self,
        zone: str,
        columns: dict[str, ZoneColumn],
        relations: dict[str, str],
    ) -> None:
        self.zone = zone
        self._columns = columns
        self._relations = relations

    def col(self, name: str) -> ZoneColumn:
        try:
            return self._columns[name]
        except KeyError:
            raise CheckNotApplicable(f"column {name!r} does not reach the {self.zone} zone") from None

    def has(self, name: str) -> bool:
        return name in self._columns

    def relation(self, dataset: str) -> str:
        try:
            return self._relations[dataset]
        except KeyError:
            raise CheckNotApplicable(f"dataset {dataset!r} is not available in the {self.zone} zone") from None


def _exact(view: ZoneView, name: str) -> str:
    """A column that must reach the zone unchanged (or as a token: equality is preserved)."""
    col = view.col(name)
    if col.generalisation not in (None, "token"):
        raise CheckNotApplicable(f"column {name!r} is generalised ({col.generalisation}) in the {view.zone} zone")
    return col.name


# --- per-row identifier rules ----------------------------------------------------


def nir_key_valid(view: ZoneView, column: str | None, rule: Any) -> str:
    col = view.col(_need(column))
    if col.generalisation is not None:
        raise CheckNotApplicable("the NIR is tokenised outside the vault")
    return identifiers.nir_key_valid_sql(f"t.{_q(col.name)}")


def siret_luhn_valid(view: ZoneView, column: str | None, rule: Any) -> str:
    col = view.col(_need(column))
    if col.generalisation is not None:
        raise CheckNotApplicable("the SIRET is not kept as is in this zone")
    return identifiers.siret_luhn_valid_sql(f"t.{_q(col.name)}")


def postal_code_matches_departement(view: ZoneView, column: str | None, rule: Any) -> str:
    col = view.col(_need(column))
    if col.generalisation is not None:
        raise CheckNotApplicable("the postal code is generalised to a département in this zone")
    c = f"t.{_q(col.name)}"
    return f"(CASE WHEN {c} IS NULL THEN NULL ELSE {identifiers.postal_code_departement_sql(c)} IS NOT NULL END)"


# --- set-level rules ----------------------------------------------------------------


def unique_combination(view: ZoneView, column: str | None, rule: Any) -> str:
    props = {p.property: p.value for p in (getattr(rule, "customProperties", None) or [])}
    names = props.get("columns") or ([column] if column else None)
    if not names:
        raise ValueError(f"rule {getattr(rule, 'name', '?')}: unique_combination needs a 'columns' custom property")
    cols = [f"t.{_q(_exact(view, n))}" for n in names]
    any_null = " OR ".join(f"{c} IS NULL" for c in cols)
    return f"(CASE WHEN {any_null} THEN NULL ELSE count(*) OVER (PARTITION BY {', '.join(cols)}) = 1 END)"


def one_active_individual_contract_per_member(view: ZoneView, column: str | None, rule: Any) -> str:
    member, contract = _exact(view, "member_id"), _exact(view, "contract_id")
    ctype, start, end = _exact(view, "contract_type"), _exact(view, "start_date"), _exact(view, "end_date")
    rel = view.relation("contracts")
    far = "DATE '9999-12-31'"
    return (
        f"(CASE WHEN t.{_q(ctype)} IS DISTINCT FROM 'individual' THEN NULL ELSE NOT EXISTS ("
        f"SELECT 1 FROM {rel} AS o WHERE o.{_q(member)} = t.{_q(member)} "
        f"AND o.{_q(contract)} <> t.{_q(contract)} AND o.{_q(ctype)} = 'individual' "
        f"AND CAST(o.{_q(start)} AS DATE) <= coalesce(CAST(t.{_q(end)} AS DATE), {far}) "
        f"AND CAST(t.{_q(start)} AS DATE) <= coalesce(CAST(o.{_q(end)} AS DATE), {far})) END)"
    )


def benefit_within_contract_validity(view: ZoneView, column: str | None, rule: Any) -> str:
    contract = _exact(view, "contract_id")
    care = view.col("care_date")
    contracts = view.relation("contracts")
    # The contract feed's own columns in this zone (same crossing rules as the feed).
    start, end = "start_date", "end_date"
    far = "DATE '9999-12-31'"
    if care.generalisation == "month":
        lower = f"date_trunc('month', CAST(c.{start} AS DATE))"
    elif care.generalisation is None:
        lower = f"CAST(c.{start} AS DATE)"
    else:
        raise CheckNotApplicable("the care date does not reach this zone")
    care_expr = f"CAST(t.{_q(care.name)} AS DATE)"
    return (
        f"(CASE WHEN t.{_q(contract)} IS NULL OR t.{_q(care.name)} IS NULL THEN NULL ELSE EXISTS ("
        f"SELECT 1 FROM {contracts} AS c WHERE c.{_q(contract)} = t.{_q(contract)} "
        f"AND {care_expr} >= {lower} AND {care_expr} <= coalesce(CAST(c.{end} AS DATE), {far})) END)"
    )


def k_anonymous_l_diverse(view: ZoneView, column: str | None, rule: Any) -> str:
    """Member-level table: each row's equivalence class on the quasi-identifiers holds at least k
    records and at least l distinct values of the sensitive attribute (rule custom properties
    ``quasi_identifiers``, ``sensitive_attribute``, ``k``, ``l``)."""
    props = {p.property: p.value for p in (getattr(rule, "customProperties", None) or [])}
    names, sensitive = props.get("quasi_identifiers"), props.get("sensitive_attribute")
    if not names or not sensitive:
        raise ValueError(
            f"rule {getattr(rule, 'name', '?')}: k_anonymous_l_diverse needs 'quasi_identifiers' and "
            "'sensitive_attribute' custom properties"
        )
    k = int(props["k"]) if "k" in props else disclosure_min_cell_size()  # k's one home: dbt_project.yml
    l_div = int(props.get("l", 3))
    partition = ", ".join(f"t.{_q(view.col(n).name)}" for n in names)
    sens = f"t.{_q(view.col(sensitive).name)}"
    return (
        f"(count(*) OVER (PARTITION BY {partition}) >= {k} "
        f"AND count(DISTINCT {sens}) OVER (PARTITION BY {partition}) >= {l_div})"
    )


def _need(column: str | None) -> str:
    if not column:
        raise ValueError("this check applies to a column; declare it under the column's quality rules")
    return column


CheckFn = Callable[[ZoneView, "str | None", Any], str]

#: implementation name (as written in the contracts) -> SQL builder.
REGISTRY: dict[str, CheckFn] = {
    "nir_key_valid": nir_key_valid,
    "siret_luhn_valid": siret_luhn_valid,
    "postal_code_matches_departement": postal_code_matches_departement,
    "unique_combination": unique_combination,
    "one_active_individual_contract_per_member": one_active_individual_contract_per_member,
    "benefit_within_contract_validity": benefit_within_contract_validity,
    "k_anonymous_l_diverse": k_anonymous_l_diverse,
}


def check_sql(implementation: str, view: ZoneView, column: str | None, rule: Any) -> str:
    """The per-row SQL verdict of the named check, or CheckNotApplicable / ValueError."""
    try:
        fn = REGISTRY[implementation]
    except KeyError:
        known = ", ".join(sorted(REGISTRY))
        raise ValueError(f"unknown confiance check implementation {implementation!r}; known: {known}") from None
    return fn(view, column, rule)
