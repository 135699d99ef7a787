"""Punctuation several stages read alike."""

from __future__ import annotations

import re

# Where a sentence stops for good: a full stop, a question or an exclamation mark (either
# width), or a line break. (The segmenter's sentences also end at ；, see segmentation.)
SENTENCE_STOP = re.compile(r"[。！？!?\n]")

# Where a clause ends: a comma, a semicolon, or the end of a sentence.
CLAUSE_END = re.compile(r"[，,；;。！？!?]")

# A list item's bullet opening a line ("• 新增…", "- 某模型: 72.5%").
LIST_BULLET = re.compile(r"\s*[•●◦‣▪■◆◇▶►\-*]\s")
