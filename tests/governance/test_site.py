"""The glossary site: a page per dataset, every column's classification, the glossary, and never a value."""

from __future__ import annotations

import json
import re
import secrets
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from confiance.cli import site
from confiance.contracts import feed_contracts, mart_contracts
from confiance.pipeline_inputs import build_site
from confiance.settings import get_settings
from governance.dbt_sources import warehouse_columns
from governance.site import clean_description, load_glossary

# Terms the CDO office asked for, by their French name (as written in glossary.yaml's `term`).
REQUIRED_FRENCH_TERMS = [
    "Adhérent",
    "Prestation",
    "Reste à charge",
    "Garanties",
    "Contrat collectif",
    "NIR",
    "Base de remboursement Sécurité sociale",
    "Ticket modérateur",
    "Département",
    "Tranche d'âge",
    "Mutualisation",
    "K-anonymat",
    "Secret secondaire",
    "Pseudonyme",
    "Tiers de confiance",
]


class _Cells(HTMLParser):
    """Rows of every table keyed by their id (col-<name>), as lists of (tag, attrs, text)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, str] = {}
        self.badges: dict[str, list[str]] = {}
        self.links: list[str] = []
        self._row: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "tr" and (a.get("id") or "").startswith("col-"):
            self._row = a["id"][4:]
            self.rows[self._row] = ""
            self.badges[self._row] = []
        if tag == "span" and self._row and "badge" in (a.get("class") or ""):
            self.badges[self._row] += [c[4:] for c in (a.get("class") or "").split() if c.startswith("cls-")]
        if tag in ("a", "link") and a.get("href"):
            self.links.append(a["href"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr":
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._row:
            self.rows[self._row] += data


def _parse(path: Path) -> _Cells:
    parser = _Cells()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, monkeypatch_module: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("site-home")
    settings = get_settings(home)
    settings.ensure_dirs()
    # A dbt manifest in the place the pipeline leaves it (the shape dbt writes, trimmed to what the site reads).
    target = settings.dbt_target_dir
    target.mkdir(parents=True)
    manifest = {
        "nodes": {
            "model.confiance.stg_pseudo__members": {
                "resource_type": "model",
                "name": "stg_pseudo__members",
                "fqn": ["confiance", "staging", "pseudo", "stg_pseudo__members"],
                "description": "Staged members.",
                "columns": {
                    "member_token": {
                        "name": "member_token",
                        "data_type": "varchar",
                        "meta": {"classification": "pseudonym", "glossary_term": "token"},
                    },
                },
                "depends_on": {"nodes": ["source.confiance.pseudo.members"]},
                "config": {"meta": {"owner": "cdo"}},
            },
            "model.confiance.mart_employer__fixture_consumption": {
                "resource_type": "model",
                "name": "mart_employer__fixture_consumption",
                "fqn": ["confiance", "marts", "employer", "mart_employer__fixture_consumption"],
                "description": "Care consumption of an employer's employees by act family and quarter.",
                "columns": {
                    "act_family": {
                        "name": "act_family",
                        "data_type": "varchar",
                        "config": {"meta": {"classification": "sensitive", "glossary_term": "act_family"}},
                    },
                    "member_count": {
                        "name": "member_count",
                        "data_type": "integer",
                        "meta": {"classification": "public"},
                    },
                },
                "depends_on": {"nodes": ["model.confiance.stg_pseudo__members"]},
                "config": {"meta": {"owner": "actuariat"}},
            },
        },
        "sources": {
            "source.confiance.pseudo.members": {
                "resource_type": "source",
                "source_name": "pseudo",
                "name": "members",
                "identifier": "members",
            },
        },
    }
    (target / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    monkeypatch_module.delenv("DBT_TARGET_PATH", raising=False)
    monkeypatch_module.setenv("CONFIANCE_MASTER_KEY", secrets.token_hex(32))
    return build_site(settings)


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def test_every_feed_and_warehouse_table_has_a_page_with_every_column_classified(built: Path) -> None:
    index = (built / "index.html").read_text(encoding="utf-8")
    for name, contract in feed_contracts().items():
        feed_page = built / f"feed-{name}.html"
        wh_page = built / f"warehouse-{name}.html"
        assert feed_page.is_file() and wh_page.is_file(), name
        assert f'href="feed-{name}.html"' in index and f'href="warehouse-{name}.html"' in index
        feed = _parse(feed_page)
        wh = _parse(wh_page)
        for col in contract.columns:
            # every feed column with its contract classification as a badge
            assert feed.badges.get(col.name) == [col.classification], (name, col.name)
            targets = warehouse_columns(col)
            if not targets:
                assert "stays in the vault" in feed.rows[col.name]
            for target, _ in targets:
                expected = "pseudonym" if col.crossing == "token" else col.classification
                assert wh.badges.get(target) == [expected], (name, target)
                # lineage names the feed column it comes from
                assert f"{name}.{col.name}" in wh.rows[target]
        # no direct identifier column is documented as present in the warehouse
        direct = {c.name for c in contract.columns if c.classification == "direct_identifier"}
        assert not direct & set(wh.rows), name
        # owner and retention from the contract
        page = feed_page.read_text(encoding="utf-8")
        assert str(contract.sla["retention"].description) in page
        assert any(m.username in page for m in contract.odcs.team if m.role == "owner")


def test_marts_from_the_dbt_manifest_by_consumer_with_upstream_models(built: Path) -> None:
    index = (built / "index.html").read_text(encoding="utf-8")
    assert "<h3>employer</h3>" in index
    mart = built / "mart-mart_employer__fixture_consumption.html"
    assert mart.is_file()
    cells = _parse(mart)
    assert cells.badges["act_family"] == ["sensitive"]
    assert cells.badges["member_count"] == ["public"]
    assert "model-stg_pseudo__members.html" in cells.links
    assert "glossary.html#term-act_family" in cells.links
    staging = _parse(built / "model-stg_pseudo__members.html")
    assert "warehouse-members.html" in staging.links  # the dbt source resolves to the warehouse table page
    assert "mart-mart_employer__fixture_consumption.html" in staging.links  # downstream
    assert "actuariat" in mart.read_text(encoding="utf-8")


def test_glossary_covers_contract_terms_and_the_business_vocabulary(built: Path) -> None:
    glossary = load_glossary()
    contracts = [*feed_contracts().values(), *mart_contracts().values()]
    used = {c.glossary_term for contract in contracts for c in contract.columns if c.glossary_term}
    assert used <= set(glossary), sorted(used - set(glossary))
    page = (built / "glossary.html").read_text(encoding="utf-8")
    for key, term in glossary.items():
        assert f'id="term-{key}"' in page
        assert term["owner"] and term["definition"] and term["english"]
        for ref in term.get("related_terms") or []:
            assert ref in glossary, f"{key}: related term {ref!r} is not in the glossary"
    terms = [t["term"].lower() for t in glossary.values()]
    for french in REQUIRED_FRENCH_TERMS:
        assert any(french.lower() in t for t in terms), french
    # terms link back to the columns tagged with them (NIR -> feed members.nir)
    assert 'href="col-feed-members--nir.html"' in page


def test_links_stay_inside_and_nothing_is_fetched_from_outside(built: Path) -> None:
    for page in built.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "http://" not in html and "https://" not in html, page.name
        for href in _parse(page).links:
            target = href.split("#")[0]
            if target and not target.startswith(".."):
                assert (built / target).is_file(), f"{page.name}: dead link {href}"
    assert (built / "style.css").is_file()


def test_descriptions_carry_no_example_values(built: Path) -> None:
    assert clean_description("Membership number (e.g. X123). Next.") == "Membership number. Next."
    text = " ".join(p.read_text(encoding="utf-8") for p in built.glob("*.html"))
    # the member_id description of the contract carries an illustrative membership number
    example = re.search(r"\(e\.g\. ([^)]*)\)", feed_contracts()["members"].column("member_id").description)
    if example:
        assert example.group(1) not in text


def test_every_mart_contract_has_a_page_under_its_consumer(built: Path) -> None:
    index = (built / "index.html").read_text(encoding="utf-8")
    for name, contract in mart_contracts().items():
        page = built / f"mart-{name}.html"
        assert page.is_file() and f'href="mart-{name}.html"' in index, name
        cells = _parse(page)
        for col in contract.columns:
            assert cells.badges.get(col.name) == [col.classification], (name, col.name)


def test_quality_status_shows_not_yet_validated_without_a_run(built: Path) -> None:
    assert "not yet validated" in (built / "feed-members.html").read_text(encoding="utf-8")


def test_site_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    assert "glossary site" in runner.invoke(site, ["--help"]).output
    monkeypatch.setenv("CONFIANCE_MASTER_KEY", secrets.token_hex(32))
    result = runner.invoke(site, ["--home", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "site" / "index.html").is_file()
