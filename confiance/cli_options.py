"""The options every command group of the ``confiance`` CLI shares, defined once with one help text.

Each package keeps its commands in its own ``cli`` module; those that take a data directory or a run
id use these decorators so that ``--home`` and ``--run-id`` mean the same everywhere.
"""

from __future__ import annotations

from pathlib import Path

import click

from confiance.run_ids import RUN_ID_PREFIX

#: ``--home``: the data directory; None lets ``get_settings`` read CONFIANCE_HOME (default ./var).
home_option = click.option(
    "--home",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Data directory (default: $CONFIANCE_HOME, else ./var).",
)

#: ``--run-id``: None lets the command take ``confiance.run_ids.new_run_id()``.
run_id_option = click.option(
    "--run-id",
    default=None,
    help=f"Identifier of this run (default: {RUN_ID_PREFIX}<UTC timestamp>).",
)
