"""ClaimStore.save_pages: one transaction per batch, the same outcomes as page by page;
file signatures let a re-run skip unchanged files unread."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from corpus.documents import SourceDocument
from corpus.files import file_signature
from corpus.store import ClaimStore, SaveFailed, SaveResult
from extractors.models import Extraction
from tests.store.claim_factories import COST_TEXT, claim_in, cost_page, page

OTHER_TEXT = "该模型拥有6710亿参数。"


def _batch() -> list[tuple[SourceDocument, Extraction | None]]:
    """New page, its mirror, itself again, its next version, the mirror again, and a
    page without extraction whose content is not stored: every outcome in one batch."""
    first, extraction = cost_page()
    mirror = first.model_copy(update={"url": "https://mirror.example.org/a", "location": "/m/a"})
    update_doc, update_extraction = page(
        OTHER_TEXT, claims=[claim_in(OTHER_TEXT, "6710亿", metric="parameters", unit="count")]
    )
    unknown, _ = page("未存的页面。", url="https://news.example.com/unknown.html")
    return [
        (first, extraction),
        (mirror, extraction),
        (first, extraction),
        (update_doc, update_extraction),
        (mirror, None),
        (unknown, None),
    ]


def _outcomes(results: list) -> list[tuple[str, int] | None]:
    return [None if r is None else (r.status, r.claims_added) for r in results]


EXPECTED = [("new", 2), ("duplicate", 0), ("unchanged", 0), ("updated", 1), ("unchanged", 0), None]


def test_store_batch_outcomes_match_page_by_page(store: ClaimStore, tmp_path: Path) -> None:
    results = store.save_pages(_batch())
    assert _outcomes(results) == EXPECTED
    assert results[1] is not None and results[0] is not None
    assert results[1].article_id == results[0].article_id
    with ClaimStore(f"sqlite:///{tmp_path / 'one_by_one.db'}") as single:
        one_by_one = [
            single.save(doc, extraction) if extraction else single.save_pages([(doc, None)])[0]
            for doc, extraction in _batch()
        ]
        assert _outcomes(one_by_one) == EXPECTED
        expected_counts = single.counts()
        expected_claims = sorted((c.metric, c.current, c.url) for c in single.claims())
    assert store.counts() == expected_counts
    assert sorted((c.metric, c.current, c.url) for c in store.claims()) == expected_claims
    assert store.check() == []


def test_store_batch_again_changes_nothing(store: ClaimStore) -> None:
    store.save_pages(_batch())
    counts = store.counts()
    again = store.save_pages([(doc, ex) for doc, ex in _batch() if ex is not None])
    assert {r.status for r in again if r is not None} == {"unchanged"}
    assert store.counts() == counts


def test_store_batch_failure_keeps_the_pages_before_it(store: ClaimStore) -> None:
    good, extraction = cost_page()
    bad, bad_extraction = page(OTHER_TEXT, url="https://news.example.com/bad.html")
    bad_extraction.article.text = None  # type: ignore[assignment]  # violates NOT NULL
    results = store.save_pages([(good, extraction), (bad, bad_extraction)])
    assert isinstance(results[0], SaveResult) and results[0].status == "new"
    assert isinstance(results[1], SaveFailed) and "NULL" in results[1].reason.upper()
    assert store.counts().articles == 1
    assert store.has_content(good.content_hash) and not store.has_content(bad.content_hash)
    assert store.check() == []


def _old_file(path: Path, content: str) -> Path:
    path.write_text(content, encoding="utf-8")
    past = time.time() - 60
    os.utime(path, (past, past))
    return path


def test_store_file_signature_none_while_racy(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.html"
    fresh.write_text("x", encoding="utf-8")
    assert file_signature(str(fresh)) is None  # ctime is now: too recent to trust
    assert file_signature(str(tmp_path / "missing.html")) is None


def test_store_unchanged_files_needs_signature_and_stored_content(
    store: ClaimStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("corpus.files.RACY_NS", 0)
    path = _old_file(tmp_path / "a.html", "<p>x</p>")
    signature = file_signature(str(path))
    assert signature is not None
    doc, extraction = page(COST_TEXT, url=None, location=str(path))
    doc.file_signature = signature
    assert store.unchanged_files([(str(path), signature)]) == set()
    store.save_pages([(doc, extraction)])
    assert store.unchanged_files([(str(path), signature)]) == {str(path)}
    _old_file(path, "<p>y</p>")  # rewritten: the ctime moves even if the mtime is set back
    changed = file_signature(str(path))
    assert changed is not None and changed != signature
    assert store.unchanged_files([(str(path), changed)]) == set()
    with store.engine.begin() as conn:  # content gone: the signature proves nothing
        conn.execute(text("DELETE FROM claims"))
        conn.execute(text("DELETE FROM extractions"))
        conn.execute(text("DELETE FROM articles"))
    assert store.unchanged_files([(str(path), signature)]) == set()
