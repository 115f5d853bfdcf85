"""Column-level lineage of the published marts, with sqlglot over dbt's compiled SQL.

For every column of a mart, the lineage follows each model's compiled SQL
(from ``manifest.json``) one model at a time back to the warehouse ``pseudo``
sources, then through the feed contracts (``token_column`` / ``target_column``,
see :func:`governance.dbt_sources.warehouse_lineage`) to the feed columns. A mart
column is *refused* when it derives from a feed column classified
``direct_identifier`` or from a token column (a token is derived from an
identifier and never leaves the warehouse).

Lineage is conservative: a column depends on every column its expression reads,
including CASE conditions and window PARTITION/ORDER BY columns. Aggregates over
rows (``count(*)``) and GROUP BY keys do not carry values into a column.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
from sqlglot import exp
from sqlglot.lineage import lineage as sqlglot_lineage

from confiance.contracts import DIRECT_IDENTIFIER, warehouse_tables
from confiance.settings import disclosure_min_cell_size
from governance.dbt_sources import warehouse_lineage

SourceColumn = tuple[str, str]  # (pseudo table, column)


class LineageError(RuntimeError):
    """The lineage could not be established (missing compiled SQL, unknown relation)."""


@dataclass
class MartLineage:
    mart: str
    columns: dict[str, set[SourceColumn]] = field(default_factory=dict)
    feed_columns: dict[str, set[str]] = field(default_factory=dict)  # column -> {"feed.column"}
    violations: list[str] = field(default_factory=list)  # "<mart column> <- <feed.column> (reason)"

    @property
    def ok(self) -> bool:
        return not self.violations


def load_manifest(path: Path) -> dict[str, Any]:
    if not path.exists():
        raise LineageError(f"{path}: no dbt manifest (run dbt build first)")
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def warehouse_schema(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, dict[str, dict[str, str]]]]:
    """catalog -> schema -> table -> column -> type, as sqlglot wants it to expand stars."""
    schema: dict[str, dict[str, dict[str, dict[str, str]]]] = {}
    rows = con.execute(
        "select table_catalog, table_schema, table_name, column_name, data_type from information_schema.columns"
    ).fetchall()
    for catalog, sch, table, column, dtype in rows:
        schema.setdefault(catalog, {}).setdefault(sch, {}).setdefault(table, {})[column] = dtype
    return schema


#: Direct lineage of a compiled model, by sha256 of its SQL and of the warehouse catalogue: tracing a
#: model with sqlglot takes seconds, and the gate and the site trace the same models in one run.
_TRACED: dict[str, dict[str, set[tuple[str, str]]]] = {}
CACHE_FILE = "column_lineage_cache.json"


class LineageGraph:
    """Column lineage across the dbt project, resolved model by model with memoisation.

    ``cache_dir`` (dbt's target folder) keeps each model's traced lineage on disk, keyed by the
    hash of its compiled SQL and of the catalogue, so that separate processes (Airflow tasks)
    trace a model once per change.
    """

    def __init__(self, manifest: dict[str, Any], schema: dict[str, Any], cache_dir: Path | None = None) -> None:
        self.manifest = manifest
        self._catalogue_hash = hashlib.sha256(json.dumps(schema, sort_keys=True, default=str).encode()).hexdigest()
        self._cache_file = Path(cache_dir) / CACHE_FILE if cache_dir else None
        self._disk: dict[str, dict[str, list[list[str]]]] = {}
        if self._cache_file and self._cache_file.is_file():
            try:
                self._disk = json.loads(self._cache_file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                self._disk = {}
        # The compiled SQL names the catalog dbt saw (the warehouse file's stem); serve the
        # warehouse's tables under every catalog the manifest uses.
        merged: dict[str, Any] = {}
        for tables in schema.values():
            for sch, cols in tables.items():
                merged.setdefault(sch, {}).update(cols)
        catalogs = {n.get("database") for n in {**manifest.get("nodes", {}), **manifest.get("sources", {})}.values()}
        self.schema = {**schema, **{c: merged for c in catalogs if c}}
        self._by_relation: dict[tuple[str, str], str] = {}
        for uid, node in {**manifest.get("nodes", {}), **manifest.get("sources", {})}.items():
            if node.get("resource_type") not in ("model", "seed", "source", "snapshot"):
                continue
            name = node.get("identifier") if node["resource_type"] == "source" else node.get("alias") or node["name"]
            self._by_relation[(node["schema"].lower(), name.lower())] = uid
        self._model_cache: dict[str, dict[str, set[tuple[str, str]]]] = {}
        self._resolved: dict[tuple[str, str], frozenset[SourceColumn]] = {}

    def node(self, uid: str) -> dict[str, Any]:
        return self.manifest.get("nodes", {}).get(uid) or self.manifest["sources"][uid]

    def model_uid(self, name: str) -> str:
        for uid, node in self.manifest.get("nodes", {}).items():
            if node.get("resource_type") == "model" and node["name"] == name:
                return uid
        raise LineageError(f"no model {name!r} in the dbt manifest")

    def _direct(self, uid: str) -> dict[str, set[tuple[str, str]]]:
        """Output column -> {(upstream uid, column)} for one model's compiled SQL."""
        if uid in self._model_cache:
            return self._model_cache[uid]
        node = self.node(uid)
        sql = node.get("compiled_code")
        if not sql:
            raise LineageError(f"{node['name']}: no compiled SQL in the dbt manifest (run dbt build or compile)")
        digest = hashlib.sha256(f"{self._catalogue_hash}\n{sql}".encode()).hexdigest()
        if digest in _TRACED:
            self._model_cache[uid] = _TRACED[digest]
            return _TRACED[digest]
        if digest in self._disk:
            cached = {col: {(u, c) for u, c in refs} for col, refs in self._disk[digest].items()}
            _TRACED[digest] = self._model_cache[uid] = cached
            return cached
        try:
            nodes = sqlglot_lineage(None, sql, schema=self.schema, dialect="duckdb")
        except Exception as exc:
            raise LineageError(f"{node['name']}: sqlglot could not trace the compiled SQL: {exc}") from exc
        out: dict[str, set[tuple[str, str]]] = {}
        for column, root in nodes.items():
            refs: set[tuple[str, str]] = set()
            for n in root.walk():
                if isinstance(n.source, exp.Table) and not n.downstream:
                    table = n.source
                    key = ((table.db or "").lower(), table.name.lower())
                    upstream = self._by_relation.get(key)
                    if upstream is None:
                        raise LineageError(f"{node['name']}: reads {key[0]}.{key[1]}, unknown to the dbt manifest")
                    refs.add((upstream, n.name.split(".")[-1].lower()))
            out[column.lower()] = refs
        self._model_cache[uid] = _TRACED[digest] = out
        if self._cache_file is not None:
            self._disk[digest] = {col: sorted([u, c] for u, c in refs) for col, refs in out.items()}
            try:
                tmp = self._cache_file.with_suffix(".tmp")
                tmp.write_text(json.dumps(self._disk), encoding="utf-8")
                tmp.replace(self._cache_file)
            except OSError:
                pass  # a cache only: the lineage is traced again next time
        return out

    def resolve(self, uid: str, column: str) -> frozenset[SourceColumn]:
        """The ``pseudo`` source columns (table, column) a column of a node derives from."""
        key = (uid, column)
        if key in self._resolved:
            return self._resolved[key]
        node = self.node(uid)
        kind = node["resource_type"]
        if kind == "source":
            result = frozenset({(node["name"], column)})
        elif kind == "seed":
            result = frozenset()
        else:
            direct = self._direct(uid)
            if column not in direct:
                raise LineageError(f"{node['name']}: no column {column!r} in its compiled SQL")
            acc: set[SourceColumn] = set()
            for upstream, up_col in direct[column]:
                acc |= self.resolve(upstream, up_col)
            result = frozenset(acc)
        self._resolved[key] = result
        return result


def _pseudo_to_feed() -> dict[tuple[str, str], list[Any]]:
    out: dict[tuple[str, str], list[Any]] = {}
    for name, contract in warehouse_tables().items():  # the feeds' tables and their versions tables
        for target, cols in warehouse_lineage(contract, name).items():
            out[(name, target)] = cols
    return out


def mart_lineage(graph: LineageGraph, mart: str) -> MartLineage:
    """Lineage of every column of ``mart`` and the columns that would expose an identifier or a token."""
    uid = graph.model_uid(mart)
    result = MartLineage(mart=mart)
    to_feed = _pseudo_to_feed()
    for column in graph._direct(uid):
        sources = set(graph.resolve(uid, column))
        result.columns[column] = sources
        feeds: set[str] = set()
        for table, col in sorted(sources):
            feed_cols = to_feed.get((table, col))
            if feed_cols is None:
                result.violations.append(f"{column} <- pseudo.{table}.{col} (not described by any feed contract)")
                continue
            for fc in feed_cols:
                feeds.add(f"{table}.{fc.name}")
                if fc.crossing == "token":
                    result.violations.append(f"{column} <- pseudo.{table}.{col} (a token of {table}.{fc.name})")
                elif fc.classification == DIRECT_IDENTIFIER:
                    result.violations.append(f"{column} <- {table}.{fc.name} (direct identifier)")
        result.feed_columns[column] = feeds
    return result


def check_marts(manifest_path: Path, con: duckdb.DuckDBPyConnection, marts: list[str]) -> dict[str, MartLineage]:
    graph = LineageGraph(load_manifest(manifest_path), warehouse_schema(con), cache_dir=manifest_path.parent)
    return {mart: mart_lineage(graph, mart) for mart in marts}


def upstream_datasets(manifest: dict[str, Any], model: str) -> set[str]:
    """Names of everything a model depends on: dbt models, 'pseudo.<table>' and the feed names."""
    nodes = {**manifest.get("nodes", {}), **manifest.get("sources", {})}
    start = next(
        (u for u, n in manifest["nodes"].items() if n.get("resource_type") == "model" and n["name"] == model), None
    )
    if start is None:
        raise LineageError(f"no model {model!r} in the dbt manifest")
    seen: set[str] = set()
    stack = [start]
    out: set[str] = {model}
    tables = warehouse_tables()
    while stack:
        uid = stack.pop()
        if uid in seen:
            continue
        seen.add(uid)
        node = nodes.get(uid)
        if node is None:
            continue
        if node["resource_type"] == "source":
            # A warehouse table comes from its feed (of the same name, or whose versions it keeps), checked raw in
            # the vault.
            feed = tables[node["name"]].name if node["name"] in tables else node["name"]
            out |= {f"{node['source_name']}.{node['name']}", node["name"], feed, f"raw.{feed}"}
        elif node["resource_type"] in ("model", "seed"):
            out.add(node["name"])
        stack.extend(node.get("depends_on", {}).get("nodes", []))
    return out


# --------------------------------------------------------------------------- column graph, both ways

#: dbt models whose name starts with this apply disclosure control to what they read.
DISCLOSURE_PREFIX = "int_disclosure__"


def disclosure_step() -> str:
    """The privacy step of a disclosure-control model in plain words (French / English), with the project's k."""
    k = disclosure_min_cell_size()
    return (
        f"contrôle de divulgation : population ≥ {k}, généralisation puis masquage / "
        f"disclosure control: populations of at least {k}, generalised then masked"
    )


@dataclass(frozen=True)
class ColumnRef:
    """One column of one documented dataset (``dataset`` is the site's ``zone.name`` key)."""

    dataset: str
    column: str

    @property
    def label(self) -> str:
        return f"{self.dataset.partition('.')[2]}.{self.column}"


@dataclass(frozen=True)
class ColumnEdge:
    source: ColumnRef
    target: ColumnRef
    step: str = ""  # privacy step in plain words, "" for a plain transformation


@dataclass
class ColumnGraph:
    """Column-level lineage of the whole platform: feed → warehouse → dbt models → marts."""

    edges: list[ColumnEdge] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # models whose SQL could not be traced

    def __post_init__(self) -> None:
        self._up: dict[ColumnRef, list[ColumnEdge]] = {}
        self._down: dict[ColumnRef, list[ColumnEdge]] = {}
        for edge in self.edges:
            self._index(edge)

    def _index(self, edge: ColumnEdge) -> None:
        self._up.setdefault(edge.target, []).append(edge)
        self._down.setdefault(edge.source, []).append(edge)

    def add(self, edge: ColumnEdge) -> None:
        if edge.source == edge.target or edge in self._down.get(edge.source, []):
            return
        self.edges.append(edge)
        self._index(edge)

    def _walk(self, start: ColumnRef, index: dict[ColumnRef, list[ColumnEdge]], upstream: bool) -> list[ColumnEdge]:
        seen: set[ColumnRef] = {start}
        out: list[ColumnEdge] = []
        stack = [start]
        while stack:
            ref = stack.pop()
            for edge in index.get(ref, []):
                out.append(edge)
                nxt = edge.source if upstream else edge.target
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        return out

    def upstream(self, ref: ColumnRef) -> list[ColumnEdge]:
        """Every edge on the way from the source feeds to ``ref``."""
        return self._walk(ref, self._up, upstream=True)

    def downstream(self, ref: ColumnRef) -> list[ColumnEdge]:
        """Every edge from ``ref`` to everything it feeds, down to the published marts."""
        return self._walk(ref, self._down, upstream=False)


def column_graph(lineage: LineageGraph, dataset_key: dict[str, str], domain: str) -> ColumnGraph:
    """The column graph of the feeds' crossing rules and of every dbt model's compiled SQL.

    ``dataset_key`` maps a manifest unique id (models, ``pseudo`` sources) to the
    site's dataset key (``model.stg_pseudo__members``, ``warehouse.members``...).
    A model sqlglot cannot trace is named in ``errors``, never silently dropped.
    """
    graph = ColumnGraph()
    for table, contract in warehouse_tables().items():
        for target, columns in warehouse_lineage(contract, table).items():
            for col in columns:
                graph.add(
                    ColumnEdge(
                        ColumnRef(f"feed.{contract.name}", col.name),
                        ColumnRef(f"warehouse.{table}", target),
                        col.rule.explain_both(domain),
                    )
                )
    models = {uid: n for uid, n in lineage.manifest.get("nodes", {}).items() if n.get("resource_type") == "model"}
    for uid, node in sorted(models.items()):
        if uid not in dataset_key:
            continue
        try:
            direct = lineage._direct(uid)
        except LineageError as exc:
            graph.errors.append(str(exc))
            continue
        step = disclosure_step() if node["name"].startswith(DISCLOSURE_PREFIX) else ""
        for column, refs in direct.items():
            target = ColumnRef(dataset_key[uid], column)
            for up_uid, up_col in sorted(refs):
                if up_uid in dataset_key:
                    graph.add(ColumnEdge(ColumnRef(dataset_key[up_uid], up_col), target, step))
    return graph
