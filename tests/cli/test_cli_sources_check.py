"""`aiclaims sources check`: the file's fields, its paths on disk, the names asked for."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import SAMPLES


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_cli_sources_check_a_good_file_and_its_names(cli, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        f'[[source]]\nname = "samples"\nkind = "folder"\npath = "{SAMPLES}"\nschedule = "1h"\n\n'
        '[[source]]\nname = "feed"\nkind = "feed"\nurl = "https://example.com/rss.xml"\n',
    )
    result = cli("sources", "check", str(path), "samples", "feed")
    assert result.exit_code == 0, result.output
    assert "2 sources, valid" in result.stdout
    assert "samples: folder" in result.stdout and "schedule 1h" in result.stdout


def test_cli_sources_check_missing_paths_and_unknown_names(cli, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    path = _write(
        tmp_path,
        '[[source]]\nname = "gone"\nkind = "folder"\npath = "no/such/folder"\n\n'
        '[[source]]\nname = "empty"\nkind = "folder"\npath = "empty"\nglob = "*.html"\n\n'
        '[[source]]\nname = "feedfile"\nkind = "feed"\nfile = "feeds/rss.xml"\n\n'
        '[[source]]\nname = "list"\nkind = "urls"\nurls_file = "urls.txt"\n',
    )
    result = cli("sources", "check", str(path), "gone", "feedfle")
    assert result.exit_code == 1
    problems = [ln for ln in result.stderr.splitlines() if ln.startswith("problem:")]
    expected = [
        f"source 'gone': folder {tmp_path / 'no/such/folder'} does not exist",
        f"source 'empty': no file in {tmp_path / 'empty'} matches '*.html'",
        f"source 'feedfile': feed file {tmp_path / 'feeds/rss.xml'} does not exist",
        f"source 'list': URL list {tmp_path / 'urls.txt'} does not exist",
        "no source named 'feedfle' (did you mean 'feedfile'?)",
    ]
    assert len(problems) == len(expected), result.stderr
    for line, words in zip(problems, expected, strict=True):
        assert words in line, (line, words)
    assert "valid" not in result.stdout


def test_cli_sources_check_invalid_file_lists_each_problem(cli, tmp_path: Path) -> None:
    path = _write(tmp_path, '[[source]]\nname = "x"\nkind = "folder"\n\n[bogus]\n')
    result = cli("sources", "check", str(path))
    assert result.exit_code == 1
    problems = [ln for ln in result.stderr.splitlines() if ln.startswith("problem:")]
    assert len(problems) == 2 and any("path" in p for p in problems), result.stderr
