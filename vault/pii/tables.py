"""Delimited tables pasted into free text: their header line and the cells under each column.

A spreadsheet copied into a comment or an e-mail keeps its layout: a header line (``NOM;PRÉNOM;DDN;NIR``),
then rows with the same delimiter (``;``, a tab, ``|`` or ``,``). The header names what each cell holds, so a
column headed "Nom" holds names and one headed "NIR" holds social-security numbers, whatever the cells look
like. ``table_cells`` gives every data cell under a header with that header's text (folded); ``header_spans``
the header lines themselves (labels, never personal data).

A row may have more cells than its header (a decimal comma in an amount, ``1 418,86 €``, splits the last
column); the columns before the extra ones keep their header. A header is a line of at least three labels
without digits other than a bracketed count (``NIR (13)``); the table ends at the first line without the
delimiter.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from vault.pii.lexicon import fold

#: Delimiters in the order tried: the first one a header line holds at least twice is its delimiter.
DELIMITERS = ("\t", ";", "|", ",")
#: A header label: one to four words of letters and a few signs, a bracketed count at most ("NIR (13)", "Né(e) le").
_LABEL = re.compile(r"[^\W\d_](?:[^\W\d]|['’°./()\-]){0,24}(?: (?:[^\W\d]|['’°./()\-]){1,24}){0,3}")
#: The first words of the labels spreadsheets of members, employees and claims use: a header line holds two of
#: them at least (so that a line of prose with commas is no header).
HEADER_WORDS = frozenset(
    "nom noms prenom prenoms nir n° no num numero secu insee ddn date dates ne(e) ne nee naissance telephone tel"
    " portable mobile email e-mail mail courriel adresse cp ville code matricule id identifiant lien regime taux"
    " categorie statut capital montant libelle beneficiaire beneficiaires assure assuree assure(e) adherent"
    " adherente adherent(e) salarie salariee salarie(e) ayant ayants conjoint conjointe enfant sexe civilite age"
    " rang iban rib departement mois cotisation base nb contrat college first last dob dnaiss birth".split()
)
_BRACKETED_COUNT = re.compile(r"\(\d{1,2}\)")
_GATE = re.compile(r"[\t;|,][^\n]*\n[^\n]*[\t;|,]")


@dataclass(frozen=True)
class Cell:
    """One data cell of a table: its offsets (surrounding spaces and quotes excluded) and its column's header,
    normalised (``normalise``: folded, underscores as spaces, no bracketed count)."""

    start: int
    end: int
    header: str


def _split(line: str, offset: int, delimiter: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of ``line`` (offsets in the text), spaces and quotes trimmed."""
    cells = []
    pos = 0
    for piece in line.split(delimiter):
        start, end = pos, pos + len(piece)
        while start < end and line[start] in " \u00a0\"'":
            start += 1
        while end > start and line[end - 1] in " \u00a0\"'\r":
            end -= 1
        cells.append((offset + start, offset + end))
        pos += len(piece) + 1
    return cells


def _header(line: str) -> str | None:
    """The delimiter of ``line`` when it is a header line (three labels or more, no digits but a count)."""
    for delimiter in DELIMITERS:
        if line.count(delimiter) < 2:
            continue
        labels = [p.strip(" \u00a0\"'\r") for p in line.split(delimiter)]
        filled = [p for p in labels if p]
        if len(filled) < 3:
            continue
        if not all(_LABEL.fullmatch(_BRACKETED_COUNT.sub("", p).strip() or "x") for p in filled):
            continue
        known = sum(normalise(p).split(" ", 1)[0] in HEADER_WORDS for p in filled)
        if known >= 2 and 2 * known >= len(filled):
            return delimiter
    return None


#: A lower-case letter then a capital: the boundary of two words of a camelCase label ("dateNaissance").
_CAMEL = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Þ])")
#: A birth-date label in any of the spellings of logs and exports ("dnaiss", "dt_naiss", "birthDate", "DOB").
_BIRTH_LABEL = re.compile(
    r"(?:d|dt|date)? ?(?:de |of )?(?:naiss(?:ance)?|birth(?: ?date|day)?)\.?|dob|ddn|date of birth"
)


_USUAL_BIRTH_LABEL = re.compile(r"date (?:de )?naiss(?:ance)?|ddn|naissance|date of birth|dob")


def normalise(label: str) -> str:
    """A header label folded, underscores and camelCase as spaces, without its bracketed count: "NIR (13)" ->
    "nir", "DATE_NAISSANCE" -> "date naissance", "firstName" -> "first name"; a birth-date label in any spelling
    the usual spellings kept ("date naissance", "ddn"), the others ("dnaiss", "birthDate") -> "date de naissance"."""
    out = " ".join(_BRACKETED_COUNT.sub("", fold(_CAMEL.sub(" ", label))).replace("_", " ").split())
    if _USUAL_BIRTH_LABEL.fullmatch(out) or not _BIRTH_LABEL.fullmatch(out):
        return out
    return "date de naissance"


def _lines(text: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


@functools.lru_cache(maxsize=16)
def _tables(text: str) -> list[tuple[tuple[int, int], list[str], list[list[tuple[int, int]]]]]:
    """Each table of ``text``: the header line's span, its folded labels and its rows' cells (cached: the scrubber
    asks for a text's cells, header lines and date columns one after the other; callers never modify the lists)."""
    if "\n" not in text or _GATE.search(text) is None:
        return []
    lines = _lines(text)
    out = []
    i = 0
    while i < len(lines):
        offset, line = lines[i]
        delimiter = _header(line)
        if delimiter is None:
            i += 1
            continue
        labels = [normalise(text[a:b]) for a, b in _split(line, offset, delimiter)]
        rows = []
        j = i + 1
        while j < len(lines):
            row_offset, row = lines[j]
            if delimiter not in row or _header(row) is not None:
                break
            rows.append(_split(row, row_offset, delimiter))
            j += 1
        if rows:
            out.append(((offset, offset + len(line)), labels, rows))
        i = j if rows else i + 1
    return out


def table_cells(text: str) -> list[Cell]:
    """Every non-empty data cell under a header in ``text``, with its column's normalised header."""
    cells = []
    for _span, labels, rows in _tables(text):
        for row in rows:
            for (start, end), label in zip(row, labels, strict=False):
                if end > start and label:
                    cells.append(Cell(start, end, label))
    return cells


def header_spans(text: str) -> list[tuple[int, int]]:
    """The header lines of the tables in ``text`` (labels: never personal data)."""
    return [span for span, _labels, _rows in _tables(text)]
