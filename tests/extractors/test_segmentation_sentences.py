"""split_sentences (one scan of the text) equals the plain line-by-line split, but for the
bulleted lines under a heading, which count as the heading's paragraph."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.segmentation import _SENTENCE_END, Sentence, split_sentences

_LINE = re.compile(r"[^\n]+")


def _plain_split(text: str) -> list[Sentence]:
    """Each non-blank line cut after every sentence end, pieces trimmed, blanks dropped."""
    sentences: list[Sentence] = []
    paragraph = -1
    for line in _LINE.finditer(text):
        if not line.group().strip():
            continue
        paragraph += 1
        cuts = [line.start()]
        cuts += [line.start() + m.end() for m in _SENTENCE_END.finditer(line.group())]
        cuts.append(line.end())
        for start, end in pairwise(cuts):
            piece = text[start:end]
            if piece.strip():
                s = start + len(piece) - len(piece.lstrip())
                e = s + len(piece.strip())
                sentences.append(Sentence(s, e, text[s:e], paragraph))
    return sentences


SENTENCE_CASES = [
    "",
    "\n\n",
    "没有句号的一行",
    "第一句。第二句！第三句？",
    "他说：“训练成本仅为557万美元。”随后离开。",
    "  前后有空格。  \n\n  第二段；还有\u3000\n",
    "句号。。！！」』后面\n\n\n\t\n最后",
    "Mixed! English? text; here.\r\nnext\x0bline\x85end\u2029",
    "。\n！\n",
    "尾部没有换行。",
    "a\n\nb\n \nc",
]


@pytest.mark.parametrize("text", SENTENCE_CASES)
def test_segmentation_split_sentences_equals_line_by_line_split(text: str) -> None:
    assert split_sentences(text) == _plain_split(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="。！？；!?;”’」』）)\"'\n \t\u3000\x0b\x85\r甲乙ab1", max_size=40))
def test_segmentation_split_sentences_equals_line_by_line_split_on_generated_text(
    text: str,
) -> None:
    assert split_sentences(text) == _plain_split(text)


def test_segmentation_sentences_index_the_text() -> None:
    text = "  第一段。第二句\n\n 第二段！ "
    sentences = split_sentences(text)
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("第一段。", 0),
        ("第二句", 0),
        ("第二段！", 1),
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


LIST_ITEM_CASES = [
    # a flattened list: items cut after a citation mark
    (
        "H20采用Hopper架构，性能为H100的15%[4] - 芯片显存带宽达4.0 TB/s[5] - 适合数据中心部署",
        ["H20采用Hopper架构，性能为H100的15%[4]", "芯片显存带宽达4.0 TB/s[5]", "适合数据中心部署"],
    ),
    # a spaced hyphen elsewhere is no item break
    (
        "2024 - 2025年，GPT-4 - 一款模型的参数未公开。",
        ["2024 - 2025年，GPT-4 - 一款模型的参数未公开。"],
    ),
]


@pytest.mark.parametrize(("text", "items"), LIST_ITEM_CASES)
def test_segmentation_flattened_list_items_are_sentences(text: str, items: list[str]) -> None:
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == items
    assert all(text[s.start : s.end] == s.text for s in sentences)


# (text, the paragraph index of each sentence)
PARAGRAPH_CASES = [
    # one line, one paragraph; two lines, two
    ("第一句。第二句。", [0, 0]),
    ("第一行。\n第二行。", [0, 1]),
    # bulleted lines under a heading are the heading's
    ("模型参数\n• 参数量: 7B\n• 上下文长度: 4K", [0, 0, 0]),
    # ... not under a line of running text, which is a paragraph of its own
    ("公司公布了新模型的参数，如下。\n• 参数量: 7B\n• 上下文长度: 4K", [0, 1, 2]),
    # ... and a line that is no bullet ends the list
    ("模型参数\n• 参数量: 7B\n后面是另一段正文。", [0, 0, 1]),
]


@pytest.mark.parametrize(("text", "paragraphs"), PARAGRAPH_CASES)
def test_segmentation_paragraph_of_each_sentence(text: str, paragraphs: list[int]) -> None:
    assert [s.paragraph for s in split_sentences(text)] == paragraphs
