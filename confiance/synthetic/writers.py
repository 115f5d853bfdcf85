"""Feed files: their Arrow schemas from the contracts, their names, and the writers that stream them to disk."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from confiance.contracts import feed_contract
from confiance.synthetic.constants import CSV_DELIMITER, FORMATS


def _arrow_type(physical: str) -> pa.DataType:
    p = physical.upper()
    if p.startswith("DECIMAL"):
        precision, scale = (int(x) for x in p[p.index("(") + 1 : p.index(")")].split(","))
        return pa.decimal128(precision, scale)
    return {
        "VARCHAR": pa.string(),
        "DATE": pa.date32(),
        "TIMESTAMP": pa.timestamp("s"),
        "INTEGER": pa.int32(),
        "BIGINT": pa.int64(),
        "BOOLEAN": pa.bool_(),
        "DOUBLE": pa.float64(),
    }[p]


def feed_schema(feed: str, fmt: str = "parquet") -> pa.Schema:
    """The Arrow schema of a feed file, from its contract: columns and order exactly as the contract says.

    In text formats (csv, jsonl) dates are written as text so that a malformed one can be.
    """
    fields = []
    for col in feed_contract(feed).columns:
        typ = _arrow_type(col.physical_type)
        if fmt != "parquet" and typ == pa.date32():
            typ = pa.string()
        fields.append(pa.field(col.name, typ))
    return pa.schema(fields)


def feed_file_name(feed: str, as_of: dt.date, fmt: str = "csv") -> str:
    """The file name of a feed extracted on ``as_of``, e.g. ``members_20250331.csv``."""
    return f"{feed}_{as_of:%Y%m%d}.{FORMATS[fmt]}"


class FeedWriter:
    """Writes one feed file chunk by chunk under a hidden temporary name, renamed when complete."""

    def __init__(self, path: Path, schema: pa.Schema, fmt: str) -> None:
        self.path, self.schema, self.fmt = path, schema, fmt
        self.tmp = path.with_name(f".tmp-{path.name}")
        self.rows = 0
        if fmt == "csv":
            self._fh = open(self.tmp, "wb")  # noqa: SIM115 - closed in close()
            self._fh.write((CSV_DELIMITER.join(schema.names) + "\n").encode("utf-8"))
            self._csv = pacsv.CSVWriter(
                self._fh,
                schema,
                write_options=pacsv.WriteOptions(include_header=False, delimiter=CSV_DELIMITER, quoting_style="none"),
            )
        elif fmt == "parquet":
            self._pq = pq.ParquetWriter(self.tmp, schema, compression="zstd")
        else:
            import duckdb

            self._fh = open(self.tmp, "wb")  # noqa: SIM115 - closed in close()
            self._db = duckdb.connect()
            self._db.execute("SET threads = 1")
            self._part = path.with_name(f".tmp-part-{path.name}")

    def write(self, table: pa.Table) -> None:
        self.rows += table.num_rows
        if self.fmt == "csv":
            self._csv.write_table(table)
        elif self.fmt == "parquet":
            self._pq.write_table(table)
        else:
            self._db.register("chunk", table)
            self._db.execute(f"COPY chunk TO '{self._part}' (FORMAT JSON)")
            self._db.unregister("chunk")
            self._fh.write(self._part.read_bytes())
            self._part.unlink()

    def close(self) -> None:
        if self.fmt == "csv":
            self._csv.close()
            self._fh.close()
        elif self.fmt == "parquet":
            self._pq.close()
        else:
            self._fh.close()
            self._db.close()
        os.replace(self.tmp, self.path)
