"""End to end: a small synthetic mutuelle through the real Airflow DAG (`airflow dags test`).

Asserts what reached each zone, and that no direct identifier from the inbox
appears anywhere outside the vault: warehouse, marts, published files, site,
reports, quality results, Airflow's task logs.
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from confiance.settings import REPO_ROOT, get_settings
from tests.e2e.leak_scan import LeakScanner, inbox_identifiers, leaks_in_files

BIN = Path(sys.executable).parent
MEMBERS = 3000

pytestmark = pytest.mark.e2e


def _run(args: list[str], env: dict[str, str], log: Path) -> None:
    with open(log, "w") as fh:
        proc = subprocess.run(args, cwd=REPO_ROOT, env=env, stdout=fh, stderr=subprocess.STDOUT, timeout=3000)
    if proc.returncode != 0:
        tail = log.read_text(errors="replace")[-6000:]
        pytest.fail(f"{' '.join(args[:3])} failed ({proc.returncode}); log {log}:\n{tail}")


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory, dbt_manifest):
    base = tmp_path_factory.mktemp("e2e")
    home = base / "var"
    env = {
        **os.environ,
        "CONFIANCE_HOME": str(home),
        "CONFIANCE_KEY_FILE": str(base / "keys" / "master.key"),
        "CONFIANCE_WAREHOUSE_DB": str(home / "warehouse" / "warehouse.duckdb"),
        "AIRFLOW_HOME": str(home / "airflow"),
        "PYTHONPATH": str(REPO_ROOT),
        # OpenLineage: the provider's file transport, so the run's events can be checked and nothing leaves.
        "AIRFLOW__OPENLINEAGE__NAMESPACE": "confiance",
        "AIRFLOW__OPENLINEAGE__TRANSPORT": json.dumps(
            {"type": "file", "log_file_path": str(base / "openlineage.jsonl"), "append": True}
        ),
    }
    env.pop("CONFIANCE_MASTER_KEY", None)
    _run([str(BIN / "confiance"), "vault", "init-key"], env, base / "init-key.log")
    _run(
        [str(BIN / "confiance"), "generate", "--members", str(MEMBERS), "--seed", "7", "--defect-rate", "0.002"],
        env,
        base / "generate.log",
    )
    _run([str(BIN / "airflow"), "db", "migrate"], env, base / "migrate.log")
    _run([str(BIN / "airflow"), "dags", "test", "confiance_pipeline"], env, base / "dags-test.log")
    summary = subprocess.run(
        [str(BIN / "confiance"), "summary"], cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=True
    )
    settings = dataclasses.replace(get_settings(home), key_file=base / "keys" / "master.key")
    # This run's key is its key file: a key other tests left in the environment (the session's demo run
    # sets one) must not shadow it while these tests open the vault in-process.
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv("CONFIANCE_MASTER_KEY", raising=False)
        yield {"home": home, "base": base, "env": env, "summary": summary.stdout, "settings": settings}


def test_demo_summary_and_zones(demo_run):
    settings = demo_run["settings"]
    text = demo_run["summary"]
    for feed in ("members", "contracts", "benefits"):
        assert feed in text
    assert "quarantined" in text
    assert (settings.site / "index.html").exists()
    assert any(settings.reports.rglob("*.html"))
    assert (settings.quality_dir / "data_docs" / "index.html").exists()


def test_every_row_landed_or_quarantined(demo_run):
    from vault.landing import ledger

    entries = ledger(demo_run["settings"])
    assert {e["feed"] for e in entries} == {"members", "contracts", "benefits"}
    for e in entries:
        assert e["rows_read"] == e["rows_landed"] + e["rows_quarantined"], e["file"]
    members = next(e for e in entries if e["feed"] == "members")
    assert members["rows_read"] == MEMBERS
    # The generator's defect rate put a few bad rows in every feed; they are quarantined, not lost.
    assert sum(e["rows_quarantined"] for e in entries) > 0


def test_warehouse_holds_pseudonymised_tables(demo_run):
    settings = demo_run["settings"]
    with duckdb.connect(str(settings.warehouse_db), read_only=True) as con:
        members = con.execute("select count(*), count(distinct member_token) from pseudo.members").fetchone()
        assert members[0] == members[1] > 0.95 * MEMBERS
        token = con.execute("select member_token from pseudo.members limit 1").fetchone()[0]
        assert token.startswith(f"{settings.warehouse_domain}.v")
        cols = {
            r[0]
            for r in con.execute(
                "select column_name from information_schema.columns where table_schema = 'pseudo'"
            ).fetchall()
        }
        assert not cols & {
            "nir",
            "last_name",
            "first_name",
            "email",
            "phone",
            "iban",
            "street_address",
            "birth_date",
            "member_id",
        }


def test_marts_published_with_signed_manifests(demo_run):
    from governance.publish import verify_manifest

    published = demo_run["settings"].published
    consumers = {p.parent.relative_to(published).parts[0] for p in published.rglob("manifest.json")}
    assert {"insurer", "employer", "dataviz", "prevention"} <= consumers
    for manifest in published.rglob("manifest.json"):
        assert verify_manifest(manifest.parent), manifest
    for parquet in published.rglob("*.parquet"):
        table = pq.read_table(parquet)
        for name in table.column_names:
            assert "token" not in name, f"{parquet.name} publishes a token column {name}"


def test_no_direct_identifier_outside_the_vault(demo_run):
    settings = demo_run["settings"]
    ids = inbox_identifiers(settings.inbox)
    assert all(ids.values())
    # One automaton over the ~6,000 needles, built once; every text below is read and scanned once.
    scanner = LeakScanner(ids)
    leaks: list[str] = []

    # Every string value of every warehouse table (marts included).
    with duckdb.connect(str(settings.warehouse_db), read_only=True) as con:
        columns = con.execute(
            "select table_schema, table_name, column_name from information_schema.columns where data_type = 'VARCHAR'"
        ).fetchall()
        for schema, table, column in columns:
            values = [
                v
                for (v,) in con.execute(
                    f'select distinct "{column}" from "{schema}"."{table}" where "{column}" is not null'
                ).fetchall()
            ]
            found = scanner.leaks("\n".join(values))
            if found:
                leaks.append(f"warehouse {schema}.{table}.{column}: {found}")

    # Every published Parquet file, decoded.
    for parquet in settings.published.rglob("*.parquet"):
        table = pq.read_table(parquet)
        text = "\n".join(str(v) for col in table.columns for v in col.to_pylist() if isinstance(v, str))
        if found := scanner.leaks(text):
            leaks.append(f"{parquet}: {found}")

    # Every text file outside the vault and the inbox: site, reports, quality results, manifests, Airflow logs.
    leaks += leaks_in_files(demo_run["home"], [settings.vault_dir, settings.inbox], scanner)
    assert not leaks, "direct identifiers outside the vault:\n" + "\n".join(leaks)


def test_published_cells_describe_at_least_k_members(demo_run):
    """A published count is 0 (grids are complete: nobody had that care) or at least k; never 1 to k-1."""
    settings = demo_run["settings"]
    for manifest_path in settings.published.rglob("manifest.json"):
        manifest = json.loads(manifest_path.read_text())
        assert manifest["signature"]["algorithm"] == "Ed25519"
        for item in manifest["files"]:
            table = pq.read_table(manifest_path.parent / item["name"]).to_pylist()
            for row in table:
                count = row.get("member_count")
                if count is not None:
                    assert count == 0 or count >= settings.min_cell_size, f"{item['name']} has a cell of {count}"
                if row.get("masking") is not None:
                    assert row["masking"] in ("none", "masked"), f"{item['name']} publishes a masking reason"


def _openlineage_events(path: Path) -> list[dict]:
    assert path.is_file(), f"no OpenLineage event written to {path}"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_openlineage_events_describe_the_dags_inputs_and_outputs(demo_run):
    """The DAG run's OpenLineage events (file transport) name what each stage read and wrote."""
    settings = demo_run["settings"]
    events = _openlineage_events(demo_run["base"] / "openlineage.jsonl")
    completed = {}
    for event in events:
        job = event["job"]["name"]
        assert event["job"]["namespace"] == "confiance", job
        if event.get("eventType") == "COMPLETE":
            completed[job] = event
    # Every task event belongs to the same DAG run (OpenLineage parent facet), so a catalogue links them.
    parents = {
        (e.get("run", {}).get("facets", {}).get("parent") or {}).get("job", {}).get("name")
        for job, e in completed.items()
        if job.startswith("confiance_pipeline.")
    }
    assert parents == {"confiance_pipeline"}, parents

    def paths(event: dict, side: str) -> set[str]:
        return {d["name"] for d in event.get(side) or [] if d["namespace"].startswith("file")}

    expected = {
        "land": ({settings.inbox}, {settings.vault_db}),
        "cross": ({settings.vault_db}, {settings.warehouse_db}),
        "quality_feeds": ({settings.vault_db}, {settings.quality_dir / "results"}),
        "publish": ({settings.warehouse_db}, {settings.published}),
        "site": ({settings.warehouse_db}, {settings.site}),
        "reports": ({settings.published}, {settings.reports}),
    }
    for task, (inputs, outputs) in expected.items():
        event = completed.get(f"confiance_pipeline.{task}")
        assert event is not None, f"no COMPLETE event for task {task}: {sorted(completed)}"
        got_in, got_out = paths(event, "inputs"), paths(event, "outputs")
        for p in inputs:
            assert str(p.resolve()) in got_in, (task, got_in)
        for p in outputs:
            assert str(p.resolve()) in got_out, (task, got_out)
    # Every dbt model ran as its own task and reported its run.
    dbt_jobs = {job for job in completed if job.startswith("confiance_pipeline.dbt.")}
    assert any("stg_pseudo__benefits" in job for job in dbt_jobs), sorted(completed)
    # ... with the tables it read and wrote (Cosmos' dbt lineage): pseudo.benefits -> staging model.
    stg = completed[next(j for j in dbt_jobs if "stg_pseudo__benefits" in j)]
    assert any(d["name"].endswith("pseudo.benefits") for d in stg.get("inputs") or []), stg.get("inputs")
    assert any(d["name"].endswith("stg_pseudo__benefits") for d in stg.get("outputs") or []), stg.get("outputs")
    # The data dictionary names the same run's outputs: the site was built by the DAG and links back.
    assert (settings.site / "search-index.js").is_file()


def test_dag_run_keeps_dbt_test_results_for_the_site(demo_run):
    """Cosmos tasks archive their dbt test results; the site shows them beside Great Expectations."""
    settings = demo_run["settings"]
    archived = list((settings.dbt_target_dir / "build_results").glob("*.json"))
    assert archived, "no dbt build results archived by the Cosmos callback"
    page = (settings.site / "model-stg_pseudo__benefits.html").read_text(encoding="utf-8")
    assert "Tests dbt / dbt tests" in page
    assert 'class="dbt-tests"' in page, "the staging model's dbt tests are not on its page"
