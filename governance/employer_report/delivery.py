"""The delivery index, for the mutuelle's staff (never in an employer's folder): who got what, when, and who
got only a statement (too small, or nothing publishable this time)."""

from __future__ import annotations

import csv
import json
import os
from dataclasses import asdict
from pathlib import Path

from governance.employer_report.model import STATUSES, EmployerDelivery

INDEX_CSV = "employer_deliveries.csv"
INDEX_JSON = "employer_deliveries.json"
_FIELDS = (
    "siret",
    "name",
    "status",
    "covered_members",
    "published_cells",
    "masked_cells",
    "run_id",
    "published_at",
    "files",
)


def status_counts(deliveries: list[EmployerDelivery]) -> dict[str, int]:
    return {s: sum(d.status == s for d in deliveries) for s in STATUSES}


def write_index(directory: Path, deliveries: list[EmployerDelivery]) -> list[Path]:
    """Write the index atomically (temp file, then rename) as CSV (UTF-8 with BOM, ';') and JSON."""
    directory.mkdir(parents=True, exist_ok=True)
    ordered = sorted(deliveries, key=lambda d: d.siret)
    csv_path, json_path = directory / INDEX_CSV, directory / INDEX_JSON
    tmp = csv_path.with_name(csv_path.name + ".part")
    with open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        writer.writerow(_FIELDS)
        for d in ordered:
            row = asdict(d)
            row["files"] = " ".join(d.files)
            writer.writerow(["" if row[f] is None else row[f] for f in _FIELDS])
    os.replace(tmp, csv_path)
    body = {"counts": status_counts(ordered), "deliveries": [asdict(d) for d in ordered]}
    tmp = json_path.with_name(json_path.name + ".part")
    tmp.write_text(json.dumps(body, indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, json_path)
    return [csv_path, json_path]
