"""Every dataset documented: each contract and each dbt model of the demo run has a complete page.

Read from the outside: the contracts, dbt's manifest and the warehouse's own catalogue say what must be
documented; the generated HTML is parsed to see what is. A page must give an owner, a business name,
a classification for every column (the warehouse's real columns included), roles with contacts, and
every published mart column must carry a glossary term.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import pytest

from confiance.contracts import feed_contracts, mart_contracts, warehouse_tables
from confiance.dataset_status import decide_status


class _Page(HTMLParser):
    """Facts (dt -> dd text), column rows (id col-*: cells, badges, links), roles and status badges."""

    def __init__(self) -> None:
        super().__init__()
        self.facts: dict[str, str] = {}
        self.rows: dict[str, dict] = {}
        self.roles: dict[str, list[str]] = {}
        self.h1 = ""
        self._stack: list[str] = []
        self._dt = ""
        self._in: str | None = None  # "dt", "dd", "h1"
        self._row: str | None = None
        self._cell: list[str] | None = None
        self._role: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("dt", "dd", "h1"):
            self._in = tag
            if tag == "dd":
                self.facts[self._dt] = ""
        if tag == "tr" and (a.get("id") or "").startswith("col-"):
            self._row = a["id"][4:]
            self.rows[self._row] = {"cells": [], "badges": [], "links": []}
        if tag == "tr" and a.get("data-role"):
            self._role = a["data-role"]
            self.roles[self._role] = []
        if tag == "td" and (self._row or self._role):
            self._cell = []
        if tag == "span" and self._row and "badge" in (a.get("class") or ""):
            self.rows[self._row]["badges"] += [c[4:] for c in (a.get("class") or "").split() if c.startswith("cls-")]
        if tag == "a" and self._row and a.get("href"):
            self.rows[self._row]["links"].append(a["href"])

    def handle_endtag(self, tag):
        if tag in ("dt", "dd", "h1"):
            self._in = None
        if tag == "td" and self._cell is not None:
            text = " ".join("".join(self._cell).split())
            if self._row:
                self.rows[self._row]["cells"].append(text)
            elif self._role:
                self.roles[self._role].append(text)
            self._cell = None
        if tag == "tr":
            self._row = None
            self._role = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)
        if self._in == "dt":
            self._dt = data.strip()
        elif self._in == "dd":
            self.facts[self._dt] += data
        elif self._in == "h1":
            self.h1 += data


def _page(site: Path, name: str) -> _Page:
    path = site / name
    assert path.is_file(), f"no page {name}"
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def run(demo_run):
    settings, _ = demo_run
    manifest = json.loads((settings.dbt_target_dir / "manifest.json").read_text(encoding="utf-8"))
    with duckdb.connect(str(settings.warehouse_db), read_only=True) as con:
        catalogue: dict[tuple[str, str], set[str]] = {}
        for schema, table, column in con.execute(
            "select table_schema, table_name, column_name from information_schema.columns"
        ).fetchall():
            catalogue.setdefault((schema, table), set()).add(column)
    return settings, manifest, catalogue


def _expected_pages(manifest: dict) -> dict[str, tuple[str, dict | None]]:
    """page name -> (zone, manifest node or None) for every contract and every dbt model."""
    pages: dict[str, tuple[str, dict | None]] = {}
    for name in feed_contracts():
        pages[f"feed-{name}.html"] = ("feed", None)
    for name in warehouse_tables():  # the feeds' tables and their versions tables (pseudo.member_versions)
        pages[f"warehouse-{name}.html"] = ("warehouse", None)
    for name in mart_contracts():
        pages[f"mart-{name}.html"] = ("mart", None)
    for node in manifest["nodes"].values():
        if node["resource_type"] != "model":
            continue
        zone = "mart" if node["name"].startswith("mart_") else "model"
        pages[f"{zone}-{node['name']}.html"] = (zone, node)
    return pages


def test_every_contract_and_dbt_model_has_a_complete_page(run):
    settings, manifest, catalogue = run
    site = settings.site
    pages = _expected_pages(manifest)
    assert len([p for p in pages if p.startswith("model-")]) >= 16
    problems: list[str] = []
    for name, (zone, node) in sorted(pages.items()):
        page = _page(site, name)
        owner = page.facts.get("Propriétaire / Owner", "").strip()
        if not owner or owner == "unassigned":
            problems.append(f"{name}: no owner")
        business = " ".join(page.h1.split())
        technical = node["name"] if node else name.split("-", 1)[1][:-5]
        if not business or business == technical:
            problems.append(f"{name}: no business name ({business!r})")
        for role in ("owner", "data_steward", "data_relay"):
            cells = page.roles.get(role)
            if not cells or not cells[1] or not cells[2]:
                problems.append(f"{name}: role {role} missing or without contact")
        if not page.rows:
            problems.append(f"{name}: no column")
        for column, row in page.rows.items():
            if len(row["badges"]) != 1 or row["badges"][0] in ("unclassified", ""):
                problems.append(f"{name}: column {column} not classified ({row['badges']})")
            if not row["cells"][1]:
                problems.append(f"{name}: column {column} has no business name")
            if zone == "mart" and not any(h.startswith("glossary.html#term-") for h in row["links"]):
                problems.append(f"{name}: mart column {column} has no glossary term")
        if zone == "warehouse":  # the warehouse table's real columns, the crossing's own ones included
            actual = catalogue.get(("pseudo", technical), set())
            if not actual:
                problems.append(f"{name}: no table pseudo.{technical} in the warehouse")
            missing = sorted(actual - set(page.rows))
            if missing:
                problems.append(f"{name}: warehouse columns not documented: {missing}")
        if node is not None:
            actual = catalogue.get((node["schema"], node.get("alias") or node["name"]), set())
            missing = sorted(actual - set(page.rows))
            if missing:
                problems.append(f"{name}: warehouse columns not documented: {missing}")
            if not (site / name).read_text(encoding="utf-8").count('class="sql"'):
                problems.append(f"{name}: compiled SQL not shown")
    assert not problems, "\n".join(problems)


def test_a_model_carrying_a_quasi_identifier_is_classified_as_such(run):
    settings, manifest, catalogue = run
    # int_members__enriched has no classification of its own for the columns it derives from the
    # warehouse: they are inherited (age band, département: quasi-identifiers; region: its meta).
    for name in ("model-stg_pseudo__members.html", "model-int_members__enriched.html"):
        page = _page(settings.site, name)
        assert page.rows["birth_year"]["badges"] == ["quasi_identifier"], name
        assert page.rows["departement"]["badges"] == ["quasi_identifier"], name
        assert page.rows["member_token"]["badges"][0] in ("pseudonym", "direct_identifier"), name
        # the dataset takes its most protective column's classification, never less than quasi-identifier
        assert any(w in page.facts["Classification"] for w in ("quasi-identifier", "pseudonym", "direct identifier"))


def test_one_status_on_every_page(run):
    settings, _, _ = run
    from quality.status import dataset_status

    site = settings.site
    index = (site / "index.html").read_text(encoding="utf-8")
    quality = (site / "quality.html").read_text(encoding="utf-8")
    for dataset, record in dataset_status(settings).items():
        status = decide_status(record)
        zone = {"raw": "feed", "pseudo": "warehouse"}.get(dataset.split(".")[0], "mart")
        name = dataset.split(".")[-1]
        page = (site / f"{zone}-{name}.html").read_text(encoding="utf-8")
        anchor = f'href="{zone}-{name}.html"'
        row = index[index.index(anchor) : index.index("</tr>", index.index(anchor))]
        assert f'data-status="{status}"' in row, (dataset, status)
        qrow = quality[quality.index(f'id="{zone}.{name}"') :]
        assert qrow[: qrow.index("</tr>")].count(f'data-status="{status}"') == 1, (dataset, status)
        assert f'data-status="{status}"' in page, (dataset, status)
        # a run whose failures are all warnings is never shown as failed, not even in its trend
        if record.get("success") is False and not record.get("blocking"):
            assert 'data-status="failed"' not in page, dataset


def test_dbt_test_results_of_the_cli_run_are_on_the_site(run):
    """`confiance run` (no Airflow) keeps dbt's test results, and each tested model's page lists them."""
    from governance.site.dbt_results import test_results

    settings, manifest, _ = run
    declared = {
        dep.split(".")[-1]
        for node in manifest["nodes"].values()
        if node.get("resource_type") == "test"
        for dep in node.get("depends_on", {}).get("nodes", [])
        if dep.startswith("model.")
    }
    assert declared, "the dbt project declares no test on any model"
    results = test_results(settings.dbt_target_dir, manifest)
    missing = sorted(m for m in declared if not results.get(m))
    assert not missing, f"no dbt test result kept for {missing}"
    for model in sorted(declared):
        pages = [p for p in settings.site.glob(f"*{model}.html") if not p.name.startswith("column")]
        assert pages, f"no page for dbt model {model}"
        html = pages[0].read_text(encoding="utf-8")
        for result in results[model]:
            assert result.test in html, f"{pages[0].name}: dbt test {result.test} not shown"
