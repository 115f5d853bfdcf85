"""The blind corpora released as tuning material (audit4 to audit11): registration, CLI choice, default report, errors.

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
RELEASED = {
    "audit4": 6,
    "audit5": 7,
    "audit6": 8,
    "audit7": 9,
    "audit8": 10,
    "audit9": 11,
    "audit10": 12,
    "audit11": 13,
    "audit12": 14,
}


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


@pytest.mark.parametrize("name", sorted(RELEASED))
def test_a_released_corpus_is_registered_as_tuning_material_and_its_held_out_reports_are_kept(name):
    # registered in every place a released corpus must be: AUDIT_FILES, CORPORA, default report, --corpus choice
    assert name in corpora.AUDIT_FILES and name in CORPORA
    description = CORPORA[name][1]
    number = name.removeprefix("audit")
    assert description.startswith(f"AUDIT-{number} corpus (`vault/pii/corpora/{name}/`): written blind, measured")
    assert f"tuning material for round {RELEASED[name]}: upper bound" in description and "held out" in description
    assert f"bench/results/pii_evaluation_{name}" in description
    assert "never used for tuning" not in description
    # the round measures it into its own file: the held-out record(s) are never overwritten
    assert default_report(name).name == f"pii_evaluation_{name}_round{RELEASED[name]}.md"
    assert default_report(name).parent.name == "results"
    choice = next(p for p in pii_eval.params if p.name == "corpus")
    assert name in choice.type.choices
    result = CliRunner().invoke(pii_eval, ["--help"])
    assert result.exit_code == 0 and f"pii_evaluation_{name}_round{RELEASED[name]}.md" in result.output


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
