"""Bounded work: a page that would take minutes is skipped within its budget; the
quadratic paths (overlong sentences, tags with thousands of attributes) stay linear."""

from __future__ import annotations

import pytest

from corpus.documents import SkippedInput
from extractors.models import Extraction
from tests.robustness.generate import ARTICLE, html_page
from tests.robustness.workers import HANG_MARKER, hang_on_marker

CLAIM_RUN = "深度求索训练成本为557万美元"


@pytest.mark.slow
def test_robustness_budget_hanging_page_is_skipped_and_the_worker_replaced() -> None:
    from flows.pages import BudgetedExtractor

    extractor = BudgetedExtractor("rjieba", budget=1.5, work=hang_on_marker)
    try:
        before = extractor.extract(ARTICLE, "before.txt", None)
        hung = extractor.extract(ARTICLE + HANG_MARKER, "hung.txt", None)
        after = extractor.extract(ARTICLE.replace("某", "另一"), "after.txt", "站点")
    finally:
        extractor.close()
    assert isinstance(before, Extraction) and "1200亿" in before.article.text
    assert isinstance(hung, SkippedInput)
    assert hung.stage == "extract" and hung.reason.startswith("took too long")
    assert isinstance(after, Extraction) and after.article.site == "站点"
    assert extractor.restarts == 1


def test_robustness_budget_sentences_are_capped_and_cover_the_text() -> None:
    from extractors.segmentation import MAX_SENTENCE_CHARS, split_sentences

    text = "前言。\n" + CLAIM_RUN * 30_000 + "，尾声 " + "x" * 2000 + "。"
    sentences = split_sentences(text)
    assert max(len(s.text) for s in sentences) <= MAX_SENTENCE_CHARS
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert sum(len(s.text) for s in sentences) == len(text) - 2  # only the line break and a space
    assert len(sentences) <= 2 + len(text) // (MAX_SENTENCE_CHARS // 2)


def test_robustness_budget_claim_linking_work_is_linear(extractor) -> None:  # type: ignore[no-untyped-def]
    """Linking looks at a quantity's sentence: with sentences capped, the characters it
    may scan (sentence length x quantities in it) grow with the text, not its square."""
    from extractors.segmentation import split_sentences

    work = []
    for copies in (2_000, 8_000):
        text = CLAIM_RUN * copies
        extraction = extractor.extract(text)
        sentences = split_sentences(extraction.article.text)
        per_sentence = {(s.start, s.end): 0 for s in sentences}
        for claim in extraction.claims:
            for start, end in per_sentence:
                if start <= claim.start < end:
                    per_sentence[(start, end)] += 1
                    break
        assert len(extraction.claims) == copies  # every figure still found
        work.append(sum((end - start) * n for (start, end), n in per_sentence.items()))
    ratio = work[1] / work[0]
    assert ratio < 4 * 1.5, f"work grew {ratio:.1f}x for 4x the text"


def test_robustness_budget_tag_attributes_are_capped_before_the_parser() -> None:
    from extractors.cleaning.html_trafilatura import MAX_ATTRIBUTES, limit_attributes, parse_html

    attributes = " ".join(f"a{n}=x" for n in range(40_000))
    page = html_page("标题", ARTICLE).replace("<article>", f'<article><div {attributes} id="z">')
    capped = limit_attributes(page)
    assert len(capped) < len(page) // 50
    tree = parse_html(capped)
    assert max(len(element.attrib) for element in tree.iter()) <= MAX_ATTRIBUTES
    assert limit_attributes(html_page("标题", ARTICLE)) == html_page("标题", ARTICLE)
    quoted = "<p title=\"a > b\" data-x='1'>" + "".join(f" b{n}" for n in range(100)) + "</p>"
    assert limit_attributes(quoted) == quoted  # short tags are left alone


def test_robustness_budget_page_with_too_many_elements_is_stripped(extractor) -> None:  # type: ignore[no-untyped-def]
    from extractors.cleaning.html_trafilatura import MAX_ELEMENTS

    page = html_page("标题", ARTICLE).replace("<article>", "<article>" + "<i></i>" * MAX_ELEMENTS)
    extraction = extractor.extract(page)
    assert "参数规模达到1200亿" in extraction.article.text
