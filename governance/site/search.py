"""The site's full-text search: a MiniSearch index built here, in Python, and shipped with the site.

The index is serialised in MiniSearch's own JSON format (``MiniSearch.toJSON``,
serialisation version 2), so the browser only loads it (``MiniSearch.loadJS``)
with the same options; nothing is fetched, which is why it works from
``file://`` as from a local server. Tokens are split as MiniSearch splits them
(spaces and punctuation) and folded to lower case without accents, so
"reste a charge" finds "reste à charge". The vendored library is
``governance/static/minisearch/`` (MIT, from the npm registry).
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict, dataclass

#: Fields indexed, in MiniSearch's field-id order, and the fields stored for the result list.
FIELDS = ("title", "names", "text")
STORE = ("title", "kind", "url", "summary")
BOOST = {"title": 3, "names": 2, "text": 1}


@dataclass(frozen=True)
class SearchDoc:
    """One search result: a dataset, a column or a glossary term."""

    id: str
    kind: str  # "jeu de données / dataset", "colonne / column", "terme / term"
    title: str
    names: str  # technical names, English names, synonyms
    text: str  # descriptions and definitions
    url: str
    summary: str = ""


def _separator(ch: str) -> bool:
    return ch in "\n\r" or unicodedata.category(ch)[0] in ("Z", "P")


def tokenize(text: str) -> list[str]:
    """``text.split(/[\\n\\r\\p{Z}\\p{P}]+/u)`` as MiniSearch does it (empty edge tokens included)."""
    tokens: list[str] = []
    current: list[str] = []
    in_sep = False
    for ch in text:
        if _separator(ch):
            if not in_sep:
                tokens.append("".join(current))
                current = []
            in_sep = True
        else:
            current.append(ch)
            in_sep = False
    tokens.append("".join(current))
    return tokens


def process_term(term: str) -> str | None:
    """Lower case without diacritics; the browser's ``processTerm`` does exactly the same."""
    folded = "".join(c for c in unicodedata.normalize("NFD", term.lower()) if not unicodedata.combining(c))
    return folded or None


def build_index(docs: list[SearchDoc]) -> dict:
    """The MiniSearch index of ``docs``, as ``MiniSearch.toJSON()`` would write it."""
    field_ids = {f: i for i, f in enumerate(FIELDS)}
    index: dict[str, dict[int, dict[int, int]]] = {}
    field_length: dict[str, list[int]] = {}
    totals = [0] * len(FIELDS)
    seen: set[str] = set()
    for short_id, doc in enumerate(docs):
        if doc.id in seen:
            raise ValueError(f"search index: duplicate document id {doc.id!r}")
        seen.add(doc.id)
        lengths = []
        for field, fid in field_ids.items():
            tokens = tokenize(getattr(doc, field))
            lengths.append(len(set(tokens)))
            for token in tokens:
                term = process_term(token)
                if term:
                    freqs = index.setdefault(term, {}).setdefault(fid, {})
                    freqs[short_id] = freqs.get(short_id, 0) + 1
        field_length[str(short_id)] = lengths
        totals = [a + b for a, b in zip(totals, lengths, strict=True)]
    count = len(docs)
    stored = {str(i): {k: v for k, v in asdict(d).items() if k in STORE} for i, d in enumerate(docs)}
    return {
        "documentCount": count,
        "nextId": count,
        "documentIds": {str(i): d.id for i, d in enumerate(docs)},
        "fieldIds": field_ids,
        "fieldLength": field_length,
        "averageFieldLength": [t / count if count else 0 for t in totals],
        "storedFields": stored,
        "dirtCount": 0,
        "index": [
            [term, {str(f): {str(d): n for d, n in fr.items()} for f, fr in fields.items()}]
            for term, fields in sorted(index.items())
        ],
        "serializationVersion": 2,
    }


def index_script(docs: list[SearchDoc]) -> str:
    """``search-index.js``: the index as a script, so that it loads from ``file://`` without fetch."""
    payload = json.dumps(build_index(docs), ensure_ascii=False, separators=(",", ":"))
    options = json.dumps({"fields": list(FIELDS), "storeFields": list(STORE)})
    return (
        "/* Confiance data dictionary: prebuilt MiniSearch index (generated, do not edit). */\n"
        f"window.CONFIANCE_SEARCH = {{options: {options}, boost: {json.dumps(BOOST)}, index: {payload}}};\n"
    )
