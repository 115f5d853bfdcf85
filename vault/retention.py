"""Retention: how many vault rows are past their contract's retention period (counts only)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from confiance.contracts import feed_contracts
from vault.crossing import _latest
from vault.db import vault_connection

# The date each feed's retention runs from (contracts' SLA descriptions): benefits 5 years after payment,
# contracts 5 years after they end, members 5 years after the end of their last contract.
_REFERENCE = {
    "benefits": "SELECT payment_date AS ref FROM raw.benefits",
    "contracts": "SELECT end_date AS ref FROM raw.contracts",
    "members": ("SELECT c.last_end AS ref FROM raw.members m JOIN (SELECT member_id, "
                "CASE WHEN bool_or(end_date IS NULL) THEN NULL ELSE max(end_date) END AS last_end "
                "FROM {contracts} GROUP BY member_id) c USING (member_id)"),
}
_UNIT_DAYS = {"y": 365, "m": 30, "d": 1}


def due_for_purge(settings: Any, as_of: date | None = None) -> list[dict]:
    """Per feed: retention, rows in the vault and rows past retention (to purge)."""
    if not Path(settings.vault_db).exists():
        return []
    as_of = as_of or date.today()
    out = []
    with vault_connection(settings, read_only=True) as con:
        for name, contract in feed_contracts().items():
            sla = contract.sla.get("retention")
            if sla is None or name not in _REFERENCE:
                continue
            unit = str(sla.unit or "y").lower()[:1]
            days = int(float(sla.value) * _UNIT_DAYS.get(unit, 365))
            query = _REFERENCE[name].format(contracts=_latest(feed_contracts()["contracts"]))
            total, due = con.execute(
                f"SELECT count(*), count(*) FILTER (ref IS NOT NULL AND ref + INTERVAL {days} DAY < ?::DATE) "
                f"FROM ({query})", [as_of.isoformat()]).fetchone()
            out.append({"feed": name, "retention": f"{sla.value} {sla.unit}", "rows": total, "due_for_purge": due,
                        "rule": (sla.description or "").strip()})
    return out
