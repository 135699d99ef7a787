"""What the ingest tasks do with a batch of pages: read, skip the known, extract, store.

Plain functions on an open store, so that one task can run several batches with
one store (Prefect costs tens of milliseconds per task run).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from corpus.documents import SkippedInput, SourceDocument, SourceItem
from corpus.runs import RunReport
from extractors.models import Extraction
from extractors.pipeline import ArticleTooLong

if TYPE_CHECKING:
    from corpus.store import ClaimStore
    from extractors.pipeline import Extractor


class Extracted(BaseModel):
    """A page and what the extractor made of it (None: its content is already stored)."""

    doc: SourceDocument
    extraction: Extraction | None = None


class Unchanged(BaseModel):
    """A page with nothing to do: a URL answering 304 Not Modified, or content already
    stored under the same location."""

    location: str


Outcome = Extracted | SkippedInput | Unchanged
Read = SourceDocument | SkippedInput | Unchanged
#: Called with a stored page that came with HTTP validators (ETag, Last-Modified).
Remember = Callable[[SourceDocument], None]


@lru_cache(maxsize=4)
def extractor_for(backend: str) -> Extractor:
    """One extractor per process and backend: building it loads the dictionaries."""
    from extractors.pipeline import Extractor

    return Extractor(backend=backend)


def read_files(items: Sequence[SourceItem], max_bytes: int) -> list[Read]:
    """Read and decode a batch of local files; a bad file becomes a skip, not a failure."""
    from corpus.sources import SkipError, read_item

    docs: list[Read] = []
    for item in items:
        try:
            docs.append(read_item(item, max_bytes=max_bytes))
        except SkipError as err:
            docs.append(err.skipped)
    return docs


def mark_known(store: ClaimStore, docs: Sequence[Read]) -> list[Outcome | SourceDocument]:
    """Docs whose content is already stored need no extraction.

    Content stored under the same location becomes ``Unchanged`` (nothing to write);
    content stored elsewhere becomes ``Extracted(doc)`` without extraction (the store
    records the new location). A page with something to remember once stored (HTTP
    validators, a file signature) goes the second way too.
    """
    fresh = [d for d in docs if isinstance(d, SourceDocument)]
    if not fresh:
        return list(docs)
    known = store.known_contents([d.content_hash for d in fresh])
    same = store.stored_as(
        (d.content_hash, d.url or d.location) for d in fresh if d.content_hash in known
    )
    return [_known_outcome(d, known, same) for d in docs]


def _known_outcome(
    doc: Read, known: set[str], same: set[tuple[str, str]]
) -> Outcome | SourceDocument:
    if not isinstance(doc, SourceDocument) or doc.content_hash not in known:
        return doc
    to_remember = doc.etag or doc.last_modified or doc.file_signature
    if (doc.content_hash, doc.url or doc.location) in same and not to_remember:
        return Unchanged(location=doc.location)
    return Extracted(doc=doc)


def extract_one(
    extractor: Extractor, raw: str, location: str, site: str | None
) -> Extraction | SkippedInput:
    """Extract one page; a configured site name wins over the page's own. A failure on
    one page becomes its skip, so it never sinks the batch."""
    try:
        extraction = extractor.extract(raw, source_name=location)
    except ArticleTooLong as err:
        return SkippedInput(location=location, reason=str(err), stage="extract")
    except Exception as err:
        return SkippedInput(location=location, reason=f"extractor error: {err!r}", stage="extract")
    if site:
        extraction.article.site = site
    return extraction


def extract_documents(docs: Sequence[Outcome | SourceDocument], backend: str) -> list[Outcome]:
    """Run the extractor over new pages; everything else passes through."""
    extractor = extractor_for(backend)
    out: list[Outcome] = []
    for doc in docs:
        if not isinstance(doc, SourceDocument):
            out.append(doc)
            continue
        extraction = extract_one(extractor, doc.raw, doc.location, doc.site)
        if isinstance(extraction, SkippedInput):
            out.append(extraction)
            continue
        if not extraction.article.text.strip():
            reason = "no article text found"
            out.append(SkippedInput(location=doc.location, reason=reason, stage="extract"))
            continue
        out.append(Extracted(doc=doc, extraction=extraction))
    return out


def store_outcomes(
    store: ClaimStore, outcomes: Sequence[Outcome], remember: Remember | None = None
) -> RunReport:
    """Store a batch's extracted articles in one transaction (see ``ClaimStore.save_pages``)
    and count every outcome into the batch's part of the run report."""
    report = RunReport()
    pages = [o for o in outcomes if isinstance(o, Extracted)]
    for outcome in outcomes:
        if isinstance(outcome, SkippedInput):
            report.failed.append(outcome)
        elif isinstance(outcome, Unchanged):
            report.unchanged += 1
    if not pages:  # a re-run of known pages writes nothing
        return report
    saved = store.save_pages([(page.doc, page.extraction) for page in pages])
    for page, result in zip(pages, saved, strict=True):
        doc = page.doc
        if result is None:  # the stored copy went away since the batch was read
            reason = "content vanished from the store during the run; run again"
            report.failed.append(SkippedInput(location=doc.location, reason=reason, stage="store"))
            continue
        status: Literal["new", "unchanged", "updated", "duplicate"] = result.status
        setattr(report, status, getattr(report, status) + 1)
        report.claims_added += result.claims_added
        if remember and (doc.etag or doc.last_modified):  # a 304 may skip it only now
            remember(doc)
    return report


def ingest_pages(
    store: ClaimStore,
    docs: Sequence[Read],
    backend: str,
    remember: Remember | None = None,
) -> RunReport:
    """One batch: skip what is stored, extract the rest, store it all in one transaction."""
    return store_outcomes(store, extract_documents(mark_known(store, docs), backend), remember)
