"""A Chinese word glued to a version is a name; glued to a measured number it is not."""

from __future__ import annotations

import pytest

from extractors import BACKENDS
from extractors.subjects import find_mentions
from extractors.subjects.shapes import measured, measured_from
from flows.pages import extractor_for

# (text, shape-found names, the windows segmented for them)
VERSION_CASES = [
    ("团队发布灵犀2.5，性能提升明显。", ["灵犀2.5"], ["团队发布灵犀2.5，"]),
    ("天工3.0与天工2.0相比", ["天工3.0", "天工2.0"], ["天工3.0与天工2.0相比"]),
    # 灵犀 was seen with a dotted version: it takes a letter version later in the text
    ("灵犀1.5发布后，灵犀X2也上线了。", ["灵犀1.5", "灵犀X2"], ["灵犀1.5发布后，"]),
    # a number followed by a measure is a quantity: no name, and nothing to segment
    ("营收约为1.60亿元，同比增长2.5%。", [], []),
    ("灵犀2.5亿次调用", [], []),
    ("股价上涨1.5倍，市值约为3.2万亿", [], []),
    # a unit after the number is read from the tokens, so the window stays
    ("该模型支持2.5B参数", [], ["该模型支持2.5B参数"]),
]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    ("text", "names", "windows"), VERSION_CASES, ids=[c[0] for c in VERSION_CASES]
)
def test_subjects_versions_glued_to_words(
    backend: str, text: str, names: list[str], windows: list[str]
) -> None:
    extractor = extractor_for(backend)
    found = find_mentions(text, extractor.mention_tokens(text), extractor.gazetteer)
    assert [m.name for m in found if m.how == "shape"] == names
    assert [text[s:e] for s, e in extractor.windows.spans(text)] == windows


# (text, where a version-like token ends, whether a measure follows the number)
MEASURED_CASES = [
    ("1.60亿", 4, True),
    ("1.60亿", 3, True),  # "1.6" cut from "1.60": the measure after the digits counts
    ("2.5倍", 3, True),
    ("3.5%", 3, True),
    ("2.5，", 3, False),
    ("2.5B", 3, False),
    ("V3发布", 2, False),
    ("2.5", 3, False),  # the end of the text
]


@pytest.mark.parametrize(("text", "end", "expected"), MEASURED_CASES)
def test_subjects_versions_measured(text: str, end: int, expected: bool) -> None:
    assert measured(text, end) is expected
    assert measured_from(text, 0) is expected  # from the token's start, whatever its end
