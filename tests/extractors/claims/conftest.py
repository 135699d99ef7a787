"""One extractor for all claim tests (building it loads data files and the segmenter)."""

from __future__ import annotations

import pytest

from extractors.pipeline import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor(backend="rjieba")
