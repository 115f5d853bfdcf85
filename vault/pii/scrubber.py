"""Batch detection and scrubbing of personal data in French free text.

``scrub_texts`` is what the vault calls on free-text fields before they cross to
the warehouse: every detected span is replaced by its label (``<NIR>``,
``<PHONE>``, ``<PERSON>``...). ``analyze_texts`` returns the spans themselves
(for the CLI, the evaluation and the outbound gate).

The recognizers are the analyzer's own (``get_analyzer().registry``), called
directly, cheapest first:

- each distinct text is analysed once (feeds repeat "RAS", "Devis reçu"...);
  empty and ``None`` texts are skipped;
- the validated patterns run on every text that can hold them: each recognizer
  declares a cheap gate (``FrenchRegexRecognizer.may_match``: the longest run of
  digits it needs, a sign or word such as ``@`` or a street type, its required
  context words), checked on the text's lower-cased form before any pattern;
- the name detector (``vault.pii.names``: INSEE lexicons, casing, context) and,
  inside the vault, the member-register gazetteer (``vault.pii.gazetteer``) run
  on every text;
- spaCy's NER runs only on the texts where a capitalised word is left that no
  lexicon, pattern or word list explains (``FindResult.doubt``), and there only on
  the words around each such word (``ner_windows``: ``NER_WINDOW_WORDS`` words on
  each side, overlapping windows joined), batched with ``nlp.pipe``; its answers
  are mapped back to the text's offsets and kept only where they read as a name
  (``recognizers.clean_model_person``, on the whole text);
- the person's own names (``known_names``) are matched directly.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from presidio_analyzer import EntityRecognizer

from vault.pii.analyzer import MODEL_PERSON_LABELS, MODEL_PERSON_SCORE, SCORE_THRESHOLD, get_analyzer, get_nlp
from vault.pii.gazetteer import NameGazetteer
from vault.pii.lexicon import fold, name_lexicon, vocabulary
from vault.pii.names import all_ordinary, find_names, tokenize
from vault.pii.ocr import misread_words, ocr_digits
from vault.pii.pieces import number_pieces
from vault.pii.recognizers import (
    _MONTHS,
    _MONTHS_ABBR,
    FrenchLexiconPersonRecognizer,
    FrenchRegexRecognizer,
    _compact,
    _validate_rpps,
    _validate_siren,
    _validate_siret,
    clean_model_person,
    longest_digit_run,
    nir13_after_birth_dates,
    nir13_plausible,
    slashed_groups_phones,
    trunk_apart_phones,
    wrapped_phones,
)
from vault.pii.records import (
    assistant_names,
    bare_rpps,
    delimited_records,
    dsn_fields,
    file_name_people,
    initials,
    restated_births,
    structural_names,
)
from vault.pii.slots import (
    drop_non_persons,
    given_names_after_prepositions,
    names_by_their_cues,
    repeated_titled_names,
)
from vault.pii.speakers import keyless_nirs_sent_alone, speaker_names, titled_lower_names
from vault.pii.spoken import said_nirs, spelled_names, spoken_birth_dates, spoken_nirs
from vault.pii.tables import header_spans, not_person_zones, table_cells
from vault.pii.textview import TextView, text_view
from vault.pii.urlencoded import url_encoded_spans

#: Texts (windows) handed to spaCy at once.
BATCH_SIZE = 256

#: spaCy reads this many words (runs of non-blanks) on each side of a doubtful capitalised word, not the whole
#: text. Its NER sees about four tokens on each side of a word (its own embedding layer: a window of one, four
#: layers deep), so ten words keep the answers it gives on the whole text (tests/vault/pii/test_sentence_windows.py;
#: the corpora compared in bench/results/scrub.md). ``None``: the whole text (the reference path).
NER_WINDOW_WORDS: int | None = 10


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


def needs_ner(text: str, covered: Sequence[Span] = ()) -> bool:
    """True when ``text`` holds a capitalised word inside a sentence that no lexicon, pattern or word list
    explains and that no span in ``covered`` already holds: only there may a name be left for spaCy."""
    result = find_names(text)
    if not result.doubt:
        return False
    spans = [*covered, *(Span(s, e, "PERSON", sc) for s, e, sc in result.spans)]
    for tok in tokenize(text, fold(text)):
        if tok.unknown_cap and not tok.sentence_start:
            if not any(s.start <= tok.start and tok.end <= s.end for s in spans):
                return True
    return False


def doubtful_words(
    text: str, folded: str, found: Sequence[tuple[int, int, float]], members: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """Where spaCy is asked to look in a text left in doubt: the (start, end) of each capitalised word that no
    lexicon, pattern or word list explains (the doubt itself) and of each capitalised name of the lexicons, found
    or not (``found`` is not consulted: spaCy read the whole text before, and also found the names the detector
    left out, "Contact famille : Sylvie", or extended ones it found, "LEMAIRE Mai")."""
    del found
    return [
        (tok.start, tok.end)
        for tok in tokenize(text, folded, members)
        if tok.unknown_cap or ((tok.cased or tok.upper) and (tok.lex or tok.member))
    ]


_NON_BLANK = re.compile(r"\S+")
#: Where a sentence ends: a line break, or ".", "!", "?", "…" before a blank.
_SENTENCE_END = re.compile(r"\n|[.!?…]+(?=\s)")


def ner_windows(
    text: str, words: Sequence[tuple[int, int]], margin: int | None = NER_WINDOW_WORDS
) -> list[tuple[int, int]]:
    """The (start, end) pieces of ``text`` spaCy reads: the sentences holding the words ``margin`` words before and
    after each of ``words`` and every sentence between (a window never cuts a sentence), overlapping or touching
    windows joined; the whole text when ``margin`` is None or no word is given."""
    if margin is None or not words:
        return [(0, len(text))]
    runs = [m.span() for m in _NON_BLANK.finditer(text)]
    starts = [a for a, _b in runs]
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    last = len(runs) - 1
    windows: list[tuple[int, int]] = []
    for start, end in sorted(words):
        first = max(0, bisect.bisect_right(starts, start) - 1 - margin)
        final = min(last, bisect.bisect_left(starts, end) - 1 + margin)
        a, b = runs[first][0], runs[final][1]
        before = bisect.bisect_right(ends, a) - 1  # the last sentence end at or before a
        a = ends[before] if before >= 0 else 0
        after = bisect.bisect_left(ends, b)  # the first sentence end at or after b
        b = ends[after] if after < len(ends) else len(text)
        while a < b and text[a].isspace():
            a += 1
        if windows and not text[windows[-1][1] : a].strip():  # overlapping, or only blanks between
            windows[-1] = (windows[-1][0], max(windows[-1][1], b))
        else:
            windows.append((a, b))
    return windows


def model_persons(
    texts: Sequence[str], windows: Sequence[Sequence[tuple[int, int]]], batch_size: int = BATCH_SIZE
) -> list[list[Span]]:
    """spaCy's persons in each text, read only in its ``windows`` (one ``nlp.pipe`` over all the windows), mapped
    back to the text's offsets and cleaned on the whole text (``clean_model_person``)."""
    pieces = [(k, a, b) for k, spans in enumerate(windows) for a, b in spans]
    docs = get_nlp().pipe((texts[k][a:b] for k, a, b in pieces), batch_size=batch_size)
    found: list[list[Span]] = [[] for _ in texts]
    for (k, a, _b), doc in zip(pieces, docs, strict=True):
        for ent in doc.ents:
            if ent.label_ not in MODEL_PERSON_LABELS:
                continue
            cleaned = clean_model_person(texts[k], a + ent.start_char, a + ent.end_char)
            if cleaned is not None and MODEL_PERSON_SCORE >= SCORE_THRESHOLD:
                found[k].append(Span(cleaned[0], cleaned[1], "PERSON", MODEL_PERSON_SCORE))
    return found


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


#: Where spans overlap, the label of the more specific type wins: a checksum beats a phone-shaped run,
#: an address beats the person name in its street name ("rue Paul Bert").
TYPE_PRIORITY: dict[str, int] = {
    "NIR": 4, "IBAN": 4, "EMAIL": 4, "SIRET": 3, "SIREN": 3, "RPPS": 2, "ADELI": 2,
    "ADDRESS": 2, "DATE_OF_BIRTH": 2, "PHONE": 2, "PERSON": 1,
}  # fmt: skip


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Overlapping spans become one covering span, labelled by the best (type priority, score, length)."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    merged: list[Span] = []
    for span in ordered:
        if merged and span.start < merged[-1].end:
            last = merged[-1]
            best = max((last, span), key=lambda s: (TYPE_PRIORITY.get(s.entity_type, 0), s.score, s.end - s.start))
            merged[-1] = Span(last.start, max(last.end, span.end), best.entity_type, best.score)
        else:
            merged.append(span)
    return merged


@functools.lru_cache(maxsize=1)
def _recognizers() -> tuple[list[FrenchRegexRecognizer], list[EntityRecognizer]]:
    """The analyzer's pattern recognizers and its NER-based ones."""
    registry = get_analyzer().registry
    regex = [r for r in registry.recognizers if isinstance(r, FrenchRegexRecognizer)]
    ner = [r for r in registry.recognizers if not isinstance(r, (FrenchRegexRecognizer, FrenchLexiconPersonRecognizer))]
    return regex, ner


#: What the numbers OCR misread may reveal: each type is decided by its checksum (NIR, IBAN, SIRET/SIREN, RPPS),
#: its numbering plan (phones) or its birth cue (dates of birth).
_OCR_TYPES = frozenset(("NIR", "IBAN", "SIRET", "SIREN", "RPPS", "PHONE", "DATE_OF_BIRTH"))


def _ocr_number_spans(text: str) -> list[Span]:
    """Round 11: the pattern recognizers' spans on the text with the letters OCR gives for digits read back as
    digits (``vault.pii.ocr``: same offsets), kept when they hold a character read back and are of a type its
    validation decides. Only the patterns run on that reading: words, names and codes such as a DSN rubric
    (``S21.G00.30.001``) are read as written."""
    read = ocr_digits(text)
    if read is None:
        return []
    changed = [i for i, (a, b) in enumerate(zip(text, read, strict=True)) if a != b]
    out = []
    for span in _pattern_spans(read):
        if span.entity_type not in _OCR_TYPES:
            continue
        k = bisect.bisect_left(changed, span.start)
        if k < len(changed) and changed[k] < span.end:
            out.append(span)
    return out


def _pattern_spans(text: str) -> list[Span]:
    """Spans of the pattern recognizers that can match ``text`` (each one's cheap gate first: the longest run of
    digits, a word or sign it needs, its required context words)."""
    regex, _ner = _recognizers()
    lowered = text.lower()
    longest = longest_digit_run(text)
    spans: list[Span] = []
    for rec in regex:
        if not rec.may_match(lowered, longest):
            continue
        entity = rec.entity
        spans.extend(Span(a, b, entity, score) for a, b, score in rec.find(text) if score >= SCORE_THRESHOLD)
    return spans


_DATE_IN_PARENS = re.compile(
    r"(?:[ \u00a0]*\([ \u00a0]*|,[ \u00a0]*|[ \u00a0]*[;|][ \u00a0]*|[ \u00a0]+[-–][ \u00a0]+|[ \u00a0]+)"
    r"((?:0?[1-9]|[12]\d|3[01])[/.\-](?:0?[1-9]|1[0-2])[/.\-](?:19|20)?\d\d"
    r"|(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    rf"|(?:1er|0?[1-9]|[12]\d|3[01])[ \u00a0]+(?i:{_MONTHS}|{_MONTHS_ABBR})[ \u00a0]*(?:19|20)\d\d"
    # in a list of people ("DUPONT Claude ; 19 02 1974 ; ...", "LEDUC Margaret ; 28111973"): day, month and
    # four-digit year spaced or run together
    r"|(?<=[;|] )(?:0[1-9]|[12]\d|3[01])[ \u00a0]?(?:0[1-9]|1[0-2])[ \u00a0]?(?:19|20)\d\d(?![ \u00a0]?\d))(?![\d/])"
)
#: A year alone right after a name, in brackets or between commas: "Mr Huet (1990)", "Mme Leleu, 1982, retraitée".
_YEAR_AFTER_NAME = re.compile(r"(?:[ \u00a0]*\([ \u00a0]*|,[ \u00a0]*)((?:19|20)\d\d)(?=[ \u00a0]*[),])")


_DATE_DIGITS = re.compile(r"[0-9][/.\-][0-9]|(?:19|20)[0-9][0-9]")
#: A year after a name later than this is no birth year.
_LATEST_YEAR = 2026


def _dates_after_names(text: str, spans: list[Span]) -> list[Span]:
    """A full date right after a person's name (in brackets, after a comma or a dash) is their date of birth:
    "DURAND Anne (12/03/1984)", "Mme Durand, 12/03/1984"."""
    if not any(s.entity_type == "PERSON" for s in spans) or not _DATE_DIGITS.search(text):
        return []
    out = []
    ends = sorted({s.end for s in spans if s.entity_type == "PERSON"})
    # only a date that starts right where a name ends counts: matched there, not searched through the whole text
    for m in filter(None, (_DATE_IN_PARENS.match(text, end) for end in ends)):
        year = re.search(r"(?:19|20)\d\d|\d\d$", m.group(1))
        lead = m.group(0)[: m.start(1) - m.start()]
        bracketed = any(c in lead for c in "(,") or "-" in lead
        if not bracketed and year is not None and len(year.group(0)) == 4 and int(year.group(0)) > 2012:
            # "Generated 2026-11-27": a recent date after a word is no birth; nor in a table or a list ("| Durand |
            # 2025-03-01 |", "Mme Durand ; 12/03/2025 ; rappel"), where the dates of care, letters and runs are
            continue
        out.append(Span(m.start(1), m.end(1), "DATE_OF_BIRTH", 0.7))
    for end in ends:
        m = _YEAR_AFTER_NAME.match(text, end)
        if m is not None and int(m.group(1)) <= _LATEST_YEAR:
            out.append(Span(m.start(1), m.end(1), "DATE_OF_BIRTH", 0.6))
    return out


#: A number that replaces another: "SIREN 639 679 778 -> 322 659 129".
_CHAINED_NUMBER = re.compile(
    r"[ \u00a0]*(?:->|→|=>|>|devient|remplac[ée] par)[ \u00a0]*"
    r"(\d(?:[ \u00a0.]?\d){8}(?:(?:[ \u00a0.]?\d){5})?)(?![ \u00a0.]?\d)"
)


def _chained_identifiers(text: str, spans: list[Span]) -> list[Span]:
    """A SIREN or SIRET right after an arrow that follows a SIREN or SIRET is one too, checksum permitting."""
    out = []
    for span in spans:
        if span.entity_type not in ("SIREN", "SIRET"):
            continue
        m = _CHAINED_NUMBER.match(text, span.end)
        if m is None:
            continue
        value = m.group(1)
        digits = sum(c.isdigit() for c in value)
        if (digits == 9 and _validate_siren(value)) or (digits == 14 and _validate_siret(value)):
            out.append(Span(m.start(1), m.end(1), "SIREN" if digits == 9 else "SIRET", span.score))
    return out


#: The label words of a 9-digit number, nearest first decides: a paramedical ADELI number or a company SIREN.
_NUMBER_LABEL = re.compile(r"(?i:(adeli)|(siren|siret|rcs)|(finess))(?![a-z])")


def _adeli_or_siren(text: str, spans: list[Span]) -> list[Span]:
    """Where one value is read both as an ADELI and as a SIREN number (both need their word nearby), the label
    word nearest before it decides: "SIRET 458 750 452 00682, ADELI 382011468" holds a SIRET and an ADELI, not
    two company numbers; "ADELI 123456789, SIREN 732829320" the other way round."""
    adeli = [s for s in spans if s.entity_type == "ADELI"]
    siren = [s for s in spans if s.entity_type == "SIREN"]
    if not adeli or not siren:
        return spans
    drop: set[Span] = set()
    for a in adeli:
        for b in siren:
            if not (a.start < b.end and b.start < a.end):
                continue
            start = min(a.start, b.start)
            labels = list(_NUMBER_LABEL.finditer(text, max(0, start - 60), start))
            if not labels:
                continue
            drop.add(b if labels[-1].group(1) else a)
    return [s for s in spans if s not in drop] if drop else spans


#: Column headers (normalised: ``vault.pii.tables.normalise``) of a column of social-security numbers.
_NIR_HEADER = re.compile(
    r"(?<![a-z])(?:nir|nia|secu|securite sociale|n° ?ss|no ss|num(?:ero)? ?ss|insee|immatriculation)(?![a-z])"
)
#: Column headers of a column of people's names.
_NAME_HEADER = re.compile(
    r"(?:nom|noms|prenom|prenoms)(?: (?:de famille|d'usage|usage|de naissance|naissance|marital|complet"
    r"|et prenoms?|prenoms?|nom|du beneficiaire|beneficiaire|de l'assure|assure|adherent|salarie|patient))?"
    r"|beneficiaires?|assuree?|assure\(e\)|ayants? droits?|salariee?|salarie\(e\)|adherente?|adherent\(e\)"
    r"|patiente?|conjointe?|titulaire|interlocuteur|first name|last name|surname|given name|name"
)
#: A cell that can be a name: letters, spaces, apostrophes, dots and hyphens, five words at most.
_NAME_CELL = re.compile(r"[^\W\d_](?:[^\W\d_]|[ '’.\-]){0,60}")
#: What a name column may hold that is no name.
_NOT_A_NAME_CELL = frozenset(
    "oui non neant inconnu inconnue x na n/a nc nr nd vide idem enfant conjoint conjointe assure assuree"
    " adherent adherente titulaire ayant droit cadre non-cadre etam".split()
)


#: A form's name field on its own line: "Nom de famille=VU", "Prénom: Pieter", "prenon : léo" (a slip of the label).
_NAME_FIELD = re.compile(
    r"(?im)^[ \t]*(?:nom(?: de famille| d'usage| de naissance| marital| de jeune fille)?|pr[ée]no[mn]s?|first name"
    r"|last name|surname)[ \t]*[:=][ \t]*([^\n:=]+?)[ \t]*$"
)


def _name_fields(text: str) -> list[Span]:
    """The value of a form's name field (label then ':' or '=' on its line) when it reads as a name."""
    if "=" not in text and ":" not in text:
        return []
    out = []
    for m in _NAME_FIELD.finditer(text):
        value = m.group(1)
        words = fold(value).split()
        if _NAME_CELL.fullmatch(value) and len(words) <= 5 and " ".join(words) not in _NOT_A_NAME_CELL:
            out.append(Span(m.start(1), m.end(1), "PERSON", 0.8))
    return out


#: Column headers of a column of dates of birth.
_BIRTH_HEADER = re.compile(r"date (?:de )?naiss(?:ance)?|ddn|nee?\(e\) le|nee? le|naissance|date of birth|dob")
#: A date in a cell: day, month and year (any separator) or ISO.
_DATE_CELL = re.compile(
    r"(?:0?[1-9]|[12][0-9]|3[01])[/.\- ](?:0?[1-9]|1[0-2])[/.\- ](?:19|20)?[0-9]{2}"
    r"|(?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9]"
    # eight digits run together, as exports write dates: YYYYMMDD, DDMMYYYY (round 8)
    r"|(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
    r"|(?:0[1-9]|[12][0-9]|3[01])(?:0[1-9]|1[0-2])(?:19|20)[0-9]{2}"
)
#: A two-digit year after "née en" in a message: "je suis née en 36", "nee en 76".
_SHORT_BIRTH_YEAR = re.compile(
    r"(?<![a-z])n[ée]e?s?[ \u00a0]+en[ \u00a0]+([0-9]{2})(?![0-9])(?![ \u00a0]*(?:sa|semaines?|h|%|ans?)\b)"
)


def _decoded_detect(text: str) -> list[Span]:
    """What is looked for in a URL-decoded piece of text (``vault.pii.urlencoded``): the validated patterns and
    the name fields of forms."""
    return _pattern_spans(text) + _name_fields(text)


def _births_in_words(text: str) -> list[Span]:
    """Dates of birth said in words (``spoken_birth_dates``) and two-digit years after "née en"."""
    out = [Span(s, e, "DATE_OF_BIRTH", 0.7) for s, e in spoken_birth_dates(text)]
    if " en " in text:
        out.extend(Span(m.start(1), m.end(1), "DATE_OF_BIRTH", 0.6) for m in _SHORT_BIRTH_YEAR.finditer(text))
    return out


def _table_spans(text: str) -> list[Span]:
    """Spans a pasted table's headers reveal: a cell under a NIR column that has a NIR's structure (with its key,
    or without it: ``nir13_plausible``), a cell under a name column that reads as a name."""
    out = []
    for cell in table_cells(text):
        value = text[cell.start : cell.end]
        if _NIR_HEADER.search(cell.header):
            compact = _compact(value)
            if nir13_plausible(compact) or (len(compact) == 15 and nir13_plausible(compact[:13])):
                out.append(Span(cell.start, cell.end, "NIR", 0.85))
        elif cell.header in ("rpps", "n° rpps", "no rpps", "numero rpps"):
            # round 11: a column headed RPPS: eleven digits with the Luhn key of the RPPS
            compact = _compact(value)
            if len(compact) == 11 and compact.isdigit() and _validate_rpps(compact):
                out.append(Span(cell.start, cell.end, "RPPS", 0.85))
        elif cell.header in ("adeli", "n° adeli", "no adeli", "numero adeli"):
            # round 11: a column headed ADELI: nine digits (no key to check: the header decides)
            compact = _compact(value)
            if len(compact) == 9 and compact.isdigit():
                out.append(Span(cell.start, cell.end, "ADELI", 0.85))
        elif _BIRTH_HEADER.fullmatch(cell.header) and _DATE_CELL.fullmatch(value):
            out.append(Span(cell.start, cell.end, "DATE_OF_BIRTH", 0.8))
        elif _NAME_HEADER.fullmatch(cell.header) and _NAME_CELL.fullmatch(value):
            words = fold(value).split()
            if len(words) <= 5 and " ".join(words) not in _NOT_A_NAME_CELL:
                out.append(Span(cell.start, cell.end, "PERSON", 0.8))
    return out


_BEFORE_EMAIL = " \u00a0-–—,:;<(["
_TRAILING_PARTICLES = re.compile(r"(?:[ \u00a0]+(?i:de|du|des|d'|la|le|a|à|chez|par))+$")


#: A surname after a hesitation of dictation: "l'enfant Lucas ... Quéré ... né le".
_HESITATION_NAME = re.compile(r"[ \u00a0]*(?:\.\.\.|…)[ \u00a0]*([A-ZÀ-Þ][\w'’\-]+)")


def _names_after_hesitation(text: str, spans: list[Span]) -> list[Span]:
    """A lexicon surname right after a name and a hesitation ("...", "…") is the rest of that name."""
    if "..." not in text and "…" not in text:
        return []
    lexicon = name_lexicon()
    out = []
    for s in spans:
        if s.entity_type != "PERSON":
            continue
        m = _HESITATION_NAME.match(text, s.end)
        if m is not None and lexicon.is_surname(fold(m.group(1))):
            out.append(Span(m.start(1), m.end(1), "PERSON", 0.7))
    return out


def _cut_at_emails(text: str, spans: list[Span]) -> list[Span]:
    """A name that runs into the e-mail address after it ("Mme Vallet - vallet@…") ends before the address, so
    that the merge keeps both: the person and the e-mail."""
    emails = [s for s in spans if s.entity_type == "EMAIL"]
    if not emails:
        return spans
    out = []
    for s in spans:
        cut = False
        if s.entity_type == "PERSON":
            for e in emails:
                if s.start < e.start < s.end:
                    end = e.start
                    while end > s.start and text[end - 1] in _BEFORE_EMAIL:
                        end -= 1
                    s, cut = Span(s.start, end, s.entity_type, s.score), True
        # what is left before the address must still read as a name ("son mail x@…" leaves "mail", "Mail de x@…"
        # leaves "Mail de": ordinary words)
        if s.end > s.start and not (cut and all_ordinary(_TRAILING_PARTICLES.sub("", text[s.start : s.end]))):
            out.append(s)
    return out


#: Column headers of dates that are no birth: membership, death, care, hiring, payment...
_OTHER_DATE_HEADER = re.compile(
    r"date (?!(?:de )?naiss)[a-z' ]+|dates? (?:d'|de )?(?:adhesion|deces|soins?|entree|sortie|effet|fin|paiement|envoi)"
    r"|(?:adhesion|deces|entree|sortie|embauche|radiation)(?: le)?"
)


#: A time of day with its seconds, or after ISO's "T", right after a date: a timestamp.
_TIME_AFTER = re.compile(r"(?:[ T][0-2][0-9]:[0-5][0-9]:[0-5][0-9]|T[0-2][0-9]:[0-5][0-9])")

#: The place and date a letter or a form was signed: "Fait à Lyon, le 09/06/2025".
_SIGNED_AT = re.compile(r"(?i:fait|sign[ée]e?)[ \u00a0]+(?:à|a)[ \u00a0]+[^,\n]{1,40},?[ \u00a0]+le[ \u00a0]*$")


def _not_births(text: str, spans: list[Span]) -> list[Span]:
    """No date of birth where the text says what the date is: a date under a column headed by another date
    ("Date adhésion", "DATE DÉCÈS"), the date a letter was signed ("Fait à Lyon, le 09/06/2025")."""
    births = [s for s in spans if s.entity_type == "DATE_OF_BIRTH"]
    if not births:
        return spans
    drop = {s for s in births if _SIGNED_AT.search(text, max(0, s.start - 60), s.start)}
    # round 10: a log's timestamp ("[2026-05-12 19:41:48]", "2026-05-12T19:41") is when something happened
    drop.update(s for s in births if _TIME_AFTER.match(text, s.end))
    cells = [c for c in table_cells(text) if _OTHER_DATE_HEADER.fullmatch(c.header)]
    drop.update(s for s in births if any(c.start <= s.start and s.end <= c.end for c in cells))
    return [s for s in spans if s not in drop] if drop else spans


#: Round 11: the letters that stand for a person withheld ("Mme X", "M. Y", "Madame XXX"): no name.
_PLACEHOLDER = re.compile(r"[XYZ]{1,3}\.?|[xX]{2,3}|\*{2,}")


def _not_placeholders_nor_misread_words(text: str, spans: list[Span]) -> list[Span]:
    """Round 11: without the persons that are a placeholder for a withheld name ("Mme X") or ordinary words OCR
    misread ("Datc", "Actc G Basc", "Rernbt": ``vault.pii.ocr.misread_words``) and no lexicon name."""
    out = []
    vocab = None
    for s in spans:
        if s.entity_type == "PERSON":
            value = text[s.start : s.end]
            if _PLACEHOLDER.fullmatch(value):
                continue
            folded = fold(value)
            if _MISREAD_HINT.search(folded) is not None:
                lexicon = name_lexicon()
                # cost, round 12: a word the lexicons know as a name makes ``misread_words`` false whatever the
                # other words are; checked first, before the vocabulary and the readings
                if any(len(w) > 1 and lexicon.is_name(w) for w in _WORDS.findall(folded)):
                    out.append(s)
                    continue
                if vocab is None:
                    vocab = vocabulary()

                def is_word(w: str, vocab=vocab, lexicon=lexicon) -> bool:
                    return (w in vocab.nominal or w in vocab.verbal or w in vocab.stop) and not lexicon.is_name(w)

                if misread_words(folded, is_word, lexicon.is_name):
                    continue
        out.append(s)
    return out


_MISREAD_HINT = re.compile(r"rn|c\b|cl|l|[0-9]")
_WORDS = re.compile(r"[a-z0-9]+")


def _not_assistants(text: str, spans: list[Span]) -> list[Span]:
    """Round 10: without the name a chatbot or virtual assistant gives itself, wherever it stands in the text."""
    names = assistant_names(text)
    if not names:
        return spans
    return [s for s in spans if s.entity_type != "PERSON" or text[s.start : s.end] not in names]


def _outside_headers(text: str, spans: list[Span]) -> list[Span]:
    """Without the names read in a table's header line ("NOM;PRÉNOM;DDN"): labels, not people."""
    if not any(s.entity_type == "PERSON" for s in spans):
        return spans
    headers = header_spans(text)
    if not headers:
        return spans
    headers += not_person_zones(text)  # round 8: place, product, status columns; totals rows
    return [s for s in spans if s.entity_type != "PERSON" or not any(a <= s.start < b for a, b in headers)]


#: Round 12: an office's town: "l'agence de 56000 Vannes", "Agence de 20200 Bastia" (the insurer's, no one's home).
_OFFICE_BEFORE = re.compile(
    r"(?i:agence|bureau|si[èe]ge|antenne|permanence|d[ée]l[ée]gation|succursale|point d'accueil)"
    r"[ \u00a0]+(?:de[ \u00a0]+|d['’][ \u00a0]*)$"
)
_POSTCODE_TOWN = re.compile(r"(?:\d{5}|\d\d[ \u00a0]\d{3})[ \u00a0]+[^\d\n]+")


def _not_office_towns(text: str, spans: list[Span]) -> list[Span]:
    """Round 12: without the addresses that are only a postal code and a town after an office's noun."""
    if "gence" not in text and "ureau" not in text and "iège" not in text and "ntenne" not in text:
        if "ermanence" not in text and "élégation" not in text and "ccursale" not in text and "accueil" not in text:
            return spans
    return [
        s
        for s in spans
        if not (
            s.entity_type == "ADDRESS"
            and _POSTCODE_TOWN.fullmatch(text, s.start, s.end)
            and _OFFICE_BEFORE.search(text, max(0, s.start - 40), s.start)
        )
    ]


#: Round 13: a postal code and a town with no street is an address only where a place of residence without a street
#: number leads to it (a locality, a postal box, a building: "lieu-dit Le Bourg, 34000 Montpellier", "BP 58 94000
#: Créteil", "Résidence Les Pins, appt 4⏎75011 Paris"); elsewhere a town is no one's address: a practitioner's town in
#: brackets, a table's CP_VILLE column after a NIR, a company's or an office's town, a town after a date or a code.
_BARE_POSTCODE_TOWN = re.compile(r"(?:\d{5}|\d\d[ \u00a0]\d{3})[ \u00a0]+[^\d\n]+")
_LOCALITY_LEAD = re.compile(
    r"(?i:lieu[- ]?dit|hameau|\bbp\b|b\.p\.|bo[iî]te postale|cs[ \u00a0]?\d|r[ée]sidence|\bcit[ée]\b|\bmas\b|bourg"
    r"|domaine|quartier|\bferme\b|jardins|\bb[âa]t\b|b[âa]timent|\bapp?t\b|appartement|\bporte\b|\bescalier\b"
    r"|\b[ée]tage\b|\btour\b|village|\bclos\b|\bvilla\b|moulin|\blot\b|lotissement|zone|\bzi\b|\bza\b|\bzac\b"
    r"|chez\b|\bc/o\b|maison|ch[âa]teau|manoir|\bcase\b|\bkm\b|route|chemin|habite|demeurant|domicil|adresse|location)"
)


#: A house number then a word on the lead: a street the patterns do not know ("105 carrer de la Font", "100
#: Krutenau, rue de Zurich", "Avenue Mohammed V n° 23,", "76 bis b0ulevard"); never a code's digits ("LPP 2100059").
_HOUSE_NUMBER_LEAD = re.compile(
    r"(?<![\w/.\-])\d{1,4}(?:[ \u00a0]?(?i:bis|ter|[a-d]))?(?![\w/.\-])[ \u00a0,]+"
    # a number then a unit is a quantity, no house number ("Délai 3 j.", "5 km", "2 fois")
    r"(?!(?i:j|h|min|km|m|mg|ml|kg|g|ans?|jours?|mois|semaines?|fois|x|euros?|eur|pieces?)(?![^\W\d_]))"
    r"(?:[^\W\d_]\.[ \u00a0]*)?[^\W\d_]{2,}"
    r"|(?i:n°)[ \u00a0]*\d{1,4}[ \u00a0]*,[ \u00a0]*$"
)


def _street_before(text: str, street_end: int, start: int) -> bool:
    """A street address ending at ``street_end`` leads to the town at ``start``: right before it on its line
    ("12 rue X - 75001 Paris"), or ending its line with the town on one of the two next lines, the town's line
    holding no label before it ("29 bis avenue du Général⏎de Gaulle 64100 Bayonne", "5 rue de la Gare⏎La Croix
    Blanche⏎43000 Le Puy"; not "… 29200 Brest⏎PS : Pour info : 34000 Montpellier")."""
    if street_end > start:
        return False
    if start - street_end <= 4:
        return True
    if start - street_end > 60 or not text.startswith("\n", street_end) or text.count("\n", street_end, start) > 2:
        return False
    return ":" not in text[text.rfind("\n", 0, start) + 1 : start]


def _not_bare_towns(text: str, spans: list[Span]) -> list[Span]:
    """Round 13: without the addresses that are only a postal code and a town (``_BARE_POSTCODE_TOWN``) when no
    place of residence leads to them (``_LOCALITY_LEAD`` or a house number on their line before them or, at a
    line's start, on the line before) and no street address ends shortly before them (``_street_before``); round 14:
    never when they stand alone in brackets, a place's town."""
    addresses = [s for s in spans if s.entity_type == "ADDRESS"]
    if not addresses:
        return spans
    drop = set()
    for s in addresses:
        if not _BARE_POSTCODE_TOWN.fullmatch(text, s.start, s.end):
            continue
        if text[s.start - 1 : s.start] == "(" and text[s.end : s.end + 1] == ")":
            drop.add(s)  # round 14: a place's town in brackets ("résidence Les Flamboyants (13005 Marseille)")
            continue
        line_start = text.rfind("\n", 0, s.start) + 1
        lead = text[line_start : s.start]
        if not lead.strip(" \u00a0\t,-–—:"):
            lead = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1 : line_start]
        if _LOCALITY_LEAD.search(lead[-80:]) or _HOUSE_NUMBER_LEAD.search(lead[-80:]):
            continue
        if any(
            o is not s
            and o.start < s.start
            and not _BARE_POSTCODE_TOWN.fullmatch(text, o.start, o.end)
            and _street_before(text, o.end, s.start)
            for o in addresses
        ):
            continue
        drop.add(s)
    return [s for s in spans if s not in drop] if drop else spans


_AM_LABEL_BEFORE = re.compile(r"AM[ \u00a0]*:?[ \u00a0]*$")


def _not_establishment_numbers(text: str, spans: list[Span]) -> list[Span]:
    """Round 13: an establishment's number is no person's nor company's: a FINESS number (nine digits, Luhn keyed
    like a SIREN) after its label (the nearest label word before the number decides, ``_NUMBER_LABEL``) is no SIREN
    nor ADELI; a pharmacy's Assurance Maladie number ("Pharmacie des Halles  N° AM 211998263": a pharmacy named on
    the number's line) is no practitioner's ADELI."""
    finess = "iness" in text or "INESS" in text
    if not finess and "AM" not in text:
        return spans
    out = []
    for s in spans:
        if s.entity_type in ("SIREN", "ADELI"):
            if finess:
                labels = list(_NUMBER_LABEL.finditer(text, max(0, s.start - 40), s.start))
                if labels and labels[-1].group(3):
                    continue
            if s.entity_type == "ADELI" and _AM_LABEL_BEFORE.search(text, max(0, s.start - 8), s.start):
                if "pharmac" in text[text.rfind("\n", 0, s.start) + 1 : s.start].lower():
                    continue
        out.append(s)
    return out


def _round13_filters(text: str, spans: list[Span]) -> list[Span]:
    """Round 12's office towns, then round 13's establishment numbers and bare towns."""
    return _not_bare_towns(text, _not_establishment_numbers(text, _not_office_towns(text, spans)))


def analyze_texts(
    texts: Sequence[str | None],
    known_names: Sequence[Sequence[str] | None] | None = None,
    *,
    gazetteer: NameGazetteer | None = None,
    batch_size: int = BATCH_SIZE,
    ner_window_words: int | None = NER_WINDOW_WORDS,
) -> list[list[Span]]:
    """The personal-data spans of each text (merged, sorted, non-overlapping); ``[]`` for None or empty.

    ``known_names``: per text, the names of the person it is about. ``gazetteer``:
    every member's name (inside the vault), found in any text. Each distinct
    (text, known names) pair is analysed once. ``ner_window_words``: spaCy reads that
    many words on each side of each doubtful word (None: the whole text).
    """
    if known_names is not None and len(known_names) != len(texts):
        raise ValueError(f"known_names has {len(known_names)} entries for {len(texts)} texts")
    distinct: dict[tuple[str, tuple[str, ...]], int] = {}
    slot: list[int] = []
    work: list[tuple[str, tuple[str, ...]]] = []
    for i, text in enumerate(texts):
        if not text:
            slot.append(-1)
            continue
        names = tuple(str(n) for n in known_names[i] if n) if known_names is not None and known_names[i] else ()
        key = (text, names)
        index = distinct.get(key)
        if index is None:
            index = distinct[key] = len(work)
            work.append(key)
        slot.append(index)

    # round 10: each text is analysed on its normalised view (full-width digits, ligatures, invisible characters,
    # no-break spaces, words and addresses cut by a line break: ``vault.pii.textview``); spans are mapped back to
    # the original characters at the end
    views: list[TextView | None] = [text_view(text) for text, _names in work]
    work = [(v.text, names) if v is not None else (text, names) for v, (text, names) in zip(views, work, strict=True)]
    found: list[list[Span]] = []
    ner_idx: list[int] = []
    ner_windows_of: list[list[tuple[int, int]]] = []
    for index, (text, names) in enumerate(work):
        spans = _pattern_spans(text)
        spans.extend(_ocr_number_spans(text))  # round 11: digits OCR read as letters ("N° SS : 2 82 O3 25 …")
        folded = fold(text)
        members = gazetteer.find(text, folded) if gazetteer is not None else []
        if names:
            spans.extend(_known_name_spans(text, names))
        result = find_names(text, members, folded)
        spans.extend(Span(s, e, "PERSON", score) for s, e, score in result.spans)
        spans.extend(Span(s, e, "PERSON", 0.8) for s, e in spelled_names(text, name_lexicon().is_name))
        found.append(spans)
        if result.doubt:
            ner_idx.append(index)
            words = doubtful_words(text, folded, result.spans, members) if ner_window_words is not None else ()
            ner_windows_of.append(ner_windows(text, words, ner_window_words))
    if ner_idx:
        persons = model_persons([work[i][0] for i in ner_idx], ner_windows_of, batch_size)
        for i, spans in zip(ner_idx, persons, strict=True):
            found[i].extend(spans)
    for index, (spans, (text, _names)) in enumerate(zip(found, work, strict=True)):
        spans.extend(_table_spans(text))
        spans.extend(_name_fields(text))
        spans.extend(url_encoded_spans(text, _decoded_detect))  # round 8: query strings, form bodies
        spans.extend(Span(a, b, "PHONE", 0.7) for a, b in wrapped_phones(text))  # round 8: cut by a line break
        spans.extend(Span(a, b, "PHONE", 0.7) for a, b in trunk_apart_phones(text))  # round 10: "0 4996 99603"
        spans.extend(Span(a, b, "PHONE", 0.7) for a, b in slashed_groups_phones(text))  # round 14: "06/3947/1935"
        spans.extend(Span(a, b, "NIR", 0.85) for a, b in nir13_after_birth_dates(text))  # round 8
        spans.extend(Span(a, b, "NIR", 0.9) for a, b in spoken_nirs(text))  # round 8: said in words, key checked
        spans.extend(Span(a, b, "NIR", 0.9) for a, b in said_nirs(text))  # round 11: hundreds, no "clé"
        spans.extend(Span(a, b, "PERSON", 0.7) for a, b in names_by_their_cues(text))  # round 8
        spans.extend(Span(a, b, "PERSON", 0.7) for a, b in repeated_titled_names(text))  # round 8
        spans.extend(Span(a, b, "PERSON", 0.75) for a, b in speaker_names(text))  # round 11: "[19:19] oleksandr:"
        spans.extend(Span(a, b, "PERSON", 0.75) for a, b in titled_lower_names(text))  # round 11: "madame weber"
        spans.extend(Span(a, b, "PERSON", 0.7) for a, b in given_names_after_prepositions(text))  # round 12
        spans.extend(Span(a, b, "NIR", 0.85) for a, b in keyless_nirs_sent_alone(text))  # round 11: in a chat
        spans.extend(Span(a, b, label, 0.8) for a, b, label in bare_rpps(text))  # round 11: no context word
        spans.extend(_births_in_words(text))
        # round 10: numbers sent in pieces; what a record's structure says (DSN rubrics, delimited lines holding a
        # NIR, file names holding an identifier, initials)
        for found_spans in (
            number_pieces, dsn_fields, delimited_records, file_name_people, initials, structural_names
        ):  # fmt: skip
            spans.extend(Span(a, b, label, 0.8) for a, b, label in found_spans(text))
        spans.extend(_names_after_hesitation(text, spans))
        spans.extend(_dates_after_names(text, spans))
        births = [(s.start, s.end) for s in spans if s.entity_type == "DATE_OF_BIRTH"]
        spans.extend(Span(a, b, label, 0.7) for a, b, label in restated_births(text, births))  # round 10
        spans.extend(_chained_identifiers(text, spans))
        found[index] = _not_placeholders_nor_misread_words(
            text,
            _not_assistants(
                text,
                drop_non_persons(
                    text,
                    _cut_at_emails(text, _not_births(text, _outside_headers(text, _round13_filters(text, spans)))),
                ),
            ),
        )
    merged = [merge_spans(_adeli_or_siren(text, spans)) for spans, (text, _names) in zip(found, work, strict=True)]
    for index, view in enumerate(views):
        if view is not None:
            merged[index] = [Span(*view.to_original(s.start, s.end), s.entity_type, s.score) for s in merged[index]]
    return [[] if index < 0 else list(merged[index]) for index in slot]


def warm_up() -> None:
    """Load the analyzer, the spaCy model and the lexicons now, then move every object alive into the garbage
    collector's permanent generation (``gc.freeze``): the models' and lexicons' hundreds of thousands of objects
    live as long as the process, and a full collection would otherwise walk them all again and again while a long
    batch is scrubbed. For a worker that scrubs many texts; a process that scrubs a few may skip it."""
    import gc

    analyze_texts(["Rappeler Mme Durand au 06 12 34 56 78", "transmis à Zrbqwx Vtklmnoq pour avis"])
    gc.collect()
    gc.freeze()


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
    *,
    gazetteer: NameGazetteer | None = None,
) -> list[str | None]:
    """Each text with its personal data replaced by labels; None stays None.

    ``known_names``: per text, the names of the person it is about (for a benefit
    comment, the member's ``[first_name, last_name]``), found even where spaCy
    would miss them. ``gazetteer``: every member's name (built once per crossing
    from the member register), so any member named in any text is found.
    """
    all_spans = analyze_texts(texts, known_names, gazetteer=gazetteer)
    return [None if t is None else replace_spans(t, s) for t, s in zip(texts, all_spans, strict=True)]
