"""k (the minimum population of a published cell) has one home, dbt_project.yml ``vars.disclosure``: dbt masks
with it, the settings (and so the publication gate) derive theirs from it, and the two cannot disagree."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
import yaml

from confiance.settings import DBT_PROJECT_FILE, Settings, disclosure_min_cell_size, get_settings


def _project_with(tmp_path: Path, ks: dict[str, object]) -> Path:
    project = yaml.safe_load(DBT_PROJECT_FILE.read_text(encoding="utf-8"))
    for consumer, k in ks.items():
        project["vars"]["disclosure"][consumer]["k"] = k
    path = tmp_path / "dbt_project.yml"
    path.write_text(yaml.safe_dump(project, sort_keys=False), encoding="utf-8")
    return path


def test_the_settings_k_is_every_consumers_k_in_the_dbt_project():
    project = yaml.safe_load(DBT_PROJECT_FILE.read_text(encoding="utf-8"))
    ks = {consumer: cfg["k"] for consumer, cfg in project["vars"]["disclosure"].items()}
    assert ks, "vars.disclosure lists no consumer"
    assert set(ks.values()) == {Settings(home=Path("x"), key_file=Path("y")).min_cell_size}
    assert set(ks.values()) == {get_settings().min_cell_size}


def test_changing_k_in_the_dbt_project_changes_the_settings_k(tmp_path):
    project = yaml.safe_load(DBT_PROJECT_FILE.read_text(encoding="utf-8"))
    path = _project_with(tmp_path, {c: 17 for c in project["vars"]["disclosure"]})
    assert disclosure_min_cell_size(path) == 17


@pytest.mark.parametrize("k", [None, "11", 1, True])
def test_a_missing_or_meaningless_k_is_refused(tmp_path, k):
    with pytest.raises(ValueError, match="dbt_project.yml: vars.disclosure must give every consumer an integer k"):
        disclosure_min_cell_size(_project_with(tmp_path, {"dataviz": k}))


def test_consumers_with_different_k_are_refused(tmp_path):
    with pytest.raises(ValueError, match="different k"):
        disclosure_min_cell_size(_project_with(tmp_path, {"dataviz": 20}))


def test_an_environment_k_that_disagrees_is_refused(monkeypatch):
    k = disclosure_min_cell_size()
    monkeypatch.setenv("CONFIANCE_MIN_CELL_SIZE", str(k - 6))
    with pytest.raises(ValueError, match="the one home of k"):
        get_settings()
    monkeypatch.setenv("CONFIANCE_MIN_CELL_SIZE", str(k))
    assert get_settings().min_cell_size == k


def test_the_k_dbt_published_is_the_k_the_gate_checked(demo_run):
    """A real run: the employer summary dbt built states the k it masked with, and the signed manifests the gate
    wrote say which k it checked; both are the one k."""
    settings, _results = demo_run
    k = disclosure_min_cell_size()
    checked: set[int] = set()
    for manifest in settings.published.glob("**/manifest.json"):
        for entry in json.loads(manifest.read_text(encoding="utf-8"))["files"]:
            k_check = (entry.get("checks") or {}).get("k")
            if isinstance(k_check, dict):
                checked.add(k_check["min_cell_size"])
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    try:
        rows = con.execute("SELECT DISTINCT min_cell_size FROM marts.mart_employer__summary").fetchall()
        stated = {r[0] for r in rows}
    finally:
        con.close()
    assert checked == {k}
    assert stated == {k}
