"""Segmenting only the sentences a token rule needs gives the same tokens and mentions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors import BACKENDS
from extractors.chinese_script import to_simplified
from extractors.cleaning import clean_page
from extractors.pipeline import Extractor
from extractors.segmentation import split_sentences, tokens_in
from extractors.subjects import find_mentions
from flows.pages import extractor_for

REPO = Path(__file__).resolve().parents[3]
PAGES = sorted([*REPO.glob("corpus/samples/*"), *REPO.glob("tests/gold_articles/*")])
_RUN_RE = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1fA-Za-z0-9+#&._%-]+"
)


def _whole(extractor: Extractor, text: str) -> list[tuple[int, str]]:
    """Tokens of the whole text in one segmenter call, blanks left out."""
    return [(t.idx, t.text) for t in extractor.nlp(text) if not t.text.isspace()]


# (text, the windows segmented: the run around each trigger and the character after it)
WINDOW_CASES = [
    ("据报道，通义千问2.5在测试中领先，价格未公布。", ["通义千问2.5在测试中领先，"]),
    ("文心V4发布。", ["文心V4发布。"]),
    ("新一代昇腾910B的产能（据称）正在提升", ["新一代升腾910B的产能（"]),  # a known stem
    ("消息称，星尘智能融资10亿元。", ["星尘智能融资10亿元。"]),  # an org suffix
    ("消息称，这家初创公司融资10亿元。", []),  # a suffix after a generic word
    ("某某科技宣布了新计划；另一家公司没有", ["某某科技宣布了新计划；"]),
    ("模型参数达到6710亿。", []),  # a number, but no version or suffix glued to a word
    ("GPT-4o的价格下降了80%。", []),  # Latin names are found without tokens
    ("今天天气很好。", []),
]


@pytest.mark.parametrize(("text", "windows"), WINDOW_CASES, ids=[c[0] for c in WINDOW_CASES])
def test_token_windows_runs_around_triggers(text: str, windows: list[str]) -> None:
    simple = to_simplified(text)  # the extractor looks at the simplified body
    spans = extractor_for("rjieba").windows.spans(simple)
    assert [simple[s:e] for s, e in spans] == windows


def test_token_windows_reach_words_seen_with_dotted_versions() -> None:
    """ "文心4.5" makes 文心 a stem, so a later "文心X1" sentence needs tokens too."""
    extractor = extractor_for("rjieba")
    text = "百度发布文心4.5。\n随后推出文心X1，售价更低。"
    first = extractor.windows.spans(text)
    tokens = tokens_in(extractor.nlp, text, first)
    more = extractor.windows.spans_for_seen(text, tokens, first)
    names = {
        m.name
        for m in find_mentions(
            text, sorted(tokens + tokens_in(extractor.nlp, text, more)), extractor.gazetteer
        )
    }
    assert [text[s:e] for s, e in first] == ["百度发布文心4.5。"]
    assert [text[s:e] for s, e in more] == ["随后推出文心X1，"]
    assert {"文心4.5", "文心X1"} <= names


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize(
    "text",
    [
        "DeepSeek-V3 拥有 6710亿参数。  它在2048块H800上训练！\nLlama 3.1 405B 发布",
        "通义千问2.5-Max；百川智能发布Baichuan 4。混合 spaces  and\tTabs 科技公司",
        "罕见字㐀㐁科技与全角数字５．５版、豆包１.５的公司，还有𠀀𠀁集团",
        "",
    ],
)
def test_tokens_in_same_as_whole_text(backend: str, text: str) -> None:
    extractor = extractor_for(backend)
    spans = [(s.start, s.end) for s in split_sentences(text)]
    assert tokens_in(extractor.nlp, text, spans) == _whole(extractor, text)
    runs = [(m.start(), min(m.end() + 1, len(text))) for m in _RUN_RE.finditer(text)]
    inside = [t for t in _whole(extractor, text) if any(s <= t[0] < e for s, e in runs)]
    assert tokens_in(extractor.nlp, text, runs) == inside  # each run cut as in the whole text


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_token_windows_same_mentions_as_whole_body(path: Path) -> None:
    extractor = extractor_for("rjieba")
    article = clean_page(path.read_text(encoding="utf-8"), source_name=path.name)
    simple = to_simplified(article.text)
    gated = extractor.mention_tokens(simple)
    whole = _whole(extractor, simple)
    assert set(gated) <= set(whole)
    gaz = extractor.gazetteer
    assert find_mentions(simple, gated, gaz) == find_mentions(simple, whole, gaz)


@pytest.mark.parametrize("backend", BACKENDS)
def test_token_windows_segmenter_tokens_join_back_into_the_text(backend: str) -> None:
    """The segmenting pipeline is spaCy's Chinese one with its own lexical attributes; its
    tokens, blanks included, give the text back character for character."""
    nlp = extractor_for(backend).nlp
    assert nlp.vocab.lang == "zh"
    text = "新模型参数达到987654321个，约为1.60亿美元"
    tokens = [(t.idx, t.text) for t in nlp(text)]
    assert "".join(word for _, word in tokens) == text
    assert all(text[i : i + len(word)] == word for i, word in tokens)


_GLUE_PIECES = [
    *"约为的了，。 a",
    "1.60",
    "亿",
    "公司",
    "科技",
    "集团",
    "某某",
    "初创",
    "星尘",
    "数据",
    "智能",
    "文心",
    "4.5",
    "X1",
    "V3",
    "增长",
    "升腾",
    "910B",
    "千问",
    "2.5",
    "%",
    "倍",
    "0",
    ".",
    "v",
    "B",
]


@pytest.mark.parametrize("backend", BACKENDS)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(st.sampled_from(_GLUE_PIECES), max_size=14).map("".join))
def test_token_windows_left_out_change_no_mention(backend: str, text: str) -> None:
    """Windows where no rule can fire are not segmented: the mentions stay those of the
    whole text's words."""
    extractor = extractor_for(backend)
    gaz = extractor.gazetteer
    gated = extractor.mention_tokens(text)
    assert find_mentions(text, gated, gaz) == find_mentions(text, _whole(extractor, text), gaz)
