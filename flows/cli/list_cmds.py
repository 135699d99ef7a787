"""``aiclaims subjects|metrics|sites``: what the store holds, to know what to ask for.

Each lists the names stored (current claims), with counts, most claims first; the
filter options of ``compare`` narrow them (``aiclaims subjects --metric 训练成本``).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

import typer
from rich.table import Table

from flows.cli.options import (
    MetricOpt,
    SinceOpt,
    SiteOpt,
    SubjectOpt,
    TableFormat,
    UntilOpt,
    filters,
)
from flows.cli.state import note, state, stdout

FormatOpt = typer.Option(TableFormat.table, "--format", "-f", help="table, json or csv.")
Row = dict[str, Any]


def _claims(ctx: typer.Context, **given: Any) -> list[Any]:
    from corpus.store import ClaimFilter
    from flows.cli.store_access import open_existing_store

    with open_existing_store(state(ctx).db_url) as store:
        return store.claims(ClaimFilter(**filters(**given)))


def count_by(claims: Iterable[Any], key: Callable[[Any], str | None], *counted: str) -> list[Row]:
    """One row per value of ``key``: its claims, and how many distinct values of each
    attribute in ``counted`` go with it; most claims first, then by name."""
    groups: dict[str, list[Any]] = defaultdict(list)
    for claim in claims:
        groups[key(claim) or "?"].append(claim)
    rows = []
    for name, group in groups.items():
        row: Row = {"name": name, "claims": len(group)}
        for attribute in counted:
            row[attribute] = len({getattr(c, attribute) for c in group})
        rows.append(row)
    rows.sort(key=lambda r: (-r["claims"], r["name"]))
    return rows


def _print(rows: list[Row], fmt: TableFormat, title: str) -> None:
    if not rows:
        note("nothing stored matches")
        return
    columns = list(rows[0])
    if fmt is TableFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt is TableFormat.csv:
        from flows.cli.csv_output import cell, write_csv

        write_csv(columns, ([cell(row[c]) for c in columns] for row in rows), None)
    else:
        table = Table(title=title, title_justify="left")
        for column in columns:
            table.add_column(
                column, justify="right" if isinstance(rows[0][column], int) else "left"
            )
        for row in rows:
            table.add_row(*(str(row[c]) for c in columns))
        stdout.print(table)


def subjects(
    ctx: typer.Context,
    metric: str = MetricOpt,
    since: datetime = SinceOpt,
    until: datetime = UntilOpt,
    site: str = SiteOpt,
    fmt: TableFormat = FormatOpt,
) -> None:
    """List the stored subjects: claims, metrics and articles of each, other names.

    `--subject` (of compare, export, report) takes any of the other names.
    Example: aiclaims subjects --metric training_cost
    """
    from flows.cli.names import subject_aliases

    claims = _claims(ctx, subject=None, metric=metric, since=since, until=until, site=site)
    rows = count_by(claims, lambda c: c.subject, "metric", "article_id")
    for row in rows:
        row["articles"] = row.pop("article_id")
        row["metrics"] = row.pop("metric")
        row["aliases"] = ", ".join(subject_aliases(row["name"])[:6])
    _print(rows, fmt, "Stored subjects")


def metrics(
    ctx: typer.Context,
    subject: str = SubjectOpt,
    since: datetime = SinceOpt,
    until: datetime = UntilOpt,
    site: str = SiteOpt,
    fmt: TableFormat = FormatOpt,
) -> None:
    """List the stored metrics: their label, claims and subjects.

    `--metric` takes the code or the label.
    Example: aiclaims metrics --subject 英伟达
    """
    from flows.cli.names import metric_label

    claims = _claims(ctx, subject=subject, metric=None, since=since, until=until, site=site)
    rows = count_by(claims, lambda c: c.metric, "subject")
    for row in rows:
        row["subjects"] = row.pop("subject")
        row["label"] = metric_label(row["name"])
    _print(rows, fmt, "Stored metrics")


def sites(
    ctx: typer.Context,
    subject: str = SubjectOpt,
    metric: str = MetricOpt,
    since: datetime = SinceOpt,
    until: datetime = UntilOpt,
    fmt: TableFormat = FormatOpt,
) -> None:
    """List the sites of the stored articles: their articles and claims.

    Example: aiclaims sites --since 2025
    """
    claims = _claims(ctx, subject=subject, metric=metric, since=since, until=until, site=None)
    rows = count_by(claims, lambda c: c.site, "article_id", "subject")
    for row in rows:
        row["articles"] = row.pop("article_id")
        row["subjects"] = row.pop("subject")
    _print(rows, fmt, "Sites of stored articles")


def register(app: typer.Typer) -> None:
    for command in (subjects, metrics, sites):
        app.command()(command)
