"""One timeline as an inline SVG chart: value over publication time, one point per report.

Markers say the qualifier: a filled dot is an exact value, a hollow dot an
approximate one, a triangle up/down a lower/upper bound, a vertical bar a range.
A red ring marks a point in conflict with another. Every point has a <title>
tooltip, so the chart needs no script.
"""

from __future__ import annotations

from datetime import UTC

from corpus.compare import Timeline, TimelineEntry
from corpus.report.data import conflicting_ids, site_of
from corpus.report.formatting import e, format_date, format_number, format_value
from corpus.report.scales import TimeAxis, ValueAxis, time_axis, value_axis

WIDTH, HEIGHT = 760, 250
LEFT, RIGHT, TOP, BOTTOM = 78, 18, 16, 30
CONFLICT_RED = "#d62728"
LOWER = frozenset({"more_than", "at_least"})
UPPER = frozenset({"less_than", "at_most", "up_to"})
SPREAD_PX = 9  # horizontal spacing of points published on the same day


class Plot:
    """Pixel positions inside the plotting area."""

    def __init__(self, values: ValueAxis, times: TimeAxis) -> None:
        self.values, self.times = values, times
        self.width = WIDTH - LEFT - RIGHT
        self.height = HEIGHT - TOP - BOTTOM

    def y(self, value: float) -> float:
        return TOP + self.height * (1 - self.values.fraction(value))

    def x(self, entry: TimelineEntry) -> float:
        assert entry.published_at is not None
        when = entry.published_at
        when = when if when.tzinfo else when.replace(tzinfo=UTC)
        return LEFT + self.width * self.times.fraction(when)


def _values(entries: list[TimelineEntry]) -> list[float]:
    out = [en.value for en in entries]
    out += [en.value_max for en in entries if en.value_max is not None]
    return out


def _plotted(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    """Dated entries; an article repeating the same value makes one point."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for entry in entries:
        key = (entry.article_id, entry.value, entry.value_max, entry.qualifier)
        if entry.published_at is not None and key not in seen:
            seen.add(key)
            out.append(entry)
    return out


def _offsets(plot: Plot, entries: list[TimelineEntry]) -> list[float]:
    """Spread points that share a day side by side instead of on top of each other."""
    by_day: dict[int, list[int]] = {}
    for i, entry in enumerate(entries):
        by_day.setdefault(round(plot.x(entry)), []).append(i)
    offsets = [0.0] * len(entries)
    for indices in by_day.values():
        for rank, i in enumerate(indices):
            offsets[i] = (rank - (len(indices) - 1) / 2) * SPREAD_PX
    return offsets


def _marker(entry: TimelineEntry, x: float, plot: Plot, colour: str) -> str:
    y = plot.y(entry.value)
    q = entry.qualifier
    if q == "range" and entry.value_max is not None:
        y2 = plot.y(entry.value_max)
        return (
            f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x:.1f}" y2="{y2:.1f}" stroke="{colour}" '
            f'stroke-width="4" stroke-linecap="round"/>'
            f'<circle cx="{x:.1f}" cy="{(y + y2) / 2:.1f}" r="3" fill="#fff" stroke="{colour}"/>'
        )
    if q in LOWER or q in UPPER:
        d = -1 if q in LOWER else 1  # apex up for "more than", down for "less than"
        points = f"{x:.1f},{y + 7 * d:.1f} {x - 6:.1f},{y - 4 * d:.1f} {x + 6:.1f},{y - 4 * d:.1f}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    if q == "approx":
        return (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="#fff" stroke="{colour}" '
            f'stroke-width="2.5"/>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5.5" fill="{colour}"/>'


def _point(
    entry: TimelineEntry, offset: float, plot: Plot, colour: str, conflict: bool, unit: str
) -> str:
    x = plot.x(entry) + offset
    tip = (
        f"{format_date(entry.published_at)} · {site_of(entry)} · "
        f"{format_value(entry.value, unit, entry.qualifier, entry.value_max)} · {entry.text}"
    )
    ring = ""
    if conflict:
        mid = entry.value if entry.value_max is None else (entry.value + entry.value_max) / 2
        ring = (
            f'<circle class="conflict-ring" cx="{x:.1f}" cy="{plot.y(mid):.1f}" r="10" '
            f'fill="none" stroke="{CONFLICT_RED}" stroke-width="2.5"/>'
        )
    css = "pt conflict" if conflict else "pt"
    return (
        f'<g class="{css}" data-claim="{entry.claim_id}"><title>{e(tip)}</title>'
        f"{_marker(entry, x, plot, colour)}{ring}</g>"
    )


def _axes(plot: Plot, unit: str) -> list[str]:
    right = WIDTH - RIGHT
    bottom = HEIGHT - BOTTOM
    parts = []
    for tick in plot.values.ticks:
        y = plot.y(tick)
        parts.append(
            f'<line class="grid" x1="{LEFT}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}"/>'
            f'<text class="tick" x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{e(format_number(tick))}</text>"
        )
    for when, label in plot.times.ticks:
        x = LEFT + plot.width * plot.times.fraction(when)
        parts.append(
            f'<line class="grid" x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{bottom}"/>'
            f'<text class="tick" x="{x:.1f}" y="{bottom + 18}" text-anchor="middle">'
            f"{e(label)}</text>"
        )
    scale = "log" if plot.values.log else "linear"
    parts.append(
        f'<line class="axis" x1="{LEFT}" y1="{bottom}" x2="{right}" y2="{bottom}"/>'
        f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{bottom}"/>'
        f'<text class="unit" x="{LEFT + 6}" y="{TOP + 12}">{e(unit)} · {scale} scale</text>'
    )
    return parts


def _consensus(plot: Plot, timeline: Timeline) -> str:
    y = plot.y(timeline.consensus.value)
    label = f"consensus {format_number(timeline.consensus.value)}"
    return (
        f'<line class="consensus" x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}"/>'
        f'<text class="consensus-label" x="{WIDTH - RIGHT - 4}" y="{y - 4:.1f}" '
        f'text-anchor="end">{e(label)}</text>'
    )


def timeline_svg(timeline: Timeline, colours: dict[str, str]) -> str:
    """The chart of one timeline; an empty string when no report is dated."""
    entries = _plotted(timeline.entries)
    if not entries:
        return ""
    values = value_axis([*_values(entries), timeline.consensus.value])
    times = time_axis([en.published_at for en in entries if en.published_at is not None])
    plot = Plot(values, times)
    conflicts = conflicting_ids(timeline)
    offsets = _offsets(plot, entries)
    points = [
        _point(
            entry,
            offset,
            plot,
            colours.get(site_of(entry), "#444"),
            entry.claim_id in conflicts,
            timeline.unit,
        )
        for entry, offset in zip(entries, offsets, strict=True)
    ]
    label = f"{timeline.subject} {timeline.metric} over time"
    body = "".join([*_axes(plot, timeline.unit), _consensus(plot, timeline), *points])
    return (
        f'<svg class="chart" role="img" aria-label="{e(label)}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" xmlns="http://www.w3.org/2000/svg">{body}</svg>'
    )
