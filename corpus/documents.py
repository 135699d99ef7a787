"""What sources hand to the pipeline: decoded pages with their provenance, or a skip."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from typing import Literal
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel, Field, PrivateAttr, field_validator

#: Characters that must not reach a terminal or a log line as they are: C0/C1 controls
#: (a newline would forge a line), bidirectional controls and lone surrogates.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def content_hash(text: str) -> str:
    """Stable id of a page's content: sha256 of its text with newlines normalised.

    Never raises: a lone surrogate (which decoding does not hand out, but a caller
    may) is hashed as its escape.
    """
    normalised = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha256(normalised.encode("utf-8", "backslashreplace")).hexdigest()


def utc_now() -> datetime:
    return datetime.now(UTC)


def storable(text: str) -> str:
    """``text`` as valid Unicode: a file name's undecodable bytes (``surrogateescape``)
    become ``\\xNN``, any other lone surrogate ``\\udNNN``."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def printable(text: str) -> str:
    """``text`` safe to print on one line: controls escaped (``\\n``, ``\\x1b``...)."""
    text = storable(text)
    if text.isprintable():
        return text
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def without_credentials(location: str) -> str:
    """A URL without its ``user:password@`` part (anything else unchanged)."""
    if "@" not in location or "://" not in location:
        return location
    try:
        parts = urlsplit(location)
    except ValueError:
        return location
    if parts.username is None and parts.password is None:
        return location
    host = parts.netloc.rsplit("@", 1)[1]
    return urlunsplit(parts._replace(netloc=host))


class SourceItem(BaseModel):
    """Something a source points at, before it is read: a file path or a URL.

    A URL item keeps its credentials (needed to fetch it); everything made from it
    that is stored or printed drops them.
    """

    location: str
    kind: Literal["file", "url"]
    source_name: str | None = None
    site: str | None = None
    encoding: str | None = None
    title_hint: str | None = None
    published_hint: datetime | None = None
    #: Hosts this item may reach although they resolve to non-public addresses (the
    #: own hosts of a ``local = true`` source); empty: public addresses only.
    local_hosts: list[str] = Field(default_factory=list)

    @property
    def public_location(self) -> str:
        """The location as stored and shown: a URL without its credentials."""
        return without_credentials(self.location)


class SourceDocument(BaseModel):
    """A page read from a source and decoded to text, not yet cleaned.

    Locations and URLs are kept without credentials.
    """

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

    @field_validator("location", "url")
    @classmethod
    def _public(cls, value: str | None) -> str | None:
        return None if value is None else without_credentials(storable(value))

    @property
    def content_hash(self) -> str:
        """``content_hash(self.raw)``, computed once per raw text (it is asked often)."""
        if self._hashed is None or self._hashed[0] is not self.raw:
            self._hashed = (self.raw, content_hash(self.raw))
        return self._hashed[1]


Stage = Literal["discover", "read", "fetch", "decode", "extract", "store"]


class PageWarning(BaseModel):
    """A page that was stored, with something its reader should know ("no article body
    found: …"): one line, naming the page."""

    location: str
    message: str

    @field_validator("location")
    @classmethod
    def _public(cls, value: str) -> str:
        return without_credentials(storable(value))

    @field_validator("message")
    @classmethod
    def _storable(cls, value: str) -> str:
        return storable(value)

    def line(self) -> str:
        """One printable line: control characters in the name or message are escaped."""
        return f"warning {printable(self.location)}: {printable(self.message)}"


class SkippedInput(BaseModel):
    """An input that was not ingested, and why (one line, naming the input).

    ``scope`` says what failed: one item (a page, a file: the run goes on, the rest of
    its source is stored) or a whole source or command-line input (nothing of it could
    be listed: a dead feed, a missing folder, an argument that names nothing).
    """

    location: str
    reason: str
    stage: Stage = "read"
    scope: Literal["item", "source"] = "item"

    @field_validator("location")
    @classmethod
    def _public(cls, value: str) -> str:
        return without_credentials(storable(value))

    @field_validator("reason")
    @classmethod
    def _storable(cls, value: str) -> str:
        return storable(value)

    def message(self) -> str:
        """One printable line: control characters in the name or reason are escaped."""
        return f"skipped {printable(self.location)}: {printable(self.reason)}"
