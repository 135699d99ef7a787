"""Alternations of words tried longest first.

Python's ``a|b`` takes the first alternative that matches, not the longest: "个" would
win over "个百分点" were it listed first. Every word list the extractor turns into a
pattern goes through here, so the order is decided in one place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def longest_first(words: Iterable[str], *, escape: bool = True) -> str:
    """``words`` as one alternation (no group around it), the longest tried first.

    ``escape=False`` takes the words as regular-expression fragments; equal lengths keep
    their given order.
    """
    ordered = sorted((w for w in words if w), key=len, reverse=True)
    return "|".join(re.escape(w) for w in ordered) if escape else "|".join(ordered)


def word_pattern(words: Iterable[str], *, escape: bool = True) -> re.Pattern[str]:
    """A compiled :func:`longest_first` alternation; one that never matches when there
    are no words."""
    alternation = longest_first(words, escape=escape)
    return re.compile(alternation) if alternation else re.compile("(?!)")
