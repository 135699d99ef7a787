"""Dates on the command line: the accepted forms, and a clear error for anything else."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from flows.cli.dates import parse_period, parse_since, parse_until
from tests.cli.conftest import error_lines

NOW = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)

PERIODS = [
    ("2025-01-02", datetime(2025, 1, 2, tzinfo=UTC), datetime(2025, 1, 3, tzinfo=UTC)),
    ("2025-1-2", datetime(2025, 1, 2, tzinfo=UTC), datetime(2025, 1, 3, tzinfo=UTC)),
    ("2025-01", datetime(2025, 1, 1, tzinfo=UTC), datetime(2025, 2, 1, tzinfo=UTC)),
    ("2024-12", datetime(2024, 12, 1, tzinfo=UTC), datetime(2025, 1, 1, tzinfo=UTC)),
    ("2025", datetime(2025, 1, 1, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC)),
    ("7d", datetime(2025, 3, 3, 12, 0, tzinfo=UTC), datetime(2025, 3, 3, 12, 0, tzinfo=UTC)),
    ("12h", datetime(2025, 3, 10, 0, 0, tzinfo=UTC), datetime(2025, 3, 10, 0, 0, tzinfo=UTC)),
    ("2W", datetime(2025, 2, 24, 12, 0, tzinfo=UTC), datetime(2025, 2, 24, 12, 0, tzinfo=UTC)),
    (" 2025-01-02 ", datetime(2025, 1, 2, tzinfo=UTC), datetime(2025, 1, 3, tzinfo=UTC)),
    (
        "2025-01-02T08:30",
        datetime(2025, 1, 2, 8, 30, tzinfo=UTC),
        datetime(2025, 1, 2, 8, 30, tzinfo=UTC),
    ),
    (
        "2025-01-02 08:30+08:00",
        datetime(2025, 1, 2, 0, 30, tzinfo=UTC),
        datetime(2025, 1, 2, 0, 30, tzinfo=UTC),
    ),
]


@pytest.mark.parametrize(("text", "start", "end"), PERIODS, ids=[p[0] for p in PERIODS])
def test_cli_dates_accepted_forms(text: str, start: datetime, end: datetime) -> None:
    assert parse_period(text, now=NOW) == (start, end)


BAD = ["20250101", "2025/01/02", "yesterday", "7", "7m", "-7d", "2025-13", "2025-02-30", "", "25"]


@pytest.mark.parametrize("text", BAD)
def test_cli_dates_anything_else_is_an_error_naming_the_forms(text: str) -> None:
    with pytest.raises(ValueError, match=r"not (a|a valid) date") as caught:
        parse_period(text, now=NOW)
    assert repr(text) in str(caught.value)


def test_cli_dates_since_takes_the_start_until_the_last_day() -> None:
    assert parse_since("2025-01").date() == date(2025, 1, 1)
    assert parse_until("2025-01").date() == date(2025, 1, 31)
    assert parse_until("2024").date() == date(2024, 12, 31)
    assert parse_until("2025-01-02").date() == date(2025, 1, 2)


def test_cli_dates_bad_date_is_one_line_usage_error(cli, sample_store: str) -> None:
    result = cli("--db", sample_store, "compare", "--since", "20250101")
    assert result.exit_code == 2
    (line,) = error_lines(result.stderr)
    assert "'20250101' is not a date" in line and "2025-01-02, 2025-01, 2025" in line
    assert "Traceback" not in result.output


def test_cli_dates_month_filter_keeps_the_whole_month(cli, sample_store: str) -> None:
    """--since 2025-01 --until 2025-01 is January: every claim published then, no other."""
    import json

    from corpus.store import ClaimStore

    with ClaimStore(sample_store) as store:
        january = [c for c in store.claims() if c.published_at and c.published_at.year == 2025]
        january = [c for c in january if c.published_at.month == 1]
    assert january, "the samples have January 2025 articles"
    result = cli(
        "--db", sample_store, "export", "-f", "jsonl", "--since", "2025-01", "--until", "2025-01"
    )
    assert result.exit_code == 0, result.output
    exported = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert sorted(exported) == sorted(c.id for c in january)
