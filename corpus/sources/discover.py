"""Listing what a source holds, cheaply: files of a folder, items of a feed, a URL list."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import BaseModel, Field

from corpus.documents import SkippedInput, SourceItem
from corpus.fetch import DEFAULT_MAX_BYTES, Fetcher, SkipError
from corpus.files import read_file_bytes
from corpus.sources.feeds import looks_like_feed, parse_feed
from corpus.sources.folders import list_folder
from corpus.sources.reading import shared_fetcher
from corpus.sources.spec import SourceSpec, is_http_url

KnownUrls = Callable[[Iterable[str]], set[str]]


class Discovery(BaseModel):
    """What a source lists now: items to read, inputs skipped, and how many were known."""

    items: list[SourceItem] = Field(default_factory=list)
    skipped: list[SkippedInput] = Field(default_factory=list)
    known: int = 0


def discover(
    spec: SourceSpec,
    *,
    known_urls: KnownUrls | None = None,
    fetcher: Fetcher | None = None,
    max_bytes: int | None = None,
) -> Discovery:
    """List a source's items without reading them.

    URL items that ``known_urls`` reports as stored are dropped (for a ``urls``
    source only unless ``recheck``). A feed whose download fails for good becomes
    a skip of the whole source (``scope="source"``); a transient failure raises
    TransientFetchError so the caller can retry.
    """
    cap = max_bytes or spec.max_bytes or DEFAULT_MAX_BYTES
    if spec.kind == "folder":
        found = _discover_folder(spec)
    elif spec.kind == "feed":
        found = _discover_feed(spec, fetcher or shared_fetcher(), cap)
    else:
        found = _discover_urls(spec, fetcher or shared_fetcher(), cap)
    if known_urls is not None and not (spec.kind == "urls" and spec.recheck):
        found = _drop_known(found, known_urls)
    return found


def _item(spec: SourceSpec, location: str, kind: str, title: str | None = None) -> SourceItem:
    return SourceItem(
        location=location,
        kind=kind,  # type: ignore[arg-type]
        source_name=spec.name,
        site=spec.site,
        encoding=spec.encoding,
        title_hint=title,
        local_hosts=sorted(spec.local_host_names()),
    )


def _source_failed(location: str, reason: str) -> Discovery:
    skip = SkippedInput(location=location, reason=reason, stage="discover", scope="source")
    return Discovery(skipped=[skip])


def _discover_folder(spec: SourceSpec) -> Discovery:
    root = spec.path
    assert root is not None
    try:
        if not root.exists():
            return _source_failed(str(root), f"folder source {spec.name}: path does not exist")
        if root.is_file():
            return Discovery(items=[_item(spec, str(root), "file")])
    except OSError as error:  # e.g. a path inside a folder that cannot be entered
        reason = f"folder source {spec.name}: cannot open: {error.strerror or error}"
        return _source_failed(str(root), reason)
    listing = list_folder(str(root), spec.glob)
    items = [_item(spec, path, "file") for path in listing.files]
    return Discovery(items=items, skipped=listing.skipped)


def list_files(root: Path, pattern: str | None = None) -> list[str]:
    """The files under ``root`` matching ``pattern`` (see ``corpus.sources.folders``, whose
    ``list_folder`` also says why other entries were skipped), spelled
    ``os.path.join(str(root), relative)``, in path order."""
    return list_folder(str(root), pattern).files


def _discover_feed(spec: SourceSpec, fetcher: Fetcher, cap: int) -> Discovery:
    location = spec.url or str(spec.file)
    try:
        if spec.url is not None:
            local = spec.local_host_names()
            data = fetcher.fetch(spec.url, local_hosts=local, max_bytes=cap, conditional=False).body
        else:
            assert spec.file is not None
            data = read_file_bytes(spec.file, cap)
        entries = parse_feed(data, name=spec.name, location=location)
    except SkipError as error:
        failed = error.skipped.model_copy(update={"scope": "source"})
        return Discovery(skipped=[failed])
    found = Discovery()
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        if not entry.link:
            what = f"item {entry.title!r}" if entry.title else f"item #{number}"
            found.skipped.append(
                SkippedInput(
                    location=f"{location}#{number}", reason=f"feed {spec.name}: {what} has no link"
                )
            )
        elif not is_http_url(entry.link):
            scheme = urlsplit(entry.link).scheme or "none"
            found.skipped.append(
                SkippedInput(
                    location=entry.link,
                    reason=f"feed {spec.name}: link scheme {scheme!r} is not http(s)",
                )
            )
        elif entry.link not in seen:
            seen.add(entry.link)
            item = _item(spec, entry.link, "url", entry.title)
            found.items.append(item.model_copy(update={"published_hint": entry.published}))
    return found


def _discover_urls(spec: SourceSpec, fetcher: Fetcher, cap: int) -> Discovery:
    found = Discovery()
    candidates = list(spec.urls or [])
    if spec.urls_file is not None:
        try:
            text = read_file_bytes(spec.urls_file, cap).decode("utf-8-sig")
        except SkipError as error:
            found.skipped.append(error.skipped.model_copy(update={"scope": "source"}))
            text = ""
        except UnicodeDecodeError:
            reason = f"urls source {spec.name}: URL list is not UTF-8 text"
            found.skipped.append(
                SkippedInput(location=str(spec.urls_file), reason=reason, scope="source")
            )
            text = ""
        candidates += [
            ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")
        ]
    if spec.local and spec.urls_file is not None:  # the listed URLs' hosts are its own
        listed = [urlsplit(url).hostname for url in candidates if is_http_url(url)]
        spec = spec.model_copy(update={"local_hosts": [*spec.local_hosts, *filter(None, listed)]})
    seen: set[str] = set()
    for url in candidates:
        if url in seen:
            continue
        seen.add(url)
        if not is_http_url(url):
            scheme = urlsplit(url).scheme or "none"
            reason = f"urls source {spec.name}: scheme {scheme!r} is not http(s)"
            found.skipped.append(SkippedInput(location=url, reason=reason))
        elif spec.detect_feed:
            _add_page_or_feed(found, spec, url, fetcher, cap)
        else:
            found.items.append(_item(spec, url, "url"))
    return found


def _add_page_or_feed(
    found: Discovery, spec: SourceSpec, url: str, fetcher: Fetcher, cap: int
) -> None:
    """For a URL given on the command line: read it as a feed if its first bytes say so."""
    try:
        head = fetcher.peek(url, local_hosts=spec.local_host_names())
    except SkipError as error:
        found.skipped.append(error.skipped)
        return
    if not looks_like_feed(head.body, head.content_type):
        found.items.append(_item(spec, url, "url"))
        return
    feed_spec = SourceSpec(
        name=spec.name,
        kind="feed",
        url=url,
        site=spec.site,
        encoding=spec.encoding,
        local=spec.local,
        local_hosts=spec.local_hosts,
    )
    listed = _discover_feed(feed_spec, fetcher, cap)
    found.items.extend(listed.items)
    found.skipped.extend(listed.skipped)


def _drop_known(found: Discovery, known_urls: KnownUrls) -> Discovery:
    urls = [item.public_location for item in found.items if item.kind == "url"]
    if not urls:
        return found
    known = known_urls(urls)
    kept = [item for item in found.items if item.kind != "url" or item.public_location not in known]
    return Discovery(items=kept, skipped=found.skipped, known=len(found.items) - len(kept))
