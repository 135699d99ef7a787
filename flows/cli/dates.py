"""Dates on the command line: a day, a month, a year, a span back from now, or a time.

``2025-01-02`` (a day), ``2025-01`` (a month), ``2025`` (a year), ``7d`` / ``12h`` /
``2w`` (that long ago), ``2025-01-02T08:30`` (a time, UTC unless it says otherwise).
Anything else is an error naming these forms: ``20250101`` is not silently read as
a number of seconds. ``--since`` takes the start of the period, ``--until`` its end.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple

import typer

FORMS = "2025-01-02, 2025-01, 2025, or a span back from now like 7d, 12h, 2w"
_YEAR = re.compile(r"(\d{4})")
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SPAN = re.compile(r"(\d+)\s*([hdw])", re.IGNORECASE)
_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}.*")
_SPAN_UNITS = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}


class Period(NamedTuple):
    """From ``start`` up to (not including) ``end``, both in UTC."""

    start: datetime
    end: datetime

    @property
    def last_day(self) -> date:
        """The last calendar day the period touches (for inclusive date filters)."""
        return (self.end - timedelta(microseconds=1)).date()


def parse_period(text: str, *, now: datetime | None = None) -> Period:
    """The period ``text`` names; ValueError naming the accepted forms otherwise."""
    value = text.strip()
    try:
        if match := _DAY.fullmatch(value):
            start = datetime(*map(int, match.groups()), tzinfo=UTC)
            return Period(start, start + timedelta(days=1))
        if match := _MONTH.fullmatch(value):
            year, month = map(int, match.groups())
            start = datetime(year, month, 1, tzinfo=UTC)
            following = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC)
            return Period(start, following)
        if match := _YEAR.fullmatch(value):
            year = int(match.group(1))
            return Period(datetime(year, 1, 1, tzinfo=UTC), datetime(year + 1, 1, 1, tzinfo=UTC))
        if match := _SPAN.fullmatch(value):
            moment = (now or datetime.now(UTC)) - int(match.group(1)) * _SPAN_UNITS[
                match.group(2).lower()
            ]
            return Period(moment, moment)
        if _TIME.fullmatch(value):
            moment = datetime.fromisoformat(value)
            moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
            return Period(moment, moment)
    except ValueError as err:  # 2025-13, 2025-02-30, 25:00
        raise ValueError(f"{text!r} is not a valid date ({err})") from None
    raise ValueError(f"{text!r} is not a date: use {FORMS}")


def _bad_parameter(err: ValueError) -> typer.BadParameter:
    return typer.BadParameter(str(err))


def parse_since(text: str) -> datetime:
    """``--since``: the start of the period (a span: that moment)."""
    try:
        return parse_period(text).start
    except ValueError as err:
        raise _bad_parameter(err) from None


def parse_until(text: str) -> datetime:
    """``--until``: the last moment of the period, so ``--until 2025-01`` keeps January 31."""
    try:
        period = parse_period(text)
    except ValueError as err:
        raise _bad_parameter(err) from None
    if period.end == period.start:
        return period.end
    return period.end - timedelta(microseconds=1)
