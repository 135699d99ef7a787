"""The extractor: page text in, article and claims out (pure after build).

>>> extractor = Extractor()                      # loads data files and the segmenter once
>>> extraction = extractor.extract(raw_page, source_name="page.html")
>>> extraction.claims[0].subject, extraction.claims[0].metric

A body goes through the stages of :attr:`Extractor.pipe_names` in order, each filling
its part of one :class:`Document`: ``quantities``, ``dates``, ``mentions`` (names of the
body and of the headline), then ``claims``.  Quantities, dates and mentions are spans of
the body in one shape (:class:`~extractors.claims.spans.CharSpan`: character offsets and
text).  The document is plain Python, not a spaCy ``Doc``: spaCy segments only the
stretches where a name rule reads words (:mod:`extractors.subjects.windows`), because
a ``Doc`` of the whole body costs more than the rest of the mention stage (see
:meth:`Extractor.mention_tokens`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from extractors import DEFAULT_BACKEND
from extractors.chinese_script import to_ascii_hyphens, to_simplified
from extractors.claims import BodyAnalysis, ClaimBuilder
from extractors.claims.context import LIKENESS_BEFORE
from extractors.claims.metric import load_metric_cues
from extractors.claims.roles import load_link_cues
from extractors.cleaning import clean_page_simplified
from extractors.dates import DateMention, find_dates
from extractors.models import Article, Claim, Extraction, Quantity
from extractors.quantities import find_quantities
from extractors.quantities.declared_units import with_declared_scale
from extractors.quantities.implied_currency import with_implied_currency
from extractors.quantities.local_currency import with_local_currency
from extractors.segmentation import build_nlp, split_sentences, tokens_in
from extractors.subjects import Mention, find_mentions, load_gazetteer
from extractors.subjects.owner import page_owner
from extractors.subjects.windows import TokenWindows

if TYPE_CHECKING:
    from spacy.language import Language

EXTRACTOR_VERSION = "claims-0.4.0"
MAX_TEXT_CHARS = 1_000_000
"""Longest article body extracted (spaCy's own guard); news articles are far shorter."""


class ArticleTooLong(ValueError):
    """The body is longer than MAX_TEXT_CHARS: refused with a clear reason, not a crash."""


@dataclass
class Document:
    """One article body and what each stage found in it (offsets index ``article.text``
    and ``simple``, its simplified copy, alike)."""

    article: Article
    simple: str
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    headline: list[Mention] | None = None
    """Names in the article's headline (offsets into the headline); None: no headline."""
    owner: Mention | None = None
    """The firm whose page this is, named by its logo (:mod:`extractors.subjects.owner`)."""
    claims: list[Claim] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text


Stage = Callable[[Document], None]


class Extractor:
    """Build once (data files, segmenter), then call :meth:`extract` per page."""

    def __init__(self, backend: str = DEFAULT_BACKEND) -> None:
        self.backend = backend
        self.gazetteer = load_gazetteer()
        self.nlp: Language = build_nlp(backend, extra_words=self.gazetteer.aliases())
        self.windows = TokenWindows(self.gazetteer)
        self.builder = ClaimBuilder(
            load_metric_cues(), load_link_cues(), chip_makers=self.gazetteer.chip_makers()
        )
        self.stages: dict[str, Stage] = {
            "quantities": self._find_quantities,
            "dates": self._find_dates,
            "mentions": self._find_mentions,
            "claims": self._build_claims,
        }

    @property
    def pipe_names(self) -> list[str]:
        """The stages a body goes through, in order."""
        return list(self.stages)

    def extract(
        self, raw: str, *, source_name: str | None = None, fetched_at: datetime | None = None
    ) -> Extraction:
        """Clean the page, then find the claims of its body (``fetched_at``: when the page
        was fetched, if known, for times such as "3小时前")."""
        article, simple, warning = clean_page_simplified(
            raw, source_name=source_name, fetched_at=fetched_at
        )
        return Extraction(
            article=article,
            claims=self.document(article, simple, owner=page_owner(raw, self.gazetteer)).claims,
            extractor_version=EXTRACTOR_VERSION,
            warnings=[warning] if warning else [],
        )

    def extract_body(self, article: Article) -> list[Claim]:
        """Claims of an already cleaned article (offsets index ``article.text``)."""
        return self.document(article).claims

    def document(
        self, article: Article, simple: str | None = None, *, owner: Mention | None = None
    ) -> Document:
        """The body of ``article`` through every stage (``simple``: its simplified copy,
        if the cleaner had it; ``owner``: the firm the page's logo names, if any).  A blank
        body goes through none."""
        text = article.text
        if not text.strip():
            return Document(article, text)
        if len(text) > MAX_TEXT_CHARS:
            raise ArticleTooLong(
                f"article text too long ({len(text):,} characters, limit {MAX_TEXT_CHARS:,})"
            )
        doc = Document(article, to_simplified(text) if simple is None else simple, owner=owner)
        for stage in self.stages.values():
            stage(doc)
        return doc

    def _find_quantities(self, doc: Document) -> None:
        doc.quantities = self.quantities(doc.text, doc.simple)

    def _find_dates(self, doc: Document) -> None:
        published = doc.article.published_at
        doc.dates = find_dates(doc.simple, reference=published.date() if published else None)

    def _find_mentions(self, doc: Document) -> None:
        doc.mentions = find_mentions(doc.simple, self.mention_tokens(doc.simple), self.gazetteer)
        # Without a headline, the lead paragraph says what the article is about.
        title = doc.article.title or doc.text[:_LEAD].split("\n", 1)[0]
        doc.headline = self.headline_mentions(title)

    def _build_claims(self, doc: Document) -> None:
        body = BodyAnalysis(
            text=doc.text,
            simple=doc.simple,
            sentences=split_sentences(doc.text),
            mentions=doc.mentions,
            quantities=doc.quantities,
            dates=doc.dates,
            headline=doc.headline,
            owner=doc.owner,
        )
        doc.claims = _names_as_written(self.builder.build(body), doc.mentions, doc.text, doc.simple)

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
        :mod:`extractors.subjects.windows`), not of the whole body.

        Segmenting whole bodies into spaCy ``Doc`` objects gives the same mentions but
        cost 1.4-2.0 s over the 8 MB bench corpus where the windows cost 0.5 s (rjieba
        itself cuts every body in 0.14 s: the ``Doc`` is the cost), about 15 % of the
        extractor's time.
        """
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
