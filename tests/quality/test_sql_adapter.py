"""quality.sql_adapter: GX's SQLAlchemy engine on a DuckDB connection we hold (buffered results, regex)."""

from __future__ import annotations

import os
import secrets

import duckdb
import pandas as pd
import pytest
import sqlalchemy as sa

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")

import great_expectations as gx  # noqa: E402
from great_expectations.execution_engine import SqlAlchemyExecutionEngine  # noqa: E402
from great_expectations.expectations.metrics import util as gx_metrics_util  # noqa: E402

from confiance.settings import Settings  # noqa: E402
from quality import sql_adapter  # noqa: E402

SUMMARY = {"result_format": "SUMMARY", "partial_unexpected_count": 0}
TEXTS = [
    "RAS",
    "rappeler au 0612345678",
    "NIR 185057512345678 dans le commentaire",  # contains a NIR: a *search* must find it
    "185057512345678",
    None,
]
NIR_IN_TEXT = r"[12][0-9]{14}"


@pytest.fixture
def con():
    c = duckdb.connect()
    c.execute("ATTACH ':memory:' AS zone")
    c.execute("USE zone")
    c.execute("CREATE SCHEMA raw")
    c.execute("CREATE TABLE raw.notes (id INTEGER, comment VARCHAR, code VARCHAR)")
    c.executemany(
        "INSERT INTO raw.notes VALUES (?, ?, ?)",
        [(i, t, ["75011", "2A004", "abc", None, "69003"][i]) for i, t in enumerate(TEXTS)],
    )
    yield c
    c.close()


def test_results_survive_the_connection_being_closed(con):
    engine = sql_adapter.engine_on(con)
    with engine.connect() as connection:
        result = connection.execute(sa.text("SELECT id, comment FROM raw.notes ORDER BY id"))
    # read after the block, as GX's execute_query does
    assert [r[0] for r in result.fetchall()] == [0, 1, 2, 3, 4]
    gx_engine = SqlAlchemyExecutionEngine(engine=engine, create_temp_table=False)
    assert gx_engine.execute_query(sa.text("SELECT count(*) FROM raw.notes")).fetchall() == [(5,)]
    engine.dispose()
    # disposing the engine closes the duplicate, never the caller's connection
    assert con.execute("SELECT count(*) FROM raw.notes").fetchone() == (5,)


def test_the_duplicate_sits_on_the_callers_catalog_and_schema(con):
    con.execute("CREATE SCHEMA zone.other")
    con.execute("USE zone.other")
    con.execute("CREATE TABLE here AS SELECT 42 AS answer")
    engine = sql_adapter.engine_on(con)
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT answer FROM here")).scalar() == 42
    engine.dispose()


def test_large_results_are_refused_not_buffered(con):
    engine = sql_adapter.engine_on(con, max_buffered_rows=3)
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT * FROM range(3)")).fetchall() == [(0,), (1,), (2,)]
        with pytest.raises(sql_adapter.ResultTooLarge):
            connection.execute(sa.text("SELECT * FROM range(4)"))
    engine.dispose()


def test_duckdb_tilde_is_a_full_match_so_the_postgres_branch_is_not_used(con):
    # Why the adapter compiles to regexp_matches: duckdb-engine's dialect derives from PostgreSQL's,
    # whose GX regex is `~`, and DuckDB's `~` only matches the whole string.
    row = con.execute(
        f"SELECT '{TEXTS[2]}' ~ '{NIR_IN_TEXT}', regexp_matches('{TEXTS[2]}', '{NIR_IN_TEXT}')"
    ).fetchone()
    assert row == (False, True)


def test_regex_compiles_to_regexp_matches_for_our_engine_only(con):
    sql_adapter.install_duckdb_hooks()
    column = sa.column("comment")
    ours = gx_metrics_util.get_dialect_regex_expression(column, "x", sql_adapter.DUCKDB_DIALECT_MODULE)
    negated = gx_metrics_util.get_dialect_regex_expression(
        column, "x", sql_adapter.DUCKDB_DIALECT_MODULE, positive=False
    )
    assert "regexp_matches" in str(ours) and str(negated).startswith("NOT regexp_matches")
    # other dialects keep GX's own compilation
    pg = gx_metrics_util.get_dialect_regex_expression(column, "x", sa.dialects.postgresql)
    assert "regexp_matches" not in str(pg) and "~" in str(pg)


def _gx_counts(batch, expectations) -> dict[str, tuple[bool, int]]:
    suite = gx.ExpectationSuite(name="adapter_regex", expectations=expectations)
    result = batch.validate(suite, result_format=SUMMARY)
    out = {}
    for r in result.results:
        assert not (r.exception_info or {}).get("raised_exception"), r.exception_info
        out[r.expectation_config.type + ":" + r.expectation_config.kwargs["column"]] = (
            r.success,
            r.result["unexpected_count"],
        )
    return out


def _expectations():
    return [
        gx.expectations.ExpectColumnValuesToNotMatchRegex(column="comment", regex=NIR_IN_TEXT),
        gx.expectations.ExpectColumnValuesToMatchRegex(column="code", regex=r"^(?:[0-9]{5}|2[AB][0-9]{3})$"),
        gx.expectations.ExpectColumnValuesToMatchRegex(column="comment", regex=r"[0-9]"),
    ]


def test_regex_expectations_on_duckdb_agree_with_gx_pandas(con):
    ctx = gx.get_context(mode="ephemeral")
    ds = ctx.data_sources.add_confiance_duckdb("adapter_regex")
    asset = ds.add_query_asset("notes", query="SELECT * FROM raw.notes")
    batch_def = asset.add_batch_definition_whole_table("all")
    with sql_adapter.bind("adapter_regex", con):
        sql_counts = _gx_counts(batch_def.get_batch(), _expectations())
    df = pd.DataFrame({"comment": TEXTS, "code": ["75011", "2A004", "abc", None, "69003"]})
    pandas_def = ctx.data_sources.add_pandas("p").add_dataframe_asset("notes").add_batch_definition_whole_dataframe("b")
    pandas_counts = _gx_counts(pandas_def.get_batch(batch_parameters={"dataframe": df}), _expectations())
    assert sql_counts == pandas_counts
    assert sql_counts["expect_column_values_to_not_match_regex:comment"] == (False, 2)
    assert sql_counts["expect_column_values_to_match_regex:code"] == (False, 1)


def test_query_asset_column_names_do_not_run_the_query(con):
    sql_adapter.install_duckdb_hooks()
    engine = sql_adapter.engine_on(con, max_buffered_rows=1)  # running the query would overflow the buffer
    names = gx_metrics_util.column_reflection_fallback(
        sa.text("SELECT range AS n, range * 2 AS twice FROM range(1000)"), engine.dialect, engine
    )
    assert [c["name"] for c in names] == ["n", "twice"]
    engine.dispose()


def test_unbound_datasource_says_how_to_bind(con):
    ctx = gx.get_context(mode="ephemeral")
    ds = ctx.data_sources.add_confiance_duckdb("adapter_unbound")  # adding needs no connection
    with pytest.raises(RuntimeError, match="bind"):
        ds.get_execution_engine()
    with sql_adapter.bind("adapter_unbound", con) as engine:
        assert ds.get_execution_engine() is engine
        with pytest.raises(RuntimeError, match="already bound"):
            with sql_adapter.bind("adapter_unbound", con):
                pass
    with pytest.raises(RuntimeError):
        ds.get_engine()


@pytest.mark.parametrize(
    ("expectation", "failing"),
    [
        (gx.expectations.ExpectColumnValuesToNotBeNull(column="code"), 1),
        (gx.expectations.ExpectColumnValuesToMatchRegex(column="code", regex=r"^[0-9]{5}$"), 2),
        (gx.expectations.ExpectColumnValuesToNotMatchRegex(column="comment", regex=NIR_IN_TEXT), 2),
        (gx.expectations.ExpectColumnValuesToBeInSet(column="code", value_set=["75011", "it's"]), 3),
        (gx.expectations.ExpectColumnValuesToBeBetween(column="id", min_value=1, max_value=3), 2),
        (gx.expectations.ExpectColumnValuesToBeBetween(column="id", min_value=1, strict_min=True), 2),
    ],
)
def test_row_condition_matches_gx_unexpected_count(con, expectation, failing):
    ctx = gx.get_context(mode="ephemeral")
    ds = ctx.data_sources.add_confiance_duckdb("adapter_rows")
    batch_def = ds.add_query_asset("notes", query="SELECT * FROM raw.notes").add_batch_definition_whole_table("a")
    with sql_adapter.bind("adapter_rows", con):
        result = batch_def.get_batch().validate(expectation, result_format=SUMMARY)
    cfg = expectation.configuration
    condition = sql_adapter.unexpected_row_condition(cfg.type, dict(cfg.kwargs))
    rows = con.execute(f"SELECT count(*) FROM raw.notes WHERE {condition}").fetchone()[0]
    assert result.result["unexpected_count"] == rows == failing


def test_gx_validates_inside_the_encrypted_vault(tmp_path, monkeypatch):
    from vault.db import vault_connection

    monkeypatch.setenv("CONFIANCE_MASTER_KEY", secrets.token_bytes(32).hex())
    settings = Settings(home=tmp_path / "var", key_file=tmp_path / "keys" / "master.key")
    settings.ensure_dirs()
    with vault_connection(settings) as con:  # creates the encrypted vault with its raw tables
        con.execute(
            "INSERT INTO raw.members (member_id, nir, _file_id, _line) VALUES "
            "('A000000001', '185057512345678', 1, 2), ('A000000002', 'not-a-nir', 1, 3)"
        )
    assert b"185057512345678" not in settings.vault_db.read_bytes()
    ctx = gx.get_context(mode="ephemeral")
    ds = ctx.data_sources.add_confiance_duckdb("adapter_vault")
    batch_def = ds.add_query_asset("members", query="SELECT * FROM raw.members").add_batch_definition_whole_table("a")
    with vault_connection(settings, read_only=True) as con:
        with sql_adapter.bind("adapter_vault", con) as engine:
            with engine.engine.connect() as connection:
                catalog = connection.execute(sa.text("SELECT current_database()")).scalar()
            result = batch_def.get_batch().validate(
                gx.expectations.ExpectColumnValuesToMatchRegex(column="nir", regex=r"^[12][0-9]{14}$"),
                result_format=SUMMARY,
            )
        # the caller's vault session is untouched and still usable
        assert con.execute("SELECT count(*) FROM raw.members").fetchone() == (2,)
    assert catalog == "vault"
    assert result.result["element_count"] == 2 and result.result["unexpected_count"] == 1
    assert result.result["partial_unexpected_list"] == []
