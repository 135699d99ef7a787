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
        self.titles: dict[str, str] = {}  # abbr text -> its title
        self._abbr: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] = self.tags.get(tag, 0) + 1
        for name, value in attrs:
            if name == "href" and value is not None:
                self.hrefs.append(value)
            if name.startswith("on"):
                self.handlers.append(name)
        if tag == "abbr":
            self._abbr = dict(attrs).get("title")

    def handle_data(self, data: str) -> None:
        if self._abbr is not None:
            self.titles[data] = self._abbr
            self._abbr = None


def _parse(page: str) -> TagCounter:
    parser = TagCounter()
    parser.feed(page)
    return parser


def test_report_page_shows_every_key_reported_twice_by_kind(sample_db: str) -> None:
    with ClaimStore(sample_db) as store:
        data = gather(store)
        page = render_page(data)
    assert data.keys and all(len(k.timeline.entries) >= 2 for k in data.keys)
    samples = Path(__file__).resolve().parents[2] / "corpus" / "samples"
    assert data.summary.articles == len(list(samples.iterdir()))
    assert data.summary.claims == data.summary.store.claims
    parsed = _parse(page)
    assert parsed.tags["svg"] == sum(1 for k in data.keys if k.chart is not None)
    assert 'class="chart trend"' in page and 'class="chart dots"' in page
    moving = [k for k in data.keys if k.timeline.kind == "moving"]
    assert moving and all(k.chart and k.chart.kind == "trend" for k in moving if k.chart)
    small = [k for k in data.keys if k.small]
    assert small and all(k.chart and len(k.chart.marks) <= 3 for k in small)
    assert page.count('<div class="smalls">') >= 1
    assert "对数刻度" in page and "线性刻度" in page
    assert "557.6万 USD" in page  # DeepSeek-V3's training cost as the articles say it
    assert "last ingest run" in page


def test_report_page_labels_metrics_and_qualifiers_in_chinese(sample_db: str) -> None:
    with ClaimStore(sample_db) as store:
        page = render_page(gather(store))
    titles = _parse(page).titles
    assert titles["训练成本"] == "training_cost" and titles["市值"] == "market_cap"
    assert titles["约"] == "approx" and titles["确数"] == "exact"
    shown = re.sub(r'(title|value|data-[a-z]+)="[^"]*"|\([a-z_]+\)', "", page)
    assert "training_cost" not in shown  # the code name only on hover (and in the filter)


def test_report_page_dates_carry_the_year(sample_db: str) -> None:
    with ClaimStore(sample_db) as store:
        page = render_page(gather(store))
    ticks = re.findall(r'<text class="tick"[^>]*>([^<]*)</text>', page)
    dates = [t for t in ticks if "-" in t and not t.startswith("−")]
    assert dates and all(re.fullmatch(r"20\d\d-\d\d(-\d\d)?", d) for d in dates)
    assert "2024-06-19" in page  # the Taiwan article of 19 June 06:32 (UTC+8), not 18 June


def test_report_page_lists_conflicts_first_and_outliers_with_their_sentence(sample_db: str) -> None:
    with ClaimStore(sample_db) as store:
        data = gather(store)
        page = render_page(data)
    conflicts, keys = page.index('id="conflicts"'), page.index('class="key')
    assert conflicts < keys
    shown = re.findall(r'<ol class="conflicts">(.*?)</ol>', page, re.S)
    assert len(data.conflicts) == (shown[0].count("<li") if shown else 0)
    lines = {(i.key.anchor, i.conflict.a.value, i.conflict.b.value) for i in data.conflicts}
    assert len(lines) == len(data.conflicts)  # each conflict line once
    (outlier,) = [o for o in data.outliers if o.key.timeline.subject == "ChatGPT"]
    assert outlier.outlier.value == 1e6
    assert "待核查的提取" in page and outlier.outlier.sentence in page


def test_report_page_makes_article_text_and_links_inert(sample_db: str) -> None:
    with ClaimStore(sample_db) as store:
        data = gather(store)
    key = data.keys[0]
    timeline = key.timeline
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
    key.timeline = timeline.model_copy(
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
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert csp and "script-src &#39;sha256-" in csp.group(1)  # no other script may run


def test_report_command_writes_a_filtered_page(sample_db: str, tmp_path: Path) -> None:
    out = tmp_path / "nested" / "report.html"
    result = CliRunner().invoke(
        app, ["--db", sample_db, "report", "-o", str(out), "--subject", "DeepSeek"]
    )
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    subjects = set(re.findall(r'<section class="key[^"]*" id="k\d+" data-subject="([^"]*)"', page))
    assert subjects == {"DeepSeek"}
    assert "<svg" in page and "筛选：subject = DeepSeek" in page


def test_report_command_help_has_an_example() -> None:
    result = CliRunner().invoke(app, ["report", "--help"])
    assert result.exit_code == 0 and "Example" in result.output


def test_write_report_on_an_empty_store_says_so(db_url: str, tmp_path: Path) -> None:
    from corpus.report import write_report

    out = tmp_path / "empty.html"
    with ClaimStore(db_url) as store:
        assert write_report(store, out, ClaimFilter(subject="nobody")) == 0
    page = out.read_text(encoding="utf-8")
    assert "还没有被报道两次以上的说法" in page and "<svg" not in page
    assert "没有发现来源之间的分歧" in page
