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

import functools
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
_BIRTH_CUE = re.compile(
    r"(?=[nd])(?<![a-z])(?:(?:nee?s?|nee?\(e\))[ \u00a0]+(?:le|en)|(?:date (?:de )?)?naissance)(?![a-z])"
)
#: What may come between a birth cue and the date said: a question mark, the next speaker's turn ("Adhérente :",
#: "[client]", "APPELANT:", "Appelant") and fillers ("le", "oui", "euh", "alors").
_TURN = (
    r"(?:\n[ \t]*"
    # round 11: a transcript's time stamp before the speaker ("[01:25] appelant :", "19:25 - milena:")
    r"(?:[\[(]?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?[\])]?(?:[ \u00a0]*-)?[ \u00a0]*)?"
    r"(?:\[[a-z'\- ]{1,20}\]|[a-z'\-]{2,20}(?:[ \u00a0][a-z'\-]{2,20})?[ \u00a0]*:"
    # round 11: numbered speakers ("SPEAKER_02 :", "Intervenant 2 :")
    r"|[a-z'\-]{2,20}[ _][0-9]{1,2}[ \u00a0]*:"
    r"|[a-z'\-]{2,20}(?=[ \u00a0]))?)"
)
_FILLERS = r"(?:[ \u00a0,]+(?:le|oui|alors|euh|hum|ben|bah|donc|c'est|voila|il est ne le|elle est nee le))*[ \u00a0,]+"
_TURN_GAP = re.compile(rf"[ \u00a0?.,:]*{_TURN}?{_FILLERS}")
#: Round 11: the rest of the question on the cue's line ("date de naissance de l'enfant ?"), then the next turn.
_TURN_GAP_AFTER_QUESTION = re.compile(rf"[^\n0-9]{{0,40}}{_TURN}{_FILLERS}")
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
    # round 11: a month and a year said ("nee en juin deux", "ne en fevrier quatre-vingt-neuf")
    rf"|(?:{_MONTH_WORDS})[ \u00a0]+{_YEAR_SAID}"
    r"|(?:0?[1-9]|[12][0-9]|3[01])[ \u00a0](?:0?[1-9]|1[0-2])[ \u00a0](?:19|20)[0-9]{2})(?![\w\-])"
)


def dates_said_after_birth_cues(text: str, folded: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of each date of birth said in words right after a birth cue, on the cue's line or at the start
    of the next speaker's turn: "elle est née le huit novembre soixante-dix", "et votre date de naissance ?\\n
    Adhérente : le douze mars quatre-vingt-un", "[client] 19 8 1989"."""
    folded = fold_cached(text) if folded is None else folded
    out = []
    for cue in _BIRTH_CUE.finditer(folded):
        m = None
        for gap_pattern in (_TURN_GAP, _TURN_GAP_AFTER_QUESTION):
            gap = gap_pattern.match(folded, cue.end())
            if gap is not None:
                m = _DATE_SAID.match(folded, gap.end())
                if m is not None:
                    break
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


# --- round 11: a NIR said number by number, hundreds included, without "clé" -------------------------------------

#: A NIR word in the folded text, then the numbers said on its line or the next (a transcript's next turn).
_NIR_CUE = re.compile(r"secu|securite sociale|(?<![a-z])nir(?![a-z])|n° ?ss|numero ss|immatriculation|carte vitale")
#: One word of a number said, or a group of digits.
_SAID = re.compile(rf"(?<![\w\-])(?:{_WORD}(?:-(?:et-)?{_WORD})*|cents?|et|[0-9]{{1,3}})(?![\w\-])")
#: What may stand between two numbers of one NIR said: spaces, commas, the dots of a pause.
_SAID_GAP = re.compile(r"(?:[ \u00a0]*(?:,|\.\.\.|…)[ \u00a0]*|[ \u00a0]+)")
_HUNDRED_UNITS = frozenset({"deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"})


def _said_numbers(folded: str, start: int, end: int) -> list[list[tuple[int, int, list[str], bool]]]:
    """The runs of numbers said between ``start`` and ``end``: per number (start, end, its possible digit strings,
    said in words). French grammar: "six cent neuf" is 609, "cent quinze" 115, "quarante et un" 41, "zéro six"
    two numbers (0 then 6); a one-digit word may stand for one digit or two ("deux" as 2 or 02, a month)."""
    runs: list[list[tuple[int, int, list[str], bool]]] = []
    run: list[list] = []
    last_end = -1
    for m in _SAID.finditer(folded, start, end):
        if run and not _SAID_GAP.fullmatch(folded, last_end, m.start()):
            runs.append([tuple(n) for n in run])
            run = []
        word = m.group(0)
        last_end = m.end()
        if word[0].isdigit():
            run.append([m.start(), m.end(), [word], False, "digits"])
            continue
        if word == "et":
            if run and run[-1][4] == "tens":
                run[-1][4] = "tens-et"
            continue
        if word in ("cent", "cents"):
            prev = run[-1] if run else None
            if prev is not None and prev[4] == "unit" and folded[prev[0] : prev[1]] in _HUNDRED_UNITS:
                value = int(prev[2][0]) * 100
                run[-1] = [prev[0], m.end(), [str(value)], True, "hundred"]
            else:
                run.append([m.start(), m.end(), ["100"], True, "hundred"])
            continue
        value = _value([w for w in word.split("-") if w != "et"])
        prev = run[-1] if run else None
        if prev is not None and prev[4] == "hundred" and value < 100:
            total = int(prev[2][0]) + value
            kind = "tens" if total % 100 in (20, 30, 40, 50, 60) else "done"
            run[-1] = [prev[0], m.end(), [str(total)], True, kind]
            continue
        if prev is not None and prev[4] == "tens-et" and value in (1, 11):
            total = int(prev[2][0]) + value
            run[-1] = [prev[0], m.end(), [str(total)], True, "done"]
            continue
        kind = "tens" if value in (20, 30, 40, 50, 60) else "unit" if value < 10 else "done"
        readings = [str(value), f"0{value}"] if value < 10 and word != "zero" else [str(value)]
        run.append([m.start(), m.end(), readings, True, kind])
    if run:
        runs.append([tuple(n) for n in run])
    return [[(a, b, r, w) for a, b, r, w, _k in one] for one in runs]


#: What a NIR word holds in the raw text, lower case (cheap ``in`` tests before any folding or pattern).
_NIR_WORD_PIECES = ("secu", "sécu", "nir", "n° ss", "numero ss", "numéro ss", "immatriculation", "vitale")


@functools.lru_cache(maxsize=2)
def nir_asked(text: str) -> bool:
    """True when ``text`` may hold a NIR word (a necessary condition of ``_NIR_CUE`` on the folded text). Cached
    (cost, round 12): the spoken-NIR and the chat-NIR rules ask it of the same text one after the other."""
    lowered = text.lower()
    return any(piece in lowered for piece in _NIR_WORD_PIECES)


def said_nirs(text: str, folded: str | None = None) -> list[tuple[int, int]]:
    """(start, end) of each NIR said in words, number by number, after a NIR word on its line or in the next turn
    of a transcript ("numéro de sécurité sociale\\n[01:02] appelant : deux zéro quatre dix quarante et un six cent
    neuf sept cent dix-huit quarante-deux"): consecutive numbers whose digits make 15, sex 1 or 2, and a key that
    checks (every reading of a one-digit word is tried)."""
    from confiance.identifiers import nir_key_valid

    if not nir_asked(text):
        return []
    folded = fold_cached(text) if folded is None else folded
    if GATE.search(folded) is None:
        return []
    out: list[tuple[int, int]] = []
    for cue in _NIR_CUE.finditer(folded):
        line_end = folded.find("\n", cue.end())
        line_end = len(folded) if line_end < 0 else line_end
        next_end = folded.find("\n", line_end + 1) if line_end < len(folded) else -1
        window_end = len(folded) if next_end < 0 else next_end
        if GATE.search(folded, cue.end(), window_end) is None:
            continue
        for run in _said_numbers(folded, cue.end(), window_end):
            found = _nir_in_run(run, nir_key_valid)
            if found is not None and not any(a < found[1] and found[0] < b for a, b in out):
                out.append(found)
    return out


def _nir_in_run(run: list[tuple[int, int, list[str], bool]], key_valid) -> tuple[int, int] | None:
    """The longest stretch of ``run`` that reads as a NIR whose key checks (the earliest of equal ones)."""
    best: tuple[int, int] | None = None
    for i in range(len(run)):
        readings = {""}
        for j in range(i, len(run)):
            readings = {r + d for r in readings for d in run[j][2] if len(r + d) <= 15}
            if not readings:
                break
            if (
                (best is None or j - i > best[1] - best[0])
                and any(len(r) == 15 and r[0] in "12" and key_valid(r) for r in readings)
                and any(run[k][3] for k in range(i, j + 1))
            ):
                best = (i, j)
    return None if best is None else (run[best[0]][0], run[best[1]][1])
