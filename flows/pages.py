"""What the ingest tasks do with a batch of pages: read, skip the known, extract, store.

Plain functions, so that one task can run several batches (Prefect costs tens of
milliseconds per task run). Every per-page step turns an exception into that page's
skip: one page never sinks its batch, its task or the run.

Pages are cleaned and extracted in a worker process with a time budget per page
(``BudgetedExtractor``): a page that would take minutes is skipped as "took too
long" and the worker is killed and replaced, so the run goes on.
"""

from __future__ import annotations

import atexit
import multiprocessing
import threading
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from corpus.documents import PageWarning, SkippedInput, SourceDocument, SourceItem
from corpus.runs import RunReport
from extractors.models import Extraction
from extractors.pipeline import ArticleTooLong

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

    from corpus.store import ClaimStore
    from extractors.pipeline import Extractor

#: Seconds one page may take to clean and extract (``Settings.page_budget``).
DEFAULT_PAGE_BUDGET = 60.0


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
#: Cleans and extracts one page: (backend, raw, location, site, fetched_at) -> extraction
#: or skip.
ExtractWork = Callable[[str, str, str, str | None, datetime | None], "Extraction | SkippedInput"]


def unexpected(location: str, stage: str, error: BaseException) -> SkippedInput:
    """The skip of an item whose step failed in a way nobody foresaw (a bug, a library's
    limit): named with the error's type and first line."""
    text = str(error).strip().splitlines()
    detail = f"{type(error).__name__}: {text[0][:300]}" if text else type(error).__name__
    return SkippedInput(location=location, reason=f"unexpected error ({detail})", stage=stage)  # type: ignore[arg-type]


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
        except Exception as err:
            docs.append(unexpected(item.location, "read", err))
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
    extractor: Extractor,
    raw: str,
    location: str,
    site: str | None,
    fetched_at: datetime | None = None,
) -> Extraction | SkippedInput:
    """Extract one page; a configured site name wins over the page's own. A failure on
    one page becomes its skip, so it never sinks the batch. ``fetched_at``: when a page
    fetched over HTTP was fetched (None for files: their times say nothing of the page's)."""
    try:
        extraction = extractor.extract(raw, source_name=location, fetched_at=fetched_at)
    except ArticleTooLong as err:
        return SkippedInput(location=location, reason=str(err), stage="extract")
    except (Exception, RecursionError) as err:
        return unexpected(location, "extract", err)
    if site:
        extraction.article.site = site
    return extraction


def fetch_moment(url: str | None, fetched_at: datetime | None) -> datetime | None:
    """What a page's relative times ("3小时前") count back from: when it was fetched, for a
    page fetched over HTTP; None for a file (when it was read says nothing of the page)."""
    return fetched_at if url else None


def extract_page(
    backend: str, raw: str, location: str, site: str | None, fetched_at: datetime | None = None
) -> Extraction | SkippedInput:
    """``extract_one`` with this process's extractor (what a worker process runs)."""
    return extract_one(extractor_for(backend), raw, location, site, fetched_at)


def _warm(backend: str) -> None:
    """Worker initializer: build the extractor before the first page's clock starts."""
    extractor_for(backend)


def _ready() -> bool:
    return True


class BudgetedExtractor:
    """Cleaning and extraction in a worker process, each page within ``budget`` seconds.

    One ``multiprocessing.Pool`` worker (started with ``spawn``: the flow's threads are
    not forked) holds the extractor; a page past its budget is skipped as "took too
    long", and the pool is terminated (its worker killed, whatever C code it is stuck
    in) and started anew. Calls are serialised: the budget counts one page's work.
    In a daemonic process (a Dask worker), which may not start processes, pages are
    extracted in-process without a budget.
    """

    def __init__(self, backend: str, budget: float, work: ExtractWork = extract_page) -> None:
        self.backend = backend
        self.budget = budget
        self.work = work
        self.restarts = 0
        self._pool: Pool | None = None
        self._ready = False  # the worker answered: its extractor is built
        self._lock = threading.Lock()

    def extract(
        self, raw: str, location: str, site: str | None, fetched_at: datetime | None = None
    ) -> Extraction | SkippedInput:
        if multiprocessing.current_process().daemon:
            return self.work(self.backend, raw, location, site, fetched_at)
        with self._lock:
            pool = self._started()
            pending = pool.apply_async(self.work, (self.backend, raw, location, site, fetched_at))
            try:
                result: Extraction | SkippedInput = pending.get(timeout=self.budget)
            except multiprocessing.TimeoutError:
                self._stop()
                self.restarts += 1
                reason = (
                    f"took too long: cleaning and extraction passed the {self.budget:g} s budget"
                )
                return SkippedInput(location=location, reason=reason, stage="extract")
            except Exception as err:  # the result could not be sent back, the worker died...
                return unexpected(location, "extract", err)
            return result

    def warm(self) -> None:
        """Start the worker now (it builds the extractor), not on the first page."""
        if not multiprocessing.current_process().daemon:
            with self._lock:
                self._started()

    def start(self) -> None:
        """Start the worker and return at once: it builds the extractor while the
        caller goes on (the CLI imports Prefect meanwhile). The first page still
        waits for it to be ready before its clock starts."""
        if not multiprocessing.current_process().daemon:
            with self._lock:
                self._spawned()

    def close(self) -> None:
        with self._lock:
            self._stop()

    def _spawned(self) -> Pool:
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._pool = context.Pool(1, initializer=_warm, initargs=(self.backend,))
            self._ready = False
        return self._pool

    def _started(self) -> Pool:
        pool = self._spawned()
        if not self._ready:
            pool.apply(_ready)  # the worker is up and its extractor built
            self._ready = True
        return pool

    def _stop(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None
            self._ready = False


_extractors: dict[tuple[str, float], BudgetedExtractor] = {}
_extractors_lock = threading.Lock()


def budgeted_extractor(backend: str, budget: float = DEFAULT_PAGE_BUDGET) -> BudgetedExtractor:
    """The process's budgeted extractor for a backend and budget (its worker is kept
    between runs: starting one costs the extractor's build, about a second)."""
    with _extractors_lock:
        key = (backend, budget)
        if key not in _extractors:
            if not _extractors:
                atexit.register(_close_extractors)
            _extractors[key] = BudgetedExtractor(backend, budget)
        return _extractors[key]


def _close_extractors() -> None:
    """Stop the kept workers when the process ends (a pool left to the garbage collector
    at interpreter shutdown fails noisily)."""
    with _extractors_lock:
        for extractor in _extractors.values():
            extractor.close()


def extract_documents(
    docs: Sequence[Outcome | SourceDocument], extractor: BudgetedExtractor
) -> list[Outcome]:
    """Run the extractor over new pages; everything else passes through."""
    out: list[Outcome] = []
    for doc in docs:
        if not isinstance(doc, SourceDocument):
            out.append(doc)
            continue
        fetched_at = fetch_moment(doc.url, doc.fetched_at)
        extraction = extractor.extract(doc.raw, doc.location, doc.site, fetched_at)
        if isinstance(extraction, SkippedInput):
            out.append(extraction)
        elif not extraction.article.text.strip():
            reason = "no article text found"
            out.append(SkippedInput(location=doc.location, reason=reason, stage="extract"))
        else:
            out.append(Extracted(doc=doc, extraction=extraction))
    return out


def store_outcomes(
    store: ClaimStore, outcomes: Sequence[Outcome], remember: Remember | None = None
) -> RunReport:
    """Store a batch's extracted articles in one transaction (see ``ClaimStore.save_pages``:
    a page the store refuses costs only itself) and count every outcome into the batch's
    part of the run report."""
    from corpus.store import SaveFailed

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
        if isinstance(result, SaveFailed):
            reason = f"not stored: {result.reason}"
            report.failed.append(SkippedInput(location=doc.location, reason=reason, stage="store"))
            continue
        status: Literal["new", "unchanged", "updated", "duplicate"] = result.status
        setattr(report, status, getattr(report, status) + 1)
        report.claims_added += result.claims_added
        if page.extraction is not None and status != "unchanged":
            for message in page.extraction.warnings:
                report.warnings.append(PageWarning(location=doc.location, message=message))
        if remember and (doc.etag or doc.last_modified):  # a 304 may skip it only now
            remember(doc)
    return report


def prepare_pages(
    store: ClaimStore, docs: Sequence[Read], extractor: BudgetedExtractor
) -> list[Outcome]:
    """One batch up to the store: skip what is stored, extract the rest (store reads only)."""
    return extract_documents(mark_known(store, docs), extractor)
