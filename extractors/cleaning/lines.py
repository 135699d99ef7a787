"""Line normalisation and the line shapes the cleaner reasons with.

Shapes are about form, not content: a prose line is long and punctuated, a
heading is short and unpunctuated, a navigation bar is a row of tiny tokens,
a breadcrumb is short segments joined by ``>``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from extractors.dates import TIMESTAMP_RE, ascii_digits

_WIDE_SPACES = r"\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"  # spaces other than ' '
_INVISIBLES = r"\u200b-\u200d\u2060\ufeff\u00ad"
_SPACE = f"[ {_WIDE_SPACES}]"
_SPACES = re.compile(_SPACE + _SPACE + "*")  # = _SPACE+, but re scans faster for a plain start
_INVISIBLE = re.compile(f"[{_INVISIBLES}]")
# what either substitution of normalise_text would change, but for two spaces in a row
_UNUSUAL = re.compile(f"[{_INVISIBLES}{_WIDE_SPACES}]")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SENTENCE_PUNCT = re.compile(r"[，。！？；：、,;!?:…“”「」]")
_LONE_NUMBER = re.compile(
    r"^[\(（\[【]?(?:\d{1,3}|[一二三四五六七八九十]{1,3}|[IVX]{1,4})[\)）\]】.、]?$"
)
_BREADCRUMB_SEP = re.compile(r"\s*[>›»＞]\s*")
_BREADCRUMB_MARK = re.compile(r"[>›»＞]")
_MENU_BAR = re.compile(r"[|｜丨]")
_NAV_SEP = re.compile(r"\s*[|｜·•/]\s*|\s+")
_CSS_TOKEN = re.compile(r"\s+[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+\b")
_NAME_CHARS = re.compile(r"^[\w\u00b7\u30fb·.\- ]{1,24}$")
# Every date starts with a four-digit year; ascii_digits keeps digits digits, so a
# line without four digits in a row holds no date and needs no further look.
_YEAR_DIGITS = re.compile(r"\d\d\d\d")  # (not \d{4}: re scans faster for a plain start)
# What a TIMESTAMP_RE match with a time of day needs in the line as printed, up to its
# hour mark: ascii_digits only rewrites full-width digits (digits to ``\d`` already) and
# full-width ':/-.' (one character each), so the same characters are there with those
# separators still full-width.  Dropping the match's look-behind only widens the shape.


def _stamp_tail(space: str) -> str:
    """The shape from the separator after the year to the hour mark."""
    return (
        rf"[-/.－／．年]{space}?\d\d?{space}?[-/.－／．月]{space}?\d\d?{space}?[日号]?"
        rf"(?:{space}*|T)(?:上午|下午|晚上|凌晨)?{space}*\d\d?{space}?[:：时時]"
    )


_STAMP_SHAPE = re.compile(r"\d\d\d\d\s?" + _stamp_tail(r"\s"))
# A page (lines joined by line breaks) is scanned for the tail alone, with spaces that are
# no line break so that no shape is found across two lines: re skips to a separator far
# faster than to a digit.
_PAGE_STAMP_TAIL = re.compile(_stamp_tail(r"[^\S\n]"))
_MAX_STAMP_EXTRA = 24


def normalise_text(raw: str) -> list[str]:
    """Split a page into lines: unify newlines, drop invisible characters, collapse
    runs of (full-width) spaces to one ASCII space and strip each line.  Chinese
    characters and punctuation are left exactly as they are."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    # Without invisibles, spaces other than ' ' and two spaces in a row, both substitutions
    # leave the text as it is (each space run is a lone ' '): one scan tells.
    if _UNUSUAL.search(text) is not None or "  " in text:
        text = _SPACES.sub(" ", _INVISIBLE.sub("", text))  # neither pattern spans a newline
    return [line.strip() for line in text.split("\n")]


_CITATION = re.compile(
    r"^[（(\[【]\s*(资料|資料|数据|數據|消息)?(来源|來源|出处|出處)\s*[:：].*[）)\]】]$"
)


def is_citation(line: str) -> bool:
    """'（资料来源：…）' or '（来源：…）' on a line of its own."""
    return bool(_CITATION.match(line))


def cjk_count(line: str) -> int:
    return len(_CJK.findall(line))


def is_lone_number(line: str) -> bool:
    """'01', '2', '（三）' alone on a line: section numbers and share counters."""
    return bool(_LONE_NUMBER.match(line))


def is_prose(line: str) -> bool:
    """A sentence-bearing line: long enough and punctuated like running text."""
    if len(line) < 12:
        return False
    return bool(_SENTENCE_PUNCT.search(line)) or len(line) >= 40


def is_breadcrumb(line: str) -> bool:
    """'首页 > 科技 > 正文': two or more short segments joined by '>'."""
    if len(line) > 80 or not _BREADCRUMB_MARK.search(line):
        return False
    parts = [p for p in _BREADCRUMB_SEP.split(line) if p]
    return len(parts) >= 2 and all(len(p) <= 16 for p in parts)


def breadcrumb_parts(line: str) -> list[str]:
    return [p for p in _BREADCRUMB_SEP.split(line) if p]


def is_nav_bar(line: str) -> bool:
    """A row of tiny tokens: four or more ('首页 新闻 体育 财经 科技'), or three or more
    short ones between explicit bars ('手机看 | 客户端下载 | 登录')."""
    if _SENTENCE_PUNCT.search(line):
        return False
    tokens = [t for t in _NAV_SEP.split(line) if t]
    if len(tokens) >= 4 and all(len(t) <= 4 for t in tokens):
        return True
    barred = [t.strip() for t in _MENU_BAR.split(line) if t.strip()]
    return len(barred) >= 3 and all(len(t) <= 6 for t in barred)


def timestamp_in(line: str) -> re.Match[str] | None:
    """The first date-with-time in a line, if any."""
    if _STAMP_SHAPE.search(line) is None:  # the usual case, found in one scan
        return None
    for m in TIMESTAMP_RE.finditer(ascii_digits(line)):
        if m["hour"] is not None:
            return m
    return None


def is_timestamp_line(line: str) -> bool:
    """A line that is mostly a date/time stamp (possibly with a source name)."""
    return timestamp_line_match(line) is not None


def timestamp_line_match(line: str) -> re.Match[str] | None:
    """The date-with-time of a timestamp line (see :func:`is_timestamp_line`), else None."""
    m = timestamp_in(line)
    if m is None or len(line) - (m.end() - m.start()) > _MAX_STAMP_EXTRA:
        return None
    return m


def rows_matching(pattern: re.Pattern[str], lines: list[str]) -> list[int]:
    """Indices of the lines in which ``pattern`` is found, by one scan of the page.

    The pattern must never match across a newline (no ``\\s`` or negated class).
    """
    text = "\n".join(lines)
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    rows: list[int] = []
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        row = bisect_right(starts, m.start()) - 1
        rows.append(row)
        pos = starts[row + 1]  # the next line
    return rows


def timestamp_lines(lines: list[str]) -> list[re.Match[str] | None]:
    """:func:`timestamp_line_match` of every line (lines without a stamp's shape skip the
    work).  The lines hold no line break (as :func:`normalise_text` gives them)."""
    stamps: list[re.Match[str] | None] = [None] * len(lines)
    for row in rows_matching(_PAGE_STAMP_TAIL, lines):
        stamps[row] = timestamp_line_match(lines[row])
    return stamps


def date_line(line: str) -> re.Match[str] | None:
    """A line that is mostly a date without a time of day ('2025年03月20日 某某网')."""
    if _YEAR_DIGITS.search(line) is None:
        return None
    m = TIMESTAMP_RE.search(ascii_digits(line))
    if m is None or m["hour"] is not None or len(line) - (m.end() - m.start()) > 16:
        return None
    return m


def strip_css_tokens(line: str) -> str:
    """Drop class-name leftovers that text dumps glue onto names ('张三 some-icon')."""
    return _CSS_TOKEN.sub("", line).strip()


def is_name_like(line: str) -> bool:
    """Could be a person's or account's name: short, no sentence punctuation, not a number."""
    line = strip_css_tokens(line)
    if not 2 <= len(line) <= 24 or _SENTENCE_PUNCT.search(line):
        return False
    if line.replace(" ", "").isdigit() or is_timestamp_line(line):
        return False
    return bool(_NAME_CHARS.match(line))


def is_title_shaped(line: str) -> bool:
    """A headline: 6-100 characters with some Chinese or words, not a full paragraph."""
    if not 6 <= len(line) <= 100 or is_lone_number(line):
        return False
    if is_breadcrumb(line) or is_nav_bar(line) or is_timestamp_line(line):
        return False
    return cjk_count(line) >= 4 or len(line.split()) >= 3
