"""A figure restated in brackets before its unit: "12 万亿(12T)tokens", "6710亿(671B)参数".

The unit stands after the closing bracket, where the finder looks for neither number's
unit. When the bracketed number has the value of the one right before it and a unit of
measure follows the bracket, both numbers take that unit.
"""

from __future__ import annotations

from extractors.models import Quantity

from .units import read_unit

_OPENING = ("(", "（")
_CLOSING = (")", "）")


def with_restated_units(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """``quantities`` with each unitless figure and its bracketed restatement given the
    unit that follows the bracket."""
    out = list(quantities)
    for i in range(1, len(out)):
        figure, restated = out[i - 1], out[i]
        if figure.unit is not None or restated.unit is not None:
            continue
        if figure.value != restated.value or not _restates(text, figure, restated):
            continue
        found = read_unit(text, restated.end + 1, None)
        if found is None or found[0].factor != 1 or found[0].offset:
            continue  # a scale word after the bracket would read the figure anew
        update = {"unit": found[0].unit, "kind": found[0].kind}
        out[i - 1] = figure.model_copy(update=update)
        out[i] = restated.model_copy(update=update)
    return out


def _restates(text: str, figure: Quantity, restated: Quantity) -> bool:
    """``restated`` stands alone in brackets right after ``figure`` ("…万亿(12T)")."""
    opening = text[figure.end : restated.start].strip(" ")
    return opening in _OPENING and text[restated.end : restated.end + 1] in _CLOSING
