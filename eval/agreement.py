"""Agreement between two annotations of the same articles (strict F1 of one against the other).

    python -m eval.agreement [--first eval/real/gold] [--second eval/real/blind]

The second annotation's claims are scored as predictions against the first (its
required claims for recall), with the scorer of ``aiclaims score``; the printed
F1 is the inter-annotator agreement reported in eval/real/README.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from corpus.evaluation.scoring import (
    Matcher,
    load_gold_dir,
    score_article,
    total,
)

REAL = Path(__file__).resolve().parent / "real"


def as_output(article) -> dict:
    """An annotation's claims in the shape of `aiclaims extract` output (first subject name)."""
    claims = [
        {**c.raw, "subject": c.subjects[0] if c.subjects else "", "text": c.evidence}
        for c in article.claims
        if c.required
    ]
    return {
        "claims": claims,
        "article": {"title": article.title, "published_at": article.published_at},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first", type=Path, default=REAL / "gold")
    parser.add_argument("--second", type=Path, default=REAL / "blind")
    args = parser.parse_args(argv)
    first, second = load_gold_dir(args.first), load_gold_dir(args.second)
    matcher = Matcher()
    scores = []
    for name in sorted(second):
        if name not in first:
            continue
        result = score_article(first[name], as_output(second[name]), matcher)
        scores.append(result)
        s = result.levels["strict"]
        print(
            f"{name}: {s.predictions} vs {s.gold} required; P={s.precision:.2f} "
            f"R={s.recall:.2f} F1={s.f1:.2f}"
        )
    for level in ("lenient", "strict"):
        t = total(scores, level)
        print(
            f"{level} agreement F1 = {t.f1:.3f} (P = {t.precision:.3f}, R = {t.recall:.3f}; "
            f"{len(scores)} articles)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
