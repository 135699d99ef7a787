"""Commands that read the store: compare, changes.

(export and schema are in ``export_cmd``, doctor in ``doctor_cmd``; the options shared
by every reading command in ``options``.)
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from typing import Any

import typer

from flows.cli.options import (
    MetricOpt,
    SinceOpt,
    SinceRequiredOpt,
    SiteOpt,
    SubjectOpt,
    TableFormat,
    UntilOpt,
    filters,
)
from flows.cli.render import print_changes, print_timelines
from flows.cli.state import state
from flows.cli.store_access import open_existing_store


def compare(
    ctx: typer.Context,
    subject: str = SubjectOpt,
    metric: str = MetricOpt,
    since: datetime = SinceOpt,
    until: datetime = UntilOpt,
    site: str = SiteOpt,
    conflicts_only: bool = typer.Option(False, "--conflicts-only"),
    tolerance: float = typer.Option(
        None,
        help="Relative difference that counts as a conflict, for every metric "
        "(default: each metric's own, from the metric table).",
    ),
    currency: str = typer.Option(None, help="Convert money to this currency (dated rates)."),
    fmt: TableFormat = typer.Option(
        TableFormat.table, "--format", "-f", help="table, json, or csv (a row per entry)."
    ),
) -> None:
    """Show, per (subject, metric, object), every reported value over time and the conflicts.

    A conflict is two sources disagreeing about one period (a moving quantity such as market
    value is compared day by day, revenue quarter by quarter); across periods the values
    form a timeline of change. Values one source alone gives, far from every other, are
    listed to check, apart from conflicts.

    Example: aiclaims compare --subject 英伟达 --metric training_cost
    """
    from corpus.compare import compare as compare_claims
    from corpus.store import ClaimFilter

    with open_existing_store(state(ctx).db_url) as store:
        timelines = compare_claims(
            store,
            ClaimFilter(**filters(subject, metric, since, until, site)),
            tolerance=tolerance,
            currency=currency,
            conflicts_only=conflicts_only,
        )
    if fmt is TableFormat.json:
        print_json([t.model_dump(mode="json") for t in timelines])
    elif fmt is TableFormat.csv:
        from flows.cli.csv_output import timeline_rows, write_csv

        columns, rows = timeline_rows(timelines)
        write_csv(columns, rows, None)
    else:
        print_timelines(timelines)
        _print_over_time(timelines)


def _print_over_time(timelines: list[Any]) -> None:
    """Per key: how the consensus changed between periods, and the values to check."""
    from flows.cli.render import format_value
    from flows.cli.state import stdout

    for t in timelines:
        name = " / ".join(str(part) for part in (t.subject, t.metric, t.object) if part)
        for change in t.changes:
            moved = f"{change.change:+.0%}" if change.change is not None else "from 0"
            stdout.print(
                f"over time: {name}: {change.from_period} {format_value(change.before, t.unit)}"
                f" -> {change.to_period} {format_value(change.after, t.unit)} ({moved})",
                highlight=False,
            )
        for outlier in t.outliers:
            stdout.print(
                f"[yellow]check this extraction[/]: {name}: {outlier.text} ({outlier.origin}) "
                f"is {outlier.factor:.0f}x away from the other reports: {outlier.sentence[:80]}",
                highlight=False,
            )


def changes(
    ctx: typer.Context,
    since: datetime = SinceRequiredOpt,
    fmt: TableFormat = typer.Option(
        TableFormat.json,
        "--format",
        "-f",
        help="json (the changes file's format), table, or csv (the new claims).",
    ),
) -> None:
    """Claims first seen, consensus moves and new conflicts since a moment.

    Example: aiclaims changes --since 7d --format table
    """
    from corpus.compare import changes as changes_since

    with open_existing_store(state(ctx).db_url) as store:
        report = changes_since(store, since)
    if fmt is TableFormat.json:
        print_json(report.model_dump(mode="json"))
    elif fmt is TableFormat.csv:
        from corpus.store import StoredClaim
        from flows.cli.csv_output import model_columns, model_rows, write_csv

        columns = model_columns(StoredClaim)
        write_csv(columns, model_rows(report.new_claims, columns), None)
    else:
        print_changes(report)


def print_json(data: Any) -> None:
    def default(obj: Any) -> Any:
        if isinstance(obj, (date, datetime)):
            return obj.isoformat()
        raise TypeError(type(obj))

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=default) + "\n")


def register(app: typer.Typer) -> None:
    for command in (compare, changes):
        app.command()(command)
