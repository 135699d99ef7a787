"""Reading local files into decoded documents (no HTTP: cheap to import)."""

from __future__ import annotations

from pathlib import Path

from corpus.decoding import UndecodableError, decode_page
from corpus.documents import SourceDocument, SourceItem
from corpus.errors import SkipError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def read_file(item: SourceItem, max_bytes: int | None = None) -> SourceDocument:
    """Read and decode one local file; SkipError names the file and the reason."""
    data = read_file_bytes(Path(item.location), max_bytes or DEFAULT_MAX_BYTES)
    return document_from_bytes(item, data, declared=item.encoding)


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
