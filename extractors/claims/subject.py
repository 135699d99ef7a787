"""The subject of a figure: named in its sentence, carried from earlier ones, or after it."""

from __future__ import annotations

import re
from typing import NamedTuple

from extractors.claims.roles import SentenceView
from extractors.metric_table import metric_table
from extractors.models import Quantity
from extractors.punctuation import CLAUSE_END
from extractors.rule_words import WORDS
from extractors.subjects import Mention

_CHIP_OPENER = re.compile(r"[\s\d年月日，,]*")


def sentence_topic(view: SentenceView) -> Mention | None:
    """The entity a sentence is about: its first topic mention (a chip only as its opener)."""
    for j, m in enumerate(view.mentions):  # roles asked only of mentions that may be it
        if m.type == "benchmark" or view.role_of(j) != "topic":
            continue
        if m.type == "chip":
            rel = m.start - view.start
            opener = view.text[:rel].strip(" ，,、例如而")
            after = view.text[m.end - view.start :]
            if opener and not WORDS.chip_topic_after.match(after):
                continue
            if opener and not _CHIP_OPENER.fullmatch(opener):
                continue
        return m
    return None


class SubjectChoice(NamedTuple):
    mention: Mention
    how: str  # possessive / explicit / carried


RELATIVE_METRICS = metric_table().names_where("relative")


def choose_subject(
    q: Quantity,
    view: SentenceView,
    types: frozenset[str],
    carried: Mention | None,
    metric: str = "",
) -> SubjectChoice | None:
    """The subject of ``q``: "X的<number>", else the nearest preceding topic mention of a
    type the metric allows, else the carried topic (pronoun or bare follow-on sentence).

    For relative figures "X的5%" names the comparator X, so the possessive rule is skipped.
    """
    return named_subject(q, view, types, metric) or carried_subject(view, types, carried)


def named_subject(
    q: Quantity, view: SentenceView, types: frozenset[str], metric: str = ""
) -> SubjectChoice | None:
    """The subject of ``q`` among the mentions of its sentence (the carried topic aside):
    what :func:`choose_subject` gives whatever is carried, when it gives a mention of the
    sentence."""
    text, offset, mentions, start = view.text, view.start, view.mentions, q.start
    if metric not in RELATIVE_METRICS:
        head = strip_qualifiers(text[: start - offset])  # "X的参数约为": "X的"
        worded = _OWNED_WORD.search(head)  # "相比GPT-5的输入1.25美元": GPT-5's price
        if worded is not None:
            head = head[: worded.start() + 1]
        if head.endswith("的"):
            mark = len(head) - 1
            kind = WORDS.kind_word_before.search(head, max(0, mark - 4), mark)
            owner = kind.start() if kind else mark  # "Hopper架构的130万颗": Hopper's
            for j, m in enumerate(mentions):
                if m.type in types and m.end - offset in (mark, owner):
                    if view.role_of(j) == "investor":
                        break  # "由A集团的10亿元投资": the investor's money goes to another
                    return SubjectChoice(m, "possessive")
    described = _described_after(q, view, types) or _bracketed_after(q, view, types)
    if described is not None:
        return SubjectChoice(described, "possessive")
    for j in range(len(mentions) - 1, -1, -1):  # the last preceding topic
        m = mentions[j]
        if m.end <= start and m.type in types and view.role_of(j) == "topic":
            if start - m.end > _NAME_REACH:
                break
            return SubjectChoice(m, "explicit")
    used = _used_product(q, view, types) if metric == "user_count" else None
    if used is not None:
        return SubjectChoice(used, "explicit")
    return None


_GLOSS_AFTER = re.compile(r"\s*[(（][^()（）]{1,12}[)）]")
# 的, then a short word of what is measured, then the figure: "X的输入1.25美元", "X的营收为".
_OWNED_WORD = re.compile(r"的[\u4e00-\u9fff]{1,4}?(?:为|达|是)?\s?$")

# After a number, a few words and 的 before a name, maybe after the word for what it is:
# "4050亿参数规模的Llama3.1-405B", "参数规模高达7180亿的全新模型盘古 Ultra MoE"; or the
# word for a model right after the number: "开源 32B 参数模型 KAT-Dev-32B".
_DESCRIBES = re.compile(
    r"[^，,。；;、的\s]{0,6}的\s?(?:[\u4e00-\u9fff]{0,3}?(?:大模型|模型|芯片|产品|公司|平台)\s?)?"
    r"|\s?(?:大模型|模型)\s?"
)


def _described_after(q: Quantity, view: SentenceView, types: frozenset[str]) -> Mention | None:
    """The name a number describes when the number comes first ("80亿参数的Llama3.1-8B")."""
    rel = q.end - view.start
    gloss = _GLOSS_AFTER.match(view.text, rel)  # "63亿元(人民币,下同)的壁仞科技"
    if gloss is not None:
        rel = gloss.end()
    if rel < 0 or ("的" not in view.text[rel : rel + 8] and "模型" not in view.text[rel : rel + 4]):
        return None
    described = _DESCRIBES.match(view.text, rel)
    if described is None:
        return None
    at = described.end() + view.start
    return next((m for m in view.mentions if m.start == at and m.type in types), None)


_OPEN_BRACKET = re.compile(r"[(（][ ]?$")


def _bracketed_after(q: Quantity, view: SentenceView, types: frozenset[str]) -> Mention | None:
    """The name a bracketed figure follows: "SK海力士(62%)", "豆包(1.63亿)"."""
    rel = q.start - view.start
    opened = _OPEN_BRACKET.search(view.text, max(0, rel - 2), rel)
    if opened is None:
        return None
    at = opened.start() + view.start
    return next((m for m in view.mentions if m.end == at and m.type in types), None)


def following_subject(
    q: Quantity, view: SentenceView, types: frozenset[str]
) -> SubjectChoice | None:
    """The first actor named after the number in its sentence, when none is named before
    it: "凭借1.2万亿参数，某模型在…", "超过900万家企业付费使用ChatGPT"."""
    for j, m in enumerate(view.mentions):
        near = q.end <= m.start <= q.end + _FOLLOWING_REACH
        if near and m.type in types and view.role_of(j) == "topic":
            if _has_own_figure(view, m):
                return None  # "…达到61.4%，四个月前Sonnet 4仅为42.2%": its own figure
            return SubjectChoice(m, "explicit")
    return None


_DIGIT_CHAR = re.compile(r"\d")


def _has_own_figure(view: SentenceView, m: Mention) -> bool:
    """Whether a figure follows ``m`` in its own clause (a clause about it, not the
    figure before it)."""
    rel = m.end - view.start
    stop = CLAUSE_END.search(view.text, rel)
    return _DIGIT_CHAR.search(view.text, rel, stop.start() if stop else len(view.text)) is not None


_FOLLOWING_REACH = 16  # characters from the number to the name
# A name further back than this in one sentence (a table flattened into a run of cells, a
# long list) is no longer what a figure is about: the carried topic is.
_NAME_REACH = 100


def carried_subject(
    view: SentenceView, types: frozenset[str], carried: Mention | None
) -> SubjectChoice | None:
    """The carried topic as subject, when its type fits the metric and the pronoun."""
    if carried is None or carried.type not in types:
        return None
    if view.pronoun_type is None or pronoun_fits(view.pronoun_type, carried):
        return SubjectChoice(carried, "carried")
    return None


def pronoun_fits(kind: str, mention: Mention) -> bool:
    """Whether a pronoun of ``kind`` may stand for ``mention``: one of its type, or for a
    product (a supercomputer, a data centre), a name whose type only its shape suggested
    ("Taiwania2" looks like a model's name)."""
    if mention.type == kind:
        return True
    return kind == "product" and mention.type == "model" and mention.how == "shape"


def strip_qualifiers(prefix: str) -> str:
    """``prefix`` without the qualifier words and whitespace it ends with ("的约为 " -> "的")."""
    return prefix[: WORDS.qualifier_tail.search(prefix).start()]  # type: ignore[union-attr]


def _used_product(q: Quantity, view: SentenceView, types: frozenset[str]) -> Mention | None:
    """ "5亿人使用ChatGPT": the product named right after the use verb has the users."""
    for m in view.mentions:
        if m.type in types and m.start >= q.end:
            between = view.text[q.end - view.start : m.start - view.start]
            return m if WORDS.use_verb.match(between) else None
    return None
