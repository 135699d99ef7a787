"""RSS/Atom parsing from bytes we fetched ourselves, screened against entity tricks.

feedparser is only given bytes (never a URL or a path, so it never fetches). It
already drops external entities and entity references inside entity values
(tested in tests/sources/test_feeds.py), but any ``<!ENTITY`` declaration is
refused up front anyway: real feeds do not need one, and the skip message then
says what happened instead of leaving a half-parsed feed.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import feedparser

from corpus.fetch import SkipError

ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
FEED_ROOT = re.compile(rb"<(?:[\w-]+:)?(?:rss|feed|RDF)[\s>]", re.IGNORECASE)
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/feed+json",
    }
)
FEED_SUFFIXES = (".xml", ".rss", ".atom", ".rdf")


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed: where it points and what the feed says about it."""

    link: str | None
    title: str | None
    published: datetime | None


def looks_like_feed(head: bytes, content_type: str | None = None) -> bool:
    """Whether the first bytes of a document (or its content type) say it is a feed."""
    if content_type in FEED_TYPES:
        return True
    return FEED_ROOT.search(_as_utf8(head[:4096])) is not None


def parse_feed(data: bytes, *, name: str, location: str) -> list[FeedEntry]:
    """The entries of a feed document; raises SkipError when it is not a usable feed."""
    screened = _as_utf8(data)
    if ENTITY_DECLARATION.search(screened):
        raise SkipError.of(
            location,
            f"feed {name}: declares XML entities (<!ENTITY>); refused as a possible "
            "entity-expansion or external-entity attack",
            stage="read",
        )
    headers = {"content-location": location} if location.startswith(("http:", "https:")) else {}
    result = feedparser.parse(data, response_headers=headers)
    entries = list(result.get("entries", []))
    if not entries and (result.get("bozo") or not result.get("version")):
        problem = result.get("bozo_exception") if result.get("bozo") else None
        raise _invalid(name, location, problem or "no RSS or Atom root element")
    parsed = [_entry(raw, location) for raw in entries]
    if result.get("bozo") and not any(entry.link for entry in parsed):
        raise _invalid(name, location, result.get("bozo_exception"))
    return parsed


def _invalid(name: str, location: str, problem: object) -> SkipError:
    detail = _one_line(problem)
    return SkipError.of(
        location, f"feed {name}: not a valid RSS/Atom document ({detail})", stage="read"
    )


def _entry(raw: feedparser.FeedParserDict, base: str) -> FeedEntry:
    link = raw.get("link") or next(
        (lk.get("href") for lk in raw.get("links", []) if lk.get("href")), None
    )
    if link and not urlsplit(link.strip()).scheme and base.startswith(("http:", "https:")):
        link = urljoin(base, link.strip())
    stamp = raw.get("published_parsed") or raw.get("updated_parsed")
    return FeedEntry(
        link=link.strip() if link else None,
        title=(raw.get("title") or "").strip() or None,
        published=_as_datetime(stamp),
    )


def _as_datetime(stamp: time.struct_time | None) -> datetime | None:
    if stamp is None:
        return None
    try:
        return datetime(*stamp[:6], tzinfo=UTC)
    except (TypeError, ValueError):
        return None


#: XML's own encoding detection without a BOM (XML 1.0, appendix F): first bytes → codec
_XML_SIGNATURES = (
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
    (b"Lo\xa7\x94", "cp037"),
)
_DECLARED_ENCODING = re.compile(
    rb"""^<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})"""
)


def _as_utf8(data: bytes) -> bytes:
    """UTF-16/32 and EBCDIC documents re-encoded so byte patterns can be searched.

    An XML parser finds the encoding from a BOM, from the first bytes, or from the
    declaration: the screen must read the document the same ways, or an
    ``<!ENTITY`` written in UTF-16 without a BOM would pass it unseen.
    """
    for bom, codec in (
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, "replace").encode("utf-8")
    for signature, codec in _XML_SIGNATURES:
        if data.startswith(signature):
            return data.decode(codec, "replace").encode("utf-8")
    declared = _DECLARED_ENCODING.match(data.lstrip()[:256])
    if declared is not None:
        try:
            text = data.decode(declared.group(1).decode("ascii"), "replace")
        except (LookupError, UnicodeError):
            return data
        return data + b"\n" + text.encode("utf-8")
    return data


def _one_line(problem: object) -> str:
    text = " ".join(str(problem).split())
    return text[:200] or type(problem).__name__
