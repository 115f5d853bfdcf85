"""Fixtures of the vault tests live in vault_fixtures.py, importable by name from the test modules."""

from vault_fixtures import *  # noqa: F403
