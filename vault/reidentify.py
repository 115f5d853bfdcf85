"""Re-identification by the trusted third party, for declared purposes only.

``reidentify(settings, purpose, tokens_file)`` turns member tokens back into
members *inside the vault*: the purpose must be declared in
``contracts/purposes.yaml``, the caller listed for it, and each member's consent
flags must allow it. Results go to ``reid.results`` in the vault (never to the
warehouse or ``published/``); the caller gets counts. Every call, refused or not,
is in the audit log with purpose, caller, counts and time.
"""

from __future__ import annotations

import csv
import re
import uuid
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import yaml

from confiance.contracts import feed_contract
from confiance.settings import CONTRACTS_DIR
from vault import audit
from vault.consent import ensure_table as ensure_consent_register
from vault.consent import honoured_sql
from vault.crossing import _latest, current_version
from vault.db import vault_connection
from vault.landing import _q, actor_name

PURPOSES_FILE = CONTRACTS_DIR / "purposes.yaml"
TOKEN_RE = re.compile(r"^[a-z0-9_-]+\.v[0-9]+\.[0-9a-f]{16,64}$")


class ReidentificationRefused(PermissionError):
    pass


@lru_cache(maxsize=4)
def _load(path: Path) -> dict[str, dict]:
    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    purposes = data.get("purposes") or {}
    member_cols = {c.name for c in feed_contract("members").columns}
    for name, p in purposes.items():
        for key in ("requires_consent", "callers", "fields"):
            if not isinstance(p.get(key), list):
                raise ValueError(f"{path.name}: purpose {name!r} needs a list {key!r}")
        unknown = [f for f in p["fields"] + p["requires_consent"] if f not in member_cols]
        if unknown:
            raise ValueError(f"{path.name}: purpose {name!r} names unknown member column(s) {unknown}")
    return purposes


def purposes(path: Path = PURPOSES_FILE) -> dict[str, dict]:
    """The declared re-identification purposes by name."""
    return _load(path)


def read_tokens(path: Path) -> list[str]:
    """Tokens from a file: one per line, or a CSV with a ``member_token`` column."""
    text = Path(path).read_text(encoding="utf-8-sig")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if lines and "member_token" in lines[0]:
        delim = ";" if ";" in lines[0] else ","
        return [
            row["member_token"].strip()
            for row in csv.DictReader(lines, delimiter=delim)
            if (row.get("member_token") or "").strip()
        ]
    return lines


def reidentify(settings: Any, purpose: str, tokens_file: Path, caller: str | None = None) -> dict:
    """Resolve tokens to consenting members for a declared purpose; results stay in the vault; returns counts."""
    caller = caller or actor_name()
    declared = purposes()
    base = {"purpose": purpose, "caller": caller}
    if purpose not in declared:
        audit.append(settings, caller, "reidentification.refused", base | {"reason": "undeclared purpose"})
        raise ReidentificationRefused(
            f"purpose {purpose!r} is not declared in {PURPOSES_FILE.name}; declared: {', '.join(declared)}"
        )
    spec = declared[purpose]
    if caller not in spec["callers"]:
        audit.append(settings, caller, "reidentification.refused", base | {"reason": "caller not allowed"})
        raise ReidentificationRefused(f"caller {caller!r} may not re-identify for {purpose!r}")
    tokens = read_tokens(tokens_file)
    malformed = sum(1 for t in tokens if not TOKEN_RE.match(t))
    tokens = sorted({t for t in tokens if TOKEN_RE.match(t)})
    domain = spec.get("domain", settings.warehouse_domain)
    request_id = uuid.uuid4().hex[:12]
    members = _latest(feed_contract("members"))
    # the consent register: the member's flags, with the objections recorded by the DPO (vault.consent)
    consent = (
        " AND ".join(honoured_sql(f"coalesce(m.{_q(c)}, false)", c, "m.member_id") for c in spec["requires_consent"])
        or "true"
    )
    fields = ", ".join(f"{_q(f)} := m.{_q(f)}" for f in spec["fields"])
    with vault_connection(settings) as con:
        version = current_version(con, domain)
        ensure_consent_register(con)
        con.register("requested", pa.table({"member_token": tokens}))
        con.execute("BEGIN TRANSACTION")
        con.execute(
            f"""CREATE TEMP TABLE resolved AS
            SELECT DISTINCT t.member_id, ({consent}) AS allowed
            FROM requested q
            JOIN meta.member_tokens t ON t.member_token = q.member_token AND t.domain = ? AND t.key_version = ?
            JOIN {members} m ON m.member_id = t.member_id""",
            [domain, version or 0],
        )
        resolved, consented = con.execute("SELECT count(*), count(*) FILTER (allowed) FROM resolved").fetchone()
        con.execute(
            f"""INSERT INTO reid.results
            SELECT ?, ?, m.member_id, to_json(struct_pack({fields})), now()
            FROM resolved r JOIN {members} m ON m.member_id = r.member_id WHERE r.allowed""",
            [request_id, purpose],
        )
        con.execute("DROP TABLE resolved")
        con.execute("COMMIT")
        con.unregister("requested")
    result = {
        "request_id": request_id,
        "purpose": purpose,
        "tokens": len(tokens),
        "malformed": malformed,
        "resolved": resolved,
        "consented": consented,
        "written": consented,
        "domain": domain,
        "key_version": version,
    }
    audit.append(settings, caller, "reidentification", result | {"caller": caller})
    return result
