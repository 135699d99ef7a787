"""Marker tables asked as one: "does any of these patterns match this line?", and
literal word scans.

The marker tables (data/cleaning_markers.toml) hold a few dozen small regular
expressions; a line is furniture, a stop line... when any of its table's patterns
matches it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


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


def literal_trie(words: Iterable[str]) -> str:
    """A pattern matching any of ``words`` literally, shared prefixes factored out
    ('ab|ac' → 'a(?:b|c)'): ``re`` then tries a handful of alternatives per position
    instead of every word.  Only for asking whether (or where) some word occurs."""
    groups: dict[str, list[str]] = {}
    ends_here = False
    for word in words:
        if word:
            groups.setdefault(word[0], []).append(word[1:])
        else:
            ends_here = True
    alternatives = [re.escape(ch) + literal_trie(rest) for ch, rest in sorted(groups.items())]
    if not alternatives:
        return ""
    body = "|".join(alternatives)
    if ends_here:
        return f"(?:{body})?"
    return f"(?:{body})" if len(alternatives) > 1 else body


def word_scan(words: Iterable[str] | None) -> re.Pattern[str] | None:
    """One pattern finding any of ``words`` (None when there are none)."""
    return None if not words else re.compile(literal_trie(words))
