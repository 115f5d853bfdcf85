"""spaCy on the sentences around each doubtful word finds what it finds on the whole text, at the same offsets.

The texts below are written here: names near a window's edge, several sentences, and offsets after emojis,
characters outside the Basic Multilingual Plane and CRLF line ends. For each, the windowed path
(``analyze_texts`` default) and the whole-text path (``ner_window_words=None``) must give the same spans and
byte-identical scrubbed text; the texts must really be left in doubt (else spaCy would not run and the test would
prove nothing) and, where the text is long, the windows must leave part of it out.
"""

from __future__ import annotations

import pytest

from vault.pii.lexicon import fold
from vault.pii.names import find_names
from vault.pii.scrubber import (
    Span,
    analyze_texts,
    doubtful_words,
    model_persons,
    ner_windows,
    replace_spans,
    scrub_texts,
)


def _scrub_whole(text: str) -> str:
    """``text`` scrubbed with spaCy reading the whole text (the reference path)."""
    [whole] = analyze_texts([text], ner_window_words=None)
    return replace_spans(text, whole)


FILLER = "Le dossier est complet et le paiement a été effectué hier. Merci de vérifier les pièces jointes avant lundi. "
CRLF_FILLER = FILLER.replace(". ", ".\r\n")
#: a sentence spaCy reads a person in, after a title the name detector does not take alone
NAMED = "Voir avec Mlle Oyelaran 𝔄𝔅 demain."

TEXTS = [
    # the doubtful words far from the start: the first window starts inside the text
    "😀🎉 " * 5 + FILLER + "Le colis Zrbqwx est parti. " + FILLER + NAMED,
    FILLER * 2 + "le colis Zrbqwx est parti hier.",
    # CRLF line ends, emojis and non-BMP letters before the name
    CRLF_FILLER + "🧾 Le colis Brzeczyszczykiewicz est arrivé.\r\n" + CRLF_FILLER + NAMED + "\r\n",
    "𝔄𝔅𝔆 le colis Zrbqwx est parti.\r\n" + CRLF_FILLER * 2 + NAMED + "\r\nCordialement\r\n",
    # a name right at a window's edge: the last words of a sentence, then a long tail
    "Zrbqwx Vtklmnoq a appelé. " + FILLER * 2 + NAMED,
    "Le colis Zrbqwx est parti avec Mlle Oyelaran 𝔄𝔅. " + FILLER * 3,
    # several doubtful words, windows joined or apart
    "Le colis Zrbqwx est parti. " + NAMED + " " + FILLER * 2 + "Le colis Brzeczyszczykiewicz est arrivé.",
    "Le colis Zrbqwx est parti.",
]


def _windows(text: str) -> list[tuple[int, int]]:
    folded = fold(text)
    result = find_names(text, (), folded)
    assert result.doubt, f"no doubt left: spaCy would not run on {text!r}"
    return ner_windows(text, doubtful_words(text, folded, result.spans))


@pytest.mark.parametrize("text", TEXTS)
def test_windows_find_the_spans_of_the_whole_text(analyzer, text):
    windows = _windows(text)
    if len(text) > 200:
        assert sum(b - a for a, b in windows) < len(text), "the windows should leave part of a long text out"
    for a, b in windows:
        # a window never cuts a sentence: it starts at the text's start or after a sentence end
        assert a == 0 or text[:a].rstrip()[-1:] in {".", "!", "?", "…", ""} or "\n" in text[a - 2 : a]
    [windowed] = analyze_texts([text])
    [whole] = analyze_texts([text], ner_window_words=None)
    assert windowed == whole
    [scrubbed] = scrub_texts([text])
    assert scrubbed.encode() == _scrub_whole(text).encode()


def test_a_name_read_in_a_later_window_is_mapped_back_to_the_text(analyzer):
    text = TEXTS[0]
    windows = _windows(text)
    assert len(windows) >= 1 and windows[-1][0] > 0
    [persons] = model_persons([text], [windows])
    [whole] = model_persons([text], [[(0, len(text))]])
    assert persons == whole
    assert any(text[s.start : s.end].startswith("Oyelaran") for s in persons)
    [spans] = analyze_texts([text])
    assert any(s.entity_type == "PERSON" and "Oyelaran" in text[s.start : s.end] for s in spans)
    [scrubbed] = scrub_texts([text])
    assert "Oyelaran" not in scrubbed and scrubbed.startswith("😀🎉 " * 5)


def test_crlf_and_non_bmp_offsets(analyzer):
    text = TEXTS[3]
    [spans] = analyze_texts([text])
    names = [text[s.start : s.end] for s in spans if s.entity_type == "PERSON"]
    assert any(n.startswith("Oyelaran") for n in names), names
    [scrubbed] = scrub_texts([text])
    assert scrubbed.startswith("𝔄𝔅𝔆 le colis Zrbqwx est parti.\r\n" + CRLF_FILLER * 2) and scrubbed.endswith(
        "\r\nCordialement\r\n"
    )
    assert scrubbed.encode() == _scrub_whole(text).encode()


def test_windows_around_words():
    text = "Un. Deux trois quatre. Cinq six sept huit neuf. Dix onze.\nDouze treize."
    seven = (text.index("sept"), text.index("sept") + 4)
    # one word on each side: "six" and "huit", widened to their sentence
    assert ner_windows(text, [seven], 1) == [(text.index("Cinq"), text.index("neuf.") + 5)]
    # the whole text when no margin or no word is given
    assert ner_windows(text, [seven], None) == [(0, len(text))]
    assert ner_windows(text, [], 3) == [(0, len(text))]
    # two words whose windows touch (only a blank between) make one window; others stay apart
    two = (text.index("Deux"), text.index("Deux") + 4)
    eleven = (text.index("onze"), text.index("onze") + 4)
    assert ner_windows(text, [two, seven], 0) == [(text.index("Deux"), text.index("neuf.") + 5)]
    assert ner_windows(text, [two, eleven], 0) == [
        (text.index("Deux"), text.index("quatre.") + 7),
        (text.index("Dix"), text.index("onze.") + 5),
    ]
    # a line break ends a sentence too
    twelve = (text.index("Douze"), text.index("Douze") + 5)
    assert ner_windows(text, [twelve], 0) == [(text.index("Douze"), len(text))]


def test_the_scrubbers_reading_of_spacy_is_presidios(analyzer):
    """``model_persons`` on a whole text gives what Presidio's spaCy engine and recognizer gave (the path before)."""
    from vault.pii.analyzer import LANGUAGE
    from vault.pii.recognizers import FrenchSpacyPersonRecognizer

    recognizer = FrenchSpacyPersonRecognizer()
    batch = analyzer.nlp_engine.process_batch(TEXTS, LANGUAGE)
    theirs = [{(r.start, r.end) for r in recognizer.analyze(t, ["PERSON"], art)} for t, art in batch]
    ours = model_persons(TEXTS, [[(0, len(t))] for t in TEXTS])
    assert [{(s.start, s.end) for s in spans} for spans in ours] == theirs
    assert any(theirs), "spaCy found no person at all: the comparison proves nothing"
    assert all(s.entity_type == "PERSON" and isinstance(s, Span) for spans in ours for s in spans)
