"""Right to erasure (GDPR art. 17) and physical removal: nothing recoverable is left anywhere under the data directory.

``erase_member_id(settings, member_id)`` (the vault's own handle; requests by NIR or name resolve to it in
``vault.requests``) removes one member:

1. inside the vault, in one transaction: their rows in ``raw.*``, the identity map, every token of every
   domain and key version (``meta.member_tokens``, ``meta.token_rotation``), the quarantine entries naming
   them, their scrubbed free-text cache, their consent events, re-identification results, and the link of
   their requests (the request itself, without identifier, stays for the DPO's register);
2. the warehouse is re-crossed, every row of any warehouse table (dbt models included) holding one of
   their values (member, contract or benefit tokens of every key version) is deleted, and the file is
   rewritten so that no freed block keeps them (``finish_pending_erasures``);
3. every other file under the data directory is swept (:func:`sweep_files`): inbox files lose the lines
   or rows of the member (the landing ledger records the new checksum, so landing does not see a new file),
   text files (logs, run results, quality results, reports) lose any value of theirs;
4. the vault file itself is rewritten into a fresh encrypted database and swapped in atomically
   (:func:`rewrite_vault`): DuckDB keeps deleted rows' bytes in its file until then.

Step 1 is one vault transaction that also records the erasure as pending; steps 2 to 4 are all done by
``finish_pending_erasures``, run by the crossing: an erasure killed anywhere after its vault commit is finished
whole by the next crossing (warehouse, files and vault file), each step idempotent.

``vault.retention.purge`` uses the same steps for rows past their retention. The audit log records counts only.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from confiance.contracts import feed_contracts
from confiance.crossing_rules import MEMBER_ENTITY, Token
from confiance.files import sha256_file
from vault import audit, erasure_register, keys
from vault.crossing import cross_to_warehouse, current_version
from vault.db import _attach, new_session, reencrypt_copy, vault_connection
from vault.landing import actor_name
from vault.pseudonyms import tokens as compute_tokens


class ErasureError(RuntimeError):
    pass


#: Values of a text file are words of these characters (tokens, e-mails, IBANs, NIRs, ids, phones without spaces).
_WORD = re.compile(r"[A-Za-z0-9_.@+-]+")
_TEXT_SUFFIXES = {
    ".csv",
    ".txt",
    ".jsonl",
    ".ndjson",
    ".json",
    ".log",
    ".html",
    ".md",
    ".xml",
    ".sql",
    ".yml",
    ".yaml",
    ".svg",
    ".out",
    ".err",
}
_ERASED = "[effacé / erased]"


@dataclass
class Needles:
    """Every value that ties rows to the people being removed (kept in memory only, never logged)."""

    values: set[str] = field(default_factory=set)  # ids, NIR, contact data, IBAN, tokens of every key version
    member_ids: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.values)


def _domain_versions(con: duckdb.DuckDBPyConnection) -> list[tuple[str, int]]:
    return [(d, int(v)) for d, v in con.execute("SELECT domain, version FROM meta.domain_keys ORDER BY ALL").fetchall()]


def entity_tokens(settings: Any, con: duckdb.DuckDBPyConnection, entity: str, values: Iterable[str]) -> set[str]:
    """Tokens of ``values`` for ``entity`` under every domain and key version the vault ever used."""
    values = sorted({v for v in values if v})
    out: set[str] = set()
    if not values:
        return out
    for domain, version in _domain_versions(con):
        key = keys.domain_key(settings, domain, version)
        out.update(t for t in compute_tokens(key, domain, version, entity, values) if t)
    return out


def token_entities() -> dict[str, tuple[str, str]]:
    """entity -> (feed, natural-key column) for every entity tokenised from its own value (contracts, benefits)."""
    out: dict[str, tuple[str, str]] = {}
    for name, contract in feed_contracts().items():
        pk = [c.name for c in contract.columns if c.primary_key]
        for col in contract.columns:
            if isinstance(col.rule, Token) and col.rule.entity != MEMBER_ENTITY and pk == [col.name]:
                out[col.rule.entity] = (name, col.name)
    return out


def member_needles(settings: Any, con: duckdb.DuckDBPyConnection, member_ids: Iterable[str]) -> Needles:
    """Every value tying vault, warehouse and files to these members: their ids, NIR, e-mail, phone, IBAN, contract
    and benefit ids, and all their tokens (member, contract, benefit) under every domain and key version."""
    ids = sorted(set(member_ids))
    needles = Needles(member_ids=set(ids))
    if not ids:
        return needles
    con.execute("CREATE OR REPLACE TEMP TABLE erase_ids AS SELECT unnest(?::VARCHAR[]) AS member_id", [ids])
    contact = con.execute(
        "SELECT DISTINCT nir, email, phone, iban FROM raw.members WHERE member_id IN (SELECT member_id FROM erase_ids)"
    ).fetchall()
    nirs = {r[0] for r in contact if r[0]} | {
        r[0]
        for r in con.execute(
            "SELECT nir FROM meta.identity_map WHERE member_id IN (SELECT member_id FROM erase_ids)"
        ).fetchall()
    }
    for row in contact:
        needles.values.update(v for v in row if v)
    needles.values.update(nirs)
    needles.values.update(ids)
    # a phone written with separators in a file is matched on its digits too
    needles.values.update(re.sub(r"[ .-]", "", r[2]) for r in contact if r[2])
    contracts = {
        r[0]
        for r in con.execute(
            "SELECT DISTINCT contract_id FROM raw.contracts WHERE member_id IN (SELECT member_id FROM erase_ids)"
        ).fetchall()
    }
    benefits = {
        r[0]
        for r in con.execute(
            "SELECT DISTINCT benefit_id FROM raw.benefits WHERE member_id IN (SELECT member_id FROM erase_ids) "
            "OR contract_id IN (SELECT unnest(?::VARCHAR[]))",
            [sorted(contracts)],
        ).fetchall()
    }
    needles.values.update(contracts | benefits)
    needles.values.update(
        r[0]
        for r in con.execute(
            "SELECT member_token FROM meta.member_tokens WHERE member_id IN (SELECT member_id FROM erase_ids)"
        ).fetchall()
    )
    needles.values.update(entity_tokens(settings, con, "member", nirs))
    by_entity = {"contract": contracts, "benefit": benefits}
    for entity, (feed, _column) in token_entities().items():
        needles.values.update(
            entity_tokens(
                settings, con, entity, by_entity.get(entity) or (contracts if feed == "contracts" else benefits)
            )
        )
    # tokens of earlier key versions, through the rotation map
    if needles.values:
        con.execute(
            "CREATE OR REPLACE TEMP TABLE erase_values AS SELECT unnest(?::VARCHAR[]) AS v", [sorted(needles.values)]
        )
        needles.values.update(
            r[0]
            for r in con.execute(
                "SELECT old_token FROM meta.token_rotation WHERE new_token IN (SELECT v FROM erase_values) "
                "UNION SELECT new_token FROM meta.token_rotation WHERE old_token IN (SELECT v FROM erase_values)"
            ).fetchall()
        )
    con.execute("DROP TABLE IF EXISTS erase_ids")
    con.execute("DROP TABLE IF EXISTS erase_values")
    return needles


def _load_values(con: duckdb.DuckDBPyConnection, needles: Needles) -> None:
    con.register("erase_values_arrow", pa.table({"v": sorted(needles.values)}))
    con.execute("CREATE OR REPLACE TEMP TABLE erase_values AS SELECT v FROM erase_values_arrow")
    con.unregister("erase_values_arrow")
    con.register(
        "erase_ids_arrow",
        pa.table({"member_id": sorted(needles.member_ids)}, schema=pa.schema([("member_id", pa.string())])),
    )
    con.execute("CREATE OR REPLACE TEMP TABLE erase_ids AS SELECT member_id FROM erase_ids_arrow")
    con.unregister("erase_ids_arrow")


def _table_exists(con: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    return bool(
        con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_catalog = 'vault' AND table_schema = ? "
            "AND table_name = ?",
            [schema, table],
        ).fetchone()[0]
    )


def delete_in_vault(con: duckdb.DuckDBPyConnection, needles: Needles, member_rows: bool = True) -> dict[str, int]:
    """Delete every vault row tied to ``needles`` (inside the caller's transaction); rows deleted per table.

    ``member_rows`` False keeps the members themselves (a purge of benefit lines only)."""
    _load_values(con, needles)
    ids = "(SELECT member_id FROM erase_ids)"
    vals = "(SELECT v FROM erase_values)"
    statements: dict[str, str] = {
        "raw.benefits": f"DELETE FROM raw.benefits WHERE benefit_id IN {vals} OR member_id IN {ids}",
        "raw.contracts": f"DELETE FROM raw.contracts WHERE contract_id IN {vals} OR member_id IN {ids}",
        "meta.quarantine": (
            "DELETE FROM meta.quarantine WHERE rowid IN (SELECT q.rowid FROM meta.quarantine q, LATERAL (SELECT "
            "unnest(regexp_extract_all(coalesce(q.raw_values, ''), '[A-Za-z0-9_.@+-]+')) AS x) w "
            f"WHERE w.x IN {vals})"
        ),
        "meta.scrubbed_text": (
            "DELETE FROM meta.scrubbed_text WHERE text_hash IN (SELECT sha256(coalesce(member_id, '') || '|' || "
            f"comment) FROM raw.benefits WHERE (benefit_id IN {vals} OR member_id IN {ids}) AND comment IS NOT NULL)"
        ),
        "meta.token_rotation": f"DELETE FROM meta.token_rotation WHERE old_token IN {vals} OR new_token IN {vals}",
    }
    if member_rows:
        statements |= {
            "raw.members": f"DELETE FROM raw.members WHERE member_id IN {ids}",
            "meta.identity_map": f"DELETE FROM meta.identity_map WHERE member_id IN {ids}",
            "meta.member_tokens": f"DELETE FROM meta.member_tokens WHERE member_id IN {ids} OR member_token IN {vals}",
            "reid.results": f"DELETE FROM reid.results WHERE member_id IN {ids}",
        }
        if _table_exists(con, "meta", "consent_events"):
            statements["meta.consent_events"] = f"DELETE FROM meta.consent_events WHERE member_id IN {ids}"
        if _table_exists(con, "meta", "requests"):
            statements["meta.requests"] = f"UPDATE meta.requests SET member_id = NULL WHERE member_id IN {ids}"
    # the scrubbed-text cache is keyed by the raw comment: delete it before the benefit lines go
    order = ["meta.scrubbed_text"] + [t for t in statements if t != "meta.scrubbed_text"]
    deleted: dict[str, int] = {}
    for table in order:
        sql = statements[table]
        if sql.startswith("UPDATE"):
            deleted[table] = con.execute(f"SELECT count(*) FROM meta.requests WHERE member_id IN {ids}").fetchone()[0]
            con.execute(sql)
            continue
        before = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        con.execute(sql)
        deleted[table] = before - con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return deleted


def erase_member(settings: Any, member_token: str, actor: str | None = None) -> dict[str, int]:
    """Erase the member behind ``member_token`` (active key version of its domain); returns rows deleted per table."""
    domain = member_token.split(".", 1)[0]
    with vault_connection(settings, read_only=True) as con:
        version = current_version(con, domain)
        row = con.execute(
            "SELECT member_id FROM meta.member_tokens WHERE member_token = ? AND domain = ? AND key_version = ?",
            [member_token, domain, version or 0],
        ).fetchone()
    if row is None:
        raise ErasureError("unknown member token (or a token of a retired key version)")
    return erase_member_id(settings, row[0], actor=actor)


def erase_member_id(
    settings: Any, member_id: str, actor: str | None = None, request: str | None = None
) -> dict[str, int]:
    """Erase one member everywhere under the data directory (see the module's docstring); rows removed per place."""
    return remove_everywhere(
        settings,
        [member_id],
        None,
        actor=actor,
        action="erasure.member",
        facts={"request": request} if request else {},
        remember=True,
    )


def remove_everywhere(
    settings: Any,
    member_ids: Iterable[str],
    extra: Needles | None,
    *,
    actor: str | None,
    action: str,
    facts: dict[str, Any],
    member_rows: bool = True,
    remember: bool = False,
) -> dict[str, int]:
    """Remove the members (and/or the extra values, e.g. purged benefit lines) from every zone, physically.

    ``remember``: an erasure (not a purge) is recorded in the erasure register (``vault.erasure_register``), so
    that the source system sending the member again does not land them again."""
    actor = actor or actor_name()
    with vault_connection(settings, operation=action) as con:
        needles = member_needles(settings, con, member_ids)
        if extra:
            needles.values |= extra.values
            needles.member_ids |= extra.member_ids
        if not needles:
            return {}
        # their earlier exports (access requests, in the vault's outbox) are copies of what is being removed
        exports = 0
        if _table_exists(con, "meta", "requests") and needles.member_ids:
            numbers = [
                r[0]
                for r in con.execute(
                    "SELECT number FROM meta.requests WHERE list_contains(?, member_id)", [sorted(needles.member_ids)]
                ).fetchall()
            ]
            for number in numbers:
                folder = Path(settings.vault_dir) / "outbox" / number
                if folder.is_dir():
                    shutil.rmtree(folder)
                    exports += 1
        con.execute("BEGIN TRANSACTION")
        if remember and needles.member_ids:
            entry = erasure_register.remember(settings, con, sorted(needles.member_ids), facts.get("request"))
            facts = {**facts, "erasure_register_entry": entry}
        deleted = delete_in_vault(con, needles, member_rows=member_rows)
        # the warehouse still holds them until it is re-crossed and compacted: if this process is killed
        # before that, the next crossing finishes the removal and audits it (counts only, no identifier)
        con.execute(
            "INSERT INTO meta.pending_erasure VALUES (?, now())",
            [
                json.dumps(
                    {
                        "action": action,
                        "rows_deleted": deleted,
                        "actor": actor,
                        **facts,
                        "_facts": facts,
                        "_warehouse_values": sorted(needles.values),
                    }
                )
            ],
        )
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    # the crossing finishes every pending erasure, this one included: warehouse rows deleted and the file
    # compacted, files swept, the vault file rewritten, audited. Killed anywhere from here, the next crossing
    # does the same remaining work again (each step is idempotent).
    cross_to_warehouse(settings)
    swept = next((e["details"] for e in reversed(audit.entries(settings)) if e["action"] == f"{action}.files"), {})
    return {
        **deleted,
        "exports removed": exports,
        "files rewritten": swept.get("files_rewritten", 0),
        "file lines removed": swept.get("lines_removed", 0),
    }


def delete_from_warehouse(path: Path, values: list[str]) -> int:
    """Delete every row of every warehouse table holding one of ``values`` in a text column; returns rows deleted."""
    if not values or not path.exists():
        return 0
    con = new_session()
    deleted = 0
    try:
        con.execute(f"ATTACH '{path}' AS wh")
        con.register("erase_values_arrow", pa.table({"v": values}))
        con.execute("CREATE TEMP TABLE erase_values AS SELECT v FROM erase_values_arrow")
        tables = con.execute(
            "SELECT table_schema, table_name FROM information_schema.tables WHERE table_catalog = 'wh' "
            "AND table_type = 'BASE TABLE'"
        ).fetchall()
        for schema, table in tables:
            cols = [
                r[0]
                for r in con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_catalog = 'wh' "
                    "AND table_schema = ? "
                    "AND table_name = ? AND data_type = 'VARCHAR'",
                    [schema, table],
                ).fetchall()
            ]
            if not cols:
                continue
            cond = " OR ".join(f'"{c}" IN (SELECT v FROM erase_values)' for c in cols)
            name = f'wh."{schema}"."{table}"'
            before = con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            con.execute(f"DELETE FROM {name} WHERE {cond}")
            deleted += before - con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
        con.execute("CHECKPOINT wh")
        con.execute("DETACH wh")
    finally:
        con.close()
    return deleted


#: A pending row left once every erasure is done but the vault file is still to be rewritten (no identifier in it).
_REWRITE_PENDING = {"action": "_vault_rewrite"}


def finish_pending_erasures(settings: Any, con: Any) -> int:
    """Finish every erasure recorded in the vault (``meta.pending_erasure``), whatever point the erasing process
    was killed at: delete the erased values from every warehouse table (dbt models too) and compact the file,
    sweep every other file (inbox lines, exports, logs; the landing ledger gets the new checksums), audit each
    erasure (counts only), clear them, then rewrite the vault file so no freed block keeps them. Every step is
    idempotent: killed again, the next crossing does it again. ``con`` is the crossing's vault connection (the
    vault exclusively held); it is detached for the rewrite and attached again. Returns how many there were."""
    rows = con.execute("SELECT details FROM meta.pending_erasure ORDER BY erased_at").fetchall()
    if not rows:
        return 0
    from vault.rotation import compact_warehouse

    pending = [d for d in (json.loads(text) for (text,) in rows) if d != _REWRITE_PENDING]
    if pending:
        values = sorted({v for d in pending for v in d.pop("_warehouse_values", [])})
        removed = delete_from_warehouse(Path(settings.warehouse_db), values)
        compact_warehouse(settings)
        swept = sweep_files(settings, Needles(values=set(values)), con=con)
        for details in pending:
            action = details.pop("action", "erasure.member")
            actor = details.pop("actor", actor_name())
            details["warehouse_rows_deleted"] = removed
            facts = details.pop("_facts", {})
            audit.append(settings, actor, action, details)
            audit.append(
                settings,
                actor,
                f"{action}.files",
                {
                    **facts,
                    "files_rewritten": swept["files"],
                    "lines_removed": swept["lines"],
                    "values_redacted": swept["redacted"],
                    "vault_rewritten": True,
                },
            )
    # the values go in the same transaction as a marker saying the vault file is still to be rewritten
    con.execute("BEGIN TRANSACTION")
    con.execute("DELETE FROM meta.pending_erasure")
    con.execute("INSERT INTO meta.pending_erasure VALUES (?, now())", [json.dumps(_REWRITE_PENDING)])
    con.execute("COMMIT")
    _rewrite_attached_vault(settings, con)
    con.execute("DELETE FROM meta.pending_erasure")
    con.execute("CHECKPOINT")
    return len(pending)


def _rewrite_attached_vault(settings: Any, con: Any) -> None:
    """Rewrite the vault file (:func:`rewrite_vault`) while ``con`` holds it: detach it, rewrite, attach again."""
    con.execute("CHECKPOINT")
    con.execute("USE memory")
    con.execute("DETACH vault")
    try:
        rewrite_vault(settings)
    finally:
        master = keys.load_master_key(settings)
        side = keys.check_master_key(settings, master) or {}
        key = keys.hkdf(master, "vault-db", int(side.get("db_key_version", 1)))
        _attach(con, Path(settings.vault_db), "vault", key, read_only=False)
        con.execute("USE vault")


# --------------------------------------------------------------------------- files


def _skip(settings: Any, path: Path) -> bool:
    vault_dir = Path(settings.vault_dir)
    if path.parent == vault_dir and (
        path.name.startswith("vault.duckdb") or path.name.startswith("audit.") or path.suffix in (".lock", ".json")
    ):
        return True  # the vault (rewritten), the audit log (holds no identifier) and its sidecars
    return path == Path(settings.warehouse_db) or path.name.startswith(Path(settings.warehouse_db).name)


def _csv_filter(data: bytes, values: set[str]) -> tuple[bytes, int]:
    """Drop every CSV line one of whose fields is one of ``values`` (header kept)."""
    text = data.decode("utf-8") if _utf8(data) else data.decode("latin-1")
    encoding = "utf-8" if _utf8(data) else "latin-1"
    lines = text.splitlines(keepends=True)
    if not lines:
        return data, 0
    delim = ";" if lines[0].count(";") >= lines[0].count(",") else ","
    kept, removed = [lines[0]], 0
    for line in lines[1:]:
        fields = next(csv.reader(io.StringIO(line), delimiter=delim), [])
        if any(f.strip() in values for f in fields) or any(w in values for w in _WORD.findall(line)):
            removed += 1
        else:
            kept.append(line)
    return "".join(kept).encode(encoding), removed


def _utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _lines_filter(data: bytes, values: set[str]) -> tuple[bytes, int]:
    encoding = "utf-8" if _utf8(data) else "latin-1"
    lines = data.decode(encoding).splitlines(keepends=True)
    kept = [line for line in lines if not any(w in values for w in _WORD.findall(line))]
    return "".join(kept).encode(encoding), len(lines) - len(kept)


def _redact_text(data: bytes, values: set[str]) -> tuple[bytes, int]:
    encoding = "utf-8" if _utf8(data) else "latin-1"
    text = data.decode(encoding)
    count = 0

    def sub(m: re.Match) -> str:
        nonlocal count
        if m.group(0) in values:
            count += 1
            return _ERASED
        return m.group(0)

    return _WORD.sub(sub, text).encode(encoding), count


def _parquet_filter(path: Path, values: set[str]) -> int:
    table = pq.read_table(path)
    mask = None
    import pyarrow.compute as pc

    value_set = pa.array(sorted(values), type=pa.string())
    for name in table.column_names:
        col = table.column(name)
        if not (pa.types.is_string(col.type) or pa.types.is_large_string(col.type)):
            continue
        hit = pc.fill_null(pc.is_in(col.cast(pa.string()), value_set=value_set), False)
        mask = hit if mask is None else pc.or_(mask, hit)
    if mask is None:
        return 0
    removed = pc.sum(mask).as_py() or 0
    if removed:
        tmp = path.with_name(path.name + ".erasing")
        pq.write_table(table.filter(pc.invert(mask)), tmp)
        os.replace(tmp, path)
    return removed


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".erasing")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def sweep_files(settings: Any, needles: Needles, con: Any = None, only: Path | None = None) -> dict[str, int]:
    """Remove the needles from every file under the data directory except the two databases and the audit log.

    Inbox files lose whole lines (CSV/JSON Lines) or rows (Parquet), and the landing ledger gets their new checksum
    and size; Parquet files elsewhere lose the rows, other text files have the values replaced by a marker.
    ``con``: a vault connection already held (the ledger is updated through it), else one is opened.
    ``only``: sweep this one file (a landed inbox file holding rows of an erased member), not the whole directory."""
    home = Path(settings.home)
    values = needles.values
    files = lines = redacted = 0
    rechecked: list[tuple[str, str, str, int]] = []
    inbox = Path(settings.inbox)
    paths = [Path(only)] if only else sorted(p for p in home.rglob("*") if p.is_file() and not p.is_symlink())
    for path in paths:
        if _skip(settings, path):
            continue
        suffix = path.suffix.lower()
        in_inbox = inbox in path.parents
        old_checksum = sha256_file(path) if in_inbox else ""
        if suffix == ".parquet":
            n = _parquet_filter(path, values)
            if n:
                files, lines = files + 1, lines + n
                if in_inbox:
                    rechecked.append((path.name, old_checksum, sha256_file(path), path.stat().st_size))
            continue
        if suffix not in _TEXT_SUFFIXES and not in_inbox:
            data = path.read_bytes()
            if any(v.encode() in data for v in values if len(v) >= 6):
                raise ErasureError(
                    f"{path.relative_to(home)}: a binary file holds a value to erase and Confiance "
                    "does not know how to rewrite it; remove or regenerate it, then erase again"
                )
            continue
        data = path.read_bytes()
        if not any(w in values for w in _WORD.findall(data.decode("latin-1"))):
            continue
        if in_inbox and suffix in (".csv", ".txt"):
            new, n = _csv_filter(data, values)
        elif in_inbox or suffix in (".jsonl", ".ndjson", ".log", ".out", ".err"):
            new, n = _lines_filter(data, values)
        else:
            new, n = _redact_text(data, values)
            redacted += n
            n = 0
        _atomic_write(path, new)
        files, lines = files + 1, lines + n
        if in_inbox:
            rechecked.append((path.name, old_checksum, sha256_file(path), path.stat().st_size))
    if rechecked:
        if con is not None:
            _update_ledger(con, rechecked)
        else:
            with vault_connection(settings, operation="erasure") as own:
                _update_ledger(own, rechecked)
    return {"files": files, "lines": lines, "redacted": redacted}


def _update_ledger(con: Any, rechecked: list[tuple[str, str, str, int]]) -> None:
    for name, old, new, size in rechecked:
        con.execute(
            "UPDATE meta.ledger SET checksum = ?, size_bytes = ? WHERE file = ? AND checksum = ?",
            [new, size, name, old],
        )


# --------------------------------------------------------------------------- the vault file


def rewrite_vault(settings: Any) -> None:
    """Copy the vault into a fresh encrypted database (same key version) and swap it in atomically: the bytes of
    deleted rows, which DuckDB keeps in its file until the blocks are reused, are gone."""
    from vault import locking

    path = Path(settings.vault_db)
    if not path.exists():
        return
    master = keys.load_master_key(settings)
    with locking.vault_lock(settings, exclusive=True, operation="rewrite"):
        side = keys.check_master_key(settings, master) or {}
        version = int(side.get("db_key_version", 1))
        key = keys.hkdf(master, "vault-db", version)
        with locking.private_temp_dir(settings) as spill:
            reencrypt_copy(path, key, key, spill)  # a leftover of a killed rewrite is removed by the next writer
        Path(str(path) + ".wal").unlink(missing_ok=True)
