"""Clean failures: every known failure is one line on stderr and a documented exit code, never a traceback
or an identifier; `vault land` exits non-zero when a file is refused; a full or read-only data directory
gives a clear error, corrupts nothing, and the next run after the fix succeeds with a verified audit chain."""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from confiance import cli
from confiance.cli import main
from tests.vault.vault_fixtures import make_feeds, write_feeds


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("CONFIANCE_HOME", str(tmp_path / "var"))
    monkeypatch.setenv("CONFIANCE_MASTER_KEY", secrets.token_bytes(32).hex())
    monkeypatch.setenv("CONFIANCE_ACTOR", "test-runner")
    monkeypatch.setenv("CONFIANCE_KEY_FILE", str(tmp_path / "keys" / "master.key"))
    return tmp_path / "var"


def _feeds():
    feeds = make_feeds(20, 1, seed=4)
    for b in feeds["benefits"]:
        b["comment"] = ""
    return feeds


def _one_error_line(result) -> str:
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert "Traceback" not in result.output
    errors = [line for line in lines if line.startswith("error: ")]
    assert len(errors) == 1, result.output
    return errors[0]


def test_wrong_master_key_is_exit_3_one_line(home, monkeypatch):
    write_feeds(home / "inbox", _feeds())
    runner = CliRunner()
    assert runner.invoke(main, ["vault", "land", "--no-progress"]).exit_code == 0
    monkeypatch.setenv("CONFIANCE_MASTER_KEY", secrets.token_bytes(32).hex())
    for args in (["vault", "ledger"], ["vault", "audit", "verify"], ["vault", "cross"]):
        result = runner.invoke(main, args)
        assert result.exit_code == cli.EXIT_KEY, (args, result.output)
        assert "master key" in _one_error_line(result)


def test_missing_key_is_exit_3(home, monkeypatch):
    monkeypatch.delenv("CONFIANCE_MASTER_KEY")
    result = CliRunner().invoke(main, ["vault", "land", "--no-progress"])
    assert result.exit_code == cli.EXIT_KEY and "no master key" in _one_error_line(result)


def test_land_exits_1_when_a_file_is_refused_and_the_ledger_records_it(home):
    write_feeds(home / "inbox", _feeds())
    (home / "inbox" / "members_cut.csv").write_bytes(b"member_id;nir\nA000000001;18505")
    runner = CliRunner()
    result = runner.invoke(main, ["vault", "land", "--no-progress"])
    assert result.exit_code == 1
    assert "refused  members_cut.csv" in result.output and "1 file(s) refused" in result.output
    ledger = runner.invoke(main, ["vault", "ledger"])
    assert ledger.exit_code == 0 and "refused  members" in ledger.output
    # landed files are not refused again: the rerun is clean once the bad file is gone
    (home / "inbox" / "members_cut.csv").unlink()
    assert runner.invoke(main, ["vault", "land", "--no-progress"]).exit_code == 0


def test_second_run_during_the_first_is_exit_4_naming_the_holder(home, monkeypatch):
    write_feeds(home / "inbox", _feeds())
    monkeypatch.setenv("CONFIANCE_LOCK_TIMEOUT", "0.5")
    script = textwrap.dedent(f"""
        import time
        from confiance.settings import get_settings
        from vault.db import vault_connection
        with vault_connection(get_settings({str(home)!r}), operation="crossing"):
            print("holding", flush=True)
            time.sleep(30)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], env=os.environ.copy(), stdout=subprocess.PIPE)
    try:
        assert proc.stdout.readline().strip() == b"holding"
        result = CliRunner().invoke(main, ["vault", "land", "--no-progress"])
        assert result.exit_code == cli.EXIT_BUSY
        line = _one_error_line(result)
        assert f"pid {proc.pid}" in line and "crossing" in line
    finally:
        proc.kill()
        proc.wait()


@pytest.mark.parametrize(
    "exc,code,fragment",
    [
        (OSError(errno.ENOSPC, "No space left on device"), cli.EXIT_DISK_FULL, "disk full"),
        (
            duckdb.IOException("IO Error: Could not write file: No space left on device"),
            cli.EXIT_DISK_FULL,
            "disk full",
        ),
        (OSError(errno.EROFS, "Read-only file system"), cli.EXIT_READ_ONLY, "read-only"),
        (
            PermissionError(errno.EACCES, "Permission denied", "/srv/var/vault"),
            cli.EXIT_READ_ONLY,
            "permission denied (/srv/var/vault)",
        ),
        (
            duckdb.IOException('IO Error: Could not set lock on file "w.duckdb": Conflicting lock'),
            cli.EXIT_BUSY,
            "in use",
        ),
        (duckdb.OutOfMemoryException("Out of Memory Error: failed to pin block"), cli.EXIT_MEMORY, "out of memory"),
        (ValueError("could not convert 185057800608436 for jeanne@example.fr"), cli.EXIT_INTERNAL, "internal error"),
    ],
)
def test_failures_are_classified_without_identifiers(exc, code, fragment):
    got, message = cli.classify(exc)
    assert got == code and fragment in message
    assert "185057800608436" not in message and "jeanne@example.fr" not in message
    assert "\n" not in message


def test_exit_codes_are_documented():
    doc = cli.__doc__
    for code in (
        cli.EXIT_REFUSED,
        cli.EXIT_USAGE,
        cli.EXIT_KEY,
        cli.EXIT_BUSY,
        cli.EXIT_DISK_FULL,
        cli.EXIT_READ_ONLY,
        cli.EXIT_AUDIT,
        cli.EXIT_MEMORY,
        cli.EXIT_INTERNAL,
    ):
        assert f"\n{code} " in doc
    assert "Exit codes" in CliRunner().invoke(main, ["--help"]).output


@pytest.mark.slow
def test_progress_goes_to_stderr_and_results_to_stdout(home):
    write_feeds(home / "inbox", _feeds())
    proc = subprocess.run(
        [str(Path(sys.executable).with_name("confiance")), "vault", "land", "--progress"],
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = [line for line in proc.stdout.splitlines() if line.strip()]
    assert len(out) == 3 and all(line.startswith("landed ") for line in out), proc.stdout
    assert "reading" in proc.stderr


# --- a full and a read-only data directory, on a real small file system ------------------------------------

NAMESPACE_SCRIPT = r"""
set -u
mount -t tmpfs -o size=24m tmpfs "$MNT" || exit 97
export CONFIANCE_HOME="$MNT/var"
C="$CONFIANCE_BIN"
mkdir -p "$CONFIANCE_HOME/inbox" && cp "$FEEDS"/*.csv "$CONFIANCE_HOME/inbox/"
$C vault land --no-progress > /dev/null; echo "first=$?"
cp "$FEEDS2"/*.csv "$CONFIANCE_HOME/inbox/"
# then the disk fills up (another process, a log...)
dd if=/dev/zero of="$MNT/filler" bs=1M count=64 2>/dev/null
dd if=/dev/zero of="$MNT/filler2" bs=4k count=64 2>/dev/null
$C vault land --no-progress > "$OUT/out.txt" 2> "$OUT/err.txt"; echo "full=$?"
echo "full_stderr=$(cat "$OUT/err.txt" | tr '\n' '|')"
rm -f "$MNT/filler" "$MNT/filler2"
$C vault land --no-progress > /dev/null 2> "$OUT/err2.txt"; echo "after_free=$? $(tr '\n' '|' < "$OUT/err2.txt")"
$C vault audit verify; echo "verify=$?"
$C vault ledger | sed 's/^/ledger: /'
mount -o remount,ro "$MNT"
$C vault cross > /dev/null 2> $OUT/ro_err.txt; echo "readonly=$?"
echo "readonly_stderr=$(cat $OUT/ro_err.txt | tr '\n' '|')"; rm -f $OUT/ro_err.txt
mount -o remount,rw "$MNT"
$C vault cross > /dev/null; echo "after_rw=$?"
$C vault audit verify; echo "verify2=$?"
"""


def _namespaces_available() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-Urm", "sh", "-c", "mount -t tmpfs tmpfs /mnt 2>/dev/null || mount -t tmpfs tmpfs /tmp"],
        capture_output=True,
    )
    return probe.returncode == 0


@pytest.mark.slow
@pytest.mark.skipif(not _namespaces_available(), reason="needs user and mount namespaces (unshare -Urm)")
def test_full_then_read_only_data_directory(tmp_path):
    feeds_dir, feeds2_dir, mnt = tmp_path / "feeds", tmp_path / "feeds2", tmp_path / "mnt"
    mnt.mkdir()
    (tmp_path / "out").mkdir()
    write_feeds(feeds_dir, _feeds())
    bigger = make_feeds(3000, 2, seed=8)
    for i, m in enumerate(bigger["members"]):
        m["member_id"] = f"A{900000000 + i:09d}"
    for c in bigger["contracts"]:
        c["member_id"] = c["member_id"].replace("A000", "A900")
    write_feeds(feeds2_dir, {"members": bigger["members"]}, suffix="2025")
    env = {
        **os.environ,
        "MNT": str(mnt),
        "OUT": str(tmp_path / "out"),
        "FEEDS": str(feeds_dir),
        "FEEDS2": str(feeds2_dir),
        "CONFIANCE_BIN": str(Path(sys.executable).with_name("confiance")),
        "CONFIANCE_MASTER_KEY": secrets.token_bytes(32).hex(),
        "CONFIANCE_ACTOR": "test-runner",
        "CONFIANCE_KEY_FILE": str(tmp_path / "nokey"),
    }
    proc = subprocess.run(
        ["unshare", "-Urm", "bash", "-c", NAMESPACE_SCRIPT], env=env, capture_output=True, text=True, timeout=600
    )
    out = dict(line.split("=", 1) for line in proc.stdout.splitlines() if "=" in line and not line.startswith("l"))
    assert out.get("first") == "0", proc.stdout + proc.stderr[-3000:]
    assert out["full"] == str(cli.EXIT_DISK_FULL), proc.stdout + proc.stderr[-3000:]
    assert out["full_stderr"].startswith("error: disk full") and "Traceback" not in out["full_stderr"]
    assert out["after_free"].startswith("0"), proc.stdout
    assert out["verify"] == "0", proc.stdout
    ledger = [line for line in proc.stdout.splitlines() if line.startswith("ledger: ")]
    assert len(ledger) == 4 and all(" landed " in line for line in ledger), proc.stdout
    assert "read 3000, landed 3000" in proc.stdout
    assert out["readonly"] == str(cli.EXIT_READ_ONLY), proc.stdout
    assert out["readonly_stderr"].startswith("error: read-only") and "Traceback" not in out["readonly_stderr"]
    assert out["after_rw"] == "0" and out["verify2"] == "0", proc.stdout
