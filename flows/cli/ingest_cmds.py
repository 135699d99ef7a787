"""Commands that run the ingest and re-extract flows: run, ingest, reextract.

They reuse a running Prefect API when there is one (``flows.runtime.choose_api``)
and say what a temporary one costs otherwise; Prefect's logs go to its log file
unless ``-v``. The exit status follows the run report (``ingest_exit_code``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import typer

from extractors import DEFAULT_BACKEND
from flows.cli.errors import EXIT_FAILED, EXIT_OK, SetupError
from flows.cli.render import print_claims_summary, print_report
from flows.cli.state import CliState, note, state, stderr

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
STDIN = "-"


def ingest_exit_code(report: Any, *, strict: bool = False) -> int:
    """0 when the run went through (pages may be skipped); 1 when a source or input
    failed, when every input was skipped, or (``strict``) when anything was."""
    if report.exit_code != EXIT_OK:
        return int(report.exit_code)
    stored = report.new + report.unchanged + report.updated + report.duplicate
    if report.failed and (strict or stored == 0):
        return EXIT_FAILED
    return EXIT_OK


def read_input_lines(stream: Any) -> list[str]:
    """Inputs given on stdin: one a line, blank lines and ``#`` comments left out."""
    lines = (line.strip() for line in stream)
    return [line for line in lines if line and not line.startswith("#")]


def expand_inputs(inputs: list[str], sources: Path | None) -> list[str]:
    """The inputs to ingest: ``-`` replaced by the lines of stdin; none at all with
    ``--sources`` means every source of the file."""
    expanded: list[str] = []
    for text in inputs:
        expanded += read_input_lines(sys.stdin) if text == STDIN else [text]
    if expanded:
        return expanded
    if sources is None:
        raise SetupError(
            "nothing to ingest",
            "name files, folders, URLs or sources, or give --sources FILE for all its sources",
        )
    from corpus.sources import load_sources

    names = load_sources(sources).names
    if not names:
        raise SetupError(f"{sources} names no source", "add a [[source]] table to it")
    return names


def with_prefect(st: CliState, call: Callable[[], Any], *, workers_need_api: bool = False) -> Any:
    """``call()`` (which runs a flow) on the Prefect API ``choose_api`` picks, with
    Prefect's logs in their file and a progress bar on a terminal.

    ``workers_need_api``: other processes (Dask workers) run tasks too; without a
    server they would each start a temporary one, so one is started for the call.
    """
    from flows.runtime import TEMPORARY_SERVER_NOTE, attach_log_file, choose_api, prefect_settings

    api = choose_api()
    log = attach_log_file()
    with ExitStack() as stack:
        url = api.url
        if api.temporary and workers_need_api:
            from flows.server import prefect_server

            if not st.quiet:
                note("starting a Prefect server for this run's workers (10-30 s)")
            url = stack.enter_context(prefect_server())
        elif api.temporary and not st.quiet:
            note(TEMPORARY_SERVER_NOTE)
        if st.verbose:
            note(f"Prefect API: {url or 'temporary'} ({api.origin}); its log: {log}")
        stack.enter_context(prefect_settings(quiet=st.quiet, api_url=url))
        if st.show_progress:
            from flows.progress import progress_bar

            stack.enter_context(progress_bar(stderr))
        return call()


def finish(report: Any, *, strict: bool = False) -> None:
    """Print the run report and leave with its exit status; a failed import in the
    extractor is a set-up error (exit 2), not a bad page."""
    from flows.cli.environment import import_error_fix, import_failures

    print_report(report)
    broken = import_failures(report.failed)
    if broken:
        raise SetupError(
            f"the extractor could not import what it needs ({broken[0].reason})",
            import_error_fix(ImportError(broken[0].reason)),
        )
    code = ingest_exit_code(report, strict=strict)
    if code != EXIT_OK:
        raise typer.Exit(code)


def start_extractor(backend: str, sources: Path | None = None) -> None:
    """Start the extraction worker the run's pages will use (see ``flows.pages``) now:
    it builds the extractor while this process imports Prefect and starts the flow."""
    from flows.pages import DEFAULT_PAGE_BUDGET, budgeted_extractor

    budget = DEFAULT_PAGE_BUDGET
    if sources is not None:
        from corpus.sources import load_sources

        budget = load_sources(sources).settings.page_budget
    budgeted_extractor(backend, budget).start()


def _ingest(ctx: typer.Context, inputs: list[str], *, dask: str | None, workers: int, **params):
    from flows.cli.environment import require_extractor_imports

    require_extractor_imports()
    st = state(ctx)
    params = {key: value for key, value in params.items() if value is not None}
    if not dask:
        sources = params.get("sources_file")
        start_extractor(params.get("backend", DEFAULT_BACKEND), Path(sources) if sources else None)
    from flows.ingest import ingest as ingest_flow

    flow = ingest_flow
    if dask:
        from flows.scaleout import dask_task_runner

        flow = ingest_flow.with_options(task_runner=dask_task_runner(dask, workers))
        params["workers"] = workers
    return with_prefect(
        st, lambda: flow(inputs, db_url=st.db_url, **params), workers_need_api=bool(dask)
    )


def run(ctx: typer.Context) -> None:
    """Ingest the bundled sample corpus, then show the stored claims per subject and metric.

    The table shows the whole store, not only what this run added.
    Example: aiclaims run
    """
    from flows.cli.store_access import display_url, open_existing_store

    report = _ingest(ctx, [str(SAMPLES)], dask=None, workers=1)
    print_report(report)
    with open_existing_store(state(ctx).db_url) as store:
        print_claims_summary(store.claims(), where=display_url(state(ctx).db_url))
    code = ingest_exit_code(report)
    if code != EXIT_OK:
        raise typer.Exit(code)


def ingest(
    ctx: typer.Context,
    inputs: list[str] = typer.Argument(
        None,
        help="Files, folders, URLs or source names; - reads them from stdin, one a line. "
        "None with --sources: every source of the file.",
    ),
    sources: Path = typer.Option(None, "--sources", help="Sources file (TOML) naming sources."),
    batch_size: int = typer.Option(
        None,
        help="Articles per transaction (default 25; on Dask smaller when needed to give "
        "every worker two batches).",
    ),
    backend: str = typer.Option(DEFAULT_BACKEND, help="Segmenter backend: rjieba or jieba."),
    dask: str = typer.Option(
        None, help="Run tasks on Dask: 'local' for a local cluster or a scheduler address."
    ),
    workers: int = typer.Option(
        2,
        help="Worker processes of a local Dask cluster (with a scheduler address: how many "
        "workers it has, to size the batches).",
    ),
    changes: Path = typer.Option(None, help="Write what changed since the last run here."),
    report: Path = typer.Option(None, help="Write the HTML report here after the run."),
    strict: bool = typer.Option(
        False, "--strict", help="Exit status 1 when anything was skipped (for cron jobs)."
    ),
    allow_local: bool = typer.Option(
        False,
        "--allow-local",
        help="URLs given here may be on this machine or network (sources in a sources "
        "file: `local = true`).",
    ),
) -> None:
    """Ingest pages into the store: read, clean, extract and store their claims.

    Exit status: 0 the run went through (skipped pages are listed), 1 a source or input
    failed or every input was skipped (--strict: anything skipped), 2 usage or set-up error.
    Example: aiclaims --db sqlite:///claims.db ingest news/ https://example.com/a.html
    """
    names = expand_inputs(list(inputs or []), sources)
    result = _ingest(
        ctx,
        names,
        dask=dask,
        workers=workers,
        changes_path=str(changes) if changes else None,
        report_path=str(report) if report else None,
        sources_file=str(sources) if sources else None,
        batch_size=batch_size,
        backend=backend,
        allow_local=allow_local or None,
    )
    finish(result, strict=strict)


def reextract(
    ctx: typer.Context,
    backend: str = typer.Option(DEFAULT_BACKEND, help="Segmenter backend: rjieba or jieba."),
) -> None:
    """Re-derive the claims of every stored article with the current extractor.

    Nothing is fetched; earlier versions' claims stay in the store as history.
    Example: aiclaims reextract
    """
    from flows.cli.environment import require_extractor_imports
    from flows.cli.store_access import open_existing_store
    from flows.reextract import reextract as reextract_flow

    require_extractor_imports()
    st = state(ctx)
    open_existing_store(st.db_url).close()  # re-extracting no store is a mistake, not a new one
    start_extractor(backend)
    result = with_prefect(st, lambda: reextract_flow(db_url=st.db_url, backend=backend))
    finish(result)


def register(app: typer.Typer) -> None:
    app.command()(run)
    app.command()(ingest)
    app.command()(reextract)
