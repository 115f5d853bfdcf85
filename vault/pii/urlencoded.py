"""Personal data inside URL-encoded text: query strings and form bodies pasted from logs.

``GET /contact?nom=N%27Diaye&prenom=Ren%C3%A9&tel=06+12+34+56+78&email=a.b%40free.fr&ddn=03%2F09%2F1985``
holds a name, a phone, an e-mail and a date of birth that no pattern sees as written: ``%40`` is the ``@``, ``+``
a space, ``%2F`` a slash. ``url_encoded_spans`` decodes each such piece (``+`` as a space, ``%XX`` as UTF-8 bytes,
``&`` as a line break so that each ``key=value`` field stands on its own line as in a form), runs the detector it
is given on the decoded text, and maps every span back to the offsets of the original text.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

#: A piece of text without blanks that holds a percent-encoded byte, or two ``key=value`` fields joined by ``&``.
_ENCODED = re.compile(r"[^\s\"'<>]*(?:%[0-9A-Fa-f]{2}|[\w.\-\[\]]+=[^\s&\"'<>]*&[\w.\-\[\]]+=)[^\s\"'<>]*")
_HEX = re.compile(r"%([0-9A-Fa-f]{2})")
#: The cheap gate: a percent-encoded byte or "=" then "&" somewhere after it.
_GATE = re.compile(r"%[0-9A-Fa-f]{2}|=[^\s&]*&")


class _Span(Protocol):
    start: int
    end: int


S = TypeVar("S", bound=_Span)


def decode(piece: str) -> tuple[str, list[int], list[int]]:
    """``piece`` URL-decoded (``+`` a space, ``&`` a line break, ``%XX`` bytes read as UTF-8), with, for each
    decoded character, the start and end offsets in ``piece`` of what it was decoded from."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    while i < len(piece):
        c = piece[i]
        if c == "%" and _HEX.match(piece, i):
            j = i
            raw = bytearray()
            while j < len(piece) and (m := _HEX.match(piece, j)) is not None:
                raw.append(int(m.group(1), 16))
                j += 3
            for ch in raw.decode("utf-8", errors="replace"):
                out.append(ch)
                starts.append(i)
                ends.append(j)
            i = j
            continue
        out.append(" " if c == "+" else "\n" if c == "&" else c)
        starts.append(i)
        ends.append(i + 1)
        i += 1
    return "".join(out), starts, ends


def url_encoded_spans(text: str, detect: Callable[[str], Sequence[S]]) -> list[S]:
    """The spans ``detect`` finds in the URL-decoded pieces of ``text``, at the original offsets (a cheap gate
    first: a text without "%" nor "&" holds no such piece)."""
    if ("%" not in text and "&" not in text) or _GATE.search(text) is None:
        return []
    out: list[S] = []
    for m in _ENCODED.finditer(text):
        decoded, starts, ends = decode(m.group(0))
        if decoded == m.group(0):
            continue
        base = m.start()
        for span in detect(decoded):
            if span.end <= span.start:
                continue
            start, end = base + starts[span.start], base + ends[span.end - 1]
            out.append(dataclasses.replace(span, start=start, end=end))
    return out
