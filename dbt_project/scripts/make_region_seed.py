"""Write seeds/region_of_departement.csv from confiance.identifiers.REGION_OF_DEPARTEMENT.

The dict in confiance/identifiers.py is the one implementation of the
département -> région rule; the seed is generated from it and
tests/marts/test_marts_contracts.py::test_region_seed_agrees_with_identifiers proves the two agree.

    .venv/bin/python dbt_project/scripts/make_region_seed.py
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "region_of_departement.csv"


def render() -> str:
    from confiance.identifiers import REGION_OF_DEPARTEMENT

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["departement", "region"])
    for dep in sorted(REGION_OF_DEPARTEMENT):
        writer.writerow([dep, REGION_OF_DEPARTEMENT[dep]])
    return buf.getvalue()


if __name__ == "__main__":
    SEED.write_text(render(), encoding="utf-8")
    print(f"wrote {SEED.name}")
