"""Quantity models from the finder's candidates (already checked: no validation again)."""

from __future__ import annotations

import re
from typing import Any

from extractors.models import Quantity

from .candidates import Candidate

_CURRENCY_CODE = re.compile(r"[A-Z]{3}")


def at_written_precision(value: float) -> float:
    """A value as written, without the float error its arithmetic left: 12.345亿 is
    1234500000, not 1234499999.9999998 (twelve significant digits are more than news
    prints)."""
    return float(f"{value:.12g}")


def is_currency(unit: str | None) -> bool:
    """Whether a quantity's unit is a currency (an ISO code: "CNY", "USD"), not a price
    per tokens or a measure."""
    return unit is not None and _CURRENCY_CODE.fullmatch(unit) is not None


def scaled(q: Quantity, factor: float, **update: Any) -> Quantity:
    """``q`` with its value (and upper value) multiplied by ``factor`` at the written
    precision, and the other fields of ``update`` set ("2.3 billion", "50w", "元/千")."""
    value_max = None if q.value_max is None else at_written_precision(q.value_max * factor)
    return q.model_copy(
        update={"value": at_written_precision(q.value * factor), "value_max": value_max, **update}
    )


def new_quantities(text: str, found: list[Candidate]) -> list[Quantity]:
    """A :class:`Quantity` of each candidate, its text cut from ``text``."""
    return [
        Quantity.model_construct(
            text=text[start:end],
            start=start,
            end=end,
            value=at_written_precision(value),
            value_max=None if value_max is None else at_written_precision(value_max),
            unit=unit,
            qualifier=qualifier,
            kind=kind,
        )
        for start, end, value, value_max, unit, kind, qualifier, _, _, _ in found
    ]
