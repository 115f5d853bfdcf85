"""The identifier rules: NIR keys (with Corsica and overseas), SIRET Luhn, IBAN, postal codes.

Every Python rule is checked against its DuckDB SQL twin on the same values.
"""

from __future__ import annotations

import duckdb
import pytest

from confiance import identifiers as ids

# The example NIR used in public documentation of the key: 2 55 08 14 168 025, key 38.
DOC_NIR = "255081416802538"


def test_documented_nir_key():
    assert ids.nir_key(DOC_NIR[:13]) == 38
    assert ids.nir_key_valid(DOC_NIR)


@pytest.mark.parametrize(
    "nir",
    [
        DOC_NIR[:-2] + "39",  # wrong key
        DOC_NIR[:-1],  # too short
        "355081416802538",  # sex 3 is outside the contract's pattern
        "2550814168025AB",
        "",
        None,
        12345,
    ],
)
def test_invalid_nirs(nir):
    assert not ids.nir_key_valid(nir)


def test_make_nir_round_trips_and_corsica():
    nir = ids.make_nir("F", 1955, 8, "14", 168, 25)
    assert nir == DOC_NIR
    a = ids.make_nir("M", 1980, 3, "2A", 4, 12)
    b = ids.make_nir("M", 1980, 3, "2B", 4, 12)
    assert a[5:7] == "2A" and b[5:7] == "2B"
    # 2A counts as 19 and 2B as 18 in the key.
    assert int(a[13:]) == 97 - int(a[:5] + "19" + a[7:13]) % 97
    assert int(b[13:]) == 97 - int(b[:5] + "18" + b[7:13]) % 97
    assert ids.nir_key_valid(a) and ids.nir_key_valid(b)
    assert ids.nir_departement(a) == "2A"


def test_make_nir_overseas_and_abroad():
    nir = ids.make_nir("F", 2001, 12, "974", 11, 3)
    assert nir[5:10] == "97411"
    assert ids.nir_departement(nir) == "974"
    assert ids.nir_key_valid(nir)
    abroad = ids.make_nir("M", 1970, 1, "99", 352, 7)
    assert ids.nir_key_valid(abroad) and ids.nir_departement(abroad) == "99"


def test_make_nir_rejects_nonsense():
    with pytest.raises(ValueError):
        ids.make_nir("X", 1980, 1, "75", 1, 1)
    with pytest.raises(ValueError):
        ids.make_nir("M", 1980, 13, "75", 1, 1)


def test_siret_luhn():
    siren = ids.make_siren(73282932)
    assert siren == "732829320"
    assert ids.siren_valid(siren)
    siret = ids.make_siret(siren, 7)
    assert siret == "73282932000074"
    assert ids.siret_luhn_valid(siret)
    assert not ids.siret_luhn_valid("73282932000075")
    assert not ids.siret_luhn_valid("7328293200007")
    assert not ids.siret_luhn_valid(None)
    # La Poste: digit sum multiple of 5 instead of Luhn.
    assert ids.siret_luhn_valid("35600000049837")
    assert not ids.siret_luhn_valid("35600000049838")
    with pytest.raises(ValueError):
        ids.make_siret("732829321", 1)


def test_iban():
    # The documented French example, with a letter in the account number.
    assert ids.iban_valid("FR14 2004 1010 0505 0001 3M02 606")
    assert ids.rib_key("20041", "01005", "0500013M026") == "06"
    assert not ids.iban_valid("FR15 2004 1010 0505 0001 3M02 606")
    assert ids.iban_valid("DE89370400440532013000")
    assert not ids.iban_valid("FR76")
    assert not ids.iban_valid(None)
    iban = ids.make_fr_iban(30004, 1234, 12345678901)
    assert len(iban) == 27 and iban.startswith("FR")
    assert ids.iban_valid(iban)
    assert ids.format_iban(iban).replace(" ", "") == iban


@pytest.mark.parametrize(
    "postal_code,departement",
    [
        ("75011", "75"),
        ("01000", "01"),
        ("20000", "2A"),
        ("20137", "2A"),
        ("20200", "2B"),
        ("20600", "2B"),
        ("97110", "971"),
        ("97600", "976"),
        ("97500", None),  # Saint-Pierre-et-Miquelon is not a département
        ("98000", None),  # Monaco
        ("00100", None),
        ("7501", None),
        (None, None),
    ],
)
def test_postal_code_departement(postal_code, departement):
    assert ids.postal_code_departement(postal_code) == departement


def test_departements():
    assert len(ids.DEPARTEMENTS) == 101
    assert "20" not in ids.DEPARTEMENTS and "2A" in ids.DEPARTEMENTS


def _sql(expr_for, values):
    con = duckdb.connect()
    con.execute("CREATE TABLE t (i INTEGER, v VARCHAR)")
    con.executemany("INSERT INTO t VALUES (?, ?)", list(enumerate(values)))
    return [r[0] for r in con.execute(f"SELECT {expr_for('v')} FROM t ORDER BY i").fetchall()]


def test_sql_twins_agree():
    nirs = [
        DOC_NIR,
        DOC_NIR[:-2] + "39",
        ids.make_nir("M", 1980, 3, "2A", 4, 12),
        ids.make_nir("F", 1981, 4, "2B", 5, 1),
        ids.make_nir("F", 2001, 12, "974", 11, 3),
        "2550814168025AB",
        "2552A14168025",
        "abc",
        "",
    ]
    assert _sql(ids.nir_key_valid_sql, nirs) == [ids.nir_key_valid(v) for v in nirs]
    # NULL stays NULL in SQL (a missing value is the required-field check's business).
    assert _sql(ids.nir_key_valid_sql, [None]) == [None]
    assert _sql(ids.siret_luhn_valid_sql, [None]) == [None]
    assert _sql(ids.postal_code_departement_sql, [None]) == [None]

    sirets = [
        "73282932000074",
        "73282932000075",
        "35600000049837",
        "35600000049838",
        "1234",
        "7328293200007X",
        ids.make_siret(ids.make_siren(12345678), 12),
    ]
    assert _sql(ids.siret_luhn_valid_sql, sirets) == [ids.siret_luhn_valid(v) for v in sirets]

    codes = [
        "75011",
        "01000",
        "20000",
        "20199",
        "20200",
        "97110",
        "97600",
        "97500",
        "98000",
        "00100",
        "96000",
        "7501",
        "abcde",
    ]
    assert _sql(ids.postal_code_departement_sql, codes) == [ids.postal_code_departement(v) for v in codes]
