"""Chinese names for what the page shows: metrics and qualifiers (from the metric table),
the roles of numbers in their sentences, the kinds of metric. Each keeps its code name for
the hover title."""

from __future__ import annotations

from dataclasses import dataclass

from extractors.metric_table import metric_table

ROLE_LABELS = {
    "value": "报道值",
    "projection": "预测/计划",
    "change_from": "变化前的值",
    "change_span": "变化区间",
    "change_amount": "变化量",
}
KIND_LABELS = {"event": "事件/规格", "moving": "随时间变化"}
GRAIN_LABELS = {
    "day": "按日",
    "month": "按月",
    "quarter": "按季",
    "year": "按年",
    "round": "按轮次",
}


@dataclass(frozen=True)
class Label:
    """A name to show, and the code name it stands for (shown on hover)."""

    text: str
    code: str


def metric_label(metric: str) -> Label:
    return Label(metric_table().spec(metric).display, metric)


def qualifier_label(qualifier: str) -> Label:
    return Label(metric_table().qualifier_label(qualifier), qualifier)


def role_label(role: str) -> Label:
    return Label(ROLE_LABELS.get(role, role), role)


def kind_label(kind: str, grain: str | None) -> Label:
    text = KIND_LABELS.get(kind, kind)
    if grain:
        text += f"（{GRAIN_LABELS.get(grain, grain)}）"
    return Label(text, kind + (f"/{grain}" if grain else ""))


UNKNOWN_SITE = "未知来源"


def site_of(entry: object) -> str:
    """The name a report is coloured by: site, else source name, else unknown."""
    return getattr(entry, "site", None) or getattr(entry, "source_name", None) or UNKNOWN_SITE
