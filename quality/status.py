"""Per-dataset quality status for the glossary site, the DPO report and the run summary."""

from __future__ import annotations

from typing import Any

from confiance.settings import Settings
from quality import results

DEFAULT_TREND = 10


def dataset_status(settings: Settings, trend_runs: int = DEFAULT_TREND) -> dict[str, dict[str, Any]]:
    """Latest result per dataset, with a trend over its last ``trend_runs`` runs.

    ``{dataset: {"dataset", "stage", "contract", "run_id", "run_time", "success", "blocking",
    "rows", "evaluated", "passed", "failed", "blocking_failures": [...], "warnings": [...],
    "data_docs": path of the GX Data Docs index, "trend": [{"run_id", "run_time", "success",
    "passed", "failed"}, ...] (oldest first, latest last)}}``
    """
    docs = settings.quality_dir / "data_docs" / "index.html"
    out: dict[str, dict[str, Any]] = {}
    for dataset, items in results.runs(settings.quality_dir).items():
        last = items[-1]
        out[dataset] = {
            **{
                k: last.get(k)
                for k in (
                    "dataset",
                    "stage",
                    "contract",
                    "run_id",
                    "run_time",
                    "success",
                    "blocking",
                    "rows",
                    "evaluated",
                    "passed",
                    "failed",
                )
            },
            "blocking_failures": list(last.get("blocking_failures") or []),
            "warnings": list(last.get("warnings") or []),
            "data_docs": str(docs),
            "trend": [
                {k: s.get(k) for k in ("run_id", "run_time", "success", "passed", "failed")}
                for s in items[-trend_runs:]
            ],
        }
    return out
