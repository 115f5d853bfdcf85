"""The name detector's fast paths answer exactly what their plain definitions answer.

Speed work on ``vault.pii.names`` replaced per-character Python calls and whole-window regex searches by C-level
counts and exact pre-tests; these tests pin each fast path to the plain definition it replaced, on edge cases
(accents, characters beyond latin-1, emojis, lone surrogates, line breaks) and on random text.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

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


# --- tokenize: one look-up per word as written -------------------------------------------------------------------

from vault.pii.lexicon import NameLexicon, Vocabulary, name_lexicon, vocabulary  # noqa: E402
from vault.pii.names import (  # noqa: E402
    _KEEP_LOWER,
    _LOWER_COMPOUND,
    _TYPO_CACHE,
    _WORD,
    _WORD_CACHE,
    GIVEN_NAME_WORDS,
    PARTICLES,
    TITLES,
    Token,
    _compound_noun,
    _in_email,
    _lookup,
    _sentence_start,
    tokenize,
    typo_of_common_word,
)

_PLAIN_ORDINARY: set[str] = set()


def _plain_tokenize(
    text: str,
    folded: str,
    member_spans: Sequence[tuple[int, int]] = (),
    lexicon: NameLexicon | None = None,
    vocab: Vocabulary | None = None,
) -> list[Token]:
    """``tokenize`` as it was before its per-word classes (the oracle), verbatim."""
    lexicon = lexicon or name_lexicon()
    vocab = vocab or vocabulary()
    cache = _WORD_CACHE
    if len(cache) > 200_000:  # bounded: the caches hold words of the texts, names included, in memory only
        cache.clear()
    if len(_TYPO_CACHE) > 200_000:
        _TYPO_CACHE.clear()
    ordinary = _PLAIN_ORDINARY
    if len(ordinary) > 200_000:
        ordinary.clear()
    tokens: list[Token] = []
    n = len(text)
    keep_lower = _KEEP_LOWER
    has_at = "@" in text
    for m in _WORD.finditer(text):
        if not member_spans and m.group(0) in ordinary:
            continue
        start, end = m.span()
        f = folded[start:end]
        found = cache.get(f)
        if found is None:
            found = cache[f] = _lookup(f, lexicon, vocab)
        lex, given, is_common = found
        if not lex and not is_common and len(f) >= 5 and text[start].isupper():
            typo = _TYPO_CACHE.get(f)
            if typo is None:
                typo = _TYPO_CACHE[f] = typo_of_common_word(f)
            is_common = typo  # "Monsiieur", "Cordialeemnt", "Meerci": a slip, not a name
        if given and is_common and f not in GIVEN_NAME_WORDS and f not in vocab.stop:
            # common only through a verb form that folding created ("peter" is not "péter", "elie" not "élie")
            is_common = m.group(0).lower() in vocab.verbal_raw
        cased = text[start].isupper()
        if not cased and not lex and is_common and f not in keep_lower and end - start > 1:
            if not member_spans:
                ordinary.add(m.group(0))
                continue  # an ordinary lower-case word: it only separates names
            if not any(s <= start and end <= e for s, e in member_spans):
                continue
        if (end < n and text[end].isdigit()) or (start > 0 and text[start - 1].isdigit()):
            continue
        if has_at and _in_email(text, start, end):
            continue  # "chantal" in "chantal.voisin@laposte.net": the e-mail's, whole
        word = m.group(0)
        if not lex and not is_common and f[-1] in "sx" and len(f) > 3 and f[:-1] in vocab.nominal:
            is_common = True  # a plural: "Tilleuls", "Chênes"
        member = bool(member_spans) and any(s <= start and end <= e for s, e in member_spans)
        initial = end - start == 1 and end < n and text[end] == "."
        if initial and start >= 2 and text[start - 1] in " /" and text[start - 2].isdigit():
            continue  # a unit or a reference's letter after a number: "21 h.", "60/91083/A."
        if "-" in word and cased and not member and _LOWER_COMPOUND.search(word) and _compound_noun(f, lexicon):
            lex, given, is_common = False, False, True  # "Martin-pêcheur": a compound noun, not a double name
        upper = cased and end - start >= 2 and word.isupper()
        if upper and end - start <= 3 and not member:
            # short upper-case words are acronyms (RAS, DSN, AMK) unless a lexicon name (RAO, THI): then weak
            given, is_common = False, True
        particle = f in PARTICLES or f in ("d'", "l'")
        if not (cased or lex or member or initial or particle or f in TITLES or (not is_common and end - start >= 3)):
            continue
        tokens.append(
            Token(
                start,
                end + (1 if initial else 0),
                word,
                f,
                cased,
                upper,
                _sentence_start(text, start),
                lex or member,
                given,
                is_common,
                member,
                initial,
                particle,
            )  # fmt: skip
        )
    return tokens


def _described(tokens: list[Token]) -> list[tuple]:
    return [tuple(getattr(t, slot) for slot in Token.__slots__) for t in tokens]


def _member_spans(text: str, rng: random.Random) -> list[tuple[int, int]]:
    """A few spans of whole words or of arbitrary characters, as a member's names would cover."""
    words = [m.span() for m in _WORD.finditer(text)]
    spans = [w for w in words if rng.random() < 0.3]
    if text and rng.random() < 0.5:
        a = rng.randrange(len(text))
        spans.append((a, rng.randrange(a, len(text)) + 1))
    return spans


_TOKEN_CHARS = "aeéèiouyAEÉIOUYbcdfgjlmnprstvzBCDFGLMNPRSTXZçÇœŒ’'-. ,;:!?\n@_/0123456789«»()ßÿǅ😀\u00a0"


def test_tokenize_matches_its_plain_definition_on_corpora_and_members() -> None:
    from vault.pii.corpora import tuning_corpus

    rng = random.Random(20261128)
    lexicon, vocab = name_lexicon(), vocabulary()
    for item in tuning_corpus(600):
        text = item.text
        assert _described(tokenize(text, fold(text))) == _described(_plain_tokenize(text, fold(text)))
        members = [(s, e) for s, e, label in item.spans if label == "PERSON"] or _member_spans(text, rng)
        new = tokenize(text, fold(text), members, lexicon, vocab)
        assert _described(new) == _described(_plain_tokenize(text, fold(text), members))


def test_tokenize_matches_its_plain_definition_on_random_text() -> None:
    rng = random.Random(7)
    words = [
        "Martin",
        "martin",
        "MARTIN",
        "de",
        "Le",
        "LE",
        "Dr",
        "M.",
        "J.",
        "RAS",
        "Rose",
        "rose",
        "péter",
        "Peter",
        "Martin-pêcheur",
        "Jean-Pierre",
        "d’Hérouville",
        "N'Diaye",
        "Monsiieur",
        "Tilleuls",
        "chantal.voisin@laposte.net",
        "HBLD036",
        "FR76",
        "21 h.",
        "60/91083/A.",
        "Saint-Brieuc",
        "bonjour",
        "Cordialement",
        "Élodie",
        "ÉLODIE",
    ]
    for _ in range(1500):
        pieces = [
            rng.choice(words) if rng.random() < 0.6 else "".join(rng.choices(_TOKEN_CHARS, k=rng.randint(1, 8)))
            for _ in range(rng.randint(0, 12))
        ]
        text = "".join(p + rng.choice([" ", "  ", "\n", ", ", ". ", "-", ""]) for p in pieces)
        folded = fold(text)
        assert _described(tokenize(text, folded)) == _described(_plain_tokenize(text, folded)), text
        members = _member_spans(text, rng)
        assert _described(tokenize(text, folded, members)) == _described(_plain_tokenize(text, folded, members)), text


# --- _decide: the word before a run without the regex scan ---------------------------------------------------------

from vault.pii.names import _LAST_WORD, _last_word  # noqa: E402


def _plain_last_word(window: str) -> str | None:
    m = _LAST_WORD.search(window)
    return None if m is None else m.group(1)


@pytest.mark.parametrize(
    "window",
    ["", " ", "\n", "Le ", "Le", "de  ", "Le\u00a0", "Le\n", "Le \n", "Le\n\n", "Le\t", "Le \t", "a b\n", "x\u2003",
     "chez M. Le", "line\nLE ", "\u00a0\u00a0", "Le\r\n", "mot\u2028", "« Le "],
)  # fmt: skip
def test_last_word_matches_its_regex(window: str) -> None:
    assert _last_word(window) == _plain_last_word(window)


@settings(max_examples=3000, deadline=None)
@given(st.text(st.one_of(st.sampled_from(" \u00a0\n\t\r\u2003\u2028\x0b\x1c"), st.characters()), max_size=30))
def test_last_word_matches_its_regex_on_random_text(window: str) -> None:
    assert _last_word(window) == _plain_last_word(window)
