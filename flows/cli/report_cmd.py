"""The ``report`` command: a static HTML page of timelines and conflicts."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import typer

from flows.cli.options import MetricOpt, SinceOpt, SiteOpt, SubjectOpt, UntilOpt, filters
from flows.cli.state import fail, state, stderr
from flows.cli.store_access import open_existing_store


def report(
    ctx: typer.Context,
    output: Path = typer.Option(..., "--output", "-o", help="HTML file to write."),
    subject: str = SubjectOpt,
    metric: str = MetricOpt,
    since: datetime = SinceOpt,
    until: datetime = UntilOpt,
    site: str = SiteOpt,
    currency: str = typer.Option(None, help="Convert money to this currency (dated rates)."),
    title: str = typer.Option(None, help="Page title."),
) -> None:
    """Write one self-contained HTML page: summary, a chart per claim key, conflicts.

    It opens offline in any browser and reads fine with JavaScript off.

    Example: aiclaims report -o report.html --since 2024-06-01
    """
    from corpus.report import write_report
    from corpus.store import ClaimFilter

    flt = ClaimFilter(**filters(subject, metric, since, until, site))
    with open_existing_store(state(ctx).db_url) as store:
        try:
            shown = write_report(store, output, flt, title=title, currency=currency)
        except OSError as err:
            raise fail(f"report to {output} failed: {err}") from err
    stderr.print(f"wrote {output} ({shown} claims)", highlight=False)


def register(app: typer.Typer) -> None:
    app.command()(report)
