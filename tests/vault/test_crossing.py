"""The crossing to the warehouse: HMAC in SQL, what crosses, unlinkability, dictionary attack, rotation."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from datetime import date
from pathlib import Path

import duckdb
import pytest

from confiance.contracts import DIRECT_IDENTIFIER, feed_contracts
from confiance.crossing_rules import CROSSING_STAMP
from confiance.identifiers import make_nir, nir_key
from confiance.settings import Settings
from tests.vault.vault_fixtures import make_feeds, write_feeds
from vault import keys
from vault.crossing import cross_to_warehouse, hmac_pads, hmac_sha256_sql, token_py, token_sql
from vault.db import vault_connection
from vault.landing import land_inbox


def test_hmac_in_sql_equals_python_hmac():
    con = duckdb.connect()
    for _ in range(5):
        key = secrets.token_bytes(32)
        ipad, opad = hmac_pads(key)
        msgs = ["", "a", "185057800608436", "2A05 7800 608 4 36", "é" * 100, "x" * 1000, "🙂 unicode"]
        got = con.execute(
            f"SELECT m, {hmac_sha256_sql('m')} FROM unnest($msgs) t(m)", {"msgs": msgs, "ipad": ipad, "opad": opad}
        ).fetchall()
        for m, h in got:
            assert h == hmac.new(key, m.encode(), hashlib.sha256).hexdigest()
        tok = con.execute(
            f"SELECT {token_sql('insurer', 3, 'member', '$v')}", {"v": "185057800608436", "ipad": ipad, "opad": opad}
        ).fetchone()[0]
        assert tok == token_py(key, "insurer", 3, "member", "185057800608436")
        assert tok.startswith("insurer.v3.")


@pytest.fixture(scope="module")
def crossed(tmp_path_factory):
    """One landed and crossed mutuelle shared by the read-only tests of this module."""
    tmp = tmp_path_factory.mktemp("crossed")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CONFIANCE_MASTER_KEY", secrets.token_bytes(32).hex())
        mp.setenv("CONFIANCE_ACTOR", "test-runner")
        s = Settings(home=tmp / "var", key_file=tmp / "k", extra={"as_of": "2025-06-15"})
        s.ensure_dirs()
        feeds = make_feeds(150, 2, seed=11)
        write_feeds(s.inbox, feeds)
        land_inbox(s)
        counts = cross_to_warehouse(s)
        yield s, feeds, counts, dict(os.environ)


def _wh(s: Settings) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(s.warehouse_db), read_only=True)


def test_warehouse_tables_match_the_interface(crossed):
    s, feeds, counts, _ = crossed
    assert counts == {"members": 150, "contracts": 150, "benefits": 300}
    w = _wh(s)
    cols = {t: [r[0] for r in w.execute(f"DESCRIBE pseudo.{t}").fetchall()] for t in counts}
    # besides the contract's columns, every row names the crossing that wrote it (a number, nothing personal)
    for t, names in cols.items():
        assert names[-1] == CROSSING_STAMP, t
        del names[-1]
    stamps = {t: w.execute(f"SELECT DISTINCT {CROSSING_STAMP} FROM pseudo.{t}").fetchall() for t in counts}
    assert len({v for rows in stamps.values() for v in rows}) == 1  # one crossing, one stamp on every row
    assert cols["members"] == [
        "member_token",
        "birth_year",
        "age_band",
        "sex",
        "departement",
        "consent_research",
        "consent_marketing",
        "employer_siret",
        "affiliation_month",
        "updated_at",
    ]
    assert cols["contracts"] == [
        "contract_token",
        "member_token",
        "contract_type",
        "product_code",
        "guarantee_level",
        "employer_siret",
        "employer_name",
        "start_date",
        "end_date",
        "monthly_premium",
        "updated_at",
    ]
    assert cols["benefits"] == [
        "benefit_token",
        "member_token",
        "contract_token",
        "care_month",
        "payment_month",
        "act_family",
        "act_code",
        "practitioner_type",
        "actual_cost",
        "ss_base",
        "ss_reimbursement",
        "complementary_reimbursement",
        "out_of_pocket",
        "comment",
        "updated_at",
    ]
    # joins work across feeds: every benefit finds its member and contract
    assert (
        w.execute(
            "SELECT count(*) FROM pseudo.benefits b JOIN pseudo.members USING (member_token) "
            "JOIN pseudo.contracts c USING (contract_token)"
        ).fetchone()[0]
        == 300
    )
    bad = w.execute("SELECT count(*) FROM pseudo.members WHERE member_token NOT LIKE 'insurer.v1.%'").fetchone()
    assert bad[0] == 0


def test_generalised_quasi_identifiers(crossed):
    s, feeds, _, _ = crossed
    key = keys.domain_key(s, "insurer", 1)
    w = _wh(s)
    for m in feeds["members"][:30]:
        tok = token_py(key, "insurer", 1, "member", m["nir"])
        birth_year, band, dep, cr = w.execute(
            "SELECT birth_year, age_band, departement, consent_research FROM pseudo.members WHERE member_token = ?",
            [tok],
        ).fetchone()
        b = date.fromisoformat(m["birth_date"])
        age = 2025 - b.year - ((6, 15) < (b.month, b.day))
        assert birth_year == b.year and band == f"{age // 5 * 5}-{age // 5 * 5 + 4}"
        expected_dep = {
            "75011": "75",
            "69003": "69",
            "13008": "13",
            "20000": "2A",
            "20200": "2B",
            "97110": "971",
            "97400": "974",
            "33000": "33",
            "59000": "59",
            "67000": "67",
        }[m["postal_code"]]
        assert dep == expected_dep
        assert cr is (m["consent_research"] == "true")
    assert (
        w.execute(
            "SELECT count(*) FROM pseudo.benefits WHERE day(care_month) <> 1 OR day(payment_month) <> 1"
        ).fetchone()[0]
        == 0
    )


def test_no_direct_identifier_value_crosses(crossed):
    s, feeds, _, _ = crossed
    direct = {f: [c.name for c in feed_contracts()[f].columns_by_classification(DIRECT_IDENTIFIER)] for f in feeds}
    values = {str(row[c]) for f, rows in feeds.items() for row in rows for c in direct[f] if row.get(c)}
    values |= {row["birth_date"] for row in feeds["members"]} | {
        row["care_date"] for row in feeds["benefits"] if not row["care_date"].endswith("-01")
    }  # not a month start
    w = _wh(s)
    cells: list[str] = []
    for (t,) in w.execute("SELECT table_schema || '.' || table_name FROM information_schema.tables").fetchall():
        for (col,) in w.execute(f"SELECT column_name FROM (DESCRIBE {t})").fetchall():
            cells += [
                str(v) for (v,) in w.execute(f'SELECT DISTINCT "{col}"::VARCHAR FROM {t}').fetchall() if v is not None
            ]
    blob = "\n".join(cells)
    leaked = sorted(v for v in values if v in blob)
    assert leaked == []
    # the scrubbed comments are there, with labels instead of names, phones and NIRs
    comments = [c for (c,) in w.execute("SELECT DISTINCT comment FROM pseudo.benefits").fetchall() if c]
    assert any("<" in c for c in comments)
    raw_bytes = s.warehouse_db.read_bytes()
    assert not [m["nir"] for m in feeds["members"] if m["nir"].encode() in raw_bytes]


def test_unlinkable_across_domains(crossed):
    s, feeds, _, env = crossed
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CONFIANCE_MASTER_KEY", env["CONFIANCE_MASTER_KEY"])
        research = Settings(
            home=s.home, key_file=s.key_file, warehouse_domain="research", extra={"as_of": "2025-06-15"}
        )
        research_wh = s.home / "research.duckdb"
        object.__setattr__(research, "extra", {"as_of": "2025-06-15"})
        # cross the same vault into a second domain's warehouse
        research_settings = _with_warehouse(research, research_wh)
        cross_to_warehouse(research_settings)
    a = {r[0] for r in _wh(s).execute("SELECT member_token FROM pseudo.members").fetchall()}
    r = {
        x[0]
        for x in duckdb.connect(str(research_wh), read_only=True)
        .execute("SELECT member_token FROM pseudo.members")
        .fetchall()
    }
    assert len(a) == len(r) == 150 and not (a & r)
    assert all(t.startswith("research.v1.") for t in r)
    strip = {t.split(".")[-1] for t in a}
    assert not strip & {t.split(".")[-1] for t in r}


def _with_warehouse(settings: Settings, path: Path) -> Settings:
    class _S(Settings):
        @property
        def warehouse_db(self) -> Path:  # type: ignore[override]
            return path

    return _S(
        home=settings.home, key_file=settings.key_file, warehouse_domain=settings.warehouse_domain, extra=settings.extra
    )


def test_dictionary_attack_over_a_commune_fails_without_the_key(crossed):
    """Enumerate every NIR of a member's commune, birth month and sex: without the key nothing matches."""
    s, feeds, _, _ = crossed
    m = feeds["members"][0]
    nir = m["nir"]
    target = (
        _wh(s)
        .execute(
            "SELECT member_token FROM pseudo.members WHERE member_token = ?",
            [token_py(keys.domain_key(s, "insurer", 1), "insurer", 1, "member", nir)],
        )
        .fetchone()[0]
    )
    prefix = nir[:10]  # sex, year, month, département, commune
    candidates = [f"{prefix}{order:03d}{nir_key(prefix + f'{order:03d}'):02d}" for order in range(1, 1000)]
    assert nir in candidates and len(candidates) == 999
    digest = target.split(".")[-1]
    guesses = [secrets.token_bytes(32), b"", b"insurer", hashlib.sha256(b"insurer").digest(), b"\0" * 32]
    for guess in guesses:
        assert not [c for c in candidates if token_py(guess, "insurer", 1, "member", c) == target]
        assert not [c for c in candidates if hashlib.sha256(f"member:{c}".encode()).hexdigest()[:32] == digest]
        assert not [c for c in candidates if hashlib.sha256(c.encode()).hexdigest()[:32] == digest]
    # the same enumeration with the key finds the member: the attack itself was sound
    key = keys.domain_key(s, "insurer", 1)
    assert [c for c in candidates if token_py(key, "insurer", 1, "member", c) == target] == [nir]
    assert make_nir  # the generator's NIRs are the ones enumerated


def test_rotation_retokenises_consistently(settings: Settings):
    from vault.rotation import rotate_domain_key

    feeds = make_feeds(80, 2, seed=5)
    write_feeds(settings.inbox, feeds)
    land_inbox(settings)
    cross_to_warehouse(settings)
    w = _wh(settings)
    before = dict(
        w.execute(
            "SELECT b.benefit_token, m.member_token FROM pseudo.benefits b JOIN pseudo.members m USING (member_token)"
        ).fetchall()
    )
    old_members = {t for (t,) in w.execute("SELECT member_token FROM pseudo.members").fetchall()}
    w.close()
    info = rotate_domain_key(settings, "insurer")
    assert (info["from_version"], info["to_version"]) == (1, 2)
    w = _wh(settings)
    after = dict(
        w.execute(
            "SELECT b.benefit_token, m.member_token FROM pseudo.benefits b JOIN pseudo.members m USING (member_token)"
        ).fetchall()
    )
    assert len(after) == len(before) == 160
    assert all(t.startswith("insurer.v2.") for t in list(after) + list(after.values()))
    new_members = {t for (t,) in w.execute("SELECT member_token FROM pseudo.members").fetchall()}
    assert not (old_members & new_members)
    w.close()
    with vault_connection(settings, read_only=True) as con:
        mapping = dict(con.execute("SELECT old_token, new_token FROM meta.token_rotation").fetchall())
        status = dict(con.execute("SELECT version, status FROM meta.domain_keys").fetchall())
    assert status == {1: "retired", 2: "active"}
    # old -> new mapping (inside the vault) maps every old pair to the new pair: joins are preserved
    assert {mapping[b]: mapping[m] for b, m in before.items()} == after
    # the mapping never left the vault: not even the old tokens remain in the warehouse file (compacted)
    blob = settings.warehouse_db.read_bytes()
    assert not [o for o in list(mapping)[:50] if o.encode() in blob]
    from vault.audit import entries

    assert "key.domain.rotated" in [e["action"] for e in entries(settings)]


def test_any_members_name_in_any_comment_is_scrubbed(tmp_path, monkeypatch):
    """The member-register gazetteer: a comment naming another member (in lower case, a surname no lexicon
    knows) does not cross with that name; the names are not logged."""
    monkeypatch.setenv("CONFIANCE_MASTER_KEY", secrets.token_bytes(32).hex())
    monkeypatch.setenv("CONFIANCE_ACTOR", "test-runner")
    s = Settings(home=tmp_path / "var", key_file=tmp_path / "k", extra={"as_of": "2025-06-15"})
    s.ensure_dirs()
    feeds = make_feeds(30, 1, seed=5)
    other = feeds["members"][0]
    other["last_name"] = "Kerzhaoulec"
    benefit = next(b for b in feeds["benefits"] if b["member_id"] != other["member_id"])
    benefit["comment"] = "dossier transmis par kerzhaoulec hier, rien d'autre"
    write_feeds(s.inbox, feeds)
    land_inbox(s)
    import logging

    records: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: records.append(record.getMessage())
    logging.getLogger("vault.crossing").addHandler(handler)
    logging.getLogger("vault.crossing").setLevel(logging.INFO)
    try:
        cross_to_warehouse(s)
    finally:
        logging.getLogger("vault.crossing").removeHandler(handler)
    comments = [c for (c,) in _wh(s).execute("SELECT DISTINCT comment FROM pseudo.benefits").fetchall() if c]
    assert "dossier transmis par <PERSON> hier, rien d'autre" in comments
    assert not [c for c in comments if "kerzhaoulec" in c.lower()]
    assert any("gazetteer" in r for r in records)
    assert not [r for r in records if "Kerzhaoulec" in r or other["first_name"] in r]
