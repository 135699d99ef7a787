"""Chart geometry for the SVG templates: a trend line for a moving quantity, a dot plot for
an event fact. The templates only draw what is computed here.

Trend (moving quantities): value over the time each value held for (its ``as_of``, else the
article's date), one mark per report, the consensus of each period joined by a line with the
change between periods. Dot plot (events, whose value does not move): one row per report,
value across, the consensus as a dashed line. Both switch to a log axis when the values span
more than about 32x.

Marks say the qualifier: a filled dot is an exact value, a hollow one an approximate value, a
dashed one a forecast, a triangle a bound (pointing to where the value lies), a bar a range.
A red ring marks a value in conflict; an orange diamond a value to check (an outlier).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from corpus.compare import Timeline, TimelineEntry
from corpus.compare.periods import claim_date
from corpus.report.formatting import format_change, format_date, format_number, format_value
from corpus.report.labels import qualifier_label, role_label, site_of
from corpus.report.scales import TimeAxis, ValueAxis, time_axis, value_axis

CONFLICT_RED = "#d62728"
OUTLIER_ORANGE = "#e8590c"
LOWER = frozenset({"more_than", "at_least"})
UPPER = frozenset({"less_than", "at_most", "up_to"})
SPREAD_PX = 9  # spacing of marks that fall on the same spot
ROW_PX = 22
MAX_ROWS = 14
ROW_LABEL_CHARS = 14


@dataclass(frozen=True)
class Size:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    ticks: int

    @property
    def inner_width(self) -> int:
        return self.width - self.left - self.right

    @property
    def inner_height(self) -> int:
        return self.height - self.top - self.bottom


FULL = Size(760, 240, 78, 20, 22, 30, 6)
SMALL = Size(360, 160, 64, 12, 10, 28, 3)


@dataclass
class Mark:
    """One report on the chart."""

    claim_id: int
    x: float
    y: float
    shape: str  # dot, hollow, dashed, up, down, left, right, bar
    colour: str
    tip: str
    x2: float | None = None  # a bar's other end
    y2: float | None = None
    conflict: bool = False
    outlier: bool = False

    @property
    def points(self) -> str:
        """The triangle of a bound, pointing where the value lies."""
        x, y = self.x, self.y
        tips = {
            "up": ((x, y - 7), (x - 6, y + 4), (x + 6, y + 4)),
            "down": ((x, y + 7), (x - 6, y - 4), (x + 6, y - 4)),
            "right": ((x + 7, y), (x - 4, y - 6), (x - 4, y + 6)),
            "left": ((x - 7, y), (x + 4, y - 6), (x + 4, y + 6)),
        }
        return " ".join(f"{px:.1f},{py:.1f}" for px, py in tips.get(self.shape, ()))


@dataclass
class Tick:
    x1: float
    y1: float
    x2: float
    y2: float
    label: str
    tx: float
    ty: float
    anchor: str


@dataclass
class Chart:
    """Everything a template needs to draw one chart."""

    kind: str  # trend or dots
    size: Size
    label: str
    axis_note: str
    ticks: list[Tick] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)
    consensus_points: str = ""  # polyline of the trend, or the dot plot's consensus line
    consensus_label: str = ""  # empty on small charts (the stats line says it)
    consensus_at: tuple[float, float] = (0.0, 0.0)
    consensus_anchor: str = "start"
    change_labels: list[tuple[float, float, str]] = field(default_factory=list)
    rows: list[tuple[float, str]] = field(default_factory=list)  # dot plot: (y, label)
    more_rows: int = 0
    spans: list[tuple[float, float, float]] = field(default_factory=list)  # x1, x2, y


def _as_datetime(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def held_at(entry: TimelineEntry) -> tuple[datetime, datetime, datetime] | None:
    """When a report's value held: (start, middle, end) of its as_of, else its article's day."""
    when = claim_date(entry.as_of, entry.published_at)
    if when is None:
        return None
    return _as_datetime(when.start), _as_datetime(when.middle), _as_datetime(when.end)


def _tip(entry: TimelineEntry, site: str) -> str:
    value = format_value(entry.value, entry.unit, entry.qualifier, entry.value_max)
    parts = [format_date(entry.published_at), site, value, qualifier_label(entry.qualifier).text]
    if entry.as_of:
        parts.append(f"数据时间 {entry.as_of}")
    if entry.role != "value":
        parts.append(role_label(entry.role).text)
    if entry.outlier:
        parts.append(f"待核查：与其他来源相差{entry.outlier:.0f}倍以上")
    return " · ".join([*parts, entry.text])


def _shape(entry: TimelineEntry, vertical: bool) -> str:
    q = entry.qualifier
    if q == "range" and entry.value_max is not None:
        return "bar"
    if q in LOWER:
        return "up" if vertical else "right"
    if q in UPPER:
        return "down" if vertical else "left"
    if entry.role == "projection":
        return "dashed"
    return "hollow" if q == "approx" else "dot"


def _value_axis(values: list[float]) -> ValueAxis:
    return value_axis(values)


def _values(entries: list[TimelineEntry], extra: list[float]) -> list[float]:
    out = [e.value for e in entries] + [e.value_max for e in entries if e.value_max is not None]
    return out + extra


class _Frame:
    """Pixel positions inside a chart's plotting area."""

    def __init__(self, size: Size, values: ValueAxis, times: TimeAxis | None = None) -> None:
        self.size, self.values, self.times = size, values, times

    def y(self, value: float) -> float:
        s = self.size
        return s.top + s.inner_height * (1 - self.values.fraction(value))

    def x_value(self, value: float) -> float:
        return self.size.left + self.size.inner_width * self.values.fraction(value)

    def x_time(self, when: datetime) -> float:
        assert self.times is not None
        return self.size.left + self.size.inner_width * self.times.fraction(when)


def _value_ticks_vertical(frame: _Frame) -> list[Tick]:
    s = frame.size
    return [
        Tick(s.left, frame.y(t), s.width - s.right, frame.y(t), format_number(t),
             s.left - 6, frame.y(t) + 4, "end")
        for t in frame.values.ticks
    ]  # fmt: skip


def _value_ticks_horizontal(frame: _Frame) -> list[Tick]:
    s = frame.size
    bottom = s.height - s.bottom
    return [
        Tick(frame.x_value(t), s.top, frame.x_value(t), bottom, format_number(t),
             frame.x_value(t), bottom + 16, "middle")
        for t in frame.values.ticks
    ]  # fmt: skip


def _time_ticks(frame: _Frame) -> list[Tick]:
    assert frame.times is not None
    s = frame.size
    bottom = s.height - s.bottom
    return [
        Tick(frame.x_time(w), s.top, frame.x_time(w), bottom, label,
             frame.x_time(w), bottom + 16, "middle")
        for w, label in frame.times.ticks
    ]  # fmt: skip


def _spread_same_spot(marks: list[Mark], horizontal: bool) -> None:
    """Marks on one spot side by side, not on top of each other."""
    spots: dict[tuple[int, int], list[Mark]] = {}
    for mark in marks:
        spots.setdefault((round(mark.x), round(mark.y)), []).append(mark)
    for group in spots.values():
        for rank, mark in enumerate(group):
            offset = (rank - (len(group) - 1) / 2) * SPREAD_PX
            if horizontal:
                mark.x += offset
                if mark.x2 is not None:
                    mark.x2 += offset
            else:
                mark.y += offset
                if mark.y2 is not None:
                    mark.y2 += offset


def _plotted(entries: list[TimelineEntry]) -> list[TimelineEntry]:
    """Reports worth a mark: values and forecasts (changes stay in the table), one per
    article and value."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for entry in entries:
        key = (entry.article_id, entry.value, entry.value_max, entry.qualifier)
        if entry.role in ("value", "projection") and key not in seen:
            seen.add(key)
            out.append(entry)
    return out


def _axis_note(unit: str, values: ValueAxis) -> str:
    return f"{unit} · {'对数刻度' if values.log else '线性刻度'}"


def trend_chart(
    t: Timeline, colours: dict[str, str], conflicts: set[int], size: Size = FULL
) -> Chart | None:
    """A moving quantity over time; None when no report can be dated."""
    dated = [(e, w) for e in _plotted(t.entries) if (w := held_at(e)) is not None]
    if not dated:
        return None
    steps = _steps(t)
    values = _value_axis(_values([e for e, _ in dated], [v for _, v in steps]))
    moments = [w[1] for _, w in dated] + [m for m, _ in steps]
    frame = _Frame(size, values, time_axis(moments, size.ticks))
    chart = Chart("trend", size, f"{t.subject} {t.label}", _axis_note(t.unit, values))
    chart.ticks = _value_ticks_vertical(frame) + _time_ticks(frame)
    for entry, (start, middle, end) in dated:
        mark = _mark(entry, frame.x_time(middle), frame.y(entry.value), colours, conflicts)
        if entry.qualifier == "range" and entry.value_max is not None:
            mark.x2, mark.y2 = mark.x, frame.y(entry.value_max)
        chart.marks.append(mark)
        x1, x2 = frame.x_time(start), frame.x_time(end)
        # an as_of coarser than a day: show the stretch it names, unless it fills the chart
        if end - start > timedelta(days=1) and x2 - x1 < size.inner_width / 2:
            chart.spans.append((x1, x2, mark.y))
    _spread_same_spot(chart.marks, horizontal=True)
    _trend_line(chart, frame, t, steps)
    return chart


def _steps(t: Timeline) -> list[tuple[datetime, float]]:
    """The consensus of each period the trend runs through, at the period's middle."""
    names = [c.from_period for c in t.changes[:1]] + [c.to_period for c in t.changes]
    periods = {p.period: p for p in t.periods}
    steps = []
    for name in names or [p.period for p in t.periods if p.consensus and p.start][-1:]:
        period = periods.get(name)
        if period and period.start and period.end and period.consensus:
            middle = period.start + (period.end - period.start) / 2
            steps.append((_as_datetime(middle), period.consensus.value))
    return steps


def _trend_line(chart: Chart, frame: _Frame, t: Timeline, steps: list[tuple[datetime, float]]):
    points = [(frame.x_time(when), frame.y(value)) for when, value in steps]
    chart.consensus_points = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    for (x1, y1), (x2, y2), change in zip(points, points[1:], t.changes, strict=False):
        chart.change_labels.append(((x1 + x2) / 2, (y1 + y2) / 2 - 6, format_change(change.change)))
    if points and chart.size is FULL:
        x, y = points[-1]
        near_right = x > chart.size.width - chart.size.right - 90
        chart.consensus_at = (x - 8, y - 8) if near_right else (x + 8, y - 8)
        chart.consensus_anchor = "end" if near_right else "start"
        chart.consensus_label = f"共识 {format_number(steps[-1][1])}"


def _mark(
    entry: TimelineEntry, x: float, y: float, colours: dict[str, str], conflicts: set[int]
) -> Mark:
    site = site_of(entry)
    return Mark(
        claim_id=entry.claim_id,
        x=x,
        y=y,
        shape=_shape(entry, vertical=True),
        colour=OUTLIER_ORANGE if entry.outlier else colours.get(site, "#444"),
        tip=_tip(entry, site),
        conflict=entry.claim_id in conflicts,
        outlier=entry.outlier is not None,
    )


def dot_plot(
    t: Timeline, colours: dict[str, str], conflicts: set[int], size: Size = FULL
) -> Chart | None:
    """An event fact: one row per report (newest last), the value across."""
    entries = _plotted(t.entries)
    if not entries:
        return None
    shown, more = entries[:MAX_ROWS], max(0, len(entries) - MAX_ROWS)
    full = size.width == FULL.width
    labels = [_row_label(e, len(t.periods) > 1, ROW_LABEL_CHARS if full else 0) for e in shown]
    widest = max(_text_width(label, 11) for label in labels)  # .chart .row is 11px
    left = min(int(widest) + 14, size.width // 3)
    size = Size(size.width, size.top + len(shown) * ROW_PX + size.bottom + 8, left, size.right,
                size.top, size.bottom, size.ticks)  # fmt: skip
    values = _value_axis(_values(shown, [t.consensus.value]))
    frame = _Frame(size, values)
    chart = Chart("dots", size, f"{t.subject} {t.label}", _axis_note(t.unit, values))
    chart.ticks = _value_ticks_horizontal(frame)
    chart.more_rows = more
    for row, (entry, label) in enumerate(zip(shown, labels, strict=True)):
        y = size.top + ROW_PX * (row + 0.5) + 4
        chart.rows.append((y, label))
        mark = _mark(entry, frame.x_value(entry.value), y, colours, conflicts)
        mark.shape = _shape(entry, vertical=False)
        if mark.shape == "bar" and entry.value_max is not None:
            mark.x2, mark.y2 = frame.x_value(entry.value_max), y
        chart.marks.append(mark)
    x = frame.x_value(t.consensus.value)
    chart.consensus_points = f"{x:.1f},{size.top:.1f} {x:.1f},{size.height - size.bottom:.1f}"
    if full:
        near_right = x > size.width - size.right - 50
        chart.consensus_at = (x, size.top - 4)
        chart.consensus_anchor = "end" if near_right else "middle"
        chart.consensus_label = f"共识 {format_number(t.consensus.value)}"
    return chart


def _text_width(text: str, font_px: int) -> float:
    """About how wide a label is drawn: CJK characters a full em, others a bit over half."""
    return sum(font_px if ord(ch) > 0x2E80 else font_px * 0.6 for ch in text)


def _row_label(entry: TimelineEntry, with_period: bool, site_chars: int) -> str:
    """``2025-01-28 腾讯新闻``, the site cut short (left out when ``site_chars`` is 0: small
    charts say the site by colour); the period too when the key has several."""
    site = site_of(entry) if site_chars else ""
    if len(site) > site_chars:
        site = site[: site_chars - 1] + "…"
    label = f"{format_date(entry.published_at)} {site}".rstrip()
    if with_period and entry.period:
        label += f" ［{entry.period}］"
    return label
