"""Offset-preserving traditional → simplified conversion."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import chinese_script
from extractors.chinese_script import (
    SimplifiedLines,
    is_traditional,
    simplified_lines,
    to_simplified,
)

# (traditional text, simplified expectation)
CONVERT_CASES = [
    ("輝達", "辉达"),
    ("台積電", "台积电"),
    ("營收達三億元", "营收达三亿元"),
    ("一萬張卡", "一万张卡"),
    ("兩年", "两年"),
    ("發佈新晶片", "发布新晶片"),
    ("輝達發佈H100，售價約3萬美元。", "辉达发布H100，售价约3万美元。"),
    ("「測試」GPU 與 TPU", "「测试」GPU 与 TPU"),
    ("已经是简体", "已经是简体"),
    ("", ""),
]


@pytest.mark.parametrize(("text", "expected"), CONVERT_CASES)
def test_chinese_script_to_simplified(text: str, expected: str) -> None:
    out = to_simplified(text)
    assert out == expected
    assert len(out) == len(text)


def test_chinese_script_offsets_map_one_to_one() -> None:
    text = "據報導，輝達市值達3兆美元，台積電營收創新高。"
    out = to_simplified(text)
    start = text.index("台積電")
    assert out[start : start + 3] == "台积电"
    assert out.index("辉达") == text.index("輝達")


TRADITIONAL_CASES = [
    ("輝達發佈新一代晶片，台積電負責代工", True),
    ("英伟达发布新一代芯片，台积电负责代工", False),
    ("他著有一本书", False),
    ("NVIDIA H100 GPU", False),
    ("", False),
]


@pytest.mark.parametrize(("text", "expected"), TRADITIONAL_CASES)
def test_chinese_script_is_traditional(text: str, expected: bool) -> None:
    assert is_traditional(text) is expected


REJOIN_PAGES = [
    [],
    [""],
    ["已经是简体", "NVIDIA H100 GPU"],
    ["輝達發佈H100，售價約3萬美元。", "瞭解更多：臺灣、香港", "乾隆年間", "𠀀𠀁 extension B"],
    ["「測試」GPU 與 TPU", "", "數據顯示\x00訓練成本"],
]


def _check_rejoin(lines: list[str], picks: list[list[int]]) -> None:
    simple = simplified_lines(lines)
    assert simple.lines == [to_simplified(line) for line in lines]
    if simple.joinable:
        for rows in picks:
            joined = "\n".join(lines[i] for i in rows)
            assert to_simplified(joined) == "\n".join(simple.lines[i] for i in rows)


@pytest.mark.parametrize("lines", REJOIN_PAGES)
def test_chinese_script_picked_lines_rejoin_to_their_copies(lines: list[str]) -> None:
    n = len(lines)
    picks = [list(range(n)), list(range(0, n, 2)), list(reversed(range(n))), [], [0] * min(n, 2)]
    _check_rejoin(lines, picks)
    assert simplified_lines(lines).joinable


_LINE_CHARS = "輝達發佈晶片臺灣瞭解乾隆年間著於後裡萬億简体中文「」，。 aZ1\x00𠀀"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet=_LINE_CHARS, max_size=12), min_size=1, max_size=6),
    st.lists(st.lists(st.integers(min_value=0, max_value=5), max_size=6), max_size=4),
)
def test_chinese_script_picked_lines_rejoin_on_generated_pages(
    lines: list[str], picks: list[list[int]]
) -> None:
    _check_rejoin(lines, [[i for i in rows if i < len(lines)] for rows in picks])


def test_chinese_script_run_by_run_page_is_not_joinable(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page whose whole conversion is refused (moved text) is converted run by run, and
    its copies are not offered for rejoining."""
    monkeypatch.setattr(chinese_script, "_aligned", lambda text, converted: False)
    simple = simplified_lines(["輝達發佈", "臺灣 GPU"])
    assert simple == SimplifiedLines(["辉达发布", "台湾 GPU"], joinable=False)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("GLM\u20114.5 發布", "GLM-4.5 发布"),
        ("Qwen\u20103 模型", "Qwen-3 模型"),
        ("无连字符", "无连字符"),
    ],
)
def test_simplified_copy_spells_hyphen_look_alikes_as_ascii(text: str, expected: str) -> None:
    """Names are matched on the simplified copy: a non-breaking hyphen is a hyphen there."""
    assert to_simplified(text) == expected
    assert simplified_lines([text, text]).lines == [expected, expected]
