"""What a comparison returns: timelines of one claim key across articles."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, Field

from corpus.compare.roles import EntryRole
from corpus.rates import FxRate
from corpus.store.models import StoredClaim
from extractors.metric_table import Grain, MetricKind
from extractors.models import Qualifier


class Conversion(BaseModel):
    """How an entry's money value was converted, and with which rate."""

    original_value: float
    original_value_max: float | None = None
    original_unit: str
    rate: FxRate
    dated_by: str | None = Field(
        default=None, description="the claim date the rate was chosen for (as_of or published)"
    )


class TimelineEntry(BaseModel):
    """One claim in a timeline, with its provenance."""

    claim_id: int
    article_id: int
    subject: str
    value: float
    value_max: float | None = None
    unit: str
    qualifier: Qualifier
    text: str
    sentence: str
    as_of: str | None = None
    attribution: str | None = None
    confidence: float
    site: str | None = None
    source_name: str | None = None
    published_at: datetime | None = None
    first_seen: datetime
    title: str | None = None
    url: str | None = None
    location: str
    conversion: Conversion | None = None
    period: str | None = Field(
        default=None, description="the period the value holds for (None: undated)"
    )
    role: EntryRole = Field(
        default="value",
        description="value; projection (a forecast, plan or target: compared with other "
        "forecasts); or part of a change the sentence states, left out of conflicts and "
        "consensus: change_span (a range 从A到B), change_from (A of 从A到B), change_amount "
        "(the size of a change: 蒸发5890亿)",
    )
    outlier: float | None = Field(
        default=None,
        description="when set, how many times farther than any other source's value this one "
        "lies (check this extraction); left out of conflicts and consensus",
    )

    @property
    def origin(self) -> str:
        """Who published it: site, else source, else the page address."""
        return self.site or self.source_name or self.url or self.location


class Spread(BaseModel):
    """Smallest and largest value said; ``ratio`` = max / min (None when min <= 0)."""

    min: float
    max: float
    ratio: float | None = None


class Consensus(BaseModel):
    """Median over sites of each site's latest value (a range counts as its midpoint)."""

    value: float
    sites: int
    per_site: dict[str, float]


class ConflictSide(BaseModel):
    """One side of a conflict: the value, the claim that says it, every source saying it."""

    claim_id: int
    value: float
    value_max: float | None = None
    qualifier: Qualifier
    text: str
    origin: str
    published_at: datetime | None = None
    sentence: str = ""
    origins: list[str] = Field(default_factory=list, description="every source on this side")
    claim_ids: list[int] = Field(default_factory=list, description="every claim on this side")


class Conflict(BaseModel):
    """Sources that disagree about one key and period: no value of one agrees with any of the other.

    ``a``/``b`` are the closest values the two sides give; ``gap`` is the distance between their
    value intervals relative to the larger facing end; ``pairs`` counts the pairs of sources
    (articles) in this disagreement.
    """

    a: ConflictSide
    b: ConflictSide
    gap: float
    pairs: int = 1
    period: str | None = None
    role: EntryRole = Field(default="value", description="value, or projection (forecasts)")


class PeriodSummary(BaseModel):
    """One period of a key: its reports, consensus and spread (comparable reports only)."""

    period: str | None = None
    start: date | None = None
    end: date | None = None
    reports: int
    sources: int
    consensus: Consensus | None = None
    spread: Spread | None = None
    conflicts_total: int = 0


class PeriodChange(BaseModel):
    """How the consensus moved from one period to the next (a change, not a disagreement)."""

    from_period: str
    to_period: str
    before: float
    after: float
    change: float | None = Field(description="(after - before) / |before|; None if before = 0")


class Outlier(BaseModel):
    """A value far from every other source's (check this extraction), apart from conflicts."""

    claim_id: int
    value: float
    value_max: float | None = None
    qualifier: Qualifier
    text: str
    sentence: str
    origin: str
    published_at: datetime | None = None
    period: str | None = None
    factor: float = Field(description="how many times farther than the nearest other source")
    others: float = Field(description="the consensus of the other sources")


class TimelineKey(BaseModel):
    subject: str
    metric: str
    object: str | None = None
    unit: str


class Timeline(TimelineKey):
    """Every claim of one (subject, metric, object) in one unit, by publication time.

    ``periods`` split it into the keys of comparison, (subject, metric, object, period): a
    conflict is a disagreement inside one period; across periods ``changes`` says how the
    consensus moved. ``consensus`` and ``spread`` are of the latest period's reports.
    """

    kind: MetricKind = "event"
    grain: Grain | None = None
    label: str = Field(default="", description="the metric's Chinese name")
    tolerance: float = 0.05
    entries: list[TimelineEntry]
    spread: Spread
    consensus: Consensus
    conflicts: list[Conflict] = Field(default_factory=list)
    conflicts_total: int = Field(default=0, description="conflicts in all; the list may be cut")
    periods: list[PeriodSummary] = Field(default_factory=list)
    changes: list[PeriodChange] = Field(default_factory=list)
    outliers: list[Outlier] = Field(default_factory=list)

    @property
    def key(self) -> tuple[str, str, str | None]:
        return (self.subject, self.metric, self.object)


class ConsensusMove(TimelineKey):
    before: float
    after: float
    change: float = Field(description="(after - before) / |before|, or the difference if before=0")


class KeyedConflict(TimelineKey):
    conflict: Conflict


class ChangesReport(BaseModel):
    """What changed since a moment: new claims, moved consensus, new conflicts."""

    since: datetime
    new_claims: list[StoredClaim]
    new_keys: list[TimelineKey]
    moved: list[ConsensusMove]
    new_conflicts: list[KeyedConflict]
