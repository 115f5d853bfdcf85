"""Machine-readable copies of the employer's figures: CSV (UTF-8 with BOM, ';', decimal comma, for French
spreadsheet software) and one XLSX workbook (openpyxl), each with a column dictionary; and LISEZMOI.txt.

The copies hold the employer's published tables as they are (complete grids): a masked cell is empty and
its row says ``publie = non``. Numbers are the published values, never recomputed.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from governance.employer_report import render, texts
from governance.employer_report.model import (
    BENCHMARK,
    BROAD,
    CONSUMPTION,
    TOTALS,
    YEARLY,
    EmployerRelease,
    Row,
    as_text,
)
from governance.employer_report.texts import Label

WORKBOOK = "donnees.xlsx"
DICTIONARY = "dictionnaire_des_colonnes.csv"
README = "LISEZMOI.txt"
DICTIONARY_HEADER = [
    "fichier",
    "onglet",
    "colonne",
    "column_en",
    "description_fr",
    "description_en",
    "unite",
    "unit",
    "source_parquet",
]


@dataclass(frozen=True)
class Sheet:
    """One table of the copies: its CSV file, XLSX sheet title and columns (Parquet names)."""

    mart: str
    csv_name: str
    title: Label
    dims: tuple[str, ...]
    values: tuple[str, ...]


_AMOUNTS = (
    "member_count",
    "benefit_line_count",
    "actual_cost",
    "ss_reimbursement",
    "complementary_reimbursement",
    "out_of_pocket",
)
SHEETS = (
    Sheet(YEARLY, "total_annuel.csv", Label("Total annuel", "Yearly total"), ("care_year",), _AMOUNTS),
    Sheet(
        TOTALS, "totaux_annuels.csv", Label("Totaux annuels", "Yearly totals"), ("care_year", "act_family"), _AMOUNTS
    ),
    Sheet(
        BROAD,
        "totaux_grandes_familles.csv",
        Label("Grandes familles de soins", "Broad care families"),
        ("care_year", "broad_family"),
        _AMOUNTS,
    ),
    Sheet(
        CONSUMPTION,
        "consommation_detaillee.csv",
        Label("Consommation détaillée", "Detailed consumption"),
        ("period_grain", "period_start", "care_year", "act_family", "age_band", "sex"),
        _AMOUNTS,
    ),
    Sheet(
        BENCHMARK,
        "comparaison_employeurs.csv",
        Label("Comparaison employeurs", "Employer comparison"),
        ("care_year", "act_family", "age_band", "sex"),
        (
            "member_count",
            "actual_cost_per_member",
            "complementary_reimbursement_per_member",
            "out_of_pocket_per_member",
        ),
    ),
)


def dim_text(column: str, value: Any) -> str:
    """A dimension value as the copies write it (French labels)."""
    if column == "act_family":
        return texts.family(value, "fr")
    if column == "broad_family":
        return texts.broad_family(value, "fr")
    if column == "age_band":
        return texts.age_band(value, "fr")
    if column == "sex":
        return texts.sex(value, "fr")
    if column == "period_grain":
        return texts.GRAINS[value]("fr") if value in texts.GRAINS else as_text(value)
    return as_text(value)


def csv_number(value: Any) -> str:
    """A published value in a French CSV: no thousands separator, decimal comma; empty when masked."""
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return f"{Decimal(value):.2f}".replace(".", ",")


def _present(release: EmployerRelease) -> list[Sheet]:
    return [s for s in SHEETS if s.mart in release.tables]


def _header(sheet: Sheet) -> list[str]:
    return [texts.COLUMNS[c].header("fr") for c in (*sheet.dims, *sheet.values, "published")]


def _cells(sheet: Sheet, row: Row) -> tuple[list[str], list[Any], str]:
    values = [row.values.get(c) if row.published else None for c in sheet.values]
    return [dim_text(c, row.dims.get(c)) for c in sheet.dims], values, texts.YES_NO[row.published]("fr")


def write_csvs(release: EmployerRelease, folder: Path) -> list[Path]:
    paths = []
    for sheet in _present(release):
        path = folder / sheet.csv_name
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
            writer.writerow(_header(sheet))
            for row in release.tables[sheet.mart].rows:
                dims, values, published = _cells(sheet, row)
                writer.writerow([*dims, *(csv_number(v) for v in values), published])
        paths.append(path)
    path = folder / DICTIONARY
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";", lineterminator="\r\n")
        writer.writerow(DICTIONARY_HEADER)
        for row in dictionary_rows(release):
            writer.writerow(row)
    paths.append(path)
    return paths


def dictionary_rows(release: EmployerRelease) -> list[list[str]]:
    rows = []
    for sheet in _present(release):
        for column in (*sheet.dims, *sheet.values, "published"):
            text = texts.COLUMNS[column]
            source = f"{sheet.mart}.parquet:" + ("masking" if column == "published" else column)
            rows.append(
                [
                    sheet.csv_name,
                    sheet.title("fr"),
                    text.header("fr"),
                    text.header("en"),
                    text.meaning("fr"),
                    text.meaning("en"),
                    text.unit("fr"),
                    text.unit("en"),
                    source,
                ]
            )
    return rows


def write_workbook(release: EmployerRelease, folder: Path, statement_fr: str, statement_en: str) -> Path:
    wb = Workbook()
    about = wb.active
    about.title = "À propos"
    bold = Font(bold=True)
    for line in (
        [texts.TITLE("fr"), release.name],
        [texts.TITLE("en"), release.name],
        [texts.FACTS["siret"]("fr"), release.siret],
        [
            render.covered_label(release, "fr"),
            release.covered_members if release.covered_members is not None else texts.TOO_FEW("fr").format(k=release.k),
        ],
        [texts.FACTS["published_at"]("fr"), release.published_at[:10]],
        [texts.SECTIONS["status"]("fr"), statement_fr],
        [texts.SECTIONS["status"]("en"), statement_en],
    ):
        about.append(line)
        about.cell(row=about.max_row, column=1).font = bold
    about.column_dimensions["A"].width = 34
    about.column_dimensions["B"].width = 110
    for sheet in _present(release):
        ws = wb.create_sheet(sheet.title("fr"))
        ws.append(_header(sheet))
        for cell in ws[1]:
            cell.font = bold
        for row in release.tables[sheet.mart].rows:
            dims, values, published = _cells(sheet, row)
            ws.append([*dims, *values, published])
            for offset, value in enumerate(values):
                if value is not None and not isinstance(value, int):
                    ws.cell(row=ws.max_row, column=len(dims) + offset + 1).number_format = "#,##0.00"
        for index in range(1, len(_header(sheet)) + 1):
            ws.column_dimensions[get_column_letter(index)].width = 22
        ws.freeze_panes = "A2"
    dictionary = wb.create_sheet("Dictionnaire des colonnes")
    dictionary.append(DICTIONARY_HEADER)
    for cell in dictionary[1]:
        cell.font = bold
    for row in dictionary_rows(release):
        dictionary.append(row)
    path = folder / WORKBOOK
    wb.properties.creator = "Confiance"
    wb.save(path)
    return path


def write_readme(release: EmployerRelease, folder: Path, fingerprint: str) -> Path:
    """LISEZMOI.txt: what the folder holds and how to check it came from the mutuelle, unaltered."""
    text = README_TEXT.format(name=release.name, siret=release.siret, fingerprint=fingerprint)
    path = folder / README
    path.write_text(text, encoding="utf-8")
    return path


VERIFY_OPENSSL = """\
base64 -d manifest.sig > /tmp/manifest.sig.bin
openssl pkeyutl -verify -pubin -inkey CLE_PUBLIQUE_MUTUELLE.pem -rawin -in manifest.json -sigfile /tmp/manifest.sig.bin
sha256sum -c SHA256SUMS
grep -q "$(sha256sum SHA256SUMS | cut -c1-64)" manifest.json && echo "SHA256SUMS: OK (listed in the signed manifest)"\
"""
VERIFY_PYTHON = (
    'python3 -c "import sys,json,base64,hashlib,pathlib;'
    "from cryptography.hazmat.primitives.serialization import load_pem_public_key as K;"
    "d=pathlib.Path(sys.argv[1]);m=(d/'manifest.json').read_bytes();"
    "K(open(sys.argv[2],'rb').read()).verify(base64.b64decode((d/'manifest.sig').read_bytes()),m);"
    "j=json.loads(m);f=j['files']+j.get('documents',[]);"
    "bad=[e['name'] for e in f if hashlib.sha256((d/e['name']).read_bytes()).hexdigest()!=e['sha256']];"
    "sys.exit('ALTERED: '+' '.join(bad)) if bad else print('OK',len(f),'files')\" DOSSIER CLE_PUBLIQUE_MUTUELLE.pem"
)
FINGERPRINT_OPENSSL = "openssl pkey -pubin -in CLE_PUBLIQUE_MUTUELLE.pem -outform DER | sha256sum"

README_TEXT = (
    """\
Rapport employeur / Employer report — {name} (SIRET {siret})
==========================================================================================

FRANÇAIS

Ce dossier contient la consommation de soins anonymisée de vos salariés couverts par le contrat collectif :
  rapport_fr.html / rapport_fr.pdf      le rapport (s'ouvre hors connexion, sans rien télécharger)
  report_en.html / report_en.pdf        la version anglaise / the English version
  donnees.xlsx                          les mêmes chiffres en classeur, avec le dictionnaire des colonnes
  *.csv                                 les mêmes chiffres en CSV (UTF-8, séparateur « ; », virgule décimale)
  dictionnaire_des_colonnes.csv         la signification de chaque colonne
  mart_employer__*.parquet              les tableaux publiés, format Parquet
  manifest.json, manifest.sig           la liste signée des fichiers et leurs empreintes SHA-256
  SHA256SUMS                            les mêmes empreintes, au format de sha256sum

Vérifier que le dossier vient de la mutuelle et n'a pas été modifié
-------------------------------------------------------------------
La mutuelle vous remet sa clé publique par un autre canal que ce dossier (courrier, espace client...), avec
son empreinte. La copie public_key.pem de ce dossier ne prouve rien à elle seule : utilisez la clé reçue.
La clé qui a signé ce dossier a pour empreinte SHA-256 (voir aussi manifest.json, signature.key_fingerprint) :
  {fingerprint}
1. Empreinte de la clé reçue (doit être celle annoncée par la mutuelle) :
  {fingerprint_cmd}
2. Signature et fichiers, avec OpenSSL 3 (dans ce dossier) :
{openssl}

3. Ou, au lieu de l'étape 2, en une ligne de Python 3 (paquet « cryptography ») :
  {python}

ENGLISH

This folder holds the anonymised care consumption of your employees covered by the collective contract (the
files are listed above: the report in French and in English, each as HTML and PDF; the same figures as XLSX and CSV
with a column dictionary; the published Parquet tables; the signed manifest and checksums).
To verify it: the mutuelle gives you its public key through another channel than this folder, with its
fingerprint (public_key.pem in this folder proves nothing by itself). Check the key's fingerprint (step 1),
then the signature and every file (step 2 with OpenSSL 3, or step 3: the Python one-liner). Any failure means the folder
did not come unaltered from the mutuelle.
""".replace("{openssl}", "\n".join("  " + line for line in VERIFY_OPENSSL.splitlines()))
    .replace("{python}", VERIFY_PYTHON.replace("{", "{{").replace("}", "}}"))
    .replace("{fingerprint_cmd}", FINGERPRINT_OPENSSL)
)
