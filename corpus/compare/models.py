"""What a comparison returns: timelines of one claim key across articles."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from corpus.rates import FxRate
from corpus.store.models import StoredClaim
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
    claim_id: int
    value: float
    value_max: float | None = None
    qualifier: Qualifier
    text: str
    origin: str
    published_at: datetime | None = None


class Conflict(BaseModel):
    """Two claims of one key whose values cannot both hold within the tolerance.

    ``gap`` is the distance between their value intervals relative to the
    larger facing end; ``pairs`` counts the claim pairs with these same two values.
    """

    a: ConflictSide
    b: ConflictSide
    gap: float
    pairs: int = 1


class TimelineKey(BaseModel):
    subject: str
    metric: str
    object: str | None = None
    unit: str


class Timeline(TimelineKey):
    """Every claim of one (subject, metric, object) in one unit, by publication time."""

    entries: list[TimelineEntry]
    spread: Spread
    consensus: Consensus
    conflicts: list[Conflict] = Field(default_factory=list)
    conflicts_total: int = Field(default=0, description="conflicts in all; the list may be cut")

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
