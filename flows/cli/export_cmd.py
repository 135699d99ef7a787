"""``aiclaims export`` and ``aiclaims schema``: the store's claims for other programs.

Both only read: no Prefect, no store created (see ``flows.cli.store_access``).
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path

import typer

from flows.cli.options import MetricOpt, SinceOpt, SiteOpt, SubjectOpt, UntilOpt, filters
from flows.cli.state import fail, note, state
from flows.cli.store_access import open_existing_store


class ExportFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class SchemaKind(StrEnum):
    claims = "claims"
    comparison = "comparison"
    claim = "claim"
    timeline = "timeline"


def _output_path(output: str | None) -> Path | None:
    """None (stdout) for no ``-o`` or ``-o -``; else the file, its folder made."""
    if output in (None, "-"):
        return None
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def export(
    ctx: typer.Context,
    fmt: ExportFormat = typer.Option(ExportFormat.json, "--format", "-f"),
    output: str = typer.Option(None, "--output", "-o", help="File to write (- or none: stdout)."),
    compare: bool = typer.Option(False, "--compare", help="Export timelines and conflicts."),
    subject: str = SubjectOpt,
    metric: str = MetricOpt,
    since: datetime = SinceOpt,
    until: datetime = UntilOpt,
    site: str = SiteOpt,
) -> None:
    """Export stored claims as JSON, JSON Lines or CSV (UTF-8), written atomically.

    CSV has one row per claim (with --compare: per timeline entry, with its key).
    Example: aiclaims export --format csv -o claims.csv --subject 英伟达 --since 2025-01
    """
    from corpus.store import ClaimFilter

    flt = ClaimFilter(**filters(subject, metric, since, until, site))
    with open_existing_store(state(ctx).db_url) as store:
        try:
            target = _output_path(output)
            written = _write(store, flt, fmt, target, compare)
        except OSError as err:
            if output in (None, "-"):
                raise
            raise fail(f"export to {output} failed: {err}") from err
    if target is not None:
        what = "timelines" if compare else "claims"
        note(f"wrote {written} {what} to {target}")


def _write(store, flt, fmt: ExportFormat, target: Path | None, compare: bool) -> int:
    from corpus.export import export_claims, export_comparison

    if fmt is not ExportFormat.csv:
        writer = export_comparison if compare else export_claims
        return writer(store, flt, fmt.value, target)
    from flows.cli.csv_output import model_columns, model_rows, timeline_rows, write_csv

    if compare:
        from corpus.compare import compare as compare_claims

        columns, rows = timeline_rows(compare_claims(store, flt))
        write_csv(columns, rows, target)
        return len(rows)
    from corpus.export import ExportedClaim

    claims = store.claims(flt)
    columns = model_columns(ExportedClaim)
    write_csv(columns, model_rows(claims, columns), target)
    return len(claims)


def schema(
    kind: SchemaKind = typer.Option(
        SchemaKind.claims, help="claims or comparison (a json export), claim or timeline (a line)"
    ),
) -> None:
    """Print the JSON Schema of the export (generated from the pydantic models).

    Example: aiclaims schema --kind comparison
    """
    from corpus.export import json_schema

    sys.stdout.write(json.dumps(json_schema(kind.value), ensure_ascii=False, indent=2) + "\n")


def register(app: typer.Typer) -> None:
    app.command()(export)
    app.command()(schema)
