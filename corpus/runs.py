"""The report of one ingest or re-extract run."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from corpus.documents import SkippedInput, utc_now


class RunReport(BaseModel):
    """Counts and skips of one run; stored with the run and printed by the CLI."""

    kind: str = "ingest"
    started_at: datetime = Field(default_factory=utc_now)
    finished_at: datetime | None = None
    new: int = 0
    unchanged: int = 0
    updated: int = 0
    duplicate: int = 0
    claims_added: int = 0
    failed: list[SkippedInput] = Field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.new + self.unchanged + self.updated + self.duplicate + len(self.failed)

    def merge(self, other: RunReport) -> None:
        """Add another partial report (e.g. one batch's) into this one."""
        self.new += other.new
        self.unchanged += other.unchanged
        self.updated += other.updated
        self.duplicate += other.duplicate
        self.claims_added += other.claims_added
        self.failed.extend(other.failed)
