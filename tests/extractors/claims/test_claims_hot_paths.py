"""The hot-path rewrites of claim building give what the routines they stand for give."""

from __future__ import annotations

import re
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.claims import ClaimBuilder
from extractors.linking import (
    load_link_cues,
)
from extractors.metrics import (
    load_metric_cues,
)
from extractors.segmentation import Sentence

_METRIC_CUES = load_metric_cues()
_LINK_CUES = load_link_cues()

_PIECES = ["训练", "成本", "参数", "营收", "员工", "融资", "价格", "显存", "的", "约", "为"]
_PIECES += ["，", "。", "（", "）", " ", "1", "3", "年", "OpenAI", "a", "超过", "约为"]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=16).map("".join)


_LINE_ENDS = ["，", "。", "、", "；", "！", " ", "\n", "", "”"]


def _verse_reference(builder: ClaimBuilder, sentences: list[Sentence]) -> set[int]:
    """The verse test as it was, line ends read by the regexes ``[chars]\\s*$``."""
    comma, final = re.compile(r"[，,、]\s*$"), re.compile(r"[。！？!?；;：:”\"]\s*$")
    parts: dict[int, list[str]] = {}
    for s in sentences:
        parts.setdefault(s.paragraph, []).append(s.text)
    lines = {idx: "".join(texts) for idx, texts in parts.items()}
    verse = set()
    for idx, line in lines.items():
        if builder.link_cues.verse_line.match(line) or comma.search(line):
            verse.add(idx)
            continue
        prev = lines.get(idx - 1, "")
        if comma.search(prev) and abs(len(prev) - len(line)) <= 2:
            verse.add(idx)
            continue
        short = 5 <= len(line) <= 24 and not final.search(line)
        short = short and not re.search(r"[0-9A-Za-z]", line)
        twin = any(
            abs(len(lines.get(j, "")) - len(line)) <= 1 and not final.search(lines.get(j, "x。"))
            for j in (idx - 1, idx + 1)
        )
        if short and twin:
            verse.add(idx)
    return verse


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 6),
            st.integers(0, 26),
            st.sampled_from(_LINE_ENDS),
            st.sampled_from(["春", "a", "——《"]),
        ),
        max_size=10,
    )
)
def test_claims_verse_same_as_regex_line_ends(lines: list[tuple[int, int, str, str]]) -> None:
    builder = ClaimBuilder(_METRIC_CUES, _LINK_CUES)
    sentences = [
        Sentence(0, 0, (lead if lead == "——《" else "") + lead[0] * size + end, paragraph)
        for paragraph, size, end, lead in lines
    ]
    body = SimpleNamespace(sentences=sentences)
    got = builder._verse_paragraphs(body)  # type: ignore[arg-type]
    assert got == _verse_reference(builder, sentences)
