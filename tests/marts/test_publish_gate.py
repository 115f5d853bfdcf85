"""Publication gate: signed manifests, tamper detection, refusals (k, lineage, quality) and their reasons."""

from __future__ import annotations

import json
import re

import duckdb
import pyarrow.parquet as pq

from confiance.pipeline_inputs import publication_services
from governance.publish import publish_all, verify_manifest


def test_manifests_signed_and_verified(published):
    settings, summary = published
    assert {c: v["status"] for c, v in summary["consumers"].items()} == dict.fromkeys(
        ["insurer", "employer", "dataviz", "prevention"], "published"
    )
    folders = [settings.published / c for c in ("insurer", "dataviz", "prevention")]
    folders += list((settings.published / "employer").iterdir())
    for folder in folders:
        assert verify_manifest(folder), folder
        manifest = json.loads((folder / "manifest.json").read_text())
        assert manifest["run_id"] == "test_run"
        for entry in manifest["files"]:
            checks = entry["checks"]
            assert checks["k"]["passed"] and checks["lineage"]["passed"] and checks["pii_scan"].startswith("passed")
    for mart, share in summary["masked_cell_share"].items():
        assert share is None or 0 <= share <= 1, mart


def test_tampering_is_detected(published, tmp_path):
    import shutil

    settings, _ = published
    folder = tmp_path / "insurer"
    shutil.copytree(settings.published / "insurer", folder)
    assert verify_manifest(folder)
    # 1. change a data file
    path = folder / "mart_insurer__out_of_pocket.parquet"
    table = pq.read_table(path)
    pq.write_table(table.slice(1), path)
    assert not verify_manifest(folder)
    shutil.rmtree(folder)
    shutil.copytree(settings.published / "insurer", folder)
    # 2. edit the manifest (row count) without re-signing
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["files"][0]["rows"] += 1
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True))
    assert not verify_manifest(folder)
    shutil.rmtree(folder)
    shutil.copytree(settings.published / "insurer", folder)
    # 3. an extra file slipped in
    (folder / "extra.parquet").write_bytes(b"x")
    assert not verify_manifest(folder)
    # 4. a key substituted beside the manifest is caught when the consumer pins the real key
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    (folder / "extra.parquet").unlink()
    real = (folder / "public_key.pem").read_bytes()
    other = (
        Ed25519PrivateKey.generate()
        .public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
    assert verify_manifest(folder, public_key=real)
    assert not verify_manifest(folder, public_key=other)


def test_cell_under_k_is_refused(copy_home):
    settings = copy_home
    con = duckdb.connect(str(settings.warehouse_db))
    con.execute("""update marts.mart_insurer__consumption set member_count = 3, actual_cost = 10
                   where rowid = (select min(rowid) from marts.mart_insurer__consumption where masking = 'none')""")
    con.close()
    summary = publish_all(settings, "under_k", publication_services())
    insurer = summary["consumers"]["insurer"]
    assert insurer["status"] == "refused"
    assert any("between 1 and 10 distinct members" in r for r in insurer["reasons"])
    assert not (settings.published / "insurer").exists()
    assert summary["consumers"]["dataviz"]["status"] == "published"


def test_lineage_refuses_a_mart_exposing_a_token(copy_home):
    settings = copy_home
    manifest_path = settings.home / "dbt" / "target" / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    node = manifest["nodes"]["model.confiance.mart_insurer__out_of_pocket"]
    # the mart's generated cast list (macros/contract_columns.sql) casts each column to its declared type
    node["compiled_code"] = re.sub(
        r"cast\(act_family as (\w+)\) as act_family",
        r"cast((select min(member_token) from staging.stg_pseudo__members) as \1) as act_family",
        node["compiled_code"],
        count=1,
    )
    assert "member_token" in node["compiled_code"]
    manifest_path.write_text(json.dumps(manifest))
    summary = publish_all(settings, "lineage", publication_services())
    insurer = summary["consumers"]["insurer"]
    assert insurer["status"] == "refused"
    assert any("act_family <- pseudo.members.member_token" in r for r in insurer["reasons"])
    assert not (settings.published / "insurer").exists()


def test_quality_blocked_upstream_publishes_nothing_and_says_why(copy_home):
    from quality import results

    settings = copy_home
    results.write_run(
        settings.quality_dir,
        {
            "dataset": "benefits",
            "run_id": "dq1",
            "run_time": "2099-01-01T00:00:00+00:00",
            "success": False,
            "blocking_failures": ["no_duplicate_benefit_line (uniqueness): 12 rows fail"],
        },
    )
    summary = publish_all(settings, "blocked", publication_services())
    for consumer in ("insurer", "employer", "dataviz", "prevention"):
        outcome = summary["consumers"][consumer]
        assert outcome["status"] == "refused", consumer
        assert any(
            "blocking failures upstream in benefits" in r and "no_duplicate_benefit_line" in r
            for r in outcome["reasons"]
        )
        assert not (settings.published / consumer).exists()


def test_consumer_verifies_a_folder_from_the_command_line(published, tmp_path):
    import shutil

    from click.testing import CliRunner

    from confiance.cli import publish

    settings, _ = published
    folder = tmp_path / "insurer"
    shutil.copytree(settings.published / "insurer", folder)
    ok = CliRunner().invoke(publish, ["--verify", str(folder)])
    assert ok.exit_code == 0 and "verified" in ok.output
    parquet = next(folder.glob("*.parquet"))
    parquet.write_bytes(parquet.read_bytes() + b"\0")
    tampered = CliRunner().invoke(publish, ["--verify", str(folder)])
    assert tampered.exit_code == 1


def test_gate_refuses_a_release_its_audit_breaks(copy_home, monkeypatch):
    """Feed the gate a release protected by primary masks alone (a broken suppression): its own attacker's
    programme must find masked cells recovered or proven small, and refuse those consumers whole."""
    import governance.protection as protection
    from governance.sdc import primary_mask

    def primary_only(release, rules):
        for table in release.current():
            primary = primary_mask(table, rules)
            if "primary" in table.frame:
                primary |= table.frame["primary"].astype(bool).to_numpy()
            table.frame["primary"] = primary
            table.frame["masked"] = primary
        return {"primary": 0, "secondary": 0, "unprotectable": 0}

    monkeypatch.setattr(protection, "suppress", primary_only)
    monkeypatch.setenv("CONFIANCE_GATE_WORKERS", "1")  # the patched function lives in this process only
    settings = copy_home
    summary = publish_all(settings, "broken_suppression", publication_services())
    employer = summary["consumers"]["employer"]
    assert employer["status"] == "refused"
    assert any("audit:" in r and ("recovered exactly" in r or "below k" in r) for r in employer["reasons"])
    assert not (settings.published / "employer").exists()
    assert summary["disclosure_audit"]["employer"]["passed"] is False
    # the refusal is in the audit log, with its reasons and no value
    from vault.audit import entries

    last = [e for e in entries(settings) if e["action"] == "publish"][-1]
    assert last["details"]["consumers"]["employer"]["status"] == "refused"
