"""``aiclaims extract``: claims of files as JSON Lines (CLAIMS.md), no store, no Prefect."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from extractors import DEFAULT_BACKEND
from flows.cli.state import stderr


def extract_record(source: str, extraction) -> dict:
    """The CLAIMS.md output object for one input file."""
    article = extraction.article.model_dump(mode="json")
    return {
        "source": source,
        "article": {k: article[k] for k in ("title", "published_at", "author", "site", "text")},
        "claims": [claim.model_dump(mode="json") for claim in extraction.claims],
    }


def extract(
    paths: list[Path] = typer.Argument(..., help="Files (plain text or HTML) to read."),
    backend: str = typer.Option(DEFAULT_BACKEND, help="Segmenter backend: rjieba or jieba."),
) -> None:
    """Print one JSON object per input file: its article and claims (CLAIMS.md format).

    Example: aiclaims extract page1.txt page2.html > claims.jsonl
    """
    from corpus.documents import SourceItem
    from corpus.errors import SkipError
    from corpus.files import read_file
    from extractors.pipeline import Extractor

    extractor = Extractor(backend=backend)
    failed = 0
    for path in paths:
        try:
            doc = read_file(SourceItem(location=str(path), kind="file"))
        except SkipError as err:
            stderr.print(f"[yellow]{err.skipped.message()}[/]", highlight=False)
            failed += 1
            continue
        extraction = extractor.extract(doc.raw, source_name=str(path))
        sys.stdout.write(json.dumps(extract_record(str(path), extraction), ensure_ascii=False))
        sys.stdout.write("\n")
    sys.stdout.flush()
    if failed and failed == len(paths):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command()(extract)
