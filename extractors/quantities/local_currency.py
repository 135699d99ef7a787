"""A bare 元 in a Taiwan article is the new Taiwan dollar, in a Hong Kong one the
Hong Kong dollar (CLAIMS.md conventions), not the yuan.

Which place an article writes from is read from the article itself: it must be in
traditional script, and the place is the one its words name more often (markets,
currencies, places; Taiwan when it names neither, as most traditional-script news is
Taiwanese). A mainland article converted to traditional script keeps the mainland's
words (人民幣, 科創板, 同比, 歸母淨利潤): when they are at least as many as both places'
words (a mainland firm's results told from Hong Kong name both), a bare 元 stays the
yuan. A 元 with a currency named next to it (人民币, 港元, 美元...) keeps that currency:
the finder already read it.
"""

from __future__ import annotations

import re

from extractors.chinese_script import is_traditional, to_simplified
from extractors.models import Quantity
from extractors.punctuation import SENTENCE_STOP

from .lexicon import load_lexicon


def _words(place: str) -> re.Pattern[str]:
    """Any of a place's words (quantity_units.toml, [local_currency])."""
    return re.compile("|".join(map(re.escape, load_lexicon().place_words[place])))


_HONG_KONG = _words("hong_kong")
_TAIWAN = _words("taiwan")
_MAINLAND = _words("mainland")
_NAMED_YUAN = re.compile(r"(?:人民币|人民幣|RMB|CNY|¥|￥)[ ]?$")
_FOREIGN_YUAN = frozenset("美港日欧歐韩韓澳加")


def bare_yuan_currency(text: str, simple: str | None = None) -> str | None:
    """TWD or HKD for an article from Taiwan or Hong Kong, None for the mainland's.
    (``simple``, the text in simplified script, when at hand: a text it equals holds no
    traditional character, and needs no closer look.)"""
    if text == simple or not is_traditional(text):
        return None
    hong_kong = len(_HONG_KONG.findall(text))
    taiwan = len(_TAIWAN.findall(text))
    mainland = len(_MAINLAND.findall(text))
    if mainland and mainland >= hong_kong + taiwan:
        return None
    return "HKD" if hong_kong > taiwan else "TWD"


def is_bare_yuan(text: str, q: Quantity) -> bool:
    """The quantity's currency is a 元 with no currency named beside it."""
    if q.unit != "CNY" or not q.text.endswith("元"):
        return False
    if len(q.text) >= 2 and q.text[-2] in _FOREIGN_YUAN:
        return False
    return "人民" not in q.text and not _NAMED_YUAN.search(text[max(0, q.start - 5) : q.start])


# "每股人民币(下同)114.2元", "1.22亿元(人民币,下同)": the article names the currency of every
# 元 from this point (in the second form, of the amount the note follows too).
_CURRENCY_NAMES = r"人民币|人民幣|港元|港幣|港币|新台幣|新台币|台幣|台币|美元|美金"
_SAME_BELOW = re.compile(
    rf"(?P<before>{_CURRENCY_NAMES})[ ]?[(（]下同[)）]"
    rf"|[(（](?P<inside>{_CURRENCY_NAMES})[ ]?[,，、‧·・]?[ ]?下同[)）]"
)


def with_local_currency(
    text: str, quantities: list[Quantity], simple: str | None = None
) -> list[Quantity]:
    """``quantities`` with each bare 元 read as the article's local dollar, or as the
    currency the article declares for what follows ("人民币(下同)")."""
    if not any(q.unit == "CNY" for q in quantities):
        return quantities
    local = bare_yuan_currency(text, simple)
    declared = _SAME_BELOW.search(text)
    if local is None and declared is None:
        return quantities
    # the note names the currency of its own sentence's amounts too ("收入23.58億元；虧損
    # 11.62億元（人民幣，下同）")
    from_here = _sentence_start(text, declared.start()) if declared is not None else 0
    out = []
    for q in quantities:
        currency = local
        if declared is not None and q.start >= from_here:
            name = declared.group("before") or declared.group("inside")
            currency = load_lexicon().currencies[to_simplified(name)].unit
        if currency is not None and currency != q.unit and is_bare_yuan(text, q):
            q = q.model_copy(update={"unit": currency})
        out.append(q)
    return out


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding ``text[at]`` begins."""
    ends = [m.end() for m in SENTENCE_STOP.finditer(text, 0, at)]
    return ends[-1] if ends else 0
