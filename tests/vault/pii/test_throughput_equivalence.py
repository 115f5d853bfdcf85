"""The name detector's fast paths answer exactly what their plain definitions answer.

Speed work on ``vault.pii.names`` replaced per-character Python calls and whole-window regex searches by C-level
counts and exact pre-tests; these tests pin each fast path to the plain definition it replaced, on edge cases
(accents, characters beyond latin-1, emojis, lone surrogates, line breaks) and on random text.
"""

from __future__ import annotations

import random

import pytest

from vault.pii.names import shouting


def _plain_shouting(text: str) -> bool:
    """Written (mostly) in capitals: at least 80 % of its letters (12 letters at least) are upper case."""
    letters = sum(1 for c in text if c.isalpha())
    upper = sum(1 for c in text if c.isupper())
    return letters >= 12 and upper / letters >= 0.8


@pytest.mark.parametrize(
    "text",
    [
        "MME DURAND APPELLE POUR SON REMBOURSEMENT",
        "Mme Durand appelle pour son remboursement",
        "ÉLÉONORE ÇA VA ÊTRE REMBOURSÉ",
        "ŒUVRE SOCIALE DE LA MUTUELLE, L’ADHÉRENT",  # Œ and ’ are beyond latin-1
        "DOSSIER ǅOKIĆ 😀😀 TRAITÉ PAR LE SERVICE",  # a title-case letter, emojis
        "ABCDEFGHIJK",  # 11 letters: too short to shout
        "ABCDEFGHIJKL",
        "ABCDEFGHIJKLmno",  # exactly 80 %
        "ABCDEFGHIJKmnop",
        "PAS DE RÉPONSE\nRAPPELER\r\nLE 12/03",
        "ΣΩΚΡΑΤΗΣ ΚΑΙ ΠΛΑΤΩΝ ΜΑΘΗΤΕΣ",  # Greek capitals
        "",
    ],
)
def test_shouting_matches_its_definition(text: str) -> None:
    assert shouting(text) is _plain_shouting(text)


def test_shouting_matches_its_definition_on_random_text() -> None:
    rng = random.Random(20261127)
    alphabets = [
        [chr(c) for c in range(0x20, 0x100)],  # latin-1
        [chr(c) for c in range(0x41, 0x5B)] * 4,  # many capitals, so that both answers occur
        [chr(rng.randrange(0x100, 0x30000)) for _ in range(400)],  # beyond latin-1, surrogates included
    ]
    answers = set()
    for _ in range(3000):
        size = rng.randrange(0, 120)
        text = "".join(rng.choice(rng.choice(alphabets)) for _ in range(size))
        expected = _plain_shouting(text)
        answers.add(expected)
        assert shouting(text) is expected, repr(text)
    assert answers == {True, False}


def test_birth_gates_answer_each_text_whatever_was_asked_before() -> None:
    """The two date-of-birth recognizers share the answer for a garbled birth label of the last text asked: a
    text asked after another (equal or not, in any order) gets its own answer."""
    from vault.pii.recognizers import longest_digit_run
    from vault.pii.scrubber import _recognizers

    regex, _ner = _recognizers()
    births = [r for r in regex if r.name in ("FrDate_Of_Birth", "FrBirthYear")]
    assert len(births) == 2
    garbled = "Date de na1ssance : 12/03/1984, dossier 4471"  # an OCR'd label, no plain birth word
    plain = "Rendez-vous le 12/03/2024 a 10h, dossier 4471"
    assert births[0].find(garbled) and not births[0].find(plain)
    texts = [garbled, plain, plain, garbled, "".join(garbled), garbled.lower(), plain.lower()]
    for first, second in ((births[0], births[1]), (births[1], births[0])):
        for text in texts:
            lowered = text.lower()
            run = longest_digit_run(text)
            expected = "1ssance" in lowered
            assert first.may_match(lowered, run) is expected, text
            assert second.may_match(lowered, run) is expected, text


# --- fold: latin-1 on bytes, the rest through the dict table ---------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from vault.pii.lexicon import _FOLD_TABLE, fold, fold_cached  # noqa: E402


def _plain_fold(text: str) -> str:
    """The definition ``fold`` replaced (the oracle): one ``str.translate`` through the dict table."""
    return text.translate(_FOLD_TABLE)


#: Characters drawn from where the table acts or stops: ASCII, latin-1, the table's own keys beyond latin-1
#: (Œ, ł, ’, the Latin Extended blocks), the next code points, surrogates and emojis.
_FOLD_CHARS = st.one_of(
    st.characters(min_codepoint=0, max_codepoint=0xFF),
    st.sampled_from(sorted(chr(c) for c in _FOLD_TABLE)),
    st.characters(min_codepoint=0x100, max_codepoint=0x2FF),
    st.characters(min_codepoint=0x1DF0, max_codepoint=0x2030, exclude_categories=()),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, exclude_categories=()),  # lone surrogates
    st.characters(exclude_categories=()),  # anything
)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Mme DURAND",
        "Élodie N’Diaye, ŒUVRE d’ŁÓDŹ",
        "ß×÷ÆæÐðÞþÿŸ\u00a0\xad",  # latin-1 characters the table leaves alone, and Ÿ beyond it
        "’’’",
        "a’",
        "’a",
        "Ǆ 😀 \ud800 ṩ",
        "\x00\x7f\x80\xff",
    ],
)
def test_fold_matches_its_definition(text: str) -> None:
    assert fold(text) == _plain_fold(text)
    assert fold_cached(text) == _plain_fold(text)


@settings(max_examples=3000, deadline=None)
@given(st.text(_FOLD_CHARS, max_size=40))
def test_fold_matches_its_definition_on_random_unicode(text: str) -> None:
    folded = fold(text)
    assert folded == _plain_fold(text)
    assert len(folded) == len(text)
    assert type(folded) is str


def test_fold_of_a_bad_table_would_be_caught() -> None:
    """The oracle is not the function under test: the two differ where the table is not applied."""
    assert _plain_fold("É’Œ") == "e'œ" and fold("É’Œ") == "e'œ"
    assert fold("É’Œ") != "É’Œ".lower()
