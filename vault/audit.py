"""The audit log: append-only JSON Lines, each entry chained to the previous one by a keyed hash.

Every entry carries ``prev`` (the ``mac`` of the entry before it) and ``mac``,
an HMAC-SHA256 (key derived from the master key, purpose ``audit``) over the
entry's canonical JSON. A small *head* file holds the number of entries and the
last ``mac`` under the same key, so removing the last entries is detected too.
Editing, removing, inserting or reordering entries breaks the chain, and the
chain cannot be rebuilt without the master key.

Tamper evidence that stays true:

- ``append`` checks the head and the tail of the chain before writing and
  refuses (:class:`AuditError`) when they disagree, so a write can never
  "heal" a shortened or edited log;
- the head is also anchored outside the log, inside the encrypted vault
  database (``meta.audit_anchor``, written by every vault writer): restoring an
  older head file together with a shortened log is still detected;
- a process killed between writing an entry and its head, or a write cut short
  by a full disk (a torn last line), is an *interrupted write*: ``verify``
  reports it as such, and the next ``append`` completes it and records an
  ``audit.recovered`` entry;
- a wrong master key is reported as a wrong key (key check value in the head
  and the vault's sidecar), not as an edited entry.

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
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from vault.keys import MasterKeyError, check_master_key, derived_key, key_check_value, load_master_key

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


@dataclass(frozen=True)
class AuditEntry:
    """One entry of the audit log, typed: what readers outside the vault receive (``read_entries``).

    The log writes exactly these keys; a reader uses the fields instead of guessing key names.
    """

    seq: int
    ts: datetime  # UTC
    actor: str
    action: str  # dotted, e.g. "crossing.warehouse", "publication.consumer", "reidentify.request"
    details: dict[str, Any] = field(default_factory=dict)  # counts, names, tokens, reasons; never an identifier
    prev: str = ""
    mac: str = ""

    @classmethod
    def from_dict(cls, entry: dict[str, Any]) -> AuditEntry:
        """The typed form of one parsed log line; AuditError naming the entry when a key is missing or wrong."""
        where = f"audit entry {entry.get('seq', '?')}"
        missing = [k for k in ("seq", "ts", "actor", "action") if k not in entry]
        if missing:
            raise AuditError(f"{where}: missing {', '.join(missing)}")
        try:
            ts = datetime.fromisoformat(str(entry["ts"]))
        except ValueError:
            raise AuditError(f"{where}: ts is not an ISO 8601 timestamp") from None
        details = entry.get("details") or {}
        if not isinstance(details, dict):
            raise AuditError(f"{where}: details is not an object")
        return cls(
            seq=int(entry["seq"]),
            ts=ts if ts.tzinfo else ts.replace(tzinfo=UTC),
            actor=str(entry["actor"]),
            action=str(entry["action"]),
            details=details,
            prev=str(entry.get("prev", "")),
            mac=str(entry.get("mac", "")),
        )

    def as_dict(self) -> dict[str, Any]:
        """The entry as the log writes it (the dict API of :func:`entries`)."""
        return {
            "seq": self.seq,
            "ts": self.ts.isoformat(timespec="microseconds"),
            "actor": self.actor,
            "action": self.action,
            "details": self.details,
            "prev": self.prev,
            "mac": self.mac,
        }


def log_path(settings: Any) -> Path:
    return Path(settings.vault_dir) / "audit.jsonl"


def _head_path(settings: Any) -> Path:
    return Path(settings.vault_dir) / "audit.head"


def _canonical(entry: dict[str, Any]) -> bytes:
    return json.dumps(
        {k: v for k, v in entry.items() if k != "mac"},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    ).encode("utf-8")


def _mac(key: bytes, data: bytes) -> str:
    return hmac.new(key, data, hashlib.sha256).hexdigest()


def _same(found: Any, expected: str) -> bool:
    """Constant-time comparison that also copes with an edited, non-ASCII value."""
    return hmac.compare_digest(str(found).encode("utf-8"), expected.encode("utf-8"))


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


def _read_log(settings: Any) -> tuple[list[str], int]:
    """(complete lines, bytes of a torn last line): a line without its newline is an interrupted write."""
    path = log_path(settings)
    if not path.exists():
        return [], 0
    data = path.read_bytes()
    cut = data.rfind(b"\n") + 1
    torn = len(data) - cut
    if torn:
        # a complete entry whose newline alone is missing is still an entry
        try:
            json.loads(data[cut:])
            cut, torn = len(data), 0
        except (json.JSONDecodeError, UnicodeDecodeError):
            pass
    text = data[:cut].decode("utf-8", errors="replace")
    return [line for line in text.splitlines() if line.strip()], torn


def _read_lines(settings: Any) -> list[str]:
    return _read_log(settings)[0]


def read_head(settings: Any) -> dict[str, Any] | None:
    """The head file (entries, last hash, its MAC, key check value), or None."""
    path = _head_path(settings)
    if not path.exists():
        return None
    try:
        head = json.loads(path.read_text(encoding="utf-8"))
        return {
            "count": int(head["count"]),
            "last": str(head["last"]),
            "mac": str(head.get("mac", "")),
            "kcv": head.get("kcv"),
        }
    except (ValueError, KeyError, TypeError):
        return {"count": -1, "last": "", "mac": "", "kcv": None}


def _check_key(settings: Any, head: dict[str, Any] | None) -> None:
    """Raise MasterKeyError when the master key is not the one the log was written with."""
    master = load_master_key(settings)
    check_master_key(settings, master)
    if head and head.get("kcv") and not _same(head["kcv"], key_check_value(master)):
        raise MasterKeyError(
            "the master key is not the key the audit log was written with (key check value "
            "differs): wrong master key, the log itself was not checked"
        )


def _state(settings: Any, key: bytes) -> tuple[list[dict], int, dict | None, str | None, str]:
    """Read and check the log against its head.

    Returns (entries, torn bytes, head, problem, note): ``problem`` says what is wrong (tampering),
    ``note`` describes an interrupted write that the next append completes.
    """
    lines, torn = _read_log(settings)
    head = read_head(settings)
    entries: list[dict] = []
    prev = _GENESIS
    for i, line in enumerate(lines, start=1):
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            return entries, torn, head, f"entry {i}: not valid JSON (edited)", ""
        if not isinstance(entry, dict):
            return entries, torn, head, f"entry {i}: not an audit entry (edited)", ""
        if entry.get("seq") != i:
            return (
                entries,
                torn,
                head,
                (f"entry {i}: sequence number {entry.get('seq')} (entries removed, inserted or reordered)"),
                "",
            )
        if entry.get("prev") != prev:
            return (
                entries,
                torn,
                head,
                (f"entry {i}: does not chain to the previous entry (removed, inserted or reordered)"),
                "",
            )
        if not _same(entry.get("mac", ""), _mac(key, _canonical(entry))):
            return entries, torn, head, f"entry {i}: hash does not match its content (edited)", ""
        prev = entry["mac"]
        entries.append(entry)
    notes = []
    if torn:
        notes.append(f"an interrupted write left {torn} byte(s) of an incomplete last line (ignored)")
    n = len(entries)
    if head is None:
        if n:
            return entries, torn, head, "audit head missing while the log has entries (removed)", ""
        return entries, torn, head, None, "; ".join(notes)
    if not _same(head["mac"], _head_mac(key, head["count"], head["last"])):
        return entries, torn, head, "audit head: hash does not match (edited)", ""
    if head["count"] == n and head["last"] == prev:
        return entries, torn, head, None, "; ".join(notes)
    before_last = entries[-2]["mac"] if n >= 2 else _GENESIS
    if n >= 1 and head["count"] == n - 1 and head["last"] == before_last:
        notes.append(f"entry {n} was written but the head not updated (interrupted write)")
        return entries, torn, head, None, "; ".join(notes)
    if head["count"] > n:
        return entries, torn, head, f"audit head records {head['count']} entries, the log has {n} (entries removed)", ""
    return (
        entries,
        torn,
        head,
        (
            f"audit head records {head['count']} entries, the log has {n} "
            "(entries added without the key, or the head replaced)"
        ),
        "",
    )


def check_anchor(settings: Any, anchor: tuple[int, str] | None) -> None:
    """Raise AuditError when the log no longer holds the entry the vault anchored (removed or replaced)."""
    if anchor is None:
        return
    count, last = anchor
    lines = _read_lines(settings)
    if count > len(lines):
        raise AuditError(
            f"the vault's anchor records {count} audit entries, the log has {len(lines)} "
            "(entries removed); run `confiance vault audit verify`"
        )
    if count >= 1:
        try:
            mac = json.loads(lines[count - 1]).get("mac")
        except (json.JSONDecodeError, AttributeError):
            mac = None
        if mac != last:
            raise AuditError(
                f"audit entry {count} is not the one anchored in the vault (edited or replaced); "
                "run `confiance vault audit verify`"
            )


def _write_head(settings: Any, key: bytes, count: int, last: str) -> None:
    head = _head_path(settings)
    tmp = head.with_suffix(".tmp")
    body = {
        "count": count,
        "last": last,
        "mac": _head_mac(key, count, last),
        "kcv": key_check_value(load_master_key(settings)),
    }
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(json.dumps(body))
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, head)


def _write_entry(settings: Any, key: bytes, seq: int, prev: str, actor: str, action: str, details: dict) -> dict:
    entry: dict[str, Any] = {
        "seq": seq,
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
    return entry


def append(settings: Any, actor: str, action: str, details: dict) -> None:
    """Append one entry (who, what, details without identifiers) to the hash-chained audit log.

    Checks the head and the tail of the chain first and refuses (AuditError) if they disagree; an
    interrupted earlier write (head behind by one entry, torn last line) is completed and recorded.
    """
    _check_no_identifier(details)
    _check_no_identifier(actor, "actor")
    key = derived_key(settings, "audit")
    with _locked(settings):
        _check_key(settings, read_head(settings))
        entries, torn, head, problem, note = _state(settings, key)
        if problem:
            raise AuditError(
                f"audit log does not match its head ({problem}); refusing to append. Run `confiance vault audit verify`"
            )
        if torn:
            path = log_path(settings)
            with open(path, "r+b") as fh:
                fh.truncate(path.stat().st_size - torn)
                fh.flush()
                os.fsync(fh.fileno())
        prev = entries[-1]["mac"] if entries else _GENESIS
        if note:
            if head is not None and head["count"] != len(entries):
                _write_head(settings, key, len(entries), prev)
            recovered = _write_entry(
                settings,
                key,
                len(entries) + 1,
                prev,
                "audit",
                "audit.recovered",
                {
                    "torn_bytes_removed": torn,
                    "head_completed": bool(head is not None and head["count"] != len(entries)),
                },
            )
            entries.append(recovered)
            prev = recovered["mac"]
            _write_head(settings, key, len(entries), prev)
        entry = _write_entry(settings, key, len(entries) + 1, prev, actor, action, details)
        _write_head(settings, key, entry["seq"], entry["mac"])


def entries(settings: Any) -> list[dict]:
    """All audit entries, oldest first (no identifiers in them)."""
    return [json.loads(line) for line in _read_lines(settings)]


def read_entries(settings: Any) -> list[AuditEntry]:
    """All audit entries, oldest first, typed (:class:`AuditEntry`): what other packages should read."""
    return [AuditEntry.from_dict(entry) for entry in entries(settings)]


def verify(settings: Any, check_vault: bool = True) -> tuple[bool, str]:
    """Check the whole chain, its head and the vault's anchor: (True, summary) or (False, what is wrong and where).

    Raises MasterKeyError for a wrong master key (it is not reported as tampering).
    """
    _check_key(settings, read_head(settings))
    key = derived_key(settings, "audit")
    entries_, _torn, _head, problem, note = _state(settings, key)
    if problem:
        return False, problem
    anchored = ""
    if check_vault and Path(settings.vault_db).exists():
        from vault.db import audit_anchor, vault_connection
        from vault.locking import VaultBusyError

        try:
            with vault_connection(settings, read_only=True) as con:
                anchor = audit_anchor(con)
        except VaultBusyError:
            anchor, anchored = None, "; the vault's anchor not checked (vault busy)"
        if anchor is not None:
            try:
                check_anchor(settings, anchor)
            except AuditError as exc:
                return False, str(exc).split("; run")[0]
            anchored = f"; anchored in the vault at entry {anchor[0]}"
    message = f"audit log intact: {len(entries_)} entries" + anchored
    if note:
        message += f" (note: {note}; completed at the next write)"
    return True, message
