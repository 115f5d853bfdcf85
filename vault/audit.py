"""The audit log: append-only JSON Lines, each entry chained to the previous one by a keyed hash.

Every entry carries ``prev`` (the ``mac`` of the entry before it) and ``mac``,
an HMAC-SHA256 (key derived from the master key, purpose ``audit``) over the
entry's canonical JSON. A small *head* file holds the number of entries and the
last ``mac`` under the same key, so removing the last entries is detected too.
Editing, removing, inserting or reordering entries breaks the chain, and the
chain cannot be rebuilt without the master key.

Entries never hold identifiers: ``append`` refuses details that look like a
NIR, an e-mail address, a phone number, an IBAN or a membership number.
"""

from __future__ import annotations

import fcntl
import hashlib
import hmac
import json
import os
import re
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from vault.keys import derived_key

_GENESIS = "0" * 64
_IDENTIFIER_PATTERNS = [
    re.compile(r"\b[12][0-9]{4}(?:2A|2B|[0-9]{2})[0-9]{6}[0-9]{2}\b"),  # NIR
    re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),  # e-mail
    re.compile(r"\b(?:\+33|0)[1-9](?:[ .-]?[0-9]{2}){4}\b"),  # phone
    re.compile(r"\bFR[0-9]{2}(?: ?[0-9A-Z]{4}){5}"),  # IBAN
    re.compile(r"\bA[0-9]{9}\b"),  # membership number
    re.compile(r"\bC[0-9]{10}\b"),  # contract number
]


class AuditError(RuntimeError):
    pass


def log_path(settings: Any) -> Path:
    return Path(settings.vault_dir) / "audit.jsonl"


def _head_path(settings: Any) -> Path:
    return Path(settings.vault_dir) / "audit.head"


def _canonical(entry: dict[str, Any]) -> bytes:
    return json.dumps({k: v for k, v in entry.items() if k != "mac"}, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"), default=str).encode("utf-8")


def _mac(key: bytes, data: bytes) -> str:
    return hmac.new(key, data, hashlib.sha256).hexdigest()


def _head_mac(key: bytes, count: int, last: str) -> str:
    return _mac(key, f"head:{count}:{last}".encode())


def _check_no_identifier(value: Any, where: str = "details") -> None:
    if isinstance(value, dict):
        for k, v in value.items():
            _check_no_identifier(k, where)
            _check_no_identifier(v, f"{where}.{k}")
    elif isinstance(value, list | tuple | set):
        for v in value:
            _check_no_identifier(v, where)
    elif isinstance(value, str):
        for pattern in _IDENTIFIER_PATTERNS:
            if pattern.search(value):
                raise AuditError(f"audit {where}: looks like a direct identifier; audit entries hold none")


@contextmanager
def _locked(settings: Any):
    Path(settings.vault_dir).mkdir(parents=True, exist_ok=True)
    lock = Path(settings.vault_dir) / "audit.lock"
    with open(lock, "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _read_lines(settings: Any) -> list[str]:
    path = log_path(settings)
    if not path.exists():
        return []
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def append(settings: Any, actor: str, action: str, details: dict) -> None:
    """Append one entry (who, what, details without identifiers) to the hash-chained audit log."""
    _check_no_identifier(details)
    _check_no_identifier(actor, "actor")
    key = derived_key(settings, "audit")
    with _locked(settings):
        lines = _read_lines(settings)
        prev = json.loads(lines[-1])["mac"] if lines else _GENESIS
        entry: dict[str, Any] = {
            "seq": len(lines) + 1,
            "ts": datetime.now(UTC).isoformat(timespec="microseconds"),
            "actor": actor,
            "action": action,
            "details": details,
            "prev": prev,
        }
        entry["mac"] = _mac(key, _canonical(entry))
        with open(log_path(settings), "a", encoding="utf-8") as fh:
            fh.write(json.dumps(entry, ensure_ascii=False, default=str) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        head = _head_path(settings)
        tmp = head.with_suffix(".tmp")
        tmp.write_text(json.dumps({"count": entry["seq"], "last": entry["mac"],
                                   "mac": _head_mac(key, entry["seq"], entry["mac"])}), encoding="utf-8")
        os.replace(tmp, head)


def entries(settings: Any) -> list[dict]:
    """All audit entries, oldest first (no identifiers in them)."""
    return [json.loads(line) for line in _read_lines(settings)]


def verify(settings: Any) -> tuple[bool, str]:
    """Check the whole chain and its head: (True, summary) or (False, what is wrong and where)."""
    key = derived_key(settings, "audit")
    lines = _read_lines(settings)
    prev = _GENESIS
    for i, line in enumerate(lines, start=1):
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            return False, f"entry {i}: not valid JSON (edited)"
        if entry.get("seq") != i:
            return False, f"entry {i}: sequence number {entry.get('seq')} (entries removed, inserted or reordered)"
        if entry.get("prev") != prev:
            return False, f"entry {i}: does not chain to the previous entry (removed, inserted or reordered)"
        if not hmac.compare_digest(str(entry.get("mac", "")), _mac(key, _canonical(entry))):
            return False, f"entry {i}: hash does not match its content (edited)"
        prev = entry["mac"]
    head_file = _head_path(settings)
    if head_file.exists():
        head = json.loads(head_file.read_text(encoding="utf-8"))
        expected = _head_mac(key, head.get("count", -1), head.get("last", ""))
        if not hmac.compare_digest(str(head.get("mac", "")), expected):
            return False, "audit head: hash does not match (edited)"
        if head["count"] != len(lines) or head["last"] != prev:
            return False, f"audit head records {head['count']} entries, the log has {len(lines)} (entries removed)"
    elif lines:
        return False, "audit head missing while the log has entries (removed)"
    return True, f"audit log intact: {len(lines)} entries"
