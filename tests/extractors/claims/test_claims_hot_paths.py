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
    CLAUSE_BREAK,
    CLAUSE_PENALTY,
    Cue,
    _nearest,
    _search,
    load_metric_cues,
)
from extractors.segmentation import Sentence

_METRIC_CUES = load_metric_cues()
_LINK_CUES = load_link_cues()

_PIECES = ["训练", "成本", "参数", "营收", "员工", "融资", "价格", "显存", "的", "约", "为"]
_PIECES += ["，", "。", "（", "）", " ", "1", "3", "年", "OpenAI", "a", "超过", "约为"]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=16).map("".join)


def _distance(sentence: str, cs: int, ce: int, qs: int, qe: int, cue: Cue) -> float | None:
    """A match's score, as claim building scored each match before :func:`_nearest`."""
    if cs >= qe:
        if cue.side == "before":
            return None
        gap, between = cs - qe, sentence[qe:cs]
    elif ce <= qs:
        if cue.side == "after":
            return None
        gap, between = qs - ce, sentence[ce:qs]
    else:  # the cue overlaps the quantity text (e.g. a unit word inside it)
        return -float(cue.bonus)
    if gap > cue.window:
        return None
    breaks = len(CLAUSE_BREAK.findall(between))
    if cue.side == "before" and breaks:
        return None
    return gap + CLAUSE_PENALTY * breaks - cue.bonus


def _nearest_by_distance(found, sentence: str, qs: int, qe: int):  # type: ignore[no-untyped-def]
    """The loop as it was: :func:`_distance` of every match, the first lowest wins."""
    best_score, best_cue, best_text = 0.0, None, ""
    for cue, matches in found:
        for cs, ce, cue_text in matches:
            score = _distance(sentence, cs, ce, qs, qe, cue)
            if score is None:
                continue
            if best_cue is None or score < best_score:
                best_score, best_cue, best_text = score, cue, cue_text
    return best_score, best_cue, best_text


@settings(max_examples=300, deadline=None)
@given(sentence=_TEXTS, data=st.data())
def test_claims_nearest_same_as_distance_loop(sentence: str, data: st.DataObject) -> None:
    qs = data.draw(st.integers(0, len(sentence)))
    qe = data.draw(st.integers(qs, len(sentence)))
    found = _search(_METRIC_CUES.cues, sentence)
    got = _nearest(found, sentence, qs, qe)
    assert got == _nearest_by_distance(found, sentence, qs, qe)
    assert type(got[0]) is type(_nearest_by_distance(found, sentence, qs, qe)[0])


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
