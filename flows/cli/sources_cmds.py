"""``aiclaims sources``: check a sources file."""

from __future__ import annotations

from pathlib import Path

import typer

from flows.cli.state import fail, stdout

sources_app = typer.Typer(help="Work with the sources file (TOML).", no_args_is_help=True)


@sources_app.command("check")
def check(path: Path = typer.Argument(..., help="Sources file to validate.")) -> None:
    """Validate a sources file and list its sources.

    Example: aiclaims sources check sources.toml
    """
    from corpus.sources import SourcesError, load_sources

    try:
        sources = load_sources(path)
    except SourcesError as err:
        raise fail(str(err)) from err
    for spec in sources.sources:
        stdout.print(f"{spec.name}: {spec.kind}", highlight=False)
    stdout.print(f"{path}: {len(sources.sources)} sources, valid", highlight=False)
