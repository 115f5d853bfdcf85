"""Benchmark: scrubbing 100,000 French comments end to end, 1 and 2 processes.

Two feeds of 100,000 comments each:

- **realistic**: what a mutuelle's benefit feed looks like: about a third of the comments are stock
  phrases repeated all over the feed ("RAS", "Devis reçu", "PEC accordée"...), the others are comments
  with or without personal data, each repeated on 1 to 4 benefit lines of the same claim (a comment is
  copied on every line of its claim). Texts come from the tuning corpus's generator
  (``vault.pii.corpora.tuning_corpus``, six styles) and the legacy generator (``vault.pii.corpus``);
- **all distinct**: 100,000 different texts from the same generators (the worst case: no duplicate).

End to end = ``scrub_texts`` on the whole list (each distinct text analysed once, spans replaced, the
list mapped back), models already loaded. With 2 processes the parent keeps one copy of each distinct
text, splits them between two worker processes and maps the answers back. The figure of the first
detector (fr_core_news_sm on every capitalised text, no deduplication) is quoted from the previous run
of this benchmark. Results go to bench/results/scrub.md.

Run: ``.venv/bin/python bench/bench_scrub.py [--n 100000]``
"""

from __future__ import annotations

import argparse
import platform
import random
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from _machine import cores, cpu_model, load_average, ram_text

RESULTS = Path(__file__).resolve().parent / "results" / "scrub.md"

#: The previous detector's figures on this machine (bench/results/scrub.md before issue 10).
OLD = {"1 process": 1_088, "2 processes": 1_354}

STOCK = [
    "RAS", "Ras", "RAS.", "Devis reçu", "Devis reçu, en attente de validation", "PEC accordée", "PEC refusée",
    "Dossier complet", "Dossier incomplet, relance envoyée", "Facture reçue", "Facture transmise au service",
    "En attente de pièces justificatives", "Relance envoyée", "Paiement effectué", "Remboursement effectué",
    "Doublon, classé sans suite", "Tiers payant", "Hors nomenclature", "Dépassement d'honoraires",
    "Attente décompte CPAM", "Rejet Noémie", "Retour NPAI", "Pièce manquante : facture détaillée",
    "Prise en charge hospitalière transmise à la clinique", "Forfait journalier", "Optique : verres classe A",
    "Reste à charge nul (100 % Santé)", "Appel entrant, renseignement donné", "Mail envoyé",
]  # fmt: skip


def machine() -> str:
    return (
        f"{cpu_model()}, {cores()} cores, {ram_text()} RAM, Python {platform.python_version()}; "
        f"load average at start {load_average()[0]:.1f} (the cores are shared with other jobs)"
    )


def comment_pool(n: int, seed: int) -> list[str]:
    """``n`` distinct generated comments (tuning generator and legacy generator, half each)."""
    from vault.pii.corpora import tuning_corpus
    from vault.pii.corpus import generate_corpus

    texts = list(dict.fromkeys(x.text for x in tuning_corpus(n, seed)))
    texts += list(dict.fromkeys(x.text for x in generate_corpus(n, seed + 1)))
    texts = list(dict.fromkeys(texts))
    random.Random(seed).shuffle(texts)
    return texts


def realistic_feed(n: int, pool: list[str], seed: int) -> list[str]:
    rng = random.Random(seed)
    weights = [1 / (rank + 1) for rank in range(len(STOCK))]  # Zipf: "RAS" far more than "Mail envoyé"
    out: list[str] = []
    it = iter(pool)
    while len(out) < n:
        if rng.random() < 0.33:
            out.append(rng.choices(STOCK, weights)[0])
        else:
            text = next(it)
            out.extend([text] * rng.randint(1, 4))  # one comment on every line of its claim
    return out[:n]


def _burn(n: int) -> float:
    started = time.perf_counter()
    x = 0
    for i in range(n):
        x += i * i
    return time.perf_counter() - started


def cpu_scaling(executor: ProcessPoolExecutor, n: int = 10_000_000) -> float:
    """How much faster two processes of plain Python arithmetic go than one, on this machine now."""
    one = _burn(n)
    started = time.perf_counter()
    list(executor.map(_burn, [n, n]))
    return 2 * one / (time.perf_counter() - started)


def _worker(texts: list[str]) -> list[str | None]:
    from vault.pii.scrubber import scrub_texts

    return scrub_texts(texts)


def _warm(_: int = 0) -> int:
    from vault.pii.scrubber import scrub_texts

    scrub_texts(["Rappeler Mme Durand au 06 12 34 56 78", "transmis à Zrbqwx Vtklmnoq pour avis"])
    return 0


def scrub_in_processes(pool: ProcessPoolExecutor, texts: list[str], processes: int) -> list[str | None]:
    """Each distinct text scrubbed once, the distinct texts split between ``processes`` workers."""
    distinct = list(dict.fromkeys(texts))
    size = -(-len(distinct) // (processes * 4))
    chunks = [distinct[i : i + size] for i in range(0, len(distinct), size)]
    answers: dict[str, str | None] = {}
    for chunk, out in zip(chunks, pool.map(_worker, chunks), strict=True):
        answers.update(zip(chunk, out, strict=True))
    return [answers[t] for t in texts]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=424242)
    args = parser.parse_args()

    from vault.pii.scrubber import analyze_texts, scrub_texts

    header = machine()
    pool_texts = comment_pool(args.n // 2 + 5000, args.seed)
    feeds = {
        "realistic (duplicates as in a feed)": realistic_feed(args.n, pool_texts, args.seed),
        "all distinct": pool_texts[: args.n],
    }
    _warm()
    rows = []
    with ProcessPoolExecutor(max_workers=2) as executor:
        list(executor.map(_warm, range(2)))
        scaling = cpu_scaling(executor)
        for name, texts in feeds.items():
            distinct = len(set(texts))
            chars = sum(len(t) for t in texts) / len(texts)
            with_data = sum(1 for spans in analyze_texts(texts[:5000]) if spans) / min(5000, len(texts))
            started = time.perf_counter()
            one = scrub_texts(texts)
            t1 = time.perf_counter() - started
            started = time.perf_counter()
            two = scrub_in_processes(executor, texts, 2)
            t2 = time.perf_counter() - started
            assert one == two
            rows.append((name, len(texts), distinct, chars, with_data, t1, t2))
            print(f"{name}: {len(texts)} texts, {distinct} distinct: 1 process {len(texts) / t1:,.0f}/s,"
                  f" 2 processes {len(texts) / t2:,.0f}/s")  # fmt: skip

    lines = [
        "# Scrubbing throughput",
        "",
        f"Machine: {header}.",
        "",
        f"`.venv/bin/python bench/bench_scrub.py --n {args.n}` (seed {args.seed}). End to end: `scrub_texts` on the"
        " whole list, each distinct text analysed once, models loaded beforehand. Comments from the tuning"
        " corpus's generator and the legacy generator; the realistic feed adds stock phrases (a third of the"
        " lines) and repeats each comment on 1-4 lines of its claim.",
        "",
        "| feed | comments | distinct | characters (mean) | with personal data | 1 process | 2 processes |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, n, distinct, chars, with_data, t1, t2 in rows:
        lines.append(
            f"| {name} | {n:,} | {distinct:,} | {chars:.0f} | {with_data:.0%} | {n / t1:,.0f}/s ({t1:.1f} s) |"
            f" {n / t2:,.0f}/s ({t2:.1f} s) |"
        )
    lines += [
        f"| first detector (before issue 10), 100,000 legacy comments, no deduplication | 100,000 | | 86 | 67% |"
        f" {OLD['1 process']:,}/s | {OLD['2 processes']:,}/s |",
        "",
        f"On this machine, now, two processes of plain Python arithmetic do {scaling:.2f}× the work of one (the two"
        " cores are shared), which bounds what the second process can add.",
        "",
        "Target (issue 10): at least 10,000 comments/s end to end on 2 cores, 20,000 the aim. The validated"
        " patterns (behind cheap gates: digit counts, '@', context words), the INSEE name lexicons and the"
        " member gazetteer run on every distinct text; spaCy's fr_core_news_md runs only on the texts where a"
        " capitalised word is left that nothing explains.",
        "",
    ]
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
