"""The ``confiance`` command line: one entry point, each package brings its commands.

Each package owns its commands in its own module; this file only assembles them
so that ``confiance --help`` lists everything.
"""

from __future__ import annotations

import importlib
import logging

import click

# (module, attribute) of every command or command group, in the order --help shows them.
COMMANDS: list[tuple[str, str]] = [
    ("confiance.generator", "generate"),
    ("confiance.pipeline", "run"),
    ("confiance.summary", "summary"),
    ("vault.cli", "vault"),
    ("vault.pii.cli", "scrub"),
    ("vault.pii.cli", "pii_eval"),
    ("quality.cli", "quality"),
    ("governance.publish", "publish"),
    ("governance.site", "site"),
    ("governance.reports", "report"),
]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", is_flag=True, help="Log debug messages (never identifiers).")
def main(verbose: bool) -> None:
    """Confiance: privacy-first data platform for mutuelles.

    Data live under CONFIANCE_HOME (default ./var); the master key is read from
    CONFIANCE_MASTER_KEY or the file CONFIANCE_KEY_FILE (default
    ~/.config/confiance/master.key).
    """
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


for _module, _attr in COMMANDS:
    main.add_command(getattr(importlib.import_module(_module), _attr))


if __name__ == "__main__":
    main()
