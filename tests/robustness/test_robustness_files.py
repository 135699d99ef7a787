"""Bad local inputs in one ingest batch: each skipped with a reason, the good ones stored."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.robustness.conftest import stored_articles
from tests.robustness.generate import (
    ARTICLE,
    PDF,
    PNG,
    TRADITIONAL,
    ZIP,
    html_page,
    make_corpus,
    sample_pages,
)
from tests.sources.pages import billion_laughs

SCHEMES_FEED = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
    b"<item><title>a</title><link>file:///etc/passwd</link></item>"
    b"<item><title>b</title><link>ftp://example.invalid/x</link></item>"
    b"<item><title>c</title><link>javascript:alert(1)</link></item></channel></rss>"
)

#: (file name, content, words the skip reason must contain)
BAD_FILES: list[tuple[str, Callable[[], bytes], tuple[str, ...]]] = [
    ("empty.txt", lambda: b"", ("empty",)),
    ("blank.txt", lambda: " \n\t\r\n \u3000 \n".encode(), ("whitespace",)),
    ("report.pdf", lambda: PDF, ("binary", "PDF")),
    ("photo.png", lambda: PNG, ("binary", "PNG")),
    ("archive.zip", lambda: ZIP, ("binary", "ZIP")),
    ("disguised.html", lambda: PNG, ("binary",)),
    (
        "all-scripts.html",
        lambda: (
            "<html><head><script>var a='训练成本557万美元';</script></head><body>"
            + "<script>document.write('6710亿参数')</script>" * 500
            + "</body></html>"
        ).encode(),
        ("no article text",),
    ),
    (
        "broken.rss",
        lambda: b'<?xml version="1.0"?><rss version="2.0"><channel><item><ti',
        ("not a valid RSS",),
    ),
    ("bomb.xml", billion_laughs, ("ENTITY", "refused")),
]


def _cut_mid_character() -> bytes:
    """A real sample page cut off inside a multibyte UTF-8 character."""
    data = sample_pages()[0].read_bytes()
    cut = len(data) * 2 // 3
    while data[cut] & 0xC0 != 0x80:  # move onto a continuation byte
        cut += 1
    return data[:cut]


#: (file name, content, a phrase its stored article text must contain)
GOOD_FILES: list[tuple[str, Callable[[], bytes], str]] = [
    ("truncated.txt", lambda: _cut_mid_character(), "新浪科技讯"),
    ("gbk.txt", lambda: ARTICLE.replace("某", "国标").encode("gbk"), "国标实验室"),
    ("gb18030.txt", lambda: ARTICLE.replace("某", "一八").encode("gb18030"), "一八实验室"),
    ("big5.txt", lambda: TRADITIONAL.encode("big5"), "新創公司"),
    (
        "latin1-declared.html",
        lambda: html_page("错误声明", ARTICLE.replace("某", "错标"), "iso-8859-1").encode("gbk"),
        "错标实验室",
    ),
    (
        "utf8-says-gbk.html",
        lambda: html_page("声明", ARTICLE.replace("某", "名不"), "gbk").encode("utf-8"),
        "名不实验室",
    ),
    (  # declared UTF-16 without a BOM once raised UnicodeError and sank the whole batch
        "gbk-says-utf16.html",
        lambda: html_page("声明", ARTICLE.replace("某", "自称"), "utf-16").encode("gbk"),
        "自称实验室",
    ),
    (
        "mixed-scripts.txt",
        lambda: (ARTICLE.replace("某", "混排") + TRADITIONAL).encode(),
        "運算中心",
    ),
    (
        "nested.html",
        lambda: (
            "<html><body>"
            + "<div><span>" * 3000
            + "".join(f"<p>{line}" for line in ARTICLE.replace("某", "嵌套").splitlines())
            + "</div>" * 7
            + "<b><i><table><tr><td>"
        ).encode(),
        "嵌套实验室",
    ),
]


#: Pages with text but no article the cleaner can find: kept whole, with a warning.
WARNED_FILES: list[tuple[str, Callable[[], bytes], str]] = [
    (
        "english.txt",
        lambda: b"The model has 405 billion parameters; it cost $5.6m.\n" * 30,
        "The model has 405 billion parameters",
    ),
]


def _write(folder: Path) -> Path:
    folder.mkdir()
    for name, content, _ in BAD_FILES + GOOD_FILES + WARNED_FILES:
        (folder / name).write_bytes(content())
    (folder / "links.rss").write_bytes(SCHEMES_FEED)
    huge = folder / "huge.html"
    with huge.open("wb") as fh:  # a sparse 50 MB page: over the cap without writing 50 MB
        fh.truncate(50 * 1024 * 1024)
    return folder


def _reasons(report) -> dict[str, str]:
    return {
        Path(s.location).name if "/" in s.location else s.location: s.reason for s in report.failed
    }


@pytest.mark.slow
def test_robustness_files_bad_inputs_skipped_good_ones_stored(
    prefect_harness: None, tmp_path: Path, db_url: str
) -> None:
    from corpus.store import ClaimStore
    from flows.ingest import ingest

    folder = _write(tmp_path / "inbox")
    good_corpus = make_corpus(tmp_path / "good", 3)
    inputs = [str(p) for p in sorted(folder.iterdir())] + [str(tmp_path / "good")]
    report = ingest(inputs, db_url=db_url, batch_size=5)

    reasons = {Path(s.location).name: s.reason for s in report.failed}
    for name, _content, words in BAD_FILES:
        assert name in reasons, f"{name} not reported as skipped: {reasons}"
        for word in words:
            assert word.lower() in reasons[name].lower(), (name, reasons[name])
    assert "too large" in reasons["huge.html"] and "cap" in reasons["huge.html"]
    for scheme, link in (("file", "passwd"), ("ftp", "x"), ("javascript", "alert(1)")):
        assert any(
            f"scheme {scheme!r}" in s.reason and s.location.endswith(link) for s in report.failed
        ), (scheme, reasons)
    for skip in report.failed:
        assert "\n" not in skip.message() and skip.location in skip.message()

    articles = {Path(a.location).name: a for a in stored_articles(db_url)}
    for name, _content, phrase in GOOD_FILES:
        assert name in articles, f"{name} was not stored; skipped as {reasons.get(name)}"
        assert phrase in articles[name].text, (name, articles[name].text[:200])
    assert {p.name for p in good_corpus} <= set(articles)
    warned = {Path(w.location).name: w.message for w in report.warnings}
    for name, _content, phrase in WARNED_FILES:
        assert phrase in articles[name].text and "no article body found" in warned[name]
    assert set(warned) == {name for name, _c, _p in WARNED_FILES}
    assert report.new == len(GOOD_FILES) + len(good_corpus) + len(WARNED_FILES)
    assert not set(articles) & {name for name, _c, _w in BAD_FILES}

    with ClaimStore(db_url) as store:
        assert store.check() == []
        run = store.last_run("ingest")
    assert run is not None and len(run.failed) == len(report.failed)  # the skips are recorded


@pytest.mark.parametrize(
    "where",
    ["ingest-option", "sources-settings", "source-override"],
)
def test_robustness_files_size_cap_is_configurable(
    prefect_harness: None, tmp_path: Path, db_url: str, where: str
) -> None:
    from flows.ingest import ingest

    pages = make_corpus(tmp_path / "pages", 2)
    big = pages[0]
    big.write_bytes(big.read_bytes() + b"<!-- " + b"x" * 20_000 + b" -->")
    cap = big.stat().st_size - 1
    assert pages[1].stat().st_size < cap
    sources = tmp_path / "sources.toml"
    folder = f'[[source]]\nname = "pages"\nkind = "folder"\npath = "{tmp_path / "pages"}"\n'
    if where == "ingest-option":
        report = ingest([str(tmp_path / "pages")], db_url=db_url, max_bytes=cap)
    elif where == "sources-settings":
        sources.write_text(f"[settings]\nmax_bytes = {cap}\n\n{folder}", encoding="utf-8")
        report = ingest(["pages"], db_url=db_url, sources_file=str(sources))
    else:
        sources.write_text(f"{folder}max_bytes = {cap}\n", encoding="utf-8")
        report = ingest(["pages"], db_url=db_url, sources_file=str(sources))
    assert [(Path(s.location).name, "too large" in s.reason) for s in report.failed] == [
        (big.name, True)
    ]
    assert report.new == 1


def test_robustness_files_cli_names_each_bad_input(
    prefect_harness: None, tmp_path: Path, db_url: str
) -> None:
    from flows.cli import app

    folder = _write(tmp_path / "inbox")
    warned = [str(folder / name) for name, _c, _p in WARNED_FILES]
    inputs = [str(folder / name) for name, _c, _w in BAD_FILES] + [str(folder / "gbk.txt"), *warned]
    result = CliRunner().invoke(app, ["--db", db_url, "--quiet", "ingest", *inputs])
    assert result.exit_code == 1, result.output  # the two feed files are inputs that failed
    lines = [
        ln.strip()
        for ln in result.stderr.splitlines()
        if ln.strip().startswith(("skipped ", "failed "))
    ]
    failed = [ln for ln in lines if ln.startswith("failed ")]
    assert len(failed) == 2 and all(("broken.rss" in ln) != ("bomb.xml" in ln) for ln in failed)
    for name, _content, words in BAD_FILES:
        line = next((ln for ln in lines if f"{folder / name}:" in ln), None)
        assert line is not None, (name, result.stderr)
        assert all(w.lower() in line.lower() for w in words), line
    for path in warned:
        assert f"warning {path}: no article body found" in result.stderr, result.stderr
    assert f"ingest: {1 + len(warned)} new" in result.stderr
