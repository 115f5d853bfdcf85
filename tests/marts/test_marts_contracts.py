"""The dbt YAML generated from the contracts is up to date; the région seed matches identifiers.py."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import yaml

from confiance.contracts import mart_contracts
from confiance.settings import DBT_PROJECT_DIR
from governance import dbt_sources


def test_generated_dbt_yaml_matches_contracts():
    for path, text in dbt_sources.rendered_files().items():
        assert path.read_text(encoding="utf-8") == text, f"{path.name}: run confiance codegen dbt"


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


DIMENSION_KINDS = {"year", "period", "family", "age_band", "sex", "geo", "category"}
MEASURE_KINDS = {"distinct_members", "additive_count", "amount", "average"}


def _cell_marts():
    return {name: c for name, c in mart_contracts().items() if "disclosure" in c.table_custom}


def test_every_cell_mart_declares_its_disclosure_shape_for_the_gate():
    cell_marts = _cell_marts()
    assert set(cell_marts) == set(mart_contracts()) - {"mart_employer__summary", "mart_dataviz__member_profiles"}
    for name, contract in cell_marts.items():
        d = contract.table_custom["disclosure"]
        columns = {c.name for c in contract.columns}
        assert set(d) <= {"partition", "dimensions", "measures", "identities", "derived", "population_known"}, name
        assert isinstance(d.get("population_known", True), bool), name
        assert ("partition" in d) == ("employer_siret" in columns), name
        if "partition" in d:
            assert d["partition"] == "employer_siret"
        assert d["dimensions"] and set(d["dimensions"].values()) <= DIMENSION_KINDS, name
        assert d["measures"] and set(d["measures"].values()) <= MEASURE_KINDS, name
        declared = set(d["dimensions"]) | set(d["measures"]) | set(d.get("derived", []))
        assert declared <= columns, (name, declared - columns)
        if "period" in d["dimensions"].values():
            assert "period_grain" in columns, name
        if "geo" in d["dimensions"].values():
            assert "geo_level" in columns, name
        for identity in d.get("identities", []):
            assert all(d["measures"].get(m) == "amount" for m in identity), (name, identity)
        # every value a masked cell must hide is a declared measure or derived column, and vice versa
        hidden = {
            c
            for t in contract.table_custom["dbt_tests"]
            if "masked_values_are_null" in t
            for c in t["masked_values_are_null"]["arguments"]["columns"]
        }
        assert hidden == set(d["measures"]) | set(d.get("derived", [])), name
        # the gate finds the cell table dbt keeps in the warehouse by this name
        table = "int_disclosure__" + name.removeprefix("mart_").replace("__", "_", 1)
        assert (DBT_PROJECT_DIR / "models" / "intermediate" / "disclosure" / f"{table}.sql").exists(), name


def test_masking_publishes_no_reason():
    for name, contract in mart_contracts().items():
        if name == "mart_dataviz__member_profiles":
            continue
        masking = contract.column("masking")
        assert masking.options["enum"] == ["none", "masked"], name
        text = yaml.safe_dump(contract.odcs.model_dump(mode="json", exclude_none=True))
        for stale in ("no_isolated_masked_cell", "primary_k", "primary_dominance", "secondary'"):
            assert stale not in text, (name, stale)


def test_dbt_act_families_are_the_benefits_contract_enum():
    from confiance.contracts import feed_contract

    project = yaml.safe_load((DBT_PROJECT_DIR / "dbt_project.yml").read_text(encoding="utf-8"))
    assert project["vars"]["act_families"] == list(feed_contract("benefits").column("act_family").options["enum"])


def test_no_dbt_file_refers_to_the_removed_secondary_suppression():
    for path in DBT_PROJECT_DIR.rglob("*"):
        if path.suffix in (".sql", ".yml") and "target" not in path.parts and "dbt_packages" not in path.parts:
            text = path.read_text(encoding="utf-8")
            for stale in ("secondary_suppression(", "no_isolated_masked_cell", "disclosure_cells("):
                assert stale not in text, (path.name, stale)
