"""The extractor: page text in, article and claims out (pure after build).

>>> extractor = Extractor()                      # loads data files and the segmenter once
>>> extraction = extractor.extract(raw_page, source_name="page.html")
>>> extraction.claims[0].subject, extraction.claims[0].metric
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from extractors import DEFAULT_BACKEND
from extractors.chinese_script import to_ascii_hyphens, to_simplified
from extractors.claim_context import LIKENESS_BEFORE
from extractors.claims import BodyAnalysis, ClaimBuilder
from extractors.cleaning import clean_page_simplified
from extractors.dates import find_dates
from extractors.linking import load_link_cues
from extractors.metrics import load_metric_cues
from extractors.models import Article, Claim, Extraction, Quantity
from extractors.quantities import find_quantities
from extractors.quantities.declared_units import with_declared_scale
from extractors.quantities.implied_currency import with_implied_currency
from extractors.quantities.local_currency import with_local_currency
from extractors.segmentation import build_nlp, split_sentences, tokens_in
from extractors.subjects import Mention, find_mentions, load_gazetteer
from extractors.subjects.windows import TokenWindows

if TYPE_CHECKING:
    from spacy.language import Language

EXTRACTOR_VERSION = "claims-0.4.0"
MAX_TEXT_CHARS = 1_000_000
"""Longest article body extracted (spaCy's own guard); news articles are far shorter."""


class ArticleTooLong(ValueError):
    """The body is longer than MAX_TEXT_CHARS: refused with a clear reason, not a crash."""


class Extractor:
    """Build once (data files, segmenter), then call :meth:`extract` per page."""

    def __init__(self, backend: str = DEFAULT_BACKEND) -> None:
        self.backend = backend
        self.gazetteer = load_gazetteer()
        self.nlp: Language = build_nlp(backend, extra_words=self.gazetteer.aliases())
        self.windows = TokenWindows(self.gazetteer)
        self.builder = ClaimBuilder(load_metric_cues(), load_link_cues())

    def extract(self, raw: str, *, source_name: str | None = None) -> Extraction:
        """Clean the page, then find the claims of its body."""
        article, simple = clean_page_simplified(raw, source_name=source_name)
        return Extraction(
            article=article,
            claims=self._claims(article, simple),
            extractor_version=EXTRACTOR_VERSION,
        )

    def extract_body(self, article: Article) -> list[Claim]:
        """Claims of an already cleaned article (offsets index ``article.text``)."""
        return self._claims(article, None)

    def _claims(self, article: Article, simple: str | None) -> list[Claim]:
        """:meth:`extract_body`, given ``to_simplified(article.text)`` if the cleaner had it."""
        text = article.text
        if not text.strip():
            return []
        if len(text) > MAX_TEXT_CHARS:
            raise ArticleTooLong(
                f"article text too long ({len(text):,} characters, limit {MAX_TEXT_CHARS:,})"
            )
        if simple is None:
            simple = to_simplified(text)
        sentences = split_sentences(text)
        mentions = find_mentions(simple, self.mention_tokens(simple), self.gazetteer)
        reference = article.published_at.date() if article.published_at else None
        body = BodyAnalysis(
            text=text,
            simple=simple,
            sentences=sentences,
            mentions=mentions,
            quantities=self.quantities(text, simple),
            dates=find_dates(simple, reference=reference),
            # Without a headline, the lead paragraph says what the article is about.
            headline=self.headline_mentions(article.title or text[:_LEAD].split("\n", 1)[0]),
        )
        return _names_as_written(self.builder.build(body), mentions, text, simple)

    def quantities(self, text: str, simple: str) -> list[Quantity]:
        """The quantities of a body (``simple`` its simplified copy), read as the article
        declares: its local dollar for a bare 元, money after a money word ("估值200亿"),
        a table's or section's scale."""
        found = with_local_currency(text, find_quantities(simple), simple)
        return with_declared_scale(text, with_implied_currency(text, found, simple))

    def headline_mentions(self, title: str | None) -> list[Mention] | None:
        """The names in a headline (its own offsets); None when there is no headline."""
        if not title:
            return None
        simple = to_simplified(title)
        found = find_mentions(simple, self.mention_tokens(simple), self.gazetteer)
        # "中国版OpenAI，拼命融钱": a likeness in a headline is not what it is about; a
        # headline naming only likenesses says no more than none would
        kept = [m for m in found if not LIKENESS_BEFORE.search(simple, 0, m.start)]
        return None if found and not kept else kept

    def mention_tokens(self, simple: str) -> list[tuple[int, str]]:
        """Segmenter words of the stretches where a token rule may fire (see
        :mod:`extractors.subjects.windows`), not of the whole body."""
        needed = self.windows.spans(simple)
        tokens = tokens_in(self.nlp, simple, needed)
        more = self.windows.spans_for_seen(simple, tokens, needed)
        if more:
            tokens = sorted(tokens + tokens_in(self.nlp, simple, more))
        return tokens


_LEAD = 120  # characters of the lead paragraph that stand for a missing headline


def _names_as_written(
    claims: list[Claim], mentions: list[Mention], text: str, simple: str
) -> list[Claim]:
    """Subjects the gazetteer does not know are named as the article spells them.

    Names are found in the simplified copy of the body; a name found by its shape in a
    traditional-script article ("广达" of "廣達") is given back in the article's script.
    """
    if text == simple:
        return claims
    spelled = {
        m.name: to_ascii_hyphens(text[m.start : m.end])
        for m in mentions
        if m.how != "gazetteer" and m.name == simple[m.start : m.end]
    }
    return [
        c.model_copy(update={"subject": spelled[c.subject]}) if c.subject in spelled else c
        for c in claims
    ]
