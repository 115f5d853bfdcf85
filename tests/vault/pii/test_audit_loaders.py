"""The blind corpora released as tuning material (audit4 to audit8): registration, CLI choice, default report, errors.

Each was written blind by an outside auditor, measured once held out, then released as tuning material for a round
(its report ``pii_evaluation_<name>_round<n>.md``; the held-out record is kept). The loader tests never read the real
corpora: they build a tiny corpus of their own in a temporary folder laid out as the auditors' (<name>/corpus.jsonl).
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import vault.pii.corpora as corpora
from vault.pii.cli import default_report, pii_eval
from vault.pii.corpora import CorpusFileError, audit_corpus
from vault.pii.evaluation import CORPORA, evaluate

#: corpus -> the detection round it became tuning material for
RELEASED = {"audit6": 8, "audit7": 9, "audit8": 10}


def _write_tiny_audit(root, name):
    folder = root / name
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


def test_audit7_is_tuning_material_now_and_its_held_out_report_is_kept():
    assert "audit7" in CORPORA
    description = CORPORA["audit7"][1]
    assert "upper bound" in description and "round 9" in description and "held out" in description
    assert "never used for tuning" not in description
    assert default_report("audit7").name == "pii_evaluation_audit7_round9.md"
    assert default_report("audit7").parent.name == "results"
    result = CliRunner().invoke(pii_eval, ["--help"])
    assert result.exit_code == 0 and "audit7" in result.output


def test_audit8_is_tuning_material_now_and_its_held_out_reports_are_kept():
    assert "audit8" in CORPORA
    description = CORPORA["audit8"][1]
    assert "upper bound" in description and "round 10" in description and "held out" in description
    assert "pii_evaluation_audit8_baseline.md" in description and "pii_evaluation_audit8.md" in description
    assert "never used for tuning" not in description
    # round 10 measures it into its own file: neither held-out record is overwritten
    assert default_report("audit8").name == "pii_evaluation_audit8_round10.md"
    assert default_report("audit8").parent.name == "results"
    result = CliRunner().invoke(pii_eval, ["--help"])
    assert result.exit_code == 0 and "audit8" in result.output


def test_audit6_is_tuning_material_now_and_its_held_out_report_is_kept():
    description = CORPORA["audit6"][1]
    assert "upper bound" in description and "round 8" in description and "held out" in description
    assert "never used for tuning" not in description
    assert default_report("audit6").name == "pii_evaluation_audit6_round8.md"
    assert default_report("audit5").name == "pii_evaluation_audit5_round7.md"


@pytest.mark.parametrize("name", sorted(RELEASED))
def test_a_released_corpus_loads_with_the_audit_loader_and_is_measured(tmp_path, monkeypatch, name):
    monkeypatch.setattr(corpora, "AUDIT_ROOT", tmp_path)
    rows = _write_tiny_audit(tmp_path, name)
    items = audit_corpus(name)
    assert [t.id for t in items] == [r["id"] for r in rows]
    assert items[0].spans == ((13, 19, "PERSON"), (34, 48, "PHONE"))
    ev = evaluate(name)
    assert ev.corpus == name and ev.items == 2 and ev.clean_texts == 1
    assert ev.per_entity["PHONE"].gold == 1 and ev.per_entity["PHONE"].found == 1
    out = tmp_path / "report.md"
    result = CliRunner().invoke(pii_eval, ["--corpus", name, "-o", str(out)])
    assert "Traceback" not in result.output
    report = out.read_text()
    assert f"tuning material for round {RELEASED[name]}: upper bound" in report
    assert "Corpus: 2 texts, 1 of them without personal data" in report


@pytest.mark.parametrize("name", sorted(RELEASED))
def test_a_missing_corpus_is_a_clear_error(tmp_path, monkeypatch, name):
    monkeypatch.setattr(corpora, "AUDIT_ROOT", tmp_path)
    with pytest.raises(CorpusFileError, match=rf"{name}/corpus\.jsonl: no such file \(corpus {name} is not"):
        audit_corpus(name)
    out = tmp_path / "report.md"
    result = CliRunner().invoke(pii_eval, ["--corpus", name, "-o", str(out)])
    assert result.exit_code == 1
    assert f"{name}/corpus.jsonl: no such file" in result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)
    assert not out.exists()


@pytest.mark.parametrize("name", sorted(RELEASED))
def test_a_malformed_corpus_line_names_file_and_line(tmp_path, monkeypatch, name):
    monkeypatch.setattr(corpora, "AUDIT_ROOT", tmp_path)
    _write_tiny_audit(tmp_path, name)
    path = tmp_path / name / "corpus.jsonl"
    path.write_text(path.read_text() + '{"id": "t3", "style": "x", "text": "abc", "spans": [[0, 9, "PERSON"]]}\n')
    result = CliRunner().invoke(pii_eval, ["--corpus", name, "-o", str(tmp_path / "r.md")])
    assert result.exit_code == 1
    assert f"{name}/corpus.jsonl, line 3: bad span" in result.output and "Traceback" not in result.output
