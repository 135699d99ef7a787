"""Group subjects (CLAIMS.md: "三家云厂商合计" gets a group subject, not its last member).

A figure is a group's when
- it is summed over names listed together: "阿里/腾讯资本开支合计2600亿元";
- three or more names listed together lead its clause, with no word that hands the
  figure to each of them (各, 均, 分别): "亚马逊、谷歌、微软和Meta今年资本支出将达到…";
- a counted group noun stands before it ("这五家科技公司资本支出…", "五大科技公司…") and
  the article has listed that many names together earlier.
The group is named by its members' names in the order written: "Alibaba, Tencent".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from extractors.models import Quantity
from extractors.quantities.numerals import parse_numeral
from extractors.rule_words import WORDS
from extractors.subjects import Mention

_LIST_END = re.compile(r"[。；;！？!?]")  # where a sentence or a list clause ends
# A member's gloss in brackets, which the list goes on after: "Alphabet(谷歌母公司)、Meta"
# (a figure in brackets is an item's own: "豆包(1.7亿)、Kimi(3000万)").
_GLOSS = re.compile(r"\s*[(（][^()（）\d]{1,16}[)）]")
_REACH = 16  # characters from the word of summing or the group noun to the number
_LISTED_LEAD = 3  # names listed together that make a group without a word of summing
_EACH_REACH = 30  # characters from a list of names to the figure a word hands to each
_DESCRIBED_REACH = 40  # characters from a group named by description to its figure


def joined_runs(
    text: str, offset: int, mentions: Sequence[Mention], *, owners_between: bool = False
) -> list[list[Mention]]:
    """Runs of two or more mentions of ``text`` (starting at ``offset``) joined only by
    list marks or conjunctions, in order (``owners_between``: or by a mark and the next
    member's owner, "豆包、百度旗下的文心一言")."""
    runs: list[list[Mention]] = []
    run: list[Mention] = []
    for m in mentions:
        gloss = _GLOSS.match(text, run[-1].end - offset) if run else None
        if gloss is not None and m.end - offset <= gloss.end():
            continue  # "Alphabet(谷歌母公司)": a name in the gloss of a member is none
        gap = (
            text[(gloss.end() if gloss else run[-1].end - offset) : m.start - offset] if run else ""
        )
        joined = WORDS.joins_names.fullmatch(gap) or (
            owners_between and WORDS.joins_names_with_owner.fullmatch(gap)
        )
        if run and joined:
            run.append(m)
            continue
        if len(run) >= 2:
            runs.append(run)
        run = [m]
    if len(run) >= 2:
        runs.append(run)
    return runs


def group_mention(run: Sequence[Mention], text: str, offset: int) -> Mention | None:
    """One mention for a run of names: their names in order; None when they are fewer
    than two distinct ones or none is a name the gazetteer knows."""
    names = list(dict.fromkeys(m.name for m in run))
    if len(names) < 2 or all(m.how != "gazetteer" for m in run):
        return None
    first, last = run[0], run[-1]
    written = text[first.start - offset : last.end - offset]
    return Mention(first.start, last.end, written, ", ".join(names), "group", "group")


def summed_group(
    q: Quantity, text: str, offset: int, mentions: Sequence[Mention], types: frozenset[str]
) -> Mention | None:
    """The group of names a figure is summed over, or that lead its clause together."""
    if len(mentions) < 2:
        return None  # the usual case: no two names to list together
    rel = q.start - offset
    summed = WORDS.summed.search(text, max(0, rel - _REACH), max(0, rel))
    end = summed.start() + offset if summed else q.start
    if any(end < m.start < q.start for m in mentions):
        return None  # "A、B合计向C注资…": the figure goes to the name after the sum
    fitting = [m for m in mentions if m.type in types and m.end <= end]
    runs = joined_runs(text, offset, fitting)
    if runs and runs[-1][-1] is fitting[-1]:  # the run holds the last name before the figure
        run = runs[-1]
        between = text[run[-1].end - offset : end - offset]
        if summed is None and (len(run) < _LISTED_LEAD or not _one_clause(between)):
            return None
        if WORDS.each.search(between):
            return None  # "A与B各投入…": each one's figure
        return group_mention(run, text, offset)
    return None


def each_member(
    q: Quantity, text: str, offset: int, mentions: Sequence[Mention], types: frozenset[str]
) -> list[Mention]:
    """The names listed together right before a figure that a word hands to each of them
    ("A和B均接近0.12元", "A、B各投入300亿美元"): each one's own figure, the same for all.
    Empty when no such list leads the figure's clause (分别, one figure each, is
    :func:`respective_member`'s)."""
    fitting = [m for m in mentions if m.type in types and m.end <= q.start]
    runs = joined_runs(text, offset, fitting)
    if not runs or runs[-1][-1] is not fitting[-1]:
        return []
    run = runs[-1]
    between = text[run[-1].end - offset : q.start - offset]
    if len(between) > _EACH_REACH or not _one_clause(between):
        return []
    if WORDS.respectively.search(between) or not WORDS.each.search(between):
        return []
    return list({m.name: m for m in run}.values())


def described_group(q: Quantity, text: str, offset: int, written: str) -> Mention | None:
    """The group the sentence names by description shortly before the figure ("美国科技巨头
    的算力建设，正朝着10GW"), spelled as ``written`` (the sentence in the article's script)
    spells it; None when there is none."""
    rel = q.start - offset
    found = None
    for m in WORDS.described_group.finditer(text, max(0, rel - _DESCRIBED_REACH), rel):
        found = m
    if found is None:
        return None
    name = written[found.start() : found.end()]
    return Mention(found.start() + offset, found.end() + offset, name, name, "group", "described")


def counted_group(q: Quantity, text: str, offset: int) -> int | None:
    """How many firms a group noun right before the figure counts ("这五家公司…"), if any."""
    if "家" not in text and "大" not in text:
        return None  # every group noun counts with 家 or 大
    rel = q.start - offset
    found = None
    for m in WORDS.group_noun.finditer(text, max(0, rel - _REACH - 12), max(0, rel)):
        found = m
    between = text[found.end() : rel] if found else ""
    if found is None or not _one_clause(between) or WORDS.each.search(between):
        return None  # "两家公司的资本开支分别为…": each one's figure
    count = parse_numeral(found.group("n"))
    return int(count) if count else None


def listed_group(
    count: int, sentences: Iterable[tuple[str, int, Sequence[Mention]]]
) -> Mention | None:
    """The latest run of exactly ``count`` names listed together in ``sentences`` (text,
    offset, mentions; latest first)."""
    for text, offset, mentions in sentences:
        for run in reversed(joined_runs(text, offset, mentions)):
            if len({m.name for m in run}) == count:
                return group_mention(run, text, offset)
    return None


def _one_clause(between: str) -> bool:
    """No sentence or list ends in ``between``, and one comma at most."""
    return not _LIST_END.search(between) and between.count("，") + between.count(",") <= 1


def may_be_respective(text: str) -> bool:
    """Whether ``text`` says 分别 at all (:func:`respective_member` has work to do)."""
    return "分别" in text or "分別" in text


def respective_member(
    q: Quantity,
    text: str,
    offset: int,
    mentions: Sequence[Mention],
    quantities: Sequence[Quantity],
    types: frozenset[str],
) -> Mention | None:
    """The member a figure belongs to in "A和B的资本开支分别为850亿美元和800亿美元": the
    k-th figure after 分别 is the k-th name listed before it (when they are as many)."""
    rel = q.start - offset
    marks = list(WORDS.respectively.finditer(text, 0, max(0, rel)))
    if not marks:
        return None
    mark = marks[-1].start() + offset
    fitting = [
        m
        for m in mentions
        if m.type in types and m.end <= mark and not WORDS.owner_of_next.match(text, m.end - offset)
    ]
    runs = joined_runs(text, offset, fitting, owners_between=True)
    if not runs or runs[-1][-1] is not fitting[-1]:
        return None
    run = runs[-1]
    stop = _LIST_END.search(text, rel)
    end = stop.start() + offset if stop else offset + len(text)
    listed = [x for x in quantities if mark < x.start < end and x.unit == q.unit]
    if len(listed) != len(run) or q not in listed:
        return None
    return run[listed.index(q)]
