"""Reading and checking the sources file, with messages a user can act on."""

from __future__ import annotations

import difflib
import re
import tomllib
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from corpus.errors import UsageError
from corpus.sources.spec import Settings, SourcesFile, SourceSpec

TOP_LEVEL_KEYS = ("settings", "source", "sources")
ModelT = TypeVar("ModelT", bound=BaseModel)


class SourcesError(UsageError):
    """The sources file (or a CLI input) is unusable; ``problems`` has one line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def load_sources(path: Path) -> SourcesFile:
    """Parse and validate a sources file; relative paths are taken from its folder."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SourcesError([f"{path}: sources file not found"]) from None
    except (OSError, UnicodeDecodeError) as error:
        raise SourcesError([f"{path}: cannot read the sources file ({error})"]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SourcesError([f"{path}: not valid TOML: {error}"]) from None
    return parse_sources(data, path=path, text=text)


def parse_sources(data: dict[str, Any], *, path: Path, text: str = "") -> SourcesFile:
    """Validate already-parsed TOML data; collects every problem before raising."""
    problems: list[str] = []
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            hint = _did_you_mean(key, TOP_LEVEL_KEYS)
            problems.append(
                f"{path}: unknown top-level key {key!r}{hint} "
                "(expected [settings], [[source]] or [sources.NAME])"
            )
    settings = Settings()
    raw_settings = data.get("settings", {})
    if not isinstance(raw_settings, dict):
        problems.append(f"{path}: [settings] must be a table")
    else:
        settings = _validate(Settings, raw_settings, f"{path}: [settings]", problems) or settings
    sources = []
    for where, raw in _source_entries(data, path, text, problems):
        spec = _validate(SourceSpec, raw, where, problems)
        if spec is not None:
            sources.append(spec.with_base(path.parent))
    seen: set[str] = set()
    for spec in sources:
        if spec.name in seen:
            problems.append(f"{path}: source name {spec.name!r} is used more than once")
        seen.add(spec.name)
    if problems:
        raise SourcesError(problems)
    return SourcesFile(sources=sources, settings=settings.with_base(path.parent), path=path)


def _source_entries(
    data: dict[str, Any], path: Path, text: str, problems: list[str]
) -> list[tuple[str, dict[str, Any]]]:
    """(where, raw table) of every source, from [[source]] arrays and [sources.NAME] tables."""
    entries: list[tuple[str, dict[str, Any]]] = []
    array = data.get("source", [])
    if not isinstance(array, list):
        problems.append(f"{path}: 'source' must be written as [[source]] tables")
        array = []
    array_lines = _header_lines(text, r"\[\[\s*source\s*\]\]")
    for index, raw in enumerate(array):
        line = array_lines[index] if index < len(array_lines) else None
        at = f"{path}:{line}" if line else str(path)
        if not isinstance(raw, dict):
            problems.append(f"{at}: source #{index + 1} must be a table")
            continue
        name = raw.get("name")
        label = f"source {name!r}" if isinstance(name, str) and name else f"source #{index + 1}"
        entries.append((f"{at}: {label}", raw))
    tables = data.get("sources", {})
    if not isinstance(tables, dict):
        problems.append(f"{path}: 'sources' must be written as [sources.NAME] tables")
        tables = {}
    for name, raw in tables.items():
        lines = _header_lines(text, r"\[\s*sources\s*\.\s*\"?" + re.escape(name) + r"\"?\s*\]")
        at = f"{path}:{lines[0]}" if lines else str(path)
        if not isinstance(raw, dict):
            problems.append(f"{at}: sources.{name} must be a table")
            continue
        if "name" in raw and raw["name"] != name:
            problems.append(f"{at}: source {name!r}: 'name' differs from the table name")
            continue
        entries.append((f"{at}: source {name!r}", {**raw, "name": name}))
    return entries


def _header_lines(text: str, pattern: str) -> list[int]:
    regex = re.compile(r"^\s*" + pattern + r"\s*(#.*)?$")
    return [n for n, line in enumerate(text.splitlines(), start=1) if regex.match(line)]


def _validate(
    model: type[ModelT], raw: dict[str, Any], where: str, problems: list[str]
) -> ModelT | None:
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        fields = list(model.model_fields)
        problems.extend(f"{where}: {describe_error(e, fields)}" for e in error.errors())
        return None


def describe_error(error: Any, known_fields: list[str]) -> str:
    """One pydantic error as a sentence naming the field."""
    field = ".".join(str(part) for part in error.get("loc", ()))
    kind = error.get("type", "")
    value = error.get("input")
    message = str(error.get("msg", "")).removeprefix("Value error, ")
    if kind == "missing":
        return f"missing required field {field!r}"
    if kind == "extra_forbidden":
        return f"unknown key {field!r}{_did_you_mean(field, known_fields)}"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"{field!r} must be {expected} (got {value!r})"
    if not field:
        return message
    if kind == "value_error":
        return f"{field!r}: {message}"
    return f"{field!r}: {message} (got {value!r})"


def _did_you_mean(word: str, choices: Any) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""
