"""One analyzer (and one spaCy model load) per test session."""

from __future__ import annotations

import pytest

from vault.pii.analyzer import get_analyzer


@pytest.fixture(scope="session")
def analyzer():
    return get_analyzer()


@pytest.fixture(scope="session")
def detect(analyzer):
    """detect(text) -> list of (entity_type, matched text), via the batch path."""
    from vault.pii.scrubber import analyze_texts

    def _detect(text: str, known_names=None):
        spans = analyze_texts([text], None if known_names is None else [known_names])[0]
        return [(s.entity_type, text[s.start : s.end]) for s in spans]

    return _detect
