"""Repeated structure in a text dump: lists of other stories and repeated lines.

A "related stories" list copied from a portal is a run of items of the same
shape, e.g. (title, title again, source, timestamp) four lines at a time.  We
find it without knowing the shape: timestamps that recur at a steady line
interval (2-6 lines) at least three times mark a list; every line from the
first item's start to the last timestamp belongs to it.  A timestamp that
breaks the rhythm (the article's own, often right after the list) is not
absorbed.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from extractors.cleaning.lines import (
    CLOSING_PUNCT,
    is_figures_row,
    is_lone_number,
    is_timestamp_line,
)

_MIN_ITEMS = 3
_PARAGRAPH_CHARS = 80
_MIN_GAP, _MAX_GAP = 2, 6


def _runs(stamps: list[int]) -> list[list[int]]:
    """Split timestamp positions into runs whose consecutive gaps stay within bounds."""
    runs: list[list[int]] = []
    current: list[int] = []
    for pos in stamps:
        if current and _MIN_GAP <= pos - current[-1] <= _MAX_GAP:
            current.append(pos)
        else:
            if current:
                runs.append(current)
            current = [pos]
    if current:
        runs.append(current)
    return runs


def _trim_to_rhythm(run: list[int]) -> list[int]:
    """Drop trailing timestamps whose gap differs from the run's usual gap."""
    gaps = [b - a for a, b in pairwise(run)]
    if len(gaps) < 2:
        return run
    usual, count = Counter(gaps).most_common(1)[0]
    if count < 2:
        return run
    while len(run) > _MIN_ITEMS and run[-1] - run[-2] != usual:
        run = run[:-1]
    return run


def listing_lines(lines: list[str], *, stamps: list[int] | None = None) -> set[int]:
    """Indices of lines that belong to repeated item lists (other stories).

    ``stamps`` are the indices of the timestamp lines when the caller knows them.
    """
    if stamps is None:
        stamps = [i for i, line in enumerate(lines) if is_timestamp_line(line)]
    marked: set[int] = set()
    if len(stamps) < _MIN_ITEMS:  # no run can be long enough (the usual case)
        return marked
    for run in _runs(stamps):
        run = _trim_to_rhythm(run)
        if len(run) < _MIN_ITEMS:
            continue
        gaps = [b - a for a, b in pairwise(run)]
        first = run[0] - Counter(gaps).most_common(1)[0][0] + 1
        marked.update(range(max(first, 0), run[-1] + 1))
    return marked


def repeated_lines(lines: list[str], *, keep: set[str] | None = None) -> set[str]:
    """Line texts that occur more than once (headlines of lists, section labels).

    Lone numbers are ignored (they are handled on their own) and so is anything
    in ``keep`` (the article's title, which dumps often print twice), and so are
    paragraphs (:func:`is_paragraph`): a paragraph printed twice is the article's
    (a lead shown above the text, then in it), see :func:`later_copies`.
    """
    counts = Counter(lines)
    if len(counts) == len(lines):  # no line repeats (the usual case)
        return set()
    keep = keep or set()
    return {
        line
        for line, n in counts.items()
        if n > 1
        and line
        and line not in keep
        and not is_lone_number(line)
        and not is_figures_row(line)
        and not is_paragraph(line)
    }


def later_copies(lines: list[str]) -> set[int]:
    """Indices of paragraphs (:func:`is_paragraph`) printed again after their first copy."""
    seen: set[str] = set()
    later: set[int] = set()
    for i, line in enumerate(lines):
        if line in seen and is_paragraph(line):
            later.add(i)
        seen.add(line)
    return later


def is_paragraph(line: str) -> bool:
    """Running text, not a headline or a label: at least ``_PARAGRAPH_CHARS`` characters
    with two sentence ends or more, or one long sentence closed by its end ("…公布业绩：当季
    营收…；净利润…，赢得…起势。")."""
    if len(line) < _PARAGRAPH_CHARS:
        return False
    ends = CLOSING_PUNCT.findall(line)
    return len(ends) >= 2 or (len(ends) == 1 and CLOSING_PUNCT.fullmatch(line[-1]) is not None)
