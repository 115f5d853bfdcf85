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


def test_no_import_is_tolerated_and_the_layers_contract_is_not_vacuous(tmp_path):
    """The layers contract tolerates no import across the layers (no ``ignore_imports``: what a domain package
    needs of another comes through the pipeline layer), and it checks something: with the pipeline layer put
    below the domain packages, the pipeline's real imports of them break it."""
    parser = configparser.ConfigParser()
    parser.read(CONFIG, encoding="utf-8")
    contract = parser["importlinter:contract:layers"]
    assert not contract.get("ignore_imports", "").strip()
    layers = [line.strip() for line in contract["layers"].splitlines() if line.strip()]
    pipeline = next(i for i, layer in enumerate(layers) if layer.startswith("confiance.pipeline"))
    domain = layers.index("vault | quality | governance")
    layers[pipeline], layers[domain] = layers[domain], layers[pipeline]
    contract["layers"] = "\n" + "\n".join(layers)
    strict = tmp_path / "swapped.importlinter"
    with open(strict, "w", encoding="utf-8") as fh:
        parser.write(fh)
    result = _lint(strict)
    assert result.returncode != 0
    assert "confiance.pipeline_inputs -> governance.publish" in result.stdout, result.stdout[-4000:]
