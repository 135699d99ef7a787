"""A page's non-empty lines with the per-line facts the cleaner asks about.

Title, time, author, body and site finding all ask the same questions of the
same lines (is it furniture, a stop marker, a profile line, a timestamp?).  Each
answer is computed at most once per line and kept here; the simplified-script
copies of the lines that the marker patterns need are made for the whole page
in one go.
"""

from __future__ import annotations

import re

from extractors.chinese_script import to_simplified
from extractors.cleaning.lines import (
    is_breadcrumb,
    is_nav_bar,
    is_spaced_table_row,
    is_story_item,
    timestamp_lines,
)
from extractors.cleaning.markers import Markers
from extractors.cleaning.structure import listing_lines


class Page:
    """Non-empty normalised lines plus what the structure pass found."""

    def __init__(self, lines: list[str], markers: Markers) -> None:
        self.lines = lines
        self.markers = markers
        self.stamps: list[re.Match[str] | None] = timestamp_lines(lines)
        self.stamp_rows = [i for i, m in enumerate(self.stamps) if m is not None]
        """Indices of the timestamp lines, in order."""
        self.listing: set[int] = listing_lines(lines, stamps=self.stamp_rows)
        n = len(lines)
        self.simple_lines = [to_simplified(line) for line in lines]
        self._furniture: list[bool | None] = [None] * n
        self._stop: list[bool | None] = [None] * n
        self._profile: list[bool | None] = [None] * n
        self._crumb: list[bool | None] = [None] * n
        self._site: dict[int, str | None] = {}
        # the marker tables are written in simplified script: asked of the lines' copies
        self._furniture_search = markers.furniture.search
        self._profile_search = markers.profile.search

    def simple(self, i: int) -> str:
        """Simplified-script copy of line ``i`` (same length and offsets)."""
        return self.simple_lines[i]

    def is_breadcrumb(self, i: int) -> bool:
        v = self._crumb[i]
        if v is None:
            v = self._crumb[i] = is_breadcrumb(self.lines[i])
        return v

    def is_stop(self, i: int) -> bool:
        v = self._stop[i]
        if v is None:
            v = self._stop[i] = self.markers.is_stop(self.lines[i], simple=self.simple_lines[i])
        return v

    def is_profile(self, i: int) -> bool:
        v = self._profile[i]
        if v is None:
            v = self._profile[i] = self._profile_search(self.simple_lines[i])
        return v

    def _heads_a_table(self, i: int) -> bool:
        """Whether line ``i`` (words split by spaces) heads rows of amounts split the same
        way: "业务板块 2025 Q3数据 同比增速" over "总营收 312亿元 -7%"."""
        return i + 1 < len(self.lines) and is_spaced_table_row(self.lines[i + 1])

    def is_furniture(self, i: int) -> bool:
        v = self._furniture[i]
        if v is None:
            line = self.lines[i]
            v = self._furniture[i] = (
                self.stamps[i] is not None
                or self.is_breadcrumb(i)
                or (is_nav_bar(line) and not self._heads_a_table(i))
                or is_story_item(line)
                or self._furniture_search(self.simple_lines[i])
                or self.is_stop(i)
            )
        return v

    def site(self, i: int) -> str | None:
        """The site named by a marker in line ``i``, if any."""
        if i not in self._site:
            self._site[i] = self.markers.sites.find(self.lines[i])
        return self._site[i]
