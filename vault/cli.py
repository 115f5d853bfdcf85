"""``confiance vault ...``: the trusted third party's commands. Output: counts, file names, tokens, reasons only."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from confiance.settings import get_settings


@click.group("vault")
def vault() -> None:
    """The vault (trusted third party): keys, landing, crossing, re-identification, people's requests, purge, audit."""


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
@click.option(
    "--erasure-register",
    is_flag=True,
    help="New key version for the erasure register's new entries (old entries are re-keyed when the person is "
    "sent again).",
)
def rotate_key(domain: str | None, database: bool, erasure_register: bool) -> None:
    """New key version for a domain (re-tokenises it), for the vault database (re-encrypts it) or for the
    erasure register."""
    from vault import rotation

    if sum([bool(domain), database, erasure_register]) != 1:
        raise click.UsageError("give exactly one of --domain D, --database or --erasure-register")
    settings = get_settings()
    if erasure_register:
        from vault import erasure_register as register

        version = register.rotate_key(settings, "cli")
        click.echo(f"erasure register: new entries under key version {version}")
        return
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


# --------------------------------------------------------------------------- people's rights (DPO)


def _member_options(func):
    func = click.option(
        "--received",
        type=click.DateTime(["%Y-%m-%d"]),
        default=None,
        help="Date the request was received (default today); the answer is due one month later.",
    )(func)
    func = click.option(
        "--birth-date",
        type=click.DateTime(["%Y-%m-%d"]),
        default=None,
        help="Birth date (YYYY-MM-DD), with --last-name when the NIR is not known.",
    )(func)
    func = click.option("--first-name", default=None, help="First name (narrows a name search).")(func)
    func = click.option("--last-name", default=None, help="Last name, with --birth-date.")(func)
    func = click.option("--nir", default=None, help="The member's NIR as written on their letter (spaces allowed).")(
        func
    )
    return func


def _query(nir, last_name, first_name, birth_date):
    from vault.requests import MemberQuery

    if not nir and not (last_name and birth_date):
        raise click.UsageError("give --nir, or --last-name and --birth-date")
    return MemberQuery(
        nir=nir, last_name=last_name, first_name=first_name, birth_date=birth_date.date() if birth_date else None
    )


def _day(value):
    return value.date() if value else None


def _due(req) -> str:
    return f"request {req.number} ({req.kind}): received {req.received_on}, due {req.due_on}, status {req.status}"


@vault.group("request")
def request_group() -> None:
    """A member's request (access, rectification, objection, erasure), found by NIR or name and birth date."""


@request_group.command("access")
@_member_options
@click.option("--pdf/--no-pdf", default=True, help="Also print the French document to PDF (headless Chromium).")
def request_access(nir, last_name, first_name, birth_date, received, pdf: bool) -> None:
    """Right of access: export everything held about the member (HTML/PDF for them, JSON/CSV) to the vault outbox."""
    from confiance.settings import controller_identity
    from vault.requests import access

    printer = None
    if pdf:
        from confiance.browser import html_to_pdf

        printer = html_to_pdf
    req, paths = access(
        get_settings(),
        _query(nir, last_name, first_name, birth_date),
        received=_day(received),
        pdf=printer,
        controller=controller_identity(),
    )
    click.echo(_due(req))
    rows = req.outcome.get("rows", {})
    click.echo("exported: " + ", ".join(f"{k} {v}" for k, v in rows.items()))
    click.echo(f"files in {paths['html'].parent} (inside the vault: send them to the member by a secure channel)")


@request_group.command("rectify")
@_member_options
@click.option(
    "--set",
    "changes",
    multiple=True,
    required=True,
    metavar="ATTRIBUTE=VALUE",
    help="Corrected attribute, e.g. --set last_name=Dupont --set postal_code=69003 (repeatable).",
)
def request_rectify(nir, last_name, first_name, birth_date, received, changes) -> None:
    """Right to rectification: correct the member's attributes in the vault; the next run carries them downstream."""
    from vault.requests import rectify

    parsed = {}
    for item in changes:
        key, sep, value = item.partition("=")
        if not sep:
            raise click.UsageError(f"--set expects ATTRIBUTE=VALUE (got {key!r})")
        parsed[key.strip()] = value.strip()
    req = rectify(get_settings(), _query(nir, last_name, first_name, birth_date), parsed, received=_day(received))
    click.echo(_due(req))
    click.echo(f"rectified: {', '.join(sorted(parsed))}; carried to the warehouse and marts by the next run")


@request_group.command("object")
@_member_options
@click.option(
    "--to",
    "uses",
    multiple=True,
    required=True,
    type=click.Choice(["research", "marketing", "prevention"]),
    help="What the member objects to (repeatable).",
)
def request_object(nir, last_name, first_name, birth_date, received, uses) -> None:
    """Right to object: withdraw consents in the consent register; the next run honours it in marts and campaigns."""
    from vault.requests import object_to

    req = object_to(get_settings(), _query(nir, last_name, first_name, birth_date), list(uses), received=_day(received))
    click.echo(_due(req))
    click.echo(f"consents withdrawn: {', '.join(req.outcome['consents_withdrawn'])}; honoured by the next run")


@request_group.command("erase")
@_member_options
@click.option("--yes", is_flag=True, help="Confirm the erasure (irreversible).")
def request_erase(nir, last_name, first_name, birth_date, received, yes: bool) -> None:
    """Right to erasure: remove the member from every zone, physically (vault, quarantine, warehouse, files)."""
    from vault.requests import erase

    if not yes:
        raise click.UsageError("erasure is irreversible: add --yes")
    req, removed = erase(get_settings(), _query(nir, last_name, first_name, birth_date), received=_day(received))
    click.echo(_due(req))
    click.echo("removed: " + ", ".join(f"{t} {n}" for t, n in removed.items() if n))


@request_group.command("list")
def request_list() -> None:
    """The register of requests: number, kind, received, due, status."""
    from vault.requests import list_requests

    for req in list_requests(get_settings()):
        late = " LATE" if req.late and req.status == "received" else ""
        click.echo(
            f"{req.number} {req.kind:8} received {req.received_on} due {req.due_on} {req.status}"
            + (f" on {req.closed_on}" if req.closed_on else "")
            + late
        )


@vault.command("purge")
@click.option("--dry-run", is_flag=True, help="Count what is due, delete nothing.")
@click.option("--as-of", type=click.DateTime(["%Y-%m-%d"]), default=None, help="Reference date (default today).")
def purge_cmd(dry_run: bool, as_of) -> None:
    """Delete what each contract's retention says is due, in every zone, physically; counts in the audit log."""
    from vault.retention import purge

    res = purge(get_settings(), dry_run=dry_run, as_of=_day(as_of))
    for rule in res["rules"]:
        click.echo(
            f"{rule['rule']:32} retention {rule['retention']:12} rows {rule['rows']:8} due {rule['due']:8}"
            + (f" archived {rule['archived']}" if rule["archived"] else "")
        )
    if dry_run:
        click.echo("dry run: nothing deleted")
    else:
        click.echo("removed: " + (", ".join(f"{t} {n}" for t, n in res["removed"].items() if n) or "nothing"))


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
