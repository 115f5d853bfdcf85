"""The outbound gate reads every text-bearing file of a release, not only its tables.

Attacker model (DESIGN.md): whatever leaves the vault's side ends with employers, the public site or the DPO;
a NIR, phone or e-mail planted in any cell or line of any file an employer receives (report HTML, CSV and XLSX
copies, read-me, JSON manifest) must stop the release, naming the file and the place, never the value.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from confiance.identifiers import make_nir
from confiance.pipeline_inputs import pii_detector
from governance.pii_gate import PiiGateError, scan_paths
from governance.publish import _pii_scan

DETECT = pii_detector()

NIR = make_nir("F", 1979, 3, "69", 123, 456)
PHONE = "06 71 20 44 18"
EMAIL = "claire.fontaine@orange.fr"


@pytest.fixture(scope="module")
def release(demo_run, tmp_path_factory) -> Path:
    """A copy of one employer's folder of the demo release (the demo's home stays untouched)."""
    settings, _results = demo_run
    folders = sorted(p for p in (settings.published / "employer").iterdir() if p.is_dir())
    assert folders, "the demo run published no employer folder"
    copy = tmp_path_factory.mktemp("release") / folders[0].name
    shutil.copytree(folders[0], copy)
    return copy


def _copy(release: Path, tmp_path: Path) -> Path:
    folder = tmp_path / release.name
    shutil.copytree(release, folder)
    return folder


def test_the_demo_release_passes_the_gate(demo_run, tmp_path):
    settings, _results = demo_run
    published = tmp_path / "published"
    shutil.copytree(settings.published, published)
    kinds = {p.suffix for p in published.rglob("*") if p.is_file()}
    assert {".html", ".csv", ".xlsx", ".json", ".txt", ".parquet"} <= kinds
    assert _pii_scan([published], DETECT) == ("passed", [])


def _plant_html(folder: Path, value: str) -> tuple[str, str]:
    page = folder / "rapport_fr.html"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("</body>", f"<p>Contact : {value}</p>\n</body>", 1), encoding="utf-8")
    line = text[: text.index("</body>")].count("\n") + 1
    return page.name, f"line {line}"


def _plant_csv(folder: Path, value: str) -> tuple[str, str]:
    table = sorted(folder.glob("*.csv"))[0]
    lines = table.read_text(encoding="utf-8-sig").splitlines()
    delimiter = ";" if lines[0].count(";") >= lines[0].count(",") else ","
    cells = lines[1].split(delimiter)
    cells[-1] = f"voir {value}"
    lines[1] = delimiter.join(cells)
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return table.name, "line 2, column "


def _plant_xlsx(folder: Path, value: str) -> tuple[str, str]:
    book_path = folder / "donnees.xlsx"
    book = load_workbook(book_path)
    sheet = book.worksheets[-1]
    sheet.cell(row=sheet.max_row + 1, column=2, value=f"à rappeler {value}")
    place = f"sheet {sheet.title}, cell B{sheet.max_row}"
    book.save(book_path)
    return book_path.name, place


def _plant_manifest(folder: Path, value: str) -> tuple[str, str]:
    manifest = folder / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["contact"] = value
    manifest.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return manifest.name, "key contact"


def _plant_readme(folder: Path, value: str) -> tuple[str, str]:
    readme = folder / "LISEZMOI.txt"
    text = readme.read_text(encoding="utf-8")
    readme.write_text(text + f"\nQuestions : {value}\n", encoding="utf-8")
    return readme.name, f"line {text.count(chr(10)) + 2}"


PLANTERS = {"html": _plant_html, "csv": _plant_csv, "xlsx": _plant_xlsx, "json": _plant_manifest,
            "txt": _plant_readme}  # fmt: skip
VALUES = {"NIR": NIR, "PHONE": PHONE, "EMAIL": EMAIL}


@pytest.mark.parametrize("entity", sorted(VALUES))
@pytest.mark.parametrize("kind", sorted(PLANTERS))
def test_personal_data_planted_in_any_document_refuses_the_release(release, tmp_path, kind, entity):
    folder = _copy(release, tmp_path)
    value = VALUES[entity]
    name, place = PLANTERS[kind](folder, value)
    status, reasons = _pii_scan([folder], DETECT)
    assert status == "failed"
    message = "\n".join(reasons)
    assert f"{name}: {place}" in message and f"× {entity}" in message, message
    assert value not in message and value.replace(" ", "") not in message
    assert "Traceback" not in message


def test_a_document_the_gate_cannot_read_refuses_the_release(release, tmp_path):
    folder = _copy(release, tmp_path)
    (folder / "donnees.xlsx").write_bytes(b"not a workbook")
    status, reasons = _pii_scan([folder], DETECT)
    assert status == "failed"
    assert "donnees.xlsx: cannot read as an XLSX workbook" in reasons[0]
    with pytest.raises(PiiGateError, match="donnees.xlsx"):
        scan_paths([folder], detect=DETECT)
