"""Hand-built pages, extractions and claims for store tests (no extractor needed)."""

from __future__ import annotations

from datetime import datetime

from corpus.documents import SourceDocument
from extractors.models import Article, Claim, Extraction

UTC8 = datetime.fromisoformat("2025-01-01T00:00:00+08:00").tzinfo


def claim_in(text: str, quantity: str, **fields: object) -> Claim:
    """A claim whose ``text`` is ``quantity`` at its first place in ``text``."""
    start = text.index(quantity)
    values: dict[str, object] = {
        "subject": "DeepSeek-V3",
        "subject_type": "model",
        "metric": "training_cost",
        "value": 5.57e6,
        "unit": "USD",
        "sentence": text,
    }
    values.update(fields)
    return Claim(text=quantity, start=start, end=start + len(quantity), **values)  # type: ignore[arg-type]


def page(
    body: str,
    *,
    location: str = "/data/a.html",
    url: str | None = "https://news.example.com/a.html",
    site: str = "news.example.com",
    published: str | None = "2025-01-02T10:00:00+08:00",
    title: str = "标题",
    claims: list[Claim] | None = None,
    version: str = "v1",
) -> tuple[SourceDocument, Extraction]:
    """A page whose raw input is ``<p>body</p>`` and whose cleaned text is ``body``."""
    doc = SourceDocument(
        location=location, raw=f"<html><p>{body}</p></html>", url=url, site=site,
        source_name="test-feed", encoding="utf-8",
    )  # fmt: skip
    article = Article(
        title=title,
        published_at=datetime.fromisoformat(published) if published else None,
        site=site,
        text=body,
    )
    extraction = Extraction(article=article, claims=claims or [], extractor_version=version)
    return doc, extraction


COST_TEXT = "DeepSeek-V3的训练成本仅为557万美元，用了2048块H800。"


def cost_page(**kwargs: object) -> tuple[SourceDocument, Extraction]:
    claims = [
        claim_in(COST_TEXT, "557万美元"),
        claim_in(COST_TEXT, "2048块", metric="gpu_count", value=2048, unit="count", object="H800"),
    ]
    return page(COST_TEXT, claims=claims, **kwargs)  # type: ignore[arg-type]
