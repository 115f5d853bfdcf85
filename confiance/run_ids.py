"""Run ids: the one name of a run started outside Airflow, and the file-name-safe form of any run id.

Airflow names its own runs (``manual__2026-01-01T00:00:00+00:00``, ``scheduled__…``); a run started
from the command line, whatever command starts it, is ``cli_<UTC timestamp>``.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

RUN_ID_PREFIX = "cli_"


def new_run_id() -> str:
    """The id of a run started now from the command line: ``cli_<UTC timestamp>``."""
    return RUN_ID_PREFIX + datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def safe_run_id(run_id: str) -> str:
    """Airflow run ids carry ':' and '+'; keep a form usable in file names."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", run_id).strip("_")
