"""Dates in Chinese text: mentions for ``as_of`` and timestamps for page metadata.

Both helpers are pure: relative expressions (今年, 上月) are resolved against the
``reference`` date the caller passes (normally the article's own date); the clock
is never read.  Full-width digits and Chinese-numeral years (二〇二四年) are read
as ordinary digits.  Offsets always index the text as given.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Literal

from pydantic import BaseModel, ConfigDict

from extractors.alternation import word_pattern
from extractors.quantities.numerals import DIGIT_VALUES

Granularity = Literal["day", "month", "quarter", "half", "year"]


class DateMention(BaseModel):
    """A date or period written in the text; ``value`` is ISO-like (2024-10-07, 2024-Q3)."""

    model_config = ConfigDict(frozen=True)

    text: str
    start: int
    end: int
    value: str
    granularity: Granularity


_CN_DIGIT = DIGIT_VALUES
_CN = "".join(DIGIT_VALUES)
_SMALL = rf"(?:\d{{1,2}}|[{_CN}十]{{1,3}})"

_REL_YEAR = {"今年": 0, "本年": 0, "去年": -1, "前年": -2, "明年": 1, "后年": 2, "後年": 2}
_REL_MONTH = {
    "本月": 0,
    "这个月": 0,
    "這個月": 0,
    "上月": -1,
    "上个月": -1,
    "上個月": -1,
    "下月": 1,
    "下个月": 1,
    "下個月": 1,
}
_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

_SP = r"\s?"
# Each pattern opens with a character class, the characters it can start with, and only then
# looks behind or branches: the engine skips to those characters at once, where a leading
# lookbehind (or lookahead) would be tried at every position.  A branch checks the
# consumed first character with a lookbehind; the branches of a group never share a first
# character, so the matches are those of the plain alternation (tests/extractors/test_dates.py
# compares them with it).
_YEAR = (
    rf"(?P<year>[\d{_CN}{''.join(w[0] for w in _REL_YEAR)}]"
    r"(?:(?<=\d)(?<![\d.].)\d{3}(?!\d)"  # 2024, not glued to a digit or a dot
    rf"|(?<=[{_CN}])[{_CN}]{{3}}"  # 二〇二四
    + "".join(f"|(?<={w[0]}){w[1:]}" for w in _REL_YEAR)  # 今年, 去年...
    + "))"
)
_DATE_RE = re.compile(
    _YEAR
    + rf"{_SP}年?"
    + r"(?:"
    + rf"(?:{_SP}(?:第?(?P<quarter>[一二三四1-4])(?:季度|季)|Q(?P<q>[1-4])))"
    + r"|(?P<half>上半年|下半年)"
    + rf"|(?:{_SP}(?P<month>{_SMALL}){_SP}月(?:份)?(?:{_SP}(?P<day>{_SMALL}){_SP}[日号號])?)"
    + r")?"
)
_ISO_RE = re.compile(
    r"(?P<year>\d(?<![\d.].)\d{3})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?!\d)"
)
# Every ISO date holds four digits and a separator: most texts have none, and skip _ISO_RE.
_ISO_MARK = re.compile(r"[-/.](?<=\d{4}[-/.])")
_REL_MONTH_RE = word_pattern(_REL_MONTH, escape=False)
_MONTH_DAY_RE = re.compile(
    rf"(?P<month>[\d{_CN}十](?<![\d年.].)(?:(?<=\d)\d?|(?<=[{_CN}十])[{_CN}十]{{0,2}}))"
    rf"月(?P<day>{_SMALL})[日号號]"
)
# Every character a match of _DATE_RE or _MONTH_DAY_RE may hold: each match lies within one
# stretch of them (see _matches_in_stretches).
_DATE_STRETCH = re.compile(rf"[\d\s{_CN}十今本去前明后後年月份日号號第季度Q上下半]*")


_FULLWIDTH_PAIRS = tuple(zip("０１２３４５６７８９：／－．", "0123456789:/-.", strict=True))
#: Every character ascii_digits rewrites is in this block (U+FF0D-FF1A).
FULLWIDTH_FORMS = re.compile("[\uff0d-\uff1a]")


def ascii_digits(text: str) -> str:
    """Full-width digits and separators to ASCII; keeps length so offsets survive."""
    if not FULLWIDTH_FORMS.search(text):
        return text  # the usual case, found in one scan
    # One str.replace per form present: far faster than translate's per-character lookup.
    for wide, narrow in _FULLWIDTH_PAIRS:
        if wide in text:
            text = text.replace(wide, narrow)
    return text


def _small_number(token: str) -> int | None:
    """1-31 written with digits or Chinese numerals (十二, 二十七, 三十一)."""
    if token.isdigit():
        return int(token)
    if "十" in token:
        tens, _, units = token.partition("十")
        high = _CN_DIGIT.get(tens, 0) if tens else 1
        low = _CN_DIGIT.get(units, 0) if units else 0
        if (tens and tens not in _CN_DIGIT) or (units and units not in _CN_DIGIT):
            return None
        return high * 10 + low
    if len(token) == 1 and token in _CN_DIGIT:
        return _CN_DIGIT[token]
    return None


def _year_value(token: str, reference: date | None) -> int | None:
    if token in _REL_YEAR:
        return None if reference is None else reference.year + _REL_YEAR[token]
    if token.isdigit():
        year = int(token)
    elif all(ch in _CN_DIGIT for ch in token):
        year = int("".join(str(_CN_DIGIT[ch]) for ch in token))
    else:
        return None
    return year if 1800 <= year <= 2199 else None


def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _mention(text: str, start: int, end: int, value: str, granularity: Granularity) -> DateMention:
    return DateMention(
        text=text[start:end], start=start, end=end, value=value, granularity=granularity
    )


def _from_date_match(text: str, m: re.Match[str], reference: date | None) -> DateMention | None:
    year = _year_value(m.group("year"), reference)
    if year is None:
        return None
    has_marker = "年" in m.group(0)[len(m.group("year")) :] or m.group("year") in _REL_YEAR
    if not has_marker:
        return None
    start, end = m.start(), m.end()
    quarter = m.group("quarter") or m.group("q")
    if quarter:
        return _mention(text, start, end, f"{year}-Q{_QUARTER[quarter]}", "quarter")
    if m.group("half"):
        half = 1 if m.group("half").startswith("上") else 2
        return _mention(text, start, end, f"{year}-H{half}", "half")
    if m.group("month"):
        month = _small_number(m.group("month"))
        if month is None or not 1 <= month <= 12:
            end = m.start("month")
        elif m.group("day"):
            day = _small_number(m.group("day"))
            if day is not None and _valid_day(year, month, day):
                return _mention(text, start, end, f"{year}-{month:02d}-{day:02d}", "day")
            end = m.start("day")
            return _mention(text, start, end, f"{year}-{month:02d}", "month")
        else:
            return _mention(text, start, end, f"{year}-{month:02d}", "month")
    end = start + m.group(0).index("年") + 1 if "年" in m.group(0) else start + len(m.group("year"))
    return _mention(text, start, end, str(year), "year")


def _shift_month(ref: date, months: int) -> tuple[int, int]:
    index = ref.year * 12 + (ref.month - 1) + months
    return index // 12, index % 12 + 1


def _matches_in_stretches(
    pattern: re.Pattern[str], text: str, mark: str
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` (_DATE_RE or _MONTH_DAY_RE) in the stretches of date
    characters around each ``mark``: those of ``pattern.finditer(text)`` in them.

    A match only holds date characters, so it lies within one stretch, and the scan of
    ``finditer`` starts afresh at each stretch; the lookarounds still see the characters
    around the stretch (the one after it is no digit).  Only the stretches holding a 年
    (a 月) can give a year (a month-day) mention, and most of a text is no such stretch.
    """
    stop = 0
    backwards = ""
    while (at := text.find(mark, stop)) != -1:
        backwards = backwards or text[::-1]
        start = len(text) - _DATE_STRETCH.match(backwards, len(text) - at).end()  # type: ignore[union-attr]
        stop = _DATE_STRETCH.match(text, at).end()  # type: ignore[union-attr]
        yield from pattern.finditer(text, start, stop)


def find_dates(text: str, *, reference: date | None = None) -> list[DateMention]:
    """Every date or period in ``text``, in order, without overlaps.

    Relative forms (今年, 去年, 上月, 3月27日 without a year) are only returned
    when ``reference`` is given.
    """
    norm = ascii_digits(text)
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []  # spans of the mentions found, kept sorted

    def free(start: int, end: int) -> bool:
        """No mention found so far overlaps [start, end) (its neighbours tell)."""
        at = bisect.bisect_left(taken, (start, end))
        before_ok = at == 0 or taken[at - 1][1] <= start
        after_ok = at == len(taken) or taken[at][0] >= end
        return before_ok and after_ok

    def add(mention: DateMention | None) -> None:
        if mention is not None and free(mention.start, mention.end):
            found.append(mention)
            bisect.insort(taken, (mention.start, mention.end))

    for m in _ISO_RE.finditer(norm) if _ISO_MARK.search(norm) else ():
        year, month, day = int(m["year"]), int(m["month"]), int(m["day"])
        if 1800 <= year <= 2199 and _valid_day(year, month, day):
            add(_mention(text, m.start(), m.end(), f"{year}-{month:02d}-{day:02d}", "day"))
    # A year match only makes a mention with a 年 (in 今年 too), a month-day one has a 月.
    for m in _matches_in_stretches(_DATE_RE, norm, "年"):
        add(_from_date_match(text, m, reference))
    if reference is not None and "月" in norm:
        for m in _REL_MONTH_RE.finditer(norm):
            year, month = _shift_month(reference, _REL_MONTH[m.group(0)])
            add(_mention(text, m.start(), m.end(), f"{year}-{month:02d}", "month"))
        for m in _matches_in_stretches(_MONTH_DAY_RE, norm, "月"):
            md_month, md_day = _small_number(m["month"]), _small_number(m["day"])
            if md_month and md_day and _valid_day(reference.year, md_month, md_day):
                value = f"{reference.year}-{md_month:02d}-{md_day:02d}"
                add(_mention(text, m.start(), m.end(), value, "day"))
    return sorted(found, key=lambda d: d.start)


# --- timestamps for page metadata -------------------------------------------------

_TZ_RE = re.compile(r"^([+-])(\d{2}):?(\d{2})$")
# A printed date-with-time, part by part (TIMESTAMP_RE reads text after ascii_digits).
_YEAR_END = "-/.年"  # what follows the year
_MONTH_END = "-/.月"  # ... the month
_DAY_MARK = "日号"  # an optional mark after the day
_AMPM = "上午|下午|晚上|凌晨"
_HOUR_END = ":时時"  # what follows the hour


def _one_of(chars: str) -> str:
    return "[" + "".join(map(re.escape, chars)) + "]"


TIMESTAMP_RE = re.compile(
    rf"(?<!\d)(?P<year>\d{{4}})\s?{_one_of(_YEAR_END)}\s?(?P<month>\d{{1,2}})\s?"
    rf"{_one_of(_MONTH_END)}\s?(?P<day>\d{{1,2}})\s?{_one_of(_DAY_MARK)}?"
    rf"(?:(?:\s*[,，]?\s*|T)(?P<ampm>{_AMPM})?\s*(?P<hour>\d{{1,2}})\s?{_one_of(_HOUR_END)}\s?(?P<minute>\d{{2}})"
    r"(?:\s?[:分]\s?(?P<second>\d{2})(?:\.\d+)?)?\s?秒?"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2}|\s?(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?)?)?"
)
"""A date with an optional time of day, as pages print them (2025-03-28 03:47:00,
"2025年08月15日,17时21分59秒")."""


def parse_tz(value: str) -> timezone:
    """'+08:00', '+0800', 'Z', 'UTC+8' as a fixed-offset ``timezone``."""
    value = value.strip().upper().replace("UTC", "").replace("GMT", "")
    if value in ("", "Z"):
        return UTC
    m = _TZ_RE.match(value)
    if m is None:
        sign = -1 if value.startswith("-") else 1
        parts = value.lstrip("+-").split(":")
        hours, minutes = int(parts[0]), int(parts[1]) if len(parts) > 1 else 0
        return timezone(sign * timedelta(hours=hours, minutes=minutes))
    sign = -1 if m.group(1) == "-" else 1
    return timezone(sign * timedelta(hours=int(m.group(2)), minutes=int(m.group(3))))


def datetime_from_match(m: re.Match[str], default_tz: str = "+08:00") -> datetime | None:
    """Build an aware datetime from a :data:`TIMESTAMP_RE` match; None if impossible."""
    year, month, day = int(m["year"]), int(m["month"]), int(m["day"])
    hour = int(m["hour"]) if m["hour"] else 0
    minute = int(m["minute"]) if m["minute"] else 0
    second = int(m["second"]) if m["second"] else 0
    if m["ampm"] in ("下午", "晚上") and hour < 12:
        hour += 12
    if not 1800 <= year <= 2199:
        return None
    try:  # a page may print an impossible day, hour or zone ("+26:51"): no time, no error
        tz = parse_tz(m["tz"]) if m["tz"] else parse_tz(default_tz)
        return datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError:
        return None


def parse_datetime(s: str, default_tz: str = "+08:00") -> datetime | None:
    """Parse a metadata time ('2025-03-28 03:47:00', '2025年3月28日 03:47', ISO 8601).

    Times without a zone get ``default_tz``.  Returns None when no date is found.
    """
    text = ascii_digits(s.strip())
    if not text:
        return None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        parsed = None
    if parsed is not None:
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=parse_tz(default_tz))
    m = TIMESTAMP_RE.search(text)
    return None if m is None else datetime_from_match(m, default_tz)
