"""Reading one item (a file or a URL) into a decoded SourceDocument."""

from __future__ import annotations

import threading
from pathlib import Path

from corpus.decoding import UndecodableError, decode_page
from corpus.documents import SourceDocument, SourceItem
from corpus.fetch import DEFAULT_MAX_BYTES, Fetcher, NotModified, SkipError
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
        cap = max_bytes or DEFAULT_MAX_BYTES
        data = read_file_bytes(Path(item.location), cap)
        return _document(item, data, declared=item.encoding)
    fetcher = fetcher or shared_fetcher()
    result = fetcher.fetch(item.location, local_ok=item.local_ok, max_bytes=max_bytes)
    if result.not_modified:
        raise NotModified(item.location)
    document = _document(item, result.body, declared=item.encoding or result.charset)
    return document.model_copy(
        update={
            "url": result.final_url,
            "etag": result.etag,
            "last_modified": result.last_modified,
        }
    )


def read_file_bytes(path: Path, cap: int) -> bytes:
    """A file's bytes; the size is checked before reading so a huge file costs nothing."""
    location = str(path)
    try:
        stat = path.stat()
        if path.is_dir():
            raise SkipError.of(location, "is a folder, not a file", stage="read")
        if stat.st_size > cap:
            raise SkipError.of(
                location, f"too large: {_size(stat.st_size)}, cap {_size(cap)}", "read"
            )
        if stat.st_size == 0:
            raise SkipError.of(location, "empty file", stage="read")
        with path.open("rb") as handle:
            data = handle.read(cap + 1)
    except FileNotFoundError:
        raise SkipError.of(location, "file not found", stage="read") from None
    except PermissionError:
        raise SkipError.of(location, "cannot read: permission denied", stage="read") from None
    except OSError as error:
        raise SkipError.of(location, f"cannot read: {error.strerror or error}", "read") from None
    if len(data) > cap:
        raise SkipError.of(location, f"too large: grew past the cap of {_size(cap)}", "read")
    return data


def _document(item: SourceItem, data: bytes, *, declared: str | None) -> SourceDocument:
    try:
        page = decode_page(data, declared=declared)
    except UndecodableError as error:
        raise SkipError.of(item.location, str(error), stage="decode") from None
    if not page.text.strip():
        raise SkipError.of(item.location, "no text (whitespace only)", stage="decode")
    return SourceDocument(
        location=item.location,
        raw=page.text,
        source_name=item.source_name,
        site=item.site,
        encoding=page.encoding,
    )


def _size(n: int) -> str:
    if n < 1024 * 1024:
        return f"{n} bytes"
    return f"{n / (1024 * 1024):.1f} MiB"
