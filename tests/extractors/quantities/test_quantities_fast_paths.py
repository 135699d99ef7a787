"""Fast paths of the quantity finder (units, guards, qualifiers, models) give what the general
routines give (table + hypothesis)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.quantities import finder as finder_module
from extractors.quantities import guards
from extractors.quantities import qualifiers as qualifiers_module
from extractors.quantities import units as units_module
from extractors.quantities.lexicon import load_lexicon
from extractors.quantities.numerals import _WIDE_THOUSANDS
from extractors.quantities.patterns import (
    LEX,
    RANGE_LINK,
    UNIT,
    UNIT_START,
    build_unit,
    one_character_units,
)
from extractors.quantities.qualifiers import BEFORE_LAST, qualifier_before
from extractors.quantities.units import unit_at

# Unit words: UNIT cut down to the words that can begin with the first character, and the
# one-character words read without a regex, match as the full UNIT does.
_UNIT_TEXT = st.text(
    alphabet="个月小时美元人民币块钱%倍位年半周末天GPUgpuHh800 tokens每秒kKwW/参数量周活跃",
    max_size=12,
)


def _unit_match(m: re.Match[str] | None) -> tuple | None:
    return None if m is None else (m.span(), m.lastgroup, m.group(m.lastgroup or 0))


@settings(max_examples=300, deadline=None)
@given(_UNIT_TEXT)
def test_quantities_unit_pattern_by_first_character_equals_unit(text: str) -> None:
    first = text.lstrip(" ")[:1]
    if len(text) - len(text.lstrip(" ")) > 4 or first not in UNIT_START:
        return  # read_unit tries no regex there
    assert _unit_match(build_unit(LEX, first).match(text)) == _unit_match(UNIT.match(text))


@pytest.mark.parametrize("first", sorted(UNIT_START))
def test_quantities_unit_pattern_by_first_character_every_start(first: str) -> None:
    for after in ("", "半", "元", "s", "a", "小时", " ", "%", "token", "币"):
        for lead in ("", " ", "    ", "     "):
            text = lead + first + after
            want = _unit_match(UNIT.match(text))
            assert _unit_match(build_unit(LEX, first).match(text)) == want, text


@pytest.mark.parametrize("word", sorted(one_character_units(LEX)))
def test_quantities_one_character_unit_matches_alone(word: str) -> None:
    group = one_character_units(LEX)[word]
    for after in ("", "半", "元", "s", "a", "人", "钱", " ", "%", "活跃", "token"):
        assert _unit_match(UNIT.match(word + after)) == ((0, 1), group, word)
        assert unit_at("5" + word + after, 1, word) == _unit_at_by_regex("5" + word + after)


def _unit_at_by_regex(text: str) -> tuple | None:
    """unit_at(text, 1, text[1]) with the one-character table emptied (regex only)."""
    saved = dict(units_module._ONE_CHARACTER)
    units_module._ONE_CHARACTER.clear()
    try:
        return units_module.unit_at(text, 1, text[1])
    finally:
        units_module._ONE_CHARACTER.update(saved)


# normalise: the full-width thousands comma regex with its lookbehind after the comma.
_OLD_WIDE_THOUSANDS = re.compile("(?<=[０-９])，(?=[０-９]{3})")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="０１２９，,1 年", max_size=20))
def test_quantities_wide_thousands_equals_lookbehind_first(text: str) -> None:
    assert _WIDE_THOUSANDS.sub(",", text) == _OLD_WIDE_THOUSANDS.sub(",", text)


# qualifier_before: the check of the characters where a word would end only skips texts
# where the regex finds no word.
@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="约为大概将近接超过逾多于至少不低到足高达最于的 5", max_size=8))
def test_quantities_qualifier_before_equals_regex_search(text: str) -> None:
    for start in range(1, len(text) + 1):
        want = None
        if text[start - 1] in BEFORE_LAST:
            m = qualifiers_module._BEFORE.search(text, max(0, start - 4), start)
            want = m
        got = qualifier_before(text, start)
        if want is None:
            assert got is None, (text, start)
        else:
            assert got == _reference_qualifier(text, want), (text, start)


def _reference_qualifier(text: str, m: re.Match[str]) -> str | None:
    """qualifier_before's reading of a _BEFORE match (its lines after the search)."""
    lex = qualifiers_module._LEX
    word = m.group(0).strip()
    if word == "近" and m.start() and text[m.start() - 1] in lex.not_before_jin:
        return None
    if word == "超" and m.start() and text[m.start() - 1] in "高":
        return None
    return lex.before[word]


def _date_or_time_reference(text: str, start: int, end: int, numeral: str, value: float) -> bool:
    """is_date_or_time as first written (each test in the order of its docstring)."""
    nxt = text[end : end + 2] or "\n"
    prev = text[start - 1] if start else "\n"
    whole = value == int(value) and "." not in numeral
    if (nxt[0] in ":：" and nxt[1:2].isdigit()) or (
        prev in ":：" and text[start - 2 : start - 1].isdigit()
    ):
        return True
    if whole and len(numeral) == 4 and 1000 <= value <= 2999:
        if nxt[0] == "年" or nxt == "财年" or guards._DATE_AFTER.match(text, end):
            return True
        if guards._YEAR_RANGE_AFTER.match(text, end):
            return True
    if whole and nxt[0] in "月" and 1 <= value <= 12 and prev != "个":
        return True
    if whole and nxt[0] in "日号" and 1 <= value <= 31:
        return True
    if whole and nxt[0] == "点" and value <= 24 and not nxt[1:2].isdigit():
        return True
    if whole and nxt == "年代":
        return True
    if (
        prev in "-/."
        and whole
        and value <= 31
        and guards._DATE_BEFORE.search(text, max(0, start - 8), start)
    ):
        return True
    return len(numeral) >= 3 and guards._is_phone(text, start, end, numeral)


_DATE_TEXT = st.text(alphabet="0123456789.年月日号点代财个:：-/~到至 是", max_size=16)


@settings(max_examples=500, deadline=None)
@given(_DATE_TEXT)
def test_quantities_is_date_or_time_equals_reference(text: str) -> None:
    for m in re.finditer(r"[0-9]+(?:\.[0-9]+)?", text):
        numeral = m.group()
        value = float(numeral)
        start, end = m.span()
        got = guards.is_date_or_time(text, start, end, numeral, value)
        assert got == _date_or_time_reference(text, start, end, numeral, value), (text, start)


@pytest.mark.parametrize(
    "text",
    [
        "2024年",
        "2024财年",
        "2024-03-05",
        "2024 - 2025年",
        "3月",
        "个3月",
        "13月",
        "15日",
        "32日",
        "8点",
        "25点",
        "8点5",
        "90年代",
        "2025-3-7",
        "17:30",
        "9：05",
        "13812345678",
        "010-12345678",
        "1234567890123456",
        "1.5月",
        "3.0日",
    ],
)
def test_quantities_is_date_or_time_table(text: str) -> None:
    m = re.search(r"[0-9]+(?:\.[0-9]+)?", text)
    assert m is not None
    args = (text, m.start(), m.end(), m.group(), float(m.group()))
    assert guards.is_date_or_time(*args) == _date_or_time_reference(*args)


# The cheap checks callers run before a guard never skip a text the guard says yes to.
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ_-.1 中H", max_size=6))
def test_quantities_glued_before_only_after_glued_prev(text: str) -> None:
    for start in range(1, len(text) + 1):
        if guards.glued_before(text, start):
            assert text[start - 1] in guards.GLUED_PREV


def _dates_pass_prefilter(text: str) -> None:
    """Every number is_date_or_time calls a date passes read_plain's prefilter."""
    for m in re.finditer(r"[0-9]+(?:\.[0-9]+)?", text):
        start, end, numeral = m.start(), m.end(), m.group()
        if not guards.is_date_or_time(text, start, end, numeral, float(numeral)):
            continue
        nxt, prev = text[end : end + 1], text[start - 1 : start]
        year = nxt in guards.YEAR_NEXT and (len(numeral) == 4 or text[end:].startswith("年代"))
        assert len(numeral) >= 11 or nxt in guards.DATE_NEXT or prev in guards.DATE_PREV or year, (
            text
        )


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="0123 年财代月日号点:：-/.~到至个a", max_size=14))
def test_quantities_is_date_or_time_only_after_date_next(text: str) -> None:
    _dates_pass_prefilter(text)


_DATES = ["2024年", "2024财年", "2024 - 2025年", "80年代", "1980年代", "13800138000", "010-1234567"]


@pytest.mark.parametrize("text", _DATES)
def test_quantities_is_date_or_time_table_passes_prefilter(text: str) -> None:
    _dates_pass_prefilter(text)
    _dates_pass_prefilter("在" + text + "，")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZ_-.1 中H),\nſK", max_size=7))
def test_quantities_glued_after_only_before_glued_next(text: str) -> None:
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            if guards.glued_after(text, start, end):
                after = text[end : end + 1]
                assert after in guards.GLUED_NEXT or text[start - 1 : start] == " "


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" -~到至—和", max_size=6))
def test_quantities_range_words_hold_every_range_link(gap: str) -> None:
    if RANGE_LINK.fullmatch(gap):
        assert gap.strip(" ") in finder_module._RANGE_WORDS


def _word_not_number_by_regex(text: str, start: int) -> bool:
    """is_word_not_number of the one character at ``start`` without the neighbour shortcut."""
    saved = guards._WORD_CHARS
    guards._WORD_CHARS = None
    try:
        return guards.is_word_not_number(text, start, start + 1, text[start])
    finally:
        guards._WORD_CHARS = saved


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="一二三两万千十些起统唯同之四川大楼五角的个是第一", max_size=10))
def test_quantities_word_not_number_shortcut_equals_regex(text: str) -> None:
    assert guards._WORD_CHARS is not None  # the lexicon words are plain, two characters up
    for start, c in enumerate(text):
        if c in "一二三两万千十四五":
            want = _word_not_number_by_regex(text, start)
            assert guards.is_word_not_number(text, start, start + 1, c) == want, (text, start)


@pytest.mark.parametrize("word", load_lexicon().not_numbers)
def test_quantities_word_not_number_shortcut_every_word(word: str) -> None:
    for text in (word, "的" + word + "的", "是" + word):
        for start, c in enumerate(text):
            if c in "零一二两三四五六七八九十百千万亿":
                want = _word_not_number_by_regex(text, start)
                assert guards.is_word_not_number(text, start, start + 1, c) == want, text
