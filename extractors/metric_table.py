"""The metric table (data/metric_table.toml): everything the code knows about each metric.

The extractor reads which actors a metric can be about, the values it can take and whether
it is AI's own; comparison reads its kind, period grain and tolerance, to tell a change over
time (a ``moving`` quantity in two periods) from a disagreement (two reports of one ``event``
fact, or of one period, apart beyond the tolerance); the report reads its Chinese labels.
"""

from __future__ import annotations

import math
import tomllib
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

TABLE_FILE = Path(__file__).resolve().parent / "data" / "metric_table.toml"

MetricKind = Literal["event", "moving"]
Grain = Literal["day", "month", "quarter", "year", "round"]
DEFAULT_TOLERANCE = 0.05


class MetricSpec(BaseModel):
    """One row of the table."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    kind: MetricKind = "event"
    grain: Grain | None = None
    tolerance: float = Field(default=DEFAULT_TOLERANCE, gt=0, lt=1)
    label: str = ""
    unit: str = ""
    subjects: tuple[str, ...] = ()
    """The kinds of actor a claim of the metric can be about (none: never claimed)."""
    min: float = -math.inf
    max: float = math.inf
    """The values a claim of the metric can take at all."""
    ai_only: bool = False
    """A figure of AI's own, claimed for any actor in any article."""
    contract: bool = True
    """In the claim contract's vocabulary (CLAIMS.md); False for the project's own."""
    part_of_whole: bool = False
    """A percentage of a whole (a share, a score): never past 100 %."""
    relative: bool = False
    """Set against another actor ("X的1/3"): a possessive names the comparator."""
    personal: bool = False
    """Paid to a person: a group the sentence describes is not its subject."""
    by_size: bool = False
    """Recorded by its size: a loss written with a minus sign ("净亏损-4.62亿元") is that loss."""

    @model_validator(mode="after")
    def _grain_matches_kind(self) -> MetricSpec:
        if self.kind == "moving" and self.grain is None:
            raise ValueError(f"metric {self.name!r} is moving: give it a grain")
        if self.kind == "event" and self.grain is not None:
            raise ValueError(f"metric {self.name!r} is an event: it takes no grain")
        return self

    @property
    def moving(self) -> bool:
        return self.kind == "moving"

    @property
    def display(self) -> str:
        """The Chinese label, or the code name when the table has none."""
        return self.label or self.name


class MetricTable(BaseModel):
    """Every metric's row, the qualifiers' labels and the default for unlisted metrics."""

    model_config = ConfigDict(frozen=True)

    metrics: dict[str, MetricSpec]
    qualifiers: dict[str, str]
    default_tolerance: float = DEFAULT_TOLERANCE

    def spec(self, metric: str) -> MetricSpec:
        """The row of ``metric``; an unlisted metric is an event with the default tolerance."""
        found = self.metrics.get(metric)
        if found is None:
            return MetricSpec(name=metric, tolerance=self.default_tolerance)
        return found

    def qualifier_label(self, qualifier: str) -> str:
        return self.qualifiers.get(qualifier, qualifier)

    def names_where(self, flag: str) -> frozenset[str]:
        """The metrics whose row has ``flag`` ("ai_only", "contract") set."""
        return frozenset(name for name, spec in self.metrics.items() if getattr(spec, flag))


def parse_table(data: dict[str, object]) -> MetricTable:
    """The table from its TOML data (validated: a bad row raises ``pydantic.ValidationError``)."""
    rows = data.get("metric", {})
    defaults = data.get("default", {})
    assert isinstance(rows, dict) and isinstance(defaults, dict)
    return MetricTable(
        metrics={name: MetricSpec(name=name, **row) for name, row in rows.items()},
        qualifiers=dict(data.get("qualifier", {})),  # type: ignore[call-overload]
        default_tolerance=defaults.get("tolerance", DEFAULT_TOLERANCE),
    )


@cache
def metric_table(path: Path = TABLE_FILE) -> MetricTable:
    """The table shipped with aiclaims (or the one at ``path``), read once."""
    return parse_table(tomllib.loads(path.read_text(encoding="utf-8")))


def markdown_rows(table: MetricTable) -> str:
    """The table as the Markdown rows ``docs/contract.md`` shows (one line a metric), so the
    document is generated from the data the code reads and cannot drift from it."""
    head = [
        "| metric | label | unit | subjects | kind | grain | tolerance | values | AI only "
        "| contract | traits |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    rows = []
    for name, spec in table.metrics.items():
        low = "" if spec.min == -math.inf else f"≥ {spec.min:g}"
        high = "" if spec.max == math.inf else f"≤ {spec.max:g}"
        values = ", ".join(v for v in (low, high) if v) or "any"
        rows.append(
            f"| `{name}` | {spec.label} | {spec.unit or '-'} | {', '.join(spec.subjects) or '-'} "
            f"| {spec.kind} "
            f"| {spec.grain or '-'} | {spec.tolerance:g} | {values} "
            f"| {'yes' if spec.ai_only else 'no'} | {'yes' if spec.contract else 'no'} "
            f"| {', '.join(_traits(spec)) or '-'} |"
        )
    return "\n".join(head + rows)


def _traits(spec: MetricSpec) -> list[str]:
    return [t for t in ("part_of_whole", "relative", "personal", "by_size") if getattr(spec, t)]


__all__ = [
    "Grain",
    "MetricKind",
    "MetricSpec",
    "MetricTable",
    "markdown_rows",
    "metric_table",
    "parse_table",
]
