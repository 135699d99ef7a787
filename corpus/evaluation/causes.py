"""Why a gold claim was missed, or a prediction was wrong: one cause each.

The causes follow the pipeline's stages, so a breakdown says where to work:
the body lost the sentence (cleaning), the number was not read or misread
(quantities), or the claim got no, or the wrong, subject or metric (claims).
"No subject" and "no metric" are told apart by whether the extractor
recognised the gold subject (any of its names) in the claim's sentence: when
it did, the linking had a subject at hand and the metric was what failed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.evaluation.scoring import GoldClaim, Matcher, PredictedClaim, base_value, values_agree
from extractors.cleaning.lines import drop_pinyin_glosses

LOST_IN_CLEANING = "body lost in cleaning"
NUMBER_NOT_FOUND = "number not found"
NUMBER_MISREAD = "number or unit misread"
NO_SUBJECT = "no subject"
NO_METRIC = "no metric"
WRONG_SUBJECT = "wrong subject"
WRONG_METRIC = "wrong metric"
WRONG_BOTH = "wrong subject and metric"
NOT_IN_GOLD = "not a gold claim (furniture or no AI claim)"
NON_AI_PAGE = "claim on a page with no AI claims"

_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


@dataclass(frozen=True)
class FoundQuantity:
    """A quantity the extractor read in the body: where, and what it made of it."""

    start: int
    end: int
    value: float
    unit: str | None


@dataclass(frozen=True)
class FoundName:
    """A name the extractor recognised in the body, and whom it took it for."""

    start: int
    end: int
    name: str


def squeeze(text: str) -> str:
    return _SPACE.sub("", text)


def evidence_kept(evidence: str, body: str) -> bool:
    """The evidence stands in the cleaned body (white space ignored, and the pinyin
    glosses the cleaner drops on purpose: "營(yíng)收" stands as 營收)."""
    return bool(evidence) and squeeze(drop_pinyin_glosses(evidence)) in squeeze(body)


def _evidence_span(evidence: str, body: str) -> tuple[int, int] | None:
    evidence = drop_pinyin_glosses(evidence)
    start = body.find(evidence)
    if start >= 0:
        return start, start + len(evidence)
    # white space may differ: match the evidence's characters with any spaces between
    pieces = [re.escape(ch) for ch in squeeze(evidence)]
    if not pieces:
        return None
    found = re.search(r"\s*".join(pieces), body)
    return found.span() if found else None


def _sentence_bounds(body: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _SENTENCE_END.finditer(body, 0, start)), default=0)
    right = _SENTENCE_END.search(body, end)
    return left, right.start() if right else len(body)


def _value_fits(quantity: FoundQuantity, gold: GoldClaim) -> bool:
    """The quantity reads the gold value; a bare number takes its unit from the metric."""
    based = base_value(quantity.value, quantity.unit)
    if based is None or not values_agree(based[0], gold.value):
        return False
    return quantity.unit is None or based[1] == gold.unit


def miss_cause(
    gold: GoldClaim,
    body: str,
    simple_body: str,
    predictions: Sequence[PredictedClaim],
    quantities: Sequence[FoundQuantity],
    matcher: Matcher,
    mentions: Sequence[FoundName] = (),
) -> str:
    """The first stage, in pipeline order, at which a required gold claim was lost."""
    span = _evidence_span(gold.evidence, body)
    if span is None:
        return LOST_IN_CLEANING
    same_value = [p for p in predictions if matcher.matches(p, gold, "value")]
    if same_value:
        if any(matcher.same_subject(p.subject, gold.subjects) for p in same_value):
            return WRONG_METRIC
        if any(p.metric == gold.metric for p in same_value):
            return WRONG_SUBJECT
        return WRONG_BOTH
    inside = [q for q in quantities if q.start < span[1] and span[0] < q.end]
    if not inside:
        return NUMBER_NOT_FOUND
    if not any(_value_fits(q, gold) for q in inside):
        return NUMBER_MISREAD
    left, right = _sentence_bounds(simple_body, *span)
    named = any(
        left <= m.start and m.end <= right and matcher.same_subject(m.name, gold.subjects)
        for m in mentions
    )
    return NO_METRIC if named else NO_SUBJECT


def false_positive_cause(
    pred: PredictedClaim, gold_claims: Sequence[GoldClaim], matcher: Matcher, *, no_ai: bool
) -> str:
    """What was wrong with a prediction that matches no gold claim."""
    if no_ai:
        return NON_AI_PAGE
    same_value = [g for g in gold_claims if matcher.matches(pred, g, "value")]
    if same_value:
        if any(matcher.same_subject(pred.subject, g.subjects) for g in same_value):
            return WRONG_METRIC
        if any(g.metric == pred.metric for g in same_value):
            return WRONG_SUBJECT
        return WRONG_BOTH
    if pred.text and any(
        squeeze(pred.text) in squeeze(g.evidence) or squeeze(g.evidence) in squeeze(pred.text)
        for g in gold_claims
    ):
        return NUMBER_MISREAD
    return NOT_IN_GOLD
