"""A lower-case "w" after a number in a pay or money context is 万 ("年薪50w",
"待遇在150-200w"), the web's shorthand, not watts.

Watts keep their reading elsewhere ("65w快充", "功耗700W"): only a lower-case w right
after the digits counts, and only after a pay or money word or before a currency word.
"""

from __future__ import annotations

import re

from extractors.models import Quantity
from extractors.quantities.quantity_model import scaled

_MONEY_BEFORE = re.compile(
    r"(?:薪|待遇|工资|收入|奖金|身价|估值|融资|报价|年包|offer|补贴|分红)[^，,。；;！？\n]{0,8}$"
)
_CURRENCY_AFTER = re.compile(r"[ ]?(美元|美金|人民币|元|块)")
_CURRENCIES = {"美元": "USD", "美金": "USD", "人民币": "CNY", "元": "CNY", "块": "CNY"}
_REACH = 14  # characters before the number searched for the money word


def with_wan_shorthand(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """``quantities`` with each "Nw" read as watts in a money context read as N万 (with the
    currency written after it, if any; else unitless, for the money word to place)."""
    out = []
    for q in quantities:
        if q.unit != "W" or not q.text.endswith("w") or not _in_money_context(text, q):
            out.append(q)
            continue
        currency = _CURRENCY_AFTER.match(text, q.end)
        end = currency.end() if currency else q.end
        unit = _CURRENCIES[currency.group(1)] if currency else None
        kind = "money" if currency else "number"
        out.append(scaled(q, 1e4, text=text[q.start : end], end=end, unit=unit, kind=kind))
    return out


def _in_money_context(text: str, q: Quantity) -> bool:
    before = text[max(0, q.start - _REACH) : q.start]
    return bool(_MONEY_BEFORE.search(before) or _CURRENCY_AFTER.match(text, q.end))
