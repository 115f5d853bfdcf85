"""Entry points of the quality stages: feeds (in the vault), warehouse, marts.

Each returns a JSON-serialisable summary::

    {"stage": "feeds", "run_id": ..., "run_time": ..., "success": bool,
     "data_docs": ".../data_docs/index.html",
     "datasets": {"raw.members": {"success", "rows", "evaluated", "passed", "failed",
                                  "blocking_failures": [reason...], "warnings": [reason...]}}}

and stores one result per dataset in ``settings.quality_dir`` (see
``quality.results``) plus the GX validation result, then rebuilds Data Docs.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterable
from contextlib import closing
from pathlib import Path
from typing import Any

import duckdb

from confiance.contracts import feed_contracts, mart_contracts
from confiance.settings import Settings
from quality import results
from quality.batches import CROSSING_STAMP, checksums_of, plan_batch
from quality.engine import DEFAULT_BATCH_ROWS, DatasetRun, build_data_docs, validate_plan
from quality.suites import DatasetPlan, feed_plan, mart_plan, warehouse_plan

log = logging.getLogger(__name__)

LANDED_STATUSES_EXCLUDED = frozenset({"duplicate", "rejected", "refused", "failed", "skipped", "error"})


def run_date(settings: Settings, as_of: dt.date | None = None) -> dt.date:
    """The date checks are relative to: ``as_of``, else settings.extra['as_of'], else CONFIANCE_AS_OF, else today."""
    value: Any = as_of or settings.extra.get("as_of") or os.environ.get("CONFIANCE_AS_OF")
    if value is None:
        return dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ValueError(f"as_of must be an ISO date (YYYY-MM-DD), got {value!r}") from None


def _batch_rows(settings: Settings) -> int:
    return int(
        settings.extra.get("quality_batch_rows") or os.environ.get("CONFIANCE_QUALITY_BATCH_ROWS") or DEFAULT_BATCH_ROWS
    )


def newest_arrivals(ledger_rows: Iterable[dict[str, Any]]) -> dict[str, dt.datetime]:
    """Newest landing time per feed from the vault's landing ledger (refused or duplicate files ignored)."""
    out: dict[str, dt.datetime] = {}
    for row in ledger_rows:
        status = str(row.get("status") or "").lower()
        if status in LANDED_STATUSES_EXCLUDED or not row.get("feed") or not row.get("landed_at"):
            continue
        when = row["landed_at"]
        if isinstance(when, str):
            when = dt.datetime.fromisoformat(when)
        elif isinstance(when, dt.date) and not isinstance(when, dt.datetime):
            when = dt.datetime.combine(when, dt.time.min)
        if when.tzinfo is not None:
            when = when.astimezone(dt.UTC).replace(tzinfo=None)
        feed = str(row["feed"])
        if feed not in out or when > out[feed]:
            out[feed] = when
    return out


def _summarise(run: DatasetRun) -> dict[str, Any]:
    blocking, warnings = [], []
    for c in run.checks:
        if c["success"]:
            continue
        if "evaluation_errors" in c:
            what = "could not be evaluated"
        elif c.get("observed_value") is not None or c["dimension"] == "freshness":
            what = f"newest value {c.get('observed_value') or 'missing'}"
        else:
            what = f"{c.get('unexpected_count', 0)} of {c.get('element_count', 0)} rows failed"
        reason = f"{c['check']} ({c['dimension']}): {what} — {c['description']}"
        if run.plan.batch is not None:
            reason += f" (scope: {c['scope_label']})"
        (blocking if c["severity"] == "error" else warnings).append(reason)
    passed = sum(1 for c in run.checks if c["success"])
    return {
        "dataset": run.plan.dataset,
        "stage": run.plan.stage,
        "contract": run.plan.contract,
        "run_id": run.run_id,
        "run_time": run.run_time.isoformat(),
        "success": run.success,
        "blocking": bool(blocking),
        "rows": run.rows,
        "batches": run.batches,
        "evaluated": len(run.checks),
        "passed": passed,
        "failed": len(run.checks) - passed,
        "blocking_failures": blocking,
        "warnings": warnings,
        "not_applicable": list(run.plan.skipped),
        "checks": run.checks,
        "error": run.error,
        # checked incrementally: the per-row checks read only this batch (cross-batch rules: the whole feed or table)
        "batch": None
        if run.plan.batch is None
        else {"files": list(run.plan.batch.files), "rows": run.batch_rows, "label": run.plan.batch.label},
        # checked whole although the dataset can be checked by batch: why (first check, code changed, ...)
        "whole_reason": run.plan.whole_reason or None,
    }


def _missing_dataset(
    plan_or_name: DatasetPlan | str, stage: str, run_id: str, run_time: dt.datetime, reason: str, contract: str = ""
) -> dict[str, Any]:
    name = plan_or_name if isinstance(plan_or_name, str) else plan_or_name.dataset
    return {
        "dataset": name,
        "stage": stage,
        "contract": contract,
        "run_id": run_id,
        "run_time": run_time.isoformat(),
        "success": False,
        "blocking": True,
        "rows": 0,
        "batches": 0,
        "evaluated": 0,
        "passed": 0,
        "failed": 0,
        "blocking_failures": [reason],
        "warnings": [],
        "not_applicable": [],
        "checks": [],
        "error": reason,
    }


def _run_plans(
    con: Any,
    settings: Settings,
    stage: str,
    plans: list[DatasetPlan | tuple[str, str, str]],
    run_id: str,
    extra: dict[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Validate each plan and store its result; ``extra``: more keys stored with a dataset's result."""
    # microseconds kept: two runs in the same second must still sort in the order they ran
    run_time = dt.datetime.now(dt.UTC)
    quality_dir = settings.quality_dir
    quality_dir.mkdir(parents=True, exist_ok=True)
    summaries: dict[str, dict[str, Any]] = {}
    stored: list[Any] = []  # the GX result keys this stage stored: their Data Docs pages are built below
    for plan in plans:
        if isinstance(plan, tuple):  # (dataset, contract, reason): the dataset could not be read
            name, contract, reason = plan
            summary = _missing_dataset(name, stage, run_id, run_time, reason, contract)
        else:
            run = validate_plan(
                con,
                plan,
                quality_dir=quality_dir,
                run_id=run_id,
                run_time=run_time,
                batch_rows=_batch_rows(settings),
                failed_rows_dir=results.failed_rows_dir(quality_dir, run_id, plan.dataset),
                engine=settings.extra.get("quality_engine"),
            )
            summary = _summarise(run)
            summary.update((extra or {}).get(plan.dataset, {}))
            stored.append(run.result_key)
        results.write_run(quality_dir, summary)
        summaries[summary["dataset"]] = summary
        for reason in summary["blocking_failures"]:
            log.warning("quality %s BLOCKING: %s", summary["dataset"], reason)
        for reason in summary["warnings"]:
            log.info("quality %s warning: %s", summary["dataset"], reason)
    docs = build_data_docs(quality_dir, new_results=stored)  # this stage's pages only, and the index
    return {
        "stage": stage,
        "run_id": run_id,
        "run_time": run_time.isoformat(),
        "success": all(s["success"] for s in summaries.values()),
        "blocking": any(s["blocking"] for s in summaries.values()),
        "data_docs": str(docs),
        "datasets": {
            name: {k: s[k] for k in (*results.OUTCOME_KEYS, "blocking_failures", "warnings")}
            | {"batch": s.get("batch"), "whole_reason": s.get("whole_reason")}
            for name, s in summaries.items()
        },
    }


def _tables(con: Any) -> set[tuple[str, str]]:
    rows = con.execute("SELECT table_schema, table_name FROM information_schema.tables").fetchall()
    return {(s, n) for s, n in rows}


def validate_feeds_on(
    con: Any,
    settings: Settings,
    run_id: str,
    *,
    as_of: dt.date | None = None,
    ledger_rows: Iterable[dict[str, Any]] = (),
    only: Iterable[str] | None = None,
    full: bool = False,
) -> dict[str, Any]:
    """Validate the raw feeds reachable through ``con`` (tables raw.<feed>); ``only`` restricts to some feeds.

    Per-row checks read only the files landed since the last successful check, cross-batch rules the whole feed
    (``quality.batches``); ``full`` (or ``settings.extra["quality_full"]``) checks every row."""
    day = run_date(settings, as_of)
    ledger_rows = list(ledger_rows)
    arrivals = newest_arrivals(ledger_rows)
    plans = _feed_plans(con, "raw", "the vault", only, lambda name, c: feed_plan(c, day, arrivals.get(name)))
    full = full or bool(settings.extra.get("quality_full"))
    checksums = checksums_of(ledger_rows)
    contracts = feed_contracts()
    extra: dict[str, dict[str, Any]] = {}
    for plan in plans:
        if isinstance(plan, DatasetPlan):
            contract = contracts[plan.dataset.split(".", 1)[1]]
            coverage = plan_batch(con, plan, contract, settings.quality_dir, day, checksums=checksums, full=full)
            extra[plan.dataset] = {"coverage": coverage.as_dict()}
    return _run_plans(con, settings, "feeds", plans, run_id, extra)


def _feed_plans(con: Any, schema: str, where: str, only: Iterable[str] | None, make_plan: Any) -> list[Any]:
    """One plan per feed whose table ``<schema>.<feed>`` is present; a missing table is a failing entry."""
    present = _tables(con)
    wanted = set(only) if only is not None else None
    plans: list[Any] = []
    for name, contract in feed_contracts().items():
        if wanted is not None and name not in wanted:
            continue
        if (schema, name) not in present:
            plans.append((f"{schema}.{name}", contract.path.name, f"{schema}.{name} is missing from {where}"))
            continue
        plans.append(make_plan(name, contract))
    return plans


def validate_warehouse_on(
    con: Any,
    settings: Settings,
    run_id: str,
    *,
    as_of: dt.date | None = None,
    only: Iterable[str] | None = None,
    full: bool = False,
) -> dict[str, Any]:
    """Validate the pseudo.<feed> tables reachable through ``con``; ``only`` restricts to some feeds.

    Per-row checks read only the rows of the crossings since the last successful check (the crossing's stamp on
    each row, ``quality.batches``), cross-batch rules the whole table; ``full`` (or
    ``settings.extra["quality_full"]``) checks every row."""
    day = run_date(settings, as_of)
    domain = settings.warehouse_domain
    plans = _feed_plans(con, "pseudo", "the warehouse", only, lambda name, c: warehouse_plan(c, day, domain))
    full = full or bool(settings.extra.get("quality_full"))
    contracts = feed_contracts()
    extra: dict[str, dict[str, Any]] = {}
    for plan in plans:
        if isinstance(plan, DatasetPlan):
            contract = contracts[plan.dataset.split(".", 1)[1]]
            coverage = plan_batch(
                con, plan, contract, settings.quality_dir, day, full=full, column=CROSSING_STAMP, extra=domain
            )
            extra[plan.dataset] = {"coverage": coverage.as_dict()}
    return _run_plans(con, settings, "warehouse", plans, run_id, extra)


def _open_warehouse(settings: Settings) -> Any:
    path: Path = settings.warehouse_db
    if not path.exists():
        raise FileNotFoundError(f"{path}: the warehouse does not exist yet (run the crossing first)")
    return duckdb.connect(str(path), read_only=True)


def validate_warehouse(
    settings: Settings, run_id: str, *, as_of: dt.date | None = None, full: bool = False
) -> dict[str, Any]:
    """Validate pseudo.members, pseudo.contracts and pseudo.benefits in the warehouse (read-only); per-row checks
    on the rows crossed since the last successful check unless ``full``."""
    with closing(_open_warehouse(settings)) as con:
        return validate_warehouse_on(con, settings, run_id, as_of=as_of, full=full)


def mart_relation(present: set[tuple[str, str]], contract: Any) -> str | None:
    """Where dbt built a mart: the contract's physicalName (schema.table allowed) or any schema with its name."""
    physical = getattr(contract.table, "physicalName", None) or contract.name
    if "." in physical:
        schema, table = physical.split(".", 1)
        return f'"{schema}"."{table}"' if (schema, table) in present else None
    matches = sorted(s for s, n in present if n == physical)
    # Prefer a schema that looks like a marts schema, then any.
    matches.sort(key=lambda s: (0 if "mart" in s else 1, s))
    return f'"{matches[0]}"."{physical}"' if matches else None


def validate_marts_on(con: Any, settings: Settings, run_id: str, *, as_of: dt.date | None = None) -> dict[str, Any]:
    day = run_date(settings, as_of)
    present = _tables(con)
    plans: list[Any] = []
    for name, contract in mart_contracts().items():
        relation = mart_relation(present, contract)
        if relation is None:
            plans.append(
                (name, contract.path.name, f"mart {name} is missing from the warehouse (dbt did not build it)")
            )
            continue
        plans.append(mart_plan(contract, relation, day))
    return _run_plans(con, settings, "marts", plans, run_id)


def validate_marts(settings: Settings, run_id: str, *, as_of: dt.date | None = None) -> dict[str, Any]:
    """Validate every mart with a contract in contracts/marts/ after dbt (read-only)."""
    with closing(_open_warehouse(settings)) as con:
        return validate_marts_on(con, settings, run_id, as_of=as_of)
