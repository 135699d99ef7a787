"""Page cleaning: raw page (HTML or a plain-text dump) → :class:`extractors.models.Article`.

The returned ``Article.text`` is the reference text for claim offsets: one
paragraph per line, whitespace normalised, characters otherwise untouched.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from extractors.cleaning.html_page import clean_html, looks_like_html
from extractors.cleaning.text_page import Cleaned, clean_text
from extractors.models import Article

__all__ = ["Cleaned", "clean_page", "clean_page_simplified", "site_of_source"]


def clean_page(
    raw: str,
    *,
    source_name: str | None = None,
    default_tz: str = "+08:00",
    fetched_at: datetime | None = None,
) -> Article:
    """Clean one page.  Pure: no I/O, no clock.  Never raises on odd input.

    ``source_name`` (the URL, feed or source the page came from) gives the site when the
    page itself names none (a URL's host; a file path gives none).  ``default_tz`` is
    given to times printed without a zone (+08:00 suits mainland, Hong Kong and Taiwan
    sites).  ``fetched_at``, when known, is the moment relative times ("3小时前")
    count back from; without it they are not read.
    """
    return clean_page_simplified(
        raw, source_name=source_name, default_tz=default_tz, fetched_at=fetched_at
    ).article


def clean_page_simplified(
    raw: str,
    *,
    source_name: str | None = None,
    default_tz: str = "+08:00",
    fetched_at: datetime | None = None,
) -> Cleaned:
    """:func:`clean_page`, with ``to_simplified(article.text)`` when the cleaner made it
    from its own simplified lines (``simple`` is None otherwise)."""
    if not raw or raw.isspace():  # (= nothing left once stripped, without copying the page)
        return Cleaned(Article(text=""), "")
    if looks_like_html(raw):
        cleaned = clean_html(raw, default_tz=default_tz, fetched_at=fetched_at)
    else:
        cleaned = clean_text(raw, default_tz=default_tz, fetched_at=fetched_at)
    site = site_of_source(source_name) if cleaned.article.site is None else None
    if site:
        cleaned = cleaned._replace(article=cleaned.article.model_copy(update={"site": site}))
    return cleaned


def site_of_source(source_name: str | None) -> str | None:
    """The site a page's source names: a URL's host ("www." dropped), a source's own
    name ("tech-feed"); a file's path names no site."""
    if not source_name:
        return None
    parts = urlsplit(source_name)
    if parts.scheme in ("http", "https") and parts.hostname:
        return parts.hostname.removeprefix("www.")
    if "/" in source_name or "\\" in source_name or "." in source_name.rsplit("/", 1)[-1]:
        return None
    return source_name
