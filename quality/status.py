"""Per-dataset quality status for the glossary site, the DPO report and the run summary.

Reads the results store (``quality.results``) and produces each dataset's latest record, with its trend
(:func:`dataset_status`), and its :class:`~confiance.dataset_status.DatasetState` (:func:`dataset_states`).
The four statuses, their labels and a dataset's display name are the core's vocabulary
(``confiance.dataset_status``), so that the pages that show them need not import quality.
"""

from __future__ import annotations

from typing import Any

from confiance.dataset_status import DatasetState, decide_status, states_of
from confiance.settings import Settings
from quality import results

DEFAULT_TREND = 10


def dataset_status(settings: Settings, trend_runs: int = DEFAULT_TREND) -> dict[str, dict[str, Any]]:
    """Latest result per dataset, with a trend over its last ``trend_runs`` runs.

    ``{dataset: {"dataset", "stage", "contract", "run_id", "run_time", "success", "blocking",
    "rows", "evaluated", "passed", "failed", "blocking_failures": [...], "warnings": [...],
    "data_docs": path of the GX Data Docs index, "status": decide_status(...),
    "trend": [{"run_id", "run_time", "success", "blocking", "passed", "failed", "status"}, ...]
    (oldest first, latest last)}}``
    """
    docs = settings.quality_dir / "data_docs" / "index.html"
    out: dict[str, dict[str, Any]] = {}
    for dataset, items in results.runs(settings.quality_dir).items():
        last = items[-1]
        out[dataset] = {
            **{k: last.get(k) for k in ("dataset", "stage", "contract", "run_id", "run_time", *results.OUTCOME_KEYS)},
            "status": decide_status(last),
            "blocking_failures": list(last.get("blocking_failures") or []),
            "warnings": list(last.get("warnings") or []),
            "data_docs": str(docs),
            "trend": [
                {
                    **{k: s.get(k) for k in ("run_id", "run_time", "success", "blocking", "passed", "failed")},
                    "status": decide_status(s),
                }
                for s in items[-trend_runs:]
            ],
        }
    return out


def dataset_states(settings: Settings, trend_runs: int = DEFAULT_TREND) -> dict[str, DatasetState]:
    """Every validated dataset's :class:`DatasetState`, by ``zone.name`` key."""
    return states_of(dataset_status(settings, trend_runs))
