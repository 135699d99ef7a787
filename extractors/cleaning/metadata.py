"""The article's own title, time, author and site in a text dump.

Positions matter more than content: the title is the first headline-shaped line
after the breadcrumb (or at the top); the article's time is a timestamp line
that sits in the header under the title or next to the author's profile block,
never one inside a repeated list of other stories; the author is a name-shaped
line next to that timestamp or after an author label; the site comes from
portal markers in the breadcrumb, header and footer (data table), never from the
sources printed in a related-stories list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from itertools import chain

from extractors.alternation import longest_first
from extractors.cleaning.lines import (
    breadcrumb_parts,
    date_line,
    has_title_size,
    is_citation,
    is_name_like,
    is_prose,
    strip_css_tokens,
)
from extractors.cleaning.markers import Markers
from extractors.cleaning.page import Page
from extractors.cleaning.pattern_sets import word_scan
from extractors.cleaning.relative_times import relative_time
from extractors.dates import datetime_from_match
from extractors.punctuation import LIST_BULLET

_HEAD_LINES = 15
_TITLE_SPAN = 40  # lines searched for a headline: some pages open with long menus
_HEADER_SPAN = 6
_PROSE_LINE = 40  # characters: a line this long and punctuated is the body's, not the header's
_PROFILE_SPAN = 6
_BODY_LINE = 40
_CLOSING = ("。", "！", "？", "”", "」")
_HEADING_MAX = 64  # a first line longer than this is a paragraph, not a heading
_PUBLISHED_LABEL = re.compile(r"(发布|发表|更新)(时间|于)")


@dataclass(frozen=True)
class Title:
    text: str | None
    index: int  # -1 when the title is not a line of its own (body starts at 0)
    consumed: bool  # False when the title is the body's first paragraph (fallback)


_LabelPatterns = tuple[re.Pattern[str], ...]


@lru_cache(maxsize=16)
def _label_patterns(labels: tuple[str, ...]) -> _LabelPatterns:
    """The label patterns: long labels anywhere, one-character labels opening a segment."""
    value = r"\s*[:：｜|/／ ]\s*([^\s:：｜|/／，,。()（）]{1,20})"
    long_labels = [re.escape(x) for x in labels if len(x) > 1]
    short_labels = [re.escape(x) for x in labels if len(x) == 1]
    patterns = []
    if long_labels:
        patterns.append(rf"(?:{longest_first(long_labels, escape=False)})" + value)
    if short_labels:
        patterns.append(rf"(?:^|[\s／/｜|])(?:{'|'.join(short_labels)})" + value)
    return tuple(re.compile(p) for p in patterns)


@lru_cache(maxsize=16)
def _label_scan(labels: tuple[str, ...]) -> re.Pattern[str] | None:
    """One scan for the labels themselves, one of which every match of the label patterns
    holds (None when there are no labels: then nothing matches)."""
    return word_scan({label for label in labels if label})


def _label_value(line: str, simple: str, labels: tuple[str, ...]) -> str | None:
    """'作者：张三 来源：X' → '张三' for labels ('作者', ...); ``simple`` is the
    line's simplified-script copy.

    One-character labels (文) must start a segment; longer ones may follow an
    outlet name directly ('某某新闻记者 张三').
    """
    return _labelled(line, simple, _label_patterns(labels))


def _labelled(line: str, simple: str, patterns: _LabelPatterns) -> str | None:
    """:func:`_label_value` with the label patterns already looked up (loops over lines)."""
    for pattern in patterns:
        m = pattern.search(simple)
        if m:
            return line[m.start(1) : m.end(1)]
    return None


def _is_site_only(line: str, markers: Markers) -> bool:
    return len(line) <= 12 and markers.sites.find(line) is not None


def find_title(page: Page, hint: str | None = None) -> Title:
    """Locate the title line; ``hint`` (HTML metadata) wins when it is found in the text."""
    lines = page.lines
    if hint:
        for i, line in enumerate(lines[: _HEAD_LINES * 2]):
            if line == hint or (len(hint) >= 8 and line.startswith(hint)):
                return Title(hint, i, True)
        return Title(hint, -1, True)
    head = range(min(len(lines), _HEAD_LINES))
    # the first breadcrumb before a headline, past menus as long as a headline is sought
    crumb = next((i for i in range(min(len(lines), _TITLE_SPAN)) if page.is_breadcrumb(i)), None)
    start = 0 if crumb is None else crumb + 1
    candidates = []
    for i in range(start, min(len(lines), start + _TITLE_SPAN)):
        line = lines[i]
        if page.is_furniture(i) or is_citation(line) or _is_site_only(line, page.markers):
            continue
        if _SECTION_NUMBER.match(line):
            continue  # "一、现象级爆红": a numbered section of the body, not the headline
        if _list_item_or_aside(line):
            continue  # "• 新增记忆工具…", "(更多内容…)"
        if _REPORTED_BY.fullmatch(page.simple(i)):
            continue  # "机器之心报道", "某某编辑部": who reports, not what
        if _starts_body(line):
            break  # the body has begun: a later short line is a subheading or caption
        # (no furniture: so no breadcrumb, nav bar or timestamp line, which
        # has_title_size leaves to the furniture test)
        if (
            has_title_size(line)
            and not line.endswith(("。", "；", "，", ",", ";", ":", "："))
            and not (line.isascii() and line.endswith("."))  # an English sentence
            and not _is_dateline(line)
        ):
            candidates.append(i)
    if candidates:
        # "AI人工智慧台股:拆解…" over "台股:拆解…": a headline shown again under a label
        candidates = [i for i in candidates if not _labelled_copy(lines, i, candidates)]
        best = max(candidates, key=lambda i: (_headline_score(page, i), -i))
        return Title(_TRAILING_TAG.sub("", lines[best]), best, True)
    original = _original_title(page, head)
    if original is not None:
        return original
    # No headline in the head: the first paragraph stands for one only when it is shaped
    # like one (a paragraph of running text is no title: CLAIMS.md's null title).
    for i, line in enumerate(lines):
        if _REPORTED_BY.fullmatch(page.simple(i)):
            continue
        if not page.is_furniture(i) and not is_citation(line) and len(line) >= 6:
            if _is_heading(line) and not _list_item_or_aside(line):
                return Title(line, i, False)
            break
    return Title(None, -1, False)


# "(原标题:与某某的盈利分化中…)": a repost names the headline it was first published under.
_ORIGINAL_TITLE = re.compile(r"^[(（]?\s*原标题\s*[:：]\s*(?P<title>[^()（）]{4,80}?)\s*[)）]?$")


def _original_title(page: Page, head: range) -> Title | None:
    """The headline a repost gives as its original one, when the page shows no other."""
    for i in head:
        found = _ORIGINAL_TITLE.match(page.simple(i))
        if found is not None:
            return Title(page.lines[i][found.start("title") : found.end("title")], i, True)
    return None


_DATE_WORDS = re.compile(
    r"(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"|星期[一二三四五六日天]|周[一二三四五六日]|[年月日号时分秒]|[\d\s,.:/\-]+"
)
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")


def _is_heading(line: str) -> bool:
    """A short line that could head an article: no sentence, label ("TL;DR:") or date."""
    short = len(line) <= _HEADING_MAX and len(_CJK_CHAR.findall(line) or line.split()) >= 2
    return (
        short
        and not line.endswith((*_CLOSING, ":", "：", "，", ",", "；", ";"))
        and not _is_dateline(line)
        and not _SECTION_NUMBER.match(line)
    )


_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.\-]*|\d+(?:\.\d+)?")
# A tag a platform shows after a headline ("…来了 原创").
_TRAILING_TAG = re.compile(r"\s+(?:原创|原創|转载|轉載|置顶|置頂|精选|精選|独家|獨家|首发|首發)$")
# A short line saying who reports: "机器之心报道", "新智元编辑部".
_REPORTED_BY = re.compile(r"\S{1,10}(?:报道|编辑部)")
# A line wholly in brackets.
_BRACKETED = re.compile(r"[(（【\[].*[)）】\]]")


def _list_item_or_aside(line: str) -> bool:
    """A list's item (a bullet opens it) or an aside (brackets hold it all): no headline."""
    return LIST_BULLET.match(line) is not None or _BRACKETED.fullmatch(line) is not None


# A section's number opening a line: 一、 / 1、 / 1. / （二） / 第三部分.
_SECTION_NUMBER = re.compile(
    r"\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]"
    r"|\d{1,2}\s*[、．]|\d{1,2}\.(?!\d)"
    r"|[（(][一二三四五六七八九十\d]{1,3}[)）]"
    r"|第[一二三四五六七八九十\d]{1,3}[章节部分篇])"
)


def _is_dateline(line: str) -> bool:
    """A date with a few words around it ("AnnaJul 28, 2025", "星期四, 18 12 月, 2025"):
    a page's date bar or an author's line, not a headline."""
    if not re.search(r"\d{4}", line):
        return False
    return len(_DATE_WORDS.sub("", line)) <= 6


def _headline_score(page: Page, i: int) -> int:
    """How much line ``i`` looks like the article's headline: Chinese words of a
    headline's length, followed by the article's time or byline, or printed twice (the
    page's title, then the article's heading)."""
    line = page.lines[i]
    score = 0
    # Chinese characters and Latin words: "Claude Sonnet 4.5 问世" has a headline's words
    if len(_CJK_CHAR.findall(line)) + len(_LATIN_WORD.findall(line)) >= 4:
        score += 3
    if 10 <= len(line) <= 64:
        score += 2
    after = range(i + 1, min(len(page.lines), i + 4))
    dated = next((j for j in after if page.stamps[j] is not None or date_line(page.lines[j])), None)
    if dated is not None and _SITE_DAY.search(page.lines[dated]):
        pass  # "2025-03-18 17:24 星期二" under a site's slogan: the site's day, no article's
    elif dated is not None:
        # the line right above the article's time is its headline more than a banner two
        # lines up ("学习大模型的前沿技术" over the headline over "发布日期:…")
        score += 2 if dated == i + 1 else 1
    elif any(_is_byline(page, j) for j in after[:1]):
        score += 2  # "聯合報／記者簡永祥／台北報導" right under the headline
    if line in page.lines[i + 1 : i + 4]:
        score += 2  # a page's title printed again as its heading, right below it
    if line.isascii():
        score -= 2
    if _SEO_KEYWORDS.search(line):
        score -= 4  # a site's keyword line, or a banner the page shows twice
    return score


# A date and its weekday alone, no label: the day a site's header shows, not an article's
# time ("2025-03-18 17:24 星期二"; an article's reads "时间:…" or "发布于…").
_SITE_DAY = re.compile(r"^[\d\s\-/.:年月日]+(?:星期|周|礼拜)[一二三四五六日天]\s*$")


def _labelled_copy(lines: list[str], i: int, candidates: list[int]) -> bool:
    """Whether line ``i`` is another candidate headline with a label put before it."""
    line = lines[i]
    return any(
        # the label short beside the headline it heads (a fragment of a line is no copy)
        len(lines[j]) >= max(8, 0.6 * len(line)) and lines[j] != line and line.endswith(lines[j])
        for j in candidates
    )


def _is_byline(page: Page, j: int) -> bool:
    """A short line naming the article's author or reporter."""
    line, simple = page.lines[j], page.simple(j)
    if len(line) > 40:
        return False
    return "记者" in simple or _label_value(line, simple, page.markers.author_labels) is not None


# "城市网站建设_网站建设公司_电商网站": a page's keyword title, pieces joined by underscores.
_SEO_KEYWORDS = re.compile(r"[^_\s]+_[^_\s]+_")


def _repeated_in_head(page: Page, i: int) -> bool:
    """Whether line ``i`` appears again among the page's first lines (a site banner)."""
    line = page.lines[i]
    head = page.lines[:_TITLE_SPAN]
    return sum(1 for other in head if other == line) > 1


def _starts_body(line: str) -> bool:
    """Running text closed by a full stop: no headline comes after it."""
    return len(line) >= _BODY_LINE and line.endswith(_CLOSING)


def _profile_near(page: Page, i: int) -> bool:
    stop = min(len(page.lines), i + _PROFILE_SPAN + 1)
    return any(page.is_profile(j) for j in range(i + 1, stop))


def _stamp_score(page: Page, i: int, title: Title) -> int:
    line = page.lines[i]
    score = 0
    if title.index >= 0 and 0 < i - title.index <= _HEADER_SPAN:
        score += 3
    if _profile_near(page, i):
        score += 3
    if _PUBLISHED_LABEL.search(line):
        score += 2
    nxt = page.lines[i + 1 : i + 3]
    if len(nxt) == 2 and is_name_like(nxt[0]) and strip_css_tokens(nxt[0]) == nxt[1]:
        score += 2
    return score


def find_published(
    page: Page, title: Title, default_tz: str, fetched_at: datetime | None = None
) -> tuple[datetime | None, int | None]:
    """The article's own timestamp and its line index (``fetched_at``: when the page was
    fetched, which times such as "3小时前" count back from)."""
    best: tuple[int, int] | None = None
    for i in page.stamp_rows:
        if i in page.listing:
            continue
        score = _stamp_score(page, i, title)
        if best is None or score > best[0]:
            best = (score, i)
    if best is None:
        published, line = _published_date_only(page, title, default_tz)
        if published is None and fetched_at is not None:
            published, line = _published_relative(page, title, default_tz, fetched_at)
        return published, line
    m = page.stamps[best[1]]
    return (datetime_from_match(m, default_tz) if m else None), best[1]


def _published_date_only(
    page: Page, title: Title, default_tz: str
) -> tuple[datetime | None, int | None]:
    """Fallback when no line carries a time: a date-only line in the header (midnight)."""
    if title.index < 0:
        return None, None
    for i in range(title.index + 1, min(len(page.lines), title.index + _HEADER_SPAN + 1)):
        m = date_line(page.lines[i])
        if m is not None and i not in page.listing:
            return datetime_from_match(m, default_tz), i
    return None, None


def _published_relative(
    page: Page, title: Title, default_tz: str, fetched_at: datetime
) -> tuple[datetime | None, int | None]:
    """A time relative to the fetch ("3小时前", "昨天 10:20") on a line of the header,
    between the headline and the first paragraph of running text."""
    first = title.index + 1 if title.index >= 0 else 0
    for i in range(first, min(len(page.lines), first + _HEADER_SPAN)):
        if is_prose(page.lines[i]) and len(page.lines[i]) >= _PROSE_LINE:
            break  # the body has begun: times after it are other stories'
        if i in page.listing:
            continue
        moment = relative_time(page.lines[i], fetched_at, default_tz)
        if moment is not None:
            return moment, i
    return None, None


def _author_near_stamp(page: Page, stamp: int, title: Title) -> tuple[str | None, int | None]:
    """A name-shaped line right after (profile block) or right before/after (header) the stamp."""
    lines = page.lines
    in_header = title.index >= 0 and 0 < stamp - title.index <= _HEADER_SPAN
    footer_block = _profile_near(page, stamp)
    if not (in_header or footer_block):
        return None, None
    order = [stamp + 1, stamp + 2] if footer_block else [stamp + 1, stamp - 1]
    for j in order:
        if not 0 <= j < len(lines) or j == title.index or j in page.listing:
            continue
        line = lines[j]
        if (
            is_name_like(line)
            and not page.is_furniture(j)
            and not page.is_profile(j)
            and not _is_site_only(strip_css_tokens(line), page.markers)
        ):
            return strip_css_tokens(line), j
    return None, None


def find_author(page: Page, title: Title, stamp: int | None) -> tuple[str | None, set[int]]:
    """Author name and the indices of the lines that carried it."""
    labels = page.markers.author_labels
    patterns, scan = _label_patterns(labels), _label_scan(labels)
    for i, line in enumerate(page.lines):
        if i in page.listing or len(line) > 40:
            continue
        simple = page.simple(i)
        if scan is not None and scan.search(simple) is None:  # no label, so no value
            continue
        value = _labelled(line, simple, patterns)
        if value and not _is_site_only(value, page.markers):
            return value, {i}
    if stamp is not None:
        name, j = _author_near_stamp(page, stamp, title)
        if name and j is not None:
            used = {j}
            if j + 1 < len(page.lines) and page.lines[j + 1] == name:
                used.add(j + 1)
            return name, used
    return None, set()


def _zone_sites(page: Page, zone: range, *, skip_prose: bool) -> Iterator[str]:
    """Site names in a zone: the deepest breadcrumb crumb first, then marker lines."""
    lines, sites = page.lines, page.markers.sites
    for i in zone:
        if page.is_breadcrumb(i):
            # the deepest crumb that names a site is the most specific (网易 > 网易号)
            for part in reversed(breadcrumb_parts(lines[i])):
                if (name := sites.find(part)) is not None:
                    yield name
                    break
    for i in zone:
        if i in page.listing or (skip_prose and is_prose(lines[i])):
            continue
        if (name := page.site(i)) is not None:
            yield name


def find_site(page: Page, title: Title, body: range) -> str | None:
    """Portal name from breadcrumb / header / footer markers, else a '来源：' value.

    The first zone that names a site decides; a more specific channel of the same
    portal named elsewhere on the page (搜狐 → 搜狐号) refines it.
    """
    lines = page.lines
    before = range(0, max(title.index, 0))
    header = range(max(title.index, 0), body.start)
    footer = range(body.stop, len(lines))
    found = chain(
        _zone_sites(page, before, skip_prose=True),
        _zone_sites(page, header, skip_prose=True),
        _zone_sites(page, footer, skip_prose=False),
    )
    primary = next(found, None)
    if primary is not None:
        if not page.markers.sites.has_channel(primary):  # nothing can refine it
            return primary
        channels = (n for n in found if n.startswith(primary) and len(n) > len(primary))
        return next(channels, primary)
    for i in (*before, *header):
        if is_citation(lines[i]):  # a cited source is not the publishing site
            continue
        value = _label_value(lines[i], page.simple(i), page.markers.source_labels)
        if value:
            return page.markers.sites.find(value) or value
    return None
