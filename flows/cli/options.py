"""Options shared by the commands that read the store, with one meaning everywhere.

``--subject`` takes any alias (英伟达 finds NVIDIA's claims), ``--metric`` a code or
its Chinese label, ``--since``/``--until`` the forms of ``flows.cli.dates``.
A command declares ``since: datetime = SinceOpt`` and gets a UTC datetime.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

import typer

from flows.cli.dates import FORMS, parse_since, parse_until
from flows.cli.names import canonical_metric, canonical_subject


def _subject(value: str | None) -> str | None:
    return canonical_subject(value) if value else value


def _metric(value: str | None) -> str | None:
    return canonical_metric(value) if value else value


SubjectOpt = typer.Option(
    None,
    "--subject",
    callback=_subject,
    help="Only this subject: any name or alias (英伟达 = NVIDIA); see `aiclaims subjects`.",
)
MetricOpt = typer.Option(
    None,
    "--metric",
    callback=_metric,
    help="Only this metric: code or label (training_cost, 训练成本); see `aiclaims metrics`.",
)
SinceOpt = typer.Option(
    None, "--since", parser=parse_since, help=f"Published on or after: {FORMS}."
)
UntilOpt = typer.Option(
    None, "--until", parser=parse_until, help=f"Published on or before: {FORMS}."
)
SiteOpt = typer.Option(None, "--site", help="Only articles of this site; see `aiclaims sites`.")
#: A required --since (for `changes`): the start of the period given.
SinceRequiredOpt = typer.Option(..., "--since", parser=parse_since, help=f"Since when: {FORMS}.")


class TableFormat(StrEnum):
    """How a listing is printed: a table for people, JSON or CSV for programs."""

    table = "table"
    json = "json"
    csv = "csv"


def filters(
    subject: str | None,
    metric: str | None,
    since: datetime | None,
    until: datetime | None,
    site: str | None,
) -> dict[str, Any]:
    """The given filters as ``ClaimFilter`` fields (publication dates as days)."""
    values = {
        "subject": subject,
        "metric": metric,
        "since": since.date() if since else None,
        "until": until.date() if until else None,
        "site": site,
    }
    return {k: v for k, v in values.items() if v is not None}
