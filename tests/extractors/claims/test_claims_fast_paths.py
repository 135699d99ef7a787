"""The shortcuts of claim building give what the plain regexes give."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.chinese_script import to_simplified
from extractors.linking import _QUALIFIER_WORDS, strip_qualifiers
from extractors.metrics import load_metric_cues
from extractors.regex_facts import first_chars

# (pattern, the characters every match starts with; None: cannot be told, always run)
FIRST_CHAR_CASES = [
    ("营收|营业收入", {"营"}),
    ("(?:约|大约)?成本", {"约", "大", "成"}),
    ("(?<=的)参数量", {"参"}),
    ("[A-C]卡", {"A", "B", "C"}),
    (r"\d+亿", None),  # a category: not spelled out
    ("训练.*成本", {"训"}),
    (".成本", None),
    ("a*", None),  # may match empty
    ("(?i)gpu", None),  # case folding
    ("(a)\\1", {"a"}),
]


@pytest.mark.parametrize(("pattern", "expected"), FIRST_CHAR_CASES)
def test_claims_first_chars_table(pattern: str, expected: set[str] | None) -> None:
    got = first_chars(re.compile(pattern))
    assert (set(got) if got is not None else None) == expected


_CUE_PATTERNS = [c.pattern for c in load_metric_cues().cues]
_SAMPLES = sorted((Path(__file__).resolve().parents[3] / "corpus" / "samples").iterdir())


@pytest.mark.parametrize("path", _SAMPLES, ids=lambda p: p.name)
def test_claims_first_chars_cover_every_cue_match(path: Path) -> None:
    """Wherever a metric cue matches in a real article, its match starts with one of the
    characters worked out for it (so skipping the cue elsewhere loses nothing)."""
    text = to_simplified(path.read_text(encoding="utf-8"))
    matched = 0
    for pattern in _CUE_PATTERNS:
        chars = first_chars(pattern)
        for m in pattern.finditer(text):
            if chars is not None and m.end() > m.start():
                assert text[m.start()] in chars, pattern.pattern
                matched += 1
    assert matched > 0


_QUALIFIER_TAIL = re.compile(
    "(?:"
    + "|".join(re.escape(w) for w in sorted(_QUALIFIER_WORDS, key=len, reverse=True))
    + r")*\s*$"
)


def _strip_by_regex(prefix: str) -> str:
    return prefix[: _QUALIFIER_TAIL.search(prefix).start()]  # type: ignore[union-attr]


_PIECES = [*sorted(_QUALIFIER_WORDS), "的", "成本", " ", "A", "约为约"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join))
def test_claims_strip_qualifiers_same_as_regex(prefix: str) -> None:
    assert strip_qualifiers(prefix) == _strip_by_regex(prefix)
