"""A real Prefect API server on loopback: in the background for every command, or for
the length of one command.

Prefect schedules only fire against a running API server (the temporary in-process
one has no scheduler), and every command that runs a flow without one pays the
temporary server's start-up. ``start_server`` runs ``prefect server start`` in the
background and records it (``server.json`` in ``flows.runtime.aiclaims_home()``), so
later commands find it (``running_server``) until ``stop_server``. ``prefect_server``
runs one for the length of a ``with`` block (``serve --start-server``, Dask runs).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import httpx

from flows.runtime import aiclaims_home

DEFAULT_PORT = 4200
STATE_FILE = "server.json"
SERVER_LOG = "server.log"
STOP_TIMEOUT = 20.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def is_healthy(api_url: str, timeout: float = 2.0) -> bool:
    try:
        return httpx.get(f"{api_url}/health", timeout=timeout).status_code == 200
    except httpx.HTTPError:
        return False


def wait_healthy(api_url: str, timeout: float, proc: subprocess.Popen | None = None) -> None:
    """Poll the server's health endpoint until it answers or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"Prefect server exited with code {proc.returncode}")
        if is_healthy(api_url):
            return
        time.sleep(0.5)
    raise TimeoutError(f"Prefect server at {api_url} did not answer within {timeout:.0f} s")


def _server_command(port: int) -> list[str]:
    prefect = [sys.executable, "-m", "prefect"]
    return [*prefect, "server", "start", "--host", "127.0.0.1", "--port", str(port)]


def _server_env(env: dict[str, str] | None = None) -> dict[str, str]:
    server_env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", **(env or {})}
    server_env.pop("PREFECT_API_URL", None)
    return server_env


@contextmanager
def prefect_server(
    port: int | None = None, *, timeout: float = 90, env: dict[str, str] | None = None
) -> Iterator[str]:
    """Run `prefect server start` on 127.0.0.1; yields its API URL, stops it on exit."""
    port = port or free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    proc = subprocess.Popen(
        _server_command(port),
        env=_server_env(env),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_healthy(api_url, timeout, proc)
        yield api_url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@dataclass(frozen=True)
class BackgroundServer:
    """A server ``start_server`` started: its process, address and log."""

    pid: int
    port: int
    api_url: str
    log: str
    started_at: float

    @classmethod
    def read(cls, path: Path) -> BackgroundServer | None:
        try:
            return cls(**json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None


def state_path() -> Path:
    return aiclaims_home() / STATE_FILE


def process_running(pid: int) -> bool:
    """The process exists and is no zombie (a stopped server not yet reaped)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def _is_prefect_server(pid: int) -> bool:
    """The process is a `prefect server start` (not another one that got the pid)."""
    try:
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return process_running(pid)
    return b"prefect" in argv and b"server" in argv and process_running(pid)


def recorded_server() -> BackgroundServer | None:
    """The server recorded as started, whether or not it still runs."""
    return BackgroundServer.read(state_path())


def running_server(timeout: float = 2.0) -> BackgroundServer | None:
    """The recorded background server if its process runs and its API answers."""
    server = recorded_server()
    if server is None or not _is_prefect_server(server.pid):
        return None
    return server if is_healthy(server.api_url, timeout) else None


def start_server(port: int | None = None, *, timeout: float = 90) -> BackgroundServer:
    """Start `prefect server start` in the background (its own session, so it outlives
    this process) and record it; the running one if there is one already."""
    running = running_server()
    if running is not None:
        return running
    if port is None:
        port = DEFAULT_PORT if port_is_free(DEFAULT_PORT) else free_port()
    elif not port_is_free(port):
        raise RuntimeError(f"port {port} is in use on 127.0.0.1: choose another with --port")
    home = aiclaims_home()
    home.mkdir(parents=True, exist_ok=True)
    log = home / SERVER_LOG
    with log.open("ab") as out:
        proc = subprocess.Popen(
            _server_command(port),
            env=_server_env(),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = BackgroundServer(
        pid=proc.pid,
        port=port,
        api_url=f"http://127.0.0.1:{port}/api",
        log=str(log),
        started_at=time.time(),
    )
    try:
        wait_healthy(server.api_url, timeout, proc)
    except BaseException:
        _stop_group(proc.pid)
        raise
    state_path().write_text(json.dumps(asdict(server)), encoding="utf-8")
    return server


def _stop_group(pid: int, timeout: float = STOP_TIMEOUT) -> None:
    """SIGTERM the server's process group (the server and its services), SIGKILL if
    it is still there after ``timeout``."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not process_running(pid):
                return
            time.sleep(0.2)


def stop_server() -> BackgroundServer | None:
    """Stop the recorded background server; None if none was recorded."""
    server = recorded_server()
    if server is None:
        return None
    if _is_prefect_server(server.pid):
        _stop_group(server.pid)
    state_path().unlink(missing_ok=True)
    return server
