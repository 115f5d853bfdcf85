"""``confiance vault ...``: the trusted third party's commands. Output: counts, file names, tokens, reasons only."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from confiance.settings import get_settings


@click.group("vault")
def vault() -> None:
    """The vault (trusted third party): keys, landing, crossing, re-identification, audit log."""


@vault.command("init-key")
@click.option(
    "--key-file",
    type=click.Path(path_type=Path),
    default=None,
    help="Where to create the master key (default: CONFIANCE_KEY_FILE).",
)
def init_key(key_file: Path | None) -> None:
    """Create a new master key file (mode 0600); refuses to overwrite an existing one."""
    from vault.keys import init_master_key

    path = key_file or get_settings().key_file
    init_master_key(path)
    click.echo(f"created master key {path} (mode 0600); keep it outside the data directory and back it up")


@vault.command("land")
@click.option("--progress/--no-progress", default=True, help="Show progress on stderr.")
def land(progress: bool) -> None:
    """Land the inbox files into the encrypted vault (idempotent, one transaction per file).

    Exits 1 when a file was refused (the ledger records it and its reason)."""
    from vault.landing import land_inbox

    results = land_inbox(get_settings(), progress=progress)
    for r in results:
        line = (
            f"{r['status']:8} {r['file']}: read {r['rows_read']}, landed {r['rows_landed']}, "
            f"quarantined {r['rows_quarantined']}"
        )
        click.echo(line + (f" ({r['reason']})" if r["reason"] else ""))
    refused = [r for r in results if r["status"] == "refused"]
    if refused:
        # the ledger records them; the exit code lets a scheduler notice
        click.echo(
            f"error: {len(refused)} file(s) refused (see the reasons above and `confiance vault ledger`)", err=True
        )
        sys.exit(1)


@vault.command("cross")
def cross() -> None:
    """Pseudonymise the latest vault rows into the warehouse (schema pseudo)."""
    from vault.crossing import cross_to_warehouse

    for table, n in cross_to_warehouse(get_settings()).items():
        click.echo(f"pseudo.{table}: {n} rows")


@vault.command("ledger")
def show_ledger() -> None:
    """The landing ledger (one line per file)."""
    from vault.landing import ledger

    for r in ledger(get_settings()):
        click.echo(
            f"{r['file_id']:4} {r['status']:8} {r['feed'] or '-':10} {r['file']}: read {r['rows_read']}, "
            f"landed {r['rows_landed']}, quarantined {r['rows_quarantined']}"
            + (f" ({r['reason']})" if r["reason"] else "")
        )


@vault.command("rotate-key")
@click.option("--domain", help="Pseudonymisation domain to rotate (e.g. insurer).")
@click.option("--database", is_flag=True, help="Rotate the vault database key (re-encrypts the vault).")
def rotate_key(domain: str | None, database: bool) -> None:
    """New key version for a domain (re-tokenises it) or for the vault database (re-encrypts it)."""
    from vault import rotation

    if bool(domain) == database:
        raise click.UsageError("give either --domain D or --database")
    settings = get_settings()
    if database:
        v = rotation.rotate_database_key(settings)
        click.echo(f"vault re-encrypted under database key version {v}")
    else:
        info = rotation.rotate_domain_key(settings, domain)
        click.echo(
            f"domain {domain}: key version {info['from_version']} -> {info['to_version']}, "
            f"{info['tokens_mapped']} tokens re-issued; warehouse re-crossed"
        )


@vault.command("reidentify")
@click.option("--purpose", required=True, help="A purpose declared in contracts/purposes.yaml.")
@click.option(
    "--tokens",
    "tokens_file",
    required=True,
    type=click.Path(exists=True, path_type=Path),
    help="File of member tokens, one per line (or CSV with a member_token column).",
)
@click.option("--caller", default=None, help="Who asks (default: CONFIANCE_ACTOR or the user name).")
def reidentify_cmd(purpose: str, tokens_file: Path, caller: str | None) -> None:
    """Re-identify members for a declared purpose; results stay in the vault, only counts are printed."""
    from vault.reidentify import reidentify

    res = reidentify(get_settings(), purpose, tokens_file, caller=caller)
    click.echo(
        f"request {res['request_id']}: {res['tokens']} tokens, {res['resolved']} resolved, "
        f"{res['consented']} with consent for {purpose}; {res['written']} written inside the vault"
    )


@vault.command("erase")
@click.option("--member-token", required=True, help="Token of the member to erase (active key version).")
@click.option("--yes", is_flag=True, help="Confirm the erasure.")
def erase(member_token: str, yes: bool) -> None:
    """Right to erasure: delete one member from the vault and the warehouse (audited)."""
    from vault.erasure import erase_member

    if not yes:
        raise click.UsageError("erasure is irreversible: add --yes")
    deleted = erase_member(get_settings(), member_token)
    click.echo("erased: " + ", ".join(f"{t} {n}" for t, n in deleted.items()))


@vault.group("audit")
def audit_group() -> None:
    """The hash-chained audit log."""


@audit_group.command("verify")
def audit_verify() -> None:
    """Check the audit chain, its head and the vault's anchor; exit 7 if any entry was edited, removed or reordered
    (3 for a wrong master key)."""
    from vault.audit import verify

    ok, message = verify(get_settings())
    click.echo(message, err=not ok)
    if not ok:
        sys.exit(7)


@audit_group.command("show")
@click.option("--last", type=int, default=20, help="How many entries.")
def audit_show(last: int) -> None:
    """The last audit entries."""
    from vault.audit import entries

    for e in entries(get_settings())[-last:]:
        click.echo(f"{e['seq']:5} {e['ts']} {e['actor']} {e['action']} {e['details']}")
