"""Turn the quantities of an article body into claims: filter, pick metric, link subject."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from extractors.claims.confidence import claim_confidence
from extractors.claims.context import CARRY_PARAGRAPHS, ArticleContext
from extractors.claims.groups import (
    counted_group,
    described_group,
    each_member,
    listed_group,
    may_be_respective,
    respective_member,
    summed_group,
)
from extractors.claims.metric import (
    CueHits,
    MetricChoice,
    MetricCues,
    choose_metric,
    dropped,
    listed_items,
)
from extractors.claims.object import as_of_date, choose_object
from extractors.claims.roles import LinkCues, SentenceView
from extractors.claims.spans import BodySpans
from extractors.claims.subject import (
    SubjectChoice,
    carried_subject,
    following_subject,
    named_subject,
)
from extractors.claims.tables import (
    Table,
    dropped_cells,
    find_tables,
    is_size_label,
    read_cell,
    row_subject,
    table_cells,
)
from extractors.dates import DateMention
from extractors.metric_table import metric_table
from extractors.models import Claim, Quantity
from extractors.punctuation import CLAUSE_END, SENTENCE_STOP
from extractors.quantities.guards import MAGNITUDE_ENDS
from extractors.quantities.numerals import CN_CHARS, DIGIT_VALUES
from extractors.quantities.quantity_model import at_written_precision
from extractors.rule_words import WORDS
from extractors.segmentation import Sentence
from extractors.subjects import Mention

_NAME_GLUE_BEFORE = re.compile(r"[A-Za-z][\-_]?\s?$")
_GLUED = re.compile(r"[@#＠]$")
_GLUED_OR_NAME_BEFORE = re.compile(f"{_NAME_GLUE_BEFORE.pattern}|{_GLUED.pattern}")
_CN_SINGLE = re.compile(f"[{''.join(d for d, v in DIGIT_VALUES.items() if v)}十几]")
_NAME_GLUE_AFTER = re.compile(r"^[A-Za-z]")
_NOT_NUMERAL = re.compile(f"[^0-9{CN_CHARS}]")
_LATIN_OR_DIGIT = re.compile(r"[0-9A-Za-z]")
_COMMAS = "，,、"
CLAUSE_SPLIT = re.compile(r"[，,；;：:]")
_ECHO_REACH = 120  # characters from the last claim to an amount restating it
_CHIP_COUNT_UNITS = (None, "count", "none")
_SENTENCE_FINAL = '。！？!?；;：:”"'
# Metrics that only exist in the AI field: a shape-only subject needs no further context.
_AI_METRICS = metric_table().names_where("ai_only")
"""Figures of AI's own (parameters, GPUs...): claimed for any actor (the metric table)."""


@dataclass(frozen=True)
class BodyAnalysis:
    """Everything found in one body: ``simple`` is the body in simplified script."""

    text: str
    simple: str
    sentences: Sequence[Sentence]
    mentions: Sequence[Mention]
    quantities: Sequence[Quantity]
    dates: Sequence[DateMention]
    headline: Sequence[Mention] | None = None
    """Names in the article's headline (offsets into the headline); None: no headline."""
    owner: Mention | None = None
    """The firm whose page this is, named by its logo (:mod:`extractors.subjects.owner`)."""


class _SentenceWork(NamedTuple):
    """One sentence whose numbers are being turned into claims, and what they share
    (a named tuple: immutable, and cheaper to make than a frozen dataclass)."""

    body: BodyAnalysis
    spans: BodySpans
    sentence: Sentence
    text: str  # the sentence in simplified script
    dates: list[DateMention]  # the dates inside the sentence
    hits: CueHits  # cue matches, searched once for all numbers of the sentence
    context: ArticleContext  # the sentence's analysis and what earlier ones carry
    position: int  # the sentence's position in ``context``

    @property
    def view(self) -> SentenceView:
        return self.context.view(self.position)


class ClaimBuilder:
    """Build claims from a body analysis (pure; cues loaded once)."""

    def __init__(
        self,
        metric_cues: MetricCues,
        link_cues: LinkCues,
        *,
        chip_makers: Mapping[str, str] | None = None,
    ) -> None:
        self.metric_cues = metric_cues
        self.link_cues = link_cues
        self.chip_makers = dict(chip_makers or {})

    def build(self, body: BodyAnalysis) -> list[Claim]:
        """The claims of a body, sentence by sentence.

        Only sentences with numbers are visited; what a claim needs from its sentence's
        analysis or from earlier sentences (carried topic, attribution, investors) is
        asked of an :class:`ArticleContext`, which works it out on first use, so the
        analysis of a sentence no claim reads is never run (see that module for why the
        result is the same as analysing every sentence in turn).
        """
        verse = self._verse_paragraphs(body)
        spans = BodySpans.of(body.mentions, body.quantities, body.dates)
        live = [s for s in body.sentences if s.paragraph not in verse]
        context = ArticleContext(
            body.simple,
            live,
            spans.mentions,
            self.link_cues,
            headline=body.headline,
            owner=body.owner,
        )
        claims: list[Claim] = []
        paragraph_seen, prev_paragraph_start = -1, 0
        quantities_within = spans.quantities.within
        is_candidate, simple = self._is_candidate, body.simple
        tables = find_tables(simple) if "|" in simple else []
        dropped_in_tables = dropped_cells(tables, body.quantities, self.metric_cues)
        for index, s in enumerate(live):
            if s.paragraph != paragraph_seen:
                paragraph_seen, prev_paragraph_start = s.paragraph, s.start
            # Numbers that are no candidates give neither a claim nor an echo: both start
            # with that test, so it is run once here and a sentence without candidates is
            # left at once.
            candidates = [
                q
                for q in quantities_within(s.start, s.end)
                if is_candidate(q, simple, spans) and q.start not in dropped_in_tables
            ]
            if not candidates:
                continue
            work = _work(body, spans, s, context, index)
            prev_q: Quantity | None = None  # the sentence's previous figure and its claim
            prev_claim: Claim | None = None
            for q in candidates:
                if prev_q and prev_claim is None and _converts(simple, prev_q, q):
                    continue  # "缩水201亿美元(约1566亿港元)": the conversion of a dropped figure
                claim = None
                if claims and claims[-1].start >= s.start:
                    claim = _baseline_of(q, work, claims[-1], candidates)
                if claim is None:
                    claim = self._claim(q, work)
                if claim is None and prev_q and prev_claim is not None:
                    claim = _listed_after(q, work, prev_q, prev_claim)
                follows = claim is None and claims and claims[-1].start >= s.start
                if follows and not dropped(q, work.text, s.start, self.metric_cues, work.hits):
                    claim = _changed_to(q, work, claims[-1], candidates)
                if claim is not None and claim.metric == "funding":
                    claim = _to_recipient(claim, work)
                if claim is not None and claim.metric == "funding":
                    claim = _share_to_round(claim, work, claims)
                if claim is None and claims:
                    in_paragraph = claims[-1].start >= prev_paragraph_start
                    claim = self._echo(q, work, claims[-1], in_paragraph)
                if claim is None and claims and claims[-1].start >= prev_paragraph_start:
                    claim = self._parallel_item(q, work, claims[-1])
                if claim is not None:
                    claims += self._for_each_member(claim, q, work)
                prev_q, prev_claim = q, claim
        claims += self._table_claims(body, tables, context, claims)
        claims = _to_sized_member(_training_to_model(claims, body.mentions), body.mentions)
        return _ranges_restated(claims)

    def _for_each_member(self, claim: Claim, q: Quantity, work: _SentenceWork) -> list[Claim]:
        """The claim, and its copy for each other name a word hands the figure to with it
        ("文心一言和通义千问2.5的价格均接近0.12元": the price of both)."""
        if claim.metric == "funding":
            return [claim]  # "A与B各投入…": investors' shares, the round's (_share_to_round)
        view = work.view
        types = self.metric_cues.subject_types(claim.metric)
        members = each_member(q, view.text, view.start, view.mentions, types)
        if claim.subject not in {m.name for m in members}:
            return [claim]
        others = [m for m in members if m.name != claim.subject]
        return [claim] + [
            claim.model_copy(update={"subject": m.name, "subject_type": _subject_type(m.type)})
            for m in others
        ]

    def _table_claims(
        self,
        body: BodyAnalysis,
        tables: Sequence[Table],
        context: ArticleContext,
        made: list[Claim],
    ) -> list[Claim]:
        """Claims of the numbers in the body's ``tables`` that no sentence claim took (see
        :mod:`extractors.claims.tables`)."""
        taken = {(c.start, c.end) for c in made}
        out = []
        for table in tables:
            before = [m for m in body.mentions if m.end <= table.start and _is_actor(m)]
            row_above: Mention | None = None  # the subject of the last row that named one
            for cell in table_cells([table], body.quantities):
                q = cell.quantity
                if (q.start, q.end) in taken:
                    continue
                reading = read_cell(cell, self.metric_cues)
                if reading is None or not self.metric_cues.plausible(
                    reading.metric, q.value * reading.scale
                ):
                    continue
                types = self.metric_cues.subject_types(reading.metric)
                subject = row_subject(cell, body.mentions, types)
                if subject is None and cell.name_cell and is_size_label(cell.name_cell.text):
                    subject = row_above  # a tier row ("32K-96K | 0.004元") of the model above
                elif subject is not None and cell.name_cell is not None:
                    row_above = subject
                how = "explicit"
                if subject is None and cell.name_cell is None:
                    fitting = [m for m in before if m.type in types]
                    subject = fitting[-1] if fitting else context.article_topic()
                    how = "carried"
                if subject is None or subject.type not in types:
                    continue
                row_text = body.simple[cell.row.line_start : cell.row.cells[-1].end]
                link = "article" if how == "carried" else how
                if not self._ties_to_ai(reading.metric, subject, link, row_text, context):
                    continue
                row = body.text[cell.row.line_start : cell.row.cells[-1].end]
                metric, value = self._signed(reading.metric, q.value * reading.scale)
                out.append(
                    Claim(
                        subject=subject.name,
                        subject_type=_subject_type(subject.type),
                        metric=metric,
                        value=at_written_precision(value),
                        value_max=None if q.value_max is None else q.value_max * reading.scale,
                        unit=reading.unit,
                        qualifier=q.qualifier,
                        text=body.text[q.start : q.end],
                        start=q.start,
                        end=q.end,
                        sentence=row,
                        object=cell.column or None,
                        confidence=0.6 if how == "explicit" else 0.45,
                    )
                )
        return out

    def _introduced_metric(
        self, q: Quantity, work: _SentenceWork, chip_after: bool
    ) -> MetricChoice | None:
        """The metric a list item's figure takes from the line that introduces the list
        ("SWE-bench测试(软件工程基准测试):" over "- Claude Opus 4: 72.5%"), read as if that
        line opened the item's sentence."""
        intro = work.context.introduction(work.position)
        if intro is None:
            return None
        joined = f"{intro}\n{work.text}"
        offset = work.sentence.start - len(intro) - 1
        return choose_metric(q, joined, offset, self.metric_cues, chip_after=chip_after)

    def _claim(self, q: Quantity, work: _SentenceWork) -> Claim | None:
        """The claim of ``q``, a candidate (:meth:`_is_candidate`)."""
        body, s, context, index = work.body, work.sentence, work.context, work.position
        # Only rejections come before the claim is made, so their order cannot change it:
        # the cheap ones first, and the sentence's analysis only once a metric is found.
        # (A sentence without mentions and without a carried topic, which the loop used to
        # reject first, is rejected by the subject choice: nothing can be chosen.)
        if q.kind == "fraction" and q.unit is None:
            q = q.model_copy(update={"value": q.value * 100, "unit": "%"})
        # choose_metric reads chip_after only for the categories "count" and "none", which
        # only these units give (see unit_category).
        chip_after = q.unit in _CHIP_COUNT_UNITS and work.spans.chips.starts_between(
            q.end, q.end + 8
        )
        choice = choose_metric(
            q, work.text, s.start, self.metric_cues, chip_after=chip_after, hits=work.hits
        ) or self._introduced_metric(q, work, chip_after)
        if choice is None or not self.metric_cues.plausible(choice.metric, q.value):
            return None
        if choice.unit == "%" and q.value > 100 and choice.metric in _PARTS_OF_A_WHOLE:
            return None  # a share or a score past 100 % is a misread ("MATH 50098.2 %")
        if choice.metric in _SIZE_METRICS and _sizes_a_kind(work, q):
            return None
        types = self.metric_cues.subject_types(choice.metric)
        view = context.view(index)
        # choose_subject, reading the carried topic only when no mention of the sentence fits.
        if _compared_with(q, view):
            return None
        group = self._group_subject(q, work, types)
        if (
            group is None
            and counted_group(q, view.text, view.start) is not None
            and listed_items(view.text, q.start - view.start, q.end - view.start) is None
        ):
            # (a list's "name(figure)" items are each its name's: "三家公司是A（33亿美元）、B…")
            # "22家AI公司累计募资…": a group the article never lists by name is named as the
            # sentence describes it, or the figure is nobody's
            group = _described(q, work) if choice.metric not in _PAY else None
            if group is None:
                return None
        subject = group or named_subject(q, view, types, choice.metric)
        if subject is None and _said_of_a_kind(q, view) and choice.metric not in _PAY:
            subject = _described(q, work)  # "国内模型平均成绩为65.95分"
        elif subject is None:
            subject = (
                carried_subject(view, types, context.topic(index))
                or following_subject(q, view, types)
                or _article_subject(q, view, types, context.typed_topic(types))
            )
        if subject is None:
            return None
        if subject.how in ("carried", "article") and "chip" in types:
            subject = self._maker_to_chip(subject, context)
        if not self._ties_to_ai(choice.metric, subject.mention, subject.how, view.text, context):
            return None
        metric, value = self._signed(choice.metric, q.value)
        if metric == "revenue" and choice.cue == "营业收入" and _is_statement(work.body.simple):
            metric = "profit"  # a statement's 营业收入 row under its 收入 row: operating income
        subject_name, subject_type = subject.mention.name, _subject_type(subject.mention.type)
        if metric in _USERS and subject.mention.base is not None:
            # "可灵2.0模型发布，全球用户突破2200万": a version's or an edition's users are
            # the product's
            subject_name, subject_type = subject.mention.base, "product"
        object_name = choose_object(q, metric, view, self.link_cues)
        if object_name is not None and self.chip_makers.get(object_name) == subject_name:
            # "英伟达称需要8000个Hopper GPU": a maker counting its own chips speaks of them,
            # or of the system they make up ("以72颗Blackwell GPU组成的GB200 NVL72")
            system = _built_from(q, view)
            subject_name, subject_type = (
                (system.name, _subject_type(system.type)) if system else (object_name, "chip")
            )
        return Claim(
            subject=subject_name,
            subject_type=subject_type,
            metric=metric,
            value=value,
            value_max=q.value_max,
            unit=choice.unit,
            qualifier=q.qualifier,
            text=body.text[q.start : q.end],
            start=q.start,
            end=q.end,
            sentence=s.text,
            as_of=as_of_date(q.start, work.dates),
            attribution=context.attribution(index),
            object=object_name,
            confidence=claim_confidence(subject.how, subject.mention.how, choice),
        )

    @staticmethod
    def _signed(metric: str, value: float) -> tuple[str, float]:
        """A negative profit is a loss ("净利润为-3.46亿元" is a loss of 3.46亿元); otherwise
        the value :func:`_by_size` gives."""
        if metric == "profit" and value < 0:
            return "net_loss", -value
        return metric, _by_size(metric, value)

    def _maker_to_chip(self, subject: SubjectChoice, context: ArticleContext) -> SubjectChoice:
        """A chip's figure carried to its maker ("英伟达对H20的调整：…算力从296 TFLOPS砍至
        180 TFLOPS") is the chip's, when the article is about one chip of that maker."""
        chip = context.typed_topic(_CHIP)
        if chip is not None and self.chip_makers.get(chip.name) == subject.mention.name:
            return SubjectChoice(chip, subject.how)
        return subject

    def _group_subject(
        self, q: Quantity, work: _SentenceWork, types: frozenset[str]
    ) -> SubjectChoice | None:
        """A figure of one member of names listed together ("A和B分别为X和Y"), or a group's
        (see :mod:`extractors.claims.groups`): names summed or listed together in the sentence,
        or a counted group ("这五家公司") the article listed before."""
        view, context, index = work.view, work.context, work.position
        if may_be_respective(view.text):
            sentence_quantities = work.spans.quantities.within(
                work.sentence.start, work.sentence.end
            )
            member = respective_member(
                q, view.text, view.start, view.mentions, sentence_quantities, types
            )
            if member is not None:
                return SubjectChoice(member, "explicit")
        group = summed_group(q, view.text, view.start, view.mentions, types)
        count = None if group is not None else counted_group(q, view.text, view.start)
        if count is not None:
            earlier = (context.view(k) for k in range(index, max(-1, index - _GROUP_LOOKBACK), -1))
            group = listed_group(count, ((v.text, v.start, v.mentions) for v in earlier))
        return SubjectChoice(group, "explicit") if group is not None else None

    def _ties_to_ai(
        self, metric: str, mention: Mention, link: str, text: str, context: ArticleContext
    ) -> bool:
        """Whether a figure may be claimed for ``mention``. A figure of AI's own
        (parameters, GPUs...) or in a passage that speaks of AI always; otherwise (revenue,
        funding...) the article's topic only in an article about AI unless the gazetteer
        knows it, and a firm the gazetteer does not know only where the article ties it
        to AI."""
        ai_words = self.link_cues.ai_context
        if metric in _AI_METRICS or ai_words.search(text):
            return True
        if link == "article" and mention.how != "gazetteer" and not context.about_ai(ai_words):
            return False
        if _is_article_topic(mention, link, context) and context.about_ai(ai_words):
            return True  # the topic of an article about AI is an AI actor
        if WORDS.device_shipments.search(text) and not context.about_ai(ai_words):
            return False  # "华为以4150万台的出货量占据42%的份额": phones, not AI
        if mention.type == "person" and context.about_ai(ai_words):
            return True  # a founder or executive named in an article about AI
        return mention.how != "shape" or context.named_with_ai(mention.name, ai_words)

    def _echo(
        self, q: Quantity, work: _SentenceWork, last: Claim, in_paragraph: bool
    ) -> Claim | None:
        """ "这一数字还是2亿", "已达到3亿": a bare figure restating the paragraph's last count.

        Only bare numbers after a restating word, of the last claim's order of magnitude
        (within 100x), for count metrics, in the last claim's paragraph; and amounts of the
        last claim's currency that name the figure as such ("这一数字还停留在5000亿美元"), up
        to a line or two after it. They take its subject and metric.  ``q`` is a candidate
        (:meth:`_is_candidate`).
        """
        s = work.sentence
        same_money = q.unit is not None and q.unit == last.unit and q.unit.isupper()
        if not same_money and (q.unit is not None or last.unit != "count" or not in_paragraph):
            return None
        if same_money and not in_paragraph and q.start - last.end > _ECHO_REACH:
            return None
        if not 0.01 <= q.value / max(last.value, 1.0) <= 100:
            return None
        clause = CLAUSE_SPLIT.split(work.text[: q.start - s.start])[-1]
        restates = WORDS.names_the_figure if same_money else WORDS.restates
        if not restates.search(clause):
            return None
        view = work.view
        lo = q.start - len(clause)
        rivals = [
            r
            for r in view.roles
            if r.role == "topic"
            and r.mention.start < q.start
            and r.mention.name != last.subject
            and (_subject_type(r.mention.type) == last.subject_type or r.mention.start < lo)
        ]
        if rivals:
            # another actor of the same kind named in the clause, or any actor named earlier
            # in the sentence ("- xMate:MAU环比增长…，达到296万"): not a restatement
            return None
        return _same_claim_for(
            last,
            q,
            work,
            sentence=s.text,
            confidence=round(max(0.05, last.confidence - 0.2), 2),
        )

    def _parallel_item(self, q: Quantity, work: _SentenceWork, last: Claim) -> Claim | None:
        """ "…仁寶營收593.66億元；英業達618.13億元、年增34.84%": a clause after a semicolon
        that opens with a name and its amount, with no cue of its own, says of that name
        what the clause before said of another (same metric, same unit)."""
        s = work.sentence
        if q.unit != last.unit and not (q.unit is None and last.unit == "count"):
            return None  # (a bare number stands for a count: "腾讯元宝约3286万")
        before = work.body.simple[max(0, s.start - 2) : s.start]
        mentions = work.view.mentions
        if before.rstrip().endswith(("；", ";")):
            if not mentions or mentions[0].start - s.start > 1:
                return None
            name = mentions[0]
        else:
            # "豆包月活大致在1.72亿，腾讯元宝约3286万": a comma clause of the same sentence
            name = self._comma_clause_name(q, work, last)
            if name is None:
                return None
        if not 0 <= q.start - name.end <= _PARALLEL_GAP or name.name == last.subject:
            return None
        if name.type not in self.metric_cues.subject_types(last.metric):
            return None
        return _same_claim_for(
            last,
            q,
            work,
            subject=name.name,
            subject_type=_subject_type(name.type),
            sentence=s.text,
            object=None,
        )

    @staticmethod
    def _comma_clause_name(q: Quantity, work: _SentenceWork, last: Claim) -> Mention | None:
        """The name opening the comma clause of ``q``, when the sentence's last claim came
        before that clause and only a qualifier stands between the name and ``q``."""
        simple, s = work.body.simple, work.sentence
        if last.start < s.start or last.end > q.start:
            return None
        for m in work.view.mentions:
            if m.end <= q.start and q.start - m.end <= _PARALLEL_GAP:
                opens = simple[max(s.start, m.start - 1) : m.start] in ("，", ",")
                between = simple[m.end : q.start]
                if opens and last.end < m.start and WORDS.qualifier_gap.fullmatch(between):
                    return m
        return None

    def _is_candidate(self, q: Quantity, simple: str, spans: BodySpans) -> bool:
        """Numbers inside names, dates and page furniture are no claims (``simple``: the
        body in simplified script, ``spans``: its span indexes)."""
        start, end, unit = q.start, q.end, q.unit
        # a name covering the number's first character holds it ("H800"); a name inside the
        # unit does not ("278.8万H800 GPU小时")
        if spans.mentions.overlaps(start, start + 1) or spans.dates.overlaps(start, end):
            return False
        before = simple[max(0, start - 3) : start]
        after = simple[end : end + 12]
        if unit is None:
            # _NAME_GLUE_BEFORE or _GLUED, in one search.
            if _GLUED_OR_NAME_BEFORE.search(before):
                return False
            if _NAME_GLUE_AFTER.match(after) and q.text[-1:] not in MAGNITUDE_ENDS:
                return False  # "4o", "Llama 3": a name's number ("5998万MAU" is none)
            if WORDS.process_node_after.match(after):
                return False  # "7 纳米工艺", "3奈米": a chip process, not a figure
            if _is_determiner(q.text):
                return False  # 一个, 两款, 一台: determiners rather than figures
            if _OUTLINE_NUMBER.fullmatch(q.text) and _heads_a_line(simple, start, end):
                return False  # "1.1 摩尔线程GPU的核心架构": a section's number
        elif _GLUED.search(before) or (unit == "count" and _is_determiner(q.text)):
            return False
        return not self.link_cues.furniture_after.match(after)

    def _verse_paragraphs(self, body: BodyAnalysis) -> set[int]:
        """Lines of verse: ending in a comma, couplets of short unpunctuated lines, quotes."""
        parts: dict[int, list[str]] = {}
        for s in body.sentences:
            parts.setdefault(s.paragraph, []).append(s.text)
        lines = {idx: "".join(texts) for idx, texts in parts.items()}
        # The last character of each line before trailing whitespace, found once (a line
        # is also read as its neighbours' previous line and twin): a line ends in one of
        # some characters, ``[chars]\\s*$``, when it is one of them (``str.rstrip`` drops
        # exactly what ``\\s`` matches).
        lasts = {idx: line.rstrip()[-1:] for idx, line in lines.items()}
        verse: set[int] = set()
        verse_line = self.link_cues.verse_line
        for idx, line in lines.items():
            last = lasts[idx]
            if (last and last in _COMMAS and not _has_sentence_end(line)) or verse_line.match(line):
                verse.add(idx)  # (a paragraph of sentences cut off after a comma is prose)
                continue
            prev_last = lasts.get(idx - 1, "")
            if prev_last and prev_last in _COMMAS and abs(len(lines[idx - 1]) - len(line)) <= 2:
                verse.add(idx)  # the second line of a couplet
                continue
            short = 5 <= len(line) <= 24 and not (last and last in _SENTENCE_FINAL)
            short = short and not _LATIN_OR_DIGIT.search(line)
            if short and _has_twin(lines, lasts, idx):
                verse.add(idx)
        return verse


def _has_sentence_end(line: str) -> bool:
    """Whether a sentence ends inside ``line`` (before its last character)."""
    return SENTENCE_STOP.search(line, 0, len(line) - 1) is not None


_SIZE_METRICS = frozenset({"parameters", "active_parameters"})


def _sizes_a_kind(work: _SentenceWork, q: Quantity) -> bool:
    """Whether a model size describes a kind of model a machine runs or trains ("单卡就
    可以运行400亿参数大模型") rather than a model: no name follows, as it does in "80亿参数
    规模的Llama3.1-8B", and the model is used, not named ("V3是6710亿参数的模型" stays)."""
    text, end = work.body.simple, q.end
    kind = WORDS.kind_of_model.match(text, end)
    if kind is None or not WORDS.uses_a_kind.search(text, max(0, q.start - 6), q.start):
        return False
    reach = min(kind.end() + _NAME_REACH, work.sentence.end)
    return reach <= kind.end() or not work.spans.mentions.overlaps(kind.end(), reach)


_NAME_REACH = 3  # characters after "模型" in which a model's name would start


# Between figures listed together: "7.6亿美元和5.92亿美元", "42.64万元、5302.12万元".
_LIST_JOIN = re.compile(r"\s*(?:和|及|以及|与|、|,|，)\s*")


def _listed_after(q: Quantity, work: _SentenceWork, first: Quantity, claim: Claim) -> Claim | None:
    """A figure listed right after a claimed one of the same unit ("分别为A和B") that found
    no cue of its own takes that claim's subject and metric."""
    simple = work.body.simple
    if q.unit != first.unit or not _LIST_JOIN.fullmatch(simple, first.end, q.start):
        return None
    if simple.startswith("的", q.end):
        return None  # "38.99亿元，29亿元的理财额度…": the figure opens a clause of its own
    return _same_claim_for(claim, q, work)


_PARALLEL_GAP = 2  # characters between a parallel clause's opening name and its amount
_CHANGE_REACH = 24
_LATER_REACH = 48


def _changed_to(
    q: Quantity, work: _SentenceWork, last: Claim, candidates: Sequence[Quantity]
) -> Claim | None:
    """The figure a change ends at, when the sentence's last claim is where it started
    ("用户数从6月的300万增长至500万"): the same claim for the later figure."""
    start = _claimed_before(q, last, candidates)
    if start is None:
        return None
    simple = work.body.simple
    if WORDS.part_of.search(simple, max(0, q.start - 8), q.start):
        return _same_claim_for(last, q, work)  # "其中1000亿美元": a part of the last figure
    from_to = (
        q.start - start.end <= _CHANGE_REACH
        and WORDS.from_before.search(simple, max(0, start.start - 11), start.start) is not None
        and WORDS.change_to.fullmatch(simple, start.end, q.start) is not None
    )
    # "启动时装备了10万块H100，随后又翻倍至20万块": the same count, grown
    grown = (
        q.unit is not None
        and WORDS.grown_to.search(simple, max(0, q.start - 6), q.start) is not None
    )
    return _same_claim_for(last, q, work) if from_to or grown else None


def _baseline_of(
    q: Quantity, work: _SentenceWork, last: Claim, candidates: Sequence[Quantity]
) -> Claim | None:
    """The same claim for a figure the sentence's last claim is compared with, at an
    earlier time ("营收突破200亿美元，较2024年的60亿美元大幅成长"), and for another earlier
    time listed after that one ("较第一季的50亿美元，以及去年同季的57亿美元")."""
    before = _claimed_before(q, last, candidates)
    if before is None:
        return None
    simple = work.body.simple
    compared = WORDS.baseline_before.search(simple, max(0, q.start - 24), q.start)
    if compared is None:
        further = WORDS.further_baseline.fullmatch(simple, before.end, q.start)
        earlier = WORDS.baseline_before.search(simple, max(0, before.start - 24), before.start)
        if further is None or earlier is None:
            return None
    return _same_claim_for(last, q, work)


def _claimed_before(q: Quantity, last: Claim, candidates: Sequence[Quantity]) -> Quantity | None:
    """The figure of the sentence's last claim, when ``q`` may restate it: same unit, and
    at most ``_LATER_REACH`` characters before ``q``."""
    start = next((c for c in candidates if c.start == last.start), None)
    if start is None or start.unit != q.unit or q.start - start.end > _LATER_REACH:
        return None
    return start


def _by_size(metric: str, value: float) -> float:
    """``value`` by its size for a metric the table records so (a minus sign before a loss,
    "净亏损-4.62亿元", is emphasis); as it is for any other."""
    spec = metric_table().metrics.get(metric)
    return abs(value) if spec is not None and spec.by_size else value


def _same_claim_for(claim: Claim, q: Quantity, work: _SentenceWork, **more: object) -> Claim:
    """``claim`` (its subject, metric, object...) for the figure ``q`` instead (by its size,
    for a metric recorded so: "净利润分别为-6.12亿元、-7.43亿元" are two losses)."""
    return claim.model_copy(
        update={
            "value": _by_size(claim.metric, q.value),
            "value_max": q.value_max,
            "qualifier": q.qualifier,
            "text": work.body.text[q.start : q.end],
            "start": q.start,
            "end": q.end,
            "as_of": as_of_date(q.start, work.dates),
            **more,
        }
    )


def _converts(simple: str, first: Quantity, second: Quantity) -> bool:
    """Whether ``second`` is ``first`` converted, in brackets right after it."""
    return WORDS.conversion_gap.fullmatch(simple, first.end, second.start) is not None


def _heads_a_line(simple: str, start: int, end: int) -> bool:
    """Whether the number opens its line and a word follows it after a space or a mark."""
    line_start = simple.rfind("\n", 0, start) + 1
    return not simple[line_start:start].strip() and _HEADING_AFTER.match(simple, end) is not None


_OUTLINE_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})+")
_HEADING_AFTER = re.compile(r"[ \t、．.]+[^\d\s]")


@lru_cache(maxsize=1024)
def _is_determiner(numeral: str) -> bool:
    """A number written with one Chinese digit and no other digit or place word."""
    return _CN_SINGLE.fullmatch(_NOT_NUMERAL.sub("", numeral)) is not None


def _work(
    body: BodyAnalysis, spans: BodySpans, s: Sentence, context: ArticleContext, index: int
) -> _SentenceWork:
    text = body.simple[s.start : s.end]
    dates = spans.dates.within(s.start, s.start + len(text)) if body.dates else []
    return _SentenceWork(body, spans, s, text, dates, CueHits(text), context, index)


def _has_twin(lines: dict[int, str], lasts: dict[int, str], idx: int) -> bool:
    """A neighbouring line of about the same length, also without a sentence end
    (``lasts``: the last character of each line before trailing whitespace)."""
    size = len(lines[idx])
    for j in (idx - 1, idx + 1):
        other = lines.get(j)
        if other is None:
            continue  # read as "x。", which ends a sentence
        last = lasts[j]
        if abs(len(other) - size) <= 1 and not (last and last in _SENTENCE_FINAL):
            return True
    return False


_TRAINING_METRICS = frozenset(
    {"training_cost", "training_gpu_hours", "training_tokens", "training_duration"}
)


# Figures of a model itself, beside the training ones: its size and its context.
_MODEL_METRICS = _TRAINING_METRICS | {
    "parameters",
    "active_parameters",
    "context_length",
    "training_compute",
}


def _of_a_model(claim: Claim) -> bool:
    """A figure about a model: its training (the GPUs of a training run too) or its size."""
    if claim.metric == "gpu_count":
        return "训练" in claim.sentence or "訓練" in claim.sentence
    return claim.metric in _MODEL_METRICS


def _to_sized_member(claims: list[Claim], mentions: Sequence[Mention]) -> list[Claim]:
    """ "通义千问2.5：70亿参数模型": a family's parameter count is the one member of it the
    article names with that size (Qwen2.5-7B-Instruct), when there is one."""
    out = []
    for c in claims:
        if c.metric == "parameters" and c.value >= 1e8:
            size = f"{c.value / 1e9:g}B".lower()
            members = {
                m.name
                for m in mentions
                if m.name != c.subject
                and m.name.lower().startswith(c.subject.lower())
                and size in m.name.lower().replace(" ", "-").split("-")
            }
            if len(members) == 1:
                c = c.model_copy(update={"subject": members.pop(), "subject_type": "model"})
        out.append(c)
    return out


def _ranges_restated(claims: list[Claim]) -> list[Claim]:
    """ "资本支出上看420亿美元" over "预估为380亿至420亿美元": a ceiling that is the top of a
    range the article gives for the same subject and metric restates that range."""
    ranges = {
        (c.subject, c.metric, c.unit, c.value_max): c
        for c in claims
        if c.qualifier == "range" and c.value_max is not None
    }
    if not ranges:
        return claims
    out = []
    for c in claims:
        whole = ranges.get((c.subject, c.metric, c.unit, c.value))
        if whole is not None and c.qualifier in ("up_to", "at_most"):
            c = c.model_copy(
                update={"value": whole.value, "value_max": whole.value_max, "qualifier": "range"}
            )
        out.append(c)
    return out


def _training_to_model(claims: list[Claim], mentions: Sequence[Mention]) -> list[Claim]:
    """ "这家公司的训练费用": training figures are about a model. An organization's figure
    about a model (:func:`_of_a_model`) goes to its model when the article names exactly
    one model of its family."""
    if not any(_of_a_model(c) and c.subject_type == "organization" for c in claims):
        return claims  # nothing to move (the loop below would copy the list unchanged)
    families = {m.name: m.family for m in mentions if m.type == "organization" and m.family}
    models: dict[str, set[str]] = {}
    for m in mentions:
        if m.type == "model" and m.family:
            models.setdefault(m.family, set()).add(m.name)
    out = []
    for c in claims:
        own = models.get(families.get(c.subject) or "", set())
        if _of_a_model(c) and c.subject_type == "organization" and len(own) == 1:
            c = c.model_copy(
                update={
                    "subject": next(iter(own)),
                    "subject_type": "model",
                    "confidence": round(max(0.05, c.confidence - 0.1), 2),
                }
            )
        out.append(c)
    return out


def _to_recipient(claim: Claim, work: _SentenceWork) -> Claim | None:
    """An instalment or the rest of a round ("首期100亿美元", "其余27.5亿美元") belongs to
    the company raising it, not to an investor named before it; with no such company in
    this or the previous paragraph the claim is dropped.

    The instalment word is looked for first: only then are the article's investors
    (every sentence's roles so far) needed."""
    s, context, index = work.sentence, work.context, work.position
    before = work.text[: claim.start - s.start][-6:]
    if not WORDS.instalment.search(before):
        return claim
    investors = context.investors_through(index)
    if claim.subject not in investors:
        return claim
    for mention, paragraph in context.recent(index, s.paragraph - CARRY_PARAGRAPHS):
        if s.paragraph - paragraph > CARRY_PARAGRAPHS:
            break
        if mention.type == "organization" and mention.name not in investors:
            return claim.model_copy(
                update={"subject": mention.name, "subject_type": "organization"}
            )
    return None


_ROUND_REACH = 600  # characters back to the round a share belongs to
_TO_WHOM = frozenset("向对为给")


def _share_to_round(claim: Claim, work: _SentenceWork, claims: Sequence[Claim]) -> Claim:
    """An investor's share of a round the article reported just before is the round's
    company's funding (CLAIMS.md: "红杉领投，出资8亿元" is funding of the firm that
    raises)."""
    raised = next(
        (c for c in reversed(claims) if c.metric == "funding" and c.subject != claim.subject),
        None,
    )
    if raised is None or claim.start - raised.end > _ROUND_REACH:
        return claim
    investor = next(
        (
            m
            for m in reversed(work.view.mentions)
            if m.name == claim.subject and m.end <= claim.start
        ),
        None,
    )
    simple = work.body.simple
    if investor is None or not WORDS.puts_in.fullmatch(simple, investor.end, claim.start):
        return claim
    if simple[investor.start - 1 : investor.start] in _TO_WHOM:
        return claim  # "向Anthropic投资20亿美元": the one invested in
    return claim.model_copy(update={"subject": raised.subject, "subject_type": raised.subject_type})


_USERS = frozenset({"user_count", "download_count"})


def _is_article_topic(mention: Mention, link: str, context: ArticleContext) -> bool:
    """Whether ``mention`` is the article's topic: taken as such, or carried or named where
    it is the actor the article is about."""
    if link == "article":
        return True
    topic = context.article_topic()
    return topic is not None and topic.name == mention.name


def _is_actor(m: Mention) -> bool:
    return not m.outlet and m.type in ("organization", "model", "product", "chip")


def _is_statement(simple: str) -> bool:
    """Whether ``simple`` sets out revenue and operating income as rows of their own."""
    return bool(WORDS.operating_income_row.search(simple) and WORDS.revenue_row.search(simple))


_CHIP = frozenset({"chip"})
_GROUP_LOOKBACK = 6  # sentences searched back for the names a counted group stands for


_PARTS_OF_A_WHOLE = metric_table().names_where("part_of_whole")
_PAY = metric_table().names_where("personal")


def _described(q: Quantity, work: _SentenceWork) -> SubjectChoice | None:
    """The group the sentence describes before the figure (:func:`described_group`)."""
    s = work.sentence
    written = work.body.text[s.start : s.end]
    found = described_group(q, work.text, s.start, written)
    return None if found is None else SubjectChoice(found, "explicit")


def _said_of_a_kind(q: Quantity, view: SentenceView) -> bool:
    """Whether the sentence, up to ``q``, speaks of a kind of actor rather than one: a
    figure no name of the sentence claims is then nobody's in particular, not the
    carried or the article's topic."""
    return WORDS.kind_of_actor.search(view.text, 0, q.start - view.start) is not None


_COMPARED_REACH = 32  # characters before a figure searched for 仅次于 and the like


def _compared_with(q: Quantity, view: SentenceView) -> bool:
    """ "仅次于华电新能181.71亿元": the figure of one the sentence compares with and names
    no further (a name it does know takes the figure as its own: "落后于SK海力士(62%)")."""
    rel_start = q.start - view.start
    compared = WORDS.compared_with.search(view.text, max(0, rel_start - _COMPARED_REACH), rel_start)
    if compared is None:
        return False
    since = view.start + compared.start()
    return not any(since <= m.start < q.start for m in view.mentions)


def _article_subject(
    q: Quantity, view: SentenceView, types: frozenset[str], topic: Mention | None
) -> SubjectChoice | None:
    """The article's topic, for a number whose clause names no actor the metric could
    have (outlets, benchmarks, and the GPUs of a training run aside): "营收从0.46亿元跃升
    至4.38亿元" in a piece about one company, "训练只需3周+512块H800" in one about a model.
    (Names elsewhere in the sentence that no rule took as the subject do not stand in
    the way: a long list sentence names many.)"""
    if topic is None or topic.type not in types:
        return None
    rel_start, rel_end = q.start - view.start, q.end - view.start
    left = max((m.end() for m in CLAUSE_END.finditer(view.text, 0, rel_start)), default=0)
    right_end = CLAUSE_END.search(view.text, rel_end)
    right = right_end.start() if right_end else len(view.text)
    for m in view.mentions:
        inside = left <= m.start - view.start and m.end - view.start <= right
        if inside and not m.outlet and m.type in types:
            return None
    return SubjectChoice(topic, "article")


def _built_from(q: Quantity, view: SentenceView) -> Mention | None:
    """The chip or product that the counted chips make up, named after them in the
    clause ("72颗Blackwell GPU组成的GB200 NVL72"), if any."""
    rel_end = q.end - view.start
    stop = CLAUSE_END.search(view.text, rel_end)
    clause_end = view.start + (stop.start() if stop else len(view.text))
    for m in view.mentions:
        after = q.end < m.start and m.end <= clause_end and m.type in ("chip", "product")
        if after and WORDS.built_from.search(view.text, rel_end, m.start - view.start):
            return m
    return None


def _subject_type(kind: str) -> str:
    return kind if kind in ("model", "organization", "chip", "person", "product") else "other"
