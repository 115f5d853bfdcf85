"""The Data Docs benchmark's code path, scaled down (correctness, not time).

``bench/bench_data_docs.py`` validates a small mutuelle's raw feeds, copies the stored results as if many daily
runs had been kept, and builds the Data Docs whole and from the last run's results only. Here: a few copies; a
whole build writes a page for every stored result, the stage's build only the last run's pages, the suites' and
the index.
"""

from __future__ import annotations

import json

from bench import bench_data_docs


def test_a_stage_build_writes_its_own_pages_and_a_whole_build_every_page(tmp_path, bench_env):
    out = tmp_path / "docs.md"
    assert bench_data_docs.main(["--members", "40", "--runs", "4", "--repeat", "1", "--out", str(out)]) == 0
    data = json.loads(out.with_suffix(".json").read_text())
    assert data["stored_results"] == 3 * 5  # three raw feeds, the run and its four copies
    runs = {r["mode"]: r for r in data["runs"][1:]}
    # whole: a page per stored result, the three suites, the index
    assert runs["whole"]["pages"] == 15 + 3 + 1
    # the stage's build: the run's three result pages, the three suites and the index
    assert runs["stage's results"]["pages"] == 3 + 3 + 1
    assert "| stage's results |" in out.read_text()
