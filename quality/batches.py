"""Which rows the per-row checks must read: the batches not covered by the last successful check.

**Raw feeds (vault).** A feed only grows by landed files (a file's rows never change once landed; an erasure or a
purge deletes rows, which cannot make a per-row check fail). So a per-row expectation (completeness, format, range, a
per-row rule: ``Check.per_row``) that passed on a file's rows still passes on them, and needs to read only the rows
of the files no successful check has covered yet. Every stored result of a feed check records what it covered
(``coverage``: the landed file ids, the run date, a fingerprint of the contract and of the checking code); the
next check reads the coverage of the latest result **without a blocking failure** and restricts its per-row checks
to the other files. Cross-batch rules (uniqueness across versions, a NIR to one member, a benefit within its
contract, freshness) always run on the whole feed.

**Pseudonymised tables (warehouse).** The same rule, one level down: a batch is a crossing, known by the stamp the
crossing writes on every row it writes (:data:`CROSSING_STAMP`, one value per crossing: a crossing run id, nothing
about a person). An appended crossing stamps only the records it re-crossed (new ones, new versions, members whose
token or age band moved); a whole crossing (the first, a key rotation, an erasure, a purge, an objection) stamps every
row, so no covered batch is left and the check is whole. A table whose rows carry no stamp is checked whole. Cross-
table and cross-batch rules (uniqueness, a token known in the other table, anything whose SQL reads other rows) always
read the whole table, key columns only.

Either check is whole (every row) when there is no such result, when the contract or the checking code changed, when
the run date went back (a date that was not in the future may be on an earlier date), or when asked (``full``); the
reason is stored with the result (``whole_reason``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from confiance import identifiers
from confiance.contracts import Contract
from confiance.crossing_rules import CROSSING_STAMP as CROSSING_STAMP  # a warehouse row's crossing (re-exported)
from confiance.sql import quote_identifier as _q
from quality import results
from quality.suites import Batch, DatasetPlan

#: The column of a raw feed's row naming the landed file it came from (the landing ledger's file id).
FILE_ID = "_file_id"

#: The code whose change can change a per-row verdict: the suites, the named checks, the engine and its SQL
#: adapter, and the identifier rules' SQL twins.
_CODE = ("suites.py", "checks.py", "engine.py", "sql_adapter.py")


@dataclass(frozen=True)
class Coverage:
    """What a feed check covered: stored with its result, read by the next check."""

    fingerprint: str
    as_of: str
    files: tuple[str, ...]  # landed file ids, as text (the ledger's integers in the vault)
    checksums: tuple[str | None, ...] = ()  # each file's checksum in the landing ledger, when it is known

    def as_dict(self) -> dict[str, Any]:
        sums = self.checksums or (None,) * len(self.files)
        return {
            "fingerprint": self.fingerprint,
            "as_of": self.as_of,
            "files": [[f, c] for f, c in zip(self.files, sums, strict=True)],
        }

    def covered(self, checksums: dict[str, str]) -> tuple[str, ...]:
        """The files still covered: a file id whose checksum in the ledger is not the one checked (a vault rebuilt
        under the same quality results) is not."""
        sums = self.checksums or (None,) * len(self.files)
        return tuple(f for f, c in zip(self.files, sums, strict=True) if checksums.get(f) == c)


def fingerprint(contract: Contract, extra: str = "") -> str:
    """Changes whenever a per-row verdict could: the feed's contract, the checking code, ``extra`` (the warehouse's
    domain, which its token format names)."""
    digest = hashlib.sha256(contract.path.read_bytes() + b"\0" + extra.encode())
    here = Path(__file__).parent
    for name in _CODE:
        digest.update(b"\0" + (here / name).read_bytes())
    digest.update(b"\0" + Path(identifiers.__file__).read_bytes())
    return digest.hexdigest()


def last_coverage(quality_dir: Path, dataset: str) -> Coverage | None:
    """The coverage of the latest stored check of ``dataset`` that had no blocking failure."""
    for summary in reversed(results.runs(quality_dir).get(dataset, [])):
        if summary.get("blocking"):
            continue
        found = summary.get("coverage")
        try:
            files = [(str(f), None if c is None else str(c)) for f, c in found["files"]]
            return Coverage(
                str(found["fingerprint"]), str(found["as_of"]), tuple(f for f, _ in files), tuple(c for _, c in files)
            )
        except (KeyError, TypeError, ValueError):
            # no coverage, or one stored in another shape (an earlier version of this code): nothing is known to be
            # covered, so the next check reads every row
            return None
    return None


def _batch_ids(con: Any, relation: str, column: str, where: str = "") -> tuple[str, ...]:
    rows = con.execute(f"SELECT DISTINCT CAST(t.{_q(column)} AS VARCHAR) FROM {relation} AS t {where}").fetchall()
    return tuple(sorted((str(r[0]) for r in rows), key=_file_order))


def _has_column(con: Any, relation: str, column: str) -> bool:
    names = [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM {relation}").fetchall()]
    return column in names


def _file_order(file_id: str) -> tuple[int, str]:
    return (int(file_id), "") if file_id.isdigit() else (0, file_id)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def checksums_of(ledger_rows: Any) -> dict[str, str]:
    """File id -> checksum, from the landing ledger's rows (those that carry both)."""
    return {
        str(r["file_id"]): str(r["checksum"])
        for r in ledger_rows
        if r.get("file_id") is not None and r.get("checksum") is not None
    }


def plan_batch(
    con: Any,
    plan: DatasetPlan,
    contract: Contract,
    quality_dir: Path,
    as_of: dt.date,
    *,
    checksums: dict[str, str] | None = None,
    full: bool = False,
    column: str = FILE_ID,
    extra: str = "",
) -> Coverage:
    """Set ``plan.batch`` (the batches not covered by the last successful check) when the dataset can be checked
    incrementally, else ``plan.whole_reason``; returns the coverage this check will have once it succeeds.

    ``column``: the batch of a row (:data:`FILE_ID` in the vault, :data:`CROSSING_STAMP` in the warehouse);
    ``checksums``: the landing ledger's, file id -> checksum (vault only); ``extra``: more of what a per-row verdict
    depends on (the warehouse's domain)."""
    checksums = checksums or {}
    stamp = fingerprint(contract, extra)
    plan.batch, plan.whole_reason = None, ""
    noun = "file(s) landed" if column == FILE_ID else "crossing(s)"

    def coverage(files: tuple[str, ...]) -> Coverage:
        return Coverage(stamp, as_of.isoformat(), files, tuple(checksums.get(f) for f in files))

    if not _has_column(con, plan.relation, column):
        plan.whole_reason = f"its rows carry no {column} column (nothing tells which rows are new)"
        return coverage(())
    before = None if full else last_coverage(quality_dir, plan.dataset)
    reason = (
        "a whole check was asked"
        if full
        else "no earlier check without a blocking failure"
        if before is None
        else "the contract or the checking code changed since the last successful check"
        if before.fingerprint != stamp
        else "the run date went back"
        if dt.date.fromisoformat(before.as_of) > as_of
        else ""
    )
    every = _batch_ids(con, plan.relation, column)
    if reason:
        plan.whole_reason = reason
        return coverage(every)
    covered = tuple(f for f in before.covered(checksums) if f in set(every))
    if not covered and every:
        # every row is in a batch no check covered (a whole crossing rewrote the table): a whole check
        plan.whole_reason = f"no row is in a {noun.split('(')[0]} the last successful check covered"
        return coverage(every)
    new = tuple(f for f in every if f not in set(covered))
    where = f"CAST(t.{_q(column)} AS VARCHAR) NOT IN ({', '.join(_literal(f) for f in covered)})" if covered else "true"
    ids = "ledger ids" if column == FILE_ID else "crossings"
    label = (
        f"the rows of the {len(new)} {noun} since the last successful check ({ids} {', '.join(new)})"
        if new
        else f"the rows of the {noun} since the last successful check (none)"
    )
    plan.batch = Batch(where, new, label)
    return coverage(tuple(sorted(set(covered) | set(new), key=_file_order)))
