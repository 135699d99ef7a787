"""The sources file: validation messages, schedules, and CLI input resolution."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from corpus.sources import SourcesError, load_sources, resolve_inputs
from corpus.sources.spec import parse_interval

from .pages import rss_feed

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sources.toml"

GOOD_FOLDER = '[[source]]\nname = "ok"\nkind = "folder"\npath = "pages"\n'

BROKEN_FILES = [
    (
        "missing name",
        '[[source]]\nkind = "folder"\npath = "p"\n',
        ":1: source #1: missing required field 'name'",
    ),
    (
        "unknown kind",
        '[[source]]\nname = "a"\nkind = "rss"\nurl = "http://x.example/f"\n',
        ":1: source 'a': 'kind' must be 'folder', 'feed' or 'urls' (got 'rss')",
    ),
    (
        "bad schedule",
        GOOD_FOLDER + 'schedule = "every hour"\n',
        "source 'ok': 'schedule': 'every hour' is neither an interval",
    ),
    ("bad cron", GOOD_FOLDER + 'schedule = "61 * * * *"\n', "nor a 5-field cron expression"),
    ("too short interval", GOOD_FOLDER + 'schedule = "2s"\n', "shorter than 10 s"),
    (
        "unknown key",
        GOOD_FOLDER + 'globb = "*.html"\n',
        "unknown key 'globb' (did you mean 'glob'?)",
    ),
    (
        "foreign key",
        GOOD_FOLDER + 'url = "http://x.example/"\n',
        "url not allowed in a folder source",
    ),
    (
        "folder without path",
        '[[source]]\nname = "a"\nkind = "folder"\n',
        "a folder source needs 'path'",
    ),
    (
        "feed with both",
        '[[source]]\nname = "a"\nkind = "feed"\nurl = "http://x.example/f"\nfile = "f.xml"\n',
        "exactly one of 'url' or 'file'",
    ),
    (
        "feed ftp url",
        '[[source]]\nname = "a"\nkind = "feed"\nurl = "ftp://x.example/f"\n',
        "not an http(s) URL",
    ),
    (
        "urls empty",
        '[[source]]\nname = "a"\nkind = "urls"\n',
        "needs 'urls' (a list) or 'urls_file'",
    ),
    ("bad encoding", GOOD_FOLDER + 'encoding = "klingon"\n', "unknown encoding 'klingon'"),
    ("binary codec", GOOD_FOLDER + 'encoding = "rot13"\n', "'rot13' is not a text encoding"),
    ("zlib codec", GOOD_FOLDER + 'encoding = "zlib"\n', "'zlib' is not a text encoding"),
    (
        "huge interval",
        GOOD_FOLDER + 'schedule = "999999999999d"\n',
        "'999999999999d' is longer than 366 days",
    ),
    ("huge seconds", GOOD_FOLDER + "schedule = 1e300\n", "is longer than 366 days"),
    (
        "absolute glob",
        GOOD_FOLDER + 'glob = "/etc/**/*"\n',
        "'glob': must be relative to the folder",
    ),
    ("glob up", GOOD_FOLDER + 'glob = "../../**/*.conf"\n', "must not contain '..'"),
    (
        "root folder",
        '[[source]]\nname = "all"\nkind = "folder"\npath = "/"\n',
        "'/' is the root of the file system",
    ),
    (
        "bad max_bytes",
        GOOD_FOLDER + "max_bytes = -1\n",
        "'max_bytes': Input should be greater than 0",
    ),
    ("duplicate name", GOOD_FOLDER + GOOD_FOLDER, "source name 'ok' is used more than once"),
    (
        "unknown top key",
        GOOD_FOLDER + "[sauces]\n",
        "unknown top-level key 'sauces' (did you mean 'sources'?)",
    ),
    (
        "unknown setting",
        "[settings]\ntimout = 3\n",
        "[settings]: unknown key 'timout' (did you mean 'timeout'?)",
    ),
    ("not toml", '[[source]]\nname = "a\n', "not valid TOML: "),
    (
        "table name",
        '[sources.web]\nkind = "urls"\nurls = ["javascript:x"]\n',
        ":1: source 'web': 'urls': not http(s)",
    ),
]


@pytest.mark.parametrize(
    ("case", "text", "expected"), BROKEN_FILES, ids=[c[0] for c in BROKEN_FILES]
)
def test_spec_broken_files_give_clear_messages(
    tmp_path: Path, case: str, text: str, expected: str
) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourcesError) as raised:
        load_sources(path)
    assert any(expected in problem for problem in raised.value.problems), raised.value.problems
    assert all(problem.startswith(str(path)) for problem in raised.value.problems)


def test_spec_toml_error_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(GOOD_FOLDER + "schedule = \n", encoding="utf-8")
    with pytest.raises(SourcesError, match=r"line 5"):
        load_sources(path)


def test_spec_reports_every_problem_at_once(tmp_path: Path) -> None:
    path = tmp_path / "sources.toml"
    path.write_text(BROKEN_FILES[0][1] + BROKEN_FILES[1][1], encoding="utf-8")
    with pytest.raises(SourcesError) as raised:
        load_sources(path)
    assert len(raised.value.problems) == 2
    assert ":4: source 'a'" in raised.value.problems[1]


def test_spec_missing_file() -> None:
    with pytest.raises(SourcesError, match="sources file not found"):
        load_sources(Path("/nonexistent/sources.toml"))


def test_spec_example_file_loads() -> None:
    sources = load_sources(EXAMPLE)
    assert sources.names == ["saved-pages", "tech-feed", "feed-file", "watchlist", "intranet"]
    assert sources.get("saved-pages").path == EXAMPLE.parent / "pages"  # type: ignore[union-attr]
    assert sources.get("tech-feed").cron == "0 * * * *"  # type: ignore[union-attr]
    assert sources.get("watchlist").interval == timedelta(hours=6)  # type: ignore[union-attr]
    assert sources.get("intranet").local  # type: ignore[union-attr]
    assert sources.settings.state_dir == EXAMPLE.parent / "state"


INTERVALS = [
    ("1h", timedelta(hours=1)),
    ("30m", timedelta(minutes=30)),
    ("90s", timedelta(seconds=90)),
    ("1h30m", timedelta(minutes=90)),
    ("2d", timedelta(days=2)),
    ("45", timedelta(seconds=45)),
    ("0 * * * *", None),
    ("hourly", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), INTERVALS)
def test_spec_parse_interval(text: str, expected: timedelta | None) -> None:
    assert parse_interval(text) == expected


def test_spec_resolve_inputs(tmp_path: Path) -> None:
    sources = load_sources(EXAMPLE)
    feed_file = tmp_path / "news.xml"
    feed_file.write_bytes(rss_feed("频道", [("一", "http://example.invalid/1")]))
    page = tmp_path / "page.html"
    page.write_text("<p>文本</p>", encoding="utf-8")
    specs = resolve_inputs(
        [
            "tech-feed",
            "https://news.example.com/ai/rss",
            "https://news.example.com/ai/feed.atom",
            "https://news.example.com/ai/story.html",
            str(tmp_path),
            str(page),
            str(feed_file),
        ],
        sources,
    )
    assert [(s.kind, s.detect_feed) for s in specs] == [
        ("feed", False),
        ("feed", False),
        ("feed", False),
        ("urls", True),
        ("folder", False),
        ("folder", False),
        ("feed", False),
    ]
    assert specs[0] is sources.get("tech-feed")
    assert specs[5].path == page and specs[6].file == feed_file


def test_spec_resolve_inputs_reports_unknown_arguments() -> None:
    with pytest.raises(SourcesError) as raised:
        resolve_inputs(["no-such-source", "ftp://x.example/a"], load_sources(EXAMPLE))
    assert len(raised.value.problems) == 2
    assert "'no-such-source' is not a source name in" in raised.value.problems[0]


def test_spec_local_sources_allow_only_their_own_hosts() -> None:
    from corpus.sources import SourceSpec, resolve_or_skip

    feed = SourceSpec(name="f", kind="feed", url="http://intranet.lan:8080/rss", local=True)
    assert feed.local_host_names() == {"intranet.lan"}
    extra = feed.model_copy(update={"local_hosts": ["Wiki.Lan"]})
    assert extra.local_host_names() == {"intranet.lan", "wiki.lan"}
    assert (
        SourceSpec(name="p", kind="feed", url="http://intranet.lan/rss").local_host_names() == set()
    )
    specs, _ = resolve_or_skip(["http://10.0.0.5/a.html"], None, allow_local=True)
    assert specs[0].local_host_names() == {"10.0.0.5"}
    specs, _ = resolve_or_skip(["http://10.0.0.5/a.html"], None)
    assert specs[0].local_host_names() == set()
