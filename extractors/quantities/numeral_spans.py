"""Reading the numeral of a match: longest readable prefix, digit-pair ranges, shape checks.

Every function here depends on the numeral string alone, so results are cached: the same
few thousand numerals (2024, 10, 一, 两...) recur across a corpus.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .numerals import DIGITS, LOOSE, parse_chinese_number, parse_numeral

_NEXT_DIGIT = {c: n for c, n in zip("一二三四五六七八", "二三四五六七八九", strict=True)}
_FINANCIAL_WORDISH = frozenset("伍陆拾肆")
_CN_DIGITS = frozenset(DIGITS)
_LOOSE = frozenset(LOOSE)

# What a numeral's shape says about it being a word rather than a number.
SHAPE_NOT_NUMERAL = 0  # no digit at all (几, 多): never a quantity
SHAPE_WORDISH = 1  # a lone financial numeral (伍, 拾): a word
SHAPE_SHORT = 2  # one or two Chinese characters: a number unless part of a word (一些)
SHAPE_NUMBER = 3  # a number unless it follows 第


def longest_numeral(numeral: str) -> tuple[float | None, float | None, int]:
    """Read ``numeral``, or failing that its longest readable prefix (五十千 -> 五十)."""
    for cut in range(min(4, len(numeral))):
        head = numeral[: len(numeral) - cut].rstrip()
        value = parse_numeral(head)
        if value is not None:
            return value, None, len(head)
        if cut == 0:
            low, high = digit_pair_range(numeral)
            if low is not None:
                return low, high, len(numeral)
    return None, None, 0


def numeral_value(m: re.Match[str], numeral: str) -> tuple[float | None, float | None]:
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
    return digit_pair_range(numeral)


def digit_pair_range(numeral: str) -> tuple[float | None, float | None]:
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


def numeral_shape(numeral: str) -> int:
    """One of the SHAPE_* codes for a numeral without its sign."""
    if not numeral:
        return SHAPE_NOT_NUMERAL
    has_digit = not _CN_DIGITS.isdisjoint(numeral) or any(c.isdigit() for c in numeral)
    if not has_digit and numeral[0] not in "十拾":
        return SHAPE_NOT_NUMERAL
    if len(numeral) == 1 and numeral in _FINANCIAL_WORDISH:
        return SHAPE_WORDISH
    if len(numeral) > 2 or numeral[:1].isdigit():
        return SHAPE_NUMBER
    return SHAPE_SHORT


def numeral_facts(numeral: str) -> tuple[int, bool]:
    """The shape of a signed numeral without its sign, and whether it is loose (三十几,
    一千多, 十余: the numeral gives only a floor)."""
    return numeral_shape(numeral.lstrip("-负")), not _LOOSE.isdisjoint(numeral)


@lru_cache(maxsize=1 << 16)
def read_numeral(num: str) -> tuple[float | None, float | None, int, int, bool]:
    """longest_numeral of ``num``, then numeral_facts of the part read, in one cached call."""
    if num.isdecimal() and num.isascii() and len(num) <= 40:
        return float(num), None, len(num), SHAPE_NUMBER, False  # 2048: the commonest
    value, value_max, used = longest_numeral(num)
    if value is None:
        return value, value_max, used, SHAPE_NOT_NUMERAL, False
    return (value, value_max, used, *numeral_facts(num[:used]))
