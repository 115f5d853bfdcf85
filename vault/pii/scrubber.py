"""Batch detection and scrubbing of personal data in French free text.

``scrub_texts`` is what the vault calls on free-text fields before they cross to
the warehouse: every detected span is replaced by its label (``<NIR>``,
``<PHONE>``, ``<PERSON>``...). ``analyze_texts`` returns the spans themselves
(for the CLI, the evaluation and the outbound gate).

The fast path, with the same recognizers and the same results as one
``AnalyzerEngine.analyze`` call per text:

- empty and ``None`` texts are skipped;
- spaCy runs only on texts that can hold a name (a capitalised word after the
  first word of a sentence, or a first word that is not a common French word),
  batched with ``nlp.pipe``; spaCy runs its ``ner`` component only;
- every other text gets tokenizer-only NLP artefacts, so Presidio runs the regex
  recognizers without the neural network;
- the member's own names (``known_names``) are matched directly.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from presidio_analyzer import AnalyzerEngine, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from vault.pii.analyzer import get_analyzer
from vault.pii.recognizers import LANGUAGE

#: Texts handed to spaCy at once.
BATCH_SIZE = 256


@dataclass(frozen=True)
class Span:
    """A detected piece of personal data: character offsets, entity type and score."""

    start: int
    end: int
    entity_type: str
    score: float

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "entity_type": self.entity_type, "score": round(self.score, 4)}


# --- which texts need the NER model ------------------------------------------------

_UPPER = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ"
_CAPITALISED = re.compile(rf"(?<![\w'’\-])[{_UPPER}][\w'’\-]+")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\n]\s*|[\"«(]\s*)$")


@functools.lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Lower-case French words that are not names: spaCy's stop words and the lemmatizer's word index."""
    analyzer = get_analyzer()
    nlp = analyzer.nlp_engine.get_nlp(LANGUAGE)
    words: set[str] = set(nlp.Defaults.stop_words)
    if "lemmatizer" in nlp.component_names:
        lookups = nlp.get_pipe("lemmatizer").lookups
        if lookups.has_table("lemma_index"):
            for entries in lookups.get_table("lemma_index").values():
                words.update(entries)
    return frozenset(w.lower() for w in words)


def needs_ner(text: str) -> bool:
    """True when ``text`` may hold a person name spaCy could find.

    A capitalised word that is not the first word of a sentence is enough; a
    sentence's first word counts only when it is not a common French word.
    """
    common = None
    for match in _CAPITALISED.finditer(text):
        if not _SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()]):
            return True
        if common is None:
            common = _common_words()
        if match.group(0).lower() not in common:
            return True
    return False


# --- the member's own names ----------------------------------------------------------


@functools.lru_cache(maxsize=65536)
def _known_name_regex(names: tuple[str, ...]) -> re.Pattern[str] | None:
    parts = sorted({n.strip() for n in names if n and len(n.strip()) >= 2}, key=len, reverse=True)
    if not parts:
        return None
    alternatives = "|".join(re.escape(p).replace(r"\-", r"[\- ]").replace(r"\ ", r"[\- ]") for p in parts)
    return re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])", re.IGNORECASE)


def _known_name_spans(text: str, names: Sequence[str] | None) -> list[Span]:
    if not names:
        return []
    regex = _known_name_regex(tuple(str(n) for n in names if n))
    if regex is None:
        return []
    # A lower-case occurrence is a common word more often than a name ("petit", "blanc").
    return [Span(m.start(), m.end(), "PERSON", 0.9) for m in regex.finditer(text) if m.group(0)[0].isupper()]


# --- merging ---------------------------------------------------------------------


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Overlapping spans become one covering span, labelled by the best (score, length) of them."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    merged: list[Span] = []
    for span in ordered:
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            best = max((last, span), key=lambda s: (s.score, s.end - s.start))
            merged[-1] = Span(last.start, max(last.end, span.end), best.entity_type, best.score)
        else:
            merged.append(span)
    return merged


def _to_spans(results: Iterable[RecognizerResult]) -> list[Span]:
    return [Span(r.start, r.end, r.entity_type, float(r.score)) for r in results]


def _artifacts_without_ner(analyzer: AnalyzerEngine, text: str) -> NlpArtifacts:
    nlp = analyzer.nlp_engine.get_nlp(LANGUAGE)
    doc = nlp.make_doc(text)
    return NlpArtifacts(
        entities=[],
        tokens=doc,
        tokens_indices=[t.idx for t in doc],
        lemmas=[t.text for t in doc],
        nlp_engine=analyzer.nlp_engine,
        language=LANGUAGE,
        scores=[],
    )


def analyze_texts(
    texts: Sequence[str | None],
    known_names: Sequence[Sequence[str] | None] | None = None,
    *,
    batch_size: int = BATCH_SIZE,
) -> list[list[Span]]:
    """The personal-data spans of each text (merged, sorted, non-overlapping); ``[]`` for None or empty."""
    if known_names is not None and len(known_names) != len(texts):
        raise ValueError(f"known_names has {len(known_names)} entries for {len(texts)} texts")
    analyzer = get_analyzer()
    engine = analyzer.nlp_engine
    out: list[list[Span]] = [[] for _ in texts]

    ner_idx = [i for i, t in enumerate(texts) if t and needs_ner(t)]
    ner_set = set(ner_idx)
    artifacts: dict[int, NlpArtifacts] = {}
    if ner_idx:
        for i, (_text, art) in zip(
            ner_idx, engine.process_batch([texts[i] for i in ner_idx], LANGUAGE, batch_size=batch_size), strict=True
        ):
            artifacts[i] = art

    for i, text in enumerate(texts):
        if not text:
            continue
        art = artifacts.pop(i) if i in ner_set else _artifacts_without_ner(analyzer, text)
        spans = _to_spans(analyzer.analyze(text=text, language=LANGUAGE, nlp_artifacts=art))
        if known_names is not None:
            spans.extend(_known_name_spans(text, known_names[i]))
        out[i] = merge_spans(spans)
    return out


def replace_spans(text: str, spans: Sequence[Span]) -> str:
    """``text`` with each (non-overlapping) span replaced by ``<ENTITY_TYPE>``."""
    parts: list[str] = []
    pos = 0
    for span in sorted(spans, key=lambda s: s.start):
        parts.append(text[pos : span.start])
        parts.append(f"<{span.entity_type}>")
        pos = span.end
    parts.append(text[pos:])
    return "".join(parts)


def scrub_texts(
    texts: Sequence[str | None],
    known_names: Sequence[Sequence[str] | None] | None = None,
) -> list[str | None]:
    """Each text with its personal data replaced by labels; None stays None.

    ``known_names``: per text, the names of the person it is about (for a benefit
    comment, the member's ``[first_name, last_name]``), found even where spaCy
    would miss them.
    """
    all_spans = analyze_texts(texts, known_names)
    return [None if t is None else replace_spans(t, s) for t, s in zip(texts, all_spans, strict=True)]
