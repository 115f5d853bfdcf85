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

``run_lock(settings, run_id)`` keeps pipeline runs from interleaving (``home/run.lock``, the same flock):
``confiance run`` holds it for the whole run and every stage takes it for its own duration (an Airflow
task, or re-entered inside ``confiance run``). A second run refuses at once (``CONFIANCE_RUN_LOCK_TIMEOUT``
seconds of waiting, default 0) with :class:`RunInProgressError` naming the run under way. A clean release
removes the holder record, so a record found on taking the lock is a killed run's: it is taken over and
:func:`run_lock` returns it for the audit log.
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


class RunInProgressError(VaultBusyError):
    """Another pipeline run is under way; the message names it (pid, run, since when)."""


def lock_timeout() -> float:
    try:
        return max(0.0, float(os.environ.get("CONFIANCE_LOCK_TIMEOUT", DEFAULT_TIMEOUT)))
    except ValueError:
        return DEFAULT_TIMEOUT


def _holder_info(path: Path) -> dict[str, Any] | None:
    try:
        info = json.loads(path.with_suffix(".holder").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return info if isinstance(info, dict) else None


def _holder(path: Path) -> str:
    info = _holder_info(path)
    if info is None:
        return "another process"
    return f"pid {info.get('pid')}, {info.get('operation')}, since {info.get('since')}"


def pid_alive(pid: Any) -> bool:
    try:
        os.kill(int(pid), 0)
    except (OSError, ValueError, TypeError) as exc:
        return isinstance(exc, PermissionError)  # exists, owned by someone else
    return True


@contextmanager
def file_lock(
    path: Path,
    exclusive: bool,
    what: str,
    operation: str = "",
    timeout: float | None = None,
    busy: type[VaultBusyError] = VaultBusyError,
    stale: list[dict[str, Any]] | None = None,
    timeout_env: str = "CONFIANCE_LOCK_TIMEOUT",
) -> Iterator[bool]:
    """Hold an flock on ``path``; yields True when this call took it (False when re-entered).

    ``busy`` is the error raised after ``timeout`` seconds; when ``stale`` is a list, the holder record of a
    process that died holding the lock exclusively (found on taking it) is appended to it."""
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
                    raise busy(
                        f"{what} is in use by {_holder(path)}; waited {timeout:.0f} s. Run again when it has "
                        f"finished ({timeout_env} sets how long to wait)"
                    ) from None
                time.sleep(_POLL)
    except BaseException:
        fh.close()
        raise
    if exclusive:
        left = _holder_info(path)
        if stale is not None and left is not None:
            # a clean release removes the record: this one is a killed holder's (the kernel freed its flock)
            stale.append({**left, "pid_alive": pid_alive(left.get("pid"))})
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
            if exclusive and (_holder_info(path) or {}).get("pid") == os.getpid():
                path.with_suffix(".holder").unlink(missing_ok=True)
        except OSError:
            pass  # a read-only disk: the record stays, and only says who held the lock last
        finally:
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


def run_lock_path(settings: Any) -> Path:
    return Path(settings.home) / "run.lock"


def run_lock_timeout() -> float:
    try:
        return max(0.0, float(os.environ.get("CONFIANCE_RUN_LOCK_TIMEOUT", 0)))
    except ValueError:
        return 0.0


@contextmanager
def run_lock(settings: Any, run_id: str) -> Iterator[dict[str, Any] | None]:
    """Hold the pipeline-run lock. Yields the record of a killed run whose lock this call took over (already
    audited as ``recovery.run_lock_taken_over``), or None. Re-entrant within a process (a stage inside a run)."""
    stale: list[dict[str, Any]] = []
    with file_lock(
        run_lock_path(settings),
        True,
        f"the data directory {settings.home}",
        f"pipeline run {run_id}",
        timeout=run_lock_timeout(),
        busy=RunInProgressError,
        stale=stale,
        timeout_env="CONFIANCE_RUN_LOCK_TIMEOUT",
    ):
        taken_over = stale[0] if stale else None
        if taken_over is not None:
            from vault import audit

            audit.append(
                settings,
                "pipeline",
                "recovery.run_lock_taken_over",
                {
                    "stale_pid": taken_over.get("pid"),
                    "stale_operation": taken_over.get("operation"),
                    "stale_since": taken_over.get("since"),
                    "pid_alive": taken_over.get("pid_alive"),
                    "run_id": run_id,
                },
            )
        yield taken_over


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
