"""Fixtures of the quality tests (the rows and tables they use are built in tests/quality/quality_fixtures.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from confiance.settings import Settings
from tests.quality.quality_fixtures import AS_OF, build_rows


@pytest.fixture(scope="session")
def quality_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One Confiance home (and one GX file context) shared by the unit tests: creating GX contexts is slow."""
    return tmp_path_factory.mktemp("quality_home")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """A fresh Confiance home per test (GX itself is imported once per session)."""
    home = tmp_path / "home"
    return Settings(home=home, key_file=tmp_path / "no.key", extra={"as_of": AS_OF.isoformat()})


@pytest.fixture
def rows() -> dict[str, list[dict]]:
    return build_rows()
