"""Qualifier words around a quantity: 约, 超过, 不到, 高达 before; 左右, 以上, + after."""

from __future__ import annotations

import re

from extractors.alternation import longest_first

from .lexicon import load_lexicon

_LEX = load_lexicon()
_BEFORE = re.compile("(?:" + longest_first(_LEX.before, escape=False) + r")[ ]?\Z")
_AFTER = re.compile(r"[ ]?(?:左右|上下|以上|以下|以内|\+|(?:多|余)(?![\u4e00-\u9fff]))")


def qualifier_before(text: str, start: int) -> str | None:
    """The qualifier written just before ``start``, if any."""
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
    m = _AFTER.match(text, end)
    if m is None:
        return None
    return _LEX.after[m.group(0).strip()], m.end()
