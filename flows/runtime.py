"""How aiclaims runs Prefect: which API server, where Prefect's logs go, flow settings.

Which API a flow run talks to, in this order (``choose_api``):

1. the one configured: ``PREFECT_API_URL`` (environment or Prefect profile);
2. the server ``aiclaims server start`` left running (see ``flows.server``);
3. none: Prefect starts a temporary server inside the command, which costs
   10-30 s before any work. The CLI says so (``TEMPORARY_SERVER_NOTE``).

Prefect's console output is off unless ``-v``: its records go to a log file
(``log_file()``), Dask's INFO lines are dropped. ``prefect_settings`` wraps each
flow call: no heartbeat thread (up to a second at teardown), the chosen API.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

DEFAULT_ENV = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
}
#: Without -v: Prefect's console handler shows nothing (its records go to the log
#: file), Dask logs errors only. Inherited by Dask workers and served flow runs.
QUIET_CONSOLE_ENV = {
    "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "CRITICAL",
    "DASK_LOGGING__DISTRIBUTED": "error",
}
LOG_HANDLER_NAME = "aiclaims-prefect-log"
LOG_MAX_BYTES = 5 * 1024 * 1024
TEMPORARY_SERVER_NOTE = (
    "no Prefect server is running: Prefect starts a temporary one for this command "
    "(10-30 s before any work); `aiclaims server start` keeps one running for the next commands"
)


def apply_default_env() -> None:
    """Set quiet, offline-friendly Prefect defaults unless the user set them."""
    for key, value in DEFAULT_ENV.items():
        os.environ.setdefault(key, value)


def aiclaims_home() -> Path:
    """What aiclaims keeps about Prefect (server state, logs): ``$PREFECT_HOME/aiclaims``."""
    prefect_home = os.environ.get("PREFECT_HOME") or "~/.prefect"
    return Path(prefect_home).expanduser() / "aiclaims"


def log_file() -> Path:
    return aiclaims_home() / "prefect.log"


def quiet_console(*, verbose: bool, quiet: bool = False) -> None:
    """Before Prefect or Dask are imported (they configure logging on import): keep
    their log lines off the console unless ``verbose``; ``quiet`` drops Prefect's INFO."""
    apply_default_env()
    if not verbose:
        for key, value in QUIET_CONSOLE_ENV.items():
            os.environ.setdefault(key, value)
    if quiet:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


def attach_log_file() -> Path:
    """Send the log records of this process (Prefect's, Dask's) to ``log_file()`` too.

    Call it after Prefect is imported: its set-up replaces the root logger's handlers.
    """
    path = log_file()
    root = logging.getLogger()
    if not any(h.get_name() == LOG_HANDLER_NAME for h in root.handlers):
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=LOG_MAX_BYTES, backupCount=2, encoding="utf-8"
        )
        handler.set_name(LOG_HANDLER_NAME)
        handler.setLevel(logging.INFO)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    return path


class ApiUnreachable(RuntimeError):
    """The configured Prefect API is on this machine and does not answer."""


@dataclass(frozen=True)
class ApiChoice:
    """The Prefect API flow runs will use; ``url`` None: a temporary in-process one."""

    url: str | None
    origin: str

    @property
    def temporary(self) -> bool:
        return self.url is None


def choose_api() -> ApiChoice:
    """The configured API, else the background server, else a temporary one."""
    from prefect.settings import PREFECT_API_URL

    from flows.server import is_healthy, running_server

    configured = PREFECT_API_URL.value()
    if configured:
        if _on_this_machine(str(configured)) and not is_healthy(str(configured)):
            raise ApiUnreachable(
                f"the Prefect API at {configured} (PREFECT_API_URL) does not answer; fix: "
                "start that server, or unset PREFECT_API_URL (`aiclaims server start` then "
                "runs one in the background)"
            )
        return ApiChoice(str(configured), "PREFECT_API_URL")

    server = running_server()
    if server is not None:
        return ApiChoice(server.api_url, "aiclaims server")
    return ApiChoice(None, "temporary")


def _on_this_machine(url: str) -> bool:
    from urllib.parse import urlsplit

    return (urlsplit(url).hostname or "") in ("127.0.0.1", "localhost", "::1")


@contextmanager
def prefect_settings(*, quiet: bool = False, api_url: str | None = None) -> Iterator[None]:
    """Run flows with the heartbeat off (no teardown wait), on ``api_url`` when given
    (exported too, so Dask workers and subprocesses use the same server)."""
    apply_default_env()
    from prefect.settings import (
        PREFECT_API_URL,
        PREFECT_FLOWS_HEARTBEAT_FREQUENCY,
        PREFECT_LOGGING_LEVEL,
        temporary_settings,
    )

    updates: dict = {PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}
    if quiet:
        updates[PREFECT_LOGGING_LEVEL] = "WARNING"
    if api_url:
        updates[PREFECT_API_URL] = api_url
    before = os.environ.get("PREFECT_API_URL")
    if api_url:
        os.environ["PREFECT_API_URL"] = api_url
    try:
        with temporary_settings(updates=updates):
            yield
    finally:
        if before is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = before
