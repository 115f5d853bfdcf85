"""Which release each consumer holds, and whether a run would give it anything new.

The publication gate publishes closed periods only, so a daily run that adds benefits of the open year leaves
every published cell as it was: recomputing the linked-table suppression and the attacker's audit for every
employer and the insurer would only rebuild the same release. The gate therefore takes a **fingerprint** of
everything the suppression, the audit and the writing of a consumer's folders read:

* the mart rows it would publish (as read from the warehouse, in a canonical row order);
* the cell tables dbt leaves for the disclosure step (true values, populations, largest contributions,
  primary masking: ``intermediate.int_disclosure__<mart>``) and the région reference the audit reads;
* the disclosure parameters (``vars.disclosure`` of the consumer, k, l), the marts' ODCS contracts (file bytes);
* the employers' names (their reports print them) and the publisher's signing key;
* a version of the code: the bytes of the gate's, the suppression's, the audit's and the reports' sources.

Each consumer's decisions are kept in a log beside its publication history (warehouse zone, never published):
``publication_history/<consumer>/releases.jsonl``, one JSON line per run (``published`` with the fingerprint,
the folders and the figures of the release; ``unchanged`` naming the release that stands). A run whose fingerprint
equals the last published one's, whose folders are all still there, signed by the publisher's key and whole, and
whose history run is still kept, publishes nothing: "unchanged, previous release stands". Anything else (a late
claim in a closed year, a parameter, a contract, the code, a deleted file or log line) recomputes as before.

Sound by construction: nothing new is published, so nothing new is disclosed.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from confiance.contracts import mart_contracts
from confiance.settings import Settings

LOG_NAME = "releases.jsonl"
PUBLISHED = "published"
UNCHANGED = "unchanged"

_ROOT = Path(__file__).resolve().parent.parent
#: The sources whose behaviour decides what a consumer receives (a change to any of them recomputes every release).
RELEASE_CODE = (
    "governance/publish.py",
    "governance/protection.py",
    "governance/disclosure.py",
    "governance/release_log.py",
    "governance/lineage.py",
    "governance/pii_gate.py",
    "governance/sdc",
    "governance/employer_report",
    "confiance/contracts.py",
)


@dataclass
class ReleaseEntry:
    """One line of a consumer's release log."""

    consumer: str
    run_id: str
    status: str  # PUBLISHED or UNCHANGED
    fingerprint: str
    release_run_id: str  # the run whose folders the consumer holds (== run_id when published)
    folders: list[str] = field(default_factory=list)  # relative to the published root
    files: int = 0
    #: figures of the release, carried into the summary of a run that leaves it standing
    disclosure_audit: dict[str, Any] = field(default_factory=dict)
    masked_cell_share: dict[str, Any] = field(default_factory=dict)
    masked_amount_share: dict[str, Any] = field(default_factory=dict)
    employers: dict[str, Any] = field(default_factory=dict)
    #: input name -> digest (see :func:`fingerprint`): what a later run compares to say what changed
    inputs: dict[str, str] = field(default_factory=dict)
    at: str = ""

    @classmethod
    def of(
        cls,
        consumer: str,
        run_id: str,
        status: str,
        fingerprint: Fingerprint,
        release_run_id: str,
        folders: list[str],
        files: int,
        *,
        disclosure_audit: dict[str, Any] | None = None,
        masked_cell_share: dict[str, Any] | None = None,
        masked_amount_share: dict[str, Any] | None = None,
        employers: dict[str, Any] | None = None,
    ) -> ReleaseEntry:
        """The log line of one decision of the gate for ``consumer`` in ``run_id``: ``status`` PUBLISHED (the
        release is this run's, with its figures) or UNCHANGED (the release of ``release_run_id`` stands; its
        figures are on that release's PUBLISHED line), with the release's ``fingerprint``, folders and files."""
        return cls(
            consumer=consumer,
            run_id=run_id,
            status=status,
            fingerprint=fingerprint.digest,
            inputs=dict(fingerprint.inputs),
            release_run_id=release_run_id,
            folders=list(folders),
            files=files,
            disclosure_audit=dict(disclosure_audit or {}),
            masked_cell_share=dict(masked_cell_share or {}),
            masked_amount_share=dict(masked_amount_share or {}),
            employers=dict(employers or {}),
        )

    @property
    def release_fingerprint(self) -> Fingerprint:
        """The fingerprint of the release this line logs (its digest and the digest of each input)."""
        return Fingerprint(self.fingerprint, self.inputs)


def log_path(history_root: Path) -> Path:
    """The release log of one consumer, given its publication-history directory."""
    return history_root / LOG_NAME


# --- the fingerprint ------------------------------------------------------------------------------------------


#: SHA-256 of the rows of relation ``t`` as text (DuckDB's rendering of each row, one per line), in text order:
#: the same rows give the same digest whatever their order, their chunks or their in-memory buffers.
_ROWS_DIGEST = "select sha256(coalesce(string_agg(t::varchar, chr(10) order by t::varchar), '')) from {source} t"


def table_digest(table: pa.Table) -> str:
    """SHA-256 of a table's schema and rows (see :data:`_ROWS_DIGEST`)."""
    con = duckdb.connect()
    try:
        con.register("rows_in", table)
        rows = con.execute(_ROWS_DIGEST.format(source="rows_in")).fetchone()[0]
    finally:
        con.close()
    return hashlib.sha256(f"{table.schema}\n{rows}".encode()).hexdigest()


def _query_digest(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    """SHA-256 of a relation's columns and rows, computed where it lives."""
    try:
        columns = con.execute(f"describe {sql}").fetchall()
        rows = con.execute(_ROWS_DIGEST.format(source=f"({sql})")).fetchone()[0]
    except duckdb.Error as exc:
        return f"unreadable:{type(exc).__name__}"  # the recompute reports it; never equal to a real digest
    return hashlib.sha256(f"{columns}\n{rows}".encode()).hexdigest()


@cache
def code_version() -> str:
    """SHA-256 over the bytes of :data:`RELEASE_CODE` (every file under a listed directory, sorted by path)."""
    digest = hashlib.sha256()
    for name in RELEASE_CODE:
        path = _ROOT / name
        files = (
            sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
            if path.is_dir()
            else [path]
        )
        for file in files:
            digest.update(str(file.relative_to(_ROOT)).encode() + b"\0")
            digest.update(file.read_bytes() if file.exists() else b"<absent>")
    return digest.hexdigest()


@dataclass(frozen=True)
class Fingerprint:
    """The release fingerprint and the digest of each input it covers (named, so a log can say what changed)."""

    digest: str
    inputs: dict[str, str]


def fingerprint(
    con: duckdb.DuckDBPyConnection,
    consumer: str,
    tables: dict[str, pa.Table],
    cell_tables: dict[str, str],
    parameters: dict[str, Any],
    key_fingerprint: str,
    extra_queries: dict[str, str] | None = None,
) -> Fingerprint:
    """The consumer's release fingerprint (see the module docstring).

    ``tables``: mart -> rows as they would be published (before suppression); ``cell_tables``: mart -> the
    relation holding its cells for the disclosure step; ``parameters``: the rules (JSON-serialisable);
    ``extra_queries``: name -> SQL of other relations the release reads (the région reference, the names)."""
    contracts = mart_contracts()
    inputs = {
        "consumer": hashlib.sha256(consumer.encode()).hexdigest(),
        "code": code_version(),
        "parameters": hashlib.sha256(json.dumps(parameters, sort_keys=True, default=str).encode()).hexdigest(),
        "signing_key": key_fingerprint,
    }
    for mart, table in sorted(tables.items()):
        inputs[f"{mart}:rows"] = table_digest(table)
        inputs[f"{mart}:contract"] = hashlib.sha256(contracts[mart].path.read_bytes()).hexdigest()
        if mart in cell_tables:
            inputs[f"{mart}:cells"] = _query_digest(con, f"select * from {cell_tables[mart]}")
    for name, sql in sorted((extra_queries or {}).items()):
        inputs[name] = _query_digest(con, sql)
    digest = hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()
    return Fingerprint(digest, inputs)


def changed_inputs(entry: ReleaseEntry | None, now: Fingerprint) -> list[str]:
    """The inputs whose digest differs from the release's (every input when there is no release to compare)."""
    if entry is None:
        return sorted(now.inputs)
    return sorted(k for k in now.inputs.keys() | entry.inputs.keys() if now.inputs.get(k) != entry.inputs.get(k))


# --- the log ----------------------------------------------------------------------------------------------------


def entries(history_root: Path) -> list[ReleaseEntry]:
    """Every readable line of the consumer's release log, oldest first (an unreadable line is skipped)."""
    path = log_path(history_root)
    out = []
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            out.append(ReleaseEntry(**json.loads(line)))
        except (ValueError, TypeError):
            continue
    return out


def last_published(history_root: Path) -> ReleaseEntry | None:
    found = [e for e in entries(history_root) if e.status == PUBLISHED]
    return found[-1] if found else None


def append(history_root: Path, entry: ReleaseEntry) -> None:
    """Add one decision to the log (written and fsynced before the gate reports it)."""
    history_root.mkdir(parents=True, exist_ok=True)
    entry.at = entry.at or datetime.now(UTC).isoformat(timespec="seconds")
    with open(log_path(history_root), "a", encoding="utf-8") as fh:
        fh.write(json.dumps(asdict(entry), sort_keys=True, ensure_ascii=False) + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def standing_release(
    settings: Settings,
    history_root: Path,
    fingerprint_now: Fingerprint,
    folder_ok: Any,
    current_folders: list[str],
) -> ReleaseEntry | None:
    """The release the consumer holds, when this run would give it nothing new; else None (recompute).

    ``folder_ok(path, run_id) -> bool`` checks one published folder (signature by the publisher's key, every file
    whole, the manifest's run id); ``current_folders``: the consumer's folders now in the published root."""
    entry = last_published(history_root)
    if entry is None or entry.fingerprint != fingerprint_now.digest:
        return None
    if not (history_root / entry.release_run_id).is_dir():  # the audit's memory of that release is gone
        return None
    if sorted(entry.folders) != sorted(current_folders) or not entry.folders:
        return None
    for relative in entry.folders:
        if not folder_ok(settings.published / relative, entry.release_run_id):
            return None
    return entry
