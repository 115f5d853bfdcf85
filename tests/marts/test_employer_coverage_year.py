"""An employer's covered members are counted in the year its report is about, and its status follows from them.

A small warehouse (the synthetic mutuelle of 300 members, closed care years 2023 and 2024) plus employers built for
the edge cases an employer would check against its own staff list:

* members who joined in December of the reported year count for that year, those whose contract ended the year
  before do not (all-time coverage is larger than the year's);
* a contract ending on 1 January covers its member in that year (one day is enough);
* an employer that covered many people before but fewer than k in the reported year is too small to report
  (never ``no_closed_period``, never ``reported``);
* an employer whose contracts start after the last closed year, or ended before the first one, has no closed
  period.

Expectations are written from the rule ("covered in year Y: one of the employer's collective contracts is active on
at least one day of Y"), recounted here from the pseudonymised contracts, never read from the model under test.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pytest

from confiance.identifiers import make_siren, make_siret
from governance.protection import disclosure_parameter
from tests.marts import pseudo_synth
from tests.marts.dbt_support import run_dbt

CUTOFF = "2025-01-01"  # closed care years: 2023 and 2024 (the synthetic benefits' years)
REPORTED_YEAR = 2024
CLOSED_YEARS = (2023, 2024)


def _siret(n: int) -> str:
    return make_siret(make_siren(97_000_000 + n), 1)


#: employer -> groups of (members, contract start, contract end or None)
EMPLOYERS = {
    "december": [(12, "2024-12-01", None), (5, "2020-01-01", "2023-12-31")],
    "shrunk": [(15, "2020-01-01", "2023-12-31"), (8, "2020-01-01", None)],
    "one_day": [(11, "2020-01-01", "2024-01-01")],
    "next_year": [(12, "2025-01-01", None)],
    "ended_before": [(12, "2019-01-01", "2022-12-31")],
}
SIRETS = {name: _siret(i) for i, name in enumerate(EMPLOYERS)}


def _add_employers(db: Path) -> None:
    con = duckdb.connect(str(db))
    n = 0
    for name, groups in EMPLOYERS.items():
        siret = SIRETS[name]
        for count, start, end in groups:
            for _ in range(count):
                n += 1
                token = f"insurer.v1.edge{n:05d}"
                con.execute(
                    "insert into pseudo.members select ?, 1980, '40-44', ?, '75', true, false, ?, date '2015-01-01',"
                    " timestamp '2024-12-31 12:00:00'",
                    [token, "F" if n % 2 else "M", siret],
                )
                con.execute(
                    "insert into pseudo.contracts select ?, ?, 'collective', 'COLLECTIF_BASE', 1, ?, ?, ?, 40.00,"
                    " timestamp '2024-12-31 12:00:00'",
                    [
                        f"insurer.v1.edgecontract{n:05d}",
                        token,
                        siret,
                        date.fromisoformat(start),
                        None if end is None else date.fromisoformat(end),
                    ],
                )
        if name == "december":  # a member with two contracts of the same employer is one covered member
            con.execute(
                "insert into pseudo.contracts select 'insurer.v1.edgecontract-second', member_token, contract_type,"
                " 'COLLECTIF_RENFORCE', 2, employer_siret, date '2024-12-15', null, 10.00, updated_at"
                " from pseudo.contracts where employer_siret = ? and start_date = date '2024-12-01' limit 1",
                [siret],
            )
    con.close()


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> duckdb.DuckDBPyConnection:
    home = tmp_path_factory.mktemp("coverage-year")
    db = home / "warehouse.duckdb"
    pseudo_synth.build(db, 300, n_employers=8, disclosure_cases=False)
    _add_employers(db)
    run_dbt(
        "build",
        db,
        select=["+mart_employer__summary"],
        dbt_vars={"publication_cutoff": CUTOFF},
        target=home / "target",
    )
    con = duckdb.connect(str(db), read_only=True)
    yield con
    con.close()


def _covered(con: duckdb.DuckDBPyConnection, siret: str, year: int | None) -> int:
    """Members with a collective contract of the employer active on at least one day of ``year`` (all-time if None)."""
    where = (
        ""
        if year is None
        else f" and start_date <= date '{year}-12-31' and coalesce(end_date, date '9999-12-31') >= date '{year}-01-01'"
    )
    return con.execute(
        "select count(distinct member_token) from pseudo.contracts"
        f" where contract_type = 'collective' and employer_siret = ?{where}",
        [siret],
    ).fetchone()[0]


def _summary(con: duckdb.DuckDBPyConnection, siret: str) -> dict:
    cur = con.execute("select * from marts.mart_employer__summary where employer_siret = ?", [siret])
    names = [d[0] for d in cur.description]
    rows = cur.fetchall()
    assert len(rows) == 1, siret
    return dict(zip(names, rows[0], strict=True))


def test_december_joiners_count_for_the_year_and_leavers_of_the_year_before_do_not(warehouse):
    siret = SIRETS["december"]
    year_count = _covered(warehouse, siret, REPORTED_YEAR)
    assert year_count == 12 < _covered(warehouse, siret, None) == 17
    row = _summary(warehouse, siret)
    assert (row["report_status"], row["care_year"], row["member_count"]) == ("reported", REPORTED_YEAR, 12)
    # 2023 counted 5 covered members: left out of the breakdown, and the statement says which year.
    assert "2023" in row["statement_fr"] and "2023" in row["statement_en"]
    populations = warehouse.execute(
        "select care_year, sum(population) from (select distinct care_year, age_band, sex, population"
        " from intermediate.int_disclosure__employer_consumption where employer_siret = ?) group by care_year",
        [siret],
    ).fetchall()
    assert populations == [(REPORTED_YEAR, 12)]


def test_one_day_of_cover_in_the_year_is_cover(warehouse):
    siret = SIRETS["one_day"]
    row = _summary(warehouse, siret)
    assert (row["report_status"], row["care_year"], row["member_count"]) == ("reported", REPORTED_YEAR, 11)


def test_fewer_than_k_in_the_reported_year_is_too_small_whatever_the_years_before(warehouse):
    k = int(disclosure_parameter("employer", "k"))
    siret = SIRETS["shrunk"]
    assert _covered(warehouse, siret, REPORTED_YEAR) == 8 < k <= _covered(warehouse, siret, None)
    row = _summary(warehouse, siret)
    assert row["report_status"] == "too_small_to_report"
    assert row["care_year"] == REPORTED_YEAR
    assert row["member_count"] is None and row["masking"] == "masked"
    assert f"moins de {k} salariés couverts en {REPORTED_YEAR}" in row["statement_fr"]
    assert f"fewer than {k} covered employees in {REPORTED_YEAR}" in row["statement_en"]
    # Nothing of it enters the cells the employer tables are built from.
    n = warehouse.execute(
        "select count(*) from intermediate.int_disclosure__employer_consumption where employer_siret = ?", [siret]
    ).fetchone()[0]
    assert n == 0


@pytest.mark.parametrize("name", ["next_year", "ended_before"])
def test_no_cover_in_any_closed_year_is_no_closed_period(warehouse, name):
    row = _summary(warehouse, SIRETS[name])
    assert (row["report_status"], row["care_year"], row["member_count"]) == ("no_closed_period", None, None)


def test_every_employer_reports_the_year_figure_and_the_status_it_implies(warehouse):
    """Over every employer of the warehouse: member_count is the reported year's recount, the status follows k."""
    k = int(disclosure_parameter("employer", "k"))
    rows = warehouse.execute(
        "select employer_siret, report_status, care_year, member_count from marts.mart_employer__summary"
    ).fetchall()
    assert len(rows) >= len(EMPLOYERS) + 8
    for siret, status, year, member_count in rows:
        years = [y for y in CLOSED_YEARS if _covered(warehouse, siret, y) > 0]
        assert year == (max(years) if years else None), siret
        if year is None:
            assert status == "no_closed_period", siret
            continue
        covered = _covered(warehouse, siret, year)
        assert status == ("reported" if covered >= k else "too_small_to_report"), siret
        assert member_count == (covered if covered >= k else None), siret
