"""`aiclaims extract` on folders and on stdin."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.cli.conftest import SAMPLES


def test_cli_extract_folder_lists_its_files_in_order(cli, tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    pages = sorted(SAMPLES.iterdir())[:3]
    shutil.copy(pages[0], folder / "b.txt")
    shutil.copy(pages[1], folder / "sub" / "a.html")
    shutil.copy(pages[2], folder / ".hidden.txt")
    result = cli("extract", str(folder), str(pages[2]))
    assert result.exit_code == 0, result.output
    sources = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    assert sources == [str(folder / "b.txt"), str(folder / "sub" / "a.html"), str(pages[2])]


def test_cli_extract_stdin_gives_the_same_claims_as_the_file(cli) -> None:
    page = sorted(SAMPLES.glob("*.html"))[0]
    from_file = json.loads(cli("extract", str(page)).stdout)
    from_stdin = cli("extract", "-", input=page.read_bytes().decode("utf-8"))
    assert from_stdin.exit_code == 0, from_stdin.output
    record = json.loads(from_stdin.stdout)
    assert record["source"] == "-"
    assert record["claims"] and record["claims"] == from_file["claims"]
    assert record["article"] == from_file["article"]


def test_cli_extract_nothing_readable_exits_1(cli, tmp_path: Path) -> None:
    empty_folder = tmp_path / "nothing"
    empty_folder.mkdir()
    assert cli("extract", str(empty_folder)).exit_code == 1
    (tmp_path / "empty.txt").write_text("")
    result = cli("extract", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"))
    assert result.exit_code == 1 and result.stdout == ""
    assert "empty.txt" in result.stderr and "missing.txt" in result.stderr
