"""The trafilatura wrapper gives what trafilatura's public functions give, and never raises."""

from __future__ import annotations

from pathlib import Path

import pytest
import trafilatura

from extractors.cleaning.html_trafilatura import TrafilaturaMetadata, main_text, parse_html

ROOT = Path(__file__).resolve().parents[3]
PAGE_FILES = sorted(
    [
        *ROOT.glob("corpus/samples/*.html"),
        *ROOT.glob("tests/gold_articles/*.html"),
        *(Path(__file__).parent / "pages").glob("*.html"),
    ]
)

_PARA = "<p>研究团队表示，新模型在多项基准测试中取得了明显进步，训练算力比上一代减少一半。</p>"
_ARTICLE = "<article><h1>新模型发布</h1>" + _PARA * 14 + "</article>"


def _page(extra: str, meta: str = "") -> str:
    head = f"<head>{meta}<title>新模型发布</title></head>"
    return f"<html>{head}<body>{_ARTICLE}{extra}</body></html>"


# Pages written so that the full cascade takes another text than the quick pass,
# or so that the quick pass is kept.
BUILT_PAGES = {
    "list_block_readability_wins": _page("<div><ul>" + f"<li>{_PARA}</li>" * 40 + "</ul></div>"),
    "sidebar": _page("<aside><div>" + _PARA * 120 + "</div></aside>"),
    "teaser_block": _page("<div class='teaser'>" + _PARA * 120 + "</div>"),
    "short_article": _page("", meta='<meta name="author" content="Lin Xiaolan">').replace(
        _PARA * 14, _PARA
    ),
    "plain_article": _page("<footer>版权所有</footer>"),
    "no_paragraphs": "<html><body><div>" + "正文内容很长。" * 200 + "</div></body></html>",
    # the quick pass falls back on trafilatura's baseline, the full cascade on readability
    "baseline_rescue": "<html><body><span>x</span>"
    + _PARA * 12
    + "<div class='plain'>"
    + "<p>推荐阅读内容很长，其他文章的摘要。</p>" * 10
    + "</div></body></html>",
    "teaser_in_recovery": "<html><body><span>x</span>"
    + _PARA * 12
    + "<div class='teaser'>"
    + "<p>推荐阅读内容很长，其他文章的摘要。</p>" * 10
    + "</div></body></html>",
}
PAGES = [(p.name, p.read_text(encoding="utf-8")) for p in PAGE_FILES] + list(BUILT_PAGES.items())
ODD_INPUTS = ["", "   ", "<p>x</p>", "not html at all", "<div>" * 3000 + "深" + "</div>" * 3000]

DATE_PARAMS = {"extensive_search": False, "original_date": True}


@pytest.mark.parametrize(("name", "raw"), PAGES, ids=[name for name, _ in PAGES])
def test_html_trafilatura_main_text_equals_full_cascade(name: str, raw: str) -> None:
    want = trafilatura.bare_extraction(raw, include_comments=False, include_tables=True)
    assert main_text(parse_html(raw)) == (want.text if want is not None else None)


@pytest.mark.parametrize("raw", ODD_INPUTS, ids=range(len(ODD_INPUTS)))
def test_html_trafilatura_odd_input_like_full_cascade(raw: str) -> None:
    try:
        want = trafilatura.bare_extraction(raw, include_comments=False, include_tables=True)
    except (Exception, RecursionError):
        want = None
    tree = parse_html(raw)
    got = main_text(tree) if tree is not None else None
    assert got == (want.text if want is not None else None)


@pytest.mark.parametrize(("name", "raw"), PAGES, ids=[name for name, _ in PAGES])
def test_html_trafilatura_metadata_equals_extract_metadata(name: str, raw: str) -> None:
    tree = parse_html(raw)
    want = trafilatura.extract_metadata(tree, date_config=DATE_PARAMS)
    got = TrafilaturaMetadata(tree)
    assert (got.sitename, got.author, got.date) == (want.sitename, want.author, want.date)
