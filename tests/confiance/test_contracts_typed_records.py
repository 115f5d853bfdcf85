"""Typed records between packages: the audit log's entries as ``vault.audit.AuditEntry`` (the producer's type),
exactly the keys the log writes, with the dict API unchanged."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from confiance.settings import Settings
from vault import audit


@pytest.fixture
def settings(tmp_path, monkeypatch) -> Settings:
    monkeypatch.setenv("CONFIANCE_MASTER_KEY", "a7" * 32)
    s = Settings(home=tmp_path / "var", key_file=tmp_path / "absent.key")
    s.vault_dir.mkdir(parents=True)
    return s


def test_audit_entries_are_read_as_typed_records(settings):
    before = datetime.now(UTC)
    audit.append(settings, "dpo", "report.built", {"files": 3, "names": ["a", "b"]})
    audit.append(settings, "airflow", "crossing.warehouse", {"rows": {"members": 10}})
    typed = audit.read_entries(settings)
    assert [(e.seq, e.actor, e.action) for e in typed] == [
        (1, "dpo", "report.built"),
        (2, "airflow", "crossing.warehouse"),
    ]
    assert typed[0].details == {"files": 3, "names": ["a", "b"]}
    assert typed[1].details["rows"] == {"members": 10}
    assert all(before <= e.ts <= datetime.now(UTC) and e.ts.tzinfo is not None for e in typed)
    assert typed[1].prev == typed[0].mac != ""
    # The dict API is unchanged, and a typed entry is the same entry.
    assert [e.as_dict() for e in typed] == audit.entries(settings)
    with pytest.raises(AttributeError):
        typed[0].action = "edited"  # frozen: readers cannot alter what they were given


@pytest.mark.parametrize("drop", ["action", "ts", "actor", "seq"])
def test_an_entry_without_a_written_key_is_an_error_not_a_guess(drop):
    entry = {"seq": 4, "ts": "2026-01-01T00:00:00+00:00", "actor": "a", "action": "x.y", "details": {}}
    del entry[drop]
    with pytest.raises(audit.AuditError, match=f"missing {drop}"):
        audit.AuditEntry.from_dict(entry)


def test_an_entry_with_a_bad_timestamp_names_the_entry():
    with pytest.raises(audit.AuditError, match="audit entry 7: ts"):
        audit.AuditEntry.from_dict({"seq": 7, "ts": "yesterday", "actor": "a", "action": "x", "details": {}})


def test_every_entry_of_a_real_run_reads_as_a_typed_record(demo_run):
    """The whole pipeline's audit log (a real run): every line is an AuditEntry with exactly the written keys."""
    settings, _results = demo_run
    lines = [json.loads(line) for line in Path(audit.log_path(settings)).read_text(encoding="utf-8").splitlines()]
    typed = audit.read_entries(settings)
    assert len(typed) == len(lines) > 0
    assert {key for line in lines for key in line} == {"seq", "ts", "actor", "action", "details", "prev", "mac"}
    assert [e.seq for e in typed] == list(range(1, len(typed) + 1))
    assert {"crossing.warehouse"} <= {e.action for e in typed}
