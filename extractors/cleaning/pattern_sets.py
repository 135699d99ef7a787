"""Many marker patterns asked at once: "does any of them match this line?".

The marker tables hold a few dozen small regular expressions.  Asking them one
by one costs a pass over the line each; one big alternation is worse still for
``search`` (Python's ``re`` loses its fast scan for a literal start).  So:

* patterns anchored at the line start ('^…') are joined into one pattern and
  tried once at position 0 (``match``), where each alternative fails at once
  (:class:`MatchSet`, also used for the tables that are only ever matched);
* every other pattern is searched on its own, but first a cheap scan for the
  literal text it cannot match without (the '粉丝|获赞' of '\\d+\\s*(粉丝|获赞)')
  rules most lines out.  The required literals are read from the parsed
  pattern, so this holds for any pattern added to the data.

The answers are exactly those of ``any(re.search(p, line) for p in patterns)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

try:  # the stdlib's own pattern parser (private, stable in CPython 3.11+)
    from re import _constants as sre_constants
    from re import _parser as sre_parser
except ImportError:  # pragma: no cover - other interpreters: no shortcuts, same answers
    sre_constants = sre_parser = None  # type: ignore[assignment]

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
    """Answers ``any(p.match(line) for p in patterns)`` by one combined pattern."""

    def __init__(self, patterns: Iterable[str]) -> None:
        patterns = list(patterns)
        joinable = [p for p in patterns if not _GROUP_REFERENCE.search(p)]
        self._combined = _combine(joinable)
        if self._combined is None:
            joinable = []
        self._others = tuple(re.compile(p) for p in patterns if p not in joinable)

    def match(self, line: str) -> bool:
        if self._combined is not None and self._combined.match(line):
            return True
        return bool(self._others) and any(p.match(line) for p in self._others)


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


def _parse(pattern: str) -> Any:
    if sre_parser is None:
        return None
    try:
        return sre_parser.parse(pattern)
    except re.error:
        return None


def _is_anchored(parsed: Any) -> bool:
    """The pattern can only match at the start of the string."""
    if parsed is None or parsed.state.flags & re.MULTILINE or not len(parsed.data):
        return False
    op, av = parsed.data[0]
    return op is sre_constants.AT and av is sre_constants.AT_BEGINNING


def _words_in_sequence(items: list) -> set[str] | None:
    """Literal strings one of which every match of this sequence contains (the
    most selective such set found), or None."""
    best: set[str] | None = None
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is sre_constants.LITERAL:
            run.append(chr(av))
            continue
        candidates = [{"".join(run)}] if run else []
        run = []
        if op is not None:
            candidates.append(_words_in_item(op, av))
        for words in candidates:
            if not words or "" in words:
                continue
            if best is None or min(map(len, words)) > min(map(len, best)):
                best = words
    return best


def _words_in_item(op: Any, av: Any) -> set[str] | None:
    if op is sre_constants.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return None if add_flags & re.IGNORECASE else _words_in_sequence(list(sub.data))
    if op is sre_constants.BRANCH:
        words: set[str] = set()
        for alternative in av[1]:
            found = _words_in_sequence(list(alternative.data))
            if found is None:
                return None
            words |= found
        return words
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and av[0] >= 1:
        return _words_in_sequence(list(av[2].data))
    return None


def _required_words(parsed: Any) -> set[str] | None:
    """Literal strings one of which every match of the pattern contains."""
    if parsed is None or parsed.state.flags & re.IGNORECASE:
        return None
    return _words_in_sequence(list(parsed.data))


def _starts_fast(items: list) -> bool:
    """``re`` itself scans quickly for where such a pattern can start: it begins with
    a literal, a character class, or alternatives that each begin with a literal."""
    if not items:
        return False
    op, av = items[0]
    if op in (sre_constants.LITERAL, sre_constants.IN):
        return True
    if op is sre_constants.SUBPATTERN:
        return _starts_fast(list(av[3].data))
    if op is sre_constants.BRANCH:
        return all(alt.data and alt.data[0][0] is sre_constants.LITERAL for alt in av[1])
    return False


def _scan_for(words: set[str] | None) -> re.Pattern[str] | None:
    return None if not words else re.compile(literal_trie(words))


def _required_literals(parsed: Any) -> re.Pattern[str] | None:
    """A scan for text every match must contain, when ``re`` would not find the
    pattern's possible starts quickly on its own."""
    if parsed is None or _starts_fast(list(parsed.data)):
        return None
    return _scan_for(_required_words(parsed))


def required_text(pattern: str) -> re.Pattern[str] | None:
    """A quick scan that fails on every string ``pattern`` cannot be found in (or None
    when no such scan is known or it would not save anything)."""
    return _required_literals(_parse(pattern))


class PatternSet:
    """Answers ``any(p.search(line) for p in patterns)`` with less work per line."""

    def __init__(self, patterns: Iterable[str]) -> None:
        anchored: list[str] = []
        free: list[tuple[re.Pattern[str] | None, re.Pattern[str]]] = []
        gate_words: set[str] | None = set()
        for pattern in patterns:
            parsed = _parse(pattern)
            if _is_anchored(parsed):
                anchored.append(pattern)
                continue
            free.append((_required_literals(parsed), re.compile(pattern)))  # see required_text
            words = _required_words(parsed)
            gate_words = None if words is None or gate_words is None else gate_words | words
        self._anchored = MatchSet(anchored)
        # one scan for the words of all the unanchored patterns: a line without any
        # of them matches none of those patterns
        self._gate = _scan_for(gate_words) if len(free) > 1 else None
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
