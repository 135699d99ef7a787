"""Chinese words glued to a version or an organization suffix: when they are names, and
which stretches are segmented to find them."""

from __future__ import annotations

import pytest

from extractors import BACKENDS
from extractors.subjects import find_mentions
from extractors.subjects.shapes import generic_tail, measured, measured_from
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
    # a verb glued to a version names nothing
    ("成绩达到V3水平", [], ["成绩达到V3水平"]),
    # a unit after the number is read from the tokens, so the window stays
    ("该模型支持2.5B参数", [], ["该模型支持2.5B参数"]),
    # a dotted number that goes on with a dot heads an outline: no version
    ("基础能力1.2.四个象限的含义", [], ["基础能力1.2.四个象限的含义"]),
]


# (text, where a version-like token ends, whether a measure follows the number)
MEASURED_CASES = [
    ("1.60亿", 4, True),
    ("1.60亿", 3, True),  # "1.6" cut from "1.60": the measure after the digits counts
    ("2.5倍", 3, True),
    ("3.5%", 3, True),
    ("76.0 %", 4, True),  # a table cell may space the sign off
    ("2.5，", 3, False),
    ("2.5B", 3, False),
    ("V3发布", 2, False),
    ("2.5", 3, False),  # the end of the text
]


@pytest.mark.parametrize(("text", "end", "expected"), MEASURED_CASES)
def test_subjects_glued_words_measured(text: str, end: int, expected: bool) -> None:
    assert measured(text, end) is expected
    assert measured_from(text, 0) is expected  # from the token's start, whatever its end


# (text, shape-found organizations, the windows segmented for them)
SUFFIX_CASES = [
    ("星尘智能宣布融资。", ["星尘智能"], ["星尘智能宣布融资。"]),
    ("新浪科技报道称", ["新浪科技"], ["新浪科技报道称"]),
    # after a generic word, or after 的, a suffix names no organization: nothing to segment
    ("这家初创公司融资10亿元。", [], []),
    ("中国公司纷纷跟进", [], []),
    ("一家大数据公司完成融资", [], []),
    ("他们的公司", [], []),
    ("从哈佛辍学创办社交媒体公司", [], []),  # what the firm does, not its name
    ("软银清空所持英伟达全部股份", [], []),  # shares, not a listed company
    # a word the dictionary files as a verb or a numeral names nothing (told from tokens)
    ("这意味着公司的成本下降", [], ["这意味着公司的成本下降"]),
    ("多数科技企业", [], ["多数科技企业"]),
    # a name the segmenter cut into characters: its last two before the suffix
    ("宜搜科技仅募资0.86亿港元。", ["宜搜科技"], ["宜搜科技仅募资0.86亿港元。"]),
    # ... unless one is a pronoun or a verb of saying
    ("他说科技公司都在裁员。", [], ["他说科技公司都在裁员。"]),
]


GLUED_CASES = VERSION_CASES + SUFFIX_CASES


# A file name or web address names no one, whatever its shape.
ADDRESS_CASES = [
    "https://www.example.com/assets/nvdalogoa19.jpg\n首席财务官的评论",
    "详见 www.example.com/GLM4.5 的说明",
    # ... nor does a unit glued to the next figure by a lost space
    "最多 200,000 输入 token128,000 输出 token",
]


@pytest.mark.parametrize("text", ADDRESS_CASES)
def test_subjects_no_names_inside_addresses(text: str) -> None:
    extractor = extractor_for(BACKENDS[0])
    found = find_mentions(text, extractor.mention_tokens(text), extractor.gazetteer)
    assert [m.name for m in found if m.how == "shape"] == []


# A word in a slash list with a number format is one more format, down the whole list;
# a list of names with no format in it keeps its names.
FORMAT_LIST_CASES = [
    ("支持FP32/HF32/FP16/BF16等格式", []),
    ("新增支持FP8/MXFP8/MXFP4等低精度格式", []),
    ("对比Nova-M1/Nova-M2两款模型", ["Nova-M1", "Nova-M2"]),
]


@pytest.mark.parametrize(("text", "names"), FORMAT_LIST_CASES)
def test_subjects_formats_listed_with_formats_are_no_names(text: str, names: list[str]) -> None:
    extractor = extractor_for(BACKENDS[0])
    found = find_mentions(text, extractor.mention_tokens(text), extractor.gazetteer)
    assert [m.name for m in found if m.how == "shape"] == names


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(("text", "names", "windows"), GLUED_CASES, ids=[c[0] for c in GLUED_CASES])
def test_subjects_glued_words_names_and_windows(
    backend: str, text: str, names: list[str], windows: list[str]
) -> None:
    extractor = extractor_for(backend)
    found = find_mentions(text, extractor.mention_tokens(text), extractor.gazetteer)
    assert [m.name for m in found if m.how == "shape"] == names
    assert [text[s:e] for s, e in extractor.windows.spans(text)] == windows


# (text, end, whether the text ends there with a generic word of two characters or more)
GENERIC_TAIL_CASES = [
    ("这家公司", 2, True),
    ("大数据公司", 3, True),  # ends with 数据
    ("星尘公司", 2, False),
    ("母公司", 1, False),  # one-character generic words count only as whole words
    ("初创", 2, True),
    ("", 0, False),
]


@pytest.mark.parametrize(("text", "end", "expected"), GENERIC_TAIL_CASES)
def test_subjects_glued_words_generic_tail(text: str, end: int, expected: bool) -> None:
    assert generic_tail(text, end, extractor_for("rjieba").gazetteer) is expected


def test_subjects_glued_words_function_words_from_dictionary() -> None:
    """Verbs, numerals... of the segmenter dictionary; names and nouns are not among them."""
    words = extractor_for("rjieba").gazetteer.function_words
    assert {"意味着", "达到", "多数", "并称"} <= words
    assert not {"百度", "新浪", "大模型", "通义千问"} & words
