"""The extractor end to end: offsets invariant, and gold scores via ../shared/score.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extractors import BACKENDS
from extractors.cleaning import clean_page
from extractors.models import Article
from extractors.pipeline import EXTRACTOR_VERSION, MAX_TEXT_CHARS, ArticleTooLong, Extractor
from flows.cli.extract_cmd import extract_record
from flows.pages import extractor_for

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
PAGES = sorted(
    [
        *REPO.glob("tests/gold_articles/*"),
        *REPO.glob("corpus/samples/*"),
        *SHARED.glob("seeds/*.txt"),
    ]
)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return extractor_for("rjieba")


def _jsonl(extractor: Extractor, paths: list[Path]) -> str:
    """What `aiclaims extract` prints for these files (the same record builder)."""
    records = (
        extract_record(
            str(path), extractor.extract(path.read_text(encoding="utf-8"), source_name=str(path))
        )
        for path in paths
    )
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def _score(gold: Path, jsonl: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, str(SHARED / "score.py"), "--gold", str(gold), "--pred", "-", "--json"],
        input=jsonl,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    return json.loads(out[-3])["strict"]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_pipeline_offsets_invariant(extractor: Extractor, path: Path) -> None:
    result = extractor.extract(path.read_text(encoding="utf-8"), source_name=path.name)
    text = result.article.text
    assert result.extractor_version == EXTRACTOR_VERSION
    for c in result.claims:
        assert text[c.start : c.end] == c.text
        assert c.sentence in text and c.text in c.sentence


@pytest.mark.parametrize("backend", BACKENDS)
def test_pipeline_seed_score(backend: str) -> None:
    if not (SHARED / "score.py").exists():
        pytest.skip("../shared not present")
    extractor = extractor_for(backend)
    strict = _score(SHARED / "gold", _jsonl(extractor, sorted(SHARED.glob("seeds/*.txt"))))
    assert strict["f1"] >= 0.95 and strict["precision"] >= 0.95


@pytest.mark.parametrize("backend", BACKENDS)
def test_pipeline_own_gold_score(backend: str) -> None:
    extractor = extractor_for(backend)
    gold = REPO / "tests" / "gold"
    golds = sorted(gold.glob("*.json"))
    if not golds or not (SHARED / "score.py").exists():
        pytest.skip("no own gold yet or ../shared not present")
    pages = {
        p.stem: p for p in [*REPO.glob("tests/gold_articles/*"), *REPO.glob("corpus/samples/*")]
    }
    paths = [pages[g.stem] for g in golds if g.stem in pages]
    strict = _score(gold, _jsonl(extractor, paths))
    assert strict["f1"] >= 0.95


def test_pipeline_backends_agree(extractor: Extractor) -> None:
    seed = sorted(SHARED.glob("seeds/*.txt"))
    if not seed:
        pytest.skip("../shared not present")
    raw = seed[0].read_text(encoding="utf-8")
    jieba_claims = Extractor(backend="jieba").extract(raw).claims
    assert jieba_claims == extractor.extract(raw).claims


def test_pipeline_unknown_backend() -> None:
    with pytest.raises(ValueError):
        Extractor(backend="nope")


def test_pipeline_overlong_article_is_refused_clearly(extractor: Extractor) -> None:
    """Past the length limit the extractor refuses with a reason, at once, not a crash."""
    text = "这是补充说明的文字。" * (MAX_TEXT_CHARS // 10 + 1)
    with pytest.raises(ArticleTooLong, match="article text too long"):
        extractor.extract_body(Article(text=text))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_pipeline_extract_equals_cleaning_then_extract_body(
    extractor: Extractor, path: Path
) -> None:
    """extract reuses the cleaner's simplified body; extract_body converts the body itself."""
    raw = path.read_text(encoding="utf-8")
    article = clean_page(raw, source_name=path.name)
    assert extractor.extract(raw, source_name=path.name).claims == extractor.extract_body(article)


def test_pipeline_stages_in_order(extractor: Extractor) -> None:
    assert extractor.pipe_names == ["quantities", "dates", "mentions", "claims"]


def test_pipeline_document_carries_every_stage(extractor: Extractor) -> None:
    """One document holds what each stage found: spans of the body in one shape (start,
    end, text), then the claims built from them."""
    from datetime import datetime

    text = "据知情人士透露，月之暗面于2024年2月完成了10亿美元的新融资。"
    article = Article(title="月之暗面又拿到一笔钱", published_at=datetime(2024, 5, 1), text=text)
    doc = extractor.document(article)
    for span in [*doc.quantities, *doc.dates, *doc.mentions]:
        assert text[span.start : span.end] == span.text
    assert [(q.text, q.value, q.unit) for q in doc.quantities] == [("10亿美元", 1e9, "USD")]
    assert [(d.text, d.value) for d in doc.dates] == [("2024年2月", "2024-02")]
    assert [(m.text, m.name) for m in doc.mentions] == [("月之暗面", "Moonshot AI")]
    assert [m.name for m in doc.headline or []] == ["Moonshot AI"]
    assert [(c.subject, c.metric, c.value, c.as_of) for c in doc.claims] == [
        ("Moonshot AI", "funding", 1e9, "2024-02")
    ]
    assert doc.claims == extractor.extract_body(article)


def test_pipeline_blank_body_goes_through_no_stage(extractor: Extractor) -> None:
    doc = extractor.document(Article(title="月之暗面", text=" \n "))
    assert doc.quantities == doc.dates == doc.mentions == doc.claims == []
    assert doc.headline is None
