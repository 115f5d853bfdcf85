"""Shared set-up of the benchmarks' scaled-down tests: the bench scripts importable, a throwaway key."""

from __future__ import annotations

import secrets

import pytest


@pytest.fixture()
def bench_env(monkeypatch):
    """A throwaway master key in the environment (the bench's children inherit it), no key file."""
    monkeypatch.setenv("CONFIANCE_MASTER_KEY", secrets.token_hex(32))
    monkeypatch.delenv("CONFIANCE_KEY_FILE", raising=False)
