"""Repeated-structure detection and line shapes used by the cleaner."""

from __future__ import annotations

import pytest

from extractors.cleaning.lines import (
    is_breadcrumb,
    is_lone_number,
    is_name_like,
    is_nav_bar,
    is_timestamp_line,
    normalise_text,
)
from extractors.cleaning.structure import listing_lines

ITEMS_3 = [
    "第一条其他新闻的标题",
    "某来源",
    "2025-01-01 10:00:00",
    "第二条其他新闻的标题",
    "另一来源",
    "2025-01-01 09:00:00",
    "第三条其他新闻的标题",
    "第三来源",
    "2025-01-01 08:00:00",
]

# (lines, indices expected in a listing)
LISTING_CASES = [
    (ITEMS_3, set(range(9))),
    ([*ITEMS_3, "2025-01-02 12:00:00", "作者名"], set(range(9))),
    (ITEMS_3[:6], set()),
    (["正文第一段，这里没有列表。", "2025-01-01 10:00", "正文第二段。"], set()),
    (
        [
            "标题A",
            "2025年01月01日 10:00",
            "标题B",
            "2025年01月01日 09:00",
            "标题C",
            "2025年01月01日 08:00",
        ],
        set(range(6)),
    ),
]


@pytest.mark.parametrize(("lines", "expected"), LISTING_CASES)
def test_cleaning_listing_lines_finds_repeated_items(lines: list[str], expected: set[int]) -> None:
    assert listing_lines(lines) == expected


SHAPE_CASES = [
    (is_breadcrumb, "网站首页 > 科技频道 > 正文", True),
    # the last of three segments may be the headline itself
    (is_breadcrumb, "首页 > 科技笔记 > 半年不到 某某模型的用户已回落三成", True),
    (is_breadcrumb, "首页 > 这是一段很长很长的不像栏目名称的文字内容 > 正文", False),
    (is_breadcrumb, "A>B的比较结果显示，前者远大于后者，这是一个完整的句子而不是导航。", False),
    (is_nav_bar, "首页 新闻 体育 财经 科技", True),
    (is_nav_bar, "首页 | 科技 | 财经 | 汽车", True),
    (is_nav_bar, "这是一句普通的话。", False),
    (is_lone_number, "01", True),
    (is_lone_number, "（三）", True),
    (is_lone_number, "2048块", False),
    (is_timestamp_line, "2025-03-27 17:30:47", True),
    (is_timestamp_line, "2025年03月20日 14:32 某某科技", True),
    (
        is_timestamp_line,
        "2025年3月27日，公司宣布了一项重要的合作，双方将在多个领域展开深入合作。",
        False,
    ),
    (is_name_like, "某作者 some-icon-class", True),
    (is_name_like, "这是一句话，不是名字。", False),
]


@pytest.mark.parametrize(("shape", "line", "expected"), SHAPE_CASES)
def test_cleaning_line_shapes(shape, line: str, expected: bool) -> None:
    assert shape(line) is expected


def test_cleaning_normalise_text_unifies_newlines_and_spaces() -> None:
    raw = "\u3000\u3000第一行\u00a0 内容\r\n\r\n第二行\u200b\t\r第三行"
    assert normalise_text(raw) == ["第一行 内容", "", "第二行", "第三行"]
