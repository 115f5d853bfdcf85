"""The disclosure parameters (k, l, dominance, p %, masked share, benchmark employers) have one home,
``vars.disclosure`` in dbt_project.yml: dbt masks with it and the publication gate checks with it, so the
two sides cannot disagree. No side keeps a fallback copy: a parameter missing there is an error on both."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from dataclasses import MISSING
from pathlib import Path

import pytest
import yaml

from confiance.settings import DBT_PROJECT_DIR, DBT_PROJECT_FILE, disclosure_min_cell_size
from governance import protection
from governance.sdc import Rules

#: What each consumer's rules use (the macros and the gate); the employer benchmark and the dataviz
#: l-diversity have one more.
COMMON = {"k", "dominance", "p_percent", "max_masked_share"}
EXTRA = {"employer": {"benchmark_min_employers"}, "dataviz": {"l"}}
CONSUMERS = ("insurer", "employer", "dataviz", "prevention")


def _project_disclosure() -> dict[str, dict]:
    return yaml.safe_load(DBT_PROJECT_FILE.read_text(encoding="utf-8"))["vars"]["disclosure"]


def _dbt_compile(inline: str, target: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """dbt compiles an inline snippet of the real project (in-memory profile: no warehouse needed)."""
    env = {**os.environ, "DO_NOT_TRACK": "1", "DBT_TARGET_PATH": str(target)}
    dbt = Path(sys.executable).parent / "dbt"
    return subprocess.run(  # noqa: S603
        [str(dbt), "compile", "--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR / "lint")]
        + ["--quiet", "--inline", inline, *extra],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_every_consumer_sets_every_parameter_in_dbt_project_yml():
    disclosure = _project_disclosure()
    assert set(CONSUMERS) <= set(disclosure)
    for consumer in CONSUMERS:
        wanted = COMMON | EXTRA.get(consumer, set())
        assert wanted <= set(disclosure[consumer]), f"{consumer}: {sorted(wanted - set(disclosure[consumer]))}"


def test_the_gate_reads_the_same_values():
    disclosure = _project_disclosure()
    for consumer in CONSUMERS:
        cfg = disclosure[consumer]
        assert protection.rules_for(consumer) == Rules(
            k=cfg["k"], dominance=cfg["dominance"], p_percent=cfg["p_percent"]
        )
        for name, value in cfg.items():
            assert protection.disclosure_parameter(consumer, name) == value
    assert disclosure_min_cell_size() == disclosure["employer"]["k"]


def test_the_disclosure_library_keeps_no_copy_of_the_parameters():
    """``Rules`` (governance.sdc) declares no value of its own: the project's rules are built from dbt_project.yml
    (``protection.rules_for``), and a Rules built without them is an error, not a second copy."""
    no_default = {f.name for f in dataclasses.fields(Rules) if f.default is MISSING and f.default_factory is MISSING}
    assert {"k", "dominance", "p_percent"} <= no_default
    with pytest.raises(TypeError):
        Rules()


def test_the_gate_s_rules_follow_an_edit_of_the_one_home(monkeypatch, tmp_path):
    project = yaml.safe_load(DBT_PROJECT_FILE.read_text(encoding="utf-8"))
    project["vars"]["disclosure"]["insurer"].update(dominance=0.7, p_percent=0.25)
    edited = tmp_path / "dbt_project.yml"
    edited.write_text(yaml.safe_dump(project), encoding="utf-8")
    monkeypatch.setattr(protection, "DBT_PROJECT_FILE", edited)
    protection.rules_for.cache_clear()
    try:
        rules = protection.rules_for("insurer")
    finally:
        protection.rules_for.cache_clear()
    assert (rules.dominance, rules.p_percent) == (0.7, 0.25)


def test_the_gate_refuses_a_missing_parameter_instead_of_falling_back(monkeypatch, tmp_path):
    project = yaml.safe_load(DBT_PROJECT_FILE.read_text(encoding="utf-8"))
    del project["vars"]["disclosure"]["employer"]["benchmark_min_employers"]
    edited = tmp_path / "dbt_project.yml"
    edited.write_text(yaml.safe_dump(project), encoding="utf-8")
    monkeypatch.setattr(protection, "DBT_PROJECT_FILE", edited)
    with pytest.raises(protection.ProtectionError, match="vars.disclosure.employer has no benchmark_min_employers"):
        protection.disclosure_parameter("employer", "benchmark_min_employers")


def test_dbt_reads_the_same_values_and_has_no_fallback(tmp_path):
    disclosure = _project_disclosure()
    pairs = [(c, name) for c in CONSUMERS for name in sorted(disclosure[c])]
    inline = "".join(f"{{{{ '{c}.{n}=' ~ disclosure_param('{c}', '{n}') }}}};" for c, n in pairs)
    result = _dbt_compile(inline, tmp_path / "target")
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    seen = dict(item.split("=", 1) for item in result.stdout.strip().splitlines()[-1].rstrip(";").split(";"))
    assert seen == {f"{c}.{n}": str(disclosure[c][n]) for c, n in pairs}
    # A parameter dbt_project.yml does not give stops the compilation (no second copy in the macros).
    del disclosure["employer"]["dominance"]
    missing = _dbt_compile(
        "{{ disclosure_param('employer', 'dominance') }}",
        tmp_path / "target2",
        "--vars",
        json.dumps({"disclosure": disclosure}),
    )
    assert missing.returncode != 0
    assert "vars.disclosure.employer has no dominance" in missing.stdout + missing.stderr
