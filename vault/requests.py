"""People's rights (GDPR art. 15-17 and 21), handled by the DPO from what a member writes: their NIR, or their
name and birth date.

``find_member`` resolves the member *inside the vault* (NIRs live only there; a name and birth date shared by
several members is refused as ambiguous). Each request gets a number (``DPO-<year>-<n>``), the date it was
received, a due date one month later (art. 12-3) and a status, kept in ``meta.requests`` (no identifier: the
link to the member is dropped when the member is erased), and every step is in the audit log (counts only).

- **access** (art. 15): :func:`member_dossier` gathers everything held about the member in every zone (every
  landed version of their member row, contracts, benefits, quarantined lines, tokens per domain and key version,
  warehouse rows under those tokens, consent history, re-identifications, their requests and the audit entries
  about them), written to ``vault/outbox/<request>/`` as JSON, one CSV per section and a French HTML document
  (PDF when a printer is given). The outbox stays inside the vault folder, with the trusted third party.
- **rectify** (art. 16): a new version of the member row with the corrected value, checked by the landing rules
  of the members contract; the next run carries it downstream.
- **object** (art. 21): the consent is withdrawn (consent register event and a new row version); the next run
  excludes the member from the marts and campaigns that need it.
- **erase** (art. 17): ``vault.erasure.erase_member_id``: every zone, physically.
"""

from __future__ import annotations

import csv
import json
import shutil
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
from dateutil.relativedelta import relativedelta

from confiance.contracts import feed_contract
from vault import audit
from vault.consent import CONSENT_LABELS, OBJECTIONS, record_event
from vault.crossing import _latest
from vault.db import vault_connection
from vault.landing import _q, actor_name, validation_select

KINDS = {
    "access": ("droit d'accès (art. 15)", "right of access (art. 15)"),
    "rectify": ("rectification (art. 16)", "rectification (art. 16)"),
    "object": ("opposition (art. 21)", "objection (art. 21)"),
    "erase": ("effacement (art. 17)", "erasure (art. 17)"),
}
STATUSES = {"received": "reçue / received", "done": "traitée / done", "refused": "refusée / refused"}
#: Member attributes a rectification may change (the ids are the management system's, the consents go through
#: an objection, the update time is the request's).
NOT_RECTIFIABLE = {"member_id", "nir", "updated_at", "consent_research", "consent_marketing"}
#: The member row version written by a request carries this file id (no landed file has it).
REQUEST_FILE_ID = 0


class RequestError(RuntimeError):
    """A request that cannot be carried out as asked (the message says why, never a value)."""


class MemberNotFound(RequestError):
    pass


class AmbiguousMember(RequestError):
    pass


@dataclass(frozen=True)
class MemberQuery:
    """What the member wrote: a NIR, or a last name (first name optional) and a birth date."""

    nir: str | None = None
    last_name: str | None = None
    first_name: str | None = None
    birth_date: date | None = None

    def check(self) -> None:
        if not self.nir and not (self.last_name and self.birth_date):
            raise RequestError("give the member's NIR, or their last name and birth date")


@dataclass
class Request:
    """One request in the DPO's register (no identifier)."""

    number: str
    kind: str
    received_on: date
    due_on: date
    status: str
    closed_on: date | None = None
    outcome: dict[str, Any] = field(default_factory=dict)

    @property
    def late(self) -> bool:
        end = self.closed_on or date.today()
        return end > self.due_on


def _fold(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().replace("-", " ").strip()


def normalise_nir(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def ensure_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""CREATE TABLE IF NOT EXISTS meta.requests (
        number VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, member_id VARCHAR, received_on DATE NOT NULL,
        due_on DATE NOT NULL, status VARCHAR NOT NULL, closed_on DATE, outcome VARCHAR)""")


def find_member(con: duckdb.DuckDBPyConnection, query: MemberQuery) -> str:
    """The member_id of the member the query names (inside the vault), or MemberNotFound / AmbiguousMember."""
    query.check()
    members = _latest(feed_contract("members"))
    if query.nir:
        row = con.execute(
            "SELECT member_id FROM meta.identity_map WHERE nir = ?", [normalise_nir(query.nir)]
        ).fetchone()
        if row is None:
            raise MemberNotFound("no member with this NIR in the vault")
        return row[0]
    rows = con.execute(
        f"SELECT member_id, last_name, first_name FROM {members} WHERE birth_date = ?", [query.birth_date]
    ).fetchall()
    found = [
        r[0]
        for r in rows
        if _fold(r[1]) == _fold(query.last_name) and (not query.first_name or _fold(r[2]) == _fold(query.first_name))
    ]
    if not found:
        raise MemberNotFound("no member with this name and birth date in the vault")
    if len(found) > 1:
        raise AmbiguousMember(
            f"{len(found)} members share this name and birth date: ask the member for their NIR (or their first name)"
        )
    return found[0]


def _next_number(con: duckdb.DuckDBPyConnection, received: date) -> str:
    prefix = f"DPO-{received.year}-"
    n = con.execute("SELECT count(*) FROM meta.requests WHERE number LIKE ?", [prefix + "%"]).fetchone()[0]
    return f"{prefix}{n + 1:04d}"


def _open(con: duckdb.DuckDBPyConnection, kind: str, member_id: str | None, received: date) -> Request:
    ensure_table(con)
    req = Request(_next_number(con, received), kind, received, received + relativedelta(months=1), "received")
    con.execute(
        "INSERT INTO meta.requests VALUES (?, ?, ?, ?, ?, ?, NULL, NULL)",
        [req.number, kind, member_id, req.received_on, req.due_on, req.status],
    )
    return req


def _close(con: duckdb.DuckDBPyConnection, req: Request, status: str, outcome: dict[str, Any]) -> Request:
    req.status, req.closed_on, req.outcome = status, date.today(), outcome
    con.execute(
        "UPDATE meta.requests SET status = ?, closed_on = ?, outcome = ? WHERE number = ?",
        [status, req.closed_on, json.dumps(outcome, default=str), req.number],
    )
    return req


def _audit(settings: Any, actor: str, req: Request, **facts: Any) -> None:
    audit.append(
        settings,
        actor,
        f"request.{req.kind}",
        {
            "request": req.number,
            "kind": req.kind,
            "status": req.status,
            "received_on": req.received_on.isoformat(),
            "due_on": req.due_on.isoformat(),
            **facts,
        },
    )


def _received(received: date | None) -> date:
    return received or datetime.now(UTC).date()


def list_requests(settings: Any) -> list[Request]:
    """Every request of the register, oldest first."""
    if not Path(settings.vault_db).exists():
        return []
    with vault_connection(settings, read_only=True) as con:
        present = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'meta' AND table_name = 'requests'"
        ).fetchone()[0]
        if not present:
            return []
        rows = con.execute(
            "SELECT number, kind, received_on, due_on, status, closed_on, outcome FROM meta.requests "
            "ORDER BY received_on, number"
        ).fetchall()
    return [Request(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]) if r[6] else {}) for r in rows]


# --------------------------------------------------------------------------- access


SECTIONS = {  # section -> (French title, English title)
    "member_versions": ("Vos données d'adhérent (chaque version reçue)", "Your member data (each version received)"),
    "contracts": ("Vos contrats", "Your contracts"),
    "benefits": ("Vos prestations (remboursements)", "Your benefits (reimbursements)"),
    "quarantine": ("Lignes reçues mais mises de côté (non conformes)", "Lines received but set aside (invalid)"),
    "tokens": ("Vos pseudonymes (par domaine et version de clé)", "Your pseudonyms (per domain and key version)"),
    "warehouse": ("Données pseudonymisées dans l'entrepôt", "Pseudonymised data in the warehouse"),
    "consents": ("Vos consentements et leur historique", "Your consents and their history"),
    "reidentifications": (
        "Ré-identifications par le tiers de confiance",
        "Re-identifications by the trusted third party",
    ),
    "requests": ("Vos demandes", "Your requests"),
    "audit": ("Journal d'audit (entrées vous concernant)", "Audit log (entries about you)"),
}


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def member_dossier(settings: Any, con: duckdb.DuckDBPyConnection, member_id: str) -> dict[str, list[dict]]:
    """Everything held about one member, by section (see SECTIONS); values as stored."""
    from vault.consent import ensure_table as ensure_consent_events

    ensure_consent_events(con)
    ensure_table(con)
    out: dict[str, list[dict]] = {}
    out["member_versions"] = _rows(
        con,
        "SELECT * EXCLUDE (_file_id, _line), CASE WHEN _file_id = 0 THEN "
        "'demande DPO / DPO request' ELSE (SELECT file FROM meta.ledger l WHERE "
        "l.file_id = m._file_id) END AS source_file FROM raw.members m WHERE member_id = ? "
        "ORDER BY updated_at",
        [member_id],
    )
    out["contracts"] = _rows(
        con,
        "SELECT * EXCLUDE (_file_id, _line) FROM raw.contracts WHERE member_id = ? ORDER BY start_date",
        [member_id],
    )
    contract_ids = [c["contract_id"] for c in out["contracts"]]
    out["benefits"] = _rows(
        con,
        "SELECT * EXCLUDE (_file_id, _line) FROM raw.benefits WHERE member_id = ? OR "
        "list_contains(?, contract_id) ORDER BY care_date, benefit_id",
        [member_id, contract_ids],
    )
    nirs = [r[0] for r in con.execute("SELECT nir FROM meta.identity_map WHERE member_id = ?", [member_id]).fetchall()]
    words = sorted({member_id, *nirs, *contract_ids})
    out["quarantine"] = _rows(
        con,
        "SELECT file, feed, line, reason, raw_values, quarantined_at FROM meta.quarantine "
        "WHERE len(list_filter(regexp_extract_all(coalesce(raw_values, ''), "
        "'[A-Za-z0-9_.@+-]+'), x -> list_contains(?, x))) > 0 ORDER BY file, line",
        [words],
    )
    out["tokens"] = _rows(
        con,
        "SELECT domain, key_version, member_token FROM meta.member_tokens WHERE member_id = ? "
        "ORDER BY domain, key_version",
        [member_id],
    )
    out["warehouse"] = _warehouse_rows(settings, con, [t["member_token"] for t in out["tokens"]])
    out["consents"] = _rows(
        con,
        "SELECT updated_at AS at, consent_research, consent_marketing, "
        "'fichier adhérents / member feed' AS source FROM raw.members WHERE member_id = ? "
        "ORDER BY updated_at",
        [member_id],
    )
    out["consents"] += _rows(
        con,
        "SELECT recorded_at AS at, consent, value, source, request FROM meta.consent_events "
        "WHERE member_id = ? ORDER BY recorded_at",
        [member_id],
    )
    out["reidentifications"] = _rows(
        con,
        "SELECT request_id, purpose, fields, created_at FROM reid.results WHERE member_id = ? ORDER BY created_at",
        [member_id],
    )
    out["requests"] = _rows(
        con,
        "SELECT number, kind, received_on, due_on, status, closed_on FROM meta.requests "
        "WHERE member_id = ? ORDER BY number",
        [member_id],
    )
    refs = {r["number"] for r in out["requests"]} | {r["request_id"] for r in out["reidentifications"]}
    out["audit"] = [
        {
            "seq": e["seq"],
            "at": e["ts"],
            "actor": e["actor"],
            "action": e["action"],
            "details": json.dumps(e.get("details", {}), ensure_ascii=False, default=str),
        }
        for e in audit.entries(settings)
        if {str((e.get("details") or {}).get(k)) for k in ("request", "request_id")} & refs
    ]
    return out


def _warehouse_rows(settings: Any, con: duckdb.DuckDBPyConnection, tokens: list[str]) -> list[dict[str, Any]]:
    path = Path(settings.warehouse_db)
    if not tokens or not path.exists():
        return []
    con.execute(f"ATTACH '{path}' AS wh_access (READ_ONLY)")
    try:
        out = []
        tables = con.execute(
            "SELECT DISTINCT table_schema, table_name FROM information_schema.columns WHERE table_catalog = "
            "'wh_access' AND column_name = 'member_token' ORDER BY ALL"
        ).fetchall()
        for schema, table in tables:
            for row in _rows(
                con, f'SELECT * FROM wh_access."{schema}"."{table}" WHERE list_contains(?, member_token)', [tokens]
            ):
                out.append({"table": f"{schema}.{table}", "row": json.dumps(row, ensure_ascii=False, default=str)})
        return out
    finally:
        con.execute("DETACH wh_access")


def outbox(settings: Any) -> Path:
    """Where exports for members are written: inside the vault folder (owner-only), with the trusted third party."""
    return Path(settings.vault_dir) / "outbox"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "oui / yes" if value else "non / no"
    return str(value)


def write_export(folder: Path, req: Request, dossier: dict[str, list[dict]], controller: dict[str, str]) -> dict:
    """JSON, one CSV per section and a French HTML document of the dossier in ``folder``; returns the paths."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    paths: dict[str, Path] = {}
    js = folder / f"{req.number}_acces.json"
    js.write_text(
        json.dumps({"request": asdict(req), "sections": dossier}, ensure_ascii=False, indent=2, default=str),
        encoding="utf-8",
    )
    paths["json"] = js
    for section, rows in dossier.items():
        path = folder / f"{req.number}_{section}.csv"
        with open(path, "w", newline="", encoding="utf-8-sig") as fh:
            names = list(dict.fromkeys(k for r in rows for k in r)) or ["(aucune donnée / no data)"]
            w = csv.DictWriter(fh, fieldnames=names, delimiter=";")
            w.writeheader()
            for r in rows:
                w.writerow({k: _text(v) for k, v in r.items()})
        paths[f"csv_{section}"] = path
    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=select_autoescape(["html"])
    )
    html = folder / f"{req.number}_acces.html"
    html.write_text(
        env.get_template("access_export.html").render(
            req=req,
            kinds=KINDS,
            sections=SECTIONS,
            dossier=dossier,
            text=_text,
            controller=controller,
            consent_labels=CONSENT_LABELS,
            generated=datetime.now(UTC).strftime("%d/%m/%Y %H:%M UTC"),
        ),
        encoding="utf-8",
    )
    paths["html"] = html
    return paths


def access(
    settings: Any,
    query: MemberQuery,
    *,
    received: date | None = None,
    actor: str | None = None,
    pdf: Callable[[Path, Path], Path] | None = None,
    controller: dict[str, str] | None = None,
) -> tuple[Request, dict[str, Path]]:
    """Right of access: export the member's dossier to the outbox; returns the request and the files written."""
    actor = actor or actor_name()
    with vault_connection(settings, operation="request access") as con:
        ensure_table(con)
        member_id = find_member(con, query)
        req = _open(con, "access", member_id, _received(received))
        dossier = member_dossier(settings, con, member_id)
        counts = {k: len(v) for k, v in dossier.items()}
        paths = write_export(outbox(settings) / req.number, req, dossier, controller or {})
        if pdf is not None:
            paths["pdf"] = pdf(paths["html"], paths["html"].with_suffix(".pdf"))
        _close(con, req, "done", {"rows": counts, "files": len(paths)})
    _audit(settings, actor, req, rows=counts, files=len(paths))
    return req, paths


# --------------------------------------------------------------------------- rectification and objection


def _new_version(con: duckdb.DuckDBPyConnection, member_id: str, changes: dict[str, str], req: Request) -> None:
    """Write a new version of the member's row with ``changes`` (text values), checked by the landing rules."""
    contract = feed_contract("members")
    cols = [c.name for c in contract.columns]
    current = con.execute(
        f"SELECT {', '.join(f'CAST({_q(c)} AS VARCHAR)' for c in cols)} FROM {_latest(contract)} WHERE member_id = ?",
        [member_id],
    ).fetchone()
    if current is None:
        raise MemberNotFound("the member has no row in the vault any more")
    values = dict(zip(cols, current, strict=True))
    values.update(changes)
    values["updated_at"] = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S")
    line = int(req.number.rsplit("-", 1)[1])
    select = ", ".join(f"?::VARCHAR AS {_q(c)}" for c in cols)
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE request_row AS SELECT {line}::BIGINT AS _line, {select}",
        [values[c] for c in cols],
    )
    checked = con.execute(f"SELECT * FROM ({validation_select(contract, 'request_row', 'raw.members')})").fetchone()
    names = [d[0] for d in con.description]
    row = dict(zip(names, checked, strict=True))
    if row["_reason"]:
        con.execute("DROP TABLE request_row")
        raise RequestError("the corrected value breaks the members contract: " + row["_reason"])
    con.execute(
        f"INSERT INTO raw.members SELECT {', '.join(_q(c) for c in cols)}, {REQUEST_FILE_ID}, _line FROM "
        f"({validation_select(contract, 'request_row', 'raw.members')})"
    )
    con.execute("DROP TABLE request_row")


def rectify(
    settings: Any,
    query: MemberQuery,
    changes: dict[str, str],
    *,
    received: date | None = None,
    actor: str | None = None,
) -> Request:
    """Right to rectification: correct member attributes in the vault; the next run carries them downstream."""
    actor = actor or actor_name()
    columns = {c.name for c in feed_contract("members").columns}
    unknown = sorted(set(changes) - columns)
    if unknown:
        raise RequestError(f"unknown member attribute(s) {', '.join(unknown)}; known: {', '.join(sorted(columns))}")
    refused = sorted(set(changes) & NOT_RECTIFIABLE)
    if refused:
        raise RequestError(f"{', '.join(refused)} cannot be rectified by a request (consents: use `request object`)")
    if not changes:
        raise RequestError("nothing to rectify: give at least one --set attribute=value")
    with vault_connection(settings, operation="request rectify") as con:
        ensure_table(con)
        member_id = find_member(con, query)
        con.execute("BEGIN TRANSACTION")
        req = _open(con, "rectify", member_id, _received(received))
        try:
            _new_version(con, member_id, changes, req)
        except RequestError:
            con.execute("ROLLBACK")
            raise
        _close(con, req, "done", {"attributes": sorted(changes), "carried_downstream": "next run"})
        con.execute("COMMIT")
    _audit(settings, actor, req, attributes=sorted(changes))
    return req


def object_to(
    settings: Any, query: MemberQuery, uses: list[str], *, received: date | None = None, actor: str | None = None
) -> Request:
    """Right to object: withdraw the consents for ``uses`` (research, marketing, prevention); honoured next run."""
    actor = actor or actor_name()
    bad = [u for u in uses if u not in OBJECTIONS]
    if bad or not uses:
        raise RequestError(f"object to one or more of: {', '.join(OBJECTIONS)} (got {', '.join(bad) or 'nothing'})")
    consents = sorted({OBJECTIONS[u] for u in uses})
    with vault_connection(settings, operation="request object") as con:
        ensure_table(con)
        member_id = find_member(con, query)
        con.execute("BEGIN TRANSACTION")
        req = _open(con, "object", member_id, _received(received))
        for consent in consents:
            record_event(con, member_id, consent, False, "objection", req.number)
        _new_version(con, member_id, dict.fromkeys(consents, "false"), req)
        _close(con, req, "done", {"consents_withdrawn": consents, "honoured": "next run"})
        con.execute("COMMIT")
    _audit(settings, actor, req, consents_withdrawn=consents)
    return req


# --------------------------------------------------------------------------- erasure


def erase(
    settings: Any, query: MemberQuery, *, received: date | None = None, actor: str | None = None
) -> tuple[Request, dict[str, int]]:
    """Right to erasure: the member is removed from every zone, physically; the request (no identifier) stays."""
    from vault.erasure import erase_member_id

    actor = actor or actor_name()
    with vault_connection(settings, operation="request erase") as con:
        ensure_table(con)
        member_id = find_member(con, query)
        req = _open(con, "erase", member_id, _received(received))
        earlier = [
            r[0] for r in con.execute("SELECT number FROM meta.requests WHERE member_id = ?", [member_id]).fetchall()
        ]
    # their earlier exports (access requests) go first: they are copies of what is being erased
    for number in earlier:
        shutil.rmtree(outbox(settings) / number, ignore_errors=True)
    _audit(settings, actor, req)
    removed = erase_member_id(settings, member_id, actor=actor, request=req.number)
    with vault_connection(settings, operation="request erase") as con:
        _close(con, req, "done", {"rows_removed": removed})
    _audit(settings, actor, req, rows_removed=removed)
    return req, removed
