"""Which metric a quantity measures: cue words near it (data/metric_cues.toml) and its unit."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

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


@dataclass
class MetricCues:
    cues: list[Cue]
    subjects: dict[str, frozenset[str]]
    unit_default: dict[str, str]

    def subject_types(self, metric: str) -> frozenset[str]:
        return self.subjects.get(metric, frozenset())


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
    q: Quantity, sentence: str, offset: int, cues: MetricCues, *, chip_after: bool = False
) -> MetricChoice | None:
    """The metric of ``q`` inside ``sentence`` (which starts at text offset ``offset``).

    ``chip_after``: a chip name follows the number closely (makes a count a GPU count).
    """
    qs, qe = q.start - offset, q.end - offset
    after = sentence[qe : qe + 40]
    category = unit_category(q, after, sentence[max(0, qs - 40) : qs])
    if category == "GB" and _PER_SECOND_BEFORE.search(sentence[max(0, qs - 8) : qs]):
        return MetricChoice("memory_bandwidth", "GB/s", "每秒", 0.0)
    unit = q.unit or ""
    if category == "price" and q.unit and "/" not in q.unit:
        unit = f"{q.unit}/Mtok"
    gpu_follows = bool(_GPU_AFTER.match(after)) or (
        chip_after and (category == "count" or bool(_GPU_COUNT_CLASSIFIER.match(after)))
    )
    memory_follows = re.match(r"^\s*(?:个|块|张|颗|枚|台|片)?\s*(?:HBM|显存|内存)", after)
    if category in ("count", "none") and gpu_follows and not memory_follows:
        return MetricChoice("gpu_count", "count", "GPU", 0.0)
    best: MetricChoice | None = None
    for cue in cues.cues:
        if not _accepts(cue, category):
            continue
        if cue.requires is not None and not cue.requires.search(sentence):
            continue
        for m in cue.pattern.finditer(sentence):
            score = _distance(sentence, m.start(), m.end(), qs, qe, cue)
            if score is None:
                continue
            if best is None or score < best.score:
                out_unit = cue.unit or unit
                best = MetricChoice(cue.metric, out_unit, m.group(), score)
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
