"""Reading numeral strings: Arabic, Chinese (simplified, traditional, financial) and mixed.

``parse_chinese_number("1,234.56万") == 12345600.0``; ``parse_chinese_number("一万五千亿")
== 1.5e12``.  Strings that are not a well-formed numeral give ``None``.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

# Length-preserving normalisation: full-width ASCII to ASCII, traditional numeral
# characters to simplified ones.  Financial forms (壹, 贰, 拾...) are kept as they are
# because several of them are also ordinary words (入伍, 陆地, 收拾, 放肆).
_FULL_WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_EXTRA = {
    "\u3000": " ",
    "￥": "¥",
    "萬": "万",
    "億": "亿",
    "兩": "两",
    "倆": "两",
    "點": "点",
    "負": "负",
    "個": "个",
    "對": "对",
    "幾": "几",
    "貳": "贰",
    "陸": "陆",
    "參": "叁",
    "〇": "零",
    "○": "零",  # a white circle for zero, as Taiwanese papers print it ("一點○五兆")
    "－": "-",
    "—": "-",
    "–": "-",
    "％": "%",
    "‰": "‰",
}
NORMALISE: dict[int, int | str] = {**_FULL_WIDTH, **{ord(k): v for k, v in _EXTRA.items()}}
NORMALISE.pop(ord("，"))  # a clause comma, except between full-width digits (４，５６５)
# A ， between full-width digits.
_WIDE_THOUSANDS = re.compile("(?<=[０-９])，(?=[０-９]{3})")
_NEEDS_NORMALISING = re.compile("[" + "".join(chr(c) for c in NORMALISE) + "]")
# Characters to map are rare in a body, so replacing each hit beats str.translate (which
# looks up every character of the text).
_MAPPED = {chr(k): v if isinstance(v, str) else chr(v) for k, v in NORMALISE.items()}

DIGITS: dict[str, int] = {}
for _chars, _value in (
    ("零", 0),
    ("一壹", 1),
    ("二两贰", 2),
    ("三叁", 3),
    ("四肆", 4),
    ("五伍", 5),
    ("六陆", 6),
    ("七柒", 7),
    ("八捌", 8),
    ("九玖", 9),
):
    for _c in _chars:
        DIGITS[_c] = _value
# Every way of writing a digit, the zeros of dates (二〇二四, 二○二五) with them: the one
# table the date reader and the claim builder read too.
DIGIT_VALUES: dict[str, int] = {**DIGITS, "〇": 0, "○": 0}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10**4, "亿": 10**8, "兆": 10**12}
LOOSE = "几多余来"  # "三十几万", "一千多万", "十余万": kept in the text, read as the floor
CN_DIGIT_CHARS = "".join(DIGITS)
CN_UNIT_CHARS = "".join(SMALL_UNITS) + "".join(BIG_UNITS)
CN_CHARS = CN_DIGIT_CHARS + CN_UNIT_CHARS
LATIN_MULTIPLIERS = {"k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9, "T": 1e12}

_ARABIC = re.compile(r"(?:\d{1,3}(?:,\d{3}){1,10}|\d{0,40})(?:\.\d{1,30})?")
_TOKEN = re.compile(rf"\d[\d,]*(?:\.\d+)?|\.\d+|[{CN_CHARS}]|[{LOOSE}]")
_PLAIN_AMOUNT = re.compile(rf"({_ARABIC.pattern})([{''.join(BIG_UNITS)}]?)")
_SCI = re.compile(r"(-?)(\d*\.?\d+)(?:[eE]([-+]?\d{1,3})|\^(-*\+?-?)(\d{1,3}))")


def normalise(text: str) -> str:
    """Return ``text`` with full-width and traditional numeral characters mapped (same
    length), and a 点 between Arabic digits read as the decimal point it is ("19点7兆")."""
    if _NEEDS_NORMALISING.search(text) is not None:
        if "，" in text:
            text = _WIDE_THOUSANDS.sub(",", text)
        text = _NEEDS_NORMALISING.sub(_mapped_char, text)
    if "点" in text:
        text = _SPOKEN_POINT.sub(".", text)
    return text


# "19点7兆元": the decimal point written as a word between Arabic digits.
# (Not a time of day: "8点30分", "9点05".)
_SPOKEN_POINT = re.compile(r"(?<=\d)点(?=\d)(?!\d{1,2}分)(?!0\d)")


def _mapped_char(m: re.Match[str]) -> str:
    return _MAPPED[m.group()]


def parse_numeral(s: str) -> float | None:
    """Read one numeral string (any script) as a float, or ``None`` if it is not one.

    Handles signs (负, -), 点 decimals, 分之 fractions with 又 mixed numbers,
    big-unit stacking (万亿, 万万), abbreviated tails (一万三 = 13000),
    loose markers (一千多万 = 1e7), digit strings (二零二四 = 2024) and k/M/B suffixes.
    """
    plain = _PLAIN_AMOUNT.fullmatch(s)
    if plain is not None and plain[1]:
        # 2048, 1,234.5, 557万, 2.9兆: most numerals in news; same value as the general path.
        value = float(plain[1].replace(",", ""))
        return value * BIG_UNITS[plain[2]] if plain[2] else value
    s = normalise(s).replace(" ", "")
    if not s or len(s) > 120:
        return None
    sign = 1.0
    if s[0] in "-负":
        sign, s = -1.0, s[1:]
        if s[:1] in "-负":
            return None
    if not s:
        return None
    if "又" in s:
        whole, _, frac = s.partition("又")
        w, f = parse_chinese_number(whole), parse_chinese_number(frac)
        if w is None or f is None or "分之" not in frac:
            return None
        return sign * (w + f)
    if "分之" in s:
        den_s, _, num_s = s.partition("分之")
        den = parse_chinese_number(den_s) if den_s not in ("百", "千", "万") else None
        den = den if den is not None else {"百": 100, "千": 1000, "万": 10**4}.get(den_s)
        num = parse_chinese_number(num_s)
        if not den or num is None:
            return None
        return sign * abs(num) / abs(den) * (1 if (num < 0) == (den < 0) else -1)
    try:
        value = _parse_unsigned(s)
    except OverflowError:  # 1e999, 10^400: not a number a page can mean
        return None
    if value is None or not math.isfinite(value):
        return None
    return sign * value


# Cached for callers reading numerals one by one; the finder caches whole readings instead.
parse_chinese_number = lru_cache(maxsize=1 << 16)(parse_numeral)


def _parse_unsigned(s: str) -> float | None:
    sci = _SCI.fullmatch(s)
    if sci:
        base = float(sci.group(2))
        if sci.group(3) is not None:
            return base * 10.0 ** int(sci.group(3))
        exp = int(sci.group(5)) * (-1 if sci.group(4).count("-") % 2 else 1)
        return base**exp
    if s[-1] in LATIN_MULTIPLIERS:
        inner = _parse_unsigned(s[:-1]) if len(s) > 1 else None
        return None if inner is None else inner * LATIN_MULTIPLIERS[s[-1]]
    if "点" in s:
        return _parse_point_decimal(s)
    return _parse_integer_part(s)


def _parse_point_decimal(s: str) -> float | None:
    """``十五点七``, ``两千万点五五四四``, ``三点五亿`` (the tail unit scales the whole)."""
    left, _, right = s.partition("点")
    i = 0
    while i < len(right) and right[i] in DIGITS and right[i] not in "两贰":
        i += 1
    digits, tail = right[:i], right[i:]
    if not digits or any(c not in BIG_UNITS for c in tail):
        return None
    whole = _parse_integer_part(left) if left else None
    if whole is None:
        return None
    value = whole + float("0." + "".join(str(DIGITS[c]) for c in digits))
    for c in tail:
        value *= BIG_UNITS[c]
    return value


def _parse_integer_part(s: str) -> float | None:
    if _ARABIC.fullmatch(s) and s:
        return float(s.replace(",", ""))
    tokens = _TOKEN.findall(s)
    if "".join(tokens) != s:
        return None
    if all(t in DIGITS for t in tokens) and len(tokens) > 1:
        if any(t in "两" for t in tokens):
            return None
        return float("".join(str(DIGITS[t]) for t in tokens))
    digits = _digit_string_scaled(tokens)
    if digits is not None:
        return digits
    return _parse_with_units(tokens)


def _digit_string_scaled(tokens: list[str]) -> float | None:
    """Digits read one by one, then big units: "三四六亿" (346e8), "一一八七亿"."""
    head = tokens
    scale = 1.0
    while head and head[-1] in BIG_UNITS:
        scale *= BIG_UNITS[head[-1]]
        head = head[:-1]
    if scale == 1.0 or len(head) < 2 or not all(t in DIGITS and t != "两" for t in head):
        return None
    return float("".join(str(DIGITS[t]) for t in head)) * scale


def _parse_with_units(tokens: list[str]) -> float | None:
    """Positional reading with units: sections below each big unit, abbreviated tails."""
    total = 0.0
    section = 0.0
    current: float | None = None
    current_is_cn_digit = False
    last_big = 0
    last_unit = 0  # value of the unit just read, for abbreviated tails
    zero_seen = False
    saw_number = False
    digit_seen = False  # a digit (not only units) read so far
    for t in tokens:
        if t in LOOSE:
            if not saw_number:
                return None
            continue
        if t in DIGITS:
            if current is not None:
                return None
            if t == "零":
                zero_seen, last_unit = True, 0
                saw_number = True
                continue
            current, current_is_cn_digit, saw_number = float(DIGITS[t]), True, True
            digit_seen = True
        elif t in SMALL_UNITS:
            unit = SMALL_UNITS[t]
            if current is None:
                if saw_number and not zero_seen:
                    return None
                current = 1.0
            section += current * unit
            current, last_unit, zero_seen, saw_number = None, unit, False, True
        elif t in BIG_UNITS:
            unit = BIG_UNITS[t]
            if not saw_number:
                return None
            sec = section + (current or 0.0)
            if last_big and unit >= last_big:
                total, magnitude = (total + sec) * unit, last_big * unit  # 万亿, 万万
            else:
                total, magnitude = total + sec * unit, unit
            section, current, last_big, last_unit, zero_seen = 0.0, None, magnitude, unit, False
        else:
            if current is not None:
                return None
            if last_unit and not digit_seen:
                # "每百万1.15美元", "千1": Arabic digits after a bare unit (no digit of its
                # own) are a number of their own
                return None
            current, current_is_cn_digit, saw_number = float(t.replace(",", "")), False, True
            digit_seen = True
    if not saw_number:
        return None
    if current is not None and current_is_cn_digit and not zero_seen and last_unit >= 100:
        current *= last_unit / 10
    return total + section + (current or 0.0)
