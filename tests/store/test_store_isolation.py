"""A page the store refuses costs only itself; a damaged store is reported, not raised."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.errors import UsageError
from corpus.store import ClaimStore, SaveFailed, StoreError
from corpus.store import batch as batch_module
from tests.store.claim_factories import page


def test_store_isolation_one_refused_page_costs_only_itself(
    store: ClaimStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = [
        page(f"第{n}页：训练成本为557万美元。", url=f"https://news.example.com/{n}.html")
        for n in range(3)
    ]
    real = batch_module.save_pages

    def refusing(conn, batch):  # type: ignore[no-untyped-def]
        if any(doc.url and doc.url.endswith("/1.html") for doc, _ in batch):
            raise ValueError("value out of range for this column")
        return real(conn, batch)

    monkeypatch.setattr(batch_module, "save_pages", refusing)
    results = store.save_pages(pages)
    assert [type(r).__name__ for r in results] == ["SaveResult", "SaveFailed", "SaveResult"]
    assert isinstance(results[1], SaveFailed)
    assert results[1].reason == "value out of range for this column"
    assert store.counts().articles == 2


def test_store_isolation_garbage_file_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "garbage.db"
    path.write_bytes(b"this is not a database, just some text " * 200)
    with pytest.raises(StoreError) as raised:
        ClaimStore(f"sqlite:///{path}")
    assert isinstance(raised.value, UsageError)
    assert "\n" not in str(raised.value) and "not a database" in str(raised.value)


def test_store_isolation_doctor_runs_the_integrity_check(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    url = f"sqlite:///{path}"
    with ClaimStore(url) as store:
        store.save_pages(
            [
                page(f"第{n}页：训练成本为557万美元。" * 40, url=f"https://x.example/{n}")
                for n in range(60)
            ]
        )
        assert store.check() == []
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    pages = len(data) // page_size
    assert pages > 6
    for number in range(pages // 2, pages - 1):  # scribble over the second half's pages
        start = number * page_size + 8
        data[start : start + 64] = b"\xff" * 64
    path.write_bytes(bytes(data))
    try:
        store = ClaimStore(url)
    except StoreError:
        return  # refused at once, one line: also a clean outcome
    with store:
        problems = store.check()
    assert problems and all("\n" not in p for p in problems)
    assert any("damaged" in p for p in problems), problems
