"""A normalised view of a text, with the offset of each of its characters in the original (round 10).

Text that comes out of PDFs, word processors, phones and web forms carries characters that change nothing for a
reader but break every pattern: full-width digits (``０６１２…``), ligatures (``ﬁ``), zero-width spaces and joiners,
soft hyphens, no-break and narrow no-break spaces, and the line breaks a PDF reflow puts inside a word
(``hotmai-\\nl.fr``, ``Sain-\\nte-Anne``) or inside an e-mail address (``dupont@\\nfree.fr``). The detector runs on a
*view* of such a text where:

- full-width forms and Latin ligatures are replaced by their NFKC compatibility form (one character may become
  two: ``ﬁ`` -> ``fi``, both mapped to the ligature);
- zero-width characters (U+200B-U+200D, U+2060, U+FEFF) and soft hyphens (U+00AD) are removed;
- no-break, narrow no-break, figure and thin spaces become a plain space;
- a hyphen and line break between a letter and a lower-case letter (a word cut at the end of a line) are
  removed, as is a line break right before a hyphen inside a word (``Sainte\\n-Anne``);
- a line break next to an ``@``, or next to a dot inside an e-mail address, is removed;
- a line break inside a date or a dotted phone number is removed when the joined text is a whole date or number
  (``17/10/197\\n3``, ``04.27.30.0\\n5.58``).

Every span found on the view is mapped back to the original text (``TextView.to_original``): it starts on the
original character of its first view character and ends after the original character of its last, so that the
scrubber masks the original characters, removed ones inside the span included. Texts holding none of these
characters (``needs_view``: one regex search) are analysed as they are.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

#: Removed from the view.
INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
#: Read as a plain space.
SPACES = frozenset("\u00a0\u202f\u2007\u2009\u2008\u200a")

_LOWER = "a-zà-öø-ÿœæ"
#: Anything the view changes, in two gates: the characters it replaces or removes (one class: the regex engine
#: skips to it in C), and the line-break cases as the view tests them below.
_NEEDS_VIEW_CHAR = re.compile(
    "[\u200b\u200c\u200d\u2060\ufeff\u00ad\u00a0\u202f\u2007\u2009\u2008\u200a\uff01-\uff5e\ufb00-\ufb06]"
)
#: The line breaks the view may remove: every case holds a line break, so the pattern opens on it (a literal: the
#: engine skips to it in C) and reads what stands before it by lookbehinds. Same texts as the former one-pattern
#: gate ``[^\W\d_]-\n[a-z]|[a-z]\n-[^\W\d_]|@\n|\n@|\.\n[a-z]|[a-z]\n\.[a-z]|[0-9][/.]?\n[/.]?[0-9]
#: |[._]\n[\w.+\-]*@|\n[._][\w.+\-]*@`` (cost, round 10: that one tried every position of every text).
_NEEDS_VIEW_BREAK = re.compile(
    r"\n(?:"
    rf"(?<=[^\W\d_]-\n)[{_LOWER}]|(?<=[{_LOWER}]\n)-[^\W\d_]|(?<=@\n)|@|(?<=\.\n)[{_LOWER}]"
    rf"|(?<=[{_LOWER}]\n)\.[{_LOWER}]|(?:(?<=[0-9]\n)|(?<=[0-9][/.]\n))[/.]?[0-9]"
    r"|(?<=[._]\n)[\w.+\-]*@|[._][\w.+\-]*@)"
)
#: What follows a line break inside an e-mail address's local part: the rest of it, then "@".
_LOCAL_PART_BEFORE = re.compile(r"(?<![\w.+\-])[a-z0-9][a-z0-9._+\-]*$")
_DOMAIN_AFTER = re.compile(
    r"[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.(?:fr|com|net|org|eu|be|ch|lu|de|es|it|pt|uk|io|info)(?![\w.])"
)
_LOCAL_PART_REST = re.compile(r"[\w.+\-]*@[\w\-]+\.")
_LOWER_RE = re.compile(f"[{_LOWER}]")
#: The piece of an e-mail address that ends right before a position ("jean.dupont@free." before "\nfr").
_EMAIL_HEAD = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*\.$")
#: The same before a line break that a dot follows ("michel.pham@orange" before "\n.fr").
_EMAIL_HEAD_NO_DOT = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)*$")
#: A date or a dotted phone number a line break may cut (PDF reflow): "17/10/197\n3", "04.27.30.0\n5.58".
_CUT_NUMBER = re.compile(
    r"(?<![0-9])(?:(?:0?[1-9]|[12][0-9]|3[01])/(?:0?[1-9]|1[0-2])/(?:19|20)[0-9]{2}|0[1-9](?:\.[0-9]{2}){4})(?![0-9])"
)
_NUMBER_CHARS = frozenset("0123456789/.")


def _joins_number(text: str, i: int) -> bool:
    """True when removing the line break at ``i`` makes a whole date or dotted phone number across it."""
    left = text[max(0, i - 14) : i]
    right = text[i + 1 : i + 15]
    joined = left + right
    return any(m.start() < len(left) < m.end() for m in _CUT_NUMBER.finditer(joined))


def needs_view(text: str) -> bool:
    """True when the view of ``text`` differs from it (or may: a line break after a dot is checked later)."""
    return _NEEDS_VIEW_CHAR.search(text) is not None or ("\n" in text and _NEEDS_VIEW_BREAK.search(text) is not None)


@dataclass(frozen=True)
class TextView:
    """``text``: the view; ``origin[i]``: the offset in the original text of the view's character ``i``."""

    text: str
    origin: tuple[int, ...]
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original (start, end) of the view's span (start, end), end exclusive."""
        if end <= start:
            at = self.origin[start] if start < len(self.origin) else self.original_length
            return at, at
        return self.origin[start], self.origin[end - 1] + 1


def _is_lower(c: str) -> bool:
    return _LOWER_RE.match(c) is not None


def text_view(text: str) -> TextView | None:
    """The normalised view of ``text`` with its offset map, or None when it would be ``text`` itself."""
    if not needs_view(text):
        return None
    out: list[str] = []
    origin: list[int] = []
    n = len(text)
    i = 0
    changed = False
    while i < n:
        c = text[i]
        if c in INVISIBLE:
            i += 1
            changed = True
            continue
        if c in SPACES:
            out.append(" ")
            origin.append(i)
            i += 1
            changed = True
            continue
        if "\uff01" <= c <= "\uff5e" or "\ufb00" <= c <= "\ufb06":
            for k in unicodedata.normalize("NFKC", c):
                out.append(k)
                origin.append(i)
            i += 1
            changed = True
            continue
        if c == "-" and i + 2 < n and text[i + 1] == "\n" and out and out[-1].isalpha() and _is_lower(text[i + 2]):
            i += 2  # a word cut at the end of a line: "hotmai-\nl.fr", "M-\naryvonne"
            changed = True
            continue
        if c == "\n" and out:
            prev = out[-1]
            nxt = text[i + 1] if i + 1 < n else ""
            if (
                (nxt == "-" and _is_lower(prev) and i + 2 < n and text[i + 2].isalpha())  # "Sainte\n-Anne"
                or (prev == "@" and len(out) > 1 and not out[-2].isspace())  # "dupont@\nfree.fr"
                # "dupont\n@free.fr": a local part in lower case before, a domain after ("Thomas\n@malika.yao" is a
                # mention, not an address)
                or (nxt == "@" and _LOCAL_PART_BEFORE.search("".join(out[-40:])) and _DOMAIN_AFTER.match(text, i + 2))
                or (prev == "." and _is_lower(nxt) and _EMAIL_HEAD.search("".join(out[-80:])) is not None)
                or (nxt == "." and _is_lower(prev) and _EMAIL_HEAD_NO_DOT.search("".join(out[-80:])) is not None)
                or (prev in _NUMBER_CHARS and nxt in _NUMBER_CHARS and _joins_number(text, i))
                # "gautier.\n42@gmail.com", "fleury\n.francoise@yahoo.fr", "chiara\n_hoarau@hotmail.fr"
                or ((prev in "._" or nxt in "._") and _LOCAL_PART_REST.match(text, i + 1) is not None)
            ):
                i += 1
                changed = True
                continue
        out.append(c)
        origin.append(i)
        i += 1
    if not changed:
        return None
    return TextView("".join(out), tuple(origin), n)
