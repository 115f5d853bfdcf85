"""SQL helpers every package shares."""

from __future__ import annotations


def quote_identifier(name: str) -> str:
    """``name`` as a double-quoted SQL identifier (DuckDB, PostgreSQL), any ``"`` in it doubled."""
    return '"' + name.replace('"', '""') + '"'
