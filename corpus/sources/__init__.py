"""Sources of pages: the sources file, CLI inputs, listing (discover) and reading items."""

from corpus.fetch import Fetcher, NotModified, SkipError, TransientFetchError
from corpus.sources.discover import Discovery, discover
from corpus.sources.loading import SourcesError, load_sources, parse_sources
from corpus.sources.reading import make_fetcher, read_item, shared_fetcher
from corpus.sources.resolve import resolve_inputs, resolve_or_skip
from corpus.sources.spec import Settings, SourcesFile, SourceSpec

__all__ = [
    "Discovery",
    "Fetcher",
    "NotModified",
    "Settings",
    "SkipError",
    "SourceSpec",
    "SourcesError",
    "SourcesFile",
    "TransientFetchError",
    "discover",
    "load_sources",
    "make_fetcher",
    "parse_sources",
    "read_item",
    "resolve_inputs",
    "resolve_or_skip",
    "shared_fetcher",
]
