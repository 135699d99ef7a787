"""trafilatura, driven for throughput: one parse, the fast cascade, metadata on demand.

* The page is parsed once (trafilatura's own loader, so the tree is the one it
  would build); the tag reader and the extractor share it (trafilatura copies it).
* The main text comes from a quick pass: trafilatura's fast cascade (no
  readability/justext comparison) without the recall retry.  When that result
  is of a kind the full cascade could change (see :func:`_needs_full_cascade`)
  the full cascade is run instead.
* trafilatura's metadata (site name, author, date) is only a fallback for pages
  whose tags lack them, so each field is computed on first use, the way
  ``trafilatura.metadata.extract_metadata`` computes it, and the rest is skipped
  (that pass, with htmldate, cost more than the text extraction).
"""

from __future__ import annotations

import html
import re
from contextlib import suppress
from functools import cache, cached_property
from typing import Any

# htmldate's extensive search hands free text to dateparser, which costs ~0.4 s a
# call (per-locale regexes); the page's own date markup is read from the tags anyway.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
# trafilatura's Document.clean_and_trim cut
_MAX_FIELD = 10000


# The quick pass leaves out trafilatura's recall retry ("escalation"), which only a
# balanced focus tries; trafilatura tests the other two focus values ("precision",
# "recall") by name only, so this one behaves as balanced everywhere else.
_NO_ESCALATION_FOCUS = "balanced-without-escalation"
# In fast mode trafilatura's text recovery keeps blocks whose class or id names a
# teaser (main_extractor.recover_wild_text); without such blocks fast mode changes nothing else.
_TEASER_BLOCKS = (
    "boolean(.//*[contains(translate(@id, 'T', 't'), 'teaser')"
    " or contains(translate(@class, 'T', 't'), 'teaser')])"
)
# Every id or class value below the root, as plain strings.  A value holding 'teaser'
# once its T's are lowered holds 'easer' as it is (no T in it), so a page without any
# 'easer' has no teaser block and the translate() test of every element is skipped.
_ID_CLASS_VALUES = ".//*/@id | .//*/@class"
_TEASER_CORE = "easer"
# readability drops these before extracting; their text is code, not page text
_CODE_TAGS = ("script", "style", "fencedframe")
# readability writes this into kept video iframes
_IFRAME_TEXT = len(" VIDEO ")


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


@cache
def _options(quick: bool) -> Any:
    """Quick: fast cascade, no escalation.  Otherwise trafilatura's full default cascade."""
    # trafilatura is imported on the first HTML page: plain-text runs start faster
    from trafilatura.settings import Extractor

    options = Extractor(output_format="python", fast=quick, comments=False, tables=True)
    if quick:
        options.focus = _NO_ESCALATION_FOCUS
    return options


def parse_html(raw: str) -> Any:
    """The page tree as trafilatura builds it, or None (not HTML, or the parser failed)."""
    from trafilatura.utils import load_html

    try:
        return load_html(raw)
    except (Exception, RecursionError):
        return None


def _extract(tree: Any, quick: bool) -> Any:
    from trafilatura import bare_extraction

    try:
        return bare_extraction(tree, options=_options(quick))
    except (Exception, RecursionError):
        return None


@cache
def _xpath(expression: str) -> Any:
    from lxml.etree import XPath

    return XPath(expression, smart_strings=False)


def _has_teaser_blocks(tree: Any) -> bool:
    """:data:`_TEASER_BLOCKS` of ``tree``, with a quick look for its core word first."""
    if _TEASER_CORE not in "\n".join(_xpath(_ID_CLASS_VALUES)(tree)):
        return False
    return bool(_xpath(_TEASER_BLOCKS)(tree))


def _text_bound(tree: Any) -> int:
    """At least the length of any text readability or trafilatura's page measure
    (``baseline.html2txt``) draw from the tree, cheaply.

    Both keep a subset of the tree's words minus code, joined by single spaces; a
    space may be put at each element boundary (two per element) and readability
    labels kept video iframes.
    """
    return _word_bound(tree.text_content(), tree) + _element_bound(tree)


def _word_bound(text: str, tree: Any) -> int:
    """The words of the page's ``text`` but those of code, each with one space."""
    words = text.split()
    chars = sum(map(len, words))
    for element in tree.iter(*_CODE_TAGS):
        chars -= sum(map(len, (element.text or "").split()))
    return chars + len(words)


def _element_bound(tree: Any) -> int:
    """What element boundaries and video labels may add to a text drawn from ``tree``."""
    elements = int(_xpath("count(descendant-or-self::*)")(tree))
    iframes = int(_xpath("count(.//iframe)")(tree))
    return 2 * elements + _IFRAME_TEXT * iframes


def _page_could_double(tree: Any, found: int) -> bool:
    """``2 * found < _text_bound(tree)``, mostly without splitting the page into words.

    Words separated by at least one space each take no more room than the text they
    come from, one space more at most: so the bound is at most the text's length + 1
    plus the element part, and a ``found`` past that half settles it.
    """
    text = tree.text_content()
    elements = _element_bound(tree)
    if 2 * found >= len(text) + 1 + elements:
        return False
    return 2 * found < _word_bound(text, tree) + elements


def _needs_full_cascade(tree: Any, doc: Any) -> bool:
    """The full cascade could give something else than the quick pass ``doc``.

    It differs only when it takes readability's or justext's text instead, or a
    recall retry, or when its text recovery drops teaser blocks; each needs one of:
    little text found (< 2x trafilatura's minimum; the quick pass then may have
    used the baseline rescue), no paragraph text, mostly tables, furniture tags left
    in the result, teaser blocks on the page, or a page whose text could be more
    than twice as long as what was found (readability must find twice as much, the
    retry needs a page five times as long).
    """
    from trafilatura.external import SANITIZED_XPATH

    body = None if doc is None else doc.body
    # trafilatura's baseline rescue builds new elements (no source line); it only
    # runs after too little was found, when the full cascade may have done better
    if body is None or all(child.sourceline is None for child in body):
        return True
    # at most the length trafilatura compares (its text before the last clean-up)
    found = len(" ".join(body.itertext()).strip())
    if found < 2 * _options(True).min_extracted_size:
        return True
    if not _xpath("boolean(.//p//text())")(body):
        return True
    if len(body.findall(".//table")) > len(body.findall(".//p")):
        return True
    if _xpath(f"boolean({SANITIZED_XPATH})")(body) or _has_teaser_blocks(tree):
        return True
    return _page_could_double(tree, found)


def recall_text(raw: str) -> str | None:
    """trafilatura's public ``extract()`` of the page, favouring recall (tables kept), or
    None when it finds nothing."""
    from trafilatura import extract

    try:
        return extract(raw, favor_recall=True, include_tables=True, include_comments=False)
    except (Exception, RecursionError):
        return None


def main_text(tree: Any) -> str | None:
    """trafilatura's main text of the page, or None when it gives up on the page."""
    doc = _extract(tree, quick=True)
    if _needs_full_cascade(tree, doc):
        doc = _extract(tree, quick=False)
    return None if doc is None else doc.text or ""


def _trimmed(value: str | None) -> str | None:
    """The final clean-up trafilatura gives every metadata string."""
    from trafilatura.utils import line_processing

    if not isinstance(value, str):
        return value
    if len(value) > _MAX_FIELD:
        value = value[: _MAX_FIELD - 1] + "…"
    return line_processing(html.unescape(value))


class TrafilaturaMetadata:
    """trafilatura's site name, author and date for one tree, each worked out on first use.

    A field whose computation fails is None.  The tree is only read.
    """

    def __init__(self, tree: Any) -> None:
        self._tree = tree

    @cached_property
    def _meta(self) -> Any:
        from trafilatura.metadata import examine_meta, extract_meta_json

        found = examine_meta(self._tree)
        if found.author and " " not in found.author:
            found.author = None
        # trafilatura tolerates its JSON-LD reader failing too
        with suppress(Exception):
            found = extract_meta_json(self._tree, found)
        return found

    @cached_property
    def _url(self) -> str | None:
        from trafilatura.metadata import extract_url

        return self._meta.url or extract_url(self._tree, None)

    @cached_property
    def author(self) -> str | None:
        from trafilatura.metadata import extract_author

        try:
            return _trimmed(self._meta.author or extract_author(self._tree))
        except (Exception, RecursionError):
            return None

    @cached_property
    def date(self) -> str | None:
        from htmldate import find_date

        try:
            return _trimmed(find_date(self._tree, **_DATE_PARAMS, url=self._url))
        except (Exception, RecursionError):
            return None

    @cached_property
    def sitename(self) -> str | None:
        from trafilatura.metadata import META_URL, extract_sitename

        try:
            name = self._meta.sitename or extract_sitename(self._tree)
            if name:
                name = name.lstrip("@")
                if name and "." not in name and not name[0].isupper():
                    name = name.title()
            elif self._url and (match := META_URL.match(self._url)):
                name = match[1]
            return _trimmed(name)
        except (Exception, RecursionError):
            return None
