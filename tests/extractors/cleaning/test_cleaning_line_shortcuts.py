"""The line shortcuts of page cleaning answer exactly like the plain routines they replace.

Nav bars by token runs, lone numbers and citations by length and first character,
title shapes of non-furniture lines, line rows of a page scan, the one-pass body scores,
the alignment test of simplified copies and the timestamp shape built from
``TIMESTAMP_RE``'s own parts: each is compared with the straightforward version.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.chinese_script import _aligned
from extractors.cleaning.lines import (
    _CITATION,
    _LONE_NUMBER,
    _PAGE_STAMP_TAIL,
    _STAMP_SHAPE,
    _UNUSUAL,
    has_title_size,
    is_breadcrumb,
    is_citation,
    is_lone_number,
    is_nav_bar,
    is_timestamp_line,
    rows_matching,
)
from extractors.dates import TIMESTAMP_RE, ascii_digits, timestamp_shape

REPO = Path(__file__).resolve().parents[3]

# --- nav bars, lone numbers, citations, title shapes -----------------------------

_NAV_SEP = re.compile(r"\s*[|｜·•/]\s*|\s+")
_MENU_BAR = re.compile(r"[|｜丨]")


SHAPE_ALPHABET = "（([【)）]】.、0123一二十IVX来源资料：:x\n"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=SHAPE_ALPHABET, max_size=10))
def test_cleaning_lone_number_and_citation_equal_their_patterns(line: str) -> None:
    assert is_lone_number(line) == bool(_LONE_NUMBER.match(line))
    assert is_citation(line) == bool(_CITATION.match(line))


def _plain_is_title_shaped(line: str) -> bool:
    if not 6 <= len(line) <= 100 or is_lone_number(line):
        return False
    if is_breadcrumb(line) or is_nav_bar(line) or is_timestamp_line(line):
        return False
    cjk = len(re.findall(r"[\u3400-\u9fff\uf900-\ufaff]", line))
    return cjk >= 4 or len(line.split()) >= 3


TITLE_ALPHABET = "ab 新闻标题模型發佈Ａ12。>|-:"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=TITLE_ALPHABET, max_size=14))
def test_cleaning_title_size_equals_title_shape_off_furniture(line: str) -> None:
    if is_breadcrumb(line) or is_nav_bar(line) or is_timestamp_line(line):
        assert not _plain_is_title_shaped(line)
    else:
        assert has_title_size(line) == _plain_is_title_shaped(line)


# --- page scans and body scores --------------------------------------------------------


def _plain_rows(pattern: re.Pattern[str], lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if pattern.search(line)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="ab年-1:时 ", max_size=8), max_size=8))
def test_cleaning_rows_matching_equals_line_by_line(lines: list[str]) -> None:
    for pattern in (re.compile("a"), re.compile("ab|b|时"), _PAGE_STAMP_TAIL):
        assert rows_matching(pattern, lines) == _plain_rows(pattern, lines)


# --- simplified copies -----------------------------------------------------------------


def _plain_aligned(text: str, converted: str) -> bool:
    if converted == text:
        return True
    if len(converted) != len(text):
        return False
    before = numpy.frombuffer(text.encode("utf-32-le"), dtype=numpy.uint32)
    after = numpy.frombuffer(converted.encode("utf-32-le"), dtype=numpy.uint32)
    han = (
        ((before >= 0x3400) & (before <= 0x9FFF))
        | ((before >= 0xF900) & (before <= 0xFAFF))
        | ((before >= 0x20000) & (before <= 0x2FFFF))
    )
    return bool(numpy.array_equal(before[~han], after[~han]))


ALIGN_ALPHABET = "a1 。發发臺台\U00020000\uf900\u33ff\u3400\u9fff\ua000\n"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALIGN_ALPHABET, max_size=8), st.text(alphabet=ALIGN_ALPHABET, max_size=8))
def test_cleaning_aligned_equals_masked_comparison(text: str, converted: str) -> None:
    assert _aligned(text, converted) == _plain_aligned(text, converted)
    same_length = converted[: len(text)].ljust(len(text), "a")
    assert _aligned(text, same_length) == _plain_aligned(text, same_length)


# --- the timestamp shape ---------------------------------------------------------------


def test_cleaning_stamp_scans_are_the_shape_of_dates() -> None:
    assert _STAMP_SHAPE.pattern == timestamp_shape()
    assert _PAGE_STAMP_TAIL.pattern == timestamp_shape(r"[^\S\n]", year=False)
    assert timestamp_shape().endswith(timestamp_shape(year=False))


STAMP_PIECES = st.tuples(
    st.sampled_from(["2025", "２０２５", "202"]),
    st.sampled_from(["-", "/", ".", "年", "－", "／", "．", " 年 ", "x"]),
    st.sampled_from(["3", "03", "０３", "123"]),
    st.sampled_from(["-", "/", ".", "月", "－", "／", "．", ""]),
    st.sampled_from(["28", "２８", "9"]),
    st.sampled_from(["", "日", "号", " ", "T", "日 下午", " 凌晨 "]),
    st.sampled_from(["10", "１０", "9"]),
    st.sampled_from([":", "：", "时", "時", " : ", "分"]),
    st.sampled_from(["00", "０５", "5"]),
)


@settings(max_examples=500, deadline=None)
@given(STAMP_PIECES, st.sampled_from(["", "来源：", "1", "\u3000"]))
def test_cleaning_stamp_shape_finds_every_stamp_with_a_time(pieces: tuple, lead: str) -> None:
    line = lead + "".join(pieces)
    with_time = [m for m in TIMESTAMP_RE.finditer(ascii_digits(line)) if m["hour"] is not None]
    if with_time:
        found = _STAMP_SHAPE.search(line)
        assert found is not None and found.start() <= with_time[0].start("hour")
        assert _PAGE_STAMP_TAIL.search(line) is not None


def test_cleaning_unusual_characters_are_all_unprintable() -> None:
    found = [chr(c) for c in range(sys.maxunicode + 1) if _UNUSUAL.match(chr(c))]
    assert found and not any(ch.isprintable() for ch in found)
