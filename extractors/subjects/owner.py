"""The page's owner, named by its logo: a company's own release ("nvdalogoa19.jpg").

A firm's statement of results published as it is (a CFO's commentary, a table of
quarterly figures) names the firm only in its logo: the image at the top of the page
whose file name holds the firm's name or ticker. The owner is the topic of an article
that names no actor of its own (see :class:`extractors.claims.context.ArticleContext`).
"""

from __future__ import annotations

import re

from extractors.subjects.gazetteer import Gazetteer
from extractors.subjects.ruler import Mention

# An image file whose name says it is a logo, and the letters of that name.
_LOGO_FILE = re.compile(
    r"([a-z0-9_.-]*logo[a-z0-9_.-]*)\.(?:jpe?g|png|gif|svg|webp)\b", re.IGNORECASE
)
_LETTERS = re.compile(r"[A-Za-z]{3,}")
_HEAD = 2000  # characters of the raw page searched for the logo


def page_owner(raw: str, gazetteer: Gazetteer) -> Mention | None:
    """The known actor a logo near the top of ``raw`` names (outlets aside), if any."""
    if "logo" not in raw[:_HEAD].lower():
        return None
    for logo in _LOGO_FILE.finditer(raw, 0, _HEAD):
        stem = re.sub("logo", " ", logo.group(1), flags=re.IGNORECASE)
        for word in _LETTERS.findall(stem):
            entity = gazetteer.lookup(word)
            if entity is not None and not entity.outlet and entity.type == "organization":
                return Mention(0, 0, word, entity.name, entity.type, "gazetteer")
    return None
