"""HTML pages: trafilatura finds the main text, tags give metadata, then the text
pipeline (:mod:`extractors.cleaning.text_page`) removes what furniture is left and
fills metadata the tags lacked.

Tags (:mod:`extractors.cleaning.html_tags`) come first; trafilatura's metadata
(:mod:`extractors.cleaning.html_trafilatura`) only fills what they lack.  Any
parser failure (broken or very deeply nested markup) falls back to a plain
tag-stripping pass; nothing raises.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from typing import Any

import lxml.html

from extractors.cleaning.html_tags import (
    json_ld,
    meta_map,
    tag_author,
    tag_published,
    tag_site,
    tag_title,
)
from extractors.cleaning.html_trafilatura import (
    TrafilaturaMetadata,
    limit_attributes,
    main_text,
    parse_html,
    recall_text,
    too_many_elements,
)
from extractors.cleaning.markers import load_markers
from extractors.cleaning.text_page import Cleaned, Hints, clean_text
from extractors.dates import parse_datetime

_TAG_RE = re.compile(
    r"<\s*/?\s*(html|head|body|div|p|span|a|meta|script|article|br|title|li)\b", re.I
)
_DROP_RE = re.compile(r"<(script|style|noscript|template|svg)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_BLOCK_RE = re.compile(
    r"<\s*/?\s*(p|div|br|li|h[1-6]|tr|section|article|header|footer)\b[^>]*>", re.I
)
_ANY_TAG_RE = re.compile(r"<[^>]*>")
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_SHORT_BODY = 200  # characters: below this, trafilatura's recall-minded extract is asked too
_TITLE_SPLIT = re.compile(r"\s*(?:[|｜_]|\s[-–—]\s)\s*")


def looks_like_html(raw: str) -> bool:
    """Markup rather than a text dump: a doctype at the start of the first 5,000
    characters, or three common tags among the first 20,000."""
    head = raw[:5000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    return len(_TAG_RE.findall(raw[:20000])) >= 3


def _clean_title(title: str | None, site: str | None) -> str | None:
    """'Headline - 36氪' → 'Headline' when the tail names a site or is short."""
    if not title:
        return None
    title = " ".join(title.split())
    parts = _TITLE_SPLIT.split(title)
    sites = load_markers().sites
    while len(parts) > 1:
        tail = parts[-1]
        if sites.find(tail) or (site and site in tail) or len(tail) <= 8:
            parts = parts[:-1]
        else:
            break
    head = " - ".join(parts) if len(parts) > 1 else parts[0]
    return head if len(head) >= 4 else title


def _hints(tree: Any, fallback: TrafilaturaMetadata | None, tz: str) -> Hints:
    """Tags first; ``fallback`` (trafilatura's metadata, None when it found no text) fills gaps."""
    metas = meta_map(tree) if tree is not None else {}
    ld = json_ld(tree) if tree is not None else []
    title = tag_title(tree, metas) if tree is not None else None
    published = tag_published(tree, metas, ld, tz) if tree is not None else None
    site_raw = tag_site(metas, ld)
    author = tag_author(metas, ld)
    if fallback is not None:
        site_raw = site_raw or fallback.sitename
        author = author or fallback.author
    site = (load_markers().sites.find(site_raw) or site_raw) if site_raw else None
    return Hints(_clean_title(title, site), published, author, site)


def _lxml_tree(raw: str) -> Any:
    try:
        return lxml.html.fromstring(raw)
    except Exception:  # broken markup: the hints come from trafilatura alone
        return None


def _fallback_text(raw: str) -> str:
    """Tag stripping for markup trafilatura cannot handle."""
    text = _DROP_RE.sub("\n", _COMMENT_RE.sub("", raw))
    text = _BLOCK_RE.sub("\n", text)
    return html.unescape(_ANY_TAG_RE.sub("", text))


# A CDATA section, closed or cut off with the page: an RSS item saved as a page wraps its
# title and its HTML in them, which an HTML parser would drop as a bogus comment.
_CDATA = re.compile(r"<!\[CDATA\[(.*?)(?:\]\]>|\Z)", re.DOTALL)


# An XML declaration naming an encoding, which lxml refuses in a decoded string.
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")


def _cdata_text(m: re.Match[str]) -> str:
    return m.group(1)


def clean_html(raw: str, *, default_tz: str, fetched_at: datetime | None = None) -> Cleaned:
    """An HTML page cleaned into an article, with the body's simplified copy when the text
    pass had it.

    Work stays bounded on hostile markup: tags are cut to their first attributes before
    any parser sees them, and a page with too many elements for trafilatura is read by
    tag stripping."""
    raw = limit_attributes(_CDATA.sub(_cdata_text, _XML_DECLARATION.sub("", raw, count=1)))
    if too_many_elements(raw):
        return clean_text(
            _fallback_text(raw), default_tz=default_tz, hints=Hints(), fetched_at=fetched_at
        )
    tree = parse_html(raw)
    text = main_text(tree) if tree is not None else None
    fallback = TrafilaturaMetadata(tree) if text is not None else None
    try:
        hints = _hints(tree if tree is not None else _lxml_tree(raw), fallback, default_tz)
    except (Exception, RecursionError):
        hints = Hints()
    cleaned = clean_text(
        text or _fallback_text(raw), default_tz=default_tz, hints=hints, fetched_at=fetched_at
    )
    if len(cleaned.article.text) < _SHORT_BODY:
        # a short body may be trafilatura stopping at a short <article>: its
        # recall-minded extract() is asked too, and the longer body kept, so the cleaner
        # never does worse than the library it wraps
        fuller = recall_text(raw)
        if fuller and len(fuller) > len(text or ""):
            other = clean_text(fuller, default_tz=default_tz, hints=hints, fetched_at=fetched_at)
            if len(other.article.text) > len(cleaned.article.text):
                cleaned = other
    article = cleaned.article
    if article.published_at is None and fallback is not None and fallback.date:
        # htmldate's search of the whole page is the slowest part of cleaning: asked only
        # when neither the tags nor the page's own time line gave a time.
        published = parse_datetime(fallback.date, default_tz)
        cleaned = cleaned._replace(article=article.model_copy(update={"published_at": published}))
    return cleaned
