"""The claim store: articles and claims in SQLite (default) or PostgreSQL."""

from corpus.store.models import (
    ClaimFilter,
    RunRecord,
    SaveResult,
    SaveStatus,
    StoreCounts,
    StoredArticle,
    StoredClaim,
)
from corpus.store.queries import norm_key
from corpus.store.schema import (
    SchemaError,
    SchemaOutOfDateError,
    SchemaTooNewError,
    current_revisions,
    head_revision,
)
from corpus.store.store import ClaimStore

__all__ = [
    "ClaimFilter",
    "ClaimStore",
    "RunRecord",
    "SaveResult",
    "SaveStatus",
    "SchemaError",
    "SchemaOutOfDateError",
    "SchemaTooNewError",
    "StoreCounts",
    "StoredArticle",
    "StoredClaim",
    "current_revisions",
    "head_revision",
    "norm_key",
]
