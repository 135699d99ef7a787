"""How sure a claim is, from 0 to 1: how its subject was linked and found, and how near
its metric's cue stood."""

from __future__ import annotations

from extractors.claims.metric import MetricChoice

# How the subject was linked to the figure: named beside it, carried from an earlier
# sentence, or the article's topic.
_LINK_PENALTY = {"possessive": 0.05, "explicit": 0.0, "carried": 0.2, "article": 0.3}
_FOUND_PENALTY = {"gazetteer": 0.0, "variant": 0.05, "group": 0.05, "shape": 0.2}


def claim_confidence(link: str, found: str, choice: MetricChoice) -> float:
    """The confidence of a claim: less for a subject carried or found by shape alone, and
    for a metric read from a far cue or none."""
    score = 0.95
    score -= _LINK_PENALTY.get(link, 0.2)
    score -= _FOUND_PENALTY.get(found, 0.2)
    if choice.cue is None:
        score -= 0.2
    elif choice.score > 10:
        score -= 0.1
    return round(max(0.05, min(1.0, score)), 2)
