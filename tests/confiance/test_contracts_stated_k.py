"""k has one home (dbt_project.yml vars.disclosure): a contract that states a k is checked against it when it
loads, and the lineage's disclosure step shows it (issue 11)."""

from __future__ import annotations

import shutil

import pytest

from confiance.contracts import ContractError, load_contract, mart_contracts
from confiance.settings import CONTRACTS_DIR, disclosure_min_cell_size
from governance.lineage import disclosure_step

PROFILES = CONTRACTS_DIR / "marts" / "dataviz" / "mart_dataviz__member_profiles.odcs.yaml"


def test_the_dataviz_contract_refers_to_the_one_home_of_k():
    text = PROFILES.read_text(encoding="utf-8")
    assert "dbt_project.yml vars.disclosure" in text
    assert f"k = {disclosure_min_cell_size()}," in text
    assert "mart_dataviz__member_profiles" in mart_contracts()


def test_a_contract_stating_another_k_is_refused_naming_file_and_line(tmp_path):
    k = disclosure_min_cell_size()
    text = PROFILES.read_text(encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if f"k = {k}," in row)
    copy = tmp_path / PROFILES.name
    copy.write_text(text.replace(f"k = {k},", f"k = {k - 4},"), encoding="utf-8")
    with pytest.raises(ContractError) as refused:
        load_contract(copy)
    message = str(refused.value)
    assert f"{PROFILES.name}:{line}:" in message
    assert f"k = {k - 4}" in message and f"the project's k is {k}" in message and "dbt_project.yml" in message


@pytest.mark.parametrize("spelling", ["k= 5", "at least k=5 members", "(k =5)"])
def test_any_spelling_of_a_stated_k_is_checked(tmp_path, spelling):
    anchor = "never leave fewer than k"
    assert anchor in PROFILES.read_text(encoding="utf-8")
    text = PROFILES.read_text(encoding="utf-8").replace(anchor, f"never leave ({spelling}) fewer than k")
    copy = tmp_path / PROFILES.name
    copy.write_text(text, encoding="utf-8")
    with pytest.raises(ContractError, match="k = 5"):
        load_contract(copy)


def test_words_that_merely_contain_k_are_not_statements(tmp_path):
    copy = tmp_path / PROFILES.name
    shutil.copy(PROFILES, copy)
    assert "k_anonymous_classes:" in copy.read_text(encoding="utf-8")  # a dbt test name, followed by ':'
    assert load_contract(copy).name == "mart_dataviz__member_profiles"


def test_the_lineage_disclosure_step_shows_the_projects_k():
    k = disclosure_min_cell_size()
    step = disclosure_step()
    assert f"population ≥ {k}" in step and f"at least {k}" in step
