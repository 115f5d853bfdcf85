"""The end-of-run summary the demo prints: counts and paths, never an identifier."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import click

from confiance.settings import Settings, get_settings


def landing_by_feed(settings: Settings) -> dict[str, dict[str, int]]:
    """Rows read, landed and quarantined per feed, over every file in the landing ledger."""
    from vault.landing import ledger

    totals: dict[str, dict[str, int]] = defaultdict(
        lambda: {"files": 0, "rows_read": 0, "rows_landed": 0, "rows_quarantined": 0, "files_refused": 0}
    )
    for entry in ledger(settings):
        feed = totals[entry.get("feed") or "unknown"]
        feed["files"] += 1
        if entry.get("status") == "refused":
            feed["files_refused"] += 1
        for key in ("rows_read", "rows_landed", "rows_quarantined"):
            feed[key] += int(entry.get(key) or 0)
    return dict(totals)


def published_manifests(settings: Settings) -> list[tuple[Path, dict[str, Any]]]:
    out = []
    for path in sorted(settings.published.rglob("manifest.json")):
        with open(path, encoding="utf-8") as fh:
            out.append((path, json.load(fh)))
    return out


def render_summary(settings: Settings) -> str:
    from quality.status import dataset_status

    lines = ["", "Confiance — run summary", "=" * 23, "", "Landing (rows read = landed + quarantined):"]
    for feed, t in landing_by_feed(settings).items():
        refused = f", {t['files_refused']} file(s) refused" if t["files_refused"] else ""
        lines.append(
            f"  {feed:<10} {t['rows_read']:>10,} read  {t['rows_landed']:>10,} landed  "
            f"{t['rows_quarantined']:>7,} quarantined  ({t['files']} file(s){refused})"
        )

    from vault.crossing import held_back

    if held := held_back(settings):
        lines.append("  held in the vault until their member lands: " + ", ".join(f"{n} {f}" for f, n in held.items()))

    lines += ["", "Quality (Great Expectations):"]
    for dataset, status in sorted(dataset_status(settings).items()):
        passed = status.get("passed", 0)
        evaluated = status.get("evaluated", passed + status.get("failed", 0))
        verdict = "ok" if status.get("success") else ("BLOCKING" if status.get("blocking") else "warning")
        lines.append(f"  {dataset:<40} {passed:>3}/{evaluated:<3} checks passed  {verdict}")

    lines += ["", "Published marts (k >= 11, dominance, secondary suppression, PII scan; signed manifests):"]
    manifests = published_manifests(settings)
    if not manifests:
        lines.append("  nothing published")
    for path, manifest in manifests:
        consumer = path.parent.relative_to(settings.published).as_posix()
        for item in manifest.get("files", []):
            masked = item.get("share_cells_masked")
            masked_txt = f"{masked:6.1%} cells masked" if isinstance(masked, int | float) else ""
            lines.append(
                f"  {consumer:<28} {item.get('file', '?'):<42} {int(item.get('rows', 0)):>7,} rows  {masked_txt}"
            )
        for refused in manifest.get("refused", []):
            lines.append(f"  {consumer:<28} REFUSED {refused.get('mart', '?')}: {refused.get('reason', '')}")

    lines += [
        "",
        "Open:",
        f"  published marts      {settings.published}",
        f"  glossary site        {settings.site / 'index.html'}",
        f"  DPO reports          {settings.reports}",
        f"  quality Data Docs    {settings.quality_dir / 'data_docs' / 'index.html'}",
        f"  vault (encrypted)    {settings.vault_db}",
        f"  warehouse            {settings.warehouse_db}",
        "",
    ]
    return "\n".join(lines)


@click.command("summary")
@click.option(
    "--home", type=click.Path(path_type=Path), default=None, help="Data directory (default $CONFIANCE_HOME or ./var)."
)
def summary(home: Path | None) -> None:
    """Print what the last runs did: rows landed and quarantined, checks, published marts, paths."""
    click.echo(render_summary(get_settings(home)))
