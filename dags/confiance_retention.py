"""Airflow DAG: the retention purge, every week.

Thin wiring only: ``vault.retention.purge`` deletes, in every zone and physically, what each contract's
retention says is due (counts in the audit log), holding the pipeline-run lock so it never interleaves
with a run of ``confiance_pipeline``; then the DPO reports are rebuilt so the retention report shows it.
"""

from __future__ import annotations

from airflow.sdk import Asset, chain, dag, task

from confiance import pipeline
from confiance.dag_defaults import START_DATE, default_args
from confiance.settings import get_settings

VAULT_RAW = Asset("confiance://vault/raw")
WAREHOUSE_PSEUDO = Asset("confiance://warehouse/pseudo")
DPO_REPORTS = Asset("confiance://reports")

DEFAULT_ARGS = default_args(owner="confiance-dpo", retry_delay_minutes=5)


@dag(
    dag_id="confiance_retention",
    description="Purge what each contract's retention says is due, in every zone, physically; audited",
    schedule="@weekly",
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["confiance", "vault", "retention", "dpo"],
    doc_md=__doc__,
)
def confiance_retention() -> None:
    @task(outlets=[VAULT_RAW, WAREHOUSE_PSEUDO])
    def purge(run_id: str | None = None) -> dict:
        """Delete the rows past retention (vault, quarantine, warehouse, inbox files), rewrite the files."""
        from vault.locking import run_lock
        from vault.retention import purge as purge_due

        settings = get_settings()
        with run_lock(settings, pipeline.safe_run_id(run_id or "retention")):
            result = purge_due(settings, actor="airflow-retention")
        return {"due": result.get("due", {}), "removed": result.get("removed", {})}

    @task(outlets=[DPO_REPORTS])
    def reports(run_id: str | None = None) -> dict:
        """The DPO's reports, with this purge in the retention report."""
        return pipeline.reports(get_settings(), run_id or "retention")

    chain(purge(), reports())


confiance_retention()
