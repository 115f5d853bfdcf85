"""Digits that optical character recognition read as letters (round 11).

A scanned card, RIB or form comes back from OCR with letters where the print had digits: ``O``/``o`` for 0,
``l``/``I`` for 1, ``S`` for 5 (``N° SS : 2 82 O3 25 218 767 73``, ``RPPS l0706008710``, ``Tél. O6 62 39 57 87``,
``né(e) le 19/O2/1973``). Every pattern for numbers misses them.

``ocr_digits`` gives the text with those letters read back as digits, **character for character** (same length,
same offsets: nothing to map back), only where a letter stands inside a number:

- in a token made only of digits and those letters, with at least one digit (``O3``, ``0S8``, ``l0706008710``,
  ``19S7``, ``41293O09101843``; a NIR of Corsica keeps its ``2A``/``2B``: ``266112B1l410707``): letters inside
  words (``Moulin``, ``SOS``, ``Il``) are never touched, nor are other ``A``/``B`` or ``Z``;
- a lone ``l``, ``I``, ``O`` or ``S`` that opens a number in groups (``l 05 04 01 …``, ``l.38.10.37 …``).

The scrubber runs the pattern recognizers on that reading and keeps the spans that hold a character read back
(``scrubber._ocr_number_spans``); the NIR, IBAN, SIRET and RPPS it reveals still need their checksum, phones their
numbering plan and dates their birth cue, so a letter read as a digit by mistake reveals nothing; the rest of the
detector (names, codes such as a DSN rubric ``S21.G00.30.001``) reads the text as written. Texts without one of
those letters next to a digit (one regex search) pay nothing more.

``misread_words`` is the other side: ordinary words OCR misread ("Datc", "Actc", "Rernbt") are no names.
"""

from __future__ import annotations

import re

#: The letters OCR gives for digits, and the digit each stands for.
_READ = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "S": "5"})
#: The cheap gate: one of those letters next to a digit, or a lone one a space, dot or hyphen before a digit
#: (one class opens the pattern: the engine skips to it in C).
_GATE = re.compile(r"[0-9OolIS](?:(?<=[0-9])[OolIS]|(?<=[OolIS])[0-9]|(?<=[lIOS])(?<![^\W_'’][lIOS])[ .\-][0-9])")
#: A token of digits and those letters only, with a digit in it, not inside a word.
_TOKEN = re.compile(r"(?<![^\W_])(?=[OolIS]*[0-9])[0-9OolIS]{2,}(?:2[AB][0-9OolIS]{6,})?(?![^\W_])")
#: A lone letter that opens a number in groups: "l 05 04 01 348", "l.38.10.37".
_LONE = re.compile(r"(?<![^\W_'’])[lIOS](?=([ .\-])[0-9OolIS]{1,3}\1[0-9OolIS]{1,3}(?![^\W_]))")


def ocr_digits(text: str) -> str | None:
    """``text`` with the letters OCR gives for digits read back as digits inside numbers (same length), or None
    when nothing changes."""
    if _GATE.search(text) is None:
        return None
    chars = list(text)
    changed = False
    for m in _TOKEN.finditer(text):
        token = m.group(0)
        read = token.translate(_READ)
        if read != token:
            chars[m.start() : m.end()] = read
            changed = True
    for m in _LONE.finditer(text):
        after = text[m.end() + 1 : m.end() + 4]
        if any(c.isdigit() for c in after):
            chars[m.start()] = text[m.start()].translate(_READ)
            changed = True
    return "".join(chars) if changed else None


# --- words OCR misread: no names -------------------------------------------------------------------------------------

#: The letter confusions OCR makes inside words, read back: "rn" for "m" (Rernbt), "c" for a final "e" (Datc,
#: Actc), "cl" for "d", "0" for "o", "1" for "l"; and one "l" for an "i" (Titulalre).
_WORD_READINGS = ((re.compile(r"rn"), "m"), (re.compile(r"c\b"), "e"), (re.compile(r"cl"), "d"))
_DIGIT_LETTERS = str.maketrans({"0": "o", "1": "l"})
#: The abbreviations of claims statements OCR misreads as often as words ("Rembt", "Rbt", "Mtt").
ABBREVIATIONS = frozenset("rembt remb rbt mtt mt tx ss ro rc br brss dep dpt ref nb qte".split())
_MISREAD = re.compile(r"rn|c\b|cl|l|[0-9]")


def misread_words(folded: str, is_word, is_name) -> bool:
    """True when every word of ``folded`` (a candidate name, folded) is a French word or a claims abbreviation once
    the letters OCR confuses are read back ("actc basc" -> "acte base", "rernbt" -> "rembt"), and at least one of
    them needed that reading, and none is a name; ``is_word(folded_word)`` says what a French word is, ``is_name`` what
    a name of the lexicons is."""
    words = re.findall(r"[a-z0-9]+", folded)
    if not words or _MISREAD.search(folded) is None:
        return False
    needed = False
    for word in words:
        if len(word) == 1:
            continue
        if is_name(word):
            return False  # "Blanc", "Luc", "Clémence": names, whatever OCR could have made of them
        if is_word(word) or word in ABBREVIATIONS:
            continue
        read = word.translate(_DIGIT_LETTERS)
        for pattern, replacement in _WORD_READINGS:
            read = pattern.sub(replacement, read)
        # an "l" for an "i", at one place ("titulalre", "tltulaire", "kinesltherapeute")
        readings = [read] + [read[:i] + "i" + read[i + 1 :] for i, c in enumerate(read) if c == "l"]
        if not any(r != word and (is_word(r) or r in ABBREVIATIONS) for r in readings):
            return False
        needed = True
    return needed
