"""The encrypted vault database: the only place where identities exist.

``vault_connection(settings)`` opens an in-memory DuckDB session, loads the
httpfs extension shipped in the ``duckdb_ext`` package (nothing is downloaded;
DuckDB needs it to write encrypted databases), attaches
``settings.vault_db`` with the database key derived from the master key, and
makes it the default catalog. Only code under ``vault/`` opens the vault file.

Tables (catalog ``vault``):
- ``raw.members``, ``raw.contracts``, ``raw.benefits``: landed rows, typed as in
  the feed contracts, plus ``_file_id`` (landing ledger) and ``_line`` (line in
  the source file);
- ``meta.ledger`` (one row per file seen), ``meta.quarantine`` (rejected rows,
  with their raw values — they stay here), ``meta.identity_map`` (member_id ->
  normalised NIR), ``meta.member_tokens`` (token -> member, per domain and key
  version), ``meta.domain_keys``, ``meta.token_rotation`` (old -> new tokens),
  ``meta.scrubbed_text`` (scrubbed free text cache), ``meta.consent_register``
  (view: consent history);
- ``reid.results``: re-identification results, which never leave the vault.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from confiance.contracts import feed_contracts
from vault import keys

FEEDS = ("members", "contracts", "benefits")


class VaultError(RuntimeError):
    pass


def httpfs_extension_path() -> str:
    """The httpfs extension file shipped by the duckdb-ext-httpfs package."""
    import duckdb_ext

    base = Path(list(duckdb_ext.__path__)[0]).resolve()
    exact = base / "extensions" / f"v{duckdb.__version__}" / "linux_amd64" / "httpfs.duckdb_extension"
    if exact.exists():
        return str(exact)
    found = sorted(glob.glob(str(base / "extensions" / "*" / "*" / "httpfs.duckdb_extension")))
    if not found:
        raise VaultError(f"httpfs extension not found under {base}; install duckdb-ext-httpfs")
    return found[-1]


def new_session(memory_limit: str | None = None, temp_dir: Path | None = None) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB session able to read and write encrypted databases."""
    con = duckdb.connect(
        ":memory:", config={"autoinstall_known_extensions": "false", "autoload_known_extensions": "false"}
    )
    con.execute(f"LOAD '{httpfs_extension_path()}'")
    con.execute("SET enable_progress_bar = false")
    if memory_limit:
        con.execute(f"SET memory_limit = '{memory_limit}'")
    if temp_dir is not None:
        temp_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        con.execute(f"SET temp_directory = '{temp_dir}'")
    return con


def _attach(con: duckdb.DuckDBPyConnection, path: Path, alias: str, key: bytes, read_only: bool) -> None:
    opts = f"ENCRYPTION_KEY '{key.hex()}'" + (", READ_ONLY" if read_only else "")
    try:
        con.execute(f"ATTACH '{path}' AS {alias} ({opts})")
    except duckdb.Error as exc:
        text = str(exc)
        if "encryption key" in text.lower() or "encrypt" in text.lower():
            raise keys.MasterKeyError(
                f"cannot decrypt the vault {path}: wrong master key (or a damaged vault file)"
            ) from None
        if "lock" in text.lower():
            raise VaultError(f"the vault {path} is in use by another process (one writer at a time)") from None
        raise VaultError(f"cannot open the vault {path}: {type(exc).__name__}") from None


def reencrypt_copy(path: Path, old_key: bytes, new_key: bytes, temp_dir: Path) -> None:
    """Copy the encrypted database ``path`` into a fresh file under ``new_key`` and swap it in atomically.

    The copy (``<name>.rekey``) is fsynced before the swap; a leftover of a killed copy is removed first.
    Spill files of the copy (in ``temp_dir``) are encrypted too.
    """
    tmp = path.with_name(path.name + ".rekey")
    for leftover in (tmp, Path(str(tmp) + ".wal")):
        leftover.unlink(missing_ok=True)
    con = new_session(temp_dir=temp_dir)
    try:
        con.execute("SET temp_file_encryption = true")
        _attach(con, path, "old", old_key, read_only=True)
        _attach(con, tmp, "new", new_key, read_only=False)
        con.execute("COPY FROM DATABASE old TO new")
        con.execute("DETACH new")
        con.execute("DETACH old")
    finally:
        con.close()
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def _raw_ddl(feed: str) -> str:
    contract = feed_contracts()[feed]
    cols = [f'"{c.name}" {c.physical_type}' for c in contract.columns]
    cols += ["_file_id INTEGER NOT NULL", "_line BIGINT NOT NULL"]
    return f"CREATE TABLE IF NOT EXISTS raw.{feed} ({', '.join(cols)})"


def init_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the vault's schemas and tables if missing (idempotent)."""
    for schema in ("raw", "meta", "reid"):
        con.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    for feed in feed_contracts():
        con.execute(_raw_ddl(feed))
    con.execute("""
        CREATE TABLE IF NOT EXISTS meta.ledger (
            file_id INTEGER PRIMARY KEY, file VARCHAR NOT NULL, feed VARCHAR, format VARCHAR,
            checksum VARCHAR NOT NULL, size_bytes BIGINT, status VARCHAR NOT NULL,
            rows_read BIGINT NOT NULL, rows_landed BIGINT NOT NULL, rows_quarantined BIGINT NOT NULL,
            reason VARCHAR, landed_at TIMESTAMP NOT NULL)""")
    con.execute("""
        CREATE TABLE IF NOT EXISTS meta.quarantine (
            file_id INTEGER NOT NULL, file VARCHAR NOT NULL, feed VARCHAR, line BIGINT,
            reason VARCHAR NOT NULL, raw_values VARCHAR, quarantined_at TIMESTAMP NOT NULL)""")
    con.execute(
        "CREATE TABLE IF NOT EXISTS meta.audit_anchor (entries BIGINT NOT NULL, last_mac VARCHAR NOT NULL, "
        "anchored_at TIMESTAMP NOT NULL)"
    )
    con.execute(
        "CREATE TABLE IF NOT EXISTS meta.pending_erasure (details VARCHAR NOT NULL, erased_at TIMESTAMP NOT NULL)"
    )
    con.execute("CREATE TABLE IF NOT EXISTS meta.identity_map (member_id VARCHAR PRIMARY KEY, nir VARCHAR NOT NULL)")
    con.execute("""
        CREATE TABLE IF NOT EXISTS meta.domain_keys (
            domain VARCHAR NOT NULL, version INTEGER NOT NULL, status VARCHAR NOT NULL,
            created_at TIMESTAMP NOT NULL, retired_at TIMESTAMP, PRIMARY KEY (domain, version))""")
    con.execute("""
        CREATE TABLE IF NOT EXISTS meta.member_tokens (
            domain VARCHAR NOT NULL, key_version INTEGER NOT NULL, member_token VARCHAR NOT NULL,
            member_id VARCHAR NOT NULL)""")
    con.execute("""
        CREATE TABLE IF NOT EXISTS meta.token_rotation (
            domain VARCHAR NOT NULL, entity VARCHAR NOT NULL, from_version INTEGER NOT NULL,
            to_version INTEGER NOT NULL, old_token VARCHAR NOT NULL, new_token VARCHAR NOT NULL,
            rotated_at TIMESTAMP NOT NULL)""")
    con.execute("""
        CREATE TABLE IF NOT EXISTS meta.scrubbed_text (
            feed VARCHAR NOT NULL, column_name VARCHAR NOT NULL, text_hash VARCHAR NOT NULL,
            scrubbed VARCHAR, PRIMARY KEY (feed, column_name, text_hash))""")
    con.execute("""
        CREATE OR REPLACE VIEW meta.consent_register AS
        SELECT member_id, consent_research, consent_marketing, updated_at, _file_id
        FROM raw.members""")
    con.execute("""
        CREATE TABLE IF NOT EXISTS reid.results (
            request_id VARCHAR NOT NULL, purpose VARCHAR NOT NULL, member_id VARCHAR NOT NULL,
            fields VARCHAR, created_at TIMESTAMP NOT NULL)""")


def _db_key_version(settings: Any, side: dict | None) -> int:
    return int((side or {}).get("db_key_version", 1))


def _anchor_audit_head(con: duckdb.DuckDBPyConnection, settings: Any) -> None:
    """Keep the audit log's head (entries, last hash) inside the encrypted vault: an anchor outside the log."""
    from vault import audit

    head = audit.read_head(settings)
    if head is None:
        return
    audit.check_anchor(settings, audit_anchor(con))  # never move the anchor back over a shortened log
    con.execute("BEGIN TRANSACTION")
    con.execute("DELETE FROM vault.meta.audit_anchor")
    con.execute("INSERT INTO vault.meta.audit_anchor VALUES (?, ?, now())", [head["count"], head["last"]])
    con.execute("COMMIT")


def _audit_unaudited_rotations(con: duckdb.DuckDBPyConnection, settings: Any) -> None:
    """A domain-key rotation committed by a process killed before it wrote its audit entry is audited now."""
    from vault import audit

    versions = dict(con.execute("SELECT domain, max(version) FROM meta.domain_keys GROUP BY domain").fetchall())
    if not versions or all(v == 1 for v in versions.values()):
        return
    audited: dict[str, int] = {}
    for entry in audit.entries(settings):
        if entry.get("action") in ("key.domain.rotated", "recovery.domain_rotation_audited"):
            d = entry.get("details", {})
            audited[d.get("domain")] = max(audited.get(d.get("domain"), 1), int(d.get("to_version", 1)))
    for domain, version in sorted(versions.items()):
        if version > audited.get(domain, 1):
            audit.append(
                settings,
                "vault",
                "recovery.domain_rotation_audited",
                {
                    "domain": domain,
                    "from_version": audited.get(domain, 1),
                    "to_version": version,
                    "note": "rotation committed by a process stopped before its audit entry",
                },
            )


def audit_anchor(con: duckdb.DuckDBPyConnection) -> tuple[int, str] | None:
    """(entries, last hash) of the audit log as last anchored in the vault, or None."""
    present = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_catalog = 'vault' "
        "AND table_schema = 'meta' AND table_name = 'audit_anchor'"
    ).fetchone()[0]
    if not present:
        return None
    row = con.execute("SELECT entries, last_mac FROM vault.meta.audit_anchor").fetchone()
    return (int(row[0]), str(row[1])) if row else None


@contextmanager
def vault_connection(
    settings: Any, read_only: bool = False, operation: str = "", audit_leftovers: bool = True
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A DuckDB connection whose default catalog is the encrypted vault (created on first write).

    A writer holds the vault exclusively (readers share it): a second writer waits, then gets a clear
    :class:`vault.locking.VaultBusyError`. The writer first removes what a killed process left (spill files,
    half-written re-encrypted copy) and audits it; each connection spills into its own fresh folder.
    """
    from vault import audit, locking

    master = keys.load_master_key(settings)
    keys.check_master_key(settings, master)
    path = Path(settings.vault_db)
    if not path.exists() and read_only:
        raise VaultError(f"no vault at {path} yet: land files first")
    if not read_only:
        settings.ensure_dirs()
    with locking.vault_lock(settings, exclusive=not read_only, operation=operation) as took:
        side = keys.check_master_key(settings, master)
        exists = path.exists()
        if not exists and read_only:
            raise VaultError(f"no vault at {path} yet: land files first")
        if not exists and side is None:
            keys.write_sidecar(settings, master, 1)
            side = keys.read_sidecar(settings)
        recovered = locking.recover_leftovers(settings) if (took and not read_only) else None
        if recovered and audit_leftovers:
            audit.append(settings, "vault", "recovery.leftovers_removed", recovered)
        memory_limit = (getattr(settings, "extra", None) or {}).get("vault_memory_limit") or os.environ.get(
            "CONFIANCE_VAULT_MEMORY_LIMIT", "2GB"
        )
        with locking.private_temp_dir(settings) as spill:
            con = new_session(memory_limit=memory_limit, temp_dir=spill)
            try:
                con.execute("SET temp_file_encryption = true")
                version = _db_key_version(settings, side)
                try:
                    _attach(con, path, "vault", keys.hkdf(master, "vault-db", version), read_only)
                except keys.MasterKeyError:
                    # a database-key rotation interrupted after the file swap: the file is at version + 1
                    if not exists:
                        raise
                    _attach(con, path, "vault", keys.hkdf(master, "vault-db", version + 1), read_only)
                    keys.write_sidecar(settings, master, version + 1)
                    audit.append(
                        settings,
                        "vault",
                        "recovery.database_key_rotation_completed",
                        {"from_version": version, "to_version": version + 1},
                    )
                if side is None:  # an existing vault without sidecar: the key just proved right
                    keys.write_sidecar(settings, master, version)
                con.execute("USE vault")
                if not read_only:
                    init_schema(con)
                    audit.check_anchor(settings, audit_anchor(con))
                    _audit_unaudited_rotations(con, settings)
                yield con
                if not read_only:
                    _anchor_audit_head(con, settings)
            finally:
                con.close()
