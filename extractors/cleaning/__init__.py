"""Page cleaning: raw page (HTML or a plain-text dump) → :class:`extractors.models.Article`.

The returned ``Article.text`` is the reference text for claim offsets: one
paragraph per line, whitespace normalised, characters otherwise untouched.
"""

from __future__ import annotations

from extractors.cleaning.html_page import clean_html, looks_like_html
from extractors.cleaning.text_page import Cleaned, clean_text
from extractors.models import Article

__all__ = ["Cleaned", "clean_page", "clean_page_simplified"]


def clean_page(raw: str, *, source_name: str | None = None, default_tz: str = "+08:00") -> Article:
    """Clean one page.  Pure: no I/O, no clock.  Never raises on odd input.

    ``source_name`` (the feed or source the page came from) is the site when the
    page itself names none.  ``default_tz`` is given to times printed without a
    zone (+08:00 suits mainland, Hong Kong and Taiwan sites).
    """
    return clean_page_simplified(raw, source_name=source_name, default_tz=default_tz).article


def clean_page_simplified(
    raw: str, *, source_name: str | None = None, default_tz: str = "+08:00"
) -> Cleaned:
    """:func:`clean_page`, with ``to_simplified(article.text)`` when the cleaner made it
    from its own simplified lines (``simple`` is None otherwise)."""
    if not raw or raw.isspace():  # (= nothing left once stripped, without copying the page)
        return Cleaned(Article(text=""), "")
    if looks_like_html(raw):
        article, simple = clean_html(raw, default_tz=default_tz)
    else:
        article, simple = clean_text(raw, default_tz=default_tz)
    if article.site is None and source_name:
        article = article.model_copy(update={"site": source_name})
    return Cleaned(article, simple)
