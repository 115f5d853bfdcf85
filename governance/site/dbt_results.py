"""dbt test results for the site, kept beside dbt's other artifacts.

``dbt build`` writes ``run_results.json`` into the target folder, and the
``dbt compile`` that follows it (for the manifest's compiled SQL) overwrites it.
So every ``dbt build`` (the CLI's one, or each Cosmos task in Airflow, through its
callback) copies its run results to ``<target>/build_results/`` first, and the
site reads them from there: the latest outcome of each dbt test wins.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

ARCHIVE = "build_results"

#: dbt's test statuses in French first, English alongside.
TEST_STATUS = {
    "pass": ("réussi", "passed"),
    "success": ("réussi", "passed"),
    "warn": ("avertissement", "warning"),
    "fail": ("échec", "failed"),
    "error": ("erreur", "error"),
    "skipped": ("non exécuté", "skipped"),
}


@dataclass(frozen=True)
class DbtTestResult:
    """The latest outcome of one dbt test on one model."""

    test: str  # the test's name in dbt (not_null, unique, a custom test...)
    column: str  # "" for a model-level test
    status: str  # pass, warn, fail, error, skipped
    failures: int
    at: str  # when dbt finished it (ISO 8601)

    @property
    def label(self) -> str:
        fr, en = TEST_STATUS.get(self.status, (self.status, self.status))
        return f"{fr} / {en}"


def archive_run_results(project_dir: str | Path | None = None, *, target_dir: str | Path, **_: Any) -> Path | None:
    """Copy ``<target_dir>/run_results.json`` of a ``dbt build`` into ``<target_dir>/build_results/``.

    Usable as a Cosmos ``callback`` (it receives the task's project folder and context, unused).
    """
    target = Path(target_dir)
    source = target / "run_results.json"
    try:
        results = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        log.warning("dbt run results %s not readable; test results not archived", source.name)
        return None
    if (results.get("args") or {}).get("which") not in ("build", "test"):
        return None
    invocation = re.sub(r"[^A-Za-z0-9_-]", "_", str((results.get("metadata") or {}).get("invocation_id") or "run"))
    folder = target / ARCHIVE
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / f"{invocation}.json"
    shutil.copyfile(source, dest)
    return dest


def test_results(target_dir: Path, manifest: dict[str, Any]) -> dict[str, list[DbtTestResult]]:
    """Latest result of each dbt test, by the name of the model it tests."""
    files = sorted((target_dir / ARCHIVE).glob("*.json")) if (target_dir / ARCHIVE).is_dir() else []
    latest: dict[str, dict[str, Any]] = {}
    for path in files:
        try:
            results = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            log.warning("dbt run results %s unreadable; skipped", path.name)
            continue
        for item in results.get("results") or []:
            uid = item.get("unique_id") or ""
            if not uid.startswith("test."):
                continue
            at = max((t.get("completed_at") or "" for t in item.get("timing") or []), default="")
            if uid not in latest or at >= latest[uid]["at"]:
                latest[uid] = {"status": item.get("status"), "failures": item.get("failures") or 0, "at": at}
    nodes = manifest.get("nodes") or {}
    out: dict[str, list[DbtTestResult]] = {}
    for uid, outcome in sorted(latest.items()):
        node = nodes.get(uid)
        if node is None:
            continue
        meta = node.get("test_metadata") or {}
        kwargs = meta.get("kwargs") or {}
        models = (
            [node.get("attached_node")]
            if node.get("attached_node")
            else (node.get("depends_on") or {}).get("nodes", [])
        )
        for model_uid in models:
            model = nodes.get(model_uid or "")
            if not model or model.get("resource_type") != "model":
                continue
            out.setdefault(model["name"], []).append(
                DbtTestResult(
                    test=str(meta.get("name") or node.get("name")),
                    column=str(node.get("column_name") or kwargs.get("column_name") or ""),
                    status=str(outcome["status"]),
                    failures=int(outcome["failures"]),
                    at=outcome["at"],
                )
            )
    return out
