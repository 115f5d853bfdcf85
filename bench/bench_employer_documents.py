"""Benchmark: CPU time of the employers' documents (report pages FR/EN with their charts, CSV, XLSX, LISEZMOI), no PDF.

Reads every employer folder of a published release (``<home>/published/employer/*/``: its Parquet files are the
employer's published marts) and builds each employer's documents again into a throwaway directory, ``--passes``
times; prints the machine, the load, the employers, the charts drawn and the best pass's CPU time. Compare two
checkouts by running it with each on ``PYTHONPATH``::

    DO_NOT_TRACK=1 flock /tmp/confiance-bench.lock nice -n 10 \\
        .venv/bin/python bench/bench_employer_documents.py --home "$CONFIANCE_HOME"

The PDFs (Chromium) and the gate are not counted: ``bench/bench_publication_scale.py`` times the whole stage.
Not collected by pytest.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._machine import describe_line, load_text  # noqa: E402

#: the statuses the published summary shows for a reported employer go back to the mart's one word
_NOT_REPORTED = ("too_small_to_report", "no_closed_period")


def _folder_tables(folder: Path) -> dict[str, pa.Table]:
    tables = {p.stem: pq.read_table(p) for p in sorted(folder.glob("*.parquet"))}
    summary = tables.get("mart_employer__summary")
    if summary is not None and "report_status" in summary.column_names:
        status = ["reported" if v not in _NOT_REPORTED else v for v in summary.column("report_status").to_pylist()]
        index = summary.schema.get_field_index("report_status")
        tables["mart_employer__summary"] = summary.set_column(index, "report_status", pa.array(status))
    return tables


def main(argv: list[str] | None = None) -> int:
    from governance.employer_report import build_documents

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True, help="a home with a published employer release")
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args(argv)
    root = args.home / "published" / "employer"
    folders = sorted(p for p in root.iterdir() if p.is_dir()) if root.is_dir() else []
    if not folders:
        print(f"{root}: no published employer folder (run the pipeline first)", file=sys.stderr)
        return 2
    data = [(f.name, _folder_tables(f)) for f in folders]
    load_before = load_text()
    best, charts = float("inf"), 0
    for _ in range(args.passes):
        with tempfile.TemporaryDirectory(prefix="bench-documents-") as tmp:
            started = time.process_time()
            for siret, tables in data:
                folder = Path(tmp) / siret
                folder.mkdir()
                build_documents(
                    folder,
                    siret,
                    tables,
                    name=None,
                    run_id="bench",
                    published_at="2026-01-01T00:00:00+00:00",
                    k=11,
                    min_employers=5,
                    key_fingerprint="bench",
                )
            best = min(best, time.process_time() - started)
            charts = sum(p.read_text(encoding="utf-8").count('<svg class="chart"') for p in Path(tmp).glob("*/*.html"))
    print(describe_line())
    print(f"load average before: {load_before}; after: {load_text()}")
    print(f"code: {sys.modules['governance.employer_report'].__file__}")
    print(f"{len(data)} employers, {charts} charts (FR and EN pages): best of {args.passes} passes {best:.2f} s CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
