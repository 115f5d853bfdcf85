"""Airflow DAG: the Confiance pipeline, from the inbox to the published marts.

Thin wiring only: every task calls a stage of confiance.pipeline; dbt runs
through astronomer-cosmos, one task per model with its tests right after it,
rendered from dbt's manifest so that parsing this file stays fast.

Each task declares the zones it reads (inlets) and writes (outlets) as
``file://`` assets, so the Airflow OpenLineage provider describes every run's
inputs and outputs to the lineage backend configured in ``[openlineage]``
(the Makefile and the tests write the events to a file: nothing leaves the
machine). OpenMetadata, DataHub or Marquez can ingest that file.
"""

from __future__ import annotations

import sys
from pathlib import Path

from airflow.sdk import Asset, chain, dag, task
from cosmos import DbtTaskGroup, ExecutionConfig, ProfileConfig, ProjectConfig, RenderConfig
from cosmos.constants import ExecutionMode, InvocationMode, LoadMode, TestBehavior

from confiance import pipeline
from confiance.dag_defaults import START_DATE, default_args
from confiance.settings import DBT_PROJECT_DIR, Settings, get_settings

# Assets each stage updates: the zones of DESIGN.md.
VAULT_RAW = Asset("confiance://vault/raw")
WAREHOUSE_PSEUDO = Asset("confiance://warehouse/pseudo")
QUALITY_RESULTS = Asset("confiance://quality/results")
PUBLISHED = Asset("confiance://published")
GOVERNANCE_SITE = Asset("confiance://site")
DPO_REPORTS = Asset("confiance://reports")


def zone_assets(settings: Settings) -> dict[str, Asset]:
    """The zones of DESIGN.md as ``file://`` assets (paths only, nothing is read), for OpenLineage."""
    paths = {
        "inbox": settings.inbox,
        "vault": settings.vault_db,
        "warehouse": settings.warehouse_db,
        "quality": settings.quality_dir / "results",
        "dbt_artifacts": settings.dbt_target_dir,
        "published": settings.published,
        "site": settings.site,
        "reports": settings.reports,
    }
    return {zone: Asset(uri=path.resolve().as_uri(), name=f"confiance-{zone}") for zone, path in paths.items()}


def dag_doc(settings: Settings) -> str:
    """The DAG's documentation with the links the people who run it need."""
    links = {
        "Data dictionary and glossary site (CDO office)": settings.site / "index.html",
        "DPO reports (ledger, publication log, audit, retention, register)": settings.reports / "index.html",
        "Great Expectations Data Docs (offline)": settings.quality_dir / "data_docs" / "index.html",
        "Quality pages of the site": settings.site / "quality.html",
    }
    lines = [__doc__ or "", "", "## Where to look", ""]
    lines += [f"- [{label}]({path.resolve().as_uri()})" for label, path in links.items()]
    lines += ["", "Rebuild or serve the site: `confiance site build`, `confiance site serve`."]
    return "\n".join(lines)


SETTINGS = get_settings()  # paths only; nothing is read or written at parse time
ZONES = zone_assets(SETTINGS)

DEFAULT_ARGS = default_args(owner="confiance-data-engineering", retry_delay_minutes=1)


@dag(
    dag_id="confiance_pipeline",
    description="Land feeds in the vault, pseudonymise, check quality, build marts with dbt, publish anonymised marts",
    schedule="@daily",
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,  # one writer per DuckDB file at a time
    default_args=DEFAULT_ARGS,
    tags=["confiance", "vault", "dbt", "quality", "publication"],
    doc_md=dag_doc(SETTINGS),
)
def confiance_pipeline() -> None:
    @task(inlets=[ZONES["inbox"]], outlets=[VAULT_RAW, ZONES["vault"]])
    def land(run_id: str | None = None) -> dict:
        """Land the inbox's new files in the encrypted vault (checked against their contracts)."""
        return pipeline.land(get_settings(), run_id)

    @task(inlets=[ZONES["vault"]], outlets=[QUALITY_RESULTS, ZONES["quality"]])
    def quality_feeds(run_id: str | None = None) -> dict:
        """Great Expectations on the raw feeds, inside the vault."""
        return pipeline.quality_feeds(get_settings(), run_id)

    @task(inlets=[ZONES["vault"]], outlets=[WAREHOUSE_PSEUDO, ZONES["warehouse"]])
    def cross(run_id: str | None = None) -> dict:
        """Pseudonymise and generalise into the warehouse; free text is scrubbed."""
        return pipeline.cross(get_settings(), run_id)

    @task(inlets=[ZONES["warehouse"]], outlets=[QUALITY_RESULTS, ZONES["quality"]])
    def quality_warehouse(run_id: str | None = None) -> dict:
        """Great Expectations on the pseudonymised warehouse tables."""
        return pipeline.quality_warehouse(get_settings(), run_id)

    settings = get_settings()  # paths only; nothing is read or written at parse time
    dbt = DbtTaskGroup(
        group_id="dbt",
        project_config=ProjectConfig(
            dbt_project_path=DBT_PROJECT_DIR,
            manifest_path=DBT_PROJECT_DIR / "target" / "manifest.json",
            install_dbt_deps=False,
        ),
        profile_config=ProfileConfig(
            profile_name=pipeline.DBT_PROFILE,
            target_name=pipeline.DBT_TARGET,
            profiles_yml_filepath=DBT_PROJECT_DIR / "profiles.yml",
        ),
        # dbt in its own process per task: dbt-duckdb holds the warehouse file open for the life of
        # the process, and `airflow dags test` runs every task in one process.
        execution_config=ExecutionConfig(
            execution_mode=ExecutionMode.LOCAL,
            invocation_mode=InvocationMode.SUBPROCESS,
            dbt_executable_path=str(Path(sys.executable).with_name("dbt")),
        ),
        render_config=RenderConfig(
            load_method=LoadMode.DBT_MANIFEST,
            # One task per model running `dbt build` on it: the model, then its tests, in one step;
            # a failing test fails the model's task and stops everything downstream of it.
            test_behavior=TestBehavior.BUILD,
            # Tests spanning several models (relationships) run in their own task once all their models are built.
            should_detach_multiple_parents_tests=True,
        ),
        operator_args={
            "env": pipeline.dbt_env(settings),
            "append_env": True,
            "install_deps": False,
            # Keep each task's dbt test results for the site (the compile that follows overwrites them).
            "callback": "governance.site.dbt_results.archive_run_results",
            "callback_args": {"target_dir": str(settings.dbt_target_dir)},
        },
    )

    @task(inlets=[ZONES["warehouse"]], outlets=[ZONES["dbt_artifacts"]])
    def dbt_artifacts(run_id: str | None = None) -> dict:
        """dbt's manifest with every model's compiled SQL, for column lineage (gate and site)."""
        return pipeline.dbt_artifacts(get_settings(), run_id)

    @task(inlets=[ZONES["warehouse"]], outlets=[QUALITY_RESULTS, ZONES["quality"]])
    def quality_marts(run_id: str | None = None) -> dict:
        """Great Expectations on the marts dbt built."""
        return pipeline.quality_marts(get_settings(), run_id)

    @task(
        inlets=[ZONES["warehouse"], ZONES["quality"], ZONES["dbt_artifacts"]], outlets=[PUBLISHED, ZONES["published"]]
    )
    def publish(run_id: str | None = None) -> dict:
        """The publication gate: k, dominance, secondary suppression, PII scan, quality, lineage; signed manifests."""
        return pipeline.publish(get_settings(), run_id)

    @task(
        inlets=[ZONES["warehouse"], ZONES["quality"], ZONES["dbt_artifacts"]], outlets=[GOVERNANCE_SITE, ZONES["site"]]
    )
    def site(run_id: str | None = None) -> dict:
        """The data dictionary and glossary site for the CDO office."""
        return pipeline.site(get_settings(), run_id)

    @task(inlets=[ZONES["vault"], ZONES["published"], ZONES["quality"]], outlets=[DPO_REPORTS, ZONES["reports"]])
    def reports(run_id: str | None = None) -> dict:
        """The DPO's reports: landing ledger, publication log, audit, retention, register of processing."""
        return pipeline.reports(get_settings(), run_id)

    @task
    def summary() -> str:
        """What the run did, as the demo prints it."""
        from confiance.summary import render_summary

        text = render_summary(get_settings())
        print(text)
        return text

    stages = {
        "land": land(),
        "quality_feeds": quality_feeds(),
        "cross": cross(),
        "quality_warehouse": quality_warehouse(),
        "dbt_build": dbt,  # Cosmos: one task per model instead of the CLI's single `dbt build`
        "dbt_artifacts": dbt_artifacts(),
        "quality_marts": quality_marts(),
        "publish": publish(),
        "site": site(),
        "reports": reports(),
    }
    if set(stages) != set(pipeline.PIPELINE_ORDER):
        raise ValueError(f"the DAG's stages {sorted(stages)} differ from pipeline.PIPELINE_ORDER")
    # Sequential, in the pipeline's one stage order: one writer per DuckDB file at a time.
    chain(*(stages[name] for name in pipeline.PIPELINE_ORDER), summary())


confiance_pipeline()
