"""Fetching pages over HTTP for the sources: see ``Fetcher``."""

from corpus.errors import NotModified, SkipError, TransientFetchError
from corpus.fetch.client import DEFAULT_MAX_BYTES, USER_AGENT, Fetcher, FetchResult
from corpus.fetch.validators import ValidatorCache, Validators

__all__ = [
    "DEFAULT_MAX_BYTES",
    "USER_AGENT",
    "FetchResult",
    "Fetcher",
    "NotModified",
    "SkipError",
    "TransientFetchError",
    "ValidatorCache",
    "Validators",
]
