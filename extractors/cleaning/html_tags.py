"""Metadata read straight from an HTML page's tags: ``<meta>``, JSON-LD, ``<time>``.

trafilatura's own date carries no time of day, so the publication time is read
from the usual tags first (``article:published_time``, ``pubdate``, JSON-LD
``datePublished``, ``<time datetime>``).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from extractors.dates import parse_datetime

DATE_META = (
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
AUTHOR_META = ("author", "article:author", "dc.creator", "byl", "sailthru.author")
SITE_META = ("og:site_name", "application-name", "apple-mobile-web-app-title", "site_name")


def meta_map(tree: Any) -> dict[str, str]:
    """``<meta>`` key (property, name or itemprop; lower case) → content; first one wins."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        content = meta.get("content")
        if key and content and key not in found:
            found[key] = content.strip()
    return found


def json_ld(tree: Any) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page, ``@graph`` members included."""
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


def name_of(value: Any) -> str | None:
    """A person or organisation name from a JSON-LD value (string, object or list)."""
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def tag_site(metas: dict[str, str], ld: list[dict[str, Any]]) -> str | None:
    site = next((metas[k] for k in SITE_META if k in metas), None)
    return site or next((name_of(i.get("publisher")) for i in ld if i.get("publisher")), None)


def tag_author(metas: dict[str, str], ld: list[dict[str, Any]]) -> str | None:
    author = next((metas[k] for k in AUTHOR_META if k in metas), None)
    return author or next((name_of(i.get("author")) for i in ld if i.get("author")), None)


def tag_published(
    tree: Any, metas: dict[str, str], ld: list[dict[str, Any]], tz: str
) -> datetime | None:
    """The first date tag that parses as a date (with its time of day when given)."""
    candidates = [metas[k] for k in DATE_META if k in metas]
    candidates += [str(item["datePublished"]) for item in ld if item.get("datePublished")]
    for node in tree.iter("time"):
        if node.get("datetime"):
            candidates.append(node.get("datetime"))
    for value in candidates:
        parsed = parse_datetime(value, tz)
        if parsed is not None:
            return parsed
    return None


def tag_title(tree: Any, metas: dict[str, str]) -> str | None:
    """``og:title``, else the first ``<h1>``, else ``<title>`` (not yet trimmed of the site)."""
    # trafilatura's own title guess is not used: without a title tag it may promote
    # the first paragraph, which the text pass then cuts from the body.
    if metas.get("og:title"):
        return metas["og:title"]
    h1 = next((" ".join(h.text_content().split()) for h in tree.iter("h1")), None)
    if h1 is not None:
        return h1
    return next((t.text_content() for t in tree.iter("title")), None)
