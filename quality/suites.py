"""Great Expectations suites generated from the ODCS contracts (never written by hand).

For every dataset (a raw feed in the vault, its pseudonymised table in the
warehouse, a mart after dbt) this module turns the contract into a
``DatasetPlan``: the Great Expectations expectations, each tagged with the rule it
comes from, its pillar (dimension) and its severity, and the SQL that reads the
dataset from DuckDB in batches (with the per-row verdicts of set-level rules
computed by DuckDB, see ``quality.checks``).

Mapping from the contract:

- ``required`` -> ``ExpectColumnValuesToNotBeNull`` (``mostly`` from the
  ``completeness_min`` custom property; an optional column with a
  ``completeness_min`` gets a warning-level completeness check);
- ``unique`` / ``primaryKey`` -> uniqueness over the whole dataset (in a raw feed, which keeps every landed
  version of a record: a key once per landed file, a unique value to one record);
- ``logicalTypeOptions`` ``pattern`` / ``enum`` / ``minimum`` / ``maximum`` ->
  ``ExpectColumnValuesToMatchRegex`` / ``ExpectColumnValuesToBeInSet`` /
  ``ExpectColumnValuesToBeBetween``;
- dates in range: every date or timestamp is on or after 1900-01-01 (or the
  contract's ``minimum``), and a required one is not in the future;
- quality rules ``type: sql`` -> the condition evaluated per row;
  ``type: custom, engine: confiance`` -> the named check of ``quality.checks``;
- ``slaProperties`` ``latency`` -> ``ExpectColumnMaxToBeBetween`` on the SLA's
  element (newest record) and on the newest file arrival of the landing ledger;
- severity from the rule's ``severity`` (``error`` blocks, ``warning`` reports);
  generated structural checks are errors, optional-column completeness and
  freshness are warnings.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import great_expectations as gx
import sqlglot
from sqlglot import exp

from confiance import identifiers
from confiance.contracts import DIRECT_IDENTIFIER, FREE_TEXT, QUASI_IDENTIFIER, Column, Contract
from confiance.crossing_rules import BirthYearAgeBand, Consent, Departement, Keep, Month, Scrub, Token
from confiance.sql import quote_identifier as _q
from quality.checks import CheckNotApplicable, ZoneColumn, ZoneView, check_sql

#: Columns whose values never appear in a result, a log or Data Docs.
PROTECTED_CLASSIFICATIONS = frozenset({DIRECT_IDENTIFIER, QUASI_IDENTIFIER, FREE_TEXT})

EARLIEST_DATE = dt.date(1900, 1, 1)


def ymd(day: dt.date) -> int:
    """A date as the yyyymmdd integer the batches carry dates as."""
    return day.year * 10000 + day.month * 100 + day.day


AGE_BAND_PATTERN = r"^(?:[0-9]{1,3}-[0-9]{1,3}|[0-9]{1,3}\+)$"
#: Personal data that must not survive the scrubbing of free text.
NIR_IN_TEXT = r"[12][0-9]{4}(?:2A|2B|[0-9]{2})[0-9]{6}[0-9]{2}"
EMAIL_IN_TEXT = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"

DATE_TYPES = ("date", "timestamp")
NUMBER_TYPES = ("number", "integer")


@dataclass
class Check:
    """One expectation of a suite, with where it comes from and what a failure means."""

    name: str
    expectation: Any  # a great_expectations Expectation
    severity: str  # "error" (blocking) or "warning"
    dimension: str
    description: str
    helper: tuple[str, str] | None = None  # (batch column, DuckDB SQL expression)
    aggregate: bool = False  # column aggregate (merged across batches) rather than per row

    @property
    def blocking(self) -> bool:
        return self.severity == "error"

    @property
    def per_row(self) -> bool:
        """True when a row's verdict depends on that row alone (completeness, format, range, a per-row rule): such a
        check may run on the rows landed since the last successful check only. A column aggregate (freshness) or a
        verdict reading other rows (a window: uniqueness; a subquery: a contract of the member, one active contract)
        is a cross-batch rule and runs over the whole feed, as does a share of rows (``mostly`` below 1: the
        contract's completeness is a statement about the dataset, not about one day's file)."""
        if self.aggregate or (self.expectation.configuration.kwargs.get("mostly") or 1.0) < 1.0:
            return False
        return self.helper is None or not reads_other_rows(self.helper[1])

    @property
    def column(self) -> str:
        return self.expectation.configuration.kwargs["column"]


def reads_other_rows(sql: str) -> bool:
    """Whether a per-row SQL verdict reads other rows than its own (a window function or a subquery)."""
    tree = sqlglot.parse_one(sql, read="duckdb")
    return any(True for _ in tree.find_all(exp.Window, exp.Select, exp.Subquery, exp.Exists))


#: The scope of a check when a dataset is checked incrementally (``DatasetPlan.batch``): the new batch, or the whole
#: dataset (a raw feed in the vault, a pseudonymised table in the warehouse).
SCOPE_BATCH = "batch"
SCOPE_FEED = "whole feed"
SCOPE_TABLE = "whole table"


@dataclass(frozen=True)
class Batch:
    """The rows of a dataset a per-row check runs on when it is checked incrementally: those of the batches not
    covered by the last successful check (``where``, SQL on ``t``), described for the quality log. A batch is a landed
    file in the vault (ledger file id), a crossing in the warehouse (the crossing's stamp on the rows it wrote)."""

    where: str
    files: tuple[str, ...]  # the batches not covered yet (ledger file ids; crossing stamps)
    label: str


@dataclass
class DatasetPlan:
    """Everything needed to validate one dataset: its suite and how to read it."""

    dataset: str  # "raw.members", "pseudo.benefits", "<mart>"
    stage: str  # feeds | warehouse | marts
    contract: str
    relation: str  # SQL relation read with alias t
    select: dict[str, str] = field(default_factory=dict)  # batch column -> SQL expression
    ref_columns: list[str] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # rules not applicable in this zone, with reason
    where: str = ""  # SQL on t: the rows read (a sub-plan's batch); empty: every row
    batch: Batch | None = None  # checked incrementally: per-row checks on this batch, cross-batch rules whole
    whole_reason: str = ""  # checked whole although it could be incremental: why (first check, code changed...)

    @property
    def whole_scope(self) -> str:
        """The name of the whole dataset's scope: the whole feed (vault), the whole table (warehouse, marts)."""
        return SCOPE_FEED if self.stage == "feeds" else SCOPE_TABLE

    def batch_sql(self) -> str:
        cols = ",\n  ".join(f"{sql} AS {_q(alias)}" for alias, sql in self.select.items())
        return f"SELECT\n  {cols}\nFROM {self.relation} AS t" + (f"\nWHERE {self.where}" if self.where else "")

    def scope(self, check: Check) -> str:
        """Where ``check`` runs: the batch (per-row checks of an incremental plan) or the whole dataset."""
        return SCOPE_BATCH if self.batch is not None and check.per_row else self.whole_scope

    def sub_plans(self) -> list[tuple[str, DatasetPlan]]:
        """The plan as GX validates it: whole, or (incremental) its per-row checks on the batch's rows and its
        cross-batch rules on the whole dataset, each reading only the columns its checks need (a narrow projection
        of the whole feed: keys, dates, verdicts)."""
        if self.batch is None:
            return [(self.whole_scope, self)]
        out = []
        for scope, where in ((SCOPE_BATCH, self.batch.where), (self.whole_scope, "")):
            checks = [c for c in self.checks if self.scope(c) == scope]
            if not checks:
                continue
            wanted = [*self.ref_columns, *(c.column for c in checks)]
            select = {k: v for k, v in self.select.items() if k in wanted}
            name = f"{self.dataset} [{scope}]"
            out.append(
                (
                    scope,
                    DatasetPlan(
                        name, self.stage, self.contract, self.relation, select, self.ref_columns, checks, where=where
                    ),
                )
            )
        return out

    def suite(self) -> Any:
        return gx.ExpectationSuite(
            name=self.dataset,
            expectations=[c.expectation for c in self.checks],
            meta={
                "generated_from": f"contracts ({self.contract})",
                "stage": self.stage,
                "note": "Generated by quality.suites from the ODCS contract; do not edit by hand.",
            },
        )


def _gx_severity(severity: str) -> str:
    return "critical" if severity == "error" else "warning"


def _opt(rule: Any, name: str, default: Any = None) -> Any:
    return getattr(rule, name, None) or default


class _Builder:
    def __init__(self, plan: DatasetPlan, view: ZoneView, as_of: dt.date) -> None:
        self.plan = plan
        self.view = view
        self.as_of = as_of
        self.names: set[str] = set()

    # columns are read in the batch in a form GX compares well: dates as timestamps, numbers as doubles
    def use(self, column: str, kind: str) -> str:
        if column not in self.plan.select:
            ref = f"t.{_q(column)}"
            if kind in DATE_TYPES:
                # dates travel as yyyymmdd integers: GX compares numbers vectorised, datetimes row by row
                d = f"TRY_CAST({ref} AS DATE)"
                sql = f"(year({d}) * 10000 + month({d}) * 100 + day({d}))"
            elif kind in NUMBER_TYPES:
                sql = f"TRY_CAST({ref} AS DOUBLE)"
            elif kind == "boolean":
                sql = ref
            else:
                sql = f"CAST({ref} AS VARCHAR)"
            self.plan.select[column] = sql
        return column

    def add(
        self,
        name: str,
        expectation_cls: Any,
        *,
        severity: str,
        dimension: str,
        description: str,
        rule: str,
        helper: tuple[str, str] | None = None,
        aggregate: bool = False,
        **kwargs: Any,
    ) -> None:
        base, n = name, 2
        while name in self.names:
            name, n = f"{base}_{n}", n + 1
        self.names.add(name)
        if helper is not None:
            self.plan.select[helper[0]] = helper[1]
        expectation = expectation_cls(
            **kwargs,
            severity=_gx_severity(severity),
            description=description,
            meta={
                "check": name,
                "rule": rule,
                "dimension": dimension,
                "severity": severity,
                "dataset": self.plan.dataset,
            },
        )
        self.plan.checks.append(Check(name, expectation, severity, dimension, description, helper, aggregate))

    def flag(self, name: str, sql: str, *, severity: str, dimension: str, description: str, rule: str) -> None:
        alias = f"_check__{re.sub(r'[^0-9A-Za-z_]', '_', name)}"
        self.add(
            name,
            gx.expectations.ExpectColumnValuesToBeInSet,
            severity=severity,
            dimension=dimension,
            description=description,
            rule=rule,
            helper=(alias, sql),
            column=alias,
            value_set=[True],
        )


def _column_checks(
    b: _Builder, col: Column, target: ZoneColumn, *, kind: str, zone_rules: bool, record_key: str | None = None
) -> None:
    """Completeness, uniqueness, conformity and date range of one column in its zone.

    ``record_key``: in a zone that keeps every landed version of a record (the vault's raw feeds, where a later
    file's row with the same primary key is a new version: a member's change of address), the primary key. There
    uniqueness means what landing and crossing mean by it: a key appears once per landed file, and a unique value
    belongs to one record (whatever its versions); elsewhere, once over the whole dataset."""
    name = target.name
    completeness = col.custom.get("completeness_min")
    if col.required:
        mostly = float(completeness) if completeness is not None else 1.0
        b.use(name, kind)
        b.add(
            f"{name}.not_null",
            gx.expectations.ExpectColumnValuesToNotBeNull,
            column=name,
            mostly=mostly,
            severity="error",
            dimension="completeness",
            rule="required",
            description=f"{name} is filled" + (f" in at least {mostly:.0%} of rows" if mostly < 1 else ""),
        )
    elif completeness is not None:
        b.use(name, kind)
        b.add(
            f"{name}.completeness",
            gx.expectations.ExpectColumnValuesToNotBeNull,
            column=name,
            mostly=float(completeness),
            severity="warning",
            dimension="completeness",
            rule="completeness_min",
            description=f"{name} is filled in at least {float(completeness):.0%} of rows",
        )
    if col.unique or col.primary_key:
        ref = f"t.{_q(name)}"
        if record_key is None:
            counted, where = f"count(*) OVER (PARTITION BY {ref})", "over the whole dataset"
        elif col.primary_key:
            counted, where = f"count(*) OVER (PARTITION BY {ref}, t._file_id)", "within each landed file"
        else:
            counted = f"count(DISTINCT t.{_q(record_key)}) OVER (PARTITION BY {ref})"
            where = f"to one {record_key} (all its versions)"
        b.flag(
            f"{name}.unique",
            f"(CASE WHEN {ref} IS NULL THEN NULL ELSE {counted} = 1 END)",
            severity="error",
            dimension="uniqueness",
            rule="primaryKey" if col.primary_key else "unique",
            description=f"{name} is unique {where} (counted by DuckDB)",
        )
    if not zone_rules:
        return
    opts = col.options
    if opts.get("pattern"):
        b.use(name, "string")
        b.add(
            f"{name}.pattern",
            gx.expectations.ExpectColumnValuesToMatchRegex,
            column=name,
            regex=opts["pattern"],
            severity="error",
            dimension="conformity",
            rule="logicalTypeOptions.pattern",
            description=f"{name} has the expected format",
        )
    if opts.get("enum"):
        b.use(name, "string")
        b.add(
            f"{name}.in_set",
            gx.expectations.ExpectColumnValuesToBeInSet,
            column=name,
            value_set=list(opts["enum"]),
            severity="error",
            dimension="conformity",
            rule="logicalTypeOptions.enum",
            description=f"{name} is in the reference list",
        )
    if kind in NUMBER_TYPES and (opts.get("minimum") is not None or opts.get("maximum") is not None):
        b.use(name, kind)
        b.add(
            f"{name}.range",
            gx.expectations.ExpectColumnValuesToBeBetween,
            column=name,
            min_value=opts.get("minimum"),
            max_value=opts.get("maximum"),
            severity="error",
            dimension="conformity",
            rule="logicalTypeOptions.minimum/maximum",
            description=f"{name} is within its allowed range",
        )
    if kind in DATE_TYPES:
        minimum = opts.get("minimum")
        low = dt.date.fromisoformat(str(minimum)[:10]) if minimum else EARLIEST_DATE
        # A required date is a fact that happened; optional ones (an end date) may be planned ahead.
        high = b.as_of if col.required else None
        b.use(name, kind)
        b.add(
            f"{name}.date_range",
            gx.expectations.ExpectColumnValuesToBeBetween,
            column=name,
            min_value=ymd(low),
            max_value=None if high is None else ymd(high),
            severity="error",
            dimension="conformity",
            rule="dates in range",
            description=f"{name} (yyyymmdd) is on or after {low}" + (" and not in the future" if high else ""),
        )


def _rule_checks(b: _Builder, rules: tuple[Any, ...], column: str | None) -> None:
    """The contract's quality rules (sql and confiance custom checks)."""
    for rule in rules:
        name = _opt(rule, "name") or f"{column or 'table'}_{_opt(rule, 'implementation', 'rule')}"
        severity = _opt(rule, "severity", "error")
        if severity not in ("error", "warning"):
            raise ValueError(f"{b.plan.contract}: rule {name}: severity must be error or warning, not {severity!r}")
        dimension = _opt(rule, "dimension", "accuracy")
        description = (_opt(rule, "description") or name).strip()
        rtype = _opt(rule, "type", "")
        try:
            if rtype == "sql":
                sql = _zone_sql(_opt(rule, "query"), b.view)
                flag_sql = f"({sql})"
                rule_label = f"sql: {_opt(rule, 'query')}"
            elif rtype == "custom" and _opt(rule, "engine") == "confiance":
                impl = _opt(rule, "implementation")
                flag_sql = check_sql(impl, b.view, column, rule)
                rule_label = f"confiance: {impl}"
            else:
                b.plan.skipped.append(f"{name}: rule type {rtype!r} is not evaluated by Confiance")
                continue
        except CheckNotApplicable as exc:
            b.plan.skipped.append(f"{name}: {exc}")
            continue
        b.flag(name, flag_sql, severity=severity, dimension=dimension, description=description, rule=rule_label)


def _zone_sql(query: str, view: ZoneView) -> str:
    """A contract's SQL condition with its columns renamed to the zone's (t.<column>)."""
    if not query:
        raise ValueError("a sql quality rule needs a query")
    tree = sqlglot.parse_one(query, read="duckdb")
    for node in tree.find_all(exp.Column):
        col = view.col(node.name)
        node.set("this", exp.to_identifier(col.name, quoted=True))
        node.set("table", exp.to_identifier("t"))
    return tree.sql(dialect="duckdb")


def _latency_days(contract: Contract) -> tuple[int, str] | None:
    sla = contract.sla.get("latency")
    if sla is None:
        return None
    unit = (sla.unit or "d").lower()
    factor = {"d": 1, "day": 1, "days": 1, "w": 7, "week": 7, "weeks": 7, "h": 1 / 24}.get(unit)
    if factor is None:
        raise ValueError(f"{contract.path.name}: latency unit {sla.unit!r} is not supported (use d)")
    days = max(1, int(round(float(sla.value) * factor)))
    element = (sla.element or "").split(".")[-1]
    return days, element


def _feed_view(contract: Contract) -> ZoneView:
    from confiance.contracts import feed_contracts

    return ZoneView(
        "vault",
        {c.name: ZoneColumn(c.name) for c in contract.columns},
        {name: f"raw.{_q(name)}" for name in feed_contracts()},
    )


def feed_plan(contract: Contract, as_of: dt.date, newest_arrival: dt.datetime | None) -> DatasetPlan:
    """The suite of a raw feed in the vault; failing rows are referenced by ``_file_id`` and ``_line``."""
    plan = DatasetPlan(
        dataset=f"raw.{contract.name}",
        stage="feeds",
        contract=contract.path.name,
        relation=f"raw.{_q(contract.name)}",
    )
    b = _Builder(plan, _feed_view(contract), as_of)
    plan.select["_file_id"] = "CAST(t._file_id AS VARCHAR)"
    plan.select["_line"] = "t._line"
    plan.ref_columns = ["_file_id", "_line"]
    keys = [c.name for c in contract.columns if c.primary_key]
    record_key = keys[0] if len(keys) == 1 else None
    for col in contract.columns:
        _column_checks(b, col, ZoneColumn(col.name), kind=col.logical_type, zone_rules=True, record_key=record_key)
        _rule_checks(b, col.quality, col.name)
    _rule_checks(b, contract.table_quality, None)
    latency = _latency_days(contract)
    if latency:
        days, element = latency
        oldest = ymd(as_of - dt.timedelta(days=days))
        if element:
            b.use(element, contract.column(element).logical_type)
            b.add(
                f"{element}.freshness",
                gx.expectations.ExpectColumnMaxToBeBetween,
                column=element,
                min_value=oldest,
                severity="warning",
                dimension="freshness",
                rule=f"sla latency {days} d",
                aggregate=True,
                description=f"the newest {element} is at most {days} day(s) before the run date",
            )
        arrival = str(ymd(newest_arrival.date())) if newest_arrival else "CAST(NULL AS INTEGER)"
        b.add(
            "file_arrival.freshness",
            gx.expectations.ExpectColumnMaxToBeBetween,
            column="_landed_at",
            min_value=oldest,
            severity="warning",
            dimension="freshness",
            rule=f"sla latency {days} d",
            aggregate=True,
            helper=("_landed_at", arrival),
            description=f"a {contract.name} file landed at most {days} day(s) before the run date",
        )
    return plan


# --- warehouse ---------------------------------------------------------------------------


def _warehouse_columns(contract: Contract) -> dict[str, ZoneColumn]:
    """Where each feed column lives in ``pseudo`` when a rule can be checked there (tokens, kept, months)."""
    out: dict[str, ZoneColumn] = {}
    for col in contract.columns:
        rule = col.rule
        if isinstance(rule, Token):
            out[col.name] = ZoneColumn(rule.token_column, "token")
        elif isinstance(rule, (Keep, Consent)):
            out[col.name] = ZoneColumn(rule.target)
        elif isinstance(rule, Month):
            out[col.name] = ZoneColumn(rule.target, "month")
    return out


def warehouse_plan(contract: Contract, as_of: dt.date, domain: str) -> DatasetPlan:
    """The suite of a pseudonymised table, generated from the crossing rules of its feed contract."""
    from confiance.contracts import feed_contracts

    view = ZoneView(
        "warehouse",
        _warehouse_columns(contract),
        {name: f"pseudo.{_q(name)}" for name in feed_contracts()},
    )
    plan = DatasetPlan(
        dataset=f"pseudo.{contract.name}",
        stage="warehouse",
        contract=contract.path.name,
        relation=f"pseudo.{_q(contract.name)}",
    )
    b = _Builder(plan, view, as_of)
    entity = contract.table_custom.get("primary_entity")
    token_re = rf"^{re.escape(domain)}\.v[0-9]+\.[0-9a-f]+$"
    refs: list[str] = []
    for col in contract.columns:
        rule = col.rule
        if isinstance(rule, Token):
            target = rule.token_column
            if rule.entity == entity and target not in refs:
                refs.append(target)
            if target in plan.select and f"{target}.token_format" in b.names:
                continue  # two source columns can cross as the same token (member_id and nir)
            _column_checks(b, col, ZoneColumn(target), kind="string", zone_rules=False)
            b.use(target, "string")
            b.add(
                f"{target}.token_format",
                gx.expectations.ExpectColumnValuesToMatchRegex,
                column=target,
                regex=token_re,
                severity="error",
                dimension="conformity",
                rule=f"crossing: token ({domain})",
                description=f"{target} is a keyed pseudonym of the {domain} domain",
            )
        elif isinstance(rule, (Keep, Consent)):
            _column_checks(b, col, ZoneColumn(rule.target), kind=col.logical_type, zone_rules=True)
        elif isinstance(rule, Month):
            target = rule.target
            _column_checks(b, col, ZoneColumn(target), kind="date", zone_rules=False)
            if col.required:
                b.use(target, "date")
                b.add(
                    f"{target}.date_range",
                    gx.expectations.ExpectColumnValuesToBeBetween,
                    column=target,
                    min_value=ymd(EARLIEST_DATE),
                    max_value=ymd(as_of),
                    severity="error",
                    dimension="conformity",
                    rule="dates in range",
                    description=f"{target} is after 1900 and not in the future",
                )
        elif isinstance(rule, BirthYearAgeBand):
            b.use("birth_year", "integer")
            b.add(
                "birth_year.range",
                gx.expectations.ExpectColumnValuesToBeBetween,
                column="birth_year",
                min_value=EARLIEST_DATE.year,
                max_value=as_of.year,
                severity="error",
                dimension="conformity",
                rule="crossing: birth_year_age_band",
                description="birth_year is after 1900 and not in the future",
            )
            b.use("age_band", "string")
            for target in ("birth_year", "age_band"):
                b.add(
                    f"{target}.not_null",
                    gx.expectations.ExpectColumnValuesToNotBeNull,
                    column=target,
                    severity="error",
                    dimension="completeness",
                    rule="crossing: birth_year_age_band",
                    description=f"{target} is filled",
                )
            b.add(
                "age_band.format",
                gx.expectations.ExpectColumnValuesToMatchRegex,
                column="age_band",
                regex=AGE_BAND_PATTERN,
                severity="error",
                dimension="conformity",
                rule="crossing: birth_year_age_band",
                description="age_band looks like 35-39 (or 90+)",
            )
        elif isinstance(rule, Departement):
            b.use(rule.target, "string")
            b.add(
                f"{rule.target}.in_set",
                gx.expectations.ExpectColumnValuesToBeInSet,
                column=rule.target,
                value_set=list(identifiers.DEPARTEMENTS),
                severity="error",
                dimension="conformity",
                rule="crossing: departement",
                description=f"{rule.target} is a known French département",
            )
            b.add(
                f"{rule.target}.not_null",
                gx.expectations.ExpectColumnValuesToNotBeNull,
                column=rule.target,
                severity="warning",
                dimension="completeness",
                rule="crossing: departement",
                description="every member's postal code maps to a département",
            )
        elif isinstance(rule, Scrub):
            b.use(rule.target, "string")
            for label, regex in (("nir", NIR_IN_TEXT), ("email", EMAIL_IN_TEXT)):
                b.add(
                    f"{rule.target}.no_{label}",
                    gx.expectations.ExpectColumnValuesToNotMatchRegex,
                    column=rule.target,
                    regex=regex,
                    severity="error",
                    dimension="conformity",
                    rule="crossing: scrub",
                    description=f"the scrubbed {rule.target} contains no {label.upper()}",
                )
        _rule_checks(b, col.quality, col.name)
    _rule_checks(b, contract.table_quality, None)
    for ref in refs or ["_row"]:
        if ref == "_row":
            plan.select["_row"] = "row_number() OVER ()"
        else:
            b.use(ref, "string")
    plan.ref_columns = refs or ["_row"]
    return plan


# --- marts -------------------------------------------------------------------------------


def mart_plan(contract: Contract, relation: str, as_of: dt.date) -> DatasetPlan:
    """The suite of a mart built by dbt (dataset name = dbt model name = contract name)."""
    cols = contract.columns
    view = ZoneView("marts", {c.name: ZoneColumn(c.name) for c in cols}, {})
    plan = DatasetPlan(dataset=contract.name, stage="marts", contract=contract.path.name, relation=relation)
    b = _Builder(plan, view, as_of)
    for col in cols:
        _column_checks(b, col, ZoneColumn(col.name), kind=col.logical_type, zone_rules=True)
        _rule_checks(b, col.quality, col.name)
    _rule_checks(b, contract.table_quality, None)
    keys = [c.name for c in cols if c.primary_key and c.classification not in PROTECTED_CLASSIFICATIONS]
    if keys:
        for k in keys:
            b.use(k, "string")
        plan.ref_columns = keys
    else:
        plan.select["_row"] = "row_number() OVER ()"
        plan.ref_columns = ["_row"]
    return plan
