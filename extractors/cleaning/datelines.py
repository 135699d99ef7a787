"""The page's own date where it is printed as a header, a label or a dateline.

Forms the timestamp-line search does not take (it wants a line that is mostly a
date with a time of day, near the headline):

- a ``date 2025-10-09`` header glued to the first line of the text;
- a labelled date anywhere in the head of the page: ``发布日期: 2026年02月20日``,
  ``更新日期:2025-10-27``, ``發佈時間:09:46 2025-01-28`` (time before the date),
  ``日期:2022/01/30``, ``Published on 2026-05-14``;
- a dateline opening a paragraph: ``【某某新闻】2025年8月4日,…``,
  ``2024 年 11 月 3 日 电 …``, ``【某某报2023年06月14日讯】…``, ``(2025.12.2,新加坡)…``;
- a line holding a date alone at the top of the page;
- a labelled date among the page's last lines (``信息发布日期:2026年2月4日``).
"""

from __future__ import annotations

import re
from datetime import datetime

from extractors.dates import parse_tz

HEAD_LINES = 15
TAIL_LINES = 3
_DATE = r"(?P<year>(?:19|20)\d\d)\s*[-/.年]\s*(?P<month>\d{1,2})\s*[-/.月]\s*(?P<day>\d{1,2})\s*日?"
_TIME = r"(?P<hour>\d{1,2})\s*:\s*(?P<minute>\d{2})(?::\d{2})?"
HEADER = re.compile(rf"^date\s+{_DATE}\s*")
_LABELLED = re.compile(
    rf"(?:(?:发布|发表|更新|發佈|發布|發表|出版|刊登)(?:日期|时间|時間|于|於)|(?<![\u4e00-\u9fff])日期"
    rf"|(?i:published|posted)(?: on)?)\s*[:：]?\s*"
    rf"(?:{_TIME}\s+)?{_DATE}(?:\s+{_TIME.replace('hour', 'hour2').replace('minute', 'minute2')})?"
)
_OUTLET_TAG = r"[【\[（(][^】\]）)\n]{1,20}[】\]）)]"
_DATELINE = re.compile(rf"^(?:{_OUTLET_TAG}\s*)?{_DATE}(?=\s*[,，电電讯訊消息(（ ])")
_ALONE = re.compile(rf"^{_DATE}$")
# The date and place in brackets opening the first paragraph: "(2025.12.2,新加坡)据统计…",
# "（2024年11月3日，北京）".
_BRACKETED_DATELINE = re.compile(rf"^[(（]\s*{_DATE}\s*[,，、]\s*[^()（）\d]{{1,10}}[)）]")
# The dateline inside the outlet's tag: "【某某报2023年06月14日讯】".
_TAGGED_DATELINE = re.compile(rf"^[【\[][^】\]\d\n]{{0,12}}{_DATE}\s*[讯訊电電][】\]]")
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
# "Jul 28, 2025" in an English byline ("AnnaJul 28, 2025"): a short line that is mostly it.
_ENGLISH = re.compile(
    r"(?i)(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? (?P<day>\d{1,2}),"
    r" (?P<year>(?:19|20)\d\d)"
)


def _build(m: re.Match[str], default_tz: str) -> datetime | None:
    groups = m.groupdict()
    hour = groups.get("hour") or groups.get("hour2")
    minute = groups.get("minute") or groups.get("minute2")
    try:
        return datetime(
            int(m["year"]),
            int(m["month"]),
            int(m["day"]),
            int(hour) if hour else 0,
            int(minute) if minute else 0,
            tzinfo=parse_tz(default_tz),
        )
    except ValueError:  # an impossible day or hour: no date rather than a wrong one
        return None


def split_header(first_line: str) -> tuple[re.Match[str] | None, str]:
    """A ``date YYYY-MM-DD`` header at the start of the text, and the line without it."""
    m = HEADER.match(first_line)
    return (m, first_line[m.end() :]) if m else (None, first_line)


def header_date(m: re.Match[str], default_tz: str) -> datetime | None:
    return _build(m, default_tz)


def dateline_date(lines: list[str], default_tz: str) -> datetime | None:
    """The first labelled date, dateline or lone date line in the head of the page."""
    head = lines[:HEAD_LINES]
    labelled = _first_labelled(head)
    if labelled is not None:
        return _build(labelled, default_tz)
    for index, line in enumerate(head):
        m = (
            _DATELINE.match(line)
            or _TAGGED_DATELINE.match(line)
            or _BRACKETED_DATELINE.match(line)
            or (_ALONE.match(line) if index < 3 else None)
        )
        if m:
            return _build(m, default_tz)
    for line in head:
        m = _ENGLISH.search(line)
        if m and len(line) <= 40:
            month = _MONTHS.index(m["month"].lower()) + 1
            try:
                return datetime(int(m["year"]), month, int(m["day"]), tzinfo=parse_tz(default_tz))
            except ValueError:
                return None
    # "信息发布日期:2026年2月4日" as the page's last words: its own date, labelled as such
    labelled = _first_labelled(lines[max(HEAD_LINES, len(lines) - TAIL_LINES) :])
    return _build(labelled, default_tz) if labelled is not None else None


def _first_labelled(lines: list[str]) -> re.Match[str] | None:
    """The first labelled date (``发布日期: …``) of ``lines``."""
    return next((m for line in lines if (m := _LABELLED.search(line))), None)
