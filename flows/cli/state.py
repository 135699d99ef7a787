"""Options shared by every command, kept on the typer context."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import typer
from rich.console import Console
from rich.markup import escape


@dataclass
class CliState:
    db_url: str | None = None
    quiet: bool = False
    verbose: bool = False

    @property
    def show_progress(self) -> bool:
        """Progress bars only on a terminal, never with --quiet."""
        return not self.quiet and sys.stderr.isatty()


def state(ctx: typer.Context) -> CliState:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, CliState) else CliState()


stdout = Console(soft_wrap=True)
stderr = Console(stderr=True, soft_wrap=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a one-line error and return the exit to raise."""
    stderr.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    return typer.Exit(code)


def note(message: str) -> None:
    """A line for the user on stderr (never mixed into the output on stdout)."""
    stderr.print(escape(message), highlight=False)


def first_line(err: BaseException) -> str:
    """An exception as one line for the user (its first line, or its repr if empty)."""
    text = str(err)
    return text.splitlines()[0] if text else repr(err)
