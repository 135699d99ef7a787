"""Amounts whose scale a table or section declares once: "(以百万美元计)", "(单位：亿元)".

Financial tables print "$22,103" under "(以百万美元计)": 22,103 million dollars. The
declaration holds for the amounts after it in the same block of lines (up to a blank
line or the next declaration), in its currency, and only for amounts that carry no
scale word of their own (万, 亿, million...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.alternation import longest_first
from extractors.models import Quantity
from extractors.quantities.quantity_model import scaled

SCALES = {
    "千": 1e3,
    "万": 1e4,
    "萬": 1e4,
    "十万": 1e5,
    "百万": 1e6,
    "百萬": 1e6,
    "千万": 1e7,
    "千萬": 1e7,
    "亿": 1e8,
    "億": 1e8,
    "十亿": 1e9,
    "十億": 1e9,
}
CURRENCIES = {
    "美元": "USD",
    "元": "CNY",
    "人民币": "CNY",
    "人民幣": "CNY",
    "港元": "HKD",
    "港币": "HKD",
    "港幣": "HKD",
    "新台币": "TWD",
    "新台幣": "TWD",
}
_SCALE = longest_first(SCALES, escape=False)
_CURRENCY = longest_first(CURRENCIES, escape=False)
DECLARATION = re.compile(
    rf"[(（][ ]?(?:单位|單位)?[:：]?[ ]?以?(?P<scale>{_SCALE})(?P<currency>{_CURRENCY})(?:计|計)?"
    r"[^)）\n]{0,16}[)）]"
)
_BLOCK_END = re.compile(r"\n[ \t]*\n")
_OWN_SCALE = re.compile(r"[万萬亿億千兆]|(?i:thousand|million|billion|trillion)|\d[kKMBT]\b")


@dataclass(frozen=True)
class Declaration:
    start: int
    end: int
    """Where the declaration stops holding (a blank line, or the next declaration)."""
    scale: float
    currency: str


def declarations(text: str) -> list[Declaration]:
    found = list(DECLARATION.finditer(text))
    out = []
    for index, m in enumerate(found):
        block_end = _BLOCK_END.search(text, m.end())
        end = block_end.start() if block_end else len(text)
        if index + 1 < len(found):
            end = min(end, found[index + 1].start())
        out.append(Declaration(m.start(), end, SCALES[m["scale"]], CURRENCIES[m["currency"]]))
    return out


def with_declared_scale(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """``quantities`` with each amount under a scale declaration multiplied by it."""
    declared = declarations(text) if "(" in text or "（" in text else []
    if not declared:
        return quantities
    out = []
    for q in quantities:
        holding = next((d for d in declared if d.start < q.start < d.end), None)
        if (
            holding is not None
            and q.kind == "money"
            and q.unit == holding.currency
            and not _OWN_SCALE.search(q.text)
        ):
            q = scaled(q, holding.scale)
        out.append(q)
    return out


def column_unit(header: str) -> tuple[float, str] | None:
    """A table column's declared unit: "营收(万美元)" -> (1e4, "USD")."""
    m = DECLARATION.search(header)
    if m is not None:
        return SCALES[m["scale"]], CURRENCIES[m["currency"]]
    plain = re.search(rf"[(（](?P<currency>{_CURRENCY})[)）]", header)
    return (1.0, CURRENCIES[plain["currency"]]) if plain else None
