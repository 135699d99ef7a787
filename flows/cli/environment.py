"""Can this Python run aiclaims? Checked before a run and by ``aiclaims doctor``.

A dependency that is missing, or too old, or that fails on import (lxml 5.2+ without
``lxml_html_clean``: trafilatura, and so every HTML page, fails) is a set-up error
with the command that fixes it, not a skip per page.
"""

from __future__ import annotations

import importlib
import importlib.util
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from typing import Any

from flows.cli.errors import SetupError

DISTRIBUTION = "aiclaims"
REINSTALL = "pip install -r requirements.lock -e . (what `make` runs)"
#: Modules whose import name is not their package's name on PyPI.
PACKAGE_OF_MODULE = {
    "lxml.html.clean": "lxml_html_clean",
    "lxml_html_clean": "lxml_html_clean",
    "yaml": "pyyaml",
    "psycopg": "psycopg[binary]",
    "charset_normalizer": "charset-normalizer",
    "prefect_dask": "prefect-dask",
}
#: Imported by the extractor at its first HTML page; fails on import when lxml's HTML
#: cleaner is missing (lxml 5.2+ without lxml_html_clean).
IMPORTED = ("trafilatura",)
#: Imported when the extractor is built or meets a page; looked up, not imported.
FOUND = ("spacy", "jieba", "rjieba", "opencc", "htmldate", "charset_normalizer")
#: A page of each kind the extractor reads: HTML goes through trafilatura (and lxml's
#: cleaner), text through the text-dump cleaner.
SMOKE_PAGES = (
    ("smoke.txt", "英伟达市值达到3万亿美元。"),
    (
        "smoke.html",
        "<html><head><title>测试</title></head><body><article>"
        "<p>英伟达市值达到3万亿美元。</p></article></body></html>",
    ),
)


@dataclass(frozen=True)
class Problem:
    """Something wrong with the environment, and the command that fixes it."""

    what: str
    fix: str

    def line(self) -> str:
        return f"{self.what}; fix: {self.fix}"


def requirement_problems(distribution: str = DISTRIBUTION) -> list[Problem]:
    """Each requirement aiclaims declares (extras left out): installed, at a version
    it accepts. Empty when aiclaims runs from a checkout that was never installed."""
    from packaging.requirements import Requirement

    try:
        declared = metadata.requires(distribution) or []
    except metadata.PackageNotFoundError:
        return []
    problems = []
    for text in declared:
        requirement = Requirement(text)
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        try:
            installed = metadata.version(requirement.name)
        except metadata.PackageNotFoundError:
            problems.append(
                Problem(f"{requirement.name} is not installed", f"pip install '{text}'")
            )
            continue
        if not requirement.specifier.contains(installed, prereleases=True):
            problems.append(
                Problem(
                    f"{requirement.name} {installed} is installed, aiclaims needs "
                    f"{requirement.specifier}",
                    f"pip install '{text}'",
                )
            )
    return problems


def import_error_fix(err: ImportError) -> str:
    """The command that brings back what ``err`` could not import."""
    text = f"{err.name or ''} {err}"
    for module, package in PACKAGE_OF_MODULE.items():
        if module in text:
            return f"pip install '{package}' (or {REINSTALL})"
    if err.name:
        return f"pip install '{err.name.split('.')[0]}' (or {REINSTALL})"
    return REINSTALL


def import_problem(err: ImportError, what: str) -> Problem:
    reason = str(err).splitlines()[0] if str(err) else type(err).__name__
    return Problem(f"{what} cannot import what it needs ({reason})", import_error_fix(err))


def extractor_problem(extractor: Any) -> Problem | None:
    """Run ``extractor`` on a tiny page of each kind; a failed import is a problem."""
    try:
        for name, page in SMOKE_PAGES:
            extractor.extract(page, source_name=name)
    except ImportError as err:
        return import_problem(err, "the extractor")
    return None


def extractor_import_problems() -> list[Problem]:
    """What the extractor imports only when it meets a page (cheap to check before a
    run): the modules of ``IMPORTED`` for real, those of ``FOUND`` only looked up."""
    problems = []
    for module in IMPORTED:
        try:
            importlib.import_module(module)
        except ImportError as err:
            problems.append(import_problem(err, "the extractor"))
    for module in FOUND:
        if importlib.util.find_spec(module) is None:
            problems.append(
                Problem(f"the extractor needs {module}, which is not installed", REINSTALL)
            )
    return problems


def require_extractor_imports() -> None:
    """SetupError (exit 2, with the fix) when the extractor could not import something."""
    problems = extractor_import_problems()
    if problems:
        raise SetupError(problems[0].what, problems[0].fix)


IMPORT_FAILURE = re.compile(r"\b(?:ImportError|ModuleNotFoundError)\b")


def import_failures(skipped: Iterable[Any]) -> list[Any]:
    """Skips whose reason is a failed import: the environment's fault, not the page's."""
    return [skip for skip in skipped if IMPORT_FAILURE.search(skip.reason)]
