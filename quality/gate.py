"""The quality gate: which datasets have blocking failures in their latest run.

The publication gate (``governance.publish``) refuses a mart when the mart itself or one of its
upstream datasets (``raw.<feed>``, ``pseudo.<feed>``, other marts) appears here.
"""

from __future__ import annotations

from confiance.settings import Settings
from quality import results


def blocking_failures(settings: Settings) -> dict[str, list[str]]:
    """``{dataset: [reason, ...]}`` for every dataset whose latest run has a failed error-severity check.

    Datasets whose latest run passed (or failed only warnings) are absent. A reason
    names the check, its pillar, how many rows failed and what the rule means —
    never a value.
    """
    out: dict[str, list[str]] = {}
    for dataset, summary in results.latest(settings.quality_dir).items():
        reasons = list(summary.get("blocking_failures") or [])
        if reasons:
            out[dataset] = reasons
    return out


def upstream_failures(settings: Settings, datasets: list[str] | tuple[str, ...]) -> dict[str, list[str]]:
    """The blocking failures among ``datasets`` only (for a mart: itself and its upstream datasets)."""
    failures = blocking_failures(settings)
    return {d: failures[d] for d in datasets if d in failures}
