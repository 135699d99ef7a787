"""A price "per thousand" with the tokens left out: "API调用价格降至0.0008元/千——即…".

In a sentence about API calls, tokens or models, 元/千 is per thousand tokens, as the
press writes it once the unit is clear; anywhere else (千克, 千次, a bare 千 of something
else) the amount is left as it is.
"""

from __future__ import annotations

import re

from extractors.models import Quantity
from extractors.quantities.quantity_model import is_currency, scaled

# "/千" that no word follows (千瓦, 千次, 千tokens are units of their own, read elsewhere)
_PER_THOUSAND = re.compile(r"[ ]?/[ ]?千(?![\u4e00-\u9fffA-Za-z0-9])")
_ABOUT_TOKENS = re.compile(r"API|调用|[Tt]oken|词元|模型")
_REACH = 30  # characters before the amount searched for the token context


def with_bare_per_thousand(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """``quantities`` with each currency amount followed by a bare "/千" in a sentence
    about tokens read as a price per million tokens."""
    out = []
    for q in quantities:
        per = _PER_THOUSAND.match(text, q.end) if is_currency(q.unit) else None
        if per is None or not _ABOUT_TOKENS.search(text, max(0, q.start - _REACH), q.start):
            out.append(q)
            continue
        end = per.end()
        out.append(scaled(q, 1000, text=text[q.start : end], end=end, unit=f"{q.unit}/Mtok"))
    return out
