"""The synthetic mutuelle: valid identifiers, determinism, sizes, coherent amounts, dates and contracts."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from confiance import identifiers as ids
from confiance.contracts import feed_contract
from confiance.synthetic import FEEDS, generate, generate_files, generate_with_counts
from confiance.synthetic import reference as ref

AS_OF = dt.date(2025, 3, 31)
MEMBERS = 3000


def _read(path: Path, con: duckdb.DuckDBPyConnection | None = None) -> duckdb.DuckDBPyRelation:
    return (con or duckdb.default_connection()).read_csv(str(path), sep=";", header=True, all_varchar=True)


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> dict[str, Path]:
    return generate(tmp_path_factory.mktemp("clean"), MEMBERS, seed=7, as_of=AS_OF)


@pytest.fixture(scope="module")
def db(clean) -> duckdb.DuckDBPyConnection:
    """The clean files as typed DuckDB tables."""
    con = duckdb.connect()
    for feed, path in clean.items():
        con.execute(
            f"CREATE TABLE {feed} AS SELECT * FROM read_csv('{path}', delim=';', header=true, all_varchar=true)"
        )
    con.execute("""
        CREATE TABLE b AS SELECT *, care_date::DATE AS care, payment_date::DATE AS paid,
            actual_cost::DECIMAL(12,2) AS actual, ss_base::DECIMAL(12,2) AS base,
            ss_reimbursement::DECIMAL(12,2) AS ss, complementary_reimbursement::DECIMAL(12,2) AS comp,
            out_of_pocket::DECIMAL(12,2) AS oop
        FROM benefits""")
    con.execute("""
        CREATE TABLE c AS SELECT *, start_date::DATE AS start, end_date::DATE AS "end" FROM contracts""")
    return con


def _one(con, sql):
    return con.execute(sql).fetchone()[0]


# --- files and columns ----------------------------------------------------------------------


def test_files_named_by_as_of_with_contract_columns(clean):
    for feed in FEEDS:
        path = clean[feed]
        assert path.name == f"{feed}_20250331.csv"
        header = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert header.split(";") == [c.name for c in feed_contract(feed).columns]
    assert not list(clean["members"].parent.glob(".tmp-*"))


def test_sizes(db):
    assert _one(db, "SELECT count(*) FROM members") == MEMBERS
    assert _one(db, "SELECT count(DISTINCT member_id) FROM contracts") == MEMBERS
    benefits = _one(db, "SELECT count(*) FROM benefits")
    # about 10 lines per member and year, a little less for members who joined or left in the year
    assert 0.8 * MEMBERS * 10 < benefits < 1.1 * MEMBERS * 10


def test_benefits_per_member_scales_the_benefit_feed(tmp_path):
    _, counts = generate_with_counts(tmp_path, 1000, seed=1, as_of=AS_OF, benefits_per_member=3)
    assert counts["members"] == 1000
    assert 0.8 * 3000 < counts["benefits"] < 1.1 * 3000


def test_keys_are_unique(db):
    for table, key in (
        ("members", "member_id"),
        ("members", "nir"),
        ("contracts", "contract_id"),
        ("benefits", "benefit_id"),
    ):
        assert _one(db, f"SELECT count(*) - count(DISTINCT {key}) FROM {table}") == 0
    dup = _one(
        db,
        """SELECT count(*) FROM (SELECT member_id, act_code, care_date, actual_cost FROM benefits
                      GROUP BY ALL HAVING count(*) > 1)""",
    )
    assert dup == 0


def test_patterns_from_the_contracts(db):
    for feed in FEEDS:
        for col in feed_contract(feed).columns:
            pattern = col.options.get("pattern")
            if pattern:
                bad = _one(db, f"SELECT count(*) FROM {feed} WHERE {col.name} IS NOT NULL "
                               f"AND NOT regexp_full_match({col.name}, '{pattern.strip('^$')}')")  # fmt: skip
                assert bad == 0, (feed, col.name)
            enum = col.options.get("enum")
            if enum:
                allowed = ", ".join(f"'{v}'" for v in enum)
                assert _one(db, f"SELECT count(*) FROM {feed} WHERE {col.name} NOT IN ({allowed})") == 0
            if col.required:
                assert _one(db, f"SELECT count(*) FROM {feed} WHERE {col.name} IS NULL") == 0, (feed, col.name)


# --- identifiers -----------------------------------------------------------------------------


def test_nir_keys_valid_and_consistent(db):
    assert _one(db, f"SELECT count(*) FROM members WHERE NOT {ids.nir_key_valid_sql('nir')}") == 0
    rows = db.execute("SELECT nir, sex, birth_date FROM members").fetchall()
    for nir, sex, birth in rows:
        assert nir[0] == ("1" if sex == "M" else "2")
        assert nir[1:3] == birth[2:4] and nir[3:5] == birth[5:7]
    deps = {ids.nir_departement(nir) for nir, _, _ in rows}
    assert {"2A", "2B", "20", "99"} <= deps  # Corsica since and before 1976, born abroad
    assert deps & set(ids.OVERSEAS_DEPARTEMENTS)
    corsica = [nir for nir, _, _ in rows if nir[5:7] in ("2A", "2B")]
    assert all(int(nir[1:3]) >= 76 or int(nir[1:3]) <= 25 for nir in corsica)


def test_sirets_and_ibans_valid(db):
    sirets = [r[0] for r in db.execute(
        "SELECT employer_siret FROM members WHERE employer_siret IS NOT NULL "
        "UNION ALL SELECT employer_siret FROM contracts WHERE employer_siret IS NOT NULL").fetchall()]  # fmt: skip
    assert sirets and all(ids.siret_luhn_valid(s) for s in sirets)
    ibans = [r[0] for r in db.execute("SELECT iban FROM members").fetchall()]
    assert all(ids.iban_valid(i) and i.startswith("FR") and len(i) == 27 for i in ibans)


def test_addresses_consistent(db):
    known = {(cp, name) for cp, name, _ in ref.COMMUNES}
    rows = db.execute("SELECT postal_code, commune FROM members").fetchall()
    assert all((cp, name) in known for cp, name in rows)
    deps = {ids.postal_code_departement(cp) for cp, _ in rows}
    assert None not in deps
    assert len(deps) > 60 and {"2A", "2B"} & deps and deps & set(ids.OVERSEAS_DEPARTEMENTS)


def test_contacts_and_consents(db):
    share = db.execute("""SELECT avg((email IS NOT NULL)::INT), avg((phone IS NOT NULL)::INT),
                                 avg(consent_research::BOOLEAN::INT), avg(consent_marketing::BOOLEAN::INT)
                          FROM members""").fetchone()  # fmt: skip
    email, phone, research, marketing = share
    assert 0.7 < email < 0.9 and 0.7 < phone < 0.95
    assert 0.75 < research < 0.85 and 0.35 < marketing < 0.45
    assert (
        _one(
            db, "SELECT count(*) FROM members WHERE phone IS NOT NULL AND NOT regexp_full_match(phone, '0[67][0-9]{8}')"
        )
        == 0
    )
    assert _one(db, "SELECT count(*) FROM members WHERE email IS NOT NULL AND NOT contains(email, '@')") == 0


# --- contracts ---------------------------------------------------------------------------------


def test_contracts_coherent(db):
    # never two contracts of a member at once (so never two active individual ones)
    overlap = _one(
        db,
        """SELECT count(*) FROM c x JOIN c y ON x.member_id = y.member_id AND x.contract_id < y.contract_id
                          AND x.start <= coalesce(y."end", DATE '9999-12-31')
                          AND y.start <= coalesce(x."end", DATE '9999-12-31')""",
    )
    assert overlap == 0
    assert _one(db, "SELECT count(*) FROM c WHERE \"end\" < start OR start > DATE '2025-03-31'") == 0
    assert _one(db, "SELECT count(*) FROM c WHERE (contract_type = 'collective') <> (employer_siret IS NOT NULL)") == 0
    assert (
        _one(db, "SELECT count(*) FROM c WHERE contract_type = 'collective' AND product_code NOT LIKE 'COLLECTIF%'")
        == 0
    )
    collective = _one(db, """SELECT avg((contract_type = 'collective')::INT) FROM c WHERE "end" IS NULL""")
    assert 0.35 < collective < 0.55
    with_prior = _one(db, 'SELECT count(DISTINCT member_id) FROM c WHERE "end" IS NOT NULL')
    assert 0.15 * MEMBERS < with_prior < 0.4 * MEMBERS
    # the member's affiliation date is the start of their first contract
    assert (
        _one(
            db,
            """SELECT count(*) FROM members m JOIN (SELECT member_id, min(start) s FROM c GROUP BY 1) f
                       USING (member_id) WHERE m.affiliation_date::DATE <> f.s""",
        )
        == 0
    )
    # members.employer_siret: the employer of the running collective contract
    assert (
        _one(
            db,
            """SELECT count(*) FROM members m LEFT JOIN c ON c.member_id = m.member_id AND c."end" IS NULL
                       AND c.contract_type = 'collective'
                       WHERE m.employer_siret IS DISTINCT FROM c.employer_siret""",
        )
        == 0
    )


def test_premiums_rise_with_age_and_level(db):
    rows = db.execute("""SELECT guarantee_level::INT l, avg(monthly_premium::DOUBLE) FROM c
                         WHERE contract_type = 'individual' GROUP BY 1 ORDER BY 1""").fetchall()
    premiums = [p for _, p in rows]
    assert premiums == sorted(premiums)
    young, old = (
        db.execute("""SELECT avg(monthly_premium::DOUBLE) FILTER (WHERE m.birth_date::DATE > DATE '1990-01-01'),
                                      avg(monthly_premium::DOUBLE) FILTER (WHERE m.birth_date::DATE < DATE '1950-01-01')
                               FROM c JOIN members m USING (member_id)
                               WHERE contract_type = 'individual' AND c."end" IS NULL""").fetchone()
    )
    assert old > 1.5 * young


def test_employer_sizes_heavy_tailed(tmp_path):
    paths = generate(tmp_path, 20_000, seed=3, as_of=AS_OF, benefits_per_member=0.5)
    members = _read(paths["members"]).filter("employer_siret IS NOT NULL")
    sizes = [r[0] for r in members.aggregate("count(*)", "employer_siret").fetchall()]
    assert sum(s >= 500 for s in sizes) >= 2
    assert sum(s < 11 for s in sizes) >= 5


# --- benefits --------------------------------------------------------------------------------


def test_amounts_add_up_to_the_cent(db):
    assert _one(db, "SELECT count(*) FROM b WHERE ss + comp + oop <> actual") == 0
    assert _one(db, "SELECT count(*) FROM b WHERE least(actual, base, ss, comp, oop) < 0 OR actual < base") == 0
    rates = {a.code: a.rate for a in ref.ACTS}
    for code, base, ss in db.execute("SELECT act_code, base, ss FROM b").fetchall():
        assert ss == (base * rates[code] / 100).quantize(Decimal("0.01"), ROUND_HALF_UP), code
    families = {a.code: (a.family, a.practitioner) for a in ref.ACTS}
    for code, family, practitioner in db.execute(
        "SELECT DISTINCT act_code, act_family, practitioner_type FROM b"
    ).fetchall():
        assert families[code] == (family, practitioner)
    # 100 % Santé leaves nothing to pay; free-price optics usually does
    assert _one(db, "SELECT max(oop) FROM b WHERE act_code IN ('OPT-MON-A', 'OPT-VER-A', 'DEN-COU-A', 'AUD-A')") == 0
    assert _one(db, "SELECT avg(oop) FROM b WHERE act_code = 'OPT-VER-B'") > 10


def test_dates_of_care_and_payment(db):
    assert _one(db, "SELECT count(*) FROM b WHERE care > paid OR paid > DATE '2025-03-31'") == 0
    assert _one(db, "SELECT count(*) FROM b WHERE care < DATE '2025-03-31' - INTERVAL 365 DAY") == 0
    assert _one(db, "SELECT max(paid) FROM b") == AS_OF  # a daily freshness check at the as-of date passes
    for feed in FEEDS:
        latest = _one(db, f"SELECT max(updated_at::TIMESTAMP) FROM {feed}")
        assert dt.datetime(2025, 3, 30) <= latest < dt.datetime(2025, 3, 31), feed


def test_benefits_within_their_contract(db):
    outside = _one(
        db,
        """SELECT count(*) FROM b LEFT JOIN c ON b.contract_id = c.contract_id AND b.member_id = c.member_id
                          WHERE c.contract_id IS NULL OR b.care < c.start
                             OR b.care > coalesce(c."end", DATE '9999-12-31')""",
    )
    assert outside == 0
    assert _one(db, "SELECT count(*) FROM b JOIN members m USING (member_id) WHERE b.care < m.birth_date::DATE") == 0


def test_age_and_sex_drive_consumption(db):
    per = dict(
        db.execute("""
        WITH m AS (SELECT member_id, sex, date_diff('year', birth_date::DATE, DATE '2025-03-31') age FROM members),
             g AS (SELECT member_id, CASE WHEN age >= 75 THEN 'old'
                                     WHEN age BETWEEN 20 AND 39 AND sex = 'M' THEN 'young_m'
                                     WHEN age BETWEEN 20 AND 39 THEN 'young_f' END grp FROM m)
        SELECT grp, (SELECT count(*) FROM b WHERE b.member_id IN (SELECT member_id FROM g g2 WHERE g2.grp = g.grp))
                    / count(*) FROM g WHERE grp IS NOT NULL GROUP BY grp""").fetchall()
    )
    assert per["old"] > 2 * per["young_m"] and per["young_f"] > 1.3 * per["young_m"]
    old_pharmacy, young_pharmacy = db.execute("""
        SELECT avg((act_family = 'pharmacy')::INT) FILTER (WHERE m.birth_date::DATE < DATE '1950-01-01'),
               avg((act_family = 'pharmacy')::INT) FILTER (WHERE m.birth_date::DATE > DATE '2010-01-01')
        FROM b JOIN members m USING (member_id)""").fetchone()
    assert old_pharmacy > young_pharmacy


def test_comments_some_with_personal_data(db):
    share = _one(db, "SELECT avg((comment IS NOT NULL)::INT) FROM benefits")
    assert 0.03 < share < 0.07
    rows = db.execute("""SELECT b.comment, m.last_name FROM benefits b JOIN members m USING (member_id)
                         WHERE b.comment IS NOT NULL""").fetchall()
    phone = re.compile(r"0[1-9]( \d\d){4}")
    nir = re.compile(r"[12] ?\d\d ?\d\d ?(\d\d|2A|2B) ?\d{3} ?\d{3} ?\d\d")
    with_name = sum(last in text for text, last in rows)
    with_phone = sum(bool(phone.search(text)) for text, _ in rows)
    with_nir = sum(bool(nir.search(text)) for text, _ in rows)
    with_iban = sum("FR" in text and "IBAN" in text or "RIB" in text for text, _ in rows)
    with_email = sum("@" in text for text, _ in rows)
    assert with_name > 0.15 * len(rows)
    assert min(with_phone, with_nir, with_iban, with_email) > 0
    assert any("Dr " in text for text, _ in rows)


# --- determinism, formats, defects, command ---------------------------------------------------


def test_deterministic(tmp_path):
    a = generate(tmp_path / "a", 800, seed=11, as_of=AS_OF, defect_rate=0.02)
    b = generate(tmp_path / "b", 800, seed=11, as_of=AS_OF, defect_rate=0.02)
    c = generate(tmp_path / "c", 800, seed=12, as_of=AS_OF, defect_rate=0.02)
    for feed in FEEDS:
        assert a[feed].read_bytes() == b[feed].read_bytes(), feed
        assert a[feed].read_bytes() != c[feed].read_bytes(), feed


def test_spans_several_chunks(tmp_path, monkeypatch):
    from confiance.synthetic import constants

    monkeypatch.setattr(constants, "CHUNK_MEMBERS", 300)
    paths = generate(tmp_path, 1000, seed=5, as_of=AS_OF)
    con = duckdb.connect()
    members = _read(paths["members"], con)
    assert members.count("*").fetchone()[0] == 1000
    assert members.aggregate("count(DISTINCT nir)").fetchone()[0] == 1000
    benefits = _read(paths["benefits"], con)
    assert benefits.aggregate("count(DISTINCT benefit_id) = count(*)").fetchone()[0]


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_other_formats(tmp_path, fmt):
    csv_paths, csv_counts = generate_with_counts(tmp_path / "csv", 400, seed=2, as_of=AS_OF)
    paths, counts = generate_with_counts(tmp_path / fmt, 400, seed=2, as_of=AS_OF, fmt=fmt)
    assert counts == csv_counts
    con = duckdb.connect()
    for feed in FEEDS:
        assert paths[feed].name == f"{feed}_20250331.{fmt}"
        reader = "read_parquet" if fmt == "parquet" else "read_json"
        rel = con.sql(f"SELECT * FROM {reader}('{paths[feed]}')")
        assert rel.columns == [c.name for c in feed_contract(feed).columns]
        assert rel.count("*").fetchone()[0] == counts[feed]
    # the same data as the CSV
    same = con.sql(f"""SELECT count(*) FROM read_parquet('{paths['benefits']}') p
                       JOIN read_csv('{csv_paths['benefits']}', delim=';') c USING (benefit_id)
                       WHERE p.out_of_pocket = c.out_of_pocket AND p.care_date = c.care_date""").fetchone()[0] \
        if fmt == "parquet" else counts["benefits"]  # fmt: skip
    assert same == counts["benefits"]


def test_defect_rate_gives_quarantinable_rows(tmp_path):
    rate = 0.05
    paths = generate(tmp_path, 1500, seed=9, as_of=AS_OF, defect_rate=rate)
    con = duckdb.connect()
    for feed, path in paths.items():
        con.execute(
            f"CREATE TABLE {feed} AS SELECT * FROM read_csv('{path}', delim=';', header=true, all_varchar=true)"
        )

    def bad_rows(feed: str) -> tuple[int, int]:
        cols = feed_contract(feed).columns
        checks = []
        for col in cols:
            if col.required:
                checks.append(f"{col.name} IS NULL")
            if col.physical_type == "DATE":
                checks.append(f"({col.name} IS NOT NULL AND TRY_CAST({col.name} AS DATE) IS NULL)")
            if col.physical_type.startswith("DECIMAL"):
                checks.append(f"TRY_CAST({col.name} AS DOUBLE) < 0")
            if col.options.get("enum"):
                checks.append(f"{col.name} NOT IN ({', '.join(repr(v) for v in col.options['enum'])})")
        if feed == "members":
            checks.append(f"NOT {ids.nir_key_valid_sql('nir')}")
        where = " OR ".join(checks)
        return _one(con, f"SELECT count(*) FROM {feed} WHERE {where}"), _one(con, f"SELECT count(*) FROM {feed}")

    for feed in FEEDS:
        bad, total = bad_rows(feed)
        assert 0.5 * rate * total < bad < 1.6 * rate * total, (feed, bad, total)
    # each kind of defect is there
    assert _one(con, f"SELECT count(*) FROM members WHERE nir IS NOT NULL AND NOT {ids.nir_key_valid_sql('nir')}") > 0
    assert (
        _one(con, "SELECT count(*) FROM members WHERE TRY_CAST(birth_date AS DATE) IS NULL AND birth_date IS NOT NULL")
        > 0
    )
    assert _one(con, "SELECT count(*) FROM benefits WHERE TRY_CAST(actual_cost AS DOUBLE) < 0") > 0
    assert _one(con, "SELECT count(*) FROM benefits WHERE act_family NOT IN ('consultation', 'pharmacy', 'optics', "
                     "'dental', 'hospital', 'audiology', 'paramedical', 'laboratory', 'radiology')") > 0  # fmt: skip
    # never a duplicated benefit line
    assert _one(con, "SELECT count(*) - count(DISTINCT benefit_id) FROM benefits") == 0


def test_defects_in_typed_parquet(tmp_path):
    paths = generate(tmp_path, 1500, seed=9, as_of=AS_OF, defect_rate=0.05, fmt="parquet")
    con = duckdb.connect()
    members = f"read_parquet('{paths['members']}')"
    benefits = f"read_parquet('{paths['benefits']}')"
    assert _one(con, f"SELECT count(*) FROM {members} WHERE NOT {ids.nir_key_valid_sql('nir')}") > 0
    assert _one(con, f"SELECT count(*) FROM {benefits} WHERE actual_cost < 0") > 0
    assert _one(con, f"SELECT count(*) FROM {benefits} WHERE act_code IS NULL OR care_date IS NULL") > 0


def test_clean_files_have_no_defects(db):
    assert _one(db, "SELECT count(*) FROM benefits WHERE TRY_CAST(care_date AS DATE) IS NULL") == 0
    assert _one(db, "SELECT count(*) FROM members WHERE TRY_CAST(birth_date AS DATE) IS NULL") == 0


def test_command(tmp_path):
    from confiance.cli import main

    runner = CliRunner()
    result = runner.invoke(main, ["generate", "--help"])
    assert result.exit_code == 0
    for option in ("--members", "--seed", "--as-of", "--benefits-per-member", "--defect-rate", "--format", "--inbox"):
        assert option in result.output
    result = runner.invoke(main, ["generate", "--members", "200", "--seed", "4", "--as-of", "2025-03-31",
                                  "--inbox", str(tmp_path)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "members" in result.output and "200 rows" in result.output
    nirs = [r[0] for r in _read(tmp_path / "members_20250331.csv").select("nir").fetchall()]
    assert not any(n in result.output for n in nirs)
    assert "A000000001" not in result.output
    # the same files as the Python API
    assert (
        generate_files(tmp_path / "api", 200, seed=4, as_of="2025-03-31")["members"].read_bytes()
        == (tmp_path / "members_20250331.csv").read_bytes()
    )


def test_command_defaults_to_the_inbox(tmp_path, monkeypatch):
    from confiance.cli import main

    monkeypatch.setenv("CONFIANCE_HOME", str(tmp_path / "home"))
    result = CliRunner().invoke(main, ["generate", "-n", "50", "--as-of", "2025-03-31", "--format", "parquet"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "home" / "inbox" / "members_20250331.parquet").exists()


def test_rejects_bad_arguments(tmp_path):
    with pytest.raises(ValueError):
        generate(tmp_path, 0)
    with pytest.raises(ValueError):
        generate(tmp_path, 10, fmt="xlsx")
    with pytest.raises(ValueError):
        generate(tmp_path, 10, defect_rate=2)


# Files generated by confiance/generator.py before it was split into confiance/synthetic/ (issue 11): the
# split changed no byte. A deliberate change to the generated data updates these hashes in the same commit.
_HASHES_BEFORE_THE_SPLIT = {
    "csv": {
        "members": "d7fcd85e7254395336c9988c9243837e5e199b1cf9988b1569ef0303ccea0dbf",
        "contracts": "d7e4b540a91ad11e37fa87b1b53c265b7b03bc53220fbb7c9badc3c15bcd008b",
        "benefits": "af45d33530bbc05c029fb9535dfea0f15ae99ed4c67f071042073b6cc6a21042",
    },
    "parquet": {
        "members": "c3ade8d20cae7661b6438ed99d31f84a036594b32af9ee56750602ed2b0295cb",
        "contracts": "704148f458ed1cc59d340bf91fb3c47733589f3fbffadd39646e087c54c49446",
        "benefits": "4ba1aa53d9b0d81a708cb5933256a9255ac96773b332d67fedfcc2fac054faaf",
    },
    "jsonl": {
        "members": "f6ffc542d5ac84241ae295b79c40441e356f9d3b6b11d0fee943fb61f7f8aa9f",
        "contracts": "d45d7aaef7b2f63ac16dd98e50c111fba5d94445b296a74c167a0716a09850bb",
        "benefits": "76676671c52bbf130f4bee0e1a8e9176b04956057b6daeb9bd9fdadcbd46f578",
    },
}
_HASHES_BEFORE_THE_SPLIT_CHUNKED = {
    "members": "aa4d4144044773f709412bcd331cf488d5cd0631d77e67eecf47c8280773bd7f",
    "contracts": "1d500fdae2927a5d0c822e238bf200666e920f8333082ca7ac4d66178c5de9f9",
    "benefits": "2d88bc90d730fd16e6b4daebb3a45d81bf6c515bf13b352dff99647355cc4106",
}


def _sha256(paths: dict[str, Path]) -> dict[str, str]:
    return {feed: hashlib.sha256(path.read_bytes()).hexdigest() for feed, path in paths.items()}


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_same_bytes_as_before_the_split(tmp_path, fmt):
    paths = generate_files(tmp_path, 257, seed=11, as_of="2025-12-31", defect_rate=0.1, fmt=fmt)
    assert _sha256(paths) == _HASHES_BEFORE_THE_SPLIT[fmt]


def test_same_bytes_as_before_the_split_across_chunks(tmp_path, monkeypatch):
    from confiance.synthetic import constants

    monkeypatch.setattr(constants, "CHUNK_MEMBERS", 300)
    paths = generate_files(tmp_path, 1000, seed=5, as_of="2025-03-31", defect_rate=0.05)
    assert _sha256(paths) == _HASHES_BEFORE_THE_SPLIT_CHUNKED
