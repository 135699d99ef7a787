"""``aiclaims doctor``: is the environment complete, and is the store whole? (On stderr,
like every diagnostic.)"""

from __future__ import annotations

from typing import Any

import typer

from flows.cli.errors import EXIT_FAILED
from flows.cli.state import state, stderr

OK = "[green]ok[/]"
PROBLEM = "[bold red]problem[/]"


def environment_problems() -> list[str]:
    """Requirements installed at accepted versions; the extractor runs on a page of each
    kind (a failed import shows here, not as a skip per page)."""
    from flows.cli.environment import extractor_problem, requirement_problems

    problems = [p.line() for p in requirement_problems()]
    try:
        from extractors import DEFAULT_BACKEND
        from extractors.pipeline import Extractor

        problem = extractor_problem(Extractor(backend=DEFAULT_BACKEND))
    except ImportError as err:
        from flows.cli.environment import import_problem

        problem = import_problem(err, "the extractor")
    if problem is not None:
        problems.append(problem.line())
    return problems


def integrity_problems(store: Any) -> list[str]:
    """SQLite's own check of the database file (pages, indexes); [] on other backends."""
    if store.engine.dialect.name != "sqlite":
        return []
    with store.engine.connect() as conn:
        rows = [str(row[0]) for row in conn.exec_driver_sql("PRAGMA integrity_check")]
    return [] if rows == ["ok"] else [f"SQLite integrity check: {row}" for row in rows]


def _section(title: str, problems: list[str], detail: str = "") -> None:
    status = OK if not problems else PROBLEM
    stderr.print(f"{title}: {status}{detail}", highlight=False)
    for problem in problems:
        stderr.print(f"  - {problem}", highlight=False, markup=False)


def doctor(ctx: typer.Context) -> None:
    """Check the environment and the store; exit status 1 when something is wrong.

    The environment: requirements installed at accepted versions, the extractor's
    imports. The store: SQLite's integrity check, counts, orphans, claim text at its
    offsets. Example: aiclaims doctor
    """
    from flows.cli.store_access import display_url, open_existing_store

    environment = environment_problems()
    _section("environment", environment)
    with open_existing_store(state(ctx).db_url) as store:
        integrity = integrity_problems(store)
        consistency = store.check() if not integrity else []
        counts = store.counts()
    _section(
        f"store {display_url(state(ctx).db_url)}",
        integrity + consistency,
        f" ({counts.articles} articles, {counts.claims} current claims; kept: "
        f"{counts.article_versions} article versions, {counts.claim_rows} claims; "
        f"{counts.runs} runs)",
    )
    if environment or integrity or consistency:
        raise typer.Exit(EXIT_FAILED)
    stderr.print("store is consistent", highlight=False)


def register(app: typer.Typer) -> None:
    app.command()(doctor)
