"""The DPO reports, on a real small pipeline: ledger counts, register, audit chain, and never a value."""

from __future__ import annotations

import csv
import json
import re
import secrets
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from confiance.cli import report
from confiance.contracts import feed_contracts
from confiance.pipeline_inputs import build_dpo_reports, build_site
from confiance.settings import Settings, get_settings
from vault import audit


@pytest.fixture(scope="module")
def master_key() -> Iterator[str]:
    with pytest.MonkeyPatch.context() as mp:
        key = secrets.token_hex(32)
        mp.setenv("CONFIANCE_MASTER_KEY", key)
        yield key


def _inbox_identifiers(inbox: Path) -> dict[str, set[str]]:
    """Every NIR, last name, e-mail, phone and IBAN of the members files in the inbox."""
    wanted = {"nir", "last_name", "email", "phone", "iban"}
    values: dict[str, set[str]] = {k: set() for k in wanted}
    con = duckdb.connect()
    for path in sorted(inbox.iterdir()):
        if not path.name.startswith("members"):
            continue
        if path.suffix == ".parquet":
            rel = con.read_parquet(str(path))
        elif path.suffix in (".jsonl", ".json"):
            rel = con.read_json(str(path))
        else:
            rel = con.read_csv(str(path), all_varchar=True)
        cols = [c for c in rel.columns if c in wanted]
        for row in rel.select(*cols).fetchall():
            for col, value in zip(cols, row, strict=True):
                if value:
                    values[col].add(str(value).strip())
    return values


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory, master_key: str) -> Settings:
    """generate -> land -> quality -> cross -> re-identify -> site -> reports, on 300 members."""
    from confiance.pipeline_inputs import validate_feeds
    from confiance.synthetic import generate
    from vault.crossing import cross_to_warehouse
    from vault.landing import land_inbox
    from vault.reidentify import ReidentificationRefused, reidentify

    settings = get_settings(tmp_path_factory.mktemp("dpo-home"))
    settings.ensure_dirs()
    generate(settings.inbox, members=300, seed=1)
    # One extra file with rows that break the contract, so that quarantine reasons exist.
    members = next(p for p in sorted(settings.inbox.iterdir()) if p.name.startswith("members") and p.suffix == ".csv")
    with open(members, encoding="utf-8-sig", newline="") as fh:
        dialect = csv.Sniffer().sniff(fh.read(4096), delimiters=";,")
        fh.seek(0)
        rows = list(csv.DictReader(fh, dialect=dialect))
    bad = settings.inbox / "members_zz_corrections.csv"
    with open(bad, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), dialect=dialect)
        writer.writeheader()
        for i, row in enumerate(rows[:3]):
            broken = dict(row)
            if i < 2:
                key = int(broken["nir"][-2:])
                broken["nir"] = broken["nir"][:-2] + f"{(key % 97) + 1:02d}"  # wrong control key
            else:
                broken["sex"] = "X"
            writer.writerow(broken)
    land_inbox(settings)
    cross_to_warehouse(settings)
    validate_feeds(settings, "test_run")
    # The trusted third party re-identifies a few members for a declared purpose, and refuses an undeclared one.
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    tokens = [t for (t,) in con.execute("SELECT member_token FROM pseudo.members ORDER BY 1 LIMIT 12").fetchall()]
    con.close()
    tokens_file = tmp_path_factory.mktemp("tokens") / "tokens.txt"
    tokens_file.write_text("\n".join(tokens) + "\n", encoding="utf-8")
    reidentify(settings, "dental_prevention_mailing", tokens_file, caller="tiers-de-confiance")
    with pytest.raises(ReidentificationRefused):
        reidentify(settings, "marketing_campaign", tokens_file, caller="tiers-de-confiance")
    # people's requests handled by the DPO, then the next crossing honours the objection
    from datetime import date

    from vault.requests import MemberQuery, access, object_to, rectify
    from vault.retention import purge

    people = [r for r in rows if r["consent_research"] == "true" and len(r["nir"]) == 15][:2]
    access(settings, MemberQuery(nir=people[0]["nir"]), received=date(2025, 1, 10))  # closed late on purpose
    object_to(settings, MemberQuery(nir=people[0]["nir"]), ["research"])
    rectify(settings, MemberQuery(nir=people[1]["nir"]), {"commune": "Lyon"})
    purge(settings, dry_run=True)
    cross_to_warehouse(settings)
    build_site(settings)
    build_dpo_reports(settings)
    return settings


def _json(settings: Settings, slug: str) -> dict:
    return json.loads((settings.reports / f"{slug}.json").read_text(encoding="utf-8"))


def test_landing_ledger_counts_equal_the_vault_ledger(pipeline: Settings) -> None:
    from vault.landing import ledger, quarantine_summary

    vault_ledger = ledger(pipeline)
    assert vault_ledger, "the pipeline landed nothing"
    per_file = {
        r["file"]: r
        for r in _json(pipeline, "landing_ledger")["tables"][1]["rows"]
        for r in [dict(zip(["file", "feed", "checksum", "status", "read", "landed", "quarantined"], r, strict=False))]
    }
    assert len(per_file) == len(vault_ledger)
    for entry in vault_ledger:
        row = per_file[entry["file"]]
        assert (row["read"], row["landed"], row["quarantined"]) == (
            entry["rows_read"],
            entry["rows_landed"],
            entry["rows_quarantined"],
        )
        assert row["checksum"] == entry["checksum"] and row["feed"] == entry["feed"]
    # per-feed totals add up to the vault's
    per_feed = {r[0]: r for r in _json(pipeline, "landing_ledger")["tables"][0]["rows"]}
    for feed in {e["feed"] for e in vault_ledger}:
        files = [e for e in vault_ledger if e["feed"] == feed]
        assert per_feed[feed][2] == sum(e["rows_read"] for e in files)
        assert per_feed[feed][4] == sum(e["rows_quarantined"] for e in files)
    # quarantine reasons with their counts, as the vault counts them
    reasons = {(r[0], r[2]): r[3] for r in _json(pipeline, "landing_ledger")["tables"][2]["rows"]}
    expected = {(q["file"], q["reason"]): q["rows"] for q in quarantine_summary(pipeline) if q["reason"]}
    landed_files = {e["file"] for e in vault_ledger if e["status"] == "landed"}
    assert reasons == {k: v for k, v in expected.items() if k[0] in landed_files}
    assert sum(v for (f, _), v in reasons.items() if f == "members_zz_corrections.csv") == 3
    html = (pipeline.reports / "landing_ledger.html").read_text(encoding="utf-8")
    assert "members_zz_corrections.csv" in html and "invalid NIR control key" in html


def _leaks(identifiers: dict[str, set[str]], text: str) -> list[str]:
    """Kinds of inbox identifiers found in ``text`` (as written, or numbers without their separators)."""
    # numbers as written, with their spaces, dots or dashes taken out (a phone written "06.12..." or "0612...")
    numbers = [re.sub(r"\D", "", run) for run in re.findall(r"\+?\d[\d .-]{7,}\d", text)]
    words = set(re.findall(r"[\w-]+", text))
    leaks = []
    for kind, values in identifiers.items():
        for value in values:
            if kind == "last_name":
                if re.fullmatch(r"[\w-]+", value):  # one word: a whole word of the text
                    found = value in words
                else:  # "Le Gall", "d'Almeida": as a phrase
                    found = re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", text) is not None
            else:
                found = value in text
            if not found and kind in ("phone", "nir"):
                bare = re.sub(r"\D", "", value)
                bare = bare[2:] if bare.startswith("33") and kind == "phone" else bare
                found = len(bare) >= 9 and any(bare in n for n in numbers)
            if found:
                leaks.append(kind)
    return leaks


def test_no_inbox_value_reaches_the_site_or_the_reports(pipeline: Settings) -> None:
    identifiers = _inbox_identifiers(pipeline.inbox)
    assert all(identifiers[k] for k in ("nir", "last_name", "email", "phone")), "the generator wrote no identifiers"
    text = "\n".join(
        p.read_text(encoding="utf-8")
        for folder in (pipeline.site, pipeline.reports)
        for p in folder.rglob("*")
        if p.is_file()
    )
    assert len(list(pipeline.site.glob("*.html"))) > 5 and len(list(pipeline.reports.glob("*.json"))) >= 5
    leaks = _leaks(identifiers, text)
    assert not leaks, f"values from the inbox in the site or reports: {sorted(set(leaks))} ({len(leaks)})"
    # the check itself finds a planted value of each kind, as written or reformatted
    for kind in ("nir", "last_name", "email", "phone"):
        value = sorted(identifiers[kind])[0]
        assert _leaks({kind: {value}}, text + f"\n<td>{value}</td>") == [kind]
    phone = sorted(identifiers["phone"])[0]
    assert _leaks({"phone": {phone}}, text + " " + ".".join(re.findall(r"\d\d", re.sub(r"\D", "", phone)))) == ["phone"]


def test_register_lists_every_feed_purpose_legal_basis_and_retention(pipeline: Settings) -> None:
    register = _json(pipeline, "processing_register")["data"]["processing"]
    html = (pipeline.reports / "processing_register.html").read_text(encoding="utf-8")
    md = (pipeline.reports / "processing_register.md").read_text(encoding="utf-8")
    by_feed = {r["feed"]: r for r in register}
    assert set(by_feed) == set(feed_contracts())
    for name, contract in feed_contracts().items():
        record = by_feed[name]
        assert record["processing"] == contract.custom["processing_purpose"]
        assert record["legal_basis"] == contract.custom["legal_basis"]
        retention = contract.sla["retention"]
        assert str(retention.value) in record["retention"] and retention.description in record["retention"]
        # every direct identifier and health-data column is declared among the categories of data
        for col in contract.columns:
            if col.classification in ("direct_identifier", "sensitive"):
                assert col.business_name in record["categories_of_data"], (name, col.name)
        for text in (html, md):
            assert contract.custom["processing_purpose"] in text
    assert "encrypt" in by_feed["members"]["security_measures"]
    assert f"at least {pipeline.min_cell_size} distinct members" in by_feed["members"]["security_measures"]
    retention = _json(pipeline, "retention")["data"]["feeds"]
    assert {r["feed"] for r in retention} == set(feed_contracts())


def test_audit_summary_counts_reidentifications(pipeline: Settings) -> None:
    data = _json(pipeline, "audit_summary")["data"]
    entries = audit.entries(pipeline)
    assert data["entries"] == len(entries)
    assert data["chain_ok"] is True
    reid = {r["action"]: r for r in data["reidentifications"]}
    assert set(reid) == {"reidentification", "reidentification.refused"}
    assert reid["reidentification"]["purpose"] == "dental_prevention_mailing"
    assert "tokens=12" in reid["reidentification"]["counts"]
    assert "undeclared purpose" in reid["reidentification.refused"]["counts"]
    for action in {e["action"] for e in entries}:
        assert data["actions"][action] == sum(1 for e in entries if e["action"] == action)
    by_purpose = {r[0]: r[1] for r in _json(pipeline, "audit_summary")["tables"][2]["rows"]}
    assert by_purpose == {"dental_prevention_mailing": 1, "marketing_campaign": 1}
    # the register lists the declared purposes with their legal basis
    from vault.reidentify import purposes

    register = (pipeline.reports / "processing_register.html").read_text(encoding="utf-8")
    for name, spec in purposes().items():
        assert name in register and " ".join(spec["legal_basis"].split()) in register


def test_retention_counts_come_from_the_vault(pipeline: Settings) -> None:
    from vault.retention import due_for_purge

    expected = {d.feed: d for d in due_for_purge(pipeline)}
    rows = {r["feed"]: r for r in _json(pipeline, "retention")["data"]["feeds"]}
    assert set(rows) == set(feed_contracts())
    for feed, d in expected.items():
        assert rows[feed]["rows"] == d.rows and rows[feed]["rows_due"] == d.due_for_purge
    for feed, contract in feed_contracts().items():
        assert " ".join(contract.sla["retention"].description.split()) == rows[feed]["rule"]


def test_quality_status_of_the_feeds_reaches_site_and_report(pipeline: Settings) -> None:
    from quality.status import dataset_status

    status = dataset_status(pipeline)
    assert "raw.members" in status
    report_rows = {(d["zone"], d["dataset"]): d for d in _json(pipeline, "quality_status")["data"]["datasets"]}
    assert report_rows[("feed", "members")]["status"] in ("passed", "warning", "failed")
    assert report_rows[("feed", "members")]["at"] == status["raw.members"]["run_time"]
    page = (pipeline.site / "feed-members.html").read_text(encoding="utf-8")
    assert status["raw.members"]["run_time"] in page and "not yet validated" not in page.split("<h2>Lineage")[0]
    # the site links the Data Docs the run built
    assert "../quality/data_docs/index.html" in page


def test_tampered_audit_chain_shows_as_broken(tmp_path: Path, master_key: str) -> None:
    settings = get_settings(tmp_path)
    settings.ensure_dirs()
    for i in range(3):
        audit.append(settings, "tiers-de-confiance", "publication", {"consumer": "insurer", "files": i + 1})
    build_dpo_reports(settings)
    assert _json(settings, "audit_summary")["data"]["chain_ok"] is True
    assert _json(settings, "audit_summary")["status"] == "ok"

    log_file = audit.log_path(settings)
    lines = log_file.read_text(encoding="utf-8").splitlines()
    entry = json.loads(lines[1])
    entry["details"]["files"] = 99  # an edited count
    lines[1] = json.dumps(entry)
    log_file.write_text("\n".join(lines) + "\n", encoding="utf-8")

    build_dpo_reports(settings)
    summary = _json(settings, "audit_summary")
    assert summary["data"]["chain_ok"] is False and summary["status"] == "broken"
    assert "entry 2" in summary["data"]["chain_message"]
    html = (settings.reports / "audit_summary.html").read_text(encoding="utf-8")
    assert "BROKEN" in html and 'class="alert"' in html
    index = (settings.reports / "index.html").read_text(encoding="utf-8")
    assert "st-fail" in index


def test_publication_log_lists_publication_events(tmp_path: Path, master_key: str) -> None:
    settings = get_settings(tmp_path)
    settings.ensure_dirs()
    # the audit entry the publication gate writes (governance.publish._audit)
    audit.append(
        settings,
        "publication-gate",
        "publish",
        {
            "run_id": "r1",
            "consumers": {
                "insurer": {"status": "published", "files": 3, "reasons": 0},
                "employer": {"status": "refused", "files": 0, "reasons": 2},
            },
            "employer_folders": 0,
            "disclosure_audit": {
                "insurer": {
                    "releases_audited": 1,
                    "masked_cells_audited": 134,
                    "primary_cells": 134,
                    "secondary_cells": 0,
                    "min_count_upper_bound": 14.0,
                    "min_amount_spread": 0.692,
                    "passed": True,
                },
                "employer": {
                    "releases_audited": 46,
                    "masked_cells_audited": 1212,
                    "primary_cells": 1211,
                    "secondary_cells": 1,
                    "min_count_upper_bound": 9.0,
                    "min_amount_spread": 0.1,
                    "passed": False,
                },
            },
            "masked_share": {"mart_employer__consumption": {"cells": 0.42, "amounts": 0.031}},
        },
    )
    build_dpo_reports(settings)
    tables = {t["title"]: t for t in _json(settings, "publication_log")["tables"]}
    audit_title = next(t for t in tables if t.startswith("Audit de divulgation"))
    audits = {r[2]: r for r in tables[audit_title]["rows"]}
    assert audits["insurer"][3:] == [1, 134, 134, 0, 14.0, "69%", "passed / réussi"]
    assert audits["employer"][-1] == "FAILED / échoué" and audits["employer"][6] == 1
    loss = tables["Perte d'information / Information loss (last publication)"]["rows"]
    assert loss == [["r1", "mart_employer__consumption", "42.0%", "3.1%"]]
    events = tables["Publication events (audit log)"]["rows"]
    assert len(events) == 1 and "consumers.insurer.files=3" in events[0][3]
    decisions = {r[2]: r for r in tables["Publication decisions per consumer (audit log)"]["rows"]}
    assert decisions["insurer"][3:] == ["published", 3, 0]
    assert decisions["employer"][3:] == ["refused", 0, 2]
    assert decisions["insurer"][1] == "r1"


def test_report_command(tmp_path: Path, master_key: str) -> None:
    runner = CliRunner()
    assert "DPO reports" in runner.invoke(report, ["--help"]).output
    result = runner.invoke(report, ["--home", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for slug in ("landing_ledger", "publication_log", "audit_summary", "retention", "processing_register"):
        for ext in ("html", "md", "json"):
            assert (tmp_path / "reports" / f"{slug}.{ext}").is_file()


def test_requests_report_lists_each_request_with_its_due_date_and_status(pipeline: Settings) -> None:
    from vault.requests import list_requests

    register = {r.number: r for r in list_requests(pipeline)}
    data = _json(pipeline, "requests")["data"]
    assert {r["number"] for r in data["requests"]} == set(register) and len(register) == 3
    for r in data["requests"]:
        assert r["kind"] == register[r["number"]].kind and r["status"] == "done"
        assert r["due_on"] == register[r["number"]].due_on.isoformat()
    assert data["late"] == 1  # the access request received on 2025-01-10 was answered long after a month
    html = (pipeline.reports / "requests.html").read_text(encoding="utf-8")
    assert "EN RETARD / LATE" in html and "<svg" in html and "Responsable du traitement" in html


def test_consent_report_reconciles_with_the_warehouse_and_the_campaigns(pipeline: Settings) -> None:
    con = duckdb.connect(str(pipeline.warehouse_db), read_only=True)
    try:
        total, research = con.execute(
            "SELECT count(*), count(*) FILTER (consent_research) FROM pseudo.members"
        ).fetchone()
    finally:
        con.close()
    data = _json(pipeline, "consent")["data"]
    assert data["shares"]["consent_research"] == {"members": total, "given": research}
    assert ["mart_prevention__dental_checkup", "consent_research", total - research] in data["marts"]
    reid = next(e for e in audit.entries(pipeline) if e["action"] == "reidentification")["details"]
    campaign = next(c for c in data["campaigns"] if c[0] == "dental_prevention_mailing")
    assert campaign[2:] == [1, reid["resolved"], reid["resolved"] - reid["consented"]]
    assert sum(n for _m, c, n in data["objections"] if c == "consent_research") == 1


def test_every_table_has_its_csv_and_the_reports_speak_french(pipeline: Settings) -> None:
    for page in pipeline.reports.glob("*.json"):
        report_json = json.loads(page.read_text(encoding="utf-8"))
        for i, table in enumerate(report_json["tables"], start=1):
            path = pipeline.reports / f"{report_json['slug']}__{i}.csv"
            with open(path, encoding="utf-8-sig", newline="") as fh:
                rows = list(csv.reader(fh, delimiter=";"))
            assert len(rows) == len(table["rows"]) + 1, path.name
    log = _json(pipeline, "audit_log")
    assert log["data"]["entries"] == len(audit.entries(pipeline)) and log["data"]["chain_ok"] is True
    assert "Ré-identification / re-identification" in log["data"]["kinds"]
    assert "Accès refusé / refused access" in log["data"]["kinds"]
    html = (pipeline.reports / "audit_log.html").read_text(encoding="utf-8")
    assert 'id="f-kind"' in html and "@media print" in html and "Les mots de ce rapport" in html
    index = (pipeline.reports / "index.html").read_text(encoding="utf-8")
    assert "Rapports du DPO" in index and "the mutuelle" not in index
    from markupsafe import escape

    from confiance.settings import controller_identity

    assert str(escape(controller_identity()["name"])) in index


def test_register_lists_every_contract_and_the_security_measures_once(pipeline: Settings) -> None:
    from confiance.contracts import mart_contracts

    html = (pipeline.reports / "processing_register.html").read_text(encoding="utf-8")
    for name in list(feed_contracts()) + list(mart_contracts()):
        assert name in html, name
    assert html.count("encryption at rest") == 1
    # the minimal record kept to honour erasures is declared in the register, with its legal basis
    assert "Registre des effacements" in html and "RGPD art. 17 et 19" in html


def test_retention_reconciles_the_ledger_with_the_vault(pipeline: Settings) -> None:
    from vault.retention import reconcile

    tables = {t["title"]: t for t in _json(pipeline, "retention")["tables"]}
    recon = next(t for title, t in tables.items() if title.startswith("Rapprochement"))
    by_feed = {r[0]: r for r in recon["rows"]}
    for r in reconcile(pipeline):
        assert r.explained and by_feed[r.feed][1] == r.landed and by_feed[r.feed][6] == r.current
        assert r.landed - r.removed_audited + r.by_requests - r.earlier_versions == r.current
    assert by_feed["members"][4] == 2  # the objection and the rectification wrote a version each
