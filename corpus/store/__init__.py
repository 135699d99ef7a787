"""The claim store: articles and claims in SQLite (default) or PostgreSQL."""

from corpus.store.models import (
    ClaimFilter,
    RunRecord,
    SaveFailed,
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
    StoreError,
    current_revisions,
    head_revision,
)
from corpus.store.store import ClaimStore

__all__ = [
    "ClaimFilter",
    "ClaimStore",
    "RunRecord",
    "SaveFailed",
    "SaveResult",
    "SaveStatus",
    "SchemaError",
    "SchemaOutOfDateError",
    "SchemaTooNewError",
    "StoreCounts",
    "StoreError",
    "StoredArticle",
    "StoredClaim",
    "current_revisions",
    "head_revision",
    "norm_key",
]
