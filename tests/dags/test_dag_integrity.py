"""Every DAG imports cleanly, fast, with tags, an owner and retries; the pipeline has every stage."""

from __future__ import annotations

import json
import time

import pytest
from airflow.dag_processing.dagbag import DagBag

from confiance.pipeline import PIPELINE_ORDER
from confiance.settings import REPO_ROOT

#: The DAG's task ids for a stage of the pipeline (dbt's single `dbt build` is one task per model, by Cosmos).
DBT_STAGE = "dbt_build"


@pytest.fixture(scope="module")
def dagbag(dbt_manifest):
    start = time.monotonic()
    bag = DagBag(dag_folder=str(REPO_ROOT / "dags"))
    bag.parse_seconds = time.monotonic() - start
    return bag


def test_dags_import_without_errors(dagbag):
    assert dagbag.import_errors == {}
    assert dagbag.dags, "no DAG found in dags/"


def test_dags_have_tags_owner_and_retries(dagbag):
    for dag_id, dag in dagbag.dags.items():
        assert dag.tags, f"{dag_id} has no tags"
        for task in dag.tasks:
            assert task.owner and task.owner != "airflow", f"{dag_id}.{task.task_id} has no owner"
            assert task.retries >= 1, f"{dag_id}.{task.task_id} has no retries"


def test_pipeline_runs_every_stage_in_order(dagbag):
    dag = dagbag.dags["confiance_pipeline"]
    ids = set(dag.task_ids)
    stages = [s for s in PIPELINE_ORDER if s != DBT_STAGE] + ["summary"]
    assert {
        "land",
        "quality_feeds",
        "cross",
        "quality_warehouse",
        "quality_marts",
        "publish",
        "site",
        "reports",
    } <= set(PIPELINE_ORDER)
    assert set(stages) <= ids
    # dbt models rendered by Cosmos: one `dbt build` task per model (the model, then its tests).
    dbt_tasks = [t for t in ids if t.startswith("dbt.")]
    manifest = json.loads((REPO_ROOT / "dbt_project" / "target" / "manifest.json").read_text())
    models = {n["name"] for n in manifest["nodes"].values() if n["resource_type"] == "model"}
    for model in models:
        assert f"dbt.{model}_model_build" in dbt_tasks, f"no task for dbt model {model}"
    # The zones are crossed in order: every dbt task sits between the warehouse checks and the mart checks.
    upstream_of_marts = dag.get_task("quality_marts").get_flat_relative_ids(upstream=True)
    assert {"land", "quality_feeds", "cross", "quality_warehouse"} <= upstream_of_marts
    assert set(dbt_tasks) <= upstream_of_marts
    downstream_of_publish = dag.get_task("publish").get_flat_relative_ids(upstream=False)
    assert {"site", "reports", "summary"} <= downstream_of_publish

    # Every stage runs after the one before it in the pipeline's order (the one the CLI runs).
    def tasks_of(stage: str) -> set[str]:
        return set(dbt_tasks) if stage == DBT_STAGE else {stage}

    for before, after in zip([*PIPELINE_ORDER], [*PIPELINE_ORDER[1:], "summary"]):
        for task_id in tasks_of(after):
            upstream = dag.get_task(task_id).get_flat_relative_ids(upstream=True)
            assert tasks_of(before) & upstream, f"{task_id} does not run after {before}"


def test_parsing_is_fast(dagbag):
    # Cosmos renders from the manifest: no dbt invocation at parse time.
    assert dagbag.parse_seconds < 30
