"""Which metric a quantity measures: cue words near it (data/metric_cues.toml) and its unit."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from extractors.claim_first_chars import FirstCharIndex, char_class, first_chars
from extractors.models import Quantity

DATA_DIR = Path(__file__).resolve().parent / "data"
CLAUSE_BREAK = re.compile(r"[，,；;：:（）()]")
CLAUSE_PENALTY = 12
_CURRENCY = re.compile(r"[A-Z]{3}")
_PRICE = re.compile(r"[A-Z]{3}/Mtok")
# Quantities followed by a per-million-tokens phrase are prices.
# "每百万输入tokens收费0.1元（缓存命中）或1元": the per-Mtok phrase may lead several amounts.
_PER_MTOK_BEFORE = re.compile(
    r"每\s*(?:百万|1[Mm]|100万)\s*(?:个)?\s*(?:输入|输出)?\s*(?:tokens?|词元|Tokens?)"
    r"[^。；;]{0,22}$"
)
# "每秒8TB": a size per second is a bandwidth.
_PER_SECOND_BEFORE = re.compile(r"每秒\s*(?:达到?|为|约|高达|超过)?\s*$")
_PER_MTOK = re.compile(
    r"^\s*(?:/|每)\s*(?:百万|1[Mm]|[Mm]illion|100万)\s*(?:个)?\s*(?:tokens?|词元|Tokens?)"
)
# A GPU word after a count (possibly with a vendor/chip name between) makes it a GPU count.
_GPU_AFTER = re.compile(
    r"^\s*(?:个|块|张|颗|枚|台|片|张卡|块卡)?\s*"
    r"(?:(?:英伟达|NVIDIA|Nvidia|AMD|华为)\s*)?"
    r"(?:(?:(?!的)[A-Za-z0-9\u4e00-\u9fff]){0,12}?\s*)"
    r"(?:GPU|显卡|加速卡|AI芯片|计算卡|芯片|卡)"
)
_GPU_COUNT_CLASSIFIER = re.compile(r"^\s*(?:个|块|张|颗|枚|台|片)")
_MEMORY_AFTER = re.compile(r"^\s*(?:个|块|张|颗|枚|台|片)?\s*(?:HBM|显存|内存)")


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


@dataclass(frozen=True)
class MetricChoice:
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
    # Cues per unit category, filled on first use (the same for every caller: no lock needed).
    _by_category: dict[str, FirstCharIndex[Cue]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _first: list[frozenset[str] | None] = field(init=False, repr=False, compare=False)
    _triggers: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._first = [first_chars(cue.pattern) for cue in self.cues]
        known = [chars for chars in self._first if chars]
        self._triggers = char_class(frozenset().union(*known)) if known else None

    def subject_types(self, metric: str) -> frozenset[str]:
        return self.subjects.get(metric, frozenset())

    def accepting(self, category: str) -> FirstCharIndex[Cue]:
        """The cues that apply to a unit category, in file order."""
        found = self._by_category.get(category)
        if found is None:
            pairs = [
                (cue, first)
                for cue, first in zip(self.cues, self._first, strict=True)
                if _accepts(cue, category)
            ]
            found = FirstCharIndex([c for c, _ in pairs], [f for _, f in pairs])
            self._by_category[category] = found
        return found

    def first_chars_in(self, sentence: str) -> frozenset[str]:
        """Which characters that cue matches start with occur in the sentence."""
        if self._triggers is None:
            return frozenset()
        return frozenset(self._triggers.findall(sentence))


class CueHits:
    """The cue matches of one sentence, searched once and shared by all its numbers."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence
        self._by_category: dict[str, list[tuple[Cue, list[CueMatch]]]] = {}
        self._present: frozenset[str] | None = None

    def found(self, cues: MetricCues, category: str) -> list[tuple[Cue, list[CueMatch]]]:
        """The cues for a unit category that occur in the sentence (with what they
        require), in file order, each with its matches as (start, end, text)."""
        found = self._by_category.get(category)
        if found is None:
            if self._present is None:
                self._present = cues.first_chars_in(self.sentence)
            candidates = cues.accepting(category).candidates(self._present)
            found = _search(candidates, self.sentence)
            self._by_category[category] = found
        return found


def _search(cues: list[Cue], sentence: str) -> list[tuple[Cue, list[CueMatch]]]:
    """The cues that match the sentence (and find what they require in it)."""
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
    subjects = {m: frozenset(v["subjects"]) for m, v in data.get("metric", {}).items()}
    return MetricCues(cues, subjects, dict(data.get("unit_default", {})))


def unit_category(q: Quantity, after: str = "", before: str = "") -> str:
    """The cue-file category of a quantity's unit."""
    if q.unit is None:
        return "none"
    if _PRICE.fullmatch(q.unit):
        return "price"
    if _CURRENCY.fullmatch(q.unit):
        per_mtok = _PER_MTOK.match(after) or _PER_MTOK_BEFORE.search(before)
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

    ``chip_after``: a chip name follows the number closely (makes a count a GPU count).
    ``hits``: cue matches of this sentence kept from an earlier number of it.
    """
    qs, qe = q.start - offset, q.end - offset
    after = sentence[qe : qe + 40]
    category = unit_category(q, after, sentence[max(0, qs - 40) : qs])
    if category == "GB" and _PER_SECOND_BEFORE.search(sentence[max(0, qs - 8) : qs]):
        return MetricChoice("memory_bandwidth", "GB/s", "每秒", 0.0)
    unit = q.unit or ""
    if category == "price" and q.unit and "/" not in q.unit:
        unit = f"{q.unit}/Mtok"
    if category in ("count", "none") and _gpu_follows(after, category, chip_after):
        return MetricChoice("gpu_count", "count", "GPU", 0.0)
    if hits is None or hits.sentence != sentence:
        hits = CueHits(sentence)
    best: MetricChoice | None = None
    for cue, matches in hits.found(cues, category):
        for cs, ce, cue_text in matches:
            score = _distance(sentence, cs, ce, qs, qe, cue)
            if score is None:
                continue
            if best is None or score < best.score:
                out_unit = cue.unit or unit
                best = MetricChoice(cue.metric, out_unit, cue_text, score)
    if best is not None:
        if best.metric == "drop":
            return None
        if category in ("none", "count") and q.value < 1000 and best.score > 2:
            return None  # a small bare number needs its cue right beside it
        return best
    default = cues.unit_default.get(category)
    if default is not None:
        return MetricChoice(default, unit, None, 99.0)
    return None


def _gpu_follows(after: str, category: str, chip_after: bool) -> bool:
    """A GPU word (or a chip name) follows a count, and no memory word: a GPU count."""
    gpu = bool(_GPU_AFTER.match(after)) or (
        chip_after and (category == "count" or bool(_GPU_COUNT_CLASSIFIER.match(after)))
    )
    return gpu and not _MEMORY_AFTER.match(after)


def _accepts(cue: Cue, category: str) -> bool:
    if category in cue.units:
        return True
    return category == "pp" and "%" in cue.units


def _distance(sentence: str, cs: int, ce: int, qs: int, qe: int, cue: Cue) -> float | None:
    if cs >= qe:
        if cue.side == "before":
            return None
        gap, between = cs - qe, sentence[qe:cs]
    elif ce <= qs:
        if cue.side == "after":
            return None
        gap, between = qs - ce, sentence[ce:qs]
    else:  # the cue overlaps the quantity text (e.g. a unit word inside it)
        return -float(cue.bonus)
    if gap > cue.window:
        return None
    breaks = len(CLAUSE_BREAK.findall(between))
    if cue.side == "before" and breaks:
        return None
    return gap + CLAUSE_PENALTY * breaks - cue.bonus
