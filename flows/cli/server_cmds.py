"""``aiclaims server start|stop|status``: one Prefect server in the background for
every command (ingest, reextract, serve), instead of a temporary one per command."""

from __future__ import annotations

import os
import time

import typer

from flows.cli.errors import EXIT_FAILED
from flows.cli.state import note

server_app = typer.Typer(
    help="A Prefect server in the background, reused by ingest, reextract and serve.",
    no_args_is_help=True,
)


def _configured_elsewhere() -> str | None:
    return os.environ.get("PREFECT_API_URL") or None


@server_app.command("start")
def start(
    port: int = typer.Option(None, help="Port on 127.0.0.1 (default 4200, else a free one)."),
) -> None:
    """Start a Prefect server on 127.0.0.1 in the background (10-30 s, once); later
    commands find it. Its database and log are in $PREFECT_HOME.

    Example: aiclaims server start
    """
    from flows.server import running_server, start_server

    configured = _configured_elsewhere()
    if configured:
        note(f"PREFECT_API_URL is set ({configured}): commands use that server; none started")
        return
    running = running_server()
    if running is not None:
        note(f"already running at {running.api_url} (pid {running.pid})")
        return
    note("starting a Prefect server in the background (10-30 s)...")
    server = start_server(port)
    note(f"running at {server.api_url} (pid {server.pid}, log {server.log})")
    note("ingest, reextract and serve use it until `aiclaims server stop`")


@server_app.command("stop")
def stop() -> None:
    """Stop the server `aiclaims server start` started.

    Example: aiclaims server stop
    """
    from flows.server import stop_server

    server = stop_server()
    if server is None:
        note("no server was started by `aiclaims server start`")
        return
    note(f"stopped the server at {server.api_url} (pid {server.pid})")


@server_app.command("status")
def status() -> None:
    """Say which Prefect API commands will use; exit status 1 when none runs (they would
    each start a temporary one).

    Example: aiclaims server status
    """
    from flows.server import recorded_server, running_server

    configured = _configured_elsewhere()
    if configured:
        note(f"PREFECT_API_URL is set: commands use {configured}")
        return
    running = running_server()
    if running is not None:
        minutes = (time.time() - running.started_at) / 60
        note(
            f"running at {running.api_url} (pid {running.pid}, up {minutes:.0f} min, "
            f"log {running.log})"
        )
        return
    recorded = recorded_server()
    if recorded is not None:
        note(f"not running (the server started at {recorded.api_url} is gone or not answering)")
    else:
        note("not running: commands start a temporary Prefect server each (10-30 s)")
    raise typer.Exit(EXIT_FAILED)
