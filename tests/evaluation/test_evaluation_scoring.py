"""The scorer behind `aiclaims score` and `make eval`: units, matching, counts, causes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from corpus.evaluation.causes import (
    LOST_IN_CLEANING,
    NO_METRIC,
    NO_SUBJECT,
    NUMBER_MISREAD,
    NUMBER_NOT_FOUND,
    WRONG_METRIC,
    WRONG_SUBJECT,
    FoundName,
    FoundQuantity,
    evidence_kept,
    miss_cause,
)
from corpus.evaluation.scoring import (
    Matcher,
    base_value,
    gold_article,
    predicted_claims,
    score_article,
)

BASE_VALUES = [
    (557e4, "USD", (557e4, "USD")),
    (2.5, "TB/s", (2500.0, "GB/s")),
    (48, "hours", (2.0, "days")),
    (0.8, "cny/Mtok", (0.8, "CNY/Mtok")),
    ("12", "%", (12.0, "%")),
    ("n/a", "USD", None),
    (float("inf"), "USD", None),
]


@pytest.mark.parametrize("value,unit,expected", BASE_VALUES)
def test_scoring_base_value(value, unit, expected) -> None:
    assert base_value(value, unit) == expected


def _gold(*claims: dict) -> dict:
    return {"source": "a.txt", "article": {"title": "T"}, "claims": list(claims)}


GOLD_DEEPSEEK = {
    "subject": ["DeepSeek", "深度求索"],
    "metric": "training_cost",
    "value": 5570000,
    "unit": "USD",
    "qualifier": "exact",
    "evidence": "557万美元",
    "required": True,
}
GOLD_OPTIONAL = {
    "subject": ["DeepSeek"],
    "metric": "relative_cost",
    "value": 30,
    "unit": "%",
    "qualifier": "exact",
    "evidence": "30%",
    "required": False,
}


def _pred(subject: str, metric: str, value: float, unit: str) -> dict:
    return {"subject": subject, "metric": metric, "value": value, "unit": unit, "text": ""}


MATCH_CASES = [
    # predictions, strict (correct, predicted, found, gold), lenient found
    ([_pred("深度求索", "training_cost", 5572000, "USD")], (1, 1, 1, 1), 1),
    ([_pred("DeepSeek", "training_cost", 5.6e6, "USD")], (0, 1, 0, 1), 0),  # 0.5 % apart
    ([_pred("DeepSeek", "hardware_cost", 5.57e6, "USD")], (0, 1, 0, 1), 1),
    ([_pred("DeepSeek", "training_cost", 5.57e6, "CNY")], (0, 1, 0, 1), 0),
    ([_pred("DeepSeek", "relative_cost", 30, "%")], (1, 1, 0, 1), 0),  # optional: not a FP
    ([_pred("DeepSeek", "training_cost", 5.57e6, "USD")] * 2, (1, 1, 1, 1), 1),  # one key
    ([], (0, 0, 0, 1), 0),
]


@pytest.mark.parametrize("predictions,strict,lenient_found", MATCH_CASES)
def test_scoring_article_counts(predictions, strict, lenient_found) -> None:
    gold = gold_article(_gold(GOLD_DEEPSEEK, GOLD_OPTIONAL), "a")
    matcher = Matcher(lambda name: {"深度求索": "deepseek"}.get(name, name.lower()))
    result = score_article(gold, {"claims": predictions}, matcher)
    s = result.levels["strict"]
    assert (s.correct_predictions, s.predictions, s.found_gold, s.gold) == strict
    assert result.levels["lenient"].found_gold == lenient_found


def test_scoring_title_and_time() -> None:
    gold = gold_article(
        {"claims": [], "article": {"title": "T", "published_at": "2025-01-02T03:04:00+08:00"}}, "a"
    )
    right = score_article(
        gold, {"article": {"title": " T ", "published_at": "2025-01-02T03:04:30+08:00"}}
    )
    wrong = score_article(gold, {"article": {"title": "X", "published_at": "2025-01-02"}})
    assert (right.title_ok, right.published_ok) == (True, True)
    assert (wrong.title_ok, wrong.published_ok) == (False, False)


BODY = "深度求索的训练成本为557万美元。另据报道，其估值为100亿美元。"
CAUSE_CASES = [
    # gold claim (evidence, value, unit, metric), predictions, quantities, names, cause
    (("不在正文里", 1, "USD", "funding"), [], [], [], LOST_IN_CLEANING),
    (("557万美元", 5570000, "USD", "training_cost"), [], [], [], NUMBER_NOT_FOUND),
    (("557万美元", 5570000, "USD", "training_cost"), [], [(10, 16, 557, None)], [], NUMBER_MISREAD),
    (
        ("557万美元", 5570000, "USD", "training_cost"),
        [],
        [(10, 16, 5570000, "USD")],
        [],
        NO_SUBJECT,
    ),
    (
        ("557万美元", 5570000, "USD", "training_cost"),
        [],
        [(10, 16, 5570000, "USD")],
        [(0, 4, "DeepSeek")],
        NO_METRIC,
    ),
    (
        ("557万美元", 5570000, "USD", "training_cost"),
        [_pred("DeepSeek", "hardware_cost", 5570000, "USD")],
        [],
        [],
        WRONG_METRIC,
    ),
    (
        ("557万美元", 5570000, "USD", "training_cost"),
        [_pred("OpenAI", "training_cost", 5570000, "USD")],
        [],
        [],
        WRONG_SUBJECT,
    ),
]


@pytest.mark.parametrize("claim,predictions,quantities,names,cause", CAUSE_CASES)
def test_scoring_miss_causes(claim, predictions, quantities, names, cause) -> None:
    evidence, value, unit, metric = claim
    gold = gold_article(
        _gold(
            {**GOLD_DEEPSEEK, "evidence": evidence, "value": value, "unit": unit, "metric": metric}
        ),
        "a",
    ).claims[0]
    matcher = Matcher()
    found = miss_cause(
        gold,
        BODY,
        BODY,
        predicted_claims(predictions, matcher.subject_key),
        [FoundQuantity(*q) for q in quantities],
        matcher,
        [FoundName(*n) for n in names],
    )
    assert found == cause


@pytest.mark.parametrize(
    "evidence,kept",
    [
        ("557 万美元", True),
        ("557万美元", True),
        ("训(xùn)练成本为557万美元", True),  # a pinyin gloss the cleaner drops
        ("训(x)练成本为557万美元", False),  # no tone mark: not a gloss
        ("600万美元", False),
        ("", False),
    ],
)
def test_scoring_evidence_kept_ignores_white_space_and_pinyin(evidence: str, kept: bool) -> None:
    assert evidence_kept(evidence, BODY) is kept


def test_cli_score_on_the_seed_agrees_with_the_shared_scorer(shared: Path, tmp_path: Path) -> None:
    """`aiclaims score` and ../shared/score.py give the same figures on the seed."""
    exe = [sys.executable, "-m", "flows.cli"]
    extracted = subprocess.run(
        [*exe, "extract", str(next((shared / "seeds").glob("*.txt")))],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pred = tmp_path / "pred.jsonl"
    pred.write_text(extracted, encoding="utf-8")
    ours = (
        subprocess.run(
            [*exe, "score", "--gold", str(shared / "gold"), str(pred)],
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    theirs = (
        subprocess.run(
            [
                sys.executable,
                str(shared / "score.py"),
                "--gold",
                str(shared / "gold"),
                "--pred",
                str(pred),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    assert ours == theirs
    assert json.loads(extracted)["claims"]


def test_cli_score_refuses_a_missing_gold_folder(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "flows.cli", "score", "--gold", str(tmp_path / "nope"), "-"],
        input="",
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert "not a folder" in done.stderr
    assert "Traceback" not in done.stderr
