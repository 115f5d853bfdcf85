"""What every Confiance DAG shares: its default task arguments and its start date (one home for both).

Imported by the DAG files only (dags/); the pipeline and everything below it know nothing of Airflow.
"""

from __future__ import annotations

from typing import Any

import pendulum

#: The first day the DAGs are scheduled from (no catch-up: only the latest interval runs).
START_DATE = pendulum.datetime(2026, 1, 1, tz="Europe/Paris")
#: A failed task is retried once, after ``retry_delay_minutes``.
RETRIES = 1


def default_args(owner: str, retry_delay_minutes: int) -> dict[str, Any]:
    """The default arguments of a DAG's tasks: who answers for them, and how a failed one is retried."""
    return {"owner": owner, "retries": RETRIES, "retry_delay": pendulum.duration(minutes=retry_delay_minutes)}
