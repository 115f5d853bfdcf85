"""The sixth blind corpus (audit6): loader, CLI choice, default report, errors (tuning material since round 8).

The real audit6 corpus is written blind by another auditor and is never read here: these tests build a tiny
corpus of their own in a temporary folder laid out as the auditor's will be (audit6/corpus.jsonl).
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import vault.pii.corpora as corpora
from vault.pii.cli import default_report, pii_eval
from vault.pii.corpora import CorpusFileError, audit_corpus
from vault.pii.evaluation import CORPORA, evaluate


def _write_tiny_audit6(root):
    folder = root / "audit6"
    folder.mkdir()
    rows = [
        {
            "id": "t1",
            "style": "call_centre",
            "text": "Appel de Mme Durand, joignable au 06 12 34 56 78.",
            "spans": [[13, 19, "PERSON"], [34, 48, "PHONE"]],
        },
        {"id": "t2", "style": "claims_comment", "text": "Devis dentaire reçu, à traiter.", "spans": []},
    ]
    assert rows[0]["text"][13:19] == "Durand" and rows[0]["text"][34:48] == "06 12 34 56 78"
    (folder / "corpus.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    return rows


def test_audit6_is_registered_as_tuning_material_after_its_held_out_measurement():
    assert "audit6" in CORPORA
    assert CORPORA["audit6"][1] == (
        "AUDIT-6 corpus (`vault/pii/corpora/audit6/`): written blind, measured once held out"
        " (bench/results/pii_evaluation_audit6.md), then released as tuning material for round 8: upper bound"
    )
    # round 8 measures it into its own file: the held-out record pii_evaluation_audit6.md is never overwritten
    assert default_report("audit6").name == "pii_evaluation_audit6_round8.md"
    assert default_report("audit6").parent.name == "results"
    result = CliRunner().invoke(pii_eval, ["--help"])
    assert result.exit_code == 0 and "audit6" in result.output


def test_audit5_is_tuning_material_now_and_its_held_out_report_is_kept():
    description = CORPORA["audit5"][1]
    assert "upper bound" in description and "round 7" in description and "held out" in description
    assert "never used for tuning" not in description
    assert default_report("audit5").name == "pii_evaluation_audit5_round7.md"


def test_audit4_is_tuning_material_now_and_its_held_out_report_is_kept():
    description = CORPORA["audit4"][1]
    assert "upper bound" in description and "round 6" in description
    assert default_report("audit4").name == "pii_evaluation_audit4_round6.md"


def test_audit6_loads_with_the_audit_loader_and_is_measured(tmp_path, monkeypatch):
    monkeypatch.setattr(corpora, "AUDIT_ROOT", tmp_path)
    rows = _write_tiny_audit6(tmp_path)
    items = audit_corpus("audit6")
    assert [t.id for t in items] == [r["id"] for r in rows]
    assert items[0].spans == ((13, 19, "PERSON"), (34, 48, "PHONE"))
    ev = evaluate("audit6")
    assert ev.corpus == "audit6" and ev.items == 2 and ev.clean_texts == 1
    assert ev.per_entity["PHONE"].gold == 1 and ev.per_entity["PHONE"].found == 1
    out = tmp_path / "report.md"
    result = CliRunner().invoke(pii_eval, ["--corpus", "audit6", "-o", str(out)])
    assert "Traceback" not in result.output
    report = out.read_text()
    assert "then released as tuning material for round 8: upper bound" in report
    assert "Corpus: 2 texts, 1 of them without personal data" in report


def test_a_missing_audit6_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(corpora, "AUDIT_ROOT", tmp_path)
    with pytest.raises(CorpusFileError, match=r"audit6/corpus\.jsonl: no such file \(corpus audit6 is not"):
        audit_corpus("audit6")
    out = tmp_path / "report.md"
    result = CliRunner().invoke(pii_eval, ["--corpus", "audit6", "-o", str(out)])
    assert result.exit_code == 1
    assert "audit6/corpus.jsonl: no such file" in result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
    assert not out.exists()


def test_a_malformed_audit6_line_names_file_and_line(tmp_path, monkeypatch):
    monkeypatch.setattr(corpora, "AUDIT_ROOT", tmp_path)
    _write_tiny_audit6(tmp_path)
    path = tmp_path / "audit6" / "corpus.jsonl"
    path.write_text(path.read_text() + '{"id": "t3", "style": "x", "text": "abc", "spans": [[0, 9, "PERSON"]]}\n')
    result = CliRunner().invoke(pii_eval, ["--corpus", "audit6", "-o", str(tmp_path / "r.md")])
    assert result.exit_code == 1
    assert "audit6/corpus.jsonl, line 3: bad span" in result.output and "Traceback" not in result.output
