"""Fixtures of the quality tests live in quality_fixtures.py, importable by name from the test modules."""

from quality_fixtures import *  # noqa: F403
