"""Pure NLP of aiclaims: page in, article and claims out (no I/O)."""

DEFAULT_BACKEND = "rjieba"
"""Segmenter backend used unless one is asked for: jieba's Rust port, same dictionary and words."""

BACKENDS = ("rjieba", "jieba")
