"""Late claims over time: a published closed year is final, and a late claim no longer refuses the next release.

The attacker (docs/disclosure-control.md, section 1) is any consumer holding every file it ever received: two
releases of one closed year that differ subtract, down to one bill. So the gate refuses a release that would revise a
published figure; before the payment-date rule, the claims of a closed year paid after it closed (1 % of a year on
red team 3's mutuelle) refused all four consumers, release after release (red team 3, G2).

The session's published release (tests/marts/conftest.py: 3,000 members, care of 2023 and 2024, both closed,
``closing_lag_months`` 0: a year closes on 31 December) is what every consumer already holds. On a copy of its
warehouse, claims of 2024 care land that were paid in September 2025, after every closing date of 2024: a sample of
ordinary lines and two large dental bills for a dozen members of one employer (the bills a colleague might know).
The consumer's view: every consumer publishes again (or stands unchanged), and every cell it already held comes back
identical, masked or not. The negative control builds the same warehouse with the rule taken out of the dbt project
(a copy whose ``paid_by_closing`` is always true): the figures move and the gate refuses. A line of 2024 care paid
by the closing date but landed late (a delayed feed) is counted: the rule is the payment date, not the landing date.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from confiance.pipeline_inputs import publication_services
from confiance.settings import DBT_PROJECT_DIR
from tests.marts.dbt_support import run_dbt

CONSUMERS = ("insurer", "employer", "dataviz", "prevention")
# After every closing date of 2024's figures (lag 0): 31 December 2024 for the yearly tables, 30 June 2025 for
# the prevention programme, whose follow-up of a 2024 check-up counts care paid until its end plus 6 months (a
# 2024 claim paid in February 2025 is on time for the programme: landed after its release, it revises it).
PAID_LATE = "2025-09-01"


def _land(db: Path, payment_month: str, tag: str) -> int:
    """Claims of 2024 care paid in ``payment_month`` land in the pseudonymised warehouse; returns how many."""
    con = duckdb.connect(str(db))
    try:
        before = con.execute("select count(*) from pseudo.benefits").fetchone()[0]
        # ordinary claims: one 2024 line in ten again, as a second bill of the same care
        con.execute(
            f"""insert into pseudo.benefits
            select * replace ('insurer.v1.' || md5('{tag}' || benefit_token) as benefit_token,
                              date '{payment_month}' as payment_month)
            from pseudo.benefits
            where year(care_month) = 2024 and hash(benefit_token, '{tag}') % 10 = 0"""
        )
        # two large dental bills each for twelve covered members of one employer
        targets = con.execute(
            """select b.member_token, any_value(b.benefit_token) as line
            from pseudo.benefits b join pseudo.contracts c using (contract_token)
            where year(b.care_month) = 2024 and c.contract_type = 'collective'
              and c.employer_siret = (
                  select employer_siret from pseudo.contracts where contract_type = 'collective'
                  group by employer_siret order by count(distinct member_token) desc, employer_siret limit 1)
            group by b.member_token order by b.member_token limit 12"""
        ).fetchall()
        for n, (_token, line) in enumerate(targets):
            for bill in (1, 2):
                con.execute(
                    f"""insert into pseudo.benefits
                    select * replace ('insurer.v1.' || md5('{tag}{bill}' || benefit_token) as benefit_token,
                                      'dental' as act_family, cast({2400 + 37 * n + bill} as decimal(12, 2))
                                      as actual_cost, date '{payment_month}' as payment_month)
                    from pseudo.benefits where benefit_token = ?""",
                    [line],
                )
        return con.execute("select count(*) from pseudo.benefits").fetchone()[0] - before
    finally:
        con.close()


def _publish(settings, run_id: str) -> dict:
    from governance.publish import publish_all

    with pytest.MonkeyPatch.context() as env:  # scoped: later tests publish with their own manifest
        env.setenv("DBT_TARGET_PATH", str(settings.home / "dbt" / "target"))
        return publish_all(settings, run_id, publication_services())["consumers"]


def _release(root: Path) -> dict[str, pd.DataFrame]:
    """Every Parquet file of a consumer's published folders, by path under published/, rows in a canonical order."""
    out = {}
    for path in sorted(root.rglob("*.parquet")):
        frame = pd.read_parquet(path)
        frame = frame.sort_values(list(frame.columns), na_position="first", kind="stable").reset_index(drop=True)
        out[str(path.relative_to(root))] = frame
    return out


def _query(db: Path, sql: str):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchone()
    finally:
        con.close()


def _run_project(project: Path, db: Path, target: Path) -> None:
    """``dbt run`` of a (patched) copy of the project on ``db``."""
    env = {**os.environ, "CONFIANCE_WAREHOUSE_DB": str(db), "DO_NOT_TRACK": "1", "DBT_TARGET_PATH": str(target)}
    args = [str(Path(sys.executable).parent / "dbt"), "run", "--project-dir", str(project)]
    args += ["--profiles-dir", str(project), "--quiet"]
    result = subprocess.run(args, env=env, capture_output=True, text=True, timeout=900, check=False)  # noqa: S603
    assert result.returncode == 0, f"dbt run failed:\n{result.stdout[-3000:]}\n{result.stderr[-2000:]}"


@pytest.fixture()
def held(published):
    """What every consumer holds: the session's release, Parquet by Parquet."""
    settings, summary = published
    for consumer in CONSUMERS:
        assert summary["consumers"][consumer]["status"] == "published", summary["consumers"][consumer]
    return _release(settings.published)


def test_claims_paid_after_the_closing_date_leave_every_published_cell_as_it_was(held, copy_home):
    settings = copy_home
    count_late = "select sum(late_line_count) from intermediate.int_benefits__late_lines where care_year = 2024"
    (late_before,) = _query(settings.warehouse_db, count_late)
    landed = _land(settings.warehouse_db, PAID_LATE, "late")
    assert landed > 100, "the test needs late claims"
    run_dbt("run", settings.warehouse_db, target=settings.home / "dbt" / "target")
    # not lost: staff and the DPO see exactly the late lines (none of which enters a published figure)
    (late_after,) = _query(settings.warehouse_db, count_late)
    assert (late_after or 0) - (late_before or 0) == landed
    outcome = _publish(settings, "late_claims")
    for consumer in CONSUMERS:
        assert outcome[consumer]["status"] in ("published", "unchanged"), (consumer, outcome[consumer])
    # the consumer's view: the two releases of the closed years 2023 and 2024 are the same, cell for cell
    now = _release(settings.published)
    assert set(now) == set(held), "a release gained or lost a file"
    differ = [name for name, frame in held.items() if not frame.equals(now[name])]
    assert not differ, f"{len(differ)} published files changed, e.g. {differ[:3]}"


def test_without_the_payment_rule_the_same_late_claims_revise_and_are_refused(held, copy_home, tmp_path):
    """Negative control: the same warehouse built by a copy of the dbt project whose rule counts every line."""
    settings = copy_home
    _land(settings.warehouse_db, PAID_LATE, "late")
    project = tmp_path / "dbt_project"
    shutil.copytree(DBT_PROJECT_DIR, project, ignore=shutil.ignore_patterns("target", "logs", "dbt_packages"))
    macro = project / "macros" / "disclosure" / "publication_period.sql"
    text = macro.read_text()
    patched, n = re.subn(
        r"(\{% macro paid_by_closing\(.*?\) -%\}).*?(\{%- endmacro %\})", r"\1\n    1 = 1\n\2", text, flags=re.S
    )
    assert n == 1, "the payment rule's macro was not found"
    macro.write_text(patched)
    _run_project(project, settings.warehouse_db, settings.home / "dbt" / "target")
    outcome = _publish(settings, "late_claims_no_rule")
    refused = [c for c in CONSUMERS if outcome[c]["status"] == "refused"]
    assert refused, outcome
    reasons = [r for c in refused for r in outcome[c]["reasons"]]
    assert any("revis" in r for r in reasons), reasons


def test_claims_paid_by_the_closing_date_but_landed_late_are_counted(copy_home):
    settings = copy_home
    db = settings.warehouse_db
    (lines_before,) = _query(db, "select sum(line_count) from intermediate.int_benefits__member_atoms")
    count_late = "select sum(late_line_count) from intermediate.int_benefits__late_lines where care_year = 2024"
    (late_before,) = _query(db, count_late)
    landed = _land(db, "2024-12-01", "delayed")
    run_dbt(
        "run",
        db,
        select=["int_benefits__member_atoms", "int_benefits__late_lines"],
        target=settings.home / "dbt" / "target",
    )
    (lines_after,) = _query(db, "select sum(line_count) from intermediate.int_benefits__member_atoms")
    assert lines_after - lines_before == landed
    (late_after,) = _query(db, count_late)
    assert late_after == late_before, "a line paid by 31 December 2024 is not late for 2024"
