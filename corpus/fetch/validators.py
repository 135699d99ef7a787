"""HTTP validators (ETag, Last-Modified) kept between runs for conditional requests.

Validators are remembered only when the caller says a page was stored
(`ValidatorCache.remember`): remembering them at download time would turn a page
whose store failed into a 304 on the next run, and it would never be stored.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
from pathlib import Path

from pydantic import BaseModel

from corpus.documents import without_credentials

STATE_FILE_NAME = "http-validators.json"


class Validators(BaseModel):
    etag: str | None = None
    last_modified: str | None = None

    def is_empty(self) -> bool:
        return not (self.etag or self.last_modified)

    def request_headers(self) -> dict[str, str]:
        headers: dict[str, str] = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


class ValidatorCache:
    """URL → validators, in a small JSON file under a state directory (or memory only)."""

    def __init__(self, state_dir: Path | None = None) -> None:
        self._path = state_dir / STATE_FILE_NAME if state_dir is not None else None
        self._lock = threading.Lock()
        self._entries: dict[str, Validators] = self._load()

    def _load(self) -> dict[str, Validators]:
        entries = {}
        for url, value in self._load_file_entries().items():
            if isinstance(value, dict):
                entries[url] = Validators.model_validate(
                    {k: v for k, v in value.items() if k in ("etag", "last_modified")}
                )
        return entries

    def get(self, url: str) -> Validators | None:
        with self._lock:
            return self._entries.get(without_credentials(url))

    def remember(self, url: str, validators: Validators) -> None:
        """Keep validators for a URL whose page has been stored; empty ones drop the entry.
        (Keys are URLs without credentials: the state file holds no password.)"""
        url = without_credentials(url)
        with self._lock:
            if validators.is_empty():
                self._entries.pop(url, None)
            else:
                self._entries[url] = validators
            self._save()

    def _save(self) -> None:
        """Merge with what other processes wrote, then replace the file atomically."""
        if self._path is None:
            return
        self._path.parent.mkdir(parents=True, exist_ok=True)
        on_disk = self._load_file_entries()
        on_disk.update({url: v.model_dump() for url, v in self._entries.items()})
        fd, tmp = tempfile.mkstemp(dir=self._path.parent, prefix=".validators-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(on_disk, handle, ensure_ascii=False, sort_keys=True)
            os.replace(tmp, self._path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def _load_file_entries(self) -> dict[str, dict[str, str | None]]:
        """The file's entries; a missing or damaged file only costs full downloads."""
        if self._path is None:
            return {}
        try:
            raw = json.loads(self._path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return raw if isinstance(raw, dict) else {}
