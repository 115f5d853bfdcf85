"""`confiance codegen dbt|seeds`: the generated dbt files follow the contracts and the core; `--check` says which
files are stale (exit 1, no traceback) and writes nothing."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import confiance.contracts as contracts
from confiance.cli import main
from confiance.settings import CONTRACTS_DIR, DBT_PROJECT_DIR

LOSS_RATIO = Path("marts") / "insurer" / "mart_insurer__loss_ratio.odcs.yaml"
LOSS_RATIO_YAML = Path("models") / "marts" / "insurer" / "mart_insurer__loss_ratio.yml"
REGION_SEED = Path("seeds") / "region_of_departement.csv"


def _confiance(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "confiance.cli", *args], capture_output=True, text=True, check=False, timeout=120
    )


@pytest.mark.parametrize("group", ["dbt", "seeds"])
def test_check_passes_on_the_repository(group):
    result = _confiance("codegen", group, "--check")
    assert result.returncode == 0, result.stderr
    assert "up to date" in result.stdout


@pytest.fixture
def copy(tmp_path, monkeypatch):
    """A copy of contracts/ and of the dbt project's models and seeds; the contracts are read from the copy."""
    shutil.copytree(CONTRACTS_DIR, tmp_path / "contracts")
    project = tmp_path / "dbt_project"
    for folder in ("models", "seeds"):
        shutil.copytree(DBT_PROJECT_DIR / folder, project / folder)
    monkeypatch.setattr(contracts, "FEEDS_DIR", tmp_path / "contracts" / "feeds")
    monkeypatch.setattr(contracts, "MARTS_DIR", tmp_path / "contracts" / "marts")
    contracts.feed_contracts.cache_clear()
    contracts.mart_contracts.cache_clear()
    yield tmp_path
    contracts.feed_contracts.cache_clear()
    contracts.mart_contracts.cache_clear()


def _codegen(*args: str):
    return CliRunner().invoke(main, ["codegen", *args], catch_exceptions=False)


def test_a_changed_contract_makes_its_yaml_stale_until_regenerated(copy):
    project = copy / "dbt_project"
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    contract = copy / "contracts" / LOSS_RATIO
    text = contract.read_text(encoding="utf-8")
    assert text.count("description: Calendar year of care.") == 1
    contract.write_text(text.replace("Calendar year of care.", "Calendar year in which care was given."), "utf-8")

    result = _codegen("dbt", "--project-dir", str(project), "--check")
    assert result.exit_code == 1
    assert str(LOSS_RATIO_YAML) in result.output
    assert "Traceback" not in result.output
    stale_lines = [line for line in result.output.splitlines() if line.startswith("out of date:")]
    assert stale_lines == [f"out of date: {LOSS_RATIO_YAML}"]
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before, "--check wrote something"

    result = _codegen("dbt", "--project-dir", str(project))
    assert result.exit_code == 0, result.output
    assert "Calendar year in which care was given." in (project / LOSS_RATIO_YAML).read_text(encoding="utf-8")
    assert "# GENERATED from" in (project / LOSS_RATIO_YAML).read_text(encoding="utf-8").splitlines()[0]
    assert "`confiance codegen dbt`" in (project / LOSS_RATIO_YAML).read_text(encoding="utf-8").splitlines()[0]
    assert _codegen("dbt", "--project-dir", str(project), "--check").exit_code == 0
    # the repository's own file is untouched
    assert "Calendar year in which care was given." not in (DBT_PROJECT_DIR / LOSS_RATIO_YAML).read_text("utf-8")


def test_a_missing_generated_file_is_named(copy):
    project = copy / "dbt_project"
    (project / "models" / "staging" / "pseudo" / "_pseudo__sources.yml").unlink()
    result = _codegen("dbt", "--project-dir", str(project), "--check")
    assert result.exit_code == 1
    assert "models/staging/pseudo/_pseudo__sources.yml" in result.output


def test_a_stale_seed_is_named_and_rewritten(copy):
    project = copy / "dbt_project"
    seed = project / REGION_SEED
    lines = seed.read_text(encoding="utf-8").splitlines(keepends=True)
    seed.write_text("".join(line for line in lines if not line.startswith("2A,")), encoding="utf-8")

    result = _codegen("seeds", "--project-dir", str(project), "--check")
    assert result.exit_code == 1
    assert f"out of date: {REGION_SEED}" in result.output

    assert _codegen("seeds", "--project-dir", str(project)).exit_code == 0
    assert seed.read_text(encoding="utf-8") == (DBT_PROJECT_DIR / REGION_SEED).read_text(encoding="utf-8")
    assert any(line.startswith("2A,") for line in seed.read_text(encoding="utf-8").splitlines())
