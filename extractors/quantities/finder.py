"""find_quantities: one regex pass over the text, then units, guards, qualifiers and ranges."""

from __future__ import annotations

import re

from extractors.models import Quantity

from .bare_per_thousand import with_bare_per_thousand
from .candidates import Candidate, read_match, read_plain
from .digitless import with_digitless_magnitudes, with_vague_multiples
from .english_scale import with_english_scale
from .guards import glued_to_name, is_word_not_number
from .numeral_spans import longest_numeral, numeral_value
from .numerals import BIG_UNITS, DIGITS, normalise
from .patterns import BIG_UNIT_TAIL, RANGE_LINK, URL
from .quantity_model import new_quantities
from .restated import with_restated_units
from .scanning import master_matches, numeral_spots
from .wan_shorthand import with_wan_shorthand

_PREFILTER = re.compile(r"[0-9" + "".join(DIGITS) + "十拾百佰千仟万亿翻半对]")
_MONEY_OR_DISCOUNT = re.compile(r"[ ]?(?:[美港日韩欧]?元|美刀|美金|人民币|折)")
_RANGE_GAP_MAX = 5  # the longest text RANGE_LINK accepts between two quantities
_FROM_BEFORE = re.compile(r"[从從由][ ]?(?:约|大约)?[ ]?$")
_CHANGE_WORDS = re.compile(
    r"增长|增加|增至|升至|上升|上涨|涨|跃升|跃迁|飙升|飞跃|跨越|跳升|提升|提高|扩大|扩展|降|跌|减|翻"
    r"|用了|花了|只用|仅用"
)


def _is_change(text: str, low: Candidate, high: Candidate) -> bool:
    """ "从A到B" with a word of change near it ("从1万亿美元到2万亿美元用了9个月", "从8K
    扩展到128K"): the value went from A to B. Without one ("从600亿至650亿美元") it is a
    range of estimates."""
    if not _FROM_BEFORE.search(text, max(0, low.start - 3), low.start):
        return False
    return (
        _CHANGE_WORDS.search(text, max(0, low.start - 8), min(len(text), high.end + 8)) is not None
    )  # what RANGE_LINK holds between its spaces


_BARE_UNITS = re.compile(r"[十百千万亿兆]+(?=\d)")


def _from_digits(text: str, n_start: int, num: str) -> Candidate | None:
    """The number of a numeral that reads as none because unit characters with no digit
    of their own stand before its Arabic digits ("每百万1.15美元": the units are the
    per-phrase's), read from its digits."""
    found = _BARE_UNITS.match(num)
    if found is None:
        return None
    at = n_start + found.end()
    return read_plain(text, at, None, at, num[found.end() :])


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text`` with its value in the CLAIMS.md base unit.

    Dates, times, phone numbers, ordinals (第一) and numbers inside names (H800, GPT-4o)
    are left out; a bare number keeps ``unit=None`` and ``kind="number"``.
    """
    norm = normalise(text)
    if _PREFILTER.search(norm) is None:
        return []
    found: list[Candidate] = []
    last_end = -1  # end of found[-1]
    blocked = _url_spans(norm)
    for start, numeral, m in numeral_spots(norm):
        if start < last_end:
            continue  # inside the unit or tail of the previous quantity (元1角1分)
        if blocked and any(s <= start < e for s, e in blocked):
            continue
        if m is None:  # a lone numeral
            cand = read_plain(norm, start, None, start, numeral)
        elif m.lastgroup == "plain":
            cand = read_plain(norm, start, m.group("sym"), m.start("num"), m.group("num"))
        else:
            cand = read_match(norm, m)
        if cand is None and m is not None and m.lastgroup == "plain" and m.group("sym") is None:
            cand = _from_digits(norm, m.start("num"), m.group("num"))
        if cand is None:
            continue
        near = found and cand.start - last_end <= _RANGE_GAP_MAX
        if near and _is_change(norm, found[-1], cand):
            # "从1万亿美元到2万亿美元用了9个月": two values in time, no range
            found[-1] = _change_from(norm, found[-1], cand)
            found.append(cand)
        elif near and (merged := _merge_range(norm, found[-1], cand)) is not None:
            found[-1] = cand = merged
        else:
            found.append(cand)
        last_end = cand.end
    # a numeral cut short before a digit ("1e30" of "1e309", too large to read) is none
    complete = [c for c in found if not _cut_short(norm, c.end)]
    quantities = with_english_scale(text, new_quantities(text, complete))
    quantities = with_bare_per_thousand(text, with_wan_shorthand(text, quantities))
    quantities = with_restated_units(norm, quantities)
    return with_vague_multiples(text, with_digitless_magnitudes(norm, quantities))


def _cut_short(text: str, end: int) -> bool:
    """A numeral ending in a digit right before another digit was cut short."""
    pair = text[end - 1 : end + 1]
    return len(pair) == 2 and pair.isdigit()


def _url_spans(text: str) -> list[tuple[int, int]]:
    if "//" not in text and "www." not in text:
        return []
    return [m.span() for m in URL.finditer(text)]


def find_numbers(text: str) -> list[Quantity]:
    """The numerals alone (no units, dates kept): 百分之五 gives 5, 五分之一 gives 0.2."""
    norm = normalise(text)
    out: list[Quantity] = []
    for m in master_matches(norm):
        kind = m.lastgroup
        if kind == "pct":
            start, end = m.span("pnum")
        elif kind == "plain":
            start, end = m.span("num")
        else:
            start, end = m.span()
        if kind in ("plain", "pct"):
            value, value_max, used = longest_numeral(norm[start:end])
            end = start + used
        else:
            value, value_max = numeral_value(m, norm[start:end])
        if value is None:
            continue
        numeral = norm[start:end]
        if kind == "plain":
            if is_word_not_number(norm, start, end, numeral.strip("-负")):
                continue
            if glued_to_name(norm, start, end, has_unit=False):
                continue
            if len(numeral) == 1 and _MONEY_OR_DISCOUNT.match(norm, end):
                continue  # the numeral of a money amount or discount, not a bare number
        if kind == "plain" and norm.startswith("打", end):
            value, end = value * 12, end + 1
        out.append(
            Quantity(
                text=text[start:end],
                start=start,
                end=end,
                value=value,
                value_max=value_max,
                kind="fraction" if kind in ("frac", "slash") else "number",
            )
        )
    return out


def _in_units_of(low: Candidate, high: Candidate) -> float:
    """The value of a bare number written before ``high`` in ``high``'s big unit and scale
    ("3-5万元": the 3 is 3万元)."""
    tail = BIG_UNIT_TAIL.search(high.numeral)
    scaled_raw = low.raw
    if tail and not any(c in BIG_UNITS for c in low.numeral):
        for c in tail.group(0):
            scaled_raw *= BIG_UNITS[c]
    return scaled_raw * high.scale


def _change_from(text: str, low: Candidate, high: Candidate) -> Candidate:
    """The value a change went from (:func:`_is_change`), in the unit of the value it went
    to when written bare: "从3亿到40亿美元的估值跃迁" is 3亿美元, then 40亿美元."""
    if low.unit is not None or high.unit is None:
        return low
    if not RANGE_LINK.fullmatch(text[low.end : high.start]):
        return low
    return low._replace(value=_in_units_of(low, high), unit=high.unit, scale=high.scale)


def _merge_range(text: str, low: Candidate, high: Candidate) -> Candidate | None:
    """600万美元到630万美元, 5%-8%, 3-5万元: two numbers joined by a range word."""
    gap = text[low.end : high.start]
    signed = not gap and high.numeral.startswith("-")  # "3-5": the 5 was read as -5
    if not signed and not RANGE_LINK.fullmatch(gap):
        return None
    if low.unit is not None and low.unit != high.unit:
        return None
    high_value = abs(high.raw) * high.scale if signed else high.value
    low_value = low.value if low.unit is not None else _in_units_of(low, high)
    if not 0 <= low_value < high_value:
        return None
    return high._replace(
        start=low.start,
        value=low_value,
        value_max=high_value,
        qualifier="range",
        numeral=low.numeral,
        raw=low.raw,
    )
