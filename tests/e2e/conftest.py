"""Fixtures of the end-to-end tests."""

from __future__ import annotations

import shutil

import pytest

from confiance.settings import Settings
from tests.e2e.kill_support import DEMO_KEY


@pytest.fixture
def home(demo_run, tmp_path, monkeypatch) -> Settings:
    """A private copy of the demo run's data directory (the session's copy must stay untouched)."""
    demo, _ = demo_run
    shutil.copytree(demo.home, tmp_path / "var", symlinks=True)
    monkeypatch.setenv("CONFIANCE_MASTER_KEY", DEMO_KEY)
    monkeypatch.setenv("CONFIANCE_HOME", str(tmp_path / "var"))
    monkeypatch.setenv("CONFIANCE_ACTOR", "test-runner")
    monkeypatch.delenv("CONFIANCE_RUN_LOCK_TIMEOUT", raising=False)
    return Settings(home=tmp_path / "var", key_file=tmp_path / "absent.key")
