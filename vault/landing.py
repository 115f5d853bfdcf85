"""Landing: inbox files -> the encrypted vault, checked against their feed contracts.

For each file of the inbox whose name matches a feed contract's ``file_pattern``:

1. its SHA-256 is looked up in the landing ledger: a file already processed is
   skipped (landing is idempotent);
2. structural checks refuse the whole file with a reason naming it (empty, not
   the declared format, missing required or unexpected columns, truncated);
3. DuckDB reads it as text (``read_csv`` with every column VARCHAR, malformed
   lines captured with their line numbers; ``read_parquet``; ``read_json``),
   then one SQL statement types every value (``TRY_CAST``/``TRY_STRPTIME``) and
   builds, for every row, the list of reasons it breaks the contract: required
   value missing, not a valid date/number/boolean, pattern, enum, bounds, NIR
   control key, duplicate key inside the file;
4. valid rows go to ``raw.<feed>``, the others to ``meta.quarantine`` (file,
   line, reason; their raw values stay in the vault) and a ledger row records
   rows read = rows landed + rows quarantined.

Steps 3-4 run in ONE transaction per file: a process killed midway leaves
nothing of that file, and the next run lands it whole. Everything runs inside
DuckDB (no row-by-row Python), streaming and spilling to encrypted temporary
files, so a file of millions of rows lands in bounded memory.
"""

from __future__ import annotations

import codecs
import fnmatch
import getpass
import json
import logging
import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from confiance.contracts import Column, Contract, feed_contracts
from confiance.crossing_rules import VERSION_COLUMN
from confiance.files import sha256_file
from confiance.identifiers import nir_key_valid_sql
from confiance.sql import quote_identifier as _q
from vault import audit, consent, erasure_register
from vault.db import vault_connection

log = logging.getLogger(__name__)

FORMATS = {".csv": "csv", ".txt": "csv", ".parquet": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl"}
EventHook = Callable[[str, dict], None]


class RefusedFile(Exception):
    """A file whose structure is unusable: refused whole."""


def actor_name() -> str:
    return os.environ.get("CONFIANCE_ACTOR") or f"{getpass.getuser()}@confiance"


def feed_of(path: Path) -> str | None:
    for name, contract in feed_contracts().items():
        if fnmatch.fnmatch(path.name, contract.file_pattern):
            return name
    return None


def _lit(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


# --- structure -------------------------------------------------------------------

_ENVIRONMENT_ERRORS = (
    duckdb.OutOfMemoryException,
    duckdb.IOException,
    duckdb.InterruptException,
    duckdb.FatalException,
    duckdb.InternalException,
    duckdb.PermissionException,
    duckdb.ConnectionException,
)


def _environment_failure(exc: BaseException) -> bool:
    """True when reading failed because of the machine (memory, disk, permissions), not the file's content."""
    text = str(exc).lower()
    return isinstance(exc, _ENVIRONMENT_ERRORS) or any(
        m in text for m in ("no space left", "read-only file system", "permission denied", "out of memory")
    )


_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _line_of(path: Path, offset: int) -> int:
    """The line number (1-based) holding byte ``offset`` of the file."""
    line, remaining = 1, offset
    with open(path, "rb") as fh:
        while remaining > 0:
            part = fh.read(min(1 << 20, remaining))
            if not part:
                break
            line += part.count(b"\n")
            remaining -= len(part)
    return line


def _encoding(path: Path) -> str:
    """``utf-8`` or ``latin-1`` for a text file, read in full.

    Refused, naming the first line concerned: a NUL byte anywhere (binary content, which DuckDB would
    otherwise read into shifted or cut values), and a file mixing encodings (UTF-8 sequences and bytes
    invalid in UTF-8)."""
    dec = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    bad_at: int | None = None
    utf8_seen = False
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            nul = chunk.find(b"\x00")
            if nul >= 0:
                line = _line_of(path, offset + nul)
                raise RefusedFile(f"{path.name}: NUL byte at line {line} (binary content, not a text file)")
            utf8_seen = utf8_seen or bool(_UTF8_MULTIBYTE.search(chunk))
            if bad_at is None:
                try:
                    dec.decode(chunk)
                except UnicodeDecodeError as exc:
                    bad_at = offset + exc.start
            offset += len(chunk)
        if bad_at is None:
            try:
                dec.decode(b"", final=True)
            except UnicodeDecodeError:
                bad_at = offset
    if bad_at is None:
        return "utf-8"
    with open(path, "rb") as fh:
        head = fh.read(3)
    if utf8_seen or head == b"\xef\xbb\xbf":
        raise RefusedFile(
            f"{path.name}: mixed encodings (line {_line_of(path, bad_at)} is not UTF-8 while the file holds UTF-8 "
            "text); resend it in one encoding (UTF-8)"
        )
    return "latin-1"


def _is_utf8(path: Path) -> bool:
    return _encoding(path) == "utf-8"


def _split_header(line: str, delim: str) -> list[str]:
    return [c.strip().strip('"').strip() for c in line.rstrip("\r\n").split(delim)]


def _check_columns(contract: Contract, present: list[str], file: str) -> None:
    expected = [c.name for c in contract.columns]
    missing = [c.name for c in contract.columns if c.required and c.name not in present]
    if missing:
        raise RefusedFile(f"{file}: missing required column(s) {', '.join(missing)}")
    unexpected = [c for c in present if c not in expected]
    if unexpected:
        shown = ", ".join(c[:40] for c in unexpected[:5])
        raise RefusedFile(f"{file}: column(s) not in the {contract.name} contract: {shown}")
    dupes = {c for c in present if present.count(c) > 1}
    if dupes:
        raise RefusedFile(f"{file}: duplicated column(s) {', '.join(sorted(dupes))}")


def _csv_dialect(path: Path, contract: Contract) -> dict[str, Any]:
    with open(path, "rb") as fh:
        head = fh.read(1 << 16)
    if not head.strip():
        raise RefusedFile(f"{path.name}: empty file")
    if b"\x00" in head or head.startswith(b"PAR1"):
        raise RefusedFile(f"{path.name}: not a CSV text file (binary content)")
    encoding = _encoding(path)
    text = head.decode("utf-8" if encoding == "utf-8" else "latin-1", errors="replace").lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    delim = ";" if first.count(";") >= first.count(",") else ","
    header = _split_header(first, delim)
    _check_columns(contract, header, path.name)
    # truncated: every line, the last included, ends with a line break. A file cut anywhere inside a line
    # (even inside its last amount, 1284 -> 128, which would still parse) ends without one.
    size = path.stat().st_size
    with open(path, "rb") as fh:
        fh.seek(max(0, size - 1))
        last_byte = fh.read(1)
    if last_byte not in (b"\n", b"\r"):
        raise RefusedFile(f"{path.name}: truncated (the last line has no line break: the file is incomplete)")
    return {"encoding": encoding, "delim": delim, "header": header}


def _parquet_columns(con: duckdb.DuckDBPyConnection, path: Path) -> list[str]:
    with open(path, "rb") as fh:
        start = fh.read(4)
        fh.seek(max(0, path.stat().st_size - 4))
        end = fh.read(4)
    if start != b"PAR1":
        raise RefusedFile(f"{path.name}: not a Parquet file")
    if end != b"PAR1":
        raise RefusedFile(f"{path.name}: truncated Parquet file (no footer)")
    try:
        return [r[0] for r in con.execute(f"DESCRIBE SELECT * FROM read_parquet({_lit(path)})").fetchall()]
    except duckdb.Error as exc:
        if _environment_failure(exc):
            raise
        raise RefusedFile(f"{path.name}: unreadable Parquet file (damaged)") from None


JSONL_BATCH = 100_000


def _stage_jsonl(con: duckdb.DuckDBPyConnection, path: Path, contract: Contract, fid: int, table: str) -> int:
    """Stage a JSON Lines file in full: every line is checked, with its line number, as CSV lines are.

    A line that is not a JSON object, holds a key the contract does not know, repeats a key or holds an
    object or list where the contract expects one value goes to ``badlines_<fid>`` (quarantined with its
    line number); the other lines become rows of ``table``. Returns the number of bad lines.
    """
    import pyarrow as pa

    if _encoding(path) != "utf-8":
        raise RefusedFile(f"{path.name}: not UTF-8 (JSON Lines files are UTF-8)")
    first = None
    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            if raw.strip():
                first = (lineno, raw)
                break
    if first is None:
        raise RefusedFile(f"{path.name}: empty file")
    try:
        obj = json.loads(first[1].decode("utf-8-sig"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        obj = None
    if not isinstance(obj, dict):
        raise RefusedFile(f"{path.name}: not JSON Lines (line {first[0]} is not a JSON object)")
    size = path.stat().st_size
    with open(path, "rb") as fh:
        fh.seek(max(0, size - 1))
        ends_with_newline = fh.read(1) in (b"\n", b"\r")
    con.execute(f"CREATE TEMP TABLE jsonl_{fid} (_line BIGINT, j VARCHAR)")
    lines: list[int] = []
    texts: list[str] = []
    last: tuple[int, bytes] | None = None

    def flush() -> None:
        if lines:
            batch = pa.table({"_line": pa.array(lines, pa.int64()), "j": pa.array(texts, pa.string())})
            con.register("jsonl_batch", batch)
            con.execute(f"INSERT INTO jsonl_{fid} SELECT * FROM jsonl_batch")
            con.unregister("jsonl_batch")
            lines.clear()
            texts.clear()

    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            last = (lineno, raw)
            lines.append(lineno)
            texts.append(raw.decode("utf-8").lstrip("\ufeff").rstrip("\r\n"))
            if len(lines) >= JSONL_BATCH:
                flush()
    flush()
    if not ends_with_newline and last is not None:
        try:
            json.loads(last[1])
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise RefusedFile(f"{path.name}: truncated (the last line, {last[0]}, is cut off)") from None
    known = "[" + ", ".join(_lit(c.name) for c in contract.columns) + "]"
    scalar = " OR ".join(
        f"coalesce(json_type(j, {_lit('$.' + json.dumps(c.name))}) IN ('OBJECT', 'ARRAY'), false)"
        for c in contract.columns
    )
    con.execute(f"""CREATE TEMP TABLE jsonlchk_{fid} AS
        SELECT _line, j,
               CASE WHEN NOT coalesce(json_valid(j), false) THEN 'not a json object'
                    WHEN json_type(j) <> 'OBJECT' THEN 'not a json object'
                    WHEN len(list_filter(json_keys(j), k -> NOT list_contains({known}, k))) > 0
                        THEN len(list_filter(json_keys(j), k -> NOT list_contains({known}, k)))::VARCHAR
                             || ' key(s) not in the {contract.name} contract'
                    WHEN len(json_keys(j)) <> len(list_distinct(json_keys(j))) THEN 'a key appears twice'
                    WHEN {scalar} THEN 'an object or a list where one value is expected'
               END AS error_type
        FROM jsonl_{fid}""")
    con.execute(
        f"CREATE TEMP TABLE badlines_{fid} AS SELECT _line AS line, error_type, j AS csv_line "
        f"FROM jsonlchk_{fid} WHERE error_type IS NOT NULL"
    )
    select_cols = ", ".join(
        f"json_extract_string(j, {_lit('$.' + json.dumps(c.name))}) AS {_q(c.name)}" for c in contract.columns
    )
    con.execute(
        f"CREATE TEMP TABLE {table} AS SELECT _line, {select_cols} FROM jsonlchk_{fid} WHERE error_type IS NULL"
    )
    n_bad = con.execute(f"SELECT count(*) FROM badlines_{fid}").fetchone()[0]
    con.execute(f"DROP TABLE jsonl_{fid}")
    con.execute(f"DROP TABLE jsonlchk_{fid}")
    return n_bad


# --- typing and validation expressions -------------------------------------------

_STRPTIME = {"yyyy": "%Y", "MM": "%m", "dd": "%d", "HH": "%H", "mm": "%M", "ss": "%S"}
EARLIEST_DATE = "1900-01-01"
LATEST_DATE = "2099-12-31"
#: Longest text value accepted when the contract gives no maxLength (a 10 MB "name" is not a name).
DEFAULT_MAX_TEXT = 10_000


def _date_format(col: Column) -> str:
    fmt = col.options.get("format", "yyyy-MM-dd")
    for k, v in _STRPTIME.items():
        fmt = fmt.replace(k, v)
    return fmt


def _is_nir(col: Column) -> bool:
    return any(getattr(q, "implementation", None) == "nir_key_valid" for q in col.quality)


def _value(col: Column) -> str:
    v = f"NULLIF(trim({_q(col.name)}), '')"
    if _is_nir(col):
        v = f"upper(replace({v}, ' ', ''))"
    return v


def _typed(col: Column, v: str) -> str:
    t = col.physical_type.upper()
    if t == "DATE":
        return f"TRY_STRPTIME({v}, {_lit(_date_format(col))})::DATE"
    if t == "TIMESTAMP":
        return f"TRY_CAST({v} AS TIMESTAMP)"
    if t == "BOOLEAN":
        return (
            f"CASE WHEN lower({v}) IN ('true','t','1','yes','y','oui','o') THEN true "
            f"WHEN lower({v}) IN ('false','f','0','no','n','non') THEN false END"
        )
    if t in ("INTEGER", "BIGINT", "SMALLINT"):
        return f"CASE WHEN regexp_full_match({v}, '-?[0-9]+') THEN TRY_CAST({v} AS {t}) END"
    m = re.match(r"DECIMAL\((\d+),\s*(\d+)\)", t)
    if m:
        scale = int(m.group(2))
        return f"CASE WHEN regexp_full_match({v}, '-?[0-9]+(\\.[0-9]{{1,{scale}}})?') THEN TRY_CAST({v} AS {t}) END"
    return v


def _expected(col: Column) -> str:
    t = col.physical_type.upper()
    if t == "DATE":
        return f"a date ({col.options.get('format', 'yyyy-MM-dd')})"
    if t == "TIMESTAMP":
        return "a timestamp (ISO 8601)"
    if t == "BOOLEAN":
        return "a boolean"
    if t.startswith("DECIMAL"):
        return "an amount with '.' decimals"
    return f"a {col.logical_type}"


def _checks(col: Column, v: str, typed: str) -> list[str]:
    n = col.name
    out = []
    if col.required:
        out.append(f"CASE WHEN {v} IS NULL THEN {_lit(n + ': required value missing')} END")
    if typed != v:
        out.append(f"CASE WHEN {v} IS NOT NULL AND {typed} IS NULL THEN {_lit(f'{n}: not {_expected(col)}')} END")
    pattern = col.options.get("pattern")
    if pattern:
        msg = _lit(n + ": does not match the contract pattern")
        out.append(f"CASE WHEN NOT regexp_matches({v}, {_lit(pattern)}) THEN {msg} END")
    enum = col.options.get("enum")
    if enum:
        values = ", ".join(_lit(e) for e in enum)
        out.append(f"CASE WHEN {v} NOT IN ({values}) THEN {_lit(n + ': not one of the allowed values')} END")
    t = col.physical_type.upper()
    bounds = dict(col.options)
    if t in ("DATE", "TIMESTAMP"):
        # every date is bounded: on or after 1900-01-01 and before 2100 unless the contract says otherwise
        bounds.setdefault("minimum", EARLIEST_DATE)
        bounds.setdefault("maximum", LATEST_DATE)
    for bound, op in (("minimum", "<"), ("maximum", ">")):
        if bound in bounds and t != "VARCHAR":
            lim = bounds[bound]
            lim_sql = f"{_lit(lim)}::{t}" if t in ("DATE", "TIMESTAMP") else str(lim)
            out.append(f"CASE WHEN {typed} {op} {lim_sql} THEN {_lit(f'{n}: {bound} is {lim}')} END")
    if t in ("DATE", "TIMESTAMP") and col.required:
        # a required date is a fact that happened: not after the landing day (one day of slack for time zones)
        now = "current_date + 1" if t == "DATE" else "now()::TIMESTAMP + INTERVAL 1 DAY"
        out.append(f"CASE WHEN {typed} > {now} THEN {_lit(n + ': in the future (after the landing day)')} END")
    if t == "VARCHAR":
        longest = int(col.options.get("maxLength") or DEFAULT_MAX_TEXT)
        out.append(f"CASE WHEN length({v}) > {longest} THEN {_lit(f'{n}: longer than {longest} characters')} END")
        if col.options.get("minLength"):
            shortest = int(col.options["minLength"])
            short = _lit(f"{n}: shorter than {shortest} characters")
            out.append(f"CASE WHEN length({v}) < {shortest} THEN {short} END")
    if _is_nir(col):
        out.append(f"CASE WHEN NOT {nir_key_valid_sql(v)} THEN {_lit(n + ': invalid NIR control key')} END")
    return out


def validation_select(contract: Contract, source: str, landed: str | None = None) -> str:
    """SQL typing every column of ``source`` (all VARCHAR + _line) and listing each row's failures.

    ``landed`` (a table of already landed rows, e.g. ``raw.members``): a column the contract marks
    ``unique`` (the NIR) must not belong to another record there either.
    """
    cols = contract.columns
    # Each column's cleaned value (trimmed, empty as NULL, a NIR without spaces) is computed once, in a first
    # projection, and every typing, check and cross-row rule reads it from there: written inline, DuckDB
    # evaluated the same cleaning once per check (22 % of a members file's validation CPU, 7 % of a benefits file's).
    cleaned = {c.name: _q(f"_clean_{c.name}") for c in cols}
    source = f"(SELECT _line, {', '.join(f'{_value(c)} AS {cleaned[c.name]}' for c in cols)} FROM {source})"
    vals = cleaned
    typed = {c.name: _typed(c, vals[c.name]) for c in cols}
    checks = [chk for c in cols for chk in _checks(c, vals[c.name], typed[c.name])]
    pk = [c for c in cols if c.primary_key]
    typed_list = ", ".join(f"{typed[c.name]} AS {_q(c.name)}" for c in cols)
    raw_json = "to_json(struct_pack(" + ", ".join(f"{_q(c.name)} := {vals[c.name]}" for c in cols) + "))"
    reasons = f"list_filter([{', '.join(checks)}], x -> x IS NOT NULL)"
    inner = f"SELECT _line, {typed_list}, {reasons} AS _reasons, {raw_json} AS _raw FROM {source}"
    # Cross-row rules are computed on narrow projections (the line number and the key or unique value) and
    # joined back by a hash semi-join, not by window functions over whole rows: a window materialises
    # every column of its input (the raw values as JSON included), which did not fit the vault's memory
    # on a year of benefit lines. Same rules, same results.
    extra: list[str] = []
    if pk:
        part = ", ".join(typed[c.name] for c in pk)
        dup = _lit(", ".join(c.name for c in pk) + ": duplicate within the file")
        later_lines = (
            f"SELECT _line FROM (SELECT _line, row_number() OVER (PARTITION BY {part} ORDER BY _line) AS _n "
            f"FROM {source} WHERE {typed[pk[0].name]} IS NOT NULL) WHERE _n > 1"
        )
        extra.append(f"CASE WHEN _line IN ({later_lines}) THEN {dup} END")
    if len(pk) == 1:
        key = _q(pk[0].name)
        for col in cols:
            if not col.unique or col.primary_key:
                continue
            u = _q(col.name)
            shared = _lit(f"{col.name}: shared by several {pk[0].name} in the file")
            shared_values = (
                f"SELECT {typed[col.name]} FROM {source} WHERE {typed[col.name]} IS NOT NULL "
                f"GROUP BY ALL HAVING min({typed[pk[0].name]}) <> max({typed[pk[0].name]})"
            )
            extra.append(f"CASE WHEN {u} IN ({shared_values}) THEN {shared} END")
            if landed:
                latest = latest_versions(contract, f"{u}, {key}", table=landed)
                extra.append(
                    f"CASE WHEN {u} IS NOT NULL AND EXISTS (SELECT 1 FROM {latest} x WHERE x.{u} = "
                    f"v.{u} AND x.{key} <> v.{key}) THEN "
                    f"{_lit(f'{col.name}: already registered for another {pk[0].name}')} END"
                )
    all_reasons = (
        f"list_concat(_reasons, list_filter([{', '.join(extra)}], x -> x IS NOT NULL))" if extra else "_reasons"
    )
    # The raw values are kept (as JSON) only for the rows that go to quarantine.
    return (
        f"SELECT * EXCLUDE (_reasons, _raw, _all), coalesce(array_to_string(_all, '; '), '') AS _reason, "
        f"CASE WHEN len(_all) > 0 THEN _raw END AS _raw FROM (SELECT *, {all_reasons} AS _all FROM ({inner}) v)"
    )


# --- the current version of a record ---------------------------------------------------

#: The feed column dating a record's versions; a feed without it ranks versions by landing order alone.


def version_order(contract: Contract) -> str:
    """SQL ``ORDER BY`` terms ranking the versions of one record of ``raw.<feed>``, the current one first.

    The one rule for "the current version" in the vault: the latest by the feed's version column
    (``updated_at``), whatever the order its files were landed in; on a tie, the file landed last (the
    landing ledger's ``file_id``, a DPO request's version being file 0), then the later line of that file."""
    version = f"{_q(VERSION_COLUMN)} DESC, " if any(c.name == VERSION_COLUMN for c in contract.columns) else ""
    return f"{version}_file_id DESC, _line DESC"


def latest_versions(
    contract: Contract, columns: str = "*", where: str = "", table: str | None = None, per_version: bool = False
) -> str:
    """SQL: the current version (:func:`version_order`) of each record of ``table`` (``raw.<feed>``).

    ``columns``: the columns kept (ranking reads only the key and the version columns besides, so a narrow
    projection stays narrow); ``where`` (SQL on raw columns) keeps only some records (a condition on the
    primary key keeps whole records, so their current version is still the current one). ``per_version``: one
    row per record and version date (``updated_at``) instead, the one the same rule ranks first among the
    versions sharing that date (the warehouse's version history, ``vault.crossing``)."""
    pk = ", ".join(_q(c.name) for c in contract.columns if c.primary_key)
    if per_version and any(c.name == VERSION_COLUMN for c in contract.columns):
        pk += f", {_q(VERSION_COLUMN)}"
    return (
        f"(SELECT {columns} FROM {table or f'raw.{contract.name}'} {f'WHERE {where} ' if where else ''}"
        f"QUALIFY row_number() OVER (PARTITION BY {pk} ORDER BY {version_order(contract)}) = 1)"
    )


def refresh_identity_map(con: duckdb.DuckDBPyConnection, member_ids: str) -> None:
    """Set the identity map (member_id -> NIR) of the members ``member_ids`` (SQL returning member ids) from
    their current version in ``raw.members``: a late-delivered older file does not undo a correction.

    Ranks only those members' rows, on the (member id, NIR, version) projection."""
    members = feed_contracts()["members"]
    current = latest_versions(members, "member_id, nir", f"member_id IN ({member_ids})")
    con.execute(f"INSERT OR REPLACE INTO meta.identity_map SELECT member_id, nir FROM {current}")


# --- landing one file ---------------------------------------------------------------


def _stage(con: duckdb.DuckDBPyConnection, path: Path, fmt: str, contract: Contract, fid: int) -> tuple[str, int]:
    """Create the temporary table staged_<fid> (_line + contract columns as VARCHAR); return (table, malformed
    lines count).

    Temporary: the file's rows are read once into it and never written to the vault's database file (DuckDB
    keeps it in memory and spills it to the vault's encrypted temporary files); only the validated rows are."""
    table = f"temp.main.staged_{fid}"
    cols = contract.columns
    if fmt == "csv":
        d = _csv_dialect(path, contract)
        columns = "{" + ", ".join(f"{_lit(h)}: 'VARCHAR'" for h in d["header"]) + "}"
        rj, rs = f"rejects_{fid}", f"rejects_scan_{fid}"
        src = (
            f"read_csv({_lit(path)}, header=true, columns={columns}, delim={_lit(d['delim'])}, quote='\"', "
            f"escape='\"', encoding={_lit(d['encoding'])}, store_rejects=true, rejects_table={_lit(rj)}, "
            f"rejects_scan={_lit(rs)}, strict_mode=true, auto_detect=false, parallel=true)"
        )
        select_cols = ", ".join(
            (_q(c.name) if c.name in d["header"] else f"NULL::VARCHAR AS {_q(c.name)}") for c in cols
        )
        try:
            con.execute(f"CREATE TEMP TABLE ord_{fid} AS SELECT row_number() OVER () AS _ord, {select_cols} FROM {src}")
        except duckdb.Error as exc:
            if _environment_failure(exc):
                raise  # memory, disk, permissions: not the file's fault; nothing recorded, the next run retries
            text = str(exc).lower()
            kind = "encoding" if ("encoding" in text or "unicode" in text) else "CSV structure"
            raise RefusedFile(f"{path.name}: unreadable as CSV ({kind} error)") from None
        con.execute(
            f"CREATE TEMP TABLE badlines_{fid} AS SELECT DISTINCT line, error_type::VARCHAR AS error_type, "
            f"first(csv_line) AS csv_line FROM {rj} GROUP BY ALL"
        )
        n_bad = con.execute(f"SELECT count(DISTINCT line) FROM badlines_{fid}").fetchone()[0]
        total = con.execute(f"SELECT count(*) FROM ord_{fid}").fetchone()[0] + n_bad
        con.execute(f"""CREATE TEMP TABLE {table} AS
            WITH good AS (
                SELECT l, row_number() OVER (ORDER BY l) AS k FROM range(2, {total} + 2) r(l)
                WHERE l NOT IN (SELECT line FROM badlines_{fid}))
            SELECT good.l AS _line, o.* EXCLUDE (_ord) FROM ord_{fid} o JOIN good ON o._ord = good.k""")
        con.execute(f"DROP TABLE ord_{fid}")
        con.execute(f"DROP TABLE IF EXISTS {rj}")
        con.execute(f"DROP TABLE IF EXISTS {rs}")
        return table, n_bad
    if fmt == "jsonl":
        return table, _stage_jsonl(con, path, contract, fid, table)
    present = _parquet_columns(con, path)
    src = f"read_parquet({_lit(path)})"
    _check_columns(contract, present, path.name)
    select_cols = ", ".join(
        (f"CAST({_q(c.name)} AS VARCHAR) AS {_q(c.name)}" if c.name in present else f"NULL::VARCHAR AS {_q(c.name)}")
        for c in cols
    )
    try:
        con.execute(f"CREATE TEMP TABLE {table} AS SELECT row_number() OVER () AS _line, {select_cols} FROM {src}")
    except duckdb.Error as exc:
        if _environment_failure(exc):
            raise
        raise RefusedFile(f"{path.name}: unreadable as {fmt} (malformed content)") from None
    return table, 0


def _next_file_id(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute("SELECT coalesce(max(file_id), 0) + 1 FROM meta.ledger").fetchone()[0]


def _record_refusal(con, fid, path, feed, fmt, checksum, size, reason) -> None:
    con.execute("BEGIN TRANSACTION")
    con.execute(
        "INSERT INTO meta.ledger VALUES (?, ?, ?, ?, ?, ?, 'refused', 0, 0, 0, ?, now())",
        [fid, path.name, feed, fmt, checksum, size, reason],
    )
    con.execute("INSERT INTO meta.quarantine VALUES (?, ?, ?, NULL, ?, NULL, now())", [fid, path.name, feed, reason])
    con.execute("COMMIT")


def land_file(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    feed: str,
    checksum: str,
    say: Callable[[str], None],
    on_event: EventHook | None = None,
    erased: erasure_register.Matcher | None = None,
) -> dict:
    """Land one file in one transaction; returns its ledger row as a dict.

    ``erased``: the erasure register's matcher; rows of an erased member are quarantined without values
    (reason ``erased_member``) and their lines removed from the inbox file after the commit."""
    contract = feed_contracts()[feed]
    fmt = FORMATS.get(path.suffix.lower())
    size = path.stat().st_size
    fid = _next_file_id(con)
    result = {
        "file": path.name,
        "feed": feed,
        "checksum": checksum,
        "status": "refused",
        "rows_read": 0,
        "rows_landed": 0,
        "rows_quarantined": 0,
        "reason": None,
    }
    if fmt is None:
        reason = f"{path.name}: unsupported file format {path.suffix or '(none)'} (expected csv, parquet or jsonl)"
        _record_refusal(con, fid, path, feed, None, checksum, size, reason)
        return {**result, "reason": reason}
    t0 = time.monotonic()
    keep_order = con.execute("SELECT current_setting('preserve_insertion_order')").fetchone()[0]
    con.execute("CREATE SCHEMA IF NOT EXISTS staging")
    con.execute("BEGIN TRANSACTION")
    try:
        say(f"{path.name}: reading {size / 1e6:.1f} MB as {fmt} ({feed})")
        staged, n_bad = _stage(con, path, fmt, contract, fid)
        n_staged = con.execute(f"SELECT count(*) FROM {staged}").fetchone()[0]
        say(f"{path.name}: {n_staged + n_bad:,} rows read, validating against the {feed} contract")
        if on_event:
            on_event("staged", {"file": path.name, "rows": n_staged + n_bad})
        checked = f"temp.main.checked_{fid}"  # temporary too: only raw.<feed> and the quarantine are written
        # Every row carries its line number from here on: the order rows are written in no longer matters,
        # and not keeping it lets DuckDB stream and spill (a year of benefit lines in the vault's memory limit).
        con.execute("SET preserve_insertion_order = false")
        con.execute(f"CREATE TEMP TABLE {checked} AS {validation_select(contract, staged, f'raw.{feed}')}")
        refused = erased.mark(con, checked, [c.name for c in contract.columns]) if erased else None
        names = ", ".join(_q(c.name) for c in contract.columns)
        consents = consent.record_landing(con, fid, checked) if feed == "members" else None
        con.execute(f"INSERT INTO raw.{feed} SELECT {names}, {fid}, _line FROM {checked} WHERE _reason = ''")
        con.execute(
            f"INSERT INTO meta.quarantine SELECT {fid}, {_lit(path.name)}, {_lit(feed)}, _line, _reason, _raw, "
            f"now() FROM {checked} WHERE _reason <> ''"
        )
        if n_bad:
            con.execute(
                f"INSERT INTO meta.quarantine SELECT {fid}, {_lit(path.name)}, {_lit(feed)}, line, "
                f"'malformed line: ' || lower(error_type), csv_line, now() FROM badlines_{fid}"
            )
        if refused and refused.rows:
            erasure_register.clear_quarantined_values(con, fid, refused)
        landed, quarantined = con.execute(
            f"SELECT count(*) FILTER (_reason = ''), count(*) FILTER (_reason <> '') FROM {checked}"
        ).fetchone()
        quarantined += n_bad
        if feed == "members":
            refresh_identity_map(con, f"SELECT member_id FROM {checked} WHERE _reason = ''")
        con.execute(
            "INSERT INTO meta.ledger VALUES (?, ?, ?, ?, ?, ?, 'landed', ?, ?, ?, NULL, now())",
            [fid, path.name, feed, fmt, checksum, size, landed + quarantined, landed, quarantined],
        )
        con.execute(f"DROP TABLE {staged}")
        con.execute(f"DROP TABLE {checked}")
        con.execute("COMMIT")
    except RefusedFile as exc:
        con.execute("ROLLBACK")
        reason = str(exc)
        _record_refusal(con, fid, path, feed, fmt, checksum, size, reason)
        say(f"{reason} -> refused")
        return {**result, "reason": reason}
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.execute(f"DROP TABLE IF EXISTS temp.badlines_{fid}")
        con.execute(f"SET preserve_insertion_order = {keep_order}")
    say(f"{path.name}: {landed:,} landed, {quarantined:,} quarantined in {time.monotonic() - t0:.1f}s")
    if erased and refused and refused.rows:
        erased.after_commit(con, path, feed, refused)
        say(f"{path.name}: {refused.rows:,} row(s) of erased members refused (erasure register)")
    return {
        **result,
        "status": "landed",
        "rows_read": landed + quarantined,
        "rows_landed": landed,
        "rows_quarantined": quarantined,
        "rows_erased": refused.rows if refused else 0,
        **({"consent_changes": consents} if consents else {}),
    }


@contextmanager
def _progress_to_stderr(enabled: bool) -> Iterator[None]:
    """DuckDB prints its progress bar on the process's stdout; while it may, stdout is sent to stderr, so that
    stdout carries only results (a scheduler or a pipe reads them)."""
    if not enabled:
        yield
        return
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        os.dup2(2, 1)
        yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


def inbox_files(settings: Any) -> list[tuple[Path, str]]:
    """(path, feed) of the inbox files matching a feed contract, in feed order then name."""
    inbox = Path(settings.inbox)
    if not inbox.exists():
        return []
    order = list(feed_contracts())
    found = []
    for path in sorted(p for p in inbox.iterdir() if p.is_file() and not p.name.startswith(".")):
        feed = feed_of(path)
        if feed is None:
            log.warning("%s: no feed contract matches this file name; left in the inbox", path.name)
            continue
        found.append((path, feed))
    return sorted(found, key=lambda pf: (order.index(pf[1]), pf[0].name))


def land_inbox(settings: Any, progress: bool = False, on_event: EventHook | None = None) -> list[dict]:
    """Land every new inbox file; one dict per file (file, feed, checksum, status, rows_*, reason).

    ``status`` is ``landed``, ``refused`` or ``skipped`` (same checksum already processed).
    ``progress`` prints one line per step on stderr and DuckDB's progress bar; ``on_event(event, info)``
    is called at each step (``staged``, ``landed``, ``refused``, ``skipped``).
    """

    def say(msg: str) -> None:
        log.info(msg)
        if progress:
            print(msg, file=sys.stderr, flush=True)

    results: list[dict] = []
    files = inbox_files(settings)
    actor = actor_name()
    with vault_connection(settings, operation="landing") as con, _progress_to_stderr(progress):
        if progress:
            con.execute("SET enable_progress_bar = true")
            con.execute("SET enable_progress_bar_print = true")
        known = dict(con.execute("SELECT checksum, status FROM meta.ledger").fetchall())
        erased = erasure_register.Matcher(settings, con)
        for path, feed in files:
            checksum = sha256_file(path)
            if checksum in known:
                results.append(
                    {
                        "file": path.name,
                        "feed": feed,
                        "checksum": checksum,
                        "status": "skipped",
                        "rows_read": 0,
                        "rows_landed": 0,
                        "rows_quarantined": 0,
                        "reason": f"already processed ({known[checksum]})",
                    }
                )
                if on_event:
                    on_event("skipped", {"file": path.name})
                continue
            res = land_file(con, path, feed, checksum, say, on_event, erased=erased)
            known[checksum] = res["status"]
            results.append(res)
            if on_event:
                on_event(res["status"], {"file": path.name})
            audit.append(
                settings,
                actor,
                f"landing.{res['status']}",
                {k: res[k] for k in ("file", "feed", "rows_read", "rows_landed", "rows_quarantined", "reason")}
                | {"checksum": checksum[:16]}
                | ({"consent_changes": res["consent_changes"]} if res.get("consent_changes") else {}),
            )
    return results


@dataclass(frozen=True)
class LedgerEntry:
    """One file of the landing ledger (``meta.ledger``): no identifier, no value."""

    file_id: int
    file: str
    feed: str | None
    format: str | None
    checksum: str
    size_bytes: int | None
    status: str  # landed | refused
    rows_read: int
    rows_landed: int
    rows_quarantined: int
    reason: str | None  # why a refused file was refused
    landed_at: datetime


@dataclass(frozen=True)
class QuarantineCount:
    """Quarantined rows of one file for one reason (no values)."""

    file: str
    feed: str | None
    reason: str
    rows: int


def ledger_entries(settings: Any) -> list[LedgerEntry]:
    """The landing ledger, one typed entry per file processed, in landing order."""
    if not Path(settings.vault_db).exists():
        return []
    names = ", ".join(f.name for f in fields(LedgerEntry))
    with vault_connection(settings, read_only=True) as con:
        rows = con.execute(f"SELECT {names} FROM meta.ledger ORDER BY file_id").fetchall()
    return [LedgerEntry(*row) for row in rows]


def ledger(settings: Any) -> list[dict]:
    """The landing ledger: one dict per file processed (the fields of :class:`LedgerEntry`)."""
    return [asdict(e) for e in ledger_entries(settings)]


def quarantine_counts(settings: Any) -> list[QuarantineCount]:
    """Quarantined rows counted per file and reason (no values)."""
    if not Path(settings.vault_db).exists():
        return []
    with vault_connection(settings, read_only=True) as con:
        rows = con.execute(
            "SELECT file, feed, reason, count(*) FROM meta.quarantine GROUP BY ALL ORDER BY ALL"
        ).fetchall()
    return [QuarantineCount(*row) for row in rows]


def quarantine_summary(settings: Any) -> list[dict]:
    """Quarantined rows counted per file and reason (the fields of :class:`QuarantineCount`)."""
    return [asdict(q) for q in quarantine_counts(settings)]
