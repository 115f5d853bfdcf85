"""Master key handling, derived keys, database-key rotation and the tamper-evident audit log."""

from __future__ import annotations

import json
import os
import secrets

import pytest

from confiance.settings import Settings
from vault import audit, keys
from vault.db import vault_connection


def test_missing_key_is_a_clear_error(settings: Settings, monkeypatch):
    monkeypatch.delenv("CONFIANCE_MASTER_KEY")
    with pytest.raises(keys.MasterKeyError, match="no master key"):
        keys.load_master_key(settings)
    with pytest.raises(keys.MasterKeyError):
        with vault_connection(settings):
            pass
    assert not settings.vault_db.exists()  # no vault was created with a silent new key


def test_malformed_key(settings: Settings, monkeypatch):
    monkeypatch.setenv("CONFIANCE_MASTER_KEY", "not-a-key")
    with pytest.raises(keys.MasterKeyError, match="32-byte key"):
        keys.load_master_key(settings)


def test_key_file_created_0600_refuses_overwrite_and_bad_permissions(settings: Settings, monkeypatch):
    monkeypatch.delenv("CONFIANCE_MASTER_KEY")
    path = keys.init_master_key(settings.key_file)
    assert oct(os.stat(path).st_mode & 0o777) == "0o600"
    first = keys.load_master_key(settings)
    assert len(first) == 32
    with pytest.raises(keys.MasterKeyError, match="refusing to overwrite"):
        keys.init_master_key(settings.key_file)
    assert keys.load_master_key(settings) == first
    os.chmod(path, 0o644)
    with pytest.raises(keys.MasterKeyError, match="0644"):
        keys.load_master_key(settings)


def test_key_file_inside_data_directory_refused(settings: Settings, monkeypatch):
    monkeypatch.delenv("CONFIANCE_MASTER_KEY")
    inside = Settings(home=settings.home, key_file=settings.home / "master.key")
    keys.init_master_key(inside.key_file)
    with pytest.raises(keys.MasterKeyError, match="inside the data directory"):
        keys.load_master_key(inside)


def test_wrong_key_detected_with_and_without_sidecar(settings: Settings, monkeypatch):
    with vault_connection(settings) as con:
        con.execute("CREATE TABLE meta.probe AS SELECT 42 AS x")
    monkeypatch.setenv("CONFIANCE_MASTER_KEY", secrets.token_bytes(32).hex())
    with pytest.raises(keys.MasterKeyError, match="does not match"):
        with vault_connection(settings):
            pass
    keys.sidecar_path(settings).unlink()  # even without the key check value, the failed decrypt is reported
    with pytest.raises(keys.MasterKeyError, match="cannot decrypt"):
        with vault_connection(settings):
            pass


def test_derived_keys_differ_by_purpose_and_version(settings: Settings):
    a = keys.derived_key(settings, "pseudonym/insurer", 1)
    assert a == keys.derived_key(settings, "pseudonym/insurer", 1)
    others = {
        keys.derived_key(settings, "pseudonym/insurer", 2),
        keys.derived_key(settings, "pseudonym/research", 1),
        keys.derived_key(settings, "vault-db", 1),
    }
    assert a not in others and len(others) == 3


def test_database_key_rotation_reencrypts(settings: Settings):
    from vault.rotation import rotate_database_key

    with vault_connection(settings) as con:
        con.execute("CREATE TABLE meta.probe AS SELECT 'kept' AS x")
    before = settings.vault_db.read_bytes()
    assert rotate_database_key(settings) == 2
    assert settings.vault_db.read_bytes() != before
    assert keys.read_sidecar(settings)["db_key_version"] == 2
    with vault_connection(settings, read_only=True) as con:
        assert con.execute("SELECT x FROM meta.probe").fetchone()[0] == "kept"
    # the old database key no longer opens the file
    import duckdb

    from vault.db import _attach, new_session

    con = new_session()
    with pytest.raises(keys.MasterKeyError):
        _attach(con, settings.vault_db, "v", keys.derived_key(settings, "vault-db", 1), read_only=True)
    con.close()
    assert duckdb.__version__
    assert audit.entries(settings)[-1]["action"] == "key.database.rotated"


# --- audit log -------------------------------------------------------------------


def _log(settings: Settings, n: int = 5) -> list[str]:
    for i in range(n):
        audit.append(settings, "tester", "test.event", {"i": i, "rows": 10 * i})
    ok, msg = audit.verify(settings)
    assert ok, msg
    return audit.log_path(settings).read_text().splitlines()


def _rewrite(settings: Settings, lines: list[str]) -> None:
    audit.log_path(settings).write_text("\n".join(lines) + "\n")


def test_audit_detects_edit(settings: Settings):
    lines = _log(settings)
    entry = json.loads(lines[2])
    entry["details"]["rows"] = 999
    lines[2] = json.dumps(entry)
    _rewrite(settings, lines)
    ok, msg = audit.verify(settings)
    assert not ok and "entry 3" in msg and "edited" in msg


def test_audit_detects_removal_in_middle_and_at_end(settings: Settings):
    lines = _log(settings)
    _rewrite(settings, lines[:2] + lines[3:])
    assert not audit.verify(settings)[0]
    _rewrite(settings, lines[:-1])
    ok, msg = audit.verify(settings)
    assert not ok and "removed" in msg


def test_audit_detects_reorder(settings: Settings):
    lines = _log(settings)
    lines[1], lines[2] = lines[2], lines[1]
    _rewrite(settings, lines)
    assert not audit.verify(settings)[0]


def test_audit_cannot_be_rebuilt_without_key(settings: Settings):
    """Recomputing plain hashes after an edit does not help: the chain is keyed."""
    import hashlib

    lines = _log(settings)
    prev = "0" * 64
    forged = []
    for line in lines:
        e = json.loads(line)
        e["actor"] = "someone-else"
        e["prev"] = prev
        body = json.dumps({k: v for k, v in e.items() if k != "mac"}, sort_keys=True, separators=(",", ":"))
        e["mac"] = hashlib.sha256(body.encode()).hexdigest()
        prev = e["mac"]
        forged.append(json.dumps(e))
    _rewrite(settings, forged)
    assert not audit.verify(settings)[0]


def test_audit_refuses_identifiers(settings: Settings):
    with pytest.raises(audit.AuditError):
        audit.append(settings, "tester", "oops", {"nir": "185057800608436"})
    with pytest.raises(audit.AuditError):
        audit.append(settings, "tester", "oops", {"who": "jean.dupont@example.fr"})
    assert audit.entries(settings) == []
