"""Clean a page given as text (a copied dump, or the text trafilatura got from HTML)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from extractors.chinese_script import to_simplified
from extractors.cleaning.body import select_body
from extractors.cleaning.datelines import dateline_date, header_date, split_header
from extractors.cleaning.lines import drop_pinyin_glosses, normalise_text
from extractors.cleaning.markers import load_markers
from extractors.cleaning.metadata import (
    find_author,
    find_published,
    find_site,
    find_title,
)
from extractors.cleaning.page import Page
from extractors.models import Article


@dataclass(frozen=True)
class Hints:
    """Metadata already known (from HTML tags); text-derived values fill the gaps."""

    title: str | None = None
    published_at: datetime | None = None
    author: str | None = None
    site: str | None = None


class Cleaned(NamedTuple):
    """A cleaned page, with the simplified-script copy of its text when the cleaner had it."""

    article: Article
    simple: str | None
    """``to_simplified(article.text)``, or None (not at hand: the caller converts)."""
    warning: str | None = None
    """What the reader should know of the cleaning, if anything (see :data:`NO_BODY`)."""


NO_BODY = "no article body found: every line looks like page furniture; the text is kept whole"


def clean_text(
    raw: str, *, default_tz: str, hints: Hints | None = None, fetched_at: datetime | None = None
) -> Cleaned:
    """A text page cleaned into an article (``hints`` fill what the page lacks;
    ``fetched_at`` places times such as "3小时前"), with the body's simplified copy made
    of the page's."""
    hints = hints or Hints()
    lines = [line for line in normalise_text(raw) if line]
    header = None
    if lines:
        header, lines[0] = split_header(lines[0])
        lines = [line for line in lines if line]
    if not lines:
        article = Article(
            title=hints.title, published_at=hints.published_at, author=hints.author, site=hints.site
        )
        return Cleaned(article, "")
    page = Page(lines, load_markers())
    title = find_title(page, hints.title)
    published, stamp = find_published(page, title, default_tz, fetched_at)
    if published is None or _is_midnight(published):
        printed = (header and header_date(header, default_tz)) or dateline_date(lines, default_tz)
        if published is None or (printed and printed.date() == published.date()):
            published = printed or published  # the same day, with its time when printed
    author, author_lines = find_author(page, title, stamp)
    skip = set(author_lines)
    if stamp is not None:
        skip.add(stamp)
    body_lines, span = select_body(
        page, skip=skip, title=title.index if title.consumed and title.index >= 0 else None
    )
    warning = None
    if not body_lines and _has_words(lines):
        # nothing is positively an article, nor is all of it positively furniture: the
        # cleaner keeps each line once rather than lose a page with text, and says so
        body_lines, warning = _each_line_once(lines), NO_BODY
    site = hints.site or find_site(page, title, span)
    article = Article(
        title=title.text,
        published_at=hints.published_at or published,
        author=hints.author or author,
        site=site,
        # (the title stays as printed; the body loses its pinyin glosses, which split words)
        text="\n".join(
            drop_pinyin_glosses(line)
            for line in _headline_first(title.text, [lines[i] for i in body_lines])
        ),
    )
    return Cleaned(article, to_simplified(article.text), warning)


_WORD = re.compile(r"[\u4e00-\u9fff]{2}|[A-Za-z]{3}")


def _has_words(lines: list[str]) -> bool:
    """Whether the page holds words at all (not only numbers, marks or markup leftovers)."""
    return any(_WORD.search(line) for line in lines)


def _each_line_once(lines: list[str]) -> list[int]:
    """Indices of the lines, the first copy of each."""
    seen: set[str] = set()
    kept = []
    for i, line in enumerate(lines):
        if line not in seen:
            seen.add(line)
            kept.append(i)
    return kept


def _headline_first(headline: str | None, paragraphs: list[str]) -> list[str]:
    """The article as a reader meets it: its headline, then its paragraphs.

    Headlines carry claims of their own ("X 获 30 亿美元 G 轮融资"), so the body that
    claims index opens with the headline, unless a paragraph of it already is the headline
    (its first, or a heading the title picker chose inside the article).  A headline over
    no paragraph (a page without words besides it) is no article: the body stays empty."""
    if not headline or not paragraphs:
        return paragraphs
    if headline.strip() in (paragraph.strip() for paragraph in paragraphs):
        return paragraphs
    return [headline, *paragraphs]


def _is_midnight(moment: datetime) -> bool:
    return (moment.hour, moment.minute, moment.second) == (0, 0, 0)
