"""Roles of mentions in a sentence (topic, comparator, investor, source...) and who the
sentence cites.

Works on one sentence at a time in simplified script; offsets are text offsets.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from extractors.alternation import longest_first
from extractors.rule_words import WORDS
from extractors.subjects import Mention

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
CLAUSE_SEP = re.compile(r"[，,；;。]")
_CLAUSE_BREAK = re.compile(r"[，,。；]")
# Only these may be cited for a sentence's figures or speak in it.
_CITED_TYPES = ("organization", "person")


@dataclass(frozen=True)
class LinkCues:
    pronouns: tuple[str, ...]
    typed_pronouns: dict[str, str]
    investor: re.Pattern[str]
    origin_after: re.Pattern[str]
    openers: re.Pattern[str]
    comparator_before: re.Pattern[str]
    comparator_after: re.Pattern[str]
    attribution_lead: re.Pattern[str]
    attribution_tail: re.Pattern[str]
    publication: re.Pattern[str]
    statistics: dict[str, str]
    percentile: re.Pattern[str]
    ai_context: re.Pattern[str]
    furniture_after: re.Pattern[str]
    verse_line: re.Pattern[str]
    price_sides: dict[str, str]
    price_conditions: dict[str, str]

    @cached_property
    def pronoun_start(self) -> re.Pattern[str]:
        """Any pronoun, longest first: ``match`` finds what the first ``startswith`` would."""
        return re.compile("|".join(re.escape(p) for p in self.pronouns))

    @cached_property
    def clause_pronoun(self) -> re.Pattern[str] | None:
        """A typed pronoun opening a later clause ("我刚加入时，公司才1000多人")."""
        if not self.typed_pronouns:
            return None
        return re.compile(r"[，,；;]\s*(" + longest_first(self.typed_pronouns) + ")")

    @cached_property
    def inner_pronoun_hint(self) -> re.Pattern[str] | None:
        """Any typed pronoun of three or more characters (a quick test before the scan)."""
        long = [re.escape(p) for p in self.typed_pronouns if len(p) >= 3]
        return re.compile("|".join(long)) if long else None


def _kind_pronouns(table: dict) -> dict[str, str]:
    """Every demonstrative + kind word of the table, with the type it stands for."""
    return {
        demonstrative + word: kind
        for demonstrative in table.get("demonstratives", ())
        for word, kind in table.get("kinds", {}).items()
    }


def load_link_cues(path: Path | None = None) -> LinkCues:
    data = tomllib.loads((path or DATA_DIR / "linking.toml").read_text(encoding="utf-8"))
    pats = data["patterns"]
    typed = dict(data.get("typed_pronouns", {})) | _kind_pronouns(data.get("kind_pronouns", {}))
    return LinkCues(
        pronouns=tuple(sorted({*data["pronouns"], *typed}, key=len, reverse=True)),
        typed_pronouns=typed,
        investor=re.compile(data["investor"]),
        origin_after=re.compile(data["origin_after"]),
        openers=re.compile(data["openers"]),
        comparator_before=re.compile(data["comparator_before"]),
        comparator_after=re.compile(data["comparator_after"]),
        attribution_lead=re.compile(data["attribution_lead"]),
        attribution_tail=re.compile(data["attribution_tail"]),
        publication=re.compile(data["publication"]),
        statistics=dict(data["statistics"]),
        percentile=re.compile(pats["percentile"]),
        ai_context=re.compile(pats["ai_context"]),
        furniture_after=re.compile(pats["furniture_after"]),
        verse_line=re.compile(pats["verse_line"]),
        price_sides=dict(data["price_sides"]),
        price_conditions=dict(data["price_conditions"]),
    )


# The per-mention, per-sentence and per-number results below are named tuples: as
# immutable as frozen dataclasses, and several times cheaper to make on this hot path.


class Role(NamedTuple):
    """A mention and what it does in its sentence: topic, comparator or attribution."""

    mention: Mention
    role: str


class SentenceView:
    """One sentence in simplified script with its mentions, their roles and its citation.

    Each part is worked out on first use: a mention's role (:meth:`role_of`) from the
    sentence, that mention and the sentence's mentions alone; the attribution from the
    citations of the mentions in order, then a cited publication; the pronouns from the
    text. All are pure, so the order they are asked in cannot change them.
    """

    __slots__ = (
        "_attribution",
        "_citations",
        "_cues",
        "_pronouns",
        "_role_list",
        "_roles",
        "mentions",
        "paragraph",
        "start",
        "text",
    )

    def __init__(
        self, text: str, start: int, paragraph: int, mentions: Sequence[Mention], cues: LinkCues
    ) -> None:
        self.text, self.start, self.paragraph = text, start, paragraph
        self.mentions = mentions
        self._cues = cues
        # Filled on first use (slots rather than cached_property: this is the hot path).
        self._role_list: list[str | None] = [None] * len(mentions)
        self._citations: list[str | None] = [None] * len(mentions)
        self._roles: tuple[Role, ...] | None = None
        self._attribution: tuple[str | None] | None = None
        self._pronouns: tuple[bool, str | None, bool] | None = None

    @property
    def roles(self) -> tuple[Role, ...]:
        """Every mention with its role, in sentence order."""
        if self._roles is None:
            self._roles = tuple(Role(m, self.role_of(j)) for j, m in enumerate(self.mentions))
        return self._roles

    def role_of(self, j: int) -> str:
        """What mention ``j`` does in the sentence: topic, comparator, attribution..."""
        role = self._role_list[j]
        if role is None:
            role = self._role_list[j] = self._find_role(j)
        return role

    @property
    def attribution(self) -> str | None:
        """Who the sentence cites: its first cited mention, else a cited publication."""
        if self._attribution is None:
            self._attribution = (self._find_attribution(),)
        return self._attribution[0]

    @property
    def opens_with_pronoun(self) -> bool:
        return self._pronoun_facts()[0]

    @property
    def pronoun_type(self) -> str | None:
        return self._pronoun_facts()[1]

    @property
    def inner_pronoun(self) -> bool:
        """A typed pronoun later in the sentence ("并不是这家公司的")."""
        return self._pronoun_facts()[2]

    def _pronoun_facts(self) -> tuple[bool, str | None, bool]:
        """Whether the sentence opens with a pronoun, its type (of the opening one, else of
        an inner typed one) and whether an inner typed one was found."""
        if self._pronouns is None:
            cues = self._cues
            pronoun = _opening_pronoun(self.text, cues)
            kind = cues.typed_pronouns.get(pronoun) if pronoun else None
            inner = None if pronoun else _inner_pronoun(self.text, cues)
            kind = kind or (cues.typed_pronouns[inner] if inner else None)
            self._pronouns = (bool(pronoun), kind, inner is not None)
        return self._pronouns

    def _find_attribution(self) -> str | None:
        attribution: str | None = None
        for j, m in enumerate(self.mentions):
            if self._citation_of(j) is not None:
                attribution = attribution or m.name
                if attribution:
                    break  # it cannot change any more
        if attribution is None:
            cues, text = self._cues, self.text
            lead = cues.attribution_lead.search(text)
            pub = cues.publication.search(text, lead.end()) if lead else None
            if pub is not None and pub.start() - lead.end() <= 4:  # type: ignore[union-attr]
                attribution = pub.group(1)
        return attribution

    def _around(self, j: int) -> tuple[str, str]:
        """The 16 characters before mention ``j`` and the 40 after it."""
        m = self.mentions[j]
        rel_start, rel_end = m.start - self.start, m.end - self.start
        return self.text[max(0, rel_start - 16) : rel_start], self.text[rel_end : rel_end + 40]

    def _citation_of(self, j: int, around: tuple[str, str] | None = None) -> str | None:
        """ "source", "speaker" or None: see :func:`_citation` (kept as "" for None).
        ``around``: :meth:`_around` of ``j`` when the caller has it already."""
        cited = self._citations[j]
        if cited is None:
            m = self.mentions[j]
            if m.outlet:
                cited = "source"
            elif m.type in _CITED_TYPES:
                cited = _citation(*(around or self._around(j)), m, self._cues) or ""
            else:
                cited = ""  # what _citation gives for other types (None), without the call
            self._citations[j] = cited
        return cited or None

    def _listed_after_comparator(self, j: int) -> bool:
        """Whether mention ``j`` is listed right after a comparator, or is what a
        comparator owns ("如A、B": B too; "不输OpenAI的GPT-4和谷歌的Gemini": all four)."""
        gap = self._gap_after(j - 1)
        owned = self.mentions[j - 1].type == "organization" and WORDS.owner_of_next_name.fullmatch(
            gap
        )
        joined = WORDS.joins_names.fullmatch(gap) or owned
        return bool(joined) and self.role_of(j - 1) == "comparator"

    def _find_role(self, j: int) -> str:
        m, cues, text = self.mentions[j], self._cues, self.text
        around = self._around(j)
        before, after = around
        last = before[-1:]
        rel_start = m.start - self.start
        if _in_investor_clause(text, rel_start, m.end - self.start, cues):
            return "investor"  # (before sources: "获得来自腾讯的5亿元投资" is no citation)
        if self._citation_of(j, around) == "source":
            return "attribution"
        if last == "对" and WORDS.addressee_after.match(after):
            return "addressee"  # "某人对新浪科技表示": told to, not about
        if last == "从" and cues.origin_after.match(after):
            return "origin"  # "从OpenAI挖角": where from, not about
        if m.type == "organization" and (
            _is_vendor(m, self.mentions) or _counted_maker(before, after)
        ):
            return "vendor"
        if cues.comparator_before.search(before) or cues.comparator_after.match(after):
            return "comparator"
        if j > 0 and self._listed_after_comparator(j):
            return "comparator"  # "优于其他模型(如Qwen3、DeepSeek-R1)": each one listed
        if _nickname(before, after):
            return "comparator"  # "被誉为“中国版英伟达”的摩尔线程": a likeness, not the topic
        if WORDS.cause_before.search(before):
            return "cause"  # "带动英伟达服务器出货，公告营收…": what drives, not who reports
        if last == "在" and WORDS.tested_on_after.match(after):
            return "benchmark"  # "在Arena-Hard上得分89.4": what is tested on, not who
        if last == "在" and j > 0 and WORDS.venue_after.match(after):
            return "venue"  # "OpenAI在微软Azure上的推理支出": where it runs, not whose
        if j > 0 and _GLOSS_OPEN.fullmatch(text, self.mentions[j - 1].end - self.start, rel_start):
            return "attribute"  # "Qwen3-Max-Thinking (通义千问,闭源)": a gloss on the name before
        if WORDS.member_of_after.match(after):
            return "attribute"  # "作为Qwen2.5系列中的指令微调版本": the family, not the model
        if WORDS.built_on_after.match(after) and not WORDS.example_before.search(before):
            return "attribute"  # "H20采用Hopper架构": what a product is built on, not the topic
        if _listed_with_others(before, after):
            return "member"  # "五源资本、红杉中国、腾讯等机构": one of a list, not the topic
        if j + 1 < len(self.mentions) and self._owns_next(j):
            return "owner"  # "背靠大疆的速腾聚创": whose the next name is, not the topic
        return "topic"

    def _owns_next(self, j: int) -> bool:
        """Whether mention ``j`` is followed, over 的 and a few words, by another name."""
        return WORDS.owner_of_next_name.fullmatch(self._gap_after(j)) is not None

    def _gap_after(self, j: int) -> str:
        """The text between mention ``j`` and the next one."""
        return self.text[
            self.mentions[j].end - self.start : self.mentions[j + 1].start - self.start
        ]


_GLOSS_OPEN = re.compile(r"\s*[(（]\s*")


def _nickname(before: str, after: str) -> bool:
    """A name in quotation marks that describes another: "被誉为“中国版X”的Y", "有「X」之称"."""
    return bool(WORDS.nickname_before.search(before) and WORDS.nickname_after.match(after))


def _listed_with_others(before: str, after: str) -> bool:
    """A name in an enumeration closed by 等: "A、B、C等知名机构"."""
    in_list = before.endswith("、") or after.startswith("、")
    return in_list and WORDS.enumeration_after.match(after) is not None


def analyse_sentence(
    text: str, start: int, paragraph: int, mentions: Sequence[Mention], cues: LinkCues
) -> SentenceView:
    """Give each mention of the sentence a role and find who the sentence cites (each
    worked out when first read)."""
    return SentenceView(text, start, paragraph, mentions, cues)


def _opening_pronoun(text: str, cues: LinkCues) -> str | None:
    """The pronoun the sentence opens with once its connectives are dropped."""
    if not cues.pronouns:
        return None
    opener = cues.openers.search(text)
    if opener is None:
        pos = 0
    elif opener.start() == 0:
        pos = opener.end()
    else:  # an unanchored opener pattern: drop it as ``sub(count=1)`` would
        text, pos = text[: opener.start()] + text[opener.end() :], 0
    found = cues.pronoun_start.match(text, pos)
    return found.group() if found else None


def _inner_pronoun(text: str, cues: LinkCues) -> str | None:
    """A demonstrative typed pronoun of three or more characters anywhere in the sentence
    ("这家公司", "该模型"), or any typed pronoun opening a later clause ("…时，公司才"): the
    sentence is about an entity of that type named earlier."""
    hint = cues.inner_pronoun_hint
    if hint is not None and hint.search(text):
        return next((p for p in cues.typed_pronouns if len(p) >= 3 and p in text), None)
    opening = cues.clause_pronoun.search(text) if cues.clause_pronoun else None
    return opening.group(1) if opening else None


def _in_investor_clause(text: str, s: int, e: int, cues: LinkCues) -> bool:
    """ "由阿里巴巴领投", "腾讯、红杉等机构参与", "幻方旗下的", "获阿里10亿美元投资": the
    mention invests or owns.

    Only the first 12 characters of the clause after the mention and the character before
    it count (由 is no clause separator, so it ends the clause part before the mention).
    """
    right = text[e : e + 12]
    sep = CLAUSE_SEP.search(right)  # the clause part: what ``split(maxsplit=1)[0]`` keeps
    if sep is not None:
        right = right[: sep.start()]
    if cues.investor.search(right) or (s > 0 and text[s - 1] == "由"):
        return True
    # "获由A集团和B集团的10亿元战略投资": every name of the 由 phrase of an investment;
    # "斩获阿里超10亿美元投资": the name a verb of receiving takes it from;
    # "通过A控股认购5000万美元": the vehicle an investor subscribes through
    through = WORDS.through_before.search(text, max(0, s - 4), s)
    if through is not None and WORDS.subscribes_after.match(text, e, e + 24):
        return True
    if WORDS.subscribes_through_after.match(text, e):
        return True  # "阿里巴巴(09988.HK)通过…认购": the investor behind the vehicle
    return bool(
        (
            WORDS.by_phrase_before.search(text, max(0, s - 12), s)
            or WORDS.received_from_before.search(text, max(0, s - 8), s)
        )
        and WORDS.investment_after.match(text, e, e + 24)
    )


def _counted_maker(before: str, after: str) -> bool:
    """ "2,016个辉达GPU": a firm named between a count and the part counted makes the
    parts; what the sentence is about is elsewhere."""
    return bool(WORDS.counted_before.search(before) and WORDS.counted_part_after.match(after))


def _is_vendor(m: Mention, mentions: Sequence[Mention]) -> bool:
    """ "Nvidia H800": an organization naming the maker of the chip right after it."""
    return m.type == "organization" and any(
        o.type == "chip" and 0 <= o.start - m.end <= 1 for o in mentions
    )


def _citation(before: str, after: str, m: Mention, cues: LinkCues) -> str | None:
    """ "source" when the sentence cites ``m`` for its figures (据X, X的报告显示), "speaker"
    when ``m`` only says something (X表示) and may still be the subject, else None."""
    if m.type not in _CITED_TYPES:
        return None
    if m.type == "organization" and WORDS.own_report_after.match(after):
        return "speaker"  # "据云从科技发布的2024年财报显示": a firm's own results are its figures
    lead = cues.attribution_lead.search(before)
    near = lead is not None and len(before) - lead.end() <= 6
    if near and not _CLAUSE_BREAK.search(before, lead.end()):  # type: ignore[union-attr]
        return "source"
    tail = cues.attribution_tail.match(after)
    if tail is None:
        return None
    return "source" if WORDS.report_word.search(tail.group()) else "speaker"
