"""The report's broad care families, checked as the employer would read them.

The gate sends the broad table only to the employers whose pattern with it publishes more
(tests/marts/test_attack_broad_families.py checks the released folders), so these tests build an employer's
documents the way the gate does (``build_documents``) from a demo employer's own published tables plus its broad
families as dbt built them in the demo warehouse (``marts`` schema, masked cells emptied), whichever employer it is,
and check: the section appears only when it holds a published value, with the sentence on why groups
rather than families (French first, English alongside) and what each group holds; every number on the pages and
in the CSV/XLSX copies equals the Parquet value it comes from; no masked value and no reason code is shown; and an
employer is "reported" when its only published figure is a broad family.
"""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path

import duckdb
import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from governance.employer_report import build_documents
from tests.governance.test_employer_report import matching_rows, parse_page, shown_number, summary_row

BROAD = "mart_employer__broad_families"
OWN = ("mart_employer__yearly", "mart_employer__totals", "mart_employer__consumption")
VALUES = ("member_count", "benefit_line_count", "actual_cost", "ss_reimbursement", "complementary_reimbursement")
CSV_NAME = "totaux_grandes_familles.csv"
REASONS = re.compile(r"\b(primary|dominance|p_percent|secondary|primary_reason)\b")


@pytest.fixture(scope="module")
def demo(demo_run):
    settings, _results = demo_run
    folders = sorted(p for p in (settings.published / "employer").iterdir() if p.is_dir())
    reported = [f for f in folders if summary_row(f)["report_status"] == "reported"]
    assert reported, "the demo has reported employers"
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    broad = con.execute(f"select * from marts.{BROAD}").fetch_arrow_table()
    con.close()
    return reported, broad


def _with_broad(folder: Path, broad: pa.Table, change=None) -> dict[str, pa.Table]:
    tables = {p.stem: pq.read_table(p) for p in folder.glob("*.parquet")}
    mine = broad.filter(pa.compute.equal(broad.column("employer_siret"), folder.name))
    if change is not None:
        mine = pa.Table.from_pylist([change(dict(r)) for r in mine.to_pylist()], schema=mine.schema)
    tables[BROAD] = mine
    return tables


def _build(tmp_path: Path, siret: str, tables: dict[str, pa.Table]) -> Path:
    out = tmp_path / siret
    out.mkdir()
    build_documents(
        out,
        siret,
        tables,
        name="Entreprise test",
        run_id="broad-test",
        published_at="2027-01-05T00:00:00+00:00",
        k=11,
        min_employers=5,
        key_fingerprint="0" * 64,
    )
    for mart, table in tables.items():
        pq.write_table(table, out / f"{mart}.parquet")
    return out


def _published(table: pa.Table) -> int:
    return table.column("masking").to_pylist().count("none")


def test_the_broad_families_are_shown_with_why_and_every_number_is_the_parquet_value(demo, tmp_path):
    reported, broad = demo
    folder = max(
        (f for f in reported if _published(broad.filter(pa.compute.equal(broad.column("employer_siret"), f.name)))),
        key=lambda f: _published(broad.filter(pa.compute.equal(broad.column("employer_siret"), f.name))),
    )
    out = _build(tmp_path, folder.name, _with_broad(folder, broad))
    rows = pq.read_table(out / f"{BROAD}.parquet").to_pylist()
    for page, lang in (("rapport_fr.html", "fr"), ("report_en.html", "en")):
        text = (out / page).read_text(encoding="utf-8")
        assert 'id="broad"' in text and "<svg" in text.split('id="broad"', 1)[1].split("</section>", 1)[0]
        parsed = parse_page(out / page)
        shown = [f for f in parsed.figures if f["data-mart"] == BROAD]
        assert len(shown) >= _published(pq.read_table(out / f"{BROAD}.parquet")), page
        for fig in shown:
            (row,) = matching_rows(rows, fig["data-key"])
            assert row["masking"] == "none", (page, fig)
            assert shown_number(fig["text"], lang) == Decimal(str(row[fig["data-column"]])), (page, fig)
        assert not any(re.search(r"\d", t) for t in parsed.unpublished), page
        assert not REASONS.search(" ".join(parsed.text)), page
        visible = " ".join(" ".join(parsed.text).split())
        if lang == "fr":
            fr, en = visible.find("Pourquoi des grandes familles"), visible.find("Why broad families")
            assert -1 < fr < en, "the French page says why in French, then in English"
            assert "Soins courants regroupe : consultations" in visible
        else:
            assert "Why broad families" in visible and "Pourquoi des grandes familles" not in visible
            assert "Routine care groups: consultations" in visible
    # the copies: every broad cell, the published ones with their Parquet value, the masked ones empty
    with open(out / CSV_NAME, encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.DictReader(fh, delimiter=";"))
    assert len(lines) == len(rows)
    sheet = openpyxl.load_workbook(out / "donnees.xlsx", read_only=True)["Grandes familles de soins"]
    xlsx = list(sheet.iter_rows(values_only=True))
    assert len(xlsx) == len(rows) + 1
    header = list(xlsx[0])
    ordered = sorted(rows, key=lambda r: (str(r["care_year"]), str(r["broad_family"])))
    for line, cells, row in zip(lines, xlsx[1:], ordered, strict=True):
        published = row["masking"] == "none"
        assert line["publie"] == ("oui" if published else "non")
        for column, csv_header in (
            ("member_count", "personnes_ayant_consomme"),
            ("actual_cost", "depense_reelle_eur"),
            ("out_of_pocket", "reste_a_charge_eur"),
        ):
            value = row[column]
            xlsx_value = cells[header.index(csv_header)]
            if not published:
                assert line[csv_header] == "" and xlsx_value is None
            else:
                assert Decimal(line[csv_header].replace(",", ".")) == Decimal(str(value))
                assert Decimal(str(xlsx_value)) == Decimal(str(value))
    with open(out / "dictionnaire_des_colonnes.csv", encoding="utf-8-sig", newline="") as fh:
        sources = {r["source_parquet"] for r in csv.DictReader(fh, delimiter=";") if r["fichier"] == CSV_NAME}
    assert f"{BROAD}.parquet:broad_family" in sources and f"{BROAD}.parquet:actual_cost" in sources


def test_no_section_when_every_broad_family_is_masked(demo, tmp_path):
    reported, broad = demo

    def masked(row: dict) -> dict:
        return {**row, **dict.fromkeys((*VALUES, "out_of_pocket")), "masking": "masked"}

    folder = reported[0]
    out = _build(tmp_path, folder.name, _with_broad(folder, broad, masked))
    for page in ("rapport_fr.html", "report_en.html"):
        text = (out / page).read_text(encoding="utf-8")
        assert 'id="broad"' not in text and "Pourquoi des grandes familles" not in text, page
    assert (out / CSV_NAME).exists(), "the copies hold the complete grid, masked rows included"


def test_an_employer_whose_only_published_figure_is_a_broad_family_is_reported(demo, tmp_path):
    """Reported only with at least one published own value: everything else masked, one broad family published ->
    reported; that broad family masked too -> nothing publishable (never "reported")."""
    reported, broad = demo
    folder = next(
        f for f in reported if _published(broad.filter(pa.compute.equal(broad.column("employer_siret"), f.name)))
    )
    base = {p.stem: pq.read_table(p) for p in folder.glob("*.parquet")}

    def mask_all(table: pa.Table) -> pa.Table:
        rows = [
            {**r, **{c: None for c in r if c in (*VALUES, "out_of_pocket") or c.endswith("_per_member")}}
            | {"masking": "masked"}
            for r in table.to_pylist()
        ]
        return pa.Table.from_pylist(rows, schema=table.schema)

    mine = broad.filter(pa.compute.equal(broad.column("employer_siret"), folder.name)).to_pylist()
    keep = next(i for i, r in enumerate(mine) if r["masking"] == "none" and r["member_count"])
    for keep_one, status in ((True, "reported"), (False, "nothing_publishable")):
        tables = {m: (mask_all(t) if m in OWN else t) for m, t in base.items()}
        rows = [
            r if (keep_one and i == keep) else mask_all(pa.Table.from_pylist([r], schema=broad.schema)).to_pylist()[0]
            for i, r in enumerate(mine)
        ]
        tables[BROAD] = pa.Table.from_pylist(rows, schema=broad.schema)
        out = tmp_path / str(keep_one)
        out.mkdir()
        release, _pages = build_documents(
            out,
            folder.name,
            tables,
            name="Entreprise test",
            run_id="broad-test",
            published_at="2027-01-05T00:00:00+00:00",
            k=11,
            min_employers=5,
            key_fingerprint="0" * 64,
        )
        assert release.status == status
