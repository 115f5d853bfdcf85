"""Run generated suites with Great Expectations, as SQL pushed down into DuckDB.

Great Expectations is the engine of record: the suites, the validation
definitions and checkpoints live in a GX file context under
``settings.quality_dir / "gx"``; every expectation is evaluated by GX; the
result of a run is stored in GX's validation results store and rendered by GX
Data Docs into ``settings.quality_dir / "data_docs"``.

Engines (``settings.extra["quality_engine"]`` or ``CONFIANCE_QUALITY_ENGINE``):

- ``sql`` (default): GX's SQLAlchemy execution engine on the caller's DuckDB
  connection (``quality.sql_adapter``: duckdb-engine with buffered results and
  DuckDB regex). The dataset is a GX query asset over ``DatasetPlan.batch_sql()``;
  GX compiles each expectation to SQL, DuckDB evaluates it over the whole
  dataset and returns counts. No row reaches Python, so memory is DuckDB's
  bounded working set (``memory_limit``, spilling to its temp directory) whatever
  the size of the dataset.
- ``pandas`` (fallback): the dataset streamed from DuckDB in Arrow record
  batches of ``batch_rows`` rows, each validated by GX as a pandas DataFrame,
  per-batch counts merged. Bounded by one batch; about 7x slower.

In both, set-level verdicts (uniqueness, combinations, cross-dataset rules) are
computed by DuckDB over the whole dataset and travel with each row (see
``quality.checks``). Pass 1 asks GX for counts only; pass 2, only when a row-level
check failed, has DuckDB write the failing rows' references (``_file_id`` and
``_line`` in the vault, tokens in the warehouse) straight to Parquet, using the
DuckDB twin of each failing expectation (``sql_adapter.unexpected_row_condition``);
the number of references written is checked against GX's unexpected count.

Privacy: results are requested with ``partial_unexpected_count: 0``; a stored
result holds counts and row references only, never a value of any column.
"""

from __future__ import annotations

import copy
import datetime as dt
import logging
import math
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")

import great_expectations as gx  # noqa: E402
import pyarrow as pa  # noqa: E402
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

from confiance.sql import quote_identifier  # noqa: E402
from quality import sql_adapter  # noqa: E402
from quality.suites import SCOPE_BATCH, Check, DatasetPlan  # noqa: E402

log = logging.getLogger(__name__)

ENGINES = ("sql", "pandas")
DEFAULT_ENGINE = "sql"
DEFAULT_BATCH_ROWS = 500_000
#: GX SQL datasource on the bound DuckDB connection (``sql_adapter.ConfianceDuckDBDatasource``).
DATASOURCE = "confiance_duckdb"
SQL_BATCH_DEFINITION = "whole_dataset"
#: GX pandas datasource fed with Arrow batches (fallback engine).
PANDAS_DATASOURCE = "confiance_duckdb_batches"
BATCH_DEFINITION = "arrow_batch"

_contexts: dict[Path, Any] = {}
_lock = threading.Lock()
#: One SQL-route validation at a time per process: the datasource is bound to one connection.
_sql_lock = threading.Lock()


def engine_choice(value: str | None = None) -> str:
    """The validation engine: ``value``, else ``CONFIANCE_QUALITY_ENGINE``, else ``sql``."""
    choice = (value or os.environ.get("CONFIANCE_QUALITY_ENGINE") or DEFAULT_ENGINE).strip().lower()
    if choice not in ENGINES:
        raise ValueError(f"quality engine must be one of {', '.join(ENGINES)}, not {choice!r}")
    return choice


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


def _names(ctx: Any) -> set[str]:
    return set(ctx.data_sources.all().keys())


def _pandas_batch_definition(ctx: Any, dataset: str) -> Any:
    ds = (
        ctx.data_sources.add_or_update_pandas(PANDAS_DATASOURCE)
        if PANDAS_DATASOURCE not in _names(ctx)
        else ctx.data_sources.get(PANDAS_DATASOURCE)
    )
    try:
        asset = ds.get_asset(dataset)
    except LookupError:
        asset = ds.add_dataframe_asset(dataset)
    try:
        return asset.get_batch_definition(BATCH_DEFINITION)
    except (KeyError, LookupError):
        return asset.add_batch_definition_whole_dataframe(BATCH_DEFINITION)


def _sql_batch_definition(ctx: Any, plan: DatasetPlan) -> Any:
    """A query asset over the plan's SQL (the rows with their per-row verdicts), whole dataset as one batch."""
    ds = (
        ctx.data_sources.add_confiance_duckdb(DATASOURCE)
        if DATASOURCE not in _names(ctx)
        else ctx.data_sources.get(DATASOURCE)
    )
    query = plan.batch_sql()
    try:
        asset = ds.get_asset(plan.dataset)
        if asset.query != query:  # run-dependent literals (file arrival) or a changed contract
            ds.delete_asset(plan.dataset)
            raise LookupError
    except LookupError:
        asset = ds.add_query_asset(plan.dataset, query=query)
    try:
        return asset.get_batch_definition(SQL_BATCH_DEFINITION)
    except (KeyError, LookupError):
        return asset.add_batch_definition_whole_table(SQL_BATCH_DEFINITION)


def _sub_batch(ctx: Any, sub: DatasetPlan, engine: str) -> tuple[Any, Any]:
    """The suite and batch definition of one scope of an incremental plan (``DatasetPlan.sub_plans``): its own
    query asset, and a suite of copies of its expectations that is not saved (the dataset's saved suite, validation
    definition and checkpoint stay the whole one)."""
    suite = gx.ExpectationSuite(
        name=sub.dataset, expectations=[c.expectation.copy(update={"id": None}) for c in sub.checks]
    )
    batch_def = _sql_batch_definition(ctx, sub) if engine == "sql" else _pandas_batch_definition(ctx, sub.dataset)
    return suite, batch_def


def register(ctx: Any, plan: DatasetPlan, engine: str = DEFAULT_ENGINE) -> tuple[Any, Any]:
    """Save the suite, its validation definition and checkpoint as GX objects; return (suite, batch definition)."""
    suite = ctx.suites.add_or_update(plan.suite())
    if engine == "sql":
        batch_def = _sql_batch_definition(ctx, plan)
    else:
        batch_def = _pandas_batch_definition(ctx, plan.dataset)
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


SUMMARY_FORMAT = {"result_format": "SUMMARY", "partial_unexpected_count": 0}


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


def _merge(totals: CheckTotals, result: Any, check: Check) -> None:
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
    batch_rows: int | None = None  # checked incrementally: the rows of the batch the per-row checks read
    result_key: Any = None  # the GX ValidationResultIdentifier the result was stored under


def _pass_sql(con: Any, plan: DatasetPlan, suite: Any, batch_def: Any, totals: dict[str, CheckTotals]) -> int:
    """GX validates the whole dataset as one SQL batch on ``con``; returns the number of rows."""
    with _sql_lock, sql_adapter.bind(DATASOURCE, con):
        batch = batch_def.get_batch()
        result = batch.validate(suite, result_format=SUMMARY_FORMAT)
    by_name = {r.expectation_config.meta.get("check"): r for r in result.results}
    counts = []
    for check in plan.checks:
        r = by_name.get(check.name)
        if r is not None:
            _merge(totals[check.name], r, check)
            if not check.aggregate and not totals[check.name].errors:
                counts.append(totals[check.name].element_count)
    if counts:
        return max(counts)
    where = f" WHERE {plan.where}" if plan.where else ""
    return int(con.execute(f"SELECT count(*) FROM {plan.relation} AS t{where}").fetchone()[0])


def _pass_pandas(
    con: Any, plan: DatasetPlan, suite: Any, batch_def: Any, totals: dict[str, CheckTotals], batch_rows: int
) -> tuple[int, int]:
    """GX validates the dataset streamed as pandas batches; returns (rows, batches)."""
    rows = batches = 0
    for df in _stream(con, plan, batch_rows):
        batch = batch_def.get_batch(batch_parameters={"dataframe": df})
        result = batch.validate(suite, result_format=SUMMARY_FORMAT)
        by_name = {r.expectation_config.meta.get("check"): r for r in result.results}
        for check in plan.checks:
            r = by_name.get(check.name)
            if r is not None:
                _merge(totals[check.name], r, check)
        rows += len(df)
        batches += 1
        del df, batch, result, by_name
    return rows, batches


def _sql_path(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def write_failed_rows(con: Any, plan: DatasetPlan, check: Check, path: Path) -> int:
    """DuckDB writes the references of the rows failing ``check`` to ``path`` (Parquet); returns how many.

    Streams inside DuckDB (bounded memory even when every row fails); the file holds
    ``plan.ref_columns`` and the check name, never a checked value.
    """
    cfg = check.expectation.configuration
    condition = sql_adapter.unexpected_row_condition(cfg.type, dict(cfg.kwargs))
    refs = ", ".join(f"b.{quote_identifier(c)}" for c in plan.ref_columns)
    # only the references and the checked column: DuckDB evaluates no other verdict (window) for this pass
    wanted = [*plan.ref_columns, *([cfg.kwargs["column"]] if cfg.kwargs["column"] not in plan.ref_columns else [])]
    source = DatasetPlan(
        plan.dataset, plan.stage, plan.contract, plan.relation, {c: plan.select[c] for c in wanted}, where=plan.where
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".parquet.tmp")
    sql = (
        f'COPY (SELECT {refs}, {sql_adapter.sql_literal(check.name)} AS "check" '
        f"FROM ({source.batch_sql()}) AS b WHERE {condition}) TO {_sql_path(tmp)} (FORMAT parquet)"
    )
    written = con.execute(sql).fetchone()
    tmp.replace(path)
    return int(written[0]) if written else 0


def validate_plan(
    con: Any,
    plan: DatasetPlan,
    *,
    quality_dir: Path,
    run_id: str,
    run_time: dt.datetime,
    batch_rows: int = DEFAULT_BATCH_ROWS,
    failed_rows_dir: Path | None = None,
    engine: str | None = None,
) -> DatasetRun:
    """Validate one dataset on ``con`` with GX (SQL pushdown, or pandas batches), then store the result."""
    engine = engine_choice(engine)
    ctx = gx_context(quality_dir)
    suite, batch_def = register(ctx, plan, engine)
    totals = {c.name: CheckTotals() for c in plan.checks}
    scoped_rows: dict[str, int] = {}
    batches = 0
    refs_files: dict[str, Path] = {}
    for scope, sub in plan.sub_plans():
        s_suite, s_def = (suite, batch_def) if sub is plan else _sub_batch(ctx, sub, engine)
        # Pass 1: the whole suite (or this scope's part of it), counts only (cheap result format).
        if engine == "sql":
            scoped_rows[scope] = _pass_sql(con, sub, s_suite, s_def, totals)
            batches += 1
        else:
            n, b = _pass_pandas(con, sub, s_suite, s_def, totals, batch_rows)
            scoped_rows[scope], batches = n, batches + b
        # Pass 2, only when row-level checks failed: DuckDB writes those rows' references.
        failing = [c for c in sub.checks if not c.aggregate and not _verdict(c, totals[c.name])[0]]
        if failing and failed_rows_dir is not None:
            for check in failing:
                t = totals[check.name]
                if t.errors:
                    continue
                path = failed_rows_dir / f"{check.name}.parquet"
                t.failed_rows = write_failed_rows(con, sub, check, path)
                refs_files[check.name] = path
                if t.failed_rows != t.unexpected_count:
                    log.warning(
                        "quality %s: %s: %d row references written, GX counted %d unexpected",
                        plan.dataset,
                        check.name,
                        t.failed_rows,
                        t.unexpected_count,
                    )
    if plan.whole_scope in scoped_rows:
        rows = scoped_rows[plan.whole_scope]
    else:
        rows = int(con.execute(f"SELECT count(*) FROM {plan.relation} AS t").fetchone()[0])
    batch_rows_checked = scoped_rows.get(SCOPE_BATCH, 0) if plan.batch is not None else None

    checks: list[dict[str, Any]] = []
    gx_results = []
    for check in plan.checks:
        t = totals[check.name]
        ok, stored = _verdict(check, t)
        refs_file = refs_files.get(check.name)
        scope = plan.scope(check)
        label = plan.batch.label if scope == SCOPE_BATCH and plan.batch is not None else f"the {plan.whole_scope}"
        checks.append(
            {
                "check": check.name,
                "expectation": check.expectation.expectation_type,
                "column": check.expectation.configuration.kwargs.get("column"),
                "dimension": check.dimension,
                "severity": check.severity,
                "rule": check.expectation.meta.get("rule"),
                "description": check.description,
                "scope": scope,
                "scope_label": label,
                "success": ok,
                **{k: v for k, v in stored.items() if k != "partial_unexpected_list"},
                "failed_rows": t.failed_rows,
                "failed_rows_file": None if refs_file is None else str(refs_file.relative_to(quality_dir)),
            }
        )
        config = check.expectation.configuration
        if plan.batch is not None:  # Data Docs say what each expectation was evaluated on
            config = copy.deepcopy(config)
            config.description = f"{check.description} (scope: {label})"
        gx_results.append(
            ExpectationValidationResult(
                success=ok,
                expectation_config=config,
                result=stored,
                meta={"severity": check.severity, "dimension": check.dimension, "scope": scope, "scope_label": label},
            )
        )
    success = all(c["success"] for c in checks)
    key = _store_gx_result(ctx, plan, gx_results, success, run_id, run_time, rows, batches, engine, batch_rows_checked)
    log.info(
        "quality %s: %d rows (%s engine, %d batch(es)), %d/%d checks passed",
        plan.dataset,
        rows,
        engine,
        batches,
        sum(c["success"] for c in checks),
        len(checks),
    )
    return DatasetRun(
        plan, run_id, run_time, rows, batches, checks, success, batch_rows=batch_rows_checked, result_key=key
    )


def _store_gx_result(
    ctx: Any,
    plan: DatasetPlan,
    results: list[Any],
    success: bool,
    run_id: str,
    run_time: dt.datetime,
    rows: int,
    batches: int,
    engine: str = DEFAULT_ENGINE,
    batch_rows: int | None = None,
) -> ValidationResultIdentifier:
    datasource = DATASOURCE if engine == "sql" else PANDAS_DATASOURCE
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
            "batch_spec": {
                "source": plan.relation,
                "rows": rows,
                "engine": engine,
                "batches": batches,
                **(
                    {}
                    if plan.batch is None
                    else {
                        "per_row_checks_on": plan.batch.label,
                        "batch_rows": batch_rows,
                        "files": list(plan.batch.files),
                    }
                ),
            },
            "active_batch_definition": {
                "datasource_name": datasource,
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
        batch_identifier=f"{datasource}-{plan.dataset}",
    )
    ctx.validation_results_store.set(key, suite_result)
    return key


def _page(key: Any) -> str:
    """The Data Docs page of a stored validation result or suite, relative to the site (GX's tuple layout)."""
    section = "validations" if isinstance(key, ValidationResultIdentifier) else "expectations"
    return f"{section}/{'/'.join(key.to_tuple())}.html"


def build_data_docs(quality_dir: Path, new_results: list[Any] | None = None) -> Path:
    """Build GX Data Docs into quality_dir/data_docs, offline; returns the index page.

    Without ``new_results`` (or on a site without its index) every stored result and suite is rendered again,
    which grows with the runs kept (about 20 s of CPU at 1,200 stored results). With the keys of the results a
    stage has just stored, only those are rendered, with every suite (a contract change alters them), every stored
    result whose page is missing (a stage killed between storing a result and building its page) and the index;
    pages already built are not touched, and only the files this build wrote are made offline.
    """
    from quality.data_docs import make_offline

    ctx = gx_context(quality_dir)
    docs = Path(quality_dir) / "data_docs"
    started = time.time()
    if new_results is None or not (docs / "index.html").exists():
        ctx.build_data_docs()
        make_offline(docs)  # no CDN, no request to GX's servers
    else:
        keys = list(new_results) + list(ctx.expectations_store.list_keys())
        keys += [k for k in ctx.validation_results_store.list_keys() if not (docs / _page(k)).exists()]
        ctx.build_data_docs(resource_identifiers=list(dict.fromkeys(keys)))
        make_offline(docs, since=started - 1)
    return docs / "index.html"
