"""Word segmentation (jieba or rjieba inside spaCy) and rule-based sentence splitting.

jieba and rjieba both keep one global dictionary, so the domain words (the user
dictionary plus every gazetteer alias) are added once per backend and process.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

DATA_DIR = Path(__file__).resolve().parent / "data"
BACKENDS = ("jieba", "rjieba")
_loaded_backends: set[str] = set()
# The segmenter words a name shape may take as a name: two to six Chinese characters.
NAME_WORD = re.compile("[\u4e00-\u9fff]{2,6}")

# A sentence ends after one of these; a run of closing quotes/brackets stays with it.
_END_MARKS = "。！？；!?;"
_SENTENCE_END = re.compile(f"[{_END_MARKS}]+[”’」』）)\"']*")
# A line cut after each _SENTENCE_END, piece by piece: what precedes a sentence end (an
# end starts at the first end mark) with the end itself, else the rest of the line; then
# the line break, if the piece ends the line (the pieces themselves hold none).
_PIECE = re.compile(f"([^\n{_END_MARKS}]*(?:{_SENTENCE_END.pattern})?)(\n?)")


#: Longest sentence handed out: a longer run (a page without punctuation) is cut, so the
#: work done per sentence by claim linking stays bounded and a page's work linear.
MAX_SENTENCE_CHARS = 600
#: Where an overlong run is cut: after the last of these before the cap (else at the cap).
_SOFT_BREAKS = "，,、：:　 \t"


@dataclass(frozen=True)
class Sentence:
    """A sentence of a text: ``text == full_text[start:end]``; ``paragraph`` counts lines."""

    start: int
    end: int
    text: str
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    """Split on 。！？；!? and line breaks, keeping offsets; blank pieces are dropped.

    Surrounding whitespace is trimmed from each sentence (offsets follow). ``paragraph``
    is the index of the non-blank line the sentence is on; the bulleted lines under a
    heading count as the heading's (a list of a model's figures under its name).  (One
    scan of the text: a line is non-blank exactly when one of its pieces is.)  No
    sentence is longer than ``MAX_SENTENCE_CHARS``: a longer one is cut after its last
    comma or space before the cap (see ``_bounded``).
    """
    sentences: list[Sentence] = []
    paragraph = -1
    seen_on_line = False
    under_heading = False  # the lines since a heading are its list's items
    for m in _PIECE.finditer(text):
        piece, newline = m.groups()
        stripped = piece.strip()
        if stripped:
            if not seen_on_line:
                bullet = _BULLET.match(stripped) is not None
                if not (bullet and under_heading):
                    paragraph += 1
                    under_heading = _is_heading_line(text, m.start())
                seen_on_line = True
            start = m.start()
            if len(stripped) != len(piece):
                start += len(piece) - len(piece.lstrip())
            for at, item in _list_items(stripped, start):
                if len(item) <= MAX_SENTENCE_CHARS:
                    sentences.append(Sentence(at, at + len(item), item, paragraph))
                else:
                    sentences.extend(_bounded(item, at, paragraph))
        if newline:
            seen_on_line = False
    return sentences


# A list item's mark at the start of a line: "• ", "- ", "* ", "· ", "▪ ".
_BULLET = re.compile(r"[•·▪●◆■▶►\-*]\s")
_HEADING_MAX = 30


def _is_heading_line(text: str, start: int) -> bool:
    """Whether the line starting at ``start`` is a heading: short, no sentence in it, and
    not itself a list item ("Claude Sonnet 4具体定价", "模型参数")."""
    end = text.find("\n", start)
    line = text[start : end if end >= 0 else len(text)].strip()
    return (
        0 < len(line) <= _HEADING_MAX
        and not _BULLET.match(line)
        and not any(c in line for c in "。！？；!?;，,：:")
    )


# A flattened list: items cut by " - " after a citation mark ("…的体现[1] - 政策调整…").
_CITED_ITEM_BREAK = re.compile(r"(?<=\])\s+-\s+")


def _list_items(text: str, offset: int) -> list[tuple[int, str]]:
    """``text`` (at ``offset``) as the items of a flattened list, each with its offset;
    the whole text when it is none."""
    if "] -" not in text:
        return [(offset, text)]
    items, start = [], 0
    for m in _CITED_ITEM_BREAK.finditer(text):
        items.append((offset + start, text[start : m.start()]))
        start = m.end()
    items.append((offset + start, text[start:]))
    return items


def _bounded(text: str, offset: int, paragraph: int) -> list[Sentence]:
    """An overlong sentence (``text`` at ``offset``) cut into pieces of at most
    ``MAX_SENTENCE_CHARS``, each after the last soft break before the cap, else at it."""
    pieces: list[Sentence] = []
    start = 0
    while start < len(text):
        end = len(text)
        if end - start > MAX_SENTENCE_CHARS:
            limit = start + MAX_SENTENCE_CHARS
            cut = max(text.rfind(mark, start + 1, limit) for mark in _SOFT_BREAKS)
            end = cut + 1 if cut > start else limit
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            at = offset + start + len(piece) - len(piece.lstrip())
            pieces.append(Sentence(at, at + len(stripped), stripped, paragraph))
        start = end
    return pieces


def tokens_in(nlp: Language, text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, str]]:
    """The segmenter's words (offset in ``text``, word) of the given spans of ``text``.

    The spans are segmented in one call, joined by line breaks: a line break ends a
    segmenter run, so each span is cut as if alone.  Spans are (start, end), ascending.
    """
    if not spans:
        return []
    pieces: list[str] = []
    starts: list[int] = []  # where each span starts in the joined text
    shifts: list[int] = []  # what to add to a joined offset in that span
    at = 0
    for start, end in spans:
        pieces.append(text[start:end])
        starts.append(at)
        shifts.append(start - at)
        at += end - start + 1
    joined = "\n".join(pieces)
    from spacy.attrs import IDX, LENGTH

    tokens: list[tuple[int, str]] = []
    span = 0
    last = len(starts) - 1
    for idx, length in nlp(joined).to_array([IDX, LENGTH]).tolist():
        word = joined[idx : idx + length]
        if word.isspace():
            continue  # blanks (and the joints) are never part of a name
        while span < last and idx >= starts[span + 1]:
            span += 1
        tokens.append((idx + shifts[span], word))
    return tokens


def domain_words(extra: Iterable[str] = ()) -> list[tuple[str, int | None, str | None]]:
    """Entries of the jieba-format user dictionary plus ``extra`` words (e.g. aliases)."""
    entries: list[tuple[str, int | None, str | None]] = []
    for line in (DATA_DIR / "userdict.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[2] if len(parts) > 2 else None
        entries.append((parts[0], freq, tag))
    entries.extend((w, None, None) for w in extra if " " not in w)
    return entries


@functools.cache
def dictionary_words_of_classes(classes: frozenset[str]) -> frozenset[str]:
    """Words of two to six Chinese characters that the segmenter dictionary (jieba's main
    dictionary, which rjieba shares, and the user dictionary) tags with a word class whose
    first letter is in ``classes`` (``v`` takes ``v``, ``vn``, ``vd``...)."""
    if not classes:
        return frozenset()
    first_letters = f"[{''.join(sorted(map(re.escape, classes)))}]"
    words = {word for word, _ in _dictionary_entries(first_letters)}
    for word, _, tag in domain_words():
        if NAME_WORD.fullmatch(word):
            if tag and tag[0] in classes:
                words.add(word)
            else:
                words.discard(word)  # the user dictionary has the last word
    return frozenset(words)


@functools.cache
def dictionary_words_tagged(tags: frozenset[str]) -> frozenset[str]:
    """Words of two to six Chinese characters that jieba's dictionary tags with exactly one
    of ``tags`` ("ns": place names, 庆阳, 沙特)."""
    if not tags:
        return frozenset()
    alternatives = "|".join(sorted(map(re.escape, tags)))
    return frozenset(word for word, _ in _dictionary_entries(f"(?:{alternatives})$"))


@functools.cache
def frequent_nouns(min_frequency: int) -> frozenset[str]:
    """Common nouns (class ``n`` itself, not a name's ``nr``/``ns``/``nt``/``nz``) of two to
    six Chinese characters that jieba's dictionary counts at least ``min_frequency`` times:
    "企业", "行业", "机器人", words that head no name. (Rare ones, "商汤", "网易", may.)"""
    return frozenset(
        word for word, count in _dictionary_entries("n$") if int(count) >= min_frequency
    )


def _dictionary_entries(tag: str) -> list[tuple[str, str]]:
    """(word, frequency) of each entry of jieba's dictionary whose word has two to six
    Chinese characters and whose tag matches the pattern ``tag`` from its start. Lines are
    "word frequency tag": one scan of the whole file, not a split of each line."""
    entries = _jieba_dictionary().read_text(encoding="utf-8")
    line = f"^({NAME_WORD.pattern}) (\\d+) {tag}"
    return re.findall(line, entries, flags=re.MULTILINE)


def _jieba_dictionary() -> Path:
    """jieba's main dictionary file, found without importing jieba (0.27 s with rjieba)."""
    from importlib.util import find_spec

    spec = find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("jieba is needed for its dictionary")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


def _load_words(backend: str, words: list[tuple[str, int | None, str | None]]) -> None:
    if backend in _loaded_backends:
        return
    if backend == "jieba":
        import jieba

        jieba.setLogLevel(60)
        for word, freq, tag in words:
            jieba.add_word(word, freq, tag)
    else:
        import rjieba

        for word, freq, tag in words:
            rjieba.add_word(word, freq, tag)
    _loaded_backends.add(backend)


class SegmenterTokenizer:
    """spaCy tokenizer that cuts with jieba or rjieba (same algorithm and dictionary format).

    Both segmenters return pieces that join back into the text (blanks included), so a
    blank is kept as a token of its own and no alignment pass is needed: the doc's text is
    the input, character for character.
    """

    def __init__(self, vocab: Vocab, cut: Callable[[str], Iterable[str]]) -> None:
        self.vocab = vocab
        self._cut = cut

    def __call__(self, text: str) -> Doc:
        from spacy.tokens import Doc

        words = [w for w in self._cut(text) if w]
        return Doc(self.vocab, words=words, spaces=[False] * len(words))

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterable[Doc]:
        for text in texts:
            yield self(text)

    def to_bytes(self, **_: Any) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_: Any) -> SegmenterTokenizer:
        return self


def is_dictionary_word(word: str) -> bool:
    """Whether the segmenter's dictionary holds ``word`` whole (cut without guessing new
    words: "激光雷达" stays whole, a name it never saw such as "速腾聚创" falls apart)."""
    try:
        import rjieba

        pieces = rjieba.cut(word, False)
    except ImportError:  # the jieba backend alone
        import jieba

        pieces = jieba.lcut(word, HMM=False)
    return list(pieces) == [word]


def _cut_function(backend: str) -> Callable[[str], Iterable[str]]:
    if backend == "jieba":
        import jieba

        return jieba.lcut
    import rjieba

    return rjieba.cut


def build_nlp(backend: str = "jieba", extra_words: Iterable[str] = ()) -> Language:
    """A blank Chinese spaCy pipeline segmenting with ``backend`` ("jieba" or "rjieba").

    The domain user dictionary and ``extra_words`` are added to the backend's global
    dictionary the first time a backend is built in this process.
    """
    if backend not in BACKENDS:
        raise ValueError(f"unknown segmentation backend {backend!r}; use one of {BACKENDS}")
    import spacy

    _load_words(backend, domain_words(extra_words))
    nlp = spacy.blank("zh")
    nlp.tokenizer = SegmenterTokenizer(nlp.vocab, _cut_function(backend))
    return nlp
