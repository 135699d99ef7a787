"""Consistency checks of the store (``aiclaims doctor``)."""

from __future__ import annotations

from sqlalchemy import distinct, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, aliased

from corpus.store.tables import ArticleRow, ClaimRow, ExtractionRow

MAX_EXAMPLES = 5


def file_integrity(s: Session) -> list[str]:
    """SQLite's ``PRAGMA integrity_check`` (pages, indexes, constraints), one line per
    problem; nothing on other backends, which check their own storage."""
    if s.get_bind().dialect.name != "sqlite":
        return []
    try:
        rows = list(s.execute(text("PRAGMA integrity_check")).scalars())
    except DBAPIError as error:
        return [f"the database file is damaged: {str(error.orig).splitlines()[0]}"]
    if rows == ["ok"]:
        return []
    lines = [line for row in rows for line in str(row).splitlines() if line.strip()]
    found = [line for line in lines if not line.startswith("***")]  # "*** in database main"
    shown = [f"database file damaged (SQLite integrity check): {line}" for line in found]
    more = len(shown) - MAX_EXAMPLES
    return shown[:MAX_EXAMPLES] + ([f"... and {more} more integrity problems"] if more > 0 else [])


def run_checks(s: Session) -> list[str]:
    """Every problem found, one line each (empty when the store is consistent)."""
    problems: list[str] = []
    for check in (
        orphan_claims,
        misplaced_claims,
        offset_mismatches,
        several_current_versions,
        current_claims_of_old_versions,
        mixed_current_readings,
        extraction_counts,
    ):
        problems.extend(check(s))
    return problems


def _report(what: str, ids: list[int]) -> list[str]:
    if not ids:
        return []
    shown = ", ".join(str(i) for i in ids[:MAX_EXAMPLES])
    more = f" (and {len(ids) - MAX_EXAMPLES} more)" if len(ids) > MAX_EXAMPLES else ""
    return [f"{len(ids)} {what}: {shown}{more}"]


def orphan_claims(s: Session) -> list[str]:
    query = (
        select(ClaimRow.id)
        .outerjoin(ArticleRow, ArticleRow.id == ClaimRow.article_id)
        .outerjoin(ExtractionRow, ExtractionRow.id == ClaimRow.extraction_id)
        .where((ArticleRow.id.is_(None)) | (ExtractionRow.id.is_(None)))
    )
    return _report("claims without their article or extraction (claim ids)", list(s.scalars(query)))


def misplaced_claims(s: Session) -> list[str]:
    query = (
        select(ClaimRow.id)
        .join(ExtractionRow, ExtractionRow.id == ClaimRow.extraction_id)
        .where(
            (ExtractionRow.article_id != ClaimRow.article_id)
            | (ExtractionRow.extractor_version != ClaimRow.extractor_version)
        )
    )
    return _report("claims disagreeing with their extraction (claim ids)", list(s.scalars(query)))


def offset_mismatches(s: Session) -> list[str]:
    """Claims whose ``text`` is not the article text at ``start:end``."""
    body = func.coalesce(ExtractionRow.text, ArticleRow.text)
    at_offsets = func.substr(body, ClaimRow.start + 1, ClaimRow.end - ClaimRow.start)
    query = (
        select(ClaimRow.id)
        .join(ExtractionRow, ExtractionRow.id == ClaimRow.extraction_id)
        .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
        .where((ClaimRow.end < ClaimRow.start) | (at_offsets != ClaimRow.text))
    )
    return _report("claims whose text is not text[start:end] (claim ids)", list(s.scalars(query)))


def several_current_versions(s: Session) -> list[str]:
    query = (
        select(ArticleRow.doc_key)
        .where(ArticleRow.current.is_(True))
        .group_by(ArticleRow.doc_key)
        .having(func.count() > 1)
    )
    keys = list(s.scalars(query))
    if not keys:
        return []
    return [f"{len(keys)} pages with several current versions: {', '.join(keys[:MAX_EXAMPLES])}"]


def current_claims_of_old_versions(s: Session) -> list[str]:
    query = (
        select(ClaimRow.id)
        .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
        .where(ClaimRow.current.is_(True), ArticleRow.current.is_(False))
    )
    return _report("current claims of superseded article versions", list(s.scalars(query)))


def mixed_current_readings(s: Session) -> list[str]:
    query = (
        select(ClaimRow.article_id)
        .where(ClaimRow.current.is_(True))
        .group_by(ClaimRow.article_id)
        .having(func.count(distinct(ClaimRow.extractor_version)) > 1)
    )
    ids = list(s.scalars(query))
    return _report("articles with current claims from several extractor versions", ids)


def extraction_counts(s: Session) -> list[str]:
    claim = aliased(ClaimRow)
    stored = (
        select(func.count(claim.id))
        .where(claim.extraction_id == ExtractionRow.id)
        .scalar_subquery()
    )
    query = select(ExtractionRow.id).where(stored != ExtractionRow.claim_count)
    return _report("extractions whose claim count is off (extraction ids)", list(s.scalars(query)))
