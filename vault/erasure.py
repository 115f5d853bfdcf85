"""Right to erasure (GDPR art. 17): remove one member from the vault and the warehouse, audited.

The member is named by a token (the only handle outside the vault). Their rows
in ``raw.*``, the identity map, the token tables, the quarantine and the
re-identification results are deleted, the warehouse is re-crossed and
compacted so no freed block keeps them, and the audit log records counts only.
Marts are rebuilt by the next pipeline run. Files still in the inbox are the
source system's; they are not touched (landing skips them by checksum).
"""

from __future__ import annotations

import json
from typing import Any

from vault import audit
from vault.crossing import cross_to_warehouse, current_version
from vault.db import vault_connection
from vault.landing import actor_name


class ErasureError(RuntimeError):
    pass


def erase_member(settings: Any, member_token: str, actor: str | None = None) -> dict[str, int]:
    """Erase the member behind ``member_token`` (active key version of its domain); returns rows deleted per table."""
    actor = actor or actor_name()
    domain = member_token.split(".", 1)[0]
    deleted: dict[str, int] = {}
    with vault_connection(settings) as con:
        version = current_version(con, domain)
        row = con.execute(
            "SELECT member_id FROM meta.member_tokens WHERE member_token = ? AND domain = ? AND key_version = ?",
            [member_token, domain, version or 0],
        ).fetchone()
        if row is None:
            raise ErasureError("unknown member token (or a token of a retired key version)")
        member_id = row[0]
        con.execute("BEGIN TRANSACTION")
        contract_ids = [
            c
            for (c,) in con.execute(
                "SELECT DISTINCT contract_id FROM raw.contracts WHERE member_id = ?", [member_id]
            ).fetchall()
        ]
        statements = {
            "raw.benefits": (
                "DELETE FROM raw.benefits WHERE member_id = ? OR list_contains(?, contract_id)",
                [member_id, contract_ids],
            ),
            "raw.contracts": ("DELETE FROM raw.contracts WHERE member_id = ?", [member_id]),
            "raw.members": ("DELETE FROM raw.members WHERE member_id = ?", [member_id]),
            "meta.identity_map": ("DELETE FROM meta.identity_map WHERE member_id = ?", [member_id]),
            "meta.member_tokens": ("DELETE FROM meta.member_tokens WHERE member_id = ?", [member_id]),
            "meta.quarantine": (
                "DELETE FROM meta.quarantine WHERE json_extract_string(raw_values, '$.member_id') = ?",
                [member_id],
            ),
            "reid.results": ("DELETE FROM reid.results WHERE member_id = ?", [member_id]),
        }
        for table, (sql, params) in statements.items():
            before = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            con.execute(sql, params)
            deleted[table] = before - con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        # the warehouse still holds the member until it is re-crossed and compacted: if this process is killed
        # before that, the next crossing finishes the erasure and audits it (counts only, no identifier)
        con.execute(
            "INSERT INTO meta.pending_erasure VALUES (?, now())",
            [json.dumps({"domain": domain, "rows_deleted": deleted, "actor": actor})],
        )
        con.execute("COMMIT")
        con.execute("CHECKPOINT")
    cross_to_warehouse(settings)  # finishes pending erasures: compacts the warehouse, audits, clears them
    return deleted


def finish_pending_erasures(settings: Any, con: Any) -> int:
    """After a crossing rebuilt the warehouse: compact it (no freed block keeps an erased member) and audit each
    erasure recorded in the vault, then clear them. Returns how many there were."""
    rows = con.execute("SELECT details FROM meta.pending_erasure ORDER BY erased_at").fetchall()
    if not rows:
        return 0
    from vault.rotation import compact_warehouse

    compact_warehouse(settings)
    for (text,) in rows:
        details = json.loads(text)
        audit.append(settings, details.pop("actor", actor_name()), "erasure.member", details)
    con.execute("DELETE FROM meta.pending_erasure")
    return len(rows)
