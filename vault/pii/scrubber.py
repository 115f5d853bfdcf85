"""Batch detection and scrubbing of personal data in French free text.

``scrub_texts`` is what the vault calls on free-text fields before they cross to
the warehouse: every detected span is replaced by its label (``<NIR>``,
``<PHONE>``, ``<PERSON>``...). ``analyze_texts`` returns the spans themselves
(for the CLI, the evaluation and the outbound gate).

The fast path uses the analyzer's own recognizers and finds at least what one
``AnalyzerEngine.analyze`` call per text finds (tested on the corpus):

- empty and ``None`` texts are skipped;
- the regex recognizers run on every text (they are cheap), called directly;
- spaCy (its ``ner`` component only) runs only on texts left with a capitalised
  word that no regex recognizer explained and that is not a word of the trade,
  batched with ``nlp.pipe`` through Presidio's ``process_batch``;
- the member's own names (``known_names``) are matched directly.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from presidio_analyzer import EntityRecognizer

from vault.pii.analyzer import SCORE_THRESHOLD, get_analyzer
from vault.pii.recognizers import ACRONYMS, LANGUAGE, NON_NAME_WORDS, FrenchRegexRecognizer

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


def needs_ner(text: str, covered: Sequence[Span] = ()) -> bool:
    """True when ``text`` may hold a person name that only spaCy could find.

    spaCy's names are dropped unless they hold a capital letter, so a text needs
    NER when it has a capitalised word that no other recognizer already covered
    and that is not a word of the trade (``NON_NAME_WORDS``, ``ACRONYMS``). A
    sentence's first word counts only when it is not a common French word.
    """
    common = None
    for match in _CAPITALISED.finditer(text):
        start, end = match.span()
        if any(s.start <= start and end <= s.end for s in covered):
            continue
        word = match.group(0)
        if word in ACRONYMS or word.lower() in NON_NAME_WORDS:
            continue
        if not _SENTENCE_START.search(text[max(0, start - 3) : start]):
            return True
        if common is None:
            common = _common_words()
        if word.lower() not in common:
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


@functools.lru_cache(maxsize=1)
def _recognizers() -> tuple[list[FrenchRegexRecognizer], list[EntityRecognizer]]:
    """The analyzer's regex recognizers and its NER-based ones."""
    registry = get_analyzer().registry
    regex = [r for r in registry.recognizers if isinstance(r, FrenchRegexRecognizer)]
    ner = [r for r in registry.recognizers if not isinstance(r, FrenchRegexRecognizer)]
    return regex, ner


def analyze_texts(
    texts: Sequence[str | None],
    known_names: Sequence[Sequence[str] | None] | None = None,
    *,
    batch_size: int = BATCH_SIZE,
) -> list[list[Span]]:
    """The personal-data spans of each text (merged, sorted, non-overlapping); ``[]`` for None or empty.

    The recognizers are the analyzer's own (``get_analyzer().registry``), called
    directly: first the regular expressions on every text, then spaCy, batched,
    on the texts where a capitalised word is left unexplained.
    """
    if known_names is not None and len(known_names) != len(texts):
        raise ValueError(f"known_names has {len(known_names)} entries for {len(texts)} texts")
    engine = get_analyzer().nlp_engine
    regex_recognizers, ner_recognizers = _recognizers()
    found: list[list[Span]] = [[] for _ in texts]
    ner_idx: list[int] = []
    for i, text in enumerate(texts):
        if not text:
            continue
        spans = [
            Span(r.start, r.end, r.entity_type, float(r.score))
            for rec in regex_recognizers
            for r in rec.analyze(text, None)
            if r.score >= SCORE_THRESHOLD
        ]
        if known_names is not None:
            spans.extend(_known_name_spans(text, known_names[i]))
        found[i] = spans
        if needs_ner(text, spans):
            ner_idx.append(i)
    if ner_idx:
        batch = engine.process_batch([texts[i] for i in ner_idx], LANGUAGE, batch_size=batch_size)
        for i, (text, artifacts) in zip(ner_idx, batch, strict=True):
            for rec in ner_recognizers:
                found[i].extend(
                    Span(r.start, r.end, r.entity_type, float(r.score))
                    for r in rec.analyze(text, ["PERSON"], artifacts)
                    if r.score >= SCORE_THRESHOLD
                )
    return [merge_spans(spans) for spans in found]


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
