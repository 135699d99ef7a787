"""The root command group: global options anywhere on the line, errors as one line.

Click only accepts a group's options before the subcommand (``aiclaims --db X
compare``); people also write ``aiclaims compare --db X``. ``CliGroup`` moves the
root's own options found after the subcommand to the front before parsing.

Every failure ends as one ``error: ...`` line and an exit code (see
``flows.cli.errors``): usage errors (2), set-up errors (2), anything else (1);
``-v`` adds the traceback.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Iterable, Sequence
from typing import Any

from rich.markup import escape
from typer.core import TyperGroup

from flows.cli.errors import EXIT_FAILED, exit_code_for, is_usage_error, message_for
from flows.cli.state import stderr

VERBOSE_FLAGS = ("-v", "--verbose")


def _option_shapes(params: Iterable[Any]) -> dict[str, bool]:
    """Each option name of ``params`` -> whether it takes a value."""
    shapes: dict[str, bool] = {}
    for param in params:
        if getattr(param, "param_type_name", "") != "option":
            continue
        takes_value = not getattr(param, "is_flag", False) and not getattr(param, "count", False)
        for name in (*param.opts, *param.secondary_opts):
            shapes[name] = takes_value
    return shapes


def _own_option_names(command: Any) -> set[str]:
    """Option names a subcommand (or any command of a subgroup) defines itself."""
    names = set(_option_shapes(command.params))
    for sub in getattr(command, "commands", {}).values():
        names |= _own_option_names(sub)
    return names


def hoist_global_options(
    args: Sequence[str], shapes: dict[str, bool], own: Any = None
) -> list[str]:
    """``args`` with the global options (``shapes``: name -> takes a value) that follow
    the subcommand moved before it; ``own(name)`` gives the subcommand's own option
    names, which stay where they are. Nothing after ``--`` moves."""
    args = list(args)
    position = 0
    while position < len(args) and args[position].startswith("-"):  # the global part
        name = args[position].split("=", 1)[0]
        position += 2 if shapes.get(name) and "=" not in args[position] else 1
    if position >= len(args):
        return args
    keep_own = own(args[position]) if own else set()
    front, rest = args[:position], args[position:]
    moved: list[str] = []
    kept: list[str] = []
    index = 0
    while index < len(rest):
        token = rest[index]
        if token == "--":
            kept.extend(rest[index:])
            break
        name = token.split("=", 1)[0]
        if name in shapes and name not in keep_own:
            width = 2 if shapes[name] and "=" not in token else 1
            moved.extend(rest[index : index + width])
            index += width
            continue
        kept.append(token)
        index += 1
    return [*front, *moved, *kept]


class CliGroup(TyperGroup):
    """The ``aiclaims`` group: global options before or after the subcommand, and one
    line per error instead of a traceback."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        def own(command_name: str) -> set[str]:
            command = self.get_command(ctx, command_name)
            return _own_option_names(command) if command is not None else set()

        return super().parse_args(ctx, hoist_global_options(args, _option_shapes(self.params), own))

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        args = list(sys.argv[1:] if args is None else args)
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            code = result if isinstance(result, int) else 0
        except Exception as err:  # every failure becomes one line
            code = show_error(err, verbose=_verbose(args))
        if standalone_mode:
            sys.exit(code)
        return code


def _verbose(args: Sequence[str]) -> bool:
    before_dashes = args[: args.index("--")] if "--" in args else args
    return any(flag in before_dashes for flag in VERBOSE_FLAGS)


def show_error(err: BaseException, *, verbose: bool = False) -> int:
    """Print ``err`` as one ``error:`` line (with the traceback when verbose); its exit code."""
    if type(err).__name__ == "NoArgsIsHelpError":  # `aiclaims` or a group alone: the help
        err.show()  # type: ignore[attr-defined]
        return exit_code_for(err)
    if isinstance(err, BrokenPipeError):  # `aiclaims export | head`: the reader is done
        _silence_stdout()
        return EXIT_FAILED
    code = exit_code_for(err)
    message = message_for(err)
    if not is_usage_error(err):
        if verbose:
            traceback.print_exception(err, file=sys.stderr)
        elif code == EXIT_FAILED:  # unforeseen: the traceback may help whoever reports it
            message += " (-v shows the traceback)"
    stderr.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
    return code


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that flushing it at exit does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (a test runner's buffer)
        pass
    finally:
        os.close(devnull)
