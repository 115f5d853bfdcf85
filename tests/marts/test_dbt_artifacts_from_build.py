"""The pipeline's dbt_artifacts stage reuses the manifest of a whole ``dbt build`` (issue 16's daily run: no second
parse and compile), and compiles when that manifest is not a whole build's.

Real dbt-duckdb on a small synthetic warehouse. What the gate and the site read from the manifest (each model's
compiled SQL) must be what ``dbt compile`` writes; a build of some models only, a per-model run as Cosmos does
under Airflow, or a manifest of another invocation than the run results beside it are not reused."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from confiance import pipeline
from confiance.settings import get_settings
from tests.marts import pseudo_synth
from tests.marts.dbt_support import run_dbt


def _compiled(target: Path) -> dict[str, str]:
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    return {k: n["compiled_code"] for k, n in manifest["nodes"].items() if n["resource_type"] == "model"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    os.environ.setdefault("CONFIANCE_MASTER_KEY", "ab" * 32)
    settings = get_settings(tmp_path_factory.mktemp("home"))
    settings.ensure_dirs()
    pseudo_synth.build(settings.warehouse_db, 300)
    run_dbt("build", settings.warehouse_db, target=settings.dbt_target_dir)
    return settings


def test_a_whole_build_s_manifest_is_what_compile_writes_and_is_reused(built, tmp_path):
    target = built.dbt_target_dir
    assert pipeline.built_manifest_complete(target)
    from_build = _compiled(target)
    assert len(from_build) >= 16 and all(from_build.values())

    result = pipeline.dbt_artifacts(built, "reuse_run")
    assert result["compiled_by"] == "dbt build"

    compiled = tmp_path / "compiled"
    run_dbt("compile", built.warehouse_db, target=compiled)
    assert _compiled(compiled) == from_build  # the same SQL for every model
    assert not pipeline.built_manifest_complete(compiled)  # a compile is not a build


def test_a_partial_build_or_another_invocation_is_not_reused(built, tmp_path):
    partial = tmp_path / "partial"
    shutil.copytree(built.dbt_target_dir, partial)
    run_dbt("build", built.warehouse_db, target=partial, select=["stg_pseudo__members"])
    assert not pipeline.built_manifest_complete(partial)

    mixed = tmp_path / "mixed"
    shutil.copytree(built.dbt_target_dir, mixed)
    shutil.copy(partial / "run_results.json", mixed / "run_results.json")  # results of another invocation
    assert not pipeline.built_manifest_complete(mixed)
    assert not pipeline.built_manifest_complete(tmp_path / "nothing")


def test_the_stage_compiles_when_the_build_manifest_is_not_a_whole_one(built, tmp_path):
    settings = get_settings(tmp_path / "home")
    settings.ensure_dirs()
    shutil.copy(built.warehouse_db, settings.warehouse_db)
    settings.dbt_target_dir.mkdir(parents=True)
    shutil.copy(built.dbt_target_dir / "manifest.json", settings.dbt_target_dir / "manifest.json")  # no run results
    result = pipeline.dbt_artifacts(settings, "compile_run")
    assert result["compiled_by"] == "dbt compile"
    assert _compiled(settings.dbt_target_dir) == _compiled(built.dbt_target_dir)
