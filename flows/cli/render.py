"""How the CLI shows reports and claims on a terminal (rich)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from rich.markup import escape
from rich.table import Table

from flows.cli.state import stderr, stdout

CHINESE_SCALES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))
SI_SCALES = ((1e18, "E"), (1e15, "P"), (1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k"))
SI_UNITS = {"W", "FLOPS", "FLOP"}


def format_value(value: float, unit: str | None = None) -> str:
    """557万 USD, 6710亿 params, 150 MW, 989 TFLOPS: compact, as articles write them."""
    if unit in SI_UNITS:
        for scale, prefix in SI_SCALES:
            if abs(value) >= scale:
                return f"{value / scale:.4g} {prefix}{unit}"
        return f"{value:g} {unit}"
    text = f"{value:g}"
    for scale, name in CHINESE_SCALES:
        if abs(value) >= scale:
            text = f"{value / scale:.4g}{name}"
            break
    return f"{text} {unit}" if unit and unit != "count" else text


#: Added to a refusal of a loopback or private address.
LOCAL_HINT = (
    " (a source on this machine or network: set `local = true` on it in the sources file, "
    "or pass --allow-local for URLs given on the command line)"
)


def _hint(reason: str) -> str:
    if "not local" in reason and "local = true" not in reason:
        return LOCAL_HINT
    return ""


def print_report(report: Any) -> None:
    """One line of counts, then one line per failed source, per skipped input and per page
    stored with a warning."""
    from corpus.documents import printable

    sources = list(getattr(report, "failed_sources", []))
    items = [skip for skip in report.failed if skip not in sources]
    failed = f", {len(sources)} sources failed" if sources else ""
    stderr.print(
        f"{report.kind}: {report.new} new, {report.unchanged} unchanged, "
        f"{report.updated} updated, {report.duplicate} duplicate, "
        f"{len(items)} skipped{failed}; {report.claims_added} claims added",
        highlight=False,
    )
    for skip in sources:
        line = f"failed {printable(skip.location)}: {printable(skip.reason)}{_hint(skip.reason)}"
        stderr.print(f"  [red]{escape(line)}[/]", highlight=False)
    for skip in items:
        stderr.print(f"  [yellow]{escape(skip.message() + _hint(skip.reason))}[/]", highlight=False)
    for warning in getattr(report, "warnings", []):
        stderr.print(f"  [yellow]{escape(warning.line())}[/]", highlight=False)


def print_claims_summary(claims: Iterable[Any], where: str | None = None) -> None:
    """A table of the claims given (all those stored, for `run`) by subject and metric."""
    groups: dict[tuple[str, str], list[Any]] = defaultdict(list)
    total = 0
    for claim in claims:
        groups[(claim.subject, claim.metric)].append(claim)
        total += 1
    caption = f"{total} claims stored" + (f" in {where}" if where else "")
    table = Table(title="Claims per subject and metric", caption=caption, show_lines=False)
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
    for t in timelines:
        shown += 1
        title = " / ".join(str(part) for part in (t.subject, t.metric, t.object) if part)
        table = Table(title=f"{title} ({t.unit})", title_justify="left")
        for column in ("published", "site", "value", "qualifier", "sentence"):
            table.add_column(column, overflow="fold")
        for entry in t.entries:
            table.add_row(
                entry.published_at.date().isoformat() if entry.published_at else "?",
                entry.site or "?",
                format_value(entry.value, entry.unit),
                entry.qualifier,
                entry.sentence[:80],
            )
        stdout.print(table)
        ratio = f" (x{t.spread.ratio:.3g})" if t.spread.ratio else ""
        stdout.print(
            f"spread: {format_value(t.spread.min)} .. {format_value(t.spread.max)}{ratio}; "
            f"consensus: {format_value(t.consensus.value, t.unit)} "
            f"over {t.consensus.sites} sites; conflicts: {t.conflicts_total}",
            highlight=False,
        )
        for c in t.conflicts:
            stdout.print(
                f"[bold red]conflict[/] ({c.gap:.0%} apart): {c.a.text} ({c.a.origin}) "
                f"vs {c.b.text} ({c.b.origin})",
                highlight=False,
            )
    if not shown:
        stderr.print("no claims match", highlight=False)


def _key_name(item: Any) -> str:
    return " / ".join(str(part) for part in (item.subject, item.metric, item.object) if part)


def print_changes(report: Any) -> None:
    """What changed since a moment: a table of the new claims, then one line per
    consensus move and per new conflict."""
    since = report.since.isoformat(timespec="minutes")
    stdout.print(
        f"since {since}: {len(report.new_claims)} new claims, {len(report.new_keys)} new keys, "
        f"{len(report.moved)} consensus moves, {len(report.new_conflicts)} new conflicts",
        highlight=False,
    )
    if report.new_claims:
        table = Table(title="New claims", title_justify="left")
        for column in ("first seen", "site", "subject", "metric", "value"):
            table.add_column(column, overflow="fold")
        for claim in report.new_claims:
            table.add_row(
                claim.first_seen.date().isoformat(),
                claim.site or "?",
                claim.subject,
                claim.metric + (f" / {claim.object}" if claim.object else ""),
                format_value(claim.value, claim.unit),
            )
        stdout.print(table)
    for move in report.moved:
        stdout.print(
            f"consensus moved: {_key_name(move)}: {format_value(move.before, move.unit)} -> "
            f"{format_value(move.after, move.unit)} ({move.change:+.0%})",
            highlight=False,
        )
    for keyed in report.new_conflicts:
        c = keyed.conflict
        sides = f"{c.a.text} ({c.a.origin}) vs {c.b.text} ({c.b.origin})"
        stdout.print(
            f"[bold red]new conflict[/] {escape(_key_name(keyed))} ({c.gap:.0%} apart): "
            f"{escape(sides)}",
            highlight=False,
        )
