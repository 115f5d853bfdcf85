"""Render dbt YAML from the ODCS contracts: the ``pseudo`` sources and the published marts.

The feed contracts (contracts/feeds/*.odcs.yaml) say what crosses from the vault to
the warehouse for every column (``crossing``) and under which name
(``token_column``, ``target_column``), decoded once by ``confiance.crossing_rules``. This module turns that into
``dbt_project/models/staging/pseudo/_pseudo__sources.yml`` so columns, their
classification and their tests are written once. ``--check`` fails when the
committed file differs from what the contracts say. Likewise, each mart's dbt
YAML (enforced model contract, typed columns, classification and glossary term,
disclosure tests) is rendered from contracts/marts/<consumer>/<mart>.odcs.yaml.

``confiance codegen dbt`` writes them (``--check``: lists the stale ones); :func:`stale` and :func:`write`
compare or write any set of generated files (the seeds' too, ``governance.dbt_seeds``).
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from confiance.contracts import Column, Contract, feed_contracts, mart_contracts
from confiance.settings import DBT_PROJECT_DIR

SOURCES_FILE = DBT_PROJECT_DIR / "models" / "staging" / "pseudo" / "_pseudo__sources.yml"
SOURCE_NAME = "pseudo"

HEADER = (
    "# GENERATED from contracts/feeds/*.odcs.yaml by `confiance codegen dbt`.\n"
    "# Do not edit by hand: change the feed contract and regenerate (a test checks they agree).\n"
)


def warehouse_columns(column: Column) -> list[tuple[str, str]]:
    """(warehouse column, physical type) pairs a feed column becomes in ``pseudo``; [] when dropped.

    Read from the column's crossing rule (``confiance.crossing_rules``)."""
    return [(w.name, w.physical_type) for w in column.rule.warehouse_columns]


def warehouse_lineage(contract: Contract, table: str | None = None) -> dict[str, list[Column]]:
    """pseudo column -> the feed columns it derives from (for column-level lineage), in the feed's own table or in
    ``table``, its versions table (``contract.versions``: only the versioned columns)."""
    out: dict[str, list[Column]] = {}
    kept = None
    if table is not None and table != contract.name:
        assert contract.versions is not None and contract.versions.table == table, table
        kept = {c.name for c in contract.versions.columns}
    for col in contract.columns:
        for target, _ in warehouse_columns(col):
            if kept is None or target in kept:
                out.setdefault(target, []).append(col)
    return out


def _tests(column: Column, target: str) -> list[Any]:
    tests: list[Any] = []
    if column.crossing == "token":
        tests.append("not_null")
        if column.primary_key or column.unique:
            tests.append("unique")
        return tests
    if column.required and target != "age_band":
        tests.append("not_null")
    enum = column.options.get("enum")
    if enum and target == column.name:
        tests.append({"accepted_values": {"arguments": {"values": list(enum)}, "config": {"severity": "warn"}}})
    return tests


def render_sources() -> dict[str, Any]:
    tables = []
    for name, contract in feed_contracts().items():
        columns = []
        for col in contract.columns:
            for target, physical in warehouse_columns(col):
                meta: dict[str, Any] = {
                    "classification": col.classification,
                    "feed_column": col.name,
                    "crossing": col.crossing,
                    "token": col.crossing == "token",
                }
                if col.glossary_term:
                    meta["glossary_term"] = col.glossary_term
                if col.crossing == "token":
                    description = f"Keyed pseudonym (HMAC token, warehouse domain) of {col.business_name} ({col.name})."
                else:
                    description = f"{col.business_name}: {col.description}" if col.description else col.business_name
                entry: dict[str, Any] = {
                    "name": target,
                    "description": description.replace("\n", " "),
                    "data_type": physical.lower(),
                    "config": {"meta": meta},
                }
                tests = _tests(col, target)
                if tests:
                    entry["data_tests"] = tests
                columns.append(entry)
        latency = contract.sla.get("latency")
        freshness = None
        if latency is not None:
            count = int(latency.value)
            period = {"d": "day", "h": "hour"}.get(str(latency.unit), "day")
            freshness = {
                "warn_after": {"count": count, "period": period},
                "error_after": {"count": count * 7, "period": period},
            }
        table: dict[str, Any] = {
            "name": name,
            "description": (contract.table.description or name).strip(),
            "config": {
                "meta": {"contract": contract.path.name, "owner": _owner(contract)},
                "loaded_at_field": "updated_at",
            },
            "columns": columns,
        }
        if freshness:
            table["config"]["freshness"] = freshness
        tables.append(table)
        if contract.versions is not None:
            tables.append(_versions_table(contract, columns))
    return {
        "version": 2,
        "sources": [
            {
                "name": SOURCE_NAME,
                "description": "Pseudonymised warehouse tables written by the vault crossing (tokens, generalised "
                "quasi-identifiers, scrubbed text).",
                "schema": SOURCE_NAME,
                "tables": tables,
            }
        ],
    }


def _versions_table(contract: Contract, columns: list[dict[str, Any]]) -> dict[str, Any]:
    """The source of a feed's versions table (``pseudo.member_versions``): its columns as the feed table describes
    them, without tests: a warehouse written before the crossing kept versions has no such table (the staging model
    stg_pseudo__member_versions then reads pseudo.members, and carries the tests: (token, updated_at) unique)."""
    versions = contract.versions
    assert versions is not None
    by_name = {c["name"]: c for c in columns}
    kept = []
    for column in versions.columns:
        kept.append({k: copy.deepcopy(v) for k, v in by_name[column.name].items() if k != "data_tests"})
    return {
        "name": versions.table,
        "description": f"Versions of the {contract.name} feed kept in the warehouse: {versions.explain_both()}. "
        "Identical consecutive versions are collapsed; one row per token and version date.",
        "config": {"meta": {"contract": contract.path.name, "owner": _owner(contract), "versions_of": contract.name}},
        "columns": kept,
    }


def _owner(contract: Contract) -> str:
    for member in contract.odcs.team or []:
        if (getattr(member, "role", "") or "") == "owner":
            return member.username or ""
    return ""


def render_text() -> str:
    return HEADER + yaml.safe_dump(render_sources(), sort_keys=False, allow_unicode=True, width=120)


MART_HEADER = (
    "# GENERATED from contracts/marts/{consumer}/{name}.odcs.yaml by `confiance codegen dbt`.\n"
    "# Do not edit by hand: change the mart contract and regenerate (a test checks they agree).\n"
)


def mart_yaml_path(contract: Contract, project_dir: Path = DBT_PROJECT_DIR) -> Path:
    consumer = contract.table_custom["consumer"]
    return project_dir / "models" / "marts" / consumer / f"{contract.name}.yml"


def render_mart(contract: Contract) -> dict[str, Any]:
    """The dbt model YAML of a published mart: enforced contract, typed columns, meta, tests."""
    custom = contract.table_custom
    columns = []
    for col in contract.columns:
        meta: dict[str, Any] = {"classification": col.classification}
        if col.glossary_term:
            meta["glossary_term"] = col.glossary_term
        entry: dict[str, Any] = {
            "name": col.name,
            "description": col.description,
            "data_type": col.physical_type.lower(),
            "config": {"meta": meta},
        }
        tests: list[Any] = []
        if col.required:
            tests.append("not_null")
        if col.options.get("enum"):
            tests.append({"accepted_values": {"arguments": {"values": list(col.options["enum"])}}})
        if tests:
            entry["data_tests"] = tests
        columns.append(entry)
    model: dict[str, Any] = {
        "name": contract.name,
        "description": (contract.table.description or "").strip(),
        "config": {
            "contract": {"enforced": True},
            "meta": {"consumer": custom["consumer"], "odcs_contract": contract.path.name, "owner": _owner(contract)},
        },
        "columns": columns,
    }
    if custom.get("dbt_tests"):
        model["data_tests"] = custom["dbt_tests"]
    return {"version": 2, "models": [model]}


def rendered_files(project_dir: Path = DBT_PROJECT_DIR) -> dict[Path, str]:
    """Every generated YAML file of the dbt project in ``project_dir`` and its expected content."""
    files = {project_dir / SOURCES_FILE.relative_to(DBT_PROJECT_DIR): render_text()}
    for contract in mart_contracts().values():
        header = MART_HEADER.format(consumer=contract.table_custom["consumer"], name=contract.name)
        files[mart_yaml_path(contract, project_dir)] = header + yaml.safe_dump(
            render_mart(contract), sort_keys=False, allow_unicode=True, width=120
        )
    return files


def stale(files: dict[Path, str]) -> list[Path]:
    """The generated files that are missing or differ from their expected content."""
    return [path for path, text in files.items() if not path.exists() or path.read_text(encoding="utf-8") != text]


def write(files: dict[Path, str]) -> list[Path]:
    """Write the generated files whose content changed (creating folders); the paths written."""
    written = stale(files)
    for path in written:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(files[path], encoding="utf-8")
    return written
