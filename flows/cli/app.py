"""The typer app, its global options, and registration of the command modules.

Command modules import their heavy dependencies (spaCy, Prefect, SQLAlchemy)
inside the command, so ``aiclaims extract``, ``--help`` and the commands that only
read the store start fast and never start Prefect.
"""

from __future__ import annotations

import typer

from flows.cli.group import CliGroup
from flows.cli.state import CliState

app = typer.Typer(
    name="aiclaims",
    cls=CliGroup,
    help="Find, store and compare numeric claims about the AI field in Chinese news. "
    "Exit status: 0 ran (pages may be skipped), 1 a source or input failed, "
    "2 usage or set-up error.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if not value:
        return
    import platform
    from importlib import metadata

    try:
        version = metadata.version("aiclaims")
    except metadata.PackageNotFoundError:
        version = "(not installed)"
    typer.echo(f"aiclaims {version} (Python {platform.python_version()})")
    raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    db: str = typer.Option(
        None,
        "--db",
        envvar="AICLAIMS_DB",
        help="Store URL (sqlite:///file.db or postgresql+psycopg://...). "
        "Default: sqlite:///aiclaims.db in the current folder.",
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars or notes."),
    verbose: bool = typer.Option(
        False, "--verbose", "-v", help="Prefect's and Dask's logs on the console; tracebacks."
    ),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Global options go before or after the command: `aiclaims --db X compare`
    and `aiclaims compare --db X` are the same."""
    from flows.runtime import quiet_console

    quiet_console(verbose=verbose, quiet=quiet)  # before Prefect is imported
    ctx.obj = CliState(db_url=db, quiet=quiet, verbose=verbose)


def _register() -> None:
    from flows.cli import (
        db_cmds,
        doctor_cmd,
        export_cmd,
        extract_cmd,
        ingest_cmds,
        list_cmds,
        report_cmd,
        score_cmd,
        serve_cmd,
        server_cmds,
        sources_cmds,
        store_cmds,
    )

    for module in (
        extract_cmd,
        ingest_cmds,
        serve_cmd,
        export_cmd,
        store_cmds,
        report_cmd,
        list_cmds,
        doctor_cmd,
        score_cmd,
    ):
        module.register(app)
    app.add_typer(sources_cmds.sources_app, name="sources")
    app.add_typer(server_cmds.server_app, name="server")
    app.add_typer(db_cmds.db_app, name="db")


_register()


def main() -> None:
    app()
