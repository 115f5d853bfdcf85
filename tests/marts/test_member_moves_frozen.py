"""A member's own changes after a year closed leave that year's published cells as they were (issue 16).

The attacker (docs/disclosure-control.md, section 1) holds every file it ever received: two releases of a closed year
that differ subtract. Before the filing rule, the member atoms carried each member's current département, sex and
birth year, so a move re-filed all their past care: the next release revised published closed-year cells and the
gate refused it (the successive-release rule) — at a large mutuelle, with thousands of moves a day, consumers would
never get a new release.

The consumer's view, on the demo's whole pipeline (``demo_run``: a generated mutuelle of 3,000 members, care of 2025,
closed; every consumer published): on a copy of its home, every covered member of the largest employer moves to
another département, and five other members' birth dates (by 25 years) and five sexes are corrected, in a members
file dated 1 June 2026 (after every closing of 2025: its end at lag 0, and the prevention follow-up's). The demo's
tables publish France as a whole (too few members per département or région) but age bands and sexes: the
corrections are what a revision would show there, the moves what it would show at a mutuelle's size.
The daily stages run as the pipeline runs them
(land, quality, cross, quality, dbt build, artifacts, mart quality, publish): every consumer publishes again or
stands unchanged, and every Parquet file it already held comes back identical, cell for cell, masked or not.
The negative control builds the same warehouse with the rule taken out (a copy of the dbt project filing every year
under the current attributes): the figures move and the gate refuses."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd

from confiance.identifiers import postal_code_departement
from confiance.pipeline import STAGES, dbt_env
from confiance.settings import DBT_PROJECT_DIR, Settings

CONSUMERS = ("insurer", "employer", "dataviz", "prevention")
MOVED_AT = "2026-06-01 08:00:00"
POSTAL = ("13001", "69001", "33000", "31000", "59000", "75011", "44000")
CORRECTED = 5  # birth dates corrected, and as many sexes
DAILY = ("land", "quality_feeds", "cross", "quality_warehouse", "dbt_build", "dbt_artifacts", "quality_marts")


def _release(root: Path) -> dict[str, pd.DataFrame]:
    """Every Parquet file of the published folders, by path, rows in a canonical order."""
    out = {}
    for path in sorted(root.rglob("*.parquet")):
        frame = pd.read_parquet(path)
        out[str(path.relative_to(root))] = frame.sort_values(
            list(frame.columns), na_position="first", kind="stable"
        ).reset_index(drop=True)
    return out


def _copy(demo_run, tmp_path: Path) -> Settings:
    settings, results = demo_run
    for consumer in CONSUMERS:
        outcome = results["publish"]["consumers"][consumer]
        assert outcome["status"] == "published", (consumer, outcome.get("reasons"))
    home = tmp_path / "var"
    shutil.copytree(settings.home, home)
    copy = Settings(home=home, key_file=settings.key_file)
    copy.ensure_dirs()
    return copy


def _write_moves(settings: Settings) -> dict[str, int]:
    """The members file of 1 June 2026: the largest employer's members moved, five birth dates and five sexes of
    other members with care in 2025 corrected."""
    (source,) = sorted(settings.inbox.glob("members_*.csv"))
    with open(source, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter=";")
        header, members = reader.fieldnames, list(reader)
    sirets = [m["employer_siret"] for m in members if m["employer_siret"]]
    employer = max(sorted(set(sirets)), key=sirets.count)
    changed = []
    for member in members:
        if member["employer_siret"] != employer:
            continue
        here = postal_code_departement(member["postal_code"])
        code = next(c for c in POSTAL if postal_code_departement(c) != here)
        changed.append(member | {"postal_code": code, "updated_at": MOVED_AT})
    # corrections of members with care in 2025 outside that employer: birth dates 25 years off (another age band at
    # every width the demo publishes), and sexes
    (benefits,) = sorted(settings.inbox.glob("benefits_*.csv"))
    with open(benefits, encoding="utf-8", newline="") as fh:
        cared = {line["member_id"] for line in csv.DictReader(fh, delimiter=";")}
    others = [m for m in members if m["employer_siret"] != employer and m["member_id"] in cared]
    for member in others[:CORRECTED]:
        year = int(member["birth_date"][:4])
        year += 25 if year < 1960 else -25
        day = member["birth_date"][4:].replace("-02-29", "-02-28")
        changed.append(member | {"birth_date": f"{year}{day}", "updated_at": MOVED_AT})
    for member in others[CORRECTED : 2 * CORRECTED]:
        changed.append(member | {"sex": "F" if member["sex"] == "M" else "M", "updated_at": MOVED_AT})
    target = settings.inbox / "members_20260601.csv"
    with open(target, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=header, delimiter=";", lineterminator="\n")
        writer.writeheader()
        writer.writerows(changed)
    return {"moved": len(changed) - 2 * CORRECTED, "corrected": 2 * CORRECTED}


def _daily(settings: Settings, run_id: str, stages: tuple[str, ...] = DAILY) -> None:
    for name in stages:
        result = STAGES[name](settings, run_id)
        assert not (isinstance(result, dict) and result.get("status") == "failed"), (name, result)


def _publish(settings: Settings, run_id: str) -> dict:
    return STAGES["publish"](settings, run_id)["consumers"]


def test_members_moving_after_the_closing_leave_every_published_cell_as_it_was(demo_run, tmp_path):
    settings = _copy(demo_run, tmp_path)
    held = _release(settings.published)
    assert held, "the demo published nothing"
    counts = _write_moves(settings)
    assert counts["moved"] >= 11, counts  # an employer's population, not one person
    _daily(settings, "moves")
    # the moves crossed: the members table has their new départements, the versions keep both
    with duckdb.connect(str(settings.warehouse_db), read_only=True) as con:
        moved = con.execute("select count(*) from pseudo.member_versions where updated_at = ?", [MOVED_AT]).fetchone()[
            0
        ]
        current = con.execute("select count(*) from pseudo.members where updated_at = ?", [MOVED_AT]).fetchone()[0]
    assert moved == current == counts["moved"] + counts["corrected"]

    outcome = _publish(settings, "moves")
    for consumer in CONSUMERS:
        assert outcome[consumer]["status"] in ("published", "unchanged"), (consumer, outcome[consumer])
    now = _release(settings.published)
    assert set(now) == set(held), "a release gained or lost a file"
    differ = [name for name, frame in held.items() if not frame.equals(now[name])]
    assert not differ, f"{len(differ)} published files changed, e.g. {differ[:3]}"


def test_without_the_filing_rule_the_same_moves_revise_and_are_refused(demo_run, tmp_path):
    """Negative control: the same moves, the warehouse built by a copy of the dbt project filing every year under
    the member's current attributes."""
    settings = _copy(demo_run, tmp_path)
    _write_moves(settings)
    _daily(settings, "moves_no_rule", ("land", "quality_feeds", "cross"))
    project = tmp_path / "dbt_project"
    shutil.copytree(DBT_PROJECT_DIR, project, ignore=shutil.ignore_patterns("target", "logs", "dbt_packages"))
    macro = project / "macros" / "member_versions.sql"
    text = macro.read_text(encoding="utf-8")
    patched, n = re.subn(
        r"(\{% macro filed_member_attribute\(.*?\) -%\}).*?(\{%- endmacro %\})",
        r"\1\n    {{ current_alias }}.{{ column }}\n\2",
        text,
        flags=re.S,
    )
    assert n == 1, "the filing rule's macro was not found"
    macro.write_text(patched, encoding="utf-8")
    args = [str(Path(sys.executable).parent / "dbt"), "build", "--project-dir", str(project)]
    args += ["--profiles-dir", str(project), "--quiet"]
    result = subprocess.run(  # noqa: S603
        args, env={**os.environ, **dbt_env(settings)}, capture_output=True, text=True, timeout=900, check=False
    )
    assert result.returncode == 0, result.stdout[-3000:]
    outcome = _publish(settings, "moves_no_rule")
    refused = [c for c in CONSUMERS if outcome[c]["status"] == "refused"]
    assert refused, outcome
    reasons = [r for c in refused for r in outcome[c]["reasons"]]
    assert any("revis" in r for r in reasons), reasons
