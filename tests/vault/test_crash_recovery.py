"""Crash recovery: real processes killed with SIGKILL at chosen points, then rerun with no manual step.

After every kill the rerun must give exact row accounting, a vault that opens, an audit chain that
verifies and a warehouse equal to the one an uninterrupted run builds from the same files and key.
The kill points are set in the child process by wrapping a real function so that it SIGKILLs itself
right after (or before) the real work: nothing is simulated, the process really dies there.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap

import duckdb
import pytest

from confiance.crossing_rules import CROSSING_STAMP
from confiance.settings import Settings
from tests.vault.vault_fixtures import make_feeds, write_feeds
from vault import audit, keys, locking
from vault.crossing import cross_to_warehouse
from vault.db import vault_connection
from vault.landing import land_inbox, ledger

PRELUDE = """
import os, signal, sys, pathlib
from confiance.settings import Settings
s = Settings(home=pathlib.Path({home!r}), key_file=pathlib.Path({key_file!r}))
def die():
    os.kill(os.getpid(), signal.SIGKILL)
"""


def run_child(settings: Settings, body: str, env: dict | None = None, expect_kill: bool = True) -> None:
    script = PRELUDE.format(home=str(settings.home), key_file=str(settings.key_file))
    script += textwrap.dedent(body)
    proc = subprocess.run(
        [sys.executable, "-c", script], env={**os.environ, **(env or {})}, capture_output=True, timeout=300
    )
    if expect_kill:
        assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()[-3000:]
    else:
        assert proc.returncode == 0, proc.stderr.decode()[-3000:]


def warehouse_digest(settings: Settings) -> dict[str, tuple[int, str]]:
    """Rows and a content hash (order-independent) of every pseudo table."""
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    try:
        out = {}
        for (table,) in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'pseudo' ORDER BY 1"
        ).fetchall():
            # every column but the stamp of the crossing that wrote the row (a recovered run crosses again)
            query = f"SELECT COLUMNS(c -> c <> '{CROSSING_STAMP}') FROM pseudo.{table}"
            rows = sorted(repr(r) for r in con.execute(query).fetchall())
            out[table] = (len(rows), hashlib.sha256("\n".join(rows).encode()).hexdigest())
        return out
    finally:
        con.close()


def assert_consistent(settings: Settings, feeds: dict[str, list[dict]]) -> None:
    """Exact row accounting per file, raw counts, the vault opens, the audit chain verifies, no leftovers."""
    rows = ledger(settings)
    for r in rows:
        assert r["rows_read"] == r["rows_landed"] + r["rows_quarantined"], r
    landed = {r["feed"]: r["rows_landed"] for r in rows if r["status"] == "landed"}
    assert landed == {name: len(v) for name, v in feeds.items()}
    with vault_connection(settings, read_only=True) as con:
        for name, v in feeds.items():
            assert con.execute(f"SELECT count(*) FROM raw.{name}").fetchone()[0] == len(v)
        assert (
            con.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'staging'").fetchone()[0]
            == 0
        )
    ok, message = audit.verify(settings)
    assert ok, message
    assert not [p for p in locking.temp_root(settings).rglob("*") if p.is_file()]


def _small_feeds() -> dict[str, list[dict]]:
    """Small feeds without free text (scrubbing is tested elsewhere; here it would only cost time)."""
    feeds = make_feeds(120, 2, seed=11)
    for b in feeds["benefits"]:
        b["comment"] = ""
    return feeds


@pytest.fixture
def small_feeds():
    return _small_feeds()


BASE_KEY = "5a" * 32


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    """The warehouse an uninterrupted run builds (same files, same master key), built once."""
    home = tmp_path_factory.mktemp("baseline")
    s = Settings(home=home / "var", key_file=home / "keys" / "master.key")
    s.ensure_dirs()
    mp = pytest.MonkeyPatch()
    mp.setenv("CONFIANCE_MASTER_KEY", BASE_KEY)
    mp.setenv("CONFIANCE_ACTOR", "test-runner")
    try:
        write_feeds(s.inbox, _small_feeds())
        land_inbox(s)
        cross_to_warehouse(s)
        return warehouse_digest(s)
    finally:
        mp.undo()


# --- fast: leftovers found at open ------------------------------------------------------------------


def test_stale_spill_files_are_removed_and_audited(settings: Settings, small_feeds):
    """Encrypted spill files of a dead process used to brick every vault command (temp_file_encryption)."""
    feeds = small_feeds
    write_feeds(settings.inbox, feeds)
    land_inbox(settings)
    stale = locking.temp_root(settings)
    (stale / "4242-deadbeef").mkdir(parents=True)
    (stale / "4242-deadbeef" / "duckdb_temp_storage_DEFAULT-0.tmp").write_bytes(os.urandom(70_000))
    (stale / "duckdb_temp_storage_S64K-0.tmp").write_bytes(os.urandom(1000))  # the layout before this fix
    with vault_connection(settings) as con:
        assert con.execute("SELECT count(*) FROM raw.members").fetchone()[0] == len(feeds["members"])
    assert list(stale.iterdir()) == []
    entry = [e for e in audit.entries(settings) if e["action"] == "recovery.leftovers_removed"][-1]
    assert entry["details"]["files"] == 2 and entry["details"]["bytes"] == 71_000
    assert audit.verify(settings)[0]


def test_reader_does_not_touch_a_writer_spill_folder(settings: Settings, small_feeds):
    write_feeds(settings.inbox, small_feeds)
    land_inbox(settings)
    with vault_connection(settings, read_only=True):
        live = [p for p in locking.temp_root(settings).iterdir()]
        assert len(live) == 1 and live[0].name.startswith(f"{os.getpid()}-")
    assert list(locking.temp_root(settings).iterdir()) == []


def test_second_writer_waits_then_refuses_clearly(settings: Settings, small_feeds, monkeypatch):
    write_feeds(settings.inbox, small_feeds)
    land_inbox(settings)
    monkeypatch.setenv("CONFIANCE_LOCK_TIMEOUT", "1")
    # the first writer is another process holding the vault while it crosses
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            PRELUDE.format(home=str(settings.home), key_file=str(settings.key_file))
            + textwrap.dedent("""
        import time
        from vault.db import vault_connection
        with vault_connection(s, operation="crossing") as con:
            print("holding", flush=True)
            time.sleep(30)
    """),
        ],
        env=os.environ.copy(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert proc.stdout.readline().strip() == b"holding"
        with pytest.raises(locking.VaultBusyError) as err:
            land_inbox(settings)
        message = str(err.value)
        assert f"pid {proc.pid}" in message and "crossing" in message and "waited 1 s" in message
        with pytest.raises(locking.VaultBusyError):
            cross_to_warehouse(settings)
    finally:
        proc.kill()
        proc.wait()
    # the kernel released the dead holder's lock: no stale lock, no manual step
    land_inbox(settings)
    cross_to_warehouse(settings)


def test_database_key_rotation_interrupted_after_the_swap_is_completed_and_audited(settings: Settings, small_feeds):
    from vault.rotation import rotate_database_key

    feeds = small_feeds
    write_feeds(settings.inbox, feeds)
    land_inbox(settings)
    master = keys.load_master_key(settings)
    rotate_database_key(settings)
    keys.write_sidecar(settings, master, 1)  # as if killed right after the file swap: sidecar still says v1
    with vault_connection(settings, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM raw.members").fetchone()[0] == len(feeds["members"])
    assert keys.read_sidecar(settings)["db_key_version"] == 2
    assert audit.entries(settings)[-1]["action"] == "recovery.database_key_rotation_completed"
    assert audit.verify(settings)[0]


# --- slow: real SIGKILL at several points, then rerun -------------------------------------------------


@pytest.mark.slow
def test_kill_while_landing_spills_then_rerun(settings: Settings):
    """A large file landed with a small memory limit spills encrypted temporary files; kill -9 then rerun."""
    from confiance.identifiers import make_nir
    from tests.vault.vault_fixtures import COLS, write_csv

    base = make_feeds(200, 0)["members"]
    n = 150_000
    rows = [
        dict(m, member_id=f"A{i:09d}", nir=make_nir("F", 2011, 1 + (i // 999) % 12, "69", 1 + i // 11988, 1 + i % 999))
        for i in range(n)
        for m in [base[i % len(base)]]
    ]
    write_csv(settings.inbox / "members_big.csv", rows, COLS["members"])
    run_child(
        settings,
        """
        import threading, time
        from vault.locking import temp_root
        from vault.landing import land_inbox
        def watch():
            while True:
                if any(p.is_file() for p in temp_root(s).rglob("*")):
                    die()  # at once: a spill file can be deleted a moment after it was written
                time.sleep(0.01)
        threading.Thread(target=watch, daemon=True).start()
        land_inbox(s)
    """,
        env={"CONFIANCE_VAULT_MEMORY_LIMIT": "100MB"},
    )
    spilled = [p for p in locking.temp_root(settings).rglob("*") if p.is_file()]
    assert spilled, "the child was meant to die while spilling"
    (r,) = land_inbox(settings)
    assert (r["status"], r["rows_read"], r["rows_landed"], r["rows_quarantined"]) == ("landed", n, n, 0)
    assert_consistent(settings, {"members": rows})
    recovered = [e for e in audit.entries(settings) if e["action"] == "recovery.leftovers_removed"]
    assert recovered and recovered[0]["details"]["files"] >= len(spilled)


KILL_POINTS = {
    # inside the warehouse transaction, after the first pseudo table was written
    "crossing_mid_transaction": """
        import vault.crossing as c
        real = c._outbound_scan
        def scan(*a):
            real(*a)
            die()
        c._outbound_scan = scan
        c.cross_to_warehouse(s)
    """,
    # after the crossing committed, before it was audited
    "crossing_before_audit": """
        import vault.crossing as c
        real = c.audit.append
        def append(settings, actor, action, details):
            if action == "crossing.warehouse":
                die()
            real(settings, actor, action, details)
        c.audit.append = append
        c.cross_to_warehouse(s)
    """,
    # inside the domain-key rotation transaction
    "domain_rotation_mid_transaction": """
        import vault.rotation as r
        real = r.refresh_member_tokens
        def refresh(*a):
            real(*a)
            die()
        r.refresh_member_tokens = refresh
        r.rotate_domain_key(s, "insurer")
    """,
    # domain-key rotation committed, killed before its audit entry
    "domain_rotation_before_audit": """
        import vault.rotation as r
        real = r.audit.append
        def append(settings, actor, action, details):
            if action == "key.domain.rotated":
                die()
            real(settings, actor, action, details)
        r.audit.append = append
        r.rotate_domain_key(s, "insurer")
    """,
    # database-key rotation: while the re-encrypted copy is written, and right after the swap
    "database_rotation_during_copy": """
        import vault.db as d
        import vault.rotation as r
        real = d._attach
        def attach(con, path, alias, key, read_only):
            real(con, path, alias, key, read_only)
            if alias == "new":
                con.execute("CREATE TABLE new.half_written AS SELECT 1 AS x")
                con.execute("CHECKPOINT new")
                die()
        d._attach = attach
        r.rotate_database_key(s)
    """,
    "database_rotation_after_swap": """
        import os as _os
        import vault.rotation as r
        real = _os.replace
        def replace(a, b):
            real(a, b)
            if str(b).endswith("vault.duckdb"):
                die()
        r.os.replace = replace
        r.rotate_database_key(s)
    """,
    # between writing an audit entry and its head
    "audit_between_entry_and_head": """
        import vault.audit as a
        a._write_head = lambda *args: die()
        a.append(s, "tester", "test.event", {"rows": 1})
    """,
}


@pytest.mark.slow
@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_kill_then_rerun_gives_the_uninterrupted_result(settings: Settings, small_feeds, baseline, point, monkeypatch):
    monkeypatch.setenv("CONFIANCE_MASTER_KEY", BASE_KEY)  # the baseline's key: same tokens
    write_feeds(settings.inbox, small_feeds)
    land_inbox(settings)
    if point != "crossing_mid_transaction":
        cross_to_warehouse(settings)
    before = warehouse_digest(settings) if point.startswith("domain") or point.startswith("database") else None
    run_child(settings, KILL_POINTS[point])
    # the rerun: no manual step
    assert [r["status"] for r in land_inbox(settings)] == ["skipped"] * 3
    assert_consistent(settings, small_feeds)
    if point == "domain_rotation_before_audit":
        entry = [e for e in audit.entries(settings) if e["action"] == "recovery.domain_rotation_audited"][-1]
        assert (entry["details"]["domain"], entry["details"]["to_version"]) == ("insurer", 2)
        cross_to_warehouse(settings)  # the re-crossing the killed rotation did not reach
        tokens = warehouse_digest(settings)
        assert tokens != before and tokens["members"][0] == before["members"][0]
        return
    if point.startswith("domain_rotation"):
        from vault.rotation import rotate_domain_key

        assert warehouse_digest(settings) == before  # the killed rotation left the warehouse untouched
        info = rotate_domain_key(settings, "insurer")
        assert (info["from_version"], info["to_version"]) == (1, 2)
        assert_consistent(settings, small_feeds)
        return
    if point.startswith("database_rotation"):
        assert not list(settings.vault_dir.glob("vault.duckdb.rekey*"))
        with vault_connection(settings, read_only=True) as con:
            assert con.execute("SELECT count(*) FROM raw.benefits").fetchone()[0] == len(small_feeds["benefits"])
        actions = [e["action"] for e in audit.entries(settings)]
        expected = (
            "recovery.database_key_rotation_completed" if point.endswith("after_swap") else "recovery.leftovers_removed"
        )
        assert expected in actions
        assert warehouse_digest(settings) == before
        return
    cross_to_warehouse(settings)
    assert warehouse_digest(settings) == baseline
    assert_consistent(settings, small_feeds)
    if point.startswith("audit"):
        assert "audit.recovered" in [e["action"] for e in audit.entries(settings)]


@pytest.mark.slow
def test_erasure_killed_before_the_warehouse_is_rebuilt_is_finished_by_the_next_crossing(
    settings: Settings, small_feeds
):
    """Right to erasure: the vault commit happened, the process died before the warehouse was re-crossed and
    compacted. The erased member must not survive in the warehouse file once the pipeline runs again."""
    write_feeds(settings.inbox, small_feeds)
    land_inbox(settings)
    cross_to_warehouse(settings)
    with vault_connection(settings, read_only=True) as con:
        token = con.execute("SELECT member_token FROM meta.member_tokens ORDER BY member_token LIMIT 1").fetchone()[0]
    run_child(
        settings,
        f"""
        import vault.erasure as e
        e.cross_to_warehouse = lambda settings: die()
        e.erase_member(s, {token!r})
    """,
    )
    assert token.encode() in settings.warehouse_db.read_bytes()  # not finished yet
    assert "erasure.member" not in [e["action"] for e in audit.entries(settings)]
    cross_to_warehouse(settings)  # the next pipeline run
    assert token.encode() not in settings.warehouse_db.read_bytes()
    erasures = [e for e in audit.entries(settings) if e["action"] == "erasure.member"]
    assert len(erasures) == 1 and erasures[0]["details"]["rows_deleted"]["raw.members"] == 1
    with vault_connection(settings, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM meta.pending_erasure").fetchone()[0] == 0
    cross_to_warehouse(settings)
    assert len([e for e in audit.entries(settings) if e["action"] == "erasure.member"]) == 1
    assert audit.verify(settings)[0]
