"""Fixtures of the vault tests live in vault_fixtures.py, importable by name from the test modules."""

import pytest
from vault_fixtures import *  # noqa: F403


@pytest.fixture(scope="session")
def dpo_base_home(tmp_path_factory):
    """One small generated and landed home for the DPO request, erasure and purge tests (built once)."""
    from dpo_support import shared_home

    return shared_home(tmp_path_factory)


@pytest.fixture
def dpo_home(dpo_base_home, tmp_path, monkeypatch):
    """A private copy of the DPO home, with the key and the trusted third party as actor."""
    from dpo_support import KEY, copy_home

    monkeypatch.setenv("CONFIANCE_MASTER_KEY", KEY)
    monkeypatch.setenv("CONFIANCE_ACTOR", "tiers-de-confiance")
    settings = copy_home(dpo_base_home, tmp_path)
    monkeypatch.setenv("CONFIANCE_HOME", str(settings.home))
    return settings
