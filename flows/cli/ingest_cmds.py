"""Commands that run the ingest and re-extract flows: run, ingest, reextract."""

from __future__ import annotations

from pathlib import Path

import typer

from extractors import DEFAULT_BACKEND
from flows.cli.render import print_claims_summary, print_report
from flows.cli.state import fail, first_line, state, stderr

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"


def _run_ingest(
    ctx: typer.Context,
    inputs: list[str],
    dask: str | None = None,
    workers: int = 2,
    **options: object,
) -> None:
    """Run the ingest flow (on Dask when asked) and print its report."""
    from flows.ingest import ingest
    from flows.runtime import prefect_settings

    st = state(ctx)
    flow = ingest
    if dask:
        from flows.scaleout import dask_task_runner

        flow = ingest.with_options(task_runner=dask_task_runner(dask, workers))
    try:
        with prefect_settings(quiet=st.quiet):
            if st.show_progress:
                from flows.progress import progress_bar

                with progress_bar(stderr):
                    report = flow(inputs, db_url=st.db_url, **options)
            else:
                report = flow(inputs, db_url=st.db_url, **options)
    except Exception as err:  # store unreachable, bad sources file...
        raise fail(first_line(err)) from err
    print_report(report)


def run(ctx: typer.Context) -> None:
    """Ingest the bundled sample corpus into the store, then show claims per subject and metric.

    Example: aiclaims run
    """
    _run_ingest(ctx, [str(SAMPLES)])
    from corpus.store import ClaimStore

    with ClaimStore(state(ctx).db_url) as store:
        print_claims_summary(store.claims())


def ingest(
    ctx: typer.Context,
    inputs: list[str] = typer.Argument(..., help="Files, folders, URLs or source names."),
    sources: Path = typer.Option(None, "--sources", help="Sources file (TOML) naming sources."),
    batch_size: int = typer.Option(25, help="Articles per task."),
    backend: str = typer.Option(DEFAULT_BACKEND, help="Segmenter backend: rjieba or jieba."),
    dask: str = typer.Option(
        None, help="Run tasks on Dask: 'local' for a local cluster or a scheduler address."
    ),
    workers: int = typer.Option(2, help="Worker processes of a local Dask cluster."),
    changes: Path = typer.Option(None, help="Write what changed since the last run here."),
    report: Path = typer.Option(None, help="Write the HTML report here after the run."),
) -> None:
    """Ingest pages into the store: read, clean, extract and store their claims.

    Example: aiclaims ingest news/ https://example.com/a.html --db sqlite:///claims.db
    """
    _run_ingest(
        ctx,
        inputs,
        dask=dask,
        workers=workers,
        changes_path=str(changes) if changes else None,
        report_path=str(report) if report else None,
        sources_file=str(sources) if sources else None,
        batch_size=batch_size,
        backend=backend,
    )


def reextract(
    ctx: typer.Context,
    backend: str = typer.Option(DEFAULT_BACKEND, help="Segmenter backend: rjieba or jieba."),
) -> None:
    """Re-derive the claims of every stored article with the current extractor.

    Nothing is fetched; earlier versions' claims stay in the store as history.
    Example: aiclaims reextract
    """
    from flows.reextract import reextract as reextract_flow
    from flows.runtime import prefect_settings

    st = state(ctx)
    try:
        with prefect_settings(quiet=st.quiet):
            report = reextract_flow(db_url=st.db_url, backend=backend)
    except Exception as err:
        raise fail(first_line(err)) from err
    print_report(report)


def serve(
    ctx: typer.Context,
    sources: Path = typer.Option(..., "--sources", help="Sources file with schedules."),
    start_server: bool = typer.Option(
        False, "--start-server", help="Start a Prefect server on 127.0.0.1 for the schedules."
    ),
    port: int = typer.Option(None, help="Port of the started server (default: a free one)."),
    changes: Path = typer.Option(
        None,
        help="Where each scheduled run writes what changed (default: the sources file's "
        "changes_path, else aiclaims-changes.json here).",
    ),
    backend: str = typer.Option(DEFAULT_BACKEND, help="Segmenter backend: rjieba or jieba."),
) -> None:
    """Serve one scheduled ingest deployment per scheduled source, through Prefect.

    Schedules need a Prefect API server: run `prefect server start` and set
    PREFECT_API_URL, or pass --start-server to have one started on loopback.
    Example: aiclaims serve --sources sources.toml --start-server
    """
    import os

    from flows.runtime import apply_default_env
    from flows.serve import build_deployments, serve_sources

    apply_default_env()
    st = state(ctx)
    try:
        deployments = build_deployments(
            sources,
            db_url=st.db_url,
            changes_path=str(changes.resolve()) if changes else None,
            backend=backend,
        )
    except Exception as err:
        raise fail(str(err)) from err
    if not deployments:
        raise fail(f"{sources}: no source has a schedule")
    if start_server:
        from prefect.settings import PREFECT_API_URL, temporary_settings

        from flows.server import prefect_server

        with prefect_server(port) as api_url:
            os.environ["PREFECT_API_URL"] = api_url  # for the flow-run processes
            stderr.print(f"Prefect server at {api_url}", highlight=False)
            with temporary_settings(updates={PREFECT_API_URL: api_url}):
                serve_sources(deployments)
        return
    if not os.environ.get("PREFECT_API_URL"):
        raise fail(
            "schedules need a Prefect server: run `prefect server start` and set "
            "PREFECT_API_URL=http://127.0.0.1:4200/api, or pass --start-server"
        )
    serve_sources(deployments)


def register(app: typer.Typer) -> None:
    app.command()(run)
    app.command()(ingest)
    app.command()(reextract)
    app.command()(serve)
