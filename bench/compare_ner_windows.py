"""Does spaCy on the words around each doubtful word find what it finds on the whole text?

For each corpus (the held-out corpus, audit-1 to audit-5 by default; ``--bench N`` adds N distinct texts of
bench_scrub's pool), ``vault.pii.scrubber.analyze_texts`` runs twice on the same code: spaCy on windows of
``NER_WINDOW_WORDS`` words around each doubtful word (the default) and spaCy on the whole text
(``ner_window_words=None``); every text whose spans differ is listed (offsets, type, the words concerned). A third
check compares the scrubber's own reading of spaCy (``model_persons`` on the whole text) with Presidio's
(``SpacyNlpEngine.process_batch`` + ``FrenchSpacyPersonRecognizer.analyze``), which the scrubber used before.

Run from the repository root:
``.venv/bin/python bench/compare_ner_windows.py [--corpus heldout --corpus audit1 ...] [--bench 20000]``
Exit status 1 when a difference is found.
"""

from __future__ import annotations

import argparse
import sys
import time

DEFAULT_CORPORA = ("heldout", "audit1", "audit2", "audit3", "audit4", "audit5")


def corpus_texts(name: str) -> list[str]:
    from vault.pii.evaluation import CORPORA

    return [item.text for item in CORPORA[name][0]()]


def bench_texts(n: int) -> list[str]:
    from bench.bench_scrub import comment_pool

    return comment_pool(n, 424242)[:n]


def presidio_persons(texts: list[str]) -> list[set[tuple[int, int]]]:
    """spaCy's persons on each whole text, read through Presidio as the scrubber did before the windows."""
    from vault.pii.analyzer import LANGUAGE, get_analyzer
    from vault.pii.recognizers import FrenchSpacyPersonRecognizer

    engine = get_analyzer().nlp_engine
    recognizer = FrenchSpacyPersonRecognizer()
    return [
        {(r.start, r.end) for r in recognizer.analyze(text, ["PERSON"], artifacts)}
        for text, artifacts in engine.process_batch(texts, LANGUAGE, batch_size=256)
    ]


def compare(name: str, texts: list[str], margin: int) -> int:
    from vault.pii.lexicon import fold
    from vault.pii.names import find_names
    from vault.pii.scrubber import analyze_texts, model_persons

    started = time.process_time()
    windowed = analyze_texts(texts, ner_window_words=margin)
    middle = time.process_time()
    whole = analyze_texts(texts, ner_window_words=None)
    ended = time.process_time()
    doubtful = [t for t in dict.fromkeys(texts) if t and find_names(t, (), fold(t)).doubt]
    differences = 0
    for text, a, b in zip(texts, windowed, whole, strict=True):
        if a != b:
            differences += 1
            print(f"  [{name}] spans differ ({len(text)} characters):")
            for s in sorted(set(a) - set(b), key=lambda s: s.start):
                print(f"    windows only: {s.start}-{s.end} {s.entity_type} {text[s.start : s.end]!r}")
            for s in sorted(set(b) - set(a), key=lambda s: s.start):
                print(f"    whole text only: {s.start}-{s.end} {s.entity_type} {text[s.start : s.end]!r}")
    ours = model_persons(doubtful, [[(0, len(t))] for t in doubtful])
    theirs = presidio_persons(doubtful)
    presidio_differences = 0
    for text, mine, reference in zip(doubtful, ours, theirs, strict=True):
        if {(s.start, s.end) for s in mine} != reference:
            presidio_differences += 1
            print(f"  [{name}] model_persons != Presidio on {text!r}: {mine} / {sorted(reference)}")
    print(
        f"{name}: {len(texts)} texts, {len(doubtful)} read by spaCy, windows of {margin} words;"
        f" texts whose spans differ: {differences}; whole-text reading differing from Presidio's:"
        f" {presidio_differences}; CPU windows {middle - started:.2f} s, whole {ended - middle:.2f} s"
    )
    return differences + presidio_differences


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", choices=DEFAULT_CORPORA, help="default: all of them")
    parser.add_argument("--bench", type=int, default=0, help="also N distinct texts of bench_scrub's pool")
    parser.add_argument("--margin", type=int, default=None, help="words on each side (default: NER_WINDOW_WORDS)")
    args = parser.parse_args()
    from vault.pii.scrubber import NER_WINDOW_WORDS, warm_up

    margin = NER_WINDOW_WORDS if args.margin is None else args.margin

    warm_up()
    total = 0
    for name in args.corpus or DEFAULT_CORPORA:
        total += compare(name, corpus_texts(name), margin)
    if args.bench:
        total += compare(f"bench pool ({args.bench})", bench_texts(args.bench), margin)
    print(f"total differences: {total}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
