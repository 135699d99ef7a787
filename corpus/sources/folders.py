"""Listing a folder source: the files under its path that match its glob, and a reason
for every entry that matched but cannot be read as a file.

A glob never leaves its folder (absolute patterns and ``..`` are refused by the
sources file's validation, and the walk only descends from the folder); symbolic
links to folders are not followed; hidden files and folders are left out; the walk
stops after ``MAX_ENTRIES`` entries so that a folder such as ``/`` cannot keep a run
listing for minutes.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from functools import lru_cache

from corpus.documents import SkippedInput, storable

DEFAULT_GLOB = "**/*"
#: Entries (files and folders) looked at per folder source at most.
MAX_ENTRIES = 200_000
_SPECIAL = (
    (stat.S_ISFIFO, "is a FIFO (named pipe), not a file"),
    (stat.S_ISCHR, "is a character device, not a file"),
    (stat.S_ISBLK, "is a block device, not a file"),
    (stat.S_ISSOCK, "is a socket, not a file"),
)


@dataclass
class Listing:
    """The files of a folder (paths spelled ``os.path.join(root, relative)``, in path
    order) and the entries skipped, each with its reason."""

    files: list[str] = field(default_factory=list)
    skipped: list[SkippedInput] = field(default_factory=list)


def glob_problem(pattern: str) -> str | None:
    """Why a glob could reach outside its folder (None: it cannot)."""
    if pattern.startswith(("/", "\\")) or os.path.isabs(pattern) or pattern.startswith("~"):
        return "must be relative to the folder (no leading '/' or '~')"
    if ".." in pattern.replace("\\", "/").split("/"):
        return "must not contain '..'"
    return None


def list_folder(root: str, pattern: str | None = None, max_entries: int = MAX_ENTRIES) -> Listing:
    """The files under ``root`` matching ``pattern`` (a glob relative to ``root``)."""
    pattern = pattern or DEFAULT_GLOB
    problem = glob_problem(pattern)
    if problem:
        reason = f"glob {pattern!r} {problem}"
        return Listing(skipped=[SkippedInput(location=root, reason=reason, scope="source")])
    parts = tuple(part for part in pattern.split("/") if part)
    max_depth = None if "**" in parts else len(parts) - 1
    listing = Listing()
    found: list[tuple[tuple[str, ...], str]] = []
    seen = 0

    def unreadable(error: OSError) -> None:
        where = error.filename or root
        reason = f"cannot list folder: {error.strerror or error}"
        scope = "source" if os.path.normpath(where) == os.path.normpath(root) else "item"
        listing.skipped.append(SkippedInput(location=where, reason=reason, scope=scope))  # type: ignore[arg-type]

    for folder, dirs, names in os.walk(root, onerror=unreadable):
        relative = os.path.relpath(folder, root)
        base = () if relative == "." else tuple(relative.split(os.sep))
        seen += len(dirs) + len(names)
        if seen > max_entries:
            reason = (
                f"folder holds more than {max_entries:,} entries; listing stopped "
                "(narrow the source's path or glob)"
            )
            listing.skipped.append(SkippedInput(location=root, reason=reason, scope="source"))
            break
        keep = []
        for name in sorted(dirs):
            path = os.path.join(folder, name)
            if name.startswith(".") or (max_depth is not None and len(base) >= max_depth):
                continue
            if os.path.islink(path):
                if _matches((*base, name), parts):
                    reason = "symbolic link to a folder, not followed"
                    listing.skipped.append(SkippedInput(location=path, reason=reason))
                continue
            keep.append(name)
        dirs[:] = keep
        for name in names:
            if name.startswith(".") or not _matches((*base, name), parts):
                continue
            path = os.path.join(folder, name)
            reason = _not_a_file(path, name)
            if reason is None:
                found.append(((*base, name), path))
            else:
                listing.skipped.append(SkippedInput(location=path, reason=reason))
    found.sort()
    listing.files = [path for _parts, path in found]
    return listing


def _not_a_file(path: str, name: str) -> str | None:
    """Why a matched entry cannot be ingested as a file (None: it can)."""
    if storable(name) != name:
        return "file name is not valid UTF-8; rename the file"
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop"
        if error.errno == errno.ENOENT:
            return "broken symbolic link (its target does not exist)"
        return f"cannot read: {error.strerror or error}"
    if stat.S_ISREG(mode):
        return None
    return next((reason for test, reason in _SPECIAL if test(mode)), "not a regular file")


def _matches(path: tuple[str, ...], pattern: tuple[str, ...]) -> bool:
    """Whether the path's parts match the glob's parts (``**``: any number of folders)."""
    return _matcher(pattern)(path, 0, 0)


@lru_cache(maxsize=64)
def _matcher(pattern: tuple[str, ...]) -> Callable[[tuple[str, ...], int, int], bool]:
    """A matcher of path parts from part ``i`` against glob parts from part ``j``."""

    def match(path: tuple[str, ...], i: int, j: int) -> bool:
        while j < len(pattern):
            part = pattern[j]
            if part == "**":
                # zero or more folders: try every split (few parts: cheap)
                return any(match(path, k, j + 1) for k in range(i, len(path) + 1))
            if i >= len(path) or not fnmatchcase(path[i], part):
                return False
            i, j = i + 1, j + 1
        return i == len(path)

    return match
