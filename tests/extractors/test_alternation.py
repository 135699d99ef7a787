"""Word lists become alternations tried longest first."""

import pytest

from extractors.alternation import longest_first, word_pattern


@pytest.mark.parametrize(
    ("words", "text", "found"),
    [
        (["个", "个百分点"], "提高了3个百分点", "个百分点"),
        (["亿", "亿元", "亿美元"], "融资10亿美元", "亿美元"),
        (["C++", "C"], "用C++写成", "C++"),  # escaped: + is no quantifier
        ([], "任何文字", None),
    ],
)
def test_word_pattern_finds_the_longest_word(words, text, found):
    m = word_pattern(words).search(text)
    assert (m.group() if m else None) == found


def test_fragments_are_kept_unescaped_when_asked():
    assert word_pattern([r"\d+亿", "亿"], escape=False).search("约30亿元").group() == "30亿"
    assert longest_first(["ab", "abc", ""]) == "abc|ab"
