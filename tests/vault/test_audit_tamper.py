"""Tamper evidence that stays true: a write never heals a tampered log, the head is anchored in the vault,
a wrong key is reported as a wrong key, an interrupted write is recovered and not reported as tampering."""

from __future__ import annotations

import json
import secrets

import pytest

from confiance.settings import Settings
from tests.vault.vault_fixtures import make_feeds, write_feeds
from vault import audit, keys
from vault.db import vault_connection
from vault.landing import land_inbox


def _log(settings: Settings, n: int = 5) -> list[str]:
    for i in range(n):
        audit.append(settings, "tester", "test.event", {"i": i})
    assert audit.verify(settings)[0]
    return audit.log_path(settings).read_text().splitlines()


def _write(settings: Settings, lines: list[str]) -> None:
    audit.log_path(settings).write_text("".join(line + "\n" for line in lines))


def test_removing_the_last_entries_is_not_healed_by_the_next_write(settings: Settings):
    lines = _log(settings)
    _write(settings, lines[:-2])
    ok, message = audit.verify(settings)
    assert not ok and "entries removed" in message
    with pytest.raises(audit.AuditError, match="refusing to append"):
        audit.append(settings, "tester", "after.tampering", {"n": 1})
    assert audit.log_path(settings).read_text().splitlines() == lines[:-2]  # nothing chained onto it
    assert not audit.verify(settings)[0]


def test_edited_entry_blocks_appends(settings: Settings):
    lines = _log(settings)
    entry = json.loads(lines[-1])
    entry["details"]["i"] = 99
    lines[-1] = json.dumps(entry)
    _write(settings, lines)
    with pytest.raises(audit.AuditError):
        audit.append(settings, "tester", "x", {})
    assert "edited" in audit.verify(settings)[1]


def test_older_head_restored_with_a_shortened_log_is_caught_by_the_vault_anchor(settings: Settings):
    """The head file alone can be rolled back with the log; the copy anchored in the vault cannot."""
    feeds = make_feeds(10, 1)
    write_feeds(settings.inbox, feeds)
    land_inbox(settings)  # three landing entries, anchored in the vault when the writer closes
    old_lines = audit.log_path(settings).read_text().splitlines()[:1]
    head_after_one = None
    # rebuild what the head said after entry 1 (as an attacker holding an old backup of the head file would)
    for line in audit.log_path(settings).read_text().splitlines():
        entry = json.loads(line)
        if entry["seq"] == 1:
            key = keys.derived_key(settings, "audit")
            head_after_one = {
                "count": 1,
                "last": entry["mac"],
                "mac": audit._head_mac(key, 1, entry["mac"]),
                "kcv": keys.key_check_value(keys.load_master_key(settings)),
            }
    _write(settings, old_lines)
    audit._head_path(settings).write_text(json.dumps(head_after_one))
    ok, message = audit.verify(settings)
    assert not ok and "anchor records 3 audit entries, the log has 1" in message
    with pytest.raises(audit.AuditError, match="anchor"):
        land_inbox(settings)  # no vault writer works on top of a rolled-back log


def test_wrong_master_key_is_reported_as_a_wrong_key(settings: Settings, monkeypatch):
    _log(settings, 3)
    monkeypatch.setenv("CONFIANCE_MASTER_KEY", secrets.token_bytes(32).hex())
    with pytest.raises(keys.MasterKeyError, match="wrong master key"):
        audit.verify(settings)
    with pytest.raises(keys.MasterKeyError):
        audit.append(settings, "tester", "x", {})


def test_head_not_written_after_its_entry_is_an_interrupted_write(settings: Settings):
    _log(settings, 3)
    key = keys.derived_key(settings, "audit")
    prev = audit.entries(settings)[-1]["mac"]
    audit._write_entry(settings, key, 4, prev, "tester", "test.event", {"i": 4})  # killed before the head
    ok, message = audit.verify(settings)
    assert ok and "interrupted write" in message and "4 entries" in message
    audit.append(settings, "tester", "next", {})
    assert [e["action"] for e in audit.entries(settings)][-2:] == ["audit.recovered", "next"]
    ok, message = audit.verify(settings)
    assert ok and "note" not in message


def test_torn_last_line_after_a_full_disk_is_recovered_not_reported(settings: Settings):
    lines = _log(settings, 3)
    with open(audit.log_path(settings), "a", encoding="utf-8") as fh:
        fh.write('{"seq": 4, "ts": "2026-01-01T00:00:00", "actor": "tes')  # the write the full disk cut short
    ok, message = audit.verify(settings)
    assert ok and "incomplete last line" in message
    audit.append(settings, "tester", "after", {})
    entries = audit.entries(settings)
    assert [e["action"] for e in entries][3:] == ["audit.recovered", "after"]
    assert entries[3]["details"]["torn_bytes_removed"] > 0
    assert audit.log_path(settings).read_text().splitlines()[:3] == lines
    assert audit.verify(settings) == (True, "audit log intact: 5 entries")


def test_garbage_in_the_middle_is_still_tampering(settings: Settings):
    lines = _log(settings, 4)
    lines[1] = lines[1][:40]
    _write(settings, lines)
    ok, message = audit.verify(settings)
    assert not ok and "entry 2" in message


def test_vault_anchor_follows_the_head(settings: Settings):
    from vault.db import audit_anchor

    write_feeds(settings.inbox, make_feeds(5, 1))
    land_inbox(settings)
    with vault_connection(settings, read_only=True) as con:
        count, last = audit_anchor(con)
    assert count == len(audit.entries(settings)) and last == audit.entries(settings)[-1]["mac"]
