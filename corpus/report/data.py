"""What the report shows, gathered from the store: a summary and the timelines to chart."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from corpus.compare import Timeline, TimelineEntry, compare
from corpus.documents import utc_now
from corpus.store import ClaimFilter, ClaimStore, RunRecord, StoreCounts

#: Site colours (colour-blind friendly, no red: red marks conflicts).
PALETTE = (
    "#1f77b4",
    "#ff7f0e",
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
)
UNKNOWN_SITE = "unknown"


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
class ReportData:
    title: str
    summary: Summary
    charted: list[Timeline]
    single: list[Timeline]
    colours: dict[str, str]
    currency: str | None = None


def site_of(entry: TimelineEntry) -> str:
    """The name a point is coloured by: site, else source name, else 'unknown'."""
    return entry.site or entry.source_name or UNKNOWN_SITE


def conflicting_ids(timeline: Timeline) -> set[int]:
    """Claims in a conflict, including those saying the same as a conflict's representative."""
    ids = {c.a.claim_id for c in timeline.conflicts} | {c.b.claim_id for c in timeline.conflicts}
    said = {
        (e.value, e.value_max, e.qualifier, e.as_of) for e in timeline.entries if e.claim_id in ids
    }
    return {
        e.claim_id for e in timeline.entries if (e.value, e.value_max, e.qualifier, e.as_of) in said
    }


def _order(timeline: Timeline) -> tuple[int, int, str, str]:
    """Keys with conflicts first, then the most reported."""
    return (-timeline.conflicts_total, -len(timeline.entries), timeline.subject, timeline.metric)


def gather(
    store: ClaimStore,
    flt: ClaimFilter | None = None,
    *,
    title: str | None = None,
    currency: str | None = None,
    tolerance: float = 0.05,
) -> ReportData:
    flt = flt or ClaimFilter()
    timelines = compare(store, flt, tolerance=tolerance, currency=currency)
    entries = [e for t in timelines for e in t.entries]
    dated = [e.published_at for e in entries if e.published_at is not None]
    sites = sorted({site_of(e) for e in entries})
    summary = Summary(
        articles=len({e.article_id for e in entries}),
        claims=len(entries),
        sites=sites,
        first_published=min(dated, default=None),
        last_published=max(dated, default=None),
        undated=len(entries) - len(dated),
        store=store.counts(),
        last_run=store.last_run(),
        generated_at=utc_now(),
        filters={k: str(v) for k, v in flt.model_dump(exclude_none=True).items()},
    )
    charted = sorted((t for t in timelines if len(t.entries) >= 2), key=_order)
    single = [t for t in timelines if len(t.entries) < 2]
    colours = {site: PALETTE[i % len(PALETTE)] for i, site in enumerate(sites)}
    return ReportData(
        title=title or "aiclaims report",
        summary=summary,
        charted=charted,
        single=single,
        colours=colours,
        currency=currency,
    )
