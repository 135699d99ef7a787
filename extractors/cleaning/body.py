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
_NUMBER_PENALTY = 2
_EPIGRAPH_MAX_LINES = 6
_EPIGRAPH_LINE_MAX = 40


def _score(page: Page, i: int, skip: set[int], repeated: set[str]) -> int:
    line = page.lines[i]
    if i in page.listing or i in skip or line in repeated or page.is_furniture(i):
        return -(_FURNITURE_PENALTY + len(line) // 2)
    if page.is_profile(i):
        return -_FURNITURE_PENALTY
    if is_lone_number(line):
        return -_NUMBER_PENALTY
    if is_prose(line) and not is_citation(line):
        return len(line)
    return -_SHORT_PENALTY


def _stop_index(page: Page, start: int) -> int:
    """First stop-marker line at or after ``start`` once a prose line has been seen."""
    seen_prose = False
    for i in range(start, len(page.lines)):
        line = page.lines[i]
        if seen_prose and (i in page.listing or page.is_stop(i)):
            return i
        seen_prose = seen_prose or (is_prose(line) and not page.is_furniture(i))
    return len(page.lines)


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
    stop = _stop_index(page, start)
    repeated = repeated_lines(page.lines, keep={title} if title else None)
    scores = [_score(page, i, skip, repeated) for i in range(start, stop)]
    lo, hi = _best_span(scores)
    span = range(start + lo, start + hi)
    kept = [
        i
        for i in span
        if scores[i - start] > -_FURNITURE_PENALTY
        and not is_lone_number(page.lines[i])
        and page.lines[i] != title
    ]
    return _drop_epigraph(page, kept), span
