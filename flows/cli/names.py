"""Names as users type them, mapped to the names the store keeps.

Subjects go through the gazetteer's aliases (英伟达, 輝達, nvidia -> NVIDIA), metrics
through the metric table's labels (训练成本 -> training_cost). A name neither knows
is kept as typed: the store also holds subjects found by their shape alone.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _gazetteer() -> Any:
    from extractors.subjects import load_gazetteer

    return load_gazetteer()


def canonical_subject(name: str) -> str:
    """The gazetteer's name for ``name`` (any alias, case or script), else ``name``."""
    typed = name.strip()
    entity = _gazetteer().lookup(typed)
    return entity.name if entity is not None else typed


def subject_aliases(name: str) -> tuple[str, ...]:
    """Other names of a subject the gazetteer knows (empty for unknown ones)."""
    entity = _gazetteer().lookup(name)
    if entity is None:
        return ()
    return tuple(alias for alias in entity.aliases if alias != entity.name)


def canonical_metric(name: str) -> str:
    """The metric code for a code or Chinese label (训练成本 -> training_cost), else ``name``."""
    from extractors.metric_table import metric_table

    typed = name.strip()
    metrics = metric_table().metrics
    if typed in metrics:
        return typed
    lowered = typed.lower().replace("-", "_").replace(" ", "_")
    if lowered in metrics:
        return lowered
    by_label = {spec.label: code for code, spec in metrics.items() if spec.label}
    return by_label.get(typed, typed)


def metric_label(name: str) -> str:
    """The metric's Chinese label ('' when the table has none)."""
    from extractors.metric_table import metric_table

    spec = metric_table().metrics.get(name)
    return spec.label if spec is not None else ""
