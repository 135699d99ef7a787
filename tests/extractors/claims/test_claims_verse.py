"""Lines of verse are left out of claim building: which lines the builder reads as verse."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from extractors.claims import ClaimBuilder
from extractors.claims.metric import load_metric_cues
from extractors.claims.roles import load_link_cues
from extractors.segmentation import split_sentences

_BUILDER = ClaimBuilder(load_metric_cues(), load_link_cues())

# (text, the paragraphs read as verse)
VERSE_CASES = [
    # lines ending in a comma, and the couplet they open
    ("春风又绿江南岸，\n明月何时照我还，\nDeepSeek-V3拥有6710亿参数。", {0, 1}),
    # short unpunctuated lines of the same length, twinned
    ("山高水长路漫漫\n花开花落又一年\nDeepSeek-V3拥有6710亿参数。", {0, 1}),
    # a verse attribution
    ("——《静夜思》\nDeepSeek-V3拥有6710亿参数。", {0}),
    # sentences closed by full stops are prose, however short
    ("床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\nDeepSeek-V3拥有6710亿参数。", set()),
    ("DeepSeek-V3拥有6710亿参数。\nOpenAI的估值为3000亿美元。", set()),
]


@pytest.mark.parametrize(("text", "verse"), VERSE_CASES)
def test_claims_verse_paragraphs(text: str, verse: set[int]) -> None:
    body = SimpleNamespace(sentences=split_sentences(text))
    assert _BUILDER._verse_paragraphs(body) == verse  # type: ignore[arg-type]
