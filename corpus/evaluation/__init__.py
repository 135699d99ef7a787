"""Measuring the extractor against hand-made gold claims (CLAIMS.md "Scoring")."""

from corpus.evaluation.scoring import (
    ArticleScore,
    GoldArticle,
    Score,
    load_gold_dir,
    score_article,
)

__all__ = ["ArticleScore", "GoldArticle", "Score", "load_gold_dir", "score_article"]
