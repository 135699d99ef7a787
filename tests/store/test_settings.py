"""Where the store lives by default."""

from __future__ import annotations

import pytest

from corpus.settings import default_db_url, normalise_db_url

URL_CASES = [
    ("sqlite:///x.db", "sqlite:///x.db"),
    ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
    ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
]


@pytest.mark.parametrize("url,expected", URL_CASES)
def test_settings_normalise_db_url(url: str, expected: str) -> None:
    assert normalise_db_url(url) == expected


def test_settings_default_db_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AICLAIMS_DB", raising=False)
    assert default_db_url() == "sqlite:///aiclaims.db"
    monkeypatch.setenv("AICLAIMS_DB", "postgresql://me@db/claims")
    assert default_db_url() == "postgresql+psycopg://me@db/claims"
