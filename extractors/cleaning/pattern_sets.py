"""Marker tables asked as one: "does any of these patterns match this line?", and
literal word scans.

The marker tables (data/cleaning_markers.toml) hold a few dozen small regular
expressions; a line is furniture, a stop line... when any of its table's patterns
matches it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from extractors.alternation import word_pattern


class MatchSet:
    """Answers ``any(p.match(line) for p in patterns)``: patterns tried at the line start."""

    def __init__(self, patterns: Iterable[str]) -> None:
        self._patterns = tuple(re.compile(p) for p in patterns)

    def match(self, line: str) -> bool:
        return any(p.match(line) for p in self._patterns)


class PatternSet:
    """Answers ``any(p.search(line) for p in patterns)``: patterns found anywhere in the line."""

    def __init__(self, patterns: Iterable[str]) -> None:
        self._patterns = tuple(re.compile(p) for p in patterns)

    def search(self, line: str) -> bool:
        return any(p.search(line) for p in self._patterns)


def word_scan(words: Iterable[str] | None) -> re.Pattern[str] | None:
    """One pattern finding any of ``words`` (None when there are none); the longest
    word is tried first at each position."""
    if not words:
        return None
    return word_pattern(words)
