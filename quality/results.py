"""Confiance's own store of quality runs: one JSON file per dataset and run, no values.

Layout under ``settings.quality_dir``::

    results/<dataset>/<run time>__<run id>.json    summary of one dataset in one run
    failed_rows/<run id>/<dataset>/<check>.parquet row references of failing rows

The JSON holds counts, check names, reasons and paths; the Parquet files hold
``_file_id`` + ``_line`` (vault) or tokens (warehouse) — never a column value.
The gate and the status read the latest run per dataset from here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

RESULTS = "results"
#: The outcome of one dataset's validation, as every stored result and stage summary carries it.
OUTCOME_KEYS = ("success", "blocking", "rows", "evaluated", "passed", "failed")
FAILED_ROWS = "failed_rows"

_SAFE = re.compile(r"[^0-9A-Za-z._-]+")


def safe_name(text: str) -> str:
    """A file-name-safe version of a run id or dataset name."""
    cleaned = _SAFE.sub("_", text).strip("._")
    if not cleaned:
        raise ValueError("empty name")
    return cleaned


def failed_rows_dir(quality_dir: Path, run_id: str, dataset: str) -> Path:
    return Path(quality_dir) / FAILED_ROWS / safe_name(run_id) / safe_name(dataset)


def write_run(quality_dir: Path, summary: dict[str, Any]) -> Path:
    folder = Path(quality_dir) / RESULTS / safe_name(summary["dataset"])
    folder.mkdir(parents=True, exist_ok=True)
    stamp = summary["run_time"].replace(":", "").replace("-", "").replace("+", "Z")
    path = folder / f"{safe_name(stamp)}__{safe_name(summary['run_id'])}.json"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(summary, indent=2, sort_keys=True, default=str), encoding="utf-8")
    tmp.replace(path)
    return path


def runs(quality_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """Every stored run per dataset, oldest first."""
    root = Path(quality_dir) / RESULTS
    out: dict[str, list[dict[str, Any]]] = {}
    if not root.is_dir():
        return out
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        items = []
        for path in folder.glob("*.json"):
            try:
                items.append(json.loads(path.read_text(encoding="utf-8")))
            except (OSError, json.JSONDecodeError) as exc:
                raise ValueError(f"{path}: unreadable quality result ({exc.__class__.__name__})") from exc
        items.sort(key=lambda s: (s.get("run_time", ""), s.get("run_id", "")))
        if items:
            out[items[-1]["dataset"]] = items
    return out


def latest(quality_dir: Path) -> dict[str, dict[str, Any]]:
    return {dataset: items[-1] for dataset, items in runs(quality_dir).items()}
