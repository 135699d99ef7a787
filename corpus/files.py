"""Reading local files into decoded documents (no HTTP: cheap to import)."""

from __future__ import annotations

import os
import time
from pathlib import Path
from stat import S_ISDIR

from corpus.decoding import UndecodableError, decode_page
from corpus.documents import SourceDocument, SourceItem
from corpus.errors import SkipError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
#: A file changed this recently may change again within its timestamps' granularity
#: (up to 2 s on some file systems) without its signature changing: it gets none.
RACY_NS = 3_000_000_000


def read_file(item: SourceItem, max_bytes: int | None = None) -> SourceDocument:
    """Read and decode one local file; SkipError names the file and the reason.

    The document carries the file's signature as stat-ed before reading (see
    ``file_signature``), so a stored page's file can later be known unchanged unread.
    """
    data, stat = _read_checked(Path(item.location), max_bytes or DEFAULT_MAX_BYTES)
    document = document_from_bytes(item, data, declared=item.encoding)
    document.file_signature = signature_of(stat, item.encoding)
    return document


def file_signature(path: str, encoding: str | None = None) -> str | None:
    """What a file looks like without reading it: size, times, inode, declared encoding.

    Equal signatures mean the same content (the ctime changes on every write and cannot
    be set back). None for a file that is missing or changed too recently to tell.
    """
    try:
        return signature_of(os.stat(path), encoding)
    except OSError:
        return None


def signature_of(stat: os.stat_result, encoding: str | None) -> str | None:
    if time.time_ns() - max(stat.st_mtime_ns, stat.st_ctime_ns) < RACY_NS:
        return None
    parts = (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, encoding or "")
    return ":".join(str(part) for part in parts)


def read_file_bytes(path: Path, cap: int) -> bytes:
    """A file's bytes; the size is checked before reading so a huge file costs nothing."""
    return _read_checked(path, cap)[0]


def _read_checked(path: Path, cap: int) -> tuple[bytes, os.stat_result]:
    location = str(path)
    try:
        stat = path.stat()
        if S_ISDIR(stat.st_mode):
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
    return data, stat


def document_from_bytes(item: SourceItem, data: bytes, *, declared: str | None) -> SourceDocument:
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
