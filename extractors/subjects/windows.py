"""Which stretches of a body need segmenter tokens: only those where a token rule can fire.

Two shape rules read tokens (:mod:`extractors.subjects.shapes`): a Chinese word glued
to a version (``通义千问2.5``) and a word glued to an organization suffix (``某某科技``).
Both need a Chinese character directly followed by a version or a suffix, which plain
text shows without segmenting.  jieba and rjieba cut every run of Chinese, Latin letters,
digits and ``+#&._%-`` on its own ("a run" below), so a run segmented alone gives exactly
the tokens it gets inside the whole body.  A window is the run around each trigger plus
the one character after it (the rule looks at the token after a version): segmenting
only those windows changes no mention and spares the segmenter most of the text.

The stem rule also accepts a word this body already gave a dotted version ("文心4.5",
then "文心X1"): :meth:`TokenWindows.spans_for_seen` adds the windows such words reach.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from extractors.subjects.gazetteer import Gazetteer
from extractors.subjects.shapes import dotted_words

Span = tuple[int, int]

_CJK = r"[\u4e00-\u9fff]"
# A dotted version glued to Chinese: "千问2.5", "文心V4" (a superset: "增长2.5倍" too).
_DOTTED_AFTER_CJK = re.compile(_CJK + r"(?:[Vv]\d|\d+\.\d)")


# A run either segmenter cuts on its own: jieba's class, widened to rjieba's Han ranges, so
# a run's edges are edges for both.
_RUN = re.compile(
    "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1fa-zA-Z0-9+#&._%\\-]*"
)


class TokenWindows:
    """The trigger patterns of one gazetteer (built once per extractor)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        suffixes = "|".join(re.escape(s) for s in gazetteer.org_suffixes)
        triggers = [_DOTTED_AFTER_CJK.pattern]
        if suffixes:
            triggers.append(f"{_CJK}(?:{suffixes})")
        if gazetteer.stems:
            triggers.append(_stem_pattern(gazetteer.stems))
        self._trigger = re.compile("|".join(triggers))
        self._gazetteer = gazetteer

    def spans(self, text: str) -> list[Span]:
        """The windows (start, end) of ``text`` in which a token rule may fire, ascending."""
        return _windows(text, self._trigger)

    def spans_for_seen(
        self, text: str, tokens: Sequence[tuple[int, str]], done: Sequence[Span]
    ) -> list[Span]:
        """Windows not in ``done`` reached by a word ``tokens`` show with a dotted version."""
        seen = dotted_words(tokens, self._gazetteer) - self._gazetteer.stems.keys()
        if not seen:
            return []
        taken = set(done)
        return [w for w in _windows(text, re.compile(_stem_pattern(seen))) if w not in taken]


def _windows(text: str, trigger: re.Pattern[str]) -> list[Span]:
    """The run around each match of ``trigger``, and the character after it."""
    windows: list[Span] = []
    backwards = ""
    size = len(text)
    for m in trigger.finditer(text):
        if windows and m.start() < windows[-1][1]:
            continue  # inside the window of an earlier match
        backwards = backwards or text[::-1]
        run = _RUN.match(backwards, size - m.start())
        start = size - run.end() if run else m.start()
        after = _RUN.match(text, m.end())
        end = min((after.end() if after else m.end()) + 1, size)
        windows.append((start, end))
    return windows


def _stem_pattern(words: Iterable[str]) -> str:
    """A known stem glued to what may start a version ("昇腾910B", "文心X1")."""
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return rf"(?:{alternation})[A-Za-z]{{0,2}}\d"
