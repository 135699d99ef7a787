"""Reading one item (a file or a URL) into a decoded SourceDocument."""

from __future__ import annotations

import threading

from corpus.documents import SourceDocument, SourceItem, without_credentials
from corpus.fetch import Fetcher, NotModified
from corpus.files import document_from_bytes, read_file
from corpus.sources.spec import Settings

_shared: Fetcher | None = None
_shared_lock = threading.Lock()


def make_fetcher(settings: Settings, **overrides: object) -> Fetcher:
    """A Fetcher configured from the sources file's [settings]."""
    options: dict[str, object] = {
        "user_agent": settings.user_agent,
        "timeout": settings.timeout,
        "deadline": settings.deadline,
        "max_bytes": settings.max_bytes,
        "max_redirects": settings.max_redirects,
        "per_host_concurrency": settings.per_host_concurrency,
        "state_dir": settings.state_dir,
    }
    options.update(overrides)
    return Fetcher(**options)  # type: ignore[arg-type]


def shared_fetcher() -> Fetcher:
    """The process-wide default Fetcher, so per-host limits hold across callers."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Fetcher()
        return _shared


def read_item(
    item: SourceItem, *, fetcher: Fetcher | None = None, max_bytes: int | None = None
) -> SourceDocument:
    """Read and decode one item.

    Raises SkipError for permanent problems, TransientFetchError for retryable ones,
    NotModified when a conditional request got a 304.
    """
    if item.kind == "file":
        return read_file(item, max_bytes)
    fetcher = fetcher or shared_fetcher()
    result = fetcher.fetch(item.location, local_hosts=item.local_hosts, max_bytes=max_bytes)
    if result.not_modified:
        raise NotModified(item.location)
    document = document_from_bytes(item, result.body, declared=item.encoding or result.charset)
    return document.model_copy(
        update={
            "url": without_credentials(result.final_url),
            "etag": result.etag,
            "last_modified": result.last_modified,
        }
    )
