"""The report as one self-contained HTML page, rendered from Jinja2 templates.

Autoescaping is on for every template: text from the store (sentences, titles, site names,
subjects) can never become markup. The only string marked safe is the page's own script, which
the Content-Security-Policy also pins by hash; the style is a template of its own.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from corpus.compare import TimelineEntry
from corpus.compare.roles import locate
from corpus.report.assets import SCRIPT, content_security_policy
from corpus.report.data import ReportData
from corpus.report.formatting import (
    format_change,
    format_date,
    format_number,
    format_time,
    format_value,
    safe_href,
)
from corpus.report.labels import kind_label, metric_label, qualifier_label, role_label, site_of


def sentence_parts(entry: TimelineEntry) -> tuple[str, str, str]:
    """The sentence split around the claim's own words (highlighted by the template)."""
    at = locate(entry.sentence, entry.text)
    if at < 0:
        return entry.sentence, "", ""
    end = at + len(entry.text)
    return entry.sentence[:at], entry.text, entry.sentence[end:]


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("corpus.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        value=format_value,
        date=format_date,
        number=format_number,
        change=format_change,
        time=format_time,
        site=site_of,
        sentence_parts=sentence_parts,
    )
    env.globals.update(
        metric_label=metric_label,
        qualifier_label=qualifier_label,
        role_label=role_label,
        kind_label=kind_label,
    )
    return env


def render_page(data: ReportData, out_dir: Path | None = None) -> str:
    """The whole page; ``out_dir`` is where it will be written (for relative file links)."""

    def href(entry: TimelineEntry) -> str | None:
        return safe_href(entry.url, entry.location, out_dir)

    template = environment().get_template("page.html.j2")
    return template.render(
        data=data,
        href=href,
        script=Markup(SCRIPT),
        csp=content_security_policy(),
    )
