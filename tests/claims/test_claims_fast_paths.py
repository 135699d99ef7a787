"""The shortcuts of claim building give what the plain regexes give."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.linking import _QUALIFIER_WORDS, strip_qualifiers

_QUALIFIER_TAIL = re.compile(
    "(?:"
    + "|".join(re.escape(w) for w in sorted(_QUALIFIER_WORDS, key=len, reverse=True))
    + r")*\s*$"
)


def _strip_by_regex(prefix: str) -> str:
    return prefix[: _QUALIFIER_TAIL.search(prefix).start()]  # type: ignore[union-attr]


_PIECES = [*sorted(_QUALIFIER_WORDS), "的", "成本", " ", "A", "约为约"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join))
def test_claims_strip_qualifiers_same_as_regex(prefix: str) -> None:
    assert strip_qualifiers(prefix) == _strip_by_regex(prefix)
