"""HTML pages: trafilatura finds the main text, tags give metadata, then the text
pipeline (:mod:`extractors.cleaning.text_page`) removes what furniture is left and
fills metadata the tags lacked.

trafilatura's own date carries no time of day, so the publication time is read
from the usual tags first (``article:published_time``, ``pubdate``, JSON-LD
``datePublished``, ``<time datetime>``).  Any parser failure (broken or very
deeply nested markup) falls back to a plain tag-stripping pass; nothing raises.
"""

from __future__ import annotations

import html
import json
import re
from datetime import datetime
from typing import Any

import lxml.html

from extractors.cleaning.markers import load_markers
from extractors.cleaning.text_page import Hints, clean_text_page
from extractors.dates import parse_datetime
from extractors.models import Article

_TAG_RE = re.compile(
    r"<\s*/?\s*(html|head|body|div|p|span|a|meta|script|article|br|title|li)\b", re.I
)
_DROP_RE = re.compile(r"<(script|style|noscript|template|svg)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_BLOCK_RE = re.compile(
    r"<\s*/?\s*(p|div|br|li|h[1-6]|tr|section|article|header|footer)\b[^>]*>", re.I
)
_ANY_TAG_RE = re.compile(r"<[^>]*>")
_COMMENT_RE = re.compile(r"<!--.*?-->", re.S)
_TITLE_SPLIT = re.compile(r"\s*(?:[|｜_]|\s[-–—]\s)\s*")

_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "og:release_date",
    "pubdate",
    "publishdate",
    "publish_date",
    "publish-date",
    "publishtime",
    "publish_time",
    "published_time",
    "article:publish_time",
    "article.published",
    "datepublished",
    "dc.date.issued",
    "dc.date",
    "sailthru.date",
    "date",
)
_AUTHOR_META = ("author", "article:author", "dc.creator", "byl", "sailthru.author")
_SITE_META = ("og:site_name", "application-name", "apple-mobile-web-app-title", "site_name")


def looks_like_html(raw: str) -> bool:
    """Markup rather than a text dump: a doctype or several common tags near the top."""
    head = raw[:5000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    return len(_TAG_RE.findall(raw[:20000])) >= 3


def _meta_map(tree: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        if key and content and key not in found:
            found[key] = content.strip()
    return found


def _json_ld(tree: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        for item in stack:
            if isinstance(item, dict):
                items.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    items.extend(g for g in graph if isinstance(g, dict))
    return items


def _name_of(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _published(
    tree: Any, metas: dict[str, str], ld: list[dict[str, Any]], tz: str
) -> datetime | None:
    candidates = [metas[k] for k in _DATE_META if k in metas]
    candidates += [str(item["datePublished"]) for item in ld if item.get("datePublished")]
    for node in tree.iter("time"):
        if node.get("datetime"):
            candidates.append(node.get("datetime"))
    for value in candidates:
        parsed = parse_datetime(value, tz)
        if parsed is not None:
            return parsed
    return None


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


def _hints(raw: str, doc: Any, tz: str) -> Hints:
    try:
        tree = lxml.html.fromstring(raw)
    except Exception:  # broken markup: keep what trafilatura found
        tree = None
    metas = _meta_map(tree) if tree is not None else {}
    ld = _json_ld(tree) if tree is not None else []
    site_raw = next((metas[k] for k in _SITE_META if k in metas), None)
    site_raw = site_raw or next(
        (_name_of(i.get("publisher")) for i in ld if i.get("publisher")), None
    )
    site_raw = site_raw or getattr(doc, "sitename", None)
    site = (load_markers().sites.find(site_raw) or site_raw) if site_raw else None
    h1 = None
    if tree is not None:
        h1 = next((" ".join(h.text_content().split()) for h in tree.iter("h1")), None)
    # trafilatura's own title guess is not used: without a title tag it may promote
    # the first paragraph, which the text pass then cuts from the body.
    title = metas.get("og:title") or h1
    if title is None and tree is not None:
        title = next((t.text_content() for t in tree.iter("title")), None)
    author = next((metas[k] for k in _AUTHOR_META if k in metas), None)
    author = author or next((_name_of(i.get("author")) for i in ld if i.get("author")), None)
    author = author or getattr(doc, "author", None)
    published = _published(tree, metas, ld, tz) if tree is not None else None
    if published is None and getattr(doc, "date", None):
        published = parse_datetime(doc.date, tz)
    return Hints(_clean_title(title, site), published, author, site)


def _fallback_text(raw: str) -> str:
    """Tag stripping for markup trafilatura cannot handle."""
    text = _DROP_RE.sub("\n", _COMMENT_RE.sub("", raw))
    text = _BLOCK_RE.sub("\n", text)
    return html.unescape(_ANY_TAG_RE.sub("", text))


# htmldate's extensive search hands free text to dateparser, which costs ~0.4 s a
# call (per-locale regexes); the page's own date markup is read by _published anyway.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def _extract(raw: str) -> Any:
    import trafilatura  # imported on the first HTML page: plain-text runs start faster

    try:
        return trafilatura.bare_extraction(
            raw,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except (Exception, RecursionError):
        return None


def clean_html_page(raw: str, *, default_tz: str) -> Article:
    doc = _extract(raw)
    try:
        hints = _hints(raw, doc, default_tz)
    except (Exception, RecursionError):
        hints = Hints()
    text = getattr(doc, "text", None) or _fallback_text(raw)
    return clean_text_page(text, default_tz=default_tz, hints=hints)
