"""The ``confiance`` command line: one entry point, each package brings its commands.

Each package owns its commands in its own ``cli`` module; this file assembles them
(and holds the pipeline's own, ``run`` and ``summary``, and the groups whose commands hand
one package's records to another: ``quality``, whose feeds stage reads the vault; ``site`` and ``report``,
which show the quality status and the vault's records) so that ``confiance --help``
lists everything, and turns every known failure into one clear line on stderr and a
documented exit code (no traceback; ``-v`` shows it). The options the groups share
(``--home``, ``--run-id``) are defined once, in ``confiance.cli_options``:

====  ==========================================================================
code  meaning
====  ==========================================================================
0     done
1     done, but something was refused or failed a check (a file refused at
      landing, a consumer refused at publication, a folder that does not verify)
2     wrong usage (unknown option, missing argument)
3     master key: missing, malformed, badly protected or not the vault's key
4     busy: another process holds the vault, the warehouse or the publication
5     disk full: nothing was committed; free space and run again
6     read-only or permission denied on the data directory
7     the audit log does not verify (tampering): nothing is written on top of it
8     out of memory (lower the work or raise CONFIANCE_VAULT_MEMORY_LIMIT)
9     another pipeline run is under way on this data directory: this one did not
      start (a run killed earlier does not count: its lock is taken over, audited)
70    internal error (a bug: rerun with -v and report it)
====  ==========================================================================
"""

from __future__ import annotations

import datetime as dt
import errno
import importlib
import json
import logging
import re
import sys
import traceback
from pathlib import Path

import click

from confiance.cli_options import home_option, run_id_option

# (module, attribute) of every command or command group, in the order --help shows them, by command name.
# A command's module is imported only when that command runs (or for --help), so that `confiance vault land`
# starts in a second instead of importing every package.
COMMANDS: dict[str, tuple[str, str]] = {
    "generate": ("confiance.synthetic.cli", "generate"),
    "run": ("confiance.cli", "run"),
    "summary": ("confiance.cli", "summary"),
    "vault": ("vault.cli", "vault"),
    "scrub": ("vault.pii.cli", "scrub"),
    "pii-eval": ("vault.pii.cli", "pii_eval"),
    "quality": ("confiance.cli", "quality"),
    "publish": ("confiance.cli", "publish"),
    "site": ("confiance.cli", "site"),
    "report": ("confiance.cli", "report"),
    "codegen": ("confiance.codegen.cli", "codegen"),
}

EXIT_REFUSED = 1
EXIT_USAGE = 2
EXIT_KEY = 3
EXIT_BUSY = 4
EXIT_DISK_FULL = 5
EXIT_READ_ONLY = 6
EXIT_AUDIT = 7
EXIT_MEMORY = 8
EXIT_RUN_IN_PROGRESS = 9
EXIT_INTERNAL = 70

# Known failures whose message is written for an operator (file, line, reason; never a value).
_DOMAIN_ERRORS = {
    "confiance.contracts": ("ContractError",),
    "vault.db": ("VaultError",),
    "vault.crossing": ("CrossingError",),
    "vault.rotation": ("RotationError",),
    "vault.erasure": ("ErasureError",),
    "vault.requests": ("RequestError",),
    "vault.reidentify": ("ReidentificationRefused",),
    "vault.landing": ("RefusedFile",),
    "governance.publish": ("PublicationError",),
    "governance.lineage": ("LineageError",),
    "governance.pii_gate": ("PiiGateError", "PiiLeakError"),
    "governance.protection": ("ProtectionError",),
}

# What must never reach a terminal or a log even from an unexpected error: direct identifiers.
_REDACT = [
    re.compile(r"\b[12] ?[0-9]{2} ?[0-9]{2} ?(?:2A|2B|[0-9]{2}) ?[0-9]{3} ?[0-9]{3}(?: ?[0-9]{2})?\b"),
    re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"),
    re.compile(r"(?:\+33 ?|\b0)[1-9](?:[ .-]?[0-9]{2}){4}\b"),
    re.compile(r"\b[A-Z]{2}[0-9]{2}(?:[ -]?[0-9A-Z]{4}){3,7}"),
    re.compile(r"\b[AC][0-9]{9,10}\b"),
]


def redact(text: str) -> str:
    for pattern in _REDACT:
        text = pattern.sub("<redacted>", text)
    return text


def _is(exc: BaseException, module: str, *names: str) -> bool:
    mod = sys.modules.get(module)
    return mod is not None and any(isinstance(exc, getattr(mod, n)) for n in names if hasattr(mod, n))


def classify(exc: BaseException) -> tuple[int, str]:
    """(exit code, one line for the operator) for an exception raised by a command."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    lower = str(exc).lower()
    if _is(exc, "vault.keys", "MasterKeyError"):
        return EXIT_KEY, f"master key: {text}"
    if _is(exc, "vault.locking", "RunInProgressError"):
        return EXIT_RUN_IN_PROGRESS, f"another run is under way: {text}"
    if _is(exc, "vault.locking", "VaultBusyError"):
        return EXIT_BUSY, f"busy: {text}"
    if _is(exc, "vault.audit", "AuditError"):
        return EXIT_AUDIT, f"audit log: {text}"
    os_errno = exc.errno if isinstance(exc, OSError) else None
    if os_errno == errno.ENOSPC or "no space left" in lower:
        return EXIT_DISK_FULL, (
            "disk full: no space left on the device of the data directory; nothing was "
            "committed, free space and run again"
        )
    if os_errno in (errno.EROFS,) or "read-only file system" in lower:
        return EXIT_READ_ONLY, "read-only: the data directory is on a read-only file system"
    if any(_is(exc, m, *names) for m, names in _DOMAIN_ERRORS.items()):
        return EXIT_REFUSED, redact(text)
    if os_errno in (errno.EACCES, errno.EPERM) or "permission denied" in lower:
        where = f" ({exc.filename})" if isinstance(exc, OSError) and exc.filename else ""
        return EXIT_READ_ONLY, f"permission denied{where}: the data directory must be writable by this user"
    duckdb = sys.modules.get("duckdb")
    if duckdb is not None and isinstance(exc, duckdb.Error):
        if "could not set lock" in lower or "conflicting lock" in lower:
            return EXIT_BUSY, "busy: a database file is in use by another process (one writer at a time)"
        if isinstance(exc, duckdb.OutOfMemoryException) or "out of memory" in lower:
            return EXIT_MEMORY, (
                "out of memory: raise CONFIANCE_VAULT_MEMORY_LIMIT or give the machine more "
                "memory; nothing was committed"
            )
    if isinstance(exc, MemoryError):
        return EXIT_MEMORY, "out of memory; nothing was committed"
    if isinstance(exc, FileNotFoundError):
        return EXIT_REFUSED, f"file not found: {exc.filename}"
    return EXIT_INTERNAL, f"internal error ({type(exc).__name__}): {redact(text)[:300]}; rerun with -v for details"


class ConfianceGroup(click.Group):
    """Loads each command when needed; runs it and turns any exception into one line on stderr and its exit code."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module, attr = COMMANDS[cmd_name]
            self.add_command(getattr(importlib.import_module(module), attr), cmd_name)
        return self.commands.get(cmd_name)

    def invoke(self, ctx: click.Context):  # noqa: ANN201 - click's signature
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted: nothing of the step in progress was committed", err=True)
            ctx.exit(130)
        except Exception as exc:  # noqa: BLE001 - this is the one handler
            code, message = classify(exc)
            if (ctx.obj or {}).get("verbose"):
                click.echo(redact("".join(traceback.format_exception(exc))), err=True)
            click.echo(f"error: {message}", err=True)
            logging.getLogger("confiance").debug("command failed with exit code %d", code)
            ctx.exit(code)


@click.group(
    cls=ConfianceGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Exit codes: 0 done; 1 refused or a check failed; 2 usage; 3 master key; 4 busy (another "
    "process); 5 disk full; 6 read-only or permission denied; 7 audit log does not verify; "
    "8 out of memory; 9 another pipeline run is under way; 70 internal error.",
)
@click.option("-v", "--verbose", is_flag=True, help="Log debug messages and show tracebacks (never identifiers).")
@click.pass_context
def main(ctx: click.Context, verbose: bool) -> None:
    """Confiance: privacy-first data platform for mutuelles.

    Data live under CONFIANCE_HOME (default ./var); the master key is read from
    CONFIANCE_MASTER_KEY or the file CONFIANCE_KEY_FILE (default
    ~/.config/confiance/master.key).
    """
    ctx.obj = {"verbose": verbose}
    # logs and progress go to stderr; stdout carries only the commands' results
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


@click.command("run")
@home_option
@run_id_option
def run(home: Path | None, run_id: str | None) -> None:
    """Run the whole pipeline without Airflow: land, check, pseudonymise, dbt, publish, site, reports."""
    from confiance.pipeline import run_all
    from confiance.settings import get_settings
    from confiance.summary import render_summary

    settings = get_settings(home)
    run_all(settings, run_id, echo=click.echo)
    click.echo(render_summary(settings))


@click.command("summary")
@home_option
def summary(home: Path | None) -> None:
    """Print what the last runs did: rows landed and quarantined, checks, published marts, paths."""
    from confiance.settings import get_settings
    from confiance.summary import render_summary

    click.echo(render_summary(get_settings(home)))


# --- quality: its feeds stage reads the vault, so the group sits here, above both packages -------------


@click.group("quality")
def quality() -> None:
    """Data quality with Great Expectations: suites generated from contracts/, gates and Data Docs."""


@quality.command("run")
@click.option(
    "--stage",
    type=click.Choice(["feeds", "warehouse", "marts"]),
    required=True,
    help="feeds: raw feeds inside the vault; warehouse: pseudo.* tables; marts: dbt marts.",
)
@run_id_option
@click.option("--as-of", default=None, help="Run date the checks are relative to (YYYY-MM-DD, default today).")
@home_option
def quality_run(stage: str, run_id: str | None, as_of: str | None, home: Path | None) -> None:
    """Validate one stage; exits 1 when a blocking (error-severity) check fails."""
    from confiance.pipeline_inputs import validate_feeds
    from confiance.run_ids import new_run_id
    from confiance.settings import get_settings
    from quality.runner import validate_marts, validate_warehouse

    settings = get_settings(home)
    run_id = run_id or new_run_id()
    day = dt.date.fromisoformat(as_of) if as_of else None
    fn = {"feeds": validate_feeds, "warehouse": validate_warehouse, "marts": validate_marts}
    summary = fn[stage](settings, run_id, as_of=day)
    for dataset, s in summary["datasets"].items():
        verdict = "ok" if s["success"] else ("BLOCKING" if s["blocking"] else "warning")
        click.echo(f"{dataset:<40} {s['passed']:>3}/{s['evaluated']:<3} passed  {s['rows']:>10,} rows  {verdict}")
        for reason in s["blocking_failures"]:
            click.echo(f"    blocking: {reason}")
        for reason in s["warnings"]:
            click.echo(f"    warning:  {reason}")
    click.echo(f"Data Docs: {summary['data_docs']}")
    if summary["blocking"]:
        raise SystemExit(1)


@quality.command("status")
@home_option
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
def quality_status(home: Path | None, as_json: bool) -> None:
    """Latest quality result per dataset, with the trend of the last runs."""
    from confiance.settings import get_settings
    from quality.status import dataset_status

    status = dataset_status(get_settings(home))
    if as_json:
        click.echo(json.dumps(status, indent=2, sort_keys=True))
        return
    if not status:
        click.echo("no quality run yet")
        return
    for dataset, s in sorted(status.items()):
        trend = "".join("+" if t["success"] else "-" for t in s["trend"])
        verdict = "ok" if s["success"] else ("BLOCKING" if s["blocking"] else "warning")
        click.echo(f"{dataset:<40} {s['passed']:>3}/{s['evaluated']:<3} {verdict:<9} {s['run_time']}  trend {trend}")


@quality.command("docs")
@home_option
def quality_docs(home: Path | None) -> None:
    """Rebuild the Great Expectations Data Docs and print the index path."""
    from confiance.settings import get_settings
    from quality.engine import build_data_docs

    settings = get_settings(home)
    click.echo(str(build_data_docs(settings.quality_dir)))


# --- the glossary site and the DPO reports: governance's documents, from the quality status it does not import ---


@click.group("site", invoke_without_command=True)
@home_option
@click.pass_context
def site(ctx: click.Context, home: Path | None) -> None:
    """The glossary site (data dictionary): `build` it, or `serve` it locally. Alone: build."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(site_build, home=home)


@site.command("build")
@home_option
def site_build(home: Path | None) -> None:
    """Build the glossary site under <home>/site: metadata only, no data value."""
    from confiance.pipeline_inputs import build_site
    from confiance.settings import get_settings

    path = build_site(get_settings(home))
    click.echo(f"glossary site: {path / 'index.html'}")


#: What ``confiance site serve`` shows: the site and what it links to, never the vault or the warehouse.
SERVED = ("site", "reports", "quality/data_docs")


@site.command("serve")
@home_option
@click.option("--port", type=int, default=8000, show_default=True, help="Port on 127.0.0.1.")
def site_serve(home: Path | None, port: int) -> None:
    """Serve the site, the DPO reports and the Data Docs on http://127.0.0.1:PORT (this machine only)."""
    import functools
    import http.server

    from confiance.settings import get_settings

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
    from confiance.pipeline_inputs import build_dpo_reports
    from confiance.settings import get_settings

    paths = build_dpo_reports(get_settings(home), pdf=pdf)
    click.echo(f"DPO reports: {paths[0]}")


# --- publication: governance's gate, with what it uses of the vault and of quality ---


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
    from confiance.pipeline_inputs import publication_services
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

    services = publication_services()
    if export_key is not None:
        pem = public_key_pem(signing_key(get_settings(home), services))
        export_key.write_bytes(pem)
        click.echo(f"publisher public key written to {export_key}; fingerprint (SHA-256) {key_fingerprint(pem)}")
        return
    if verify_folder_path is not None:
        pem, pin = pinned_key(get_settings(home), public_key_file, fingerprint, services)
        ok, message = verify_folder(verify_folder_path, pem, pin)
        if ok:
            click.echo(f"{verify_folder_path}: {message}")
            return
        click.echo(f"{verify_folder_path}: does NOT verify: {message}", err=True)
        raise SystemExit(1)
    settings = get_settings(home)
    run_id = run_id or new_run_id()
    summary = publish_all(settings, run_id, services)
    for consumer, outcome in summary["consumers"].items():
        click.echo(f"{consumer}: {outcome['status']} ({outcome['files']} file(s))")
        for reason in outcome["reasons"]:
            click.echo(f"  refused: {reason}")
    for line in masked_share_lines(summary):
        click.echo(line)
    # An unchanged release is not a failure: the previous release stands (governance.release_log).
    if any(o["status"] not in (release_log.PUBLISHED, release_log.UNCHANGED) for o in summary["consumers"].values()):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
