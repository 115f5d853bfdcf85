"""Benchmark: scrubbing 100,000 French comments, fast path vs Presidio's default per-text call.

- ``scrub_texts`` (the fast path), one process, on all 100,000 comments;
- the same on 2 worker processes (the machine has 2 cores), on all 100,000;
- Presidio's default usage: ``AnalyzerEngine.analyze(text, language="fr")`` once
  per text with the full spaCy pipeline loaded the way Presidio loads it (tagger,
  parser, lemmatizer and NER all enabled) and the same French recognizers,
  timed on a sample and extrapolated to 100,000 (said in the results).

Comments come from the labelled corpus generator (mutuelle styles, about two
thirds holding personal data: far denser than real claims comments, so a
pessimistic load for the fast path). Results go to bench/results/scrub.md.

Run: ``.venv/bin/python bench/bench_scrub.py [--n 100000] [--sample 2000]``
"""

from __future__ import annotations

import argparse
import platform
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from _machine import cores, cpu_model, load_average, ram_text

RESULTS = Path(__file__).resolve().parent / "results" / "scrub.md"


def machine() -> str:
    return (
        f"{cpu_model()}, {cores()} cores, {ram_text()} RAM, Python {platform.python_version()}; "
        f"load average at start {load_average()[0]:.1f} (the cores are shared with other jobs)"
    )


def _worker_scrub(texts: list[str]) -> int:
    from vault.pii.scrubber import scrub_texts

    return len(scrub_texts(texts))


def _warm() -> None:
    from vault.pii.scrubber import scrub_texts

    scrub_texts(["Rappeler Mme Durand au 06 12 34 56 78"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=2000, help="texts timed for the per-text default call")
    parser.add_argument("--seed", type=int, default=424242)
    args = parser.parse_args()

    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    from vault.pii.analyzer import NLP_CONFIGURATION, SCORE_THRESHOLD
    from vault.pii.corpus import generate_corpus
    from vault.pii.recognizers import FrenchSpacyPersonRecognizer, french_recognizers
    from vault.pii.scrubber import analyze_texts, needs_ner, scrub_texts

    header = machine()
    texts = [item.text for item in generate_corpus(args.n, args.seed)]
    chars = sum(len(t) for t in texts)
    print(f"{len(texts)} comments, {chars / len(texts):.0f} characters on average")

    _warm()
    started = time.perf_counter()
    scrub_texts(texts)
    fast_1 = time.perf_counter() - started
    print(f"fast path, 1 process: {fast_1:.1f} s")

    chunks = [texts[i : i + 5000] for i in range(0, len(texts), 5000)]
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(_warm_ret, range(2)))
        started = time.perf_counter()
        done = sum(pool.map(_worker_scrub, chunks))
        fast_2 = time.perf_counter() - started
    assert done == len(texts)
    print(f"fast path, 2 processes: {fast_2:.1f} s")

    # Presidio's default: full spaCy pipeline, one analyze() per text.
    engine = NlpEngineProvider(nlp_configuration=NLP_CONFIGURATION).create_engine()
    registry = RecognizerRegistry(supported_languages=["fr"])
    for recognizer in [*french_recognizers(), FrenchSpacyPersonRecognizer()]:
        registry.add_recognizer(recognizer)
    default = AnalyzerEngine(
        registry=registry, nlp_engine=engine, supported_languages=["fr"], default_score_threshold=SCORE_THRESHOLD
    )
    pipes = ", ".join(engine.get_nlp("fr").pipe_names)
    sample = texts[: args.sample]
    default.analyze(text=sample[0], language="fr")
    started = time.perf_counter()
    for text in sample:
        default.analyze(text=text, language="fr")
    default_sample = time.perf_counter() - started
    default_rate = len(sample) / default_sample
    print(f"default per-text analyze: {default_rate:.0f} comments/s on {len(sample)}")

    # Same sample through the fast path, to compare like with like.
    started = time.perf_counter()
    fast_sample_spans = analyze_texts(sample)
    fast_sample = time.perf_counter() - started
    ner_share = sum(1 for t, spans in zip(sample, fast_sample_spans, strict=True) if needs_ner(t, spans)) / len(sample)

    rate_1, rate_2 = len(texts) / fast_1, len(texts) / fast_2
    lines = [
        "# Scrubbing throughput",
        "",
        f"Machine: {header}.",
        "",
        f"{len(texts):,} synthetic mutuelle comments ({chars / len(texts):.0f} characters on average, about two"
        " thirds holding personal data), seed {seed}; `.venv/bin/python bench/bench_scrub.py`.".format(seed=args.seed),
        "",
        "| path | comments | seconds | comments/s |",
        "| --- | ---: | ---: | ---: |",
        f"| `scrub_texts` fast path, 1 process | {len(texts):,} | {fast_1:.1f} | {rate_1:,.0f} |",
        f"| `scrub_texts` fast path, 2 processes | {len(texts):,} | {fast_2:.1f} | {rate_2:,.0f} |",
        f"| Presidio default `analyze()` per text, 1 process, measured on {len(sample):,} |"
        f" {len(sample):,} | {default_sample:.1f} | {default_rate:,.0f} |",
        f"| same, extrapolated to {len(texts):,} | {len(texts):,} | {len(texts) / default_rate:.0f} (extrapolated) |"
        f" {default_rate:,.0f} |",
        f"| fast path on the same {len(sample):,}, 1 process | {len(sample):,} | {fast_sample:.1f} |"
        f" {len(sample) / fast_sample:,.0f} |",
        "",
        f"Speed-up, 1 process against 1 process: {rate_1 / default_rate:.1f}×; with 2 processes:"
        f" {rate_2 / default_rate:.1f}×.",
        f"The default call ran spaCy's full pipeline ({pipes}) on every text. The fast path runs the"
        f" regular expressions on every text and spaCy's `ner` only on the {ner_share:.0%} of texts left with an"
        " unexplained capitalised word, batched with `nlp.pipe`; the test suite checks on the corpus that it flags"
        " every character the per-text call flags, and `confiance pii-eval` gives its precision and recall.",
        "",
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


def _warm_ret(_: int) -> int:
    _warm()
    return 0


if __name__ == "__main__":
    main()
