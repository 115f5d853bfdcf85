"""What each consumer may see: its releases protected together, audited with what it already holds.

dbt leaves in the warehouse, for every published cell table, the complete grid
of cells with their true values, populations, largest contributions and primary
masking (``intermediate.int_disclosure__<mart>``). For one consumer — the
insurer, the dataviz consumer, each employer — the gate:

1. gathers every table that consumer receives (one employer's tables form one
   release; the benchmark, identical for every employer, is protected once);
2. adds what the consumer already holds from earlier runs (the publication
   history, kept in the warehouse zone): a cell masked before stays masked; a
   published cell is never revised — a changed value refuses the release;
3. chooses secondary cells over all those tables at once (``governance.sdc``);
4. runs the attacker's linear programme over the whole and refuses the release
   if any masked cell can be recovered or proven small.

The rules' parameters have one home: ``vars.disclosure`` in dbt_project.yml.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import yaml

from confiance.contracts import mart_contracts
from confiance.settings import DBT_PROJECT_FILE, Settings, disclosure_min_cell_size
from governance.sdc import AuditReport, CellTable, Release, Rules, TableSpec, audit, suppress
from governance.sdc.model import DISTINCT_MEMBERS
from governance.sdc.protect import AttackerProgrammeError

log = logging.getLogger(__name__)

CELL_SCHEMA = "intermediate"
HISTORY = "publication_history"
MASKED = "masked"
UNMASKED = "none"


class ProtectionError(RuntimeError):
    """A release cannot be protected or audited; the message names tables and counts, never values."""


def disclosure_parameters(consumer: str) -> dict[str, Any]:
    """The consumer's block of ``vars.disclosure`` in dbt_project.yml, the rules' single home ({} if absent)."""
    with open(DBT_PROJECT_FILE, encoding="utf-8") as fh:
        project = yaml.safe_load(fh)
    return (project.get("vars", {}).get("disclosure", {}) or {}).get(consumer, {}) or {}


def disclosure_parameter(consumer: str, name: str) -> Any:
    """One parameter of the consumer's rules from dbt_project.yml; missing there is an error, never a fallback."""
    cfg = disclosure_parameters(consumer)
    if name not in cfg:
        raise ProtectionError(f"{DBT_PROJECT_FILE.name}: vars.disclosure.{consumer} has no {name}")
    return cfg[name]


@cache
def rules_for(consumer: str) -> Rules:
    """The consumer's rules; k is the one k of every consumer (``confiance.settings``), checked there."""
    return Rules(
        k=disclosure_min_cell_size(),
        dominance=float(disclosure_parameter(consumer, "dominance")),
        p_percent=float(disclosure_parameter(consumer, "p_percent")),
    )


def table_spec(mart: str) -> TableSpec | None:
    """The mart's cell-table description (its contract's ``disclosure`` property), or None for other marts."""
    contract = mart_contracts()[mart]
    value = contract.table_custom.get("disclosure")
    return None if value is None else TableSpec.from_property(mart, value)


def cell_table(mart: str) -> str:
    return "int_disclosure__" + mart.removeprefix("mart_").replace("__", "_", 1)


def _regions(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    try:
        rows = con.execute("select departement, region from reference.region_of_departement").fetchall()
    except duckdb.Error:
        return {}
    return {str(d): str(r) for d, r in rows}


def _truth(con: duckdb.DuckDBPyConnection, mart: str) -> pd.DataFrame:
    try:
        frame = con.execute(f'select * from "{CELL_SCHEMA}"."{cell_table(mart)}"').df()
    except duckdb.Error as exc:
        raise ProtectionError(f"{mart}: no cell table {CELL_SCHEMA}.{cell_table(mart)} ({type(exc).__name__})") from exc
    if "primary_reason" in frame:
        frame["primary"] = frame["primary_reason"].fillna("none").astype(str) != "none"
    elif "masking" in frame:
        frame["primary"] = frame["masking"].fillna("none").astype(str) != "none"
    else:
        frame["primary"] = False
    frame["masked"] = frame["primary"].copy()
    return frame


def _key_columns(spec: TableSpec) -> list[str]:
    return ([spec.partition] if spec.partition else []) + list(spec.dimensions)


def _key_text(column: pd.Series) -> pd.Series:
    """A key column as text, the same whatever dtype a release stored it in (2025, 2025.0 and "2025" alike)."""
    if pd.api.types.is_float_dtype(column):
        return column.map(lambda v: str(int(v)) if pd.notna(v) and float(v).is_integer() else str(v))
    return column.astype(str)


def _keys(frame: pd.DataFrame, columns: list[str]) -> pd.Series:
    if not len(frame):
        return pd.Series([], dtype=str)
    return pd.concat([_key_text(frame[c]) for c in columns], axis=1).agg("\x1f".join, axis=1)


@dataclass
class ConsumerProtection:
    """The outcome for one consumer: masked rows per mart and partition, audits, refusal reasons."""

    consumer: str
    #: mart -> key -> masked? (key = partition + dimension values as text)
    masked: dict[str, dict[str, bool]] = field(default_factory=dict)
    audits: dict[str, AuditReport] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=lambda: {"primary": 0, "secondary": 0, "unprotectable": 0})
    reasons: list[str] = field(default_factory=list)
    truth: dict[str, pd.DataFrame] = field(default_factory=dict)
    #: member-level tables (contract property member_level) as published, kept so a published period stays final
    records: dict[str, pd.DataFrame] = field(default_factory=dict)
    #: optional table -> partitions (SIRETs) that do not receive it: the pattern without it published more
    withheld: dict[str, set[str]] = field(default_factory=dict)
    #: release label -> "with" or "without" its optional tables, for the releases that had the choice
    choices: dict[str, str] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        audits = list(self.audits.values())
        uppers = [a.min_count_upper for a in audits if a.min_count_upper is not None]
        spreads = [a.min_amount_spread for a in audits if a.min_amount_spread is not None]
        return {
            "releases_audited": len(audits),
            "masked_cells_audited": sum(a.masked_cells for a in audits),
            "primary_cells": self.counts["primary"],
            "secondary_cells": self.counts["secondary"],
            "linear_programmes": sum(a.linear_programmes for a in audits),
            "min_count_upper_bound": None if not uppers else float(min(uppers)),
            "min_amount_spread": None if not spreads else round(float(min(spreads)), 4),
            "passed": not self.reasons,
        }


def history_dir(settings: Settings, consumer: str) -> Path:
    """Where the gate keeps what each consumer received, with true values (warehouse zone, never published)."""
    return settings.warehouse_db.parent / HISTORY / consumer


def _history(settings: Settings, consumer: str, mart: str, run_id: str) -> list[tuple[str, pd.DataFrame]]:
    root = history_dir(settings, consumer)
    out = []
    runs = (
        [p for p in root.iterdir() if p.is_dir() and p.name != run_id and not p.name.startswith(".")]
        if root.exists()
        else []
    )
    for run in sorted(runs):
        path = run / f"{mart}.parquet"
        if path.exists():
            out.append((run.name, pq.read_table(path).to_pandas()))
    return out


def _carry_forward(current: pd.DataFrame, earlier: pd.DataFrame, spec: TableSpec, rules: Rules) -> list[str]:
    """A cell masked before stays masked; a published cell is never revised. Returns refusal reasons."""
    cols = _key_columns(spec)
    cur_keys = _keys(current, cols)
    old = earlier.assign(_key=_keys(earlier, cols).to_numpy()).drop_duplicates("_key").set_index("_key")
    reasons = _breakdown_changes(current, old, cur_keys, spec)
    shared = cur_keys.isin(old.index).to_numpy()
    if not shared.any():
        return reasons
    matched = old.loc[cur_keys[shared]]
    was_masked = matched["masked"].astype(bool).to_numpy()
    idx = np.flatnonzero(shared)
    current.loc[current.index[idx[was_masked]], "masked"] = True
    published_before = idx[~was_masked]
    revised = 0
    # Every published measure, averages included: an average that moves while its count does not
    # gives one late bill to everyone who saw both releases.
    for m in (m for m in spec.measures if m in current.columns and m in matched.columns):
        before = matched[m].astype(float).to_numpy()[~was_masked]
        now = current[m].astype(float).to_numpy()[published_before]
        revised += int((np.abs(before - now) > rules.tolerance).sum())
    if revised:
        reasons.append(
            f"{spec.name}: {revised} figure(s) published earlier would be revised; "
            "a published closed period is final (see docs/disclosure-control.md, releases over time)"
        )
    now_primary = current["primary"].astype(bool).to_numpy()[published_before]
    if now_primary.any():
        reasons.append(f"{spec.name}: {int(now_primary.sum())} cell(s) published earlier are now sensitive")
    return reasons


def _breakdown_changes(current: pd.DataFrame, old: pd.DataFrame, cur_keys: pd.Series, spec: TableSpec) -> list[str]:
    """A care year published before and released again must come with the same cells: a cell of that year absent
    now means its breakdown changed (another generalisation level chosen once a new period closed), and the cells
    of the two levels together could be subtracted (an age band masked at the finer level = the all-ages figure
    minus the bands published beside it). A year no longer released at all discloses nothing new."""
    years = [c for c, kind in spec.dimensions.items() if kind == "year" and c in current.columns and c in old]
    if not years or not len(old):
        return []
    old_years = _key_text(old[years[0]]).to_numpy()
    gone = np.isin(old_years, list(set(_key_text(current[years[0]])))) & ~old.index.isin(set(cur_keys))
    if not gone.any():
        return []
    changed = sorted(set(old_years[gone]))
    return [
        f"{spec.name}: the breakdown of published care year(s) {', '.join(changed)} changed ({int(gone.sum())} cell(s) "
        "published before are not in this release); a published closed period is final "
        "(see docs/disclosure-control.md, releases over time)"
    ]


#: The period column of a member-level table: a period it has published is final.
RECORD_PERIOD = "care_year"


def _record_revisions(current: pd.DataFrame, earlier: pd.DataFrame, mart: str) -> list[str]:
    """A member-level table's published period is final: released again, its records are the same (as a multiset
    of rows, columns included), or the release is refused. Returns refusal reasons (counts, never values)."""
    if RECORD_PERIOD not in current.columns or RECORD_PERIOD not in earlier.columns:
        return [f"{mart}: no {RECORD_PERIOD} column to tell its published periods apart"]
    reasons = []
    published = {str(v) for v in earlier[RECORD_PERIOD].dropna().unique()}
    for period, now in current.groupby(current[RECORD_PERIOD].astype(str), sort=True):
        if period not in published:
            continue
        before = earlier[earlier[RECORD_PERIOD].astype(str) == period]
        same_columns = list(now.columns) == list(before.columns)
        rows_now = now.astype(str).value_counts() if same_columns else None
        if (
            not same_columns
            or len(now) != len(before)
            or not rows_now.equals(before.astype(str).value_counts().reindex(rows_now.index))
        ):
            reasons.append(
                f"{mart}: {RECORD_PERIOD} {period} was published earlier ({len(before)} record(s)) and would be "
                f"revised ({len(now)} record(s) now, not the same); a published closed period is final "
                "(see docs/disclosure-control.md, releases over time)"
            )
    return reasons


def _solve(release: Release, rules: Rules) -> tuple[dict[str, int], AuditReport, list[tuple[np.ndarray, np.ndarray]]]:
    """Suppress and audit one release; return the counts, the audit and each table's (primary, masked) flags. A
    programme the solver cannot settle refuses the release (every cell masked, the reason in its audit) instead of
    stopping the whole publication: the other consumers and partitions are decided as usual."""
    try:
        counts = suppress(release, rules)
        report = audit(release, rules)
    except AttackerProgrammeError as exc:
        refused = AuditReport(consumer=release.consumer, reasons=[f"refused: {exc}"])
        return {}, refused, [(t.frame["primary"].to_numpy(bool), np.ones(len(t.frame), bool)) for t in release.tables]
    report.intervals = []  # the report's figures are kept; the per-cell intervals stay with the process
    flags = [(t.frame["primary"].to_numpy(bool), t.frame["masked"].to_numpy(bool)) for t in release.tables]
    return counts, report, flags


def _record(release: Release, solved: tuple, outcome: ConsumerProtection, label: str) -> None:
    counts, report, flags = solved
    for table, (primary, masked) in zip(release.tables, flags, strict=True):
        table.frame["primary"] = primary
        table.frame["masked"] = masked
    for key in outcome.counts:
        outcome.counts[key] += counts.get(key, 0)
    outcome.audits[label] = report
    if counts.get("unprotectable"):
        outcome.reasons.append(
            f"{label}: {counts['unprotectable']} primary cell(s) could not be protected by any "
            "choice of secondary cells"
        )
    outcome.reasons += [f"{label}: audit: {r}" for r in report.reasons]


#: Tables a partition (one employer) may receive or not, whichever publishes more (``_choose``): every cell of
#: such a table is a margin of the partition's other tables (a broad care family is the sum of its act
#: families), so leaving it out hides nothing the consumer needs and is itself a valid suppression pattern
#: (all its cells masked). See docs/disclosure-control.md, "broad care families".
OPTIONAL_TABLES = ("mart_employer__broad_families",)


def _copy(table: CellTable) -> CellTable:
    return CellTable(table.spec, table.frame.copy(), table.vintage)


def _variants(label: str, release: Release) -> list[tuple[str, Release]]:
    """The releases to solve for one partition, each named: ``as_is`` when it holds no current optional table;
    else ``with`` and ``without`` it (each on copies of the frames, so that the two never share a mask). A
    partition that already received the optional table keeps the choice made then (a folder never gains or
    loses it, and a rerun publishes the same bytes): ``with`` if an earlier release published one of its cells,
    else ``without``."""
    optional = [t for t in release.tables if t.vintage == "current" and t.spec.name in OPTIONAL_TABLES]
    if not optional:
        return [("as_is", release)]
    full = Release(release.consumer, [_copy(t) for t in release.tables], release.regions)
    without = Release(
        release.consumer, [_copy(t) for t in release.tables if not any(t is o for o in optional)], release.regions
    )
    earlier = [t for t in release.tables if t.vintage != "current" and t.spec.name in OPTIONAL_TABLES]
    if earlier:
        received = any((~t.frame["masked"].astype(bool)).any() for t in earlier)
        return [("with", full)] if received else [("without", without)]
    return [("with", full), ("without", without)]


def _yield(release: Release, solved: tuple) -> tuple[int, int, int]:
    """What a solved pattern publishes, compared lexicographically: whether it passed (audit and every primary
    cell protected), the published cells of its coarsest table (an employer's year), then its published cells
    that count someone (zeros are published whatever the pattern)."""
    counts, report, flags = solved
    passed = int(report.passed and not counts.get("unprotectable"))
    current = [(t, masked) for t, (_p, masked) in zip(release.tables, flags, strict=True) if t.vintage == "current"]
    coarsest = min((len(t.spec.dimensions) for t, _m in current), default=0)

    def informative(t: CellTable, masked: np.ndarray) -> int:
        members = [m for m, k in t.spec.measures.items() if k == DISTINCT_MEMBERS]
        someone = t.frame[members[0]].astype(float).to_numpy() > 0 if members else np.ones(len(t.frame), bool)
        return int((~masked & someone).sum())

    year = sum(informative(t, m) for t, m in current if len(t.spec.dimensions) == coarsest)
    return passed, year, sum(informative(t, m) for t, m in current)


def _choose(
    original: Release, variants: list[tuple[str, Release, tuple]], outcome: ConsumerProtection, label: str
) -> None:
    """Record the variant that publishes more (``_yield``; a tie keeps the release without its optional tables)
    on the original release's tables; an optional table left out is masked whole and withheld."""
    kind, chosen, solved = max(variants, key=lambda v: (_yield(v[1], v[2]), v[0] == "without"))
    if kind == "as_is":
        _record(original, solved, outcome, label)
        return
    _record(chosen, solved, outcome, label)
    outcome.choices[label] = kind
    kept = iter(chosen.tables)
    for table in original.tables:
        if kind == "without" and table.vintage == "current" and table.spec.name in OPTIONAL_TABLES:
            table.frame["masked"] = True
            partition = table.spec.partition
            if partition and len(table.frame):
                outcome.withheld.setdefault(table.spec.name, set()).add(str(table.frame[partition].iat[0]))
            continue
        source = next(kept)
        table.frame["primary"] = source.frame["primary"].to_numpy(bool)
        table.frame["masked"] = source.frame["masked"].to_numpy(bool)


#: Below this many releases (employers), they are solved in this process.
PARALLEL_FROM = 20


def _workers() -> int:
    return max(1, int(os.environ.get("CONFIANCE_GATE_WORKERS", os.cpu_count() or 1)))


def protect_releases(releases: list[tuple[str, Release]], rules: Rules, outcome: ConsumerProtection) -> None:
    """Solve independent releases (one per employer, each with and without its optional tables), on every core
    when there are many, and record the pattern kept for each."""
    jobs = [
        (label, original, kind, variant) for label, original in releases for kind, variant in _variants(label, original)
    ]
    workers = _workers()
    if workers == 1 or len(releases) < PARALLEL_FROM:
        solved = [_solve(variant, rules) for *_rest, variant in jobs]
    else:
        chunk = max(1, len(jobs) // (workers * 8))
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            solved = list(pool.map(_solve, [j[3] for j in jobs], [rules] * len(jobs), chunksize=chunk))
    grouped: dict[str, tuple[Release, list[tuple[str, Release, tuple]]]] = {}
    for (label, original, kind, variant), result in zip(jobs, solved, strict=True):
        grouped.setdefault(label, (original, []))[1].append((kind, variant, result))
    for label, (original, variants) in grouped.items():
        _choose(original, variants, outcome, label)


def protect_consumer(
    con: duckdb.DuckDBPyConnection,
    settings: Settings,
    consumer: str,
    marts: list[str],
    run_id: str,
    records: dict[str, pa.Table] | None = None,
) -> ConsumerProtection:
    """Suppress and audit every cell table ``consumer`` receives; see the module docstring. ``records``: the
    consumer's tables as they would be published; its member-level ones are checked against the history (a
    published period is final) and kept in it."""
    outcome = ConsumerProtection(consumer=consumer)
    for mart, table in (records or {}).items():
        if table_spec(mart) is None and mart_contracts()[mart].table_custom.get("member_level"):
            frame = table.to_pandas()
            outcome.records[mart] = frame
            for _, old in _history(settings, consumer, mart, run_id):
                outcome.reasons += _record_revisions(frame, old, mart)
    rules = rules_for(consumer)
    regions = _regions(con)
    specs = {m: s for m in marts if (s := table_spec(m)) is not None}
    partitioned: dict[object, list[CellTable]] = {}
    shared: list[CellTable] = []
    for mart, spec in specs.items():
        truth = _truth(con, mart)
        outcome.truth[mart] = truth
        history = _history(settings, consumer, mart, run_id)
        if spec.partition:
            for value, part in truth.groupby(spec.partition, sort=True):
                part = part.reset_index(drop=True)
                tables = partitioned.setdefault(value, [])
                tables.append(CellTable(spec, part))
                for run, old in history:
                    old_part = old[old[spec.partition].astype(str) == str(value)].reset_index(drop=True)
                    if len(old_part):
                        outcome.reasons += _carry_forward(part, old_part, spec, rules)
                        tables.append(CellTable(spec, old_part, vintage=run))
        else:
            table = CellTable(spec, truth.reset_index(drop=True))
            shared.append(table)
            for run, old in history:
                outcome.reasons += _carry_forward(table.frame, old, spec, rules)
                shared.append(CellTable(spec, old.reset_index(drop=True), vintage=run))
    releases = [
        (f"{consumer}/{value}", Release(f"{consumer}/{value}", tables, regions))
        for value, tables in partitioned.items()
    ]
    if shared:
        releases.append((consumer, Release(consumer, shared, regions)))
    protect_releases(releases, rules, outcome)
    for mart, spec in specs.items():
        frames = [
            t.frame
            for tables in (*partitioned.values(), shared)
            for t in tables
            if t.spec.name == mart and t.vintage == "current"
        ]
        truth = pd.concat(frames, ignore_index=True) if frames else outcome.truth[mart].iloc[0:0]
        outcome.truth[mart] = truth
        outcome.masked[mart] = dict(zip(_keys(truth, _key_columns(spec)), truth["masked"].astype(bool), strict=True))
    return outcome


def apply_masks(table: pa.Table, mart: str, outcome: ConsumerProtection) -> pa.Table:
    """The mart's rows with every masked cell's values emptied and ``masking`` only 'none' or 'masked'."""
    spec = table_spec(mart)
    if spec is None or mart not in outcome.masked:
        return table
    frame = table.to_pandas()
    keys = _keys(frame, _key_columns(spec))
    decided = outcome.masked[mart]
    missing = int((~keys.isin(list(decided))).sum()) if len(keys) else 0
    if missing or len(decided) != len(frame):
        raise ProtectionError(
            f"{mart}: the mart and its cell table do not hold the same cells "
            f"({missing} mart row(s) without a cell, {len(decided)} cell(s), {len(frame)} row(s))"
        )
    masked = keys.map(decided).astype(bool).to_numpy()
    value_columns = [c for c in frame.columns if c in spec.measures or c in spec.derived]
    columns = []
    for name in table.column_names:
        column = table.column(name)
        if name in value_columns:
            column = pa.compute.if_else(pa.array(masked), pa.nulls(len(frame), type=column.type), column)
        elif name == "masking":
            column = pa.array(np.where(masked, MASKED, UNMASKED), type=column.type)
        columns.append(column)
    out = pa.Table.from_arrays(columns, schema=table.schema)
    withheld = outcome.withheld.get(mart)
    if withheld and spec.partition:  # partitions whose pattern left this optional table out do not receive it
        received = ~frame[spec.partition].astype(str).isin(withheld).to_numpy()
        if not masked[~received].all():
            raise ProtectionError(f"{mart}: a withheld partition has published cells")
        out = out.filter(pa.array(received))
    return out


#: Prefix of a history run being written (a hidden sibling of the run directories, renamed into place once whole).
HISTORY_TMP = ".writing-"


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def save_history(settings: Settings, consumer: str, run_id: str, outcome: ConsumerProtection) -> None:
    """Keep what the consumer receives (true values and masks) for the next runs' audits.

    Written whole into a hidden temporary sibling, fsynced, then renamed into place: a run directory is complete
    or absent, never half-written. Called BEFORE the consumer's folders are swapped in, so the history always
    holds every release a consumer may hold (a run directory whose swap never happened is kept: the audit then
    errs on the side of what the consumer might have received)."""
    root = history_dir(settings, consumer)
    root.mkdir(parents=True, exist_ok=True)
    target = root / run_id
    tmp = root / f"{HISTORY_TMP}{run_id}"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    for mart, frame in (outcome.truth | outcome.records).items():
        keep = frame.drop(columns=[c for c in frame.columns if c.startswith("_")])
        path = tmp / f"{mart}.parquet"
        pq.write_table(pa.Table.from_pandas(keep, preserve_index=False), path)
        with open(path, "rb") as fh:
            os.fsync(fh.fileno())
    _fsync_dir(tmp)
    if target.exists():  # the same run id published again: its new content replaces the old one
        shutil.rmtree(target)
    tmp.rename(target)
    _fsync_dir(root)


def clean_history(settings: Settings) -> int:
    """Remove history runs left half-written by a killed publication (hidden temporary directories); return how
    many. A temporary directory was never renamed into place, so no consumer folder was swapped in after it."""
    base = settings.warehouse_db.parent / HISTORY
    removed = 0
    for tmp in sorted(base.glob(f"*/{HISTORY_TMP}*")) if base.exists() else []:
        if tmp.is_dir():
            shutil.rmtree(tmp, ignore_errors=True)
            removed += 1
    return removed
