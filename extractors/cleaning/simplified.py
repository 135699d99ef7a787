"""Simplified-script copies of all of a page's lines in one converter call.

:func:`extractors.chinese_script.to_simplified` converts each run of Han
characters on its own, which costs one OpenCC call per run (about a hundred per
page).  Here the runs of every line are joined with newlines and converted in a
single call.  That gives exactly the per-run results: OpenCC dictionaries are
line-based text, so no dictionary key holds a newline and no phrase can match
across the joins.  A run whose conversion changes length goes through
``to_simplified`` itself, which then converts it character by character.
"""

from __future__ import annotations

import re
from functools import cache

import opencc

from extractors.chinese_script import to_simplified

# the same runs chinese_script converts
_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+")


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def simplified_lines(lines: list[str]) -> list[str]:
    """``[to_simplified(line) for line in lines]``, computed in one converter call.

    Lines must not contain newlines (normalised page lines never do).
    """
    text = "\n".join(lines)
    runs = _HAN_RUN.findall(text)
    if not runs:
        return list(lines)
    joined = "\n".join(runs)
    converted = _t2s().convert(joined)
    if converted == joined:
        return list(lines)
    pieces = converted.split("\n")
    if len(pieces) != len(runs):  # not expected; stay exact whatever happens
        return [to_simplified(line) for line in lines]
    gaps = _HAN_RUN.split(text)
    out: list[str] = []
    for gap, run, piece in zip(gaps, runs, pieces, strict=False):
        out.append(gap)
        out.append(piece if len(piece) == len(run) else to_simplified(run))
    out.append(gaps[-1])
    return "".join(out).split("\n")
