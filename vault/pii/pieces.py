"""Numbers typed in pieces over consecutive messages (round 10).

In a chat, a text message thread or a transcript, people send a long number in two or three messages:
``USER: c'est 1 72 0`` then ``USER: 9 97 117 079 58``. No piece is a number of any kind by itself; their
concatenation is. ``number_pieces`` finds runs of consecutive lines whose content (after a speaker's or a
timestamp's label, and the words of an answer) is only digits, and labels each piece when the concatenation is:

- a NIR with its key (15 characters, the key decides) or, after a NIR word in the lines just above, a NIR without
  its key whose structure holds (``nir13_plausible``);
- a French phone number (ten digits, ``0`` then ``1``-``9``) after a phone word in the lines just above.

Pieces are labelled one by one (each its own span): the lines between them are not personal data.
"""

from __future__ import annotations

import re

from confiance.identifiers import nir_key_valid
from vault.pii.recognizers import NIR_CONTEXT, nir13_plausible

#: A line that holds only a piece of a number: an optional timestamp or speaker label, optional answer words, the
#: digits (groups apart by a space, a dot or a hyphen; Corsica's A/B), an optional "voilà" or full stop.
_PIECE_LINE = re.compile(
    r"(?im)^[ \t>]*(?:\[[^\]\n]{1,30}\][ \t]*)?(?:[^\W\d_][\w'’\- ]{0,20}[ \t]*[:>][ \t]*)?"
    r"(?:(?:oui|alors|donc|euh|et|c'est|c’est|la suite|suite|puis|ensuite|fin)[ \t,:]+)*"
    r"((?:[0-9]|[AB](?=[ .\-]?[0-9]))(?:[ .\-]?[0-9ABab]){0,14})[ \t]*(?:[.!…]|,?[ \t]*voil[àa])?[ \t]*$"
)
#: The last character of a piece's line before its trailing blanks (a digit, Corsica's A/B, a full stop, "voilà"
#: in any case): a cheap exact pre-test before ``_PIECE_LINE`` (cost, round 10).
_PIECE_ENDS = frozenset("0123456789ABab.!…àÀ")
_PHONE_WORDS = re.compile(r"(?i:t[ée]l(?:[ée]phone)?|portable|mobile|num[ée]ro|joindre|rappeler|appeler|fixe)")
_NIR_WORDS = re.compile("|".join(re.escape(w) for w in NIR_CONTEXT) + r"|s[ée]curit[ée] sociale")
#: How far above the first piece a NIR or phone word is looked for.
_CUE_LINES = 3


def _compact(piece: str) -> str:
    return re.sub(r"[ .\-]", "", piece).upper()


#: Two consecutive lines that hold a digit each: what two pieces need (every piece holds a digit). A class opens
#: it (the engine skips to it in C): a cheap proof that no line pair can be pieces (cost, round 10).
_TWO_DIGIT_LINES = re.compile(r"[0-9][^0-9\n]*\n[^0-9\n]*[0-9]")


def number_pieces(text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of each piece of a NIR or phone number sent over consecutive lines."""
    if "\n" not in text or _TWO_DIGIT_LINES.search(text) is None:
        return []
    lines = text.split("\n")
    starts = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    pieces: list[tuple[int, int, int] | None] = []  # per line: (line index, start, end) of its piece, or None
    for k, line in enumerate(lines):
        m = _PIECE_LINE.fullmatch(line) if line.rstrip(" \t")[-1:] in _PIECE_ENDS and line[-1:] != ":" else None
        pieces.append((k, starts[k] + m.start(1), starts[k] + m.end(1)) if m else None)
    out: list[tuple[int, int, str]] = []
    k = 0
    while k < len(lines):
        if pieces[k] is None:
            k += 1
            continue
        run = [pieces[k]]
        j = k + 1
        while j < len(lines) and pieces[j] is not None and len(run) < 3:
            run.append(pieces[j])
            j += 1
        if len(run) >= 2:
            above = "\n".join(lines[max(0, k - _CUE_LINES) : k + 1]).lower()
            found = _decide(text, run, above)
            if found:
                out.extend(found)
                k = j
                continue
        k += 1
    return out


def _decide(text: str, run: list, above: str) -> list[tuple[int, int, str]]:
    """The labelled pieces of the longest prefix of ``run`` (two pieces at least) that makes a number."""
    for size in range(len(run), 1, -1):
        part = run[:size]
        value = "".join(_compact(text[a:b]) for _k, a, b in part)
        label = None
        if len(value) == 15 and nir_key_valid(value):
            label = "NIR"
        elif len(value) == 13 and nir13_plausible(value) and _NIR_WORDS.search(above):
            label = "NIR"
        elif len(value) == 10 and re.fullmatch(r"0[1-9][0-9]{8}", value) and _PHONE_WORDS.search(above):
            label = "PHONE"
        if label is not None:
            return [(a, b, label) for _k, a, b in part]
    return []
