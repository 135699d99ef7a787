"""`make eval`: the extractor measured on every gold set whose texts are here.

    python -m eval.run_eval [--set dev|test|seed|own] [--gold DIR] [--show] [--backend B]

Sets: the real-article set (eval/real, split dev/test by a hash of the URL),
the seed page (../shared), and the project's own synthetic gold (the bundled
samples and tests/gold_articles). For each: a table per article, the totals,
"evidence kept" (gold evidence found in the cleaned body), and the causes of
misses and false positives. The last line is the dev set's strict F1.
``--gold DIR`` scores gold files of that folder instead (texts from eval/real/texts):
pages collected and annotated before the extractor is tuned on them.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from corpus.evaluation.causes import (
    FoundName,
    FoundQuantity,
    evidence_kept,
    false_positive_cause,
    miss_cause,
)
from corpus.evaluation.scoring import (
    ArticleScore,
    GoldArticle,
    Matcher,
    Score,
    load_gold_dir,
    predicted_claims,
    score_article,
    total,
)

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "eval" / "real"
SHARED = ROOT.parent / "shared"
TEST_DIGITS = {7, 8, 9}


def split_of(name: str) -> str:
    """dev or test, fixed by the article id (a hash of its URL)."""
    try:
        return "test" if int(name, 16) % 10 in TEST_DIGITS else "dev"
    except ValueError:
        return "dev"


@dataclass
class Case:
    gold: GoldArticle
    text_path: Path | None


@dataclass
class SetResult:
    name: str
    rows: list[tuple[Case, ArticleScore, dict]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    evidence: Counter = field(default_factory=Counter)
    miss_causes: Counter = field(default_factory=Counter)
    fp_causes: Counter = field(default_factory=Counter)
    details: list[str] = field(default_factory=list)


def real_cases(split: str) -> list[Case]:
    gold = load_gold_dir(REAL / "gold") if (REAL / "gold").is_dir() else {}
    cases = []
    for name, article in gold.items():
        if split_of(name) == split:
            path = REAL / "texts" / f"{name}.txt"
            cases.append(Case(article, path if path.exists() else None))
    return cases


def folder_cases(gold_dir: Path, text_dirs: list[Path]) -> list[Case]:
    if not gold_dir.is_dir():
        return []
    cases = []
    for name, article in load_gold_dir(gold_dir).items():
        found = [p for d in text_dirs if d.is_dir() for p in d.glob(f"{name}.*")]
        cases.append(Case(article, found[0] if found else None))
    return cases


class Evaluator:
    def __init__(self, backend: str) -> None:
        from extractors.pipeline import Extractor

        self.extractor = Extractor(backend=backend)
        self.matcher = Matcher()

    def run(self, name: str, cases: list[Case], show: bool) -> SetResult:
        from corpus.documents import SourceItem
        from corpus.files import read_file
        from extractors.chinese_script import to_simplified
        from extractors.subjects import find_mentions

        result = SetResult(name)
        for case in sorted(cases, key=lambda c: c.gold.name):
            if case.text_path is None:
                result.missing.append(case.gold.name)
                continue
            doc = read_file(SourceItem(location=str(case.text_path), kind="file"))
            extraction = self.extractor.extract(doc.raw, source_name=str(case.text_path))
            output = {
                "article": extraction.article.model_dump(mode="json"),
                "claims": [c.model_dump(mode="json") for c in extraction.claims],
            }
            scored = score_article(case.gold, output, self.matcher)
            body = extraction.article.text
            simple = to_simplified(body)
            quantities = [
                FoundQuantity(q.start, q.end, q.value, q.unit)
                for q in self.extractor.quantities(body, simple)
            ]
            mentions = [
                FoundName(m.start, m.end, m.name)
                for m in find_mentions(
                    simple, self.extractor.mention_tokens(simple), self.extractor.gazetteer
                )
            ]
            predictions = predicted_claims(output["claims"], self.matcher.subject_key)
            for claim in case.gold.required:
                result.evidence[evidence_kept(claim.evidence, body)] += 1
            no_ai = "no_ai" in case.gold.meta.get("features", [])
            for claim in scored.misses:
                cause = miss_cause(
                    claim, body, simple, predictions, quantities, self.matcher, mentions
                )
                result.miss_causes[cause] += 1
                result.details.append(
                    f"  {case.gold.name} MISS [{cause}] {claim.subjects[0]} {claim.metric} "
                    f"{claim.value:g} {claim.unit}  «{claim.evidence}»"
                )
            for pred in scored.false_positives:
                cause = false_positive_cause(pred, case.gold.claims, self.matcher, no_ai=no_ai)
                result.fp_causes[cause] += 1
                result.details.append(
                    f"  {case.gold.name} FALSE [{cause}] {pred.subject} {pred.metric} "
                    f"{pred.value:g} {pred.unit}  «{pred.text}»"
                )
            result.rows.append((case, scored, output["article"]))
        return result


def _mark(ok: bool | None) -> str:
    return "-" if ok is None else ("ok" if ok else "x")


def _line(label: str, score: Score) -> str:
    return (
        f"{label}: P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f} "
        f"({score.correct_predictions}/{score.predictions} predictions right, "
        f"{score.found_gold}/{score.gold} gold found)"
    )


def print_set(result: SetResult, show: bool) -> None:
    print(f"\n== {result.name}: {len(result.rows)} articles")
    if result.rows:
        print(
            f"{'article':<28}{'lang':<8}{'features':<26}{'gold':>5}{'pred':>5}"
            f"{'P':>6}{'R':>6}{'F1':>6}  title date"
        )
    for case, scored, _article in result.rows:
        strict = scored.levels["strict"]
        meta = case.gold.meta
        print(
            f"{case.gold.name[:27]:<28}{meta.get('language', '')[:7]:<8}"
            f"{','.join(meta.get('features', []))[:25]:<26}{strict.gold:>5}{strict.predictions:>5}"
            f"{strict.precision:>6.2f}{strict.recall:>6.2f}{strict.f1:>6.2f}"
            f"  {_mark(scored.title_ok):<5} {_mark(scored.published_ok)}"
        )
    scores = [scored for _case, scored, _article in result.rows]
    if scores:
        print(_line("strict ", total(scores, "strict")))
        print(_line("lenient", total(scores, "lenient")))
        print(_line("value  ", total(scores, "value")))
        titles = [s.title_ok for s in scores if s.title_ok is not None]
        dates = [s.published_ok for s in scores if s.published_ok is not None]
        kept, lost = result.evidence[True], result.evidence[False]
        print(
            f"title {sum(titles)}/{len(titles)}; published_at {sum(dates)}/{len(dates)}; "
            f"evidence kept {kept}/{kept + lost}"
            + (f" ({100 * kept / (kept + lost):.1f}%)" if kept + lost else "")
        )
        if result.miss_causes:
            print(
                "misses by cause: "
                + "; ".join(f"{c} {n}" for c, n in result.miss_causes.most_common())
            )
        if result.fp_causes:
            print(
                "false positives by cause: "
                + "; ".join(f"{c} {n}" for c, n in result.fp_causes.most_common())
            )
    if show:
        print("\n".join(result.details))
    if result.missing:
        print(
            f"{len(result.missing)} texts missing ({', '.join(result.missing[:5])}"
            f"{', …' if len(result.missing) > 5 else ''}): re-collect them as "
            "eval/real/README.md says (search tool, corpus pages, each gold file's query and "
            "url), then check them with `python eval/real/check_gold.py`."
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=["dev", "test", "seed", "own"], action="append")
    parser.add_argument("--show", action="store_true", help="list every miss and false positive")
    parser.add_argument("--backend", default="rjieba")
    parser.add_argument("--gold", type=Path, action="append", help="a folder of gold files")
    args = parser.parse_args(argv)
    wanted = args.set or ([] if args.gold else ["seed", "own", "test", "dev"])
    sets = {
        "seed": lambda: folder_cases(SHARED / "gold", [SHARED / "seeds"]),
        "own": lambda: folder_cases(
            ROOT / "tests" / "gold", [ROOT / "corpus" / "samples", ROOT / "tests" / "gold_articles"]
        ),
        "test": lambda: real_cases("test"),
        "dev": lambda: real_cases("dev"),
    }
    for folder in args.gold or []:
        sets[str(folder)] = lambda folder=folder: folder_cases(folder, [REAL / "texts"])
        wanted.append(str(folder))
    evaluator = Evaluator(args.backend)
    last: SetResult | None = None
    for name in wanted:
        last = evaluator.run(name, sets[name](), args.show)
        print_set(last, args.show)
    summary = total([s for _c, s, _a in last.rows]) if last else Score()
    label = last.name if last else "nothing"
    print(
        f"strict F1 = {summary.f1:.3f} (P = {summary.precision:.3f}, R = {summary.recall:.3f}; "
        f"{label}, {len(last.rows) if last else 0} articles)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
