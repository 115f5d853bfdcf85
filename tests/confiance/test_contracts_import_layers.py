"""The layers of DESIGN.md hold: import-linter's contracts (.importlinter) are kept, and they do check something."""

from __future__ import annotations

import configparser
import subprocess
import sys
from pathlib import Path

from confiance.settings import REPO_ROOT

LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
CONFIG = REPO_ROOT / ".importlinter"


def _lint(config: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--no-logo", str(config)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_import_layers_are_kept():
    result = _lint(CONFIG)
    assert result.returncode == 0, result.stdout[-4000:]
    assert "0 broken" in result.stdout


def test_the_layers_contract_catches_the_imports_it_tolerates(tmp_path):
    """Without its list of tolerated imports (today's debt), the layers contract is broken: it is not vacuous,
    and every listed exception is a real import."""
    parser = configparser.ConfigParser()
    parser.read(CONFIG, encoding="utf-8")
    tolerated = [
        line.strip()
        for line in parser["importlinter:contract:layers"]["ignore_imports"].splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]
    parser.remove_option("importlinter:contract:layers", "ignore_imports")
    strict = tmp_path / "strict.importlinter"
    with open(strict, "w", encoding="utf-8") as fh:
        parser.write(fh)
    result = _lint(strict)
    assert result.returncode != 0
    for pair in tolerated:
        importer, imported = (p.strip() for p in pair.split("->"))
        assert f"{importer} -> {imported}" in result.stdout, f"{pair} is listed but no longer imported"
