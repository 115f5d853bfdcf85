"""Run generated suites with Great Expectations on DuckDB data, in bounded batches.

Great Expectations is the engine of record: the suites, the validation
definitions and checkpoints live in a GX file context under
``settings.quality_dir / "gx"``; every expectation is evaluated by GX; the merged
result of a run is stored in GX's validation results store and rendered by GX
Data Docs into ``settings.quality_dir / "data_docs"``.

GX 1.x cannot query DuckDB through SQLAlchemy here, so the data reach GX as
pandas DataFrames streamed from DuckDB in Arrow record batches of
``batch_rows`` rows: memory is bounded by one batch whatever the size of the
dataset. Set-level verdicts (uniqueness, combinations, cross-dataset rules)
are computed by DuckDB over the whole dataset and travel with each row (see
``quality.checks``), so they do not depend on batch boundaries. Per-row results
are summed over the batches; column aggregates (freshness maxima) are merged.

Privacy: results are requested with ``partial_unexpected_count: 0`` and
``unexpected_index_column_names`` set to the row references (``_file_id`` and
``_line`` in the vault, tokens in the warehouse); the values GX returns in memory
for a batch are dropped before anything is stored. A stored result holds counts
and row references only, never a value of any column.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")

import great_expectations as gx  # noqa: E402
import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402
from great_expectations.core import (  # noqa: E402
    ExpectationSuiteValidationResult,
    ExpectationValidationResult,
    RunIdentifier,
)
from great_expectations.data_context.types.base import ProgressBarsConfig  # noqa: E402
from great_expectations.data_context.types.resource_identifiers import (  # noqa: E402
    ExpectationSuiteIdentifier,
    ValidationResultIdentifier,
)

from quality.suites import Check, DatasetPlan  # noqa: E402

log = logging.getLogger(__name__)

DEFAULT_BATCH_ROWS = 500_000
DATASOURCE = "confiance_duckdb_batches"
BATCH_DEFINITION = "arrow_batch"

_contexts: dict[Path, Any] = {}
_lock = threading.Lock()


def gx_context(quality_dir: Path) -> Any:
    """The GX file context of this installation (created on first use), analytics and progress bars off."""
    quality_dir = Path(quality_dir)
    with _lock:
        ctx = _contexts.get(quality_dir)
        if ctx is not None:
            return ctx
        quality_dir.mkdir(parents=True, exist_ok=True)
        ctx = gx.get_context(mode="file", project_root_dir=str(quality_dir))
        ctx.variables.analytics_enabled = False
        ctx.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        ctx.variables.data_docs_sites = {
            "local_site": {
                "class_name": "SiteBuilder",
                "show_how_to_buttons": False,
                "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": "../data_docs/"},
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            }
        }
        ctx.variables.save()
        ctx = gx.get_context(mode="file", project_root_dir=str(quality_dir))
        _contexts[quality_dir] = ctx
        return ctx


def _batch_definition(ctx: Any, dataset: str) -> Any:
    ds = (
        ctx.data_sources.add_or_update_pandas(DATASOURCE)
        if DATASOURCE not in _names(ctx)
        else ctx.data_sources.get(DATASOURCE)
    )
    try:
        asset = ds.get_asset(dataset)
    except LookupError:
        asset = ds.add_dataframe_asset(dataset)
    try:
        return asset.get_batch_definition(BATCH_DEFINITION)
    except (KeyError, LookupError):
        return asset.add_batch_definition_whole_dataframe(BATCH_DEFINITION)


def _names(ctx: Any) -> set[str]:
    return set(ctx.data_sources.all().keys())


def register(ctx: Any, plan: DatasetPlan) -> tuple[Any, Any]:
    """Save the suite, its validation definition and checkpoint as GX objects; return (suite, batch definition)."""
    suite = ctx.suites.add_or_update(plan.suite())
    batch_def = _batch_definition(ctx, plan.dataset)
    vd = gx.ValidationDefinition(name=plan.dataset, data=batch_def, suite=suite)
    vd = ctx.validation_definitions.add_or_update(vd)
    ctx.checkpoints.add_or_update(
        gx.Checkpoint(
            name=plan.dataset,
            validation_definitions=[vd],
            actions=[gx.checkpoint.UpdateDataDocsAction(name="update_data_docs")],
            result_format={"result_format": "SUMMARY", "partial_unexpected_count": 0},
        )
    )
    return suite, batch_def


@dataclass
class CheckTotals:
    element_count: int = 0
    unexpected_count: int = 0
    missing_count: int = 0
    observed: Any = None
    errors: int = 0
    failed_rows: int = 0
    refs: list[dict[str, Any]] = field(default_factory=list)


def _result_format(plan: DatasetPlan) -> dict[str, Any]:
    return {
        "result_format": "COMPLETE",
        "partial_unexpected_count": 0,
        "unexpected_index_column_names": list(plan.ref_columns),
        "return_unexpected_index_query": False,
        "include_unexpected_rows": False,
    }


def _stream(con: Any, plan: DatasetPlan, batch_rows: int) -> Any:
    """The dataset as pandas DataFrames of at most ``batch_rows`` rows, streamed from DuckDB through Arrow."""
    reader = con.execute(plan.batch_sql()).fetch_record_batch(batch_rows)
    while True:
        try:
            rb = reader.read_next_batch()
        except StopIteration:
            return
        if rb.num_rows:
            yield pa.Table.from_batches([rb]).to_pandas(date_as_object=False)


def _collect_refs(totals: CheckTotals, result: Any, plan: DatasetPlan) -> None:
    for item in (result.result or {}).get("unexpected_index_list") or []:
        if isinstance(item, dict):
            # keep the row reference only: GX also returns the failing value under the column's name
            totals.refs.append({k: _plain(item.get(k)) for k in plan.ref_columns})


def _merge(totals: CheckTotals, result: Any, plan: DatasetPlan, check: Check, keep_refs: bool = True) -> None:
    if result.exception_info and any(
        (v or {}).get("raised_exception") for v in _exception_infos(result.exception_info)
    ):
        totals.errors += 1
        return
    r = result.result or {}
    if check.aggregate:
        value = r.get("observed_value")
        if value is not None and not _is_nan(value):
            totals.observed = value if totals.observed is None else max(totals.observed, value)
        return
    totals.element_count += int(r.get("element_count") or 0)
    totals.unexpected_count += int(r.get("unexpected_count") or 0)
    totals.missing_count += int(r.get("missing_count") or 0)
    if keep_refs:
        _collect_refs(totals, result, plan)


def _exception_infos(info: Any) -> list[dict]:
    if isinstance(info, dict) and "raised_exception" in info:
        return [info]
    if isinstance(info, dict):
        return [v for v in info.values() if isinstance(v, dict)]
    return []


def _is_nan(value: Any) -> bool:
    try:
        return bool(value != value) or (isinstance(value, float) and math.isnan(value))
    except (TypeError, ValueError):
        return False


def _plain(value: Any) -> Any:
    if hasattr(value, "item"):
        try:
            return value.item()
        except (ValueError, AttributeError):
            pass
    return value


def _verdict(check: Check, t: CheckTotals) -> tuple[bool, dict[str, Any]]:
    """Success of a check over all batches, and the value-free result stored for it."""
    kwargs = check.expectation.configuration.kwargs
    if t.errors:
        return False, {"element_count": t.element_count, "evaluation_errors": t.errors}
    if check.aggregate:
        low, high = kwargs.get("min_value"), kwargs.get("max_value")
        obs = t.observed
        ok = obs is not None and (low is None or obs >= _same(low, obs)) and (high is None or obs <= _same(high, obs))
        return bool(ok), {"observed_value": None if obs is None else str(obs)}
    mostly = kwargs.get("mostly") or 1.0
    is_not_null = check.expectation.expectation_type == "expect_column_values_to_not_be_null"
    base = t.element_count if is_not_null else t.element_count - t.missing_count
    ratio = 1.0 if base == 0 else (base - t.unexpected_count) / base
    ok = bool(ratio >= mostly - 1e-12)
    result = {
        "element_count": t.element_count,
        "missing_count": t.missing_count,
        "unexpected_count": t.unexpected_count,
        "unexpected_percent": 0.0 if base == 0 else 100.0 * t.unexpected_count / base,
        "partial_unexpected_list": [],
    }
    return ok, result


def _same(bound: Any, observed: Any) -> Any:
    if isinstance(bound, str):
        bound = dt.datetime.fromisoformat(bound)
    if hasattr(observed, "to_pydatetime"):
        observed = observed.to_pydatetime()
    if isinstance(bound, dt.datetime) and isinstance(observed, dt.date) and not isinstance(observed, dt.datetime):
        return bound.date()
    return bound


@dataclass
class DatasetRun:
    plan: DatasetPlan
    run_id: str
    run_time: dt.datetime
    rows: int
    batches: int
    checks: list[dict[str, Any]]
    success: bool
    error: str | None = None


def validate_plan(
    con: Any,
    plan: DatasetPlan,
    *,
    quality_dir: Path,
    run_id: str,
    run_time: dt.datetime,
    batch_rows: int = DEFAULT_BATCH_ROWS,
    failed_rows_dir: Path | None = None,
) -> DatasetRun:
    """Validate one dataset: stream it from ``con`` in batches, let GX validate each, merge and store."""
    ctx = gx_context(quality_dir)
    suite, batch_def = register(ctx, plan)
    totals = {c.name: CheckTotals() for c in plan.checks}
    rows = batches = 0
    # Pass 1: the whole suite, counts only (cheap result format).
    summary_fmt = {"result_format": "SUMMARY", "partial_unexpected_count": 0}
    for df in _stream(con, plan, batch_rows):
        batch = batch_def.get_batch(batch_parameters={"dataframe": df})
        result = batch.validate(suite, result_format=summary_fmt)
        by_name = {r.expectation_config.meta.get("check"): r for r in result.results}
        for check in plan.checks:
            r = by_name.get(check.name)
            if r is not None:
                _merge(totals[check.name], r, plan, check, keep_refs=False)
        rows += len(df)
        batches += 1
        del df, batch, result, by_name
    # Pass 2, only when row-level checks failed: those expectations again, writing the failing rows'
    # references batch by batch (memory stays bounded even when every row fails).
    failing = [c for c in plan.checks if not c.aggregate and not _verdict(c, totals[c.name])[0]]
    refs_files: dict[str, Path] = {}
    if failing and failed_rows_dir is not None:
        fmt = _result_format(plan)
        writers: dict[str, Any] = {}
        try:
            for df in _stream(con, plan, batch_rows):
                batch = batch_def.get_batch(batch_parameters={"dataframe": df})
                for check in failing:
                    t = totals[check.name]
                    t.refs = []
                    _collect_refs(t, batch.validate(check.expectation, result_format=fmt), plan)
                    if t.refs:
                        table = pa.Table.from_pylist(t.refs)
                        table = table.append_column("check", pa.array([check.name] * len(t.refs), pa.string()))
                        if check.name not in writers:
                            path = failed_rows_dir / f"{check.name}.parquet"
                            path.parent.mkdir(parents=True, exist_ok=True)
                            writers[check.name] = pq.ParquetWriter(path, table.schema)
                            refs_files[check.name] = path
                        writers[check.name].write_table(table)
                        t.failed_rows += len(t.refs)
                        t.refs = []
                del df, batch
        finally:
            for w in writers.values():
                w.close()

    checks: list[dict[str, Any]] = []
    gx_results = []
    for check in plan.checks:
        t = totals[check.name]
        ok, stored = _verdict(check, t)
        refs_file = refs_files.get(check.name)
        checks.append(
            {
                "check": check.name,
                "expectation": check.expectation.expectation_type,
                "column": check.expectation.configuration.kwargs.get("column"),
                "dimension": check.dimension,
                "severity": check.severity,
                "rule": check.expectation.meta.get("rule"),
                "description": check.description,
                "success": ok,
                **{k: v for k, v in stored.items() if k != "partial_unexpected_list"},
                "failed_rows": t.failed_rows,
                "failed_rows_file": None if refs_file is None else str(refs_file.relative_to(quality_dir)),
            }
        )
        gx_results.append(
            ExpectationValidationResult(
                success=ok,
                expectation_config=check.expectation.configuration,
                result=stored,
                meta={"severity": check.severity, "dimension": check.dimension},
            )
        )
    success = all(c["success"] for c in checks)
    _store_gx_result(ctx, plan, gx_results, success, run_id, run_time, rows, batches)
    log.info(
        "quality %s: %d rows in %d batch(es), %d/%d checks passed",
        plan.dataset,
        rows,
        batches,
        sum(c["success"] for c in checks),
        len(checks),
    )
    return DatasetRun(plan, run_id, run_time, rows, batches, checks, success)


def _store_gx_result(
    ctx: Any,
    plan: DatasetPlan,
    results: list[Any],
    success: bool,
    run_id: str,
    run_time: dt.datetime,
    rows: int,
    batches: int,
) -> None:
    evaluated = len(results)
    passed = sum(1 for r in results if r.success)
    run = RunIdentifier(run_name=run_id, run_time=run_time)
    suite_result = ExpectationSuiteValidationResult(
        success=success,
        results=results,
        suite_name=plan.dataset,
        statistics={
            "evaluated_expectations": evaluated,
            "successful_expectations": passed,
            "unsuccessful_expectations": evaluated - passed,
            "success_percent": 100.0 * passed / evaluated if evaluated else 100.0,
        },
        meta={
            "great_expectations_version": gx.__version__,
            "run_id": run,
            "validation_time": run_time,
            "batch_spec": {"source": plan.relation, "rows": rows, "arrow_batches": batches},
            "active_batch_definition": {
                "datasource_name": DATASOURCE,
                "data_connector_name": "fluent",
                "data_asset_name": plan.dataset,
                "batch_identifiers": {"run": run_id},
            },
            "checkpoint_name": plan.dataset,
        },
    )
    key = ValidationResultIdentifier(
        expectation_suite_identifier=ExpectationSuiteIdentifier(name=plan.dataset),
        run_id=run,
        batch_identifier=f"{DATASOURCE}-{plan.dataset}",
    )
    ctx.validation_results_store.set(key, suite_result)


def build_data_docs(quality_dir: Path) -> Path:
    """Rebuild GX Data Docs into quality_dir/data_docs; returns the index page."""
    ctx = gx_context(quality_dir)
    ctx.build_data_docs()
    return Path(quality_dir) / "data_docs" / "index.html"
