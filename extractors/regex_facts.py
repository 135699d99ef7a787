"""Facts about what a regular expression can match, read from its parse.

Shortcuts elsewhere skip running a regex on text it cannot match: a metric cue on a
sentence holding none of the characters its matches start with, a cleaning marker on a
line holding none of the words it needs.  Those facts are read here, and only here,
from Python's own regex parser (``re._parser``: private, but stable since CPython 3.11).
The parse is first turned into a small tree of the constructs these facts understand
(:data:`Node`); anything else becomes :class:`Unknown`.

The facts, each about every match of the pattern on any string:

* :func:`first_chars`: the characters a match starts with;
* :func:`opening_class`: for a pattern anchored at the string start, a class the first
  character of every non-empty match is in;
* :func:`never_empty`: every match holds at least one character;
* :func:`required_words`: literal strings one of which a match contains;
* :func:`anchored_at_start`: the pattern matches only at the start of the string;
* :func:`fast_start`: ``re`` itself finds quickly where a match can start;
  :func:`opens_with_literal`, the narrower case of a pattern opening with a literal.

Fallback rule, the same for every fact: when the pattern cannot be parsed, folds case
(``re.IGNORECASE``) or the part of its parse a fact needs holds anything not understood
(an :class:`Unknown` node, a class that cannot be spelled out), the fact is "unknown":
None (False for the yes/no facts), and the caller just runs the regex.  A known fact
holds for every string, so a shortcut built on it never changes an answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

# Character ranges wider than this are not spelled out (the class is then unknown).
_MAX_RANGE = 256
# Character categories, kept as they are written inside a class ([\d年]).
_CATEGORY_ESCAPE = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_LOOKAROUNDS = (sre.ASSERT, sre.ASSERT_NOT)


@dataclass(frozen=True, slots=True)
class Literal:
    char: str


@dataclass(frozen=True, slots=True)
class CharClass:
    """One character of a class: ``chars`` spelled out, and the category escapes
    (``\\d``) it holds; ``chars`` is None when the class cannot be spelled out (negated,
    a wide range)."""

    chars: frozenset[str] | None
    categories: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Group:
    """A group, capturing or not; ``folds_case`` when it turns on ``re.IGNORECASE``."""

    body: tuple[Node, ...]
    folds_case: bool = False


@dataclass(frozen=True, slots=True)
class Alternation:
    branches: tuple[tuple[Node, ...], ...]


@dataclass(frozen=True, slots=True)
class Repeat:
    """``body`` at least ``low`` times (greedy, lazy or possessive)."""

    low: int
    body: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class ZeroWidth:
    """An anchor or a lookaround: it consumes no character.  ``string_start`` for ``\\A``,
    and for ``^`` where it is not MULTILINE."""

    string_start: bool = False


@dataclass(frozen=True, slots=True)
class Unknown:
    """A construct no fact reads (any character, a back-reference, an atomic group...)."""


Node = Literal | CharClass | Group | Alternation | Repeat | ZeroWidth | Unknown


@dataclass(frozen=True, slots=True)
class RegexTree:
    """A parsed pattern: its nodes in order, and its global flags."""

    nodes: tuple[Node, ...]
    flags: int

    @property
    def folds_case(self) -> bool:
        return bool(self.flags & re.IGNORECASE)


class _Unknown(Exception):
    """Raised inside a fact that met a node it cannot read."""


def regex_tree(pattern: str | re.Pattern[str]) -> RegexTree | None:
    """The tree of ``pattern`` (a string or a compiled pattern, whose flags count);
    None when it does not parse."""
    if isinstance(pattern, re.Pattern):
        source, flags = pattern.pattern, pattern.flags
    else:
        source, flags = pattern, 0
    try:
        parsed = _parser.parse(source, flags)
        return RegexTree(_nodes(parsed, parsed.state.flags), parsed.state.flags)
    except (re.error, RecursionError):
        return None


def _nodes(items: Any, flags: int) -> tuple[Node, ...]:
    return tuple(_node(op, av, flags) for op, av in items)


def _node(op: Any, av: Any, flags: int) -> Node:
    """One parsed item as a node; ``flags`` are those in force where it stands."""
    if op is sre.LITERAL:
        return Literal(chr(av))
    if op is sre.IN:
        return _char_class(av)
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, sub = av
        inner = (flags | add_flags) & ~del_flags
        return Group(_nodes(sub, inner), folds_case=bool(add_flags & re.IGNORECASE))
    if op is sre.BRANCH:
        return Alternation(tuple(_nodes(branch, flags) for branch in av[1]))
    if op in _REPEATS:
        low, _high, sub = av
        return Repeat(low, _nodes(sub, flags))
    if op is sre.AT:
        line_start = av is sre.AT_BEGINNING and not flags & re.MULTILINE
        return ZeroWidth(string_start=line_start or av is sre.AT_BEGINNING_STRING)
    if op in _LOOKAROUNDS:
        return ZeroWidth()
    return Unknown()


def _char_class(items: Any) -> CharClass:
    chars: set[str] = set()
    categories: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] <= _MAX_RANGE:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is sre.CATEGORY and av in _CATEGORY_ESCAPE:
            categories.add(_CATEGORY_ESCAPE[av])
        else:  # negated class, wide range
            return CharClass(None)
    return CharClass(frozenset(chars), frozenset(categories))


# --- first characters ------------------------------------------------------------


def first_chars(pattern: str | re.Pattern[str]) -> frozenset[str] | None:
    """Every match of ``pattern``, anywhere in any string, starts with one of these
    characters; None when that set cannot be told (a category such as ``\\d`` among
    them) or the pattern may match empty."""
    tree = regex_tree(pattern)
    if tree is None or tree.folds_case:
        return None
    try:
        chars, categories, nullable = _firsts(tree.nodes)
    except _Unknown:
        return None
    if nullable or categories or not chars:
        return None
    return chars


def opening_class(pattern: str | re.Pattern[str]) -> re.Pattern[str] | None:
    """For a pattern anchored at the string start: a one-character pattern that the first
    character of every non-empty match matches.  A string whose first character it does
    not match gets at most an empty match from ``pattern``.  None when the pattern is not
    so anchored or the characters cannot be told."""
    tree = regex_tree(pattern)
    if tree is None or tree.folds_case or not _anchored(tree):
        return None
    try:
        chars, categories, _nullable = _firsts(tree.nodes[1:])
    except _Unknown:
        return None
    if not chars and not categories:
        return None
    parts = sorted([*map(re.escape, chars), *categories])
    return re.compile("[" + "".join(parts) + "]", tree.flags & re.ASCII)


def never_empty(pattern: str | re.Pattern[str]) -> bool:
    """Every match of ``pattern`` holds at least one character (False when unknown)."""
    tree = regex_tree(pattern)
    if tree is None:
        return False
    try:
        return not _firsts(tree.nodes)[2]
    except _Unknown:
        return False


_Firsts = tuple[frozenset[str], frozenset[str], bool]  # chars, categories, may be empty


def _firsts(nodes: tuple[Node, ...]) -> _Firsts:
    """What nodes matched one after another may start with, and whether all may be empty."""
    chars: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    for node in nodes:
        more, more_categories, nullable = _node_firsts(node)
        chars |= more
        categories |= more_categories
        if not nullable:
            return chars, categories, False
    return chars, categories, True


def _node_firsts(node: Node) -> _Firsts:
    match node:
        case Literal(char):
            return frozenset((char,)), frozenset(), False
        case CharClass(chars, categories) if chars is not None:
            return chars, categories, False
        case Group(body, folds_case=False):
            return _firsts(body)
        case Alternation(branches):
            found = [_firsts(branch) for branch in branches]
            return (
                frozenset().union(*(f[0] for f in found)),
                frozenset().union(*(f[1] for f in found)),
                any(f[2] for f in found),
            )
        case Repeat(low, body):
            chars, categories, nullable = _firsts(body)
            return chars, categories, nullable or low == 0
        case ZeroWidth():
            return frozenset(), frozenset(), True  # the match starts with what follows
    raise _Unknown


# --- required words ------------------------------------------------------------


def required_words(pattern: str | re.Pattern[str]) -> frozenset[str] | None:
    """Literal strings (none empty) one of which every match of ``pattern`` contains:
    of the sets found, the one whose shortest word is longest.  None when none is known."""
    tree = regex_tree(pattern)
    if tree is None or tree.folds_case:
        return None
    return _words_in_sequence(tree.nodes)


def _words_in_sequence(nodes: tuple[Node, ...]) -> frozenset[str] | None:
    """Each run of literals, and each node's own words, is a set every match contains
    one of; the most selective is kept.  A node of unknown words adds none."""
    best: frozenset[str] | None = None
    run: list[str] = []
    for node in [*nodes, None]:
        if isinstance(node, Literal):
            run.append(node.char)
            continue
        candidates: list[frozenset[str] | None] = [frozenset(["".join(run)])] if run else []
        run = []
        if node is not None:
            candidates.append(_node_words(node))
        for words in candidates:
            if not words or "" in words:
                continue
            if best is None or min(map(len, words)) > min(map(len, best)):
                best = words
    return best


def _node_words(node: Node) -> frozenset[str] | None:
    match node:
        case Group(body, folds_case=False):
            return _words_in_sequence(body)
        case Alternation(branches):
            words: frozenset[str] = frozenset()
            for branch in branches:
                found = _words_in_sequence(branch)
                if found is None:
                    return None
                words |= found
            return words
        case Repeat(low, body) if low >= 1:
            return _words_in_sequence(body)
    return None


# --- where matches start ------------------------------------------------------------


def anchored_at_start(pattern: str | re.Pattern[str]) -> bool:
    """The pattern begins with ``\\A``, or with ``^`` and is not MULTILINE: it matches
    only at the start of the string (``search`` finds what ``match`` finds)."""
    tree = regex_tree(pattern)
    return tree is not None and _anchored(tree)


def _anchored(tree: RegexTree) -> bool:
    match tree.nodes[0] if tree.nodes else None:
        case ZeroWidth(string_start=True):
            return True
    return False


def fast_start(pattern: str | re.Pattern[str]) -> bool:
    """``re`` itself scans quickly for where a match can start: the pattern begins with
    a literal, a character class, or alternatives that each begin with a literal.  A
    pre-scan for its words would then save nothing."""
    tree = regex_tree(pattern)
    return tree is not None and _starts_fast(tree.nodes)


def _starts_fast(nodes: tuple[Node, ...]) -> bool:
    match nodes[0] if nodes else None:
        case Literal() | CharClass():
            return True
        case Group(body):  # case folding or not
            return _starts_fast(body)
        case Alternation(branches):
            return all(branch and isinstance(branch[0], Literal) for branch in branches)
    return False


def opens_with_literal(pattern: str | re.Pattern[str]) -> bool:
    """The pattern's first construct is a literal character."""
    tree = regex_tree(pattern)
    return tree is not None and bool(tree.nodes) and isinstance(tree.nodes[0], Literal)
