"""Shared by the DPO tests (requests, erasure, purge): a small generated mutuelle landed and crossed once per module,
copied for each test, with the generator's files as ground truth and a whole-directory search."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from confiance.settings import Settings
from vault import keys
from vault.crossing import token_py

KEY = "6d" * 32
MEMBERS = 250


_BUILT: dict[str, Settings] = {}


def shared_home(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """One small mutuelle per test process, shared by the DPO test modules (each test copies it)."""
    if "home" not in _BUILT:
        _BUILT["home"] = build_home(tmp_path_factory.mktemp("dpo-home"))
    return _BUILT["home"]


def build_home(base: Path) -> Settings:
    """Generate, land and cross a small mutuelle (as_of 2026-01-01, a few defective rows) under ``base``."""
    from confiance.synthetic import generate_files
    from vault.crossing import cross_to_warehouse
    from vault.landing import land_inbox

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CONFIANCE_MASTER_KEY", KEY)
        mp.setenv("CONFIANCE_ACTOR", "tiers-de-confiance")
        settings = Settings(home=base / "var", key_file=base / "absent.key")
        settings.ensure_dirs()
        generate_files(
            settings.inbox, members=MEMBERS, seed=11, as_of="2026-01-01", benefits_per_member=4, defect_rate=0.01
        )
        land_inbox(settings)
        cross_to_warehouse(settings)
    return settings


def copy_home(settings: Settings, dest: Path) -> Settings:
    shutil.copytree(settings.home, dest / "var", symlinks=True)
    return Settings(home=dest / "var", key_file=settings.key_file)


def inbox_rows(settings: Settings, feed: str) -> list[dict[str, str]]:
    """The generator's rows of a feed (ground truth), read from the inbox file."""
    path = next(settings.inbox.glob(f"{feed}_*.csv"))
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=";"))


def files_holding(home: Path, needles: list[str]) -> dict[str, list[str]]:
    """needle -> files under ``home`` whose bytes hold it."""
    found: dict[str, list[str]] = {}
    encoded = [(n, n.encode("utf-8")) for n in needles if n]
    for path in sorted(p for p in home.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for text, raw in encoded:
            if raw in data:
                found.setdefault(text, []).append(str(path.relative_to(home)))
    return found


def decrypted_vault_text(settings: Settings) -> str:
    """Every value of every table of the vault, decrypted, as one text."""
    from vault.db import vault_connection

    parts = []
    with vault_connection(settings, read_only=True) as con:
        tables = con.execute(
            "SELECT table_schema, table_name FROM information_schema.tables WHERE table_catalog = 'vault'"
        ).fetchall()
        for schema, table in tables:
            for row in con.execute(f'SELECT * FROM "{schema}"."{table}"').fetchall():
                parts.append("|".join("" if v is None else str(v) for v in row))
    return "\n".join(parts)


def warehouse_text(settings: Settings) -> str:
    import duckdb

    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    try:
        parts = []
        for schema, table in con.execute(
            "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
        ).fetchall():
            for row in con.execute(f'SELECT * FROM "{schema}"."{table}"').fetchall():
                parts.append("|".join("" if v is None else str(v) for v in row))
        return "\n".join(parts)
    finally:
        con.close()


def pick_member(settings) -> dict[str, str]:
    """A member with benefits whose last name is written nowhere in the inbox but in their own lines."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in settings.inbox.glob("*.csv"))
    benefits = inbox_rows(settings, "benefits")
    for m in inbox_rows(settings, "members"):
        mine = [b for b in benefits if b["member_id"] == m["member_id"]]
        if len(m["nir"]) != 15 or len(mine) < 2 or not m["email"] or not m["phone"]:
            continue
        own = sum(line.count(m["last_name"]) for line in text.splitlines() if m["member_id"] in line)
        if own and text.count(m["last_name"]) == own and len(m["last_name"]) >= 5:
            return m
    raise AssertionError("no suitable member in the generated data")


def erasure_needles(settings, member: dict[str, str]) -> list[str]:
    contracts = [c["contract_id"] for c in inbox_rows(settings, "contracts") if c["member_id"] == member["member_id"]]
    benefits = [b["benefit_id"] for b in inbox_rows(settings, "benefits") if b["member_id"] == member["member_id"]]
    values = [member[k] for k in ("nir", "email", "phone", "iban", "member_id")] + contracts + benefits
    values.append(f"{member['first_name']} {member['last_name']}")
    for version in (1, 2):  # every token they ever had, in both key versions of the warehouse domain
        key = keys.domain_key(settings, "insurer", version)
        values.append(token_py(key, "insurer", version, "member", member["nir"]))
        values += [token_py(key, "insurer", version, "contract", c) for c in contracts]
        values += [token_py(key, "insurer", version, "benefit", b) for b in benefits]
    return [v for v in values if v]
