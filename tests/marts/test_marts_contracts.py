"""The dbt YAML generated from the contracts is up to date; the région seed matches identifiers.py."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from confiance.contracts import mart_contracts
from confiance.settings import DBT_PROJECT_DIR
from governance import dbt_sources


def test_generated_dbt_yaml_matches_contracts():
    for path, text in dbt_sources.rendered_files().items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name}: run python -m governance.dbt_sources --write"


def test_one_mart_contract_per_mart_model():
    models = {p.stem for p in (DBT_PROJECT_DIR / "models" / "marts").rglob("*.sql")}
    assert models == set(mart_contracts())


def test_no_direct_identifier_column_reaches_the_sources():
    import yaml

    doc = yaml.safe_load(dbt_sources.SOURCES_FILE.read_text(encoding="utf-8"))
    for table in doc["sources"][0]["tables"]:
        for col in table["columns"]:
            meta = col["config"]["meta"]
            assert meta["classification"] != "direct_identifier" or meta["token"], (table["name"], col["name"])


def test_region_seed_agrees_with_identifiers():
    identifiers = pytest.importorskip("confiance.identifiers")
    if not hasattr(identifiers, "REGION_OF_DEPARTEMENT"):
        pytest.fail("confiance.identifiers.REGION_OF_DEPARTEMENT is missing: the seed cannot be proven")
    seed = Path(DBT_PROJECT_DIR / "seeds" / "region_of_departement.csv")
    with open(seed, encoding="utf-8") as fh:
        rows = {r["departement"]: r["region"] for r in csv.DictReader(fh)}
    assert rows == dict(identifiers.REGION_OF_DEPARTEMENT)
    assert set(rows) == set(identifiers.DEPARTEMENTS)
