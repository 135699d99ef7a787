"""The page built from a real store: content, escaping of article text, the CLI command."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from typer.testing import CliRunner

from corpus.report import gather, render_page
from corpus.store import ClaimFilter, ClaimStore
from flows.cli.app import app

HOSTILE_SENTENCE = "据称<script>alert(1)</script>训练成本为557.6万美元。"
HOSTILE_SITE = '<img src=x onerror="alert(2)">'
HOSTILE_SUBJECT = '"><script>alert(3)</script>'


class TagCounter(HTMLParser):
    """Counts start tags and collects href values, as a browser would parse them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: dict[str, int] = {}
        self.hrefs: list[str] = []
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] = self.tags.get(tag, 0) + 1
        for name, value in attrs:
            if name == "href" and value is not None:
                self.hrefs.append(value)
            if name.startswith("on"):
                self.handlers.append(name)


def _parse(page: str) -> TagCounter:
    parser = TagCounter()
    parser.feed(page)
    return parser


def test_report_page_charts_every_key_reported_twice(sample_db: str) -> None:
    with ClaimStore(sample_db) as store:
        data = gather(store)
        page = render_page(data)
    assert data.charted and all(len(t.entries) >= 2 for t in data.charted)
    samples = Path(__file__).resolve().parents[2] / "corpus" / "samples"
    assert data.summary.articles == len(list(samples.iterdir()))
    assert data.summary.claims == data.summary.store.claims
    assert any(t.conflicts for t in data.charted)
    parsed = _parse(page)
    assert parsed.tags["svg"] == len(data.charted)
    assert parsed.tags["section"] >= len(data.charted)
    assert page.count('class="pt conflict"') >= 2  # conflicting points carry the red ring
    assert "log scale" in page and "linear scale" in page
    assert "557.6万 USD" in page  # DeepSeek-V3's training cost as the articles say it
    assert "last ingest run" in page


def test_report_page_makes_article_text_and_links_inert(sample_db: str) -> None:
    with ClaimStore(sample_db) as store:
        data = gather(store)
    timeline = data.charted[0]
    hostile = timeline.entries[0].model_copy(
        update={
            "sentence": HOSTILE_SENTENCE,
            "text": "<script>",
            "url": "javascript:alert(1)",
            "location": "javascript:alert(4)",
            "site": HOSTILE_SITE,
            "title": "<b>title</b>",
        }
    )
    data.charted[0] = timeline.model_copy(
        update={"subject": HOSTILE_SUBJECT, "entries": [hostile, *timeline.entries[1:]]}
    )
    page = render_page(data)
    parsed = _parse(page)
    assert parsed.tags["script"] == 1  # only the page's own filter script
    assert "img" not in parsed.tags and "&lt;b&gt;title&lt;/b&gt;" in page
    assert parsed.handlers == []
    assert not [h for h in parsed.hrefs if not re.match(r"^(https?://|#|[\w./%-]+$)", h)]
    assert "javascript:" not in " ".join(parsed.hrefs).lower()
    assert "<mark>&lt;script&gt;</mark>alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=&quot;alert(2)&quot;&gt;" in page
    assert "script-src 'sha256-" in page  # the CSP forbids any other script as well


def test_report_command_writes_a_filtered_page(sample_db: str, tmp_path: Path) -> None:
    out = tmp_path / "nested" / "report.html"
    result = CliRunner().invoke(
        app, ["--db", sample_db, "report", "-o", str(out), "--subject", "DeepSeek"]
    )
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    subjects = set(re.findall(r'<section class="key[^"]*" id="k\d+" data-subject="([^"]*)"', page))
    assert subjects == {"DeepSeek"}
    assert "<svg" in page and "Filtered: subject = DeepSeek" in page


def test_report_command_help_has_an_example() -> None:
    result = CliRunner().invoke(app, ["report", "--help"])
    assert result.exit_code == 0 and "Example" in result.output


def test_write_report_on_an_empty_store_says_so(db_url: str, tmp_path: Path) -> None:
    from corpus.report import write_report

    out = tmp_path / "empty.html"
    with ClaimStore(db_url) as store:
        assert write_report(store, out, ClaimFilter(subject="nobody")) == 0
    page = out.read_text(encoding="utf-8")
    assert "No claim key has two or more reports yet." in page and "<svg" not in page
