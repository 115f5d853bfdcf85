"""Presidio recognizers for the personal data a French mutuelle sees in free text.

Presidio ships no recognizer for France. Each recognizer here is a Presidio
``LocalRecognizer`` driven by compiled regular expressions, an optional
validator (the checksum rules of :mod:`confiance.identifiers`, the one
implementation of NIR, SIRET, Luhn and IBAN rules) and context words.

Context is matched on the raw text (a window of characters before and after the
candidate), not on spaCy lemmas: the recognizers then give the same answer
whether or not the spaCy pipeline ran on the text, which lets the scrubber skip
the NLP pipeline for texts that cannot hold a name. Results carry
``is_score_enhanced_by_context`` so that Presidio's own enhancer leaves them alone.

Entity types: NIR, PHONE, IBAN, EMAIL, SIRET, SIREN, RPPS, ADELI, ADDRESS,
DATE_OF_BIRTH, PERSON (titles; spaCy NER adds the rest, see ``analyzer``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts
from presidio_analyzer.predefined_recognizers import SpacyRecognizer

from confiance.identifiers import iban_valid, luhn_valid, nir_key, nir_key_valid, siren_valid, siret_luhn_valid
from vault.pii.spoken import NUMBER_IN_WORDS, number_in_words

LANGUAGE = "fr"

#: A validator returns None to reject a candidate, or the length of the accepted
#: prefix of the candidate (so a greedy pattern can be trimmed to the real value).
Validator = Callable[[str], int | None]

_UP = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸÆŒ"
_LOW = "a-zàâäçéèêëîïôöùûüÿæœ"
_WORD = rf"[{_UP}{_LOW}0-9'’\-]"
_CAP_WORD = rf"[{_UP}]{_WORD}*"
_ANY_WORD = rf"[{_UP}{_LOW}0-9]{_WORD}*"


@dataclass(frozen=True)
class PatternSpec:
    """One regular expression of a recognizer, its base score and the group holding the value."""

    name: str
    regex: re.Pattern[str]
    score: float
    group: int = 0


def ascii_digits(pattern: str) -> str:
    """``pattern`` with each ``\\d`` written ``[0-9]`` (``0-9`` inside a character class)."""
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            pair = pattern[i : i + 2]
            out.append(("0-9" if in_class else "[0-9]") if pair == "\\d" else pair)
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        out.append(ch)
        i += 1
    return "".join(out)


class FrenchRegexRecognizer(LocalRecognizer):
    """A Presidio recognizer: compiled patterns, an optional validator, raw-text context words.

    ``requires_context``: a candidate without a context word nearby is dropped
    (RPPS, ADELI, dates of birth, SIREN: the bare numbers are too common).
    Otherwise a context word raises the score by ``context_boost``.
    """

    def __init__(
        self,
        entity: str,
        patterns: Sequence[PatternSpec],
        *,
        validator: Validator | None = None,
        context: Sequence[str] = (),
        requires_context: bool = False,
        context_before: int = 45,
        context_after: int = 20,
        context_boost: float = 0.35,
        name: str | None = None,
        min_run: int = 0,
        gate: re.Pattern[str] | None = None,
    ) -> None:
        self.entity = entity
        # Python's \d is any Unicode digit, tested by category: [0-9] is what identifiers are made of, and faster
        patterns = [
            replace(spec, regex=re.compile(ascii_digits(spec.regex.pattern), spec.regex.flags)) for spec in patterns
        ]
        self.min_run = min_run
        self.gate = gate
        self.patterns = list(patterns)
        self.validator = validator
        self.context_words = tuple(context)
        self.requires_context = requires_context
        self.context_before = context_before
        self.context_after = context_after
        self.context_boost = context_boost
        # the lookahead on the words' first letters first: most positions are rejected by one class test
        firsts = "".join(sorted({re.escape(w[0]) for w in self.context_words}))
        self._context_regex = (
            re.compile(rf"(?=[{firsts}])(?<![a-zà-ÿ])(?:" + "|".join(re.escape(w) for w in self.context_words) + ")")
            if self.context_words
            else None
        )
        # Presidio's lemma-based enhancer must not boost twice: no `context` given to the base class.
        super().__init__(supported_entities=[entity], supported_language=LANGUAGE, name=name or f"Fr{entity.title()}")

    def load(self) -> None:  # patterns are compiled in __init__
        return None

    def may_match(self, lowered: str, longest_run: int) -> bool:
        """A cheap proof that ``find`` can return nothing (False) for the text whose lower-cased form is
        ``lowered`` and whose longest run of digits (``longest_digit_run``) is ``longest_run``: the patterns need
        a longer run, the gate pattern is absent, or a required context word is absent."""
        if longest_run < self.min_run:
            return False
        if self.gate is not None and self.gate.search(lowered) is None:
            return False
        needs_word = self.requires_context and self._context_regex is not None
        return not (needs_word and self._context_regex.search(lowered) is None)

    def has_context(self, text: str, start: int, end: int) -> bool:
        if self._context_regex is None:
            return False
        before = text[max(0, start - self.context_before) : start].lower()
        after = text[end : end + self.context_after].lower()
        return bool(self._context_regex.search(before) or self._context_regex.search(after))

    def find(self, text: str) -> list[tuple[int, int, float]]:
        """(start, end, score) of each match (the scrubber's fast path; ``analyze`` wraps it for Presidio)."""
        results: list[tuple[int, int, float]] = []
        seen: set[tuple[int, int]] = set()
        for spec in self.patterns:
            for match in spec.regex.finditer(text):
                start, end = match.span(spec.group)
                if self.validator is not None:
                    accepted = self.validator(text[start:end])
                    if accepted is None:
                        continue
                    end = start + accepted
                if (start, end) in seen:
                    continue
                with_context = self.has_context(text, start, end)
                if self.requires_context and not with_context:
                    continue
                score = min(1.0, spec.score + self.context_boost) if with_context else spec.score
                seen.add((start, end))
                results.append((start, end, score))
        if len(results) > 1:  # a match inside a longer match of the same recognizer adds nothing
            results = [
                a
                for a in results
                if not any(b is not a and b[0] <= a[0] and a[1] <= b[1] and b[1] - b[0] > a[1] - a[0]
                           for b in results)
            ]  # fmt: skip
        return results

    def analyze(
        self, text: str, entities: list[str] | None = None, nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if entities and self.entity not in entities:
            return []
        return [
            RecognizerResult(
                entity_type=self.entity,
                start=start,
                end=end,
                score=score,
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True,
                },
            )
            for start, end, score in self.find(text)
        ]


# --- validators ------------------------------------------------------------------


def _compact(value: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", value).upper()


def _validate_nir(value: str) -> int | None:
    compact = _compact(re.sub(r"(?i)cl[ée]f?|key", "", value))
    return len(value) if nir_key_valid(compact) else None


def _validate_siret(value: str) -> int | None:
    return len(value) if siret_luhn_valid(_compact(value)) else None


def _validate_rpps(value: str) -> int | None:
    """RPPS numbers end with a Luhn check digit."""
    return len(value) if luhn_valid(_compact(value)) else None


def _validate_siren(value: str) -> int | None:
    return len(value) if siren_valid(_compact(value)) else None


#: IBAN lengths of the SEPA countries (ISO 13616 registry).
SEPA_IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20,
    "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GI": 23, "GR": 27, "HR": 21, "HU": 28, "IE": 22, "IS": 26,
    "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31, "NL": 18, "NO": 15, "PL": 28,
    "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "VA": 22,
}  # fmt: skip


def _validate_iban(value: str) -> int | None:
    """Accept the prefix of ``value`` holding exactly one valid IBAN of its country's length."""
    country = value[:2].upper()
    length = SEPA_IBAN_LENGTHS.get(country)
    if length is None:
        return None
    count = 0
    for pos, ch in enumerate(value):
        if ch.isalnum():
            count += 1
            if count == length:
                return pos + 1 if iban_valid(_compact(value[: pos + 1])) else None
    return None


# --- cheap gates ------------------------------------------------------------------

#: A run of digits with whatever an identifier allows between them (spaces, dots, hyphens, slashes, brackets,
#: '+', line breaks (round 10: a PDF reflow cuts numbers), up to five at a time) and Corsica's A/B:
#: over-approximated on purpose, it only decides which patterns are worth running.
_DIGIT_RUN = re.compile(r"\d(?:[ \u00a0.\-/()+\n]{0,5}[\dABab])*")
_RUN_SEPARATORS = str.maketrans("", "", " \u00a0.-/()+\n")


def longest_digit_run(text: str) -> int:
    """The most digits (Corsica's A/B included) one run of ``text`` holds, whatever separates them."""
    best = 0
    for match in _DIGIT_RUN.finditer(text):
        run = match.group(0)
        if len(run) > best:
            best = max(best, len(run.translate(_RUN_SEPARATORS)))
    return best


# --- recognizers -----------------------------------------------------------------

_SEP = r"[ \u00a0.]?"
#: Between two groups of a NIR: spaces, or a dot / hyphen / slash with spaces around it ("… 701 - 87").
_NIR_SEP = r"(?:[ \u00a0]{0,2}[.\-/][ \u00a0]{0,2}|[ \u00a0]{1,2})?"
#: Round 10: the 15-character NIR, whose key decides, may also be cut by a line break anywhere (a PDF reflow).
_NIR_SEP_BREAK = r"(?:[ \u00a0]{0,2}[.\-/][ \u00a0]{0,2}|[ \u00a0]{1,2}|[ \u00a0]{0,2}\r?\n[ \u00a0]{0,2})?"
#: Before the key only: also the word "clé" ("… 701 clé 87", "… 701 clé : 87").
#: A line break may also set the key apart ("… 347" / "82", "… 894" / "clé 93"): the key still decides.
_NIR_KEY_SEP = (
    rf"(?:[ \u00a0]{{0,2}}\r?\n[ \u00a0]{{0,2}}(?:(?i:cl[ée]f?|key)[ \u00a0]?:?[ \u00a0]{{0,2}})?"
    rf"|[ \u00a0]{{1,2}}(?i:cl[ée]f?|key)[ \u00a0]?:?[ \u00a0]{{0,2}}|{_NIR_SEP})"
)


#: Words that name a social-security number (NIR): a NIR's context, a NIR column's header.
NIR_CONTEXT: tuple[str, ...] = (
    "nir", "sécu", "secu", "sécurité sociale", "securite sociale", "n° ss", "no ss", "num ss", "n°ss",
    "numéro ss", "immatriculation", "immatriculé", "insee", "carte vitale", "vitale",
    # round 10: the DSN's field of the employee's NIR (norm NEODeS, block S21.G00.30 "Individu", rubric 001),
    # written without its key
    "s21.g00.30.001",
)  # fmt: skip

#: Round 10: a NIR without its key written in INSEE's own layout, one separator throughout: sex, year, month,
#: département, commune, order ("2 84 12 57 330 467"): the layout itself says what the number is.
#: Only a definitive number (sex 1 or 2, a real month) and no label of another number just before it ("facture",
#: "réf. virement": numbers that only look like one).
_NIR13_INSEE_LAYOUT = re.compile(
    # the digit first, then what stands before it (a class opens the pattern: the engine skips to it in C)
    r"[12](?<![0-9A-Za-z][12])([ .])[0-9]{2}\1(?:0[1-9]|1[0-2])\1(?:[0-9]{2}|2[ABab])\1[0-9]{3}\1[0-9]{3}"
    r"(?![ .]?[0-9A-Za-z])"
)


def nir13_plausible(compact: str) -> bool:
    """True when ``compact`` (13 characters, no separator) has the structure INSEE gives a NIR without its key:
    sex 1/2 (3/4 and 7/8 for provisional numbers), year, month 01-12 (20-42 and 50-99 where the month is
    unknown or fictitious), département 01-95 (2A/2B for Corsica, 20 before 1976, 96, 97x/98x overseas, 99
    abroad), then a commune (or country) and an order number, neither of them 000."""
    if len(compact) != 13 or compact[0] not in "123478" or not compact[1:5].isdigit():
        return False
    month = int(compact[3:5])
    if not (1 <= month <= 12 or 20 <= month <= 42 or month >= 50):
        return False
    dept, rest = compact[5:7], compact[7:]
    if not rest.isdigit() or rest[:3] == "000" or rest[3:] == "000":
        return False
    if dept in ("2A", "2B"):
        return True
    if not dept.isdigit() or dept == "00":
        return False
    if dept in ("97", "98"):
        return rest[0] in ("12345678" if dept == "97" else "4678")
    return True


def _validate_nir13(value: str) -> int | None:
    return len(value) if nir13_plausible(_compact(value)) else None


#: Labels of other numbers of 13 digits: a drug's CIP/ACL code, a barcode, a lot, an invoice, a file.
_NOT_NIR_LABEL = re.compile(
    r"(?<![a-z])(?:cip|acl|ean|gtin|code[ -]?barres?|lot|factures?|r[ée]f(?:[ée]rence)?|dossier|contrat|commande"
    r"|montant|siret|siren|finess|rpps|adeli|iban|t[ée]l(?:[ée]phone)?|portable|mobile|fax|matricule|d[ée]compte"
    r"|bordereau|avis|paiement|virement|remboursement)(?![a-z])"
)
#: Another number between the NIR word and the candidate: the word was that number's ("NIR 2921… Décompte n° …").
_NUMBER_BETWEEN = re.compile(r"[0-9](?:[ \u00a0.]?[0-9]){3}")


class NirWithoutKeyRecognizer(FrenchRegexRecognizer):
    """A NIR written without its key (13 characters): its structure must hold (``nir13_plausible``) and a NIR
    word must label it on its own line ("NIR :", "numéro secu =", "N° SS", "Numéro de sécurité sociale"), nearer
    than any label of another kind of number (CIP, EAN, invoice, file...), with no other number between them.
    The table case (a NIR column) is ``vault.pii.scrubber``'s, through the column's header."""

    def may_match(self, lowered: str, longest_run: int) -> bool:
        return super().may_match(lowered, longest_run) or (
            longest_run >= 13 and _NIR13_INSEE_LAYOUT.search(lowered) is not None
        )

    def has_context(self, text: str, start: int, end: int) -> bool:
        if _NIR13_INSEE_LAYOUT.fullmatch(text, start, end) and not _NOT_NIR_LABEL.search(
            text[max(0, start - 30) : start].lower()
        ):
            return True
        line_start = text.rfind("\n", 0, start) + 1
        before = text[max(line_start, start - self.context_before) : start].lower()
        nir = [m.end() for m in self._context_regex.finditer(before)] if self._context_regex else []
        if not nir:
            return self._asked_on_previous_line(text, line_start, start)
        other = [m.end() for m in _NOT_NIR_LABEL.finditer(before)]
        if other and max(other) > max(nir):
            return False
        return _NUMBER_BETWEEN.search(before, max(nir)) is None

    def _asked_on_previous_line(self, text: str, line_start: int, start: int) -> bool:
        """The number opens its line (after a speaker's or a field's label at most) and the line before names a
        NIR and no other kind of number: the answer to "votre numéro de sécurité sociale ?"."""
        if line_start == 0 or not _LINE_OPENING.fullmatch(text, line_start, start):
            return False
        previous = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1].lower()
        nir = [m.end() for m in self._context_regex.finditer(previous)] if self._context_regex else []
        if not nir:
            return False
        other = [m.end() for m in _NOT_NIR_LABEL.finditer(previous)]
        return not (other and max(other) > max(nir)) and _NUMBER_BETWEEN.search(previous, max(nir)) is None


#: What may open a line before a number that answers the line above: nothing, or a label ("Adhérente : "); round 8:
#: a transcript's speaker in brackets or without a colon ("[client]", "Appelant") and the words of an answer
#: ("oui", "alors c'est").
_LINE_OPENING = re.compile(
    r"[ \t>]*(?:[^\W\d_][\w'’\- ]{0,30}[ \u00a0]*:|\[[^\]\n]{1,20}\]|[^\W\d_]{2,20}(?=[ \u00a0]))?[ \u00a0]*"
    r"(?:(?i:oui|alors|donc|euh|hum|ben|bah|c'est|voil[àa]|ok)[ \u00a0,]+)*"
)
#: Round 8: a full date, then a 13-character NIR right after it (in brackets or after a dash: "(01/08/1961) -
#: 2610875…"); with a key after it the 15-character NIR recognizer decides as well.
_NIR13_AFTER_DATE = re.compile(
    r"(?=[0-3])(?<![0-9])(?:0?[1-9]|[12][0-9]|3[01])[/.\-](0?[1-9]|1[0-2])[/.\-](?:19|20)?([0-9]{2})\)?"
    r"[ \u00a0]*[-–,;:|]?[ \u00a0]*"
    rf"([1-478](?:{_NIR_SEP}[0-9ABab]){{12}})(?![0-9A-Za-z])"
)


def nir13_after_birth_dates(text: str) -> list[tuple[int, int]]:
    """(start, end) of each NIR written without its key right after a date whose year and month are the NIR's own
    (characters 2-5), as in a list of people ("Mme Anne Roy (01/08/1961) - 2610875…"): the date is the birth the
    NIR encodes, and the structure must hold (``nir13_plausible``)."""
    out = []
    for m in _NIR13_AFTER_DATE.finditer(text):
        compact = _compact(m.group(3))
        if compact[1:3] == m.group(2) and compact[3:5] == m.group(1).zfill(2) and nir13_plausible(compact):
            out.append(m.span(3))
    return out


def nir_without_key_recognizer() -> FrenchRegexRecognizer:
    """NIR without its key (13 characters in any grouping), labelled on its line; see ``NirWithoutKeyRecognizer``."""
    regex = re.compile(
        rf"(?=[1-478])(?<![\w+])(?<![0-9][ \u00a0.\-/])[1-478](?:{_NIR_SEP}[0-9ABab]){{12}}(?![0-9A-Za-z])"
        rf"(?!{_NIR_KEY_SEP}[0-9])"  # a key after it, right or wrong, even on the next line: the key decides
        rf"(?![ \u00a0]{{1,2}}{_KEY_IN_WORDS.pattern})"  # the key said in words decides too
    )
    return NirWithoutKeyRecognizer(
        "NIR",
        [PatternSpec("nir13", regex, 0.85)],
        validator=_validate_nir13,
        min_run=13,
        context=NIR_CONTEXT,
        requires_context=True,
        context_before=60,
        context_after=0,
        name="FrNirWithoutKey",
    )


#: A NIR's key said in words after "clé" ("… 701 clé soixante-quinze"), in a dictated or transcribed text.
_KEY_IN_WORDS = re.compile(
    rf"(?i:cl[ée]f?)[ \u00a0]?:?[ \u00a0]{{0,2}}((?i:{NUMBER_IN_WORDS.replace('zero', 'z[eé]ro')}))(?![\w\-])"
)


def _validate_nir_key_in_words(value: str) -> int | None:
    """The 13 characters then "clé" and the key in words: the key said must be the key of the 13 characters."""
    key = _KEY_IN_WORDS.search(value)
    if key is None:
        return None
    body = _compact(value[: key.start()])
    said = number_in_words(key.group(1))
    if not nir13_plausible(body) or said is None:
        return None
    corsica = body.replace("2A", "19").replace("2B", "18")
    return len(value) if nir_key(corsica) == said else None


def nir_key_in_words_recognizer() -> FrenchRegexRecognizer:
    """A NIR whose key is said in words ("2 84 07 34 734 005 clé seize"): the key decides, with or without a
    NIR word nearby (a transcript's question often stands on the line before the answer)."""
    regex = re.compile(
        rf"(?=[1-478])(?<![\w+])[1-478](?:{_NIR_SEP}[0-9ABab]){{12}}[ \u00a0]{{1,2}}{_KEY_IN_WORDS.pattern}"
    )
    return FrenchRegexRecognizer(
        "NIR",
        [PatternSpec("nir_key_in_words", regex, 0.9)],
        validator=_validate_nir_key_in_words,
        min_run=13,
        gate=re.compile(r"cl[ée]"),
        name="FrNirKeyInWords",
    )


def nir_recognizer() -> FrenchRegexRecognizer:
    """NIR: 15 characters (2A/2B for Corsica) in any grouping, spaces, dots, hyphens or a key set apart.

    The key decides: any run of 15 that does not satisfy it is left alone.
    """
    regex = re.compile(
        r"(?=[12])"
        # round 10: an underscore is no letter: a NIR in a file name ("scan_NIR_<nir>_<name>.pdf") is one
        rf"(?<![^\W_])[12](?:{_NIR_SEP_BREAK}[0-9ABab]){{12}}{_NIR_KEY_SEP}\d{_NIR_SEP_BREAK}\d(?![0-9A-Za-z])"
    )
    return FrenchRegexRecognizer(
        "NIR",
        [PatternSpec("nir", regex, 0.9)],
        validator=_validate_nir,
        min_run=13,  # the key may stand apart ("… 701 clé 87"): the other 13 characters make one run
        context=NIR_CONTEXT,
    )


#: Separators inside a phone number: up to two of space, dot, hyphen ("06 12-34.56 78", "06 - 12 34").
_PHONE_SEP = r"[ \u00a0.\-]{0,2}"


#: Country codes "00" is glued to in a written number (ITU E.164): Europe (3x, 4x, 35x, 37x, 38x) and Africa
#: (21x-26x); 33 is France's, read by the French pattern.
_GLUED_CODES = r"(?:3[0-24-69]|4[0-9]|35[0-9]|37[0-9]|38[0-9]|2[0-7]|2[1-6][0-9])"


def phone_recognizer() -> FrenchRegexRecognizer:
    """Phone numbers: French 0X…, +33 / 0033 / (0) forms in any grouping; other international numbers."""
    french = re.compile(
        r"(?=[+0(])(?<![\w+])(?<!\d[ \u00a0.\-])"
        # +33 then the trunk 0 written anyway ("+33 06 12…", "+33 (0)6 12…"), or left out as it should be
        r"(?:(?:\+|00)[ \u00a0]?33[ \u00a0.\-]?(?:\(0\)[ \u00a0.\-]?|0)?|\(0\)[ \u00a0.\-]?|0)"
        rf"[1-9](?:{_PHONE_SEP}\d){{8}}(?![ \u00a0.\-]?\d)"
    )
    # round 12: "00" glued to a European or African country code before the first group ("00351 914 480 807";
    # a real code: "00123 4567…" is a reference)
    international = re.compile(
        rf"(?=[+0])(?<![\w+])(?:\+|00(?=[ \u00a0]|{_GLUED_CODES}[ \u00a0]))[ \u00a0]?(?!33)[1-9]\d{{0,2}}"
        r"(?:[ \u00a0.\-]?\(0\))?"
        rf"(?:{_PHONE_SEP}\d){{7,12}}(?![\d])"
    )
    # pairs apart by slashes, as on forms and in signatures ("06/89/05/44/98"): exactly five pairs, so that no
    # date ("01/02/2020") is one
    slashed = re.compile(
        r"(?=[+0])(?<![\w+/])(?:(?:\+|00)[ \u00a0]?33[ \u00a0]?(?:\(0\))?|0)[1-9]"
        r"(?:[ \u00a0]?/[ \u00a0]?\d\d){4}(?![\d/])"
    )
    # glued to the word before it, as typed on a phone: "rappelez moi au0612345678", "au0612345678merci"
    glued = re.compile(rf"(?<=[{_LOW}])0[1-9][0-9]{{8}}(?![0-9])")
    # round 8: the French overseas departments and Mayotte with "00" or "+" glued to their code ("00262 692
    # 123456", "00596 696 12 34 56"): nine digits after the code
    overseas = re.compile(
        rf"(?=[+0])(?<![\w+])(?:\+|00)[ \u00a0]?(?:262|269|590|594|596|508|681|687|689)(?:{_PHONE_SEP}\d){{9}}"
        r"(?![ \u00a0.\-]?\d)"
    )
    return FrenchRegexRecognizer(
        "PHONE",
        [
            PatternSpec("phone", french, 0.75),
            PatternSpec("phone_glued", glued, 0.6),
            PatternSpec("phone_slashed", slashed, 0.75),
            PatternSpec("phone_international", international, 0.6),
            PatternSpec("phone_overseas", overseas, 0.7),
        ],
        min_run=8,
        # eight digits at least, as the patterns group them (" / " between slashed pairs)
        gate=re.compile(r"[0-9](?:[ \u00a0.\-/]{0,3}[0-9]){7}"),
        context=["tél", "tel", "téléphone", "telephone", "portable", "mobile", "appeler", "rappeler", "joindre",
                 "joignable", "fixe", "numéro", "numero", "contact", "fax", "sms", "whatsapp", "ligne directe"],
        context_boost=0.2,
    )  # fmt: skip


#: Round 8: a French phone number cut by a line break (a narrow field or a wrapped line): pairs of digits from
#: "0X" on one line, the rest on the next ("au 06 39 14\n45 88").
_WRAPPED_PHONE = re.compile(
    r"(?=0)(?<![\w+])0[1-9](?:[ \u00a0.]?[0-9]{2}){0,3}[ \u00a0.]?\r?\n"
    r"[ \t]*[0-9]{2}(?:[ \u00a0.]?[0-9]{2}){0,3}(?![0-9])"
)
_DIGIT_AFTER_BREAK = re.compile(r"\n[ \t]*[0-9]")
#: What says a number is a phone, in the words before it.
_PHONE_CUE = re.compile(
    r"(?i:t[ée]l(?:[ée]phone)?|portable|mobile|appeler|rappeler|joindre|joignable|fixe|num[ée]ro|contact|sms)"
    r"[^\n]{0,25}$"
)


def wrapped_phones(text: str) -> list[tuple[int, int]]:
    """(start, end) of each French phone number of ten digits cut by one line break, after a phone cue on its
    first line ("Merci de rappeler M. Roy au 06 39 14\n45 88 entre 12h et 14h")."""
    if "\n" not in text or _DIGIT_AFTER_BREAK.search(text) is None:
        return []
    out = []
    for m in _WRAPPED_PHONE.finditer(text):
        if sum(c.isdigit() for c in m.group(0)) != 10:
            continue
        if _PHONE_CUE.search(text, max(0, m.start() - 40), m.start()) is not None:
            out.append(m.span())
    return out


#: Round 10: the trunk 0 apart from the other nine digits, in two or three groups apart by single spaces, as old
#: letters write numbers ("Tél : 0 4996 99603").
_TRUNK_APART_PHONE = re.compile(
    r"0(?<![\w+.,/]0)[ \u00a0](?=(?:[ \u00a0]?[0-9]){9}(?![ \u00a0]?[0-9]))[1-9][0-9]{0,4}(?:[ \u00a0][0-9]{1,5}){1,2}"
    r"(?![ \u00a0.,]?[0-9])"
)


def trunk_apart_phones(text: str) -> list[tuple[int, int]]:
    """(start, end) of each French phone number whose trunk 0 stands apart ("0 4996 99603"), after a phone cue on
    its line."""
    if "0 " not in text and "0\u00a0" not in text:
        return []
    return [
        m.span()
        for m in _TRUNK_APART_PHONE.finditer(text)
        if _PHONE_CUE.search(text, max(0, m.start() - 40), m.start()) is not None
    ]


#: Round 14: a French phone number in slash-separated groups other than five pairs ("06/3947/1935", "01/0533/6620",
#: "+33 6/39/471935"), as forms and signatures write them: ten digits from the trunk 0 (nine after +33).
_SLASHED_GROUPS_PHONE = re.compile(
    r"(?=[+0])(?<![\w+/.\-])(?:(?:\+|00)[ \u00a0]?33[ \u00a0]?(?:\(0\))?|0)[1-9][0-9]{0,3}"
    r"(?:[ \u00a0]?/[ \u00a0]?[0-9]{2,8}){1,4}(?![0-9/])"
)
#: What makes such a number a reference rather than a phone, in the words before it on its line.
_REFERENCE_CUE = re.compile(
    r"(?i:dossier|r[ée]f(?:[ée]rence)?\b|n°|no\b|num[ée]ro de (?:dossier|contrat|facture|devis|sinistre)|facture|"
    r"contrat|devis|sinistre|ticket|lot|bordereau|quittance)[^\n]{0,20}$"
)
_YEAR_GROUP = re.compile(r"^(?:19|20)[0-9]{2}$")


def slashed_groups_phones(text: str) -> list[tuple[int, int]]:
    """(start, end) of each French phone number written in slash-separated groups other than five pairs
    ("06/3947/1935"). Ten digits from the trunk 0 decide the shape; a number shaped like a reference, a year between
    two groups ("01/2025/0001"), or after a reference word ("dossier 02/0025/8178") is a phone only after a phone
    cue."""
    if "/" not in text:
        return []
    out = []
    for m in _SLASHED_GROUPS_PHONE.finditer(text):
        found = m.group(0)
        national = re.sub(r"^(?:\+|00)[ \u00a0]?33[ \u00a0]?(?:\(0\))?", "0", found)
        if sum(c.isdigit() for c in national) != 10:
            continue
        groups = [g.strip() for g in national.split("/")]
        if len(groups) == 5 and all(len(g) == 2 for g in groups):
            continue  # five pairs: the phone recognizer's own slashed pattern
        before = text[max(0, m.start() - 40) : m.start()]
        if _PHONE_CUE.search(before) is None and (
            (len(groups) == 3 and _YEAR_GROUP.match(groups[1]) is not None) or _REFERENCE_CUE.search(before) is not None
        ):
            continue
        out.append(m.span())
    return out


class SpokenPhoneRecognizer(FrenchRegexRecognizer):
    """Phone numbers said in words, as speech-to-text writes them (``vault.pii.spoken.spoken_phones``)."""

    #: Words one of which a phone said in words holds (a substring test per word beats one regex search).
    NUMBER_WORDS = ("zero", "zéro", "vingt", "trente", "quarante", "cinquante", "soixante", "onze", "douze",
                    "treize", "quatorze", "quinze", "seize")  # fmt: skip

    def may_match(self, lowered: str, longest_run: int) -> bool:
        return any(w in lowered for w in self.NUMBER_WORDS)

    def find(self, text: str) -> list[tuple[int, int, float]]:
        from vault.pii.spoken import spoken_phones

        results = []
        for start, end in spoken_phones(text):
            score = self.patterns[0].score
            results.append((start, end, min(1.0, score + self.context_boost) if self.has_context(text, start, end)
                            else score))  # fmt: skip
        return results


def spoken_phone_recognizer() -> FrenchRegexRecognizer:
    """Phone numbers said in words ("zéro six, douze, trente-quatre…"): ten digits, a French number."""
    from vault.pii.spoken import GATE

    return SpokenPhoneRecognizer(
        "PHONE",
        [PatternSpec("phone_spoken", re.compile("(?!)"), 0.7)],
        gate=GATE,
        context=["tél", "tel", "téléphone", "portable", "mobile", "joindre", "joignable", "fixe", "numéro", "numero"],
        context_boost=0.2,
        name="FrSpokenPhone",
    )


def iban_recognizer() -> FrenchRegexRecognizer:
    """IBAN of a SEPA country, checksum (and French RIB key) validated, spaces allowed."""
    # groups apart by one or two spaces ("FR76  3000  6530 …", a double space from copy-paste) or a hyphen
    regex = re.compile(
        # the country apart from its check digits too, in capitals and followed by four digits ("FR 76 3000...",
        # round 9; "du 22 mars 2024" is no IBAN's start)
        r"(?=[A-Za-z][A-Za-z][ \u00a0]?[0-9])(?<![\w])(?:[A-Za-z]{2}\d\d|[A-Z]{2}[ \u00a0]\d\d(?=[ \u00a0]?\d{4}))"
        # round 10: or a line break (a PDF reflow cuts it anywhere; the checksum decides); round 12: the next line
        # indented ("\n  3278 …") or quoted in an e-mail reply ("\n> 6289 …", "\n>> …")
        r"(?:(?:[ \u00a0]{1,2}|-|[ \u00a0]?\r?\n(?:[ \u00a0]{0,4}|(?:>[ \u00a0]?){1,3}))?[A-Za-z0-9]{1,4}){3,8}"
    )
    return FrenchRegexRecognizer(
        "IBAN",
        [PatternSpec("iban", regex, 0.9)],
        validator=_validate_iban,
        # two letters and two digits, found from the digits (rarer than letters: the search skips to them in C)
        # (or two letters, a blank, two digits and four more: "fr 76 3000", not "le 22 mars")
        gate=re.compile(r"[0-9](?<=[a-z]{2}[0-9])[0-9]|[0-9](?<=[a-z]{2}[ \u00a0][0-9])[0-9][ \u00a0]?[0-9]{4}"),
        context=["iban", "rib", "bic", "compte", "virement", "bancaire", "banque", "coordonnées"],
        context_boost=0.1,
    )


#: How people hide or dictate the "@" and the dots of an address: "jean.dupont (at) free.fr", "jean arobase free
#: point fr", "jean [at] free [dot] fr".
_EMAIL_AT = (
    r"(?:[ \u00a0]*(?:@|\((?:at|arobase|@)\)|\[(?:at|arobase|@)\]|\{(?:at|@)\})[ \u00a0]*"
    r"|[ \u00a0]+(?:at|arobase|arrobase)[ \u00a0]+)"
)
_EMAIL_DOT = (
    r"(?:[ \u00a0]*(?:\.|\((?:dot|point|\.)\)|\[(?:dot|point|\.)\])[ \u00a0]*|[ \u00a0]+(?:dot|point)[ \u00a0]+)"
)
#: Top-level domains an obfuscated address ends with (a plain one may end with any).
_EMAIL_TLDS = r"(?:fr|com|net|org|eu|be|ch|lu|de|es|it|pt|uk|ma|dz|tn|sn|ci|re|info|biz|io|gouv)"


class EmailRecognizer(FrenchRegexRecognizer):
    """E-mail addresses; the gate is a few substring tests (an "@" or a way of writing it), faster than a pattern."""

    AT_SIGNS = ("@", "arobase", "arrobase", "(at)", "[at]", "{at}", " at ")

    def may_match(self, lowered: str, longest_run: int) -> bool:
        return any(sign in lowered for sign in self.AT_SIGNS)


def email_recognizer() -> FrenchRegexRecognizer:
    """E-mail addresses, letters of any alphabet in them ("cyıldız@…", upper case too), and the same address
    written to escape robots or dictated ("(at)", "[at]", " arobase ", " point fr")."""
    regex = re.compile(r"(?<![\w.+\-])[\w.%+\-]+@[\w\-]+(?:\.[\w\-]+)*\.[^\W\d_]{2,24}(?![\w])")
    obfuscated = re.compile(
        rf"(?<![\w.+\-])[\w%+\-]+(?:\.[\w%+\-]+)*{_EMAIL_AT}[\w\-]+(?:{_EMAIL_DOT}[\w\-]+)*{_EMAIL_DOT}"
        rf"(?i:{_EMAIL_TLDS})(?![\w])"
    )
    return EmailRecognizer(
        "EMAIL",
        [PatternSpec("email", regex, 0.95), PatternSpec("email_obfuscated", obfuscated, 0.8)],
        context=["mail", "courriel", "adresse électronique"],
        context_boost=0.05,
    )


#: No digit (grouped or not) right before: the run starts here.
_DIGITS_START = r"(?=[0-9])(?<![\d])(?<!\d[ \u00a0.])"
_DIGITS_END = r"(?![ \u00a0.]?\d)"


#: Round 13: a SIRET or SIREN written in groups of three joined by hyphens, as a company's own papers and forms
#: print it ("626-529-622-04155", "579-769-050"; a SIRET's last five digits in one group or as 2-3); Luhn decides,
#: and no digit or hyphenated digit may go on before or after (a longer reference is no company number).
#: (The first digit opens the pattern, then what stands before it is checked: the engine skips to digits in C.)
_HYPHEN_EDGE_START = r"[0-9](?<![\d\-][0-9])(?<![0-9][ \u00a0.][0-9])"
_HYPHEN_EDGE_END = r"(?![\d]|-\d|[ \u00a0.]\d)"
_SIRET_HYPHENS = re.compile(rf"{_HYPHEN_EDGE_START}\d\d-\d{{3}}-\d{{3}}-(?:\d{{5}}|\d\d-\d{{3}}){_HYPHEN_EDGE_END}")
_SIREN_HYPHENS = re.compile(rf"{_HYPHEN_EDGE_START}\d\d-\d{{3}}-\d{{3}}{_HYPHEN_EDGE_END}")


def siret_recognizer() -> FrenchRegexRecognizer:
    """SIRET: 14 digits in any grouping (3 3 3 5, groups of three to the end...), Luhn valid."""
    regex = re.compile(rf"{_DIGITS_START}\d(?:[ \u00a0.]?\d){{13}}{_DIGITS_END}")
    return FrenchRegexRecognizer(
        "SIRET",
        [PatternSpec("siret", regex, 0.5), PatternSpec("siret_hyphens", _SIRET_HYPHENS, 0.5)],
        validator=_validate_siret,
        min_run=14,
        context=["siret", "établissement", "etablissement", "employeur", "entreprise", "société", "societe"],
    )


def siren_recognizer() -> FrenchRegexRecognizer:
    """SIREN: 9 digits in any grouping, Luhn valid, only next to 'SIREN' / 'RCS' / 'entreprise'..."""
    regex = re.compile(rf"{_DIGITS_START}\d(?:[ \u00a0.]?\d){{8}}{_DIGITS_END}")
    return FrenchRegexRecognizer(
        "SIREN",
        [PatternSpec("siren", regex, 0.5), PatternSpec("siren_hyphens", _SIREN_HYPHENS, 0.5)],
        validator=_validate_siren,
        min_run=9,
        context=["siren", "rcs", "entreprise", "société", "societe", "employeur", "siret", "raison sociale"],
        requires_context=True,
    )


def rpps_recognizer() -> FrenchRegexRecognizer:
    """RPPS: 11-digit practitioner number, next to 'RPPS' or a practitioner word."""
    regex = re.compile(r"(?=[0-9])(?<![\d+])\d(?:[ \u00a0]?\d){10}(?![ \u00a0]?\d)")
    return FrenchRegexRecognizer(
        "RPPS",
        [PatternSpec("rpps", regex, 0.5)],
        validator=_validate_rpps,
        min_run=11,
        context=["rpps", "praticien", "prescripteur", "médecin", "medecin", "docteur", "dr ", "dentiste",
                 "chirurgien", "kiné", "infirmi", "sage-femme", "pharmacien"],
        requires_context=True,
        context_before=60,
    )  # fmt: skip


#: Round 13: a practitioner's Assurance Maladie number (the 9-digit ADELI-structured identifier printed on
#: prescriptions and statements) after its label "AM" in capitals: "AM 35 9 42463 7", "AM : 298855523",
#: "n° AM 75 192 2419". Nine digits in any grouping, the label right before (a colon allowed).
_AM_NUMBER = re.compile(r"(?<![\w])AM[ \u00a0]*:?[ \u00a0]*((?=[0-9])\d(?:[ \u00a0]?\d){8})(?![ \u00a0]?\d)(?![\w])")


def adeli_am_recognizer() -> FrenchRegexRecognizer:
    """Round 13: the 9-digit number after the label "AM" (``_AM_NUMBER``), labelled ADELI."""
    return FrenchRegexRecognizer(
        "ADELI", [PatternSpec("adeli_am", _AM_NUMBER, 0.85, group=1)], name="FrAdeliAM", min_run=9,
        gate=re.compile(r"am[ \u00a0]*:?[ \u00a0]*[0-9]"),
    )  # fmt: skip


def adeli_recognizer() -> FrenchRegexRecognizer:
    """ADELI: 9-digit number of paramedical professionals, next to 'ADELI'."""
    # round 12: nine digits that are the tail of a longer spaced number are not one: "+33 (0)6 90 18 83 54",
    # "0033 7 36 93 37 37" (a phone after the ADELI number) — never after a digit and a space, ")" or "+"
    regex = re.compile(r"(?=[0-9])(?<![\d)+])(?<!\d[ \u00a0])\d(?:[ \u00a0]?\d){8}(?![ \u00a0]?\d)")
    return FrenchRegexRecognizer(
        "ADELI",
        [PatternSpec("adeli", regex, 0.5)],
        context=["adeli"],
        min_run=9,
        requires_context=True,
        context_before=60,
    )


_MONTHS = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
#: Abbreviated months, with their dot ("04 févr. 1968", "06 avr. 1990") or without, as forms and quick notes
#: write them ("16 jan 66", "20 aou 17", "18 DEC 14"); never followed by another letter.
_MONTHS_ABBR = r"(?:janv?|f[ée]vr?|mar|avr|jui?n|jui?l|juil|ao[uû]|sept?|oct|nov|d[ée]c)(?:\.|(?![a-zà-ÿA-ZÀ-Ÿ]))"


#: Month names of other languages (English, Italian, Portuguese, Spanish, German) and English abbreviations, as
#: members abroad write their date of birth: "4 May 1965", "May 5, 1936", "20 de maio de 1980" (round 9).
_FOREIGN_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    "|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|dicembre"
    "|janeiro|fevereiro|março|marco|abril|maio|junho|julho|setembro|outubro|novembro|dezembro"
    "|enero|febrero|mayo|junio|julio|septiembre|octubre|noviembre|diciembre"
    "|januar|februar|märz|juni|juli|oktober|dezember"
)


def _typos(word: str) -> tuple[str, ...]:
    """``word`` and its misspellings by one slip of the keyboard: a letter left out, doubled, or swapped with
    its neighbour ("naisance", "naissannce", "niassance")."""
    out = {word}
    for i in range(len(word)):
        out.add(word[:i] + word[i + 1 :])
        out.add(word[:i] + word[i] + word[i:])
        if i + 1 < len(word):
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
    return tuple(sorted(w for w in out if len(w) >= len(word) - 1))


_DOB_CONTEXT = ("né le", "née le", "né(e)", "nee le", "ne le", "ne(e)", "naiss", "ddn", "né en", "née en",
                "nee en", "ne en", "née", "né ", "âgé", "anniversaire", "naît", "dn :", "dn:", "dn ", "d.n.", "°",
                "dob", "ans (", "né à", "née à", "nee a", "ne a ", "né au", "née au",
                "born", "nato il", "nata il", "nascido em", "nascida em", "nacido el", "nacida el", "geboren",
                "urodzon", "date of birth", "data di nascita", "data de nascimento", "fecha de nacimiento",
                *_typos("naissance"))  # fmt: skip


#: What an OCR engine reads each letter of a birth label as: "l"/"1" for "i", "0" for "o", "5" for "s", any
#: accent on "e", and a space that splits the word ("Date de na1ss ance", "nalssance", "Nè(e) 1e").
_OCR_LETTER = {"a": "[aàâ@]", "e": "[eéèêë]", "i": "[il1|!íï]", "l": "[l1i|]", "o": "[o0ô]", "s": "[s5]"}


def _ocr_word(word: str) -> str:
    """A pattern for ``word`` (lower case) as OCR writes it: confusable letters, one stray space between two."""
    return "[ \u00a0]?".join(_OCR_LETTER.get(c, re.escape(c)) for c in word)


#: Birth labels as OCR garbles them (lower-cased text): "date de na1ssance", "nais sa nce", "nè(e) 1e".
_OCR_BIRTH_LABEL = re.compile(
    rf"(?<![a-z]){_ocr_word('naissance')}(?![a-z])"
    rf"|(?<![a-z])n[ \u00a0]?[eéèêë][ \u00a0]?(?:\([ \u00a0]?e[ \u00a0]?\))?[ \u00a0]+{_ocr_word('le')}(?![a-z])"
)


#: One of these is in every birth label ``_OCR_BIRTH_LABEL`` matches that the plain birth words miss ("nalssance",
#: "nais sa nce", "nalssan ce", "nè(e) 1e", "nè le"): a substring test that spares the pattern most texts.
#: The start of an XML closing tag right before a word: "</date_" of "</date_naissance>".
_CLOSING_TAG = re.compile(r"</[\w.\-]*$")
_OCR_BIRTH_PIECES = ("nce", "n ce", "n\u00a0ce", "(e)", "1e", "nè", "|e", "n e")
#: The last text asked about and its answer: the two recognizers of dates of birth ask in turn for the same text.
_OCR_LABEL_LAST: tuple[str, bool] = ("", False)


def _ocr_birth_label_in(lowered: str) -> bool:
    """True when a birth label garbled by OCR (``_OCR_BIRTH_LABEL``) is in ``lowered`` (a lower-cased text)."""
    global _OCR_LABEL_LAST
    last = _OCR_LABEL_LAST  # one read and one write of a tuple: safe between threads
    if last[0] is lowered:
        return last[1]
    found = any(piece in lowered for piece in _OCR_BIRTH_PIECES) and _OCR_BIRTH_LABEL.search(lowered) is not None
    _OCR_LABEL_LAST = (lowered, found)
    return found


class DateOfBirthRecognizer(FrenchRegexRecognizer):
    """Dates need a birth word before them, with no other date in between ("née le X, soins du Y": X only).
    Birth labels garbled by OCR ("Date de nalssance", "Nè(e) 1e :") count as birth words."""

    _OTHER_DATE = re.compile(rf"\d[/.\-]\d|\d{{4}}|\b(?i:{_MONTHS})\b")
    #: A care event between the birth word and the date says the date is the event's ("âgée de 13 ans,
    #: hospitalisée du 1 février 2025").
    _CARE_EVENT = re.compile(
        r"(?i:\b(?:hospitalis|soins?\b|s[ée]jour|factur|op[ée]r[ée]|consult|devis|rdv|rendez-vous|admis|entr[ée]e?\b))"
    )

    def may_match(self, lowered: str, longest_run: int) -> bool:
        if super().may_match(lowered, longest_run):
            return True
        return longest_run >= self.min_run and _ocr_birth_label_in(lowered)

    #: Round 13: what opens the date's own line when it has a label of its own: a field's label ("Date de
    #: réception : ") or a list item's mark ("- ").
    _OWN_LABEL = re.compile(r"[ \t]*(?:[^\W\d][^\n:]{0,40}[ \t]*:|[-•*][ \t])[ \t]*(?:(?:1er|\d{1,2})[ \t]+)?\Z")
    #: Words after the birth word on its line: the birth word is part of a sentence or a label of its own line
    #: ("acte de naissance illisible", "Date de naissance discordante ;"), not a question or a label for the next
    #: line ("et il était né le⏎", "votre date de naissance ?⏎").
    _WORDS_AFTER = re.compile(r"[^\n]*?[^\W\d_]{2}")

    def _own_line_label(self, text: str, word_end: int, start: int) -> bool:
        """Round 13: the birth word ending at ``word_end`` does not date the date at ``start`` when a paragraph
        break lies between them ("… naissance.⏎⏎Cour de cassation, 12 août 2025"), or when the date opens a later
        line under a label or a list mark of its own while the birth word's line goes on after it ("acte de
        naissance illisible⏎Date de réception : 14/08/25", "Date de naissance discordante ;…⏎- 2026-12-13 ; …");
        a question's answer on the next line keeps it ("et il était né le⏎Adhérent : 27/04/1970")."""
        if "\n" not in text[word_end:start]:
            return False
        if "\n\n" in text[word_end:start]:
            return True
        line_start = text.rfind("\n", 0, start) + 1
        if self._OWN_LABEL.match(text, line_start, start) is None:
            return False
        word_line_end = text.find("\n", word_end)
        return self._WORDS_AFTER.match(text, word_end, word_line_end) is not None

    def has_context(self, text: str, start: int, end: int) -> bool:
        if self._context_regex is None:
            return False
        lowered = text[: start + 1].lower()  # the lookbehind of the context words sees the window's edge
        window = max(0, start - self.context_before)
        last = None
        for match in self._context_regex.finditer(lowered, window, start):
            if _CLOSING_TAG.search(lowered, max(0, match.start() - 40), match.start()) is None:
                last = match  # not the closing tag of the birth date's own element ("</date_naissance>")
        for match in _OCR_BIRTH_LABEL.finditer(lowered, window, start):
            if _CLOSING_TAG.search(lowered, max(0, match.start() - 40), match.start()) is not None:
                continue
            if last is None or match.end() > last.end():
                last = match
        if (
            last is not None
            and not self._OTHER_DATE.search(text, last.end(), start)
            and not self._CARE_EVENT.search(text, last.end(), start)
            and not self._own_line_label(text, last.end(), start)
        ):
            return True
        after = text[end : end + self.context_after].lower()
        return bool(self.context_after and re.match(r"[ \u00a0]*\(?(?:date de naissance|ddn|naissance)", after))


def date_of_birth_recognizer() -> FrenchRegexRecognizer:
    """Dates next to 'né(e) le', 'date de naissance', 'DDN'...: day-month-year, ISO, spelled, month and year."""
    numeric = re.compile(
        r"(?=[0-9])"
        r"(?<![\d/.\-])(?:0?[1-9]|[12]\d|3[01])[/.\-](?:0?[1-9]|1[0-2])[/.\-](?:19|20)?\d\d(?![\d/])"
    )
    iso = re.compile(r"(?=[12])(?<![\d/.\-])(?:19|20)\d\d[\-/.](?:0[1-9]|1[0-2])[\-/.](?:0[1-9]|[12]\d|3[01])(?![\d])")
    spelled = re.compile(
        r"(?=[0-9])"
        rf"(?<![\w])(?:1er|0?[1-9]|[12]\d|3[01])[ \u00a0]+(?i:{_MONTHS}|{_MONTHS_ABBR})[ \u00a0]*"
        r"(?:(?:19|20)\d\d|\d\d)(?![\d])"
    )
    month_year = re.compile(rf"(?=[jfmasondJFMASOND])(?<![\w])(?i:{_MONTHS})[ \u00a0]+(?:19|20)\d\d(?![\d])")
    numeric_month_year = re.compile(r"(?=[0-9])(?<![\d/.\-])(?:0?[1-9]|1[0-2])[/.\-](?:19|20)\d\d(?![\d/])")
    spaced = re.compile(r"(?=[0-9])(?<![\d])(?:0[1-9]|[12]\d|3[01]) (?:0[1-9]|1[0-2]) (?:19|20)\d\d(?![\d])")
    # day, month and year run together, as date fields are typed: "né le 24111953"
    compact = re.compile(r"(?=[0-3])(?<![\d])(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:19|20)\d\d(?![\d])")
    # other languages: "4 May 1965", "1 dicembre 1964", "20 de maio de 1980"; "May 5, 1936", "Jun 18 1953";
    # a US date whose day cannot be a month: "02/19/1936"
    foreign_day_month = re.compile(
        r"(?=[0-9])"
        rf"(?<![\w])(?:1st|0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?[ \u00a0]+(?:de[ \u00a0]+)?(?i:{_FOREIGN_MONTHS})\.?"
        r"[ \u00a0]+(?:de[ \u00a0]+)?(?:19|20)\d\d(?![\d])"
    )
    foreign_month_day = re.compile(
        rf"(?<![\w])(?i:{_FOREIGN_MONTHS})\.?[ \u00a0]+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?[ \u00a0]+"
        r"(?:19|20)\d\d(?![\d])"
    )
    us_numeric = re.compile(r"(?=[01])(?<![\d/.\-])(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01])/(?:19|20)\d\d(?![\d/])")
    return DateOfBirthRecognizer(
        "DATE_OF_BIRTH",
        [PatternSpec("dob_foreign_day_month", foreign_day_month, 0.5),
         PatternSpec("dob_foreign_month_day", foreign_month_day, 0.5), PatternSpec("dob_us_numeric", us_numeric, 0.5),
         PatternSpec("dob_numeric", numeric, 0.5), PatternSpec("dob_iso", iso, 0.5),
         PatternSpec("dob_spelled", spelled, 0.5), PatternSpec("dob_month_year", month_year, 0.5),
         PatternSpec("dob_numeric_month_year", numeric_month_year, 0.5), PatternSpec("dob_spaced", spaced, 0.5),
         PatternSpec("dob_compact", compact, 0.5)],
        context=_DOB_CONTEXT,
        requires_context=True,
        min_run=2,  # the shortest date: "3 nov 55" (runs of two digits); 1/3/60 is one run of four
        context_before=70,
        context_after=25,
    )  # fmt: skip


class OldDateRecognizer(FrenchRegexRecognizer):
    """A full date at least ``min_age`` years old is a date of birth in a mutuelle's comments (care, payment
    and quote dates are recent), unless a word before it says what else it dates ("adhérent depuis le",
    "contrat du", "date d'effet")."""

    _OTHER_EVENT = re.compile(
        r"\b(?:depuis|contrat|adh[ée]sion|adh[ée]rent|entr[ée]e?|embauch|soins?|factur|s[ée]jour|arr[êe]t|op[ée]r"
        r"|hospitalis|d[ée]c[èe]s|radiation|r[ée]siliation|effet|devis|d[ée]compte|paiement|pay[ée]|virement"
        r"|courrier|mail|lettre|envoy|re[çc]u|sign[ée]|dat[ée]|valable|jusqu|expir|fin|d[ée]but|ouvert|cr[ée]{2}"
        r"|loi|convention|accord|d[ée]cret|arr[êe]t[ée]|avenant|circulaire|r[ée]forme|version|norme|[ée]dition"
        r"|min|max|minimum|maximum|format|avant|apr[èe]s|entre|borne|limite|exemple|ex|from|to|since|until"
        r"|mariée?\b|mariage|divorc|veu[fv]|retrait|licenci|d[ée]m[ée]nag|ordonnance|prescri|consult)[^.;\n]{0,25}$",
        re.IGNORECASE,
    )

    _DATED = re.compile(r"\b(?:du|au|le|depuis le|jusqu'au|en date du|à partir du|a partir du)[ \u00a0]*$", re.I)

    def has_context(self, text: str, start: int, end: int) -> bool:
        match = re.search(r"(?:19|20)(\d\d)\b|\b(\d\d)$", text[start:end])
        year = int(text[start:end][match.start() : match.end()]) if match and match.group(1) else None
        if year is None or year > _LATEST_BIRTH_YEAR or year < 1905:
            return False  # 1900-01-01 and the like are bounds and placeholders, not births
        before = text[max(0, start - 45) : start]
        if re.search(r"[<>≤≥=]\s*$", before):
            return False  # a bound: ">= 2000-01-01"
        return self._OTHER_EVENT.search(before) is None and self._DATED.search(before) is None


#: Dates of this year or before, in a comment, are taken for dates of birth (see ``OldDateRecognizer``).
_LATEST_BIRTH_YEAR = 2012


def old_date_recognizer() -> FrenchRegexRecognizer:
    """Full dates (day, month, four-digit year up to 2012) with nothing saying they date another event."""
    numeric = re.compile(
        r"(?=[0-9])"
        r"(?<![\d/.\-])(?:0?[1-9]|[12]\d|3[01])[/.\-](?:0?[1-9]|1[0-2])[/.\-](?:19|20)\d\d(?![\d/])"
    )
    iso = re.compile(r"(?=[12])(?<![\d/.\-])(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d])")
    spelled = re.compile(
        rf"(?=[0-9])(?<![\w])(?:1er|0?[1-9]|[12]\d|3[01])[ \u00a0]+(?i:{_MONTHS})[ \u00a0]+(?:19|20)\d\d(?![\d])"
    )
    return OldDateRecognizer(
        "DATE_OF_BIRTH",
        [PatternSpec("old_numeric", numeric, 0.45), PatternSpec("old_iso", iso, 0.45),
         PatternSpec("old_spelled", spelled, 0.45)],
        requires_context=True,
        context_boost=0.0,
        name="FrOldDate",
        min_run=4,
        gate=re.compile(r"(?:19[0-9][0-9]|20[01][0-9])(?![0-9])"),  # a year up to 2019 (_LATEST_BIRTH_YEAR is below)
    )  # fmt: skip


def birth_year_recognizer() -> FrenchRegexRecognizer:
    """A year of birth alone, right after 'né(e) en' / 'naissance' ('née en 1979', 'DDN : 1979')."""
    year = re.compile(r"(?=[12])(?<![\w/.\-])(?:19|20)\d\d(?![\w/]|[.\-]\d)")
    return DateOfBirthRecognizer(
        "DATE_OF_BIRTH",
        [PatternSpec("dob_year", year, 0.5)],
        context=("né en", "née en", "nee en", "ne en", "né(e) en", "ne(e) en", "naissance", "ddn", "née", "né "),
        requires_context=True,
        context_before=18,
        context_after=0,
        name="FrBirthYear",
        min_run=4,
    )


#: A birth-date key as logs, JSON, XML, key=value lines and forms spell it: "dateNaissance", "date_naiss",
#: "DATE_NAISS", "dnaiss", "dt_naissance", "birthDate", "date_of_birth", "dob", "ddn", "naissance", "Date naiss.";
#: at a word's start or at a camelCase boundary ("patientDateNaissance"), never inside "nomNaissance".
_BIRTH_KEY = (
    r"(?:(?<![A-Za-z])|(?<=[a-z])(?=[A-Z]))"
    r"(?i:(?:(?:date|dt|d)[_.\- ]?(?:de[_.\- ]?|of[_.\- ]?)?)?(?:naiss(?:ance)?|birth(?:[_.\- ]?date|day)?)\.?"
    r"|(?:date[_.\- ]?of[_.\- ]?)?birth(?:[_.\- ]?date|day)?|dob|ddn"
    # round 8: a form field's key "ne_le", "adherent_nee_le", "beneficiaire.ne_le" (an underscore or a dot: a key)
    r"|n[eé]e?s?[_.]le|n[eé]\(e\)[_.]?le"
    # round 10: "né le" then eight digits run together ("né le 19390420"); other forms are the date recognizer's
    r"|n[eé]e?s?(?:\(e\))?[ \u00a0]le(?=[ \u00a0]?[0-9]{8}(?![0-9])))"
)
#: Between the key and its value: a closing quote, ":" or "=" (or an XML tag's ">"), an opening quote.
_FIELD_SEP = r"[\"']?[ \u00a0]*(?:[:=>|;\t][ \u00a0]*)?[\"']?"
#: The parts of a date written in digits, the one home of their shapes (the birth-date field's value below, a
#: record's date column in ``records.py``): a two-digit day, a two-digit month, a four-digit year of the 1900s/2000s.
DATE_DAY = r"(?:0[1-9]|[12]\d|3[01])"
DATE_MONTH = r"(?:0[1-9]|1[0-2])"
DATE_YEAR = r"(?:19|20)\d\d"
#: A birth-date value: day/month/year, ISO year-month-day, or eight digits run together (YYYYMMDD, DDMMYYYY).
_FIELD_DATE = (
    r"(?:(?:0?[1-9]|[12]\d|3[01])[/.\-](?:0?[1-9]|1[0-2])[/.\-](?:19|20)?\d\d"
    rf"|{DATE_YEAR}[\-/.]?{DATE_MONTH}[\-/.]?{DATE_DAY}"
    rf"|{DATE_DAY}{DATE_MONTH}{DATE_YEAR})(?![\d/])"
)


def birth_field_recognizer() -> FrenchRegexRecognizer:
    """The value of a birth-date field pasted from a log, a JSON or XML document, a key=value line or a form:
    ``"dateNaissance": "1981-03-12"``, ``<date_naiss>12/03/1981</date_naiss>``, ``dob=19810312``, ``Date naiss.
    19810312``. The key says what the date is; other dates of the same lines (care, created, updated) have other
    keys and stay."""
    regex = re.compile(rf"{_BIRTH_KEY}{_FIELD_SEP}({_FIELD_DATE})")
    return FrenchRegexRecognizer(
        "DATE_OF_BIRTH",
        [PatternSpec("dob_field", regex, 0.85, group=1)],
        name="FrBirthField",
        min_run=2,
        gate=re.compile(r"naiss|birth|dob|ddn|n[eé]e?s?[_.]le|n[eé]\(e\)[_.]?le|n[eé]e?s?(?:\(e\))? le [0-9]{8}"),
    )


_STREET_TYPES = (
    r"rue|avenue|av\.|bd|boulevard|blvd|place|pl\.|all[ée]e|impasse|imp\.|chemin|ch\.|route|rte|quai|cours|square"
    r"|r[ée]sidence|lotissement|lieu-dit|passage|faubourg|fbg|chauss[ée]e|cit[ée]|hameau|sentier|voie|villa"
    r"|promenade|esplanade|rond-point|parvis|mail|mont[ée]e|traverse|clos|domaine|parc|vall[ée]e|venelle|ruelle"
    # round 12: a street that is its own name ("68 A Grand'Rue", "92 Grand-Rue")
    r"|grand['’\-]rue"
    # round 13: "r." for "rue", La Poste's abbreviation, in lower case only ("43bis r. Lamartine"; "2 R. Durand" is
    # a count and an initial)
    r"|(?-i:r\.)"
)
#: The streets whose type is their whole name: no name follows.
_NAMELESS_STREET = r"grand['’\-]rue"
_PARTICLE = r"(?:(?:de|du|des|la|le|les|aux|au|et|sur|sous|en)[ \u00a0]+|[ldLD]['’][ \u00a0]?)"
_COMMUNE = (
    rf"{_CAP_WORD}(?:[ \u00a0\-]+(?:(?:sur|sous|en|lès|les|le|la|de|du|des|aux|au)[ \u00a0\-]+|[dl]['’])?{_CAP_WORD})*"
    r"(?:[ \u00a0]+(?i:cedex)(?:[ \u00a0]+\d{1,2})?)?"
)
#: round 12: or a neighbour's postal code with its country letter ("L-9050 Ettelbruck", "B-7000 Mons", "CH-1204")
_POSTAL = r"(?:\d{5}|\d\d[ \u00a0]\d{3}|(?:L|B|CH)-\d{4}|D-\d{5})"


def address_recognizer() -> FrenchRegexRecognizer:
    """French postal addresses: number + street type + name (+ postal code + commune); postal code + commune."""
    street = re.compile(
        # not the end of a date or of a phone number ("DDN 25/11/2013, mail ...", "Tél 05 66 51 92 03, mail ...":
        # "mail" is also a street type)
        rf"(?=[0-9])(?<![\w])(?<![0-9][ \u00a0/.\-])\d{{1,4}}"
        rf"(?:[ \u00a0]?(?:(?i:bis|ter|quater)|[A-Da-d])(?![\w]))?,?[ \u00a0]+"
        rf"(?:(?i:{_NAMELESS_STREET})(?![\w'’\-])|(?i:{_STREET_TYPES})(?![\w])"
        rf"[ \u00a0]+{_PARTICLE}*{_ANY_WORD})"
        # round 10: a gap of three blanks or more is a column's edge, not the street name going on
        rf"(?:[ \u00a0]{{1,2}}{_PARTICLE}*[{_UP}0-9]{_WORD}*)*"
        rf"(?:(?:,|[ \u00a0]+[-–])?[ \u00a0]*{_POSTAL}[ \u00a0]+{_COMMUNE})?"
    )
    # a postal code does not continue a number of three digits or more: "devis DV 2025 48014 REÇU LE ..." is a
    # reference; a postal box's short number may come first ("BP 58 94000 Créteil")
    postal_commune = re.compile(
        rf"(?=[0-9])(?<![\w])(?<![0-9]{{3}}[ \u00a0])(?:\d{{5}}|\d\d[ \u00a0]\d{{3}})[ \u00a0]+{_COMMUNE}"
    )
    return FrenchRegexRecognizer(
        "ADDRESS",
        [PatternSpec("street_address", street, 0.75), PatternSpec("postal_code_commune", postal_commune, 0.7)],
        context=["adresse", "domicil", "habite", "demeurant", "résid", "resid", "déménag", "demenag", "courrier"],
        context_boost=0.15,
        # what each pattern starts with: a number and a street type, or a postal code and a word (the first digit
        # outside the alternatives: the search skips to digits in C instead of trying both at every position)
        gate=re.compile(
            rf"[0-9](?:(?:[ \u00a0]?(?:bis|ter|quater|[a-d]))?,?[ \u00a0]+(?:{_STREET_TYPES})(?![\w])"
            r"|[0-9][ \u00a0]?[0-9]{3}[ \u00a0]+[^\W\d_])"
        ),
    )


#: Addresses abroad, as members write them (round 9): the street type first and the number after the name
#: ("Rua Augusta 79, 1100-053 Lisboa", "Ulica Długa 5"), the type after the name ("Bağdat Caddesi No: 12",
#: "Lindenstraße 4"), or the English order ("132 Queen's Road, Brighton BN1 3XE"); a postal code and town may follow.
_FW = r"[^\W\d_][\w'’\-]*"
_FOREIGN_TYPE_FIRST = r"(?:ulica|ul\.|rua|avenida|calle|carrer|via|viale|piazza|praça|praca|plaza|largo|travessa)"
_FOREIGN_TYPE_AFTER = r"(?:caddesi|cad\.|sokak|sokağı|bulvarı|mahallesi)"
_FOREIGN_TYPE_ENGLISH = r"(?:road|street|avenue|lane|drive|close|terrace|crescent|gardens)"
_FOREIGN_NUMBER = r"(?:(?i:no|nr|n°)\.?:?[ \u00a0]*)?\d{1,4}[a-zA-Z]?(?![\w])"
_FOREIGN_POSTAL_TOWN = (
    r"(?:,?[ \u00a0]+(?:\d{2}-\d{3}|\d{4}-\d{3}|\d{4,5}|[A-Z]{1,2}\d[A-Z\d]?[ \u00a0]\d[A-Z]{2})"
    rf"[ \u00a0]+{_FW}(?:[ \u00a0]{_FW})?)?"
)


def foreign_address_recognizer() -> FrenchRegexRecognizer:
    """Street addresses abroad (``_FOREIGN_TYPE_FIRST``, ``_FOREIGN_TYPE_AFTER``, ``_FOREIGN_TYPE_ENGLISH``, German
    "-straße"), each with its house number; a French street type stays ``address_recognizer``'s."""
    name = rf"(?:(?:de|da|das|do|dos|del|della|di|dei)[ \u00a0]+)?{_FW}(?:[ \u00a0]+{_FW}){{0,2}}"
    type_first = re.compile(
        # capitalised as a street's name is ("Via Roma 3"; "via Milan 2 fois" is a route)
        rf"(?<![\w])(?:Ulica|ULICA|ul\.|Rua|RUA|Avenida|Calle|Carrer|Via|Viale|Piazza|Praça|Praca|Plaza|Largo|Travessa)"
        rf"[ \u00a0]+{name},?[ \u00a0]+{_FOREIGN_NUMBER}(?![ \u00a0]*(?:fois|x|€|%|h|ans)(?![\w]))"
        rf"{_FOREIGN_POSTAL_TOWN}"
    )
    type_after = re.compile(
        rf"(?<![\w]){_FW}(?:[ \u00a0]+{_FW})?[ \u00a0]+(?i:{_FOREIGN_TYPE_AFTER})[ \u00a0]+{_FOREIGN_NUMBER}"
        rf"{_FOREIGN_POSTAL_TOWN}"
    )
    german = re.compile(
        rf"(?<![\w])[^\W\d_]+(?i:stra(?:ß|ss)e|gasse|allee|weg|platz)[ \u00a0]+\d{{1,4}}[a-z]?(?![\w])"
        rf"{_FOREIGN_POSTAL_TOWN}"
    )
    english = re.compile(
        rf"(?<![\w])\d{{1,4}}[ \u00a0]+{_FW}(?:[ \u00a0]+{_FW})?[ \u00a0]+(?i:{_FOREIGN_TYPE_ENGLISH})(?![\w])"
        rf"(?:,[ \u00a0]*{_FW}(?:[ \u00a0]+[A-Z]{{1,2}}\d[A-Z\d]?[ \u00a0]\d[A-Z]{{2}})?)?"
    )
    return FrenchRegexRecognizer(
        "ADDRESS",
        [PatternSpec("foreign_type_first", type_first, 0.75), PatternSpec("foreign_type_after", type_after, 0.75),
         PatternSpec("foreign_german", german, 0.75), PatternSpec("foreign_english", english, 0.75)],
        name="FrForeignAddress",
        gate=re.compile(
            rf"(?<![\w])(?:{_FOREIGN_TYPE_FIRST}|{_FOREIGN_TYPE_AFTER})[ \u00a0]|stra(?:ß|ss)e[ \u00a0]+\d"
            rf"|gasse[ \u00a0]+\d|allee[ \u00a0]+\d|weg[ \u00a0]+\d|platz[ \u00a0]+\d"
            rf"|[ \u00a0](?:{_FOREIGN_TYPE_ENGLISH})(?![\w])"
        ),
    )  # fmt: skip


_TITLES = r"M\.|MM\.|Mr\.?|Mme\.?|Mmes|Mlle\.?|Madame|Monsieur|Mademoiselle|Dr\.?|Docteur|Pr\.?|Professeur|Me|Maître"


def titled_person_recognizer() -> FrenchRegexRecognizer:
    """A name after a civility or professional title: Mme Durand, M. J. Martin, Dr Le Gall, Madame DUPONT Anne."""
    name = rf"(?:[{_UP}]\.|{_CAP_WORD})(?:[ \u00a0]+(?:(?:de|du|des|le|la)[ \u00a0]+|[dD]['’])?{_CAP_WORD}){{0,2}}"
    regex = re.compile(rf"(?=[MDP])(?<![\w.])(?:{_TITLES})[ \u00a0]+({name})")
    return FrenchRegexRecognizer(
        "PERSON",
        [PatternSpec("titled_name", regex, 0.85, group=1)],
        name="FrTitledPerson",
    )


#: Upper-case words of the trade that are not surnames.
ACRONYMS = frozenset(
    "CPAM RIB NIR IBAN BIC SIRET SIREN RPPS ADELI DDN CMU CSS AME BR RAC TP PEC NPAI SS MSA URSSAF CAF ALD OPTAM "
    "DPO CNIL RGPD HDS SMS PDF TTC HT TVA EUR BRSS CCAM NGAP ACS RO RC AMO AMC CSG FR SEPA RDV TEL TÉL NB PS OK "
    "CB SNCF EDF SA SAS SARL EURL CHU CHR EHPAD SAMU RH DRH CSE CE RSE PME TPE SIRH FINESS IJ CPAM".split()
)

#: Lower-cased words that open a sentence or follow a trigger but are not names.
NON_NAME_WORDS = frozenset(
    """m. m mr mr. mme mme. mmes mlle mlle. madame monsieur mademoiselle dr dr. docteur pr pr. professeur me maître
    le la les l un une des du de d ce cet cette ces son sa ses mon ma mes notre nos votre vos leur leurs il elle
    ils elles on nous vous je tu qui que quoi dont où et ou mais donc or ni car
    devis appel appels rappel rappeler pièce pièces bonne bon bonjour bonsoir merci objet facture factures dossier
    réclamation client cliente courrier décompte attestation prescription enfant paiement code tiers prise
    dépassement kiné cabinet cordialement salutations veuillez patient patiente adhérent adhérente assuré assurée
    bénéficiaire conjoint conjointe relance remboursement garantie garanties contrat mutuelle sécurité sociale
    pharmacie clinique hôpital centre optique dentaire audition date avis note mail email tél téléphone portable
    accord refus rejet transfert changement demande envoi retour aucun aucune ci-joint
    lunettes monture verres lentilles prothèse prothèses orthodontie hospitalisation audiologie radiologie
    kinésithérapie consultation consultations soins séjour forfait franchise cure implant couronne bridge
    médecin médecine spécialiste généraliste infirmier infirmière sage-femme ostéopathie laboratoire analyses""".split()
)

_UPPER_NAME = rf"[{_UP}]{{2,}}(?:[\-'’ ][{_UP}]{{2,}})?"
_FIRST_NAME = rf"[{_UP}][{_LOW}]+(?:-[{_UP}][{_LOW}]+)?"
_TOKEN = re.compile(r"[^\s,;:()]+")


def _validate_name(value: str) -> int | None:
    """Reject candidates made of acronyms or opening with a non-name word; trim trailing non-names."""
    tokens = _TOKEN.findall(value)
    if not tokens or tokens[0].lower().strip(".") in NON_NAME_WORDS or tokens[0].lower() in NON_NAME_WORDS:
        return None
    if any(t.upper() == t and t.strip(".") in ACRONYMS for t in tokens):
        return None
    end = len(value)
    while tokens and tokens[-1].lower() in NON_NAME_WORDS:
        end = value.rfind(tokens.pop())
    return len(value[:end].rstrip()) if tokens else None


def upper_surname_recognizer() -> FrenchRegexRecognizer:
    """Names written the administrative way: DURAND Sophie, Sophie DURAND, LE GALL Anne-Marie."""
    return FrenchRegexRecognizer(
        "PERSON",
        [
            PatternSpec("surname_first", re.compile(rf"(?<![\w]){_UPPER_NAME}[ \u00a0]+{_FIRST_NAME}(?![\w])"), 0.7),
            PatternSpec("first_surname", re.compile(rf"(?<![\w]){_FIRST_NAME}[ \u00a0]+{_UPPER_NAME}(?![\w])"), 0.7),
        ],
        validator=_validate_name,
        name="FrUpperSurname",
    )


_PERSON_TRIGGERS = (
    r"appel de|appel du|de la part de|patient|patiente|enfant|fils|fille|adhérent|adhérente|assuré|assurée"
    r"|bénéficiaire|conjoint|conjointe|époux|épouse|mari|ayant droit|cordialement|bien à vous|salutations"
    r"|sincères salutations|bien cordialement"
)


def person_in_context_recognizer() -> FrenchRegexRecognizer:
    """Capitalised words right after a word that announces a person (patient X, appel de X, signatures)."""
    name = rf"{_CAP_WORD}(?:[ \u00a0]+{_CAP_WORD}){{0,2}}"
    regex = re.compile(rf"(?<![\w])(?i:{_PERSON_TRIGGERS})[ \u00a0]*[,:]?[ \u00a0\n]+({name})")
    return FrenchRegexRecognizer(
        "PERSON",
        [PatternSpec("person_after_trigger", regex, 0.7, group=1)],
        validator=_validate_name,
        name="FrPersonInContext",
    )


def clean_model_person(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A statistical model's PERSON span, trimmed of titles and ordinary words at its edges; None if nothing
    in it reads as a name (a capitalised sentence start "Pouvez-vous", "Délai", "Prochaine" is dropped)."""
    from vault.pii.lexicon import common_words, fold, name_lexicon

    value = text[start:end]
    if any(ch.isdigit() for ch in value) or not any(ch.isupper() for ch in value):
        return None
    lexicon, common = name_lexicon(), common_words()
    tokens = list(_TOKEN.finditer(value))

    def ordinary(tok: re.Match[str]) -> bool:
        word = tok.group(0).strip('.,;:!?()"«»')
        f = fold(word)
        if word in ACRONYMS or f in NON_NAME_WORDS or f.strip(".") in NON_NAME_WORDS:
            return True
        return f in common and not lexicon.is_name(f)

    while tokens and ordinary(tokens[0]):
        tokens.pop(0)
    while tokens and ordinary(tokens[-1]):
        tokens.pop()
    if not tokens:
        return None
    s, e = start + tokens[0].start(), start + tokens[-1].end()
    if sum(ch.isalpha() for ch in text[s:e]) < 2:
        return None
    from vault.pii.names import model_span_plausible

    if not model_span_plausible(text, s, e):
        return None
    return s, e


class FrenchSpacyPersonRecognizer(SpacyRecognizer):
    """spaCy's PER entities, cleaned by ``clean_model_person``."""

    def __init__(self) -> None:
        super().__init__(supported_language=LANGUAGE, supported_entities=["PERSON"], name="FrSpacyPerson")

    def analyze(
        self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        kept = []
        for result in super().analyze(text, entities, nlp_artifacts) or []:
            cleaned = clean_model_person(text, result.start, result.end)
            if cleaned is None:
                continue
            result.start, result.end = cleaned
            kept.append(result)
        return kept


class FrenchLexiconPersonRecognizer(LocalRecognizer):
    """Person names from the INSEE lexicons, casing and context (``vault.pii.names``); no model needed."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON"], supported_language=LANGUAGE, name="FrLexiconPerson")

    def load(self) -> None:
        return None

    def analyze(
        self, text: str, entities: list[str] | None = None, nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        from vault.pii.names import find_names

        if entities and "PERSON" not in entities:
            return []
        return [
            RecognizerResult(
                "PERSON", start, end, score,
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True,
                },
            )
            for start, end, score in find_names(text).spans
        ]  # fmt: skip


def french_recognizers() -> list[FrenchRegexRecognizer]:
    """All regex recognizers, in a fresh list (the analyzer adds spaCy's PERSON)."""
    return [
        nir_recognizer(),
        nir_without_key_recognizer(),
        nir_key_in_words_recognizer(),
        phone_recognizer(),
        spoken_phone_recognizer(),
        iban_recognizer(),
        email_recognizer(),
        siret_recognizer(),
        siren_recognizer(),
        rpps_recognizer(),
        adeli_recognizer(),
        adeli_am_recognizer(),
        date_of_birth_recognizer(),
        birth_year_recognizer(),
        birth_field_recognizer(),
        old_date_recognizer(),
        address_recognizer(),
        foreign_address_recognizer(),
        titled_person_recognizer(),
    ]


__all__ = [
    "FrenchRegexRecognizer",
    "FrenchLexiconPersonRecognizer",
    "FrenchSpacyPersonRecognizer",
    "clean_model_person",
    "PatternSpec",
    "SEPA_IBAN_LENGTHS",
    "french_recognizers",
]
