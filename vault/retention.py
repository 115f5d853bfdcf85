"""Retention: what each contract says must go, counted (``due_for_purge``) and removed physically (``purge``).

The rules and their durations come from the feed contracts' ``slaProperties`` (one home; change a duration
there):

- ``contracts``: ``retention`` after the contract's end date;
- ``benefits``: ``retention`` after the end of the contract they were paid under; for a person without any
  contract, ``retention_active_without_contract`` (in use) then ``retention_archived_without_contract``
  (archived: kept, not used) after payment;
- ``members``: ``retention`` after the end of their last contract (none still open); a person who never held a
  contract (prospect): ``retention_prospect`` after the last change of their record;
- quarantined lines: as long as the rows of their feed, by the date they carry (a contract's end, a benefit's
  payment, a member record's last change); a line without a readable date stays and is counted.

``purge`` removes the rows due in every zone with the erasure's machinery (``vault.erasure.remove_everywhere``):
vault rows, quarantined lines, tokens of every key version, warehouse rows (dbt models too), inbox lines, then
rewrites the vault and the warehouse files so no deleted row's bytes stay. The audit log gets the counts.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from confiance.contracts import feed_contracts
from vault import audit
from vault.crossing import _latest
from vault.db import vault_connection
from vault.landing import actor_name

_UNIT_DAYS = {"y": 365.25, "m": 30.44, "d": 1}


@dataclass(frozen=True)
class RuleCount:
    """One retention rule of one feed, with the rows it covers and those due (counts only)."""

    feed: str
    rule: str
    retention: str
    description: str
    rows: int
    due: int
    archived: int = 0


def _days(feed: str, prop: str) -> int | None:
    sla = feed_contracts()[feed].sla.get(prop)
    if sla is None:
        return None
    unit = str(sla.unit or "y").lower()[:1]
    return int(float(sla.value) * _UNIT_DAYS.get(unit, 365.25))


def _label(feed: str, prop: str) -> tuple[str, str]:
    sla = feed_contracts()[feed].sla.get(prop)
    if sla is None:
        return "not set", ""
    return f"{sla.value} {sla.unit}", " ".join(str(sla.description or "").split())


def _queries(as_of: date) -> dict[str, tuple[str, str, str, str | None]]:
    """rule -> (feed, sla property, SQL of (id, due, archived) per row, archived property)."""
    contracts = _latest(feed_contracts()["contracts"])
    d = as_of.isoformat()
    c_days = _days("contracts", "retention")
    b_days = _days("benefits", "retention")
    active = _days("benefits", "retention_active_without_contract")
    archived = _days("benefits", "retention_archived_without_contract")
    m_days = _days("members", "retention")
    prospect = _days("members", "retention_prospect")
    ends = (
        f"(SELECT member_id, CASE WHEN bool_or(end_date IS NULL) THEN NULL ELSE max(end_date) END AS last_end "
        f"FROM {contracts} GROUP BY member_id)"
    )
    out: dict[str, tuple[str, str, str, str | None]] = {}
    if c_days is not None:
        out["contracts.after_end"] = (
            "contracts",
            "retention",
            (
                f"SELECT contract_id AS id, coalesce(end_date + INTERVAL {c_days} DAY < DATE '{d}', false) AS due, "
                f"false AS archived FROM raw.contracts"
            ),
            None,
        )
    if b_days is not None:
        out["benefits.after_contract_end"] = (
            "benefits",
            "retention",
            (
                f"SELECT b.benefit_id AS id, coalesce(c.end_date + INTERVAL {b_days} DAY < DATE '{d}', false) AS due, "
                f"false AS archived FROM raw.benefits b JOIN {contracts} c USING (contract_id)"
            ),
            None,
        )
    if active is not None and archived is not None:
        out["benefits.without_contract"] = (
            "benefits",
            "retention_active_without_contract",
            (
                f"SELECT b.benefit_id AS id, b.payment_date + INTERVAL {active + archived} DAY < DATE '{d}' AS due, "
                f"b.payment_date + INTERVAL {active} DAY < DATE '{d}' AS archived FROM raw.benefits b "
                f"WHERE b.contract_id NOT IN (SELECT contract_id FROM raw.contracts)"
            ),
            "retention_archived_without_contract",
        )
    if m_days is not None:
        out["members.after_last_contract"] = (
            "members",
            "retention",
            (
                f"SELECT m.member_id AS id, coalesce(e.last_end + INTERVAL {m_days} DAY < DATE '{d}', false) AS due, "
                f"false AS archived FROM raw.members m JOIN {ends} e USING (member_id)"
            ),
            None,
        )
    if prospect is not None:
        out["members.prospect"] = (
            "members",
            "retention_prospect",
            (
                f"SELECT m.member_id AS id, m.updated_at + INTERVAL {prospect} DAY < TIMESTAMP '{d}' AS due, "
                f"false AS archived FROM {_latest(feed_contracts()['members'])} m "
                f"WHERE m.member_id NOT IN (SELECT member_id FROM raw.contracts)"
            ),
            None,
        )
    # quarantined lines are kept as long as the rows of their feed (by the date they carry), then go with them
    dated = {
        "contracts": ("contract_id", "end_date", c_days),
        "benefits": ("benefit_id", "payment_date", b_days),
        "members": ("member_id", "updated_at", m_days),
    }
    for feed, (key, column, days) in dated.items():
        if days is None:
            continue
        value = f"json_extract_string(raw_values, '$.{column}')"
        out[f"quarantine.{feed}"] = (
            feed,
            "retention",
            (
                f"SELECT json_extract_string(raw_values, '$.{key}') AS id, "
                f"coalesce(TRY_CAST(left({value}, 10) AS DATE) + INTERVAL {days} DAY < DATE '{d}', false) AS due, "
                f"false AS archived FROM meta.quarantine WHERE feed = '{feed}' AND json_valid(raw_values) "
                f"AND json_extract_string(raw_values, '$.{key}') IS NOT NULL "
                f"AND json_extract_string(raw_values, '$.{key}') NOT IN (SELECT {key} FROM raw.{feed})"
            ),
            None,
        )
    return out


def _count(con: duckdb.DuckDBPyConnection, as_of: date) -> list[RuleCount]:
    out = []
    for rule, (feed, prop, sql, archived_prop) in _queries(as_of).items():
        rows, due, archived = con.execute(
            f"SELECT count(*), count(*) FILTER (due), count(*) FILTER (archived AND NOT due) FROM ({sql})"
        ).fetchone()
        retention, description = _label(feed, prop)
        if archived_prop:
            more, more_text = _label(feed, archived_prop)
            retention, description = f"{retention} + {more}", f"{description} {more_text}"
        out.append(RuleCount(feed, rule, retention, description, int(rows), int(due), int(archived)))
    return out


def retention_counts(settings: Any, as_of: date | None = None) -> list[RuleCount]:
    """Per feed and rule: rows in the vault, rows due for purge, rows archived (counts only)."""
    if not Path(settings.vault_db).exists():
        return []
    with vault_connection(settings, read_only=True) as con:
        return _count(con, as_of or date.today())


@dataclass(frozen=True)
class FeedDue:
    """One feed's retention summed over its rules: rows in the vault, rows past retention (to purge), archived."""

    feed: str
    retention: str  # the rules' durations, "; "-separated
    rule: str  # the rules' explanations
    rows: int  # rows of the feed in the vault
    due_for_purge: int  # rows past retention (quarantined lines included)
    archived: int
    quarantined_due: int  # of which quarantined lines


def due_for_purge(settings: Any, as_of: date | None = None) -> list[FeedDue]:
    """Per feed: retention, rows in the vault and rows past retention (to purge), summed over its rules."""
    if not Path(settings.vault_db).exists():
        return []
    with vault_connection(settings, read_only=True) as con:
        counts = _count(con, as_of or date.today())
        totals = {name: con.execute(f"SELECT count(*) FROM raw.{name}").fetchone()[0] for name in feed_contracts()}
    by_feed: dict[str, list[RuleCount]] = {}
    for rc in counts:
        by_feed.setdefault(rc.feed, []).append(rc)
    return [
        FeedDue(
            feed,
            "; ".join(r.retention for r in rules),
            " ".join(r.description for r in rules),
            int(totals.get(feed, 0)),
            sum(r.due for r in rules),
            sum(r.archived for r in rules),
            sum(r.due for r in rules if r.rule.startswith("quarantine.")),
        )
        for feed, rules in by_feed.items()
    ]


def purge(settings: Any, *, dry_run: bool = False, as_of: date | None = None, actor: str | None = None) -> dict:
    """Delete, in every zone and physically, the rows each contract's retention says are due; audited (counts)."""
    from vault.erasure import Needles, entity_tokens, remove_everywhere

    actor = actor or actor_name()
    as_of = as_of or date.today()
    if not Path(settings.vault_db).exists():
        return {"dry_run": dry_run, "as_of": as_of.isoformat(), "rules": [], "removed": {}}
    with vault_connection(settings, read_only=True) as con:
        counts = _count(con, as_of)
        ids: dict[str, set[str]] = {"members": set(), "contracts": set(), "benefits": set()}
        for _rule, (feed, _prop, sql, _a) in _queries(as_of).items():
            ids[feed].update(r[0] for r in con.execute(f"SELECT id FROM ({sql}) WHERE due").fetchall())
        extra = Needles()
        if not dry_run and (ids["contracts"] or ids["benefits"]):
            extra.values |= ids["contracts"] | ids["benefits"]
            extra.values |= entity_tokens(settings, con, "contract", ids["contracts"])
            extra.values |= entity_tokens(settings, con, "benefit", ids["benefits"])
            # benefits paid under a purged contract go with it
            extra.values |= {
                r[0]
                for r in con.execute(
                    "SELECT benefit_id FROM raw.benefits WHERE list_contains(?, contract_id)",
                    [sorted(ids["contracts"])],
                ).fetchall()
            }
    result = {
        "dry_run": dry_run,
        "as_of": as_of.isoformat(),
        "rules": [asdict(c) for c in counts],
        "due": {feed: len(v) for feed, v in ids.items()},
        "removed": {},
    }
    if dry_run:
        audit.append(settings, actor, "retention.purge.dry_run", {"as_of": as_of.isoformat(), "due": result["due"]})
        return result
    if ids["members"] or extra:
        result["removed"] = remove_everywhere(
            settings,
            sorted(ids["members"]),
            extra,
            actor=actor,
            action="retention.purge",
            facts={"as_of": as_of.isoformat(), "due": result["due"]},
        )
    else:
        audit.append(
            settings, actor, "retention.purge", {"as_of": as_of.isoformat(), "due": result["due"], "rows_deleted": {}}
        )
    return result


@dataclass(frozen=True)
class Reconciliation:
    """How the rows of one feed in the vault today follow from the landing ledger (counts only)."""

    feed: str
    landed: int  # rows landed according to the ledger
    in_vault: int  # rows of landed files still in the vault
    by_requests: int  # row versions written by people's requests (rectification, objection)
    current: int  # distinct records (latest version of each)
    removed_audited: int  # rows removed by erasures and purges, according to the audit log

    @property
    def removed(self) -> int:
        return self.landed - self.in_vault

    @property
    def earlier_versions(self) -> int:
        return self.in_vault + self.by_requests - self.current

    @property
    def explained(self) -> bool:
        return self.removed == self.removed_audited


def reconcile(settings: Any) -> list[Reconciliation]:
    """Per feed: ledger rows landed -> rows still in the vault (the difference: erasures and purges, from the audit
    log) -> distinct records (the difference: earlier versions of a record, sent again or written by a request)."""
    if not Path(settings.vault_db).exists():
        return []
    removed: dict[str, int] = {}
    for entry in audit.entries(settings):
        if entry.get("action") in ("erasure.member", "retention.purge"):
            for table, n in ((entry.get("details") or {}).get("rows_deleted") or {}).items():
                if table.startswith("raw.") and isinstance(n, int):
                    removed[table[4:]] = removed.get(table[4:], 0) + n
    out = []
    with vault_connection(settings, read_only=True) as con:
        for name, contract in feed_contracts().items():
            landed = con.execute(
                "SELECT coalesce(sum(rows_landed), 0) FROM meta.ledger WHERE feed = ? AND status = 'landed'", [name]
            ).fetchone()[0]
            in_vault, by_requests = con.execute(
                f"SELECT count(*) FILTER (_file_id <> 0), count(*) FILTER (_file_id = 0) FROM raw.{name}"
            ).fetchone()
            current = con.execute(f"SELECT count(*) FROM {_latest(contract)}").fetchone()[0]
            out.append(
                Reconciliation(name, int(landed), int(in_vault), int(by_requests), int(current), removed.get(name, 0))
            )
    return out
