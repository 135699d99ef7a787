"""Recognizers-Text Chinese specs (read from ../shared beside the checkout) as an outside suite.

Matching: each expected entity needs a quantity overlapping its span with the same value.
The number model is compared with ``find_numbers`` (numerals alone); percentage, currency
and dimension with ``find_quantities``.  Percentages accept our %, pp and fraction-as-% forms.
"""

from __future__ import annotations

import json
import math
import tomllib
from pathlib import Path

import pytest

from extractors.models import Quantity
from extractors.quantities import find_numbers, find_quantities

SPECS = Path(__file__).resolve().parents[3] / ".." / "shared" / "peers" / "recognizers-text"
NOT_FOLLOWED = tomllib.loads((Path(__file__).parent / "not_followed.toml").read_text("utf-8"))[
    "cases"
]
FILES = ("number", "percentage", "currency", "dimension")
CORE_TARGET, OVERALL_TARGET = 0.97, 0.95


def load_cases(name: str) -> list[dict]:
    path = SPECS / f"{name}.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _close(a: float | None, b: float) -> bool:
    return a is not None and math.isclose(a, b, rel_tol=1e-4, abs_tol=1e-9)


def _entity_found(model: str, entity: dict, found: list[Quantity]) -> bool:
    if entity["value"] is None:
        return False
    start, end = entity["span"]
    near = [q for q in found if q.start < end and q.end > start]
    if model == "percentage":
        want = float(entity["value"].rstrip("%"))
        return any(
            q.unit in ("%", "pp") and (_close(q.value, want) or _close(q.value_max, want))
            for q in near
        )
    want = float(entity["value"])
    if model == "currency":
        iso = entity.get("iso")
        return any(_close(q.value, want) and iso in (None, q.unit) for q in near)
    if model == "dimension":
        return any(q.kind == "dimension" for q in near)
    return any(_close(q.value, want) for q in near)


def case_passes(model: str, case: dict) -> bool:
    text = case["input"]
    found = find_numbers(text) if model == "number" else find_quantities(text)
    if not case["expected"]:
        if model == "number":
            return not found
        if model == "percentage":
            return not [q for q in found if q.unit in ("%", "pp")]
        return not [q for q in found if q.kind in ("money", "dimension")]
    return all(_entity_found(model, e, found) for e in case["expected"])


ALL_CASES = [(m, c) for m in FILES for c in load_cases(m)]


@pytest.mark.skipif(not ALL_CASES, reason="shared Recognizers-Text specs absent")
@pytest.mark.parametrize(("model", "case"), ALL_CASES, ids=[c["source"] for _, c in ALL_CASES])
def test_quantities_recognizers_case(model: str, case: dict) -> None:
    if case["source"] in NOT_FOLLOWED:
        pytest.skip(NOT_FOLLOWED[case["source"]])
    assert case_passes(model, case), case["input"]


def pass_rates() -> dict[str, tuple[int, int]]:
    """Per file: (passed, total), not-followed cases counted as failures."""
    rates: dict[str, tuple[int, int]] = {}
    for model in FILES:
        cases = load_cases(model)
        rates[model] = (sum(case_passes(model, c) for c in cases), len(cases))
    return rates


@pytest.mark.skipif(not ALL_CASES, reason="shared Recognizers-Text specs absent")
def test_quantities_recognizers_pass_rate() -> None:
    rates = pass_rates()
    core = [rates[m] for m in ("number", "percentage", "currency")]
    core_rate = sum(p for p, _ in core) / sum(n for _, n in core)
    overall = sum(p for p, _ in rates.values()) / sum(n for _, n in rates.values())
    assert core_rate >= CORE_TARGET, rates
    assert overall >= OVERALL_TARGET, rates


def test_quantities_recognizers_not_followed_list_is_current() -> None:
    """A listed case that now passes should be taken off the list."""
    by_source = {c["source"]: (m, c) for m, c in ALL_CASES}
    stale = [s for s in NOT_FOLLOWED if s in by_source and case_passes(*by_source[s])]
    assert not stale
