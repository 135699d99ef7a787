"""The report of one ingest or re-extract run."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from corpus.documents import PageWarning, SkippedInput, utc_now

#: Exit status of a run that completed, skips or not (see ``RunReport.exit_code``).
EXIT_OK = 0
#: Exit status of a run in which a whole source or command-line input failed.
EXIT_SOURCE_FAILED = 1
#: Exit status of a usage or setup error (see ``corpus.errors.UsageError``).
EXIT_USAGE = 2


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
    warnings: list[PageWarning] = Field(default_factory=list)
    """Pages stored with a warning (kept whole: no article body was found in them)."""

    @property
    def seen(self) -> int:
        return self.new + self.unchanged + self.updated + self.duplicate + len(self.item_failures)

    @property
    def item_failures(self) -> list[SkippedInput]:
        """Pages or files skipped; the rest of their source was ingested."""
        return [f for f in self.failed if f.scope == "item"]

    @property
    def failed_sources(self) -> list[SkippedInput]:
        """Sources or command-line inputs of which nothing could be listed."""
        return [f for f in self.failed if f.scope == "source"]

    @property
    def exit_code(self) -> int:
        """``EXIT_SOURCE_FAILED`` when a source or input failed, else ``EXIT_OK``
        (skipped pages do not fail a run)."""
        return EXIT_SOURCE_FAILED if self.failed_sources else EXIT_OK

    def merge(self, other: RunReport) -> None:
        """Add another partial report (e.g. one batch's) into this one."""
        self.new += other.new
        self.unchanged += other.unchanged
        self.updated += other.updated
        self.duplicate += other.duplicate
        self.claims_added += other.claims_added
        self.failed.extend(other.failed)
        self.warnings.extend(other.warnings)
