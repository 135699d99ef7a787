"""What a figure is of (a GPU model, a benchmark, a comparator, a price's side) and the date
it is about."""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractors.claims.metric import respectively_place
from extractors.claims.roles import LinkCues, SentenceView
from extractors.dates import DateMention
from extractors.models import Quantity

_GPU_GAP_BREAK = re.compile(r"[，,。；的]")
_PAY_CLAUSE_SEP = re.compile(r"[，,；;]")


def choose_object(q: Quantity, metric: str, view: SentenceView, cues: LinkCues) -> str | None:
    """What the number is of: GPU model, benchmark, comparator or pay statistic."""
    rel_s, rel_e = q.start - view.start, q.end - view.start
    if metric == "gpu_count":
        for m in view.mentions:
            gap = m.start - q.end
            if m.type == "chip" and 0 <= gap <= 16:
                between = view.text[rel_e : m.start - view.start]
                if not _GPU_GAP_BREAK.search(between):
                    return m.name
        return None
    if metric == "benchmark_score":
        marks = [m for m in view.mentions if m.type == "benchmark"]
        place = respectively_place(view.text, rel_s, rel_e)
        earlier = [m for m in marks if m.end <= q.start]
        if place is not None and len(earlier) == place[1]:
            return earlier[place[0]].name  # "在A、B和C上…分别为x、y和z": in turn
        return min(marks, key=lambda m: abs(m.start - q.start)).name if marks else None
    if metric == "annual_compensation":
        clause = _PAY_CLAUSE_SEP.split(view.text[:rel_s])[-1]
        pct = cues.percentile.search(clause)
        if pct is not None:
            return f"p{pct.group(1)}"
        for word, stat in cues.statistics.items():
            if word in clause:
                return stat
        return None
    if metric == "api_price":
        return price_side(view.text[:rel_s], view.text[rel_e : rel_e + 12], cues)
    if metric in ("relative_cost", "cost_reduction", "speedup"):
        comps = [
            m
            for j, m in enumerate(view.mentions)
            if m.end <= q.start and view.role_of(j) == "comparator"
        ]
        return comps[-1].name if comps else None
    return None


_LEADING_BRACKET = re.compile(r"\s*[（(]([^）)]{1,12})[）)]")


def price_side(before: str, after: str, cues: LinkCues) -> str | None:
    """'input', 'output', 'input (cache hit)': the side of the bill a price is for and
    the condition it holds under, so that only like prices are compared."""
    lowered = before.lower()
    found = [(lowered.rfind(word), side) for word, side in cues.price_sides.items()]
    position, side = max(found)
    side_name: str | None = side if position >= 0 else None
    bracket = _LEADING_BRACKET.match(after)
    note = bracket.group(1) if bracket else ""
    condition = next((c for word, c in cues.price_conditions.items() if word in note), None)
    if condition is None:
        return side_name
    if side_name is None and condition.startswith("cache"):
        side_name = "input"  # caching applies to input tokens
    return f"{side_name} ({condition})" if side_name else condition


def as_of_date(start: int, dates: Sequence[DateMention]) -> str | None:
    """The date nearest before a number at ``start`` (else the first after it), among the
    dates of its sentence (``dates``: all inside it, in text order)."""
    for date in reversed(dates):
        if date.end <= start:
            return date.value
    return dates[0].value if dates else None
