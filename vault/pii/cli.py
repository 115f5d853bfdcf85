"""``confiance scrub`` and ``confiance pii-eval``.

``scrub`` reads JSON Lines ``{"id": ..., "text": ...}`` (stdin or a file) and
writes ``{"id", "text" (scrubbed), "spans": [{"start", "end", "entity_type",
"score"}]}`` per line; offsets refer to the input text. Errors name the input and
the line number, never the content.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import IO

import click

from confiance.settings import REPO_ROOT

logger = logging.getLogger(__name__)

#: Lines handed to the analyzer at once.
CHUNK = 2000

DEFAULT_REPORT = REPO_ROOT / "bench" / "results" / "pii_evaluation.md"


def default_report(corpus: str) -> Path:
    """Where ``pii-eval`` writes a corpus's table unless told: each corpus its own file, so that measuring one
    never overwrites another's (the held-out measurements of audit-2 and audit-3, pii_evaluation_audit2.md and
    pii_evaluation_audit3.md, stay as they were)."""
    if corpus == "heldout":
        return DEFAULT_REPORT
    suffix = {
        "audit2": "audit2_round3",
        "audit3": "audit3_round4",
        "audit4": "audit4_round6",
        "audit5": "audit5_round7",
        "audit6": "audit6_round8",
        "audit7": "audit7_round9",
        "audit8": "audit8_round10",
        "audit9": "audit9_round11",
        "audit10": "audit10_round12",
        "audit11": "audit11_round13",
        "audit12": "audit12_round14",
    }.get(corpus, corpus)
    return DEFAULT_REPORT.with_name(f"pii_evaluation_{suffix}.md")


def _read_records(stream: IO[str], source: str) -> list[tuple[object, str | None]]:
    records: list[tuple[object, str | None]] = []
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise click.ClickException(f"{source} line {number}: not valid JSON ({exc.msg})") from None
        if not isinstance(obj, dict) or "text" not in obj:
            raise click.ClickException(f"{source} line {number}: expected an object with a 'text' field")
        text = obj["text"]
        if text is not None and not isinstance(text, str):
            raise click.ClickException(f"{source} line {number}: 'text' must be a string or null")
        records.append((obj.get("id"), text))
    return records


def scrub_stream(stream: IO[str], out: IO[str], source: str = "<stdin>") -> int:
    """Scrub every record of ``stream`` into ``out``; return the number of records."""
    from vault.pii.scrubber import analyze_texts, replace_spans

    records = _read_records(stream, source)
    for i in range(0, len(records), CHUNK):
        chunk = records[i : i + CHUNK]
        texts = [text for _id, text in chunk]
        for (rid, text), spans in zip(chunk, analyze_texts(texts), strict=True):
            scrubbed = None if text is None else replace_spans(text, spans)
            out.write(
                json.dumps({"id": rid, "text": scrubbed, "spans": [s.to_dict() for s in spans]}, ensure_ascii=False)
                + "\n"
            )
    return len(records)


@click.command("scrub")
@click.argument("input_file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of stdout.")
def scrub(input_file: Path | None, output: Path | None) -> None:
    """Scrub personal data from JSON Lines {"id", "text"} (INPUT_FILE or stdin)."""
    if input_file is not None and not input_file.exists():
        raise click.ClickException(f"{input_file}: no such file")
    source = str(input_file) if input_file else "<stdin>"
    stream = input_file.open(encoding="utf-8") if input_file else sys.stdin
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        count = scrub_stream(stream, out, source)
    finally:
        if input_file:
            stream.close()
        if output:
            out.close()
    logger.info("scrubbed %d records from %s", count, source)


@click.command("pii-eval")
@click.option(
    "--corpus",
    type=click.Choice(
        [
            "heldout",
            "audit12",
            "audit11",
            "audit10",
            "audit9",
            "audit8",
            "audit7",
            "audit6",
            "audit5",
            "audit4",
            "audit3",
            "tuning",
            "audit1",
            "audit2",
            "legacy",
        ]
    ),
    default="heldout",
    show_default=True,
    help="heldout: the independent corpus never used for tuning; audit12: written blind by an outside auditor,"
    " measured held out before and after round 13 (bench/results/pii_evaluation_audit12_baseline.md,"
    " pii_evaluation_audit12.md), then released as tuning material for round 14: upper bound (report"
    " pii_evaluation_audit12_round14.md); audit11: written blind by an outside auditor,"
    " measured held out before and after round 12 (bench/results/pii_evaluation_audit11_baseline.md,"
    " pii_evaluation_audit11.md), then released as tuning material for round 13: upper bound (report"
    " pii_evaluation_audit11_round13.md); audit10: written blind by an outside auditor,"
    " measured held out before and after round 11 (bench/results/pii_evaluation_audit10_baseline.md,"
    " pii_evaluation_audit10.md), then released as tuning material for round 12: upper bound (report"
    " pii_evaluation_audit10_round12.md); audit9: written blind by an outside auditor,"
    " measured held out before and after round 10 (bench/results/pii_evaluation_audit9_baseline.md,"
    " pii_evaluation_audit9.md), then released as tuning material for round 11: upper bound (report"
    " pii_evaluation_audit9_round11.md); audit8: written blind,"
    " measured held out before and after round 9 (bench/results/pii_evaluation_audit8_baseline.md,"
    " pii_evaluation_audit8.md), then released as tuning material for round 10: upper bound (report"
    " pii_evaluation_audit8_round10.md); audit7: written blind, measured once held out"
    " (bench/results/pii_evaluation_audit7.md), then released as tuning material for"
    " round 9: upper bound (report pii_evaluation_audit7_round9.md); audit6: written blind, measured once held out"
    " (bench/results/pii_evaluation_audit6.md), then released as tuning material for round 8: upper bound"
    " (report pii_evaluation_audit6_round8.md); audit5: written blind, measured once held out"
    " (bench/results/pii_evaluation_audit5.md), then released as tuning material for round 7: upper bound"
    " (report pii_evaluation_audit5_round7.md); audit4: written blind, measured once held out"
    " (bench/results/pii_evaluation_audit4.md), then released as tuning material for round 6: upper bound;"
    " audit3: written blind, measured once held out"
    " (bench/results/pii_evaluation_audit3.md), then released as tuning material for round 4: upper bound;"
    " tuning and audit1: corpora the detector was tuned on (upper bounds); audit2: written blind, measured"
    " once held out (figures in bench/results/pii_evaluation_audit2.md), then used as tuning material in round 3:"
    " upper bound; legacy: the first synthetic corpus.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Default: bench/results/pii_evaluation.md for heldout, pii_evaluation_<corpus>.md for the others"
    " (pii_evaluation_audit2_round3.md for audit2, pii_evaluation_audit3_round4.md for audit3,"
    " pii_evaluation_audit4_round6.md for audit4, pii_evaluation_audit5_round7.md for audit5,"
    " pii_evaluation_audit6_round8.md for audit6, pii_evaluation_audit7_round9.md for audit7,"
    " pii_evaluation_audit8_round10.md for audit8, pii_evaluation_audit9_round11.md for audit9,"
    " pii_evaluation_audit10_round12.md for audit10, pii_evaluation_audit11_round13.md for audit11,"
    " pii_evaluation_audit12_round14.md for audit12: the held-out"
    " measurements' files are kept).",
)
def pii_eval(corpus: str, output: Path | None) -> None:
    """Run the PII detector on a labelled corpus; print and write recall per type, precision, clean texts
    left untouched and throughput (figures only, never a text)."""
    from vault.pii.corpora import CorpusFileError
    from vault.pii.evaluation import evaluate, to_markdown

    try:
        ev = evaluate(corpus)
    except CorpusFileError as exc:
        raise click.ClickException(str(exc)) from None
    report = to_markdown(ev)
    output = output if output is not None else default_report(corpus)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(report, encoding="utf-8")
    click.echo(report)
    click.echo(f"written to {output}")
    if ev.failures():
        raise click.ClickException("targets not met: " + "; ".join(ev.failures()))
