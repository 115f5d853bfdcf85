"""What the pipeline reads from one domain package to hand to another.

vault/, quality/ and governance/ import only the core (DESIGN.md, "Layers"; ``.importlinter``): when one of
them needs what another produces, the pipeline layer reads it here and passes it as an argument, as the
producer's typed record. The stages (``confiance.pipeline``) and the commands (``confiance.cli``) call these.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from confiance.settings import Settings

if TYPE_CHECKING:
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


def build_site(settings: Settings) -> Path:
    """The glossary site (``governance.site.build_site``), given the quality status (``quality.status``)."""
    from governance.site import build_site as build
    from quality.status import dataset_status

    return build(settings, dataset_status(settings))


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
    """The DPO reports (``governance.reports.build_dpo_reports``), given the vault's records and the quality
    status."""
    from governance.reports import build_dpo_reports as build
    from quality.status import dataset_status

    return build(settings, vault_records(settings), dataset_status(settings), pdf=pdf)
