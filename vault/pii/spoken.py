"""Personal data as speech-to-text writes it: phone numbers said in words, names spelled letter by letter.

A dictated note keeps what was said: "joignable au zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit",
"zéro un 39 96 62 64", "07 quarante-trois soixante-six 14 59"; "il épelle son nom D U P O N T". The patterns
for written numbers cannot see them.

``spoken_phones`` reads a run of French number words and digits (commas or spaces between them) as the digits
said, and keeps the runs that make exactly a French number of ten digits (0 then 1-9) with at least one word in
them (the rest is the written phone pattern's). A run cut short ("zéro six douze…") is no phone.

``spoken_birth_dates`` reads a date of birth said in words after "né le" / "née en" ("treize novembre mille neuf
cent trente-sept").

``spelled_names`` finds three letters or more said one by one ("D U P O N T", "L-E-G-A-L-L"): a name when a
spelling cue comes before it ("épelle", "je répète", "s'écrit", "nom") or when the letters make a known name.
"""

from __future__ import annotations

import re

from vault.pii.lexicon import fold, fold_cached

_UNITS = {
    "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
    "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
}  # fmt: skip
_TENS = frozenset({"vingt", "trente", "quarante", "cinquante", "soixante"})
_WORD = "(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + ")"
#: One token: a compound of number words ("quatre-vingt-dix-huit", "soixante-et-onze"), "et", or 1-2 digits.
_TOKEN = rf"(?:{_WORD}(?:-(?:et-)?{_WORD})*|et|\d\d?)"
#: Between the numbers said: a comma, spaces, or the pause a transcript writes as dots ("zéro six... douze...").
_SEPARATOR = r"(?:[ \u00a0]*(?:,|\.\.\.|…)[ \u00a0]*|[ \u00a0]+)"
#: A run of tokens, searched in the folded text (no accents: "zéro" is "zero").
_RUN = re.compile(rf"(?<![\w\-]){_TOKEN}(?:{_SEPARATOR}{_TOKEN})*(?![\w\-])")
_ONE_TOKEN = re.compile(_TOKEN)
#: The cheap gate: a text without "zero"/"zéro" nor a tens word holds no spoken phone.
GATE = re.compile(r"z[eé]ro|vingt|trente|quarante|cinquante|soixante|douze|treize|quatorze|quinze|seize|onze")


def _value(words: list[str]) -> int:
    total = 0
    i = 0
    while i < len(words):
        if words[i] == "quatre" and i + 1 < len(words) and words[i + 1] in ("vingt", "vingts"):
            total += 80
            i += 2
            continue
        total += _UNITS[words[i]]
        i += 1
    return total


def _items(folded: str, start: int, end: int) -> list[tuple[int, int, str, bool]]:
    """The numbers said between ``start`` and ``end``: (start, end, digits, said in words)."""
    tokens = [(m.start(), m.end(), m.group(0)) for m in _ONE_TOKEN.finditer(folded, start, end)]
    items: list[tuple[int, int, str, bool]] = []
    i = 0
    while i < len(tokens):
        a, b, tok = tokens[i]
        if tok.isdigit():
            items.append((a, b, tok, False))
            i += 1
            continue
        if tok == "et":
            # "soixante et onze", "vingt et un": joins a tens word and the unit after it; otherwise it ends the run
            previous = items[-1] if items else None
            if previous is not None and previous[3] and i + 1 < len(tokens) and tokens[i + 1][2] in ("un", "onze"):
                value = int(previous[2]) + _UNITS[tokens[i + 1][2]]
                items[-1] = (previous[0], tokens[i + 1][1], f"{value:02d}", True)
                i += 2
                continue
            items.append((a, b, "", True))  # a stop
            i += 1
            continue
        words = [w for w in tok.split("-") if w != "et"]
        value = _value(words)
        digits = str(value) if len(words) == 1 and value < 10 else f"{value:02d}"
        items.append((a, b, digits, True))
        i += 1
    return items


#: A number from 0 to 99 said in words, as a whole ("soixante-quinze", "quatre-vingt-dix-sept", "trente et un").
NUMBER_IN_WORDS = rf"{_WORD}(?:(?:-|[ \u00a0]+)(?:et(?:-|[ \u00a0]+))?{_WORD})*"
_NUMBER_IN_WORDS = re.compile(NUMBER_IN_WORDS)


def number_in_words(said: str) -> int | None:
    """The value of a number from 0 to 99 said in French words ("quatre-vingt-onze" -> 91), None otherwise."""
    folded = fold(said).strip().lower()
    if not _NUMBER_IN_WORDS.fullmatch(folded):
        return None
    words = [w for w in re.split(r"[\- \u00a0]+", folded) if w and w != "et"]
    value = _value(words)
    return value if value < 100 else None


def spoken_phones(text: str, folded: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of each French phone number said in words (with or without digits among them)."""
    folded = fold(text) if folded is None else folded
    if GATE.search(folded) is None:
        return []
    out = []
    for run in _RUN.finditer(folded):
        items = _items(folded, run.start(), run.end())
        i = 0
        while i < len(items):
            if not items[i][2].startswith("0"):
                i += 1
                continue
            digits = ""
            words = False
            j = i
            while j < len(items) and items[j][2] and len(digits) < 10:
                digits += items[j][2]
                words = words or items[j][3]
                j += 1
            if len(digits) == 10 and digits[1] != "0" and words:
                out.append((items[i][0], items[j - 1][1]))
                i = j
            else:
                i += 1
    return out


#: Three letters or more said one at a time: capitals apart by one space, a hyphen, a dot or a comma ("C, O, L").
_SPELLED = re.compile(
    # the lookahead first: most positions fail on it at once
    r"(?=[A-ZÀ-ÖØ-Þ][ \-.,])(?<![\w\-'’])[A-ZÀ-ÖØ-Þ](?:(?: |-|\. ?|, ?)[A-ZÀ-ÖØ-Þ]){2,}\.?(?![\w\-'’])"
)
_SPELLING_CUE = re.compile(
    r"(?:[eé]pel(?:le|é|e|ez|ons)?|je r[eé]p[eè]te|r[eé]p[eé]t[eé]|s'[eé]crit|[eé]crit|lettres?|nom(?: de famille)?"
    r"|pr[eé]nom)[^.\n]{0,30}$",
    re.IGNORECASE,
)


def spelled_names(text: str, is_name) -> list[tuple[int, int]]:
    """(start, end) of each name spelled letter by letter; ``is_name(word)`` tells whether the letters joined (folded)
    make a name of the lexicons."""
    out = []
    for m in _SPELLED.finditer(text):
        letters = re.sub(r"[ \-.,]", "", m.group(0))
        cue = _SPELLING_CUE.search(text, max(0, m.start() - 60), m.start()) is not None
        if cue or (len(letters) >= 4 and is_name(fold(letters))):
            end = m.end() - 1 if m.group(0).endswith(".") else m.end()
            out.append((m.start(), end))
    return out


_MONTH_WORDS = "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"
_NUMBER_WORDS = rf"{_TOKEN}(?:[ \u00a0]+(?:et[ \u00a0]+)?{_TOKEN})*"
#: A date said in words after a birth cue, in the folded text: "ne le treize novembre mille neuf cent trente-sept",
#: "nee en mille neuf cent quatre-vingt-dix", "ne le 1er mai deux mille trois".
_SPOKEN_BIRTH = re.compile(
    r"(?<![a-z])(?:nee?s?|nee?\(e\)|naissance|date de naissance)[ \u00a0]*(?:le|en|:)?[ \u00a0]+"
    rf"((?:(?:premier|1er|{_WORD}(?:-{_WORD})*|\d{{1,2}})[ \u00a0]+(?:{_MONTH_WORDS})[ \u00a0]+)?"
    rf"(?:mille[ \u00a0]+neuf[ \u00a0]+cents?|deux[ \u00a0]+mille|dix-neuf[ \u00a0]+cents?)"
    rf"(?:[ \u00a0]+{_NUMBER_WORDS})?)"
    r"(?![\w\-])"
)


def spoken_birth_dates(text: str, folded: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of each date of birth said in words after "né le", "née en", "naissance"."""
    out = dates_said_after_birth_cues(text, folded)  # round 8
    lowered = text.lower()
    if "mille" not in lowered and "neuf cent" not in lowered:
        return out
    folded = fold(text) if folded is None else folded
    for m in _SPOKEN_BIRTH.finditer(folded):
        end = m.end(1)
        # a trailing "et" belongs to what follows ("... trente-sept et son mail")
        while folded[m.start(1) : end].endswith((" et", "\u00a0et")):
            end -= 3
        out.append((m.start(1), end))
    return out


#: Round 8: a birth cue, in the folded text ("ne le", "nee le", "date de naissance", "naissance").
_BIRTH_CUE = re.compile(r"(?=[nd])(?<![a-z])(?:(?:nee?s?|nee?\(e\))[ \u00a0]+le|(?:date (?:de )?)?naissance)(?![a-z])")
#: What may come between a birth cue and the date said: a question mark, the next speaker's turn ("Adhérente :",
#: "[client]", "APPELANT:", "Appelant") and fillers ("le", "oui", "euh", "alors").
_TURN_GAP = re.compile(
    r"[ \u00a0?.,:]*(?:\n[ \t]*(?:\[[a-z'\- ]{1,20}\]|[a-z'\-]{2,20}(?:[ \u00a0][a-z'\-]{2,20})?[ \u00a0]*:"
    r"|[a-z'\-]{2,20}(?=[ \u00a0]))?)?"
    r"(?:[ \u00a0,]+(?:le|oui|alors|euh|hum|ben|bah|donc|c'est|voila|il est ne le|elle est nee le))*[ \u00a0,]+"
)
_DAY = rf"(?:premier|1er|{_WORD}(?:(?:-|[ \u00a0]+)(?:et(?:-|[ \u00a0]+))?{_WORD})*|\d{{1,2}})"
_YEAR_SAID = (
    rf"(?:(?:mille[ \u00a0]+neuf[ \u00a0]+cents?|mil[ \u00a0]+neuf[ \u00a0]+cents?|dix-neuf[ \u00a0]+cents?"
    rf"|deux[ \u00a0]+mille)(?:[ \u00a0\-]+{NUMBER_IN_WORDS})?|{NUMBER_IN_WORDS})"
)
#: A day, a month named and a year said in words ("douze mars quatre-vingt-un", "premier juin mille neuf cent
#: soixante", "3 août deux mille un"), or day, month and year in digits apart by spaces as dictation writes them
#: ("19 8 1989").
_DATE_SAID = re.compile(
    rf"({_DAY}[ \u00a0]+(?:{_MONTH_WORDS})[ \u00a0]+{_YEAR_SAID}"
    r"|(?:0?[1-9]|[12][0-9]|3[01])[ \u00a0](?:0?[1-9]|1[0-2])[ \u00a0](?:19|20)[0-9]{2})(?![\w\-])"
)


def dates_said_after_birth_cues(text: str, folded: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of each date of birth said in words right after a birth cue, on the cue's line or at the start
    of the next speaker's turn: "elle est née le huit novembre soixante-dix", "et votre date de naissance ?\\n
    Adhérente : le douze mars quatre-vingt-un", "[client] 19 8 1989"."""
    folded = fold_cached(text) if folded is None else folded
    out = []
    for cue in _BIRTH_CUE.finditer(folded):
        gap = _TURN_GAP.match(folded, cue.end())
        if gap is None:
            continue
        m = _DATE_SAID.match(folded, gap.end())
        if m is None:
            continue
        end = m.end(1)
        while folded[m.start(1) : end].endswith((" et", "\u00a0et")):
            end -= 3
        out.append((m.start(1), end))
    return out


#: Round 8: one number of a NIR said in a transcript: a group of one to three digits, or a number in words
#: ("cinquante-trois", "quatre-vingt-dix-neuf", "soixante et onze", "zero").
_NIR_PART = rf"(?:\d{{1,3}}|{_WORD}(?:-(?:et-)?{_WORD})*(?:[ \u00a0]+et[ \u00a0]+(?:un|onze))?)"
#: The numbers of a NIR said after a NIR word, then "cle" and its key (digits or words), in the folded text.
_SPOKEN_NIR = re.compile(
    rf"(?:secu|securite sociale|nir|n° ?ss|numero ss)[^\n\d]{{0,25}}?"
    rf"(?<![\w\-])({_NIR_PART}(?:[ \u00a0,]+{_NIR_PART}){{3,12}})"
    rf"[ \u00a0,]+clef?[ \u00a0:]*(\d\d|{_WORD}(?:-(?:et-)?{_WORD})*(?:[ \u00a0]+et[ \u00a0]+(?:un|onze))?)(?![\w\-])"
)


def _said_digits(part: str) -> list[str]:
    """The digits one said number may stand for: "53" for "cinquante-trois"; "2" or "02" for "deux" (a month or a
    département said as one word); the digits themselves."""
    if part.isdigit():
        return [part]
    value = _value([w for w in re.split(r"[\- \u00a0]+", part) if w and w != "et"])
    return [str(value), f"0{value}"] if value < 10 else [str(value)]


def spoken_nirs(text: str, folded: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of each NIR said partly or wholly in words after a NIR word, with its key after "clé" ("mon
    numéro de sécu un cinquante-trois 05 95 241 394 clé 48"): the numbers must make 13 characters whose key is
    the one said (every reading of a one-digit word, "deux" as 2 or 02, is tried)."""
    from confiance.identifiers import nir_key

    if "cl" not in text and "CL" not in text and "Cl" not in text:
        return []
    folded = fold_cached(text) if folded is None else folded
    if "cle" not in folded or ("secu" not in folded and "nir" not in folded and "n° ss" not in folded):
        return []
    out = []
    for m in _SPOKEN_NIR.finditer(folded):
        parts = [p for p in re.findall(_NIR_PART, m.group(1)) if p.strip()]
        if all(p.isdigit() for p in parts):
            continue  # written in digits: the NIR recognizers' own
        key = m.group(2)
        said_key = int(key) if key.isdigit() else _value([w for w in re.split(r"[\- \u00a0]+", key) if w != "et"])
        readings = [""]
        for part in parts:
            readings = [r + d for r in readings for d in _said_digits(part) if len(r + d) <= 13]
        if any(len(r) == 13 and r[0] in "12" and r.isdigit() and nir_key(r) == said_key for r in readings):
            out.append((m.start(1), m.end(2)))
    return out
