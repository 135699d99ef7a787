"""The typer app, its global options, and registration of the command modules.

Command modules import their heavy dependencies (spaCy, Prefect, SQLAlchemy)
inside the command, so ``aiclaims extract`` and ``--help`` start fast.
"""

from __future__ import annotations

import os

import typer

from flows.cli.state import CliState

app = typer.Typer(
    name="aiclaims",
    help="Find, store and compare numeric claims about the AI field in Chinese news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


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
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bars or run logs."),
) -> None:
    if quiet:  # before Prefect is imported: it sets up its logging on import
        os.environ["PREFECT_LOGGING_LEVEL"] = "CRITICAL"
    ctx.obj = CliState(db_url=db, quiet=quiet)


def _register() -> None:
    from flows.cli import (
        extract_cmd,
        ingest_cmds,
        report_cmd,
        score_cmd,
        sources_cmds,
        store_cmds,
    )

    for module in (extract_cmd, ingest_cmds, store_cmds, report_cmd, score_cmd):
        module.register(app)
    app.add_typer(sources_cmds.sources_app, name="sources")


_register()


def main() -> None:
    app()
