"""The real NetEase dump in ../shared/seeds against its gold article fields."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from extractors.cleaning import clean_page

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared"


def _seed_pairs() -> list[tuple[Path, Path]]:
    seeds = sorted((SHARED / "seeds").glob("*.txt")) if SHARED.exists() else []
    return [(s, SHARED / "gold" / f"{s.stem}.json") for s in seeds]


PAIRS = [pair for pair in _seed_pairs() if pair[1].exists()]


@pytest.fixture(scope="module", params=PAIRS or [None], ids=[p[0].stem for p in PAIRS] or ["none"])
def seed(request):
    if request.param is None:
        pytest.skip(f"no seed pages under {SHARED}")
    page, gold = request.param
    raw = page.read_text(encoding="utf-8")
    return raw, json.loads(gold.read_text(encoding="utf-8"))["article"], clean_page(raw)


def test_cleaning_seed_title_and_time_match_gold(seed) -> None:
    _, gold, article = seed
    assert article.title == gold["title"]
    expected = datetime.fromisoformat(gold["published_at"])
    assert article.published_at is not None
    assert article.published_at.replace(second=0) == expected.replace(second=0)
    assert article.published_at.utcoffset() == expected.utcoffset()


def test_cleaning_seed_author_and_site_match_gold(seed) -> None:
    _, gold, article = seed
    assert article.author == gold.get("author")
    assert article.site == gold.get("site")


def _raw_blocks(raw: str) -> list[str]:
    return [line.strip() for line in raw.replace("\r\n", "\n").split("\n") if line.strip()]


def test_cleaning_seed_body_is_the_article_only(seed) -> None:
    """No line of the body comes from the part after the disclaimer (related news,
    other stories' times, portal lists), and the disclaimers are gone."""
    raw, gold, article = seed
    lines = _raw_blocks(raw)
    body = set(article.text.split("\n"))
    disclaimer = next(i for i, line in enumerate(lines) if line.startswith(("特别声明", "Notice")))
    assert not body & set(lines[disclaimer:])
    assert "特别声明" not in article.text and "Notice" not in article.text
    assert "分享至" not in article.text and "阅读量" not in article.text
    assert [line for line in article.text.split("\n") if gold["title"] in line] == [gold["title"]]
    assert article.text.startswith(gold["title"] + "\n")  # the headline, once, first


def test_cleaning_seed_body_keeps_first_and_last_paragraphs(seed) -> None:
    raw, _, article = seed
    lines = _raw_blocks(raw)
    disclaimer = next(i for i, line in enumerate(lines) if line.startswith("特别声明"))
    paragraphs = [line for line in lines[:disclaimer] if len(line) >= 40 and line.endswith("。")]
    assert paragraphs[0] in article.text
    assert paragraphs[-1] in article.text
    assert article.text.split("\n")[-1] == paragraphs[-1]
