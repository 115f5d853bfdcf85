"""The erasure register: the minimal record kept to honour an erasure (GDPR art. 17 and 19), and its use at landing.

An erased member is gone from every zone, but the source system may send them again (an old extract re-sent, a
feed not yet corrected). Without a memory of the erasure they would land again. The register is that memory,
kept without their identity in clear: for each erasure, a number, the date, the request and, per identifier the
source system uses for them (their NIR, normalised as landing normalises it, and their member id), a keyed
HMAC-SHA256 under the register's own key (HKDF purpose ``erasure-register`` and a key version, unrelated to any
pseudonymisation domain: a register digest is never a token of any consumer and cannot be joined with one).

At landing (:class:`Matcher`, called by ``vault.landing.land_file`` on every file when the register is not
empty), the distinct NIRs and member ids of the file are hashed under each key version in use and compared with
the register: the rows of an erased member are not landed. They go to quarantine with the reason
``erased_member`` and no value at all (``raw_values`` holds only the register entry's number); the inbox file then
loses their lines (``vault.erasure.sweep_files``, the ledger records its new checksum) and the audit log records
the refusal (file, feed, rows, entry numbers).

Key rotation (:func:`rotate_key`): a new key version is used for every new entry. Existing entries cannot be
re-hashed, since the register never holds the NIR; each keeps its version (the key stays derivable from the master
key) and is re-keyed to the active version the first time the person is seen again at landing, when the value is
in hand. Landing checks every version still in use; :func:`entries` says how many remain under an old one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from vault import audit, keys
from vault.db import vault_connection
from vault.pseudonyms import TokenFunctions, tokens

PURPOSE = "erasure-register"
#: What an entry remembers: entity -> the column of the feeds holding it.
ENTITIES = {"nir": "nir", "member_id": "member_id"}
REASON = "erased_member"


@dataclass(frozen=True)
class RegisterEntry:
    """One erasure as the register keeps it: no identifier, only digests (not returned here) and facts."""

    number: int
    erased_at: datetime
    request: str | None
    key_versions: tuple[int, ...]


@dataclass
class Refused:
    """Rows of a file refused because they belong to an erased member (counts and entry numbers only leave)."""

    rows: int = 0
    entries: set[int] = field(default_factory=set)
    values: set[str] = field(default_factory=set)  # their member ids and NIRs, in memory only, to sweep the file


def ensure_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""CREATE TABLE IF NOT EXISTS meta.erasure_register (
        number INTEGER NOT NULL, entity VARCHAR NOT NULL, key_version INTEGER NOT NULL, digest VARCHAR NOT NULL,
        request VARCHAR, erased_at TIMESTAMP NOT NULL)""")
    con.execute("""CREATE TABLE IF NOT EXISTS meta.erasure_register_keys (
        version INTEGER PRIMARY KEY, created_at TIMESTAMP NOT NULL)""")


def _present(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(
        con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_catalog = 'vault' AND table_schema = 'meta' "
            "AND table_name = 'erasure_register'"
        ).fetchone()[0]
    )


def active_version(con: duckdb.DuckDBPyConnection) -> int:
    if not _present(con):
        return 1
    return int(con.execute("SELECT coalesce(max(version), 1) FROM meta.erasure_register_keys").fetchone()[0])


def register_key(settings: Any, version: int) -> bytes:
    return keys.derived_key(settings, PURPOSE, version)


def digests(settings: Any, version: int, entity: str, values: list[str]) -> list[str]:
    """The register digests of ``values`` (already normalised) for ``entity`` at key ``version``."""
    return [d for d in tokens(register_key(settings, version), PURPOSE, version, entity, values) if d]


def remember(settings: Any, con: duckdb.DuckDBPyConnection, member_ids: list[str], request: str | None) -> int | None:
    """Record the erasure of ``member_ids`` (inside the caller's transaction, before their rows are deleted): one
    entry, the digests of their member ids and of every NIR the vault knew for them. Returns the entry's number."""
    ids = sorted(set(member_ids))
    if not ids:
        return None
    ensure_table(con)
    nirs = sorted(
        {
            r[0]
            for r in con.execute(
                "SELECT nir FROM meta.identity_map WHERE list_contains(?, member_id) UNION "
                "SELECT nir FROM raw.members WHERE list_contains(?, member_id) AND nir IS NOT NULL",
                [ids, ids],
            ).fetchall()
        }
    )
    version = active_version(con)
    number = int(con.execute("SELECT coalesce(max(number), 0) + 1 FROM meta.erasure_register").fetchone()[0])
    rows = [
        (entity, d)
        for entity, values in (("member_id", ids), ("nir", nirs))
        for d in digests(settings, version, entity, values)
    ]
    con.executemany(
        "INSERT INTO meta.erasure_register VALUES (?, ?, ?, ?, ?, now())",
        [[number, entity, version, d, request] for entity, d in rows],
    )
    return number


class Matcher:
    """Recognises the rows of erased members in a landing file (see the module docstring)."""

    def __init__(self, settings: Any, con: duckdb.DuckDBPyConnection) -> None:
        self.settings = settings
        self.versions: list[int] = []
        if _present(con):
            self.versions = [
                r[0]
                for r in con.execute("SELECT DISTINCT key_version FROM meta.erasure_register ORDER BY 1").fetchall()
            ]
        self.active = active_version(con) if self.versions else 1
        if self.versions:  # entries seen again during this landing are re-keyed to the active version
            self.versions = sorted(set(self.versions) | {self.active})

    def __bool__(self) -> bool:
        return bool(self.versions)

    def mark(self, con: duckdb.DuckDBPyConnection, checked: str, columns: list[str]) -> Refused:
        """Turn every row of ``checked`` (the landing's validated rows) belonging to an erased member into an
        ``erased_member`` quarantine row without values; re-key the entries seen under an old key version."""
        refused = Refused()
        present = [(e, c) for e, c in ENTITIES.items() if c in columns]
        if not self or not present:
            return refused
        con.execute(
            "CREATE OR REPLACE TEMP TABLE erased_hit (entity VARCHAR, value VARCHAR, number INTEGER, "
            "key_version INTEGER)"
        )
        for version in self.versions:
            with TokenFunctions(con, register_key(self.settings, version), PURPOSE, version) as fn:
                for entity, column in present:
                    con.execute(
                        f"""INSERT INTO erased_hit
                        SELECT ?, v.value, r.number, r.key_version
                        FROM (SELECT DISTINCT "{column}" AS value FROM {checked} WHERE "{column}" IS NOT NULL) v
                        JOIN meta.erasure_register r ON r.entity = ? AND r.key_version = ?
                         AND r.digest = {fn.sql(entity, "v.value")}""",
                        [entity, entity, version],
                    )
        hits = con.execute("SELECT entity, value, number, key_version FROM erased_hit").fetchall()
        if not hits:
            return refused
        # the rows of those members: by either identifier (a member row re-sent under a new id is caught by its NIR)
        conds = " OR ".join(f"\"{c}\" IN (SELECT value FROM erased_hit WHERE entity = '{e}')" for e, c in present)
        number_of = " ".join(
            f"WHEN \"{c}\" IN (SELECT value FROM erased_hit WHERE entity = '{e}') THEN "
            f"(SELECT min(number) FROM erased_hit WHERE entity = '{e}' AND value = \"{c}\")"
            for e, c in present
        )
        refused.rows = int(con.execute(f"SELECT count(*) FROM {checked} WHERE {conds}").fetchone()[0])
        con.execute(f"""UPDATE {checked} SET _reason = '{REASON}',
            _raw = '{{"erasure_register_entry": ' || (CASE {number_of} END)::VARCHAR || '}}' WHERE {conds}""")
        refused.entries = {int(h[2]) for h in hits}
        refused.values = {
            str(v)
            for r in con.execute(
                f"SELECT {', '.join(chr(34) + c + chr(34) for _e, c in present)} FROM {checked} WHERE {conds}"
            ).fetchall()
            for v in r
            if v
        }
        self._rekey(con, [h for h in hits if h[3] != self.active])
        con.execute("DROP TABLE erased_hit")
        return refused

    def after_commit(self, con: duckdb.DuckDBPyConnection, path: Path, feed: str, refused: Refused) -> None:
        """Once the file's landing is committed: its lines of erased members leave the inbox file (the ledger
        records its new checksum; the other inbox files are landed, and counted, on their own), and the refusal
        is audited."""
        from vault.erasure import Needles, sweep_files
        from vault.landing import actor_name

        swept = sweep_files(self.settings, Needles(values=set(refused.values)), con=con, only=path)
        audit.append(
            self.settings,
            actor_name(),
            "erasure.register_honoured",
            {
                "file": path.name,
                "feed": feed,
                "rows_refused": refused.rows,
                "register_entries": sorted(refused.entries),
                "inbox_lines_removed": swept["lines"],
            },
        )
        refused.values.clear()

    def _rekey(self, con: duckdb.DuckDBPyConnection, old: list[tuple[str, str, int, int]]) -> None:
        """Entries matched under an old key version get the active version's digest (the value is in hand)."""
        for entity, value, number, version in old:
            (digest,) = digests(self.settings, self.active, entity, [value])
            con.execute(
                "INSERT INTO meta.erasure_register SELECT number, entity, ?, ?, request, erased_at "
                "FROM meta.erasure_register WHERE number = ? AND entity = ? AND key_version = ? LIMIT 1",
                [self.active, digest, number, entity, version],
            )
            con.execute(
                "DELETE FROM meta.erasure_register WHERE number = ? AND entity = ? AND key_version = ?",
                [number, entity, version],
            )


def clear_quarantined_values(con: duckdb.DuckDBPyConnection, file_id: int, refused: Refused) -> int:
    """Lines of the same file quarantined for another reason (a malformed line) that hold an erased member's id or
    NIR lose their values and take the reason ``erased_member``; returns how many."""
    if not refused.values:
        return 0
    con.execute(
        "CREATE OR REPLACE TEMP TABLE erased_values AS SELECT unnest(?::VARCHAR[]) AS v", [sorted(refused.values)]
    )
    where = (
        f"file_id = {int(file_id)} AND reason <> '{REASON}' AND rowid IN (SELECT q.rowid FROM meta.quarantine q, "
        "LATERAL (SELECT unnest(regexp_extract_all(coalesce(q.raw_values, ''), '[A-Za-z0-9_.@+-]+')) AS x) w "
        "WHERE w.x IN (SELECT v FROM erased_values))"
    )
    n = int(con.execute(f"SELECT count(*) FROM meta.quarantine WHERE {where}").fetchone()[0])
    if n:
        con.execute(f"UPDATE meta.quarantine SET reason = '{REASON}', raw_values = NULL WHERE {where}")
    con.execute("DROP TABLE erased_values")
    return n


def entry_number(raw_values: str | None) -> int | None:
    """The register entry's number of an ``erased_member`` quarantine row."""
    try:
        return int(json.loads(raw_values or "{}").get("erasure_register_entry"))
    except (ValueError, TypeError, AttributeError):
        return None


def entries(settings: Any) -> list[RegisterEntry]:
    """The register's entries (numbers, dates, requests, key versions; never a digest)."""
    with vault_connection(settings, read_only=True) as con:
        if not _present(con):
            return []
        rows = con.execute(
            "SELECT number, min(erased_at), any_value(request), list(DISTINCT key_version ORDER BY "
            "key_version) FROM meta.erasure_register GROUP BY number ORDER BY number"
        ).fetchall()
    return [RegisterEntry(int(n), at, req, tuple(int(v) for v in vs)) for n, at, req, vs in rows]


def rotate_key(settings: Any, actor: str) -> int:
    """Use a new key version for the register's new entries (old entries are re-keyed when seen again); audited."""
    with vault_connection(settings, operation="erasure-register rotation") as con:
        ensure_table(con)
        old = active_version(con)
        new = old + 1
        con.execute("BEGIN TRANSACTION")
        if not con.execute("SELECT count(*) FROM meta.erasure_register_keys").fetchone()[0]:
            con.execute("INSERT INTO meta.erasure_register_keys VALUES (?, now())", [old])
        con.execute("INSERT INTO meta.erasure_register_keys VALUES (?, now())", [new])
        waiting = int(
            con.execute(
                "SELECT count(DISTINCT number) FROM meta.erasure_register WHERE key_version < ?", [new]
            ).fetchone()[0]
        )
        con.execute("COMMIT")
    audit.append(
        settings,
        actor,
        "key.erasure_register.rotated",
        {"from_version": old, "to_version": new, "entries_under_old_versions": waiting},
    )
    return new
