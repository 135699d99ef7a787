"""A round amount with no unit right after a money word is money: "估值200亿", "融资超10亿",
"市值逾3000亿" are in the article's own currency (yuan, or its local dollar in a Taiwan or
Hong Kong article), as a Chinese reader takes them; so is one right before a word naming
an investment ("2亿追加投资", "10亿战略融资").  When the article writes the same amount
with its currency elsewhere (a headline's "市值超700亿" over the body's "市值突破700亿港元"),
that currency is the one meant.
"""

from __future__ import annotations

import re

from extractors.models import Quantity
from extractors.quantities.local_currency import bare_yuan_currency
from extractors.quantities.quantity_model import is_currency

# A word that only money follows, then at most a few linking characters ("估值达", "融资超").
_MONEY_WORD_BEFORE = re.compile(
    r"(?:估值|市值|融资|募资|营收|收入|身价|身家|净利润|净利|亏损|资本开支|资本支出"
    r"|年薪|月薪|薪资|薪酬|工资|待遇)"
    r"[了达为约近超逾过至到高共计在]{0,3}[ ]?$"
)
# A word naming money put in, right after the amount ("2亿追加投资", "5亿的新一轮融资").
_MONEY_WORD_AFTER = re.compile(
    r"[ ]?的?(?:追加|战略|股权|天使|新一?轮|首轮|[A-E]\+?轮)?(?:投资|融资|注资|国资)"
)
_BIG_NUMBER_END = re.compile(r"(?:万|亿|萬|億|兆|w)$")
_REACH = 8  # characters before the amount searched for the money word


def with_implied_currency(
    text: str, quantities: list[Quantity], simple: str | None = None
) -> list[Quantity]:
    """``quantities`` with each unitless round amount after a money word given the
    article's currency (``simple``: ``text`` in simplified script, which the words match)."""
    words = simple if simple is not None else text
    currency: str | None = None
    written = _written_currencies(quantities)
    out = []
    for q in quantities:
        if _after_money_word(words, q):
            currency = currency or bare_yuan_currency(text, simple) or "CNY"
            q = q.model_copy(update={"unit": written.get(q.value, currency)})
        out.append(q)
    return out


def _written_currencies(quantities: list[Quantity]) -> dict[float, str]:
    """Amount → the currency the article writes it in, for amounts written in one
    currency only."""
    seen: dict[float, set[str]] = {}
    for q in quantities:
        if q.unit is not None and is_currency(q.unit):
            seen.setdefault(q.value, set()).add(q.unit)
    return {value: units.pop() for value, units in seen.items() if len(units) == 1}


def _after_money_word(words: str, q: Quantity) -> bool:
    """A unitless round amount ("200亿") right after a money word, or right before a
    word naming an investment."""
    if q.unit is not None or q.kind != "number" or not _BIG_NUMBER_END.search(q.text):
        return False
    if _MONEY_WORD_BEFORE.search(words, max(0, q.start - _REACH), q.start) is not None:
        return True
    return _MONEY_WORD_AFTER.match(words, q.end) is not None
