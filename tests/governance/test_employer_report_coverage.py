"""Covered employees are those of the year the report is about, everywhere an employer or the mutuelle reads them.

On the demo's published folders (closed care year 2025; contracts start and end over the years, so an employer's
all-time coverage is larger than its 2025 coverage): the figure is recounted from the pseudonymised contracts with
the rule an employer checks against its staff list ("covered in 2025: a collective contract active on at least one
day of 2025"), then compared with the summary mart, the published summary Parquet, both pages, the workbook, the
manifest and the delivery index. An employer that covered 6 to 10 members in 2025 gets the "too small" statement
naming the year, and no figure, whatever it covered before.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import openpyxl
import pyarrow.parquet as pq
import pytest

from governance.protection import disclosure_parameter

YEAR = 2025  # the demo's one closed care year
OWN = ("mart_employer__yearly", "mart_employer__totals", "mart_employer__consumption")


def _counts(settings, year: int | None) -> dict[str, int]:
    where = (
        ""
        if year is None
        else f" and start_date <= date '{year}-12-31' and coalesce(end_date, date '9999-12-31') >= date '{year}-01-01'"
    )
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    try:
        rows = con.execute(
            "select employer_siret, count(distinct member_token) from pseudo.contracts"
            f" where contract_type = 'collective' and employer_siret is not null{where} group by employer_siret"
        ).fetchall()
    finally:
        con.close()
    return dict(rows)


def _summary_mart(settings) -> dict[str, dict]:
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    try:
        cur = con.execute("select * from marts.mart_employer__summary")
        names = [d[0] for d in cur.description]
        return {r[0]: dict(zip(names, r, strict=True)) for r in cur.fetchall()}
    finally:
        con.close()


@pytest.fixture(scope="module")
def coverage(demo_run):
    settings, _ = demo_run
    return settings, _counts(settings, YEAR), _counts(settings, None)


def _page(folder: Path, name: str) -> str:
    return (folder / name).read_text(encoding="utf-8")


def _shown_covered(page: str) -> int | None:
    found = re.findall(r'data-mart="mart_employer__summary"[^>]*data-column="member_count">([^<]*)<', page)
    if not found:
        return None
    assert len(set(found)) == 1
    return int(re.sub(r"[^\d]", "", found[0]))


def _workbook_facts(folder: Path) -> dict[str, object]:
    wb = openpyxl.load_workbook(folder / "donnees.xlsx", read_only=True)
    try:
        return {row[0]: row[1] for row in wb["À propos"].iter_rows(values_only=True) if row and row[0]}
    finally:
        wb.close()


def test_every_place_reports_the_years_covered_employees_not_all_time(coverage):
    settings, in_year, all_time = coverage
    k = int(disclosure_parameter("employer", "k"))
    mart = _summary_mart(settings)
    deliveries = {
        d["siret"]: d
        for d in json.loads((settings.reports / "employer_deliveries.json").read_text(encoding="utf-8"))["deliveries"]
    }
    moved = [s for s in in_year if in_year[s] >= k and all_time[s] != in_year[s]]
    assert len(moved) >= 3, "the demo has reported employers whose all-time coverage differs from 2025's"
    checked = 0
    for siret in moved:
        folder = settings.published / "employer" / siret
        summary = pq.read_table(folder / "mart_employer__summary.parquet").to_pylist()[0]
        if summary["report_status"] not in ("reported", "nothing_publishable"):
            continue
        expected = in_year[siret]
        assert mart[siret]["member_count"] == expected and mart[siret]["care_year"] == YEAR, siret
        assert summary["member_count"] == expected and summary["care_year"] == YEAR, siret
        fr, en = _page(folder, "rapport_fr.html"), _page(folder, "report_en.html")
        assert _shown_covered(fr) == _shown_covered(en) == expected, siret
        assert f"Salariés couverts en {YEAR}" in fr and f"Covered employees in {YEAR}" in en, siret
        assert _workbook_facts(folder)[f"Salariés couverts en {YEAR}"] == expected, siret
        assert deliveries[siret]["covered_members"] == expected, siret
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["employer"]["report_status"] == summary["report_status"], siret
        checked += 1
    assert checked >= 3


def test_six_to_ten_covered_in_the_year_get_the_too_small_statement_and_no_figure(coverage):
    settings, in_year, all_time = coverage
    k = int(disclosure_parameter("employer", "k"))
    small = [s for s, n in in_year.items() if 6 <= n < k]
    assert small, "the demo has employers covering 6 to 10 members in 2025"
    assert any(all_time[s] >= k for s in small), "including one that covered at least k members over all time"
    mart = _summary_mart(settings)
    for siret in small:
        folder = settings.published / "employer" / siret
        summary = pq.read_table(folder / "mart_employer__summary.parquet").to_pylist()[0]
        assert summary["report_status"] == mart[siret]["report_status"] == "too_small_to_report", siret
        assert summary["member_count"] is None and summary["masking"] == "masked", siret
        assert f"moins de {k} salariés couverts en {YEAR}" in summary["statement_fr"], siret
        assert f"fewer than {k} covered employees in {YEAR}" in summary["statement_en"], siret
        assert not [m for m in OWN if (folder / f"{m}.parquet").exists()], siret
        fr, en = _page(folder, "rapport_fr.html"), _page(folder, "report_en.html")
        assert summary["statement_fr"] in fr.replace("&#39;", "'") and f"en {YEAR}" in fr, siret
        assert f"in {YEAR}" in en, siret
        assert _shown_covered(fr) is None and _shown_covered(en) is None, siret
        for mart_name in OWN:
            assert f'data-mart="{mart_name}"' not in fr, siret
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["employer"]["report_status"] == "too_small_to_report", siret


def test_the_benchmark_note_states_the_dominance_share_of_the_rules(coverage, monkeypatch, tmp_path):
    """The note's share is the rules' (vars.disclosure in dbt_project.yml), and follows an edit of it."""
    import yaml

    from confiance.settings import DBT_PROJECT_FILE
    from governance import protection
    from governance.employer_report import build_documents

    settings, _, _ = coverage
    share = float(disclosure_parameter("employer", "dominance")) * 100
    shown = f"{share:g} %"
    folder = next(p for p in sorted((settings.published / "employer").iterdir()) if p.is_dir())
    assert f"plus de {shown}" in _page(folder, "rapport_fr.html")
    assert f"above {shown} of it" in _page(folder, "report_en.html")

    project = yaml.safe_load(DBT_PROJECT_FILE.read_text(encoding="utf-8"))
    project["vars"]["disclosure"]["employer"]["dominance"] = 0.7
    edited = tmp_path / "dbt_project.yml"
    edited.write_text(yaml.safe_dump(project), encoding="utf-8")
    monkeypatch.setattr(protection, "DBT_PROJECT_FILE", edited)
    out = tmp_path / "out"
    out.mkdir()
    tables = {p.stem: pq.read_table(p) for p in folder.glob("*.parquet")}
    build_documents(
        out,
        folder.name,
        tables,
        name=None,
        run_id="dominance-test",
        published_at="2027-01-05T00:00:00+00:00",
        k=11,
        min_employers=5,
        key_fingerprint="0" * 64,
    )
    assert "plus de 70 %" in _page(out, "rapport_fr.html") and f"plus de {shown}" not in _page(out, "rapport_fr.html")
    assert "above 70 % of it" in _page(out, "report_en.html")
