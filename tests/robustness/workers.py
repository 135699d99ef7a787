"""Work functions handed to the extraction worker process in tests (importable there)."""

from __future__ import annotations

import time

from flows.pages import extract_page

HANG_MARKER = "此页永不结束"


def hang_on_marker(backend: str, raw: str, location: str, site: str | None, fetched_at=None):  # type: ignore[no-untyped-def]
    """The real extraction, except that a page holding ``HANG_MARKER`` never finishes
    (as a page stuck in a parser's C code would not)."""
    if HANG_MARKER in raw:
        time.sleep(3600)
    return extract_page(backend, raw, location, site, fetched_at)
