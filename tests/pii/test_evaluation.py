"""The labelled corpus is reproducible and right; the analyzer meets its targets on a fresh slice."""

from __future__ import annotations

import json

from click.testing import CliRunner

from confiance.identifiers import iban_valid, nir_key_valid
from vault.pii.cli import pii_eval
from vault.pii.corpus import STYLES, generate_corpus
from vault.pii.evaluation import PRECISION_TARGET, RECALL_TARGETS, score
from vault.pii.scrubber import Span, analyze_texts


def test_corpus_is_reproducible_and_varied():
    a, b, c = generate_corpus(300, 1), generate_corpus(300, 1), generate_corpus(300, 2)
    assert [x.to_dict() for x in a] == [x.to_dict() for x in b]
    assert [x.text for x in a] != [x.text for x in c]
    assert {x.style for x in a} == set(STYLES)
    assert sum(1 for x in a if not x.spans) > 30  # texts without personal data, with traps


def test_gold_spans_hold_valid_identifiers():
    for item in generate_corpus(400, 3):
        for start, end, entity in item.spans:
            value = item.text[start:end].replace(" ", "")
            if entity == "NIR":
                assert nir_key_valid(value)
            if entity == "IBAN":
                assert iban_valid(value)


def test_scoring_counts_misses_and_false_positives():
    corpus = generate_corpus(5, 4)
    item = next(x for x in corpus if x.spans)
    start, end, entity = item.spans[0]
    ev = score([item], [[Span(start, end, "NIR" if entity != "NIR" else "PHONE", 1.0)]])
    assert ev.per_entity[entity].recall < 1.0
    assert ev.overall.precision == 0.0
    assert ev.failures()


def test_targets_on_a_fresh_corpus_slice(analyzer):
    corpus = generate_corpus(400, seed=99)
    ev = score(corpus, analyze_texts([x.text for x in corpus]))
    for entity, target in RECALL_TARGETS.items():
        assert ev.per_entity[entity].recall >= target, entity
    assert ev.overall.precision >= PRECISION_TARGET
    assert not ev.failures()


def test_pii_eval_command_writes_the_report_without_corpus_text(analyzer, tmp_path):
    report, corpus_file = tmp_path / "eval.md", tmp_path / "corpus.jsonl"
    result = CliRunner().invoke(pii_eval, ["-n", "1000", "-o", str(report), "--corpus-out", str(corpus_file)])
    assert result.exit_code == 0, result.output
    text = report.read_text()
    assert "| NIR |" in text and "| PERSON |" in text and "all met" in text
    items = [json.loads(line) for line in corpus_file.read_text().splitlines()]
    assert len(items) == 1000
    for item in items[:200]:
        for span in item["spans"]:
            assert item["text"][span["start"] : span["end"]] not in text


def test_pii_eval_refuses_a_small_corpus(tmp_path):
    result = CliRunner().invoke(pii_eval, ["-n", "10", "-o", str(tmp_path / "x.md")])
    assert result.exit_code != 0 and "at least 1000" in result.output
