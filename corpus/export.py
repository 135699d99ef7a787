"""JSON / JSON Lines export of claims and comparisons, written atomically.

``json`` writes one document (an envelope with the filter and the records);
``jsonl`` writes one record per line. Text is UTF-8 with non-ASCII kept as is.
``json_schema`` gives the JSON Schema of each output, generated from the models.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from corpus.compare import Timeline, compare
from corpus.documents import utc_now
from corpus.store import ClaimFilter, ClaimStore, StoredClaim

ExportFormat = Literal["json", "jsonl"]
SchemaKind = Literal["claims", "comparison", "claim", "timeline"]
FORMAT_VERSION = 1


class ExportedClaim(StoredClaim):
    """An exported claim: the CLAIMS.md fields plus provenance (article, site, dates)."""


class ClaimsExport(BaseModel):
    """A ``json`` claims export."""

    kind: Literal["claims"] = "claims"
    format_version: int = FORMAT_VERSION
    generated_at: datetime = Field(default_factory=utc_now)
    filter: ClaimFilter
    count: int
    claims: list[ExportedClaim]


class ComparisonExport(BaseModel):
    """A ``json`` comparison export."""

    kind: Literal["comparison"] = "comparison"
    format_version: int = FORMAT_VERSION
    generated_at: datetime = Field(default_factory=utc_now)
    filter: ClaimFilter
    tolerance: float | None = Field(
        default=None, description="one tolerance for every metric; None: each metric's own"
    )
    currency: str | None = None
    count: int
    timelines: list[Timeline]


_SCHEMA_MODELS: dict[str, type[BaseModel]] = {
    "claims": ClaimsExport,
    "comparison": ComparisonExport,
    "claim": ExportedClaim,
    "timeline": Timeline,
}


def json_schema(kind: SchemaKind = "claims") -> dict[str, Any]:
    """JSON Schema of an export: ``claims``/``comparison`` for ``json`` documents,
    ``claim``/``timeline`` for one line of the ``jsonl`` form."""
    if kind not in _SCHEMA_MODELS:
        raise ValueError(f"unknown schema kind {kind!r}: use one of {', '.join(_SCHEMA_MODELS)}")
    schema = _SCHEMA_MODELS[kind].model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def write_atomic(path: Path, chunks: Iterable[str]) -> None:
    """Write ``chunks`` to ``path`` via a temp file in the same directory and os.replace.

    On any error (including one raised while producing ``chunks``) the temp file
    is removed and an existing ``path`` is left untouched.
    """
    path = Path(path)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def _emit(out: Path | None, chunks: Iterable[str]) -> None:
    if out is None:
        for chunk in chunks:
            sys.stdout.write(chunk)
        sys.stdout.flush()
    else:
        write_atomic(out, chunks)


def _lines(records: Iterable[BaseModel]) -> Iterator[str]:
    for record in records:
        yield record.model_dump_json() + "\n"


def _exported(claims: Iterable[StoredClaim]) -> list[ExportedClaim]:
    return [ExportedClaim.model_validate(dict(claim)) for claim in claims]


def export_claims(
    store: ClaimStore,
    flt: ClaimFilter | None = None,
    fmt: ExportFormat = "json",
    out: Path | None = None,
    *,
    current_only: bool = True,
) -> int:
    """Export the claims matching ``flt`` to ``out`` (stdout when None); returns how many."""
    flt = flt or ClaimFilter()
    claims = _exported(store.claims(flt, current_only=current_only))
    if fmt == "jsonl":
        _emit(out, _lines(claims))
    else:
        doc = ClaimsExport(filter=flt, count=len(claims), claims=claims)
        _emit(out, [doc.model_dump_json(indent=2) + "\n"])
    return len(claims)


def export_comparison(
    store: ClaimStore,
    flt: ClaimFilter | None = None,
    fmt: ExportFormat = "json",
    out: Path | None = None,
    *,
    tolerance: float | None = None,
    currency: str | None = None,
    conflicts_only: bool = False,
) -> int:
    """Export the timelines of ``compare`` to ``out`` (stdout when None); returns how many.

    ``tolerance`` None compares each metric with its own (the metric table); each timeline
    says which it used.
    """
    flt = flt or ClaimFilter()
    timelines = compare(
        store, flt, tolerance=tolerance, currency=currency, conflicts_only=conflicts_only
    )
    if fmt == "jsonl":
        _emit(out, _lines(timelines))
    else:
        doc = ComparisonExport(
            filter=flt,
            tolerance=tolerance,
            currency=currency,
            count=len(timelines),
            timelines=timelines,
        )
        _emit(out, [doc.model_dump_json(indent=2) + "\n"])
    return len(timelines)
