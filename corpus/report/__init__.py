"""A static HTML report of the store: disagreements between sources first, then values to
check, moving quantities as trend lines, event facts as dot plots (keys with few points as
small multiples), in Chinese with the code names on hover.

One self-contained file (no network, no external fonts or scripts) rendered from the Jinja2
templates in ``templates/`` with autoescaping; it reads fine with JavaScript off, and a
small inline script adds subject/metric filters.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from corpus.report.data import ReportData, gather
from corpus.report.page import render_page
from corpus.store import ClaimFilter, ClaimStore


def render_report(
    store: ClaimStore,
    flt: ClaimFilter | None = None,
    *,
    title: str | None = None,
    currency: str | None = None,
    out_dir: Path | None = None,
) -> tuple[str, ReportData]:
    """The page as a string, with the data it shows."""
    data = gather(store, flt, title=title, currency=currency)
    return render_page(data, out_dir), data


def write_report(
    store: ClaimStore,
    out: Path,
    flt: ClaimFilter | None = None,
    *,
    title: str | None = None,
    currency: str | None = None,
) -> int:
    """Write the report to ``out`` atomically; return the number of claims it shows.

    Money keeps its own unit unless ``currency`` is given (then converted as in compare()).
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    page, data = render_report(
        store, flt, title=title, currency=currency, out_dir=out.parent.resolve()
    )
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(page)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a report is meant to be shared
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return data.summary.claims


__all__ = ["ReportData", "gather", "render_page", "render_report", "write_report"]
