"""The member-register gazetteer: every member's name, found in any free text (inside the vault only).

Built once per crossing from the distinct first and last names of the vault's
member register: an Aho-Corasick automaton (``pyahocorasick``) over the folded
names (``vault.pii.lexicon.fold``: lower case, no accents), so one pass over a
folded text finds every occurrence of every name, whatever its case or accents,
in time linear in the text. Only occurrences on word boundaries count. Which of
them are personal data is decided by the name detector (``vault.pii.names``):
a member called Petit does not make "un petit souci" a name.

The gazetteer holds names in memory only; it never logs or prints them.
"""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick

from vault.pii.lexicon import fold

#: Names shorter than this are not matched alone (initials, "Li", "Ba" would match everywhere).
MIN_LENGTH = 3


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


class NameGazetteer:
    """An Aho-Corasick automaton over folded names; ``find`` gives the (start, end) of each occurrence."""

    def __init__(self, names: Iterable[str | None]) -> None:
        self._automaton = ahocorasick.Automaton()
        count = 0
        for name in names:
            if not name:
                continue
            key = " ".join(fold(str(name)).replace("’", "'").split())
            if len(key) < MIN_LENGTH:
                continue
            variants = {key, key.replace("-", " "), key.replace(" ", "-")}
            for variant in variants:
                if variant not in self._automaton:
                    self._automaton.add_word(variant, len(variant))
                    count += 1
        self.size = count
        if count:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return self.size

    def find(self, text: str, folded: str | None = None) -> list[tuple[int, int]]:
        """Occurrences of a name in ``text`` on word boundaries, longest first where they overlap."""
        if not self.size or not text:
            return []
        folded = fold(text) if folded is None else folded
        hits: list[tuple[int, int]] = []
        n = len(folded)
        for end_index, length in self._automaton.iter(folded):
            start, end = end_index - length + 1, end_index + 1
            if start > 0 and _is_word_char(folded[start - 1]):
                continue
            if end < n and _is_word_char(folded[end]):
                continue
            hits.append((start, end))
        if len(hits) > 1:
            hits.sort(key=lambda h: (h[0], -h[1]))
            kept: list[tuple[int, int]] = []
            for hit in hits:
                if kept and hit[0] < kept[-1][1]:
                    if hit[1] > kept[-1][1]:
                        kept[-1] = (kept[-1][0], hit[1])
                    continue
                kept.append(hit)
            hits = kept
        return hits


__all__ = ["MIN_LENGTH", "NameGazetteer"]
