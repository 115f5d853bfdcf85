"""Precision and recall of the PII detector on a labelled corpus; the table ``confiance pii-eval`` prints.

Corpora (``CORPORA``): ``heldout`` (the default: ``vault.pii.corpora.heldout_corpus``,
written independently of the detector and never used to tune it), ``audit3`` (written
blind, measured once held out (bench/results/pii_evaluation_audit3.md), then released as tuning
material for round 4: upper bound), ``tuning`` (``tuning_corpus``, which the detector
was tuned on: an upper bound), ``audit1`` (written blind by an outside auditor, then used
for tuning in round 2: an upper bound), ``audit2`` (written blind, measured once held out,
then used as tuning material in round 3: an upper bound), ``audit4`` (written blind, measured once held out
(bench/results/pii_evaluation_audit4.md), then released as tuning material for round 6: upper bound), ``audit5``
(written blind, measured once held out (bench/results/pii_evaluation_audit5.md), then released as tuning material
for round 7: upper bound), ``audit6`` (written blind, measured once held out (bench/results/pii_evaluation_audit6.md),
then released as tuning material for round 8: upper bound), ``audit7`` (written blind, measured once held out
(bench/results/pii_evaluation_audit7.md), then released as tuning material for round 9: upper bound), ``audit8``
(written blind, measured held out before and after round 9 (bench/results/pii_evaluation_audit8_baseline.md and
pii_evaluation_audit8.md), then released as tuning material for round 10: upper bound), ``audit9``
(``vault/pii/corpora/audit9/corpus.jsonl``, written blind, measured held out before and after round 10
(bench/results/pii_evaluation_audit9_baseline.md and pii_evaluation_audit9.md), then released as tuning material
for round 11: upper bound), ``audit10`` (``vault/pii/corpora/audit10/corpus.jsonl``, written blind, measured held
out before and after round 11 (bench/results/pii_evaluation_audit10_baseline.md and pii_evaluation_audit10.md), then
released as tuning material for round 12: upper bound), ``audit11`` (``vault/pii/corpora/audit11/corpus.jsonl``,
written blind, measured held out before and after round 12 (bench/results/pii_evaluation_audit11_baseline.md and
pii_evaluation_audit11.md), then released as tuning material for round 13: upper bound), ``audit12``
(``vault/pii/corpora/audit12/corpus.jsonl``, written blind, measured held out before and after round 13
(bench/results/pii_evaluation_audit12_baseline.md and pii_evaluation_audit12.md), then released as tuning material
for round 14: upper bound; absent from a checkout, a clear error) and ``legacy`` (the
first synthetic corpus, ``vault.pii.corpus``).

Matching is by overlap and type: a gold span is found (recall) when a predicted
span of the same entity type overlaps it; a predicted span is correct
(precision) when it overlaps a gold span of the same type. SIREN numbers are
labelled SIRET in the corpora, so a predicted SIREN counts as SIRET. The report
also gives the share of texts without personal data left untouched (no span at
all), the *leak rate* (the share of gold personal-data characters outside every
predicted span, whatever its label) and the throughput of the run (one process).
Nothing in the report quotes a text.
"""

from __future__ import annotations

import platform
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from vault.pii.scrubber import Span, analyze_texts


class Labelled(Protocol):
    text: str
    spans: Sequence[tuple[int, int, str]]


#: Recall targets per entity type (issue 10); precision and clean-text targets over all types.
RECALL_TARGETS: dict[str, float] = {
    "NIR": 0.99,
    "PHONE": 0.98,
    "SIRET": 0.98,
    "DATE_OF_BIRTH": 0.95,
    "PERSON": 0.95,
    "ADDRESS": 0.98,
    "EMAIL": 0.99,
    "IBAN": 0.99,
    "RPPS": 0.99,
}
PRECISION_TARGET = 0.90
CLEAN_UNTOUCHED_TARGET = 0.97
#: End-to-end throughput target on 2 cores (texts/s), measured by bench/bench_scrub.py.
THROUGHPUT_TARGET = 10_000

#: Predicted types counted as another gold type.
LABEL_ALIASES = {"SIREN": "SIRET"}


def _load_heldout() -> list:
    from vault.pii.corpora import heldout_corpus

    return heldout_corpus()


def _load_tuning() -> list:
    from vault.pii.corpora import tuning_corpus

    return tuning_corpus()


def _load_legacy() -> list:
    from vault.pii.corpus import generate_corpus

    return generate_corpus(1200, 20240501)


def _load_audit1() -> list:
    from vault.pii.corpora import audit_corpus

    return audit_corpus("audit1")


def _load_audit2() -> list:
    from vault.pii.corpora import audit_corpus

    return audit_corpus("audit2")


def _load_audit3() -> list:
    from vault.pii.corpora import audit_corpus

    return audit_corpus("audit3")


def _load_audit4() -> list:
    from vault.pii.corpora import audit_corpus

    return audit_corpus("audit4")


def _load_audit5() -> list:
    from vault.pii.corpora import audit_corpus

    return audit_corpus("audit5")


def _load_audit6() -> list:
    from vault.pii.corpora import audit_corpus

    return audit_corpus("audit6")


def _load_audit7() -> list:
    from vault.pii.corpora import audit_corpus

    return audit_corpus("audit7")


def _load_audit8() -> list:
    from vault.pii.corpora import audit_corpus

    return audit_corpus("audit8")


def _load_audit9() -> list:
    from vault.pii.corpora import audit_corpus

    return audit_corpus("audit9")


def _load_audit10() -> list:
    from vault.pii.corpora import audit_corpus

    return audit_corpus("audit10")


def _load_audit11() -> list:
    from vault.pii.corpora import audit_corpus

    return audit_corpus("audit11")


def _load_audit12() -> list:
    from vault.pii.corpora import audit_corpus

    return audit_corpus("audit12")


#: name -> (loader, description for the report)
CORPORA: dict[str, tuple[Callable[[], list], str]] = {
    "heldout": (
        _load_heldout,
        "HELD-OUT corpus (`vault.pii.corpora.heldout_corpus`): written independently of the detector and never"
        " used to tune it",
    ),
    "tuning": (
        _load_tuning,
        "TUNING corpus (`vault.pii.corpora.tuning_corpus`): the detector was tuned on it, so these figures are an"
        " upper bound",
    ),
    "audit1": (
        _load_audit1,
        "AUDIT-1 corpus (`vault/pii/corpora/audit1/`, 900 texts): written blind by an outside auditor, then used"
        " as TUNING material (issue 10, round 2), so these figures are an upper bound",
    ),
    "audit2": (
        _load_audit2,
        "AUDIT-2 corpus (`vault/pii/corpora/audit2/`, 900 texts): written blind by an outside auditor, measured"
        " once held out (figures in bench/results/pii_evaluation_audit2.md), then used as TUNING material in"
        " round 3 (issue 10), so these figures are an upper bound",
    ),
    "audit3": (
        _load_audit3,
        "AUDIT-3 corpus (`vault/pii/corpora/audit3/`): written blind, measured once held out"
        " (bench/results/pii_evaluation_audit3.md), then released as tuning material for round 4: upper bound",
    ),
    "audit4": (
        _load_audit4,
        "AUDIT-4 corpus (`vault/pii/corpora/audit4/`): written blind, measured once held out"
        " (bench/results/pii_evaluation_audit4.md), then released as tuning material for round 6: upper bound",
    ),
    "audit5": (
        _load_audit5,
        "AUDIT-5 corpus (`vault/pii/corpora/audit5/`): written blind, measured once held out"
        " (bench/results/pii_evaluation_audit5.md), then released as tuning material for round 7: upper bound",
    ),
    "audit6": (
        _load_audit6,
        "AUDIT-6 corpus (`vault/pii/corpora/audit6/`): written blind, measured once held out"
        " (bench/results/pii_evaluation_audit6.md), then released as tuning material for round 8: upper bound",
    ),
    "audit7": (
        _load_audit7,
        "AUDIT-7 corpus (`vault/pii/corpora/audit7/`): written blind, measured once held out"
        " (bench/results/pii_evaluation_audit7.md), then released as tuning material for round 9: upper bound",
    ),
    "audit8": (
        _load_audit8,
        "AUDIT-8 corpus (`vault/pii/corpora/audit8/`): written blind, measured held out before and after round 9"
        " (bench/results/pii_evaluation_audit8_baseline.md, pii_evaluation_audit8.md), then released as tuning"
        " material for round 10: upper bound",
    ),
    "audit9": (
        _load_audit9,
        "AUDIT-9 corpus (`vault/pii/corpora/audit9/`): written blind, measured held out before and after round 10"
        " (bench/results/pii_evaluation_audit9_baseline.md, pii_evaluation_audit9.md), then released as tuning"
        " material for round 11: upper bound",
    ),
    "audit10": (
        _load_audit10,
        "AUDIT-10 corpus (`vault/pii/corpora/audit10/`): written blind, measured held out before and after round 11"
        " (bench/results/pii_evaluation_audit10_baseline.md, pii_evaluation_audit10.md), then released as tuning"
        " material for round 12: upper bound",
    ),
    "audit11": (
        _load_audit11,
        "AUDIT-11 corpus (`vault/pii/corpora/audit11/`): written blind, measured held out before and after round 12"
        " (bench/results/pii_evaluation_audit11_baseline.md, pii_evaluation_audit11.md), then released as tuning"
        " material for round 13: upper bound",
    ),
    "audit12": (
        _load_audit12,
        "AUDIT-12 corpus (`vault/pii/corpora/audit12/`): written blind, measured held out before and after round 13"
        " (bench/results/pii_evaluation_audit12_baseline.md, pii_evaluation_audit12.md), then released as tuning"
        " material for round 14: upper bound",
    ),
    "legacy": (
        _load_legacy,
        "legacy synthetic corpus (`vault.pii.corpus`, 1200 texts, seed 20240501): written with the first detector",
    ),
}


@dataclass
class EntityScore:
    gold: int = 0
    found: int = 0  # gold spans matched
    predicted: int = 0
    correct: int = 0  # predicted spans matched

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0


@dataclass
class Evaluation:
    items: int
    seed: int = 0
    corpus: str = ""
    per_entity: dict[str, EntityScore] = field(default_factory=dict)
    overall: EntityScore = field(default_factory=EntityScore)
    gold_chars: int = 0
    leaked_chars: int = 0
    clean_texts: int = 0
    clean_untouched: int = 0
    seconds: float = 0.0

    @property
    def leak_rate(self) -> float:
        return self.leaked_chars / self.gold_chars if self.gold_chars else 0.0

    @property
    def clean_untouched_share(self) -> float:
        return self.clean_untouched / self.clean_texts if self.clean_texts else 1.0

    @property
    def throughput(self) -> float:
        return self.items / self.seconds if self.seconds else 0.0

    def failures(self) -> list[str]:
        """The detection targets not met, as readable reasons (empty when all are met)."""
        out = []
        for entity, target in RECALL_TARGETS.items():
            score = self.per_entity.get(entity)
            if score is not None and score.gold and score.recall < target:
                out.append(f"{entity} recall {score.recall:.3f} < {target}")
        if self.overall.precision < PRECISION_TARGET:
            out.append(f"overall precision {self.overall.precision:.3f} < {PRECISION_TARGET}")
        if self.clean_texts and self.clean_untouched_share < CLEAN_UNTOUCHED_TARGET:
            out.append(f"clean texts untouched {self.clean_untouched_share:.3f} < {CLEAN_UNTOUCHED_TARGET}")
        return out


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def score(corpus: Sequence[Labelled], predictions: Sequence[Sequence[Span]], seed: int = 0) -> Evaluation:
    """Compare predicted spans with the gold spans of ``corpus``."""
    ev = Evaluation(items=len(corpus), seed=seed)
    for item, predicted in zip(corpus, predictions, strict=True):
        typed = [(p, LABEL_ALIASES.get(p.entity_type, p.entity_type)) for p in predicted]
        if not item.spans:
            ev.clean_texts += 1
            ev.clean_untouched += not predicted
        for start, end, entity in item.spans:
            s = ev.per_entity.setdefault(entity, EntityScore())
            s.gold += 1
            if any(t == entity and _overlaps(start, end, p.start, p.end) for p, t in typed):
                s.found += 1
            ev.gold_chars += end - start
            ev.leaked_chars += sum(1 for c in range(start, end) if not any(p.start <= c < p.end for p in predicted))
        for p, t in typed:
            s = ev.per_entity.setdefault(t, EntityScore())
            s.predicted += 1
            if any(g == t and _overlaps(start, end, p.start, p.end) for start, end, g in item.spans):
                s.correct += 1
    for s in ev.per_entity.values():
        ev.overall.gold += s.gold
        ev.overall.found += s.found
        ev.overall.predicted += s.predicted
        ev.overall.correct += s.correct
    return ev


def evaluate(corpus: str = "heldout") -> Evaluation:
    """Load a corpus (``CORPORA``), run the detector on it (no known names, no gazetteer) and score it."""
    if corpus not in CORPORA:
        raise ValueError(f"unknown corpus {corpus!r}; choose one of {', '.join(CORPORA)}")
    items = CORPORA[corpus][0]()
    analyze_texts(["Rappeler Mme Durand au 06 12 34 56 78"])  # load the models outside the timing
    started = time.perf_counter()
    predictions = analyze_texts([item.text for item in items])
    elapsed = time.perf_counter() - started
    ev = score(items, predictions)
    ev.corpus = corpus
    ev.seconds = elapsed
    return ev


def to_markdown(ev: Evaluation) -> str:
    """The evaluation report (no corpus text in it: figures only)."""
    description = CORPORA[ev.corpus][1] if ev.corpus in CORPORA else "given corpus"
    lines = [
        "# PII detection: precision and recall",
        "",
        f"Corpus: {ev.items} texts, {ev.clean_texts} of them without personal data; {description}.",
        "Detector: `vault.pii.scrubber.analyze_texts` (validated patterns, INSEE name lexicons, Presidio + spaCy"
        " fr_core_news_md on the texts left in doubt; no known names, no member gazetteer).",
        "Matching: a gold span is found when a predicted span of the same type overlaps it (SIREN counts as SIRET).",
        "",
        "| entity | gold | predicted | recall | precision | recall target | met |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for entity in sorted(ev.per_entity):
        s = ev.per_entity[entity]
        target = RECALL_TARGETS.get(entity)
        met = "" if target is None or not s.gold else ("yes" if s.recall >= target else "**no**")
        lines.append(
            f"| {entity} | {s.gold} | {s.predicted} | {s.recall:.3f} | {s.precision:.3f} | "
            f"{'' if target is None else f'≥ {target:.2f}'} | {met} |"
        )
    o = ev.overall
    clean_met = "yes" if ev.clean_untouched_share >= CLEAN_UNTOUCHED_TARGET else "**no**"
    prec_met = "yes" if o.precision >= PRECISION_TARGET else "**no**"
    lines += [
        f"| **all** | {o.gold} | {o.predicted} | {o.recall:.3f} | {o.precision:.3f} | precision ≥ {PRECISION_TARGET}"
        f" | {prec_met} |",
        "",
        "| measure | value | target | met |",
        "| --- | ---: | ---: | --- |",
        f"| texts without personal data left untouched | {ev.clean_untouched}/{ev.clean_texts} ="
        f" {ev.clean_untouched_share:.3f} | ≥ {CLEAN_UNTOUCHED_TARGET} | {clean_met} |",
        f"| leak rate (gold characters outside every span) | {ev.leak_rate:.4f} | | |",
        f"| throughput of this run, 1 process, all texts distinct | {ev.throughput:,.0f} texts/s"
        f" ({ev.seconds:.2f} s on {platform.machine()}) | | |",
        "",
        f"End-to-end throughput on 2 cores (target ≥ {THROUGHPUT_TARGET:,} texts/s) is measured on 100,000 comments"
        " by `bench/bench_scrub.py`: see `bench/results/scrub.md`.",
        "",
        "Targets: " + ("all met." if not ev.failures() else "NOT MET: " + "; ".join(ev.failures())),
        "",
    ]
    return "\n".join(lines)


def entity_counts(corpus: Sequence[Labelled]) -> Counter:
    return Counter(entity for item in corpus for _s, _e, entity in item.spans)
