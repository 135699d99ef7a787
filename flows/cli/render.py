"""How the CLI shows reports and claims on a terminal (rich)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from rich.table import Table

from flows.cli.state import stderr, stdout

CHINESE_SCALES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))


def format_value(value: float, unit: str | None = None) -> str:
    """557万 USD, 6710亿 params, 98.7 %: compact, in the way the articles write them."""
    text = f"{value:g}"
    for scale, name in CHINESE_SCALES:
        if abs(value) >= scale:
            text = f"{value / scale:.4g}{name}"
            break
    return f"{text} {unit}" if unit else text


def print_report(report: Any) -> None:
    """One line of counts, then one line per skipped input."""
    stderr.print(
        f"{report.kind}: {report.new} new, {report.unchanged} unchanged, "
        f"{report.updated} updated, {report.duplicate} duplicate, "
        f"{len(report.failed)} skipped; {report.claims_added} claims added",
        highlight=False,
    )
    for skip in report.failed:
        stderr.print(f"  [yellow]{skip.message()}[/]", highlight=False)


def print_claims_summary(claims: Iterable[Any]) -> None:
    """A table of stored claims grouped by subject and metric."""
    groups: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for claim in claims:
        groups[(claim.subject, claim.metric)].append(claim)
    table = Table(title="Claims per subject and metric", show_lines=False)
    table.add_column("subject")
    table.add_column("metric")
    table.add_column("n", justify="right")
    table.add_column("values reported")
    table.add_column("sites")
    for (subject, metric), group in sorted(groups.items()):
        values = sorted({(c.value, c.unit) for c in group})
        sites = sorted({c.site or "?" for c in group})
        table.add_row(
            subject,
            metric,
            str(len(group)),
            ", ".join(format_value(v, u) for v, u in values[:6])
            + (" …" if len(values) > 6 else ""),
            ", ".join(sites[:4]) + (" …" if len(sites) > 4 else ""),
        )
    stdout.print(table)


def print_timelines(timelines: Iterable[Any]) -> None:
    """One table per claim key: values in publication order, spread, consensus, conflicts."""
    shown = 0
    for timeline in timelines:
        shown += 1
        data = timeline.model_dump()
        key = data.get("key") or {}
        title = " / ".join(str(key.get(k)) for k in ("subject", "metric", "object") if key.get(k))
        table = Table(title=title, title_justify="left")
        for column in ("published", "site", "value", "qualifier", "sentence"):
            table.add_column(column, overflow="fold")
        for entry in data.get("entries", []):
            published = entry.get("published_at")
            table.add_row(
                str(published)[:10] if published else "?",
                entry.get("site") or "?",
                format_value(entry["value"], entry.get("unit")),
                entry.get("qualifier") or "",
                (entry.get("sentence") or "")[:80],
            )
        stdout.print(table)
        spread = data.get("spread") or {}
        if spread:
            stdout.print(
                f"spread: {format_value(spread.get('min', 0))} .. "
                f"{format_value(spread.get('max', 0))} (x{spread.get('ratio', 1):.3g}); "
                f"consensus: {data.get('consensus')}",
                highlight=False,
            )
        for conflict in data.get("conflicts", []):
            stdout.print(f"[bold red]conflict:[/] {conflict}", highlight=False)
    if not shown:
        stderr.print("no claims match", highlight=False)
