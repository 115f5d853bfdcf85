"""What the pipeline reads from one domain package to hand to another.

vault/, quality/ and governance/ import only the core (DESIGN.md, "Layers"; ``.importlinter``): when one of
them needs what another produces, the pipeline layer reads it here and passes it as an argument, as the
producer's typed record. The stages (``confiance.pipeline``) and the commands (``confiance.cli``) call these.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from confiance.settings import Settings


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


def build_dpo_reports(settings: Settings, pdf: bool = False) -> list[Path]:
    """The DPO reports (``governance.reports.build_dpo_reports``), given the quality status."""
    from governance.reports import build_dpo_reports as build
    from quality.status import dataset_status

    return build(settings, dataset_status(settings), pdf=pdf)
