"""Every check of the raw-feed suites: data breaking it fails, data respecting it passes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import duckdb
import pyarrow.parquet as pq
import pytest

from confiance.settings import Settings
from quality.runner import validate_feeds_on
from tests.quality.quality_fixtures import AS_OF, build_rows, ledger_for, write_raw


def run_feed(tmp_path, settings, rows, feed: str, *, ledger=None, batch_rows: int | None = None):
    if batch_rows:
        settings.extra["quality_batch_rows"] = batch_rows
    con = duckdb.connect(str(tmp_path / "vault.duckdb"))
    try:
        write_raw(con, rows)
        summary = validate_feeds_on(
            con, settings, f"t_{feed}", ledger_rows=ledger_for() if ledger is None else ledger, only=[feed]
        )
    finally:
        con.close()
    return summary


def stored(settings, dataset: str) -> dict:
    from quality import results

    return results.latest(settings.quality_dir)[dataset]


def failed_checks(settings, dataset: str) -> dict[str, dict]:
    return {c["check"]: c for c in stored(settings, dataset)["checks"] if not c["success"]}


def test_valid_feeds_pass_every_check(tmp_path, settings, rows):
    con = duckdb.connect(str(tmp_path / "vault.duckdb"))
    write_raw(con, rows)
    summary = validate_feeds_on(con, settings, "clean", ledger_rows=ledger_for())
    con.close()
    for dataset, s in summary["datasets"].items():
        assert s["success"], (dataset, s["blocking_failures"], s["warnings"])
        assert s["evaluated"] > 15 and s["passed"] == s["evaluated"]
    assert summary["success"] and not summary["blocking"]
    # Every pillar is represented in the generated suites.
    dims = {
        c["dimension"] for d in ("raw.members", "raw.contracts", "raw.benefits") for c in stored(settings, d)["checks"]
    }
    assert {"uniqueness", "freshness", "completeness", "conformity", "accuracy"} <= dims
    assert (settings.quality_dir / "data_docs" / "index.html").exists()


def _set(feed: str, index: int, **values) -> Callable[[dict], int]:
    def mutate(rows: dict) -> int:
        rows[feed][index].update(values)
        return index

    return mutate


def _copy_key(feed: str, column: str, src: int, dst: int) -> Callable[[dict], int]:
    def mutate(rows: dict) -> int:
        rows[feed][dst][column] = rows[feed][src][column]
        return dst

    return mutate


def _duplicate_benefit_line(rows: dict) -> int:
    b = dict(rows["benefits"][10])
    b["benefit_id"] = "P999999999999"
    rows["benefits"].append(b)
    return len(rows["benefits"]) - 1


def _overlapping_individual(rows: dict) -> int:
    c = dict(rows["contracts"][1])  # member 2 already holds an open individual contract
    c.update(contract_id="C9999999999", start_date=dt.date(2024, 1, 1), end_date=None)
    rows["contracts"].append(c)
    return len(rows["contracts"]) - 1


def _emails_missing(share: float) -> Callable[[dict], int]:
    def mutate(rows: dict) -> int:
        n = int(len(rows["members"]) * share)
        for r in rows["members"][-n:]:
            r["email"] = None
        return len(rows["members"]) - 1

    return mutate


# (feed, mutation returning the broken row's index, check expected to fail, blocking?)
# Within a feed every case breaks a different row, so one validation run per feed serves every case,
# and each case is proven by its own row showing up among the failing rows of its check.
BREAKS = [
    ("members", _copy_key("members", "member_id", 0, 1), "member_id.unique", True),
    ("members", _copy_key("members", "nir", 2, 3), "nir.unique", True),
    ("members", _set("members", 4, nir="185017510000199"), "nir_control_key", True),
    ("members", _set("members", 5, last_name=None), "last_name.not_null", True),
    ("members", _emails_missing(0.4), "email.completeness", False),
    ("members", _set("members", 6, postal_code="98000"), "postal_code_departement", False),
    ("members", _set("members", 7, postal_code="7501"), "postal_code.pattern", True),
    ("members", _set("members", 8, employer_siret="12345678901235"), "siret_luhn", True),
    ("members", _set("members", 9, sex="X"), "sex.in_set", True),
    ("members", _set("members", 10, birth_date=dt.date(1890, 5, 1)), "birth_date.date_range", True),
    ("members", _set("members", 11, birth_date=AS_OF + dt.timedelta(days=3)), "birth_date.date_range", True),
    ("members", _set("members", 12, member_id="B123"), "member_id.pattern", True),
    ("contracts", _overlapping_individual, "one_active_individual_contract", True),
    ("contracts", _set("contracts", 3, end_date=dt.date(2019, 1, 1)), "end_after_start", True),
    ("contracts", _set("contracts", 5, guarantee_level=7), "guarantee_level.range", True),
    ("contracts", _set("contracts", 7, product_code="GOLD"), "product_code.in_set", True),
    ("contracts", _copy_key("contracts", "contract_id", 8, 9), "contract_id.unique", True),
    ("contracts", _set("contracts", 10, employer_siret="12345678901235"), "siret_luhn", True),
    ("contracts", _set("contracts", 11, monthly_premium=-3), "monthly_premium.range", True),
    ("benefits", _duplicate_benefit_line, "no_duplicate_benefit_line", True),
    ("benefits", _copy_key("benefits", "benefit_id", 0, 1), "benefit_id.unique", True),
    ("benefits", _set("benefits", 2, out_of_pocket=9.0), "amounts_add_up", True),
    ("benefits", _set("benefits", 3, complementary_reimbursement=80.0), "reimbursement_within_cost", True),
    ("benefits", _set("benefits", 4, care_date=dt.date(2025, 6, 27)), "care_before_payment", True),
    ("benefits", _set("benefits", 5, care_date=dt.date(2019, 6, 1)), "benefit_within_contract", False),
    ("benefits", _set("benefits", 6, contract_id="C0000009999"), "benefit_within_contract", False),
    ("benefits", _set("benefits", 7, act_family="magic"), "act_family.in_set", True),
    ("benefits", _set("benefits", 8, care_date=AS_OF + dt.timedelta(days=10)), "care_date.date_range", True),
    ("benefits", _set("benefits", 9, actual_cost=None), "actual_cost.not_null", True),
]


@pytest.fixture(scope="module")
def broken_runs(tmp_path_factory) -> dict:
    """One validation per feed with every case of BREAKS applied; case -> broken row's line."""
    root = tmp_path_factory.mktemp("broken")
    settings = Settings(home=root / "home", key_file=root / "no.key", extra={"as_of": AS_OF.isoformat()})
    rows = build_rows()
    lines = {}
    for k, (_feed, mutate, _check, _blocking) in enumerate(BREAKS):
        lines[k] = mutate(rows) + 2  # line 1 is the header
    con = duckdb.connect(str(root / "vault.duckdb"))
    write_raw(con, rows)
    summary = validate_feeds_on(con, settings, "broken", ledger_rows=ledger_for())
    con.close()
    return {"settings": settings, "summary": summary, "lines": lines}


@pytest.mark.parametrize("case", range(len(BREAKS)), ids=[f"{b[0]}-{b[2]}" for b in BREAKS])
def test_breaking_data_fails_the_check(broken_runs, case):
    feed, _mutate, check, blocking = BREAKS[case]
    settings = broken_runs["settings"]
    failed = failed_checks(settings, f"raw.{feed}")
    assert check in failed, (check, sorted(failed))
    assert failed[check]["severity"] == ("error" if blocking else "warning")
    s = broken_runs["summary"]["datasets"][f"raw.{feed}"]
    assert not s["success"]
    reasons = s["blocking_failures"] if blocking else s["warnings"]
    assert any(r.startswith(check + " ") for r in reasons)
    if not blocking:
        assert not any(r.startswith(check + " ") for r in s["blocking_failures"])
    # the row this case broke is among the check's failing rows (by file and line, never by value)
    refs = pq.read_table(settings.quality_dir / failed[check]["failed_rows_file"]).to_pylist()
    assert {"_file_id": f"{feed}_20250629.csv", "_line": broken_runs["lines"][case], "check": check} in refs


def test_breaks_fail_only_their_own_checks(broken_runs):
    expected = {f"raw.{feed}": set() for feed in ("members", "contracts", "benefits")}
    for feed, _m, check, _b in BREAKS:
        expected[f"raw.{feed}"].add(check)
    # collateral: an unmappable 4-digit postal code also maps to no département
    for dataset, checks in expected.items():
        extra = set(failed_checks(broken_runs["settings"], dataset)) - checks
        assert extra <= {"postal_code_departement", "amounts_add_up", "care_before_payment"}, (dataset, extra)


def test_completeness_threshold_tolerates_missing_values_within_the_contract(tmp_path, settings, rows):
    _emails_missing(0.2)(rows)  # completeness_min 0.7: 80 % filled is fine
    run_feed(tmp_path, settings, rows, "members")
    assert "email.completeness" not in failed_checks(settings, "raw.members")
    check = next(c for c in stored(settings, "raw.members")["checks"] if c["check"] == "email.completeness")
    assert check["unexpected_count"] == 12 and check["success"]


def test_non_overlapping_individual_contracts_pass(tmp_path, settings, rows):
    rows["contracts"][1]["end_date"] = dt.date(2023, 12, 31)
    c = dict(rows["contracts"][1])
    c.update(contract_id="C9999999999", start_date=dt.date(2024, 1, 1), end_date=None)
    rows["contracts"].append(c)
    run_feed(tmp_path, settings, rows, "contracts")
    assert failed_checks(settings, "raw.contracts") == {}


def test_stale_records_and_late_files_fail_freshness(tmp_path, settings, rows):
    for r in rows["members"]:
        r["updated_at"] = dt.datetime(2025, 6, 1)
    summary = run_feed(tmp_path, settings, rows, "members", ledger=ledger_for(days_ago=5))
    failed = failed_checks(settings, "raw.members")
    assert {"updated_at.freshness", "file_arrival.freshness"} <= set(failed)
    assert not summary["datasets"]["raw.members"]["blocking"]  # freshness is reported, not blocking


def test_no_landed_file_fails_file_arrival(tmp_path, settings, rows):
    ledger = [dict(r, status="refused") for r in ledger_for()]
    run_feed(tmp_path, settings, rows, "benefits", ledger=ledger)
    assert "file_arrival.freshness" in failed_checks(settings, "raw.benefits")


def test_failed_rows_are_referenced_by_file_and_line_without_values(tmp_path, settings, rows):
    rows["members"][5]["nir"] = rows["members"][5]["nir"][:13] + "00"
    rows["members"][7]["nir"] = rows["members"][7]["nir"][:13] + "00"
    run_feed(tmp_path, settings, rows, "members")
    check = failed_checks(settings, "raw.members")["nir_control_key"]
    assert check["unexpected_count"] == 2 and check["failed_rows"] == 2
    table = pq.read_table(settings.quality_dir / check["failed_rows_file"])
    assert set(table.column_names) == {"_file_id", "_line", "check"}
    assert sorted(table.column("_line").to_pylist()) == [7, 9]  # header is line 1
    assert set(table.column("_file_id").to_pylist()) == {"members_20250629.csv"}


def test_set_level_checks_do_not_depend_on_batch_boundaries(tmp_path, settings):
    rows = build_rows()
    # duplicates far apart: with 25-row batches they fall in different batches
    rows["members"][59]["member_id"] = rows["members"][0]["member_id"]
    settings.extra["quality_engine"] = "pandas"  # batches exist in the pandas fallback only (SQL: one batch)
    summary = run_feed(tmp_path, settings, rows, "members", batch_rows=25)
    s = stored(settings, "raw.members")
    assert s["batches"] == 3 and s["rows"] == 60
    assert failed_checks(settings, "raw.members")["member_id.unique"]["unexpected_count"] == 2
    assert summary["datasets"]["raw.members"]["blocking"]


def test_a_later_file_updating_a_member_is_a_new_version_not_a_duplicate(tmp_path, settings):
    """A members file of changes (issue 16's daily run): the same member id and NIR in a later landed file are
    a new version of that member (landing keeps it, crossing reads the latest), so the raw feed's uniqueness
    holds; a NIR given to another member in that file, and a member twice in one file, still fail."""
    rows = build_rows()
    con = duckdb.connect(str(tmp_path / "vault.duckdb"))
    try:
        write_raw(con, {"members": rows["members"]})
        cols = list(rows["members"][0])
        moved = dict(rows["members"][0], email="nouvelle.adresse@example.fr")  # member A000000001 moved on
        stolen = dict(rows["members"][6], member_id="A000000099", nir=rows["members"][3]["nir"])  # another's NIR
        twice = [dict(rows["members"][10], email=f"v{k}@example.fr") for k in (1, 2)]  # twice in the same file
        later = [moved, stolen, *twice]
        con.executemany(
            f"INSERT INTO raw.members VALUES ({', '.join('?' for _ in range(len(cols) + 2))})",
            [[r[c] for c in cols] + ["members_20250630.csv", k + 2] for k, r in enumerate(later)],
        )
        validate_feeds_on(con, settings, "t_versions", ledger_rows=ledger_for(), only=["members"])
    finally:
        con.close()
    failed = failed_checks(settings, "raw.members")
    # member A000000011 twice in one file: its two rows of that file (not its version in the first file)
    assert failed["member_id.unique"]["unexpected_count"] == 2
    # the NIR of A000000004 now also on A000000099: both rows; A000000001's two versions share theirs: fine
    assert failed["nir.unique"]["unexpected_count"] == 2
    table = pq.read_table(settings.quality_dir / failed["nir.unique"]["failed_rows_file"])
    assert sorted(zip(table.column("_file_id").to_pylist(), table.column("_line").to_pylist())) == [
        ("members_20250629.csv", 5),
        ("members_20250630.csv", 3),
    ]
    table = pq.read_table(settings.quality_dir / failed["member_id.unique"]["failed_rows_file"])
    assert set(table.column("_file_id").to_pylist()) == {"members_20250630.csv"}
