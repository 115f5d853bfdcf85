"""Finding the inbox's direct identifiers in any text, in one pass per text.

The end-to-end leak test looks for every member's NIR, e-mail, phone, IBAN,
member id, name and street address in every text outside the vault (tens of
megabytes, thousands of identifiers). Substring kinds are matched by one
Aho-Corasick automaton per normalisation (``pyahocorasick``), which reports every
occurrence of every needle, overlapping ones included, in time linear in the
text: the same hits as one ``needle in text`` test per needle, without the
needles x text cost.

Normalisations (unchanged from the per-needle version):
- NIR and IBAN: anywhere in the text with all white space removed, lower case;
- name ("first last") and street address: anywhere in the lower-cased text;
- NIR, e-mail, phone, IBAN, member id: also as whole tokens (13+ alphanumerics
  in the white-space-free text, e-mail addresses, phone numbers with their dots removed).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from pathlib import Path

import ahocorasick

#: Kinds in the order the findings are listed.
KINDS = ("nir", "email", "phone", "iban", "member_id", "name", "address")
#: Kinds matched as whole tokens of the text.
TOKEN_KINDS = ("nir", "email", "phone", "iban", "member_id")
#: Kinds matched anywhere in the white-space-free, lower-cased text.
FLAT_KINDS = ("nir", "iban")
#: Kinds matched anywhere in the lower-cased text.
LOWERED_KINDS = ("name", "address")
#: Files not read as text: binary stores, read through their own readers where relevant.
BINARY_SUFFIXES = frozenset({".parquet", ".duckdb", ".wal", ".db"})

_WS = re.compile(r"\s+")
_TOKEN = re.compile(r"[0-9a-z]{13,}")
#: The e-mail candidates are what ``re.findall(EMAIL, text)`` returns; see ``emails``.
EMAIL = r"[\w.+-]+@[\w.-]+"
# An e-mail's head: a whole run of local-part characters (not preceded by one), then "@". Possessive: no backtracking.
_EMAIL_HEAD = re.compile(r"(?<![\w.+-])[\w.+-]++@")
_EMAIL_TAIL = re.compile(r"[\w.-]+")
_PHONE = re.compile(r"(?:\+33|0)[0-9.]{9,13}")


def emails(text: str) -> list[str]:
    """Exactly ``re.findall(EMAIL, text)``, in time linear in the text.

    ``findall`` retries the pattern at every position of a run of ``[\\w.+-]`` characters and
    scans the rest of the run each time: quadratic on a long run without "@" (a minified
    stylesheet of Great Expectations' data docs holds one of 370,000 characters: minutes).
    Here each "@" is considered once, with the run before it, and leftmost non-overlapping
    matching is replayed: a match starts at the run's start, or where the previous match ended.
    """
    found: list[str] = []
    pos = 0  # where findall would resume: the end of the previous match
    for head in _EMAIL_HEAD.finditer(text):
        at = head.end() - 1
        start = max(head.start(), pos)
        if start >= at:
            continue
        tail = _EMAIL_TAIL.match(text, at + 1)
        if tail is None:
            continue
        found.append(text[start : tail.end()])
        pos = tail.end()
    return found


def inbox_identifiers(inbox: Path) -> dict[str, set[str]]:
    """Direct identifiers of the inbox's member file, by kind, normalised (no spaces, lower case)."""
    ids: dict[str, set[str]] = {kind: set() for kind in KINDS}
    with open(next(inbox.glob("members*.csv")), encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter=";"):
            for kind in TOKEN_KINDS:
                if row[kind]:
                    ids[kind].add(_WS.sub("", row[kind]).lower())
            ids["name"].add(f"{row['first_name']} {row['last_name']}".lower())
            ids["address"].add(row["street_address"].lower())
    return ids


def _automaton(needles: Iterable[tuple[str, str]]) -> ahocorasick.Automaton | None:
    """An automaton whose value for each needle is ``(needle, kinds it belongs to)``."""
    automaton = ahocorasick.Automaton()
    for kind, needle in needles:
        if needle in automaton:
            automaton.get(needle)[1].add(kind)
        else:
            automaton.add_word(needle, (needle, {kind}))
    if not len(automaton):
        return None
    automaton.make_automaton()
    return automaton


class LeakScanner:
    """Built once from the identifiers; ``leaks(text)`` lists the kinds found in a text, with counts."""

    def __init__(self, ids: dict[str, set[str]]) -> None:
        self.ids = ids
        # An empty needle is in every text (as ``"" in text`` is): kept, as the per-needle test had it.
        self._always = {kind for kind in FLAT_KINDS + LOWERED_KINDS if "" in ids[kind]}
        self._flat = _automaton((kind, n) for kind in FLAT_KINDS for n in ids[kind] if n)
        self._lowered = _automaton((kind, n) for kind in LOWERED_KINDS for n in ids[kind] if n)

    def leaks(self, text: str) -> list[str]:
        """``["<kind> x<distinct identifiers found>", ...]``; empty when the text holds none."""
        flat = _WS.sub("", text).lower()
        lowered = text.lower()
        hits: dict[str, set[str]] = {kind: set() for kind in KINDS}
        candidates = set(_TOKEN.findall(flat)) | set(emails(lowered))
        candidates |= {m.replace(".", "") for m in _PHONE.findall(flat)}
        for kind in TOKEN_KINDS:
            hits[kind] |= candidates & self.ids[kind]
        for kind in self._always:
            hits[kind].add("")
        for automaton, source in ((self._flat, flat), (self._lowered, lowered)):
            if automaton is not None:
                for _end, (needle, kinds) in automaton.iter(source):
                    for kind in kinds:
                        hits[kind].add(needle)
        return [f"{kind} x{len(hits[kind])}" for kind in KINDS if hits[kind]]


def leaks_in_files(root: Path, excluded: Iterable[Path], scanner: LeakScanner) -> list[str]:
    """``"<relative path>: <findings>"`` for every text file under ``root`` outside ``excluded``, each read once."""
    excluded = [p.resolve() for p in excluded]
    leaks = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.suffix in BINARY_SUFFIXES:
            continue
        resolved = path.resolve()
        if any(resolved.is_relative_to(p) for p in excluded):
            continue
        if found := scanner.leaks(path.read_text(errors="ignore")):
            leaks.append(f"{path.relative_to(root)}: {found}")
    return leaks
