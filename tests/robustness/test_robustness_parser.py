"""Numbers and pages that push the parsers: no exception, finite values, linear time.

The hypothesis budget comes from tests/robustness/fuzzing.py (AICLAIMS_FUZZ_EXAMPLES).
"""

from __future__ import annotations

import cProfile
import math
import pstats
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors.cleaning import clean_page
from extractors.quantities import find_quantities, parse_chinese_number
from tests.robustness.fuzzing import FUZZ

#: (name, piece repeated to build the input) for the scaling checks
PATHOLOGICAL: list[tuple[str, str]] = [
    ("long digit string", "1234567890"),
    ("stacked yi", "亿"),
    ("stacked wan yi", "万亿"),
    ("number then stacked units", "3亿亿"),
    ("lone units", "元 美元 % 倍 块 个 "),
    ("unmatched open brackets", "（【[《(3"),
    ("unmatched close brackets", "3亿）】]》)"),
    ("dotted digits", "1.2.3.4.5."),
    ("comma runs", "1,"),
    ("full-width comma runs", "1，"),
    ("dash chains", "3-"),
    ("range chains", "约3亿至5亿到"),
    ("chinese digit runs", "一二三四五六七八九十"),
    ("fractions", "百分之九十九"),
    ("zeros", "零"),
    ("full-width digits", "１２３．５"),
    ("scientific", "1e9"),
    ("slashes", "1/2/"),
]

#: inputs that once raised, or could: (input, what a finder must not do)
ONE_OFFS: list[str] = [
    "1e999",  # OverflowError in parse_chinese_number (fixed)
    "5e308%",  # float infinity reached is_date_or_time's int() (fixed)
    "10^999倍",
    "-1e999元",
    "1e308亿亿亿美元",
    "9" * 400 + "亿美元",
    "9" * 10_000,
    "1" * 10_000 + "万亿美元",
    "0." + "0" * 5000 + "1%",
    "亿" * 5000,
    "",
    "元",
    "%",
    "亿",
    "（",
    "）3",
    "\u0000\ufffd\u200b3亿\ud7ff",
]


def function_calls(fn: Callable[[str], object], text: str) -> int:
    """How many Python function calls ``fn(text)`` makes: a count of work that does not
    depend on how busy the machine is."""
    profile = cProfile.Profile()
    profile.runcall(fn, text)
    return pstats.Stats(profile).total_calls  # type: ignore[attr-defined]


def _assert_sane(quantities: list, text: str) -> None:
    for q in quantities:
        assert math.isfinite(q.value), (q, text[:60])
        assert q.value_max is None or math.isfinite(q.value_max), (q, text[:60])
        assert 0 <= q.start <= q.end <= len(text) and text[q.start : q.end] == q.text


@pytest.mark.parametrize("text", ONE_OFFS, ids=range(len(ONE_OFFS)))
def test_robustness_parser_one_offs_do_not_raise(text: str) -> None:
    _assert_sane(find_quantities(text), text)
    value = parse_chinese_number(text[:120])
    assert value is None or math.isfinite(value)


@pytest.mark.parametrize(("name", "piece"), PATHOLOGICAL, ids=[n for n, _ in PATHOLOGICAL])
def test_robustness_parser_find_quantities_is_linear(name: str, piece: str) -> None:
    """4x the input costs at most ~6x the work, counted in function calls (no clock: a
    loaded machine must not fail it; timings live in bench/)."""
    small = piece * (4000 // len(piece) + 1)
    large = small * 4
    _assert_sane(find_quantities(large), large)
    assert function_calls(find_quantities, large) <= 6 * function_calls(find_quantities, small)


@pytest.fixture(scope="module")
def extractor():
    from extractors.pipeline import Extractor

    return Extractor()


@pytest.mark.slow
@pytest.mark.parametrize(("name", "piece"), PATHOLOGICAL, ids=[n for n, _ in PATHOLOGICAL])
def test_robustness_parser_whole_extractor_survives_and_scales(
    extractor, name: str, piece: str
) -> None:
    lines = ["某公司发布新模型，参数达到" + piece * 60 + "。"] * 40
    small = "\n".join(lines)
    large = "\n".join(lines * 4)
    result = extractor.extract(large)
    for claim in result.claims:
        assert result.article.text[claim.start : claim.end] == claim.text
    calls_small = function_calls(extractor.extract, small)
    assert function_calls(extractor.extract, large) <= 8 * calls_small, name


@pytest.mark.parametrize("text", ONE_OFFS[:6], ids=range(6))
def test_robustness_parser_whole_extractor_one_offs(extractor, text: str) -> None:
    result = extractor.extract(f"某公司宣布，其新模型的参数为{text}。\n训练成本为{text}美元。")
    assert all(math.isfinite(c.value) for c in result.claims)


NUMERIC_ALPHABET = (
    "0123456789.,%-+eE^/ 一二三四五六七八九十百千万亿兆零两点负分之又几多余来约近超过至到"
    "~～（）()【】美元人民币块个张倍参数训练成本％．，１２３"
)
numeric_text = st.text(alphabet=NUMERIC_ALPHABET, max_size=80)
any_text = st.text(max_size=200)


@FUZZ
@given(st.one_of(numeric_text, any_text, st.lists(numeric_text, max_size=6).map("训练".join)))
def test_robustness_parser_fuzz_find_quantities(text: str) -> None:
    _assert_sane(find_quantities(text), text)


@FUZZ
@given(numeric_text)
def test_robustness_parser_fuzz_parse_chinese_number(text: str) -> None:
    value = parse_chinese_number(text)
    assert value is None or math.isfinite(value)


TAGS = [
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<script>",
    "</script>",
    "<style>",
    "<br>",
    "<!--",
    "-->",
    "<title>",
    "</title>",
    "<meta charset='gbk'>",
    "<html>",
    "<body>",
    "<table><tr><td>",
    "<![CDATA[",
    "]]>",
    "&amp;",
    "&#x4e00;",
    "&nbsp;",
    "<",
    ">",
    "\n",
    "。",
    "2024年5月1日",
]
html_soup = st.lists(st.one_of(st.sampled_from(TAGS), numeric_text, any_text), max_size=30).map(
    "".join
)


@FUZZ
@given(st.one_of(html_soup, any_text))
def test_robustness_parser_fuzz_clean_page(raw: str) -> None:
    article = clean_page(raw)
    assert isinstance(article.text, str)
    assert "<script" not in article.text.lower() or "<script" in raw.lower()
