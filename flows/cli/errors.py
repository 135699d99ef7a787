"""Exit codes of ``aiclaims``, and how an exception becomes one line and one of them.

- 0: the command ran (an ingest may have skipped some pages: they are listed).
- 1: a source or input failed, every input was skipped, a check found problems, or
  ``--strict`` and something was skipped.
- 2: usage or set-up error: a bad option or date, a store or sources file that cannot
  be used, a missing dependency.
"""

from __future__ import annotations

import sys

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class SetupError(Exception):
    """The command cannot run here (missing dependency, no store, unusable
    configuration): exit 2, with what to do about it."""

    def __init__(self, problem: str, fix: str | None = None) -> None:
        super().__init__(f"{problem}; fix: {fix}" if fix else problem)
        self.problem = problem
        self.fix = fix


def _setup_error_types() -> tuple[type[BaseException], ...]:
    """Exception types meaning "usage or set-up", from the modules already loaded (an
    exception of a module that was never imported cannot have been raised)."""
    found: list[type[BaseException]] = [SetupError, ImportError]
    wanted = {
        "corpus.errors": ("UsageError",),
        "corpus.sources.loading": ("SourcesError",),
        "corpus.store.schema": ("SchemaError",),
        "flows.runtime": ("ApiUnreachable",),
        "sqlalchemy.exc": ("OperationalError", "ArgumentError", "NoSuchModuleError"),
    }
    for module_name, names in wanted.items():
        module = sys.modules.get(module_name)
        found += [getattr(module, name) for name in names if hasattr(module, name)]
    return tuple(found)


def is_usage_error(err: BaseException) -> bool:
    """A click usage error (bad option, missing argument): it knows its exit code."""
    return hasattr(err, "format_message") and hasattr(err, "exit_code")


def exit_code_for(err: BaseException) -> int:
    if is_usage_error(err):
        return int(err.exit_code)  # type: ignore[attr-defined]
    if isinstance(err, _setup_error_types()):
        return EXIT_USAGE
    return EXIT_FAILED


def message_for(err: BaseException) -> str:
    """``err`` as one line a user can act on."""
    if is_usage_error(err):
        message = err.format_message().replace("Value error, ", "")  # type: ignore[attr-defined]
        ctx = getattr(err, "ctx", None)
        if ctx is not None:
            message += f" (see '{ctx.command_path} --help')"
        return one_line(message)
    if isinstance(err, ImportError) and not isinstance(err, SetupError):
        from flows.cli.environment import import_error_fix

        return one_line(f"{err} ({type(err).__name__}); fix: {import_error_fix(err)}")
    return one_line(str(err) or type(err).__name__)


def one_line(text: str) -> str:
    """Several lines joined with '; ' (a sources file's problems, say)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return "; ".join(lines) if lines else text
