"""Property tests: Chinese numerals round-trip, and no input raises or takes superlinear time."""

from __future__ import annotations

import cProfile
import pstats

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.quantities import find_quantities, parse_chinese_number

_DIGITS = "零一二三四五六七八九"
_SMALL = ((1000, "千"), (100, "百"), (10, "十"))


def _section(n: int) -> str:
    """0 < n < 10000 in Chinese, with 零 for inner gaps."""
    out, pending_zero = [], False
    for size, name in _SMALL:
        d, n = divmod(n, size)
        if d:
            if pending_zero:
                out.append("零")
            out.append(_DIGITS[d] + name)
            pending_zero = False
        elif out:
            pending_zero = True
    if n:
        if pending_zero or (out and out[-1][-1] != "十"):
            out.append("零") if pending_zero else None
        out.append(_DIGITS[n])
    return "".join(out)


def to_chinese(n: int) -> str:
    """Integer to Chinese numerals with 万/亿/万亿 grouping (test helper)."""
    if n == 0:
        return "零"
    groups = []
    while n:
        n, g = divmod(n, 10**4)
        groups.append(g)
    names = ["", "万", "亿", "万亿"]
    out, pending_zero = [], False
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g == 0:
            pending_zero = bool(out)
            continue
        if out and (pending_zero or g < 1000):
            out.append("零")
        out.append(_section(g) + names[i])
        pending_zero = False
    return "".join(out)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_quantities_chinese_integer_round_trip(n: int) -> None:
    assert parse_chinese_number(to_chinese(n)) == float(n)  # exact up to float precision


def test_quantities_to_chinese_helper() -> None:
    assert to_chinese(2048) == "二千零四十八"
    assert to_chinese(100056) == "十万零五十六" or to_chinese(100056) == "一十万零五十六"


_ALPHABET = (
    "0123456789一二三四五六七八九十百千万亿兆零两点分之又多余几约近超过"
    "%.,-/:年月日元美元块个GPU参数 \n，。"
)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=10_000))
def test_quantities_random_text_never_raises(text: str) -> None:
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=2_000))
def test_quantities_any_unicode_never_raises(text: str) -> None:
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text


def _calls(text: str) -> int:
    """Python function calls ``find_quantities(text)`` makes: work, not time."""
    profile = cProfile.Profile()
    profile.runcall(find_quantities, text)
    return pstats.Stats(profile).total_calls  # type: ignore[attr-defined]


ADVERSARIAL = ["亿", "1,", "一二三", ".", "一 ", "1.", "分之", "百分之", "十余", "1-", "约"]


def test_quantities_work_is_linear_on_adversarial_repeats() -> None:
    """4x the text, at most ~6x the work (function calls counted, not time)."""
    for unit in ADVERSARIAL:
        small = unit * (2_500 // len(unit))
        large = unit * (10_000 // len(unit))
        assert _calls(large) <= 6 * _calls(small) + 50, unit


# Unit words spelled with the letters re.IGNORECASE equates with ASCII ones (ſ ~ s, ı/İ ~ i):
# the unit regex matches them, so reading them must find the lexicon entry, not raise.
_RE_CASE_SPELLINGS = [
    ("5 tokenſ", "tokens", 5.0),
    ("200 TOKENſ", "tokens", 200.0),
    ("8 tokens", "tokens", 8.0),
]


@pytest.mark.parametrize(("text", "unit", "value"), _RE_CASE_SPELLINGS)
def test_quantities_unit_spelled_with_regex_case_letters(
    text: str, unit: str, value: float
) -> None:
    (quantity,) = find_quantities(text)
    assert (quantity.unit, quantity.value, quantity.end) == (unit, value, len(text))


@given(st.sampled_from(["ſ", "ı", "İ", "K", "s", "i"]), st.sampled_from(["token", "美元", "GB"]))
def test_quantities_never_raise_on_case_equivalent_letters(letter: str, word: str) -> None:
    find_quantities(f"5 {word}{letter} 和 7{letter}{word}")
