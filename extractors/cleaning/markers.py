"""Portal markers and site names, loaded once from ``extractors/data/cleaning_*.toml``."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from extractors.chinese_script import to_simplified


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


@dataclass(frozen=True)
class Markers:
    stop_headings: tuple[re.Pattern[str], ...]
    stop: tuple[re.Pattern[str], ...]
    furniture: tuple[re.Pattern[str], ...]
    profile: tuple[re.Pattern[str], ...]
    epigraph_attribution: tuple[re.Pattern[str], ...]
    author_labels: tuple[str, ...]
    source_labels: tuple[str, ...]
    sites: SiteTable

    # Patterns are written in simplified script; traditional pages are matched
    # through an offset-preserving simplified copy of the line.

    def is_stop(self, line: str, *, heading_max: int = 20) -> bool:
        line = _simplified(line)
        if len(line) <= heading_max and any(p.match(line) for p in self.stop_headings):
            return True
        return any(p.match(line) for p in self.stop)

    def is_furniture(self, line: str) -> bool:
        line = _simplified(line)
        return any(p.search(line) for p in self.furniture)

    def is_profile(self, line: str) -> bool:
        line = _simplified(line)
        return any(p.search(line) for p in self.profile)

    def is_epigraph_attribution(self, line: str) -> bool:
        return any(p.match(line) for p in self.epigraph_attribution)


@lru_cache(maxsize=4096)
def _simplified(line: str) -> str:
    return to_simplified(line)


def _read_toml(name: str) -> dict:
    return tomllib.loads(resources.files("extractors").joinpath("data", name).read_text("utf-8"))


def _compile(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


@cache
def load_markers() -> Markers:
    """Read and compile the marker tables (package data, read once per process)."""
    data = _read_toml("cleaning_markers.toml")
    sites = _read_toml("cleaning_sites.toml")
    pairs = [(marker, site["name"]) for site in sites["site"] for marker in site["markers"]]
    pairs.sort(key=lambda pair: len(pair[0]), reverse=True)
    return Markers(
        stop_headings=_compile(data["stop_headings"]),
        stop=_compile(data["stop"]),
        furniture=_compile(data["furniture"]),
        profile=_compile(data["profile"]),
        epigraph_attribution=_compile(data["epigraph_attribution"]),
        author_labels=tuple(data["author_labels"]),
        source_labels=tuple(data["source_labels"]),
        sites=SiteTable(tuple(pairs)),
    )
