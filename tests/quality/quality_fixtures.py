"""Small, valid raw feeds and pseudonymised tables built directly in DuckDB.

Each test starts from data that respects every contract rule, breaks one rule
on purpose and checks that exactly that check fails.
"""

from __future__ import annotations

import datetime as dt
import os

import duckdb

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")

from confiance import identifiers  # noqa: E402

AS_OF = dt.date(2025, 6, 30)
DOMAIN = "insurer"
N_MEMBERS = 60

LAST_NAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau"]
FIRST_NAMES = ["Camille", "Louise", "Gabriel", "Jade", "Raphael", "Emma", "Arthur", "Alice", "Hugo", "Chloe"]
POSTAL_CODES = ["75011", "69003", "13008", "20090", "20200", "97100", "33000", "59000", "44000", "31000"]


def _siret(i: int) -> str:
    return identifiers.make_siret(identifiers.make_siren(10_000_000 + i), 10 + i)


def build_rows(n: int = N_MEMBERS) -> dict[str, list[dict]]:
    members, contracts, benefits = [], [], []
    for i in range(n):
        sex = "F" if i % 2 else "M"
        year = 1950 + i % 50
        nir = identifiers.make_nir(sex, year, 1 + i % 12, ["75", "2A", "69", "971"][i % 4], 1 + i % 90, 1 + i)
        members.append(
            {
                "member_id": f"A{i + 1:09d}",
                "nir": nir,
                "last_name": f"{LAST_NAMES[i % 10]}{'x' * (i // 10)}",
                "first_name": FIRST_NAMES[i % 10],
                "birth_date": dt.date(year, 1 + i % 12, 1 + i % 28),
                "sex": sex,
                "street_address": f"{i + 1} rue de la Paix",
                "postal_code": POSTAL_CODES[i % 10],
                "commune": "Commune",
                "email": f"person{i}@example.fr",
                "phone": f"06{i:08d}",
                "iban": identifiers.make_fr_iban(30004, 1000 + i, 12345678900 + i),
                "consent_research": i % 3 == 0,
                "consent_marketing": i % 5 == 0,
                "employer_siret": _siret(i % 4) if i % 2 == 0 else None,
                "affiliation_date": dt.date(2015, 1 + i % 12, 1),
                "updated_at": dt.datetime(2025, 6, 29, 10, 0, 0),
            }
        )
        collective = i % 2 == 0
        contracts.append(
            {
                "contract_id": f"C{i + 1:010d}",
                "member_id": f"A{i + 1:09d}",
                "contract_type": "collective" if collective else "individual",
                "product_code": "COLLECTIF_BASE" if collective else "SANTE_CONFORT",
                "guarantee_level": 1 + i % 4,
                "employer_siret": _siret(i % 4) if collective else None,
                "employer_name": "Transports du Vexin SAS" if collective else None,
                "start_date": dt.date(2020, 1, 1),
                "end_date": None,
                "monthly_premium": 45.5,
                "updated_at": dt.datetime(2025, 6, 29, 11, 0, 0),
            }
        )
        for j in range(3):
            cost, ss, comp = 50.0 + j, 20.0, 25.0
            benefits.append(
                {
                    "benefit_id": f"P{i * 3 + j + 1:012d}",
                    "member_id": f"A{i + 1:09d}",
                    "contract_id": f"C{i + 1:010d}",
                    "care_date": dt.date(2025, 6, 1 + j),
                    "payment_date": dt.date(2025, 6, 25 + j),
                    "act_family": "consultation",
                    "act_code": f"G{j}",
                    "practitioner_type": "generalist",
                    "actual_cost": cost,
                    "ss_base": 25.0,
                    "ss_reimbursement": ss,
                    "complementary_reimbursement": comp,
                    "out_of_pocket": round(cost - ss - comp, 2),
                    "comment": None if j else "RAS",
                    "updated_at": dt.datetime(2025, 6, 28, 9, 0, 0),
                }
            )
    return {"members": members, "contracts": contracts, "benefits": benefits}


TYPES = {
    "members": {
        "birth_date": "DATE",
        "affiliation_date": "DATE",
        "updated_at": "TIMESTAMP",
        "consent_research": "BOOLEAN",
        "consent_marketing": "BOOLEAN",
    },
    "contracts": {
        "guarantee_level": "INTEGER",
        "start_date": "DATE",
        "end_date": "DATE",
        "monthly_premium": "DECIMAL(10,2)",
        "updated_at": "TIMESTAMP",
    },
    "benefits": {
        "care_date": "DATE",
        "payment_date": "DATE",
        "actual_cost": "DECIMAL(12,2)",
        "ss_base": "DECIMAL(12,2)",
        "ss_reimbursement": "DECIMAL(12,2)",
        "complementary_reimbursement": "DECIMAL(12,2)",
        "out_of_pocket": "DECIMAL(12,2)",
        "updated_at": "TIMESTAMP",
    },
}


def write_raw(con: duckdb.DuckDBPyConnection, rows: dict[str, list[dict]]) -> None:
    """raw.<feed> tables shaped like the vault's: contract columns plus _file_id and _line."""
    con.execute("CREATE SCHEMA IF NOT EXISTS raw")
    for feed, items in rows.items():
        cols = list(items[0])
        types = TYPES[feed]
        ddl = ", ".join(f"{c} {types.get(c, 'VARCHAR')}" for c in cols)
        con.execute(f"CREATE OR REPLACE TABLE raw.{feed} ({ddl}, _file_id VARCHAR, _line BIGINT)")
        placeholders = ", ".join("?" for _ in range(len(cols) + 2))
        con.executemany(
            f"INSERT INTO raw.{feed} VALUES ({placeholders})",
            [[r[c] for c in cols] + [f"{feed}_20250629.csv", k + 2] for k, r in enumerate(items)],
        )


def _token(kind: str, value: str) -> str:
    import hashlib

    return f"{DOMAIN}.v1.{hashlib.sha256((kind + value).encode()).hexdigest()[:32]}"


def write_pseudo(con: duckdb.DuckDBPyConnection, rows: dict[str, list[dict]]) -> None:
    """pseudo.<feed> tables as the crossing writes them (tokens, generalised quasi-identifiers)."""
    con.execute("CREATE SCHEMA IF NOT EXISTS pseudo")
    m = rows["members"]
    con.execute(
        "CREATE OR REPLACE TABLE pseudo.members (member_token VARCHAR, birth_year INTEGER, age_band VARCHAR, "
        "sex VARCHAR, departement VARCHAR, consent_research BOOLEAN, consent_marketing BOOLEAN, "
        "employer_siret VARCHAR, affiliation_month DATE, updated_at TIMESTAMP)"
    )
    con.executemany(
        "INSERT INTO pseudo.members VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            [
                _token("m", r["member_id"]),
                r["birth_date"].year,
                f"{(AS_OF.year - r['birth_date'].year) // 5 * 5}-{(AS_OF.year - r['birth_date'].year) // 5 * 5 + 4}",
                r["sex"],
                identifiers.postal_code_departement(r["postal_code"]),
                r["consent_research"],
                r["consent_marketing"],
                r["employer_siret"],
                r["affiliation_date"].replace(day=1),
                r["updated_at"],
            ]
            for r in m
        ],
    )
    con.execute(
        "CREATE OR REPLACE TABLE pseudo.contracts (contract_token VARCHAR, member_token VARCHAR, "
        "contract_type VARCHAR, "
        "product_code VARCHAR, guarantee_level INTEGER, employer_siret VARCHAR, employer_name VARCHAR, "
        "start_date DATE, end_date DATE, "
        "monthly_premium DECIMAL(10,2), updated_at TIMESTAMP)"
    )
    con.executemany(
        "INSERT INTO pseudo.contracts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            [
                _token("c", r["contract_id"]),
                _token("m", r["member_id"]),
                r["contract_type"],
                r["product_code"],
                r["guarantee_level"],
                r["employer_siret"],
                "Transports du Vexin SAS" if r["employer_siret"] else None,
                r["start_date"],
                r["end_date"],
                r["monthly_premium"],
                r["updated_at"],
            ]
            for r in rows["contracts"]
        ],
    )
    con.execute(
        "CREATE OR REPLACE TABLE pseudo.benefits (benefit_token VARCHAR, member_token VARCHAR, contract_token VARCHAR, "
        "care_month DATE, payment_month DATE, act_family VARCHAR, act_code VARCHAR, practitioner_type VARCHAR, "
        "actual_cost DECIMAL(12,2), ss_base DECIMAL(12,2), ss_reimbursement DECIMAL(12,2), "
        "complementary_reimbursement DECIMAL(12,2), out_of_pocket DECIMAL(12,2), comment VARCHAR, updated_at TIMESTAMP)"
    )
    con.executemany(
        "INSERT INTO pseudo.benefits VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            [
                _token("b", r["benefit_id"]),
                _token("m", r["member_id"]),
                _token("c", r["contract_id"]),
                r["care_date"].replace(day=1),
                r["payment_date"].replace(day=1),
                r["act_family"],
                r["act_code"],
                r["practitioner_type"],
                r["actual_cost"],
                r["ss_base"],
                r["ss_reimbursement"],
                r["complementary_reimbursement"],
                r["out_of_pocket"],
                r["comment"],
                r["updated_at"],
            ]
            for r in rows["benefits"]
        ],
    )


def ledger_for(as_of: dt.date = AS_OF, days_ago: int = 0) -> list[dict]:
    when = dt.datetime.combine(as_of - dt.timedelta(days=days_ago), dt.time(6, 0))
    return [
        {
            "file": f"{feed}_20250629.csv",
            "feed": feed,
            "checksum": "x",
            "status": "landed",
            "rows_read": 1,
            "rows_landed": 1,
            "rows_quarantined": 0,
            "landed_at": when.isoformat(),
        }
        for feed in ("members", "contracts", "benefits")
    ]
