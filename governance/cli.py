"""``confiance publish``: the publication gate from the command line.

The logic is in ``governance.publish``; this module only reads the options and prints. ``confiance site`` and
``confiance report`` are in ``confiance/cli.py``: they hand the quality status (and the vault's records) to
governance, which imports neither.
"""

from __future__ import annotations

from pathlib import Path

import click

from confiance.cli_options import home_option, run_id_option
from confiance.run_ids import new_run_id
from confiance.settings import get_settings
from governance import release_log
from governance.publish import (
    key_fingerprint,
    masked_share_lines,
    pinned_key,
    public_key_pem,
    publish_all,
    signing_key,
    verify_folder,
)


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
    # An unchanged release is not a failure: the previous release stands (governance.release_log).
    if any(o["status"] not in (release_log.PUBLISHED, release_log.UNCHANGED) for o in summary["consumers"].values()):
        raise SystemExit(1)
