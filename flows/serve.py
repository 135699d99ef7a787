"""Scheduled ingestion: one Prefect deployment per scheduled source, served by Prefect.

Deployments belong to a project (``project_name``: the sources file's name and a hash
of its path, or ``--project``): they are named ``<project>.<source>`` and tagged
``project:<project>``, so two folders never share one. On exit ``serve`` deletes its
deployments, which deletes their scheduled runs too (Prefect keeps late runs of a
paused deployment, and would start them at the next ``serve``). A run checks that
the serve executing it is its own (``foreign_run``): a run left by another project
or database fails with that reason instead of writing there.

Each run writes what changed to a file of its own, ``<changes>/<time>-<source>.json``,
and copies it to ``<changes>/latest.json`` (and to the sources file's
``changes_path`` when set): an empty run no longer hides the one before.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from prefect import flow

from corpus.runs import RunReport
from extractors import DEFAULT_BACKEND
from flows.ingest import ingest

#: The serve process's own project, sources file and database, for its runs to check.
SERVE_ENV = "AICLAIMS_SERVE"
PROJECT_TAG = "project:"
LATEST = "latest.json"
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


class ForeignRun(RuntimeError):
    """A scheduled run whose project, sources file or database is not its serve's."""


def schedule_kwargs(schedule: str | int | float) -> dict[str, Any]:
    """A source's schedule as `to_deployment` arguments: an interval or a cron string."""
    from corpus.sources.spec import parse_interval

    if isinstance(schedule, int | float):
        return {"interval": timedelta(seconds=schedule)}
    interval = parse_interval(schedule)
    return {"interval": interval} if interval is not None else {"cron": schedule}


def project_name(sources_file: Path, given: str | None = None) -> str:
    """``given``, else the sources file's name and a hash of where it is: the same
    file always gives the same project, two folders never one."""
    if given:
        return _UNSAFE.sub("-", given.strip()).strip("-") or "aiclaims"
    where = str(sources_file.resolve())
    digest = hashlib.sha256(where.encode("utf-8")).hexdigest()[:8]
    return f"{_UNSAFE.sub('-', sources_file.stem) or 'sources'}-{digest}"


def absolute_db_url(url: str | None) -> str:
    """The store URL with a relative SQLite path made absolute (runs start elsewhere)."""
    from sqlalchemy.engine import make_url

    from corpus.settings import default_db_url, normalise_db_url

    parsed = make_url(normalise_db_url(url) if url else default_db_url())
    database = parsed.database or ""
    if (
        parsed.get_backend_name() == "sqlite"
        and database
        and not database.startswith((":memory:", "file:"))
    ):
        parsed = parsed.set(database=str(Path(database).expanduser().resolve()))
    return parsed.render_as_string(hide_password=False)


def default_changes_dir(settings: Any, sources_file: Path) -> Path:
    """Where runs keep their changes: ``<export_dir>/changes``, else ``changes`` next to
    the sources file."""
    if settings.export_dir:
        return Path(settings.export_dir) / "changes"
    return sources_file.resolve().parent / "changes"


def run_changes_path(changes_dir: Path, source: str, started: datetime) -> Path:
    """The changes file of one run: ``20250102T030405.678Z-<source>.json``."""
    stamp = started.astimezone(UTC).strftime("%Y%m%dT%H%M%S.%f")[:-3] + "Z"
    return changes_dir / f"{stamp}-{_UNSAFE.sub('-', source)}.json"


def publish_latest(run_file: Path, *targets: Path) -> None:
    """Copy a run's changes file over each target, atomically."""
    from corpus.export import write_atomic

    text = run_file.read_text(encoding="utf-8")
    for target in targets:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, [text])


def guard_value(project: str, sources_file: str, db_url: str) -> str:
    return json.dumps({"project": project, "sources_file": sources_file, "db_url": db_url})


def foreign_run(project: str, sources_file: str, db_url: str) -> str | None:
    """Why this run is not the serving process's own (None: it is)."""
    raw = os.environ.get(SERVE_ENV)
    if not raw:
        return "not started by `aiclaims serve` (no serving project in this process)"
    own = json.loads(raw)
    theirs = {"project": project, "sources_file": sources_file, "db_url": db_url}
    for field in ("project", "sources_file", "db_url"):
        if own.get(field) != theirs[field]:
            return (
                f"its {field.replace('_', ' ')} {theirs[field]!r} is not this serve's "
                f"{own.get(field)!r}: a run left by another `aiclaims serve`; refused"
            )
    return None


@flow(name="scheduled-ingest", log_prints=False)
def scheduled_ingest(
    source: str,
    project: str,
    sources_file: str,
    db_url: str,
    changes_dir: str,
    backend: str = DEFAULT_BACKEND,
    latest_copy: str | None = None,
) -> RunReport:
    """One scheduled ingest of ``source``: refused unless its serve is this project's;
    its changes go to a file of their own, then to ``latest.json``."""
    refusal = foreign_run(project, sources_file, db_url)
    if refusal:
        raise ForeignRun(refusal)
    folder = Path(changes_dir)
    run_file = run_changes_path(folder, source, datetime.now(UTC))
    report = ingest(
        [source],
        db_url=db_url,
        sources_file=sources_file,
        backend=backend,
        changes_path=str(run_file),
    )
    if run_file.exists():
        publish_latest(run_file, folder / LATEST, *([Path(latest_copy)] if latest_copy else []))
    return report


def build_deployments(
    sources_file: Path,
    *,
    db_url: str | None,
    changes_dir: str | None = None,
    backend: str = DEFAULT_BACKEND,
    project: str | None = None,
) -> list[Any]:
    """Deployments of ``scheduled_ingest``, one per source that has a schedule."""
    from corpus.sources import load_sources

    sources = load_sources(sources_file)
    name = project_name(sources_file, project)
    folder = (
        Path(changes_dir) if changes_dir else default_changes_dir(sources.settings, sources_file)
    )
    latest_copy = sources.settings.changes_path
    deployments = []
    for spec in sources.sources:
        if spec.schedule is None:
            continue
        deployments.append(
            scheduled_ingest.to_deployment(
                name=f"{name}.{spec.name}",
                parameters={
                    "source": spec.name,
                    "project": name,
                    "sources_file": str(sources_file.resolve()),
                    "db_url": absolute_db_url(db_url or sources.settings.database),
                    "changes_dir": str(folder.resolve()),
                    "backend": backend,
                    "latest_copy": str(Path(latest_copy).resolve()) if latest_copy else None,
                },
                tags=["aiclaims", f"{PROJECT_TAG}{name}"],
                description=f"Scheduled ingest of source {spec.name!r} (project {name})",
                **schedule_kwargs(spec.schedule),
            )
        )
    return deployments


def project_of(deployments: list[Any]) -> str:
    return str(deployments[0].parameters["project"])


def project_deployments(project: str) -> list[Any]:
    """The deployments on the API server tagged with ``project``."""
    from prefect import get_client
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterTags

    tag_filter = DeploymentFilter(tags=DeploymentFilterTags(all_=[f"{PROJECT_TAG}{project}"]))
    with get_client(sync_client=True) as client:
        return list(client.read_deployments(deployment_filter=tag_filter))


def remove_deployments(project: str) -> list[str]:
    """Delete the project's deployments, and so their scheduled runs (late ones too);
    returns the names deleted."""
    from prefect import get_client

    removed = []
    with get_client(sync_client=True) as client:
        for deployment in project_deployments(project):
            client.delete_deployment(deployment.id)
            removed.append(deployment.name)
    return removed


def serve_sources(deployments: list[Any], *, limit: int | None = None) -> list[str]:
    """Serve the deployments until interrupted (needs PREFECT_API_URL of a real
    server), then delete them; returns the names deleted at exit."""
    from prefect import serve

    params = deployments[0].parameters
    project = project_of(deployments)
    os.environ[SERVE_ENV] = guard_value(project, params["sources_file"], params["db_url"])
    remove_deployments(project)  # left by a serve that was killed: late runs go with them
    try:
        serve(*deployments, limit=limit, print_starting_message=False)
    finally:
        removed = remove_deployments(project)
    return removed
