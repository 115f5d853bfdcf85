"""The outside auditors' corpora (issue 10, round 2) load with valid offsets and labels.

Only structure is checked here (never a text's content): audit2 is held out.
"""

from __future__ import annotations

import json

import pytest

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
        audit_corpus("audit3")
