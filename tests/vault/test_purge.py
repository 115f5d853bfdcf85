"""Retention purge: what each contract's retention says is due goes, in every zone, physically (checked on the
files' bytes), counted in the audit log; ``--dry-run`` only counts."""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import pytest
from click.testing import CliRunner

from tests.vault.dpo_support import decrypted_vault_text, files_holding, inbox_rows
from vault import audit, keys
from vault.crossing import token_py

AS_OF = date(2031, 7, 1)


@pytest.fixture
def home(dpo_home):
    return dpo_home


def _vault_count(settings, sql: str) -> int:
    from vault.db import vault_connection

    with vault_connection(settings, read_only=True) as con:
        return con.execute(sql).fetchone()[0]


def test_purge_removes_what_retention_says_from_every_file(home):
    from confiance.cli import main

    # ground truth from the generator's files and the contracts' rule (5 years after the contract ends)
    members = {m["member_id"] for m in inbox_rows(home, "members")}
    ended = {
        c["contract_id"]: c
        for c in inbox_rows(home, "contracts")
        if c["end_date"]
        and c["member_id"] in members
        and date.fromisoformat(c["end_date"]) + timedelta(days=int(5 * 365.25)) < AS_OF
    }
    assert ended, "the generated data has contracts that ended"
    lines = [b["benefit_id"] for b in inbox_rows(home, "benefits") if b["contract_id"] in ended]
    key = keys.domain_key(home, "insurer", 1)
    tokens = [token_py(key, "insurer", 1, "contract", c) for c in ended]
    tokens += [token_py(key, "insurer", 1, "benefit", b) for b in lines]
    needles = list(ended) + lines + tokens
    before = files_holding(home.home, needles)
    assert any(t in before for t in tokens), "positive control: the warehouse file holds the tokens"
    assert set(ended) <= set(before)  # the inbox holds the ids
    contracts_before = _vault_count(home, "SELECT count(*) FROM raw.contracts")
    ids = ", ".join(f"'{c}'" for c in ended)
    landed_due = _vault_count(home, f"SELECT count(*) FROM raw.contracts WHERE contract_id IN ({ids})")
    assert 0 < landed_due < len(ended)  # some of them were set aside in the quarantine: they go too

    dry = CliRunner().invoke(main, ["vault", "purge", "--dry-run", "--as-of", AS_OF.isoformat()])
    assert dry.exit_code == 0, dry.output
    assert "dry run: nothing deleted" in dry.output and "contracts.after_end" in dry.output
    assert _vault_count(home, "SELECT count(*) FROM raw.contracts") == contracts_before
    assert files_holding(home.home, list(ended)[:3])  # still there

    result = CliRunner().invoke(main, ["vault", "purge", "--as-of", AS_OF.isoformat()])
    assert result.exit_code == 0, result.output
    assert files_holding(home.home, needles) == {}  # inbox lines, warehouse bytes, quarantine: gone
    vault_text = decrypted_vault_text(home)
    assert [n for n in needles if n in vault_text] == []
    assert _vault_count(home, "SELECT count(*) FROM raw.contracts") <= contracts_before - landed_due
    purged = [e for e in audit.entries(home) if e["action"] == "retention.purge"][-1]["details"]
    assert purged["due"]["contracts"] >= len(ended) and purged["rows_deleted"]["raw.contracts"] >= landed_due
    assert purged["rows_deleted"]["meta.quarantine"] >= len(ended) - landed_due
    assert [e for e in audit.entries(home) if e["action"] == "retention.purge.dry_run"]
    ok, message = audit.verify(home)
    assert ok, message
    # a contract still open is never due: its member and lines stay
    open_contract = next(c for c in inbox_rows(home, "contracts") if not c["end_date"] and c["member_id"] in members)
    con = duckdb.connect(str(home.warehouse_db), read_only=True)
    try:
        kept = con.execute(
            "SELECT count(*) FROM pseudo.contracts WHERE contract_token = ?",
            [token_py(key, "insurer", 1, "contract", open_contract["contract_id"])],
        ).fetchone()[0]
    finally:
        con.close()
    assert kept == 1


def test_the_purge_is_scheduled_in_its_own_dag():
    from airflow.dag_processing.dagbag import DagBag

    from confiance.settings import REPO_ROOT

    bag = DagBag(dag_folder=str(REPO_ROOT / "dags" / "confiance_retention.py"))
    assert not bag.import_errors, bag.import_errors
    dag = bag.dags["confiance_retention"]
    assert dag.schedule == "@weekly"
    assert dag.get_task("purge").get_flat_relative_ids(upstream=False) == {"reports"}
    assert all(t.owner == "confiance-dpo" and t.retries >= 1 for t in dag.tasks)
