"""CSV output for spreadsheets: one row per record, one column per field.

Rows are flattened pydantic models: scalar fields as they are, dates in ISO 8601,
nested fields (a conversion, a list of origins) as JSON in one cell. Written as
UTF-8 with a byte-order mark so that spreadsheet programs read Chinese right;
to a file atomically, like the JSON exports.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel

BOM = "\ufeff"


def cell(value: Any) -> str:
    """One CSV cell: '' for None, ISO dates, JSON for lists and mappings."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, BaseModel):
        return value.model_dump_json()
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, float):
        return f"{value:.15g}"  # 3.01e12 parsed from text: 3010000000000, not ...9995
    return str(value)


def model_columns(model: type[BaseModel]) -> list[str]:
    """A model's fields in declaration order (the columns of its rows)."""
    return list(model.model_fields)


def model_rows(records: Iterable[BaseModel], columns: Sequence[str]) -> Iterator[list[str]]:
    for record in records:
        yield [cell(getattr(record, column, None)) for column in columns]


def csv_lines(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> Iterator[str]:
    """The CSV text, a line at a time (header first)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in _chain(columns, rows):
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def _chain(first: Sequence[str], rest: Iterable[Sequence[str]]) -> Iterator[Sequence[str]]:
    yield first
    yield from rest


def write_csv(columns: Sequence[str], rows: Iterable[Sequence[str]], out: Path | None) -> None:
    """Write the CSV to ``out`` (atomically, with a BOM) or to stdout (no BOM)."""
    if out is None:
        for line in csv_lines(columns, rows):
            sys.stdout.write(line)
        sys.stdout.flush()
        return
    from corpus.export import write_atomic

    write_atomic(out, _chain_text(BOM, csv_lines(columns, rows)))


def _chain_text(first: str, rest: Iterable[str]) -> Iterator[str]:
    yield first
    yield from rest


def timeline_rows(timelines: Iterable[Any]) -> tuple[list[str], list[list[str]]]:
    """Columns and rows of a comparison: one row per timeline entry, its key (subject,
    metric, object, unit), then the entry's fields, then the key's consensus and
    conflict count."""
    key_columns = ["key_subject", "metric", "object", "key_unit"]
    entry_columns: list[str] = []
    rows: list[list[str]] = []
    for timeline in timelines:
        if not entry_columns and timeline.entries:
            entry_columns = model_columns(type(timeline.entries[0]))
        key = [cell(timeline.subject), cell(timeline.metric), cell(timeline.object)]
        key.append(cell(timeline.unit))
        summary = [cell(timeline.consensus.value), cell(timeline.conflicts_total)]
        for entry in timeline.entries:
            rows.append([*key, *(cell(getattr(entry, c, None)) for c in entry_columns), *summary])
    return [*key_columns, *entry_columns, "consensus", "conflicts"], rows
