"""File helpers every layer uses: the SHA-256 checksum that the landing ledger, the erasure register and the
publication manifests record for a file."""

from __future__ import annotations

import hashlib
from pathlib import Path


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file's bytes, read in chunks (files may be larger than memory)."""
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()
