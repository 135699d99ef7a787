"""How aiclaims runs Prefect in-process: settings applied around every flow call.

Prefect 3 runs flows against a temporary local API server when no
``PREFECT_API_URL`` is set. Two of its defaults cost time on every CLI call:
the flow-run heartbeat thread (up to a second at teardown) and the short
server start-up timeout on a cold ``PREFECT_HOME``. ``prefect_settings``
turns the first off and raises the second, leaving anything the user set.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

DEFAULT_ENV = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
}


def apply_default_env() -> None:
    """Set quiet, offline-friendly Prefect defaults unless the user set them."""
    for key, value in DEFAULT_ENV.items():
        os.environ.setdefault(key, value)


@contextmanager
def prefect_settings(*, quiet: bool = False) -> Iterator[None]:
    """Run flows with the heartbeat unset (no teardown wait) and optional quiet logs."""
    apply_default_env()
    from prefect.settings import (
        PREFECT_FLOWS_HEARTBEAT_FREQUENCY,
        PREFECT_LOGGING_LEVEL,
        temporary_settings,
    )

    updates: dict = {PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}
    if quiet:
        updates[PREFECT_LOGGING_LEVEL] = "WARNING"
    with temporary_settings(updates=updates):
        yield
