"""Where the claim store lives: one URL, from the environment or a default."""

from __future__ import annotations

import os

DEFAULT_DB_URL = "sqlite:///aiclaims.db"
DB_ENV_VAR = "AICLAIMS_DB"


def default_db_url() -> str:
    """The store URL: ``$AICLAIMS_DB`` if set, else ``aiclaims.db`` in the working directory."""
    return normalise_db_url(os.environ.get(DB_ENV_VAR) or DEFAULT_DB_URL)


def normalise_db_url(url: str) -> str:
    """Map plain PostgreSQL URLs onto the psycopg 3 driver, the only one installed."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url
