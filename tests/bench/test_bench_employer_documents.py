"""bench/bench_employer_documents.py on the session's demo release: same code path as the benchmark, small size."""

from __future__ import annotations

import re

from bench.bench_employer_documents import main


def test_rebuilds_every_published_employers_documents_and_counts_their_charts(demo_run, capsys):
    settings, _results = demo_run
    folders = [p for p in (settings.home / "published" / "employer").iterdir() if p.is_dir()]
    assert main(["--home", str(settings.home), "--passes", "1"]) == 0
    out = capsys.readouterr().out
    found = re.search(r"(\d+) employers, (\d+) charts \(FR and EN pages\): best of 1 passes ([\d.]+) s CPU", out)
    assert found, out
    assert int(found.group(1)) == len(folders) > 0
    charts_published = sum(
        p.read_text(encoding="utf-8").count('<svg class="chart"') for p in folders[0].parent.glob("*/*.html")
    )
    assert int(found.group(2)) == charts_published > 0  # rebuilt from the Parquet: the same charts as published
    assert "load average before" in out and "code:" in out


def test_a_home_without_a_release_is_a_clear_error(tmp_path, capsys):
    assert main(["--home", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "no published employer folder" in err and "Traceback" not in err
