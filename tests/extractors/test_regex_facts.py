"""What regex_facts reads from a pattern, on tricky shapes, and that it holds for every match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.regex_facts import (
    anchored_at_start,
    fast_start,
    first_chars,
    never_empty,
    opening_class,
    opens_with_literal,
    regex_tree,
    required_words,
)

# (pattern, the characters every match starts with; None: unknown, the regex is always run)
FIRST_CHARS_CASES = [
    ("营收|营业收入", {"营"}),  # alternation with a shared first character
    ("收入|营收", {"收", "营"}),
    ("(?:约|大约)?成本", {"约", "大", "成"}),  # optional prefix
    ("(?<=的)参数量", {"参"}),  # lookbehind consumes nothing
    ("(?<!不)增长", {"增"}),
    ("(?=成)成本", {"成"}),
    ("^营收", {"营"}),
    ("[A-C]卡", {"A", "B", "C"}),
    ("成本\\d+", {"成"}),  # what follows the first character does not count
    ("训练.*成本", {"训"}),
    ("(a)\\1", {"a"}),
    ("a+?b", {"a"}),
    ("(?:ab)++", {"a"}),  # possessive repeat
    ("x(?i:gpu)", {"x"}),
    ("[^a]b", None),  # negated class
    ("[\u4e00-\u9fff]", None),  # range too wide to spell out
    (r"\d+亿", None),  # a category cannot be spelled out
    (r"\s*成本", None),
    (r"[\w]x", None),
    (r"[\d年]", None),
    ("(?i)gpu", None),  # case folding
    ("(?i:gpu)x", None),
    (".成本", None),  # any character
    ("(?>ab)c", None),  # atomic group: not read
    ("(x)?(?(1)a|b)", None),  # conditional: not read
    ("a*", None),  # may match empty
    ("(?:a|)", None),
    ("a{0,2}", None),
    ("^", None),
    ("", None),
    ("(", None),  # does not parse
]


@pytest.mark.parametrize(("pattern", "expected"), FIRST_CHARS_CASES)
def test_regex_facts_first_chars(pattern: str, expected: set[str] | None) -> None:
    got = first_chars(pattern)
    assert (set(got) if got is not None else None) == expected
    if pattern != "(":
        assert first_chars(re.compile(pattern)) == got


def test_regex_facts_first_chars_read_compiled_flags() -> None:
    assert first_chars(re.compile("gpu", re.IGNORECASE)) is None
    assert first_chars(re.compile("g p u", re.VERBOSE)) == {"g"}


# (pattern, a class the first character of every non-empty match is in; None: unknown)
OPENING_CASES = [
    (r"^(?:据悉|此外)[，,]?", "[此据]"),
    (r"\A今年", "[今]"),
    (r"(?m)\A据", "[据]"),  # \A is the string start even where ^ is not
    (r"^\d+\s*年", r"[\d]"),
    (r"^(?:\s*而)?", r"[\s而]"),
    (r"^(?<=x)a", "[a]"),
    (r"(?a)^\d", r"(?a)[\d]"),  # ASCII: only ASCII digits
    (r"(?m)^据悉", None),  # ^ at every line
    (r"^a|b", None),  # only one branch anchored
    (r"据悉", None),  # not anchored
    (r"(?i)^gpu", None),
    (r"^[^a]", None),
    (r"^.", None),
    (r"^", None),  # matches only empty
]
_PROBES = "据此，,今年a1١ \t而bx"


@pytest.mark.parametrize(("pattern", "expected"), OPENING_CASES)
def test_regex_facts_opening_class(pattern: str, expected: str | None) -> None:
    got = opening_class(re.compile(pattern))
    if expected is None:
        assert got is None
        return
    assert got is not None
    wanted = re.compile(expected)
    for char in _PROBES:
        assert bool(got.match(char)) == bool(wanted.match(char)), char


# (pattern, literal strings one of which every match contains; None: unknown)
REQUIRED_WORDS_CASES = [
    (r"\d+\s*(粉丝|获赞)", {"粉丝", "获赞"}),
    ("abc", {"abc"}),
    (r"a\dbcd", {"bcd"}),  # the longest run of literals
    ("a.b", {"a"}),  # an unknown node adds no words but keeps the others
    ("(ab)c", {"ab"}),  # a group's words against the run after it
    ("(?:ab)+c", {"ab"}),
    ("(?:ab)++c", {"ab"}),
    ("(?:ab)*c", {"c"}),  # may repeat zero times
    (r"\d(打开(APP|app)|APP内)", {"APP", "app", "APP内"}),
    ("(?<=的)参数", {"参数"}),  # a lookbehind's text is not part of the match
    ("x(?i:abc)", {"x"}),
    (r"\d+(粉丝|)", None),  # an alternative needs nothing
    ("(?:ab)?", None),
    ("(?i)notice", None),
    ("[a-c]+", None),
    (".*", None),
    ("^$", None),
    ("(", None),
]


@pytest.mark.parametrize(("pattern", "expected"), REQUIRED_WORDS_CASES)
def test_regex_facts_required_words(pattern: str, expected: set[str] | None) -> None:
    got = required_words(pattern)
    assert (set(got) if got is not None else None) == expected


# (pattern, matches only at the string start, re finds where matches can start by itself)
START_CASES = [
    ("^据悉", True, False),
    ("分享至", False, True),  # a literal: re's own scan is fast
    (r"\A据悉", True, False),
    (r"\d(打开|下载)", False, True),  # a class
    (r"(?m)\A据悉", True, False),  # \A is the string start even where ^ is not
    ("[^ab]c", False, True),
    ("^(?:a|b)", True, False),
    ("(?:ab|cd)x", False, True),  # alternatives that each start with a literal
    ("(?m)^据悉", False, False),
    ("(?i:ab)c", False, True),
    ("^a|b", False, False),  # only one branch anchored
    (r"(?:ab|\dc)", False, False),
    ("(^a)", False, False),  # only a leading anchor counts
    (r"\s*(粉丝)", False, False),
    ("$", False, False),
    ("(?<=x)a", False, False),
    (".a", False, False),
    ("", False, False),
    ("(", False, False),  # does not parse
]


@pytest.mark.parametrize(("pattern", "anchored", "fast"), START_CASES)
def test_regex_facts_where_matches_start(pattern: str, anchored: bool, fast: bool) -> None:
    assert anchored_at_start(pattern) is anchored
    assert fast_start(pattern) is fast


TREE_CASES = [("(", None), ("a", 0), ("(?i)a", re.IGNORECASE), ("(?m)^a", re.MULTILINE)]


@pytest.mark.parametrize(("pattern", "flag"), TREE_CASES)
def test_regex_facts_tree_keeps_global_flags(pattern: str, flag: int | None) -> None:
    tree = regex_tree(pattern)
    if flag is None:
        assert tree is None
    else:
        assert tree is not None
        assert tree.flags & (re.IGNORECASE | re.MULTILINE) == flag


# Any pattern these pieces make compiles; the facts must hold for every match in any text.
_ATOMS = ["a", "b", "营", "收", "[ab]", "[^a]", r"\d", ".", "^", "$", r"\A", r"\b"]
_ATOMS += ["(?<=a)", "(?!b)", "(?i:a)", "(?>ab)"]
_QUANTIFIERS = ["*", "+", "?", "{2}", "{0,2}", "+?", "++"]
_PATTERNS = st.recursive(
    st.sampled_from(_ATOMS),
    lambda inner: st.one_of(
        st.tuples(inner, inner).map("".join),
        st.tuples(inner, inner).map(lambda p: f"(?:{p[0]}|{p[1]})"),
        inner.map(lambda p: f"({p})"),
        st.tuples(inner, st.sampled_from(_QUANTIFIERS)).map(lambda p: f"(?:{p[0]}){p[1]}"),
    ),
    max_leaves=6,
)
_TEXTS = st.text(alphabet="ab营收1A ", max_size=12)


@settings(max_examples=300, deadline=None)
@given(_PATTERNS, _TEXTS)
def test_regex_facts_hold_for_every_match(pattern: str, text: str) -> None:
    compiled = re.compile(pattern)
    matches = list(compiled.finditer(text))
    chars = first_chars(compiled)
    words = required_words(compiled)
    for m in matches:
        assert chars is None or text[m.start()] in chars
        assert words is None or any(w in m.group() for w in words)
    if anchored_at_start(compiled):
        assert all(m.start() == 0 for m in matches)
    opening = opening_class(compiled)
    if opening is not None and text and not opening.match(text[0]):
        found = compiled.match(text)
        assert found is None or found.end() == 0


# (pattern, whether every match holds a character; False also when that is unknown)
NEVER_EMPTY_CASES = [
    ("据悉", True),
    ("^(?:据悉|此外)", True),
    (r"\d+年", True),
    ("(?:约|大约)?成本", True),
    ("(?:约|大约)?", False),
    ("a|", False),  # one branch may be empty
    ("^", False),
    ("(?<=x)", False),
    (r"\s*", False),
    ("(?:ab)+", True),
    ("[^a]", False),  # a class not spelled out: unknown
    (".x", False),  # any character: unknown
    ("x.", True),  # what follows the first character holding one is not read
]


@pytest.mark.parametrize(("pattern", "expected"), NEVER_EMPTY_CASES)
def test_regex_facts_never_empty(pattern: str, expected: bool) -> None:
    assert never_empty(pattern) is expected
    if expected:
        assert re.match(pattern, "") is None


# (pattern, whether its first construct is a literal character)
OPENS_WITH_LITERAL_CASES = [
    ("粉丝", True),
    ("来源：.*", True),
    (r"\d+\s*(?:粉丝|获赞)", False),
    ("(?:粉丝|获赞)", False),
    ("[粉获]", False),
    ("^来源", False),
    ("", False),
]


@pytest.mark.parametrize(("pattern", "expected"), OPENS_WITH_LITERAL_CASES)
def test_regex_facts_opens_with_literal(pattern: str, expected: bool) -> None:
    assert opens_with_literal(pattern) is expected
