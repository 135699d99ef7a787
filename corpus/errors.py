"""How reading an input can fail: for good (skip it) or for now (retry it)."""

from __future__ import annotations

from corpus.documents import SkippedInput


class SkipError(Exception):
    """A permanent problem with one input: record the skip and go on with the batch.

    Raised for a 404, a page over the size cap, binary or empty content, a refused
    address or scheme. Retrying would not help.
    """

    def __init__(self, skipped: SkippedInput) -> None:
        super().__init__(skipped.message())
        self.skipped = skipped

    @classmethod
    def of(cls, location: str, reason: str, stage: str = "fetch", scope: str = "item") -> SkipError:
        skipped = SkippedInput(location=location, reason=reason, stage=stage, scope=scope)  # type: ignore[arg-type]
        return cls(skipped)


class TransientFetchError(Exception):
    """A problem that may go away: a 5xx, 408/429, a timeout, a dropped connection.

    The flow's task retries on this exception type only.
    """

    def __init__(self, location: str, reason: str) -> None:
        super().__init__(f"{location}: {reason}")
        self.location = location
        self.reason = reason

    def as_skipped(self) -> SkippedInput:
        """The skip to record once retries are used up."""
        return SkippedInput(location=self.location, reason=self.reason, stage="fetch")


class UsageError(Exception):
    """A run-level problem of usage or set-up (a bad option, an unusable store or sources
    file): the run does not start. Any problem with one input is a skip instead."""


class NotModified(Exception):
    """The server answered 304: the page is unchanged since the validators we sent."""

    def __init__(self, location: str) -> None:
        super().__init__(f"{location}: not modified")
        self.location = location
