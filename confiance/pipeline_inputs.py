"""What the pipeline reads from one domain package to hand to another.

vault/, quality/ and governance/ import only the core (DESIGN.md, "Layers"; ``.importlinter``): when one of
them needs what another produces, the pipeline layer reads it here and passes it as an argument, as the
producer's typed record. The stages (``confiance.pipeline``) and the commands (``confiance.cli``) call these.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from confiance.settings import Settings

if TYPE_CHECKING:
    from governance.publish import PublicationServices
    from governance.reports import VaultRecords


def validate_feeds(settings: Settings, run_id: str, *, as_of: dt.date | None = None) -> dict[str, Any]:
    """Validate raw.members, raw.contracts and raw.benefits inside the vault (read-only): the vault's
    connection and landing ledger, handed to ``quality.runner.validate_feeds_on``."""
    from quality.runner import validate_feeds_on
    from vault import landing
    from vault.db import vault_connection

    ledger_rows = landing.ledger(settings)
    with vault_connection(settings, read_only=True) as con:
        return validate_feeds_on(con, settings, run_id, as_of=as_of, ledger_rows=ledger_rows)


def publication_services() -> PublicationServices:
    """What the publication gate (``governance.publish``) uses of the vault and of quality: the audit log, the
    signing key's derivation, file locks, the PII detector of the outbound gate and quality's blocking failures."""
    from governance.publish import PublicationServices
    from quality.gate import blocking_failures
    from vault.audit import append
    from vault.keys import MasterKeyError, derived_key
    from vault.locking import file_lock

    return PublicationServices(
        audit_append=append,
        derived_key=derived_key,
        file_lock=file_lock,
        blocking_failures=blocking_failures,
        detect_pii=pii_detector(),
        key_errors=(MasterKeyError,),
    )


def pii_detector() -> Callable[[Sequence[str]], Sequence[Sequence[Any]]]:
    """The PII detector the outbound gate (``governance.pii_gate``) runs: the inbound scrubber's
    (``vault.pii.scrubber.analyze_texts``), loaded on its first call (its models are slow to import)."""

    def detect(texts: Sequence[str]) -> Sequence[Sequence[Any]]:
        from vault.pii.scrubber import analyze_texts

        return analyze_texts(texts)

    return detect


def build_site(settings: Settings) -> Path:
    """The glossary site (``governance.site.build_site``), given the quality status (``quality.status``) and the
    PII detector."""
    from governance.site import build_site as build
    from quality.status import dataset_status

    return build(settings, dataset_status(settings), detect=pii_detector())


def vault_records(settings: Settings) -> VaultRecords:
    """What the DPO reports show of the vault: its audit log and the chain's verification, the landing ledger and
    quarantine counts, the retention computation and the declared re-identification purposes."""
    from governance.reports import VaultRecords
    from vault import audit, landing, reidentify, retention

    return VaultRecords(
        audit=audit.entries(settings),
        audit_verified=audit.verify(settings),
        ledger=landing.ledger_entries(settings),
        quarantine=landing.quarantine_counts(settings),
        retention_due=retention.due_for_purge(settings),
        retention_rules=retention.retention_counts(settings),
        reconciliation=retention.reconcile(settings),
        purposes=reidentify.purposes(),
    )


def build_dpo_reports(settings: Settings, pdf: bool = False) -> list[Path]:
    """The DPO reports (``governance.reports.build_dpo_reports``), given the vault's records, the quality
    status and the PII detector."""
    from governance.reports import build_dpo_reports as build
    from quality.status import dataset_status

    return build(settings, vault_records(settings), dataset_status(settings), pdf=pdf, detect=pii_detector())
