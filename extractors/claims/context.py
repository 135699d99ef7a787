"""What the earlier sentences of a body tell a later one, worked out only when asked.

Claim building used to analyse every sentence (:func:`analyse_sentence`) to keep four
pieces of state up to date, yet only sentences with numbers make claims, and most of
those numbers are rejected before anything reads the state. Here each piece is a pure
function of the sentences before, computed when a claim asks for it and kept.

The eager loop, over the sentences left after verse (``V(k)`` is sentence k's analysis,
``M(k)`` its mentions, ``p(k)`` its paragraph, ``reach(k)`` 1 when it holds a pronoun
(opening or inner) or stands in a paragraph a colon introduced, and 0 otherwise; the
introduced paragraphs are a function of the sentences alone, worked out once):

- ``carried`` (a mention and its paragraph, at first ``(None, -10)``): after sentence k
  it is ``(own, p(k))`` when k has a topic of its own (``sentence_topic``), else
  ``(topic(k), p(k))`` when ``topic(k)`` is set and k opens with a pronoun or names
  nothing, else it stays as it was;
- ``recent``: the topic mentions of every sentence, each with its paragraph;
- the last ``(p(k), attribution)`` of a sentence that cites someone;
- ``investors``: the names of :func:`_investors` over every sentence.

``topic(k)`` (:meth:`ArticleContext.topic`) reads, for a typed pronoun, ``recent`` from
the end back to the first entry more than ``reach(k)`` paragraphs old, and otherwise
``carried`` when it is at most ``reach(k)`` paragraphs old; a sentence's attribution
falls back to the last one only within its paragraph; investors are read only for an
instalment of a funding round (:func:`extractors.claims._to_recipient`).

Why asking lazily gives what the eager loop gave, on every input:

1. :func:`analyse_sentence` and :func:`sentence_topic` are pure: computing ``V(k)`` late,
   or never, changes no value; every reader below re-traces the eager loop's recurrence.
2. Scans backwards stop early only when paragraphs never decrease along the sentences
   (checked once per body; otherwise they run to the first sentence). Then everything
   before a sentence of a paragraph older than a reader's bound is older still: the
   eager scan of ``recent`` would break on its first entry or run out (both give None),
   an older ``carried`` would be out of reach (None), an older attribution belongs to
   another paragraph (None).
3. ``carried`` before a sentence is found by walking back to the last sentence that sets
   it: one with its own topic or a typed pronoun decides without looking further; one
   that carries the topic before it (opening pronoun or no mention, untyped) waits for
   the state before it, and lowers the walk's bound to its own reach. Memoised states
   record the bound they are exact for (:data:`_EXACT` when for all).
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import cast

from extractors.claims.roles import LinkCues, SentenceView, analyse_sentence
from extractors.claims.spans import SpanIndex
from extractors.claims.subject import pronoun_fits, sentence_topic
from extractors.punctuation import LIST_BULLET
from extractors.rule_words import WORDS
from extractors.segmentation import Sentence
from extractors.subjects import Mention

# How many paragraphs a topic may be carried forward.
CARRY_PARAGRAPHS = 1
# How a line that introduces the next ones ends.
_INTRO_MARKS = ("：", ":")
_INTRO_REACH = 8  # paragraphs a list's items may run under the line that introduces them
TYPED_PRONOUN_PARAGRAPHS = 2
# The carried state before the first sentence.
_START: tuple[Mention | None, int] = (None, -10)
# The bound of a memoised carried state that is exact for every reader.
_EXACT = -math.inf


class _Keeps:
    """A sentence that leaves the carried topic as it was."""


class _Waits:
    """A sentence whose carried topic is the one before it (untyped pronoun, no mention)."""


_KEEPS, _WAITS = _Keeps(), _Waits()
_UNSET = object()
_ACTOR_TYPES = frozenset({"organization", "model", "product", "chip"})


def _is_actor(m: Mention) -> bool:
    return not m.outlet and m.type in _ACTOR_TYPES


def _quoted(text: str, m: Mention) -> bool:
    """A name inside quotation marks ("被誉为“中国版英伟达”") or made a likeness ("中国版
    OpenAI") is a comparison, not the topic."""
    before = text[max(0, m.start - 8) : m.start]
    if LIKENESS_BEFORE.search(before):
        return True
    opened = max(before.rfind("“"), before.rfind("「"))
    return opened >= 0 and max(before.rfind("”"), before.rfind("」")) < opened


# "中国版OpenAI", "国产英伟达", "下一个Kimi": another actor named as a likeness.
LIKENESS_BEFORE = re.compile(r"(?:[\u4e00-\u9fff]{1,3}版|国产|下一个)\s*$")


_TOPIC_MIN = 3  # named in the headline, or first in the body and named again
_TOPIC_MIN_UNNAMED = 6  # first in the body and named four more times


def _best_topic(
    headline: Sequence[Mention] | None,
    body: Sequence[Mention],
    text: str,
    types: frozenset[str] | None = None,
) -> Mention | None:
    """See :meth:`ArticleContext.article_topic`."""
    needed = _TOPIC_MIN
    if headline is not None and not any(_is_actor(m) for m in headline):
        # a headline that names no actor we know: the topic may be someone else, or the
        # headline a site's slogan; only an actor the body names again and again stands
        needed = _TOPIC_MIN_UNNAMED
    scores: Counter[str] = Counter()
    first: dict[str, Mention] = {}
    for m in headline or ():
        if _is_actor(m) and m.name not in first and (types is None or m.type in types):
            scores[m.name] += 4
            first[m.name] = m
    actors = [
        m
        for m in body
        if _is_actor(m) and not _quoted(text, m) and (types is None or m.type in types)
    ]
    if actors:
        scores[actors[0].name] += 2
    for m in actors:
        scores[m.name] += 1
        first.setdefault(m.name, m)
    families = _families(scores, first)
    totals: Counter[str] = Counter()
    for name, score in scores.items():
        totals[families[name]] += score
    ranked = totals.most_common(2)
    if not ranked or ranked[0][1] < needed or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    family = ranked[0][0]
    members = [name for name in scores if families[name] == family]
    # the family's most named member stands for it (the shortest name on a tie)
    return first[min(members, key=lambda name: (-scores[name], len(name)))]


def _families(scores: Counter[str], first: dict[str, Mention]) -> dict[str, str]:
    """Each name's family: the shortest other name of its type that it extends by a
    hyphen or a space ("Seed-OSS-36B-Base" and "Seed-OSS-36B" are of Seed-OSS), else
    itself. An article about a model names its editions and sizes as often as the model."""
    by_length = sorted(scores, key=len)
    families = {}
    for name in by_length:
        kind = first[name].type
        families[name] = next(
            (
                root
                for root in by_length
                if len(root) < len(name)
                and first[root].type == kind
                and name.startswith(root)
                and name[len(root)] in "- "
            ),
            name,
        )
    return families


class ArticleContext:
    """The per-sentence analyses of a body and the state they carry, each on first use.

    ``sentences`` are the sentences claims are built from (verse left out), in body
    order; indexes below are positions in that list.
    """

    def __init__(
        self,
        simple: str,
        sentences: Sequence[Sentence],
        mentions: SpanIndex[Mention],
        cues: LinkCues,
        *,
        headline: Sequence[Mention] | None = None,
        owner: Mention | None = None,
    ) -> None:
        self._simple = simple
        self._sentences = sentences
        self._mention_index = mentions
        self._cues = cues
        self._paragraphs = [s.paragraph for s in sentences]
        # Paragraphs never decrease: the list is its own sorted copy (a test in C).
        self._ordered = self._paragraphs == sorted(self._paragraphs)
        count = len(sentences)
        self._mentions: list[list[Mention] | None] = [None] * count
        self._views: list[SentenceView | None] = [None] * count
        self._topics: dict[int, Mention | None] = {}
        # Carried state after sentence k and the lowest reader bound it is exact for.
        self._carried_after: dict[int, tuple[Mention | None, int, float]] = {}
        self._attribution_before: dict[int, tuple[int, str] | None] = {}
        self._investors: set[str] = set()
        self._investors_upto = 0  # sentences whose investors are in the set
        self._headline = headline
        self._named_with_ai: dict[str, bool] = {}
        self._about_ai: bool | None = None
        self._owner = owner
        self._article_topic: Mention | object | None = _UNSET
        self._typed_topics: dict[frozenset[str], Mention | None] = {}
        self._introduced = self._introduced_paragraphs()

    def _introduced_paragraphs(self) -> frozenset[int]:
        """The paragraphs a line ending in a colon introduces ("具体如下：", "报告期内，某公司：")
        : the one right after it, and each next one while the one before names no one (a
        list's items). A bare follow-on sentence there carries the topic from the paragraph
        before, as a pronoun would."""
        if not any(s.text.endswith(_INTRO_MARKS) for s in self._sentences):
            return frozenset()
        last: dict[int, Sentence] = {}
        spans: dict[int, tuple[int, int]] = {}
        for s in self._sentences:
            last[s.paragraph] = s
            start, _ = spans.get(s.paragraph, (s.start, s.end))
            spans[s.paragraph] = (start, s.end)
        introduced: set[int] = set()
        for before, after in itertools.pairwise(sorted(last)):
            if last[after].text.startswith("|"):
                continue  # a table's rows: the table reader links its cells
            names_no_one = not self._mention_index.within(*spans[before])
            if last[before].text.endswith(_INTRO_MARKS) or (before in introduced and names_no_one):
                introduced.add(after)
        return frozenset(introduced)

    def introduction(self, i: int) -> str | None:
        """The line that introduces sentence ``i``'s paragraph when a colon ends it
        ("SWE-bench测试:" over "- 某模型: 72.5%"), in simplified script; None otherwise."""
        sentence = self._sentences[i]
        paragraph = sentence.paragraph
        in_list = LIST_BULLET.match(sentence.text) is not None
        if paragraph not in self._introduced and not in_list:
            return None
        for k in range(i - 1, -1, -1):
            s = self._sentences[k]
            if paragraph - s.paragraph > _INTRO_REACH:
                break
            if s.paragraph == paragraph:
                continue
            if s.text.endswith(_INTRO_MARKS):
                return self._simple[s.start : s.end]
            if not (in_list and LIST_BULLET.match(s.text)):
                break  # (the items of one list lead back to its introduction)
        return None

    def _reach(self, view: SentenceView) -> int:
        """How many paragraphs back a sentence's pronoun or bare follow-on may look: one for
        a pronoun or a paragraph a colon introduced, none otherwise."""
        opens = view.opens_with_pronoun or view.inner_pronoun
        return CARRY_PARAGRAPHS if opens or view.paragraph in self._introduced else 0

    def article_topic(self) -> Mention | None:
        """The actor the whole article is about, or None when that is not clear.

        Each actor (organization, model, product or chip; no outlet) scores 4 for being
        named in the headline, 2 for being the first the body names, and 1 for each time
        the body names it (names in quotation marks aside). The best scores at least 3 and
        more than any other: named in the headline, or leading and named again. Under a
        headline that names no actor we know (someone else's story, or a site's slogan
        taken for a headline) it must score 6: leading and named four more times.
        A page that names no actor at all is about its owner, when its logo names one.
        """
        if self._article_topic is _UNSET:
            body = self._mention_index.within(0, len(self._simple))
            topic = _best_topic(self._headline, body, self._simple)
            if topic is None and not any(_is_actor(m) for m in body):
                topic = self._owner
            self._article_topic = topic
        return cast(Mention | None, self._article_topic)

    def typed_topic(self, types: frozenset[str]) -> Mention | None:
        """The article's topic when its type fits ``types``; else the actor the article is
        about among those of a fitting type (a piece about a chip names its maker's
        revenue; one about a firm, its chip's bandwidth), scored the same way."""
        topic = self.article_topic()
        if topic is not None and topic.type in types:
            return topic
        if types not in self._typed_topics:
            self._typed_topics[types] = _best_topic(
                self._headline,
                self._mention_index.within(0, len(self._simple)),
                self._simple,
                types,
            )
        return self._typed_topics[types]

    def about_ai(self, ai_words: re.Pattern[str]) -> bool:
        """Whether the article speaks of AI more than in passing (twice at least)."""
        if self._about_ai is None:
            found = ai_words.finditer(self._simple)
            self._about_ai = next(found, None) is not None and next(found, None) is not None
        return self._about_ai

    def named_with_ai(self, name: str, ai_words: re.Pattern[str]) -> bool:
        """Whether some paragraph that names ``name`` speaks of AI (chips, models, GPUs...):
        a firm found by its shape alone counts as an AI actor only then."""
        if name not in self._named_with_ai:
            starts = [s.start for s in self._sentences]
            found = False
            for m in self._mention_index.within(0, len(self._simple)):
                if m.name != name:
                    continue
                k = max(0, bisect.bisect_right(starts, m.start) - 1)
                start, end = self._paragraph_span(k)
                if ai_words.search(self._simple, start, end):
                    found = True
                    break
            self._named_with_ai[name] = found
        return self._named_with_ai[name]

    def _paragraph_span(self, k: int) -> tuple[int, int]:
        """Where the paragraph of sentence ``k`` starts and ends (its sentences in view)."""
        paragraph, first, last = self._paragraphs[k], k, k
        while first > 0 and self._paragraphs[first - 1] == paragraph:
            first -= 1
        while last + 1 < len(self._sentences) and self._paragraphs[last + 1] == paragraph:
            last += 1
        return self._sentences[first].start, self._sentences[last].end

    def mentions(self, i: int) -> list[Mention]:
        """The mentions inside sentence ``i``."""
        found = self._mentions[i]
        if found is None:
            s = self._sentences[i]
            found = self._mentions[i] = self._mention_index.within(s.start, s.end)
        return found

    def view(self, i: int) -> SentenceView:
        """:func:`analyse_sentence` of sentence ``i``."""
        found = self._views[i]
        if found is None:
            s = self._sentences[i]
            text = self._simple[s.start : s.end]
            found = analyse_sentence(text, s.start, s.paragraph, self.mentions(i), self._cues)
            self._views[i] = found
        return found

    def topic(self, i: int) -> Mention | None:
        """What a pronoun or a bare follow-on sentence refers to.

        A typed pronoun (该模型, 该公司) takes the latest earlier topic of its type; 其/它
        take the previous sentence's topic, within this paragraph or the one before; a
        sentence with neither pronoun nor entity carries the topic only inside its
        paragraph.
        """
        if i in self._topics:
            return self._topics[i]
        view = self.view(i)
        reach = self._reach(view)
        found: Mention | None = None
        if view.pronoun_type is not None:
            # a pronoun for a model, product or chip ("该模型") names what it looks for and
            # may look further back; "公司" stands for whatever firm was last in view
            if view.pronoun_type != "organization":
                reach = max(reach, TYPED_PRONOUN_PARAGRAPHS)
            for mention, paragraph in self.recent(i, view.paragraph - reach):
                if view.paragraph - paragraph > reach:
                    break
                if pronoun_fits(view.pronoun_type, mention):
                    # the pronoun's kind word says what a shape-found name is
                    found = dataclasses.replace(mention, type=view.pronoun_type)
                    break
        else:
            carried, carried_paragraph = self._carried_before(i, view.paragraph - reach)
            if carried is not None and view.paragraph - carried_paragraph <= reach:
                found = carried
        self._topics[i] = found
        return found

    def recent(self, i: int, bound: int) -> Iterator[tuple[Mention, int]]:
        """The topic mentions of the sentences before ``i``, latest first, each with its
        paragraph; when paragraphs never decrease, none older than ``bound`` (every
        reader stops at the first of those, or gives up when they run out)."""
        paragraphs, ordered = self._paragraphs, self._ordered
        for k in range(i - 1, -1, -1):
            if ordered and paragraphs[k] < bound:
                return
            if not self.mentions(k):
                continue  # no roles, so no topic
            for role in reversed(self.view(k).roles):
                if role.role == "topic":
                    yield role.mention, paragraphs[k]

    def attribution(self, i: int) -> str | None:
        """Who sentence ``i`` cites, or the last one cited earlier in its paragraph."""
        own = self.view(i).attribution
        if own:
            return own
        last = self._last_attribution(i)
        return last[1] if last is not None and last[0] == self._paragraphs[i] else None

    def investors_through(self, i: int) -> set[str]:
        """The names seen putting money in (领投, 出资) up to sentence ``i``.

        Asked with ``i`` that never decreases (the build's sentence order): the set only
        grows, and holds no name of a sentence after ``i``.
        """
        if i + 1 < self._investors_upto:
            raise ValueError("investors asked for an earlier sentence")
        for k in range(self._investors_upto, i + 1):
            if self.mentions(k):  # each mention has a role: the same test as ``view.roles``
                self._investors.update(_investors(self.view(k)))
        self._investors_upto = max(self._investors_upto, i + 1)
        return self._investors

    def _last_attribution(self, i: int) -> tuple[int, str] | None:
        """The paragraph and attribution of the last sentence before ``i`` that cites
        someone; None also when, paragraphs never decreasing, it is in an earlier
        paragraph than ``i`` (which then holds for every later sentence too)."""
        paragraphs, memo = self._paragraphs, self._attribution_before
        found: tuple[int, str] | None = None
        k = i - 1
        while k >= 0:
            if k + 1 in memo:
                found = memo[k + 1]
                break
            if self._ordered and paragraphs[k] < paragraphs[i]:
                break
            own = self.view(k).attribution
            if own:
                found = (paragraphs[k], own)
                break
            k -= 1
        memo[i] = found
        return found

    def _carried_before(self, i: int, bound: int) -> tuple[Mention | None, int]:
        """The carried topic before sentence ``i`` and its paragraph, exact whenever its
        paragraph is at least ``bound`` (else a state no reader of ``i`` can reach)."""
        paragraphs, memo = self._paragraphs, self._carried_after
        waiting: list[int] = []  # sentences that carry the state before them, latest first
        lowest: float = bound
        state, exact_from = _START, _EXACT
        k = i - 1
        while k >= 0:
            known = memo.get(k)
            if known is not None and known[2] <= lowest:
                state, exact_from = (known[0], known[1]), known[2]
                break
            if self._ordered and paragraphs[k] < lowest:
                exact_from = lowest  # every setter from here back is out of reach
                break
            sets = self._sets(k)
            if sets is _WAITS:
                waiting.append(k)
                lowest = min(lowest, paragraphs[k] - self._reach(self.view(k)))
            elif sets is not _KEEPS:
                state = (cast(Mention, sets), paragraphs[k])
                break
            k -= 1
        for k in reversed(waiting):
            carried, carried_paragraph = state
            reach = self._reach(self.view(k))
            topic = None
            if carried is not None and paragraphs[k] - carried_paragraph <= reach:
                topic = carried
            self._topics[k] = topic
            if topic is not None:
                state, exact_from = (topic, paragraphs[k]), _EXACT
            memo[k] = (*state, exact_from)
        if i > 0:
            memo[i - 1] = (*state, exact_from)
        return state

    def _sets(self, k: int) -> Mention | _Keeps | _Waits:
        """What sentence ``k`` does to the carried topic: sets it to a mention, keeps it,
        or carries the one before it (which then decides)."""
        mentions, view = self.mentions(k), self.view(k)
        own = sentence_topic(view) if mentions else None
        if own is not None:
            return own
        if not (view.opens_with_pronoun or not mentions):
            return _KEEPS
        if k in self._topics or view.pronoun_type is not None:
            topic = self.topic(k)  # known, or read from ``recent`` alone
            return _KEEPS if topic is None else topic
        return _WAITS


def _investors(view: SentenceView) -> set[str]:
    """Names that put money in: investor roles and "X(将)出资/投资..."."""
    out = set()
    for r in view.roles:
        m = r.mention
        if r.role == "investor" or (
            m.type == "organization" and WORDS.pays.match(view.text[m.end - view.start :])
        ):
            out.add(m.name)
    return out
