"""Quantity models from the finder's candidates (already checked: no validation again)."""

from __future__ import annotations

from extractors.models import Quantity

from .candidates import Candidate


def at_written_precision(value: float) -> float:
    """A value as written, without the float error its arithmetic left: 12.345亿 is
    1234500000, not 1234499999.9999998 (twelve significant digits are more than news
    prints)."""
    return float(f"{value:.12g}")


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
