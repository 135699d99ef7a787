"""Building Quantity models cheaply from values the finder has already checked."""

from __future__ import annotations

from extractors.models import Quantity

_new = Quantity.__new__
_set = object.__setattr__
_FIELDS = ("text", "start", "end", "value", "value_max", "unit", "qualifier", "kind")
# What model_construct does for this model, without its per-field alias and default
# handling: Quantity has no aliases, no post-init and no private attributes.
if (
    tuple(Quantity.model_fields) != _FIELDS
    or Quantity.__pydantic_post_init__
    or Quantity.__pydantic_root_model__
    or Quantity.model_config.get("extra") == "allow"
):
    raise TypeError("Quantity changed shape: update extractors/quantities/quantity_model.py")


def new_quantity(
    text: str,
    start: int,
    end: int,
    value: float,
    value_max: float | None,
    unit: str | None,
    qualifier: str,
    kind: str,
) -> Quantity:
    """Same object as ``Quantity.model_construct`` given all eight fields, about 5x cheaper."""
    q = _new(Quantity)
    _set(
        q,
        "__dict__",
        {
            "text": text,
            "start": start,
            "end": end,
            "value": value,
            "value_max": value_max,
            "unit": unit,
            "qualifier": qualifier,
            "kind": kind,
        },
    )
    _set(q, "__pydantic_fields_set__", set(_FIELDS))
    _set(q, "__pydantic_extra__", None)
    _set(q, "__pydantic_private__", None)
    return q
