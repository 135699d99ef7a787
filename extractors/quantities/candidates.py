"""Turning one MASTER match into a Candidate: numeral value, guards, unit and qualifier."""

from __future__ import annotations

import re
from typing import NamedTuple

from .guards import glued_after, glued_before, is_date_or_time, is_word_not_number
from .numeral_spans import SHAPE_NUMBER, longest_numeral, numeral_value, read_numeral
from .numerals import BIG_UNITS
from .patterns import LEX
from .qualifiers import qualifier_after, qualifier_before
from .units import UnitReading, read_unit

# Numeral characters a unit word may open: 兆瓦, 千瓦, 千克.
_UNIT_HEADS = frozenset(BIG_UNITS) | {"千", "百"}
_PCT_DEN = {"百": 1, "佰": 1, "千": 0.1, "仟": 0.1, "万": 0.01, "百万": 1e-4}
_PCT_DEN |= {"千万": 1e-5, "万万": 1e-6, "百万万": 1e-8}


class Candidate(NamedTuple):
    """A quantity the finder read, before it becomes a :class:`Quantity` (ranges are
    merged from two of these, so the numeral and its raw reading are kept)."""

    start: int
    end: int
    value: float
    value_max: float | None
    unit: str | None
    kind: str
    qualifier: str
    numeral: str
    """The numeral as written (for a range: the low end's)."""
    raw: float
    """The numeral's value before the unit's scale."""
    scale: float
    """What the unit multiplies the numeral by (万美元: 1e4)."""


def read_match(text: str, m: re.Match[str]) -> Candidate | None:
    """The quantity a MASTER match stands for, or None when the guards reject it."""
    kind = m.lastgroup
    if kind == "plain":
        return read_plain(text, m.start(), m.group("sym"), m.start("num"), m.group("num"))
    start, end = m.span()
    if kind == "pct":
        value, _, used = longest_numeral(m.group("pnum"))
        if value is None:
            return None
        end = m.start("pnum") + used
        factor = _PCT_DEN[m.group("pden")]
        numeral = m.group(0)
        qualifier = _qualifier_around(text, start, end)
        return Candidate(
            start, end, value * factor, None, "%", "percent", qualifier, numeral, value, factor
        )
    if kind in ("frac", "slash"):
        value, _ = numeral_value(m, m.group(0))
        if value is None:
            return None
        qualifier = _qualifier_around(text, start, end)
        if m.group("fwhole" if kind == "frac" else "sw"):
            return Candidate(
                start, end, value, None, None, "number", qualifier, m.group(0), value, 1.0
            )
        pct = value * 100
        return Candidate(start, end, pct, None, "%", "fraction", qualifier, m.group(0), pct, 1.0)
    if kind == "fan":
        value, _ = numeral_value(m, m.group(0))
        return Candidate(
            start, end, value or 2.0, None, "x", "dimension", "exact", m.group(0), 0.0, 1.0
        )
    found = read_unit(text, end, None)  # half: 半成, 半折, 打对折
    if found is None:
        return None
    reading, unit_end = found
    value = 50.0 if text[end] == "折" or m.group(0) == "对" else 0.5 * reading.factor
    qualifier = _qualifier_around(text, start, unit_end)
    return Candidate(
        start, unit_end, value, None, "%", "percent", qualifier, "半", 0.5, reading.factor
    )


def read_plain(text: str, start: int, sym: str | None, n_start: int, num: str) -> Candidate | None:
    """read_match for the commonest kind, a numeral with or without a currency symbol: a
    "plain" match at ``start``, its groups ``sym`` and ``num`` (at ``n_start``)."""
    prev = text[n_start - 1] if n_start else ""
    if sym is None and glued_before(text, n_start):
        return None  # H800, GPT-4: whatever follows, part of a name
    value, value_max, used, shape, loose = read_numeral(num)
    if value is None:
        return None
    n_end = n_start + used
    if sym is None and used >= 2 and text[n_end - 1] in _UNIT_HEADS:
        found = read_unit(text, n_end - 1, None)
        if found is not None and found[1] > n_end:
            # 150兆瓦, 二十五千瓦: the last numeral character (兆, 千) begins a unit word, not
            # a multiplier.
            value, value_max, used, shape, loose = read_numeral(text[n_start : n_end - 1])
            if value is None:
                return None
            n_end = n_start + used
    numeral = num if used == len(num) else text[n_start:n_end]  # num is text from n_start
    if shape == SHAPE_NUMBER:
        if prev == "第":
            return None  # 第2024: an ordinal
    elif is_word_not_number(text, n_start, n_end, numeral.lstrip("-负"), shape):
        return None
    if sym is None:
        if is_date_or_time(text, n_start, n_end, numeral, value):
            return None
        found = read_unit(text, n_end, None)
        if found is None:
            if glued_after(text, n_start, n_end):
                return None  # 4o, 25th, Llama 3
        elif found[0].unit == "CNY":
            found = _prefixed_currency(text, n_start, found[0]), found[1]
    else:
        found = read_unit(text, n_end, LEX.symbols[sym])
    reading, end = (None, n_end) if found is None else found
    if value_max is not None:
        qualifier = "range"
    elif loose:
        qualifier = "more_than"
    else:
        qualifier = _qualifier_around(text, start, end)
    if reading is None:
        return Candidate(
            start, end, value, value_max, None, "number", qualifier, numeral, value, 1.0
        )
    raw = value + (0.5 if reading.half else 0.0)
    scale = reading.factor
    if raw >= 10 and text.startswith("折", end - 1):
        if raw == 10:
            return None  # 十折 is no discount at all
        scale = 1.0  # 75折, 五五折: two digits already give the percentage
    return Candidate(
        start,
        end,
        raw * scale + reading.offset,
        None if value_max is None else value_max * scale,
        reading.unit,
        reading.kind,
        qualifier,
        numeral,
        raw,
        scale,
    )


def _prefixed_currency(text: str, start: int, reading: UnitReading) -> UnitReading:
    """新台币2,296亿元: a currency name just before the amount overrides the generic 元."""
    before = text[max(0, start - 6) : start].rstrip(" 约近超逾")
    for name, iso in LEX.prefixes.items():
        if before.endswith(name):
            return reading.with_unit(iso)
    return reading


def _qualifier_around(text: str, start: int, end: int) -> str:
    """The qualifier written just before ``start`` or else just after ``end``, or "exact"."""
    if (before := qualifier_before(text, start)) is not None:
        return before
    if (after := qualifier_after(text, end)) is not None:
        return after[0]
    return "exact"
