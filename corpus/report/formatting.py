"""How values, dates and links appear on the report page (plain text: the templates escape it)."""

from __future__ import annotations

import contextlib
import os
from datetime import datetime
from pathlib import Path
from urllib.parse import quote, urlsplit

from corpus.compare.periods import news_day

CHINESE_SCALES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))
#: Units that read better left out after a number.
SILENT_UNITS = frozenset({"count", ""})
QUALIFIER_SIGNS = {
    "exact": "",
    "approx": "≈",
    "more_than": ">",
    "at_least": "≥",
    "less_than": "<",
    "at_most": "≤",
    "up_to": "≤",
    "range": "",
}
SAFE_SCHEMES = frozenset({"http", "https"})


def format_number(value: float) -> str:
    """557.6万, 6710亿, 3.29万亿, 2048, 0.14: compact, the way the articles write numbers."""
    for scale, name in CHINESE_SCALES:
        if abs(value) >= scale:
            return f"{value / scale:.4g}{name}"
    return f"{value:.4g}" if abs(value) >= 1 else f"{value:.3g}"


def with_unit(text: str, unit: str) -> str:
    return text if unit in SILENT_UNITS else f"{text} {unit}"


def format_value(
    value: float, unit: str = "", qualifier: str = "exact", value_max: float | None = None
) -> str:
    """``557.6万 USD``, ``≈3万亿 USD``, ``500万–600万 USD``, ``>100万``."""
    text = format_number(value)
    if value_max is not None and value_max != value:
        text = f"{text}–{format_number(value_max)}"
    return with_unit(QUALIFIER_SIGNS.get(qualifier, "") + text, unit)


def format_date(when: datetime | None) -> str:
    """The day an article was published where it was published (UTC+8), with its year."""
    return news_day(when).isoformat() if when else "未注明日期"


def format_change(change: float | None) -> str:
    """+47%, −12%, ×12.5 for large rises."""
    if change is None:
        return "—"
    if change >= 4:
        return f"×{change + 1:.3g}"
    sign = "+" if change >= 0 else "−"
    return f"{sign}{abs(change):.0%}"


def format_time(when: datetime | None) -> str:
    return when.strftime("%Y-%m-%d %H:%M UTC") if when else "—"


def safe_href(url: str | None, location: str | None, out_dir: Path | None = None) -> str | None:
    """A link target that cannot run code: an http(s) URL, or a local file as a relative path.

    Anything with another scheme (``javascript:``, ``data:``, ``file:``...) gets no link.
    A local ``location`` is made relative to the folder the report is written to.
    """
    for candidate in (url, location):
        if not candidate or any(ch in candidate for ch in "\r\n\t\x00"):
            continue
        candidate = candidate.strip()
        parts = urlsplit(candidate)
        if parts.scheme.lower() in SAFE_SCHEMES and parts.netloc:
            return candidate
        if parts.scheme or candidate.startswith("//"):
            continue
        return _relative_file_href(candidate, out_dir)
    return None


def _relative_file_href(location: str, out_dir: Path | None) -> str:
    path = Path(location)
    if out_dir is not None:
        absolute = path if path.is_absolute() else Path.cwd() / path
        with contextlib.suppress(ValueError):  # another drive on Windows: keep it as given
            path = Path(os.path.relpath(absolute, out_dir.resolve()))
    # Quoting turns any ":" into "%3A", so the href can never be read as a scheme.
    return quote(path.as_posix(), safe="/._-~")
