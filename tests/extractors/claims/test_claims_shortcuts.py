"""Claim helpers: behaviour tables, and shortcuts that give what the plain routines give."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.claim_spans import SpanIndex
from extractors.claims import _CHIP_COUNT_UNITS, _confidence
from extractors.linking import (
    _opening_pronoun,
    load_link_cues,
)
from extractors.metrics import (
    MetricChoice,
    load_metric_cues,
    unit_category,
)
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


def _opening_pronoun_by_regex(text: str) -> str | None:
    """The pronoun after the openers, always running the openers pattern."""
    opener = _LINK_CUES.openers.search(text)
    if opener is None:
        pos = 0
    elif opener.start() == 0:
        pos = opener.end()
    else:
        text, pos = text[: opener.start()] + text[opener.end() :], 0
    found = _LINK_CUES.pronoun_start.match(text, pos)
    return found.group() if found else None


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_claims_opening_pronoun_same_as_regex(text: str) -> None:
    assert _opening_pronoun(text, _LINK_CUES) == _opening_pronoun_by_regex(text)


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


@pytest.mark.parametrize("link", ["possessive", "explicit", "carried", "other"])
@pytest.mark.parametrize("found", ["gazetteer", "variant", "shape", "other"])
@pytest.mark.parametrize(("cue", "score"), [(None, 99.0), ("成本", 3.0), ("成本", 11.0)])
def test_claims_confidence_same_as_formula(
    link: str, found: str, cue: str | None, score: float
) -> None:
    penalty = {"possessive": 0.05, "explicit": 0.0}.get(link, 0.2)
    penalty += {"gazetteer": 0.0, "variant": 0.05}.get(found, 0.2)
    penalty += 0.2 if cue is None else (0.1 if score > 10 else 0.0)
    wanted = round(max(0.05, min(1.0, 0.95 - penalty)), 2)
    assert _confidence(link, found, MetricChoice("m", "u", cue, score)) == wanted


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
