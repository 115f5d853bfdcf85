"""An erased member sent again by the source system does not land again (GDPR art. 17 and 19).

Written from the DPO's side: after an erasure, the source re-sends the same feeds (an old extract, a system not yet
corrected). The member must not come back anywhere: the whole-directory byte search (vault decrypted, warehouse
read, both key versions of the warehouse domain) still finds nothing of theirs, their rows are counted as refused
(quarantine reason ``erased_member``, holding no value), the audit log and the DPO's requests report say so, and
every other member of the re-sent files lands as usual. The register itself keeps no identity in clear.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tests.vault.dpo_support import (
    decrypted_vault_text,
    erasure_needles,
    files_holding,
    inbox_rows,
    pick_member,
    warehouse_text,
)
from vault import audit
from vault.db import vault_connection


@pytest.fixture
def home(dpo_home):
    return dpo_home


def _originals(settings) -> dict[str, bytes]:
    """The inbox files as the source system sent them (before any erasure rewrote them)."""
    return {p.name: p.read_bytes() for p in sorted(settings.inbox.glob("*.csv"))}


def _resend(settings, originals: dict[str, bytes], tag: str) -> list[str]:
    """The source system sends the same extracts again, under new file names."""
    names = []
    for name, data in originals.items():
        feed, rest = name.split("_", 1)
        new = f"{feed}_{tag}_{rest}"
        (settings.inbox / new).write_bytes(data)
        names.append(new)
    return names


def _erase(nir: str) -> str:
    from confiance.cli import main

    result = CliRunner().invoke(main, ["vault", "request", "erase", "--nir", nir, "--yes"])
    assert result.exit_code == 0, result.output
    return result.output


def _quarantine(settings, reason: str) -> list[tuple]:
    with vault_connection(settings, read_only=True) as con:
        return con.execute(
            "SELECT file, feed, line, reason, raw_values FROM meta.quarantine WHERE reason = ? ORDER BY ALL", [reason]
        ).fetchall()


def _rows_of(settings, member_id: str) -> dict[str, int]:
    """How many rows of each feed the source sent for this member (the generator's files: ground truth)."""
    return {
        feed: sum(1 for r in inbox_rows(settings, feed) if r["member_id"] == member_id)
        for feed in ("members", "contracts", "benefits")
    }


def test_an_erased_member_sent_again_is_refused_and_leaves_no_trace(home):
    from confiance.pipeline_inputs import vault_records
    from governance.reports import landing_ledger_report, requests_report
    from vault.crossing import cross_to_warehouse
    from vault.landing import land_inbox, ledger
    from vault.rotation import rotate_domain_key

    member = pick_member(home)
    sent = _rows_of(home, member["member_id"])
    originals = _originals(home)
    with vault_connection(home, read_only=True) as con:  # their rows the first landing already set aside
        set_aside = dict(
            con.execute(
                "SELECT feed, count(*) FROM meta.quarantine WHERE contains(raw_values, ?) GROUP BY ALL",
                [member["member_id"]],
            ).fetchall()
        )
    rotate_domain_key(home, "insurer")  # tokens of key versions 1 and 2
    needles = erasure_needles(home, member)
    _erase(member["nir"])
    assert files_holding(home.home, needles) == {}

    resent = _resend(home, originals, "resent")
    results = {r["file"]: r for r in land_inbox(home) if r["file"] in resent}
    cross_to_warehouse(home)

    # nothing of theirs anywhere: files, the decrypted vault, the warehouse (both key versions)
    assert files_holding(home.home, needles) == {}
    assert files_holding(home.home, [member["last_name"]]) == {}
    vault_text = decrypted_vault_text(home)
    assert [n for n in needles + [member["last_name"]] if n in vault_text] == []
    wh = warehouse_text(home)
    assert [n for n in needles if n in wh] == []

    # every row the source sent for them is refused, counted, and every file still balances
    by_feed = {r["feed"]: r for r in results.values()}
    assert {f: by_feed[f]["rows_erased"] for f in sent} == sent
    for r in results.values():
        assert r["status"] == "landed" and r["rows_read"] == r["rows_landed"] + r["rows_quarantined"]
    entry = [e for e in audit.entries(home) if e["action"] == "erasure.member"][-1]["details"]
    number = entry["erasure_register_entry"]
    refused = _quarantine(home, "erased_member")
    assert len(refused) == sum(sent.values())
    for file, _feed, line, _reason, raw in refused:
        assert file in resent and line >= 1
        assert json.loads(raw) == {"erasure_register_entry": number}  # the entry's number, no value of theirs
    # everyone else in the re-sent files landed again (minus the generator's own defective rows)
    first = {r["feed"]: r for r in ledger(home) if r["file"] in originals}
    for feed, r in by_feed.items():
        assert r["rows_landed"] == first[feed]["rows_landed"] - (sent[feed] - set_aside.get(feed, 0))

    # the audit log records the refusal (counts and the entry number only) and the chain verifies
    honoured = [e["details"] for e in audit.entries(home) if e["action"] == "erasure.register_honoured"]
    assert sorted(d["rows_refused"] for d in honoured) == sorted(sent.values())
    assert all(d["register_entries"] == [number] for d in honoured)
    ok, message = audit.verify(home)
    assert ok, message
    # the DPO's reports count them: requests (erasure register) and landing ledger (quarantine reasons)
    report = requests_report(home, vault_records(home))
    assert report.data["erasure_register"] == {"entries": 1, "rows_refused": sum(sent.values())}
    register = next(t for t in report.tables if t.title.startswith("Registre des effacements"))
    assert register.rows == [[number, register.rows[0][1], entry["request"], sum(sent.values()), 3]]
    reasons = next(
        t for t in landing_ledger_report(home, vault_records(home)).tables if t.title == "Quarantine reasons"
    )
    assert sum(r[3] for r in reasons.rows if r[2] == "erased_member") == sum(sent.values())
    # and a third sending is refused again (the inbox lines were removed, the register stays)
    again = _resend(home, originals, "third")
    assert sum(r["rows_erased"] for r in land_inbox(home) if r["file"] in again) == sum(sent.values())
    assert files_holding(home.home, needles) == {}


def test_a_re_sent_row_is_refused_whatever_else_is_wrong_with_it_and_under_a_new_member_id(home):
    """A re-sent row that also breaks the contract, or a member row re-sent under a new id with the same NIR, is
    refused as erased: its quarantine entry holds none of its values (not even the ones that were wrong)."""
    from vault.landing import land_inbox

    member = pick_member(home)
    originals = _originals(home)
    members = next(n for n in originals if n.startswith("members"))
    _erase(member["nir"])
    text = originals[members].decode("utf-8")
    header, *lines = text.splitlines(keepends=True)
    mine = next(line for line in lines if line.startswith(member["member_id"] + ";"))
    with vault_connection(home, read_only=True) as con:  # a line of someone else that landed the first time
        landed_line = con.execute(
            "SELECT min(_line) FROM raw.members WHERE member_id <> ?", [member["member_id"]]
        ).fetchone()[0]
    other = lines[landed_line - 2]
    broken = mine.replace(member["birth_date"], "31/02/1980")  # an invalid date too
    new_id = mine.replace(member["member_id"], "A999999999")  # the source re-keyed them
    new_id = new_id.replace(member["email"], "nouvelle.adresse@example.org")
    (home.inbox / "members_resent.csv").write_text(header + broken + new_id + other, encoding="utf-8")
    (result,) = [r for r in land_inbox(home) if r["file"] == "members_resent.csv"]
    assert (result["rows_read"], result["rows_landed"], result["rows_erased"]) == (3, 1, 2)
    refused = _quarantine(home, "erased_member")
    assert [(r[2], r[3]) for r in refused] == [(2, "erased_member"), (3, "erased_member")]  # lines of the file
    vault_text = decrypted_vault_text(home)
    for value in (
        member["nir"],
        member["email"],
        member["last_name"],
        "A999999999",
        "nouvelle.adresse@example.org",
        "31/02/1980",
    ):
        assert value not in vault_text
    assert files_holding(home.home, [member["nir"], "A999999999", member["last_name"]]) == {}


def test_the_register_keeps_no_identity_and_survives_a_key_rotation(home):
    """The register holds digests under its own key (not any consumer's token); after a rotation of that key, an
    entry made under the old version is still honoured and is re-keyed when the member is seen again; a new
    erasure uses the new version."""
    from vault import erasure_register
    from vault.landing import land_inbox

    first, second = pick_member(home), None
    originals = _originals(home)
    first_rows = _rows_of(home, first["member_id"])["members"]
    with vault_connection(home, read_only=True) as con:
        second = con.execute(
            "SELECT min(nir) FROM meta.identity_map WHERE member_id <> ?", [first["member_id"]]
        ).fetchone()[0]
    _erase(first["nir"])
    with vault_connection(home, read_only=True) as con:
        stored = con.execute(
            "SELECT number, entity, key_version, digest, request FROM meta.erasure_register"
        ).fetchall()
    assert {(r[1], r[2]) for r in stored} == {("member_id", 1), ("nir", 1)}
    flat = json.dumps([list(map(str, r)) for r in stored])
    for value in (first["nir"], first["member_id"], first["email"], first["last_name"]):
        assert value not in flat
    insurer_tokens = set(erasure_needles(home, first))
    assert not {r[3] for r in stored} & insurer_tokens  # unlinkable with the warehouse's tokens

    assert erasure_register.rotate_key(home, "dpo") == 2
    assert [e["details"] for e in audit.entries(home) if e["action"] == "key.erasure_register.rotated"] == [
        {"from_version": 1, "to_version": 2, "entries_under_old_versions": 1}
    ]
    _resend(home, {n: d for n, d in originals.items() if n.startswith("members")}, "after-rotation")
    assert sum(r.get("rows_erased", 0) for r in land_inbox(home)) == first_rows
    assert [e.key_versions for e in erasure_register.entries(home)] == [(2,)]  # re-keyed when seen again
    _erase(second)
    assert [(e.number, e.key_versions) for e in erasure_register.entries(home)] == [(1, (2,)), (2, (2,))]
