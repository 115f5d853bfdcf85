"""Warehouse and mart suites, the gate, the status, Data Docs privacy, the check registry and the CLI."""

from __future__ import annotations

import datetime as dt
import json

import duckdb
import pytest
from click.testing import CliRunner

from confiance import identifiers
from confiance.cli import quality as quality_cli
from confiance.contracts import mart_contracts
from quality import results
from quality.checks import ZoneColumn, ZoneView, check_sql
from quality.gate import blocking_failures, upstream_failures
from quality.runner import validate_feeds_on, validate_marts_on, validate_warehouse_on
from quality.status import dataset_status
from tests.quality.quality_fixtures import AS_OF, build_rows, ledger_for, write_pseudo, write_raw


def failed(settings, dataset):
    return {c["check"]: c for c in results.latest(settings.quality_dir)[dataset]["checks"] if not c["success"]}


def run_warehouse(tmp_path, settings, rows, mutate_sql=(), only=None):
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    write_pseudo(con, rows)
    for sql in mutate_sql:
        con.execute(sql)
    summary = validate_warehouse_on(con, settings, "wh", only=only)
    con.close()
    return summary


def test_clean_warehouse_passes(tmp_path, settings, rows):
    summary = run_warehouse(tmp_path, settings, rows)
    for dataset, s in summary["datasets"].items():
        assert s["success"], (dataset, s["blocking_failures"], s["warnings"])
    checks = {c["check"] for c in results.latest(settings.quality_dir)["pseudo.members"]["checks"]}
    assert {"member_token.unique", "member_token.token_format", "age_band.format", "departement.in_set"} <= checks
    checks = {c["check"] for c in results.latest(settings.quality_dir)["pseudo.benefits"]["checks"]}
    assert {"amounts_add_up", "benefit_token.unique", "comment.no_nir", "benefit_within_contract"} <= checks


WAREHOUSE_BREAKS = [
    (
        "members",
        "UPDATE pseudo.members SET member_token = 'A000000003' WHERE birth_year = 1952",
        "member_token.token_format",
    ),
    (
        "members",
        "UPDATE pseudo.members SET member_token = (SELECT min(member_token) FROM pseudo.members) "
        "WHERE birth_year = 1953",
        "member_token.unique",
    ),
    ("members", "UPDATE pseudo.members SET age_band = '35 to 39' WHERE birth_year = 1954", "age_band.format"),
    ("members", "UPDATE pseudo.members SET departement = '96' WHERE birth_year = 1955", "departement.in_set"),
    ("members", "UPDATE pseudo.members SET birth_year = 1880 WHERE birth_year = 1956", "birth_year.range"),
    (
        "benefits",
        "UPDATE pseudo.benefits SET comment = 'appel de 185017510000134' WHERE comment IS NOT NULL AND act_code='G0' "
        "AND benefit_token = (SELECT min(benefit_token) FROM pseudo.benefits WHERE comment IS NOT NULL)",
        "comment.no_nir",
    ),
    (
        "benefits",
        "UPDATE pseudo.benefits SET comment = 'ecrire a jean.dupont@example.fr' WHERE benefit_token = "
        "(SELECT max(benefit_token) FROM pseudo.benefits WHERE comment IS NOT NULL)",
        "comment.no_email",
    ),
    (
        "benefits",
        "UPDATE pseudo.benefits SET out_of_pocket = out_of_pocket + 1 WHERE act_code = 'G1' "
        "AND benefit_token = (SELECT min(benefit_token) FROM pseudo.benefits)",
        "amounts_add_up",
    ),
    (
        "benefits",
        "UPDATE pseudo.benefits SET care_month = DATE '2019-01-01' WHERE benefit_token = "
        "(SELECT max(benefit_token) FROM pseudo.benefits)",
        "benefit_within_contract",
    ),
    (
        "benefits",
        "UPDATE pseudo.benefits SET benefit_token = (SELECT min(benefit_token) FROM pseudo.benefits) "
        "WHERE benefit_token = (SELECT max(benefit_token) FROM pseudo.benefits)",
        "benefit_token.unique",
    ),
    (
        "contracts",
        "UPDATE pseudo.contracts SET end_date = DATE '2010-01-01' WHERE guarantee_level = 2",
        "end_after_start",
    ),
]


def test_warehouse_breaks_fail_their_checks(tmp_path, settings, rows):
    # One run, each break on different rows; each expected check must fail, with token references.
    summary = run_warehouse(tmp_path, settings, rows, [sql for _f, sql, _c in WAREHOUSE_BREAKS])
    for feed, _sql, check in WAREHOUSE_BREAKS:
        f = failed(settings, f"pseudo.{feed}")
        assert check in f, (feed, check, sorted(f))
        assert f[check]["failed_rows"] >= 1
    assert summary["datasets"]["pseudo.members"]["blocking"]
    # failing warehouse rows are referenced by token
    import pyarrow.parquet as pq

    f = failed(settings, "pseudo.members")["age_band.format"]
    refs = pq.read_table(settings.quality_dir / f["failed_rows_file"]).to_pylist()
    assert len(refs) == 2 and refs[0]["member_token"].startswith("insurer.v1.")


def _mart_table(con, contract, rows):
    cols = ", ".join(f'"{c.name}" {c.physical_type}' for c in contract.columns)
    con.execute("CREATE SCHEMA IF NOT EXISTS marts")
    con.execute(f'CREATE OR REPLACE TABLE marts."{contract.name}" ({cols})')
    names = [c.name for c in contract.columns]
    con.executemany(
        f'INSERT INTO marts."{contract.name}" VALUES ({", ".join("?" for _ in names)})',
        [[r.get(n) for n in names] for r in rows],
    )


def _mart_rows(contract, n=30):
    out = []
    for i in range(n):
        row = {}
        for c in contract.columns:
            enum = c.options.get("enum")
            if enum:
                row[c.name] = "none" if "none" in enum else enum[i % len(enum)]
            elif c.logical_type == "integer":
                row[c.name] = 11 + i
            elif c.logical_type == "number":
                row[c.name] = 100.0 + i
            elif c.logical_type == "date":
                row[c.name] = dt.date(2025, 1, 1)
            elif c.logical_type == "timestamp":
                row[c.name] = dt.datetime(2025, 1, 1)
            elif c.logical_type == "boolean":
                row[c.name] = False
            else:
                pattern = c.options.get("pattern")
                row[c.name] = None if pattern else f"v{i}"
        out.append(row)
    return out


def test_marts_are_validated_from_their_contracts(tmp_path, settings):
    contract = mart_contracts().get("mart_insurer__consumption")
    if contract is None:
        pytest.skip("mart contract mart_insurer__consumption not written yet")
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    good = _mart_rows(contract)
    _mart_table(con, contract, good)
    summary = validate_marts_on(con, settings, "m1")
    s = summary["datasets"]["mart_insurer__consumption"]
    assert s["success"], s["blocking_failures"]
    # a published cell under k members breaks the contract's k_anonymous_cells rule
    con.execute('UPDATE marts."mart_insurer__consumption" SET member_count = 5 WHERE member_count = 12')
    summary = validate_marts_on(con, settings, "m2")
    con.close()
    s = summary["datasets"]["mart_insurer__consumption"]
    assert not s["success"] and s["blocking"]
    assert any(r.startswith("k_anonymous_cells ") for r in s["blocking_failures"])
    # a mart with a contract but no table is reported as blocking, never silently skipped
    others = [name for name in mart_contracts() if name != "mart_insurer__consumption"]
    for name in others:
        assert summary["datasets"][name]["blocking"]
        assert "missing" in summary["datasets"][name]["blocking_failures"][0]


def test_gate_blocks_duplicate_benefit_lines_and_clears_after_a_clean_run(tmp_path, settings):
    rows = build_rows()
    dup = dict(rows["benefits"][0], benefit_id="P999999999999")
    rows["benefits"].append(dup)
    con = duckdb.connect(str(tmp_path / "vault.duckdb"))
    write_raw(con, rows)
    validate_feeds_on(con, settings, "run_dup", ledger_rows=ledger_for(), only=["benefits"])
    gate = blocking_failures(settings)
    assert list(gate) == ["raw.benefits"]
    assert any("no_duplicate_benefit_line" in r and "2 of" in r for r in gate["raw.benefits"])
    assert upstream_failures(settings, ["raw.benefits", "pseudo.benefits"]) == gate
    assert upstream_failures(settings, ["raw.members"]) == {}
    # Warnings never block.
    rows = build_rows()
    rows["benefits"][0]["care_date"] = dt.date(2019, 6, 1)  # outside the contract: warning
    write_raw(con, rows)
    validate_feeds_on(con, settings, "run_clean", ledger_rows=ledger_for(), only=["benefits"])
    con.close()
    assert blocking_failures(settings) == {}
    status = dataset_status(settings)["raw.benefits"]
    assert status["success"] is False and status["blocking"] is False and status["warnings"]
    assert [t["run_id"] for t in status["trend"]] == ["run_dup", "run_clean"]
    assert status["failed"] == 1 and status["passed"] == status["evaluated"] - 1
    assert status["data_docs"].endswith("data_docs/index.html")


def test_results_and_data_docs_never_contain_identifying_values(tmp_path, settings):
    rows = build_rows()
    # Break rules on identifying columns so that GX has failing values to (not) report.
    rows["members"][3]["nir"] = rows["members"][3]["nir"][:13] + "00"
    rows["members"][4]["member_id"] = rows["members"][5]["member_id"]
    rows["members"][6]["postal_code"] = "98000"
    rows["members"][7]["employer_siret"] = "12345678901235"
    rows["members"][8]["last_name"] = None
    rows["benefits"][0]["comment"] = "rappeler Mme Martin au 0612345678, NIR " + rows["members"][9]["nir"]
    con = duckdb.connect(str(tmp_path / "vault.duckdb"))
    write_raw(con, rows)
    write_pseudo(con, rows)
    con.execute("UPDATE pseudo.benefits SET comment = 'reste ' || 'jean.dupont@example.fr' WHERE comment = 'RAS'")
    validate_feeds_on(con, settings, "privacy", ledger_rows=ledger_for())
    validate_warehouse_on(con, settings, "privacy")
    con.close()
    secrets = set()
    for m in rows["members"]:
        secrets |= {m["nir"], m["member_id"], m["email"], m["phone"], m["iban"], m["street_address"]}
        if m["last_name"] and len(m["last_name"]) > 6:
            secrets.add(m["last_name"])
    secrets |= {"98000", "12345678901235", "jean.dupont@example.fr", "0612345678", "Martin"}
    secrets.discard(None)
    files = [p for p in settings.quality_dir.rglob("*") if p.is_file() and p.suffix in (".json", ".html", ".parquet")]
    assert any(p.suffix == ".html" for p in files) and any("results" in p.parts for p in files)
    assert len(files) > 20
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace")
        leaked = [s for s in secrets if s in text]
        assert not leaked, (path, len(leaked))


def test_registry_sql_agrees_with_confiance_identifiers():
    nirs = [identifiers.make_nir("F", 1985, 3, d, 12, 7) for d in ("75", "2A", "2B", "971", "99")]
    nirs += [n[:13] + "00" for n in nirs] + ["1850", "ABCDEFGHIJKLMNO", None]
    sirets = [identifiers.make_siret(identifiers.make_siren(12345678), 1), "12345678901235", "35600000000048", None]
    postal = ["75011", "20090", "20200", "97100", "97500", "98000", "00100", "7501", None]
    view = ZoneView("vault", {"v": ZoneColumn("v")}, {})
    con = duckdb.connect()
    for impl, values, python in [
        ("nir_key_valid", nirs, identifiers.nir_key_valid),
        ("siret_luhn_valid", sirets, identifiers.siret_luhn_valid),
        ("postal_code_matches_departement", postal, lambda v: identifiers.postal_code_departement(v) is not None),
    ]:
        sql = check_sql(impl, view, "v", None)
        con.execute("CREATE OR REPLACE TABLE t (v VARCHAR)")
        con.executemany("INSERT INTO t VALUES (?)", [[v] for v in values])
        got = dict(con.execute(f"SELECT v, {sql} FROM t AS t").fetchall())
        for v in values:
            expected = None if v is None else python(v)
            assert got[v] == expected, (impl, v)
    with pytest.raises(ValueError, match="unknown confiance check"):
        check_sql("no_such_check", view, "v", None)


def test_cli_help_status_and_docs(tmp_path, settings, rows):
    runner = CliRunner()
    for args in (["--help"], ["run", "--help"], ["status", "--help"], ["docs", "--help"]):
        res = runner.invoke(quality_cli, args)
        assert res.exit_code == 0 and "Usage" in res.output
    home = str(settings.home)
    res = runner.invoke(quality_cli, ["status", "--home", home])
    assert res.exit_code == 0 and "no quality run yet" in res.output
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    write_pseudo(con, rows)
    validate_warehouse_on(con, settings, "cli", only=["members"], as_of=AS_OF)
    con.close()
    res = runner.invoke(quality_cli, ["status", "--home", home, "--json"])
    assert res.exit_code == 0 and json.loads(res.output)["pseudo.members"]["success"] is True
    res = runner.invoke(quality_cli, ["docs", "--home", home])
    assert res.exit_code == 0 and res.output.strip().endswith("data_docs/index.html")
