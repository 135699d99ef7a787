"""Traditional → simplified Chinese that keeps offsets.

``to_simplified(text)[i]`` always corresponds to ``text[i]``: callers match
simplified gazetteer names on a traditional article and report offsets into the
original.  The text is converted in one OpenCC call (its phrase table picks
better characters, 瞭解 → 了解), kept when only Han characters changed in place.
Otherwise each run of Han characters is converted as a whole; when a run's
conversion changes its length the run is converted one character at a time
instead, and a character whose own conversion is not exactly one character is
left as it was.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import numpy
import opencc

_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]+")


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@lru_cache(maxsize=65536)
def _char_t2s(ch: str) -> str:
    out = _converter("t2s").convert(ch)
    return out if len(out) == 1 else ch


@lru_cache(maxsize=65536)
def _char_s2t(ch: str) -> str:
    out = _converter("s2t").convert(ch)
    return out if len(out) == 1 else ch


def _run_t2s(run: str) -> str:
    out = _converter("t2s").convert(run)
    if len(out) == len(run):
        return out
    return "".join(_char_t2s(ch) for ch in run)


def to_simplified(text: str) -> str:
    """Simplified-script copy of ``text`` with exactly the same length and offsets, its
    hyphen look-alikes ("GLM‑4.5" with U+2011) made ASCII hyphens as names spell them."""
    if not text:
        return text
    whole = _converter("t2s").convert(text)
    if not _aligned(text, whole):  # (rare) a conversion moved text: convert run by run
        whole = _HAN_RUN.sub(lambda m: _run_t2s(m.group(0)), text)
    return to_ascii_hyphens(whole)


_HYPHENS = {0x2010: "-", 0x2011: "-"}  # hyphen, non-breaking hyphen
_HYPHEN_LIKE = re.compile("[\u2010\u2011]")


def to_ascii_hyphens(text: str) -> str:
    """``text`` with its hyphen look-alikes made ASCII hyphens (same length)."""
    return text.translate(_HYPHENS) if _HYPHEN_LIKE.search(text) else text


def _aligned(text: str, converted: str) -> bool:
    """Same length, and every character outside the Han ranges is where it was: then no
    conversion moved text (one lengthening and one shortening would move what lies
    between them), which is what converting run by run guarantees."""
    if converted == text:
        return True  # a simplified body: nothing converted
    if len(converted) != len(text):
        return False
    before = numpy.frombuffer(text.encode("utf-32-le"), dtype=numpy.uint32)
    after = numpy.frombuffer(converted.encode("utf-32-le"), dtype=numpy.uint32)
    # every changed character is a Han one: the same as every other character unchanged
    changed = before[before != after]
    han = (
        ((changed >= 0x3400) & (changed <= 0x9FFF))
        | ((changed >= 0xF900) & (changed <= 0xFAFF))
        | ((changed >= 0x20000) & (changed <= 0x2FFFF))
    )
    return bool(han.all())


def is_traditional(text: str, *, min_chars: int = 2) -> bool:
    """Heuristic: more traditional-only than simplified-only characters.

    A character is traditional-only when t2s changes it and simplified-only when
    s2t changes it; characters shared by both scripts are ignored.  Needs at
    least ``min_chars`` traditional-only characters so a stray 著 or 於 in a
    simplified article does not flip the verdict.
    """
    traditional = simplified = 0
    for m in _HAN_RUN.finditer(text):
        for ch in m.group(0):
            if _char_t2s(ch) != ch:
                traditional += 1
            elif _char_s2t(ch) != ch:
                simplified += 1
    return traditional >= min_chars and traditional > simplified
