"""``aiclaims score``: measure ``aiclaims extract`` output against your own gold claims."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from flows.cli.state import fail, stdout


def _read_predictions(pred: str) -> dict[str, dict]:
    stream = sys.stdin if pred == "-" else open(pred, encoding="utf-8")  # noqa: SIM115
    outputs = {}
    with stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise fail(f"{pred} line {number}: not JSON ({err.msg})", 2) from None
            outputs[Path(str(record.get("source", ""))).stem] = record
    return outputs


def score(
    pred: str = typer.Argument(..., help="JSON Lines from `aiclaims extract` (- for stdin)."),
    gold: Path = typer.Option(..., "--gold", help="Folder of gold files (CLAIMS.md format)."),
    show: bool = typer.Option(False, "--show", help="List every miss and false positive."),
    require_f1: float = typer.Option(None, help="Exit 1 when strict F1 is below this."),
) -> None:
    """Score extracted claims against gold claims: precision, recall and F1 per article.

    Example: aiclaims extract pages/*.txt | aiclaims score --gold gold/ -
    """
    from corpus.evaluation.scoring import (
        Matcher,
        load_gold_dir,
        score_article,
        total,
    )

    if not gold.is_dir():
        raise fail(f"{gold}: not a folder of gold files", 2)
    if pred != "-" and not Path(pred).is_file():
        raise fail(f"{pred}: no such file", 2)
    articles = load_gold_dir(gold)
    outputs = _read_predictions(pred)
    matcher = Matcher()
    scores = []
    for name, article in articles.items():
        result = score_article(article, outputs.get(name), matcher)
        scores.append(result)
        strict = result.levels["strict"]
        status = (
            "missing from predictions"
            if name not in outputs
            else (f"{strict.predictions} predicted, {strict.gold} required")
        )
        stdout.print(
            f"{name}: {status}; P={strict.precision:.2f} R={strict.recall:.2f} F1={strict.f1:.2f}",
            highlight=False,
        )
        if show:
            for claim in result.misses:
                stdout.print(
                    f"  MISS {claim.subjects[0]} {claim.metric} {claim.value:g} {claim.unit}"
                    f"  «{claim.evidence}»",
                    highlight=False,
                    markup=False,
                )
            for claim in result.false_positives:
                stdout.print(
                    f"  FALSE {claim.subject} {claim.metric} {claim.value:g} {claim.unit}"
                    f"  «{claim.text}»",
                    highlight=False,
                    markup=False,
                )
    lenient, strict = total(scores, "lenient"), total(scores, "strict")
    stdout.print(f"articles: {len(scores)}; lenient F1 = {lenient.f1:.3f}", highlight=False)
    stdout.print(
        f"strict F1 = {strict.f1:.3f} (P = {strict.precision:.3f}, R = {strict.recall:.3f})",
        highlight=False,
    )
    if require_f1 is not None and strict.f1 + 1e-9 < require_f1:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command()(score)
