"""Portal markers and site names, loaded once from ``extractors/data/cleaning_*.toml``."""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

from extractors.chinese_script import to_simplified
from extractors.cleaning.pattern_sets import MatchSet, PatternSet, literal_trie


@dataclass(frozen=True)
class SiteTable:
    """Marker string → site name; the longest marker found in a text wins."""

    markers: tuple[tuple[str, str], ...]  # (marker, site name), longest marker first
    # lowered marker → its rank in ``markers``, grouped by first character, so a
    # lookup only tests the markers that can start at a character of the text
    _by_first: dict[str, tuple[tuple[int, str], ...]] = field(init=False, repr=False, compare=False)
    _always: int | None = field(init=False, repr=False, compare=False)  # an empty marker
    _any: re.Pattern[str] = field(init=False, repr=False, compare=False)  # is any marker in?
    _channels: dict[str, bool] = field(init=False, repr=False, compare=False)  # has_channel

    def __post_init__(self) -> None:
        groups: dict[str, list[tuple[int, str]]] = defaultdict(list)
        always = None
        for rank, (marker, _) in enumerate(self.markers):
            lowered = marker.lower()
            if lowered:
                groups[lowered[0]].append((rank, lowered))
            elif always is None:
                always = rank
        object.__setattr__(self, "_by_first", {k: tuple(v) for k, v in groups.items()})
        object.__setattr__(self, "_always", always)
        trie = literal_trie({m for group in groups.values() for _, m in group})
        object.__setattr__(self, "_any", re.compile(trie or r"(?!)"))
        names = {name for _, name in self.markers}
        channels = {name: self._extends(name, names) for name in names}
        object.__setattr__(self, "_channels", channels)

    @staticmethod
    def _extends(name: str, names: Iterable[str]) -> bool:
        return any(n.startswith(name) and len(n) > len(name) for n in names)

    def find(self, text: str) -> str | None:
        lowered = text.lower()
        best = self._always
        if self._any.search(lowered) is None:  # the common case: no marker at all
            return self.default
        by_first = self._by_first
        for ch in set(lowered).intersection(by_first):
            for rank, marker in by_first[ch]:
                if best is not None and rank >= best:
                    break
                if marker in lowered:
                    best = rank
                    break
        return None if best is None else self.markers[best][1]

    def has_channel(self, name: str) -> bool:
        """Some other site's name extends ``name`` (网易 → 网易号)."""
        known = self._channels.get(name)
        return self._extends(name, self._channels) if known is None else known

    @property
    def default(self) -> str | None:
        """What :meth:`find` gives for a text holding no marker."""
        return None if self._always is None else self.markers[self._always][1]


@dataclass(frozen=True)
class Markers:
    # tables matched at the line start (MatchSet) or searched anywhere (PatternSet)
    stop_headings: MatchSet
    stop: MatchSet
    furniture: PatternSet
    profile: PatternSet
    epigraph_attribution: MatchSet
    author_labels: tuple[str, ...]
    source_labels: tuple[str, ...]
    sites: SiteTable

    # Patterns are written in simplified script; traditional pages are matched
    # through an offset-preserving simplified copy of the line.  Callers that
    # already hold that copy pass it as ``simple``; the furniture and profile tables
    # are asked of that copy directly (``markers.furniture.search(simple)``).

    def is_stop(self, line: str, *, simple: str | None = None, heading_max: int = 20) -> bool:
        line = _simplified(line) if simple is None else simple
        if len(line) <= heading_max and self.stop_headings.match(line):
            return True
        return self.stop.match(line)

    def is_epigraph_attribution(self, line: str) -> bool:
        return self.epigraph_attribution.match(line)


@lru_cache(maxsize=4096)
def _simplified(line: str) -> str:
    return to_simplified(line)


def _read_toml(name: str) -> dict:
    return tomllib.loads(resources.files("extractors").joinpath("data", name).read_text("utf-8"))


@cache
def load_markers() -> Markers:
    """Read and compile the marker tables (package data, read once per process)."""
    data = _read_toml("cleaning_markers.toml")
    sites = _read_toml("cleaning_sites.toml")
    pairs = [(marker, site["name"]) for site in sites["site"] for marker in site["markers"]]
    pairs.sort(key=lambda pair: len(pair[0]), reverse=True)
    return Markers(
        stop_headings=MatchSet(data["stop_headings"]),
        stop=MatchSet(data["stop"]),
        furniture=PatternSet(data["furniture"]),
        profile=PatternSet(data["profile"]),
        epigraph_attribution=MatchSet(data["epigraph_attribution"]),
        author_labels=tuple(data["author_labels"]),
        source_labels=tuple(data["source_labels"]),
        sites=SiteTable(tuple(pairs)),
    )
