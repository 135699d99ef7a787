"""Scheduled ingestion: one Prefect deployment per scheduled source, served by Prefect."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from extractors import DEFAULT_BACKEND
from flows.ingest import ingest


def schedule_kwargs(schedule: str | int | float) -> dict[str, Any]:
    """A source's schedule as `to_deployment` arguments: an interval or a cron string."""
    from corpus.sources.spec import parse_interval

    if isinstance(schedule, int | float):
        return {"interval": timedelta(seconds=schedule)}
    interval = parse_interval(schedule)
    return {"interval": interval} if interval is not None else {"cron": schedule}


def default_changes_path(settings: Any) -> Path:
    """Where a scheduled run writes its changes: as configured, else next to the export."""
    if settings.changes_path:
        return Path(settings.changes_path)
    if settings.export_dir:
        return Path(settings.export_dir) / "changes.json"
    return Path("aiclaims-changes.json")


def build_deployments(
    sources_file: Path,
    *,
    db_url: str | None,
    changes_path: str | None = None,
    backend: str = DEFAULT_BACKEND,
) -> list[Any]:
    """Deployments of the ingest flow, one per source that has a schedule."""
    from corpus.sources import load_sources

    sources = load_sources(sources_file)
    changes = changes_path or default_changes_path(sources.settings)
    deployments = []
    for spec in sources.sources:
        if spec.schedule is None:
            continue
        deployments.append(
            ingest.to_deployment(
                name=f"ingest-{spec.name}",
                parameters={
                    "inputs": [spec.name],
                    "sources_file": str(sources_file.resolve()),
                    "db_url": db_url,
                    "backend": backend,
                    "changes_path": str(Path(changes).resolve()),
                },
                description=f"Scheduled ingest of source {spec.name!r}",
                **schedule_kwargs(spec.schedule),
            )
        )
    return deployments


def serve_sources(deployments: list[Any], *, limit: int | None = None) -> None:
    """Serve the deployments until interrupted (needs PREFECT_API_URL of a real server)."""
    from prefect import serve

    serve(*deployments, limit=limit, print_starting_message=True)
