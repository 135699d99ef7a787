"""``aiclaims serve``: the sources file's schedules, run by Prefect until stopped."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

import typer

from extractors import DEFAULT_BACKEND
from flows.cli.errors import SetupError
from flows.cli.state import note, state


def serve(
    ctx: typer.Context,
    sources: Path = typer.Option(..., "--sources", help="Sources file with schedules."),
    start_server: bool = typer.Option(
        False, "--start-server", help="Start a Prefect server on 127.0.0.1 for this serve."
    ),
    port: int = typer.Option(None, help="Port of the started server (default: a free one)."),
    changes: Path = typer.Option(
        None,
        help="Folder where each run writes what changed (<time>-<source>.json and "
        "latest.json). Default: <export_dir>/changes, else changes/ next to the sources file.",
    ),
    project: str = typer.Option(
        None,
        help="Name the deployments are kept under (default: the sources file's name and a "
        "hash of its path).",
    ),
    backend: str = typer.Option(DEFAULT_BACKEND, help="Segmenter backend: rjieba or jieba."),
) -> None:
    """Serve one scheduled ingest deployment per scheduled source, through Prefect.

    Schedules need a Prefect API server: `aiclaims server start` (kept running for every
    command), PREFECT_API_URL, or --start-server (one for this serve). Deployments are
    named <project>.<source>; on exit (Ctrl-C, SIGTERM) they are removed with their
    scheduled runs, and a run left by another project or database is refused.
    Example: aiclaims serve --sources sources.toml --start-server
    """
    from flows.runtime import attach_log_file, choose_api, prefect_settings
    from flows.serve import build_deployments, serve_sources

    st = state(ctx)
    deployments = build_deployments(
        sources,
        db_url=st.db_url,
        changes_dir=str(changes) if changes else None,
        backend=backend,
        project=project,
    )
    if not deployments:
        raise SetupError(
            f"{sources}: no source has a schedule",
            'add schedule = "1h" (an interval or a cron expression) to a source',
        )
    attach_log_file()
    with ExitStack() as stack:
        if start_server:
            from flows.server import prefect_server

            url = stack.enter_context(prefect_server(port))
            note(f"Prefect server at {url} (stops with this serve)")
        else:
            api = choose_api()
            if api.temporary:
                raise SetupError(
                    "schedules need a Prefect server",
                    "run `aiclaims server start` (or set PREFECT_API_URL), or pass --start-server",
                )
            url = api.url
        stack.enter_context(prefect_settings(quiet=st.quiet, api_url=url))
        _print_plan(deployments)
        removed = serve_sources(deployments)
    note(f"stopped; removed {len(removed)} deployments and their scheduled runs")


def _print_plan(deployments: list) -> None:
    from flows.cli.store_access import display_url

    params = deployments[0].parameters
    note(
        f"serving project {params['project']} on store {display_url(params['db_url'])}; "
        f"changes in {params['changes_dir']}; Ctrl-C stops"
    )
    for deployment in deployments:
        schedule = deployment.schedules[0].schedule if deployment.schedules else None
        interval, cron = getattr(schedule, "interval", None), getattr(schedule, "cron", None)
        when = f"every {interval}" if interval else f"cron {cron}"
        note(f"  scheduled-ingest/{deployment.name}: {when}")


def register(app: typer.Typer) -> None:
    app.command()(serve)
