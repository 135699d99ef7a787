"""When sources disagree about one key and period, given their values' qualifiers.

Each claim stands for an interval of values it allows: an exact or approximate
value a point, ``more_than``/``at_least`` everything from the value up,
``less_than``/``at_most``/``up_to`` everything up to it, a range its two ends.
Two claims disagree when the gap between their intervals is larger than the
tolerance times the larger facing end; ``approx`` on either side doubles the
tolerance. So ``超过130万`` (more_than 1.3e6) agrees with 150万, and 约100 with 108.
A round figure agrees with a precise one that rounds to it when they are at most
``ROUNDING_CAP`` apart: "600万美元" is how papers write 557.6万美元 (7% apart).

Two sources disagree when no value of one agrees with any value of the other: an
article that gives both the total (557.6万) and a part of it (533万) agrees with one
that gives the total only. A source is an article, or a party it quotes (the claim's
attribution: "SemiAnalysis认为"), so an article reporting two views holds neither
against the other. Each pair of disagreeing values is listed once, with every
source on each side. A source whose own values disagree with each other (a
total and its tranches, two model variants) shows that the key mixes several facts
there: it is set against no other source.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from corpus.compare.models import Conflict, ConflictSide, TimelineEntry
from corpus.compare.periods import parse_as_of
from corpus.store.queries import norm_key

LOWER_BOUNDS = frozenset({"more_than", "at_least"})
UPPER_BOUNDS = frozenset({"less_than", "at_most", "up_to"})
APPROX_WIDENING = 2.0
#: A rounded figure (600万) agrees with a precise one it rounds from (557.6万) up to this far apart.
ROUNDING_CAP = 0.08

Signature = tuple[float, float | None, str, str | None]


def interval(qualifier: str, value: float, value_max: float | None) -> tuple[float, float]:
    """The values a claim allows."""
    if qualifier in LOWER_BOUNDS:
        return value, math.inf
    if qualifier in UPPER_BOUNDS:
        return -math.inf, value
    if value_max is not None:
        return min(value, value_max), max(value, value_max)
    return value, value


def relative_gap(a: TimelineEntry, b: TimelineEntry) -> float:
    """Distance between the claims' intervals over the larger facing end (0 when they overlap)."""
    lo_a, hi_a = interval(a.qualifier, a.value, a.value_max)
    lo_b, hi_b = interval(b.qualifier, b.value, b.value_max)
    if lo_b > hi_a:
        near, far = hi_a, lo_b
    elif lo_a > hi_b:
        near, far = hi_b, lo_a
    else:
        return 0.0
    scale = max(abs(near), abs(far))
    return (far - near) / scale if scale else 0.0


def significant_step(value: float) -> float:
    """The place of a number's last significant digit: 600万 -> 100万, 557.6万 -> 1000."""
    if value == 0 or not math.isfinite(value):
        return 0.0
    mantissa, exponent = f"{abs(value):.11e}".split("e")
    decimals = len(mantissa.rstrip("0").rstrip(".").partition(".")[2])
    return 10.0 ** (int(exponent) - decimals)


def rounds_to(precise: float, rounded: float) -> bool:
    """Whether ``rounded`` is ``precise`` written with fewer significant digits."""
    step = significant_step(rounded)
    if step <= significant_step(precise):
        return False
    return abs(precise - rounded) <= step / 2 * (1 + 1e-9)


def _is_point(entry: TimelineEntry) -> bool:
    return entry.qualifier in ("exact", "approx") and entry.value_max is None


def _rounded_alike(a: TimelineEntry, b: TimelineEntry, gap: float) -> bool:
    if gap > ROUNDING_CAP or not (_is_point(a) and _is_point(b)):
        return False
    return rounds_to(a.value, b.value) or rounds_to(b.value, a.value)


def _same_precision_apart(a: str | None, b: str | None) -> bool:
    """Both dated, to the same precision, and to different dates (2023 vs 2024)."""
    if not a or not b or a == b:
        return False
    when_a, when_b = parse_as_of(a), parse_as_of(b)
    if when_a is None or when_b is None:
        return True  # dates the table cannot read: differing text is all there is
    return when_a.precision == when_b.precision


def disagree(a: TimelineEntry, b: TimelineEntry, tolerance: float) -> float | None:
    """The relative gap if ``a`` and ``b`` disagree, else None.

    Claims dated to different dates of the same precision (``2024-06-05`` and
    ``2024-06-18``) never disagree; ``2025-12`` and ``2025-Q4`` may (one lies in the other).
    """
    if _same_precision_apart(a.as_of, b.as_of):
        return None
    widened = "approx" in (a.qualifier, b.qualifier)
    allowed = tolerance * (APPROX_WIDENING if widened else 1.0)
    gap = relative_gap(a, b)
    if gap <= allowed or _rounded_alike(a, b, gap):
        return None
    return gap


def signature_of(entry: TimelineEntry) -> Signature:
    """What makes two claims say the same: value, upper value, qualifier, date."""
    return (entry.value, entry.value_max, entry.qualifier, entry.as_of)


Source = tuple[int, str]  # article id, attribution ("" when the article speaks for itself)
ValueKey = tuple[float, float | None, str]  # what a conflict line shows of one side


def source_of(entry: TimelineEntry) -> Source:
    """Who says it: the article, or the party it quotes (the claim's attribution)."""
    return (entry.article_id, norm_key(entry.attribution))


def conflict_side(claims: Sequence[TimelineEntry]) -> ConflictSide:
    """One side of a conflict line: the latest claim shows it, every claim and source counted."""
    example = max(claims, key=lambda e: (e.published_at is not None, e.published_at, e.claim_id))
    return ConflictSide(
        claim_id=example.claim_id,
        value=example.value,
        value_max=example.value_max,
        qualifier=example.qualifier,
        text=example.text,
        origin=example.origin,
        published_at=example.published_at,
        sentence=example.sentence,
        origins=sorted({e.origin for e in claims}),
        claim_ids=sorted({e.claim_id for e in claims}),
    )


def find_conflicts(
    entries: Sequence[TimelineEntry], tolerance: float, *, limit: int | None = None
) -> tuple[list[Conflict], int]:
    """Disagreements among the sources of ``entries`` (one key and period), largest gap
    first, at most ``limit`` of them; and how many there are in all.

    A source is an article, or a party it quotes (a claim's ``attribution``); sources of one
    article are never set against each other. Two sources disagree when no value of one
    agrees with any value of the other (``disagree``); each pair of values they give is then
    a conflict line, listed once with every source on each side. A source whose own values
    disagree is set against no one. All pairs are judged at once, as arrays
    (``corpus.compare.conflict_matrix``).
    """
    from corpus.compare.conflict_matrix import find_conflicts as judge_all  # it imports this

    return judge_all(entries, tolerance, limit=limit)


__all__ = [
    "APPROX_WIDENING",
    "ROUNDING_CAP",
    "conflict_side",
    "disagree",
    "find_conflicts",
    "interval",
    "relative_gap",
    "rounds_to",
    "signature_of",
    "significant_step",
    "source_of",
]
