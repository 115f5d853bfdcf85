"""The outbound gate catches personal data in Parquet columns and text files, and never prints it."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from confiance.identifiers import make_nir, make_siren, make_siret
from confiance.pipeline_inputs import pii_detector
from governance.pii_gate import Finding, PiiGateError, PiiLeakError, assert_clean, scan_paths

DETECT = pii_detector()

NIR = make_nir("F", 1984, 5, "75", 56, 83)
SIRET = make_siret(make_siren(73282932), 18)


def clean_mart() -> pa.Table:
    return pa.table(
        {
            "departement": ["75", "2A", "974", "13"],
            "age_band": ["18-24", "25-34", "35-44", "45-54"],
            "care_category": ["Optique", "Dentaire", "Hospitalisation", "Lunettes"],
            "act_code": ["HBLD036", "HBMD049", "C", "APC"],
            "month": ["2024-01", "2024-02", "2024-03", "2024-04"],
            "members": [12, 40, 17, 11],
            "amount": [1234.5, 99.9, 10.0, 0.0],
        }
    )


def test_clean_aggregate_mart_passes(analyzer, tmp_path):
    pq.write_table(clean_mart(), tmp_path / "mart.parquet")
    (tmp_path / "README.md").write_text("# Consommation\n\nEffectifs par département (75, 2A) et tranche d'âge.\n")
    assert scan_paths([tmp_path], detect=DETECT) == []
    assert_clean([tmp_path], detect=DETECT)


def test_nir_in_a_string_column_is_caught_without_printing_it(analyzer, tmp_path):
    table = clean_mart().append_column("note", pa.array(["RAS", f"NIR {NIR}", None, f"NIR {NIR}"]))
    path = tmp_path / "published" / "mart.parquet"
    path.parent.mkdir()
    pq.write_table(table, path)
    with pytest.raises(PiiLeakError) as err:
        assert_clean([tmp_path / "published"], detect=DETECT)
    message = str(err.value)
    assert "mart.parquet" in message and "column note" in message and "NIR" in message
    assert NIR not in message and NIR[:7] not in message
    assert err.value.findings == [Finding(str(path), "column note", "NIR", 1)]  # distinct values


def test_dictionary_encoded_columns_are_scanned(analyzer, tmp_path):
    table = pa.table({"who": pa.array(["Mme Durand", "Mme Durand", "x"]).dictionary_encode()})
    pq.write_table(table, tmp_path / "d.parquet")
    assert [f.entity_type for f in scan_paths([tmp_path / "d.parquet"], detect=DETECT)] == ["PERSON"]


def test_employer_siret_is_allowed_only_where_the_caller_says(analyzer, tmp_path):
    pq.write_table(pa.table({"employer_siret": [SIRET], "n": [15]}), tmp_path / "employer.parquet")
    assert [f.entity_type for f in scan_paths([tmp_path], detect=DETECT)] == ["SIRET"]
    assert scan_paths([tmp_path], allow={"SIRET"}, detect=DETECT) == []
    assert scan_paths([tmp_path], allow={"employer_siret": {"SIRET"}}, detect=DETECT) == []
    assert scan_paths([tmp_path], allow={"*/employer.parquet": {"SIRET"}}, detect=DETECT) == []
    assert scan_paths([tmp_path], allow={"other_column": {"SIRET"}}, detect=DETECT) != []


def test_text_files_are_scanned_per_line(analyzer, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        "<html><body>\n<p>Glossaire</p>\n<p>Contact : <a href='mailto:x'>jean.durand@gmail.com</a></p>\n</body></html>"
    )
    (site / "data.json").write_text('{"rows": 3,\n "phone": "06 12 34 56 78"}')
    (site / "notes.txt").write_text("rien\n")
    (site / "table.csv").write_text("departement,n\n75,12\n")
    (site / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    findings = scan_paths([site], detect=DETECT)
    assert [(f.file.split("/")[-1], f.location, f.entity_type) for f in findings] == [
        ("data.json", "key phone", "PHONE"),
        ("index.html", "line 3", "EMAIL"),
    ]
    with pytest.raises(PiiLeakError) as err:
        assert_clean([site], detect=DETECT)
    assert "jean.durand" not in str(err.value) and "06 12" not in str(err.value)


def test_unreadable_files_block_publication(analyzer, tmp_path):
    (tmp_path / "broken.parquet").write_bytes(b"not a parquet file")
    with pytest.raises(PiiGateError, match="broken.parquet: cannot read Parquet"):
        scan_paths([tmp_path], detect=DETECT)
    with pytest.raises(PiiGateError, match="no such file"):
        scan_paths([tmp_path / "nowhere"], detect=DETECT)
    (tmp_path / "broken.parquet").unlink()
    (tmp_path / "latin1.txt").write_bytes("réf\xe9".encode("latin-1"))
    with pytest.raises(PiiGateError, match="latin1.txt: cannot read as UTF-8"):
        scan_paths([tmp_path], detect=DETECT)


def test_checksums_and_tokens_are_not_personal_data(analyzer, tmp_path):
    # A SHA-256 digest can hold ten digits shaped like a mobile number, or an IBAN-shaped run.
    digest = "0606719593db0cbeff22beeddedc79cf207ad4783f129477675967a28ac05d82"
    report = tmp_path / "reports"
    report.mkdir()
    (report / "log.md").write_text(f"| mart_employer__summary.parquet | {digest} |\n| insurer.v1.{digest[:32]} |\n")
    pq.write_table(pa.table({"sha256": [digest]}), report / "files.parquet")
    assert scan_paths([report], detect=DETECT) == []
    # The same digits standing apart are a phone number.
    (report / "note.md").write_text("rappeler au 06 06 71 95 93\nou 0606719593\n")
    assert [(f.location, f.entity_type) for f in scan_paths([report / "note.md"], detect=DETECT)] == [
        ("line 1", "PHONE"),
        ("line 2", "PHONE"),
    ]


def test_documentation_bounds_and_glossary_words_pass_but_a_name_does_not(analyzer, tmp_path):
    """The gate uses the scrubber's detectors: a column's documented bounds and the glossary's capitalised
    terms are not personal data; a member's name in lower case in a published CSV is."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "feed-members.html").write_text(
        "<td><code>DATE</code><div>format yyyy-MM-dd; min 1900-01-01</div></td>\n"
        "<p>Propriétaire : Direction des Prestations. Classification : Donnée de santé.</p>\n"
        "<p>Rétention : 5 ans après la fin du contrat (Loi Evin du 31/12/1989).</p>\n"
    )
    assert scan_paths([site], detect=DETECT) == []
    (site / "extract.csv").write_text("commentaire\nvu avec nathalie okonkwo pour le devis\n")
    assert [(f.location, f.entity_type) for f in scan_paths([site], detect=DETECT)] == [
        ("line 2, column commentaire", "PERSON")
    ]


def test_csv_cells_are_read_with_their_delimiter_and_named_by_column(analyzer, tmp_path):
    # a semicolon CSV (as French spreadsheets write it): the phone sits in a cell, the place names its column
    (tmp_path / "t.csv").write_text("famille;montant;note\nOptique;12,50;RAS\nDentaire;3,00;rappeler 0612345678\n")
    assert [(f.location, f.entity_type) for f in scan_paths([tmp_path], detect=DETECT)] == [
        ("line 3, column note", "PHONE")
    ]


def test_xlsx_cells_are_scanned_on_every_sheet(analyzer, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Totaux"
    book.active.append(["famille", "montant"])
    book.active.append(["Optique", 12.5])
    other = book.create_sheet("Notes")
    other.append(["commentaire"])
    other.append([f"NIR {NIR}"])
    book.save(tmp_path / "donnees.xlsx")
    findings = scan_paths([tmp_path], detect=DETECT)
    assert [(f.location, f.entity_type) for f in findings] == [("sheet Notes, cell A2", "NIR")]
    assert NIR not in str(PiiLeakError(findings))


def test_json_keys_and_values_and_json_lines_are_scanned(analyzer, tmp_path):
    (tmp_path / "m.json").write_text('{"files": [{"name": "a.parquet"}, {"name": "jean.durand@gmail.com"}]}')
    (tmp_path / "l.jsonl").write_text('{"n": 1}\n\n{"note": "tel 06 12 34 56 78"}\n')
    assert [(f.file.split("/")[-1], f.location, f.entity_type) for f in scan_paths([tmp_path], detect=DETECT)] == [
        ("l.jsonl", "line 3, key note", "PHONE"),
        ("m.json", "key files[1].name", "EMAIL"),
    ]
    (tmp_path / "bad.json").write_text('{"n": 1,')
    with pytest.raises(PiiGateError, match=r"bad\.json: not valid JSON"):
        scan_paths([tmp_path], detect=DETECT)


def test_release_allow_keeps_every_other_detector_on_generated_documents(analyzer, tmp_path):
    from governance.pii_gate import release_allow

    allow = release_allow({"employer_siret": {"SIRET"}})
    (tmp_path / "rapport.html").write_text(f"<p>Employeur SIRET {SIRET}. Care family. Hommes.</p>\n")
    assert scan_paths([tmp_path], allow=allow, detect=DETECT) == []
    (tmp_path / "rapport.html").write_text("<p>Employeur</p>\n<p>écrire à paie@boulangerie-martin.fr</p>\n")
    assert [(f.location, f.entity_type) for f in scan_paths([tmp_path], allow=allow, detect=DETECT)] == [
        ("line 2", "EMAIL")
    ]
    pq.write_table(pa.table({"note": [f"SIRET {SIRET}"]}), tmp_path / "t.parquet")  # tables: columns only
    assert [f.entity_type for f in scan_paths([tmp_path / "t.parquet"], allow=allow, detect=DETECT)] == ["SIRET"]


def test_html_cells_never_read_as_one_value_but_a_value_inside_a_cell_is_caught(analyzer, tmp_path):
    # two neighbouring amounts of a table row, on one line of HTML: no phone number across the cells
    (tmp_path / "t.html").write_text("<table><tr><td>06 12</td><td>34 56 78</td><td>1 234,50</td></tr></table>\n")
    assert scan_paths([tmp_path], detect=DETECT) == []
    (tmp_path / "t.html").write_text("<table><tr><td>Tél.</td><td><b>06 12</b> 34 56 78</td></tr></table>\n")
    assert [(f.location, f.entity_type) for f in scan_paths([tmp_path], detect=DETECT)] == [("line 1", "PHONE")]
