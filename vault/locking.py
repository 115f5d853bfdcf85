"""One writer at a time on the vault, and recovery of what a killed process left behind.

``vault_lock(settings, exclusive)`` takes an ``flock`` on ``vault/vault.lock``: a
writer takes it exclusively, a reader shared (DuckDB's own rule for one file).
The kernel releases it when the holder dies, even by SIGKILL, so a lock is
never stale. A second process waits up to ``CONFIANCE_LOCK_TIMEOUT`` seconds
(default 60), then gets :class:`VaultBusyError` naming the holder (pid, what
it does, since when) — never a raw DuckDB lock error.

Each connection spills to its own folder ``vault/tmp/<pid>-<random>/``
(encrypted temporary files). Whoever holds the exclusive lock knows that no
other process uses the vault, so everything left in ``vault/tmp`` and any
half-written re-encrypted copy (``vault.duckdb.rekey``) is a crash's leftover:
:func:`recover_leftovers` removes it and the audit log says so (counts and
sizes only).
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import secrets
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

DEFAULT_TIMEOUT = 60.0
_POLL = 0.2

# Locks this process holds, by lock-file path: [open file, count, exclusive]. A nested request is re-entrant.
_held: dict[str, list[Any]] = {}
_guard = threading.RLock()


class VaultBusyError(RuntimeError):
    """Another process holds the vault (or the publication); the message says who and since when."""


def lock_timeout() -> float:
    try:
        return max(0.0, float(os.environ.get("CONFIANCE_LOCK_TIMEOUT", DEFAULT_TIMEOUT)))
    except ValueError:
        return DEFAULT_TIMEOUT


def _holder(path: Path) -> str:
    try:
        info = json.loads(path.with_suffix(".holder").read_text(encoding="utf-8"))
        return f"pid {info.get('pid')}, {info.get('operation')}, since {info.get('since')}"
    except (OSError, ValueError):
        return "another process"


@contextmanager
def file_lock(
    path: Path, exclusive: bool, what: str, operation: str = "", timeout: float | None = None
) -> Iterator[bool]:
    """Hold an flock on ``path``; yields True when this call took it (False when re-entered)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    key = str(path.resolve())
    with _guard:
        nested = key in _held
        if nested:
            _held[key][1] += 1
    if nested:
        try:
            yield False
        finally:
            with _guard:
                _held[key][1] -= 1
        return
    timeout = lock_timeout() if timeout is None else timeout
    fh = open(path, "a+")  # noqa: SIM115 - kept open while the lock is held
    mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                fcntl.flock(fh, mode | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise VaultBusyError(
                        f"{what} is in use by {_holder(path)}; waited {timeout:.0f} s. Run again when it has "
                        "finished (CONFIANCE_LOCK_TIMEOUT sets how long to wait)"
                    ) from None
                time.sleep(_POLL)
    except BaseException:
        fh.close()
        raise
    if exclusive:
        try:
            path.with_suffix(".holder").write_text(
                json.dumps(
                    {
                        "pid": os.getpid(),
                        "operation": operation or "write",
                        "since": datetime.now(UTC).isoformat(timespec="seconds"),
                    }
                ),
                encoding="utf-8",
            )
        except OSError:
            pass  # informative only (a read-only or full disk must not prevent reading)
    with _guard:
        _held[key] = [fh, 1, exclusive]
    try:
        yield True
    finally:
        with _guard:
            del _held[key]
        try:
            fcntl.flock(fh, fcntl.LOCK_UN)
        finally:
            fh.close()


def lock_path(settings: Any) -> Path:
    return Path(settings.vault_dir) / "vault.lock"


def temp_root(settings: Any) -> Path:
    return Path(settings.vault_dir) / "tmp"


@contextmanager
def vault_lock(settings: Any, exclusive: bool, operation: str = "") -> Iterator[bool]:
    with file_lock(lock_path(settings), exclusive, f"the vault {settings.vault_db}", operation) as took:
        yield took


@contextmanager
def private_temp_dir(settings: Any) -> Iterator[Path]:
    """A fresh, empty spill folder for one connection, removed afterwards (a kill leaves it to recovery)."""
    root = temp_root(settings)
    root.mkdir(parents=True, exist_ok=True, mode=0o700)
    folder = root / f"{os.getpid()}-{secrets.token_hex(4)}"
    folder.mkdir(mode=0o700)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _size(path: Path) -> tuple[int, int]:
    if path.is_file() or path.is_symlink():
        try:
            return 1, path.lstat().st_size
        except OSError:
            return 1, 0
    files = size = 0
    for p in path.rglob("*"):
        if p.is_file():
            files += 1
            try:
                size += p.stat().st_size
            except OSError:
                pass
    return files, size


def recover_leftovers(settings: Any) -> dict[str, int] | None:
    """Remove what killed processes left (spill files, half-written re-encrypted copy). Call with the lock held
    exclusively. Returns counts (audited by the caller) or None when there was nothing."""
    leftovers: list[Path] = []
    root = temp_root(settings)
    if root.exists():
        leftovers += list(root.iterdir())
    db = Path(settings.vault_db)
    leftovers += [p for p in db.parent.glob(db.name + ".rekey*")]
    if not leftovers:
        return None
    files = size = 0
    for path in leftovers:
        n, s = _size(path)
        files, size = files + n, size + s
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    return {
        "spill_entries": sum(1 for p in leftovers if p.parent == root),
        "rekey_copies": sum(1 for p in leftovers if p.parent != root),
        "files": files,
        "bytes": size,
    }
