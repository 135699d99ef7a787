"""``aiclaims sources``: check a sources file before a cron job or ``serve`` relies on it."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape

from flows.cli.errors import EXIT_FAILED
from flows.cli.state import stderr, stdout

sources_app = typer.Typer(help="Work with the sources file (TOML).", no_args_is_help=True)


def path_problems(spec: Any) -> list[str]:
    """What is missing on disk for one source: its folder, feed file or URL list."""
    from corpus.sources.discover import list_files

    where = f"source {spec.name!r}"
    if spec.kind == "folder":
        if not spec.path.exists():
            return [f"{where}: folder {spec.path} does not exist"]
        if spec.path.is_dir() and not list_files(spec.path, spec.glob):
            return [f"{where}: no file in {spec.path} matches {spec.glob or '**/*'!r}"]
    elif spec.kind == "feed" and spec.file is not None and not spec.file.is_file():
        return [f"{where}: feed file {spec.file} does not exist"]
    elif spec.kind == "urls" and spec.urls_file is not None and not spec.urls_file.is_file():
        return [f"{where}: URL list {spec.urls_file} does not exist"]
    return []


def name_problems(wanted: list[str], names: list[str], path: Path) -> list[str]:
    """Each name asked for that the file does not define, with the closest one it does."""
    problems = []
    for name in wanted:
        if name in names:
            continue
        close = difflib.get_close_matches(name, names, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        problems.append(f"{path}: no source named {name!r}{hint}")
    return problems


def _describe(spec: Any) -> str:
    where = spec.path or spec.url or spec.file or spec.urls_file or ", ".join(spec.urls or [])
    schedule = f", schedule {spec.schedule}" if spec.schedule is not None else ""
    local = ", local" if spec.local else ""
    return f"{spec.name}: {spec.kind} {where}{schedule}{local}"


@sources_app.command("check")
def check(
    path: Path = typer.Argument(..., help="Sources file to check."),
    names: list[str] = typer.Argument(None, help="Source names that must be in it."),
) -> None:
    """Check a sources file: its syntax and fields, that its folders and files exist,
    and that the names given are defined. Exit status 1 when something is wrong.

    Example: aiclaims sources check sources.toml tech-feed saved-pages
    """
    from corpus.sources import SourcesError, load_sources

    try:
        sources = load_sources(path)
    except SourcesError as err:
        problems = list(err.problems)
    else:
        for spec in sources.sources:
            stdout.print(escape(_describe(spec)), highlight=False)
        problems = [p for spec in sources.sources for p in path_problems(spec)]
        problems += name_problems(list(names or []), sources.names, path)
    for problem in problems:
        stderr.print(f"[bold red]problem:[/] {escape(problem)}", highlight=False)
    if problems:
        raise typer.Exit(EXIT_FAILED)
    stdout.print(f"{path}: {len(sources.sources)} sources, valid", highlight=False)
