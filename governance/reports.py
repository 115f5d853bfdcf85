"""The DPO reports: landing ledger, publication log, audit summary, retention, register of processing.

Written under ``settings.reports`` as HTML (to read), Markdown (to paste into a
file note) and JSON (to feed another tool). Every figure comes from a real
source: the vault's landing ledger, audit log and retention computation
(:class:`VaultRecords`, read by the pipeline and passed in: governance imports no
vault code), the signed manifests of ``published/``, the contracts, and the
quality status. Reports show counts, file names,
purposes, actors and checks; never a data value: the outbound PII gate checks
the folder before the build is declared done.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import yaml

from confiance.contracts import (
    CLASSIFICATIONS,
    DIRECT_IDENTIFIER,
    FREE_TEXT,
    INTERNAL,
    PUBLIC,
    QUASI_IDENTIFIER,
    SENSITIVE,
    Contract,
    feed_contracts,
    mart_contracts,
)
from confiance.dataset_status import FAILED
from confiance.settings import CONTRACTS_DIR, Settings, controller_identity
from governance import dpo_charts
from governance.pii_gate import Detector
from governance.site import (
    TEMPLATES_DIR,
    DatasetDoc,
    QualityRecords,
    assert_outbound_clean,
    collect_datasets,
    contract_owner,
    contract_retention,
    quality_view,
    template_environment,
)

if TYPE_CHECKING:  # the vault's record types, for annotations only: governance imports no vault code
    from vault.landing import LedgerEntry, QuarantineCount
    from vault.retention import FeedDue, Reconciliation, RuleCount

log = logging.getLogger(__name__)

REGISTER_FILE = CONTRACTS_DIR / "processing_register.yaml"

#: Categories of personal data (art. 30-1-c) for each classification of the contracts.
CLASSIFICATION_CATEGORY = {
    DIRECT_IDENTIFIER: "identification and contact data (direct identifiers)",
    QUASI_IDENTIFIER: "demographic data (quasi-identifiers)",
    SENSITIVE: "health data (GDPR art. 9)",
    FREE_TEXT: "free-text notes (may contain personal data; scrubbed before leaving the vault)",
    INTERNAL: "contract, consent and management data",
    PUBLIC: "public reference data",
}

#: Detail fields of an audit entry that are safe to show (names of things, never values of data).
_SAFE_DETAIL_STRINGS = {
    "file",
    "feed",
    "consumer",
    "domain",
    "mart",
    "table",
    "run",
    "run_id",
    "key",
    "purpose",
    "status",
    "stage",
    "reason",
    "caller",
    "request_id",
}


# --------------------------------------------------------------------------- report model


@dataclass
class Table:
    """One table of a report: headers and rows of plain values (counts, names, statuses)."""

    title: str
    headers: list[str]
    rows: list[list[Any]]
    note: str = ""
    numeric: list[int] = field(default_factory=list)  # indexes of right-aligned columns


@dataclass
class Report:
    """One DPO report, rendered to HTML, Markdown and JSON."""

    slug: str
    title: str
    summary: list[str]
    tables: list[Table]
    status: str = ""  # "ok", "warning" or "broken": the headline the index shows
    data: dict[str, Any] = field(default_factory=dict)
    charts: list[dict[str, str]] = field(default_factory=list)  # {"title", "svg"}: inline SVG (counts only)
    explanations: list[list[str]] = field(default_factory=list)  # [term, plain explanation] for the words used
    filters: bool = False  # the HTML lets the reader filter the last table by type and period


#: Plain explanations of the words the reports use (French first, English alongside).
@dataclass(frozen=True)
class VaultRecords:
    """What the DPO reports show of the vault, each part as the vault's own record. The pipeline reads them
    (``confiance.pipeline_inputs.vault_records``) and passes them in."""

    #: The audit log as written (``vault.audit.entries``): the keys of ``vault.audit.AuditEntry`` (seq, ts, actor,
    #: action, details), read by name below. (The typed ``read_entries`` refuses a malformed entry, while these
    #: reports must still render an edited log as broken.)
    audit: list[dict[str, Any]]
    #: ``vault.audit.verify``: (the chain verifies, what was checked or what is wrong and where).
    audit_verified: tuple[bool, str]
    ledger: list[LedgerEntry]
    quarantine: list[QuarantineCount]
    retention_due: list[FeedDue]
    retention_rules: list[RuleCount]
    reconciliation: list[Reconciliation]
    #: The declared re-identification purposes by name (``vault.reidentify.purposes``).
    purposes: dict[str, dict[str, Any]]


GLOSSARY = {
    "token": [
        "pseudonyme (jeton) / token",
        "Code qui remplace l'identité d'une personne hors du coffre ; seul le tiers de confiance peut le "
        "relier à la personne. / A code standing for a person outside the vault; only the trusted third "
        "party can link it back.",
    ],
    "vault": [
        "coffre / vault",
        "Base chiffrée tenue par le tiers de confiance : seul endroit où figurent les identités. / The "
        "encrypted database held by the trusted third party: the only place where identities exist.",
    ],
    "quarantine": [
        "quarantaine / quarantine",
        "Lignes reçues mais non conformes au contrat du fichier, gardées à part avec leur motif. / Lines "
        "received that break their file's contract, kept aside with their reason.",
    ],
    "audit_chain": [
        "chaîne d'audit / audit chain",
        "Chaque entrée du journal est scellée avec la précédente : une modification, une suppression ou "
        "un réordonnancement se voit. / Each log entry is sealed with the previous one: an edit, removal "
        "or reordering shows.",
    ],
    "key_rotation": [
        "rotation de clé / key rotation",
        "Remplacement d'une clé par une nouvelle version ; les pseudonymes changent, l'ancien lien "
        "reste dans le coffre. / A key replaced by a new version; tokens change, the old link stays in "
        "the vault.",
    ],
    "signature": [
        "signature du manifeste / manifest signature",
        "Chaque publication liste ses fichiers et leurs empreintes, signés par la clé de l'éditeur : le "
        "destinataire vérifie qu'ils n'ont pas été modifiés. / Each publication lists its files and "
        "checksums, signed by the publisher's key: the recipient checks nothing was changed.",
    ],
    "k": [
        "seuil k / threshold k",
        "Un chiffre publié décrit au moins k personnes (ici 11) ; sinon il est masqué. / A published figure "
        "describes at least k people (here 11); otherwise it is masked.",
    ],
    "retention": [
        "durée de conservation / retention",
        "Durée pendant laquelle une donnée est gardée, fixée par le contrat du flux, puis purgée. / How "
        "long data is kept, set by the feed's contract, then purged.",
    ],
    "reidentification": [
        "ré-identification / re-identification",
        "Retour du pseudonyme à la personne, dans le coffre seulement, pour une finalité déclarée et "
        "si la personne y consent. / Going back from a token to the person, inside the vault only, "
        "for a declared purpose and with consent.",
    ],
}


def _explain(*terms: str) -> list[list[str]]:
    return [GLOSSARY[t] for t in terms if t in GLOSSARY]


# --------------------------------------------------------------------------- landing ledger


def landing_ledger_report(settings: Settings, vault: VaultRecords) -> Report:
    entries = vault.ledger
    quarantine: dict[str, dict[str, int]] = defaultdict(dict)
    for q in vault.quarantine:
        per_file = quarantine[q.file]
        per_file[q.reason] = per_file.get(q.reason, 0) + q.rows
    rows = []
    by_feed: dict[str, Counter[str]] = defaultdict(Counter)
    reason_rows: list[list[Any]] = []
    unbalanced = 0
    for e in entries:
        read, landed, quarantined = e.rows_read, e.rows_landed, e.rows_quarantined
        balanced = read == landed + quarantined
        unbalanced += 0 if balanced else 1
        feed = e.feed or "unknown"
        file = e.file
        # A refused file has its reason in the ledger; its quarantine entry is the refusal, not rows.
        reasons = {} if e.status == "refused" else quarantine.get(file, {})
        rows.append(
            [
                file,
                feed,
                e.checksum,
                e.status,
                read,
                landed,
                quarantined,
                "yes" if balanced else "NO",
                str(e.landed_at),
                e.reason or "",
            ]
        )
        for reason, count in sorted(reasons.items()):
            reason_rows.append([file, feed, reason, count])
        c = by_feed[feed]
        c["files"] += 1
        c["rows_read"] += read
        c["rows_landed"] += landed
        c["rows_quarantined"] += quarantined
    feed_rows = [
        [feed, c["files"], c["rows_read"], c["rows_landed"], c["rows_quarantined"]]
        for feed, c in sorted(by_feed.items())
    ]
    read = sum(c["rows_read"] for c in by_feed.values())
    landed = sum(c["rows_landed"] for c in by_feed.values())
    quarantined = sum(c["rows_quarantined"] for c in by_feed.values())
    summary = [
        f"{len(entries)} fichier(s) reçu(s) dans le coffre : {read} lignes lues, {landed} acceptées, {quarantined} "
        f"mises en quarantaine. / {len(entries)} file(s) in the landing ledger of the vault; {read} rows read, "
        f"{landed} landed, {quarantined} quarantined.",
        "Pour chaque fichier, lignes lues = lignes acceptées + lignes en quarantaine (rien n'est perdu en silence) : "
        + (
            "vrai pour tous. / For every file, rows read must equal rows landed plus rows quarantined: this holds for "
            "every file."
            if unbalanced == 0
            else f"FAUX pour {unbalanced} fichier(s). / it does NOT hold for {unbalanced} file(s)."
        ),
    ]
    per_day: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for e in entries:
        day = str(e.landed_at)[:10]
        per_day[day][0] += e.rows_landed
        per_day[day][1] += e.rows_quarantined
    days = sorted(per_day)
    chart = dpo_charts.bars(
        "Lignes reçues et mises en quarantaine par jour / rows landed and quarantined per day",
        days,
        {"reçues / landed": [per_day[d][0] for d in days], "quarantaine / quarantined": [per_day[d][1] for d in days]},
        stacked=False,
    )
    return Report(
        slug="landing_ledger",
        title="Registre d'arrivée des fichiers / Landing ledger",
        summary=summary,
        status="ok" if unbalanced == 0 else "broken",
        charts=[{"title": "Arrivées / landings", "svg": chart}] if chart else [],
        explanations=_explain("vault", "quarantine"),
        tables=[
            Table(
                "Per feed",
                ["feed", "files", "rows read", "rows landed", "rows quarantined"],
                feed_rows,
                numeric=[1, 2, 3, 4],
            ),
            Table(
                "Per file",
                [
                    "file",
                    "feed",
                    "checksum (SHA-256)",
                    "status",
                    "rows read",
                    "rows landed",
                    "rows quarantined",
                    "balanced",
                    "landed at",
                    "refusal reason",
                ],
                rows,
                numeric=[4, 5, 6],
            ),
            Table(
                "Quarantine reasons",
                ["file", "feed", "reason", "rows"],
                reason_rows,
                numeric=[3],
                note="Quarantined rows stay in the vault with their line number and reason; none is silently dropped.",
            ),
        ],
        data={"files": [asdict(e) for e in entries], "per_feed": {f: dict(c) for f, c in by_feed.items()}},
    )


# --------------------------------------------------------------------------- audit


def _details(entry: dict[str, Any]) -> dict[str, Any]:
    raw = entry.get("details") or {}
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except ValueError:
            raw = {}
    return raw if isinstance(raw, dict) else {}


def _counts(details: dict[str, Any], prefix: str = "") -> str:
    """The numeric facts of an audit entry (counts), plus the names of what it touched; nested dicts flattened."""
    parts = []
    for key, value in sorted(details.items()):
        label = f"{prefix}{key}"
        if isinstance(value, dict):
            nested = _counts(value, f"{label}.")
            if nested:
                parts.append(nested)
        elif isinstance(value, bool):
            parts.append(f"{label}={'yes' if value else 'no'}")
        elif isinstance(value, int | float):
            parts.append(f"{label}={value}")
        elif isinstance(value, str) and key in _SAFE_DETAIL_STRINGS and len(value) <= 80:
            parts.append(f"{label}={Path(value).name if key == 'file' else value}")
    return ", ".join(parts)


def _action(entry: dict[str, Any]) -> str:
    return str(entry.get("action") or "unknown")


def _actor(entry: dict[str, Any]) -> str:
    return str(entry.get("actor") or "unknown")


def _when(entry: dict[str, Any]) -> str:
    return str(entry.get("ts") or "")


def _purpose(entry: dict[str, Any]) -> str:
    return str(_details(entry).get("purpose") or "")


def audit_summary_report(settings: Settings, vault: VaultRecords) -> Report:
    entries = vault.audit
    ok, message = vault.audit_verified
    by_actor: Counter[tuple[str, str, str]] = Counter()
    for e in entries:
        by_actor[(_actor(e), _action(e), _purpose(e) or "-")] += 1
    reid = [e for e in entries if "reident" in _action(e).lower() or "re-ident" in _action(e).lower()]
    reid_rows = [[_when(e), _actor(e), _action(e), _purpose(e) or "-", _counts(_details(e))] for e in reid]
    by_purpose: Counter[str] = Counter(_purpose(e) or "-" for e in reid)
    actions: Counter[str] = Counter(_action(e) for e in entries)
    chain = "intact" if ok else "BROKEN"
    summary = [
        f"Audit chain: {chain} ({message}).",
        f"{len(entries)} audit entries; {len(reid)} re-identification(s) by the trusted third party.",
    ]
    if not ok:
        summary.append(
            "The hash chain of the audit log does not verify: an entry was edited, removed or reordered. "
            "Treat the log as compromised from the first broken entry and notify the DPO."
        )
    recent = entries[-50:]
    return Report(
        slug="audit_summary",
        title="Audit summary",
        summary=summary,
        status="ok" if ok else "broken",
        tables=[
            Table("Actions", ["action", "entries"], [[a, n] for a, n in sorted(actions.items())], numeric=[1]),
            Table(
                "Actions by actor and purpose",
                ["actor", "action", "purpose", "entries"],
                [[a, act, p, n] for (a, act, p), n in sorted(by_actor.items())],
                numeric=[3],
            ),
            Table(
                "Re-identifications by purpose",
                ["purpose", "calls"],
                [[p, n] for p, n in sorted(by_purpose.items())],
                numeric=[1],
            ),
            Table(
                "Re-identifications",
                ["at", "actor", "action", "purpose", "counts"],
                reid_rows,
                note="Results of a re-identification stay inside the vault; only counts leave it.",
            ),
            Table(
                f"Latest {len(recent)} entries",
                ["at", "actor", "action", "purpose", "facts"],
                [[_when(e), _actor(e), _action(e), _purpose(e) or "-", _counts(_details(e))] for e in recent],
            ),
        ],
        data={
            "chain_ok": ok,
            "chain_message": message,
            "entries": len(entries),
            "actions": dict(actions),
            "by_actor_action_purpose": [
                {"actor": a, "action": act, "purpose": p, "entries": n} for (a, act, p), n in sorted(by_actor.items())
            ],
            "reidentifications": [
                {"at": r[0], "actor": r[1], "action": r[2], "purpose": r[3], "counts": r[4]} for r in reid_rows
            ],
        },
    )


# --------------------------------------------------------------------------- publication log


def _manifests(settings: Settings) -> list[tuple[Path, dict[str, Any]]]:
    out = []
    for path in sorted(settings.published.glob("**/manifest.json")):
        try:
            out.append((path, json.loads(path.read_text(encoding="utf-8"))))
        except (OSError, ValueError) as exc:
            log.warning("manifest %s unreadable (%s)", path.relative_to(settings.published), type(exc).__name__)
            out.append((path, {}))
    return out


def _checks_text(checks: dict[str, Any] | None) -> str:
    """A manifest file entry's ``checks`` as the gate writes them: name -> {"passed": bool, facts...} or a word
    (``not_applicable``, ``not_checked``, the PII scan's status)."""
    parts = []
    for name, value in sorted((checks or {}).items()):
        if isinstance(value, dict):
            extra = ", ".join(
                f"{k}={v}"
                for k, v in sorted(value.items())
                if k != "passed" and isinstance(v, int | float | str | bool)
            )
            parts.append(f"{name}: {value.get('passed', '')}" + (f" ({extra})" if extra else ""))
        else:
            parts.append(f"{name}: {value}")
    return "; ".join(parts)


def _verify_manifest(path: Path) -> str:
    """'valid' or 'INVALID': signature, checksums and row counts of a published folder."""
    from governance.publish import verify_manifest

    return "valid" if verify_manifest(path.parent) else "INVALID"


def publication_log_report(settings: Settings, vault: VaultRecords) -> Report:
    manifests = _manifests(settings)
    file_rows = []
    run_rows = []
    invalid = 0
    for path, m in manifests:
        # the keys governance.publish._sign_folder writes; an unreadable manifest ({}) is named by its folder
        consumer = str(m.get("consumer") or path.parent.relative_to(settings.published).as_posix())
        when, run = str(m.get("published_at", "")), str(m.get("run_id", ""))
        signature = _verify_manifest(path)
        invalid += signature == "INVALID"
        files = m.get("files", [])
        run_rows.append([consumer, when, run, len(files), signature])
        for f in files:  # governance.publish._file_entry
            file_rows.append([consumer, f["name"], f["mart"], f["rows"], f["sha256"], _checks_text(f["checks"])])
    events = [e for e in vault.audit if re.search(r"publi(sh|cation)", _action(e).lower())]
    event_rows = [[_when(e), _actor(e), _action(e), _counts(_details(e))] for e in events]
    decisions = []
    for e in events:
        details = _details(e)
        consumers = details.get("consumers")
        if isinstance(consumers, dict):
            for consumer, d in sorted(consumers.items()):
                d = d if isinstance(d, dict) else {"status": d}
                decisions.append(
                    [
                        _when(e),
                        str(details.get("run_id") or ""),
                        consumer,
                        str(d.get("status") or ""),
                        d.get("files", ""),
                        "; ".join(d["reasons"]) if isinstance(d.get("reasons"), list) else d.get("reasons", ""),
                    ]
                )
    audit_rows = []
    for e in events:
        details = _details(e)
        audits = details.get("disclosure_audit")
        if isinstance(audits, dict):
            for consumer, a in sorted(audits.items()):
                a = a if isinstance(a, dict) else {}
                audit_rows.append(
                    [
                        _when(e),
                        str(details.get("run_id") or ""),
                        consumer,
                        a.get("releases_audited", ""),
                        a.get("masked_cells_audited", ""),
                        a.get("primary_cells", ""),
                        a.get("secondary_cells", ""),
                        "" if a.get("min_count_upper_bound") is None else a.get("min_count_upper_bound"),
                        "" if a.get("min_amount_spread") is None else f"{float(a['min_amount_spread']):.0%}",
                        "passed / réussi" if a.get("passed") else "FAILED / échoué",
                    ]
                )
    loss_rows = []
    for e in events[-1:]:
        details = _details(e)
        shares = details.get("masked_share")
        if isinstance(shares, dict):
            for mart, share in sorted(shares.items()):
                share = share if isinstance(share, dict) else {}
                loss_rows.append(
                    [
                        str(details.get("run_id") or ""),
                        mart,
                        "" if share.get("cells") is None else f"{float(share['cells']):.1%}",
                        "" if share.get("amounts") is None else f"{float(share['amounts']):.1%}",
                    ]
                )
    summary = [
        f"{len(manifests)} consumer folder(s) published with a manifest, {len(file_rows)} file(s); "
        f"{len(events)} publication event(s) in the audit log.",
    ]
    if invalid:
        summary.append(f"{invalid} manifest signature(s) do NOT verify.")
    return Report(
        slug="publication_log",
        title="Publication log",
        summary=summary,
        status="broken" if invalid else "ok",
        tables=[
            Table(
                "Published manifests",
                ["consumer", "published at", "run", "files", "signature"],
                run_rows,
                numeric=[3],
            ),
            Table(
                "Published files and the checks they passed",
                ["consumer", "file", "mart", "rows", "SHA-256", "checks"],
                file_rows,
                numeric=[3],
            ),
            Table(
                "Publication decisions per consumer (audit log)",
                ["at", "run", "consumer", "decision", "files", "refusal reasons"],
                decisions,
                numeric=[4, 5],
                note="A refused consumer receives nothing from that run; its previous publication stays as it was.",
            ),
            Table(
                "Audit de divulgation / Disclosure audit (the attacker's linear programme, per consumer)",
                [
                    "at",
                    "run",
                    "consumer",
                    "releases",
                    "masked cells audited",
                    "primary cells",
                    "secondary cells",
                    "smallest upper bound of a small count",
                    "smallest spread of a sensitive amount",
                    "audit",
                ],
                audit_rows,
                numeric=[3, 4, 5, 6, 7],
                note="Before publishing, the gate solves, for every masked cell, the lowest and highest value an "
                "attacker can deduce from everything that consumer holds (this release and earlier ones). A small "
                "count must be able to reach k; a sensitive amount must stay uncertain by at least p % either way. "
                "See docs/disclosure-control.md.",
            ),
            Table(
                "Perte d'information / Information loss (last publication)",
                ["run", "mart", "cells masked", "amounts in masked cells"],
                loss_rows,
                note="Before the linked-table redesign (population thresholds, complete grids), 89.5 % of the "
                "employer consumption cells of the demo were masked.",
            ),
            Table("Publication events (audit log)", ["at", "actor", "action", "facts"], event_rows),
        ],
        data={
            "manifests": [
                {"consumer": r[0], "published_at": r[1], "run": r[2], "files": r[3], "signature": r[4]}
                for r in run_rows
            ],
            "files": [
                {"consumer": r[0], "file": r[1], "mart": r[2], "rows": r[3], "sha256": r[4], "checks": r[5]}
                for r in file_rows
            ],
            "events": len(events),
        },
    )


# --------------------------------------------------------------------------- retention


def retention_report(settings: Settings, vault: VaultRecords) -> Report:
    due = {item.feed: item for item in vault.retention_due}
    rows = []
    for name, contract in feed_contracts().items():
        sla = contract.sla.get("retention")
        item = due.get(name)
        rows.append(
            [
                name,
                f"{sla.value} {sla.unit}" if sla else "not set",
                " ".join(str(sla.description or "").split()) if sla else "",
                item.rows if item else "not landed",
                item.due_for_purge if item else "not computed" if sla else "no rule",
            ]
        )
    missing = [r[0] for r in rows if r[1] == "not set"]
    total = sum(r[4] for r in rows if isinstance(r[4], int))
    summary = [
        "Les durées de conservation viennent du contrat de chaque flux ; les lignes à purger sont comptées dans le "
        "coffre. / Retention periods come from each feed's contract; the rows due are counted inside the vault.",
        f"{total} ligne(s) à purger. / {total} row(s) are due for purge across feeds.",
    ]
    if missing:
        summary.append(f"Flux sans durée de conservation / feeds without a retention rule: {', '.join(missing)}.")
    headers = [
        "flux / feed",
        "conservation / retention",
        "règle / rule",
        "lignes dans le coffre / rows in the vault",
        "lignes à purger / rows due for purge",
    ]
    rule_rows = [[r.feed, r.rule, r.retention, r.description, r.rows, r.due, r.archived] for r in vault.retention_rules]
    recon_rows, unexplained = [], []
    for r in vault.reconciliation:
        note = (
            "écart expliqué par les effacements et purges du journal / explained by the erasures and purges "
            "of the audit log"
            if r.explained
            else f"ÉCART NON EXPLIQUÉ de {r.removed - r.removed_audited} / UNEXPLAINED difference"
        )
        if not r.explained:
            unexplained.append(r.feed)
        recon_rows.append(
            [r.feed, r.landed, r.removed_audited, r.in_vault, r.by_requests, r.earlier_versions, r.current, note]
        )
    purges = [e for e in vault.audit if _action(e) in ("retention.purge", "erasure.member")]
    purge_rows = [
        [
            _when(e)[:19].replace("T", " "),
            _actor(e),
            "purge" if _action(e) == "retention.purge" else "effacement / erasure",
            str(_details(e).get("as_of") or _details(e).get("request") or ""),
            sum(v for v in (_details(e).get("rows_deleted") or {}).values() if isinstance(v, int)),
            _details(e).get("warehouse_rows_deleted", ""),
        ]
        for e in purges
    ]
    chart = dpo_charts.bars(
        "Lignes supprimées par purge et effacement / rows removed per purge and erasure",
        [r[0][:10] for r in purge_rows],
        {"lignes / rows": [r[4] for r in purge_rows]},
    )
    summary.append(
        "Les lignes reçues (registre d'arrivée) se retrouvent dans le coffre : l'écart est expliqué par les "
        "effacements et purges journalisés, et les versions successives d'une même fiche. / Rows landed "
        "reconcile with the vault: the differences are the audited erasures and purges and earlier "
        "versions of the same record."
    )
    if unexplained:
        summary.append(f"Écart non expliqué pour / unexplained difference for: {', '.join(unexplained)}.")
    return Report(
        slug="retention",
        title="Conservation et purge / Retention and purge",
        summary=summary,
        status="broken" if unexplained else "warning" if missing or total else "ok",
        charts=[{"title": "Purges", "svg": chart}] if chart else [],
        explanations=_explain("retention", "quarantine", "vault"),
        tables=[
            Table("Conservation par flux / Retention per feed", headers, rows, numeric=[3, 4]),
            Table(
                "Règles appliquées par la purge / Rules the purge applies",
                [
                    "flux / feed",
                    "règle / rule",
                    "durée / duration",
                    "explication / explanation",
                    "lignes / rows",
                    "à purger / due",
                    "archivées / archived",
                ],
                rule_rows,
                numeric=[4, 5, 6],
                note="`confiance vault purge --dry-run` compte, `confiance vault purge` supprime (chaque semaine par "
                "le DAG confiance_retention). / --dry-run counts; the weekly DAG deletes.",
            ),
            Table(
                "Rapprochement avec le registre d'arrivée / Reconciliation with the landing ledger",
                [
                    "flux / feed",
                    "lignes reçues / rows landed",
                    "supprimées (journal) / removed (audit log)",
                    "dans le coffre / in the vault",
                    "versions écrites par une demande / versions from requests",
                    "versions antérieures / earlier versions",
                    "fiches actuelles / current records",
                    "écart / note",
                ],
                recon_rows,
                numeric=[1, 2, 3, 4, 5, 6],
            ),
            Table(
                "Purges et effacements / Purges and erasures",
                [
                    "quand / when (UTC)",
                    "qui / who",
                    "type",
                    "référence / reference",
                    "lignes supprimées du coffre / vault rows removed",
                    "lignes de l'entrepôt / warehouse rows",
                ],
                purge_rows,
                numeric=[4, 5],
            ),
        ],
        data={
            "feeds": [dict(zip(["feed", "retention", "rule", "rows", "rows_due"], r, strict=True)) for r in rows],
            "rows_due": total,
        },
    )


# --------------------------------------------------------------------------- register of processing


def _register_config() -> dict[str, Any]:
    if not REGISTER_FILE.is_file():
        return {}
    with open(REGISTER_FILE, encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


def _consumers(settings: Settings, docs: dict[str, Any]) -> list[str]:
    consumers: set[str] = set()
    if settings.published.is_dir():
        for path in settings.published.glob("**/manifest.json"):
            rel = path.parent.relative_to(settings.published).as_posix()
            consumers.add(rel.split("/")[0] + ("/<SIRET>" if rel.startswith("employer/") else ""))
    for doc in docs.values():
        if doc.zone == "mart" and doc.consumer:
            consumers.add(doc.consumer + ("/<SIRET>" if doc.consumer == "employer" else ""))
    return sorted(consumers)


def _categories(contract: Contract) -> list[str]:
    by_class: dict[str, list[str]] = defaultdict(list)
    for col in contract.columns:
        by_class[col.classification].append(col.business_name)
    return [
        f"{CLASSIFICATION_CATEGORY.get(cls, cls)}: {', '.join(by_class[cls])}"
        for cls in CLASSIFICATIONS
        if by_class.get(cls)
    ]


def register_report(settings: Settings, vault: VaultRecords, docs: dict[str, DatasetDoc]) -> Report:
    config = _register_config()
    consumers = _consumers(settings, docs)
    feed_cfg = config.get("feeds") or {}
    measures = list(config.get("security_measures") or [])
    measures += [
        f"pseudonymisation: keyed HMAC-SHA256 tokens per domain (warehouse domain '{settings.warehouse_domain}'), "
        "keys derived from a master key kept outside the data directory",
        f"disclosure control on every published cell: at least {settings.min_cell_size} distinct members (k-anonymity),"
        " dominance, secondary suppression, l-diversity on the member-level table",
    ]
    tables = []
    data = []
    for name, contract in feed_contracts().items():
        cfg = feed_cfg.get(name) or {}
        purpose_text = contract.odcs.description.purpose if contract.odcs.description else ""
        record = {
            "processing": str(contract.custom.get("processing_purpose") or name),
            "feed": name,
            "purpose": " ".join(str(purpose_text or "").split()),
            "legal_basis": str(contract.custom.get("legal_basis") or "NOT DECLARED"),
            "categories_of_persons": ", ".join(cfg.get("categories_of_persons") or []) or "members (adhérents)",
            "categories_of_data": "; ".join(_categories(contract)),
            "recipients": ", ".join(
                list(cfg.get("internal_recipients") or []) + [f"{c} (anonymised marts only)" for c in consumers]
            ),
            "owner": contract_owner(contract),
            "retention": contract_retention(contract) or "NOT DECLARED",
            "transfers_outside_eu": str(config.get("transfers_outside_eu") or "none"),
            "security_measures": "; ".join(measures),
        }
        data.append(record)
        tables.append(
            Table(
                f"Traitement / Processing: {record['processing']}",
                ["", ""],
                [[k.replace("_", " "), v] for k, v in record.items() if k not in ("processing", "security_measures")],
                note="Mesures de sécurité : voir le tableau commun ci-dessous. / Security measures: see the common "
                "table below.",
            )
        )
    reid = vault.purposes
    reid_rows = []

    def _text(value: Any) -> str:
        return ", ".join(map(str, value)) if isinstance(value, list | tuple) else " ".join(str(value or "").split())

    for name, p in sorted(reid.items()):
        reid_rows.append(
            [
                name,
                _text(p.get("description")),
                _text(p.get("legal_basis")),
                _text(p.get("requires_consent")),
                _text(p.get("callers")),
                _text(p.get("fields")),
                _text(p.get("retention_days")),
            ]
        )
    tables.append(
        Table(
            "Re-identification purposes (trusted third party)",
            [
                "purpose",
                "description",
                "legal basis",
                "consent required",
                "callers",
                "data fetched in the vault",
                "result kept (days)",
            ],
            reid_rows,
            note="Re-identification happens only inside the vault, for these purposes, after the consent register "
            "is checked; every call is in the audit log.",
        )
    )
    mart_rows = []
    for name, contract in sorted(mart_contracts().items()):
        description = contract.odcs.description.purpose if contract.odcs.description else ""
        mart_rows.append(
            [
                name,
                str(contract.table_custom.get("consumer") or ""),
                " ".join(str(description or "").split()),
                contract_retention(contract) or "-",
            ]
        )
    tables.append(
        Table(
            "Jeux anonymisés publiés (un par contrat) / Published anonymised datasets (one per contract)",
            ["contrat / contract", "destinataire / consumer", "finalité / purpose", "conservation / retention"],
            mart_rows,
            note="Données agrégées et anonymisées (au moins k personnes par chiffre) : hors du champ des "
            "données personnelles une fois publiées. / Aggregated, anonymised figures.",
        )
    )
    tables.append(
        Table(
            "Registre des effacements : la donnée minimale conservée pour honorer un effacement / "
            "Erasure register: the "
            "minimal record kept to honour an erasure",
            ["", ""],
            [
                [
                    "pourquoi / why",
                    "RGPD art. 17 et 19 : un adhérent effacé que le système source renverrait ne doit pas "
                    "revenir. / An erased member sent again by the source must not land again.",
                ],
                [
                    "ce qui est gardé / what is kept",
                    "pour chaque effacement : un numéro, la date, la demande, et une "
                    "empreinte à clé (HMAC-SHA256) du NIR et de l'identifiant adhérent ; "
                    "aucun nom, aucune coordonnée, aucun NIR en clair. / a number, the "
                    "date, the request, and keyed digests of the NIR and member id.",
                ],
                [
                    "clé / key",
                    "propre au registre (dérivée de la clé maîtresse, versionnée), sans lien avec les "
                    "pseudonymes des destinataires ; après une rotation, une entrée est recalculée sous la "
                    "nouvelle version quand la personne est renvoyée. / its own key, unlinkable with any token.",
                ],
                [
                    "usage / use",
                    "comparé à l'arrivée de chaque fichier, dans le coffre : les lignes de la personne vont en "
                    "quarantaine sans aucune valeur (motif erased_member) et sont retirées du fichier reçu. / "
                    "compared at landing inside the vault; the rows are quarantined without any value.",
                ],
                [
                    "conservation / retention",
                    "tant que l'effacement doit être honoré. / as long as the erasure must be honoured.",
                ],
            ],
        )
    )
    tables.append(
        Table(
            "Mesures de sécurité (communes à tous les traitements) / Security measures (all processing)",
            ["mesure / measure"],
            [[m] for m in measures],
        )
    )
    controller = controller_identity()
    summary = [
        f"Register of processing activities (GDPR art. 30) derived from {len(data)} feed contract(s) "
        f"and {len(mart_contracts())} mart contract(s).",
    ]
    if controller:
        summary.append("Controller: " + ", ".join(f"{k.replace('_', ' ')}: {v}" for k, v in controller.items() if v))
    undeclared = [r["feed"] for r in data if "NOT DECLARED" in (r["legal_basis"], r["retention"])]
    if undeclared:
        summary.append(f"Feeds with an undeclared legal basis or retention: {', '.join(undeclared)}.")
    return Report(
        slug="processing_register",
        title="Registre des traitements (RGPD art. 30) / Register of processing",
        explanations=_explain("token", "vault", "k", "signature", "reidentification"),
        summary=summary,
        status="warning" if undeclared else "ok",
        tables=tables,
        data={"controller": controller, "processing": data, "reidentification_purposes": reid},
    )


# --------------------------------------------------------------------------- quality overview


def quality_report(settings: Settings, docs: dict[str, DatasetDoc]) -> Report:
    rows = []
    for doc in sorted(docs.values(), key=lambda d: (d.zone, d.name)):
        q = quality_view(doc.quality)
        rows.append([doc.zone, doc.name, q["status"], q["when"], len(q["issues"])])
    failing = [r for r in rows if r[2] == FAILED]
    return Report(
        slug="quality_status",
        title="Quality status per dataset",
        summary=[f"{len(rows)} dataset(s); {len(failing)} with a failing latest validation."],
        status="broken" if failing else "ok",
        tables=[Table("Latest validation", ["zone", "dataset", "status", "at", "issues"], rows, numeric=[4])],
        data={"datasets": [dict(zip(["zone", "dataset", "status", "at", "issues"], r, strict=True)) for r in rows]},
    )


# --------------------------------------------------------------------------- audit log a DPO can read

#: Kinds of audit entries, by action prefix: (French, English).
AUDIT_KINDS = [
    ("landing", ("Réception de fichiers", "file landing")),
    ("crossing", ("Pseudonymisation vers l'entrepôt", "pseudonymisation")),
    ("reidentification.refused", ("Accès refusé", "refused access")),
    ("reidentification", ("Ré-identification", "re-identification")),
    ("key.", ("Clés (création, rotation)", "keys")),
    ("publish", ("Publication", "publication")),
    ("publication", ("Publication", "publication")),
    ("request.", ("Demande d'une personne", "a person's request")),
    ("erasure", ("Effacement", "erasure")),
    ("retention", ("Purge (conservation)", "retention purge")),
    ("recovery", ("Reprise après incident", "recovery after an incident")),
    ("audit", ("Journal d'audit", "audit log")),
]
_REQUEST_KIND_FR = {"access": "accès", "rectify": "rectification", "object": "opposition", "erase": "effacement"}


def audit_kind(action: str) -> tuple[str, str]:
    """(French, English) kind of an audit action; a refused anything is a refused access."""
    if action.endswith(".refused") or action.endswith("_refused"):
        return ("Accès refusé", "refused access")
    for prefix, labels in AUDIT_KINDS:
        if action.startswith(prefix):
            return labels
    return ("Autre", "other")


def _facts_fr(action: str, d: dict[str, Any]) -> str:
    """What an audit entry did, in a plain French sentence (counts and names only)."""
    if action.startswith("request."):
        kind = _REQUEST_KIND_FR.get(str(d.get("kind")), str(d.get("kind")))
        rows = d.get("rows") or d.get("rows_removed")
        extra = f", {sum(v for v in rows.values() if isinstance(v, int))} ligne(s)" if isinstance(rows, dict) else ""
        return f"demande {d.get('request')} ({kind}) : {d.get('status')}, échéance {d.get('due_on')}{extra}"
    if action.startswith("reidentification"):
        if "reason" in d:
            return f"refusée : {d.get('reason')} (finalité {d.get('purpose')})"
        return (
            f"finalité {d.get('purpose')} : {d.get('tokens')} pseudonyme(s) demandé(s), {d.get('resolved')} "
            f"retrouvé(s), {d.get('consented')} avec consentement"
        )
    if action == "erasure.member" or action == "retention.purge":
        rows = d.get("rows_deleted") or {}
        total = sum(v for v in rows.values() if isinstance(v, int))
        return f"{total} ligne(s) supprimée(s) dans le coffre, {d.get('warehouse_rows_deleted', 0)} dans l'entrepôt"
    if action == "erasure.register_honoured":
        return (
            f"fichier {d.get('file')} : {d.get('rows_refused', 0)} ligne(s) d'adhérent(s) effacé(s) renvoyée(s) "
            f"par la source et refusée(s) (registre des effacements n° "
            f"{', '.join(str(n) for n in d.get('register_entries') or [])})"
        )
    if action.endswith(".files"):
        return f"{d.get('files_rewritten', 0)} fichier(s) réécrit(s), {d.get('lines_removed', 0)} ligne(s) retirée(s)"
    if action.startswith("key."):
        return (
            f"domaine {d.get('domain', 'coffre')} : version {d.get('from_version', '')} → "
            f"{d.get('to_version', d.get('version', ''))}"
        )
    if action.startswith("landing"):
        return f"fichier {Path(str(d.get('file', ''))).name} : {_counts(d)}"
    return _counts(d)


def audit_log_report(settings: Settings, vault: VaultRecords) -> Report:
    """Every audit entry as a sentence: who did what, when and why, with the chain's verification; filterable."""
    entries = vault.audit
    ok, message = vault.audit_verified
    rows = []
    kinds: Counter[str] = Counter()
    for e in entries:
        action, details = _action(e), _details(e)
        fr, en = audit_kind(action)
        kinds[f"{fr} / {en}"] += 1
        why = _purpose(e) or str(details.get("request") or details.get("reason") or details.get("run_id") or "")
        rows.append(
            [_when(e)[:19].replace("T", " "), _actor(e), f"{fr} / {en}", action, why, _facts_fr(action, details)]
        )
    months: Counter[tuple[str, str]] = Counter((r[0][:7], r[2]) for r in rows)
    month_labels = sorted({m for m, _ in months})
    series = {k: [months.get((m, k), 0) for m in month_labels] for k in sorted(kinds)}
    chart = dpo_charts.bars(
        "Entrées du journal par mois et par type / audit entries per month and kind", month_labels, series
    )
    summary = [
        ("Chaîne d'audit intacte / audit chain intact" if ok else "Chaîne d'audit ROMPUE / audit chain BROKEN")
        + f" ({message}).",
        f"{len(entries)} entrée(s) : qui a fait quoi, quand et pourquoi (arrivées de fichiers, ré-identifications, "
        f"clés, publications, demandes de personnes, purges, accès refusés). / {len(entries)} entries.",
    ]
    if not ok:
        summary.append(
            "Le journal a été modifié : le considérer comme compromis à partir de la première entrée "
            "rompue et prévenir le DPO. / The log was edited: treat it as compromised from the first "
            "broken entry."
        )
    return Report(
        slug="audit_log",
        title="Journal d'audit / Audit log",
        summary=summary,
        status="ok" if ok else "broken",
        tables=[
            Table(
                "Entrées par type / Entries per kind",
                ["type / kind", "entrées / entries"],
                [[k, n] for k, n in sorted(kinds.items())],
                numeric=[1],
            ),
            Table(
                "Toutes les entrées / All entries",
                ["quand / when (UTC)", "qui / who", "type / kind", "action", "pourquoi / why", "quoi / what"],
                rows,
                note="Filtrer par type et par période ci-dessus. / Filter by kind and period above.",
            ),
        ],
        data={"chain_ok": ok, "chain_message": message, "entries": len(entries), "kinds": dict(kinds)},
        charts=[{"title": "Entrées par mois / entries per month", "svg": chart}] if chart else [],
        explanations=_explain("audit_chain", "reidentification", "key_rotation", "token"),
        filters=True,
    )


# --------------------------------------------------------------------------- people's requests


def _request_register(audit: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The requests, rebuilt from their audit entries (number, kind, dates, latest status)."""
    by_number: dict[str, dict[str, Any]] = {}
    for e in audit:
        action, d = _action(e), _details(e)
        if not action.startswith("request.") or not d.get("request"):
            continue
        r = by_number.setdefault(
            str(d["request"]),
            {
                "number": str(d["request"]),
                "kind": str(d.get("kind")),
                "received_on": d.get("received_on"),
                "due_on": d.get("due_on"),
                "status": "received",
                "closed_on": "",
            },
        )
        r["status"] = str(d.get("status") or r["status"])
        if r["status"] in ("done", "refused"):
            r["closed_on"] = _when(e)[:10]
    return sorted(by_number.values(), key=lambda r: r["number"])


def _erasure_register(audit: list[dict[str, Any]]) -> list[list[Any]]:
    """The erasure register's entries, from the audit log: number, date, request, rows re-sent and refused since."""
    entries: dict[int, list[Any]] = {}
    for e in audit:
        action, d = _action(e), _details(e)
        if action == "erasure.member" and d.get("erasure_register_entry"):
            entries[int(d["erasure_register_entry"])] = [
                int(d["erasure_register_entry"]),
                _when(e)[:10],
                str(d.get("request") or ""),
                0,
                0,
            ]
        elif action == "erasure.register_honoured":
            numbers = [int(n) for n in d.get("register_entries") or []]
            for n in numbers[:1]:  # a file's refused rows are counted once, under its first entry
                row = entries.setdefault(n, [n, "", "", 0, 0])
                row[3] += int(d.get("rows_refused") or 0)
                row[4] += 1
    return [entries[n] for n in sorted(entries)]


def requests_report(settings: Settings, vault: VaultRecords) -> Report:
    from datetime import date

    register = _request_register(vault.audit)
    erased = _erasure_register(vault.audit)
    refused = sum(r[3] for r in erased)
    today = date.today().isoformat()
    rows, late = [], 0
    for r in register:
        is_late = (r["closed_on"] or today) > str(r["due_on"])
        late += is_late
        fr = _REQUEST_KIND_FR.get(r["kind"], r["kind"])
        rows.append(
            [
                r["number"],
                f"{fr} / {r['kind']}",
                r["received_on"],
                r["due_on"],
                r["status"],
                r["closed_on"],
                "EN RETARD / LATE" if is_late else "dans les délais / on time",
            ]
        )
    statuses = sorted({r["status"] for r in register})
    kinds = sorted({r["kind"] for r in register})
    chart = dpo_charts.bars(
        "Demandes par type et statut / requests by kind and status",
        [_REQUEST_KIND_FR.get(k, k) for k in kinds],
        {s: [sum(1 for r in register if r["kind"] == k and r["status"] == s) for k in kinds] for s in statuses},
    )
    return Report(
        slug="requests",
        title="Demandes des personnes / People's requests",
        summary=[
            f"{len(register)} demande(s) enregistrée(s) (accès, rectification, opposition, effacement), chacune "
            "avec son numéro, sa date de réception et son échéance d'un mois (RGPD art. 12-3). / "
            f"{len(register)} request(s).",
            (f"{late} demande(s) hors délai. / {late} late." if late else "Toutes dans les délais. / All on time."),
            "Comment traiter une demande : `confiance vault request access|rectify|object|erase --nir ...` "
            "(voir le README, section DPO). / How to handle one: see the README, DPO section.",
            f"{len(erased)} effacement(s) au registre des effacements ; {refused} ligne(s) d'adhérents effacés, "
            "renvoyées depuis par la source, refusées à l'arrivée. / "
            f"{len(erased)} erasure(s) in the erasure register; {refused} row(s) of erased members sent again by "
            "the source and refused at landing.",
        ],
        status="warning" if late else "ok",
        tables=[
            Table(
                "Registre des demandes / Register of requests",
                [
                    "numéro / number",
                    "type / kind",
                    "reçue / received",
                    "échéance / due",
                    "statut / status",
                    "close le / closed",
                    "délai / deadline",
                ],
                rows,
            ),
            Table(
                "Registre des effacements / Erasure register",
                [
                    "n°",
                    "effacé le / erased on",
                    "demande / request",
                    "lignes renvoyées et refusées / rows sent again and refused",
                    "fichiers concernés / files",
                ],
                erased,
                numeric=[3, 4],
                note="Pour honorer un effacement (RGPD art. 17 et 19) sans garder l'identité, le coffre ne "
                "conserve qu'une empreinte chiffrée (HMAC sous une clé propre au registre) du NIR et de "
                "l'identifiant de l'adhérent : si la source le renvoie, ses lignes ne sont pas reçues mais "
                "mises en quarantaine sans aucune valeur (motif erased_member). / To honour an erasure "
                "without keeping the identity, the vault keeps only a keyed digest of the member's NIR and "
                "id: rows sent again are quarantined without any value (reason erased_member).",
            ),
        ],
        data={
            "requests": register,
            "late": late,
            "erasure_register": {"entries": len(erased), "rows_refused": refused},
        },
        charts=[{"title": "Demandes / requests", "svg": chart}] if chart else [],
    )


# --------------------------------------------------------------------------- consent


def _consent_filters(settings: Settings) -> dict[str, list[str]]:
    """mart -> consent flags a model upstream of it filters on (``where ... consent_x``), from dbt's manifest."""
    from governance.site import load_manifest

    manifest = load_manifest(settings) or {}
    nodes = manifest.get("nodes") or {}
    pattern = re.compile(r"\bwhere\b[^;]*?\b(consent_[a-z_]+)", re.I | re.S)

    def filters(uid: str, seen: set[str]) -> set[str]:
        if uid in seen or uid not in nodes:
            return set()
        seen.add(uid)
        node = nodes[uid]
        found = set(pattern.findall(node.get("raw_code") or ""))
        for parent in (node.get("depends_on") or {}).get("nodes") or []:
            found |= filters(parent, seen)
        return found

    out = {}
    for uid, node in nodes.items():
        if node.get("resource_type") == "model" and str(node.get("name", "")).startswith("mart_"):
            found = filters(uid, set())
            if found:
                out[node["name"]] = sorted(found)
    return out


_CONSENT_CHANGES = ("new_given", "new_refused", "given", "withdrawn", "unchanged")  # vault.consent.CHANGES


def _consent_landings(vault: VaultRecords) -> tuple[list[list[Any]], list[list[Any]], int]:
    """The consent history recorded at each landing of the member feed (its audit entry's ``consent_changes``),
    reconciled with the landing ledger: per file and consent, the changes sum to the file's rows landed. Returns
    (rows per landing, rows per month and consent, landings that do not reconcile)."""
    landed = {(e.file, e.checksum[:16]): e.rows_landed for e in vault.ledger if e.status == "landed"}
    per_landing, monthly, broken = [], defaultdict(lambda: [0, 0, 0, 0]), 0
    for e in vault.audit:
        d = _details(e)
        if _action(e) != "landing.landed" or not isinstance(d.get("consent_changes"), dict):
            continue
        in_ledger = landed.get((str(d.get("file")), str(d.get("checksum"))))
        for consent, changes in sorted(d["consent_changes"].items()):
            counts = [int(changes.get(k, 0)) for k in _CONSENT_CHANGES]
            ok = in_ledger is not None and sum(counts) == in_ledger
            broken += not ok
            per_landing.append(
                [
                    _when(e)[:7],
                    str(d.get("file")),
                    consent,
                    *counts,
                    "" if in_ledger is None else in_ledger,
                    "oui / yes" if ok else "NON / NO",
                ]
            )
            m = monthly[(_when(e)[:7], consent)]
            for i, k in enumerate(("new_given", "new_refused", "given", "withdrawn")):
                m[i] += int(changes.get(k, 0))
    return per_landing, [[m, c, *v] for (m, c), v in sorted(monthly.items())], broken


def consent_report(settings: Settings, vault: VaultRecords) -> Report:
    """Shares of members with each consent (warehouse), who each mart and campaign left out, objections over time."""
    shares: dict[str, tuple[int, int]] = {}
    if Path(settings.warehouse_db).exists():
        con = duckdb.connect(str(settings.warehouse_db), read_only=True)
        try:
            cols = [
                r[0]
                for r in con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = 'pseudo' AND table_name = "
                    "'members' AND column_name LIKE 'consent_%' ORDER BY 1"
                ).fetchall()
            ]
            for col in cols:
                total, given = con.execute(f'SELECT count(*), count(*) FILTER ("{col}") FROM pseudo.members').fetchone()
                shares[col] = (int(total), int(given))
        finally:
            con.close()
    share_rows = [[c, t, g, t - g, f"{g / t:.1%}" if t else "-"] for c, (t, g) in shares.items()]
    mart_rows = []
    for mart, consents in sorted(_consent_filters(settings).items()):
        for c in consents:
            total, given = shares.get(c, (0, 0))
            mart_rows.append([mart, c, total - given])
    campaign: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    objections: Counter[tuple[str, str]] = Counter()
    for e in vault.audit:
        action, d = _action(e), _details(e)
        if action == "reidentification":
            c = campaign[str(d.get("purpose"))]
            c[0] += 1
            c[1] += int(d.get("resolved") or 0)
            c[2] += int(d.get("resolved") or 0) - int(d.get("consented") or 0)
        if action == "request.object":
            for consent in d.get("consents_withdrawn") or []:
                objections[(_when(e)[:7], str(consent))] += 1
    declared = vault.purposes
    campaign_rows = [
        [p, ", ".join(declared.get(p, {}).get("requires_consent") or []), n, resolved, excluded]
        for p, (n, resolved, excluded) in sorted(campaign.items())
    ]
    objection_rows = [[m, c, n] for (m, c), n in sorted(objections.items())]
    chart = dpo_charts.bars(
        "Part des adhérents ayant consenti / share of members who consent",
        list(shares),
        {"consentement / consent": [g / t if t else 0 for t, g in shares.values()]},
        horizontal=True,
        percent=True,
    )
    landing_rows, month_rows, unreconciled = _consent_landings(vault)
    periods = sorted({(r[0], r[1]) for r in month_rows})
    changes_chart = dpo_charts.bars(
        "Consentements donnés et retirés par mois (flux des adhérents et oppositions) / consents given and withdrawn "
        "per month",
        [f"{m} {c.removeprefix('consent_')}" for m, c in periods],
        {
            "nouveaux : oui / new: yes": [r[2] for r in month_rows],
            "nouveaux : non / new: no": [r[3] for r in month_rows],
            "donnés / given": [r[4] for r in month_rows],
            "retirés / withdrawn": [r[5] + objections.get((r[0], r[1]), 0) for r in month_rows],
        },
        stacked=False,
    )
    charts = [{"title": "Consentements / consent", "svg": chart}] if chart else []
    if changes_chart:
        charts.append({"title": "Évolution / changes over time", "svg": changes_chart})
    return Report(
        slug="consent",
        title="Consentements / Consent",
        summary=[
            "Le consentement décide ce que la recherche et les campagnes peuvent utiliser : un adhérent qui n'a pas "
            "consenti (ou s'y est opposé) est exclu des tableaux et des campagnes qui l'exigent. / Consent decides "
            "what research and campaigns may use.",
            "; ".join(f"{c} : {g} sur {t} ({g / t:.1%})" for c, (t, g) in shares.items() if t)
            or "Aucun adhérent dans l'entrepôt. / No member in the warehouse.",
            f"{sum(objections.values())} opposition(s) enregistrée(s) par le DPO. / objections recorded.",
            f"Évolution des consentements enregistrée à {len({(r[0], r[1]) for r in landing_rows})} arrivée(s) du "
            "fichier des adhérents ; pour chacune, nouveaux + donnés + retirés + inchangés = lignes reçues au registre "
            "d'arrivée : "
            + (
                "vrai pour toutes. / Consent changes recorded at each landing of the member feed; they "
                "add up to the rows landed in the ledger for every one."
                if not unreconciled
                else f"FAUX pour {unreconciled}. / they do NOT reconcile with the ledger for {unreconciled}."
            ),
        ],
        status="ok" if not unreconciled else "broken",
        tables=[
            Table(
                "Consentements des adhérents (entrepôt, dernière exécution) / Members' consents",
                ["consentement / consent", "adhérents / members", "oui / yes", "non / no", "part / share"],
                share_rows,
                numeric=[1, 2, 3],
            ),
            Table(
                "Exclus des tableaux publiés / Left out of the published marts",
                ["tableau / mart", "consentement exigé / consent required", "adhérents exclus / members left out"],
                mart_rows,
                numeric=[2],
                note="Un tableau exige un consentement quand un modèle dbt en amont filtre sur lui. / A mart "
                "requires a consent when a dbt model upstream filters on it.",
            ),
            Table(
                "Exclus des campagnes (ré-identifications) / Left out of campaigns",
                [
                    "finalité / purpose",
                    "consentement exigé / consent required",
                    "demandes / calls",
                    "pseudonymes retrouvés / tokens found",
                    "exclus faute de consentement / left out",
                ],
                campaign_rows,
                numeric=[2, 3, 4],
            ),
            Table(
                "Oppositions par mois / Objections per month",
                ["mois / month", "consentement / consent", "oppositions / objections"],
                objection_rows,
                numeric=[2],
            ),
            Table(
                "Évolution des consentements par mois (flux des adhérents) / Consent changes per month (member feed)",
                [
                    "mois / month",
                    "consentement / consent",
                    "nouveaux adhérents : oui / new members: yes",
                    "nouveaux adhérents : non / new members: no",
                    "donnés / given",
                    "retirés / withdrawn",
                ],
                month_rows,
                numeric=[2, 3, 4, 5],
                note="Chaque fiche reçue est comparée à la version précédente du même adhérent dans le coffre. / "
                "Each member row landed is compared with that member's previous version in the vault.",
            ),
            Table(
                "Consentements à chaque arrivée, rapprochés du registre d'arrivée / Consent changes per landing, "
                "reconciled with the landing ledger",
                [
                    "mois / month",
                    "fichier / file",
                    "consentement / consent",
                    "nouveaux : oui / new: yes",
                    "nouveaux : non / new: no",
                    "donnés / given",
                    "retirés / withdrawn",
                    "inchangés / unchanged",
                    "lignes reçues (registre) / rows landed (ledger)",
                    "rapproché / reconciled",
                ],
                landing_rows,
                numeric=[3, 4, 5, 6, 7, 8],
            ),
        ],
        data={
            "shares": {c: {"members": t, "given": g} for c, (t, g) in shares.items()},
            "marts": mart_rows,
            "campaigns": campaign_rows,
            "objections": objection_rows,
            "changes_per_month": month_rows,
            "changes_per_landing": landing_rows,
            "unreconciled_landings": unreconciled,
        },
        charts=charts,
        explanations=_explain("reidentification", "token"),
    )


# --------------------------------------------------------------------------- rendering


def _md_cell(value: Any) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def render_markdown(report: Report, generated_at: str) -> str:
    lines = [f"# {report.title}", "", f"_Generated {generated_at}. Counts and names only, never a data value._", ""]
    lines += [f"- {s}" for s in report.summary] + [""]
    for t in report.tables:
        lines += [f"## {t.title}", ""]
        if not t.rows:
            lines += ["(none)", ""]
        else:
            headers = [h or " " for h in t.headers]
            lines.append("| " + " | ".join(_md_cell(h) for h in headers) + " |")
            lines.append("| " + " | ".join("---:" if i in t.numeric else "---" for i in range(len(headers))) + " |")
            lines += ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in t.rows]
            lines.append("")
        if t.note:
            lines += [f"_{t.note}_", ""]
    return "\n".join(lines)


#: A table longer than this shows its first rows in HTML; the CSV beside it has every row.
HTML_ROWS = 200


def write_csv(table: Table, path: Path) -> Path:
    """One table as CSV (UTF-8 with BOM and ';' so that a French spreadsheet opens it as is)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow([h or "-" for h in table.headers])
        writer.writerows([["" if c is None else c for c in row] for row in table.rows])
    return path


def build_dpo_reports(
    settings: Settings, vault: VaultRecords, quality: QualityRecords, pdf: bool = False, *, detect: Detector
) -> list[Path]:
    """Write the DPO reports under ``settings.reports`` (HTML, Markdown, JSON, a CSV per table, and PDF when
    ``pdf``); return the files written (index first). ``vault`` is what they show of the vault and ``quality``
    each dataset's latest quality record (``quality.status.dataset_status``), both read and passed by the
    pipeline (``confiance.pipeline_inputs``), as is ``detect``, the PII detector of the outbound gate."""
    out_dir = settings.reports
    out_dir.mkdir(parents=True, exist_ok=True)
    generated_at = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    docs = collect_datasets(settings, quality)
    reports = [
        landing_ledger_report(settings, vault),
        publication_log_report(settings, vault),
        audit_log_report(settings, vault),
        audit_summary_report(settings, vault),
        requests_report(settings, vault),
        consent_report(settings, vault),
        retention_report(settings, vault),
        register_report(settings, vault, docs),
        quality_report(settings, docs),
    ]
    env = template_environment()
    site_index = settings.site / "index.html"
    common = {
        "generated_at": generated_at,
        "site_link": os.path.relpath(site_index, out_dir),
        "data_docs": os.path.relpath(settings.quality_dir / "data_docs" / "index.html", out_dir),
        "css": "style.css",
        "controller": controller_identity(),
        "html_rows": HTML_ROWS,
    }
    written: list[Path] = []
    report_tpl = env.get_template("reports/report.html")
    for r in reports:
        csv_names = []
        for i, table in enumerate(r.tables, start=1):
            path = write_csv(table, out_dir / f"{r.slug}__{i}.csv")
            csv_names.append(path.name)
            written.append(path)
        html = out_dir / f"{r.slug}.html"
        html.write_text(report_tpl.render(report=r, csv_names=csv_names, **common), encoding="utf-8")
        md = out_dir / f"{r.slug}.md"
        md.write_text(render_markdown(r, generated_at), encoding="utf-8")
        js = out_dir / f"{r.slug}.json"
        js.write_text(
            json.dumps({"generated_at": generated_at, **asdict(r)}, indent=2, ensure_ascii=False, default=str),
            encoding="utf-8",
        )
        written += [html, md, js]
    index = out_dir / "index.html"
    index.write_text(env.get_template("reports/index.html").render(reports=reports, **common), encoding="utf-8")
    (out_dir / "style.css").write_bytes((TEMPLATES_DIR / "style.css").read_bytes())
    written.insert(0, index)
    assert_outbound_clean([out_dir], detect)
    if pdf:
        from confiance.browser import html_to_pdf

        for r in reports:
            written.append(
                html_to_pdf(
                    out_dir / f"{r.slug}.html",
                    out_dir / f"{r.slug}.pdf",
                    landscape=r.slug in ("audit_log", "publication_log", "landing_ledger"),
                )
            )
    log.info("DPO reports: %d reports in %s", len(reports), out_dir)
    return written
