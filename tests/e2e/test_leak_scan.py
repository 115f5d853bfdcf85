"""The one-pass identifier scanner of the end-to-end leak test finds what a per-needle search finds."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from confiance.synthetic import generate_files
from tests.e2e.leak_scan import EMAIL, LeakScanner, emails, inbox_identifiers, leaks_in_files


def _per_needle(text: str, ids: dict[str, set[str]]) -> list[str]:
    """The definition: one substring test per identifier (what the scanner must agree with)."""
    flat = re.sub(r"\s+", "", text).lower()
    lowered = text.lower()
    found = []
    candidates = set(re.findall(r"[0-9a-z]{13,}", flat)) | set(re.findall(r"[\w.+-]+@[\w.-]+", lowered))
    candidates |= {m.replace(".", "") for m in re.findall(r"(?:\+33|0)[0-9.]{9,13}", flat)}
    for kind in ("nir", "email", "phone", "iban", "member_id"):
        hits = candidates & ids[kind]
        hits |= {c for c in ids[kind] if kind in ("nir", "iban") and c in flat}
        if hits:
            found.append(f"{kind} x{len(hits)}")
    for kind in ("name", "address"):
        hits = {c for c in ids[kind] if c in lowered}
        if hits:
            found.append(f"{kind} x{len(hits)}")
    return found


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab.+-_@ é\n", max_size=40))
def test_email_candidates_are_exactly_findalls(text):
    assert emails(text) == re.findall(EMAIL, text)


def test_email_candidates_in_a_long_run():
    """A 100,000-character run without "@" (findall would take minutes) and runs that end in one."""
    run = "x" * 100_000
    assert emails(run) == []
    assert emails(run + "@mutuelle.fr") == [run + "@mutuelle.fr"]
    assert emails("a@b+" + run + "@c@d") == ["a@b", "+" + run + "@c"]
    assert emails("(" + run + " +" + run + "@e.fr)") == ["+" + run + "@e.fr"]


@pytest.fixture(scope="module")
def inbox(tmp_path_factory):
    inbox = tmp_path_factory.mktemp("inbox")
    generate_files(inbox, members=60, seed=11, as_of="2026-01-01", defect_rate=0.0)
    return inbox


@pytest.fixture(scope="module")
def ids(inbox):
    return inbox_identifiers(inbox)


def _member(inbox) -> dict[str, str]:
    header, first = (next(inbox.glob("members*.csv")).read_text(encoding="utf-8").splitlines())[:2]
    return dict(zip(header.split(";"), first.split(";"), strict=True))


def test_scanner_agrees_with_one_search_per_identifier(inbox, ids):
    member = _member(inbox)
    nir, iban = member["nir"], member["iban"]
    name = f"{member['first_name']} {member['last_name']}"
    other_names = sorted(ids["name"])[:3]
    texts = [
        "",
        "Rapport employeur : 12 adhérents, aucune donnée directe.",
        f"Bonjour {name.upper()}, votre dossier",  # case
        f"NIR {nir[:5]} {nir[5:10]}\n{nir[10:]} (split by white space)",  # separators
        f"IBAN {' '.join(iban[i : i + 4] for i in range(0, len(iban), 4))}",
        f"{member['street_address'].upper()}, {member['commune']}",
        # Several identifiers, overlapping ones and one inside a longer token.
        " / ".join(other_names) + f" x{nir}x " + "".join(other_names),
        f"contact: {member['email'] or 'nobody@example.org'} ; tel {member['phone'] or '0600000000'}",
        f"ref {member['member_id']} and {member['member_id'].lower()}",
    ]
    scanner = LeakScanner(ids)
    for text in texts:
        assert scanner.leaks(text) == _per_needle(text, ids), text
    assert scanner.leaks(texts[2]) == ["name x1"]
    assert scanner.leaks(texts[3]) == ["nir x1"]
    assert scanner.leaks(texts[1]) == []


def test_one_name_in_one_scanned_file_is_found(tmp_path, inbox, ids):
    member = _member(inbox)
    home = tmp_path / "var"
    for rel in ("site/index.html", "reports/employer/2025.html", "airflow/logs/run/task.log", "quality/r.json"):
        (home / rel).parent.mkdir(parents=True, exist_ok=True)
        (home / rel).write_text("<p>12 adhérents, cellules masquées sous 11</p>\n" * 200, encoding="utf-8")
    vault = home / "vault"
    vault.mkdir()
    (vault / "register.csv").write_text(f"{member['first_name']} {member['last_name']}\n", encoding="utf-8")
    (home / "site" / "cells.parquet").write_text(member["nir"], encoding="utf-8")  # not read as text
    scanner = LeakScanner(ids)
    assert leaks_in_files(home, [vault], scanner) == []

    log = home / "airflow/logs/run/task.log"
    log.write_text(log.read_text() + f"INFO processing {member['first_name']} {member['last_name'].upper()}\n")
    assert leaks_in_files(home, [vault], scanner) == ["airflow/logs/run/task.log: ['name x1']"]
