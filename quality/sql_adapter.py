"""Great Expectations on DuckDB through SQLAlchemy (duckdb-engine), on a connection we already hold.

GX 1.x validates SQL data through a SQLAlchemy engine: every metric becomes SQL
that the database evaluates, and only aggregates come back to Python. Three things
stop it from working (well) on DuckDB as shipped, and this module fixes them:

1. **Results read after the connection is closed.** GX's
   ``SqlAlchemyExecutionEngine.execute_query`` runs the query inside
   ``with engine.connect()`` and reads the result after the block. With
   duckdb-engine, the DB-API cursor is the DuckDB connection itself, and the
   rollback SQLAlchemy issues when the connection returns to the pool discards the
   pending result, so GX sees no rows (``IndexError: list index out of range``).
   ``BufferedConnection`` hands out cursors that fetch each result eagerly
   (bounded: at most ``max_buffered_rows`` rows, GX's metric queries return one
   row) and serve ``fetch*`` from that buffer.
2. **No DuckDB regex.** ``get_dialect_regex_expression`` knows PostgreSQL,
   MySQL, Snowflake... but not DuckDB (GX leaves ``dialect_module`` as ``None``
   for it, so ``ExpectColumnValuesToMatchRegex`` raises ``NotImplementedError``).
   ``install_duckdb_hooks`` wraps that function in the GX metric modules that
   use it: for our execution engine it compiles to DuckDB's ``regexp_matches``
   (a *search*, like GX's pandas ``str.contains``, PostgreSQL's ``~`` and Spark's
   ``rlike``), negated for the "not match" expectations. It deliberately does not
   take GX's PostgreSQL branch (duckdb-engine's dialect derives from
   PostgreSQL's): DuckDB's ``~`` is ``regexp_full_match``, which would let an
   unanchored pattern such as "contains no NIR" pass on text that contains one.
   Anchored patterns (``^...$``) mean the same under both.
3. **Column names of a query asset.** GX reads them by running the asset's query
   as is and keeping the result's keys: the whole dataset, computed and fetched.
   The same hook asks DuckDB for ``SELECT * FROM (query) LIMIT 0`` instead.

The engine runs on a connection the caller already holds (the vault's encrypted
session, a read-only warehouse connection): ``engine_on(con)`` builds a
SQLAlchemy engine whose ``creator`` returns a duplicate of ``con``
(``con.cursor()``: same DuckDB instance, same attached encrypted databases, same
memory limit and encrypted temp directory) positioned on ``con``'s current
catalog and schema, with a ``StaticPool`` (one DB-API connection for the
engine's life). Nothing is copied out of the database: GX sends SQL, DuckDB
answers with counts.

``ConfianceDuckDBDatasource`` is a GX fluent SQL datasource (type
``confiance_duckdb``) whose engine is the one bound with ``bind(name, con)``
for the duration of a validation; its configuration (stored in the GX file
context) carries no path, key or connection string of any database.
"""

from __future__ import annotations

import sys
import threading
import types
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal

import duckdb
import sqlalchemy as sa
from duckdb_engine import ConnectionWrapper, CursorWrapper
from great_expectations.datasource.fluent.sql_datasource import SQLDatasource
from great_expectations.execution_engine import SqlAlchemyExecutionEngine
from sqlalchemy.pool import StaticPool

from confiance.sql import quote_identifier

#: A result larger than this is refused rather than buffered (GX's metric queries return one row).
DEFAULT_MAX_BUFFERED_ROWS = 100_000
#: Placeholder URL: the creator supplies the connection, this is never opened.
PLACEHOLDER_URL = "duckdb:///:memory:"


class ResultTooLarge(RuntimeError):
    """A query returned more rows than the adapter buffers (row-level results stay in DuckDB)."""


# --- 1. buffered results ----------------------------------------------------------------------


class BufferedCursor(CursorWrapper):
    """A duckdb-engine cursor whose result is fetched when the statement runs, so it survives rollback/close."""

    def __init__(self, con: duckdb.DuckDBPyConnection, wrapper: BufferedConnection) -> None:
        super().__init__(con, wrapper)
        self._duck = con
        self._max_rows = wrapper.max_buffered_rows
        self._rows: list[tuple] = []
        self._pos = 0
        self.description: Any = None
        self.rowcount = -1

    def execute(self, statement: str, parameters: Any = None, context: Any = None) -> None:
        self._rows, self._pos, self.description = [], 0, None
        super().execute(statement, parameters, context)
        description = self._duck.description
        if description is None:  # a statement without a result (SET, USE, BEGIN...)
            return
        rows = self._duck.fetchmany(self._max_rows + 1)
        if len(rows) > self._max_rows:
            raise ResultTooLarge(
                f"a query returned more than {self._max_rows:,} rows; the SQL route buffers aggregates only"
            )
        self._rows, self.description = rows, description
        self.rowcount = len(rows)

    def fetchone(self) -> tuple | None:
        if self._pos >= len(self._rows):
            return None
        row = self._rows[self._pos]
        self._pos += 1
        return row

    def fetchmany(self, size: int | None = None) -> list:
        size = 1 if size is None else size
        out = self._rows[self._pos : self._pos + size]
        self._pos += len(out)
        return out

    def fetchall(self) -> list:
        out = self._rows[self._pos :]
        self._pos = len(self._rows)
        return out

    def close(self) -> None:
        self._rows, self._pos = [], 0


class BufferedConnection(ConnectionWrapper):
    """The DB-API connection SQLAlchemy sees: duckdb-engine's wrapper, with buffered cursors."""

    def __init__(self, con: duckdb.DuckDBPyConnection, max_buffered_rows: int = DEFAULT_MAX_BUFFERED_ROWS) -> None:
        super().__init__(con)
        self._duck = con
        self.max_buffered_rows = max_buffered_rows

    def cursor(self) -> BufferedCursor:
        return BufferedCursor(self._duck, self)


def duplicate(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A new connection to ``con``'s DuckDB instance, on the same default catalog and schema."""
    catalog, schema = con.execute("SELECT current_database(), current_schema()").fetchone()
    dup = con.cursor()
    dup.execute(f"USE {quote_identifier(catalog)}.{quote_identifier(schema)}")
    return dup


def engine_on(con: duckdb.DuckDBPyConnection, *, max_buffered_rows: int | None = None) -> sa.Engine:
    """A SQLAlchemy engine (duckdb-engine dialect) whose single connection is a duplicate of ``con``.

    Dispose of it (``engine.dispose()``) when done; that closes the duplicate, never ``con``.
    """
    if max_buffered_rows is None:
        max_buffered_rows = DEFAULT_MAX_BUFFERED_ROWS
    return sa.create_engine(
        PLACEHOLDER_URL,
        creator=lambda: BufferedConnection(duplicate(con), max_buffered_rows),
        poolclass=StaticPool,
    )


# --- 2. regex ---------------------------------------------------------------------------------


class _DuckDBDialectModule(types.ModuleType):
    """What our execution engine exposes as ``dialect_module``: a marker for the regex hook.

    Any other attribute is SQLAlchemy's own, which is what GX uses for type names when it has no
    dialect module (``dialect_module is None``), so type comparisons behave as before.
    """

    confiance_duckdb = True

    def __getattr__(self, name: str) -> Any:
        return getattr(sa, name)


DUCKDB_DIALECT_MODULE = _DuckDBDialectModule("confiance_duckdb_dialect")

_REGEX_MODULES = (
    "great_expectations.expectations.metrics.util",
    "great_expectations.expectations.metrics.column_map_metrics.column_values_match_regex",
    "great_expectations.expectations.metrics.column_map_metrics.column_values_not_match_regex",
    "great_expectations.expectations.metrics.column_map_metrics.column_values_match_regex_list",
    "great_expectations.expectations.metrics.column_map_metrics.column_values_not_match_regex_list",
    "great_expectations.expectations.metrics.column_aggregate_metrics.column_values_match_regex_values",
    "great_expectations.expectations.metrics.column_aggregate_metrics.column_values_not_match_regex_values",
)
_install_lock = threading.Lock()


def duckdb_regex_expression(column: Any, regex: str, positive: bool = True) -> Any:
    """``regexp_matches(column, regex)`` (a search, like GX's other engines), negated for "not match"."""
    match = sa.func.regexp_matches(column, sa.literal(regex, sa.String))
    return match if positive else sa.not_(match)


def _is_ours(dialect: Any) -> bool:
    return bool(getattr(dialect, "confiance_duckdb", False))


def _patch(module_name: str, function: str, make: Any) -> None:
    """Replace ``module.function`` by ``make(original)`` once (the GX metric modules look it up at call time)."""
    import importlib

    module = sys.modules.get(module_name) or importlib.import_module(module_name)
    original = getattr(module, function, None)
    if original is None or getattr(original, "_confiance_duckdb", False):
        return
    patched = make(original)
    patched._confiance_duckdb = True
    patched.__doc__ = original.__doc__
    setattr(module, function, patched)


def _regex_hook(original: Any) -> Any:
    def get_dialect_regex_expression(column: Any, regex: str, dialect: Any, positive: bool = True) -> Any:
        if _is_ours(dialect):
            return duckdb_regex_expression(column, regex, positive)
        return original(column, regex, dialect, positive)

    return get_dialect_regex_expression


def _column_names_hook(original: Any) -> Any:
    """Column names of a query asset without running the query.

    GX's fallback executes a custom query *as is* to read its column names: the whole
    dataset (every window function included) would be computed and sent to Python.
    On DuckDB we ask for ``LIMIT 0`` instead, which plans the query and returns none of it.
    """

    def column_reflection_fallback(
        selectable: Any, dialect: Any, sqlalchemy_engine: Any, schema_name: str | None = None
    ) -> Any:
        if getattr(dialect, "name", "") == "duckdb" and isinstance(selectable, sa.TextClause):
            with sqlalchemy_engine.connect() as connection:
                result = connection.execute(sa.text(f"SELECT * FROM ({selectable.text}) AS q LIMIT 0"))
                return [{"name": name} for name in result.keys()]
        return original(selectable, dialect, sqlalchemy_engine, schema_name)

    return column_reflection_fallback


def install_duckdb_hooks() -> None:
    """Teach GX DuckDB: regex for our execution engines, cheap column names for query assets (idempotent)."""
    with _install_lock:
        for name in _REGEX_MODULES:
            _patch(name, "get_dialect_regex_expression", _regex_hook)
        _patch("great_expectations.expectations.metrics.util", "column_reflection_fallback", _column_names_hook)


# --- 3. the GX datasource and execution engine ------------------------------------------------


class DuckDBExecutionEngine(SqlAlchemyExecutionEngine):
    """GX's SQLAlchemy execution engine on a bound DuckDB connection: no temp tables, DuckDB regex."""

    def __init__(self, engine: sa.Engine, **kwargs: Any) -> None:
        install_duckdb_hooks()
        # create_temp_table=False: a temp table would copy the dataset (identifiers included) into memory.
        super().__init__(engine=engine, create_temp_table=False, **kwargs)
        self.dialect_module = DUCKDB_DIALECT_MODULE


_bound: dict[str, DuckDBExecutionEngine] = {}
_bound_lock = threading.Lock()


@contextmanager
def bind(name: str, con: duckdb.DuckDBPyConnection, **engine_kwargs: Any) -> Iterator[DuckDBExecutionEngine]:
    """Make the datasource ``name`` run on ``con`` until the block ends (then the duplicate is closed)."""
    engine = engine_on(con, **engine_kwargs)
    execution_engine = DuckDBExecutionEngine(engine)
    with _bound_lock:
        if name in _bound:
            engine.dispose()
            raise RuntimeError(f"the GX datasource {name!r} is already bound to a DuckDB connection")
        _bound[name] = execution_engine
    try:
        yield execution_engine
    finally:
        with _bound_lock:
            _bound.pop(name, None)
        execution_engine.close()
        engine.dispose()


def bound_execution_engine(name: str) -> DuckDBExecutionEngine:
    try:
        return _bound[name]
    except KeyError:
        raise RuntimeError(
            f"the GX datasource {name!r} runs on a DuckDB connection bound with quality.sql_adapter.bind(); "
            "none is bound now"
        ) from None


class ConfianceDuckDBDatasource(SQLDatasource):
    """A GX SQL datasource on whatever DuckDB connection is bound to its name (see ``bind``)."""

    type: Literal["confiance_duckdb"] = "confiance_duckdb"  # type: ignore[assignment]
    connection_string: str = PLACEHOLDER_URL
    create_temp_table: bool = False

    def get_engine(self) -> sa.Engine:
        return bound_execution_engine(self.name).engine

    def get_execution_engine(self) -> SqlAlchemyExecutionEngine:
        return bound_execution_engine(self.name)

    def test_connection(self, test_assets: bool = True) -> None:
        """Nothing to test until a connection is bound; then run GX's own test on it."""
        if self.name in _bound:
            super().test_connection(test_assets)


# --- 4. the same expectations as a DuckDB row condition (failing-row references) ---------------


def sql_literal(value: Any) -> str:
    """A Python value as a DuckDB literal (strings quoted and escaped)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def unexpected_row_condition(expectation_type: str, kwargs: dict[str, Any]) -> str:
    """The DuckDB condition that is TRUE for a row GX counts as unexpected (column map expectations).

    Mirrors GX's semantics: NULLs are "missing", never unexpected, except for
    ``expect_column_values_to_not_be_null``; regexes are searches; bounds are inclusive
    unless ``strict_min``/``strict_max``.
    """
    col = quote_identifier(kwargs["column"])
    present = f"{col} IS NOT NULL"
    if expectation_type == "expect_column_values_to_not_be_null":
        return f"{col} IS NULL"
    if expectation_type == "expect_column_values_to_match_regex":
        return f"{present} AND NOT regexp_matches({col}, {sql_literal(kwargs['regex'])})"
    if expectation_type == "expect_column_values_to_not_match_regex":
        return f"{present} AND regexp_matches({col}, {sql_literal(kwargs['regex'])})"
    if expectation_type == "expect_column_values_to_be_in_set":
        values = ", ".join(sql_literal(v) for v in kwargs["value_set"])
        return f"{present} AND {col} NOT IN ({values})" if values else present
    if expectation_type == "expect_column_values_to_not_be_in_set":
        values = ", ".join(sql_literal(v) for v in kwargs["value_set"])
        return f"{present} AND {col} IN ({values})" if values else "FALSE"
    if expectation_type == "expect_column_values_to_be_between":
        low, high = kwargs.get("min_value"), kwargs.get("max_value")
        outside = []
        if low is not None:
            outside.append(f"{col} {'<=' if kwargs.get('strict_min') else '<'} {sql_literal(low)}")
        if high is not None:
            outside.append(f"{col} {'>=' if kwargs.get('strict_max') else '>'} {sql_literal(high)}")
        return f"{present} AND ({' OR '.join(outside)})" if outside else "FALSE"
    raise NotImplementedError(f"no DuckDB row condition for {expectation_type}")
