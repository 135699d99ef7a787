"""The report as one self-contained HTML page. Every string from the store goes through ``e``."""

from __future__ import annotations

from pathlib import Path

from corpus.compare import Conflict, ConflictSide, Timeline, TimelineEntry
from corpus.report.assets import SCRIPT, STYLE, content_security_policy
from corpus.report.chart import timeline_svg
from corpus.report.data import ReportData, Summary, conflicting_ids, site_of
from corpus.report.formatting import (
    e,
    format_date,
    format_number,
    format_time,
    format_value,
    safe_href,
)

QUALIFIER_KEY = (
    ("exact", '<span class="swatch" style="background:#555"></span>exact'),
    ("approx", '<span class="swatch" style="border:2px solid #555"></span>approx (hollow)'),
    ("bound", "▲ more than / at least · ▼ less than / at most"),
    ("range", "┃ range (bar from low to high)"),
    ("conflict", '<span class="swatch ring"></span>in conflict'),
)


def _key_label(t: Timeline) -> str:
    parts = [t.subject, t.metric] + ([t.object] if t.object else [])
    return " · ".join(parts)


def _section_id(index: int) -> str:
    return f"k{index}"


def _card(value: object, label: str) -> str:
    css = ' class="small"' if len(str(value)) > 10 else ""
    return f'<div class="card"><b{css}>{e(value)}</b><span>{e(label)}</span></div>'


def _summary(s: Summary) -> str:
    span = "—"
    if s.first_published and s.last_published:
        span = f"{format_date(s.first_published)} – {format_date(s.last_published)}"
    cards = [
        (s.articles, f"articles (of {s.store.articles} stored)"),
        (s.claims, f"claims (of {s.store.claims} stored)"),
        (len(s.sites), "sites"),
        (span, "published" + (f", {s.undated} undated" if s.undated else "")),
    ]
    run = s.last_run
    if run is not None:
        counts = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in run.counts.items())
        cards.append((format_time(run.finished_at or run.started_at), f"last {run.kind} run"))
        run_line = f"<p class='muted'>Last {e(run.kind)} run: {e(counts) or 'no counts'}.</p>"
    else:
        run_line = "<p class='muted'>No run recorded in this store.</p>"
    html = "".join(_card(value, label) for value, label in cards)
    filters = ", ".join(f"{k} = {v}" for k, v in s.filters.items())
    note = f"<p class='muted'>Filtered: {e(filters)}.</p>" if filters else ""
    sites = ", ".join(s.sites)
    return (
        f'<section class="panel" id="summary"><div class="cards">{html}</div>{run_line}{note}'
        f"<p class='muted'>Sites: {e(sites) or '—'}.</p></section>"
    )


def _filters(charted: list[Timeline]) -> str:
    def options(values: set[str]) -> str:
        return "".join(f'<option value="{e(v)}">{e(v)}</option>' for v in sorted(values))

    subjects = options({t.subject for t in charted})
    metrics = options({t.metric for t in charted})
    return (
        '<div id="filters" hidden>'
        f'<label>Subject <select id="f-subject"><option value="">all</option>{subjects}'
        "</select></label>"
        f'<label>Metric <select id="f-metric"><option value="">all</option>{metrics}'
        '</select></label><span id="f-count" class="muted"></span></div>'
    )


def _source_cell(entry: TimelineEntry, out_dir: Path | None) -> str:
    label = entry.title or entry.url or entry.location
    href = safe_href(entry.url, entry.location, out_dir)
    if href is None:
        return f"<td>{e(label)}</td>"
    return f'<td><a href="{e(href)}" rel="noopener noreferrer">{e(label)}</a></td>'


def _claim_at(sentence: str, text: str) -> int:
    """Where the claim's words start, skipping matches inside a longer number (1元 in 0.1元)."""
    first = at = sentence.find(text) if text else -1
    while at > 0 and (sentence[at - 1].isdigit() or sentence[at - 1] in ".,"):
        at = sentence.find(text, at + 1)
    return at if at >= 0 else first


def _sentence(entry: TimelineEntry) -> str:
    """The sentence with the claim's own words highlighted."""
    at = _claim_at(entry.sentence, entry.text)
    if at < 0:
        return e(entry.sentence)
    end = at + len(entry.text)
    return f"{e(entry.sentence[:at])}<mark>{e(entry.text)}</mark>{e(entry.sentence[end:])}"


def _value_cell(entry: TimelineEntry) -> str:
    text = e(format_value(entry.value, entry.unit, entry.qualifier, entry.value_max))
    if entry.conversion is not None:
        c = entry.conversion
        original = format_value(c.original_value, c.original_unit, entry.qualifier)
        text += f'<br><small class="muted">from {e(original)} at {e(c.rate.rate)}</small>'
    return f'<td class="num">{text}</td>'


def _row(entry: TimelineEntry, colours: dict[str, str], conflict: bool, out: Path | None) -> str:
    site = site_of(entry)
    swatch = f'<span class="swatch" style="background:{colours.get(site, "#444")}"></span>'
    css = ' class="conflict"' if conflict else ""
    return (
        f'<tr{css}><td class="date">{e(format_date(entry.published_at))}</td>'
        f'<td class="site">{swatch}{e(site)}</td>{_value_cell(entry)}'
        f"<td>{e(entry.qualifier)}</td>"
        f"<td>{_sentence(entry)}</td>{_source_cell(entry, out)}</tr>"
    )


def _legend(t: Timeline, colours: dict[str, str]) -> str:
    sites = sorted({site_of(en) for en in t.entries})
    items = "".join(
        f'<li><span class="swatch" style="background:{colours.get(s, "#444")}"></span>{e(s)}</li>'
        for s in sites
    )
    return f'<ul class="legend">{items}</ul>'


def _key_section(index: int, t: Timeline, data: ReportData, out_dir: Path | None) -> str:
    conflicts = conflicting_ids(t)
    badge = f'<span class="badge">{t.conflicts_total} conflicts</span>' if t.conflicts_total else ""
    sites = len({site_of(en) for en in t.entries})
    ratio = f" (×{t.spread.ratio:.3g})" if t.spread.ratio and t.spread.ratio > 1 else ""
    stats = (
        f"{len(t.entries)} reports from {sites} sites · spread {format_number(t.spread.min)} – "
        f"{format_value(t.spread.max, t.unit)}{ratio} · consensus "
        f"{format_value(t.consensus.value, t.unit)} over {t.consensus.sites} sites"
    )
    undated = sum(1 for en in t.entries if en.published_at is None)
    if undated:
        stats += f" · {undated} undated, in the table only"
    rows = "".join(_row(en, data.colours, en.claim_id in conflicts, out_dir) for en in t.entries)
    css = "key has-conflict" if t.conflicts_total else "key"
    return (
        f'<section class="{css}" id="{_section_id(index)}" data-subject="{e(t.subject)}" '
        f'data-metric="{e(t.metric)}"><h3>{e(_key_label(t))} <span class="muted">'
        f'({e(t.unit)})</span>{badge}</h3><p class="stats">{e(stats)}</p>'
        f"{timeline_svg(t, data.colours)}{_legend(t, data.colours)}"
        "<table><thead><tr><th>date</th><th>site</th><th>value</th><th>qualifier</th>"
        f"<th>sentence</th><th>source</th></tr></thead><tbody>{rows}</tbody></table></section>"
    )


def _side(side: ConflictSide, unit: str) -> str:
    value = format_value(side.value, unit, side.qualifier, side.value_max)
    return f"<b>{e(value)}</b> ({e(side.origin)}, {e(format_date(side.published_at))})"


def _conflict_item(index: int, t: Timeline, c: Conflict) -> str:
    return (
        f'<li data-subject="{e(t.subject)}" data-metric="{e(t.metric)}">'
        f'<a href="#{_section_id(index)}">{e(_key_label(t))}</a>: {_side(c.a, t.unit)} '
        f'<span class="vs">vs</span> {_side(c.b, t.unit)} · gap {c.gap:.0%}'
        + (f" · {c.pairs} pairs" if c.pairs > 1 else "")
        + "</li>"
    )


#: Conflicts listed before the rest fold into a <details>.
CONFLICTS_SHOWN = 8


def _conflicts(charted: list[Timeline]) -> str:
    items = [_conflict_item(i, t, c) for i, t in enumerate(charted) for c in t.conflicts]
    cut = sum(t.conflicts_total - len(t.conflicts) for t in charted)
    more = f"<p class='muted'>{cut} more conflicts not listed.</p>" if cut else ""
    if not items:
        body = "<p class='muted'>No conflicting claims.</p>"
    else:
        body = f'<ul class="conflicts">{"".join(items[:CONFLICTS_SHOWN])}</ul>'
        if len(items) > CONFLICTS_SHOWN:
            rest = "".join(items[CONFLICTS_SHOWN:])
            body += (
                f"<details><summary>{len(items) - CONFLICTS_SHOWN} more</summary>"
                f'<ul class="conflicts">{rest}</ul></details>'
            )
    title = f"<h2>Conflicts ({len(items)})</h2>"
    return f'<section class="panel" id="conflicts">{title}{body}{more}</section>'


def _single(single: list[Timeline]) -> str:
    if not single:
        return ""
    rows = "".join(
        f'<tr data-subject="{e(t.subject)}" data-metric="{e(t.metric)}"><td>{e(_key_label(t))}</td>'
        f'<td class="num">{e(format_value(en.value, en.unit, en.qualifier, en.value_max))}</td>'
        f'<td>{e(site_of(en))}</td><td class="date">{e(format_date(en.published_at))}</td></tr>'
        for t in single
        for en in t.entries
    )
    return (
        f'<section class="panel"><details><summary>Reported once ({len(single)} keys)</summary>'
        "<table><thead><tr><th>subject · metric</th><th>value</th><th>site</th><th>date</th>"
        f"</tr></thead><tbody>{rows}</tbody></table></details></section>"
    )


def render_page(data: ReportData, out_dir: Path | None = None) -> str:
    """The whole page; ``out_dir`` is where it will be written (for relative file links)."""
    sections = "".join(_key_section(i, t, data, out_dir) for i, t in enumerate(data.charted))
    if not sections:
        sections = "<p class='muted'>No claim key has two or more reports yet.</p>"
    key = " · ".join(label for _, label in QUALIFIER_KEY)
    generated = format_time(data.summary.generated_at)
    currency = f" Money converted to {e(data.currency)}." if data.currency else ""
    return (
        '<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy()}">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{e(data.title)}</title><style>{STYLE}</style></head><body><main>"
        f"<h1>{e(data.title)}</h1><p class='muted'>Numeric claims about AI in Chinese news, "
        f"as each article reported them. Generated {e(generated)}.{currency}</p>"
        f"{_summary(data.summary)}{_conflicts(data.charted)}"
        f"<h2>Timelines ({len(data.charted)})</h2>"
        f"<p class='muted'>Markers: {key}. Colour = site. Hover a point for its claim.</p>"
        f"{_filters(data.charted)}{sections}{_single(data.single)}"
        f"</main><script>{SCRIPT}</script></body></html>"
    )
