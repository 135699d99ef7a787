"""The environment check of `doctor` and of every run: requirements and imports."""

from __future__ import annotations

from importlib import metadata

import pytest

from flows.cli import environment
from flows.cli.environment import import_error_fix, requirement_problems


def test_cli_environment_this_installation_meets_its_requirements() -> None:
    """pyproject.toml's requirements, as installed from requirements.lock, hold."""
    declared = metadata.requires("aiclaims") or []
    assert any(r.startswith("lxml_html_clean") for r in declared), "a direct requirement"
    assert requirement_problems() == []


INSTALLED = {"jinja2": "3.1.6", "lxml": "5.2.0", "httpx": "0.26.0"}
CASES = [
    (["jinja2>=3.1"], []),
    (["lxml_html_clean>=0.4"], ["lxml_html_clean is not installed"]),
    (["httpx>=0.27"], ["httpx 0.26.0 is installed, aiclaims needs >=0.27"]),
    (["lxml>=5", "jinja2<3"], ["jinja2 3.1.6 is installed, aiclaims needs <3"]),
    (['pytest>=8; extra == "dev"'], []),  # extras are not required to run
]


@pytest.mark.parametrize(("requires", "problems"), CASES)
def test_cli_environment_requirement_problems(
    monkeypatch: pytest.MonkeyPatch, requires: list[str], problems: list[str]
) -> None:
    def version(name: str) -> str:
        if name not in INSTALLED:
            raise metadata.PackageNotFoundError(name)
        return INSTALLED[name]

    monkeypatch.setattr(environment.metadata, "requires", lambda _name: requires)
    monkeypatch.setattr(environment.metadata, "version", version)
    found = requirement_problems()
    assert [p.what for p in found] == problems
    assert all(p.fix.startswith("pip install '") for p in found)


FIXES = [
    (ModuleNotFoundError("No module named 'lxml_html_clean'", name="lxml_html_clean"),
     "pip install 'lxml_html_clean'"),
    (ImportError("lxml.html.clean module is now a separate project lxml_html_clean."),
     "pip install 'lxml_html_clean'"),
    (ModuleNotFoundError("No module named 'yaml'", name="yaml"), "pip install 'pyyaml'"),
    (ModuleNotFoundError("No module named 'rjieba.x'", name="rjieba.x"), "pip install 'rjieba'"),
    (ImportError("something odd"), "pip install -r requirements.lock"),
]  # fmt: skip


@pytest.mark.parametrize(("error", "fix"), FIXES)
def test_cli_environment_import_error_fix(error: ImportError, fix: str) -> None:
    assert import_error_fix(error).startswith(fix)


def test_cli_environment_import_failures_are_found_among_skips() -> None:
    from corpus.documents import SkippedInput
    from flows.cli.environment import import_failures

    broken = SkippedInput(location="a.html", reason="unexpected error (ImportError: lxml...)")
    fine = SkippedInput(location="b.html", reason="empty file")
    assert import_failures([fine, broken]) == [broken]
