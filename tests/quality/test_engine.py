"""quality.engine: GX as SQL pushed down into DuckDB (default) and the pandas-batch fallback agree."""

from __future__ import annotations

import duckdb
import pyarrow.parquet as pq
import pytest

from quality import engine, results, sql_adapter
from quality.runner import validate_feeds_on
from tests.quality.quality_fixtures import build_rows, ledger_for, write_raw


def _broken_rows() -> dict:
    rows = build_rows()
    rows["members"][3]["nir"] = rows["members"][3]["nir"][:13] + "00"  # NIR key
    rows["members"][4]["member_id"] = rows["members"][5]["member_id"]  # uniqueness
    rows["members"][6]["postal_code"] = "7501"  # pattern
    rows["members"][8]["last_name"] = None  # completeness
    rows["members"][9]["sex"] = "X"  # reference list
    rows["benefits"].append(dict(rows["benefits"][10], benefit_id="P999999999999"))  # duplicate line
    rows["benefits"][0]["comment"] = "NIR " + rows["members"][9]["nir"]
    return rows


def _run(tmp_path, settings, rows, which: str) -> dict:
    settings.extra["quality_engine"] = which
    settings.extra["quality_full"] = True  # every row, each time (the engines compared on the same whole check)
    con = duckdb.connect(str(tmp_path / f"{which}.duckdb"))
    try:
        write_raw(con, rows)
        validate_feeds_on(con, settings, f"run_{which}", ledger_rows=ledger_for())
    finally:
        con.close()
    return results.latest(settings.quality_dir)


def _comparable(stored: dict) -> dict:
    keys = ("success", "element_count", "unexpected_count", "missing_count", "observed_value", "failed_rows")
    return {c["check"]: {k: c.get(k) for k in keys} for c in stored["checks"]}


def test_sql_and_pandas_engines_store_the_same_results(tmp_path, settings):
    rows = _broken_rows()
    sql = _run(tmp_path, settings, rows, "sql")
    pandas = _run(tmp_path, settings, rows, "pandas")
    for dataset in ("raw.members", "raw.contracts", "raw.benefits"):
        assert _comparable(sql[dataset]) == _comparable(pandas[dataset]), dataset
        assert sql[dataset]["rows"] == pandas[dataset]["rows"]
    failed = {c["check"] for c in sql["raw.members"]["checks"] if not c["success"]}
    assert {"nir_control_key", "member_id.unique", "postal_code.pattern", "sex.in_set"} <= failed
    assert sql["raw.members"]["batches"] == 1


def test_failing_rows_written_by_duckdb_match_gx_counts(tmp_path, settings):
    latest = _run(tmp_path, settings, _broken_rows(), "sql")
    seen = 0
    for dataset in ("raw.members", "raw.benefits"):
        for c in latest[dataset]["checks"]:
            if c["success"] or c["expectation"] == "expect_column_max_to_be_between":
                continue
            assert c["failed_rows"] == c["unexpected_count"] > 0, c["check"]
            table = pq.read_table(settings.quality_dir / c["failed_rows_file"])
            assert table.column_names == ["_file_id", "_line", "check"]
            assert table.num_rows == c["failed_rows"]
            assert set(table.column("check").to_pylist()) == {c["check"]}
            seen += 1
    assert seen >= 5


def test_gx_metric_queries_bring_back_aggregates_only(tmp_path, settings, monkeypatch):
    # With a one-row buffer, any query returning rows (values, a whole dataset) would fail the run.
    monkeypatch.setattr(sql_adapter, "DEFAULT_MAX_BUFFERED_ROWS", 1)
    latest = _run(tmp_path, settings, _broken_rows(), "sql")
    for dataset in ("raw.members", "raw.contracts", "raw.benefits"):
        assert not any("evaluation_errors" in c for c in latest[dataset]["checks"]), dataset
    assert not latest["raw.members"]["success"]


def test_engine_choice(monkeypatch):
    monkeypatch.delenv("CONFIANCE_QUALITY_ENGINE", raising=False)
    assert engine.engine_choice() == "sql"
    monkeypatch.setenv("CONFIANCE_QUALITY_ENGINE", "pandas")
    assert engine.engine_choice() == "pandas"
    assert engine.engine_choice("SQL") == "sql"
    with pytest.raises(ValueError, match="quality engine"):
        engine.engine_choice("spark")


def test_gx_objects_hold_no_connection_details_and_reload(tmp_path, settings):
    _run(tmp_path, settings, build_rows(), "sql")
    gx_dir = settings.quality_dir / "gx"
    config = "\n".join(p.read_text(encoding="utf-8") for p in gx_dir.rglob("*.yml"))
    assert "confiance_duckdb" in config
    assert str(tmp_path) not in config and ".duckdb" not in config
    # a fresh file context (another process) loads the datasource type and its assets
    import great_expectations as gx

    ctx = gx.get_context(mode="file", project_root_dir=str(settings.quality_dir))
    ds = ctx.data_sources.get(engine.DATASOURCE)
    assert isinstance(ds, sql_adapter.ConfianceDuckDBDatasource)
    assert {a.name for a in ds.assets} == {"raw.members", "raw.contracts", "raw.benefits"}
    assert ctx.checkpoints.get("raw.members").validation_definitions[0].data_source.name == engine.DATASOURCE
