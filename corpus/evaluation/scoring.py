"""Claim matching and precision/recall/F1, by the rules of CLAIMS.md "Scoring".

A predicted claim matches a gold claim when the subject is one the gold claim
accepts, the values agree within 0.5 % in the same base unit and (strict) the
metric is the same. Claims are compared as sets of distinct keys (subject,
metric, unit, value); recall counts required gold claims, precision every
distinct prediction, a match with an optional gold claim counting as correct.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

Level = Literal["strict", "lenient", "value"]
LEVELS: tuple[Level, ...] = ("strict", "lenient", "value")
TOLERANCE = 0.005

_NAME_NOISE = re.compile(r"[\s\-_·.・]")

# Units a prediction or annotation may spell otherwise: (base unit, factor to it).
_UNIT_SPELLINGS: dict[str, tuple[str, float]] = {
    "tb/s": ("GB/s", 1000.0),
    "mb/s": ("GB/s", 0.001),
    "tb": ("GB", 1000.0),
    "mb": ("GB", 0.001),
    "hours": ("days", 1 / 24),
    "weeks": ("days", 7.0),
    "percent": ("%", 1.0),
}


def name_key(name: str | None) -> str:
    """Case, spaces, hyphens and dots do not tell names apart."""
    return _NAME_NOISE.sub("", name or "").lower()


def base_value(value: object, unit: str | None) -> tuple[float, str] | None:
    """(value, unit) in the contract's base unit; None for a value that is no number."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if not math.isfinite(number):
        return None
    spelled = (unit or "").strip()
    base, factor = _UNIT_SPELLINGS.get(spelled.lower(), (spelled, 1.0))
    if re.fullmatch(r"[A-Za-z]{3}(/Mtok)?", base):
        base = base[:3].upper() + base[3:]
    return number * factor, base


def values_agree(a: float, b: float) -> bool:
    return a == b or abs(a - b) <= TOLERANCE * max(abs(a), abs(b))


@dataclass(frozen=True)
class GoldClaim:
    subjects: tuple[str, ...]
    metric: str
    value: float
    unit: str
    required: bool
    evidence: str
    raw: dict


@dataclass(frozen=True)
class GoldArticle:
    name: str
    claims: tuple[GoldClaim, ...]
    title: str | None
    published_at: str | None
    meta: dict

    @property
    def required(self) -> list[GoldClaim]:
        return [c for c in self.claims if c.required]


def gold_article(data: dict, name: str) -> GoldArticle:
    claims = []
    for raw in data.get("claims", []):
        based = base_value(raw.get("value"), raw.get("unit"))
        if based is None:
            continue
        subjects = raw.get("subject") or []
        claims.append(
            GoldClaim(
                subjects=tuple([subjects] if isinstance(subjects, str) else subjects),
                metric=raw.get("metric", ""),
                value=based[0],
                unit=based[1],
                required=bool(raw.get("required", True)),
                evidence=raw.get("evidence", ""),
                raw=raw,
            )
        )
    article = data.get("article") or {}
    return GoldArticle(
        name=name,
        claims=tuple(claims),
        title=article.get("title"),
        published_at=article.get("published_at"),
        meta=data,
    )


def load_gold_dir(path: Path) -> dict[str, GoldArticle]:
    """Gold files of a folder, by the base name of their ``source``."""
    articles = {}
    for file in sorted(path.glob("*.json")):
        data = json.loads(file.read_text(encoding="utf-8"))
        name = Path(data.get("source", file.stem)).stem
        articles[name] = gold_article(data, name)
    return articles


@dataclass(frozen=True)
class PredictedClaim:
    subject: str
    metric: str
    value: float
    unit: str
    text: str
    raw: dict


def predicted_claims(claims: Iterable[dict], subject_key: Callable[[str], str]) -> list:
    """Distinct predictions: one per (subject, metric, unit, value to 6 digits)."""
    seen: set[tuple] = set()
    distinct = []
    for raw in claims:
        based = base_value(raw.get("value"), raw.get("unit"))
        if based is None:
            continue
        key = (subject_key(raw.get("subject") or ""), raw.get("metric"), based[1])
        key += (float(f"{based[0]:.6g}"),)
        if key in seen:
            continue
        seen.add(key)
        distinct.append(
            PredictedClaim(
                subject=raw.get("subject") or "",
                metric=raw.get("metric") or "",
                value=based[0],
                unit=based[1],
                text=raw.get("text") or "",
                raw=raw,
            )
        )
    return distinct


@dataclass
class Matcher:
    """Claim matching with a subject normaliser (aliases to one key)."""

    subject_key: Callable[[str], str] = name_key

    def same_subject(self, predicted: str, accepted: Iterable[str]) -> bool:
        key = self.subject_key(predicted)
        return any(self.subject_key(name) == key for name in accepted)

    def matches(self, pred: PredictedClaim, gold: GoldClaim, level: Level) -> bool:
        if pred.unit != gold.unit or not values_agree(pred.value, gold.value):
            return False
        if level == "value":
            return True
        if not self.same_subject(pred.subject, gold.subjects):
            return False
        return level == "lenient" or pred.metric == gold.metric


@dataclass
class Score:
    """Counts behind precision and recall: matched predictions of all, matched gold of all."""

    correct_predictions: int = 0
    predictions: int = 0
    found_gold: int = 0
    gold: int = 0

    def add(self, other: Score) -> None:
        self.correct_predictions += other.correct_predictions
        self.predictions += other.predictions
        self.found_gold += other.found_gold
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.correct_predictions / self.predictions if self.predictions else 0.0

    @property
    def recall(self) -> float:
        return self.found_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ArticleScore:
    name: str
    levels: dict[str, Score]
    misses: list[GoldClaim] = field(default_factory=list)
    false_positives: list[PredictedClaim] = field(default_factory=list)
    title_ok: bool | None = None
    published_ok: bool | None = None


def same_minute(predicted: str | None, gold: str | None) -> bool:
    try:
        p = datetime.fromisoformat(str(predicted).replace("Z", "+00:00"))
        g = datetime.fromisoformat(str(gold).replace("Z", "+00:00"))
    except ValueError:
        return False
    if p.tzinfo and g.tzinfo:
        return abs((p - g).total_seconds()) < 60
    return p.replace(tzinfo=None, second=0, microsecond=0) == g.replace(
        tzinfo=None, second=0, microsecond=0
    )


def score_article(
    gold: GoldArticle, output: dict | None, matcher: Matcher | None = None
) -> ArticleScore:
    """One article's scores at every level, its misses and false positives (strict)."""
    matcher = matcher or Matcher()
    predictions = predicted_claims((output or {}).get("claims", []), matcher.subject_key)
    required = gold.required
    levels = {}
    for level in LEVELS:
        levels[level] = Score(
            correct_predictions=sum(
                any(matcher.matches(p, g, level) for g in gold.claims) for p in predictions
            ),
            predictions=len(predictions),
            found_gold=sum(
                any(matcher.matches(p, g, level) for p in predictions) for g in required
            ),
            gold=len(required),
        )
    result = ArticleScore(
        name=gold.name,
        levels=levels,
        misses=[
            g for g in required if not any(matcher.matches(p, g, "strict") for p in predictions)
        ],
        false_positives=[
            p for p in predictions if not any(matcher.matches(p, g, "strict") for g in gold.claims)
        ],
    )
    article = (output or {}).get("article") or {}
    if gold.title:
        result.title_ok = (article.get("title") or "").strip() == gold.title.strip()
    if gold.published_at:
        result.published_ok = same_minute(article.get("published_at"), gold.published_at)
    return result


def total(scores: Iterable[ArticleScore], level: Level = "strict") -> Score:
    summed = Score()
    for score in scores:
        summed.add(score.levels[level])
    return summed
