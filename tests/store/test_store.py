"""ClaimStore: idempotent saves, versions, duplicates, re-extraction, runs, schema checks."""

from __future__ import annotations

import multiprocessing
import threading
from datetime import UTC

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from corpus.documents import PageWarning, SkippedInput
from corpus.runs import RunReport
from corpus.store import (
    ClaimFilter,
    ClaimStore,
    SchemaOutOfDateError,
    SchemaTooNewError,
    head_revision,
)
from tests.store.claim_factories import COST_TEXT, claim_in, cost_page, page


def test_store_save_new_then_unchanged(store: ClaimStore) -> None:
    doc, extraction = cost_page()
    first = store.save(doc, extraction)
    counts = store.counts()
    second = store.save(doc, extraction)
    assert (first.status, first.claims_added) == ("new", 2)
    assert (second.status, second.claims_added, second.article_id) == (
        "unchanged", 0, first.article_id,
    )  # fmt: skip
    assert store.counts() == counts
    assert (counts.articles, counts.claims) == (1, 2)
    assert store.check() == []


def test_store_unchanged_by_location_when_no_url(store: ClaimStore) -> None:
    doc, extraction = cost_page(url=None)
    assert store.save(doc, extraction).status == "new"
    assert store.save(doc, extraction).status == "unchanged"
    assert store.known_urls([doc.location, "/elsewhere"]) == {doc.location}


def test_store_duplicate_content_under_another_url(store: ClaimStore) -> None:
    doc, extraction = cost_page()
    first = store.save(doc, extraction)
    mirror = doc.model_copy(update={"url": "https://mirror.example.org/x", "location": "/m/x"})
    again = store.save(mirror, extraction)
    assert (again.status, again.article_id, again.claims_added) == (
        "duplicate",
        first.article_id,
        0,
    )
    assert store.save(mirror, extraction).status == "unchanged"
    assert store.counts().claims == 2
    assert store.known_urls([mirror.url or "", doc.url or "", "https://new.example/"]) == {
        mirror.url, doc.url,
    }  # fmt: skip
    assert store.has_content(doc.content_hash)
    assert not store.has_content("0" * 64)


def test_store_updated_article_keeps_both_versions(store: ClaimStore) -> None:
    doc, extraction = cost_page()
    first = store.save(doc, extraction)
    body = COST_TEXT.replace("557万", "600万")
    claims = [claim_in(body, "600万美元", value=6e6)]
    new_doc, new_extraction = page(body, claims=claims)
    second = store.save(new_doc, new_extraction)
    assert (second.status, second.claims_added) == ("updated", 1)
    assert second.article_id != first.article_id
    counts = store.counts()
    assert (counts.articles, counts.article_versions, counts.claims, counts.claim_rows) == (
        1, 2, 1, 3,
    )  # fmt: skip
    assert store.article_ids() == [second.article_id]
    old, new = store.load_articles([first.article_id, second.article_id])
    assert (old.version, new.version) == (1, 2)
    assert [c.value for c in store.claims()] == [6e6]
    assert {c.value for c in store.claims(current_only=False)} == {5.57e6, 2048, 6e6}
    assert store.save(new_doc, new_extraction).status == "unchanged"
    assert store.check() == []


def test_store_save_that_fails_writes_nothing(store: ClaimStore) -> None:
    doc, extraction = cost_page()
    extraction.article.text = None  # type: ignore[assignment]  # violates NOT NULL
    with pytest.raises(IntegrityError):
        store.save(doc, extraction)
    counts = store.counts()
    assert (counts.article_versions, counts.claim_rows) == (0, 0)
    with store.engine.connect() as conn:  # not even the page's source
        assert conn.execute(text("SELECT count(*) FROM sources")).scalar_one() == 0
    assert not store.has_content(doc.content_hash)


def test_store_reextract_twice_changes_nothing_and_keeps_history(store: ClaimStore) -> None:
    doc, extraction = cost_page()
    article_id = store.save(doc, extraction).article_id
    better = extraction.model_copy(
        update={"extractor_version": "v2", "claims": extraction.claims[:1]}
    )
    assert store.save_reextraction(article_id, better) == 1
    counts = store.counts()
    assert store.save_reextraction(article_id, better) == 0
    assert store.save_reextraction(article_id, extraction) == 0  # v1 already read it
    assert store.counts() == counts
    assert [(c.extractor_version, c.metric) for c in store.claims()] == [("v2", "training_cost")]
    history = {(c.extractor_version, c.metric, c.current) for c in store.claims(current_only=False)}
    assert history == {
        ("v1", "training_cost", False), ("v1", "gpu_count", False), ("v2", "training_cost", True),
    }  # fmt: skip
    assert store.check() == []


def test_store_load_articles_roundtrip(store: ClaimStore) -> None:
    doc, extraction = cost_page()
    article_id = store.save(doc, extraction).article_id
    (article,) = store.load_articles([article_id, 999])
    assert article.raw == doc.raw and article.content_hash == doc.content_hash
    assert article.to_document().content_hash == doc.content_hash
    assert article.published_at is not None and article.published_at.tzinfo is not None
    assert article.published_at.astimezone(UTC).hour == 2


def test_store_claims_filter(store: ClaimStore) -> None:
    store.save(*cost_page())
    other = page("另一篇", location="/b", url="https://other.example/b", site="other.example",
                 published="2024-06-01T00:00:00+00:00")  # fmt: skip
    store.save(*other)
    assert len(store.claims(ClaimFilter(subject="deepseek v3"))) == 2
    assert [c.object for c in store.claims(ClaimFilter(object="h800"))] == ["H800"]
    assert store.claims(ClaimFilter(site="other.example")) == []
    assert len(store.claims(ClaimFilter(since="2025-01-02", until="2025-01-02"))) == 2
    assert store.claims(ClaimFilter(until="2025-01-01")) == []
    stored = store.claims(ClaimFilter(metric="gpu_count"))[0]
    assert (stored.start, stored.end, stored.text) == (
        COST_TEXT.index("2048块"), COST_TEXT.index("2048块") + 5, "2048块",
    )  # fmt: skip
    assert stored.url == "https://news.example.com/a.html" and stored.title == "标题"


def test_store_runs_record_counts_and_failures(store: ClaimStore) -> None:
    assert store.last_run() is None
    run_id = store.start_run("ingest", {"paths": ["a", "b"]})
    report = RunReport(new=1, duplicate=2, claims_added=5)
    report.failed.append(SkippedInput(location="b.html", reason="not UTF-8", stage="decode"))
    report.warnings.append(PageWarning(location="c.html", message="no article body found"))
    store.finish_run(run_id, report)
    last = store.last_run("ingest")
    assert last is not None and last.id == run_id and last.finished_at is not None
    assert last.params == {"paths": ["a", "b"]}
    assert last.counts["new"] == 1 and last.counts["failed_count"] == 1
    assert last.failed[0].location == "b.html"
    assert [(w.location, w.message) for w in last.warnings] == [("c.html", "no article body found")]
    assert last.counts["warning_count"] == 1
    again = last.report()
    assert (again.new, again.duplicate, again.claims_added, len(again.failed)) == (1, 2, 5, 1)
    assert store.last_run("reextract") is None
    assert store.counts().runs == 1


def test_store_concurrent_saves_make_no_duplicates(store_url: str) -> None:
    stores = [ClaimStore(store_url) for _ in range(4)]
    doc, extraction = cost_page()
    results: list[str] = []
    barrier = threading.Barrier(len(stores))

    def save(s: ClaimStore) -> None:
        barrier.wait()
        results.append(s.save(doc, extraction).status)

    threads = [threading.Thread(target=save, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["new", "unchanged", "unchanged", "unchanged"]
    assert stores[0].counts().claims == 2
    for s in stores:
        s.close()


def test_store_refuses_newer_schema(store_url: str) -> None:
    with ClaimStore(store_url) as s, s.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(SchemaTooNewError) as info:
        ClaimStore(store_url)
    assert "9999_future" in str(info.value) and head_revision() in str(info.value)


def test_store_without_create_needs_migrated_schema(store_url: str) -> None:
    with pytest.raises(SchemaOutOfDateError):
        ClaimStore(store_url, create=False)
    ClaimStore(store_url).close()
    with ClaimStore(store_url, create=False) as s:
        assert s.counts().articles == 0


def test_store_check_finds_offset_mismatch(store: ClaimStore) -> None:
    store.save(*cost_page())
    with store.engine.begin() as conn:
        conn.execute(
            text("UPDATE claims SET char_start = char_start + 1 WHERE metric = 'gpu_count'")
        )
    problems = store.check()
    assert len(problems) == 1 and "text[start:end]" in problems[0]


def _open_and_save(url: str) -> str:
    with ClaimStore(url) as s:
        return s.save(*cost_page()).status


def test_store_processes_opening_a_new_store_at_once(store_url: str) -> None:
    with multiprocessing.get_context("fork").Pool(3) as pool:
        statuses = pool.map(_open_and_save, [store_url] * 3)
    assert sorted(statuses) == ["new", "unchanged", "unchanged"]
    with ClaimStore(store_url) as s:
        assert (s.counts().articles, s.counts().claims, s.check()) == (1, 2, [])


def test_store_stored_as_knows_content_under_own_and_alias_keys(store: ClaimStore) -> None:
    doc, extraction = cost_page()
    store.save(doc, extraction)
    mirror = doc.model_copy(update={"url": "https://mirror.example.org/x", "location": "/m/x"})
    asked = [
        (doc.content_hash, doc.url or ""),
        (doc.content_hash, "https://mirror.example.org/x"),
        ("0" * 64, doc.url or ""),
    ]
    assert store.stored_as(asked) == {asked[0]}
    store.save(mirror, extraction)  # recorded as a duplicate: an alias of the first
    assert store.stored_as(asked) == {asked[0], asked[1]}


def test_store_reopening_at_head_runs_no_migration(
    store: ClaimStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    from corpus.store import schema

    def fail(*_args: object, **_kwargs: object) -> None:
        pytest.fail("a store at head was migrated again")

    monkeypatch.setattr(schema.command, "upgrade", fail)
    reopened = ClaimStore(store.url)
    try:
        assert reopened.counts() == store.counts()
    finally:
        reopened.close()
