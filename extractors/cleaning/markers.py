"""Portal markers and site names, loaded once from ``extractors/data/cleaning_*.toml``."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from extractors.chinese_script import to_simplified
from extractors.cleaning.pattern_sets import MatchSet, PatternSet


@dataclass(frozen=True)
class SiteTable:
    """Marker string → site name; the longest marker found in a text wins."""

    markers: tuple[tuple[str, str], ...]  # (marker, site name), longest marker first

    def find(self, text: str) -> str | None:
        lowered = text.lower()
        for marker, name in self.markers:
            if marker.lower() in lowered:
                return name
        return None

    def has_channel(self, name: str) -> bool:
        """Some other site's name extends ``name`` (网易 → 网易号)."""
        return any(n.startswith(name) and len(n) > len(name) for _, n in self.markers)


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
