"""The outbound PII gate: nothing leaves for published/, site/ or reports/ with personal data in it.

``scan_paths`` looks at every text-bearing file under the given paths, with the
detector it is given (``detect``: the pipeline layer passes the inbound scrubber's,
``vault.pii.scrubber.analyze_texts``: validated patterns, INSEE name lexicons, spaCy
where doubt remains; governance imports no vault code); each distinct value is
analysed once:

- Parquet: every string column (its distinct values);
- CSV: every cell (the delimiter sniffed among , ; tab |), placed by line and column;
- XLSX: every text cell of every sheet (openpyxl), placed by sheet and cell;
- JSON and JSON Lines: every key and string value, placed by its path ("files[2].name");
- HTML, SVG, XML (text between the tags), Markdown, text, YAML: every line.

Other files (images, fonts, PDF printed from an HTML page that is scanned,
signatures) are skipped. A finding names the file, the place, the entity type
and a count — never the value. ``assert_clean`` raises ``PiiLeakError`` listing
the findings.

Some identifiers are public data in some places: an employer's SIRET in that
employer's own folder, for instance. The caller says so with ``allow``: either
a set of entity types allowed everywhere (``allow={"SIRET"}``) or a mapping from
a column name or a file glob (matched on the full path and on the file name) to
the entity types allowed there (``allow={"employer_siret": {"SIRET"}}``).

Files the gate cannot read (a corrupt Parquet, undecodable text) block
publication with ``PiiGateError``: a file that cannot be checked is not clean.
"""

from __future__ import annotations

import csv
import fnmatch
import html
import io
import json
import logging
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

logger = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".html", ".htm", ".md", ".txt", ".xml", ".svg", ".yaml", ".yml"})
MARKUP_SUFFIXES = frozenset({".html", ".htm", ".xml", ".svg"})
CSV_SUFFIXES = frozenset({".csv", ".tsv"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
PARQUET_SUFFIXES = frozenset({".parquet", ".pq"})

#: Distinct values (or lines) handed to the analyzer at once.
BATCH = 5000

Allow = Iterable[str] | Mapping[str, Iterable[str]] | None

#: The PII detector: for each text, its spans (each with ``entity_type``, ``start`` and ``end``), as
#: ``vault.pii.scrubber.analyze_texts`` returns them. Handed in by the pipeline layer.
Detector = Callable[[Sequence[str]], Sequence[Sequence[Any]]]

#: Entity types a generated document may hold without it being a leak: a release's documents (report pages,
#: CSV/XLSX copies, read-me, manifest) and the documentation site and DPO reports (``governance.site`` imports
#: this set: one rule, one home). They are rendered from templates, metadata and the release's tables, which are
#: scanned column by column; their French and English labels and prose read as names to the statistical model
#: ("Men", "Care", "Hommes", "Pseudonyme"), and an employer's SIRET/SIREN is public company data (the
#: publication log names employer folders by it). Every other detector (NIR, phone, e-mail, IBAN, RPPS, dates
#: of birth, addresses...) applies to every cell and line of them.
GENERATED_DOCUMENT_ALLOW = frozenset({"PERSON", "SIRET", "SIREN"})

_TAG = re.compile(r"<(?:script|style)\b.*?</(?:script|style)>|<[^>]+>", re.IGNORECASE | re.DOTALL)
#: Tags that end a cell, a row, a paragraph or a block: the text on either side never reads as one value (two
#: neighbouring amounts in a table are not one phone number), so they become a separator no pattern crosses.
_BLOCK_TAG = re.compile(r"</?(?:td|th|tr|li|p|div|br|h[1-6]|table|thead|tbody|section|ul|ol|dd|dt)\b", re.IGNORECASE)


@dataclass(frozen=True, order=True)
class Finding:
    """Personal data found in an outbound file: where and what, never the value."""

    file: str
    location: str  # "column <name>", "line <n>", "line <n>, column <name>", "sheet <s>, cell <B3>", "key <path>"
    entity_type: str
    count: int  # distinct values (Parquet) or occurrences (text line)

    def __str__(self) -> str:
        return f"{self.file}: {self.location}: {self.count} × {self.entity_type}"


class PiiGateError(RuntimeError):
    """A file could not be checked (unreadable): publication is blocked."""


class PiiLeakError(RuntimeError):
    """Personal data found in outbound files; the message lists where, never what."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        lines = "\n".join(f"  - {f}" for f in findings[:200])
        more = f"\n  ... and {len(findings) - 200} more" if len(findings) > 200 else ""
        super().__init__(f"personal data found in {len({f.file for f in findings})} file(s):\n{lines}{more}")


def release_allow(columns: Mapping[str, Iterable[str]]) -> dict[str, set[str]]:
    """The allow mapping for a release: ``columns`` (a table column -> entity types allowed there) plus
    ``GENERATED_DOCUMENT_ALLOW`` for every generated document (any text-bearing file that is not a table)."""
    allow = {column: set(types) for column, types in columns.items()}
    suffixes = (CSV_SUFFIXES | JSON_SUFFIXES | XLSX_SUFFIXES | TEXT_SUFFIXES) - PARQUET_SUFFIXES
    for suffix in sorted(suffixes):
        allow.setdefault(f"*{suffix}", set()).update(GENERATED_DOCUMENT_ALLOW)
    return allow


def _allowed(allow: Allow, file: Path, column: str | None) -> frozenset[str]:
    if allow is None:
        return frozenset()
    if not isinstance(allow, Mapping):
        return frozenset(allow)
    out: set[str] = set()
    posix = file.as_posix()
    for key, types in allow.items():
        if (column is not None and key == column) or fnmatch.fnmatch(posix, key) or fnmatch.fnmatch(file.name, key):
            out.update(types)
    return frozenset(out)


def _files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        path = Path(path)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file())
        elif path.is_file():
            yield path
        else:
            raise PiiGateError(f"{path}: no such file or directory")


def _string_columns(schema: pa.Schema) -> list[str]:
    def is_text(t: pa.DataType) -> bool:
        if pa.types.is_dictionary(t):
            return is_text(t.value_type)
        return pa.types.is_string(t) or pa.types.is_large_string(t)

    return [f.name for f in schema if is_text(f.type)]


def _standalone(text: str, span) -> bool:
    """False for a match glued inside a longer run of letters and digits: a SHA-256 checksum or a
    token in hexadecimal can hold ten digits that read as a phone number, or an IBAN-shaped run;
    personal data in outbound files stands apart from its neighbours."""
    before = text[span.start - 1] if span.start > 0 else " "
    after = text[span.end] if span.end < len(text) else " "
    return not (before.isalnum() or after.isalnum())


def _analyze(texts: list[str], detect: Detector, cache: dict[str, list] | None = None) -> list[list]:
    """Spans ``detect`` finds in each text, standalone matches only. ``cache`` (text -> spans) carries the analyses
    from one file to the next, so the lines repeated on every page (navigation, headers) are analysed once."""
    cache = {} if cache is None else cache
    todo = list(dict.fromkeys(t for t in texts if t not in cache))
    for i in range(0, len(todo), BATCH):
        batch = todo[i : i + BATCH]
        for text, spans in zip(batch, detect(batch), strict=True):
            cache[text] = [s for s in spans if _standalone(text, s)]
    return [cache[t] for t in texts]


def _count_entities(values: list[str], detect: Detector) -> Counter:
    """Per entity type, the number of values holding at least one such span."""
    counts: Counter = Counter()
    for spans in _analyze(values, detect):
        counts.update({s.entity_type for s in spans})
    return counts


def scan_parquet(file: Path, allow: Allow = None, *, detect: Detector) -> list[Finding]:
    """Findings in the string columns of one Parquet file (distinct values of each column)."""
    try:
        parquet = pq.ParquetFile(file)
        columns = _string_columns(parquet.schema_arrow)
        table = parquet.read(columns=columns) if columns else None
    except (OSError, pa.ArrowException) as exc:
        raise PiiGateError(f"{file}: cannot read Parquet ({type(exc).__name__})") from None
    findings = []
    for column in columns:
        assert table is not None
        col = table.column(column)
        if pa.types.is_dictionary(col.type):
            col = col.cast(col.type.value_type)
        distinct = [v for v in pc.unique(col).to_pylist() if v]
        allowed = _allowed(allow, file, column)
        for entity, count in sorted(_count_entities(distinct, detect).items()):
            if entity not in allowed:
                findings.append(Finding(str(file), f"column {column}", entity, count))
    return findings


def _read_text(file: Path) -> str:
    try:
        return file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise PiiGateError(f"{file}: cannot read as UTF-8 text ({type(exc).__name__})") from None


def _text_lines(file: Path) -> list[str]:
    text = _read_text(file)
    if file.suffix.lower() in MARKUP_SUFFIXES:
        # Keep line numbers: tags become spaces of the same line count.
        text = _TAG.sub(
            lambda m: "\n" * m.group(0).count("\n") + (" ; " if _BLOCK_TAG.match(m.group(0)) else " "), text
        )
        text = html.unescape(text)
    return text.split("\n")


def scan_text_file(
    file: Path, allow: Allow = None, cache: dict[str, list] | None = None, *, detect: Detector
) -> list[Finding]:
    """Findings in one text file, per line (``cache``: analyses of lines already seen, see ``_analyze``)."""
    lines = _text_lines(file)
    allowed = _allowed(allow, file, None)
    findings = []
    for number, spans in enumerate(_analyze(lines, detect, cache), start=1):
        per_type = Counter(s.entity_type for s in spans if s.entity_type not in allowed)
        for entity, count in sorted(per_type.items()):
            findings.append(Finding(str(file), f"line {number}", entity, count))
    return findings


def _scan_cells(
    file: Path, cells: list[tuple[str, str]], allow: Allow, cache: dict[str, list] | None, detect: Detector
) -> list[Finding]:
    """Findings in the (place, text) cells of one structured file, per place."""
    allowed = _allowed(allow, file, None)
    texts = [text for _place, text in cells]
    findings = []
    for (place, _text), spans in zip(cells, _analyze(texts, detect, cache), strict=True):
        per_type = Counter(s.entity_type for s in spans if s.entity_type not in allowed)
        for entity, count in sorted(per_type.items()):
            findings.append(Finding(str(file), place, entity, count))
    return findings


def _csv_cells(file: Path) -> list[tuple[str, str]]:
    """(place, text) of every non-empty cell; the place names the line and the column's header."""
    text = _read_text(file)
    sample = text[:8192]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel_tab if file.suffix.lower() == ".tsv" else csv.excel
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), dialect))
    except csv.Error as exc:
        raise PiiGateError(f"{file}: cannot read as CSV ({exc})") from None
    header = rows[0] if rows else []
    cells = []
    for number, row in enumerate(rows, start=1):
        for index, value in enumerate(row):
            if value.strip():
                column = header[index] if number > 1 and index < len(header) and header[index] else str(index + 1)
                cells.append((f"line {number}, column {column}", value))
    return cells


def _json_strings(value: object, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path or "$", value
    elif isinstance(value, dict):
        for key, item in value.items():
            child = f"{path}.{key}" if path else str(key)
            yield f"{child} (key)", str(key)
            yield from _json_strings(item, child)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _json_strings(item, f"{path}[{index}]")


def _json_cells(file: Path) -> list[tuple[str, str]]:
    """(place, text) of every key and string value; JSON Lines are placed by line, then path."""
    text = _read_text(file)
    documents: list[tuple[str, str]] = []
    if file.suffix.lower() == ".json":
        documents = [("", text)]
    else:
        documents = [(f"line {n}, ", line) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
    cells = []
    for prefix, body in documents:
        try:
            parsed = json.loads(body)
        except json.JSONDecodeError as exc:
            raise PiiGateError(f"{file}: {prefix}not valid JSON (line {exc.lineno}: {exc.msg})") from None
        cells += [(f"{prefix}key {place}", value) for place, value in _json_strings(parsed, "") if value.strip()]
    return cells


def _xlsx_cells(file: Path) -> list[tuple[str, str]]:
    """(place, text) of every text cell of every sheet ("sheet Données, cell B3")."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(file, read_only=True, data_only=True)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, InvalidFileException) as exc:
        raise PiiGateError(f"{file}: cannot read as an XLSX workbook ({type(exc).__name__})") from None
    cells = []
    try:
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and cell.value.strip():
                        cells.append((f"sheet {sheet.title}, cell {cell.coordinate}", cell.value))
    finally:
        workbook.close()
    return cells


def scan_structured_file(
    file: Path, allow: Allow = None, cache: dict[str, list] | None = None, *, detect: Detector
) -> list[Finding]:
    """Findings in one CSV, JSON (Lines) or XLSX file, cell by cell."""
    suffix = file.suffix.lower()
    if suffix in CSV_SUFFIXES:
        cells = _csv_cells(file)
    elif suffix in JSON_SUFFIXES:
        cells = _json_cells(file)
    elif suffix in XLSX_SUFFIXES:
        cells = _xlsx_cells(file)
    else:
        raise ValueError(f"{file}: not a CSV, JSON or XLSX file")
    return _scan_cells(file, cells, allow, cache, detect)


def scan_paths(paths: Iterable[Path], allow: Allow = None, *, detect: Detector) -> list[Finding]:
    """Scan every text-bearing file under ``paths`` (Parquet, CSV, XLSX, JSON, HTML/SVG/XML, Markdown, text,
    YAML); other files (images, fonts, PDF printed from a scanned HTML page, signatures) are skipped."""
    findings: list[Finding] = []
    scanned = skipped = 0
    lines_seen: dict[str, list] = {}
    for file in _files(paths):
        suffix = file.suffix.lower()
        if suffix in PARQUET_SUFFIXES:
            findings.extend(scan_parquet(file, allow, detect=detect))
        elif suffix in CSV_SUFFIXES or suffix in JSON_SUFFIXES or suffix in XLSX_SUFFIXES:
            findings.extend(scan_structured_file(file, allow, lines_seen, detect=detect))
        elif suffix in TEXT_SUFFIXES:
            findings.extend(scan_text_file(file, allow, lines_seen, detect=detect))
        else:
            skipped += 1
            continue
        scanned += 1
    logger.info("PII gate: %d files scanned, %d skipped, %d findings", scanned, skipped, len(findings))
    return sorted(findings)


def assert_clean(paths: Iterable[Path], allow: Allow = None, *, detect: Detector) -> None:
    """Raise ``PiiLeakError`` when any personal data is found under ``paths``."""
    findings = scan_paths(paths, allow, detect=detect)
    if findings:
        raise PiiLeakError(findings)
