"""The sources file's model: named sources and the settings shared by all of them."""

from __future__ import annotations

import codecs
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from cronsim import CronSim, CronSimError
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from corpus.decoding import is_text_encoding
from corpus.fetch import DEFAULT_MAX_BYTES, USER_AGENT
from corpus.sources.folders import glob_problem

SourceKind = Literal["folder", "feed", "urls"]
MIN_INTERVAL = timedelta(seconds=10)
MAX_INTERVAL = timedelta(days=366)
_INTERVAL_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(d|h|m|s)", re.IGNORECASE)
_UNIT_SECONDS = {"d": 86400, "h": 3600, "m": 60, "s": 1}
FIELDS_BY_KIND: dict[str, frozenset[str]] = {
    "folder": frozenset({"path", "glob"}),
    "feed": frozenset({"url", "file"}),
    "urls": frozenset({"urls", "urls_file", "recheck", "detect_feed"}),
}


def parse_interval(text: str) -> timedelta | None:
    """'1h', '30m', '90s', '1h30m', '2d' or a number of seconds; None if not an interval."""
    compact = text.strip().replace(" ", "")
    if re.fullmatch(r"\d+(\.\d+)?", compact):
        return _seconds(float(compact))
    if not compact or _INTERVAL_PART.sub("", compact):
        return None
    seconds = sum(float(n) * _UNIT_SECONDS[u.lower()] for n, u in _INTERVAL_PART.findall(compact))
    return _seconds(seconds)


def _seconds(seconds: float) -> timedelta:
    """An interval; one too long for a timedelta is taken as just over ``MAX_INTERVAL``
    (so that validation says it is too long instead of overflowing)."""
    try:
        return timedelta(seconds=seconds)
    except OverflowError:
        return MAX_INTERVAL + timedelta(seconds=1)


def is_http_url(text: str) -> bool:
    parts = urlsplit(text)
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


class SourceSpec(BaseModel):
    """One named source of the sources file (or one made from a CLI argument)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    kind: SourceKind
    path: Path | None = None
    glob: str | None = None
    url: str | None = None
    file: Path | None = None
    urls: list[str] | None = None
    urls_file: Path | None = None
    recheck: bool = False
    site: str | None = None
    encoding: str | None = None
    schedule: str | int | float | None = None
    local: bool = False
    #: Hosts besides the source's own that a local source may reach on private addresses.
    local_hosts: list[str] = Field(default_factory=list)
    max_bytes: int | None = Field(default=None, gt=0)
    detect_feed: bool = False

    @field_validator("name")
    @classmethod
    def _name_is_trimmed(cls, value: str) -> str:
        if value != value.strip():
            raise ValueError("must not start or end with spaces")
        return value

    @field_validator("encoding")
    @classmethod
    def _encoding_is_known(cls, value: str | None) -> str | None:
        if value is None:
            return None
        try:
            codecs.lookup(value)
        except (LookupError, ValueError):
            raise ValueError(
                f"unknown encoding {value!r} (try gbk, gb18030, big5, utf-8)"
            ) from None
        if not is_text_encoding(value):
            raise ValueError(
                f"{value!r} is not a text encoding a web page may use "
                "(try gbk, gb18030, big5, utf-8)"
            )
        return value

    @field_validator("glob")
    @classmethod
    def _glob_stays_inside(cls, value: str | None) -> str | None:
        problem = None if value is None else glob_problem(value)
        if problem:
            raise ValueError(problem)
        return value

    @field_validator("path")
    @classmethod
    def _path_is_not_root(cls, value: Path | None) -> Path | None:
        if value is not None and value.is_absolute() and value.parent == value:
            raise ValueError(f"{str(value)!r} is the root of the file system; name a folder")
        return value

    @field_validator("schedule")
    @classmethod
    def _schedule_is_valid(cls, value: str | int | float | None) -> str | int | float | None:
        if value is None:
            return None
        if isinstance(value, bool):
            raise ValueError("must be a cron expression, an interval like '1h', or seconds")
        if isinstance(value, int | float):
            interval: timedelta | None = _seconds(value)
        else:
            interval = parse_interval(value)
        if interval is None:
            _check_cron(str(value))
        elif interval < MIN_INTERVAL:
            raise ValueError(f"interval {value!r} is shorter than {MIN_INTERVAL.seconds} s")
        elif interval > MAX_INTERVAL:
            raise ValueError(f"interval {value!r} is longer than {MAX_INTERVAL.days} days")
        return value

    @field_validator("url")
    @classmethod
    def _url_is_http(cls, value: str | None) -> str | None:
        if value is not None and not is_http_url(value):
            raise ValueError(f"{value!r} is not an http(s) URL")
        return value

    @field_validator("urls")
    @classmethod
    def _urls_are_http(cls, value: list[str] | None) -> list[str] | None:
        bad = [u for u in value or [] if not is_http_url(u)]
        if bad:
            raise ValueError(f"not http(s) URLs: {', '.join(repr(u) for u in bad[:3])}")
        return value

    @model_validator(mode="after")
    def _fields_fit_kind(self) -> SourceSpec:
        foreign = [
            field
            for kind, fields in FIELDS_BY_KIND.items()
            if kind != self.kind
            for field in sorted(fields)
            if field in self.model_fields_set
        ]
        if foreign:
            raise ValueError(f"{', '.join(foreign)} not allowed in a {self.kind} source")
        if self.kind == "folder" and self.path is None:
            raise ValueError("a folder source needs 'path'")
        if self.kind == "feed" and (self.url is None) == (self.file is None):
            raise ValueError("a feed source needs exactly one of 'url' or 'file'")
        if self.kind == "urls" and self.urls is None and self.urls_file is None:
            raise ValueError("a urls source needs 'urls' (a list) or 'urls_file'")
        return self

    @property
    def interval(self) -> timedelta | None:
        """The schedule as an interval, if it is one."""
        if self.schedule is None or isinstance(self.schedule, bool):
            return None
        if isinstance(self.schedule, int | float):
            return _seconds(self.schedule)
        return parse_interval(self.schedule)

    def local_host_names(self) -> frozenset[str]:
        """Hosts this source may reach on non-public addresses: none unless ``local``;
        then its own (the feed's host, the listed URLs' hosts) and ``local_hosts``."""
        if not self.local:
            return frozenset()
        own = [self.url, *(self.urls or [])]
        hosts = {urlsplit(url).hostname for url in own if url}
        return frozenset(h.lower() for h in (*hosts, *self.local_hosts) if h)

    @property
    def cron(self) -> str | None:
        """The schedule as a cron expression, if it is one."""
        if isinstance(self.schedule, str) and self.interval is None:
            return self.schedule
        return None

    def with_base(self, base: Path) -> SourceSpec:
        """Relative paths resolved against ``base`` (the sources file's folder)."""
        updates = {
            field: base / value
            for field in ("path", "file", "urls_file")
            if isinstance(value := getattr(self, field), Path) and not value.is_absolute()
        }
        return self.model_copy(update=updates) if updates else self


def _check_cron(value: str) -> None:
    try:
        CronSim(value, datetime.now(UTC))
    except (CronSimError, ValueError) as error:
        raise ValueError(
            f"{value!r} is neither an interval ('1h', '30m', '90s', seconds) "
            f"nor a 5-field cron expression ({error})"
        ) from None


class Settings(BaseModel):
    """Settings shared by all sources (the ``[settings]`` table)."""

    model_config = ConfigDict(extra="forbid")

    user_agent: str = USER_AGENT
    max_bytes: int = Field(default=DEFAULT_MAX_BYTES, gt=0)
    timeout: float = Field(default=10.0, gt=0)
    deadline: float = Field(default=60.0, gt=0)
    max_redirects: int = Field(default=5, ge=0)
    per_host_concurrency: int = Field(default=2, ge=1)
    #: Seconds one page may take to clean and extract before it is skipped.
    page_budget: float = Field(default=60.0, gt=0)
    state_dir: Path | None = None
    export_dir: Path | None = None
    changes_path: Path | None = None
    report_path: Path | None = None
    database: str | None = None

    def with_base(self, base: Path) -> Settings:
        updates = {
            field: base / value
            for field in ("state_dir", "export_dir", "changes_path", "report_path")
            if isinstance(value := getattr(self, field), Path) and not value.is_absolute()
        }
        return self.model_copy(update=updates) if updates else self


class SourcesFile(BaseModel):
    """A whole sources file: its sources in file order and its settings."""

    model_config = ConfigDict(extra="forbid")

    sources: list[SourceSpec] = Field(default_factory=list)
    settings: Settings = Field(default_factory=Settings)
    path: Path | None = None

    def get(self, name: str) -> SourceSpec | None:
        return next((s for s in self.sources if s.name == name), None)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.sources]

    def max_bytes_for(self, spec: SourceSpec) -> int:
        """The size cap for one source: its own override, else the settings' cap."""
        return spec.max_bytes or self.settings.max_bytes
