"""Builders of small synthetic feeds for the vault tests (their fixtures live in tests/vault/conftest.py)."""

from __future__ import annotations

import csv
import os
import random
import secrets
from datetime import date, timedelta
from pathlib import Path

from confiance.identifiers import make_nir, make_siren, make_siret
from confiance.settings import Settings

MEMBER_COLS = [
    "member_id",
    "nir",
    "last_name",
    "first_name",
    "birth_date",
    "sex",
    "street_address",
    "postal_code",
    "commune",
    "email",
    "phone",
    "iban",
    "consent_research",
    "consent_marketing",
    "employer_siret",
    "affiliation_date",
    "updated_at",
]
CONTRACT_COLS = [
    "contract_id",
    "member_id",
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
BENEFIT_COLS = [
    "benefit_id",
    "member_id",
    "contract_id",
    "care_date",
    "payment_date",
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
LAST = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau"]
FIRST = ["Camille", "Léa", "Hugo", "Louis", "Chloé", "Jules", "Manon", "Lucas", "Inès", "Gabriel"]
POSTAL = ["75011", "69003", "13008", "20000", "20200", "97110", "97400", "33000", "59000", "67000"]


def make_feeds(n_members: int = 200, benefits_per_member: int = 3, seed: int = 7) -> dict[str, list[dict]]:
    rnd = random.Random(seed)
    siret = make_siret(make_siren(12345678), 1)
    members, contracts, benefits = [], [], []
    for i in range(1, n_members + 1):
        sex = rnd.choice("MF")
        birth = date(1940, 1, 1) + timedelta(days=rnd.randrange(0, 365 * 60))
        dep = rnd.choice(["75", "69", "2A", "2B", "13", "971"])
        nir = make_nir(sex, birth.year, birth.month, dep, rnd.randrange(1, 99), rnd.randrange(1, 999))
        last, first = rnd.choice(LAST), rnd.choice(FIRST)
        mid = f"A{i:09d}"
        members.append(
            {
                "member_id": mid,
                "nir": nir,
                "last_name": last,
                "first_name": first,
                "birth_date": birth.isoformat(),
                "sex": sex,
                "street_address": f"{rnd.randrange(1, 200)} rue des Lilas",
                "postal_code": rnd.choice(POSTAL),
                "commune": "Paris",
                "email": f"{first.lower()}.{last.lower()}{i}@example.fr",
                "phone": f"06{rnd.randrange(10**7, 10**8):08d}",
                "iban": f"FR76300010079412345678901{i % 100:02d}",
                "consent_research": rnd.choice(["true", "false"]),
                "consent_marketing": rnd.choice(["true", "false"]),
                "employer_siret": siret if i % 3 == 0 else "",
                "affiliation_date": "2020-03-15",
                "updated_at": "2024-05-01 10:00:00",
            }
        )
        cid = f"C{i:010d}"
        contracts.append(
            {
                "contract_id": cid,
                "member_id": mid,
                "contract_type": "collective" if i % 3 == 0 else "individual",
                "product_code": "COLLECTIF_BASE" if i % 3 == 0 else "SANTE_CONFORT",
                "guarantee_level": str(rnd.randint(1, 4)),
                "employer_siret": siret if i % 3 == 0 else "",
                "start_date": "2020-03-15",
                "end_date": "",
                "monthly_premium": f"{rnd.uniform(20, 150):.2f}",
                "updated_at": "2024-05-01 10:00:00",
            }
        )
        for j in range(benefits_per_member):
            care = date(2024, 1, 1) + timedelta(days=rnd.randrange(0, 120))
            cost = round(rnd.uniform(20, 300), 2)
            ss = round(cost * 0.3, 2)
            comp = round(cost * 0.5, 2)
            comment = rnd.choice(["", "RAS", f"Appel de {first} {last} au 06 12 34 56 78", f"NIR {nir} vérifié"])
            benefits.append(
                {
                    "benefit_id": f"P{i * 100 + j:012d}",
                    "member_id": mid,
                    "contract_id": cid,
                    "care_date": care.isoformat(),
                    "payment_date": (care + timedelta(days=5)).isoformat(),
                    "act_family": "dental",
                    "act_code": "HBLD001",
                    "practitioner_type": "dentist",
                    "actual_cost": f"{cost:.2f}",
                    "ss_base": f"{ss:.2f}",
                    "ss_reimbursement": f"{ss:.2f}",
                    "complementary_reimbursement": f"{comp:.2f}",
                    "out_of_pocket": f"{cost - ss - comp:.2f}",
                    "comment": comment,
                    "updated_at": "2024-05-01 10:00:00",
                }
            )
    return {"members": members, "contracts": contracts, "benefits": benefits}


def fresh_settings(tmp_path: Path, monkeypatch) -> Settings:
    """A fresh data directory and a fresh master key (in the environment, for this test only)."""
    monkeypatch.setenv("CONFIANCE_MASTER_KEY", secrets.token_bytes(32).hex())
    monkeypatch.setenv("CONFIANCE_ACTOR", "test-runner")
    s = Settings(home=tmp_path / "var", key_file=tmp_path / "keys" / "master.key")
    s.ensure_dirs()
    return s


def write_csv(path: Path, rows: list[dict], cols: list[str], delim: str = ";", encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding=encoding) as fh:
        w = csv.DictWriter(fh, fieldnames=cols, delimiter=delim, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return path


COLS = {"members": MEMBER_COLS, "contracts": CONTRACT_COLS, "benefits": BENEFIT_COLS}


def write_feeds(inbox: Path, feeds: dict[str, list[dict]], suffix: str = "2024") -> dict[str, Path]:
    return {name: write_csv(inbox / f"{name}_{suffix}.csv", rows, COLS[name]) for name, rows in feeds.items()}


os.environ.setdefault("DO_NOT_TRACK", "1")
