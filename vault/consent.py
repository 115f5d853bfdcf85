"""The consent register: each member's consents, their history, and objections recorded by the DPO.

The source system sends consents in the member feed (``consent_research``, ``consent_marketing``); each landed
version of a member row is a dated state of their consents. An objection (GDPR art. 21) or a withdrawal handled
by the DPO is recorded here as a *consent event* and written as a new version of the member's row (dated now),
so the crossing, the marts and the campaigns use it at the next run. The events stay the register's memory: the
crossing carries a consent through :func:`honoured_sql` and :func:`shares` counts it the same way, so a later feed
still saying "yes" does not undo an objection (the source system must be corrected too; :func:`overridden` counts
such members).

Counts only leave this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from confiance.contracts import feed_contract

#: What a member may object to, in their words -> the consent flag of the member register.
OBJECTIONS = {
    "research": "consent_research",
    "marketing": "consent_marketing",
    "prevention": "consent_marketing",  # prevention contact (mailings) is covered by the mailing consent
}

#: French labels of the consent flags, for the member and the DPO.
CONSENT_LABELS = {
    "consent_research": "utilisation pour la recherche et les études de prévention / research and prevention studies",
    "consent_marketing": "courriers de prévention et de prospection / prevention and commercial mailings",
}


@dataclass(frozen=True)
class ConsentShare:
    consent: str
    members: int
    given: int

    @property
    def share(self) -> float:
        return self.given / self.members if self.members else 0.0


def consent_columns() -> list[str]:
    """The consent flags of the member register (crossing rule ``consent`` in the members contract)."""
    return [c.name for c in feed_contract("members").columns if c.crossing == "consent"]


def ensure_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""CREATE TABLE IF NOT EXISTS meta.consent_events (
        member_id VARCHAR NOT NULL, consent VARCHAR NOT NULL, value BOOLEAN NOT NULL, source VARCHAR NOT NULL,
        request VARCHAR, recorded_at TIMESTAMP NOT NULL)""")


_NO_EVENTS = (
    "(SELECT NULL::VARCHAR AS member_id, NULL::VARCHAR AS consent, NULL::BOOLEAN AS value, "
    "NULL::VARCHAR AS source, NULL::VARCHAR AS request, NULL::TIMESTAMP AS recorded_at WHERE false)"
)


def events(con: duckdb.DuckDBPyConnection) -> str:
    """SQL of the consent events (an empty relation on a vault that has none yet, even opened read-only)."""
    present = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_catalog = 'vault' "
        "AND table_schema = 'meta' AND table_name = 'consent_events'"
    ).fetchone()[0]
    return "meta.consent_events" if present else _NO_EVENTS


def record_event(
    con: duckdb.DuckDBPyConnection, member_id: str, consent: str, value: bool, source: str, request: str | None
) -> None:
    ensure_table(con)
    if consent not in consent_columns():
        raise ValueError(f"unknown consent {consent!r}; known: {', '.join(consent_columns())}")
    con.execute(
        "INSERT INTO meta.consent_events VALUES (?, ?, ?, ?, ?, now())", [member_id, consent, value, source, request]
    )


def objections_sql(source: str = "meta.consent_events") -> str:
    """SQL of the (member_id, consent) pairs whose latest DPO-recorded event is a refusal."""
    return (
        f"(SELECT member_id, consent FROM {source} QUALIFY row_number() OVER "
        "(PARTITION BY member_id, consent ORDER BY recorded_at DESC) = 1 AND NOT value)"
    )


def honoured_sql(value_sql: str, consent: str, member_sql: str = "r.member_id") -> str:
    """SQL of a consent flag as the crossing must carry it: the feed's value, unless the member withdrew that consent
    through the DPO (their latest event for it is a refusal) — a later feed still saying "yes" does not undo it."""
    return (
        f"({value_sql} AND NOT EXISTS (SELECT 1 FROM {objections_sql()} o "
        f"WHERE o.member_id = {member_sql} AND o.consent = '{consent}'))"
    )


def shares(con: duckdb.DuckDBPyConnection, members_sql: str) -> list[ConsentShare]:
    """Share of members giving each consent in the latest member rows (``members_sql``), objections applied."""
    source = events(con)
    out = []
    for col in consent_columns():
        total, given = con.execute(
            f"SELECT count(*), count(*) FILTER (coalesce(m.{col}, false) AND NOT EXISTS (SELECT 1 FROM "
            f"{objections_sql(source)} o WHERE o.member_id = m.member_id AND o.consent = '{col}')) FROM {members_sql} m"
        ).fetchone()
        out.append(ConsentShare(col, int(total), int(given)))
    return out


def overridden(con: duckdb.DuckDBPyConnection, members_sql: str) -> int:
    """Members whose latest feed row says "yes" to a consent they withdrew through the DPO (fix at the source)."""
    source = events(con)
    parts = [
        f"SELECT o.member_id FROM {objections_sql(source)} o JOIN {members_sql} m USING (member_id) "
        f"WHERE o.consent = '{col}' AND coalesce(m.{col}, false)"
        for col in consent_columns()
    ]
    return int(con.execute(f"SELECT count(DISTINCT member_id) FROM ({' UNION ALL '.join(parts)})").fetchone()[0])


#: What a landed member row did to one consent, compared with the member's latest earlier version.
CHANGES = ("new_given", "new_refused", "given", "withdrawn", "unchanged")


def ensure_landing_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""CREATE TABLE IF NOT EXISTS meta.consent_landings (
        file_id INTEGER NOT NULL, consent VARCHAR NOT NULL, new_given BIGINT NOT NULL, new_refused BIGINT NOT NULL,
        given BIGINT NOT NULL, withdrawn BIGINT NOT NULL, unchanged BIGINT NOT NULL, landed_at TIMESTAMP NOT NULL,
        PRIMARY KEY (file_id, consent))""")


def record_landing(con: duckdb.DuckDBPyConnection, file_id: int, checked: str) -> dict[str, dict[str, int]]:
    """The consent history of one landing of the member feed (inside its transaction, before its rows are added):
    for each consent, how many landed rows are new members saying yes / no, members who gave or withdrew it since
    their latest earlier version (a DPO request's version included), and unchanged. Their sum is the file's rows
    landed (the ledger). Stored in ``meta.consent_landings`` (counts only) and returned for the audit log."""
    ensure_landing_table(con)
    cols = consent_columns()
    counts = ", ".join(
        f"count(*) FILTER (p.member_id IS NULL AND c.{col}), count(*) FILTER (p.member_id IS NULL AND NOT c.{col}), "
        f"count(*) FILTER (p.member_id IS NOT NULL AND c.{col} AND NOT p.{col}), "
        f"count(*) FILTER (p.member_id IS NOT NULL AND p.{col} AND NOT c.{col}), "
        f"count(*) FILTER (p.member_id IS NOT NULL AND p.{col} = c.{col})"
        for col in cols
    )
    flags = ", ".join(f"coalesce({col}, false) AS {col}" for col in cols)
    # one pass over the member register: each member's latest earlier version, as the crossing orders versions
    row = con.execute(f"""
        SELECT {counts}
        FROM (SELECT member_id, {flags} FROM {checked} WHERE _reason = '') c
        LEFT JOIN (SELECT member_id, {flags} FROM raw.members QUALIFY row_number() OVER (PARTITION BY member_id
                   ORDER BY updated_at DESC, _file_id DESC, _line DESC) = 1) p USING (member_id)""").fetchone()
    out: dict[str, dict[str, int]] = {}
    for i, col in enumerate(cols):
        values = [int(v) for v in row[i * len(CHANGES) : (i + 1) * len(CHANGES)]]
        out[col] = dict(zip(CHANGES, values, strict=True))
        con.execute("INSERT INTO meta.consent_landings VALUES (?, ?, ?, ?, ?, ?, ?, now())", [file_id, col, *values])
    return out


def history(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Consent changes per month: members whose flag turned on or off between two landed versions of their row,
    plus the DPO's recorded events."""
    source = events(con)
    rows = []
    for col in consent_columns():
        for month, on, off in con.execute(f"""
            SELECT strftime(date_trunc('month', updated_at), '%Y-%m') AS month,
                   count(*) FILTER (prev IS NOT NULL AND NOT prev AND now_) AS on_,
                   count(*) FILTER (prev IS NOT NULL AND prev AND NOT now_) AS off_
            FROM (SELECT updated_at, coalesce({col}, false) AS now_,
                         lag(coalesce({col}, false)) OVER (PARTITION BY member_id ORDER BY updated_at, _file_id, _line)
                         AS prev FROM raw.members)
            GROUP BY ALL HAVING on_ + off_ > 0 ORDER BY month""").fetchall():
            rows.append({"month": month, "consent": col, "given": int(on), "withdrawn": int(off), "source": "feed"})
        for month, on, off in con.execute(
            f"""
            SELECT strftime(date_trunc('month', recorded_at), '%Y-%m'), count(*) FILTER (value),
                   count(*) FILTER (NOT value)
            FROM {source} WHERE consent = ? GROUP BY ALL ORDER BY 1""",
            [col],
        ).fetchall():
            rows.append(
                {"month": month, "consent": col, "given": int(on), "withdrawn": int(off), "source": "DPO requests"}
            )
    return sorted(rows, key=lambda r: (r["month"], r["consent"], r["source"]))
