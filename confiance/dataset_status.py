"""The statuses of a dataset's quality and the name every page shows a dataset under: one vocabulary.

quality/ decides a dataset's status (``quality.status`` reads its results store and produces the
:class:`DatasetState` records); the glossary site, the DPO reports and the run summary show them. The
vocabulary is in the core so that every reader shows the same four statuses with the same labels
without importing quality's code (DESIGN.md, "Layers"):

- :func:`decide_status` turns a validation result into one of four statuses
  (passed, warning, failed, not validated): a run whose only failures are
  warnings is a *warning*, never a *failure*, in the latest result as in its trend;
- :func:`display_name` names a dataset the same way everywhere, whatever key the
  stage that checked it uses (``raw.benefits``, ``pseudo.benefits``, a mart's name).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

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


def states_of(records: Mapping[str, dict[str, Any]]) -> dict[str, DatasetState]:
    """Every validated dataset's :class:`DatasetState`, by ``zone.name`` key, from the latest records by dataset
    (as ``quality.status.dataset_status`` returns them)."""
    out: dict[str, DatasetState] = {}
    for dataset, record in records.items():
        zone, name = canonical_dataset(dataset, record.get("stage"))
        state = state_of(zone, name, record)
        out[state.key] = state
    return out
