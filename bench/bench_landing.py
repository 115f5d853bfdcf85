"""Bulk affiliation benchmark: one members file of millions of new members landed in the vault.

For each size N (default 1 million and 3 million members):

1. the synthetic generator writes a members CSV of N members into a temporary inbox
   (``benefits_per_member=0``; the contracts and benefits files are deleted, only the members file
   is landed), with a small share of defective rows (``--defect-rate``) so that the quarantine path
   is exercised too;
2. a child process lands it through the real ``vault.landing.land_inbox(settings, progress=True)``,
   with a throwaway master key in ``CONFIANCE_MASTER_KEY`` and a temporary data directory; the parent
   takes the child's wall time, CPU time and peak RSS from ``os.wait4`` (the kernel's ``ru_maxrss``),
   samples its RSS every 0.2 s to see which landing step peaks, and captures its stderr (the step
   lines: the progress display) and stdout (which must carry the result only: no progress bar);
3. another child reads the ledger back: rows read = landed + quarantined, exactly N read, and the
   vault's ``raw.members`` / ``meta.quarantine`` row counts agree with the ledger;
4. a second landing of the same file shows the cost of the idempotent no-op (checksum, skip);
5. no spill file is left in the vault's temporary folder.

A file over 1 GB (issue 12; about 5.6 million members), one at a time on a shared machine:
``nice -n 10 .venv/bin/python bench/bench_landing.py 5600000 --memory-limit 1GB --out landing_1gb.md``
(writes bench/results/landing_1gb.md). The test suite runs :func:`one_size` itself on a small file with a
tiny memory limit, so that the same code path spills (``tests/vault/test_landing_bench_path.py``).

DuckDB's memory limit is the vault's own (``vault/db.py``: ``CONFIANCE_VAULT_MEMORY_LIMIT``, default 2GB),
unless ``--memory-limit`` sets that variable for the children. Run:
``.venv/bin/python bench/bench_landing.py [N ...] [--defect-rate R] [--memory-limit 2GB] [--out F]``.
Writes bench/results/landing.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench._machine import describe_line, load_text, usable_cores

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MARK = "BENCH-RESULT "
CORES = usable_cores()
AS_OF = "2025-06-30"


def machine() -> str:
    import duckdb

    return f"{describe_line(usable=True)}, Python {platform.python_version()}, DuckDB {duckdb.__version__}"


def load() -> str:
    return load_text("/", 1)


# --- children -------------------------------------------------------------------------


def child_land(home: str) -> None:
    from confiance.settings import get_settings
    from vault.landing import land_inbox

    results = land_inbox(get_settings(home), progress=True)
    print(MARK + json.dumps(results), flush=True)


def child_verify(home: str) -> None:
    from confiance.settings import get_settings
    from vault.db import vault_connection
    from vault.landing import ledger

    settings = get_settings(home)
    rows = ledger(settings)
    with vault_connection(settings, read_only=True) as con:
        raw = con.execute("SELECT _file_id, count(*) FROM raw.members GROUP BY ALL").fetchall()
        quar = con.execute("SELECT file_id, count(*) FROM meta.quarantine GROUP BY ALL").fetchall()
        ids = con.execute("SELECT count(*) FROM meta.identity_map").fetchone()[0]
        limit, threads = con.execute("SELECT current_setting('memory_limit'), current_setting('threads')").fetchone()
    out = {
        "ledger": [{k: (v if isinstance(v, (int, str, type(None))) else str(v)) for k, v in r.items()} for r in rows],
        "raw": dict(raw),
        "quarantine": dict(quar),
        "identity_map": ids,
        "memory_limit": limit,
        "threads": threads,
    }
    print(MARK + json.dumps(out), flush=True)


# --- parent ---------------------------------------------------------------------------


class Run:
    """One child process: wall, CPU, peak RSS (ru_maxrss), RSS samples, captured output."""

    def __init__(self, mode: str, home: Path, env: dict[str, str], workdir: Path, tag: str) -> None:
        self.out_path, self.err_path = workdir / f"{tag}.stdout", workdir / f"{tag}.stderr"
        self.samples: list[tuple[float, int]] = []
        self.steps: list[tuple[float, str]] = []
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, str(home)]
        t0 = time.perf_counter()
        with open(self.out_path, "wb") as out:
            proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.PIPE, env=env, cwd=ROOT)
            stop = threading.Event()
            sampler = threading.Thread(target=self._sample, args=(proc.pid, t0, stop), daemon=True)
            sampler.start()
            err_lines: list[str] = []
            assert proc.stderr is not None
            for raw in proc.stderr:  # the step lines, as they come
                line = raw.decode("utf-8", "replace").rstrip("\n")
                err_lines.append(line)
                self.steps.append((time.perf_counter() - t0, line))
            _, status, ru = os.wait4(proc.pid, 0)
            self.wall = time.perf_counter() - t0
            proc.returncode = os.waitstatus_to_exitcode(status)
            stop.set()
            sampler.join()
        self.err_path.write_text("\n".join(err_lines) + "\n", encoding="utf-8")
        self.cpu = ru.ru_utime + ru.ru_stime
        self.peak_rss_mb = ru.ru_maxrss / 1024  # kilobytes on Linux
        self.stdout = self.out_path.read_bytes().decode("utf-8", "replace")
        if proc.returncode != 0:
            raise SystemExit(
                f"child {mode} failed ({proc.returncode}); see {self.err_path}\n" + "\n".join(err_lines[-15:])
            )
        marked = [x for x in self.stdout.splitlines() if x.startswith(MARK)]
        self.result = json.loads(marked[-1][len(MARK) :])
        # DuckDB's progress bar (printed on the child's stdout, redrawn with carriage returns)
        self.bar_updates = sum(
            chunk.count("%") for chunk in self.stdout.replace(MARK, "").split("\r") if "▕" in chunk or "[" in chunk
        )
        self.bars_finished = self.stdout.count("100%")

    def _sample(self, pid: int, t0: float, stop: threading.Event) -> None:
        status = Path(f"/proc/{pid}/status")
        while not stop.is_set():
            try:
                for line in status.read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        self.samples.append((time.perf_counter() - t0, int(line.split()[1])))
                        break
            except (OSError, ValueError):
                pass
            stop.wait(0.2)

    def peak_step(self) -> str:
        """The landing step during which the sampled RSS peaked."""
        if not self.samples:
            return "-"
        t, _ = max(self.samples, key=lambda s: s[1])
        current = "start-up"
        for ts, line in self.steps:
            if ts <= t:
                current = (
                    "validating, inserting, committing"
                    if "rows read" in line
                    else "after commit"
                    if "landed," in line
                    else "reading the CSV into staging"
                )
        return current


def one_size(n: int, defect_rate: float, workdir: Path, env: dict[str, str]) -> dict:
    from confiance.synthetic import generate_with_counts

    home = workdir / f"home_{n}"
    shutil.rmtree(home, ignore_errors=True)
    print(f"\n== {n:,} members: generating ...", flush=True)
    t0 = time.perf_counter()
    paths, counts = generate_with_counts(
        home / "inbox", n, seed=7, as_of=AS_OF, benefits_per_member=0, defect_rate=defect_rate, fmt="csv"
    )
    gen_s = time.perf_counter() - t0
    for feed in ("contracts", "benefits"):
        paths[feed].unlink()
    members = paths["members"]
    assert counts["members"] == n, counts
    size_mb = members.stat().st_size / 1e6
    print(f"   {members.name}: {size_mb:,.0f} MB in {gen_s:.0f}s; landing (load {load()}) ...", flush=True)

    load_before = load()
    first = Run("land", home, env, workdir, f"land1_{n}")
    load_after = load()
    res = first.result
    assert len(res) == 1 and res[0]["status"] == "landed", res
    r = res[0]
    print(
        f"   landed {r['rows_landed']:,}, quarantined {r['rows_quarantined']:,} in {first.wall:.1f}s wall, "
        f"{first.cpu:.1f}s CPU, peak RSS {first.peak_rss_mb:,.0f} MB",
        flush=True,
    )
    verify = Run("verify", home, env, workdir, f"verify_{n}").result
    second = Run("land", home, env, workdir, f"land2_{n}")
    again = second.result
    print(
        f"   second landing: {again[0]['status']} in {second.wall:.1f}s, peak RSS {second.peak_rss_mb:,.0f} MB",
        flush=True,
    )

    led = [x for x in verify["ledger"] if x["file"] == members.name]
    fid = led[0]["file_id"]
    checks = {
        "exactly N read": r["rows_read"] == n and led[0]["rows_read"] == n,
        "read = landed + quarantined": led[0]["rows_read"] == led[0]["rows_landed"] + led[0]["rows_quarantined"],
        "raw.members rows = landed": verify["raw"].get(str(fid), 0) == r["rows_landed"],
        "meta.quarantine rows = quarantined": verify["quarantine"].get(str(fid), 0) == r["rows_quarantined"],
        "identity_map = landed (new members, distinct ids)": verify["identity_map"] == r["rows_landed"],
        "one ledger row for the file": len(led) == 1,
        "second landing skipped, nothing changed": again[0]["status"] == "skipped" and again[0]["rows_read"] == 0,
        "progress on stderr (step lines)": sum("rows read" in s or "landed," in s for _, s in first.steps) >= 2,
        "stdout carries the result only (no progress bar)": first.bars_finished == 0
        and all(line.startswith(MARK) for line in first.stdout.splitlines() if line.strip()),
        "defective rows quarantined": (r["rows_quarantined"] > 0) == (defect_rate * n >= 10),
        "no spill file left in vault/tmp": not any(p.is_file() for p in (home / "vault" / "tmp").rglob("*")),
    }
    for k, ok in checks.items():
        print(f"   {'ok ' if ok else 'FAIL'} {k}", flush=True)
    vault_mb = sum(p.stat().st_size for p in (home / "vault").glob("vault.duckdb*")) / 1e6
    out = {
        "n": n,
        "size_mb": size_mb,
        "gen_s": gen_s,
        "first": first,
        "second": second,
        "result": r,
        "verify": verify,
        "checks": checks,
        "load_before": load_before,
        "load_after": load_after,
        "vault_mb": vault_mb,
    }
    shutil.rmtree(home, ignore_errors=True)
    return out


def report(runs: list[dict], defect_rate: float, load_start: str, load_end: str, limit_env: str) -> str:
    rows = []
    for x in runs:
        f, s, r = x["first"], x["second"], x["result"]
        rows.append(
            f"| {x['n']:,} | {x['size_mb']:,.0f} | {r['rows_read']:,} | {r['rows_landed']:,} | "
            f"{r['rows_quarantined']:,} | {f.wall:.1f} | {f.cpu:.1f} | {x['n'] / f.wall:,.0f} | "
            f"{x['n'] / f.cpu:,.0f} | **{f.peak_rss_mb:,.0f}** | {f.peak_step()} | {x['vault_mb']:,.0f} | "
            f"{s.wall:.1f} / {s.peak_rss_mb:,.0f} | {x['load_before']} → {x['load_after']} |"
        )
    checks = []
    for x in runs:
        bad = [k for k, ok in x["checks"].items() if not ok]
        checks.append(
            f"- {x['n']:,} members: "
            + ("all checks pass (" + "; ".join(x["checks"]) + ")" if not bad else "**FAILED: " + "; ".join(bad) + "**")
        )
    peaks = [x["first"].peak_rss_mb for x in runs]
    ns = [x["n"] for x in runs]
    growth = (peaks[-1] / peaks[0]) if len(runs) > 1 else 1.0
    scale = (ns[-1] / ns[0]) if len(runs) > 1 else 1.0
    grew = f"peak RSS grew {growth:.2f}x while N grew {scale:.1f}x"
    verdict = f"bounded: {grew}" if growth < 0.5 * scale + 0.5 else f"NOT clearly bounded: {grew}"
    if len(runs) == 1:
        verdict = (
            f"one size: peak RSS {peaks[0]:,.0f} MB for a {runs[0]['size_mb']:,.0f} MB file "
            f"(memory_limit {runs[0]['verify']['memory_limit']})"
        )
    x0 = runs[0]
    sample = x0["first"]
    bars = sum(1 for _, line in sample.steps if "▕" in line)  # DuckDB's progress bars (stderr), not reproduced
    stderr_lines = "\n".join(f"    {line}" for _, line in sample.steps if "▕" not in line and line.strip())
    stderr_lines += f"\n    (and {bars} lines of DuckDB progress bars)" if bars else ""
    return f"""# Landing benchmark: bulk affiliation

Machine: {machine()}
Load average (1/5/15 min) at start: {load_start}; at end: {load_end} (the machine may be shared:
wall times move with the load, CPU times much less).

DuckDB in the vault session: memory_limit `{x0["verify"]["memory_limit"]}` (from `vault/db.py`:
`CONFIANCE_VAULT_MEMORY_LIMIT` {"= " + limit_env if limit_env else "unset, default 2GB"}), threads
{x0["verify"]["threads"]}, encrypted temporary files in the vault folder beyond the limit.

Input: one `members_{AS_OF.replace("-", "")}.csv` (`;`, UTF-8, 17 columns, synthetic generator, seed 7) of N new
members, defect rate {defect_rate} (wrong NIR key, bad date, missing required value → quarantine). Each
landing runs in a child process through `vault.landing.land_inbox(settings, progress=True)` with a throwaway
master key; wall, CPU (user + system) and peak RSS (`ru_maxrss`) come from `os.wait4` on that child.
"Peak during" is the landing step under way when the sampled RSS (every 0.2 s) was highest.

| members | file MB | rows read | landed | quarantined | wall s | CPU s | rows/s (wall) | rows/CPU-s \
| peak RSS MB | peak during | vault MB | 2nd landing (no-op) s / RSS MB | load before → after |
| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- | --- |
{chr(10).join(rows)}

Memory: **{verdict}**.

Checks (ledger read back from the vault in another process):
{chr(10).join(checks)}

Progress display ({x0["n"]:,} members): step lines on stderr; stdout carries the result only
({sample.bars_finished} DuckDB progress bars, {sample.bar_updates} redraws). The stderr lines:

{stderr_lines}

Run again: `.venv/bin/python bench/bench_landing.py [N ...] [--defect-rate R] [--memory-limit 2GB]`.
"""


def main(
    sizes: list[int], defect_rate: float, memory_limit: str | None, workdir: str | None, out_name: str = "landing.md"
) -> str:
    load_start = load()
    print(f"machine: {machine()}\nload at start: {load_start}", flush=True)
    base = Path(tempfile.mkdtemp(prefix="bench-landing-", dir=workdir))
    env = dict(os.environ)
    env["CONFIANCE_MASTER_KEY"] = secrets.token_hex(32)  # throwaway; dies with the temp directory
    env.pop("CONFIANCE_KEY_FILE", None)
    env["CONFIANCE_ACTOR"] = "bench@confiance"
    if memory_limit:
        env["CONFIANCE_VAULT_MEMORY_LIMIT"] = memory_limit
    limit_env = env.get("CONFIANCE_VAULT_MEMORY_LIMIT", "")
    try:
        runs = [one_size(n, defect_rate, base, env) for n in sizes]
    finally:
        shutil.rmtree(base, ignore_errors=True)
    text = report(runs, defect_rate, load_start, load(), limit_env)
    out = ROOT / "bench" / "results" / out_name
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    return text


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        {"land": child_land, "verify": child_verify}[sys.argv[2]](sys.argv[3])
        sys.exit(0)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000_000, 3_000_000], help="members per file")
    parser.add_argument("--defect-rate", type=float, default=0.001, help="share of defective rows (default 0.001)")
    parser.add_argument(
        "--memory-limit",
        default=None,
        help="sets CONFIANCE_VAULT_MEMORY_LIMIT for the children (default: the vault's own)",
    )
    parser.add_argument("--workdir", default=None, help="where the temporary data directories go (default /tmp)")
    parser.add_argument("--out", default="landing.md", help="file name under bench/results (default landing.md)")
    a = parser.parse_args()
    print(main(a.sizes, a.defect_rate, a.memory_limit, a.workdir, a.out))
