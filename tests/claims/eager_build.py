"""Claim building that analyses every sentence in turn: the reference the lazy build is
compared with (the loop as it was before :mod:`extractors.claim_context`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from extractors.claim_context import CARRY_PARAGRAPHS, ArticleContext, _investors
from extractors.claim_spans import BodySpans
from extractors.claims import (
    _AI_METRICS,
    _CHIP_COUNT_UNITS,
    _INSTALMENT,
    BodyAnalysis,
    ClaimBuilder,
    _confidence,
    _subject_type,
    _training_to_model,
    _work,
)
from extractors.linking import (
    _ADDRESSEE_AFTER,
    _CHIP_OPENER,
    _CHIP_TOPIC_AFTER,
    _CITED_TYPES,
    _GPU_GAP_BREAK,
    _PAY_CLAUSE_SEP,
    _USE_VERB,
    RELATIVE_METRICS,
    LinkCues,
    Role,
    SentenceView,
    SubjectChoice,
    _citation,
    _head_end,
    _in_investor_clause,
    _inner_pronoun,
    _is_vendor,
    _opening_pronoun,
    price_side,
)
from extractors.metrics import choose_metric
from extractors.models import Claim, Quantity
from extractors.segmentation import Sentence
from extractors.subjects import Mention


def eager_build(builder: ClaimBuilder, body: BodyAnalysis) -> list[Claim]:
    """Every sentence analysed, and the state carried forward kept, in body order."""
    verse = builder._verse_paragraphs(body)
    spans = BodySpans.of(body.mentions, body.quantities, body.dates)
    live = [s for s in body.sentences if s.paragraph not in verse]
    # Only for the work records _is_candidate and _echo read; their views are the same
    # pure analysis as the one made here.
    context = ArticleContext(body.simple, live, spans.mentions, builder.link_cues)
    claims: list[Claim] = []
    carried: Mention | None = None
    carried_paragraph = -10
    recent: list[tuple[Mention, int]] = []
    investors: set[str] = set()
    paragraph_attribution: tuple[int, str] | None = None
    paragraph_seen, prev_paragraph_start = -1, 0
    for index, s in enumerate(live):
        paragraph, start, end = s.paragraph, s.start, s.end
        if paragraph != paragraph_seen:
            paragraph_seen, prev_paragraph_start = paragraph, start
        mentions = spans.mentions.within(start, end)
        view = eager_analyse_sentence(
            body.simple[start:end], start, paragraph, mentions, builder.link_cues
        )
        if view.attribution:
            paragraph_attribution = (paragraph, view.attribution)
        topic = _carried_topic(view, carried, carried_paragraph, recent)
        if mentions:
            investors.update(_investors(view))
        attribution = view.attribution or (
            paragraph_attribution[1]
            if paragraph_attribution and paragraph_attribution[0] == paragraph
            else None
        )
        quantities = spans.quantities.within(start, end)
        work = _work(body, spans, s, context, index)
        for q in quantities:
            claim = _claim(builder, q, work, view, topic, attribution)
            if claim is not None and claim.metric == "funding":
                claim = _to_recipient(claim, view, recent, investors)
            if (
                claim is None
                and claims
                and claims[-1].start >= prev_paragraph_start
                and builder._is_candidate(q, body.simple, spans)  # (the old _echo checked it)
            ):
                claim = builder._echo(q, work, claims[-1])
            if claim is not None:
                claims.append(claim)
        own = None
        if mentions:
            recent.extend((r.mention, paragraph) for r in view.roles if r.role == "topic")
            own = eager_sentence_topic(view)
        if own is not None:
            carried, carried_paragraph = own, paragraph
        elif topic is not None and (view.opens_with_pronoun or not mentions):
            carried, carried_paragraph = topic, paragraph
    return _training_to_model(claims, body.mentions)


def _claim(builder, q, work, view: EagerView, carried, attribution) -> Claim | None:  # type: ignore[no-untyped-def]
    if not view.roles and carried is None:
        return None
    if not builder._is_candidate(q, work.body.simple, work.spans):
        return None
    if q.kind == "fraction" and q.unit is None:
        q = q.model_copy(update={"value": q.value * 100, "unit": "%"})
    chip_after = q.unit in _CHIP_COUNT_UNITS and work.spans.chips.starts_between(q.end, q.end + 8)
    choice = choose_metric(
        q, view.text, work.sentence.start, builder.metric_cues, chip_after=chip_after
    )
    if choice is None:
        return None
    types = builder.metric_cues.subject_types(choice.metric)
    subject = eager_choose_subject(q, view, types, carried, choice.metric)
    if subject is None:
        return None
    if (
        subject.mention.how == "shape"
        and choice.metric not in _AI_METRICS
        and not builder.link_cues.ai_context.search(view.text)
    ):
        return None
    return Claim(
        subject=subject.mention.name,
        subject_type=_subject_type(subject.mention.type),
        metric=choice.metric,
        value=q.value,
        value_max=q.value_max,
        unit=choice.unit,
        qualifier=q.qualifier,
        text=work.body.text[q.start : q.end],
        start=q.start,
        end=q.end,
        sentence=work.sentence.text,
        as_of=as_of_date(q, view, work.dates),
        attribution=attribution,
        object=eager_choose_object(q, choice.metric, view, builder.link_cues),
        confidence=_confidence(subject.how, subject.mention.how, choice),
    )


def _to_recipient(
    claim: Claim, view: EagerView, recent: list[tuple[Mention, int]], investors: set[str]
) -> Claim | None:
    before = view.text[: claim.start - view.start][-6:]
    if claim.subject not in investors or not _INSTALMENT.search(before):
        return claim
    for mention, paragraph in reversed(recent):
        if view.paragraph - paragraph > CARRY_PARAGRAPHS:
            break
        if mention.type == "organization" and mention.name not in investors:
            return claim.model_copy(
                update={"subject": mention.name, "subject_type": "organization"}
            )
    return None


def _carried_topic(
    view: EagerView,
    carried: Mention | None,
    carried_paragraph: int,
    recent: list[tuple[Mention, int]],
) -> Mention | None:
    reach = CARRY_PARAGRAPHS if view.opens_with_pronoun or view.inner_pronoun else 0
    if view.pronoun_type is not None:
        for mention, paragraph in reversed(recent):
            if view.paragraph - paragraph > reach:
                break
            if mention.type == view.pronoun_type:
                return mention
        return None
    if carried is None or view.paragraph - carried_paragraph > reach:
        return None
    return carried


def with_paragraphs(body: BodyAnalysis, paragraphs: list[int]) -> BodyAnalysis:
    """``body`` with its sentences put in the given paragraphs (in order)."""
    sentences: list[Sentence] = [
        replace(s, paragraph=p) for s, p in zip(body.sentences, paragraphs, strict=True)
    ]
    return replace(body, sentences=sentences)


class EagerView(NamedTuple):
    """A sentence analysed in one pass: what :class:`SentenceView` gives on demand."""

    text: str
    start: int
    paragraph: int
    roles: tuple[Role, ...]
    attribution: str | None
    opens_with_pronoun: bool
    pronoun_type: str | None = None
    inner_pronoun: bool = False

    @property
    def mentions(self) -> list[Mention]:
        return [r.mention for r in self.roles]

    def role_of(self, j: int) -> str:
        return self.roles[j].role


def eager_analyse_sentence(
    text: str, start: int, paragraph: int, mentions: Sequence[Mention], cues: LinkCues
) -> EagerView:
    """The analysis as one pass over the mentions (before roles were found on demand)."""
    roles: list[Role] = []
    attribution: str | None = None
    comparator_before, comparator_after = cues.comparator_before.search, cues.comparator_after.match
    for m in mentions:
        rel_start, rel_end = m.start - start, m.end - start
        before = text[max(0, rel_start - 12) : rel_start]
        after = text[rel_end : rel_end + 40]
        mention_type = m.type
        if m.outlet:
            cited: str | None = "source"
        elif mention_type in _CITED_TYPES:
            cited = _citation(before, after, m, cues)
        else:
            cited = None  # what _citation gives for other types, without the call
        if cited is not None:
            attribution = attribution or m.name
        last = before[-1:]
        if cited == "source":
            role = "attribution"
        elif last == "对" and _ADDRESSEE_AFTER.match(after):
            role = "addressee"  # "某人对新浪科技表示": told to, not about
        elif last == "从" and cues.origin_after.match(after):
            role = "origin"  # "从OpenAI挖角": where from, not about
        elif mention_type == "organization" and _is_vendor(m, mentions):
            role = "vendor"
        elif comparator_before(before) or comparator_after(after):
            role = "comparator"
        elif _in_investor_clause(text, rel_start, rel_end, cues):
            role = "investor"
        else:
            role = "topic"
        roles.append(Role(m, role))
    if attribution is None:
        lead = cues.attribution_lead.search(text)
        pub = cues.publication.search(text, lead.end()) if lead else None
        if pub is not None and pub.start() - lead.end() <= 4:  # type: ignore[union-attr]
            attribution = pub.group(1)
    pronoun = _opening_pronoun(text, cues)
    kind = cues.typed_pronouns.get(pronoun) if pronoun else None
    inner = None if pronoun else _inner_pronoun(text, cues)
    return EagerView(
        text,
        start,
        paragraph,
        tuple(roles),
        attribution,
        bool(pronoun),
        kind or (cues.typed_pronouns[inner] if inner else None),
        inner is not None,
    )


# The subject, topic and object choices as they read the one-pass roles.


def eager_sentence_topic(view: EagerView) -> Mention | None:
    """The entity a sentence is about: its first topic mention (a chip only as its opener)."""
    for r in view.roles:
        if r.role != "topic" or r.mention.type == "benchmark":
            continue
        if r.mention.type == "chip":
            rel = r.mention.start - view.start
            opener = view.text[:rel].strip(" ，,、例如而")
            after = view.text[r.mention.end - view.start :]
            if opener and not _CHIP_TOPIC_AFTER.match(after):
                continue
            if opener and not _CHIP_OPENER.fullmatch(opener):
                continue
        return r.mention
    return None


def eager_choose_subject(
    q: Quantity,
    view: EagerView,
    types: frozenset[str],
    carried: Mention | None,
    metric: str = "",
) -> SubjectChoice | None:
    """The subject of ``q``: "X的<number>", else the nearest preceding topic mention of a
    type the metric allows, else the carried topic (pronoun or bare follow-on sentence).

    For relative figures "X的5%" names the comparator X, so the possessive rule is skipped.
    """
    text, offset = view.text, view.start
    rel = q.start - offset
    if not 0 <= rel <= len(text):  # where the slice ``text[:rel]`` would end
        rel = slice(rel).indices(len(text))[1]
    head = _head_end(text, rel)  # the length of the number's head without qualifiers
    if head > 0 and text[head - 1] == "的" and metric not in RELATIVE_METRICS:
        for r in view.roles:
            m = r.mention
            if m.type in types and m.end - offset == head - 1:
                return SubjectChoice(m, "possessive")
    for r in reversed(view.roles):  # the last preceding topic
        m = r.mention
        if r.role == "topic" and m.type in types and m.end <= q.start:
            return SubjectChoice(m, "explicit")
    used = eager_used_product(q, view, types) if metric == "user_count" else None
    if used is not None:
        return SubjectChoice(used, "explicit")
    if carried is not None and carried.type in types and view.pronoun_type in (None, carried.type):
        return SubjectChoice(carried, "carried")
    return None


def eager_used_product(q: Quantity, view: EagerView, types: frozenset[str]) -> Mention | None:
    """ "5亿人使用ChatGPT": the product named right after the use verb has the users."""
    for r in view.roles:
        m = r.mention
        if m.type in types and m.start >= q.end:
            between = view.text[q.end - view.start : m.start - view.start]
            return m if _USE_VERB.match(between) else None
    return None


def eager_choose_object(q: Quantity, metric: str, view: EagerView, cues: LinkCues) -> str | None:
    """What the number is of: GPU model, benchmark, comparator or pay statistic."""
    rel_s, rel_e = q.start - view.start, q.end - view.start
    if metric == "gpu_count":
        for r in view.roles:
            gap = r.mention.start - q.end
            if r.mention.type == "chip" and 0 <= gap <= 16:
                between = view.text[rel_e : r.mention.start - view.start]
                if not _GPU_GAP_BREAK.search(between):
                    return r.mention.name
        return None
    if metric == "benchmark_score":
        marks = [r.mention for r in view.roles if r.mention.type == "benchmark"]
        return min(marks, key=lambda m: abs(m.start - q.start)).name if marks else None
    if metric == "annual_compensation":
        clause = _PAY_CLAUSE_SEP.split(view.text[:rel_s])[-1]
        pct = cues.percentile.search(clause)
        if pct is not None:
            return f"p{pct.group(1)}"
        for word, stat in cues.statistics.items():
            if word in clause:
                return stat
        return None
    if metric == "api_price":
        return price_side(view.text[:rel_s], view.text[rel_e : rel_e + 12], cues)
    if metric in ("relative_cost", "cost_reduction", "speedup"):
        comps = [
            r.mention for r in view.roles if r.role == "comparator" and r.mention.end <= q.start
        ]
        return comps[-1].name if comps else None
    return None


def view_facts(view: SentenceView | EagerView) -> tuple[object, ...]:
    """Everything a view tells, for comparing a lazy view with an eager one."""
    return (
        view.text,
        view.start,
        view.paragraph,
        tuple(view.roles),
        view.attribution,
        view.opens_with_pronoun,
        view.pronoun_type,
        view.inner_pronoun,
    )


def as_of_date(
    q: Quantity, view: SentenceView, dates: Sequence[tuple[int, int, str]]
) -> str | None:
    """The date of the sentence nearest before the number (else the first after it)."""
    if not dates:
        return None
    end = view.start + len(view.text)
    inside = [d for d in dates if view.start <= d[0] and d[1] <= end]
    before = [d for d in inside if d[1] <= q.start]
    if before:
        return before[-1][2]
    return inside[0][2] if inside else None
