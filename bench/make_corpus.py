"""Generate a benchmark corpus of realistic pages from the bundled sample articles.

Each generated page is a bundled page (with its page furniture) whose digits
are redrawn at random and whose body paragraphs are shuffled among their own
places, so pages differ in content hash and numbers but keep the shape and size
of real news.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "corpus" / "samples"
DIGIT = re.compile(r"\d")
# Dates and times keep their digits: redrawn, "2025-01-28T07:45+08:00" would become an
# impossible time no real page carries, and each page would lose its publication time.
_TIMESTAMP = re.compile(
    r"\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?(?:[+-]\d{2}:\d{2})?"
)
_PARAGRAPH = re.compile(r"^\s*(?:<p(?:\s[^>]*)?>)?[^<>]+(?:</p>)?\s*$")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def is_paragraph(line: str) -> bool:
    """A body paragraph (plain or one ``<p>`` element), not page furniture or markup."""
    return bool(_PARAGRAPH.match(line)) and len(_CJK.findall(line)) >= 20


def vary(page: str, rng: random.Random) -> str:
    """Redraw digits (not those of dates and times) and shuffle the body paragraphs.

    Furniture (menus, bylines, related links) and markup stay where they are, so a
    generated page is as hard to clean as the page it comes from.
    """
    lines = page.splitlines()
    body = range(6, len(lines) - 12)  # the head holds the title, the tail the furniture
    places = [i for i in body if is_paragraph(lines[i])]
    paragraphs = [lines[i] for i in places]
    rng.shuffle(paragraphs)
    for i, paragraph in zip(places, paragraphs, strict=True):
        lines[i] = paragraph
    text = "\n".join(lines)
    pieces, at = [], 0
    for stamp in _TIMESTAMP.finditer(text):
        pieces += [_redraw(text[at : stamp.start()], rng), stamp.group()]
        at = stamp.end()
    return "".join([*pieces, _redraw(text[at:], rng)])


def _redraw(text: str, rng: random.Random) -> str:
    return DIGIT.sub(lambda m: str(rng.randrange(10)), text)


def make_corpus(out: Path, megabytes: float, seed: int = 7) -> list[Path]:
    """Write pages until the corpus holds ``megabytes`` of UTF-8 text; returns the paths."""
    rng = random.Random(seed)
    templates = [(p.suffix, p.read_text(encoding="utf-8")) for p in sorted(SAMPLES.iterdir())]
    if not templates:
        raise SystemExit(f"no sample pages in {SAMPLES}")
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():
        old.unlink()
    target = int(megabytes * 1024 * 1024)
    written, paths = 0, []
    while written < target:
        suffix, page = rng.choice(templates)
        path = out / f"page_{len(paths):06d}{suffix}"
        data = vary(page, rng).encode("utf-8")
        path.write_bytes(data)
        written += len(data)
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "corpus")
    parser.add_argument("--mb", type=float, default=20.0)
    args = parser.parse_args()
    paths = make_corpus(args.out, args.mb)
    print(
        f"{len(paths)} pages, {sum(p.stat().st_size for p in paths) / 2**20:.1f} MB in {args.out}"
    )


if __name__ == "__main__":
    main()
