"""trafilatura through its public API: the page tree, its main text, its metadata.

* The page is parsed once (``trafilatura.load_html``, so the tree is the one
  trafilatura would build); the tag reader and the extractor share it
  (``bare_extraction`` works on a copy).
* trafilatura's metadata (site name, author, date) is only a fallback for pages
  whose tags lack them: ``trafilatura.extract_metadata`` runs on the first field asked.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any

# htmldate's extensive search hands free text to dateparser, which costs ~0.4 s a
# call (per-locale regexes); the page's own date markup is read from the tags anyway.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


#: Attributes kept per tag: libxml2 checks each new attribute against the tag's others,
#: so one tag with 40,000 attributes cost seconds (quadratic); real tags have a few.
MAX_ATTRIBUTES = 64
#: Tags a page may have for trafilatura to read it (its passes are superlinear in the
#: tree); a news page has a few thousand. Past this the page is read by tag stripping.
MAX_ELEMENTS = 50_000
# A start tag long enough to hold more than MAX_ATTRIBUTES attributes (each at least a
# space and a character): shorter ones are left alone without a look at their attributes.
# A match runs over quoted values whole and stops at an unquoted "<", and gives nothing
# back once matched (possessive), so a page full of "<a" without ">" is still one pass.
_LONG_TAG = re.compile(
    rf"""<[A-Za-z][^\s/<>]*\s(?:[^<>"']|"[^"]*"|'[^']*'){{{2 * MAX_ATTRIBUTES},}}+>"""
)
_ATTRIBUTE = re.compile(r"""\s*[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?""")


def limit_attributes(raw: str) -> str:
    """The page with every start tag cut to its first ``MAX_ATTRIBUTES`` attributes
    (one linear pass; pages without such tags come back as they are)."""
    return _LONG_TAG.sub(_first_attributes, raw)


def _first_attributes(tag: re.Match[str]) -> str:
    text = tag.group()
    name_end = re.match(r"<[A-Za-z][^\s/>]*", text)
    assert name_end is not None
    at = name_end.end()
    for _ in range(MAX_ATTRIBUTES):
        attribute = _ATTRIBUTE.match(text, at, len(text) - 1)
        if attribute is None or attribute.end() == at:
            return text
        at = attribute.end()
    return text[:at] + ">"


def too_many_elements(raw: str) -> bool:
    """Whether the page may have more than ``MAX_ELEMENTS`` tags (an upper bound: every
    ``<`` counts)."""
    return raw.count("<") > MAX_ELEMENTS


def parse_html(raw: str) -> Any:
    """The page tree as trafilatura builds it, or None (not HTML, or the parser failed)."""
    # trafilatura is imported on the first HTML page: plain-text runs start faster
    from trafilatura import load_html

    try:
        return load_html(raw)
    except (Exception, RecursionError):
        return None


def recall_text(raw: str) -> str | None:
    """trafilatura's public ``extract()`` of the page, favouring recall (tables kept), or
    None when it finds nothing."""
    from trafilatura import extract

    try:
        return extract(raw, favor_recall=True, include_tables=True, include_comments=False)
    except (Exception, RecursionError):
        return None


def main_text(tree: Any) -> str | None:
    """trafilatura's main text of the page (its default cascade, tables kept, comments
    left out), or None when it gives up on the page."""
    from trafilatura import bare_extraction

    try:
        doc = bare_extraction(tree, include_comments=False, include_tables=True)
    except (Exception, RecursionError):
        return None
    return None if doc is None else doc.text or ""


class TrafilaturaMetadata:
    """trafilatura's site name, author and date for one tree, worked out on first use
    (``trafilatura.extract_metadata``; htmldate's date search is its slow part).

    Every field is None when the extraction fails.  The tree is only read.
    """

    def __init__(self, tree: Any) -> None:
        self._tree = tree

    @cached_property
    def _found(self) -> Any:
        from trafilatura import extract_metadata

        try:
            return extract_metadata(self._tree, date_config=dict(_DATE_PARAMS))
        except (Exception, RecursionError):
            return None

    @property
    def author(self) -> str | None:
        return None if self._found is None else self._found.author

    @property
    def date(self) -> str | None:
        return None if self._found is None else self._found.date

    @property
    def sitename(self) -> str | None:
        return None if self._found is None else self._found.sitename
