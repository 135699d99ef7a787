"""The metric table: every metric has a kind, a grain when it moves, a tolerance, a label."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from pydantic import ValidationError

from extractors.claims.metric import DATA_DIR
from extractors.metric_table import TABLE_FILE, markdown_rows, metric_table, parse_table
from extractors.models import CONTRACT_METRICS

CJK = re.compile(r"[\u4e00-\u9fff]")


def _extractor_metrics() -> set[str]:
    cues = tomllib.loads((DATA_DIR / "metric_cues.toml").read_text(encoding="utf-8"))
    return {c["metric"] for c in cues["cue"]} - {"drop"} | set(CONTRACT_METRICS)


def test_metric_table_has_a_row_for_every_metric_the_extractor_gives() -> None:
    table = metric_table()
    missing = sorted(_extractor_metrics() - set(table.metrics))
    assert missing == []
    for spec in table.metrics.values():
        assert CJK.search(spec.label), f"{spec.name} needs a Chinese label"
        assert 0 < spec.tolerance <= 0.2
        assert spec.unit
        assert (spec.grain is not None) == spec.moving


KIND_CASES = [
    ("market_cap", "moving", "day", "市值"),
    ("revenue", "moving", "quarter", "营收"),
    ("funding", "moving", "round", "融资额"),
    ("valuation", "moving", "round", "估值"),
    ("user_count", "moving", "month", "用户数"),
    ("training_cost", "event", None, "训练成本"),
    ("parameters", "event", None, "参数量"),
    ("gpu_count", "event", None, "GPU数量"),
    ("no_such_metric", "event", None, "no_such_metric"),
]


@pytest.mark.parametrize(("metric", "kind", "grain", "label"), KIND_CASES)
def test_metric_table_kind_grain_and_label(
    metric: str, kind: str, grain: str | None, label: str
) -> None:
    spec = metric_table().spec(metric)
    assert (spec.kind, spec.grain, spec.display) == (kind, grain, label)


def test_metric_table_labels_qualifiers_in_chinese() -> None:
    table = metric_table()
    assert table.qualifier_label("approx") == "约"
    assert table.qualifier_label("more_than") == "超过"
    assert table.qualifier_label("unknown") == "unknown"


BAD_ROWS = [
    {"kind": "moving", "tolerance": 0.05, "label": "x", "unit": "money"},  # no grain
    {"kind": "event", "grain": "day", "tolerance": 0.05, "label": "x", "unit": "money"},
    {"kind": "sometimes", "tolerance": 0.05, "label": "x", "unit": "money"},
    {"kind": "event", "tolerance": 1.5, "label": "x", "unit": "money"},
    {"kind": "event", "tolerance": 0.05, "label": "x", "unit": "money", "colour": "red"},
]


@pytest.mark.parametrize("row", BAD_ROWS)
def test_metric_table_rejects_a_bad_row(row: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        parse_table({"metric": {"bad": row}})


def test_metric_table_file_parses_to_the_loaded_table() -> None:
    data = tomllib.loads(TABLE_FILE.read_text(encoding="utf-8"))
    assert parse_table(data) == metric_table()


def test_contract_document_shows_the_metric_table_as_the_code_reads_it() -> None:
    """docs/contract.md's metric rows are generated from the table: they must match it."""
    doc = (Path(__file__).resolve().parents[2] / "docs" / "contract.md").read_text("utf-8")
    start = doc.index("<!-- metric table: generated -->") + len("<!-- metric table: generated -->")
    shown = doc[start : doc.index("<!-- end of metric table -->")].strip()
    assert shown == markdown_rows(metric_table()), "regenerate the rows (see docs/contract.md)"
    assert shown.count("\n| `") == len(metric_table().metrics)
