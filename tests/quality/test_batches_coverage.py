"""The coverage a stored feed check records decides which rows the next check may skip: anything not understood
must mean "nothing covered" (a whole check), never a crash of the quality stage nor a skipped row."""

from __future__ import annotations

import json

import pytest

from quality import results
from quality.batches import last_coverage

GOOD = {"fingerprint": "f1", "as_of": "2026-01-01", "files": [["1", "abc"], ["2", None]]}


def _store(quality_dir, *summaries):
    folder = quality_dir / results.RESULTS / "raw_members"
    folder.mkdir(parents=True)
    for i, summary in enumerate(summaries):
        body = {"dataset": "raw_members", "run_time": f"2026-01-0{i + 1}T00:00:00", "run_id": str(i), **summary}
        (folder / f"{i}.json").write_text(json.dumps(body), encoding="utf-8")


def test_the_latest_check_without_a_blocking_failure_gives_the_coverage(tmp_path):
    _store(tmp_path, {"blocking": [], "coverage": GOOD}, {"blocking": ["a failure"], "coverage": None})
    coverage = last_coverage(tmp_path, "raw_members")
    assert coverage is not None
    assert (coverage.fingerprint, coverage.as_of) == ("f1", "2026-01-01")


@pytest.mark.parametrize(
    "stored",
    [
        None,
        {"fingerprint": "f1", "as_of": "2026-01-01", "files": ["1", "2"]},  # an earlier shape: ids only
        {"fingerprint": "f1", "files": [["1", "abc"]]},  # a key missing
        "covered",
    ],
)
def test_a_coverage_not_understood_means_a_whole_check(tmp_path, stored):
    _store(tmp_path, {"blocking": [], "coverage": GOOD}, {"blocking": [], "coverage": stored})
    assert last_coverage(tmp_path, "raw_members") is None
