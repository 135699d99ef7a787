"""Listing folder sources: every entry that matched the glob but is no file has a reason."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from corpus.sources.folders import list_folder


def _tree(root: Path) -> Path:
    (root / "sub" / "deep").mkdir(parents=True)
    for rel in ("a.html", "b.txt", "sub/c.html", "sub/deep/d.html", ".hidden.html"):
        (root / rel).write_text("页面", encoding="utf-8")
    return root


GLOBS = [
    (None, ["a.html", "b.txt", "sub/c.html", "sub/deep/d.html"]),
    ("*.html", ["a.html"]),
    ("**/*.html", ["a.html", "sub/c.html", "sub/deep/d.html"]),
    ("sub/*.html", ["sub/c.html"]),
    ("sub/**", ["sub/c.html", "sub/deep/d.html"]),
    ("**/deep/*", ["sub/deep/d.html"]),
]


@pytest.mark.parametrize(("pattern", "expected"), GLOBS)
def test_folders_glob_matches_like_glob(
    tmp_path: Path, pattern: str | None, expected: list[str]
) -> None:
    root = _tree(tmp_path / "root")
    listing = list_folder(str(root), pattern)
    assert [os.path.relpath(p, root) for p in listing.files] == expected
    assert listing.skipped == []


@pytest.mark.parametrize("pattern", ["/etc/*", "../*", "sub/../../*", "~/x"])
def test_folders_glob_never_leaves_the_folder(tmp_path: Path, pattern: str) -> None:
    listing = list_folder(str(_tree(tmp_path / "root")), pattern)
    assert listing.files == []
    assert [s.scope for s in listing.skipped] == ["source"]


def test_folders_special_entries_are_skipped_with_reasons(tmp_path: Path) -> None:
    root = _tree(tmp_path / "root")
    os.mkfifo(root / "pipe.html")
    (root / "loop1.html").symlink_to(root / "loop2.html")
    (root / "loop2.html").symlink_to(root / "loop1.html")
    (root / "dangling.html").symlink_to(root / "nowhere.html")
    (root / "linked").symlink_to(root / "sub", target_is_directory=True)
    (root / "devnull.txt").symlink_to("/dev/null")
    bad_name = os.fsencode(str(root)) + b"/caf\xe9.html"
    with open(bad_name, "wb") as handle:
        handle.write("页面".encode())
    (root / "line\nbreak.html").write_text("页面", encoding="utf-8")

    listing = list_folder(str(root))
    reasons = {os.path.basename(s.location): s.reason for s in listing.skipped}
    assert reasons["pipe.html"] == "is a FIFO (named pipe), not a file"
    assert reasons["loop1.html"] == reasons["loop2.html"] == "symbolic link loop"
    assert "broken symbolic link" in reasons["dangling.html"]
    assert reasons["linked"] == "symbolic link to a folder, not followed"
    assert reasons["devnull.txt"] == "is a character device, not a file"
    assert reasons["caf\\xe9.html"].startswith("file name is not valid UTF-8")
    assert all(s.scope == "item" for s in listing.skipped)
    names = [os.path.basename(p) for p in listing.files]
    assert "line\nbreak.html" in names and "a.html" in names  # a strange but valid name


def test_folders_unreadable_folder_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _tree(tmp_path / "root")
    locked = {str(root / "sub")}
    real_scandir = os.scandir

    def scandir(path):  # type: ignore[no-untyped-def]
        if os.fspath(path) in locked:  # as if the user could not enter it (tests run as root)
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    listing = list_folder(str(root))
    assert [os.path.relpath(p, root) for p in listing.files] == ["a.html", "b.txt"]
    assert [(s.location, s.reason, s.scope) for s in listing.skipped] == [
        (str(root / "sub"), "cannot list folder: Permission denied", "item")
    ]
    locked.add(str(root))
    whole = list_folder(str(root))
    assert whole.files == [] and [s.scope for s in whole.skipped] == ["source"]


def test_folders_listing_stops_at_its_entry_cap(tmp_path: Path) -> None:
    root = tmp_path / "many"
    root.mkdir()
    for n in range(30):
        (root / f"{n:02d}.txt").write_text("页", encoding="utf-8")
    listing = list_folder(str(root), max_entries=10)
    assert len(listing.files) <= 10
    assert [s.scope for s in listing.skipped] == ["source"]
    assert "more than 10 entries" in listing.skipped[0].reason
