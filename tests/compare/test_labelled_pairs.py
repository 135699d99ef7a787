"""Conflict flags measured on labelled claim pairs from real articles and the bundled corpus.

data/claims.csv and data/pairs.csv (see data/README.md): 700 pairs of claims from two
articles within one (subject, metric, object) key, labelled agree, disagree, change (the
same fact at two times) or different (two facts). A pair is flagged when compare lists a
conflict with one claim on each side. Only ``disagree`` pairs should be.

Two measures: on every pair, the claims as the extractor gave them (end to end); and on the
pairs whose claims the extractor got right, compare run on those claims alone (what
comparison itself achieves). The targets (precision 0.9, recall 0.8) hold for the second;
the first is held at what it measures now, so it cannot silently get worse.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from corpus.compare.roles import claim_role
from corpus.compare.timeline import build_timelines
from corpus.rates import default_rates
from corpus.store.models import StoredClaim
from tests.compare.factories import published

DATA = Path(__file__).parent / "data"
#: A minimal sentence that carries each role (the real sentences are not committed).
ROLE_SENTENCES = {
    "value": "{text}",
    "projection": "预计{text}",
    "change_amount": "蒸发{text}",
    "change_from": "从{text}降至1",
    "change_span": "从{text}",
}


@dataclass(frozen=True)
class Scores:
    pairs: int
    flagged: int
    true_positives: int
    disagreements: int

    @property
    def precision(self) -> float:
        return self.true_positives / self.flagged if self.flagged else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.disagreements


def _claim(row: dict[str, str], article_ids: dict[str, int]) -> StoredClaim:
    role = row["role"]
    text = "1到2" if role == "change_span" else "N"
    sentence = ROLE_SENTENCES[role].format(text=text)
    return StoredClaim(
        id=int(row["id"]), article_id=article_ids.setdefault(row["article"], len(article_ids) + 1),
        extractor_version="eval", current=True, site=row["site"] or None,
        location=row["article"], published_at=published(row["published"] or None),
        first_seen=datetime(2026, 1, 1, tzinfo=UTC), subject=row["subject"],
        subject_type=row["subject_type"], metric=row["metric"], value=float(row["value"]),  # type: ignore[arg-type]
        value_max=float(row["value_max"]) if row["value_max"] else None, unit=row["unit"],
        qualifier=row["qualifier"], text=text, start=0, end=len(text), sentence=sentence,  # type: ignore[arg-type]
        as_of=row["as_of"] or None, attribution=row["attribution"] or None,
        object=row["object"] or None,
    )  # fmt: skip


def _load() -> tuple[dict[int, dict[str, str]], list[tuple[int, int, str]]]:
    with (DATA / "claims.csv").open(encoding="utf-8", newline="") as fh:
        rows = {int(row["id"]): row for row in csv.DictReader(fh)}
    with (DATA / "pairs.csv").open(encoding="utf-8", newline="") as fh:
        pairs = [(int(r["a"]), int(r["b"]), r["label"]) for r in csv.DictReader(fh)]
    return rows, pairs


def _flagged(claims: list[StoredClaim]) -> set[frozenset[int]]:
    timelines = build_timelines(claims, currency="USD", rates=default_rates(), max_conflicts=None)
    return {
        frozenset((x, y))
        for t in timelines
        for c in t.conflicts
        for x in c.a.claim_ids
        for y in c.b.claim_ids
    }


def _score(claims: list[StoredClaim], pairs: list[tuple[int, int, str]]) -> Scores:
    flags = _flagged(claims)
    flagged = [label for a, b, label in pairs if frozenset((a, b)) in flags]
    return Scores(
        pairs=len(pairs),
        flagged=len(flagged),
        true_positives=flagged.count("disagree"),
        disagreements=sum(1 for *_, label in pairs if label == "disagree"),
    )


@pytest.fixture(scope="module")
def labelled() -> tuple[dict[int, dict[str, str]], list[tuple[int, int, str]], list[StoredClaim]]:
    rows, pairs = _load()
    article_ids: dict[str, int] = {}
    claims = [_claim(row, article_ids) for row in rows.values()]
    return rows, pairs, claims


def test_labelled_pairs_are_many_and_of_every_kind(labelled) -> None:  # type: ignore[no-untyped-def]
    rows, pairs, claims = labelled
    labels = Counter(label for *_, label in pairs)
    assert len(pairs) >= 150 and set(labels) == {"agree", "disagree", "change", "different"}
    assert all(rows[a]["article"] != rows[b]["article"] for a, b, _ in pairs)
    assert {rows[a]["article"].split(":")[0] for a, _, _ in pairs} == {"real", "sample"}
    for claim, row in zip(claims, rows.values(), strict=True):  # the sentences carry the roles
        assert claim_role(claim.sentence, claim.text, claim.qualifier) == row["role"]


def test_labelled_pairs_conflict_flags_on_correct_extractions(labelled) -> None:  # type: ignore[no-untyped-def]
    rows, pairs, claims = labelled
    right = [c for c in claims if rows[c.id]["extraction_ok"] == "1"]
    kept = {c.id for c in right}
    scores = _score(right, [p for p in pairs if p[0] in kept and p[1] in kept])
    assert scores.pairs >= 150 and scores.disagreements >= 8
    assert scores.precision >= 0.9, scores
    assert scores.recall >= 0.8, scores


def test_labelled_pairs_conflict_flags_end_to_end(labelled) -> None:  # type: ignore[no-untyped-def]
    """Extraction errors (a share price read as a market value, a subject mislinked) cost
    precision here; measured 0.647 / 0.733 (11 of 17 flags right, 11 of 15 found)."""
    _, pairs, claims = labelled
    scores = _score(claims, pairs)
    assert scores.pairs == 700 and scores.disagreements == 15
    assert scores.precision >= 0.6, scores
    assert scores.recall >= 0.7, scores
