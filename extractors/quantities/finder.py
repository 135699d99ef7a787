"""find_quantities: one regex pass over the text, then units, guards, qualifiers and ranges."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from extractors.models import Quantity

from .guards import glued_to_name, is_date_or_time, is_word_not_number
from .numerals import BIG_UNITS, DIGITS, LOOSE, normalise, parse_chinese_number
from .patterns import BIG_UNIT_TAIL, LEX, MASTER, RANGE_LINK, URL
from .qualifiers import qualifier_after, qualifier_before
from .units import UnitReading, read_unit

_PREFILTER = re.compile(r"[0-9" + "".join(DIGITS) + "十拾百佰千仟万亿翻半对]")
# Every character a MASTER match can start with; a plain char-class search is ~30x faster
# than letting the big alternation try every position.
_START = re.compile(r"[0-9.\-负翻半对$¥€£UHN" + "".join(DIGITS) + "十拾百佰千仟万亿兆]")
_MONEY_OR_DISCOUNT = re.compile(r"[ ]?(?:[美港日韩欧]?元|美刀|美金|人民币|折)")
_PCT_DEN = {"百": 1, "佰": 1, "千": 0.1, "仟": 0.1, "万": 0.01, "百万": 1e-4}
_PCT_DEN |= {"千万": 1e-5, "万万": 1e-6, "百万万": 1e-8}
_NEXT_DIGIT = {c: n for c, n in zip("一二三四五六七八", "二三四五六七八九", strict=True)}


@dataclass(frozen=True)
class Candidate:
    """A quantity before conversion to the public model."""

    start: int
    end: int
    value: float
    value_max: float | None = None
    unit: str | None = None
    kind: str = "number"
    qualifier: str = "exact"
    numeral: str = ""
    raw: float = 0.0
    factor: float = 1.0


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text`` with its value in the CLAIMS.md base unit.

    Dates, times, phone numbers, ordinals (第一) and numbers inside names (H800, GPT-4o)
    are left out; a bare number keeps ``unit=None`` and ``kind="number"``.
    """
    norm = normalise(text)
    if _PREFILTER.search(norm) is None:
        return []
    found: list[Candidate] = []
    blocked = _url_spans(norm)
    for m in _matches(norm):
        if found and m.start() < found[-1].end:
            continue  # inside the unit or tail of the previous quantity (元1角1分)
        if blocked and any(s <= m.start() < e for s, e in blocked):
            continue
        cand = _read_match(norm, m)
        if cand is None:
            continue
        if found and (merged := _merge_range(norm, found[-1], cand)) is not None:
            found[-1] = merged
        else:
            found.append(cand)
    return [_to_quantity(text, c) for c in found]


def _matches(text: str) -> Iterator[re.Match[str]]:
    """Same matches as MASTER.finditer, trying MASTER only where a numeral can start."""
    pos, n = 0, len(text)
    while pos < n:
        c = _START.search(text, pos)
        if c is None:
            return
        m = MASTER.match(text, c.start())
        if m is None or m.end() == m.start():
            pos = c.start() + 1
            continue
        yield m
        pos = m.end()


def _url_spans(text: str) -> list[tuple[int, int]]:
    if "//" not in text and "www." not in text:
        return []
    return [m.span() for m in URL.finditer(text)]


def find_numbers(text: str) -> list[Quantity]:
    """The numerals alone (no units, dates kept): 百分之五 gives 5, 五分之一 gives 0.2."""
    norm = normalise(text)
    out: list[Quantity] = []
    for m in _matches(norm):
        kind = m.lastgroup
        if kind == "pct":
            start, end = m.span("pnum")
        elif kind == "plain":
            start, end = m.span("num")
        else:
            start, end = m.span()
        if kind in ("plain", "pct"):
            value, value_max, used = _longest_numeral(norm[start:end])
            end = start + used
        else:
            value, value_max = _numeral_value(m, norm[start:end])
        if value is None:
            continue
        numeral = norm[start:end]
        if kind == "plain":
            if _reject_numeral(norm, start, end, numeral.strip("-负")):
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


def _longest_numeral(numeral: str) -> tuple[float | None, float | None, int]:
    """Read ``numeral``, or failing that its longest readable prefix (五十千 -> 五十)."""
    for cut in range(min(4, len(numeral))):
        head = numeral[: len(numeral) - cut].rstrip()
        value = parse_chinese_number(head)
        if value is not None:
            return value, None, len(head)
        if cut == 0:
            low, high = _digit_pair_range(numeral)
            if low is not None:
                return low, high, len(numeral)
    return None, None, 0


def _numeral_value(m: re.Match[str], numeral: str) -> tuple[float | None, float | None]:
    kind = m.lastgroup
    if kind == "slash":
        den = float(m.group("sd"))
        whole = float(m.group("sw") or 0)
        return (whole + float(m.group("sn")) / den if den else None), None
    if kind == "half":
        return 0.5, None
    if kind == "fan":
        n = m.group("fann")
        return 2.0 ** (parse_chinese_number(n) or 1 if n else 1), None
    value = parse_chinese_number(numeral)
    if value is not None or kind != "plain":
        return value, None
    return _digit_pair_range(numeral)


def _digit_pair_range(numeral: str) -> tuple[float | None, float | None]:
    """五六百万 is 5e6 to 6e6; 二三十 is 20 to 30."""
    for i in range(len(numeral) - 1):
        a, b = numeral[i], numeral[i + 1]
        if _NEXT_DIGIT.get(a) == b or (a == "两" and b == "三"):
            low = parse_chinese_number(numeral[:i] + a + numeral[i + 2 :])
            high = parse_chinese_number(numeral[:i] + b + numeral[i + 2 :])
            if low is not None and high is not None:
                return low, high
            return None, None
    return None, None


def _reject_numeral(text: str, start: int, end: int, numeral: str) -> bool:
    if not numeral:
        return True
    has_digit = any(c.isdigit() or c in DIGITS for c in numeral)
    if not has_digit and numeral[0] not in "十拾":
        return True
    return is_word_not_number(text, start, end, numeral)


def _read_match(text: str, m: re.Match[str]) -> Candidate | None:
    kind = m.lastgroup
    start, end = m.span()
    if kind == "pct":
        value, _, used = _longest_numeral(m.group("pnum"))
        if value is None:
            return None
        end = m.start("pnum") + used
        factor = _PCT_DEN[m.group("pden")]
        return _finish(
            text,
            Candidate(
                start,
                end,
                value * factor,
                None,
                "%",
                "percent",
                numeral=m.group(0),
                raw=value,
                factor=factor,
            ),
        )
    if kind in ("frac", "slash"):
        value, _ = _numeral_value(m, m.group(0))
        if value is None:
            return None
        if m.group("fwhole") or m.group("sw"):
            return _finish(text, Candidate(start, end, value, numeral=m.group(0), raw=value))
        return _finish(
            text,
            Candidate(
                start, end, value * 100, None, "%", "fraction", numeral=m.group(0), raw=value * 100
            ),
        )
    if kind == "fan":
        value, _ = _numeral_value(m, m.group(0))
        return Candidate(start, end, value or 2.0, None, "x", "dimension", numeral=m.group(0))
    if kind == "half":
        reading = read_unit(text, end, None)
        if reading is None:
            return None
        value = 50.0 if text[end] == "折" or m.group(0) == "对" else 0.5 * reading.factor
        return _finish(
            text,
            Candidate(
                start,
                reading.end,
                value,
                None,
                "%",
                "percent",
                numeral="半",
                raw=0.5,
                factor=reading.factor,
            ),
        )
    return _read_plain(text, m)


def _read_plain(text: str, m: re.Match[str]) -> Candidate | None:
    n_start, n_end = m.span("num")
    value, value_max, used = _longest_numeral(m.group("num"))
    if value is None:
        return None
    n_end = n_start + used
    if m.group("sym") is None and _big_unit_starts_unit(text, n_start, n_end):
        value, value_max, used = _longest_numeral(text[n_start : n_end - 1])
        if value is None:
            return None
        n_end = n_start + used
    numeral = text[n_start:n_end]
    if _reject_numeral(text, n_start, n_end, numeral.lstrip("-负")):
        return None
    sym = m.group("sym")
    if sym is None and is_date_or_time(text, n_start, n_end, numeral, value):
        return None
    reading = read_unit(text, n_end, LEX.symbols[sym] if sym else None)
    if sym is None and glued_to_name(text, n_start, n_end, reading is not None):
        return None
    if sym is None and reading is not None and reading.unit == "CNY":
        reading = _prefixed_currency(text, m.start(), reading)
    qualifier = "more_than" if any(c in LOOSE for c in numeral) else "exact"
    if value_max is not None:
        qualifier = "range"
    if reading is None:
        return _finish(
            text,
            Candidate(
                m.start(), n_end, value, value_max, numeral=numeral, raw=value, qualifier=qualifier
            ),
        )
    raw = value + (0.5 if reading.half else 0.0)
    scale = reading.factor
    if text.startswith("折", reading.end - 1) and raw >= 10:
        if raw == 10:
            return None  # 十折 is no discount at all
        scale = 1.0  # 75折, 五五折: two digits already give the percentage
    return _finish(
        text,
        Candidate(
            m.start(),
            reading.end,
            raw * scale + reading.offset,
            None if value_max is None else value_max * scale,
            reading.unit,
            reading.kind,
            qualifier,
            numeral,
            raw,
            scale,
        ),
    )


def _prefixed_currency(text: str, start: int, reading: UnitReading) -> UnitReading:
    """新台币2,296亿元: a currency name just before the amount overrides the generic 元."""
    before = text[max(0, start - 6) : start].rstrip(" 约近超逾")
    for name, iso in LEX.prefixes.items():
        if before.endswith(name):
            return replace(reading, unit=iso)
    return reading


def _big_unit_starts_unit(text: str, n_start: int, n_end: int) -> bool:
    """150兆瓦: the last numeral character (兆) begins a unit word, so it is no multiplier."""
    if n_end - n_start < 2 or text[n_end - 1] not in BIG_UNITS:
        return False
    reading = read_unit(text, n_end - 1, None)
    return reading is not None and reading.end > n_end


def _finish(text: str, cand: Candidate) -> Candidate:
    """Attach a qualifier written before or after the quantity (outside its text)."""
    if cand.qualifier != "exact":
        return cand
    qualifier = qualifier_before(text, cand.start)
    if qualifier is None:
        after = qualifier_after(text, cand.end)
        qualifier = None if after is None else after[0]
    return cand if qualifier is None else replace(cand, qualifier=qualifier)


def _merge_range(text: str, low: Candidate, high: Candidate) -> Candidate | None:
    """600万美元到630万美元, 5%-8%, 3-5万元: two numbers joined by a range word."""
    gap = text[low.end : high.start]
    signed = not gap and high.numeral.startswith("-")
    if not signed and not (gap and RANGE_LINK.fullmatch(gap)):
        return None
    if low.unit is not None and low.unit != high.unit:
        return None
    high_raw = abs(high.raw) if signed else high.raw
    high_value = high_raw * high.factor if signed else high.value
    low_value = low.value
    if low.unit is None:
        tail = BIG_UNIT_TAIL.search(high.numeral)
        low_raw = low.raw
        if tail and not any(c in BIG_UNITS for c in low.numeral):
            for c in tail.group(0):
                low_raw *= BIG_UNITS[c]
        low_value = low_raw * high.factor
    if not 0 <= low_value < high_value:
        return None
    return Candidate(
        low.start,
        high.end,
        low_value,
        high_value,
        high.unit,
        high.kind,
        "range",
        low.numeral,
        low.raw,
        high.factor,
    )


def _to_quantity(text: str, c: Candidate) -> Quantity:
    # Fields are built here from checked values; skipping validation halves the cost.
    return Quantity.model_construct(
        text=text[c.start : c.end],
        start=c.start,
        end=c.end,
        value=c.value,
        value_max=c.value_max,
        unit=c.unit,
        qualifier=c.qualifier,
        kind=c.kind,
    )
