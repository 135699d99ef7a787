"""``aiclaims extract``: claims of files as JSON Lines (CLAIMS.md), no store, no Prefect."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape

from extractors import DEFAULT_BACKEND
from flows.cli.errors import EXIT_FAILED, SetupError
from flows.cli.state import stderr

STDIN = "-"


def extract_record(source: str, extraction) -> dict:
    """The CLAIMS.md output object for one input file."""
    article = extraction.article.model_dump(mode="json")
    return {
        "source": source,
        "article": {k: article[k] for k in ("title", "published_at", "author", "site", "text")},
        "claims": [claim.model_dump(mode="json") for claim in extraction.claims],
    }


def expand_inputs(inputs: list[str]) -> Iterator[str]:
    """Each argument as the files it names: a folder's files (hidden ones left out, in
    path order, as `ingest` lists them), a file or ``-`` as itself."""
    from corpus.sources.discover import list_files

    for text in inputs:
        path = Path(text)
        if text != STDIN and path.is_dir():
            yield from list_files(path)
        else:
            yield text


def _read(location: str):
    """The decoded page at ``location`` (``-``: standard input); SkipError if unusable."""
    from corpus.documents import SourceItem
    from corpus.files import DEFAULT_MAX_BYTES, document_from_bytes, read_file

    item = SourceItem(location=location, kind="file")
    if location != STDIN:
        return read_file(item)
    data = sys.stdin.buffer.read(DEFAULT_MAX_BYTES + 1)
    if len(data) > DEFAULT_MAX_BYTES:
        from corpus.errors import SkipError

        raise SkipError.of(location, f"too large: over {DEFAULT_MAX_BYTES} bytes", "read")
    return document_from_bytes(item, data, declared=None)


def _check_environment(skip: Any) -> None:
    """A page that failed on an import fails every page: a set-up error (exit 2)."""
    from flows.cli.environment import import_error_fix, import_failures

    if import_failures([skip]):
        raise SetupError(
            f"the extractor could not import what it needs ({skip.reason})",
            import_error_fix(ImportError(skip.reason)),
        )


def extract(
    paths: list[str] = typer.Argument(
        ..., help="Files or folders of pages (plain text or HTML); - reads one page from stdin."
    ),
    backend: str = typer.Option(DEFAULT_BACKEND, help="Segmenter backend: rjieba or jieba."),
) -> None:
    """Print one JSON object per input file: its article and claims (CLAIMS.md format).

    A page that cannot be read or extracted is named on stderr and left out; exit status
    1 when no page could be.
    Example: aiclaims extract page1.txt pages/ > claims.jsonl; curl -s URL | aiclaims extract -
    """
    from corpus.documents import PageWarning, SkippedInput
    from corpus.errors import SkipError
    from flows.pages import extract_one, extractor_for

    extractor = extractor_for(backend)
    read = failed = 0
    for location in expand_inputs(paths):
        read += 1
        try:
            extraction = extract_one(extractor, _read(location).raw, location, None)
        except SkipError as err:
            extraction = err.skipped
        if isinstance(extraction, SkippedInput):
            _check_environment(extraction)
            stderr.print(f"[yellow]{escape(extraction.message())}[/]", highlight=False)
            failed += 1
            continue
        for message in extraction.warnings:
            warning = PageWarning(location=location, message=message)
            stderr.print(f"[yellow]{escape(warning.line())}[/]", highlight=False)
        sys.stdout.write(json.dumps(extract_record(location, extraction), ensure_ascii=False))
        sys.stdout.write("\n")
    sys.stdout.flush()
    if failed == read:
        if read == 0:
            stderr.print("no files in the folders given", highlight=False)
        raise typer.Exit(EXIT_FAILED)


def register(app: typer.Typer) -> None:
    app.command()(extract)
