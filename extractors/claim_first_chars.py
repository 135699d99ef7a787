"""The characters a regex match can start with, to skip regexes that cannot match.

Most metric cues are alternations of words ("营收|营业收入|收入"): a sentence holding
none of their first characters (营, 收) cannot match them. One character-class search per
sentence then rules out most cues without running them. The analysis reads the parsed
pattern; when it cannot tell (classes such as ``\\d``, ``.``, case folding, patterns that
may match empty) it gives None and the cue is always run, so results never change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, Generic, TypeVar

T = TypeVar("T")

# Character ranges wider than this are not spelled out (the cue is then always run).
_MAX_RANGE = 256
_MAX_ANSWERS = 4096
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_STRING_START = ((sre.AT, sre.AT_BEGINNING), (sre.AT, sre.AT_BEGINNING_STRING))
# Character categories as they are written inside a class; kept among first characters as
# these escapes (first_chars gives None when one is there: it cannot spell them out).
_CATEGORY_ESCAPE = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_ESCAPES = frozenset(_CATEGORY_ESCAPE.values())
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


class _Unknown(Exception):
    """The pattern holds a construct whose first characters are not worked out."""


def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Every match of ``pattern``, anywhere in any string, starts with one of these
    characters; None when that set cannot be told or the pattern may match empty."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        chars, nullable = _sequence(list(parsed))
    except (_Unknown, re.error, RecursionError):
        return None
    if nullable or not chars or any(c in _ESCAPES for c in chars):
        return None  # may match empty, or a class such as \d is among the first characters
    return frozenset(chars)


def opening_class(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """For a pattern anchored at the string start (a leading ``^`` or ``\\A``, no
    MULTILINE): a one-character pattern that every non-empty match's first character
    matches. A string whose first character it does not match gets at most an empty
    match from ``pattern``. None when the pattern is not so anchored or the characters
    cannot be told."""
    if pattern.flags & (re.IGNORECASE | re.MULTILINE):
        return None
    try:
        parsed = list(_parser.parse(pattern.pattern, pattern.flags))
        if not parsed or parsed[0] not in _STRING_START:
            return None
        chars, _nullable = _sequence(parsed[1:])
    except (_Unknown, re.error, RecursionError):
        return None
    if not chars:
        return None
    parts = sorted(c if c in _ESCAPES else re.escape(c) for c in chars)
    return re.compile("[" + "".join(parts) + "]", pattern.flags & re.ASCII)


def _sequence(items: list[tuple[Any, Any]]) -> tuple[set[str], bool]:
    """First characters of items matched one after another, and whether all may be empty."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _item(op, av)
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _item(op: Any, av: Any) -> tuple[set[str], bool]:
    if op is sre.LITERAL:
        return {chr(av)}, False
    if op is sre.IN:
        return _char_class(av), False
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & sre.SRE_FLAG_IGNORECASE:
            raise _Unknown
        return _sequence(list(sub))
    if op is sre.BRANCH:
        _unused, branches = av
        out: set[str] = set()
        nullable = False
        for branch in branches:
            chars, empty = _sequence(list(branch))
            out |= chars
            nullable = nullable or empty
        return out, nullable
    if op in _REPEATS:
        low, _high, sub = av
        chars, nullable = _sequence(list(sub))
        return chars, nullable or low == 0
    if op in _ZERO_WIDTH:
        return set(), True  # consumes nothing: the match starts with what follows
    raise _Unknown


def _char_class(items: list[tuple[Any, Any]]) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            out.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] <= _MAX_RANGE:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is sre.CATEGORY and av in _CATEGORY_ESCAPE:
            out.add(_CATEGORY_ESCAPE[av])
        else:  # negated class, wide range
            raise _Unknown
    return out


def char_class(chars: frozenset[str]) -> re.Pattern[str]:
    """A pattern matching any one of ``chars``."""
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


class FirstCharIndex(Generic[T]):
    """Items by the characters their regex matches start with: given the characters a
    sentence holds, the items that may match it, in input order."""

    def __init__(self, items: Sequence[T], firsts: Sequence[frozenset[str] | None]) -> None:
        self._items = tuple(items)
        self._always = frozenset(i for i, first in enumerate(firsts) if first is None)
        by_char: dict[str, list[int]] = {}
        for i, first in enumerate(firsts):
            for char in first or ():
                by_char.setdefault(char, []).append(i)
        self._by_char = {char: tuple(found) for char, found in by_char.items()}
        # Answers by the set of characters present: sentences share few such sets.
        self._answers: dict[frozenset[str], list[T]] = {}

    @property
    def items(self) -> tuple[T, ...]:
        """All items, in input order."""
        return self._items

    def __len__(self) -> int:
        return len(self._items)

    def candidates(self, present: frozenset[str]) -> list[T]:
        found = self._answers.get(present)
        if found is None:
            found = self._candidates(present)
            if len(self._answers) >= _MAX_ANSWERS:
                self._answers.clear()
            self._answers[present] = found
        return found

    def _candidates(self, present: Iterable[str]) -> list[T]:
        picked = set(self._always)
        for char in present:
            found = self._by_char.get(char)
            if found:
                picked.update(found)
        return [self._items[i] for i in sorted(picked)]
