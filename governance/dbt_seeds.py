"""Render the dbt seeds that are generated from the core: the région of every département.

``confiance.identifiers.REGION_OF_DEPARTEMENT`` is the one implementation of the département -> région
rule; ``seeds/region_of_departement.csv`` is rendered from it by ``confiance codegen seeds`` (``--check``
lists it when stale) and tests/marts/test_marts_contracts.py::test_region_seed_agrees_with_identifiers
proves the two agree.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from confiance.identifiers import REGION_OF_DEPARTEMENT
from confiance.settings import DBT_PROJECT_DIR

REGION_SEED = Path("seeds") / "region_of_departement.csv"


def render_region_seed() -> str:
    """The région seed's CSV text: a header, then one row per département in code order."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["departement", "region"])
    for dep in sorted(REGION_OF_DEPARTEMENT):
        writer.writerow([dep, REGION_OF_DEPARTEMENT[dep]])
    return buf.getvalue()


def rendered_seeds(project_dir: Path = DBT_PROJECT_DIR) -> dict[Path, str]:
    """Every generated seed of the dbt project in ``project_dir`` and its expected content."""
    return {project_dir / REGION_SEED: render_region_seed()}
