"""The shortcuts of mention finding give what the plain patterns and routines give."""

from __future__ import annotations

import bisect
import dataclasses
import inspect
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.subjects import load_gazetteer, ruler, shapes
from extractors.subjects.gazetteer import alias_key
from extractors.subjects.ruler import Mention, _non_overlapping
from extractors.subjects.shapes import ShapeMatch
from extractors.subjects.windows import TokenWindows, Trigger

GAZETTEER = load_gazetteer()

# The patterns as they were written before their first character was moved to the front
# (a leading lookbehind is tried at every position).
_PLAIN_LATIN_NAME = re.compile(
    r"(?<![A-Za-z0-9.\-])"
    r"(?P<name>[A-Za-z][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)*"
    r"(?: (?P<ver>[kKvV]?\d{1,2}(?:\.\d+)?)(?![\d.])"
    r"(?: (?P<size>\d{1,4}(?:\.\d+)?[BM])(?![A-Za-z0-9]))?"
    r"(?: (?P<tail>[A-Z][a-z]{2,}))?)?)"
    r"(?![A-Za-z0-9])"
)
_PLAIN_BARE_VARIANT = re.compile(
    r"(?<![A-Za-z0-9.\-])(?:[A-Za-z]{1,2}\d+(?:\.\d+)?|Max|Pro|Plus|Turbo|Mini|Flash|Ultra|Lite)"
    r"(?![A-Za-z0-9])"
)
_PLAIN_SIZE_VARIANT = re.compile(
    r"(?<![A-Za-z0-9.\-])\d{1,4}(?:\.\d)?[BMT](?![A-Za-z0-9])(?=\s*(?:版本|版|参数版|规模版|模型))"
)

_PIECES = [
    *"aAkKvVxXBMTQ-. 3５\n中的了",
    "2.5",
    "405B",
    "7B",
    "GPT",
    "Llama",
    "Max",
    "Pro",
    "Turbo",
    "Tiny",
    "FP16",
    "H800",
    "版本",
    "模型",
    "公司",
    "科技",
    "集团",
    "升腾",
    "文心",
    "千问",
    "增长",
]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)


def _found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@settings(max_examples=600, deadline=None)
@given(_TEXTS)
def test_subjects_reordered_patterns_match_as_plain_ones(text: str) -> None:
    assert _found(shapes._LATIN_NAME, text) == _found(_PLAIN_LATIN_NAME, text)
    assert _found(ruler._BARE_VARIANT, text) == _found(_PLAIN_BARE_VARIANT, text)
    sizes = _found(ruler._SIZE_VARIANT, text)
    assert sizes == _found(_PLAIN_SIZE_VARIANT, text)
    assert not sizes or ruler._SIZE_MARK.search(text)  # the gate lets every size through


def _plain_latin_names(text: str) -> list[ShapeMatch]:
    """latin_names without its early rejection of names holding no digit and no hyphen."""
    out = []
    for m in _PLAIN_LATIN_NAME.finditer(text):
        name = m.group("name")
        if name.lower() in GAZETTEER.not_names:
            continue
        if shapes._CHIP.fullmatch(name):
            out.append(ShapeMatch(m.start(), m.end(), name, "chip"))
            continue
        if m.group("tail") and m.group("tail").lower() in GAZETTEER.not_names:
            name = name[: -len(m.group("tail")) - 1]
        if m.group("ver") and not shapes._DIGIT.search(name.split(" ")[0]):
            head = name.split(" ")[0]
            if len(head) < 3 or head.lower() in GAZETTEER.not_names or not head[0].isupper():
                name = head
        if shapes._looks_like_model(name, GAZETTEER):
            out.append(ShapeMatch(m.start(), m.start() + len(name), name, "model"))
    return out


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_subjects_latin_names_same_as_without_early_rejection(text: str) -> None:
    assert shapes.latin_names(text, GAZETTEER) == _plain_latin_names(text)


# Texts rich in trigger material: Chinese glued to versions, suffixes and stems.
_TRIGGER_TEXTS = st.lists(
    st.sampled_from(
        ["文心", "升腾", "千问", "公司", "科技", "研究院", "的", "V", "v", "X", *"0１.5。a "]
    ),
    max_size=16,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(_TRIGGER_TEXTS)
def test_subjects_trigger_finds_what_finditer_finds(text: str) -> None:
    body = TokenWindows(GAZETTEER)._versions
    seen = Trigger(["文心", "千问公司", "公司"])
    for trigger in (body, seen):
        got = list(trigger.spans(text))
        assert got == [m.span() for m in trigger.pattern.finditer(text)]


def test_subjects_mention_init_same_as_generated() -> None:
    """Mention's own __init__ takes and sets exactly what the generated one would."""
    fields = dataclasses.fields(Mention)
    reference = dataclasses.make_dataclass(
        "Reference", [(f.name, f.type, f) for f in fields], frozen=True
    )
    names = list(inspect.signature(Mention.__init__).parameters)[1:]
    assert names == [f.name for f in fields]
    for args in [(1, 3, "ab", "AB", "model", "shape"), (0, 2, "x", "X", "chip", "size", "F", True)]:
        got, want = Mention(*args), reference(*args)
        assert dataclasses.astuple(got) == dataclasses.astuple(want)
        assert hash(got) == hash(Mention(*args)) and got == Mention(*args)
    moved = dataclasses.replace(Mention(1, 3, "ab", "AB", "model", "shape"), start=2, base="B")
    assert (moved.start, moved.base, moved.end) == (2, "B", 3)


def _plain_non_overlapping(candidates: list[Mention]) -> list[Mention]:
    ranked = sorted(candidates, key=lambda m: (-(m.end - m.start), m.how != "gazetteer", m.start))
    starts: list[int] = []
    taken: list[Mention] = []
    for m in ranked:
        i = bisect.bisect_right(starts, m.start)
        if (i and taken[i - 1].end > m.start) or (i < len(taken) and taken[i].start < m.end):
            continue
        starts.insert(i, m.start)
        taken.insert(i, m)
    return taken


def _candidates(shortest: int) -> st.SearchStrategy[list[Mention]]:
    spec = st.tuples(
        st.integers(0, 30), st.integers(shortest, 6), st.sampled_from(["gazetteer", "shape"])
    )
    return st.lists(spec, max_size=12).map(
        lambda specs: [
            Mention(s, s + n, "x" * n, f"n{i}", "model", h) for i, (s, n, h) in enumerate(specs)
        ]
    )


# Mostly mentions as found (never empty); some lists with empty ones, chosen among at once.
_CANDIDATES = st.one_of(_candidates(1), _candidates(1), _candidates(0))


@settings(max_examples=500, deadline=None)
@given(_CANDIDATES)
def test_subjects_non_overlapping_same_as_sorting_mentions(candidates: list[Mention]) -> None:
    assert _non_overlapping(candidates) == _plain_non_overlapping(candidates)


def _plain_resolve_variants(text: str, mentions: list[Mention], gazetteer) -> list[Mention]:
    """_resolve_variants looking through every earlier mention, not only possible hosts."""
    out = list(mentions)
    ends = [x.end for x in mentions]
    for m in ruler._BARE_VARIANT.finditer(text):
        i = bisect.bisect_right(ends, m.start())
        if i < len(mentions) and mentions[i].start < m.end():
            continue
        first = bisect.bisect_right(ends, m.start() - ruler._VARIANT_REACH)
        resolved = ruler._inherit(m.group(), mentions[first:i], gazetteer)
        if resolved is not None:
            out.append(dataclasses.replace(resolved, start=m.start(), end=m.end(), text=m.group()))
    return sorted(out, key=lambda x: x.start)


_VARIANT_PIECES = [
    *"。 ，",
    "DeepSeek",
    "DeepSeek-V3",
    "通义千问",
    "Qwen2.5",
    "GPT-4",
    "Llama 3.1",
    "百度",
    "V3",
    "R1",
    "V2.5",
    "Max",
    "Pro",
    "Turbo",
    "模型",
    "发布了",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_VARIANT_PIECES), max_size=12).map(" ".join))
def test_subjects_variants_looked_up_among_hosts_only(text: str) -> None:
    fast = ruler.find_mentions(text, [], GAZETTEER)
    plain = pytest.MonkeyPatch()
    plain.setattr(ruler, "_resolve_variants", _plain_resolve_variants)
    try:
        assert fast == ruler.find_mentions(text, [], GAZETTEER)
    finally:
        plain.undo()


def test_subjects_lookup_of_spelled_aliases_same_as_by_key() -> None:
    """Aliases as spelled are looked up in a table built at load: the same entities as
    the key-normalised lookup, for them and for their other spellings."""
    for alias in GAZETTEER.aliases():
        for name in (alias, alias.upper(), alias.lower(), f" {alias}-"):
            assert GAZETTEER.lookup(name) is GAZETTEER.by_alias.get(alias_key(name))
