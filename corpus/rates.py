"""Dated exchange rates (corpus/data/fx_rates.toml) for comparing money across currencies."""

from __future__ import annotations

import re
import tomllib
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

RATES_FILE = Path(__file__).resolve().parent / "data" / "fx_rates.toml"
Precision = Literal["year", "month", "day"]
_WHEN = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


class UnknownRateError(LookupError):
    """No rate for a currency (or the code is not a currency the table knows)."""


class FxRate(BaseModel):
    """The rate a conversion used: 1 ``from_currency`` = ``rate`` ``to_currency``."""

    from_currency: str
    to_currency: str
    rate: float
    period: str
    source: str


def parse_when(when: str | date | datetime | None) -> tuple[date, Precision] | None:
    """A claim date (``2024-10-07``, ``2024-10``, ``2024``, a date) and how precise it is."""
    if when is None:
        return None
    if isinstance(when, datetime):
        return when.date(), "day"
    if isinstance(when, date):
        return when, "day"
    match = _WHEN.match(when.strip())
    if match is None:
        return None
    year, month, day = match.groups()
    try:
        if day is not None and month is not None:
            return date(int(year), int(month), int(day)), "day"
        if month is not None:
            return date(int(year), int(month), 15), "month"
        return date(int(year), 7, 2), "year"
    except ValueError:
        return None


def _period_midpoint(period: str) -> date:
    parsed = parse_when(period)
    if parsed is None:
        raise ValueError(f"bad rate period {period!r}: use YYYY or YYYY-MM")
    return parsed[0]


class FxTable:
    """Units of each currency per US dollar, by period (year or month)."""

    def __init__(self, per_usd: dict[str, dict[str, float]], source: str) -> None:
        self.source = source
        self._per_usd = {
            code.upper(): {period: float(rate) for period, rate in periods.items()}
            for code, periods in per_usd.items()
        }
        self._memo: dict[tuple[str, str, tuple[date, Precision] | None], FxRate] = {}
        self._midpoints = {
            code: {period: _period_midpoint(period) for period in periods}
            for code, periods in self._per_usd.items()
        }

    @classmethod
    def load(cls, path: Path = RATES_FILE) -> FxTable:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return cls(data["rates"], data.get("meta", {}).get("source", str(path)))

    @property
    def currencies(self) -> set[str]:
        return set(self._per_usd)

    def is_currency(self, code: str | None) -> bool:
        return code is not None and code.upper() in self._per_usd

    def _pick(self, code: str, when: tuple[date, Precision] | None) -> str:
        """The period of ``code`` to use for ``when``: same year/month if listed, else nearest."""
        periods = self._midpoints.get(code)
        if not periods:
            raise UnknownRateError(f"no exchange rate for {code!r}")
        if when is None:
            return max(periods, key=lambda p: (periods[p], len(p)))
        day, precision = when
        exact = f"{day.year}" if precision == "year" else f"{day.year}-{day.month:02d}"
        if exact in periods:
            return exact
        return min(periods, key=lambda p: (abs((periods[p] - day).days), -len(p)))

    def rate(self, from_currency: str, to_currency: str, when: str | date | None) -> FxRate:
        """The rate nearest ``when`` (the latest listed when ``when`` is None)."""
        src, dst = from_currency.upper(), to_currency.upper()
        parsed = parse_when(when)
        memo_key = (src, dst, parsed)
        if memo_key not in self._memo:
            self._memo[memo_key] = self._rate(src, dst, parsed)
        return self._memo[memo_key]

    def _rate(self, src: str, dst: str, parsed: tuple[date, Precision] | None) -> FxRate:
        if src == dst:
            return FxRate(from_currency=src, to_currency=dst, rate=1.0, period="-", source="same")
        src_period, dst_period = self._pick(src, parsed), self._pick(dst, parsed)
        rate = self._per_usd[dst][dst_period] / self._per_usd[src][src_period]
        if src_period == dst_period or "USD" in (src, dst):
            period = src_period if dst == "USD" else dst_period
        else:
            period = f"{src} {src_period}, {dst} {dst_period}"
        return FxRate(
            from_currency=src, to_currency=dst, rate=rate, period=period, source=self.source
        )


@cache
def default_rates() -> FxTable:
    """The rates shipped with aiclaims, loaded once."""
    return FxTable.load()
