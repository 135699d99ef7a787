"""Shortcuts of page cleaning give exactly the answers of the plain computations.

Page type sniffing, space normalisation and the timestamp shape scans are each
compared with the straightforward version they replace, on hand-picked inputs
and on generated ones.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.cleaning.html_page import _TAG_RE, looks_like_html
from extractors.cleaning.lines import normalise_text, timestamp_in, timestamp_lines
from extractors.dates import TIMESTAMP_RE, ascii_digits


def _plain_looks_like_html(raw: str) -> bool:
    head = raw[:5000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")):
        return True
    return len(_TAG_RE.findall(raw[:20000])) >= 3


SNIFF_INPUTS = [
    "",
    "<!DOCTYPE html><p>x",
    "   \n<HTML lang=zh>",
    "<?xml version='1.0'?>",
    "\u0130<!doctype html>",  # 'İ' lowers to two characters
    "<!doctype htm\u212a",  # the Kelvin sign lowers to an ASCII 'k'
    "<!DOCTYPE HTM\u03a3",  # a sigma, lowered by its context
    "<div><p>a</p><span>b</span></div>",
    "<div><p>a</p></div>",
    " " * 5000 + "<html>",
    " " * 4990 + "<html>",
    "x" * 19990 + "<p><p><p>",
    "x" * 19995 + "<p><p><p>",
    "x" * 19996 + "<p><p><p>",
    "正文<br>第二行<br>第三行<br",
    "正文<br>第二行<br>第三行<br>",
]


@pytest.mark.parametrize("raw", SNIFF_INPUTS)
def test_cleaning_looks_like_html_equals_plain_sniffing(raw: str) -> None:
    assert looks_like_html(raw) == _plain_looks_like_html(raw)


SNIFF_ALPHABET = " \n\t<>!/?xmlhtdocypeHTMLDOCYPEpbrdivsan\u0130\u212a\u03a3\u3000正文"


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=SNIFF_ALPHABET, max_size=40),
    st.integers(min_value=0, max_value=20010),
)
def test_cleaning_looks_like_html_equals_plain_sniffing_on_generated_text(
    text: str, pad: int
) -> None:
    for raw in (text, " " * pad + text, "x" * pad + text):
        assert looks_like_html(raw) == _plain_looks_like_html(raw)


_PLAIN_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_PLAIN_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")


def _plain_normalise(raw: str) -> list[str]:
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = _PLAIN_SPACES.sub(" ", _PLAIN_INVISIBLE.sub("", text))
    return [line.strip() for line in text.split("\n")]


NORMALISE_INPUTS = [
    "",
    "a b",
    "a  b",
    "a \u200b b",
    "a\u200b\u200bb",
    "\u3000\u3000正文 内容",
    "a\tb\r\nc\rd\u2028e",
    " lead and trail ",
    "x\u00a0 \u2003y",
    "\u00ad",
]


@pytest.mark.parametrize("raw", NORMALISE_INPUTS)
def test_cleaning_normalise_text_equals_plain_substitutions(raw: str) -> None:
    assert normalise_text(raw) == _plain_normalise(raw)


SPACES_ALPHABET = "ab正文 \t\n\r\u00a0\u2002\u200a\u200b\u200d\u2060\ufeff\u00ad\u3000\u2028\x0c"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=SPACES_ALPHABET))
def test_cleaning_normalise_text_equals_plain_substitutions_on_generated_text(raw: str) -> None:
    assert normalise_text(raw) == _plain_normalise(raw)


def _plain_timestamp_in(line: str) -> re.Match[str] | None:
    for m in TIMESTAMP_RE.finditer(ascii_digits(line)):
        if m["hour"] is not None:
            return m
    return None


def _plain_stamp_line(line: str) -> tuple[int, int] | None:
    m = _plain_timestamp_in(line)
    return None if m is None or len(line) - len(m[0]) > 24 else m.span()


# Pieces of printed timestamps, each written the ways pages write it (full-width forms
# included) and a few ways they do not, so generated lines are often stamps and often
# near misses.
_YEARS = st.sampled_from(["2025", "２０２５", "1999", "2０25", "12025", "202"])
_NUMBERS = st.sampled_from(["3", "03", "０３", "28", "２８", "9", "123", ""])
_MINUTES = st.sampled_from(["00", "05", "０５", "59", "5"])
_YEAR_SEPS = st.sampled_from(["-", "/", ".", "年", "－", "／", "．", " - ", " 年", "月", "x"])
_MONTH_SEPS = st.sampled_from(["-", "/", ".", "月", "－", "／", "．", "月 ", "年", ""])
_DAY_ENDS = st.sampled_from(["", "日", "号", " ", "日 ", "T", "日\x0c", "x"])
_GAPS = st.sampled_from(["", " ", "  ", "\u3000", "上午", "下午 ", " 晚上 ", "凌晨", "x", "\n"])
_MARKS = st.sampled_from([":", "：", "时", "時", " :", ": ", "分", "."])
_EXTRAS = st.sampled_from(["", "来源：某某网", ":00", "+08:00", " 秒", "发布时间：", "2024"])


@st.composite
def _stamp_like(draw: st.DrawFn) -> str:
    parts = [
        draw(_EXTRAS),
        draw(_YEARS),
        draw(_YEAR_SEPS),
        draw(_NUMBERS),
        draw(_MONTH_SEPS),
        draw(_NUMBERS),
        draw(_DAY_ENDS),
        draw(_GAPS),
        draw(_NUMBERS),
        draw(_MARKS),
        draw(_MINUTES),
        draw(_EXTRAS),
    ]
    return "".join(parts)


@settings(max_examples=600, deadline=None)
@given(_stamp_like())
def test_cleaning_timestamp_shape_scan_misses_no_stamp(line: str) -> None:
    fast, plain = timestamp_in(line), _plain_timestamp_in(line)
    assert (fast and fast.span()) == (plain and plain.span())


@settings(max_examples=200, deadline=None)
@given(st.lists(_stamp_like(), max_size=6))
def test_cleaning_timestamp_lines_of_a_page_equal_line_by_line(lines: list[str]) -> None:
    lines = [line.replace("\n", " ") for line in lines]  # page lines hold no line break
    stamps = timestamp_lines(lines)
    assert [m and m.span() for m in stamps] == [_plain_stamp_line(line) for line in lines]
