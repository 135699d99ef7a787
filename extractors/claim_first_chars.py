"""Metric cues by the characters their matches start with, to skip cues that cannot match.

Most metric cues are alternations of words ("营收|营业收入|收入"): a sentence holding
none of their first characters (营, 收) cannot match them.  One character-class search
per sentence (:func:`char_class`) then rules out most cues without running them.  The
first characters come from :func:`extractors.regex_facts.first_chars`; a cue whose first
characters are unknown is always run, so results never change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")

_MAX_ANSWERS = 4096


def char_class(chars: frozenset[str]) -> re.Pattern[str]:
    """A pattern matching any one of ``chars``."""
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


class FirstCharIndex(Generic[T]):
    """Items by the characters their regex matches start with: given the characters a
    sentence holds, the items that may match it, in input order."""

    def __init__(self, items: Sequence[T], firsts: Sequence[frozenset[str] | None]) -> None:
        self.items: tuple[T, ...] = tuple(items)  # all items, in input order (read often)
        self._always = frozenset(i for i, first in enumerate(firsts) if first is None)
        by_char: dict[str, list[int]] = {}
        for i, first in enumerate(firsts):
            for char in first or ():
                by_char.setdefault(char, []).append(i)
        self._by_char = {char: tuple(found) for char, found in by_char.items()}
        # Answers by the set of characters present: sentences share few such sets.
        self._answers: dict[frozenset[str], list[T]] = {}

    def __len__(self) -> int:
        return len(self.items)

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
        return [self.items[i] for i in sorted(picked)]
