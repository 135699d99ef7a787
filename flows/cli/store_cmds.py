"""Commands that read the store: export, compare, changes, schema, doctor."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from flows.cli.render import print_timelines
from flows.cli.state import fail, first_line, state, stderr


class ExportFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"


class ViewFormat(StrEnum):
    table = "table"
    json = "json"


def _filters(
    subject: str | None,
    metric: str | None,
    since: datetime | None,
    until: datetime | None,
    site: str | None,
) -> dict[str, Any]:
    values = {
        "subject": subject,
        "metric": metric,
        "since": since.date() if since else None,
        "until": until.date() if until else None,
        "site": site,
    }
    return {k: v for k, v in values.items() if v is not None}


def _open_store(ctx: typer.Context):
    from corpus.store import ClaimStore

    try:
        return ClaimStore(state(ctx).db_url)
    except Exception as err:
        raise fail(first_line(err)) from err


SubjectOpt = typer.Option(None, "--subject", help="Only this subject (canonical name).")
MetricOpt = typer.Option(None, "--metric", help="Only this metric.")
SinceOpt = typer.Option(None, "--since", help="Articles published on or after this date.")
UntilOpt = typer.Option(None, "--until", help="Articles published on or before this date.")
SiteOpt = typer.Option(None, "--site", help="Only articles of this site.")


def export(
    ctx: typer.Context,
    fmt: ExportFormat = typer.Option(ExportFormat.json, "--format", "-f"),
    output: Path = typer.Option(None, "--output", "-o", help="File to write (default stdout)."),
    compare: bool = typer.Option(False, "--compare", help="Export timelines and conflicts."),
    subject: str = SubjectOpt,
    metric: str = MetricOpt,
    since: datetime = SinceOpt,
    until: datetime = UntilOpt,
    site: str = SiteOpt,
) -> None:
    """Export stored claims as JSON or JSON Lines (UTF-8), written atomically.

    Example: aiclaims export --format jsonl -o claims.jsonl --metric training_cost
    """
    from flows.export import export as export_flow
    from flows.runtime import prefect_settings

    st = state(ctx)
    flt = _filters(subject, metric, since, until, site)
    if output is None:  # stdout: call the library directly so no log line can mix in
        from corpus.export import export_claims, export_comparison
        from corpus.store import ClaimFilter

        store = _open_store(ctx)
        try:
            writer = export_comparison if compare else export_claims
            writer(store, ClaimFilter(**flt), fmt.value, None)
        finally:
            store.close()
        return
    try:
        with prefect_settings(quiet=st.quiet):
            written = export_flow(
                db_url=st.db_url, fmt=fmt.value, out=str(output), filters=flt, compare=compare
            )
    except Exception as err:
        raise fail(f"export to {output} failed: {err}") from err
    stderr.print(f"wrote {written} records to {output}", highlight=False)


def compare(
    ctx: typer.Context,
    subject: str = SubjectOpt,
    metric: str = MetricOpt,
    since: datetime = SinceOpt,
    until: datetime = UntilOpt,
    site: str = SiteOpt,
    conflicts_only: bool = typer.Option(False, "--conflicts-only"),
    tolerance: float = typer.Option(0.05, help="Relative difference that counts as a conflict."),
    currency: str = typer.Option(None, help="Convert money to this currency (dated rates)."),
    fmt: ViewFormat = typer.Option(ViewFormat.table, "--format", "-f"),
) -> None:
    """Show, per (subject, metric, object), every reported value over time and the conflicts.

    Example: aiclaims compare --subject DeepSeek-V3 --metric training_cost
    """
    from corpus.compare import compare as compare_claims
    from corpus.store import ClaimFilter

    store = _open_store(ctx)
    try:
        timelines = compare_claims(
            store,
            ClaimFilter(**_filters(subject, metric, since, until, site)),
            tolerance=tolerance,
            currency=currency,
            conflicts_only=conflicts_only,
        )
    finally:
        store.close()
    if fmt is ViewFormat.json:
        _print_json([t.model_dump(mode="json") for t in timelines])
    else:
        print_timelines(timelines)


def changes(
    ctx: typer.Context,
    since: datetime = typer.Option(..., "--since", help="Report what changed since this time."),
    fmt: ViewFormat = typer.Option(ViewFormat.json, "--format", "-f"),
) -> None:
    """Claims first seen, consensus moves and new conflicts since a date.

    Example: aiclaims changes --since 2025-01-01
    """
    from corpus.compare import changes as changes_since

    if since.tzinfo is None:
        from datetime import UTC

        since = since.replace(tzinfo=UTC)
    store = _open_store(ctx)
    try:
        report = changes_since(store, since)
    finally:
        store.close()
    _print_json(report.model_dump(mode="json"))


def schema(
    kind: str = typer.Option("claims", help="claims or comparison"),
) -> None:
    """Print the JSON Schema of the export (generated from the pydantic models).

    Example: aiclaims schema --kind comparison
    """
    from corpus.export import json_schema

    _print_json(json_schema(kind))


def doctor(ctx: typer.Context) -> None:
    """Check that the store is whole: counts, orphans, claim text at its offsets.

    Example: aiclaims doctor
    """
    store = _open_store(ctx)
    try:
        problems = store.check()
        counts = store.counts()
    finally:
        store.close()
    stderr.print(f"store: {counts.model_dump()}", highlight=False)
    for problem in problems:
        stderr.print(f"[red]problem:[/] {problem}", highlight=False)
    if problems:
        raise typer.Exit(1)
    stderr.print("store is consistent", highlight=False)


def _print_json(data: Any) -> None:
    def default(obj: Any) -> Any:
        if isinstance(obj, (date, datetime)):
            return obj.isoformat()
        raise TypeError(type(obj))

    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=default) + "\n")


def register(app: typer.Typer) -> None:
    for command in (export, compare, changes, schema, doctor):
        app.command()(command)
