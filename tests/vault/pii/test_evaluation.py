"""The evaluation: scoring counts what it should; the command evaluates a chosen corpus and quotes no text."""

from __future__ import annotations

from click.testing import CliRunner

from vault.pii.cli import pii_eval
from vault.pii.corpora import LabelledText, tuning_corpus
from vault.pii.corpus import generate_corpus
from vault.pii.evaluation import CORPORA, PRECISION_TARGET, RECALL_TARGETS, score, to_markdown
from vault.pii.scrubber import Span, analyze_texts


def test_scoring_counts_misses_false_positives_and_clean_texts():
    item = LabelledText("a", "claims_comment", "NIR 1 84 05 75 056 083 30 et rien", ((4, 25, "NIR"),))
    clean = LabelledText("b", "claims_comment", "Dossier complet.", ())
    ev = score([item, clean], [[Span(4, 25, "PHONE", 1.0)], [Span(0, 7, "PERSON", 0.7)]])
    assert ev.per_entity["NIR"].recall == 0.0
    assert ev.overall.precision == 0.0
    assert ev.clean_texts == 1 and ev.clean_untouched == 0
    assert any("NIR recall" in f for f in ev.failures())
    assert any("clean texts untouched" in f for f in ev.failures())
    ev = score([item, clean], [[Span(4, 25, "NIR", 1.0)], []])
    assert ev.per_entity["NIR"].recall == 1.0 and ev.clean_untouched_share == 1.0 and not ev.failures()


def test_siren_counts_as_siret_as_the_corpora_label_it():
    item = LabelledText("a", "employer_hr", "SIREN 732 829 320", ((6, 17, "SIRET"),))
    ev = score([item], [[Span(6, 17, "SIREN", 0.85)]])
    assert ev.per_entity["SIRET"].recall == 1.0 and ev.per_entity["SIRET"].precision == 1.0


def test_targets_on_a_slice_of_the_tuning_corpus(analyzer):
    corpus = tuning_corpus(600)
    ev = score(corpus, analyze_texts([x.text for x in corpus]))
    for entity, target in RECALL_TARGETS.items():
        if ev.per_entity.get(entity) and ev.per_entity[entity].gold >= 20:
            assert ev.per_entity[entity].recall >= target, entity
    assert ev.overall.precision >= PRECISION_TARGET
    # The tuning corpus keeps clean texts of kinds still unsolved (product names in lists, brands that are also
    # INSEE surnames): the 0.97 clean-text target is judged on the held-out corpus; here it stays above 0.95.
    assert ev.clean_untouched_share >= 0.95
    assert all(f.startswith("clean texts untouched") for f in ev.failures()), ev.failures()


def test_legacy_corpus_still_scores_well(analyzer):
    corpus = generate_corpus(400, seed=99)
    ev = score(corpus, analyze_texts([x.text for x in corpus]))
    for entity in ("NIR", "IBAN", "EMAIL", "PHONE", "PERSON", "ADDRESS"):
        assert ev.per_entity[entity].recall >= 0.95, entity
    assert ev.overall.precision >= PRECISION_TARGET


def test_pii_eval_command_writes_the_report_without_corpus_text(analyzer, tmp_path):
    report = tmp_path / "eval.md"
    result = CliRunner().invoke(pii_eval, ["--corpus", "tuning", "-o", str(report)])
    # a target not met is an error exit, with the reason: on the tuning corpus only the clean-text share may be
    assert result.exit_code == 0 or result.output.rstrip().endswith(
        tuple(f"clean texts untouched {x / 1000:.3f} < 0.97" for x in range(950, 970))
    ), result.output
    text = report.read_text()
    assert "TUNING corpus" in text and "upper bound" in text
    assert "| NIR |" in text and "| PERSON |" in text and "untouched" in text and "texts/s" in text
    for item in tuning_corpus()[:300]:
        for start, end, _label in item.spans:
            if end - start >= 6:
                assert item.text[start:end] not in text


def test_pii_eval_defaults_to_the_heldout_corpus():
    default = next(p for p in pii_eval.params if p.name == "corpus").default
    assert default == "heldout"
    assert "HELD-OUT" in CORPORA["heldout"][1] and "never used to tune" in CORPORA["heldout"][1]
    result = CliRunner().invoke(pii_eval, ["--corpus", "nope"])
    assert result.exit_code != 0


def test_report_states_the_corpus(analyzer):
    corpus = tuning_corpus(50)
    ev = score(corpus, analyze_texts([x.text for x in corpus]))
    ev.corpus = "heldout"
    assert "HELD-OUT corpus" in to_markdown(ev)
