"""Choose the article body among a page's lines.

Each line gets a score: prose lines (long, punctuated) count for their length,
furniture (markers, timestamps, listing items, repeated lines) against it, short
headings and lone numbers a little against.  The body is the contiguous span
with the highest total (maximum-sum segment), cut at the first stop marker
(related lists, disclaimers) after the article has started.  Inside the span,
headings made of words are kept and furniture lines are dropped.

A clear epigraph at the head of the body (a few short lines closed by a
``——《…》`` attribution line) is dropped: it is a quotation, not the
article's own statement, and verse carries numbers that are not claims.
"""

from __future__ import annotations

from extractors.cleaning.lines import is_citation, is_lone_number, is_prose
from extractors.cleaning.page import Page
from extractors.cleaning.structure import repeated_lines

_FURNITURE_PENALTY = 20
_SHORT_PENALTY = 4
_LONE_NUMBER_SCORE = -2
_EPIGRAPH_MAX_LINES = 6
_EPIGRAPH_LINE_MAX = 40


def _scores(page: Page, start: int, skip: set[int], repeated: set[str]) -> list[int]:
    """The score of each line from ``start`` up to the first stop-marker line met once a
    prose line has been seen (a page's related lists and disclaimers), that line excluded.

    One pass does both: whether line ``i`` stops the body depends on the lines before it
    only, and each line's facts are worked out once (the page keeps them).
    """
    lines, listing = page.lines, page.listing
    is_furniture, is_profile, is_stop = page.is_furniture, page.is_profile, page.is_stop
    scores: list[int] = []
    seen_prose = False
    for i in range(start, len(lines)):
        line = lines[i]
        listed = i in listing
        if seen_prose and (listed or is_stop(i)):
            break
        prose = is_prose(line)
        if listed or i in skip or line in repeated or is_furniture(i):
            score = -(_FURNITURE_PENALTY + len(line) // 2)
        elif is_profile(i):
            score = -_FURNITURE_PENALTY
        elif is_lone_number(line):
            score = _LONE_NUMBER_SCORE
        elif prose and not is_citation(line):
            score = len(line)
        else:
            score = -_SHORT_PENALTY
        scores.append(score)
        seen_prose = seen_prose or (prose and not is_furniture(i))
    return scores


def _best_span(scores: list[int]) -> tuple[int, int]:
    """Maximum-sum contiguous segment [start, stop) (Kadane); empty if all negative."""
    best, best_span = 0, (0, 0)
    total, start = 0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = score, i
        else:
            total += score
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _drop_epigraph(page: Page, kept: list[int]) -> list[int]:
    head = kept[: _EPIGRAPH_MAX_LINES + 1]
    for pos, i in enumerate(head):
        line = page.lines[i]
        if pos > 0 and page.markers.is_epigraph_attribution(line):
            quoted = [page.lines[j] for j in head[:pos]]
            if all(len(q) <= _EPIGRAPH_LINE_MAX for q in quoted):
                return kept[pos + 1 :]
            break
        if len(line) > _EPIGRAPH_LINE_MAX:
            break
    return kept


def select_body(
    page: Page, start: int, *, skip: set[int], title: str | None
) -> tuple[list[int], range]:
    """Indices of the body lines (in order) and the span of lines they came from."""
    repeated = repeated_lines(page.lines, keep={title} if title else None)
    scores = _scores(page, start, skip, repeated)
    lo, hi = _best_span(scores)
    span = range(start + lo, start + hi)
    # above the furniture penalty: lone numbers, prose and short lines; a lone number is
    # exactly a line scored _LONE_NUMBER_SCORE (no other score equals it)
    kept = [
        i
        for i in span
        if (score := scores[i - start]) > -_FURNITURE_PENALTY
        and score != _LONE_NUMBER_SCORE
        and page.lines[i] != title
    ]
    return _drop_epigraph(page, kept), span
