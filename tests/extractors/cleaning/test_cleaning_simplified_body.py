"""The cleaner's simplified copy of the body equals converting the body afresh."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.chinese_script import to_simplified
from extractors.cleaning import clean_page, clean_page_simplified

REPO = Path(__file__).resolve().parents[3]
PAGES = sorted(
    [
        *REPO.glob("tests/extractors/cleaning/pages/*"),
        *REPO.glob("tests/gold_articles/*"),
        *REPO.glob("corpus/samples/*"),
        *(REPO.parent / "shared").glob("seeds/*.txt"),
    ]
)

TRADITIONAL_DUMP = "\n".join(
    [
        "首頁 > 科技 > 正文",
        "輝達發佈新一代晶片，售價約3萬美元",
        "2025-03-20 10:30:00 來源：某某網",
        "據報導，輝達發佈新一代晶片，售價約3萬美元，臺積電負責代工，預計年底量產。",
        "瞭解更多：該模型的訓練成本為557萬美元，使用了2048塊H800。",
        "相關閱讀",
    ]
)

RAW_CASES = ["", "   \n", "只有一行", TRADITIONAL_DUMP, "<html><body><p>輝達發佈</p></body></html>"]


def _check(raw: str) -> None:
    cleaned = clean_page_simplified(raw, source_name="src")
    assert cleaned.article == clean_page(raw, source_name="src")
    assert cleaned.simple in (None, to_simplified(cleaned.article.text))


@pytest.mark.parametrize("raw", RAW_CASES)
def test_cleaning_simplified_body_equals_conversion(raw: str) -> None:
    _check(raw)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_cleaning_simplified_body_equals_conversion_on_pages(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    cleaned = clean_page_simplified(raw)
    assert cleaned.simple == to_simplified(cleaned.article.text)  # made by the cleaner
