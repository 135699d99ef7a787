"""The build that analyses sentences only when a claim reads them gives what analysing
every sentence in turn gave (tests/claims/eager_build.py), on the bundled articles and
on generated bodies, also with paragraphs out of order."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors.chinese_script import to_simplified
from extractors.claim_context import ArticleContext
from extractors.claim_spans import BodySpans
from extractors.claims import BodyAnalysis
from extractors.cleaning import clean_page_simplified
from extractors.dates import find_dates
from extractors.linking import analyse_sentence
from extractors.pipeline import Extractor
from extractors.quantities import find_quantities
from extractors.segmentation import split_sentences
from extractors.subjects import find_mentions
from tests.claims.eager_build import (
    eager_analyse_sentence,
    eager_build,
    view_facts,
    with_paragraphs,
)

_REPO = Path(__file__).resolve().parents[2]
_ARTICLE_DIRS = [
    _REPO / "tests" / "gold_articles",
    _REPO / "corpus" / "samples",
    _REPO / ".." / "shared" / "seeds",
]
_ARTICLES = sorted(
    p
    for d in _ARTICLE_DIRS
    if d.is_dir()
    for p in d.iterdir()
    if p.is_file() and p.suffix in (".html", ".txt")
)


def _body(extractor: Extractor, text: str, simple: str | None = None) -> BodyAnalysis:
    """What the extractor hands claim building for ``text`` (as in Extractor._claims)."""
    simple = to_simplified(text) if simple is None else simple
    return BodyAnalysis(
        text=text,
        simple=simple,
        sentences=split_sentences(text),
        mentions=find_mentions(simple, extractor.mention_tokens(simple), extractor.gazetteer),
        quantities=find_quantities(simple),
        dates=[(d.start, d.end, d.value) for d in find_dates(simple)],
    )


def _assert_same(extractor: Extractor, body: BodyAnalysis) -> None:
    builder = extractor.builder
    _assert_views_same(extractor, body)
    assert builder.build(body) == eager_build(builder, body)
    paragraphs = [s.paragraph for s in body.sentences]
    # Paragraphs out of order: the lazy scans may not stop early.
    shuffled = [(p * 7919) % 5 for p in paragraphs]
    out_of_order = with_paragraphs(body, shuffled)
    assert builder.build(out_of_order) == eager_build(builder, out_of_order)


def _assert_views_same(extractor: Extractor, body: BodyAnalysis) -> None:
    """Each sentence's view, its parts asked for in two orders, equals the one-pass one."""
    spans = BodySpans.of(body.mentions, body.quantities, body.dates)
    cues = extractor.builder.link_cues
    for s in body.sentences:
        args = (body.simple[s.start : s.end], s.start, s.paragraph)
        mentions = spans.mentions.within(s.start, s.end)
        want = view_facts(eager_analyse_sentence(*args, mentions, cues))
        assert view_facts(analyse_sentence(*args, mentions, cues)) == want
        late = analyse_sentence(*args, mentions, cues)  # roles last first, attribution last
        roles = [late.role_of(j) for j in reversed(range(len(mentions)))][::-1]
        assert [r.role for r in want[3]] == roles  # type: ignore[attr-defined]
        assert view_facts(late) == want


def test_claims_lazy_context_articles_found() -> None:
    assert len(_ARTICLES) >= 20


@pytest.mark.parametrize("path", _ARTICLES, ids=lambda p: p.name)
def test_claims_lazy_build_same_as_eager_on_articles(extractor: Extractor, path: Path) -> None:
    article, simple = clean_page_simplified(path.read_text(encoding="utf-8"), source_name=path.name)
    if not article.text.strip():
        pytest.skip("no body")
    _assert_same(extractor, _body(extractor, article.text, simple))


# Generated bodies: names the gazetteer knows and ones found by shape, pronouns typed and
# not, cue words of metrics, funding roles, attribution, restating words and numbers.
_NAMES = ["DeepSeek", "OpenAI", "阿里巴巴", "腾讯", "红杉资本", "英伟达", "H800", "GPT-4o"]
_NAMES += ["月之暗面", "Kimi", "新浪科技", "ZetaMind公司", "Qwen3", "Llama 3"]
_WORDS = ["其", "它", "该公司", "该模型", "这家公司", "公司", "此外，", "据", "《科技日报》"]
_WORDS += ["报道称", "表示", "的", "发布", "完成", "融资", "领投", "跟投", "出资", "首期"]
_WORDS += ["其余", "参数", "训练成本", "用户", "使用", "达到", "这一数字还是", "相比", "由"]
_WORDS += ["模型", "芯片", "GPU", "估值", "营收", "员工", "每百万tokens", "价格", "，", "、"]
_NUMBERS = ["10亿美元", "557万美元", "6710亿", "2048块", "30%", "2亿", "3亿", "100万"]
_NUMBERS += ["5亿人", "1.5万亿", "2024年3月", "两款", "80分", "0.5元"]
_PHRASES = ["完成10亿美元融资", "首期30亿美元", "其余20亿美元", "出资50亿元", "参数达到6710亿"]
_PHRASES += ["训练成本仅为557万美元", "的估值为800亿美元", "报道称", "的数据显示", "使用了2048块"]
_PIECES = st.sampled_from(_NAMES + _NAMES + _WORDS + _NUMBERS + _PHRASES)
_OPENINGS = ["", "", "其", "它", "该公司", "该模型", "此外，其", "这家公司", "公司"]
# A sentence: random pieces, or an opening (often a pronoun), perhaps a name, a few
# pieces and perhaps a number: pronoun chains over sentences without numbers.
_SENTENCES = st.one_of(
    st.lists(_PIECES, min_size=1, max_size=9).map("".join),
    st.tuples(
        st.sampled_from(_OPENINGS),
        st.sampled_from(["", "", "", *_NAMES]),
        st.lists(st.sampled_from(_WORDS), max_size=3).map("".join),
        st.sampled_from(["", "", *_NUMBERS, *_PHRASES]),
    ).map("".join),
)
_ENDS = st.sampled_from(["。", "。", "！", "\n", "\n", "\n\n", "；"])
_TEXTS = st.lists(st.tuples(_SENTENCES, _ENDS), min_size=1, max_size=14).map(
    lambda parts: "".join(s + e for s, e in parts)
)


# Carried topics over sentences without numbers (paragraph by paragraph), a bare sentence
# before a pronoun one in the same paragraph, typed pronouns and instalments.
CHAIN_CASES = [
    ("DeepSeek发布新模型。\n其表现出色。\n其参数达到6710亿。", "DeepSeek"),
    ("OpenAI发布了GPT-4o。\n它表现出色。\n此外，其训练成本仅为557万美元。", "GPT-4o"),
    ("DeepSeek发布新模型。\n表现出色，参数达到6710亿。其训练成本仅为557万美元。", "DeepSeek"),
    ("DeepSeek发布新模型。\n其表现出色。\n它很强。\n其参数达到6710亿。", "DeepSeek"),
    ("阿里巴巴发布模型。表现出色。\n该公司营收达到100亿元。", "Alibaba"),
    ("月之暗面完成10亿美元融资，由阿里巴巴领投。\n阿里巴巴首期出资30亿美元。", "Moonshot AI"),
]


@pytest.mark.parametrize(("text", "subject"), CHAIN_CASES)
def test_claims_lazy_build_same_as_eager_on_chains(
    extractor: Extractor, text: str, subject: str
) -> None:
    body = _body(extractor, text)
    claims = extractor.builder.build(body)
    assert subject in {c.subject for c in claims}
    _assert_same(extractor, body)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXTS)
def test_claims_lazy_build_same_as_eager_on_generated(extractor: Extractor, text: str) -> None:
    _assert_same(extractor, _body(extractor, text))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXTS, data=st.data())
def test_claims_lazy_build_same_as_eager_any_paragraphs(
    extractor: Extractor, text: str, data: st.DataObject
) -> None:
    body = _body(extractor, text)
    paragraphs = data.draw(
        st.lists(st.integers(-12, 4), min_size=len(body.sentences), max_size=len(body.sentences))
    )
    changed = with_paragraphs(body, paragraphs)
    assert extractor.builder.build(changed) == eager_build(extractor.builder, changed)


def test_claims_lazy_context_investors_only_forward(extractor: Extractor) -> None:
    """Investors are asked for in sentence order; an earlier sentence is refused."""
    body = _body(extractor, "本轮由阿里巴巴领投。腾讯跟投。")
    spans = BodySpans.of(body.mentions, body.quantities, body.dates)
    context = ArticleContext(
        body.simple, body.sentences, spans.mentions, extractor.builder.link_cues
    )
    assert context.investors_through(0) == {"Alibaba"}
    assert context.investors_through(1) == {"Alibaba", "Tencent"}
    with pytest.raises(ValueError):
        context.investors_through(0)
