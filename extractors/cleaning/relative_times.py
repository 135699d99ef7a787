"""Publication times written relative to the reader's moment: "3小时前", "25分钟前",
"2天前", "刚刚", "昨天 10:20".

Portals print them instead of a date on fresh stories. They mean something only
against the moment the page was fetched, so they are read only when that moment is
known, and only as a line of the page's header (a short line: related lists carry
such times too, but the cleaner reads them only near the headline).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from extractors.dates import parse_tz

_RELATIVE = re.compile(
    r"(?P<n>\d{1,3})\s*(?P<unit>秒|分钟|分鐘|小时|小時|天|日)前"
    r"|(?P<word>刚刚|剛剛|今天|昨天|前天)(?:\s*(?P<hour>\d{1,2}):(?P<minute>\d{2}))?"
)
_UNITS = {
    "秒": timedelta(seconds=1),
    "分钟": timedelta(minutes=1),
    "分鐘": timedelta(minutes=1),
    "小时": timedelta(hours=1),
    "小時": timedelta(hours=1),
    "天": timedelta(days=1),
    "日": timedelta(days=1),
}
_DAYS_BACK = {"刚刚": 0, "剛剛": 0, "今天": 0, "昨天": 1, "前天": 2}
_LINE_MAX = 30  # characters: a header line (time, source, author), not a sentence


def relative_time(line: str, fetched_at: datetime, default_tz: str) -> datetime | None:
    """The moment a header line's relative time names, counted back from ``fetched_at``
    (in ``default_tz`` when it has no zone), or None when the line holds none."""
    if len(line) > _LINE_MAX:
        return None
    m = _RELATIVE.search(line)
    if m is None:
        return None
    now = _aware(fetched_at, default_tz)
    if m["n"] is not None:
        return (now - int(m["n"]) * _UNITS[m["unit"]]).replace(microsecond=0)
    day = now - timedelta(days=_DAYS_BACK[m["word"]])
    if m["hour"] is None:
        return now.replace(microsecond=0) if m["word"] in ("刚刚", "剛剛") else None
    hour, minute = int(m["hour"]), int(m["minute"])
    if hour > 23 or minute > 59:
        return None
    return day.replace(hour=hour, minute=minute, second=0, microsecond=0)


def _aware(moment: datetime, default_tz: str) -> datetime:
    zone = parse_tz(default_tz)
    return moment.astimezone(zone) if moment.tzinfo is not None else moment.replace(tzinfo=zone)
