"""Choose the article body among a page's lines.

Each line gets a score: prose lines (long, punctuated) count for their length,
furniture (markers, timestamps, listing items, repeated lines, stop markers such
as related lists and disclaimers) against it, short headings and lone numbers a
little against.  The body is the contiguous span with the highest total
(maximum-sum segment), together with every other block of prose whose total
clears ``_MIN_BLOCK``: the cleaner removes only what it positively identifies
as furniture, so an editor line or a stray heading in the middle of an article
splits it into blocks but never ends it.  Inside the kept blocks, headings made
of words are kept and furniture lines are dropped.

A clear epigraph at the head of the body (a few short lines closed by a
``——《…》`` attribution line) is dropped: it is a quotation, not the
article's own statement, and verse carries numbers that are not claims.
"""

from __future__ import annotations

from extractors.cleaning.lines import (
    is_citation,
    is_figures_row,
    is_lone_number,
    is_prose,
    is_rule_line,
    is_spec_line,
    is_table_row,
)
from extractors.cleaning.page import Page
from extractors.cleaning.structure import later_copies, repeated_lines

_FURNITURE_PENALTY = 20
_STOP_PENALTY = 60
_MIN_BLOCK = 40
"""A block of lines beside the best one is kept when its prose outweighs its furniture
by this many characters (a sentence of running text)."""
_SHORT_PENALTY = 4
_RULE_SCORE = -1  # below zero: left out of the body, without splitting a table
_LONE_NUMBER_SCORE = -2
_EPIGRAPH_MAX_LINES = 6
_EPIGRAPH_LINE_MAX = 40


def _scores(page: Page, skip: set[int], repeated: set[str]) -> list[int]:
    """The score of each line: prose for its length, furniture against it.

    A stop marker (a related list's heading, a disclaimer) weighs more than other
    furniture, so that the lines after it join the article only when they are
    prose of their own, not the headlines of a list.
    """
    lines, listing = page.lines, page.listing
    is_furniture, is_profile, is_stop = page.is_furniture, page.is_profile, page.is_stop
    scores: list[int] = []
    for i, line in enumerate(lines):
        if is_rule_line(line):
            scores.append(_RULE_SCORE)  # a table's ruling: neither content nor furniture
            continue
        if is_stop(i):
            score = -(_STOP_PENALTY + len(line) // 2)
        elif line in repeated and _labels_figures(lines, i):
            score = -_SHORT_PENALTY  # a table's row label, repeated with each of its tables
        elif i in listing or i in skip or line in repeated or is_furniture(i):
            score = -(_FURNITURE_PENALTY + len(line) // 2)
        elif is_profile(i):
            score = -_FURNITURE_PENALTY
        elif is_table_row(line) or is_figures_row(line) or is_spec_line(line):
            score = len(line)  # a table's or a spec list's figures are content
        elif is_lone_number(line):
            score = _LONE_NUMBER_SCORE
        elif is_prose(line) and not is_citation(line):
            score = len(line)
        else:
            score = -_SHORT_PENALTY
        scores.append(score)
    return scores


_LABEL_REACH = 2  # lines from a row label to the row of figures it heads


def _labels_figures(lines: list[str], i: int) -> bool:
    """Whether line ``i`` heads a row of figures a line or two below it ("SWE-bench
    Verified" over "(Agentless Coding)" over "Single Patch51.836.6…")."""
    below = lines[i + 1 : i + 1 + _LABEL_REACH]
    return any(is_table_row(line) or is_figures_row(line) for line in below)


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


def _blocks(scores: list[int], lo: int, hi: int, floor: int) -> list[range]:
    """The best segment of ``scores[lo:hi]`` and, on each side of it, the best segments
    of what is left, as long as their total reaches ``floor``."""
    start, stop = _best_span(scores[lo:hi])
    if stop == start or sum(scores[lo + start : lo + stop]) < floor:
        return []
    block = range(lo + start, lo + stop)
    before = _blocks(scores, lo, block.start, _MIN_BLOCK)
    after = _blocks(scores, block.stop, hi, _MIN_BLOCK)
    return [*before, block, *after]


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


_CUT_OFF_MIN_CJK = 6


def _is_cut_off(page: Page, i: int) -> bool:
    """A page's last line that reads as a sentence stopped short (a dump cut mid-sentence):
    running Chinese text with no closing punctuation, not furniture."""
    line = page.lines[i]
    cjk = sum("\u4e00" <= c <= "\u9fff" for c in line)
    closed = line.rstrip(" \"'”」")[-1:] in "。！？!?…）)】]》"  # "（澎湃新闻记者 王五）"
    return cjk >= _CUT_OFF_MIN_CJK and not closed


# Short lines (a section heading) that may stand between the body and its cut-off end.
_HEADINGS_BEFORE_CUT_OFF = 2


def _cut_off_tail(page: Page, scores: list[int], stop: int) -> list[int]:
    """The page's last lines when the excerpt stops mid-sentence ("這個僅 130 億參數的 \""),
    with the short heading lines between it and the body's last block ("算力基建")."""
    last = len(scores) - 1
    tail = range(stop, last + 1)
    if not 0 < len(tail) <= _HEADINGS_BEFORE_CUT_OFF + 1:
        return []
    if any(scores[i] != -_SHORT_PENALTY for i in tail) or not _is_cut_off(page, last):
        return []
    return list(tail)


def select_body(page: Page, *, skip: set[int], title: int | None) -> tuple[list[int], range]:
    """Indices of the body lines (in order) and the span of lines they came from.

    ``title`` is the index of the headline line: left out of the body when it stands
    before the body's first line, kept as a heading when the picker chose a line inside
    the article.
    """
    title_text = page.lines[title] if title is not None else None
    repeated = repeated_lines(page.lines, keep={title_text} if title_text else None)
    scores = _scores(page, skip | later_copies(page.lines), repeated)
    blocks = _blocks(scores, 0, len(scores), 1)
    if not blocks:
        return [], range(0)
    # above the furniture penalty: lone numbers, prose and short lines; a lone number is
    # exactly a line scored _LONE_NUMBER_SCORE (no other score equals it)
    kept = [
        i
        for block in blocks
        for i in block
        if (score := scores[i]) > -_FURNITURE_PENALTY
        and score not in (_LONE_NUMBER_SCORE, _RULE_SCORE)
    ]
    kept += _cut_off_tail(page, scores, blocks[-1].stop)
    first_prose = next((i for i in kept if scores[i] > 0 and i != title), None)
    if title is not None and first_prose is not None and title < first_prose:
        kept = [i for i in kept if page.lines[i] != title_text]
    return _drop_epigraph(page, kept), range(blocks[0].start, blocks[-1].stop)
