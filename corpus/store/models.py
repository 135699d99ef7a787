"""Pydantic types the store hands out and takes in."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from corpus.documents import PageWarning, SkippedInput, SourceDocument
from corpus.runs import RunReport
from extractors.models import Claim

SaveStatus = Literal["new", "unchanged", "updated", "duplicate"]


class SaveResult(BaseModel):
    """What ``ClaimStore.save`` did with one page."""

    status: SaveStatus
    article_id: int
    claims_added: int = 0


class SaveFailed(BaseModel):
    """A page the store refused (its own transaction failed too): why, in one line."""

    reason: str


class ClaimFilter(BaseModel):
    """Which claims to read; every field optional, all given ones must hold.

    ``subject`` and ``object`` match case-, space- and hyphen-insensitively;
    ``since``/``until`` bound the article's publication date (inclusive);
    ``seen_since`` bounds when the article was ingested.
    """

    subject: str | None = None
    metric: str | None = None
    object: str | None = None
    site: str | None = None
    source_name: str | None = None
    unit: str | None = None
    since: date | None = None
    until: date | None = None
    seen_since: datetime | None = Field(default=None, description="ingested at or after")


class StoredClaim(Claim):
    """A stored claim: the CLAIMS.md record plus where and when it was found."""

    id: int
    article_id: int
    extractor_version: str
    current: bool
    site: str | None = None
    source_name: str | None = None
    url: str | None = None
    location: str
    title: str | None = None
    published_at: datetime | None = None
    first_seen: datetime = Field(description="when the article was ingested")


class StoredArticle(BaseModel):
    """A stored article version, enough to re-extract it."""

    id: int
    location: str
    url: str | None = None
    site: str | None = None
    source_name: str | None = None
    raw: str
    content_hash: str
    encoding: str | None = None
    fetched_at: datetime | None = None
    etag: str | None = None
    last_modified: str | None = None
    title: str | None = None
    published_at: datetime | None = None
    text: str = ""
    version: int = 1

    def to_document(self) -> SourceDocument:
        """The page as a source document again (for re-extraction)."""
        doc = SourceDocument(
            location=self.location,
            raw=self.raw,
            url=self.url,
            source_name=self.source_name,
            site=self.site,
            encoding=self.encoding,
            etag=self.etag,
            last_modified=self.last_modified,
        )
        if self.fetched_at is not None:
            doc.fetched_at = self.fetched_at
        return doc


class RunRecord(BaseModel):
    """A stored run: its parameters, counts and failures."""

    id: int
    kind: str
    started_at: datetime
    finished_at: datetime | None = None
    params: dict[str, Any] = Field(default_factory=dict)
    counts: dict[str, int] = Field(default_factory=dict)
    failed: list[SkippedInput] = Field(default_factory=list)
    warnings: list[PageWarning] = Field(default_factory=list)

    def report(self) -> RunReport:
        """The run as a RunReport (as the CLI prints it)."""
        known = {k: v for k, v in self.counts.items() if k in RunReport.model_fields}
        return RunReport(
            kind=self.kind,
            started_at=self.started_at,
            finished_at=self.finished_at,
            failed=self.failed,
            warnings=self.warnings,
            **known,
        )


class StoreCounts(BaseModel):
    """Sizes of the store. ``claims`` counts current claims, ``claim_rows`` all kept."""

    articles: int
    article_versions: int
    claims: int
    claim_rows: int
    runs: int
