"""The outside auditors' corpora (issue 10) load with valid offsets and labels.

Only structure is checked here (never a text's content). audit3 is HELD OUT: these tests never read its
folder; they only check that it is registered and that a missing corpus is a clear error.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import vault.pii.corpora as corpora
from vault.pii.cli import pii_eval
from vault.pii.corpora import LABELS, CorpusFileError, audit_corpus, load_jsonl
from vault.pii.evaluation import CORPORA


@pytest.mark.parametrize("name", ["audit1", "audit2"])
def test_audit_corpus_loads_with_valid_spans(name):
    items = audit_corpus(name)
    assert len(items) == 900
    assert len({t.id for t in items}) == len(items)
    clean = sum(1 for t in items if not t.spans)
    assert 0.10 * len(items) <= clean <= 0.5 * len(items)
    for t in items:
        previous_end = 0
        for s, e, label in t.spans:
            assert label in LABELS
            assert previous_end <= s < e <= len(t.text)
            value = t.text[s:e]
            assert value == value.strip() and value
            previous_end = e
    assert name in CORPORA and len(CORPORA[name][0]()) == 900


def test_bad_jsonl_is_a_clear_error(tmp_path):
    path = tmp_path / "c.jsonl"
    good = {"id": "a", "style": "s", "text": "Mme Durand", "spans": [[4, 10, "PERSON"]]}
    path.write_text(json.dumps(good) + "\n" + json.dumps({**good, "spans": [[4, 99, "PERSON"]]}) + "\n")
    with pytest.raises(CorpusFileError, match=r"c\.jsonl, line 2: bad span"):
        load_jsonl(path)
    path.write_text("{not json\n")
    with pytest.raises(CorpusFileError, match="line 1"):
        load_jsonl(path)
    with pytest.raises(ValueError, match="unknown audit corpus"):
        audit_corpus("audit0")


def test_audit3_says_it_was_measured_once_held_out_then_released_for_tuning():
    assert "measured once held out" in CORPORA["audit3"][1] and "upper bound" in CORPORA["audit3"][1]
    assert "TUNING" in CORPORA["audit2"][1] and "measured once held out" in CORPORA["audit2"][1]
    result = CliRunner().invoke(pii_eval, ["--help"])
    assert result.exit_code == 0
    assert "audit3" in result.output and "held" in result.output


def test_a_missing_audit_folder_is_a_clear_error_not_a_traceback(tmp_path, monkeypatch):
    monkeypatch.setattr(corpora, "AUDIT_ROOT", tmp_path)  # an empty checkout: no auditor's folder at all
    with pytest.raises(CorpusFileError, match=r"audit3/corpus\.jsonl: no such file"):
        audit_corpus("audit3")
    out = tmp_path / "report.md"
    result = CliRunner().invoke(pii_eval, ["--corpus", "audit3", "-o", str(out)])
    assert result.exit_code == 1
    assert "no such file" in result.output and "corpus audit3" in result.output
    assert "Traceback" not in result.output and result.exception is not None
    assert isinstance(result.exception, SystemExit)
    assert not out.exists()


def test_each_corpus_has_its_own_default_report_and_the_held_out_records_are_kept():
    from vault.pii.cli import DEFAULT_REPORT, default_report

    assert default_report("heldout") == DEFAULT_REPORT
    assert default_report("audit3").name == "pii_evaluation_audit3_round4.md"
    assert default_report("audit2").name == "pii_evaluation_audit2_round3.md"
    assert len({default_report(c) for c in CORPORA}) == len(CORPORA)
