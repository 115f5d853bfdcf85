"""The end-of-run summary the demo prints: counts and paths, never an identifier."""

from __future__ import annotations

from collections import defaultdict

from confiance.pipeline import latest_run_results
from confiance.settings import Settings


def landing_by_feed(settings: Settings) -> dict[str, dict[str, int]]:
    """Rows read, landed and quarantined per feed, over every file in the landing ledger."""
    from vault.landing import ledger_entries

    totals: dict[str, dict[str, int]] = defaultdict(
        lambda: {"files": 0, "rows_read": 0, "rows_landed": 0, "rows_quarantined": 0, "files_refused": 0}
    )
    for entry in ledger_entries(settings):
        feed = totals[entry.feed or "unknown"]
        feed["files"] += 1
        feed["files_refused"] += int(entry.status == "refused")
        feed["rows_read"] += entry.rows_read
        feed["rows_landed"] += entry.rows_landed
        feed["rows_quarantined"] += entry.rows_quarantined
    return dict(totals)


def render_summary(settings: Settings) -> str:
    from quality.status import dataset_states

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
    # One status and one name per dataset, decided where the site and the reports decide them.
    zones = {"feed": 0, "warehouse": 1, "model": 2, "mart": 3}
    for state in sorted(dataset_states(settings).values(), key=lambda s: (zones.get(s.zone, 9), s.name)):
        lines.append(f"  {state.display_name:<58} {state.passed:>3}/{state.evaluated:<3} checks passed  {state.label}")

    lines += [
        "",
        f"Publication gate (populations >= {settings.min_cell_size}, dominance and p %, linked-table "
        "suppression and the attacker's audit, PII scan, lineage; signed manifests):",
    ]
    publication = latest_run_results(settings).get("publish")
    if not publication:
        lines.append("  nothing published yet")
    else:
        from governance.publish import masked_share_lines

        for consumer, outcome in sorted(publication.get("consumers", {}).items()):
            folders = outcome.get("folders") or []
            where = f" in {len(folders)} folders" if len(folders) > 1 else ""
            lines.append(f"  {consumer:<12} {outcome.get('status', '?'):<10} {outcome.get('files', 0)} file(s){where}")
            for reason in outcome.get("reasons", []):
                lines.append(f"      why: {reason}")
        employers = publication.get("employers") or {}
        if employers:
            details = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in employers.items())
            lines.append(f"  employers: {details}")
        lines += ["", "Share of cells masked per mart:"]
        lines += [f"  {line}" for line in masked_share_lines(publication)]
        audits = publication.get("disclosure_audit") or {}
        if audits:
            lines += ["", "Disclosure audit (the attacker's linear programme over each consumer's releases):"]
            for consumer, a in sorted(audits.items()):
                upper = a.get("min_count_upper_bound")
                spread = a.get("min_amount_spread")
                lines.append(
                    f"  {consumer:<12} {'passed' if a.get('passed') else 'FAILED':<7} "
                    f"{a.get('releases_audited', 0)} release(s), {a.get('masked_cells_audited', 0)} masked cell(s) "
                    f"({a.get('secondary_cells', 0)} secondary), {a.get('linear_programmes', 0)} programmes; "
                    f"smallest upper bound of a small count {'n/a' if upper is None else upper}, "
                    f"smallest spread of a sensitive amount {'n/a' if spread is None else f'{spread:.0%}'}"
                )

    lines += [
        "",
        "Open:",
        f"  published marts      {settings.published}",
        f"  glossary site        {settings.site / 'index.html'}",
        f"  DPO reports          {settings.reports}",
        f"  employer deliveries  {settings.reports / 'employer_deliveries.csv'} (staff only: who got what, when)",
        f"  quality Data Docs    {settings.quality_dir / 'data_docs' / 'index.html'}",
        f"  vault (encrypted)    {settings.vault_db}",
        f"  warehouse            {settings.warehouse_db}",
        "",
    ]
    return "\n".join(lines)
