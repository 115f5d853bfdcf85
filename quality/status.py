"""Per-dataset quality status for the glossary site, the DPO report and the run summary.

One home for two rules every page shares:

- :func:`decide_status` turns a validation result into one of four statuses
  (passed, warning, failed, not validated): a run whose only failures are
  warnings is a *warning*, never a *failure*, in the latest result as in its trend;
- :func:`display_name` names a dataset the same way everywhere, whatever key the
  stage that checked it uses (``raw.benefits``, ``pseudo.benefits``, a mart's name).

:func:`dataset_states` combines both for every dataset with a validation result.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from confiance.settings import Settings
from quality import results

DEFAULT_TREND = 10

PASSED = "passed"
WARNING = "warning"
FAILED = "failed"
NOT_VALIDATED = "not_validated"

#: Each status in French first, English alongside.
STATUS_LABELS = {
    PASSED: ("réussi", "passed"),
    WARNING: ("avertissement", "warning"),
    FAILED: ("échec bloquant", "failed, blocking"),
    NOT_VALIDATED: ("non validé", "not yet validated"),
}

#: Zones of DESIGN.md, in French first and English alongside.
ZONE_LABELS = {
    "feed": ("flux source", "source feed"),
    "warehouse": ("entrepôt pseudonymisé", "pseudonymised warehouse"),
    "model": ("modèle dbt", "dbt model"),
    "mart": ("magasin publié", "published mart"),
}

#: How the quality stages name the datasets of each zone.
_PREFIX_ZONE = {"raw": "feed", "vault": "feed", "pseudo": "warehouse", "wh": "warehouse", "marts": "mart"}


@dataclass(frozen=True)
class DatasetState:
    """A dataset's latest quality status and the name every page shows it under."""

    zone: str
    name: str
    status: str
    run_time: str = ""
    evaluated: int = 0
    passed: int = 0
    failed: int = 0
    rows: int | None = None
    blocking_failures: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    trend: tuple[tuple[str, str], ...] = field(default=())  # (run_time, status), oldest first

    @property
    def key(self) -> str:
        return f"{self.zone}.{self.name}"

    @property
    def display_name(self) -> str:
        return display_name(self.zone, self.name)

    @property
    def label(self) -> str:
        return status_label(self.status)


def decide_status(result: dict[str, Any] | None) -> str:
    """The status of one validation result: passed, warning (only warnings failed), failed, not validated."""
    if not result or result.get("success") is None:
        return NOT_VALIDATED
    if result["success"]:
        return PASSED
    return FAILED if result.get("blocking", True) else WARNING


def status_label(status: str) -> str:
    """``"réussi / passed"``: French first, English alongside."""
    fr, en = STATUS_LABELS.get(status, STATUS_LABELS[NOT_VALIDATED])
    return f"{fr} / {en}"


def canonical_dataset(dataset: str, stage: str | None = None) -> tuple[str, str]:
    """(zone, name) of a dataset whatever key a stage used: ``raw.benefits`` -> ("feed", "benefits")."""
    prefix, dot, rest = dataset.partition(".")
    if dot and prefix in _PREFIX_ZONE:
        return _PREFIX_ZONE[prefix], rest
    if dot and prefix in ZONE_LABELS:
        return prefix, rest
    if stage == "feeds":
        return "feed", dataset
    if stage == "warehouse":
        return "warehouse", dataset
    return ("mart" if dataset.startswith("mart_") or stage == "marts" else "model"), dataset


def display_name(zone: str, name: str) -> str:
    """The one name of a dataset on every page: ``benefits (flux source / source feed)``."""
    fr, en = ZONE_LABELS.get(zone, (zone, zone))
    return f"{name} ({fr} / {en})"


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
    out: dict[str, DatasetState] = {}
    for dataset, record in dataset_status(settings, trend_runs).items():
        zone, name = canonical_dataset(dataset, record.get("stage"))
        state = state_of(zone, name, record)
        out[state.key] = state
    return out


def state_of(zone: str, name: str, record: dict[str, Any] | None) -> DatasetState:
    """The :class:`DatasetState` of a dataset from its latest record (``None``: never validated)."""
    if not record:
        return DatasetState(zone=zone, name=name, status=NOT_VALIDATED)
    return DatasetState(
        zone=zone,
        name=name,
        status=decide_status(record),
        run_time=str(record.get("run_time") or ""),
        evaluated=int(record.get("evaluated") or 0),
        passed=int(record.get("passed") or 0),
        failed=int(record.get("failed") or 0),
        rows=record.get("rows"),
        blocking_failures=tuple(record.get("blocking_failures") or ()),
        warnings=tuple(record.get("warnings") or ()),
        trend=tuple((str(t.get("run_time") or ""), decide_status(t)) for t in record.get("trend") or ()),
    )
