"""Claims of a text as comparable rows, shared by the table-driven claim tests."""

from __future__ import annotations

from extractors.models import Article
from extractors.pipeline import Extractor

Row = tuple[str, str, float, str, str | None]  # subject, metric, value, unit, object


def rows(extractor: Extractor, text: str) -> list[Row]:
    """The distinct (subject, metric, value, unit, object) of the claims found in ``text``."""
    claims = extractor.extract_body(Article(text=text))
    return sorted(
        {(c.subject, c.metric, round(c.value, 3), c.unit, c.object) for c in claims}, key=str
    )


def expected(table_rows: list[Row]) -> list[Row]:
    """A case's expected rows in the same normal form as :func:`rows`."""
    return sorted({(s, m, round(float(v), 3), u, o) for s, m, v, u, o in table_rows}, key=str)
