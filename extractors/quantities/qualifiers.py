"""Qualifier words around a quantity: 约, 超过, 不到, 高达 before; 左右, 以上, + after."""

from __future__ import annotations

import re

from .lexicon import load_lexicon

_LEX = load_lexicon()
_BEFORE = re.compile("(?:" + "|".join(sorted(_LEX.before, key=len, reverse=True)) + r")[ ]?\Z")
# The last character of a qualifier before / first after: callers in a hot loop test these
# before calling.
BEFORE_LAST = frozenset(w[-1] for w in _LEX.before) | {" "}
AFTER_FIRST = frozenset("左上以+多余 ")
# Last character of a qualifier word -> the characters before it in a word ("" where it is
# a word alone): _BEFORE is only searched where one of the words can end.
_ENDINGS: dict[str, frozenset[str]] = {}
for _word in _LEX.before:
    _ENDINGS[_word[-1]] = _ENDINGS.get(_word[-1], frozenset()) | {_word[-2:-1]}
_AFTER = re.compile(r"[ ]?(?:左右|上下|以上|以下|以内|\+|(?:多|余)(?![\u4e00-\u9fff]))")


def qualifier_before(text: str, start: int) -> str | None:
    """The qualifier written just before ``start``, if any."""
    if not start or text[start - 1] not in BEFORE_LAST:
        return None
    end = start - 1 if text[start - 1] == " " else start  # where the word would end
    ending = _ENDINGS.get(text[end - 1]) if end else None
    if ending is None or ("" not in ending and text[end - 2 : end - 1] not in ending):
        return None  # no word ends there (end - 2 < 0: nothing before a last character)
    m = _BEFORE.search(text, max(0, start - 4), start)
    if m is None:
        return None
    word = m.group(0).strip()
    if word == "近" and m.start() and text[m.start() - 1] in _LEX.not_before_jin:
        return None
    if word == "超" and m.start() and text[m.start() - 1] in "高":
        return None
    return _LEX.before[word]


def qualifier_after(text: str, end: int) -> tuple[str, int] | None:
    """The qualifier written just after ``end`` and where it ends."""
    if text[end : end + 1] not in AFTER_FIRST:
        return None
    m = _AFTER.match(text, end)
    if m is None:
        return None
    return _LEX.after[m.group(0).strip()], m.end()
