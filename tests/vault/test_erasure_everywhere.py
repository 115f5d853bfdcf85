"""Erasure by NIR leaves nothing recoverable: after it, no file under the data directory (the vault decrypted, the
warehouse read table by table and byte by byte, the inbox, the outbox, logs) holds the member's NIR, names, e-mail,
phone, IBAN, ids or any token they ever had (every domain key version)."""

from __future__ import annotations

import duckdb
import pytest
from click.testing import CliRunner

from tests.vault.dpo_support import KEY, decrypted_vault_text, files_holding, warehouse_text
from tests.vault.dpo_support import erasure_needles as _needles
from tests.vault.dpo_support import pick_member as _pick_member
from vault import audit, keys
from vault.crossing import token_py


@pytest.fixture
def home(dpo_home):
    return dpo_home


def test_erasure_by_nir_leaves_no_recoverable_copy_anywhere(home):
    from confiance.cli import main
    from vault.landing import land_inbox
    from vault.requests import MemberQuery, access, list_requests
    from vault.rotation import rotate_domain_key

    member = _pick_member(home)
    rotate_domain_key(home, "insurer")  # the member now has tokens of key versions 1 and 2
    needles = _needles(home, member)
    key1, key2 = keys.domain_key(home, "insurer", 1), keys.domain_key(home, "insurer", 2)
    v1_token = token_py(key1, "insurer", 1, "member", member["nir"])
    v2_token = token_py(key2, "insurer", 2, "member", member["nir"])
    # an earlier access request left an export in the outbox; a log line carries their token
    _req, paths = access(home, MemberQuery(nir=member["nir"]))
    log = home.home / "airflow" / "logs" / "run.log"
    log.parent.mkdir(parents=True)
    log.write_text(f"crossed member {v2_token}\nrun done: 12 rows\n", encoding="utf-8")
    # a model built by dbt from the crossed rows (the next run would rebuild it; until then it holds them)
    con = duckdb.connect(str(home.warehouse_db))
    try:
        con.execute("CREATE SCHEMA marts_copy")
        con.execute(
            "CREATE TABLE marts_copy.int_benefit_lines AS SELECT member_token, contract_token, care_month "
            "FROM pseudo.benefits"
        )
    finally:
        con.close()
    # the positive control: before the erasure the search finds them
    before = files_holding(home.home, needles)
    assert member["nir"] in before and v2_token in before and paths["html"].exists()
    assert v2_token in warehouse_text(home) and v1_token in decrypted_vault_text(home)
    vault_inode = home.vault_db.stat().st_ino
    members_before = _warehouse_members(home)

    result = CliRunner().invoke(main, ["vault", "request", "erase", "--nir", member["nir"], "--yes"])
    assert result.exit_code == 0, result.output
    assert "request DPO-" in result.output and member["nir"] not in result.output

    assert files_holding(home.home, needles) == {}
    assert files_holding(home.home, [member["last_name"]]) == {}
    vault_text = decrypted_vault_text(home)
    assert [n for n in needles + [member["last_name"]] if n in vault_text] == []
    wh = warehouse_text(home)
    assert [n for n in needles if n in wh] == []
    assert home.vault_db.stat().st_ino != vault_inode  # the vault file was rewritten, not just deleted from
    assert "run done: 12 rows" in log.read_text(encoding="utf-8")  # the rest of the log stays
    # landing again sees no new file (the ledger knows the rewritten inbox files); the chain still verifies
    assert {r["status"] for r in land_inbox(home)} == {"skipped"}
    ok, message = audit.verify(home)
    assert ok, message
    erasure = [e for e in audit.entries(home) if e["action"] == "erasure.member"][-1]["details"]
    assert erasure["rows_deleted"]["raw.members"] == 1 and erasure["warehouse_rows_deleted"] > 0
    req = [r for r in list_requests(home) if r.kind == "erase"][-1]
    assert req.status == "done" and erasure["request"] == req.number
    assert _warehouse_members(home) == members_before - 1  # everyone else is still there


def _warehouse_members(settings) -> int:
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM pseudo.members").fetchone()[0]
    finally:
        con.close()


class _Killed(BaseException):
    """The erasing process dies here (a BaseException: nothing in the erasure may catch it)."""


@pytest.mark.parametrize("crash_at", ["after_vault_commit", "before_vault_rewrite"])
def test_erasure_killed_midway_is_finished_whole_by_the_next_crossing(home, monkeypatch, crash_at):
    """Killed after the vault commit (before the warehouse, the files and the vault file were done), or after the
    files were swept but before the vault file was rewritten: the next crossing finishes everything, once."""
    import vault.erasure as erasure
    from vault.crossing import cross_to_warehouse
    from vault.landing import land_inbox
    from vault.requests import MemberQuery, erase

    member = _pick_member(home)
    needles = [n for n in _needles(home, member) if " " not in n]
    assert member["nir"] in files_holding(home.home, needles)  # positive control: the inbox holds them
    vault_inode = home.vault_db.stat().st_ino

    def die(*_args, **_kwargs):
        raise _Killed

    if crash_at == "after_vault_commit":
        monkeypatch.setattr(erasure, "cross_to_warehouse", die)
    else:
        monkeypatch.setattr(erasure, "rewrite_vault", die)
    with pytest.raises(_Killed):
        erase(home, MemberQuery(nir=member["nir"]))
    monkeypatch.undo()
    monkeypatch.setenv("CONFIANCE_MASTER_KEY", KEY)
    monkeypatch.setenv("CONFIANCE_HOME", str(home.home))
    if crash_at == "after_vault_commit":  # the erasure really stopped half-way
        assert member["nir"] in files_holding(home.home, needles)
        assert "erasure.member" not in [e["action"] for e in audit.entries(home)]

    cross_to_warehouse(home)  # the next pipeline run

    assert files_holding(home.home, needles) == {}
    assert files_holding(home.home, [member["last_name"]]) == {}
    vault_text = decrypted_vault_text(home)
    assert [n for n in needles + [member["last_name"]] if n in vault_text] == []
    wh = warehouse_text(home)
    assert [n for n in needles if n in wh] == []
    assert home.vault_db.stat().st_ino != vault_inode  # the vault file was rewritten
    assert {r["status"] for r in land_inbox(home)} == {"skipped"}  # the ledger knows the swept inbox files
    actions = [e["action"] for e in audit.entries(home)]
    assert actions.count("erasure.member") == 1 and actions.count("erasure.member.files") == 1

    cross_to_warehouse(home)  # nothing left to do: no second erasure entry, the vault not rewritten again
    inode = home.vault_db.stat().st_ino
    cross_to_warehouse(home)
    assert home.vault_db.stat().st_ino == inode
    actions = [e["action"] for e in audit.entries(home)]
    assert actions.count("erasure.member") == 1 and actions.count("erasure.member.files") == 1
    ok, message = audit.verify(home)
    assert ok, message
