"""Benchmark: the first publication of a mutuelle (every consumer, every employer's folder) and what it costs.

One command, on a home whose marts are built (``--home``, copied first: the home itself is not touched), or on a
mutuelle generated and run up to its marts here (``--members``; generation and the stages before ``publish`` are
not counted):

    DO_NOT_TRACK=1 flock /tmp/confiance-bench.lock nice -n 10 \\
        .venv/bin/python bench/bench_publication_scale.py --members 30000 --seed 7

Prints the machine, the load before and after, the ``publish`` stage's wall time, CPU time (the process and its
children: Chromium, the suppression's workers), peak RSS, each consumer's status, the employer folders and their
files, and the employer phase's breakdown the gate logs (documents, PII scan, waiting for the PDFs, checksums and
signatures). There is no target for this stage alone (issue 16's targets are end to end). ``--out FILE`` also
writes the table as Markdown. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench._machine import describe_line, load_text  # noqa: E402

BEFORE_PUBLISH = ("land", "quality_feeds", "cross", "quality_warehouse", "dbt_build", "dbt_artifacts", "quality_marts")


def _env(home: Path) -> dict[str, str]:
    """The children's environment: this checkout's code; the caller's key (``CONFIANCE_MASTER_KEY`` or
    ``CONFIANCE_KEY_FILE``, the one a ``--home`` was built with), else a fixed bench key."""
    env = {**os.environ, "CONFIANCE_HOME": str(home), "DO_NOT_TRACK": "1", "PYTHONPATH": str(ROOT)}
    if "CONFIANCE_MASTER_KEY" not in env and "CONFIANCE_KEY_FILE" not in env:
        env["CONFIANCE_MASTER_KEY"] = "ab" * 32
    return env


def _child(args: list[str], home: Path) -> str:
    out = subprocess.run(  # noqa: S603
        [sys.executable, __file__, *args], env=_env(home), capture_output=True, text=True, check=False
    )
    if out.returncode:
        raise SystemExit(f"{' '.join(args[:2])} failed:\n{out.stderr[-3000:]}")
    return out.stdout


def build(members: int, seed: int, home: Path) -> None:
    """Generate a mutuelle whose benefits are the closed year 2025 and run it up to its marts (not counted)."""
    _child(["--generate", str(home), str(members), str(seed)], home)
    for stage in BEFORE_PUBLISH:
        start = time.perf_counter()
        _child(["--stage", str(home), stage], home)
        print(f"  {stage}: {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)


def child_generate(home: str, members: int, seed: int) -> None:
    from confiance.settings import get_settings
    from confiance.synthetic.generation import generate_files

    settings = get_settings(home)
    settings.ensure_dirs()
    generate_files(settings.inbox, members, seed=seed, as_of=dt.date(2026, 1, 1))


def child_stage(home: str, stage: str) -> dict:
    from confiance.pipeline import STAGES
    from confiance.settings import get_settings

    return STAGES[stage](get_settings(home), f"bench_{stage}")


def child_publish(home: str) -> None:
    """Child process: the publish stage, timed; one JSON line."""
    from confiance.pipeline import STAGES
    from confiance.settings import get_settings

    said: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.getMessage().startswith("employer folders:"):
                said.append(record.getMessage())

    logging.getLogger("governance.publish").addHandler(Keep())
    logging.getLogger("governance.publish").setLevel(logging.INFO)
    settings = get_settings(home)
    start = time.perf_counter()
    result = STAGES["publish"](settings, "bench_publication_scale")
    wall = time.perf_counter() - start
    usage = [resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    employer_root = settings.published / "employer"
    folders = [p for p in employer_root.iterdir() if p.is_dir()] if employer_root.is_dir() else []
    print(
        json.dumps(
            {
                "wall_s": round(wall, 1),
                "cpu_s": round(sum(u.ru_utime + u.ru_stime for u in usage), 1),
                "peak_rss_mib": round(max(u.ru_maxrss for u in usage) / 1024),
                "consumers": {c: v.get("status") for c, v in result.get("consumers", {}).items()},
                "employers": result.get("employers"),
                "employer_folders": len(folders),
                "employer_files": sum(1 for f in folders for p in f.iterdir() if p.is_file()),
                "employer_phases": said[-1] if said else None,
            },
            default=str,
        )
    )


def child_documents(home: str, mode: str, workdir: str, limit: int) -> None:
    """Child process: every employer's documents and PDFs from the employer marts as dbt built them (primary
    suppression only: no secondary suppression, no audit, no PII scan, nothing signed), timed; one JSON line.

    ``sequential``: every employer's documents, then the PDFs one page at a time (the order and the width of the
    publication before PDFs were printed in flight). ``overlapped``: the publication's way now (PDFs printed while
    the next employers' documents are built, ``CONFIANCE_PDF_IN_FLIGHT`` pages at once, default 4)."""
    import duckdb

    from confiance.browser import pdf_in_flight
    from confiance.settings import get_settings
    from governance.employer_report import build_documents, pdf_of, pdf_printer, print_pdfs
    from governance.protection import disclosure_parameter
    from governance.publish import MART_SCHEMA, _split_by_employer, marts_by_consumer

    settings = get_settings(home)
    con = duckdb.connect(str(settings.warehouse_db), read_only=True)
    tables = {
        m: con.execute(f'select * from "{MART_SCHEMA}"."{m}"').fetch_arrow_table()
        for m in marts_by_consumer()["employer"]
    }
    con.close()
    shared = {m: t for m, t in tables.items() if "employer_siret" not in t.column_names}
    split = {m: _split_by_employer(t) for m, t in tables.items() if m not in shared}
    sirets = sorted({s for by in split.values() for s in by})
    if limit:
        sirets = sirets[:limit]
    k, min_employers = settings.min_cell_size, int(disclosure_parameter("employer", "benchmark_min_employers"))
    start = time.perf_counter()
    before = [resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    documents = 0.0
    pages = []
    with pdf_printer() as printer:
        for siret in sirets:
            t0 = time.perf_counter()
            folder = Path(workdir) / siret
            folder.mkdir(parents=True)
            own = {m: by[siret] for m, by in split.items() if siret in by}
            _release, html = build_documents(
                folder,
                siret,
                {**own, **shared},
                name=None,
                run_id="bench",
                published_at="2026-01-02T00:00:00+00:00",
                k=k,
                min_employers=min_employers,
                key_fingerprint="0" * 64,
            )
            documents += time.perf_counter() - t0
            if mode == "overlapped":
                for page in html:
                    printer.submit(page, pdf_of(page))
            else:
                pages += html
        printer.finish()
    if mode == "sequential":
        print_pdfs(pages, in_flight=1)
    wall = time.perf_counter() - start
    after = [resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu = sum((a.ru_utime - b.ru_utime) + (a.ru_stime - b.ru_stime) for a, b in zip(after, before, strict=True))
    pdfs = list(Path(workdir).glob("*/*.pdf"))
    print(
        json.dumps(
            {
                "mode": mode,
                "in_flight": 1 if mode == "sequential" else pdf_in_flight(),
                "employers": len(sirets),
                "pdfs": len(pdfs),
                "wall_s": round(wall, 1),
                "documents_s": round(documents, 1),
                "cpu_s": round(cpu, 1),
                "peak_rss_mib": round(max(u.ru_maxrss for u in after) / 1024),
            }
        )
    )


def render_documents(runs: list[dict], head: dict) -> str:
    lines = [
        f"`bench/bench_publication_scale.py {head['args']}`, run {head['date']} UTC.",
        "",
        f"Machine: {head['machine']}. Load average (1/5/15 min) before: {head['load_before']}; "
        f"after: {head['load_after']}.",
        "",
        "| mode | pages in flight | employers | PDFs | wall s | of which documents s | CPU s | peak RSS MiB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in runs:
        lines.append(
            f"| {r['mode']} | {r['in_flight']} | {r['employers']:,} | {r['pdfs']:,} | {r['wall_s']} | "
            f"{r['documents_s']} | {r['cpu_s']} | {r['peak_rss_mib']:,} |"
        )
    return "\n".join(lines) + "\n"


def render(run: dict) -> str:
    e = run["employers"] or {}
    lines = [
        f"`bench/bench_publication_scale.py {run['args']}`, run {run['date']} UTC.",
        "",
        f"Machine: {run['machine']}. Load average (1/5/15 min) before: {run['load_before']}; "
        f"after: {run['load_after']}.",
        "",
        "| wall s | CPU s | peak RSS MiB | employer folders | files | reported | too small | nothing publishable |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {run['wall_s']} | {run['cpu_s']} | {run['peak_rss_mib']:,} | {run['employer_folders']:,} | "
        f"{run['employer_files']:,} | {e.get('reported', '')} | {e.get('too_small_to_report', '')} | "
        f"{e.get('nothing_publishable', '')} |",
        "",
        f"Consumers: {', '.join(f'{c} {s}' for c, s in run['consumers'].items())}.",
        f"Employer phase (the gate's log): {run['employer_phases']}.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if argv[:1] == ["--publish-child"]:
        child_publish(argv[1])
        return 0
    if argv[:1] == ["--generate"]:
        child_generate(argv[1], int(argv[2]), int(argv[3]))
        return 0
    if argv[:1] == ["--documents-child"]:
        child_documents(argv[1], argv[2], argv[3], int(argv[4]))
        return 0
    if argv[:1] == ["--stage"]:
        child_stage(argv[1], argv[2])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--home", type=Path, help="a home whose marts are built (copied, not touched)")
    source.add_argument("--members", type=int, help="generate a mutuelle of this many members and build its marts")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, help="also write the result as Markdown to this file")
    parser.add_argument(
        "--employers", type=int, default=0, help="with --documents-only: the first N employers by SIRET (default all)"
    )
    parser.add_argument(
        "--documents-only",
        action="store_true",
        help="time only the employers' documents and PDFs (from the marts as dbt built them), the way before this "
        "change (sequential) and now (overlapped), in turn",
    )
    args = parser.parse_args(argv)
    if args.home is not None and not (args.home / "warehouse").is_dir():
        parser.error(f"{args.home}: no warehouse/ folder (a home whose marts are built is expected)")
    with tempfile.TemporaryDirectory(prefix="confiance-bench-pubscale-") as tmp:
        home = Path(tmp) / "home"
        if args.home is not None:
            shutil.copytree(args.home, home, symlinks=True)
            for stale in ("published", "run.lock", "run.holder"):
                target = home / stale
                if target.is_dir():
                    shutil.rmtree(target)
                elif target.exists():
                    target.unlink()
        else:
            build(args.members, args.seed, home)
        load_before = load_text(" / ", 2)
        if args.documents_only:
            runs = []
            for mode in ("sequential", "overlapped"):
                workdir = Path(tmp) / mode
                out = _child(["--documents-child", str(home), mode, str(workdir), str(args.employers)], home)
                runs.append(json.loads(out.strip().splitlines()[-1]))
                print(f"  {mode}: {runs[-1]['wall_s']} s", file=sys.stderr, flush=True)
            head = {
                "args": " ".join(argv),
                "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M"),
                "machine": describe_line(usable=True),
                "load_before": load_before,
                "load_after": load_text(" / ", 2),
            }
            text = render_documents(runs, head)
            print(text)
            if args.out is not None:
                args.out.write_text(text, encoding="utf-8")
            return 0
        out = json.loads(_child(["--publish-child", str(home)], home).strip().splitlines()[-1])
        run = {
            **out,
            "args": " ".join(argv),
            "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M"),
            "machine": describe_line(usable=True),
            "load_before": load_before,
            "load_after": load_text(" / ", 2),
        }
    text = render(run)
    print(text)
    if args.out is not None:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
