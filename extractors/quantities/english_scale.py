"""English scale words after a number: "355 billion", "US$2.3 billion", "15 trillion tokens".

Chinese articles quote English figures as they were written. The numeral parser reads
the digits; the scale word after them multiplies the value, and a currency word right
after the scale word ("2.3 billion美元") gives the unit when the number had none.
"""

from __future__ import annotations

import re

from extractors.models import Quantity
from extractors.quantities.quantity_model import scaled

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALE = re.compile(r"[ ]{0,2}(thousand|million|billion|trillion)s?(?![A-Za-z])", re.IGNORECASE)
_CURRENCY_AFTER = re.compile(r"[ ]{0,2}(美元|美金|dollars?|USD|人民币|元)", re.IGNORECASE)
_CURRENCY_CODES = {"美元": "USD", "美金": "USD", "usd": "USD", "人民币": "CNY", "元": "CNY"}


def _currency(word: str) -> str:
    lowered = word.lower()
    return "USD" if lowered.startswith("dollar") else _CURRENCY_CODES.get(lowered, "USD")


def with_english_scale(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """``quantities`` with each number that a scale word follows multiplied and widened
    over the scale word (and a currency word after it)."""
    out = []
    for q in quantities:
        scale = _SCALE.match(text, q.end) if q.text[-1:].isdigit() else None
        if scale is None:
            out.append(q)
            continue
        factor = SCALES[scale.group(1).lower()]
        end, unit, kind = scale.end(), q.unit, q.kind
        currency = _CURRENCY_AFTER.match(text, end)
        if currency and unit is None:
            end, unit, kind = currency.end(), _currency(currency.group(1)), "money"
        out.append(scaled(q, factor, text=text[q.start : end], end=end, unit=unit, kind=kind))
    return out
