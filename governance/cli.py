"""``confiance publish`` and ``confiance site``: the publication gate and the glossary site from the command line.

The logic is in ``governance.publish`` and ``governance.site``; this module only reads the options and prints.
"""

from __future__ import annotations

from pathlib import Path

import click

from confiance.cli_options import home_option, run_id_option
from confiance.run_ids import new_run_id
from confiance.settings import get_settings
from governance.publish import (
    key_fingerprint,
    masked_share_lines,
    pinned_key,
    public_key_pem,
    publish_all,
    signing_key,
    verify_folder,
)
from governance.reports import build_dpo_reports
from governance.site import build_site


@click.command("publish")
@home_option
@run_id_option
@click.option(
    "--verify",
    "verify_folder_path",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Only verify a published folder (signature with the pinned publisher key, checksums, file list) as a "
    "consumer would, and exit (1 if it does not verify).",
)
@click.option(
    "--public-key",
    "public_key_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="With --verify: the publisher's public key (PEM), received out of band.",
)
@click.option(
    "--fingerprint",
    default=None,
    help="With --verify: the publisher key's SHA-256 fingerprint (hex), received out of band.",
)
@click.option(
    "--export-key",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write the publisher's public key (PEM) to this file, print its fingerprint, and exit.",
)
def publish(
    home: Path | None,
    run_id: str | None,
    verify_folder_path: Path | None,
    public_key_file: Path | None,
    fingerprint: str | None,
    export_key: Path | None,
) -> None:
    """Check the marts (k, dominance, secondary suppression, l-diversity, lineage, quality, PII) and publish them.

    Consumers verify a folder against the publisher's pinned key: `--verify FOLDER --fingerprint HEX` (or
    `--public-key FILE`, or CONFIANCE_PUBLISHER_FINGERPRINT / CONFIANCE_PUBLISHER_KEY). The publisher gives
    them that key once, out of band: `--export-key FILE`.
    """
    if export_key is not None:
        pem = public_key_pem(signing_key(get_settings(home)))
        export_key.write_bytes(pem)
        click.echo(f"publisher public key written to {export_key}; fingerprint (SHA-256) {key_fingerprint(pem)}")
        return
    if verify_folder_path is not None:
        pem, pin = pinned_key(get_settings(home), public_key_file, fingerprint)
        ok, message = verify_folder(verify_folder_path, pem, pin)
        if ok:
            click.echo(f"{verify_folder_path}: {message}")
            return
        click.echo(f"{verify_folder_path}: does NOT verify: {message}", err=True)
        raise SystemExit(1)
    settings = get_settings(home)
    run_id = run_id or new_run_id()
    summary = publish_all(settings, run_id)
    for consumer, outcome in summary["consumers"].items():
        click.echo(f"{consumer}: {outcome['status']} ({outcome['files']} file(s))")
        for reason in outcome["reasons"]:
            click.echo(f"  refused: {reason}")
    for line in masked_share_lines(summary):
        click.echo(line)
    if any(o["status"] != "published" for o in summary["consumers"].values()):
        raise SystemExit(1)


@click.group("site", invoke_without_command=True)
@home_option
@click.pass_context
def site(ctx: click.Context, home: Path | None) -> None:
    """The glossary site (data dictionary): `build` it, or `serve` it locally. Alone: build."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(build, home=home)


@site.command("build")
@home_option
def build(home: Path | None) -> None:
    """Build the glossary site under <home>/site: metadata only, no data value."""
    path = build_site(get_settings(home))
    click.echo(f"glossary site: {path / 'index.html'}")


#: What ``confiance site serve`` shows: the site and what it links to, never the vault or the warehouse.
SERVED = ("site", "reports", "quality/data_docs")


@site.command("serve")
@home_option
@click.option("--port", type=int, default=8000, show_default=True, help="Port on 127.0.0.1.")
def serve(home: Path | None, port: int) -> None:
    """Serve the site, the DPO reports and the Data Docs on http://127.0.0.1:PORT (this machine only)."""
    import functools
    import http.server

    settings = get_settings(home)
    root = settings.home.resolve()
    if not (settings.site / "index.html").is_file():
        raise click.ClickException(f"{settings.site}: no site built yet; run `confiance site build` first")

    class Handler(http.server.SimpleHTTPRequestHandler):
        def translate_path(self, path: str) -> str:
            local = Path(super().translate_path(path)).resolve()
            allowed = any(local.is_relative_to(root / part) for part in SERVED)
            return str(local) if allowed else str(root / "site" / "__not_served__")

    handler = functools.partial(Handler, directory=str(root))
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as exc:
        raise click.ClickException(f"port {port} on 127.0.0.1: {exc.strerror}") from exc
    click.echo(f"glossary site: http://127.0.0.1:{server.server_address[1]}/site/index.html (Ctrl-C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@click.command("report")
@home_option
@click.option("--pdf", is_flag=True, help="Also print each report to PDF (headless Chromium, print stylesheet).")
def report(home: Path | None, pdf: bool) -> None:
    """Build the DPO reports under <home>/reports: landing ledger, publication log, audit, people's requests,
    consent, retention, register (HTML, Markdown, JSON, CSV per table; PDF with --pdf)."""
    paths = build_dpo_reports(get_settings(home), pdf=pdf)
    click.echo(f"DPO reports: {paths[0]}")
