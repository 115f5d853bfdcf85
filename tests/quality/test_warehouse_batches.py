"""Warehouse quality on what changed (issue 16): through the real encrypted vault, the real crossing and GX, days
landed and crossed one after the other. Per-row checks read only the rows of the crossings since the last
successful check, cross-batch rules (uniqueness, one active individual contract, a benefit within its contract) the
whole table, and the gate's verdict is a whole check's.

Which rows a crossing wrote is told by the crossing's stamp on each row (``quality.batches.CROSSING_STAMP``). The
crossing (vault/crossing.py, not quality's) does not write it yet: until it does, :func:`cross` stamps each row
after the real crossing the way the crossing is asked to — an appended crossing's new stamp on the rows it
(re)wrote (a row identical to one before keeps its stamp: a re-crossed record left unchanged was checked already),
a whole crossing's (the audit's ``appended`` leaves the feed out: first crossing, key rotation, erasure, purge,
objection) on every row. Once the crossing stamps its rows, the emulation steps aside (the column is there) and the
same tests run on the crossing's own stamps. Without any stamp, every check is whole
(``test_without_a_crossing_stamp_every_check_is_whole``)."""

from __future__ import annotations

import secrets
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from confiance.settings import Settings
from quality import results
from quality.batches import CROSSING_STAMP
from quality.gate import blocking_failures
from quality.runner import validate_warehouse
from tests.vault.vault_fixtures import make_feeds, write_feeds
from vault import audit
from vault.crossing import cross_to_warehouse
from vault.landing import land_inbox

TABLES = ("members", "contracts", "benefits")
DATASETS = tuple(f"pseudo.{t}" for t in TABLES)


@pytest.fixture
def settings(tmp_path, monkeypatch) -> Settings:
    monkeypatch.setenv("CONFIANCE_MASTER_KEY", secrets.token_bytes(32).hex())
    monkeypatch.setenv("CONFIANCE_ACTOR", "test-runner")
    s = Settings(home=tmp_path / "var", key_file=tmp_path / "keys" / "master.key")
    s.ensure_dirs()
    return s


# --- the crossing's stamp, emulated until vault/crossing.py writes it ---------------------------------------------


def _stamps(settings: Settings) -> Path:
    """Outside the data directory (an erasure would rightly refuse a file there holding the member's tokens)."""
    return settings.home.parent / "emulated_crossing_stamps.duckdb"


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [r[0] for r in con.execute(f"DESCRIBE pseudo.{table}").fetchall()]


def _set_aside(settings: Settings) -> None:
    """Before a crossing: the emulated stamps kept aside, the column dropped (the crossing appends positionally).
    Nothing to do when the crossing stamps its rows itself (no emulated stamp was ever written)."""
    if not _stamps(settings).exists():
        return
    with duckdb.connect(str(settings.warehouse_db)) as con:
        con.execute(f"ATTACH '{_stamps(settings)}' AS kept")
        for table in TABLES:
            if CROSSING_STAMP in _columns(con, table):
                con.execute(f"CREATE OR REPLACE TABLE kept.{table} AS SELECT * FROM pseudo.{table}")
                con.execute(f"ALTER TABLE pseudo.{table} DROP COLUMN {CROSSING_STAMP}")


def _stamp(settings: Settings) -> None:
    """After a crossing that wrote no stamp: each row stamped as the crossing is asked to (module docstring)."""
    crossings = [e["details"] for e in audit.entries(settings) if e["action"] == "crossing.warehouse"]
    ordinal, appended = len(crossings), crossings[-1].get("appended", {})
    with duckdb.connect(str(settings.warehouse_db)) as con:
        if all(CROSSING_STAMP in _columns(con, table) for table in TABLES) and not _stamps(settings).exists():
            return  # the crossing stamps its rows itself: nothing to emulate
        con.execute(f"ATTACH '{_stamps(settings)}' AS kept")
        kept = {
            r[0]
            for r in con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_catalog = 'kept'"
            ).fetchall()
        }
        for table in TABLES:
            columns = _columns(con, table)
            if CROSSING_STAMP in columns:
                continue  # stamped already (no crossing since the last emulation)
            con.execute(f"ALTER TABLE pseudo.{table} ADD COLUMN {CROSSING_STAMP} BIGINT")
            if table in appended and table in kept:
                same = " AND ".join(f'k."{c}" IS NOT DISTINCT FROM t."{c}"' for c in columns)
                earlier = f"(SELECT max(k.{CROSSING_STAMP}) FROM kept.{table} k WHERE {same})"
                con.execute(f"UPDATE pseudo.{table} AS t SET {CROSSING_STAMP} = coalesce({earlier}, {ordinal})")
            else:
                con.execute(f"UPDATE pseudo.{table} SET {CROSSING_STAMP} = {ordinal}")


def cross(settings: Settings, **kwargs) -> dict[str, int]:
    """The real crossing, its rows stamped (by the crossing, or emulated until it does)."""
    _set_aside(settings)
    counts = cross_to_warehouse(settings, **kwargs)
    _stamp(settings)
    return counts


# --- helpers -------------------------------------------------------------------------------------------------------


def _line(feeds: dict, index: int, new_id: str, **values) -> dict:
    return {
        **feeds["benefits"][index],
        "benefit_id": new_id,
        "care_date": "2024-06-03",
        "payment_date": "2024-06-08",
        "updated_at": "2024-06-08 10:00:00",
    } | values


def _land(settings: Settings, feed: str, rows: list[dict], suffix: str) -> None:
    write_feeds(settings.inbox, {feed: rows}, suffix=suffix)
    (entry,) = [r for r in land_inbox(settings) if r["status"] == "landed"]
    assert entry["rows_landed"] == len(rows), entry


def _stored(settings: Settings, dataset: str = "pseudo.benefits") -> dict:
    return results.latest(settings.quality_dir)[dataset]


def _checks(stored: dict) -> dict[str, dict]:
    return {c["check"]: c for c in stored["checks"]}


def _rows(settings: Settings, table: str) -> int:
    with duckdb.connect(str(settings.warehouse_db), read_only=True) as con:
        return con.execute(f"SELECT count(*) FROM pseudo.{table}").fetchone()[0]


def _year(settings: Settings, seed: int, members: int = 40) -> dict:
    feeds = make_feeds(members, 2, seed=seed)
    write_feeds(settings.inbox, feeds)
    land_inbox(settings)
    cross(settings)
    first = validate_warehouse(settings, "day0")
    for name in DATASETS:
        summary = first["datasets"][name]
        assert summary["batch"] is None and not summary["blocking"], name
        assert summary["whole_reason"] == "no earlier check without a blocking failure"
    assert {c["scope"] for c in _stored(settings)["checks"]} == {"whole table"}
    return feeds


# --- tests ---------------------------------------------------------------------------------------------------------


def test_a_small_appended_day_is_checked_row_by_row_alone_and_says_what_a_whole_check_says(settings):
    feeds = _year(settings, seed=11)
    year_lines = _rows(settings, "benefits")

    # a day: four new benefit lines (no member, no contract file)
    _land(settings, "benefits", [_line(feeds, i, f"P8{i:011d}") for i in range(4)], "2024-06-03")
    assert cross(settings)["benefits"] == year_lines + 4
    day = validate_warehouse(settings, "day1")
    benefits = day["datasets"]["pseudo.benefits"]
    assert benefits["batch"]["rows"] == 4 and len(benefits["batch"]["files"]) == 1
    assert benefits["rows"] == year_lines + 4 and not benefits["blocking"]
    checks = _checks(_stored(settings))
    for name in ("amounts_add_up", "benefit_token.token_format", "comment.no_nir", "care_month.date_range"):
        assert (checks[name]["scope"], checks[name]["element_count"]) == ("batch", 4), name
    # cross-batch rules read the whole table
    for name in ("benefit_token.unique", "benefit_within_contract"):
        assert (checks[name]["scope"], checks[name]["element_count"]) == ("whole table", year_lines + 4), name
    # members and contracts: nothing crossed since, no row read by their per-row checks
    for name in ("pseudo.members", "pseudo.contracts"):
        assert day["datasets"][name]["batch"]["rows"] == 0, name
    members = _checks(_stored(settings, "pseudo.members"))
    assert (members["age_band.format"]["scope"], members["age_band.format"]["element_count"]) == ("batch", 0)
    assert members["member_token.unique"]["scope"] == "whole table"

    # the same data checked whole: the same verdicts, the same counts on the whole table
    incremental = {name: _checks(_stored(settings, name)) for name in DATASETS}
    whole = validate_warehouse(settings, "day1_whole", full=True)
    for name in DATASETS:
        assert whole["datasets"][name]["batch"] is None
        assert whole["datasets"][name]["whole_reason"] == "a whole check was asked"
        for check, c in _checks(_stored(settings, name)).items():
            assert c["scope"] == "whole table"
            assert c["success"] == incremental[name][check]["success"], (name, check)
            if incremental[name][check]["scope"] == "whole table":
                assert c["element_count"] == incremental[name][check]["element_count"], (name, check)

    # a contract landed later gives member 1 a second active individual contract: each row is fine on its own, the
    # whole-table rule finds the pair across the two batches
    second = {**feeds["contracts"][0], "contract_id": "C9000000001", "updated_at": "2024-06-08 10:00:00"}
    assert feeds["contracts"][0]["contract_type"] == "individual"
    _land(settings, "contracts", [second], "2024-06-08")
    cross(settings)
    contracts = validate_warehouse(settings, "day2")["datasets"]["pseudo.contracts"]
    assert contracts["batch"]["rows"] == 1 and contracts["blocking"]
    rule = _checks(_stored(settings, "pseudo.contracts"))["one_active_individual_contract"]
    assert (rule["scope"], rule["success"], rule["unexpected_count"]) == ("whole table", False, 2)
    assert rule["element_count"] == len(feeds["contracts"]) + 1
    assert any(r.startswith("one_active_individual_contract ") for r in blocking_failures(settings)["pseudo.contracts"])


def test_a_bad_row_in_an_appended_batch_fails_the_gate_and_stays_caught_until_fixed(settings):
    feeds = _year(settings, seed=12)
    # amounts that do not add up: the landing and the crossing let the row through, the warehouse rule does not
    bad = _line(feeds, 3, "P800000000009", out_of_pocket="1.00")
    _land(settings, "benefits", [_line(feeds, 0, "P800000000001"), bad], "2024-06-03")
    cross(settings)
    benefits = validate_warehouse(settings, "day1")["datasets"]["pseudo.benefits"]
    assert benefits["batch"]["rows"] == 2 and benefits["blocking"]
    amounts = _checks(_stored(settings))["amounts_add_up"]
    assert (amounts["scope"], amounts["element_count"], amounts["unexpected_count"]) == ("batch", 2, 1)
    (reason,) = [r for r in blocking_failures(settings)["pseudo.benefits"] if r.startswith("amounts_add_up ")]
    assert "(scope: the rows of the 1 crossing(s) since the last successful check" in reason
    # the failing row is referenced by its token, never a value
    refs = pq.read_table(settings.quality_dir / amounts["failed_rows_file"]).to_pylist()
    assert len(refs) == 1 and set(refs[0]) == {"benefit_token", "check"}

    # a clean day after: the bad row's crossing is still not covered by a successful check, so it is read again
    _land(settings, "benefits", [_line(feeds, 5, "P800000000010")], "2024-06-04")
    cross(settings)
    benefits = validate_warehouse(settings, "day2")["datasets"]["pseudo.benefits"]
    assert benefits["batch"]["rows"] == 3 and len(benefits["batch"]["files"]) == 2
    assert benefits["blocking"]
    assert _checks(_stored(settings))["amounts_add_up"]["unexpected_count"] == 1

    # fixed at the source: a corrected version of the line crosses, the gate opens, and the next day reads its rows
    fixed = dict(bad, out_of_pocket=feeds["benefits"][3]["out_of_pocket"], updated_at="2024-06-09 10:00:00")
    _land(settings, "benefits", [fixed], "2024-06-05")
    cross(settings)
    benefits = validate_warehouse(settings, "day3")["datasets"]["pseudo.benefits"]
    assert not benefits["blocking"] and benefits["batch"]["rows"] == 3  # the three lines since day0's check
    _land(settings, "benefits", [_line(feeds, 6, "P800000000011")], "2024-06-06")
    cross(settings)
    assert validate_warehouse(settings, "day4")["datasets"]["pseudo.benefits"]["batch"]["rows"] == 1


def test_after_a_key_rotation_or_an_erasure_the_check_is_whole_again(settings):
    from vault.erasure import erase_member
    from vault.rotation import rotate_domain_key

    feeds = _year(settings, seed=13)
    _land(settings, "benefits", [_line(feeds, 0, "P800000000001")], "2024-06-03")
    cross(settings)
    assert validate_warehouse(settings, "day1")["datasets"]["pseudo.benefits"]["batch"]["rows"] == 1

    # a key rotation re-crosses everything (every token changes): no row is in a checked crossing any more
    rotate_domain_key(settings, settings.warehouse_domain)
    _stamp(settings)
    rotated = validate_warehouse(settings, "rotated")
    for name in DATASETS:
        summary = rotated["datasets"][name]
        assert summary["batch"] is None and not summary["blocking"], name
        assert summary["whole_reason"] == "no row is in a crossing the last successful check covered", name
        assert summary["rows"] == _rows(settings, name.split(".")[1])
    assert {c["scope"] for c in _stored(settings)["checks"]} == {"whole table"}
    token_format = _checks(_stored(settings))["benefit_token.token_format"]
    assert token_format["element_count"] == _rows(settings, "benefits")

    # then a small day again: row by row on it alone
    _land(settings, "benefits", [_line(feeds, 1, "P800000000002")], "2024-06-04")
    cross(settings)
    assert validate_warehouse(settings, "day2")["datasets"]["pseudo.benefits"]["batch"]["rows"] == 1

    # an erasure crosses whole (then deletes the member's rows everywhere): whole again
    with duckdb.connect(str(settings.warehouse_db), read_only=True) as con:
        (token,) = con.execute("SELECT member_token FROM pseudo.members ORDER BY member_token LIMIT 1").fetchone()
    _set_aside(settings)
    erase_member(settings, token)
    _stamp(settings)
    erased = validate_warehouse(settings, "erased")
    for name in DATASETS:
        assert erased["datasets"][name]["batch"] is None, name
        assert erased["datasets"][name]["whole_reason"].startswith("no row is in a crossing"), name


def test_without_a_crossing_stamp_every_check_is_whole(settings):
    """The warehouse as the crossing writes it today (no stamp): whole checks, and the reason says why."""
    feeds = make_feeds(30, 2, seed=14)
    write_feeds(settings.inbox, feeds)
    land_inbox(settings)
    cross_to_warehouse(settings)
    with duckdb.connect(str(settings.warehouse_db), read_only=True) as con:
        if CROSSING_STAMP in _columns(con, "benefits"):
            pytest.skip("the crossing stamps its rows: covered by the other tests")
    validate_warehouse(settings, "day0")
    _land(settings, "benefits", [_line(feeds, 0, "P800000000001")], "2024-06-03")
    cross_to_warehouse(settings)
    day = validate_warehouse(settings, "day1")
    for name in DATASETS:
        assert day["datasets"][name]["batch"] is None, name
        assert (
            day["datasets"][name]["whole_reason"]
            == f"its rows carry no {CROSSING_STAMP} column (nothing tells which rows are new)"
        )
    checks = _checks(_stored(settings))
    assert checks["amounts_add_up"]["element_count"] == len(feeds["benefits"]) + 1
