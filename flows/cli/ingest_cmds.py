"""Commands that run the ingest and re-extract flows: run, ingest, reextract."""

from __future__ import annotations

from pathlib import Path

import typer

from flows.cli.render import print_claims_summary, print_report
from flows.cli.state import fail, state, stderr

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"


def _run_ingest(ctx: typer.Context, inputs: list[str], **options) -> None:
    from flows.ingest import ingest
    from flows.runtime import prefect_settings

    st = state(ctx)
    try:
        with prefect_settings(quiet=st.quiet):
            if st.show_progress:
                with stderr.status("ingesting..."):
                    report = ingest(inputs, db_url=st.db_url, **options)
            else:
                report = ingest(inputs, db_url=st.db_url, **options)
    except Exception as err:  # store unreachable, bad sources file...
        raise fail(str(err).splitlines()[0] if str(err) else repr(err)) from err
    print_report(report)


def run(ctx: typer.Context) -> None:
    """Ingest the bundled sample corpus into the store, then show claims per subject and metric.

    Example: aiclaims run
    """
    _run_ingest(ctx, [str(SAMPLES)])
    from corpus.store import ClaimStore

    store = ClaimStore(state(ctx).db_url)
    try:
        print_claims_summary(store.claims())
    finally:
        store.close()


def ingest(
    ctx: typer.Context,
    inputs: list[str] = typer.Argument(..., help="Files, folders, URLs or source names."),
    sources: Path = typer.Option(None, "--sources", help="Sources file (TOML) naming sources."),
    batch_size: int = typer.Option(25, help="Articles per task."),
    backend: str = typer.Option("jieba", help="Segmenter backend: jieba or rjieba."),
) -> None:
    """Ingest pages into the store: read, clean, extract and store their claims.

    Example: aiclaims ingest news/ https://example.com/a.html --db sqlite:///claims.db
    """
    _run_ingest(
        ctx,
        inputs,
        sources_file=str(sources) if sources else None,
        batch_size=batch_size,
        backend=backend,
    )


def reextract(
    ctx: typer.Context,
    backend: str = typer.Option("jieba", help="Segmenter backend: jieba or rjieba."),
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
        raise fail(str(err).splitlines()[0] if str(err) else repr(err)) from err
    print_report(report)


def register(app: typer.Typer) -> None:
    app.command()(run)
    app.command()(ingest)
    app.command()(reextract)
