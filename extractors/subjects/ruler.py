"""Find subject mentions in a text: gazetteer aliases, shape rules, then variants in context."""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from extractors.punctuation import SENTENCE_STOP
from extractors.rule_words import WORDS
from extractors.subjects import shapes
from extractors.subjects.gazetteer import Entity, Gazetteer

# A bare version token ("V3", "R1", "k1.5") or edition word ("Max") standing alone.
_BARE_VARIANT = re.compile(
    r"(?<![A-Za-z0-9.\-])(?:[A-Za-z]{1,2}\d+(?:\.\d+)?|Max|Pro|Plus|Turbo|Mini|Flash|Ultra|Lite)"
    r"(?![A-Za-z0-9])"
)
_EDITIONS = frozenset({"Max", "Pro", "Plus", "Turbo", "Mini", "Flash", "Ultra", "Lite"})
# How far back (characters) a bare variant may look for its family.
_VARIANT_REACH = 1500
# An edition name ("Pro-32k", "Lite-128k") or a size ("405B") standing for a variant of the
# product named just before it in the same sentence.
_EDITIONS_PATTERN = r"(?:Max|Pro|Plus|Turbo|Mini|Flash|Ultra|Lite|Air|Nano)"
_EDITION_HEAD = re.compile(rf"(?i){_EDITIONS_PATTERN}\b")
# A bare edition word before 版 ("lite 版", "Pro版"): the product named before it, edited.
_EDITION_VARIANT = re.compile(
    rf"(?i)(?<![A-Za-z0-9.\-]){_EDITIONS_PATTERN}(?![A-Za-z0-9])(?=\s*版)"
)
_SIZE_VARIANT = re.compile(
    r"(?<![A-Za-z0-9.\-])\d{1,4}(?:\.\d)?[BMT](?![A-Za-z0-9])(?=\s*(?:版本|版|参数版|规模版|模型))"
)
_EDITION_REACH = 60


@dataclass(frozen=True)
class Mention:
    """A name in the text. ``how``: gazetteer, shape or variant (resolved in context)."""

    start: int
    end: int
    text: str
    name: str
    type: str
    how: str
    family: str | None = None
    outlet: bool = False
    base: str | None = None  # the product an edition/size variant belongs to


def find_mentions(
    text: str, tokens: Sequence[tuple[int, str]], gazetteer: Gazetteer
) -> list[Mention]:
    """All mentions in ``text`` (already in simplified script), left to right, no overlaps.

    ``tokens`` are the segmenter's words as (offset, text).
    """
    candidates = [
        Mention(start, end, alias, e.name, e.type, "gazetteer", e.family, e.outlet)
        for start, end, alias in gazetteer.find_aliases(text)
        if (e := gazetteer.lookup(alias)) is not None
    ]
    found = [
        *shapes.latin_names(text, gazetteer),
        *shapes.chinese_versioned(text, tokens, gazetteer),
        *shapes.organizations(text, tokens, gazetteer),
        *shapes.listed_companies(text, tokens, gazetteer),
        *shapes.registered_names(text, gazetteer),
        *shapes.declared_names(text, gazetteer),
        *shapes.people(text, gazetteer),
        *shapes.employers(text, gazetteer),
        *shapes.glossed_names(text, gazetteer),
        *shapes.funded_names(text, gazetteer),
        *shapes.dated_actors(text, gazetteer),
        *shapes.self_described_firms(text, gazetteer),
        *shapes.branded_products(text, gazetteer),
        *shapes.introduced_names(text, gazetteer),
        *shapes.repeated_latin_names(text, gazetteer),
        *shapes.repeated_actors(text, gazetteer),
        *shapes.quoted_names(text, gazetteer),
        *shapes.facilities(text, gazetteer),
        *shapes.labelled_names(text, gazetteer),
    ]
    addresses = [m.span() for m in _ADDRESS.finditer(text)] if "." in text else []
    for s in found:
        if not any(a <= s.start < b for a, b in addresses):  # "nvdalogoa19.jpg" names no one
            candidates.append(_from_shape(s, text, gazetteer))
    named_for_article = [
        s
        for s in found
        if s.how in ("stock code", "declared") or _goes_by_short_name(s, text, gazetteer)
    ]
    candidates += _listed_elsewhere(text, named_for_article, gazetteer)
    for m in _SIZE_VARIANT.finditer(text):
        candidates.append(Mention(m.start(), m.end(), m.group(), m.group(), "model", "size"))
    for m in _EDITION_VARIANT.finditer(text) if "版" in text else ():
        candidates.append(Mention(m.start(), m.end(), m.group(), m.group(), "model", "size"))
    mentions = _attach_editions(text, _non_overlapping(candidates), gazetteer)
    mentions = _glued_editions(text, _spaced_versions(text, mentions, gazetteer), gazetteer)
    mentions = _system_editions(text, mentions, gazetteer)
    return _named_as_models(text, _resolve_variants(text, mentions, gazetteer))


_MODEL_AFTER = re.compile(r"\s?(?:大模型|模型)")
_MODEL_BEFORE = re.compile(r"(?:大模型|模型)\s?$")
_MODEL_WORD_REACH = 4


def _named_as_models(text: str, mentions: list[Mention]) -> list[Mention]:
    """A product named as a model ("豆包大模型 1.8", "开源万亿参数大模型 Kimi K2") is that
    model where it stands: a later "该模型" may take it."""
    return [
        dataclasses.replace(m, type="model")
        if m.type == "product" and _named_as_model(text, m)
        else m
        for m in mentions
    ]


def _named_as_model(text: str, m: Mention) -> bool:
    if _MODEL_AFTER.match(text, m.end):
        return True
    return _MODEL_BEFORE.search(text, max(0, m.start - _MODEL_WORD_REACH), m.start) is not None


# A web address or a file name: shapes inside one are no names.
_ADDRESS = re.compile(
    r"(?i)https?://\S+|www\.\S+|[a-z0-9_.-]+\.(?:jpe?g|png|gif|svg|webp|html?|pdf|php|aspx?)\b"
)

# A space, then a dotted version: "文心一言 4.0", "通义千问 2.5".
_SPACED_VERSION = re.compile(r" (\d+\.\d+)(?![\d.])")


def _spaced_versions(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A known name of a model family followed by a space and a dotted version is that
    version ("文心一言 4.0" is 文心一言4.0, "通义千问 2.5" is Qwen2.5), unless the number is
    a quantity ("通义千问 2.5倍")."""
    out = []
    for m in mentions:
        spec = gazetteer.families.get(m.family or "") if m.how == "gazetteer" else None
        found = _SPACED_VERSION.match(text, m.end) if spec is not None else None
        if spec is None or found is None or shapes.measured(text, found.end()):
            out.append(m)
            continue
        composed = spec.compose(found.group(1))
        if composed is None:
            out.append(m)
            continue
        out.append(_extended(m, text, found.end(), composed, gazetteer))
    return out


def _extended(
    m: Mention, text: str, end: int, spelling: str, gazetteer: Gazetteer, **more: object
) -> Mention:
    """``m`` running on to ``end``, named ``spelling``: the gazetteer's entity when it
    knows that spelling, else a new name of ``m``'s type (``more``: other fields)."""
    entity = gazetteer.lookup(spelling)
    if entity is None:
        return replace(m, end=end, text=text[m.start : end], name=spelling, **more)
    known = {"name": entity.name, "type": entity.type, "how": m.how}
    return replace(m, end=end, text=text[m.start : end], **{**more, **known})


def _glued_editions(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A known model or product followed by capitalised Latin words is one member of its
    family: "腾讯混元Large" is 混元Large, "盘古 Ultra MoE" is Pangu Ultra MoE; so is any model
    followed by an edition word in small letters ("GPT-4o mini", "GPT-4.1 nano").  Generic
    words ("豆包 AI", "混元 App") and a name that starts another mention stay apart."""
    out = []
    starts = {m.start for m in mentions}
    for m in mentions:
        found = _edition_after(text, m)
        if found is None or not _edition_of_a_family(found, starts, gazetteer):
            out.append(m)
            continue
        edition = found.group("edition")
        joint = "-" if text.startswith("-", m.end) else " " if m.name.isascii() else ""
        spelling = f"{m.name}{joint}{edition}"
        entity = gazetteer.lookup(spelling) or gazetteer.lookup(text[m.start : found.end()])
        out.append(
            replace(
                m,
                end=found.end(),
                text=text[m.start : found.end()],
                name=entity.name if entity else spelling,
                type=entity.type if entity else m.type,
                how="variant",
                base=m.name,
            )
        )
    return out


# A system built of a chip or platform, named by its capitals and how many chips it holds:
# "GB300 NVL72", "Vera Rubin NVL144".
# (Two capitals and a number are a chip's part number: "Blackwell GB300" names GB300.)
_SYSTEM_EDITION = re.compile(r" (?P<edition>[A-Z]{3,5}\d{2,4})(?![A-Za-z0-9.\-])")


def _system_editions(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A chip or product followed by a space and a system edition ("Vera Rubin NVL144") is
    that system, one name: the edition found alone after it is no mention of its own."""
    out: list[Mention] = []
    skip_until = -1
    for m in mentions:
        if m.start < skip_until:
            continue
        found = _SYSTEM_EDITION.match(text, m.end) if m.type in ("chip", "product") else None
        if found is None or _names_something(found.group("edition"), gazetteer):
            out.append(m)
            continue
        spelling = f"{m.name} {found.group('edition')}"
        out.append(
            _extended(
                m,
                text,
                found.end(),
                spelling,
                gazetteer,
                type="product",
                how="variant",
                base=m.name,
            )
        )
        skip_until = found.end()
    return out


def _names_something(edition: str, gazetteer: Gazetteer) -> bool:
    """A known name ("FP16" is a format the gazetteer calls no name)."""
    return edition.lower() in gazetteer.not_names or gazetteer.lookup(edition) is not None


def _edition_after(text: str, m: Mention) -> re.Match[str] | None:
    """The edition words right after a known model or product, or after a model found by
    its shape; such a name already holds its spaced capitalised words, so only an edition
    in small letters or after a hyphen may follow it ("GPT-4.1 nano", "Flash-Lite")."""
    known = m.how == "gazetteer" and m.type in ("model", "product")
    shaped = m.how == "shape" and m.type == "model"
    if not (known or shaped):
        return None
    found = WORDS.edition_after_family.match(text, m.end)
    if found is None or known:
        return found
    return found if found.group("edition").islower() or text.startswith("-", m.end) else None


def _edition_of_a_family(found: re.Match[str], starts: set[int], gazetteer: Gazetteer) -> bool:
    first = found.group("edition").split()[0]
    if first.lower() in gazetteer.not_names or first.lower() in _GENERIC_EDITIONS:
        return False
    return not any(found.start("edition") <= s < found.end() for s in starts)


_GENERIC_EDITIONS = frozenset({"app", "web", "chat", "bot"})


# "美图公司" ... "美图总收入18亿元": a firm named once with 公司 or 集团, that the article
# then names at least this many times more without it, is that firm there too.
_SHORT_NAME_REPEATS = 2


def _goes_by_short_name(s: shapes.ShapeMatch, text: str, gazetteer: Gazetteer) -> bool:
    """Whether an organization found with its suffix dropped ("美图" of "美图公司") stands
    alone elsewhere in the text, often enough to be the name the article goes on with (a
    common noun, "机器人" of "人形机器人公司", is no name there)."""
    if s.type != "organization" or s.name == text[s.start : s.end]:
        return False
    if s.name in gazetteer.common_nouns:
        return False
    return text.count(s.name) > _SHORT_NAME_REPEATS


def _listed_elsewhere(
    text: str, listed: list[shapes.ShapeMatch], gazetteer: Gazetteer
) -> list[Mention]:
    """A company named once with its stock code, a short name the article declares, or a
    person named after a title, is that actor wherever else the name stands ("纬创（3231）"
    ... "纬创9月营收", "创始人张明" ... "张明持有")."""
    out = []
    for name, kind in {(s.name, s.type) for s in listed}:
        known = gazetteer.lookup(name)  # the canonical name of a firm the gazetteer knows
        canonical, kind = (known.name, known.type) if known else (name, kind)
        for m in re.finditer(re.escape(name), text):
            out.append(Mention(m.start(), m.end(), name, canonical, kind, "shape"))
        stem = shapes.name_stem(name, gazetteer)  # "地平线机器人（09660.HK）" ... "地平线"
        for m in re.finditer(re.escape(stem), text) if stem else ():
            out.append(Mention(m.start(), m.end(), stem, canonical, kind, "shape"))
    return out


# Kinds a name's head passes on to it: "Colossus 2" is a product, "AIME25" a benchmark.
_HEAD_KINDS = ("product", "chip", "benchmark")


def _from_shape(s: shapes.ShapeMatch, text: str, gazetteer: Gazetteer) -> Mention:
    entity = gazetteer.lookup(s.name)
    if entity is None and s.type == "organization":
        entity = _known_organization(s.name, gazetteer)
    if entity is not None:
        return Mention(
            s.start,
            s.end,
            text[s.start : s.end],
            entity.name,
            entity.type,
            "gazetteer",
            entity.family,
            entity.outlet,
        )
    head = shapes.name_head(s.name)
    head_entity = gazetteer.lookup(head) if head else None
    family = head_entity.family if head_entity else None
    name = _family_spelling(s.name, head, family, gazetteer) or s.name
    kind = s.type
    if kind == "model" and head_entity is not None and head_entity.type in _HEAD_KINDS:
        kind = head_entity.type  # "Colossus 2" of the product Colossus is a product too
    # a version of a known product ("可灵2.0") belongs to it: its users are the product's
    base = head_entity.name if head_entity is not None and head_entity.type == "product" else None
    return Mention(s.start, s.end, text[s.start : s.end], name, kind, "shape", family, base=base)


def _known_organization(name: str, gazetteer: Gazetteer) -> Entity | None:
    """The known organization a shape-found name is, give or take a suffix: "阿里云智能集团"
    is 阿里云 with one, "联想" (before its stock code) is 联想集团 without."""
    word = next((name[: -len(x)] for x in gazetteer.org_suffixes if name.endswith(x)), "")
    candidates = [word] if word else [name + x for x in gazetteer.org_suffixes]
    for candidate in candidates:
        known = gazetteer.lookup(candidate)
        if known is not None and known.type == "organization":
            return known
    return None


_VERSION_THEN_TAIL = re.compile(r"(?P<version>[^-]+)(?P<tail>(?:-.+)?)")


def _family_spelling(name: str, head: str, family: str | None, gazetteer: Gazetteer) -> str:
    """A Chinese stem's versioned name as its family spells it: "通义千问2.5-7B-Instruct"
    is "Qwen2.5-7B-Instruct" (the template composes the version; the tail is kept)."""
    spec = gazetteer.families.get(family or "")
    if spec is None or head.isascii() or not name.startswith(head):
        return ""
    parts = _VERSION_THEN_TAIL.fullmatch(name[len(head) :])
    composed = spec.compose(parts.group("version")) if parts else None
    return composed + parts.group("tail") if composed and parts else ""


def _non_overlapping(candidates: list[Mention]) -> list[Mention]:
    """Longest first; on equal spans the gazetteer wins over a shape; in text order."""
    ranked = sorted(candidates, key=lambda m: (m.start - m.end, m.how != "gazetteer", m.start))
    starts: list[int] = []  # the taken mentions, kept in text order
    taken: list[Mention] = []
    for m in ranked:
        i = bisect.bisect_right(starts, m.start)
        if (i and taken[i - 1].end > m.start) or (i < len(taken) and taken[i].start < m.end):
            continue
        starts.insert(i, m.start)
        taken.insert(i, m)
    return taken


def _attach_editions(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """ "豆包通用模型Pro-32k版" → "豆包 Pro-32k"; "Llama 3.1中，405B版本" → "Llama 3.1 405B".

    An edition-shaped name or a size found without its product takes the nearest model or
    product named before it in the same sentence (within a short reach); a variant named
    after another variant of the same product keeps that product. Left alone otherwise.
    """
    out: list[Mention] = []
    for m in mentions:
        is_edition = m.how == "shape" and m.type == "model" and _EDITION_HEAD.match(m.name)
        if not (is_edition or m.how == "size"):
            out.append(m)
            continue
        host = _host_product(text, m, out)
        if host is None:
            if m.how != "size":
                out.append(m)
            continue
        base = host.base if host.how == "variant" and host.base else host.name
        name = f"{base} {m.name}"
        entity = gazetteer.lookup(name)
        out.append(
            replace(
                m,
                name=entity.name if entity else name,
                type=entity.type if entity else host.type,
                how="variant",
                family=host.family,
                base=base,
            )
        )
    return out


def _host_product(text: str, m: Mention, earlier: list[Mention]) -> Mention | None:
    """The product an edition belongs to: the last one named before it in its sentence, or
    in the sentence before when the edition opens its own ("…Pro-32k版…。lite 版为…")."""
    for prev in reversed(earlier):
        if prev.type not in ("model", "product"):
            continue
        gap = text[prev.end : m.start]
        ends = list(SENTENCE_STOP.finditer(gap))
        opens_sentence = len(ends) == 1 and not gap[ends[0].end() :].strip()
        if m.start - prev.end > _EDITION_REACH or (ends and not opens_sentence):
            return None
        return prev
    return None


def _resolve_variants(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A bare "V3"/"R1"/"Max" inherits the most recent family (or model) that accepts it."""
    out = list(mentions)
    ends = [x.end for x in mentions]  # mentions do not overlap: ends ascend with starts
    for m in _BARE_VARIANT.finditer(text):
        i = bisect.bisect_right(ends, m.start())  # mentions[:i] end at or before the variant
        if i < len(mentions) and mentions[i].start < m.end():
            continue  # part of a name already found
        first = bisect.bisect_right(ends, m.start() - _VARIANT_REACH)
        resolved = _inherit(m.group(), mentions[first:i], gazetteer)
        if resolved is None:
            continue
        end, name = m.end(), resolved.name
        tail = _NAME_TAIL.match(text, end)
        if tail and tail.group(1).lower() not in gazetteer.not_names:
            # "K2 Thinking" after "Kimi": the edition word is part of the name, as a Latin
            # name's is ("Llama 4 Scout")
            end, name = tail.end(), f"{name} {tail.group(1)}"
            known = gazetteer.lookup(name)
            name = known.name if known is not None else name
        out.append(
            replace(resolved, start=m.start(), end=end, text=text[m.start() : end], name=name)
        )
    return sorted(out, key=lambda x: x.start)


# A capitalised word after a name's version: its edition ("Thinking", "Scout", "Sonnet").
_NAME_TAIL = re.compile(r" ([A-Z][a-z]{2,})(?![A-Za-z0-9\-])")


def _inherit(token: str, earlier: list[Mention], gazetteer: Gazetteer) -> Mention | None:
    for prev in reversed(earlier):
        if token in _EDITIONS:
            if prev.type == "model" and prev.name[-1:].isdigit():
                name = f"{prev.name}-{token}"
                entity = gazetteer.lookup(name)
                return Mention(
                    0, 0, token, entity.name if entity else name, "model", "variant", prev.family
                )
            continue
        family = gazetteer.families.get(prev.family or "")
        composed = family.compose(token) if family else None
        if composed is None:
            continue
        entity = gazetteer.lookup(composed)
        if entity is not None:
            return Mention(0, 0, token, entity.name, entity.type, "variant", entity.family)
        return Mention(0, 0, token, composed, "model", "variant", prev.family)
    return None
