"""Offset-preserving traditional → simplified conversion."""

from __future__ import annotations

import pytest

from extractors import chinese_script
from extractors.chinese_script import is_traditional, to_simplified

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


def test_chinese_script_run_by_run_when_the_whole_conversion_moved_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A text whose whole conversion is refused (moved text) is converted run by run."""
    monkeypatch.setattr(chinese_script, "_aligned", lambda text, converted: False)
    assert to_simplified("輝達發佈\n臺灣 GPU") == "辉达发布\n台湾 GPU"


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
