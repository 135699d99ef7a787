"""Many marker patterns asked at once: "does any of them match this line?".

The marker tables hold a few dozen small regular expressions.  Asking them one
by one costs a pass over the line each; one big alternation is worse still for
``search`` (Python's ``re`` loses its fast scan for a literal start).  So:

* patterns anchored at the line start ('^…') are joined into one pattern and
  tried once at position 0 (``match``), where each alternative fails at once
  (:class:`MatchSet`, also used for the tables that are only ever matched); only
  those the line's first character can open are joined (read from the parsed
  pattern too);
* every other pattern is searched on its own, but first a cheap scan for the
  literal text it cannot match without (the '粉丝|获赞' of '\\d+\\s*(粉丝|获赞)')
  rules most lines out.  The required literals are read from the parsed
  pattern (:mod:`extractors.regex_facts`), so this holds for any pattern added
  to the data.

The answers are exactly those of ``any(re.search(p, line) for p in patterns)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from extractors.regex_facts import (
    anchored_at_start,
    fast_start,
    never_empty,
    opening_class,
    opens_with_literal,
    required_words,
)

_GLOBAL_FLAGS = re.compile(r"^\(\?([aiLmsux]+)\)")
# group references change meaning once groups of other patterns come first
_GROUP_REFERENCE = re.compile(r"\\[1-9]|\\g<|\(\?P=|\(\?\(")


def _combine(patterns: list[str]) -> re.Pattern[str] | None:
    """One pattern matching where any of ``patterns`` matches.

    Leading global flags ('(?i)notice') become scoped to their own alternative.
    """
    parts = []
    for pattern in patterns:
        flags = _GLOBAL_FLAGS.match(pattern)
        if flags:
            parts.append(f"(?{flags[1]}:{pattern[flags.end() :]})")
        else:
            parts.append(f"(?:{pattern})")
    try:
        return re.compile("|".join(parts)) if parts else None
    except re.error:  # e.g. one group name used by two patterns
        return None


class MatchSet:
    """Answers ``any(p.match(line) for p in patterns)`` by one combined pattern.

    Only the patterns a line's first character can open are combined and tried: a
    pattern that never matches empty and whose matches all open with a character of its
    :func:`~extractors.regex_facts.opening_class` cannot match a line opening otherwise.
    The combined pattern of each such choice is made once per first character.
    """

    def __init__(self, patterns: Iterable[str]) -> None:
        patterns = list(patterns)
        joinable = [p for p in patterns if not _GROUP_REFERENCE.search(p)]
        if _combine(joinable) is None:
            joinable = []
        self._others = tuple(re.compile(p) for p in patterns if p not in joinable)
        self._openings = tuple((p, _opening(p)) for p in joinable)
        self._by_first: dict[str, re.Pattern[str] | None] = {}
        self._by_choice: dict[tuple[str, ...], re.Pattern[str] | None] = {}

    def match(self, line: str) -> bool:
        first = line[:1]
        combined = self._by_first.get(first, _UNSEEN)
        if combined is _UNSEEN:
            combined = self._combined_for(first)
        if combined is not None and combined.match(line):
            return True
        return bool(self._others) and any(p.match(line) for p in self._others)

    def _combined_for(self, first: str) -> re.Pattern[str] | None:
        """The patterns a line opening with ``first`` (a character, or '' for an empty
        line) may match, combined."""
        choice = tuple(
            p for p, opening in self._openings if opening is None or opening.match(first)
        )
        if choice not in self._by_choice:
            self._by_choice[choice] = _combine(list(choice))
        combined = self._by_choice[choice]
        if len(self._by_first) < _MAX_FIRST_CHARS:
            self._by_first[first] = combined
        return combined


_UNSEEN = re.compile("")  # (a marker: no combined pattern is this object)
_MAX_FIRST_CHARS = 8192  # first characters remembered per set (a bound, never reached in news)


def _opening(pattern: str) -> re.Pattern[str] | None:
    """The class every match of ``pattern`` at a string start opens with, when ``pattern``
    never matches empty (else None: the pattern is tried on every line)."""
    flags = _GLOBAL_FLAGS.match(pattern)
    head, body = (f"(?{flags[1]})", pattern[flags.end() :]) if flags else ("", pattern)
    anchored = f"{head}^(?:{body})"
    return opening_class(anchored) if never_empty(anchored) else None


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


def required_text(pattern: str) -> re.Pattern[str] | None:
    """A quick scan that fails on every string ``pattern`` cannot be found in (or None
    when no such scan is known or it would not save anything: ``re`` finds the
    pattern's possible starts quickly on its own)."""
    if fast_start(pattern):
        return None
    return word_scan(required_words(pattern))


class PatternSet:
    """Answers ``any(p.search(line) for p in patterns)`` with less work per line."""

    def __init__(self, patterns: Iterable[str]) -> None:
        anchored: list[str] = []
        free: list[tuple[re.Pattern[str] | None, re.Pattern[str]]] = []
        gate_words: set[str] | None = set()
        for pattern in patterns:
            if anchored_at_start(pattern):
                anchored.append(pattern)
                continue
            free.append((required_text(pattern), re.compile(pattern)))
            words = required_words(pattern)
            gate_words = None if words is None or gate_words is None else gate_words | words
        self._anchored = MatchSet(anchored)
        # one scan for the words of all the unanchored patterns: a line without any
        # of them matches none of those patterns (worth it for a lone pattern too, but
        # one opening with a literal, which re finds as fast)
        lone_literal = len(free) == 1 and opens_with_literal(free[0][1].pattern)
        self._gate = word_scan(gate_words) if free and not lone_literal else None
        self._free = tuple(free)

    def search(self, line: str) -> bool:
        if self._anchored.match(line):
            return True
        if self._gate is not None and self._gate.search(line) is None:
            return False
        for required, pattern in self._free:
            if required is not None and required.search(line) is None:
                continue
            if pattern.search(line):
                return True
        return False
