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
HEADER_WORDS = (
    frozenset(
        "nom noms prenom prenoms nir n° no num numero secu insee ddn date dates ne(e) ne nee naissance telephone tel"
        " portable mobile email e-mail mail courriel adresse cp ville code matricule id identifiant lien regime taux"
        " categorie statut capital montant libelle beneficiaire beneficiaires assure assuree assure(e) adherent"
        " adherente adherent(e) salarie salariee salarie(e) ayant ayants conjoint conjointe enfant sexe civilite age"
        " rang iban rib departement mois cotisation base nb contrat college first last dob dnaiss birth".split()
    )
    | frozenset(
        # round 8: the other spellings of exports (abbreviations, English column names)
        "prn pnom nss ssn dnais dnaissance dtnaiss naiss adr adr1 adresse1 localite commune postal zip city town"
        " street phone tel_port telephone1 fixe gsm name firstname lastname surname given family birthdate"
        " birthday social ssn_number address email1 mail1 ville1 genre gender titre pays country".split()
    )
    | frozenset(
        # round 11: the columns of a directory of health professionals ("RPPS|ADELI|Nom|Spécialité|Tél cabinet")
        "rpps adeli finess specialite specialites profession qualification praticien prescripteur cabinet".split()
    )
)
_BRACKETED_COUNT = re.compile(r"\(\d{1,2}\)")
#: A label's trailing number: the first of several columns of a kind ("ADR1", "TEL 2", "EMAIL_1").
_TRAILING_NUMBER = re.compile(r"[ _]?\d{1,2}$")
_GATE = re.compile(r"[\t;|,][^\n]*\n[^\n]*[\t;|,]")


@dataclass(frozen=True)
class Cell:
    """One data cell of a table: its offsets (surrounding spaces and quotes excluded) and its column's header,
    normalised (``normalise``: folded, underscores as spaces, no bracketed count)."""

    start: int
    end: int
    header: str


def _quoted_pieces(line: str, delimiter: str) -> list[str]:
    """The pieces of a CSV line whose quoted cells may hold the delimiter (``"bât. C, 12 rue X"``): a delimiter
    inside double quotes does not cut; the pieces keep their quotes (``_split`` trims them) and, joined with the
    delimiter, give the line back."""
    pieces = []
    start = 0
    quoted = False
    for i, c in enumerate(line):
        if c == '"':
            quoted = not quoted
        elif c == delimiter and not quoted:
            pieces.append(line[start:i])
            start = i + 1
    pieces.append(line[start:])
    return pieces


def _split(line: str, offset: int, delimiter: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of ``line`` (offsets in the text), spaces and quotes trimmed; with double quotes
    in the line, a quoted cell is one cell, delimiters inside it included."""
    pieces = _quoted_pieces(line, delimiter) if '"' in line else line.split(delimiter)
    cells = []
    pos = 0
    for piece in pieces:
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
        if not all(
            _LABEL.fullmatch(_TRAILING_NUMBER.sub("", _BRACKETED_COUNT.sub("", p)).strip() or "x") for p in filled
        ):
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
    out = _TRAILING_NUMBER.sub("", out) or out
    out = SYNONYMS.get(out, out)
    if _USUAL_BIRTH_LABEL.fullmatch(out) or not _BIRTH_LABEL.fullmatch(out):
        return out
    return "date de naissance"


#: Round 8: header spellings of exports that say the same as a label the scrubber's column vocabulary knows
#: (abbreviations, English names, run-together words), mapped to that label. Only whole labels, folded.
SYNONYMS: dict[str, str] = {
    **dict.fromkeys(
        ("ssn", "nss", "social security number", "social security", "ss number", "n ss", "numsecu", "num secu",
         "no secu", "n secu", "numero secu", "secu number", "insee number", "numss", "nir13", "nir15"),
        "nir",
    ),
    **dict.fromkeys(("prn", "pnom", "prnom", "firstname", "given name", "given names", "forename"), "prenom"),
    **dict.fromkeys(("lastname", "last name", "surname", "family name", "nom famille", "nomfamille"), "nom"),
    **dict.fromkeys(
        ("dnais", "dnaiss", "dnaissance", "dt nais", "dtnais", "dtnaiss", "date nais", "datenaiss", "birthdate",
         "ddnaiss"),
        "date de naissance",
    ),
}  # fmt: skip


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
            cells = _split(row, row_offset, delimiter)
            if not _is_total(text, cells):
                rows.append(cells)
            j += 1
        if rows:
            out.append(((offset, offset + len(line)), labels, rows))
        i = j if rows else i + 1
    return out


#: The first cell of a spreadsheet's totals row: its other cells are sums or empty, never a person.
_TOTAL_WORDS = frozenset(("total", "totaux", "sous-total", "sous total", "total general", "somme", "sum"))


def _is_total(text: str, cells: list[tuple[int, int]]) -> bool:
    """True for a totals row ("TOTAL;;;", "Sous-total,,12"): its first filled cell is a total word."""
    for start, end in cells:
        if end > start:
            return fold(text[start:end]).rstrip(" :") in _TOTAL_WORDS
    return False


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


#: Round 8: headers (normalised) of columns that never hold a person's name: places, products, months, statuses,
#: labels. A capitalised cell there ("Annecy", "Senior Rose", "Janvier") is no person, whatever it looks like.
NOT_PERSON_HEADERS = frozenset(
    "ville city town localite commune lieu cp code postal zip pays country region departement produit product"
    " offre formule garantie gamme mois month statut status etat libelle label categorie college regime service"
    " agence site canal motif type nature acte code acte".split()
    + ["code postal", "lieu de naissance", "ville de naissance", "code acte", "type de contrat"]
)


#: The first cell of a totals row ("TOTAL;;;", "Sous-total,,12"), at a line's start.
_TOTAL_ROW = re.compile(r"(?im)^[ \t;,|\"']*((?:sous[ -])?total(?: g[ée]n[ée]ral)?|totaux)(?=[ \t;,|\"':]|$)")


def not_person_zones(text: str) -> list[tuple[int, int]]:
    """Where a text holding a table has no person: the cells of place, product, month, status and label columns
    (``NOT_PERSON_HEADERS``) and the first cell of totals rows."""
    if not _tables(text):
        return []
    zones = [(c.start, c.end) for c in table_cells(text) if c.header in NOT_PERSON_HEADERS]
    zones.extend(m.span(1) for m in _TOTAL_ROW.finditer(text))
    return zones
