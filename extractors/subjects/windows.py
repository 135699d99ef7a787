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

from extractors.alternation import longest_first
from extractors.subjects.gazetteer import Gazetteer
from extractors.subjects.shapes import STOCK_CODE, dotted_words, generic_tail, measured_from

Span = tuple[int, int]

_CJK = r"[\u4e00-\u9fff]"
# A dotted version glued to Chinese: "千问2.5", "文心V4" (a superset: "增长2.5倍" too).
_DOTTED_AFTER_CJK = re.compile(_CJK + r"(?:[Vv]\d|\d+\.\d)")
# What a word glued to a version shows: two Chinese characters, then a letter or a digit.
_VERSION_GLUE = re.compile(rf"[A-Za-z\d](?<={_CJK}{{2}}.)")


# A run either segmenter cuts on its own: jieba's class, widened to rjieba's Han ranges, so
# a run's edges are edges for both.
_RUN = re.compile(
    "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1fa-zA-Z0-9+#&._%\\-]*"
)


class TokenWindows:
    """The trigger patterns of one gazetteer (built once per extractor)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        # A version trigger: a Chinese character glued to a dotted version, or a stem
        # glued to what may start a version.
        stems = f"|{_stem_pattern(gazetteer.stems)}" if gazetteer.stems else ""
        self._versions = re.compile(_DOTTED_AFTER_CJK.pattern + stems)
        self._suffixes = _suffix_pattern(gazetteer.org_suffixes)
        self._gazetteer = gazetteer

    def spans(self, text: str) -> list[Span]:
        """The windows (start, end) of ``text`` in which a token rule may fire, ascending.

        A trigger's window is left out when no rule can fire in it whatever its words.
        Each rule pairs a word of two to six Chinese characters with the word glued after
        it: a version, opening with a Latin letter or a digit, which must not be a number
        followed by a measure ("约为1.60亿", "增长2.5%": see
        :func:`~extractors.subjects.shapes.measured`); or an organization suffix not after
        的, 了 or a generic word ("这家公司").  Both are told from the text.  So a version
        trigger (a dotted version, or a stem) makes a window only if the window holds two
        Chinese characters followed by a letter or a digit, and a suffix makes one only
        where the organization rule accepts what precedes it.  A window left out holds no
        unmeasured dotted version glued to a word, so the words seen with one
        (:meth:`spans_for_seen`) are the same.
        """
        triggers = (m.span() for m in self._versions.finditer(text))
        versions = (t for t in triggers if not _measured_number(text, t))
        windows = {w for w in _windows(text, versions) if _VERSION_GLUE.search(text, *w)}
        gazetteer = self._gazetteer
        suffixes = (
            (at, at + 1)
            for m in self._suffixes.finditer(text)
            if not generic_tail(text, at := m.start(), gazetteer)
        )
        # a window is a run and the character after it: two triggers in a run give one
        windows.update(_windows(text, suffixes))
        # a stock code: the run before its bracket (the name is that run's last words)
        codes = ((m.start() - 1, m.start()) for m in STOCK_CODE.finditer(text))
        windows.update(_windows(text, codes))
        return sorted(windows)

    def spans_for_seen(
        self, text: str, tokens: Sequence[tuple[int, str]], done: Sequence[Span]
    ) -> list[Span]:
        """Windows not in ``done`` reached by a word ``tokens`` show with a dotted version."""
        seen = dotted_words(text, tokens, self._gazetteer) - self._gazetteer.stems.keys()
        if not seen:
            return []
        taken = set(done)
        # A plain alternation of words: the engine skips to their first characters itself.
        matches = (m.span() for m in re.compile(_stem_pattern(seen)).finditer(text))
        return [w for w in _windows(text, matches) if w not in taken]


def _measured_number(text: str, trigger: Span) -> bool:
    """A trigger of a Chinese character glued to a number that reads as a measure.

    Only dotted-version triggers qualify: their second character (after the Chinese one)
    opens the version, a V or a digit; suffix and stem triggers go on with Chinese.
    """
    start = trigger[0] + 1
    head = text[start]
    return (head in "Vv" or head.isdecimal()) and measured_from(text, start)


def _suffix_pattern(suffixes: Sequence[str]) -> re.Pattern[str]:
    """The first character of each of ``suffixes`` where it is glued after two Chinese
    characters and not after 的 or 了.  Only that character is consumed (the rest of the
    suffix is looked ahead at), so no occurrence hides another."""
    if not suffixes:
        return re.compile("(?!)")
    rests = "|".join(f"(?<={re.escape(s[0])})(?={re.escape(s[1:])})" for s in suffixes)
    heads = _char_class(s[0] for s in suffixes)
    return re.compile(rf"{heads}(?:(?<={_CJK}{{2}}.)(?<![的了].)(?:{rests}))")


def _char_class(chars: Iterable[str]) -> str:
    return f"[{''.join(re.escape(c) for c in sorted(set(chars)))}]"


def _windows(text: str, matches: Iterable[Span]) -> list[Span]:
    """The run around each match (its span), and the character after it."""
    windows: list[Span] = []
    backwards = ""
    size = len(text)
    for m_start, m_end in matches:
        if windows and m_start < windows[-1][1]:
            continue  # inside the window of an earlier match
        backwards = backwards or text[::-1]
        run = _RUN.match(backwards, size - m_start)
        start = size - run.end() if run else m_start
        after = _RUN.match(text, m_end)
        end = min((after.end() if after else m_end) + 1, size)
        windows.append((start, end))
    return windows


def _stem_pattern(words: Iterable[str]) -> str:
    """A known stem glued to what may start a version ("昇腾910B", "文心X1")."""
    return rf"(?:{longest_first(words)})[A-Za-z]{{0,2}}\d"
