"""Pydantic models at the boundary of the extractors package (see CLAIMS.md)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from extractors.metric_table import metric_table

Qualifier = Literal[
    "exact", "approx", "more_than", "at_least", "less_than", "at_most", "up_to", "range"
]
QuantityKind = Literal[
    "number",
    "percent",
    "percentage_points",
    "fraction",
    "money",
    "dimension",
    "duration",
    "count",
]
SubjectType = Literal["model", "organization", "chip", "person", "product", "other"]

CONTRACT_METRICS: frozenset[str] = metric_table().names_where("contract")
"""The metric vocabulary of the claim contract (CLAIMS.md); the project may add more."""


class Quantity(BaseModel):
    """A number found in text, normalised to a base unit.

    ``value`` is in the base unit of ``unit`` (CLAIMS.md): ``557万美元`` gives
    ``value=5570000, unit="USD"``; ``55天`` gives ``value=55, unit="days"``.
    ``unit`` is None for a bare number.
    """

    model_config = ConfigDict(frozen=True)

    text: str
    start: int
    end: int
    value: float
    value_max: float | None = None
    unit: str | None = None
    qualifier: Qualifier = "exact"
    kind: QuantityKind = "number"


class Article(BaseModel):
    """A cleaned page: its own metadata and body text."""

    title: str | None = None
    published_at: datetime | None = None
    author: str | None = None
    site: str | None = None
    text: str = ""


class Claim(BaseModel):
    """One numeric claim about an actor of the AI field (CLAIMS.md)."""

    subject: str
    subject_type: SubjectType = "other"
    metric: str
    value: float
    value_max: float | None = None
    unit: str
    qualifier: Qualifier = "exact"
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    sentence: str
    as_of: str | None = None
    attribution: str | None = None
    object: str | None = None
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)


class Extraction(BaseModel):
    """What the extractor makes of one page: the article and its claims."""

    article: Article
    claims: list[Claim] = Field(default_factory=list)
    extractor_version: str = ""
    warnings: list[str] = Field(default_factory=list)
    """What the reader should know of this page's extraction (no article body found…)."""
