"""Key rotation: a new key version for a pseudonymisation domain, or for the vault database.

Rotating a domain issues new tokens for every entity of that domain; the old ->
new mapping is kept in ``meta.token_rotation`` inside the vault (it never
leaves), the old version is retired and the warehouse is re-crossed, so every
table carries the new tokens and joins inside the domain keep working.
Rotating the database key copies the vault into a new file encrypted under the
next database key version and swaps it in atomically.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from confiance.contracts import feed_contracts
from confiance.crossing_rules import MEMBER_ENTITY, Token
from vault import audit, keys
from vault.crossing import (
    _latest,
    current_version,
    refresh_member_tokens,
    token_functions,
)
from vault.db import new_session, reencrypt_copy, vault_connection
from vault.landing import _q, actor_name


class RotationError(RuntimeError):
    pass


def _token_sources() -> list[tuple[str, str, str]]:
    """(entity, feed, natural-key column) of every token computed from a value (not through the identity map)."""
    out = []
    for name, contract in feed_contracts().items():
        for col in contract.columns:
            rule = col.rule
            if isinstance(rule, Token) and not rule.through_identity_map:
                if rule.entity != MEMBER_ENTITY and (rule.entity, name, col.name) not in out:
                    out.append((rule.entity, name, col.name))
    return out


def rotate_domain_key(settings: Any, domain: str, actor: str | None = None) -> dict:
    """New key version for ``domain``; re-tokenise consistently; keep old->new inside the vault; audit."""
    actor = actor or actor_name()
    with vault_connection(settings) as con:
        old = current_version(con, domain)
        if old is None:
            raise RotationError(f"domain {domain!r} has no key yet (nothing was pseudonymised in it)")
        new = old + 1
        con.execute("BEGIN TRANSACTION")
        con.execute(
            "UPDATE meta.domain_keys SET status = 'retired', retired_at = now() WHERE domain = ? AND status = 'active'",
            [domain],
        )
        con.execute("INSERT INTO meta.domain_keys VALUES (?, ?, 'active', now(), NULL)", [domain, new])
        refresh_member_tokens(con, settings, domain, new)
        con.execute(
            """INSERT INTO meta.token_rotation
            SELECT n.domain, 'member', o.key_version, n.key_version, o.member_token, n.member_token, now()
            FROM meta.member_tokens n JOIN meta.member_tokens o
              ON o.member_id = n.member_id AND o.domain = n.domain AND o.key_version = ?
            WHERE n.domain = ? AND n.key_version = ?""",
            [old, domain, new],
        )
        with (
            token_functions(con, settings, domain, old) as old_tokens,
            token_functions(con, settings, domain, new) as new_tokens,
        ):
            for entity, feed, column in _token_sources():
                value = f"k.{_q(column)}"
                con.execute(
                    f"""INSERT INTO meta.token_rotation
                    SELECT '{domain}', '{entity}', {old}, {new},
                           {old_tokens.sql(entity, value)}, {new_tokens.sql(entity, value)}, now()
                    FROM (SELECT DISTINCT {_q(column)} FROM {_latest(feed_contracts()[feed])}) k"""
                )
        mapped = con.execute(
            "SELECT count(*) FROM meta.token_rotation WHERE domain = ? AND to_version = ?", [domain, new]
        ).fetchone()[0]
        con.execute("COMMIT")
    audit.append(
        settings,
        actor,
        "key.domain.rotated",
        {"domain": domain, "from_version": old, "to_version": new, "tokens_mapped": mapped},
    )
    counts: dict[str, int] = {}
    if domain == settings.warehouse_domain:
        from vault.crossing import cross_to_warehouse

        counts = cross_to_warehouse(settings, domain)
        compact_warehouse(settings)
    return {"domain": domain, "from_version": old, "to_version": new, "tokens_mapped": mapped, "warehouse": counts}


def compact_warehouse(settings: Any) -> None:
    """Rewrite the warehouse file so that blocks freed by replaced tables (old tokens) are gone from disk."""
    path = Path(settings.warehouse_db)
    if not path.exists():
        return
    tmp = path.with_name(path.name + ".compact")
    if tmp.exists():
        tmp.unlink()
    con = new_session()
    try:
        con.execute(f"ATTACH '{path}' AS wh (READ_ONLY)")
        con.execute(f"ATTACH '{tmp}' AS fresh")
        con.execute("COPY FROM DATABASE wh TO fresh")
        con.execute("DETACH fresh")
        con.execute("DETACH wh")
    finally:
        con.close()
    os.replace(tmp, path)


def rotate_database_key(settings: Any, actor: str | None = None) -> int:
    """Re-encrypt the vault under the next database key version; returns the new version."""
    actor = actor or actor_name()
    master = keys.load_master_key(settings)
    side = keys.check_master_key(settings, master) or {}
    path = Path(settings.vault_db)
    if not path.exists():
        raise RotationError(f"no vault at {path}")
    # make sure the current file is checkpointed and readable with the current key
    with vault_connection(settings) as con:
        con.execute("CHECKPOINT")
    old = int(side.get("db_key_version", 1))
    new = old + 1
    reencrypt_copy(
        path, keys.hkdf(master, "vault-db", old), keys.hkdf(master, "vault-db", new), Path(settings.vault_dir) / "tmp"
    )
    # a crash right after the swap is recovered by vault_connection (tries version + 1)
    keys.write_sidecar(settings, master, new)
    audit.append(settings, actor, "key.database.rotated", {"from_version": old, "to_version": new})
    return new
