"""``confiance codegen``: the dbt files generated from the contracts and the core.

``confiance codegen dbt`` renders the ``pseudo`` sources YAML and every published mart's YAML from the ODCS
contracts (``governance.dbt_sources``); ``confiance codegen seeds`` renders the seeds generated from the core
(``governance.dbt_seeds``). Both write by default; ``--check`` writes nothing, lists the stale files and exits 1.
The logic is in those modules; this one only reads the options and prints.
"""

from __future__ import annotations

from pathlib import Path

import click

from confiance.settings import DBT_PROJECT_DIR

EXIT_STALE = 1

project_dir_option = click.option(
    "--project-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DBT_PROJECT_DIR,
    show_default=True,
    help="The dbt project the generated files belong to.",
)
check_option = click.option(
    "--check",
    is_flag=True,
    help="Write nothing; list the files that are missing or out of date and exit 1 if there are any.",
)


@click.group("codegen")
def codegen() -> None:
    """Generate the dbt files that are derived, never edited by hand (YAML from the contracts, seeds)."""


def _sync(files: dict[Path, str], project_dir: Path, check: bool, command: str) -> None:
    from governance.dbt_sources import stale, write

    def shown(path: Path) -> str:
        return str(path.relative_to(project_dir)) if path.is_relative_to(project_dir) else str(path)

    if check:
        out_of_date = stale(files)
        for path in out_of_date:
            click.echo(f"out of date: {shown(path)}", err=True)
        if out_of_date:
            click.echo(f"{len(out_of_date)} generated file(s) out of date; run `{command}`", err=True)
            raise SystemExit(EXIT_STALE)
        click.echo(f"{len(files)} generated file(s) up to date")
        return
    written = write(files)
    for path in written:
        click.echo(f"wrote {shown(path)}")
    click.echo(f"{len(written)} written, {len(files) - len(written)} already up to date")


@codegen.command("dbt")
@project_dir_option
@check_option
def dbt(project_dir: Path, check: bool) -> None:
    """Render the pseudo sources YAML and every mart's dbt YAML (enforced contract, typed columns, meta, tests)
    from contracts/."""
    from governance.dbt_sources import rendered_files

    _sync(rendered_files(project_dir), project_dir, check, "confiance codegen dbt")


@codegen.command("seeds")
@project_dir_option
@check_option
def seeds(project_dir: Path, check: bool) -> None:
    """Render the seeds generated from the core (the région of every département)."""
    from governance.dbt_seeds import rendered_seeds

    _sync(rendered_seeds(project_dir), project_dir, check, "confiance codegen seeds")
