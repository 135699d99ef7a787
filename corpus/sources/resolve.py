"""Turning CLI arguments (source names, paths, URLs) into source specs."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from corpus.documents import SkippedInput
from corpus.sources.feeds import FEED_SUFFIXES, looks_like_feed
from corpus.sources.loading import SourcesError
from corpus.sources.spec import SourcesFile, SourceSpec, is_http_url

FEED_PATH_WORDS = frozenset({"feed", "rss", "atom"})


def resolve_or_skip(
    args: Sequence[str], sources: SourcesFile | None, *, allow_local: bool = False
) -> tuple[list[SourceSpec], list[SkippedInput]]:
    """Like resolve_inputs, but an unusable argument becomes a skip and the rest go on.

    With ``allow_local``, a URL argument is a local source: its own host may be on a
    private or loopback address (its redirects and links elsewhere are checked as usual).
    """
    specs: list[SourceSpec] = []
    skipped: list[SkippedInput] = []
    for arg in args:
        try:
            spec = _resolve_one(arg, sources)
        except ValueError as error:  # a pydantic ValidationError: say which rule it broke
            reason = f"unusable: {_rule_broken(error)}"
            skipped.append(
                SkippedInput(location=arg, reason=reason, stage="discover", scope="source")
            )
            continue
        if spec is not None and allow_local and (spec.url or spec.urls):
            spec = spec.model_copy(update={"local": True})
        if spec is None:
            reason = "not found: no such file, folder, source name or http(s) URL"
            skipped.append(
                SkippedInput(location=arg, reason=reason, stage="discover", scope="source")
            )
        else:
            specs.append(spec)
    return specs, skipped


def resolve_inputs(args: Sequence[str], sources: SourcesFile | None) -> list[SourceSpec]:
    """One spec per argument, in order; all unusable arguments are reported together.

    An argument is, in this order: a source name of the sources file; an http(s)
    URL (a feed if its path looks like one, else a page that is read as a feed
    if its first bytes turn out to be one); an existing file or folder (a feed
    file if it looks like one).
    """
    specs: list[SourceSpec] = []
    problems: list[str] = []
    for arg in args:
        try:
            spec = _resolve_one(arg, sources)
        except ValueError as error:
            problems.append(f"{arg!r}: {_rule_broken(error)}")
            continue
        if spec is None:
            where = f" in {sources.path}" if sources and sources.path else ""
            problems.append(
                f"{arg!r} is not a source name{where}, an http(s) URL, "
                "or an existing file or folder"
            )
        else:
            specs.append(spec)
    if problems:
        raise SourcesError(problems)
    return specs


def _rule_broken(error: ValueError) -> str:
    """A validation error as the rules it broke, one line."""
    errors = getattr(error, "errors", None)
    if errors is None:
        return str(error)
    return "; ".join(str(e.get("msg", "")).removeprefix("Value error, ") for e in errors())


def _resolve_one(arg: str, sources: SourcesFile | None) -> SourceSpec | None:
    if sources is not None and (named := sources.get(arg)) is not None:
        return named
    if is_http_url(arg):
        if _url_looks_like_feed(arg):
            return SourceSpec(name=arg, kind="feed", url=arg)
        return SourceSpec(name=arg, kind="urls", urls=[arg], detect_feed=True)
    path = Path(arg).expanduser()
    try:
        if path.is_file() and _file_looks_like_feed(path):
            return SourceSpec(name=arg, kind="feed", file=path)
        exists = path.exists()
    except (OSError, ValueError):  # a folder on the way that cannot be entered, a NUL
        exists = True  # a folder source, whose listing then says what is wrong
    if exists:
        return SourceSpec(name=arg, kind="folder", path=path)  # ValueError: e.g. "/"
    return None


def _url_looks_like_feed(url: str) -> bool:
    path = urlsplit(url).path.lower().rstrip("/")
    if path.endswith(FEED_SUFFIXES):
        return True
    last = path.rsplit("/", 1)[-1]
    return last in FEED_PATH_WORDS


def _file_looks_like_feed(path: Path) -> bool:
    if path.suffix.lower() not in FEED_SUFFIXES:
        return False
    try:
        with path.open("rb") as handle:
            return looks_like_feed(handle.read(4096))
    except OSError:
        return False
