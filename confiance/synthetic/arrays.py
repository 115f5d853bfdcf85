"""Small vectorised helpers: numpy matrices of ASCII digits and the Arrow arrays built from them."""

from __future__ import annotations

import unicodedata
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc


def digits(values: np.ndarray, width: int) -> np.ndarray:
    """ASCII digit matrix (n, width) of non-negative integers, zero-padded."""
    pows = 10 ** np.arange(width - 1, -1, -1, dtype=np.int64)
    return ((values.astype(np.int64)[:, None] // pows) % 10 + 48).astype(np.uint8)


def lit(text: str, n: int) -> np.ndarray:
    """``n`` rows of the same ASCII text, as a matrix."""
    return np.broadcast_to(np.frombuffer(text.encode("ascii"), dtype=np.uint8), (n, len(text)))


def fixed_strings(mat: np.ndarray) -> pa.Array:
    """An Arrow string array from an ASCII matrix, one row per string."""
    mat = np.ascontiguousarray(mat, dtype=np.uint8)
    n, width = mat.shape
    offsets = np.arange(n + 1, dtype=np.int32) * width
    return pa.Array.from_buffers(pa.string(), n, [None, pa.py_buffer(offsets), pa.py_buffer(mat.tobytes())])


def spaced(mat: np.ndarray, groups: tuple[int, ...]) -> np.ndarray:
    """The matrix's rows written in groups of the given sizes, separated by a space."""
    parts, pos = [], 0
    for i, size in enumerate(groups):
        if i:
            parts.append(lit(" ", len(mat)))
        parts.append(mat[:, pos : pos + size])
        pos += size
    return np.concatenate(parts, axis=1)


def decimal(cents: np.ndarray, precision: int = 12) -> pa.Array:
    """A decimal(precision, 2) array from integer cents, built without going through Python objects."""
    words = np.empty((len(cents), 2), dtype=np.int64)
    words[:, 0] = cents
    words[:, 1] = cents >> 63  # sign extension of the 128-bit value
    return pa.Array.from_buffers(pa.decimal128(precision, 2), len(cents), [None, pa.py_buffer(words.tobytes())])


def dates(days: np.ndarray) -> pa.Array:
    return pa.array(days.astype(np.int32), pa.date32())


def timestamps(seconds: np.ndarray) -> pa.Array:
    return pa.array(seconds.astype(np.int64), pa.timestamp("s"))


def ymd(days: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Year, month and day of days since 1970-01-01."""
    d = days.astype("datetime64[D]")
    months = d.astype("datetime64[M]")
    year = d.astype("datetime64[Y]").astype(np.int64) + 1970
    month = months.astype(np.int64) % 12 + 1
    day = (d - months.astype("datetime64[D]")).astype(np.int64) + 1
    return year, month, day


def first_of_month(days: np.ndarray) -> np.ndarray:
    return days.astype("datetime64[D]").astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)


def weighted(rng: np.random.Generator, weights: Any, n: int) -> np.ndarray:
    """``n`` indices drawn with the given (unnormalised) weights."""
    cdf = np.cumsum(np.asarray(weights, dtype=np.float64))
    return np.minimum(np.searchsorted(cdf / cdf[-1], rng.random(n), side="right"), len(cdf) - 1)


def null_where(arr: pa.Array, mask: np.ndarray) -> pa.Array:
    if not mask.any():
        return arr
    return pc.if_else(pa.array(mask), pa.scalar(None, arr.type), arr)


def replace_where(arr: pa.Array, mask: np.ndarray, values: pa.Array) -> pa.Array:
    """``values`` (one per True of ``mask``, in order) replace ``arr`` where ``mask`` is set."""
    if not mask.any():
        return arr
    positions = np.cumsum(mask) - 1
    spread = values.take(pa.array(np.where(mask, positions, 0)))
    return pc.if_else(pa.array(mask), spread, arr)


def ascii_lower(name: str) -> str:
    """A name as it appears in an e-mail address: no accent, no space, no apostrophe, lower case."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return plain.lower().replace(" ", "").replace("'", "")


def french_date(days: np.ndarray) -> pa.Array:
    """Dates written dd/mm/yyyy."""
    y, m, d = ymd(days)
    n = len(days)
    return fixed_strings(np.concatenate([digits(d, 2), lit("/", n), digits(m, 2), lit("/", n), digits(y, 4)], axis=1))


def timestamps_since(rng: np.random.Generator, since_day: np.ndarray, as_of_day: int,
                     recent: np.ndarray | None = None) -> pa.Array:  # fmt: skip
    """Timestamps between ``since_day`` and the evening before the as-of date.

    Where ``recent`` (default: everywhere) most of them are recent; elsewhere (closed
    records) within a month after ``since_day``.
    """
    n = len(since_day)
    last = as_of_day - 1
    span = np.maximum(last - since_day, 0)
    day = last - np.floor(span * rng.random(n) ** 3).astype(np.int64)
    if recent is not None:
        day = np.where(recent, day, np.minimum(since_day + rng.integers(0, 31, n), last))
    return timestamps(day * 86400 + 7 * 3600 + rng.integers(0, 13 * 3600, n))
