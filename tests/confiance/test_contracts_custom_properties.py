"""Contracts' custom properties: checked against their schema when a contract loads, documented, and
decoded into crossing rules that say exactly what the crossing writes to the warehouse."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pytest
import yaml

from confiance.contracts import (
    CUSTOM_PROPERTIES_SCHEMA,
    FEEDS_DIR,
    ContractError,
    feed_contracts,
    load_contract,
    mart_contracts,
)
from confiance.crossing_rules import CROSSING_STAMP
from confiance.settings import CONTRACTS_DIR

README = CONTRACTS_DIR / "README.md"


def _with_column_properties(tmp_path: Path, feed: str, column: str, properties: list[dict]) -> Path:
    """A copy of a committed feed contract whose ``column`` carries ``properties`` instead of its own."""
    raw = yaml.safe_load((FEEDS_DIR / f"{feed}.odcs.yaml").read_text(encoding="utf-8"))
    (prop,) = [p for p in raw["schema"][0]["properties"] if p["name"] == column]
    prop["customProperties"] = properties
    path = tmp_path / f"{feed}.odcs.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _refused(path: Path) -> str:
    with pytest.raises(ContractError) as info:
        load_contract(path)
    return str(info.value)


def test_every_committed_contract_passes_the_schema():
    assert len(feed_contracts()) == 3
    assert len(mart_contracts()) >= 1
    for contract in [*feed_contracts().values(), *mart_contracts().values()]:
        load_contract(contract.path)  # raises on any refused property


def test_a_token_without_its_token_column_is_refused_when_the_contract_loads(tmp_path):
    path = _with_column_properties(
        tmp_path,
        "benefits",
        "contract_id",
        [{"property": "crossing", "value": "token"}, {"property": "token_entity", "value": "contract"}],
    )
    message = _refused(path)
    assert "benefits.odcs.yaml" in message
    assert "column contract_id" in message
    assert "token_column" in message
    assert "Traceback" not in message
    # file:line points at the column's custom properties in the contract
    line = int(re.search(r"benefits\.odcs\.yaml:(\d+): column contract_id", message).group(1))
    text = path.read_text(encoding="utf-8").splitlines()
    assert "property" in text[line - 1]
    assert any("name: contract_id" in t for t in text[max(0, line - 12) : line])
    assert not any(t.lstrip().startswith("- name:") for t in text[line : line + 2])


def test_a_token_without_its_entity_is_refused(tmp_path):
    path = _with_column_properties(
        tmp_path,
        "benefits",
        "contract_id",
        [{"property": "crossing", "value": "token"}, {"property": "token_column", "value": "contract_token"}],
    )
    message = _refused(path)
    assert "column contract_id" in message and "token_entity" in message


def test_a_misspelt_property_is_refused_by_name(tmp_path):
    path = _with_column_properties(
        tmp_path,
        "members",
        "sex",
        [{"property": "crossing", "value": "keep"}, {"property": "glosary_term", "value": "sex"}],
    )
    message = _refused(path)
    assert "members.odcs.yaml" in message and "column sex" in message and "glosary_term" in message


def test_an_unknown_crossing_rule_is_refused(tmp_path):
    path = _with_column_properties(tmp_path, "members", "nir", [{"property": "crossing", "value": "hash"}])
    message = _refused(path)
    assert "column nir" in message and "crossing" in message and "'hash'" in message


@pytest.mark.parametrize(
    "properties, offending",
    [
        (
            [
                {"property": "crossing", "value": "token"},
                {"property": "token_entity", "value": "member"},
                {"property": "token_column", "value": "member_token"},
                {"property": "target_column", "value": "x"},
            ],
            "target_column",
        ),
        (
            [{"property": "crossing", "value": "keep"}, {"property": "token_column", "value": "member_token"}],
            "token_column",
        ),
        (
            [{"property": "crossing", "value": "drop"}, {"property": "target_column", "value": "nir_kept"}],
            "target_column",
        ),
        (
            [
                {"property": "crossing", "value": "token"},
                {"property": "token_entity", "value": "member"},
                {"property": "token_column", "value": "Member Token"},
            ],
            "token_column",
        ),
    ],
)
def test_properties_that_do_not_fit_the_rule_are_refused(tmp_path, properties, offending):
    message = _refused(_with_column_properties(tmp_path, "members", "nir", properties))
    assert "column nir" in message and offending in message


def test_a_property_given_twice_is_refused(tmp_path):
    path = _with_column_properties(
        tmp_path,
        "members",
        "email",
        [{"property": "crossing", "value": "drop"}, {"property": "crossing", "value": "keep"}],
    )
    message = _refused(path)
    assert "column email" in message and "crossing" in message and "twice" in message


def test_every_schema_property_is_explained_in_the_contracts_readme():
    schema = json.loads(CUSTOM_PROPERTIES_SCHEMA.read_text(encoding="utf-8"))
    text = README.read_text(encoding="utf-8")
    for level in ("contract", "table", "column"):
        for name in schema["$defs"][level]["properties"]:
            assert re.search(rf"`{name}`", text), f"contracts/README.md does not explain {name}"
    for rule in schema["$defs"]["column"]["properties"]["crossing"]["enum"]:
        assert re.search(rf"`{rule}`", text), f"contracts/README.md does not explain the crossing rule {rule}"


def test_every_custom_property_in_the_contracts_is_in_the_schema():
    """The schema is the list: a property used in a committed contract but unknown to it cannot hide."""
    schema = json.loads(CUSTOM_PROPERTIES_SCHEMA.read_text(encoding="utf-8"))
    known = {level: set(schema["$defs"][level]["properties"]) for level in ("contract", "table", "column")}
    for path in sorted(CONTRACTS_DIR.glob("**/*.odcs.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert {c["property"] for c in raw.get("customProperties") or []} <= known["contract"], path.name
        table = raw["schema"][0]
        assert {c["property"] for c in table.get("customProperties") or []} <= known["table"], path.name
        for prop in table.get("properties") or []:
            assert {c["property"] for c in prop.get("customProperties") or []} <= known["column"], path.name


def test_the_warehouse_holds_exactly_the_columns_the_crossing_rules_announce(demo_run):
    """What the crossing wrote (a real run) is what the rules say, in name and type, and nothing more."""
    settings, _results = demo_run
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    try:
        for name, contract in feed_contracts().items():
            written = {
                (r[0], r[1].upper())
                for r in con.execute(
                    "SELECT column_name, data_type FROM information_schema.columns "
                    "WHERE table_schema = 'pseudo' AND table_name = ?",
                    [name],
                ).fetchall()
            }
            announced = {(w.name, w.physical_type.upper()) for c in contract.columns for w in c.rule.warehouse_columns}
            assert written == announced | {(CROSSING_STAMP, "BIGINT")}, name
            dropped = {c.name for c in contract.columns if not c.rule.crosses}
            assert not dropped & {n for n, _ in written}, name
    finally:
        con.close()
