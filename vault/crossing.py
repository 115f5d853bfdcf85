"""The crossing vault -> warehouse: the ONE place that writes what leaves the vault.

Every feed column's crossing rule (decoded from the ODCS contracts by
``confiance.crossing_rules``, the one reader of their custom properties) maps
to one SQL expression here:

- ``token``: keyed pseudonym ``<domain>.v<version>.<hex>``: HMAC-SHA256 under the
  domain key of ``<entity>:<normalised identifier>``, computed by ``vault.pseudonyms``
  (native HMAC with precomputed key states, called from DuckDB as an Arrow function; a
  primary key is tokenised row by row, any other column on its distinct values and joined
  back) and byte-identical to ``token_py`` and to the pure-SQL ``token_sql``
  (``token_source: identity_map``: the member is resolved through the vault's
  identity map member_id -> NIR, so a member has the same token in every feed);
- ``drop``: nothing crosses;
- ``keep``: the value as is (``target_column`` renames);
- ``birth_year_age_band``: ``birth_year`` and ``age_band`` ('35-39', age at the run date);
- ``departement``: the département of the postal code (Corsica 2A/2B, overseas 971-976);
- ``month``: the first day of the month (``target_column`` names it);
- ``scrub``: the text after PII scrubbing (``vault.pii.scrubber.scrub_texts``), the
  member's names given as known names and every member's name in a gazetteer built once
  per crossing (``member_name_gazetteer``);
- ``consent``: the current consent flag as a boolean (the history stays in the vault).

Only the latest version of each record (by primary key and ``updated_at``) crosses, except into a feed's versions
table (schema-level ``versions`` of its contract: ``pseudo.member_versions``), which keeps the dated versions of a
few generalised columns, written by the same expressions (:func:`versions_sql`).
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from confiance.contracts import Column, Contract, feed_contracts
from confiance.crossing_rules import (
    CROSSING_STAMP,
    MEMBER_ENTITY,
    MEMBER_FEED,
    BirthYearAgeBand,
    Consent,
    Departement,
    Drop,
    Month,
    Scrub,
    Token,
)
from confiance.identifiers import postal_code_departement_sql
from vault import audit, keys
from vault.db import vault_connection
from vault.landing import _q, actor_name, latest_versions
from vault.pseudonyms import TokenFunctions

log = logging.getLogger(__name__)
TOKEN_HEX_CHARS = 32  # 128 bits of the HMAC in a token
SCRUB_BATCH = 2000

#: Direct identifiers that must never reach the warehouse in clear (RE2 syntax, run by DuckDB): label -> pattern.
IDENTIFIER_PATTERNS_SQL = {
    "NIR": r"\b[12] ?[0-9]{2} ?(?:0[1-9]|1[0-2]|[2-9][0-9]) ?(?:2A|2B|[0-9]{2}) ?[0-9]{3} ?[0-9]{3} ?[0-9]{2}\b",
    "EMAIL": r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.-]+",
    "PHONE": r"(?:\+33 ?|\b0)[1-9](?:[ .-]?[0-9]{2}){4}\b",
    "IBAN": r"\b[A-Z]{2}[0-9]{2}(?:[ -]?[0-9A-Z]{4}){3,7}(?:[ -]?[0-9A-Z]{1,3})?\b",
}
TEXT_TYPES = ("VARCHAR", "TEXT", "STRING")
NUMBER_TYPES = ("INTEGER", "BIGINT", "SMALLINT", "DOUBLE", "FLOAT", "REAL")


class CrossingError(RuntimeError):
    """The crossing was refused: something identifying would have reached the warehouse (nothing crossed)."""


def kept_column_problems(contract: Contract) -> list[str]:
    """Columns that cross unchanged (``keep``/``consent``) without a contract constraint narrow enough to keep
    an identifier out: text needs a reference list, or an anchored pattern and a maximum length; numbers a
    minimum and a maximum. Dates and timestamps are bounded at landing, booleans by their type."""
    problems = []
    for col in contract.columns:
        if col.crossing not in ("keep", "consent"):
            continue
        t = col.physical_type.upper()
        opts = col.options
        if t in TEXT_TYPES:
            pattern = str(opts.get("pattern") or "")
            anchored = pattern.startswith("^") and pattern.endswith("$")
            if not opts.get("enum") and not (anchored and opts.get("maxLength")):
                problems.append(
                    f"{contract.name}.{col.name}: kept text column without a reference list "
                    "(enum) or an anchored pattern and maxLength"
                )
        elif t.startswith("DECIMAL") or t in NUMBER_TYPES:
            if opts.get("minimum") is None or opts.get("maximum") is None:
                problems.append(f"{contract.name}.{col.name}: kept number without minimum and maximum")
        elif t not in ("DATE", "TIMESTAMP", "BOOLEAN"):
            problems.append(f"{contract.name}.{col.name}: kept column of type {t} has no constraint Confiance knows")
    return problems


def _lit(text: Any) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def kept_violation_sql(contract: Contract, alias: str = "r") -> str:
    """SQL true for a row whose kept text breaks its contract or looks like a direct identifier."""
    parts = []
    for col in contract.columns:
        if col.crossing != "keep" or col.physical_type.upper() not in TEXT_TYPES:
            continue
        c = f"{alias}.{_q(col.name)}"
        opts = col.options
        if opts.get("enum"):
            parts.append(f"{c} NOT IN ({', '.join(_lit(e) for e in opts['enum'])})")
        if opts.get("pattern"):
            parts.append(f"NOT regexp_matches({c}, {_lit(opts['pattern'])})")
        if opts.get("maxLength"):
            parts.append(f"length({c}) > {int(opts['maxLength'])}")
        parts += [f"regexp_matches({c}, {_lit(p)})" for p in IDENTIFIER_PATTERNS_SQL.values()]
    if not parts:
        return "false"
    return "coalesce(" + " OR ".join(f"({p})" for p in parts) + ", false)"


def _outbound_scan(con: duckdb.DuckDBPyConnection, name: str, contract: Contract) -> int:
    """Scan every text column of ``wh.pseudo.<name>`` for direct identifiers before the crossing commits.

    Kept and generated columns must hold none (CrossingError: nothing crosses); scrubbed free text still holding
    one after the scrubber gets it replaced by its label. Returns the number of values redacted that way.
    """
    scrubbed = {c.rule.target for c in contract.columns if isinstance(c.rule, Scrub)}
    tokens = {c.rule.token_column for c in contract.columns if isinstance(c.rule, Token)}
    columns = [
        r[0]
        for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_catalog = 'wh' AND table_schema = 'pseudo' "
            "AND table_name = ? AND data_type = 'VARCHAR' ORDER BY ordinal_position",
            [name],
        ).fetchall()
    ]
    redacted = 0
    for column in columns:
        if column in tokens:
            continue
        c = _q(column)
        if column in scrubbed:
            for label, pattern in IDENTIFIER_PATTERNS_SQL.items():
                hits = con.execute(
                    f"SELECT count(*) FROM wh.pseudo.{name} WHERE regexp_matches({c}, ?)", [pattern]
                ).fetchone()[0]
                if hits:
                    con.execute(
                        f"UPDATE wh.pseudo.{name} SET {c} = regexp_replace({c}, ?, ?, 'g') "
                        f"WHERE regexp_matches({c}, ?)",
                        [pattern, f"<{label}>", pattern],
                    )
                    redacted += hits
            continue
        # Kept and generated columns repeat few values (a sex, an age band, an employer): each pattern is tried on
        # the column's distinct values, in one pass; the rows are counted only for a pattern that matched one.
        matched = con.execute(
            f"SELECT {', '.join('bool_or(regexp_matches(v, ?))' for _ in IDENTIFIER_PATTERNS_SQL)} "
            f"FROM (SELECT DISTINCT {c} AS v FROM wh.pseudo.{name} WHERE {c} IS NOT NULL)",
            list(IDENTIFIER_PATTERNS_SQL.values()),
        ).fetchone()
        for (label, pattern), found in zip(IDENTIFIER_PATTERNS_SQL.items(), matched, strict=True):
            if not found:
                continue
            hits = con.execute(
                f"SELECT count(*) FROM wh.pseudo.{name} WHERE regexp_matches({c}, ?)", [pattern]
            ).fetchone()[0]
            raise CrossingError(f"pseudo.{name}.{column}: {hits} value(s) look like a {label}; nothing crossed")
    return redacted


# --- HMAC in SQL ------------------------------------------------------------------


def hmac_pads(key: bytes) -> tuple[bytes, bytes]:
    """(K xor ipad, K xor opad) of HMAC-SHA256 for a key of at most 64 bytes."""
    if len(key) > 64:
        key = hashlib.sha256(key).digest()
    block = key.ljust(64, b"\0")
    return bytes(b ^ 0x36 for b in block), bytes(b ^ 0x5C for b in block)


def hmac_sha256_sql(message_sql: str, ipad_param: str = "$ipad", opad_param: str = "$opad") -> str:
    """DuckDB expression: hex HMAC-SHA256 of the UTF-8 bytes of ``message_sql``.

    HMAC(K, m) = H((K ^ opad) || H((K ^ ipad) || m)); DuckDB's sha256 returns hex,
    so the inner digest is turned back into bytes with unhex() before the outer hash.
    The pads are bound as BLOB parameters, so keys never appear in SQL text or errors.
    """
    return f"sha256({opad_param}::BLOB || unhex(sha256({ipad_param}::BLOB || encode({message_sql}))))"


def token_sql(
    domain: str, version: int, entity: str, value_sql: str, ipad_param: str = "$ipad", opad_param: str = "$opad"
) -> str:
    """DuckDB expression: the token of ``value_sql`` for ``entity`` in ``domain`` at key ``version``.

    Pure SQL (four software SHA-256 compressions per value): the portable reference. The crossing and
    rotation use :func:`token_functions` instead, which computes the same tokens several times faster.
    """
    prefix = f"{domain}.v{version}."
    msg = f"'{entity}:' || {value_sql}"
    return (
        f"CASE WHEN {value_sql} IS NOT NULL THEN '{prefix}' || "
        f"left({hmac_sha256_sql(msg, ipad_param, opad_param)}, {TOKEN_HEX_CHARS}) END"
    )


def token_py(key: bytes, domain: str, version: int, entity: str, value: str) -> str:
    """The same token computed in Python (reference implementation, used by tests)."""
    import hmac

    digest = hmac.new(key, f"{entity}:{value}".encode(), hashlib.sha256).hexdigest()
    return f"{domain}.v{version}.{digest[:TOKEN_HEX_CHARS]}"


# --- domain key versions ----------------------------------------------------------


def current_version(con: duckdb.DuckDBPyConnection, domain: str) -> int | None:
    row = con.execute(
        "SELECT max(version) FROM meta.domain_keys WHERE domain = ? AND status = 'active'", [domain]
    ).fetchone()
    return row[0] if row and row[0] is not None else None


def ensure_domain(settings: Any, con: duckdb.DuckDBPyConnection, domain: str) -> int:
    """The active key version of ``domain``, creating version 1 (audited) on first use."""
    version = current_version(con, domain)
    if version is None:
        con.execute("INSERT INTO meta.domain_keys VALUES (?, 1, 'active', now(), NULL)", [domain])
        audit.append(settings, actor_name(), "key.domain.created", {"domain": domain, "version": 1})
        version = 1
    return version


def domain_params(settings: Any, domain: str, version: int) -> dict[str, bytes]:
    ipad, opad = hmac_pads(keys.domain_key(settings, domain, version))
    return {"ipad": ipad, "opad": opad}


def token_functions(con: duckdb.DuckDBPyConnection, settings: Any, domain: str, version: int) -> TokenFunctions:
    """The token SQL functions of ``domain`` at key ``version`` on ``con`` (close it, or use it in ``with``)."""
    return TokenFunctions(con, keys.domain_key(settings, domain, version), domain, version)


def refresh_member_tokens(con: duckdb.DuckDBPyConnection, settings: Any, domain: str, version: int) -> int:
    """(Re)compute meta.member_tokens for a domain and version from the identity map."""
    con.execute("DELETE FROM meta.member_tokens WHERE domain = ? AND key_version = ?", [domain, version])
    with token_functions(con, settings, domain, version) as tokens:
        con.execute(
            f"INSERT INTO meta.member_tokens SELECT '{domain}', {version}, {tokens.sql('member', 'nir')}, "
            "member_id FROM meta.identity_map"
        )
    return con.execute(
        "SELECT count(*) FROM meta.member_tokens WHERE domain = ? AND key_version = ?", [domain, version]
    ).fetchone()[0]


# --- the crossing -------------------------------------------------------------------


def _latest(contract: Contract, where: str = "") -> str:
    """The latest version of each record of a feed; ``where`` (SQL on raw columns) keeps only some records
    (a condition on the primary key keeps whole records, so their latest version is still the latest); the
    vault's one rule for the current version: :func:`vault.landing.latest_versions`."""
    return latest_versions(contract, where=where)


def _member_ref(contract: Contract) -> str | None:
    for col in contract.columns:
        rule = col.rule
        if isinstance(rule, Token) and rule.entity == "member" and rule.identity_map_key == col.name:
            return col.name
    return "member_id" if any(c.name == "member_id" for c in contract.columns) else None


def _scrub_key_sql(contract: Contract, col: Column, alias: str = "r") -> str:
    ref = _member_ref(contract)
    ref_sql = f"coalesce({alias}.{_q(ref)}, '')" if ref else "''"
    return f"sha256({ref_sql} || '|' || {alias}.{_q(col.name)})"


def age_band_sql(birth_date_sql: str, as_of: str) -> str:
    """DuckDB expression: the five-year age band ('35-39') at the run date ``as_of`` of a birth date."""
    c = birth_date_sql
    age = (
        f"(year(DATE '{as_of}') - year({c}) - CASE WHEN strftime(DATE '{as_of}', '%m%d') < "
        f"strftime({c}, '%m%d') THEN 1 ELSE 0 END)"
    )
    return f"CAST(({age} // 5) * 5 AS VARCHAR) || '-' || CAST(({age} // 5) * 5 + 4 AS VARCHAR)"


def crossing_plan(
    contract: Contract,
    domain: str,
    version: int,
    as_of: str,
    tokens: TokenFunctions | None = None,
    where: str = "",
) -> tuple[list[str], list[str]]:
    """(select expressions, joins) turning ``r`` (latest raw rows of a feed) into its warehouse table.

    With ``tokens`` (the domain's token functions), value tokens are computed by them: a column that
    is the feed's primary key row by row, any other on its distinct values, joined back. Without, by
    the pure-SQL HMAC (``token_sql``, needs the ``$ipad``/``$opad`` parameters). ``where``: the raw rows
    crossing (an appended batch, see :func:`_latest`), so that distinct values are taken from them only.
    """
    pk = [c.name for c in contract.columns if c.primary_key]
    exprs: list[str] = []
    joins: list[str] = []
    for col in contract.columns:
        c = f"r.{_q(col.name)}"
        rule = col.rule
        if isinstance(rule, Drop):
            continue
        if isinstance(rule, Token):
            entity, target = rule.entity, rule.token_column
            if rule.identity_map_key is not None:
                alias = f"mt_{col.name}"
                ref = rule.identity_map_key
                # Inner join: a contract or benefit whose member is not (yet) in the register stays in the
                # vault, held back and counted, and crosses on the run after its member lands.
                joins.append(
                    f"JOIN meta.member_tokens {alias} ON {alias}.member_id = r.{_q(ref)} "
                    f"AND {alias}.domain = '{domain}' AND {alias}.key_version = {version}"
                )
                exprs.append(f"{alias}.member_token AS {_q(target)}")
            elif tokens is None:
                exprs.append(f"{token_sql(domain, version, entity, c)} AS {_q(target)}")
            elif pk == [col.name]:  # unique per row: nothing to deduplicate
                exprs.append(f"{tokens.sql(entity, c)} AS {_q(target)}")
            else:  # repeated values (a contract in every benefit line): tokenise each distinct value once
                alias = f"tk_{col.name}"
                joins.append(
                    f"LEFT JOIN (SELECT v, {tokens.sql(entity, 'v')} AS token FROM (SELECT DISTINCT "
                    f"{_q(col.name)} AS v FROM raw.{contract.name} WHERE {_q(col.name)} IS NOT NULL"
                    f"{f' AND {where}' if where else ''})) "
                    f"{alias} ON {alias}.v = {c}"
                )
                exprs.append(f"{alias}.token AS {_q(target)}")
        elif isinstance(rule, BirthYearAgeBand):
            exprs.append(f"year({c})::INTEGER AS birth_year")
            exprs.append(f"{age_band_sql(c, as_of)} AS age_band")
        elif isinstance(rule, Departement):
            exprs.append(f"{postal_code_departement_sql(c)} AS {_q(rule.target)}")
        elif isinstance(rule, Month):
            exprs.append(f"date_trunc('month', {c})::DATE AS {_q(rule.target)}")
        elif isinstance(rule, Scrub):
            alias = f"st_{col.name}"
            joins.append(
                f"LEFT JOIN meta.scrubbed_text {alias} ON {alias}.feed = '{contract.name}' AND "
                f"{alias}.column_name = '{col.name}' AND {alias}.text_hash = {_scrub_key_sql(contract, col)}"
            )
            exprs.append(f"CASE WHEN {c} IS NULL THEN NULL ELSE {alias}.scrubbed END AS {_q(rule.target)}")
        else:  # keep, consent: the value as is, under its warehouse name
            (target,) = rule.warehouse_columns
            value = c
            if rule.rule == "consent" and contract.name == "members":  # an objection to the DPO stays honoured
                from vault.consent import honoured_sql

                value = honoured_sql(c, col.name)
            exprs.append(f"{value} AS {_q(target.name)}")
    return exprs, joins


def member_name_gazetteer(con: duckdb.DuckDBPyConnection) -> Any:
    """Every first and last name of the member register (latest versions), as one Aho-Corasick gazetteer.

    Built once per crossing, in memory only: any member named in any comment is scrubbed, not only the
    comment's own member. The names are never logged; only their count is.
    """
    from vault.pii.gazetteer import NameGazetteer

    members = _latest(feed_contracts()["members"])
    rows = con.execute(
        f"SELECT DISTINCT n FROM (SELECT first_name AS n FROM {members} m UNION ALL "
        f"SELECT last_name FROM {members} m) WHERE n IS NOT NULL"
    ).fetchall()
    gazetteer = NameGazetteer(r[0] for r in rows)
    log.info("member-name gazetteer: %d distinct names", len(rows))
    return gazetteer


def _scrub_pending(
    con: duckdb.DuckDBPyConnection, contract: Contract, col: Column, gazetteer: Any = None, where: str = ""
) -> int:
    """Scrub the free texts not scrubbed yet (cached by member and text hash in the vault).

    ``gazetteer``: a callable returning the member-name gazetteer (built on first need, once per crossing);
    ``where``: only the records about to cross (an appended batch), see :func:`_latest`.
    """
    ref = _member_ref(contract)
    names = ("m.first_name", "m.last_name") if ref else ("NULL", "NULL")
    join = f"LEFT JOIN {_latest(feed_contracts()['members'])} m ON m.member_id = r.{_q(ref)}" if ref else ""
    con.execute(f"""CREATE OR REPLACE TEMP TABLE pending_scrub AS
        SELECT row_number() OVER () AS rn, * FROM (
            SELECT DISTINCT {_scrub_key_sql(contract, col)} AS h, r.{_q(col.name)} AS text,
                   {names[0]} AS first_name, {names[1]} AS last_name
            FROM {_latest(contract, where)} r {join}
            WHERE r.{_q(col.name)} IS NOT NULL
              AND {_scrub_key_sql(contract, col)} NOT IN (
                  SELECT text_hash FROM meta.scrubbed_text WHERE feed = '{contract.name}'
                  AND column_name = '{col.name}'))""")
    total = con.execute("SELECT count(*) FROM pending_scrub").fetchone()[0]
    if not total:
        return 0
    from vault.pii.scrubber import scrub_texts  # engineer P's scrubber, loaded only when needed

    for start in range(1, total + 1, SCRUB_BATCH):
        rows = con.execute(
            "SELECT h, text, first_name, last_name FROM pending_scrub WHERE rn BETWEEN ? AND ? ORDER BY rn",
            [start, start + SCRUB_BATCH - 1],
        ).fetchall()
        known = [[n for n in (r[2], r[3]) if n] for r in rows]
        scrubbed = scrub_texts(
            [r[1] for r in rows], known_names=known, gazetteer=gazetteer() if gazetteer is not None else None
        )
        batch = pa.table(
            {
                "feed": [contract.name] * len(rows),
                "column_name": [col.name] * len(rows),
                "text_hash": [r[0] for r in rows],
                "scrubbed": scrubbed,
            }
        )
        con.register("scrub_batch", batch)
        con.execute("INSERT INTO meta.scrubbed_text SELECT * FROM scrub_batch")
        con.unregister("scrub_batch")
    con.execute("DROP TABLE pending_scrub")
    return total


def _as_of(settings: Any) -> str:
    value = (getattr(settings, "extra", None) or {}).get("as_of")
    return str(value or date.today().isoformat())


# --- appending what was landed since the last crossing ------------------------------------------

#: Feeds crossed by appending the records of the landed batches not crossed yet (every feed). Members carry two
#: things that move without a landed file: an age at the run date (a new run date re-crosses only the members whose
#: age band it changes) and the consent objections recorded by the DPO (any change: the members cross whole).
APPEND_FEEDS = ("members", "contracts", "benefits")
#: A feed is appended to only when its records to re-cross are at most this many times the warehouse table's rows.
APPEND_AT_MOST = 1.0


@dataclass(frozen=True)
class AppendPlan:
    """One feed crossed by appending: the records to (re)cross and what the state will say afterwards."""

    feed: str
    where: str  # SQL on the raw rows: the records to (re)cross (their primary key is in a temp table)
    affected: str  # the temp table of those records' primary keys (column ``pk``)
    pk: Column
    key: Column  # the column whose token identifies a record in the warehouse (the primary key, or a unique token)
    max_file_id: int
    records: int


def _ensure_state(con: duckdb.DuckDBPyConnection) -> None:
    """What the vault remembers of the last crossing of each appended feed (no identifier, no value): the key
    version, the plan's version, the last landed batch crossed and the warehouse table's rows; and the raw rows
    that did not cross (their member not yet in the register, or a kept value breaking the contract), by file and
    line only, so that they are tried again."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS meta.crossing_state (feed VARCHAR PRIMARY KEY, domain VARCHAR NOT NULL, "
        "key_version INTEGER NOT NULL, plan VARCHAR NOT NULL, max_file_id BIGINT NOT NULL, "
        "warehouse_rows BIGINT NOT NULL, crossed_at TIMESTAMP NOT NULL)"
    )
    con.execute(
        "CREATE TABLE IF NOT EXISTS meta.crossing_pending (feed VARCHAR NOT NULL, file_id BIGINT NOT NULL, "
        "line BIGINT NOT NULL, violation BOOLEAN NOT NULL)"
    )
    # the run date the feed was crossed at (ages) and a digest of the other vault inputs of its rows (consent)
    con.execute("ALTER TABLE meta.crossing_state ADD COLUMN IF NOT EXISTS as_of VARCHAR")
    con.execute("ALTER TABLE meta.crossing_state ADD COLUMN IF NOT EXISTS inputs VARCHAR")


def _inputs(con: duckdb.DuckDBPyConnection, contract: Contract) -> str:
    """A digest of what a feed's rows become besides their landed batches, the key and the run date: the DPO's
    consent events for a feed with a consent column (an objection changes a member's crossed flag), and the member
    versions a DPO rectification wrote (file 0, no landed batch: a new one makes the feed cross whole); ''
    otherwise."""
    if not any(isinstance(c.rule, Consent) for c in contract.columns):
        return ""
    from vault.consent import events

    count, digest = con.execute(f"SELECT count(*), coalesce(bit_xor(hash(e)), 0) FROM {events(con)} e").fetchone()
    fixes, fixes_digest = con.execute(
        f"SELECT count(*), coalesce(bit_xor(hash(_line, updated_at)), 0) FROM raw.{contract.name} WHERE _file_id = 0"
    ).fetchone()
    return f"consent:{count}:{digest}:rectified:{fixes}:{fixes_digest}"


def _warehouse_key(contract: Contract) -> Column | None:
    """The column whose token identifies a record of the feed in the warehouse: the primary key when it crosses as
    a token of its own value, else a token of the primary key through the identity map (the members' member token,
    looked up by their member id)."""
    pks = [c for c in contract.columns if c.primary_key]
    if len(pks) != 1:
        return None
    if isinstance(pks[0].rule, Token) and pks[0].rule.identity_map_key is None:
        return pks[0]
    for col in contract.columns:
        if isinstance(col.rule, Token) and col.rule.identity_map_key == pks[0].name:
            return col
    return None


def _identity_tokens(domain: str, version: int) -> str:
    """SQL: every member's token before this crossing and now (member_id, member_token)."""
    return (
        "(SELECT member_id, member_token FROM tokens_before UNION ALL SELECT member_id, member_token FROM "
        f"meta.member_tokens WHERE domain = '{domain}' AND key_version = {version})"
    )


def _plan_version(contract: Contract, domain: str) -> str:
    """Changes whenever what a row becomes could change: the feed's contract, the domain, this module's code."""
    digest = hashlib.sha256(contract.path.read_bytes())
    digest.update(domain.encode() + b"\0" + Path(__file__).read_bytes())
    return digest.hexdigest()


def _warehouse_rows(path: Path, feed: str) -> int | None:
    """Rows of ``pseudo.<feed>`` in the warehouse file, None when there is no such table."""
    if not path.exists():
        return None
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return None
    try:
        return con.execute(f"SELECT count(*) FROM pseudo.{_q(feed)}").fetchone()[0]
    except duckdb.Error:
        return None
    finally:
        con.close()


def _member_token_joins(contract: Contract) -> list[str]:
    """Raw columns holding the member id a token is looked up by in the identity map (an inner join: no member, no
    crossing)."""
    return [
        c.rule.identity_map_key
        for c in contract.columns
        if isinstance(c.rule, Token) and c.rule.identity_map_key is not None
    ]


def _append_plan(
    con: duckdb.DuckDBPyConnection,
    contract: Contract,
    domain: str,
    version: int,
    warehouse_rows: int | None,
    changed_members: str | None,
    as_of: str,
) -> AppendPlan | None:
    """The records of ``contract`` to re-cross when the feed can be appended to; None for a whole crossing.

    Whole whenever the vault's memory of the last crossing does not describe the warehouse table as it is: no
    state, another key version (a rotation), another contract or code, another row count (an erasure or a purge
    deleted rows there, or a crossing was interrupted), an erasure still pending. Otherwise the records are: those
    of the batches landed since (a new version of an older record included), those that did not cross last time,
    and those of members whose token changed (``changed_members``: a SQL set of member ids)."""
    key = _warehouse_key(contract)
    if key is None or warehouse_rows is None:
        return None
    state = con.execute(
        "SELECT domain, key_version, plan, max_file_id, warehouse_rows, as_of, inputs FROM meta.crossing_state "
        "WHERE feed = ?",
        [contract.name],
    ).fetchone()
    expected = (domain, version, _plan_version(contract, domain), warehouse_rows, _inputs(con, contract))
    if state is None or (*state[:3], state[4], state[6]) != expected or state[5] is None:
        return None
    if con.execute("SELECT count(*) FROM meta.pending_erasure").fetchone()[0]:
        return None
    pk = next(c for c in contract.columns if c.primary_key)
    name, affected = contract.name, f"crossing_affected_{contract.name}"
    parts = [
        f"SELECT {_q(pk.name)} AS pk FROM raw.{name} WHERE _file_id > {int(state[3])}",
        f"SELECT r.{_q(pk.name)} FROM raw.{name} r JOIN meta.crossing_pending p ON p.feed = '{name}' "
        "AND p.file_id = r._file_id AND p.line = r._line",
    ]
    if changed_members is not None:
        parts += [
            f"SELECT {_q(pk.name)} FROM raw.{name} WHERE {_q(c)} IN {changed_members}"
            for c in _member_token_joins(contract)
        ]
    if state[5] != as_of:  # a new run date: the records whose age band it changes (a birthday passed), no other
        parts += [
            f"SELECT {_q(pk.name)} FROM raw.{name} WHERE {age_band_sql(_q(c.name), state[5])} IS DISTINCT FROM "
            f"{age_band_sql(_q(c.name), as_of)}"
            for c in contract.columns
            if isinstance(c.rule, BirthYearAgeBand)
        ]
    con.execute(f"CREATE OR REPLACE TEMP TABLE {affected} AS SELECT DISTINCT pk FROM ({' UNION ALL '.join(parts)})")
    if key.name != pk.name:
        # Warehouse rows are found by their member token (before this crossing, or now): a member sharing one with a
        # re-crossed member (a NIR corrected, then given to another member) is re-crossed too, to a fixpoint, so
        # that no row whose token is deleted stays out.
        tokens = _identity_tokens(domain, version)
        while con.execute(
            f"INSERT INTO {affected} SELECT DISTINCT member_id FROM {tokens} WHERE member_token IN (SELECT "
            f"member_token FROM {tokens} WHERE member_id IN (SELECT pk FROM {affected})) AND member_id NOT IN "
            f"(SELECT pk FROM {affected})"
        ).fetchone()[0]:
            pass
    max_file_id = con.execute(f"SELECT coalesce(max(_file_id), 0) FROM raw.{name}").fetchone()[0]
    records = con.execute(f"SELECT count(*) FROM {affected}").fetchone()[0]
    if records > APPEND_AT_MOST * max(warehouse_rows, 1):
        # More records to re-cross than the table holds (a bulk affiliation): one whole crossing writes the table
        # once, where appending would stage, scan, delete and insert them (and the result is the same).
        return None
    where = f"{_q(pk.name)} IN (SELECT pk FROM {affected})"
    return AppendPlan(name, where, affected, pk, key, max(int(max_file_id), int(state[3])), records)


def _append_to_warehouse(
    con: duckdb.DuckDBPyConnection,
    contract: Contract,
    plan: AppendPlan,
    exprs: list[str],
    joins: list[str],
    tokens: TokenFunctions,
    violation: str,
    domain: str,
    version: int,
    stamp: int | None = None,
) -> int:
    """Replace the plan's records in ``wh.pseudo.<feed>`` by their latest versions (scanned before they go in);
    returns the identifiers redacted by the outbound scan.

    A record of another feed that moves from one member to another (a benefit line corrected to its right member)
    leaves its former member with one record fewer though nothing of theirs crossed: ``stamp`` is then written on
    that member's ``pseudo.members`` row too, so that whatever works on what a crossing changed (warehouse quality
    by crossing, dbt's member atoms) sees the member."""
    name, stage = contract.name, f"{contract.name}__appending"
    con.execute(
        f"CREATE OR REPLACE TABLE wh.pseudo.{stage} AS SELECT {', '.join(exprs)} "
        f"FROM {_latest(contract, plan.where)} r {' '.join(joins)} WHERE NOT {violation}"
    )
    redacted = _outbound_scan(con, stage, contract)
    rule = plan.key.rule
    keys = _plan_keys(plan, tokens, domain, version)
    if stamp is not None and name != MEMBER_FEED:
        _stamp_members_left(con, contract, name, stage, rule.token_column, keys, stamp)
    con.execute(f"DELETE FROM wh.pseudo.{name} WHERE {_q(rule.token_column)} IN ({keys})")
    con.execute(f"INSERT INTO wh.pseudo.{name} SELECT * FROM wh.pseudo.{stage}")
    con.execute(f"DROP TABLE wh.pseudo.{stage}")
    return redacted


def _plan_keys(plan: AppendPlan, tokens: TokenFunctions, domain: str, version: int) -> str:
    """SQL: the warehouse keys (tokens) of the plan's records, whose rows an append replaces."""
    if plan.key.name == plan.pk.name:
        return f"SELECT {tokens.sql(plan.key.rule.entity, 'pk')} FROM {plan.affected}"
    # members: their token before this crossing (a corrected NIR's old token) and now
    members = _identity_tokens(domain, version)
    return f"SELECT member_token FROM {members} WHERE member_id IN (SELECT pk FROM {plan.affected})"


def _wh_table_exists(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    return bool(
        con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_catalog = 'wh' AND table_schema = 'pseudo' "
            "AND table_name = ?",
            [table],
        ).fetchone()[0]
    )


def versions_sql(contract: Contract, exprs: list[str], joins: list[str], violation: str, where: str = "") -> str:
    """SQL: the rows of the feed's versions table (``contract.versions``) for the raw records ``where`` selects.

    Every version of each record, not only the latest, goes through the feed's own crossing expressions
    (``crossing_plan``: the same token, through the identity map's current token, the same generalisation, the
    same kept-column check), one per record and version date (``latest_versions(per_version=True)``: the vault's
    version rule among versions sharing a date), projected on the versioned columns and the crossing stamp; a
    version identical to the one before it (by date) is collapsed into it: the attributes as of any date are the
    same."""
    versions = contract.versions
    assert versions is not None
    key, when = _q(versions.key), _q(versions.columns[1].name)
    window = f"PARTITION BY {key} ORDER BY {when}"
    changed = " OR ".join(f"lag({_q(a)}) OVER ({window}) IS DISTINCT FROM {_q(a)}" for a in versions.attributes)
    columns = ", ".join(_q(c) for c in (*(c.name for c in versions.columns), CROSSING_STAMP))
    source = latest_versions(contract, where=where, per_version=True)
    return (
        f"SELECT {columns} FROM (SELECT {', '.join(exprs)} FROM {source} "
        f"r {' '.join(joins)} WHERE NOT {violation}) QUALIFY row_number() OVER ({window}) = 1 OR {changed}"
    )


def _cross_versions(
    con: duckdb.DuckDBPyConnection,
    contract: Contract,
    exprs: list[str],
    joins: list[str],
    violation: str,
    plan: AppendPlan | None,
    tokens: TokenFunctions,
    domain: str,
    version: int,
) -> int:
    """Write the feed's versions table (``wh.pseudo.<versions.table>``) in the crossing's transaction, scanned like
    every warehouse table: whole when the feed crossed whole (or the table is missing), else the versions of the
    records the append re-crossed replace theirs (found by their token before this crossing and now, as in
    :func:`_append_to_warehouse`: a member whose NIR was corrected leaves no version under the old token). An erased
    member, whose raw rows are gone, leaves no version. Returns the identifiers redacted by the outbound scan."""
    versions = contract.versions
    assert versions is not None
    table = versions.table
    if plan is None:
        con.execute(f"CREATE OR REPLACE TABLE wh.pseudo.{table} AS {versions_sql(contract, exprs, joins, violation)}")
        return _outbound_scan(con, table, contract)
    stage = f"{table}__appending"
    con.execute(
        f"CREATE OR REPLACE TABLE wh.pseudo.{stage} AS {versions_sql(contract, exprs, joins, violation, plan.where)}"
    )
    redacted = _outbound_scan(con, stage, contract)
    con.execute(
        f"DELETE FROM wh.pseudo.{table} WHERE {_q(versions.key)} IN ({_plan_keys(plan, tokens, domain, version)})"
    )
    con.execute(f"INSERT INTO wh.pseudo.{table} SELECT * FROM wh.pseudo.{stage}")
    con.execute(f"DROP TABLE wh.pseudo.{stage}")
    return redacted


def _stamp_members_left(
    con: duckdb.DuckDBPyConnection, contract: Contract, name: str, stage: str, key: str, keys: str, stamp: int
) -> None:
    """Stamp the ``pseudo.members`` row of every member a replaced record of ``name`` no longer belongs to."""
    member_columns = [
        c.rule.token_column
        for c in contract.columns
        if isinstance(c.rule, Token) and c.rule.entity == MEMBER_ENTITY and c.rule.token_column
    ]
    stamped = con.execute(
        "SELECT count(*) FROM information_schema.columns WHERE table_catalog = 'wh' AND table_schema = 'pseudo' "
        "AND table_name = ? AND column_name = ?",
        [MEMBER_FEED, CROSSING_STAMP],
    ).fetchone()[0]
    if not member_columns or not stamped:
        return
    for column in dict.fromkeys(member_columns):
        col = _q(column)
        con.execute(
            f"UPDATE wh.pseudo.{MEMBER_FEED} SET {_q(CROSSING_STAMP)} = {int(stamp)} WHERE {col} IN ("
            f"SELECT old.{col} FROM wh.pseudo.{name} old WHERE old.{_q(key)} IN ({keys}) "
            f"AND NOT EXISTS (SELECT 1 FROM wh.pseudo.{stage} new "
            f"WHERE new.{_q(key)} = old.{_q(key)} AND new.{col} IS NOT DISTINCT FROM old.{col}))"
        )


def _remember(
    con: duckdb.DuckDBPyConnection,
    contract: Contract,
    domain: str,
    version: int,
    plan: AppendPlan | None,
    max_file_id: int,
    warehouse_rows: int,
    as_of: str,
) -> tuple[int, int]:
    """After the warehouse committed: the state of an appended feed and its rows that did not cross
    (tried again next time). Returns (held back: member not in the register, withheld: contract broken)."""
    name = contract.name
    violation = kept_violation_sql(contract)
    missing = [
        f"NOT EXISTS (SELECT 1 FROM meta.member_tokens t WHERE t.member_id = r.{_q(c)} AND t.domain = '{domain}' "
        f"AND t.key_version = {version})"
        for c in _member_token_joins(contract)
    ]
    source = _latest(contract, plan.where if plan is not None else "")
    con.execute("BEGIN TRANSACTION")
    con.execute("DELETE FROM meta.crossing_pending WHERE feed = ?", [name])
    con.execute(
        f"INSERT INTO meta.crossing_pending SELECT '{name}', r._file_id, r._line, {violation} FROM {source} r "
        f"WHERE {' OR '.join([violation, *missing])}"
    )
    con.execute("DELETE FROM meta.crossing_state WHERE feed = ?", [name])
    con.execute(
        "INSERT INTO meta.crossing_state (feed, domain, key_version, plan, max_file_id, warehouse_rows, crossed_at, "
        "as_of, inputs) VALUES (?, ?, ?, ?, ?, ?, now(), ?, ?)",
        [
            name,
            domain,
            version,
            _plan_version(contract, domain),
            max_file_id,
            warehouse_rows,
            as_of,
            _inputs(con, contract),
        ],
    )
    held, withheld = con.execute(
        "SELECT count(*) FILTER (NOT violation), count(*) FILTER (violation) FROM meta.crossing_pending WHERE feed = ?",
        [name],
    ).fetchone()
    con.execute("COMMIT")
    return held, withheld


def cross_to_warehouse(settings: Any, domain: str | None = None, full: bool = False) -> dict[str, int]:
    """Write ``pseudo.members``, ``pseudo.contracts``, ``pseudo.benefits`` and the member versions
    (``pseudo.member_versions``: a feed contract's ``versions``, see :func:`versions_sql`) into the warehouse; rows
    per feed table (the versions tables' rows are in the audit entry, ``version_rows``).

    The feeds of :data:`APPEND_FEEDS` are appended to: only the records of the batches landed since the last
    crossing (and those that could not cross then) are pseudonymised, scrubbed and scanned, unless the warehouse
    table is not exactly what the last crossing left (see :func:`_append_plan`) or ``full`` is given: then, and
    after a key rotation, every record crosses again. The result is the same table either way."""
    domain = domain or settings.warehouse_domain
    as_of = _as_of(settings)
    counts: dict[str, int] = {}
    version_rows: dict[str, int] = {}  # rows of each versions table (pseudo.member_versions), in the audit entry
    held: dict[str, int] = {}  # rows kept in the vault because their member is not in the register
    warehouse = Path(settings.warehouse_db)
    warehouse.parent.mkdir(parents=True, exist_ok=True)
    problems = [p for contract in feed_contracts().values() for p in kept_column_problems(contract)]
    if problems:
        raise CrossingError("contracts allow identifiers through a kept column: " + "; ".join(problems))
    withheld: dict[str, int] = {}  # latest rows whose kept text breaks its contract: they stay in the vault
    redacted = 0
    contracts = feed_contracts()
    rows_before = {} if full else {name: _warehouse_rows(warehouse, name) for name in APPEND_FEEDS}
    appends: dict[str, AppendPlan] = {}
    max_file_ids: dict[str, int] = {}
    with vault_connection(settings, operation="crossing") as con:
        con.execute("BEGIN TRANSACTION")
        version = ensure_domain(settings, con, domain)
        from vault.consent import ensure_table as ensure_consent_register

        ensure_consent_register(con)  # the crossing reads the DPO's consent events
        _ensure_state(con)
        con.execute(
            "CREATE OR REPLACE TEMP TABLE tokens_before AS SELECT member_id, member_token FROM meta.member_tokens "
            "WHERE domain = ? AND key_version = ?",
            [domain, version],
        )
        n_tokens = refresh_member_tokens(con, settings, domain, version)
        changed = (  # members new in the register or whose token moved (a corrected NIR)
            "(SELECT member_id FROM (SELECT member_id, member_token FROM meta.member_tokens "
            f"WHERE domain = '{domain}' AND key_version = {version} EXCEPT SELECT * FROM tokens_before))"
        )
        for name in APPEND_FEEDS if not full else ():
            plan = _append_plan(con, contracts[name], domain, version, rows_before.get(name), changed, as_of)
            if plan is not None:
                appends[name] = plan
        for name in APPEND_FEEDS:
            if name not in appends:
                max_file_ids[name] = con.execute(f"SELECT coalesce(max(_file_id), 0) FROM raw.{name}").fetchone()[0]
        scrubbed = 0
        built: list[Any] = []

        def gazetteer() -> Any:  # one member-name gazetteer per crossing, built only if a text needs scrubbing
            if not built:
                built.append(member_name_gazetteer(con))
            return built[0]

        for contract in contracts.values():
            where = appends[contract.name].where if contract.name in appends else ""
            for col in contract.columns:
                if col.crossing == "scrub":
                    scrubbed += _scrub_pending(con, contract, col, gazetteer, where)
        con.execute("COMMIT")
        con.execute(f"ATTACH '{warehouse}' AS wh")
        tokens = token_functions(con, settings, domain, version)
        stamp = time.time_ns() // 1000  # this crossing's stamp on every row it writes (CROSSING_STAMP)
        versions_exist = {  # a versions table is appended to only when it is there (else written whole)
            c.versions.table: _wh_table_exists(con, c.versions.table) for c in contracts.values() if c.versions
        }
        try:
            con.execute("BEGIN TRANSACTION")
            con.execute("CREATE SCHEMA IF NOT EXISTS wh.pseudo")
            for name, contract in contracts.items():
                plan = appends.get(name)
                exprs, joins = crossing_plan(contract, domain, version, as_of, tokens, plan.where if plan else "")
                exprs.append(f"{stamp}::BIGINT AS {_q(CROSSING_STAMP)}")  # which crossing wrote the row
                violation = kept_violation_sql(contract)
                if plan is not None:
                    redacted += _append_to_warehouse(
                        con, contract, plan, exprs, joins, tokens, violation, domain, version, stamp
                    )
                else:
                    sql = (
                        f"CREATE OR REPLACE TABLE wh.pseudo.{name} AS SELECT {', '.join(exprs)} "
                        f"FROM {_latest(contract)} r {' '.join(joins)} WHERE NOT {violation}"
                    )
                    con.execute(sql)
                    redacted += _outbound_scan(con, name, contract)
                counts[name] = con.execute(f"SELECT count(*) FROM wh.pseudo.{name}").fetchone()[0]
                if contract.versions is not None:
                    table = contract.versions.table
                    redacted += _cross_versions(
                        con,
                        contract,
                        exprs,
                        joins,
                        violation,
                        plan if versions_exist.get(table) else None,
                        tokens,
                        domain,
                        version,
                    )
                    version_rows[table] = con.execute(f"SELECT count(*) FROM wh.pseudo.{table}").fetchone()[0]
                if name in APPEND_FEEDS:
                    continue  # its rows that did not cross are counted once the warehouse has committed
                latest, bad = con.execute(
                    f"SELECT count(*), count(*) FILTER ({violation}) FROM {_latest(contract)} r"
                ).fetchone()
                if bad:
                    withheld[name] = bad
                if latest - bad > counts[name]:
                    held[name] = latest - bad - counts[name]
            con.execute("COMMIT")
        except BaseException:
            try:
                con.execute("ROLLBACK")
            except duckdb.Error:
                pass
            raise
        finally:
            tokens.close()
            con.execute("DETACH wh")
        for name in APPEND_FEEDS:
            plan = appends.get(name)
            max_file_id = plan.max_file_id if plan is not None else max_file_ids[name]
            n_held, n_withheld = _remember(
                con, contracts[name], domain, version, plan, max_file_id, counts[name], as_of
            )
            if n_held:
                held[name] = n_held
            if n_withheld:
                withheld[name] = n_withheld
        from vault.erasure import finish_pending_erasures

        finish_pending_erasures(settings, con)
    audit.append(
        settings,
        actor_name(),
        "crossing.warehouse",
        {
            "domain": domain,
            "key_version": version,
            "rows": counts,
            "version_rows": version_rows,
            "member_tokens": n_tokens,
            "texts_scrubbed": scrubbed,
            "held_back": held,
            "withheld_contract_violation": withheld,
            "identifiers_redacted_after_scrub": redacted,
            # feeds appended to: records (re)crossed this time; the others were crossed whole
            "appended": {name: plan.records for name, plan in appends.items()},
        },
    )
    log.info("crossed to the warehouse (%s v%s): %s", domain, version, counts)
    if held:
        log.warning("held back in the vault, member not in the register: %s", held)
    if withheld:
        log.warning("withheld in the vault, a kept column breaks its contract: %s", withheld)
    if redacted:
        log.warning("%d identifier(s) left in scrubbed text were redacted by the outbound scan", redacted)
    return counts


def held_back(settings: Any) -> dict[str, int]:
    """Rows the last crossing kept in the vault because their member is not in the register, per feed."""
    for entry in reversed(audit.entries(settings)):
        if entry.get("action") == "crossing.warehouse":
            return dict(entry.get("details", {}).get("held_back", {}))
    return {}
