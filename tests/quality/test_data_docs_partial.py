"""Data Docs built from what a stage stored, not from every run ever kept (issue 16's daily run).

Through the real vault and Great Expectations: each quality stage renders the pages of the results it has just
stored, every suite and the index; pages of earlier runs are left as they were; a page lost (a stage killed between
storing its result and building the page) comes back at the next stage; a site without its index is built whole.
Every page stays offline (no CDN, no request to GX's servers)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from confiance.pipeline_inputs import validate_feeds
from confiance.settings import Settings
from quality.engine import build_data_docs
from tests.vault.vault_fixtures import fresh_settings, make_feeds, write_feeds
from vault.landing import land_inbox

_EXTERNAL = re.compile(r"""(?:src|href)=["']https?://""", re.IGNORECASE)
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")  # GX element ids, random


@pytest.fixture
def settings(tmp_path, monkeypatch) -> Settings:
    return fresh_settings(tmp_path, monkeypatch)


def _docs(settings: Settings) -> Path:
    return settings.quality_dir / "data_docs"


def _run_pages(settings: Settings, run_id: str) -> dict[Path, float]:
    """The validation pages of one run, with their modification times."""
    return {p: p.stat().st_mtime_ns for p in (_docs(settings) / "validations").rglob("*.html") if run_id in p.parts}


def _pages(settings: Settings) -> dict[Path, str]:
    return {
        p.relative_to(_docs(settings)): _UUID.sub("<id>", p.read_text(encoding="utf-8"))
        for p in _docs(settings).rglob("*.html")
    }


def _day(settings: Settings, feeds: dict, day: int) -> None:
    line = {**feeds["benefits"][day], "benefit_id": f"P9{day:011d}", "care_date": "2024-06-03"}
    write_feeds(settings.inbox, {"benefits": [line | {"payment_date": "2024-06-08"}]}, suffix=f"2024-06-{day:02d}")
    land_inbox(settings)


def test_each_stage_renders_its_own_pages_and_leaves_earlier_ones(settings):
    feeds = make_feeds(30, 2, seed=11)
    write_feeds(settings.inbox, feeds)
    land_inbox(settings)
    validate_feeds(settings, "day0")
    first = _run_pages(settings, "day0")
    assert len(first) == 3  # members, contracts, benefits

    _day(settings, feeds, 1)
    validate_feeds(settings, "day1")
    assert _run_pages(settings, "day0") == first  # not rendered again
    second = _run_pages(settings, "day1")
    assert len(second) == 3
    index = (_docs(settings) / "index.html").read_text(encoding="utf-8")
    assert "day0" in index and "day1" in index  # the index lists every stored run
    for page in [*second, _docs(settings) / "index.html"]:
        assert not _EXTERNAL.search(page.read_text(encoding="utf-8")), page

    # a page lost between storing a result and building it comes back with the next stage
    lost = sorted(first)[0]
    lost.unlink()
    _day(settings, feeds, 2)
    validate_feeds(settings, "day2")
    assert lost.exists()
    assert not _EXTERNAL.search(lost.read_text(encoding="utf-8"))
    assert len(_run_pages(settings, "day2")) == 3


def test_a_partial_build_renders_the_same_pages_as_a_whole_one(settings):
    feeds = make_feeds(30, 2, seed=12)
    write_feeds(settings.inbox, feeds)
    land_inbox(settings)
    validate_feeds(settings, "day0")
    _day(settings, feeds, 1)
    validate_feeds(settings, "day1")
    partial = _pages(settings)

    # a site without its index (new installation, folder removed) is built whole, every stored run included
    shutil.rmtree(_docs(settings))
    build_data_docs(settings.quality_dir, new_results=[])
    whole = _pages(settings)
    assert set(whole) == set(partial)
    assert len([p for p in whole if p.parts[0] == "validations"]) == 6
    for page in whole:
        assert whole[page] == partial[page], page
