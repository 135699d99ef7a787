"""Which metric a quantity measures: cue words near it (data/metric_cues.toml) and its unit."""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from extractors.metric_table import metric_table
from extractors.models import Quantity
from extractors.quantities.quantity_model import is_currency
from extractors.rule_words import WORDS

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
CLAUSE_BREAK = re.compile(r"[，,；;：:（）()]")
CLAUSE_PENALTY = 12
_PRICE = re.compile(r"[A-Z]{3}/Mtok")
_PER_SECOND = {"GB": ("memory_bandwidth", "GB/s"), "tokens": ("throughput", "tokens/s")}


@dataclass(frozen=True)
class Cue:
    pattern: re.Pattern[str]
    metric: str
    units: frozenset[str]
    unit: str | None = None
    side: str = "any"
    window: int = 30
    bonus: int = 0
    requires: re.Pattern[str] | None = None


class MetricChoice(NamedTuple):
    """A metric and unit for a number, the cue text that gave it and its distance score.

    A named tuple (immutable, and cheaper to make than a frozen dataclass)."""

    metric: str
    unit: str
    cue: str | None
    score: float


CueMatch = tuple[int, int, str]


@dataclass
class MetricCues:
    cues: list[Cue]
    subjects: dict[str, frozenset[str]]
    unit_default: dict[str, str]
    ranges: dict[str, tuple[float, float]] = field(default_factory=dict)
    """metric -> (lowest, highest) value a claim of it can take."""
    by_size: frozenset[str] = frozenset()
    """The metrics recorded by their size (a loss written with a minus sign)."""
    # Cues per unit category, filled on first use (the same for every caller: no lock needed).
    _by_category: dict[str, list[Cue]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def subject_types(self, metric: str) -> frozenset[str]:
        return self.subjects.get(metric, frozenset())

    def plausible(self, metric: str, value: float) -> bool:
        """Whether ``value`` (in the metric's base unit) can be a claim of ``metric`` (by
        its size, for a metric recorded so)."""
        low, high = self.ranges.get(metric, (-math.inf, math.inf))
        return low <= (abs(value) if metric in self.by_size else value) <= high

    def accepting(self, category: str) -> list[Cue]:
        """The cues that apply to a unit category, in file order."""
        found = self._by_category.get(category)
        if found is None:
            found = [cue for cue in self.cues if _accepts(cue, category)]
            self._by_category[category] = found
        return found


class CueHits:
    """The cue matches of one sentence, searched once and shared by all its numbers."""

    __slots__ = ("_by_category", "sentence")

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self._by_category: dict[str, list[tuple[Cue, list[CueMatch]]]] = {}

    def found(self, cues: MetricCues, category: str) -> list[tuple[Cue, list[CueMatch]]]:
        """The cues for a unit category that occur in the sentence (with what they
        require), in file order, each with its matches as (start, end, text)."""
        found = self._by_category.get(category)
        if found is None:
            found = _search(cues.accepting(category), self.sentence)
            self._by_category[category] = found
        return found


def _search(cues: Sequence[Cue], sentence: str) -> list[tuple[Cue, list[CueMatch]]]:
    """The cues that match the sentence (and find what they require in it), each with its
    matches as (start, end, text)."""
    found = []
    for cue in cues:
        if cue.requires is not None and not cue.requires.search(sentence):
            continue
        matches = [(m.start(), m.end(), m.group()) for m in cue.pattern.finditer(sentence)]
        if matches:
            found.append((cue, matches))
    return found


def load_metric_cues(path: Path | None = None) -> MetricCues:
    data = tomllib.loads((path or DATA_DIR / "metric_cues.toml").read_text(encoding="utf-8"))
    cues = [
        Cue(
            pattern=re.compile(c["pattern"]),
            metric=c["metric"],
            units=frozenset(c["units"]),
            unit=c.get("unit"),
            side=c.get("side", "any"),
            window=int(c.get("window", 30)),
            bonus=int(c.get("bonus", 0)),
            requires=re.compile(c["requires"]) if c.get("requires") else None,
        )
        for c in data.get("cue", [])
    ]
    table = metric_table()
    subjects = {m: frozenset(spec.subjects) for m, spec in table.metrics.items() if spec.subjects}
    ranges = {m: (spec.min, spec.max) for m, spec in table.metrics.items()}
    by_size = frozenset(m for m, spec in table.metrics.items() if spec.by_size)
    return MetricCues(cues, subjects, dict(data.get("unit_default", {})), ranges, by_size)


def unit_category(q: Quantity, after: str = "", before: str = "") -> str:
    """The cue-file category of a quantity's unit; a currency amount next to a
    per-million-tokens phrase is a price."""
    if q.unit is None:
        return "none"
    if _PRICE.fullmatch(q.unit):
        return "price"
    if is_currency(q.unit):
        per_mtok = (
            WORDS.per_mtok_after.match(after)
            or WORDS.per_mtok_before.search(before)
            or (WORDS.per_million_before.search(before) and WORDS.token_word.search(before))
        )
        return "price" if per_mtok else "currency"
    return q.unit


def choose_metric(
    q: Quantity,
    sentence: str,
    offset: int,
    cues: MetricCues,
    *,
    chip_after: bool = False,
    hits: CueHits | None = None,
) -> MetricChoice | None:
    """The metric of ``q`` inside ``sentence`` (which starts at text offset ``offset``).

    ``chip_after``: a chip name follows the number closely (makes a count a GPU count;
    only read for counts and bare numbers).
    ``hits``: cue matches of this sentence kept from an earlier number of it.
    """
    qs, qe = q.start - offset, q.end - offset
    category = unit_category(q, sentence[qe : qe + 40], sentence[max(0, qs - 40) : qs])
    if category in _PER_SECOND and WORDS.per_second_before.search(sentence[max(0, qs - 12) : qs]):
        # "每秒8TB", "每秒可处理近200万个词元": a size or a token count per second
        return MetricChoice(*_PER_SECOND[category], "每秒", 0.0)
    unit = q.unit or ""
    if category == "price" and q.unit and "/" not in q.unit:
        unit = f"{q.unit}/Mtok"
    small = category in ("count", "none")
    if small and WORDS.layers_after.match(sentence, qe):
        return None  # "12层堆叠HBM3E": a count of layers is a part's make, no claim
    counts_kinds = WORDS.kind_classifier_before.search(sentence, qs, qe) is not None
    if category == "none" and _glued_between_words(sentence, qs, qe):
        return None  # "征程6芯片", "麒麟9000芯片": a number inside a chip's name
    cards = q.text.endswith("卡")  # "支持15488卡", "万卡": accelerator cards counted
    gpus = cards or _gpu_follows(sentence[qe : qe + 40], category, chip_after)
    if small and not counts_kinds and gpus:
        if _dies_of_a_package(sentence, qs, qe):
            return None  # "中介层总共包括28个芯片", "2个计算芯片": a package's dies, no GPUs
        made = WORDS.made_before.search(sentence, max(0, qs - _MADE_REACH), qs)
        if made is not None:  # "预计将生产出65.3万颗…芯片": chips made, not chips used
            return MetricChoice("chip_output", "count", made.group(), 0.0)
        return MetricChoice("gpu_count", "count", "GPU", 0.0)
    best_score, best_cue, best_text = _nearest_cue(q, sentence, qs, qe, cues, hits, category)
    if best_cue is not None:
        if best_cue.metric == "drop":
            return None
        if small and q.value < 1000 and best_score > 2:
            return None  # a small bare number needs its cue right beside it
        return MetricChoice(best_cue.metric, best_cue.unit or unit, best_text, best_score)
    default = cues.unit_default.get(category)
    if default is not None:
        return MetricChoice(default, unit, None, 99.0)
    return None


def dropped(
    q: Quantity, sentence: str, offset: int, cues: MetricCues, hits: CueHits | None = None
) -> bool:
    """Whether the cue nearest to ``q`` says it is no claim ("其中30亿元用于…"), as
    :func:`choose_metric` reads it."""
    qs, qe = q.start - offset, q.end - offset
    category = unit_category(q, sentence[qe : qe + 40], sentence[max(0, qs - 40) : qs])
    cue = _nearest_cue(q, sentence, qs, qe, cues, hits, category)[1]
    return cue is not None and cue.metric == "drop"


def _nearest_cue(
    q: Quantity,
    sentence: str,
    qs: int,
    qe: int,
    cues: MetricCues,
    hits: CueHits | None,
    category: str,
) -> tuple[float, Cue | None, str]:
    """:func:`_nearest` among the cues of ``category`` that may measure ``q``."""
    if hits is None or hits.sentence != sentence:
        hits = CueHits(sentence)
    found = [(c, m) for c, m in hits.found(cues, category) if cues.plausible(c.metric, q.value)]
    items = (
        listed_items(sentence, qs, qe)
        or respectively_items(sentence, qs, qe)
        or figure_run(sentence, qs, qe)
    )
    return _nearest(found, sentence, qs, qe, items)


# "得分分别为86.7、55.0和77.3": figures given in turn after 分别为, each read from the word
# before 分别 as the first of them would be.
_RESPECTIVELY_REACH = 40


def _in_turn_opening(sentence: str, qs: int) -> re.Match[str] | None:
    """The last 分别(为) before ``qs`` that only figures separate from it."""
    found = None
    for m in WORDS.in_turn_before.finditer(sentence, max(0, qs - _RESPECTIVELY_REACH), qs):
        if WORDS.figures_in_turn.fullmatch(sentence, m.end(), qs):
            found = m
    return found


def _in_turn_run(sentence: str, qs: int) -> tuple[re.Match[str], int] | None:
    """The 分别 opening the figures given in turn that hold ``qs``, and where their run
    ends; None when ``qs`` is no such figure."""
    opening = _in_turn_opening(sentence, qs)
    if opening is None:
        return None
    return opening, WORDS.figures_in_turn.match(sentence, opening.end()).end()


def respectively_items(sentence: str, qs: int, qe: int) -> tuple[int, int] | None:
    """Where a list of figures given after 分别 begins (at 分别) and ends, when
    ``sentence[qs:qe]`` is one of them ("分别拥有0.16%及0.20%的市场份额": the cue after the
    list is each figure's); None otherwise."""
    run = _in_turn_run(sentence, qs)
    if run is None:
        return None
    opening, end = run
    return opening.start(), max(qe, len(sentence[:end].rstrip(_LIST_TAIL)))


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
# The end of a figure (its magnitude and unit, a few characters) and a list mark, with
# nothing else before the next figure: "18.94亿元、17.03亿元和16.18亿元".
_RUN_JOINT = re.compile(r"[^\d、，,。；;：:()（）]{0,5}?\s*(?:、|和|及|与|以及)\s*")


def figure_run(sentence: str, qs: int, qe: int) -> tuple[int, int] | None:
    """Where the run of figures that ``sentence[qs:qe]`` is one of begins and ends, the
    figures joined by list marks alone ("分别净亏损18.94亿元、17.03亿元和16.18亿元"): a word
    before or after the run measures each of them. None when the figure stands alone."""
    start, end = qs, qe
    while True:  # back over the figures before
        joint = _run_joint_before(sentence, start)
        if joint is None:
            break
        start = joint
    at = qe
    while (joint := _RUN_JOINT.match(sentence, at)) is not None:
        figure = _FIGURE.match(sentence, joint.end())
        if figure is None:
            break
        end = at = figure.end()
    return None if (start, end) == (qs, qe) else (start, end)


def _run_joint_before(sentence: str, start: int) -> int | None:
    """The start of the figure joined to the one at ``start`` by a list mark, if any."""
    for m in _FIGURE.finditer(sentence, max(0, start - 24), start):
        if _RUN_JOINT.fullmatch(sentence, m.end(), start):
            return m.start()
    return None


_LIST_TAIL = " ,、和及与"  # what may follow a list's last figure inside the run


def respectively_place(sentence: str, qs: int, qe: int) -> tuple[int, int] | None:
    """Which of the figures given after 分别 ``sentence[qs:qe]`` is, and how many there are
    (index, count); None when it is no such figure."""
    run = _in_turn_run(sentence, qs)
    if run is None:
        return None
    opening, end = run
    starts = [m.start() for m in _FIGURE.finditer(sentence, opening.end(), end)]
    return (starts.index(qs), len(starts)) if qs in starts else None


def _nearest(
    found: list[tuple[Cue, list[CueMatch]]],
    sentence: str,
    qs: int,
    qe: int,
    items: tuple[int, int] | None = None,
) -> tuple[float, Cue | None, str]:
    """The score, cue and text of the first match nearest to ``sentence[qs:qe]``
    (``(0.0, None, "")`` when none is in reach).

    A match's score is its gap to the number (on the cue's side, within its window), plus
    a penalty for each clause break between them (a cue read before the number takes
    none), less the cue's bonus; a cue overlapping the number scores minus its bonus.
    ``items``: the span of the list the number is an item of (:func:`listed_items`); a cue
    outside it is measured from the list's edge, as it is for the list's nearest item.
    The hot loop of claim building: the gap is checked before clause breaks are counted.
    """
    list_start, list_end = items or (qs, qe)
    # "1500亿美元(约合10700亿元人民币)估值": a cue past the figure's conversion is read
    # from the conversion's end
    converted = WORDS.conversion_after.match(sentence, list_end)
    converted_end = converted.end() if converted is not None else len(sentence) + 1
    best_score: float = 0.0
    best_cue: Cue | None = None
    best_text = ""
    for cue, matches in found:
        side, window, bonus = cue.side, cue.window, cue.bonus
        for cs, ce, cue_text in matches:
            if cs >= qe:
                at = converted_end if cs >= converted_end else list_end if cs >= list_end else qe
                if side == "before" or cs - at > window:
                    continue
                if cs > at and sentence[cs - 1] in _MAGNITUDES:
                    continue  # "1万亿参数及32亿激活参数": the cue is the number after's
                if _after_another_figure(sentence, at, cs):
                    # "38.99亿元，29亿元的理财额度", "从355 B中使用32 B活跃参数": a word after
                    # another figure is that nearer figure's
                    continue
                breaks = _clause_breaks(sentence, at, cs)
                score = cs - at + CLAUSE_PENALTY * breaks - bonus
            elif ce <= qs:
                at = list_start if ce <= list_start else qs
                if side != "after" and WORDS.topic_frame.match(sentence, ce):
                    # "在毛利率方面，MiniMax…分别是-24.7%、12.2%": the sentence's topic, as near
                    # as a word one clause before the figure
                    score = CLAUSE_PENALTY - bonus
                elif side != "after" and WORDS.growth_then_level.fullmatch(sentence, ce, at):
                    # "MAU环比增长4408.66%，达到296万": the level the growth reached
                    score = 1 - bonus
                else:
                    if side == "after" or at - ce > window:
                        continue
                    if cs > 0 and sentence[cs - 1] in _MAGNITUDES:
                        continue  # "1.59亿月活用户和3447万…": the cue is the number before's
                    if WORDS.counted_before_cue.search(sentence, max(0, cs - 2), cs):
                        continue  # "2000万次下载和10万个衍生模型": 下载 counts the number before
                    breaks = _clause_breaks(sentence, ce, at)
                    if side == "before" and breaks:
                        continue
                    gap = 1 if _FROM_WHEN.fullmatch(sentence, ce, at) else at - ce
                    score = gap + CLAUSE_PENALTY * breaks - bonus
            else:  # the cue overlaps the quantity text (e.g. a unit word inside it)
                score = -float(bonus)
            if best_cue is None or score < best_score:
                if cue.metric == "drop" and _measuring_cue_between(found, sentence, cs, ce, qs, qe):
                    continue  # "股价再创新高、市值突破4万亿美元": 市值 is the figure's word
                best_score, best_cue, best_text = score, cue, cue_text
    return best_score, best_cue, best_text


def _measuring_cue_between(
    found: list[tuple[Cue, list[CueMatch]]], sentence: str, cs: int, ce: int, qs: int, qe: int
) -> bool:
    """Whether a cue of a metric (not a "drop") stands between a cue at ``cs:ce`` and the
    number at ``qs:qe``, in a phrase of its own: a word that makes a figure no claim
    reaches it only when no word naming what the figure measures stands nearer, after a
    break ("股价再创新高、市值突破4万亿美元"; in "每股盈余" or "Infinity Fabric总线带宽"
    the drop word qualifies the other)."""
    before = ce <= qs  # the drop word stands before the number, else after it
    low, high = (ce, qs) if before else (qe, cs)
    for cue, matches in found:
        if cue.metric == "drop":
            continue
        for ds, de, _ in matches:
            gap = (ce, ds) if before else (de, cs)  # between the drop word and the other
            if low <= ds and de <= high and _PHRASE_BREAK.search(sentence, *gap):
                return True
    return False


_PHRASE_BREAK = re.compile(r"[，,；;、：:]")


# One item of a list that gives each name its figure in brackets: "夸克(1.47亿)",
# "DeepSeek（8156万）"; items are joined by 、 or a word for "and".
_JOINER = r"\s*(?:、|和|及|与|以及)\s*"
_ITEM_BEFORE = re.compile(
    r"[（(]([^()（）、，,。；;]{1,20})[)）]"
    + _JOINER
    + r"(?![和及与])[^、，,。；;：:()（）\s]{1,20}\s*[（(]$"
)
_ITEM_AFTER = re.compile(
    _JOINER + r"(?![和及与])[^、，,。；;：:()（）\s]{1,20}\s*[（(]([^()（）、，,。；;]{1,20})[)）]"
)
_OPEN_BEFORE = re.compile(r"[^、，,。；;：:()（）\s]\s*[（(][^()（）]{0,4}$")
_CLOSE_AFTER = re.compile(r"[^()（）]{0,6}[)）]")


def listed_items(sentence: str, qs: int, qe: int) -> tuple[int, int] | None:
    """Where the list of "name(figure)" items that ``sentence[qs:qe]`` is a figure of
    begins and ends: from the first item's figure to the last one's ("包括豆包(1.63亿)、
    夸克(1.47亿)和DeepSeek(1.31亿)"); None when the figure is no such item or its list
    has no other.  A word before or after the list says what every figure of it
    measures, as it would for the list's first or last figure alone."""
    if not _OPEN_BEFORE.search(sentence, max(0, qs - 6), qs):
        return None
    close = _CLOSE_AFTER.match(sentence, qe)
    if close is None:
        return None
    start, end = qs, qe
    opening = sentence.rfind("(", 0, qs), sentence.rfind("（", 0, qs)
    at = max(opening)
    while (before := _ITEM_BEFORE.search(sentence, max(0, at - 64), at + 1)) is not None:
        start, at = before.start(1), before.start()
    at = close.end()
    while (after := _ITEM_AFTER.match(sentence, at)) is not None:
        end, at = after.end(1), after.end()
    return None if (start, end) == (qs, qe) else (start, end)


# Words that set two figures against each other, or make them the two ends of a change,
# under one word after them ("1.55亿 VS 8156万(周活)", "从3亿到40亿美元的估值"; 至 is left
# out: "上调营收预估4%至198.4亿元，毛利率…" pairs a change with a level).
_PAIRED = re.compile(r"\s*(?:VS|vs|Vs|v\.s\.|对比|比|到)\s*")


def _after_another_figure(sentence: str, qe: int, cs: int) -> bool:
    """Whether another figure stands between a number (ending at ``qe``) and a word after
    it (at ``cs``), other than one it is paired with."""
    digit = _DIGIT.search(sentence, qe, cs)
    return digit is not None and not _PAIRED.fullmatch(sentence, qe, digit.start())


# A short gloss in brackets ("每股盈余(EPS)为", "年度经常性营收 (ARR) 突破"): no clause break.
_GLOSS = re.compile(r"[（(][^（）()，,；;：:]{1,12}[)）]")


def _clause_breaks(sentence: str, start: int, end: int) -> int:
    """The clause breaks between ``start`` and ``end``, bracketed glosses left out, and the
    bracket closing a gloss the gap starts in ("参数规模(激活) 47B": 激活 qualifies the
    figure after it)."""
    gap = sentence[start:end]
    if "(" in gap or "（" in gap:
        gap = _GLOSS.sub("", gap)
    if gap[:1] in _CLOSING and _OPENING.search(sentence, max(0, start - 12), start):
        gap = gap[1:]
    return len(CLAUSE_BREAK.findall(gap))


_CLOSING = frozenset(")）")
_OPENING = re.compile(r"[(（][^()（）]*$")


# The start of a change, between a cue and the first figure: "用户数从6月的300万(增至…)".
_FROM_WHEN = re.compile(
    r"从(?:\d{2,4}年|今年|去年|前年)?"
    r"(?:\d{1,2}月份?|[一二三四1-4]季度|[上下]半年|年初|年底|年末|月初|月底)?的?\s*"
)

_MADE_REACH = 8


def _dies_of_a_package(sentence: str, qs: int, qe: int) -> bool:
    return bool(WORDS.die_after.match(sentence, qe) or WORDS.package_word.search(sentence, 0, qs))


# The last character of a number written with its magnitude: a cue right after one
# describes that number, not the next.
_MAGNITUDES = frozenset("万亿兆萬億")
_DIGIT = re.compile(r"\d")


def _glued_between_words(sentence: str, qs: int, qe: int) -> bool:
    """A bare number with a Chinese character right before it and a chip word right after
    it (no classifier between): part of a name."""
    return (
        qs > 0
        and _CJK_CHAR.match(sentence, qs - 1) is not None
        and WORDS.chip_word_after.match(sentence, qe) is not None
    )


_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")


def _gpu_follows(after: str, category: str, chip_after: bool) -> bool:
    """A GPU word (or a chip name) follows a count, and no memory word: a GPU count."""
    gpu = bool(WORDS.gpu_after.match(after)) or (
        chip_after and (category == "count" or bool(WORDS.counted_by_piece.match(after)))
    )
    return gpu and not WORDS.memory_after.match(after)


def _accepts(cue: Cue, category: str) -> bool:
    return category in cue.units
