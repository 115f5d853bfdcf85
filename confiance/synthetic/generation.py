"""The generation loop: chunk by chunk, members then their contracts then their benefits, defects last.

Generation is vectorised with numpy and streamed in chunks of ``CHUNK_MEMBERS`` members, so memory
stays bounded and time grows linearly with the number of members. Each chunk draws from its own
random streams; the only state carried from chunk to chunk is the NIR counters (to keep every NIR
unique) and the benefit line counter.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

from confiance.synthetic import constants
from confiance.synthetic.benefits import build_benefits
from confiance.synthetic.constants import FEEDS, FORMATS
from confiance.synthetic.contracts import build_contracts
from confiance.synthetic.defects import Defects
from confiance.synthetic.employers import make_employers
from confiance.synthetic.members import draw_members, nir_counters
from confiance.synthetic.reference_arrays import ReferenceArrays
from confiance.synthetic.writers import FeedWriter, feed_file_name, feed_schema

log = logging.getLogger(__name__)

# Random streams, one per purpose (and per chunk): changing any of them changes the files.
_STREAM_EMPLOYERS, _STREAM_MEMBERS, _STREAM_BENEFITS, _STREAM_COMMENTS, _STREAM_DEFECTS = 0, 1, 3, 4, 5


@dataclass
class Chunk:
    """The three feeds' rows of one chunk of members, cast to the feed schemas."""

    members: pa.Table
    contracts: pa.Table
    benefits: pa.Table


class _Generator:
    """Generates the mutuelle chunk by chunk; carries the state that must span chunks."""

    def __init__(self, members: int, seed: int, as_of: dt.date, benefits_per_member: float, defect_rate: float,
                 fmt: str) -> None:  # fmt: skip
        self.members = members
        self.seed = seed
        self.as_of_day = (as_of - dt.date(1970, 1, 1)).days
        self.benefits_per_member = benefits_per_member
        self.defects = Defects(defect_rate, fmt)
        self.ref = ReferenceArrays()
        self.employers = make_employers(self._rng(_STREAM_EMPLOYERS, 0), members, self.ref)
        self.nir_counters = nir_counters()
        self.next_benefit = 1
        self.schemas = {feed: feed_schema(feed, fmt) for feed in FEEDS}

    def _rng(self, stream: int, chunk: int) -> np.random.Generator:
        return np.random.default_rng([self.seed, self.as_of_day, self.members, stream, chunk])

    def chunks(self) -> Iterator[Chunk]:
        size = constants.CHUNK_MEMBERS
        for number, start in enumerate(range(0, self.members, size)):
            yield self._chunk(number, start, min(size, self.members - start))

    def _chunk(self, number: int, start: int, n: int) -> Chunk:
        rng = self._rng(_STREAM_MEMBERS, number)
        members, people = draw_members(rng, start, n, self.as_of_day, self.ref, self.employers, self.nir_counters)
        contracts, cover = build_contracts(rng, people, self.employers, self.ref, self.as_of_day)
        benefits = build_benefits(
            self._rng(_STREAM_BENEFITS, number), self._rng(_STREAM_COMMENTS, number), people, cover, self.ref,
            self.as_of_day, self.benefits_per_member, self.next_benefit,
        )  # fmt: skip
        self.next_benefit += benefits.num_rows
        defects = self._rng(_STREAM_DEFECTS, number)
        return Chunk(
            members=self.defects.members(defects, members.cast(self.schemas["members"])),
            contracts=self.defects.contracts(defects, contracts.cast(self.schemas["contracts"])),
            benefits=self.defects.benefits(defects, benefits.cast(self.schemas["benefits"])),
        )


def _as_date(as_of: dt.date | dt.datetime | str | None) -> dt.date:
    if as_of is None:
        return dt.date.today()
    if isinstance(as_of, dt.datetime):
        return as_of.date()
    if isinstance(as_of, dt.date):
        return as_of
    return dt.date.fromisoformat(as_of)


def generate_with_counts(
    inbox: str | os.PathLike,
    members: int,
    seed: int = 42,
    as_of: dt.date | str | None = None,
    benefits_per_member: float = 10.0,
    defect_rate: float = 0.0,
    fmt: str = "csv",
) -> tuple[dict[str, Path], dict[str, int]]:
    """Like :func:`generate_files`, and also the number of rows written per feed."""
    if members < 1:
        raise ValueError("members must be at least 1")
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    if not 0.0 <= defect_rate <= 1.0:
        raise ValueError("defect_rate is a share between 0 and 1")
    if benefits_per_member < 0:
        raise ValueError("benefits_per_member cannot be negative")
    day = _as_date(as_of)
    inbox = Path(inbox)
    inbox.mkdir(parents=True, exist_ok=True)
    gen = _Generator(members, seed, day, benefits_per_member, defect_rate, fmt)
    paths = {feed: inbox / feed_file_name(feed, day, fmt) for feed in FEEDS}
    writers = {feed: FeedWriter(paths[feed], gen.schemas[feed], fmt) for feed in FEEDS}
    try:
        for chunk in gen.chunks():
            for feed in FEEDS:
                writers[feed].write(getattr(chunk, feed))
    except BaseException:
        for w in writers.values():
            w.tmp.unlink(missing_ok=True)
        raise
    for w in writers.values():
        w.close()
    counts = {feed: writers[feed].rows for feed in FEEDS}
    log.info("generated %s", ", ".join(f"{feed}: {counts[feed]} rows" for feed in FEEDS))
    return paths, counts


def generate_files(inbox: str | os.PathLike, members: int, **options: Any) -> dict[str, Path]:
    """Write members, contracts and benefits source files into ``inbox``; return their paths by feed.

    ``options`` are those of :func:`generate_with_counts` (``seed``, ``as_of``, ``benefits_per_member``,
    ``defect_rate``, ``fmt``). Same (seed, as_of, sizes, format) give byte-identical files. ``as_of``
    (default today) names the files and ends the 12 months of benefits; nothing is dated after it.
    """
    paths, _ = generate_with_counts(inbox, members, **options)
    return paths


#: The same function under the name the command line gives it (``confiance generate``).
generate = generate_files
