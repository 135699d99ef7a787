"""Claim helpers: behaviour tables, and shortcuts that give what the plain routines give."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.claims.build import _CHIP_COUNT_UNITS
from extractors.claims.confidence import claim_confidence
from extractors.claims.metric import (
    MetricChoice,
    load_metric_cues,
    unit_category,
)
from extractors.claims.roles import (
    _opening_pronoun,
    load_link_cues,
)
from extractors.claims.spans import SpanIndex
from extractors.models import Quantity

_METRIC_CUES = load_metric_cues()
_LINK_CUES = load_link_cues()

# Sentence pieces: cue words, opener and pronoun words, digits, spaces and punctuation.
_PIECES = [
    "训练",
    "成本",
    "参数",
    "参数量",
    "营收",
    "收入",
    "员工",
    "融资",
    "领投",
    "投资",
    "首期",
    "价格",
    "每百万",
    "tokens",
    "GPU",
    "卡",
    "芯片",
    "显存",
    "的",
    "由",
    "约",
    "为",
    "，",
    "。",
    "、",
    " ",
    "\n",
    "1",
    "2024",
    "年",
    "3",
    "月",
    "今年",
    "此外",
    "而",
    "据悉",
    "它",
    "其",
    "该模型",
    "这家公司",
    "OpenAI",
    "a",
    "b",
    "x",
]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)


# (sentence, the pronoun it opens with once its connectives are dropped)
OPENING_PRONOUN_CASES = [
    ("该模型的参数量为70亿。", "该模型"),
    ("此外，其估值已达300亿美元。", "其"),
    ("据悉，这家公司今年营收翻倍。", "这家公司"),
    ("OpenAI的估值为3000亿美元。", None),
]


@pytest.mark.parametrize(("text", "pronoun"), OPENING_PRONOUN_CASES)
def test_claims_opening_pronoun(text: str, pronoun: str | None) -> None:
    assert _opening_pronoun(text, _LINK_CUES) == pronoun


_SPANS = st.lists(
    st.tuples(st.integers(0, 30), st.integers(0, 8)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(_SPANS, st.integers(0, 40), st.integers(0, 40), st.booleans())
def test_claims_span_index_same_as_filter(
    spans: list[tuple[int, int]], lo: int, hi: int, in_order: bool
) -> None:
    items = sorted(spans) if in_order else spans
    index = SpanIndex(items, [s for s, _ in items], [e for _, e in items])
    assert index.within(lo, hi) == [x for x in items if lo <= x[0] and x[1] <= hi]
    assert index.overlaps(lo, hi) == any(s < hi and lo < e for s, e in items)


# (unit, text before the number, text after it, the unit's category)
UNIT_CASES = [
    (None, "输入每百万tokens收费", "元", "none"),
    ("USD", "", "/百万tokens", "price"),
    ("USD", "每百万输入tokens收费", "美元", "price"),
    ("USD", "融资", "美元", "currency"),
    ("CNY/Mtok", "", "", "price"),
    ("currency", "", "/百万tokens", "currency"),  # a unit named like a category is only itself
    ("price", "", "", "price"),
    ("count", "", "块GPU", "count"),
    ("usd", "", "/百万tokens", "usd"),
]


@pytest.mark.parametrize(("unit", "before", "after", "category"), UNIT_CASES)
def test_claims_unit_category(unit: str | None, before: str, after: str, category: str) -> None:
    q = Quantity(text="5", start=len(before), end=len(before) + 1, value=5.0, unit=unit)
    assert unit_category(q, after, before) == category


# (how the subject was linked, how its name was found, the metric's cue and score,
# the claim's confidence)
CONFIDENCE_CASES = [
    ("explicit", "gazetteer", "参数", 3.0, 0.95),
    ("possessive", "variant", "参数", 3.0, 0.85),
    ("carried", "shape", "参数", 3.0, 0.55),
    ("article", "gazetteer", "参数", 11.0, 0.55),
    ("explicit", "gazetteer", None, 99.0, 0.75),
    ("other", "other", None, 99.0, 0.35),
]


@pytest.mark.parametrize(("link", "found", "cue", "score", "confidence"), CONFIDENCE_CASES)
def test_claims_confidence(
    link: str, found: str, cue: str | None, score: float, confidence: float
) -> None:
    assert claim_confidence(link, found, MetricChoice("m", "u", cue, score)) == confidence


_UNITS = st.one_of(
    st.none(),
    st.sampled_from(["none", "count", "USD", "USD/Mtok", "%", "GB", "days", "price"]),
    st.text(max_size=8),
)


@settings(max_examples=300, deadline=None)
@given(_UNITS, st.sampled_from(["", "每百万tokens", "块GPU"]))
def test_claims_chip_units_are_the_count_categories(unit: str | None, after: str) -> None:
    """The units for which _claim looks for a chip are those choose_metric reads it for."""
    q = Quantity(text="5", start=0, end=1, value=5.0, unit=unit)
    small = unit_category(q, after, "") in ("count", "none")
    assert small == (unit in _CHIP_COUNT_UNITS)
