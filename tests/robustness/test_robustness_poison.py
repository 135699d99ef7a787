"""Hostile local inputs mixed with good pages: each costs only itself, the run and every
re-run complete, and the good pages are stored."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.robustness.conftest import stored_articles
from tests.robustness.generate import ARTICLE, html_page, make_corpus

DEEPSEEK = "深度求索表示，DeepSeek-V3的训练成本为5\u200f57万美元，低于同类模型。\n"
BINARY_CODECS = ["base64", "hex", "zlib", "bz2", "uu", "quopri", "rot13"]


def _article(marker: str) -> str:
    return ARTICLE.replace("某实验室", f"{marker}实验室")


#: name: (bytes, a phrase its stored text must hold)
STORED: dict[str, tuple[bytes, str]] = {
    **{
        f"says-{codec}.html": (
            html_page("声明", _article(f"{codec}码"), codec).encode("gbk"),
            f"{codec}码实验室",
        )
        for codec in BINARY_CODECS
    },
    "gbk-says-koi8r.html": (
        html_page("俄码", _article("俄码"), "koi8-r").encode("gbk"),
        "俄码实验室",
    ),
    "gbk-says-cp437.html": (
        html_page("美码", _article("美码"), "cp437").encode("gbk"),
        "美码实验室",
    ),
    "utf16-no-bom.txt": (_article("双字节").encode("utf-16-le"), "双字节实验室"),
    "stray-byte.txt": (
        _article("坏字节").encode()[:30] + b"\xff" + _article("坏字节").encode()[30:],
        "坏字节实验室",
    ),
    "bidi-number.txt": ((DEEPSEEK + _article("双向")).encode(), "557万美元"),
    "new\nline.txt": (_article("换行").encode(), "换行实验室"),
}
UTF7 = html_page("七位", "+2AA-" + _article("七位"), "utf-7").encode("utf-7")


def _folder(root: Path) -> Path:
    root.mkdir()
    for name, (data, _phrase) in STORED.items():
        (root / name).write_bytes(data)
    (root / "utf7-surrogate.html").write_bytes(UTF7)
    os.mkfifo(root / "pipe.html")
    (root / "loop.html").symlink_to(root / "loop.html")
    with open(os.fsencode(root) + b"/\xffname.txt", "wb") as handle:
        handle.write(_article("坏名").encode())
    (root / "locked").mkdir()
    (root / "locked" / "inside.txt").write_text(_article("锁住"), encoding="utf-8")
    return root


@pytest.fixture
def locked_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder named "locked" cannot be entered (the tests run as root, where chmod
    would not stop them)."""
    real = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if os.path.basename(os.fspath(path)) == "locked":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


@pytest.mark.slow
def test_robustness_poison_hostile_files_cost_only_themselves(
    prefect_harness: None, locked_folder: None, tmp_path: Path, db_url: str
) -> None:
    from corpus.store import ClaimStore
    from flows.ingest import ingest

    folder = _folder(tmp_path / "inbox")
    good = make_corpus(tmp_path / "good", 12)
    first = ingest([str(folder), str(tmp_path / "good")], db_url=db_url, batch_size=4)

    articles = {Path(a.location).name: a for a in stored_articles(db_url)}
    reasons = {Path(s.location).name: s.reason for s in first.failed}
    for name, (_data, phrase) in STORED.items():
        assert name in articles, (name, reasons.get(name))
        assert phrase in articles[name].text, (name, articles[name].text[:120])
    assert {p.name for p in good} <= set(articles)
    assert reasons["pipe.html"] == "is a FIFO (named pipe), not a file"
    assert reasons["loop.html"] == "symbolic link loop"
    assert reasons["\\xffname.txt"].startswith("file name is not valid UTF-8")
    assert reasons["locked"] == "cannot list folder: Permission denied"
    # the UTF-7 page is read as plain ASCII (its declaration is not honoured): stored or
    # skipped for having no article text, never a surrogate in the store
    assert "utf7-surrogate.html" in articles or "utf7-surrogate.html" in reasons
    for article in articles.values():
        article.raw.encode("utf-8")
        assert "\u200f" not in article.raw
    assert first.exit_code == 0 and not first.failed_sources
    assert all("\n" not in skip.message() for skip in first.failed)

    again = ingest([str(folder), str(tmp_path / "good")], db_url=db_url, batch_size=4)
    assert again.new == 0 and again.unchanged == first.new
    with ClaimStore(db_url) as store:
        assert store.check() == []
        claims = store.claims()
    assert any(c.value == 5.57e6 and c.location.endswith("bidi-number.txt") for c in claims)


NAMES = ["dead", "pages", "gone-folder", "no-such-input"]


@pytest.mark.slow
def test_robustness_poison_dead_feed_costs_only_its_source(
    prefect_harness: None, tmp_path: Path, db_url: str
) -> None:
    """Issue 20: a sources file with a dead feed and a good folder stores the folder's
    claims and records the failed source, with its reason, in the run report."""
    from corpus.store import ClaimStore
    from flows.cli import app
    from tests.sources.httpserver import LocalHTTPServer

    good = make_corpus(tmp_path / "pages", 3)
    with LocalHTTPServer() as server:
        server.route("/gone.xml", status=404, body=b"gone")
        dead = server.url("/gone.xml")
        sources = tmp_path / "sources.toml"
        sources.write_text(
            f'[[source]]\nname = "dead"\nkind = "feed"\nurl = "{dead}"\nlocal = true\n\n'
            f'[[source]]\nname = "pages"\nkind = "folder"\npath = "{good[0].parent}"\n'
            f'[[source]]\nname = "gone-folder"\nkind = "folder"\npath = "{tmp_path / "nope"}"\n',
            encoding="utf-8",
        )
        result = CliRunner().invoke(
            app,
            ["--db", db_url, "--quiet", "ingest", "--sources", str(sources), *NAMES],
        )
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    with ClaimStore(db_url) as store:
        run = store.last_run("ingest")
        stored = {Path(c.location).name for c in store.claims()}
    assert stored == {p.name for p in good}
    assert run is not None and run.counts["new"] == len(good)
    failed = {s.location: s for s in run.failed}
    assert set(failed) == {dead, str(tmp_path / "nope"), "no-such-input"}
    assert all(s.scope == "source" for s in failed.values())
    assert "HTTP 404" in failed[dead].reason
    assert "does not exist" in failed[str(tmp_path / "nope")].reason


def test_robustness_poison_bad_batch_size_is_a_usage_error(
    prefect_harness: None, tmp_path: Path, db_url: str
) -> None:
    from corpus.errors import UsageError
    from corpus.store import ClaimStore
    from flows.ingest import check_setup, ingest

    make_corpus(tmp_path / "pages", 1)
    for size in (0, -1):
        with pytest.raises(UsageError, match="batch size"):
            check_setup(db_url, batch_size=size)
        with pytest.raises(UsageError, match="batch size"):
            ingest([str(tmp_path / "pages")], db_url=db_url, batch_size=size)
    with ClaimStore(db_url) as store:
        assert store.last_run("ingest") is None  # refused before a run was recorded
