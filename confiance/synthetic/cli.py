"""``confiance generate``: the synthetic mutuelle as source files in the inbox."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from confiance.synthetic.constants import FEEDS, FORMATS
from confiance.synthetic.generation import generate_with_counts


@click.command("generate")
@click.option(
    "--members",
    "-n",
    type=click.IntRange(min=1),
    default=20_000,
    show_default=True,
    help="Number of members (adhérents).",
)
@click.option("--seed", type=int, default=42, show_default=True, help="Random seed; same inputs give the same files.")
@click.option(
    "--as-of",
    "as_of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Extraction date (YYYY-MM-DD): names the files, ends the 12 months of benefits. Default: today.",
)
@click.option(
    "--benefits-per-member",
    type=click.FloatRange(min=0),
    default=10.0,
    show_default=True,
    help="Average benefit lines per member and year.",
)
@click.option(
    "--defect-rate",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="Share of rows given a defect that landing must quarantine.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default="csv",
    show_default=True,
    help="File format of the source files.",
)
@click.option(
    "--inbox",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Output folder. Default: $CONFIANCE_HOME/inbox.",
)
def generate(members: int, seed: int, as_of: dt.datetime | None, benefits_per_member: float,
                     defect_rate: float, fmt: str, inbox: Path | None) -> None:  # fmt: skip
    """Generate a synthetic mutuelle (members, contracts, benefits) as source files in the inbox."""
    from confiance.settings import get_settings

    target = inbox or get_settings().inbox
    paths, counts = generate_with_counts(target, members, seed, as_of.date() if as_of else None,
                                         benefits_per_member, defect_rate, fmt)  # fmt: skip
    for feed in FEEDS:
        click.echo(f"{feed:<10} {counts[feed]:>12,} rows  {paths[feed]}")
