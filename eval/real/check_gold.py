#!/usr/bin/env python3
"""Check the real-article gold files: shape, vocabulary, evidence and text hashes.

    python eval/real/check_gold.py [GOLD_DIR] [--texts TEXT_DIR]

Every gold file must name its page (url, query, rank, sha256 of the text), use
the contract's metrics (or mark a claim optional), give values in base units,
and quote evidence that stands verbatim in the text, when the text is here.
Exits 1 and lists every problem when any file is off.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from extractors.models import CONTRACT_METRICS

HERE = Path(__file__).resolve().parent

METRICS = CONTRACT_METRICS
FIXED_UNITS = {
    "params",
    "tokens",
    "gpu_hours",
    "days",
    "count",
    "%",
    "points",
    "pp",
    "x",
    "GB/s",
    "GB",
    "FLOPS",
    "FLOP",
    "W",
    "tokens/s",
}
QUALIFIERS = {"exact", "approx", "more_than", "at_least", "less_than", "at_most", "up_to", "range"}
SUBJECT_TYPES = {"model", "organization", "chip", "person", "product", "other"}


def unit_ok(unit: str) -> bool:
    """A base unit of the contract, a currency code, or a currency per million tokens."""
    if unit in FIXED_UNITS:
        return True
    if len(unit) == 3 and unit.isascii() and unit.isupper():
        return True
    return unit.endswith("/Mtok") and len(unit) == 8 and unit[:3].isupper()


def check_claim(claim: dict, text: str | None) -> list[str]:
    problems = []
    for field in ("subject", "metric", "value", "unit", "qualifier", "evidence", "required"):
        if field not in claim:
            problems.append(f"missing {field}")
    if problems:
        return problems
    if not isinstance(claim["subject"], list) or not claim["subject"]:
        problems.append("subject must be a non-empty list of accepted names")
    if claim["metric"] not in METRICS and claim["required"]:
        problems.append(f"metric {claim['metric']!r} is outside the vocabulary: mark it optional")
    if not isinstance(claim["value"], int | float):
        problems.append(f"value {claim['value']!r} is not a number")
    if claim["metric"] in METRICS and not unit_ok(str(claim["unit"])):
        problems.append(f"unit {claim['unit']!r} is not a base unit")
    if claim["qualifier"] not in QUALIFIERS:
        problems.append(f"qualifier {claim['qualifier']!r}")
    if claim["qualifier"] == "range" and claim.get("value_max") is None:
        problems.append("a range needs value_max")
    if claim.get("subject_type") and claim["subject_type"] not in SUBJECT_TYPES:
        problems.append(f"subject_type {claim['subject_type']!r}")
    if text is not None and claim["evidence"] not in text:
        problems.append(f"evidence {claim['evidence']!r} is not in the text")
    return problems


def check_file(path: Path, texts: Path) -> list[str]:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        return [f"not readable JSON: {err}"]
    problems = []
    for field in ("source", "url", "query", "rank", "sha256", "article", "claims"):
        if field not in gold:
            problems.append(f"missing {field}")
    if problems:
        return problems
    if Path(gold["source"]).stem != path.stem:
        problems.append(f"source {gold['source']!r} does not match the file name")
    text_path = texts / gold["source"]
    text = None
    if text_path.exists():
        data = text_path.read_bytes()
        if hashlib.sha256(data).hexdigest() != gold["sha256"]:
            problems.append("sha256 differs from the text's")
        text = data.decode("utf-8")
    for n, claim in enumerate(gold["claims"]):
        problems += [f"claim {n}: {p}" for p in check_claim(claim, text)]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=HERE / "gold")
    parser.add_argument("--texts", type=Path, default=HERE / "texts")
    parser.add_argument("--quiet", action="store_true", help="print only problems and the count")
    args = parser.parse_args(argv)
    files = sorted(args.gold.glob("*.json"))
    bad = 0
    for path in files:
        problems = check_file(path, args.texts)
        for problem in problems:
            print(f"{path.name}: {problem}")
        bad += bool(problems)
    texts = sum((args.texts / f"{p.stem}.txt").exists() for p in files)
    print(f"{len(files)} gold files ({texts} with their text here), {bad} with problems")
    return 1 if bad and not args.quiet else 0


if __name__ == "__main__":
    sys.exit(main())
