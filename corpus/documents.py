"""What sources hand to the pipeline: decoded pages with their provenance, or a skip."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, Field, PrivateAttr


def content_hash(text: str) -> str:
    """Stable id of a page's content: sha256 of its text with newlines normalised."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def utc_now() -> datetime:
    return datetime.now(UTC)


class SourceItem(BaseModel):
    """Something a source points at, before it is read: a file path or a URL."""

    location: str
    kind: Literal["file", "url"]
    source_name: str | None = None
    site: str | None = None
    encoding: str | None = None
    title_hint: str | None = None
    published_hint: datetime | None = None
    local_ok: bool = False


class SourceDocument(BaseModel):
    """A page read from a source and decoded to text, not yet cleaned."""

    location: str
    raw: str
    url: str | None = None
    source_name: str | None = None
    site: str | None = None
    encoding: str | None = None
    fetched_at: datetime = Field(default_factory=utc_now)
    etag: str | None = None
    last_modified: str | None = None
    #: A local file's signature when read (``corpus.files.file_signature``), else None.
    file_signature: str | None = None

    _hashed: tuple[str, str] | None = PrivateAttr(default=None)  # (raw, its hash)

    @property
    def content_hash(self) -> str:
        """``content_hash(self.raw)``, computed once per raw text (it is asked often)."""
        if self._hashed is None or self._hashed[0] is not self.raw:
            self._hashed = (self.raw, content_hash(self.raw))
        return self._hashed[1]


class SkippedInput(BaseModel):
    """An input that was not ingested, and why (one line, naming the input)."""

    location: str
    reason: str
    stage: Literal["read", "fetch", "decode", "extract", "store"] = "read"

    def message(self) -> str:
        return f"skipped {self.location}: {self.reason}"
