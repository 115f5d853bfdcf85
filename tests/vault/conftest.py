"""Fixtures of the vault tests (the feed builders they use live in tests/vault/vault_fixtures.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from confiance.settings import Settings
from tests.vault.vault_fixtures import fresh_settings, make_feeds, write_feeds


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """Fresh data directory and a fresh master key (in the environment) for one test."""
    return fresh_settings(tmp_path, monkeypatch)


@pytest.fixture
def feeds() -> dict[str, list[dict]]:
    return make_feeds()


@pytest.fixture
def landed(settings: Settings, feeds: dict[str, list[dict]]):
    from vault.landing import land_inbox

    write_feeds(settings.inbox, feeds)
    return land_inbox(settings)


@pytest.fixture(scope="session")
def dpo_base_home(tmp_path_factory):
    """One small generated and landed home for the DPO request, erasure and purge tests (built once)."""
    from tests.vault.dpo_support import shared_home

    return shared_home(tmp_path_factory)


@pytest.fixture
def dpo_home(dpo_base_home, tmp_path, monkeypatch):
    """A private copy of the DPO home, with the key and the trusted third party as actor."""
    from tests.vault.dpo_support import KEY, copy_home

    monkeypatch.setenv("CONFIANCE_MASTER_KEY", KEY)
    monkeypatch.setenv("CONFIANCE_ACTOR", "tiers-de-confiance")
    settings = copy_home(dpo_base_home, tmp_path)
    monkeypatch.setenv("CONFIANCE_HOME", str(settings.home))
    return settings
