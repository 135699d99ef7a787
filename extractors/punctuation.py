"""Punctuation several stages read alike."""

from __future__ import annotations

import re

# Where a sentence stops for good: a full stop, a question or an exclamation mark (either
# width), or a line break. (The segmenter's sentences also end at ；, see segmentation.)
SENTENCE_STOP = re.compile(r"[。！？!?\n]")
