"""What the report shows, gathered from the store: the summary, the disagreements between
sources, the values to check, and one view per claim key (its chart and its reports)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from corpus.compare import Conflict, Outlier, Timeline, compare
from corpus.documents import utc_now
from corpus.report.chart import FULL, SMALL, Chart, dot_plot, trend_chart
from corpus.report.labels import site_of
from corpus.store import ClaimFilter, ClaimStore, RunRecord, StoreCounts

#: Site colours (colour-blind friendly, no red or orange: they mark conflicts and outliers).
PALETTE = (
    "#1f77b4",
    "#2ca02c",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
    "#393b79",
    "#637939",
    "#8c6d31",
    "#5254a3",
)
#: Keys with at most this many marks are drawn small, several to a row.
SMALL_MULTIPLE_MARKS = 3


@dataclass
class Summary:
    """Figures for the top of the page; ``articles``/``claims``/``sites`` are of the report."""

    articles: int
    claims: int
    sites: list[str]
    first_published: datetime | None
    last_published: datetime | None
    undated: int
    store: StoreCounts
    last_run: RunRecord | None
    generated_at: datetime
    filters: dict[str, str] = field(default_factory=dict)


@dataclass
class KeyView:
    """One claim key (subject, metric, object, unit) as the page shows it."""

    anchor: str
    timeline: Timeline
    chart: Chart | None
    small: bool
    conflict_ids: set[int]

    @property
    def sites(self) -> list[str]:
        return sorted({site_of(e) for e in self.timeline.entries})


@dataclass
class ConflictItem:
    key: KeyView
    conflict: Conflict


@dataclass
class OutlierItem:
    key: KeyView
    outlier: Outlier


@dataclass
class ReportData:
    title: str
    summary: Summary
    keys: list[KeyView]
    single: list[Timeline]
    colours: dict[str, str]
    conflicts: list[ConflictItem]
    outliers: list[OutlierItem]
    currency: str | None = None

    def group(self, kind: str, small: bool) -> list[KeyView]:
        """The keys of one kind (moving or event) drawn large or small."""
        return [k for k in self.keys if k.timeline.kind == kind and k.small is small]


def conflicting_ids(timeline: Timeline) -> set[int]:
    """Every claim on a side of one of the key's conflicts."""
    return {i for c in timeline.conflicts for side in (c.a, c.b) for i in side.claim_ids}


def _order(timeline: Timeline) -> tuple[int, int, int, str, str]:
    """Keys with conflicts first, then those with values to check, then the most reported."""
    return (
        -timeline.conflicts_total,
        -len(timeline.outliers),
        -len(timeline.entries),
        timeline.subject,
        timeline.metric,
    )


def key_view(index: int, t: Timeline, colours: dict[str, str]) -> KeyView:
    conflicts = conflicting_ids(t)
    draw = trend_chart if t.kind == "moving" else dot_plot
    chart = draw(t, colours, conflicts, FULL)
    small = chart is not None and len(chart.marks) <= SMALL_MULTIPLE_MARKS
    if small:
        chart = draw(t, colours, conflicts, SMALL)
    return KeyView(f"k{index}", t, chart, small, conflicts)


def _summary(store: ClaimStore, flt: ClaimFilter, timelines: list[Timeline]) -> Summary:
    entries = [e for t in timelines for e in t.entries]
    dated = [e.published_at for e in entries if e.published_at is not None]
    return Summary(
        articles=len({e.article_id for e in entries}),
        claims=len(entries),
        sites=sorted({site_of(e) for e in entries}),
        first_published=min(dated, default=None),
        last_published=max(dated, default=None),
        undated=len(entries) - len(dated),
        store=store.counts(),
        last_run=store.last_run(),
        generated_at=utc_now(),
        filters={k: str(v) for k, v in flt.model_dump(exclude_none=True).items()},
    )


def gather(
    store: ClaimStore,
    flt: ClaimFilter | None = None,
    *,
    title: str | None = None,
    currency: str | None = None,
    tolerance: float | None = None,
) -> ReportData:
    """The report's content; ``tolerance`` None compares each metric with its own."""
    flt = flt or ClaimFilter()
    timelines = compare(store, flt, tolerance=tolerance, currency=currency)
    summary = _summary(store, flt, timelines)
    colours = {site: PALETTE[i % len(PALETTE)] for i, site in enumerate(summary.sites)}
    charted = sorted((t for t in timelines if len(t.entries) >= 2), key=_order)
    keys = [key_view(i, t, colours) for i, t in enumerate(charted)]
    conflicts = sorted(
        (ConflictItem(k, c) for k in keys for c in k.timeline.conflicts),
        key=lambda item: -item.conflict.gap,
    )
    outliers = [OutlierItem(k, o) for k in keys for o in k.timeline.outliers]
    return ReportData(
        title=title or "aiclaims 报告",
        summary=summary,
        keys=keys,
        single=[t for t in timelines if len(t.entries) < 2],
        colours=colours,
        conflicts=conflicts,
        outliers=outliers,
        currency=currency,
    )
