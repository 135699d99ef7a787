"""Shape rules: find names the gazetteer lacks by how they look.

- Latin model names with versions or hyphens: ``Qwen2.5-Max``, ``GLM-4``, ``Grok 3``,
  ``Kimi k1.5``, ``Yi-Lightning``, ``abab6.5``.
- Chip part numbers: one or two capitals and 2-4 digits (``H800``, ``MI300X``, ``GB200``).
- Chinese product names directly followed by a dotted version (``通义千问2.5``).
- Organizations: a segmenter word followed by 公司/科技/智能/集团/... (``某某科技``).
- Listed companies: a word followed by its stock code (``广达（2382）``, ``寒武纪(688256.SH)``,
  ``鸿海(2317-TW)``).
- Declared short names: ``…股份有限公司（以下简称“某某股份”）`` names the firm for the
  rest of the article.
- People after their title: ``创始人张明``, ``执行长黄仁勋`` (a common surname and one or
  two more characters).
- Products named by their maker and capitalised words: ``Google AI Mode``, ``Amazon Nova``.
- Latin names introduced by what they are: ``约会平台Hinge``, ``代理工具Codex``.
- Latin words a Chinese article keeps naming (three times or more): ``Manus``.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from extractors.alternation import longest_first, word_pattern
from extractors.rule_words import WORDS
from extractors.segmentation import NAME_WORD, is_dictionary_word
from extractors.subjects.gazetteer import Gazetteer

_LATIN_NAME = re.compile(
    r"(?<![A-Za-z0-9.\-])"
    r"(?P<name>[A-Za-z][A-Za-z0-9]*(?:[.\-][A-Za-z0-9]+)*"
    r"(?: (?P<tier>[A-Z][a-z]{2,})(?= [kKvV]?\d))?"  # a tier before the version: Claude Sonnet 4
    r"(?: (?P<ver>[kKvV]?\d{1,3}(?:\.\d+)?)(?![\d.])"
    r"(?: (?P<size>\d{1,4}(?:\.\d+)?[BM])(?![A-Za-z0-9]))?"  # a size edition: Llama 3.1 405B
    r"(?: (?P<tail>[A-Z][a-z]{2,}))?)?)"
    r"(?![A-Za-z0-9])"
)
_CHIP = re.compile(r"(?<![A-Za-z0-9\-.])[A-Z]{1,2}\d{2,4}[A-Z]?(?![A-Za-z0-9.])")
_DOTTED_VERSION = re.compile(r"(?:[Vv]\d+(?:\.\d+)?|\d+\.\d+)")
# Versions a known stem may carry: "文心X1", "昇腾910", "昇腾950PR", "豆包1.5".
_STEM_VERSION = re.compile(
    r"(?:[A-Za-z]{1,2}\d{1,3}(?:\.\d+)?[A-Za-z]?|\d{2,4}[A-Za-z]{0,2}|\d+\.\d+)"
)
_DIGIT = re.compile(r"\d")
# What makes the number after a Latin word an amount, not its version: "Meta 60亿美元"
_AMOUNT_AFTER = re.compile(r" ?[万亿兆%％倍元块张颗个]")
_HEAD_END = re.compile(r"[\d.\- ]")


def name_head(name: str) -> str:
    """The name before its first digit, dot, hyphen or space ("Qwen" of "Qwen2.5-Max")."""
    return _HEAD_END.split(name, maxsplit=1)[0]


_LATIN_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_MEASURE_AFTER = re.compile(r" ?[倍%％万亿兆千百元美个块张年月日天小时秒分点位名家人]")
# What may go on after a version token before its measure: more digits and dots ("1.6"
# cut from "1.60亿" still counts the 亿); with the letter a version may open with, the
# same stretch read from the version's first character.
_NUMBER_TAIL = re.compile(r"[\d.]*")
_VERSION_STRETCH = re.compile(r"[Vv]?[\d.]*")
_UNITS = re.compile(r"(?i)(?:[KMGTPE]?B(?:/s)?|[KMGTPE]?FLOPS|[KMG]?W|tokens?|x)")


@dataclass(frozen=True)
class ShapeMatch:
    start: int
    end: int
    name: str
    type: str
    how: str = "shape"  # which rule: "shape", or "stock code" / "declared" (known for the article)


def latin_names(text: str, gazetteer: Gazetteer) -> list[ShapeMatch]:
    """Latin-letter names that carry a version digit or a hyphen, and chip part numbers."""
    out: list[ShapeMatch] = []
    for m in _LATIN_NAME.finditer(text):
        name = m.group("name")
        if name.lower() in gazetteer.not_names:
            continue  # FP16, INT8, HBM3: formats and parts, not actors
        if _listed_with_formats(text, m.start(), m.end(), gazetteer):
            continue  # "FP32/HF32/FP16": one more format in a list of formats
        if _CHIP.fullmatch(name):
            start = m.start()
            series = _SERIES_BEFORE.search(text, max(0, start - 7), start)
            if series is not None and _unknown_word(series.group(1), gazetteer):
                start, name = series.start(), f"{series.group(1)} {name}"  # "MTT S80"
            out.append(ShapeMatch(start, m.end(), name, "chip"))
            continue
        if m.group("tail") and m.group("tail").lower() in gazetteer.not_names:
            name = name[: -len(m.group("tail")) - 1]
        if m.group("ver") and not m.group("size") and _AMOUNT_AFTER.match(text, m.end("ver")):
            name = text[m.start() : m.start("ver") - 1]  # "Meta 600亿": an amount, no version
        if m.group("ver") and not _DIGIT.search(name.split(" ")[0]):
            head = name.split(" ")[0]
            if len(head) < 3 or head.lower() in gazetteer.not_names or not head[0].isupper():
                name = head
        if not _looks_like_model(name, gazetteer):
            continue
        out.append(ShapeMatch(m.start(), m.start() + len(name), name, "model"))
    return out


# A neighbour in a list joined by slashes or enumeration commas: "FP32/HF32/FP16".
# (Formats and parts carry a digit: "deepseek-ai/DeepSeek-R1" lists nothing.)
_SLASHED_BEFORE = re.compile(r"(?<![A-Za-z0-9.\-])([A-Za-z]+\d[A-Za-z0-9]*)[/、]$")
_SLASHED_AFTER = re.compile(r"[/、]([A-Za-z]+\d[A-Za-z0-9]*)(?![A-Za-z0-9.\-])")


def _listed_with_formats(text: str, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """Whether ``text[start:end]`` sits in a slash or 、 list with a word the gazetteer
    calls no name (a number format or a part): it is then one more of those
    ("FP8/MXFP8/MXFP4")."""
    at = start
    while (before := _SLASHED_BEFORE.search(text, max(0, at - 12), at)) is not None:
        if before.group(1).lower() in gazetteer.not_names:
            return True
        at = before.start()
    at = end
    while (after := _SLASHED_AFTER.match(text, at)) is not None:
        if after.group(1).lower() in gazetteer.not_names:
            return True
        at = after.end()
    return False


# A product line's capitals before a part number: "MTT S80", "MTT S4000".
_SERIES_BEFORE = re.compile(r"(?<![A-Za-z0-9\-.])([A-Z]{2,5}) $")


def _unknown_word(word: str, gazetteer: Gazetteer) -> bool:
    """Neither a name the gazetteer knows (a maker: "AMD MI300X") nor a word it calls none."""
    return gazetteer.lookup(word) is None and word.lower() not in gazetteer.not_names


def _looks_like_model(name: str, gazetteer: Gazetteer) -> bool:
    letters = sum(map(str.isalpha, name))
    if letters < 2 or name.lower() in gazetteer.not_names or _UNITS.fullmatch(name):
        return False
    head = name_head(name)
    if head.lower() in gazetteer.not_names:
        return False
    has_digit = any(map(str.isdigit, name))
    parts = [p for p in name.split("-") if p]
    hyphen_words = "-" in name and all(p[:1].isupper() for p in parts)
    if hyphen_words and not has_digit and any(p.lower() in gazetteer.model_parts for p in parts):
        return False  # "KV-Cache", "Attention-FFN": a model's parts, not a model
    return has_digit or hyphen_words


def chinese_versioned(
    text: str, tokens: Iterable[tuple[int, str]], gazetteer: Gazetteer
) -> list[ShapeMatch]:
    """A Chinese word glued to a version: ``通义千问2.5`` (tokens: (offset, text) of ``text``).

    Any word takes a dotted version. A known stem (one the gazetteer spells with a version,
    or one this text already gave a dotted version: "文心4.5" then "文心X1") also takes a
    letter or integer version: ``文心X1``, ``昇腾910``.  A number followed by a measure
    ("约为1.60亿", "增长2.5倍") or a unit ("2.5B") is a quantity, not a version.
    """
    out: list[ShapeMatch] = []
    toks = list(tokens)
    glued = _glued_to_versions(toks, gazetteer)
    seen = _dotted(text, glued)
    # The first token at each offset (the reversed pairs write the first one last).
    after_of: dict[int, str] = dict(reversed(toks)) if glued else {}
    for start, word, nstart, token in glued:
        # the segmenter may glue the edition to the version: "3.5-14B-Instruct"
        nxt = _VERSION_BEFORE_EDITION.sub("", token)
        known = word in seen or word in gazetteer.stems
        if not (_full(_DOTTED_VERSION, nxt) or (known and _full(_STEM_VERSION, nxt))):
            continue
        end = nstart + len(nxt)
        if measured(text, end) or ((after := after_of.get(end)) and _UNITS.fullmatch(after)):
            continue
        if _OUTLINE_AFTER.match(text, end):
            continue  # "基础能力1.2.四个象限": an outline's number, not a version
        spelling, kind = gazetteer.stems.get(word, (word, "model"))
        edition = _EDITION_TAIL.match(text, end)  # "通义千问2.5-7B-Instruct"
        if edition is None and nxt[-1:].isalpha():
            edition = _SIBLING_EDITION.match(text, end)  # "昇腾950PR/DT": two editions
        tail = edition.group() if edition else ""
        out.append(ShapeMatch(start, end + len(tail), spelling + nxt + tail, kind))
    return out


# A dot after a dotted number, then a word or another number: the number heads an outline
# ("1.2.四个象限", "3.1.2 ").
_OUTLINE_AFTER = re.compile(r"\.(?:[\u4e00-\u9fff]|\d)")

# Hyphenated Latin parts after a versioned name: "-7B-Instruct", "-Max", "-Turbo".
_EDITION_TAIL = re.compile(r"(?:-[A-Za-z0-9][A-Za-z0-9.]*)+(?![A-Za-z0-9])")
# A sibling edition after a slash, letters only: "950PR/DT" names both editions.
_SIBLING_EDITION = re.compile(r"/[A-Z]{1,3}(?![A-Za-z0-9])")
_VERSION_BEFORE_EDITION = re.compile(r"(?<=\d)(?:-[A-Za-z0-9][A-Za-z0-9.]*)+\Z")


def dotted_words(text: str, tokens: Iterable[tuple[int, str]], gazetteer: Gazetteer) -> set[str]:
    """Words these tokens of ``text`` show glued to a dotted version ("文心" of "文心4.5"),
    but not to a measured number ("约为" of "约为1.60亿")."""
    return _dotted(text, _glued_to_versions(list(tokens), gazetteer))


def _dotted(text: str, glued: list[tuple[int, str, int, str]]) -> set[str]:
    return {
        word
        for _, word, nstart, version in glued
        if _full(_DOTTED_VERSION, version) and not measured(text, nstart + len(version))
    }


def measured(text: str, end: int) -> bool:
    """Whether the number ending at ``end`` (a version-like token) goes on, after any
    further digits and dots, with a measure: "1.60亿", "2.5倍", "3.5%"."""
    return _MEASURE_AFTER.match(text, _NUMBER_TAIL.match(text, end).end()) is not None


def measured_from(text: str, start: int) -> bool:
    """:func:`measured` for every version token starting at ``start``, whatever its end.

    A version token opens with an optional V and holds digits and dots only (dotted
    versions: ``_DOTTED_VERSION``), so it ends inside the stretch read here, and
    :func:`measured` reads from its end to the end of the same stretch.
    """
    return _MEASURE_AFTER.match(text, _VERSION_STRETCH.match(text, start).end()) is not None


def _glued_to_versions(
    toks: list[tuple[int, str]], gazetteer: Gazetteer
) -> list[tuple[int, str, int, str]]:
    """(start, word, next start, next) of Chinese words directly followed by a version-like
    token."""
    return [
        (start, word, nstart, nxt)
        for (start, word), (nstart, nxt) in itertools.pairwise(toks)
        # the rare case first: most token pairs end here (every version, dotted or stem,
        # starts with a Latin letter or a digit of any script); a next word opening with a
        # common Chinese character (most words) is told by one string comparison
        if not "\u4e00" <= nxt < "\ua000"
        and ((first := nxt[:1]) in _LATIN_LETTERS or first.isdigit())
        and nstart == start + len(word)
        and NAME_WORD.fullmatch(word)
        and word not in gazetteer.generic_words
        and word not in gazetteer.function_words
    ]


def _full(pattern: re.Pattern[str], token: str) -> bool:
    return pattern.fullmatch(token) is not None


def organizations(
    text: str, tokens: Iterable[tuple[int, str]], gazetteer: Gazetteer
) -> list[ShapeMatch]:
    """``<word><suffix>`` organization names from segmenter tokens of ``text``.

    The word is not a generic one, and does not end like one either, as told from the
    text: "这家公司", "创业公司", and "大数据公司" with its 数据, name no organization.
    """
    out: list[ShapeMatch] = []
    suffixes = frozenset(gazetteer.org_suffixes)
    tokens = list(tokens)
    for k in range(1, len(tokens)):
        (start, word), (nstart, nxt) = tokens[k - 1], tokens[k]
        if nxt not in suffixes:  # the rare case first: most token pairs end here
            continue
        if k >= 2 and _single_characters(tokens[k - 2], tokens[k - 1], gazetteer):
            # a name the segmenter does not know comes cut into characters ("宜", "搜",
            # "科技"): its last two characters are the name
            start, word = tokens[k - 2][0], tokens[k - 2][1] + word
        if nstart != start + len(word) or not NAME_WORD.fullmatch(word):
            continue
        if word in gazetteer.generic_words or word.endswith(("的", "了")):
            continue
        if word in gazetteer.function_words or generic_tail(text, nstart, gazetteer):
            continue
        if WORDS.group_noun.match(text, start):
            continue  # "四大科技巨头", "三家科技公司": a count of firms, not a firm
        if WORDS.not_a_firm_after.match(text, nstart + len(nxt)):
            continue  # "恒生科技指数", "人工智能板块": an index or a sector, not a firm
        if nxt in ("公司", "集团") and (word in gazetteer.common_nouns or _kind_word(word)):
            continue  # "机器人公司", "激光雷达公司": a kind of firm, not one firm
        if WORDS.described_firm_before.search(text, max(0, start - 3), start):
            continue  # "这家明星公司": the word describes the firm the article names
        name = word if nxt in ("公司", "集团") else word + nxt
        out.append(ShapeMatch(start, nstart + len(nxt), name, "organization"))
    return out


def _kind_word(word: str) -> bool:
    """A word of three characters or more the dictionary holds whole ("激光雷达"): before
    公司 it says what kind of firm, as the name of one it would be unknown to the dictionary.
    (Two-character words, 华为 or 商汤, may be either.)"""
    return len(word) >= 3 and is_dictionary_word(word)


_HAN = re.compile(r"[\u4e00-\u9fff]")


def _single_characters(
    first: tuple[int, str], second: tuple[int, str], gazetteer: Gazetteer
) -> bool:
    """Two adjacent tokens of one Chinese character each, neither a function character."""
    (start, a), (next_start, b) = first, second
    if len(a) != 1 or len(b) != 1 or next_start != start + 1:
        return False
    if a in gazetteer.function_characters or b in gazetteer.function_characters:
        return False
    return bool(_HAN.match(a) and _HAN.match(b))


def generic_tail(text: str, end: int, gazetteer: Gazetteer) -> bool:
    """Whether ``text`` ends at ``end`` with a generic word of two or more characters.

    (The one-character ones, 该 or 其, are only refused as whole words.)
    """
    pattern, longest = _generic_tails(gazetteer.generic_words)
    return pattern.search(text, max(0, end - longest), end) is not None


@functools.lru_cache(maxsize=8)
def _generic_tails(words: frozenset[str]) -> tuple[re.Pattern[str], int]:
    """A pattern matching a generic word (two characters or more) at the end, and the
    longest one's length."""
    tails = sorted((w for w in words if len(w) > 1), key=len, reverse=True)
    if not tails:
        return re.compile("(?!)"), 0
    return re.compile(f"(?:{'|'.join(map(re.escape, tails))})\\Z"), len(tails[0])


# A stock code in brackets right after a Chinese character: "广达（2382）", "(688256.SH)",
# "(2317-TW)", "(02513.HK)", or after its exchange: "(NYSE:DAO)", "(股票代码：300750)",
# "光宝科 (市:2301)" (a Taiwan listing, 市 or 柜, a space before the bracket). A
# bare four-digit number that reads as a recent year, "(2024)" after a report's title, is
# no code.
STOCK_CODE = re.compile(
    r"(?<=[\u4e00-\u9fff])[ ]?[(（][ ]?"
    r"(?:\d{4,6}(?:[.\-](?:SH|SZ|SS|BJ|HK|TW|TWO|US))?|[A-Z]{1,5}[.\-](?:US|O|N|HK)"
    r"|(?:[A-Za-z]{2,6}|股票代码|证券代码|上市|上柜|市|柜)[ ]?[:：][ ]?(?:[A-Z]{1,5}|\d{4,6}))"
    r"[ ]?[)）]"
)
# A code that names its market ("(00992.HK)", "(NYSE:DAO)") is surely a stock code: the
# word before it is a name even where the dictionary knows it as a verb ("联想").
_MARKET_NAMED = re.compile(r"[.\-:：][ ]?[A-Z]|[:：]")
_YEAR_CODE = re.compile(r"[(（][ ]?(?:19[89]\d|20[0-3]\d)[ ]?[)）]")
# Words after which the name goes on: "腾讯控股", "沪电股份", "地平线机器人".
_NAME_TAILS = frozenset(
    ["控股", "股份", "集团", "科技", "智能", "电子", "信息", "半导体", "机器人", "医疗", "动力"]
)


def listed_companies(
    text: str, tokens: Iterable[tuple[int, str]], gazetteer: Gazetteer
) -> list[ShapeMatch]:
    """Organization names followed by their stock code: the segmenter word before the
    code, joined to the word before it when it is a tail such as 控股 or 股份."""
    ending_at = {start + len(word): (start, word) for start, word in tokens}
    out: list[ShapeMatch] = []
    for m in STOCK_CODE.finditer(text):
        if _YEAR_CODE.fullmatch(m.group()):
            continue
        last = ending_at.get(m.start())
        if last is None:
            continue
        start, name = last
        before = ending_at.get(start)
        if before is not None and _goes_on(name, before[1], gazetteer):
            known = gazetteer.lookup(before[1])
            start, name = before[0], before[1] if known else before[1] + name
        elif before is not None and _cut_in_two(text, before[1], name, gazetteer):
            start, name = before[0], before[1] + name
        if not NAME_WORD.fullmatch(name) or name in gazetteer.generic_words:
            continue
        if name in gazetteer.function_words and not _MARKET_NAMED.search(m.group()):
            continue
        out.append(ShapeMatch(start, m.start(), name, "organization", "stock code"))
    return out


# A registered company name ends in 有限公司, after the words of its kind of business:
# "速腾聚创科技有限公司", "北京某某智能科技股份有限公司".
_REGISTERED = re.compile(r"(?:股份)?有限(?:责任)?公司")
_BUSINESS_WORDS = re.compile(
    r"(?:科技|智能|技术|信息|数据|通信|网络|电子|半导体|集团|控股|发展|产业|数字|软件"
    r"|机器人|汽车|算力|智算|计算|光电|微电子|动力)+$"
)
_REGISTERED_STEM_MAX = 4  # characters: the distinctive words a registered name opens with


def registered_names(text: str, gazetteer: Gazetteer) -> list[ShapeMatch]:
    """A firm named by its registered name, "速腾聚创科技有限公司": the name is the (at most
    four) characters before its business words (科技, 智能...), less a place or a word
    that opens them ("为北京云知声信息技术有限公司": 云知声). The span covers the whole
    registered name; the name is its distinctive words, which the article goes on with."""
    if "有限" not in text:
        return []
    out: list[ShapeMatch] = []
    for m in _REGISTERED.finditer(text):
        business = _BUSINESS_WORDS.search(text, max(0, m.start() - 12), m.start())
        end = business.start() if business else m.start()
        start = _registered_name_start(text, end, gazetteer)
        name = text[start:end]
        if len(name) < 2 or not _may_head_a_name(name, gazetteer) or name in gazetteer.places:
            continue
        if gazetteer.lookup(name) is None and is_dictionary_word(name):
            continue  # "交易所有限公司", "资产评估有限公司": a kind of firm, not its name
        out.append(ShapeMatch(start, m.end(), name, "organization", "declared"))
    return out


def _registered_name_start(text: str, end: int, gazetteer: Gazetteer) -> int:
    """Where the distinctive words of a registered name ending at ``end`` start."""
    left = end
    while left > max(0, end - _REGISTERED_STEM_MAX) and _HAN.match(text, left - 1):
        left -= 1
    for size in range(end - left, 1, -1):  # a name the gazetteer knows ends them
        if gazetteer.lookup(text[end - size : end]) is not None:
            return end - size
    opened = False
    for p in range(left + 1, end - 1):  # a place or a function word before them
        if any(_opens_before(text[a:p], gazetteer) for a in range(max(0, p - 4), p - 1)):
            left, opened = p, True
    if text[left : left + 1] in gazetteer.function_words:
        return left + 1  # "为" of "为北京…"
    if opened:
        return left
    for b in (left + 2, left + 1):  # a word running into them from before: "引领者" of "者黑芝麻"
        if b < end and any(is_dictionary_word(text[a:b]) for a in range(max(0, left - 2), left)):
            return b
    return left


def _opens_before(word: str, gazetteer: Gazetteer) -> bool:
    return word in gazetteer.places or word in gazetteer.function_words


def name_stem(name: str, gazetteer: Gazetteer) -> str:
    """A listed company's name without its tail, the short name articles go on with
    ("地平线" of "地平线机器人"); "" when the name has no such tail."""
    for tail in sorted(_NAME_TAILS, key=len, reverse=True):
        stem = name.removesuffix(tail)
        if stem != name and len(stem) >= 2 and stem not in gazetteer.generic_words:
            return stem
    return ""


def _goes_on(word: str, before: str, gazetteer: Gazetteer) -> bool:
    """Whether the word before a stock code is the tail of a longer name: a tail or a
    kind of business ("机器人", "软件") after a word that may head a name."""
    if word not in _NAME_TAILS and word not in gazetteer.generic_words:
        return False
    return _may_head_a_name(before, gazetteer)


def _cut_in_two(text: str, before: str, word: str, gazetteer: Gazetteer) -> bool:
    """Whether the segmenter cut a name before a stock code in two: "网易" + "有道", or
    "出门" + "问问" (a verb heading a name the article goes on using whole; "收购" + "联想",
    said once, is no name)."""
    if _may_head_a_name(before, gazetteer):
        return True
    joined = before + word
    together = text.count(joined)
    return (
        NAME_WORD.fullmatch(joined) is not None
        and together >= 2
        and together > text.count(word) - together
    )


def _may_head_a_name(word: str, gazetteer: Gazetteer) -> bool:
    """A Chinese word that is neither generic, nor a function word (a verb, a particle),
    nor a frequent common noun."""
    return (
        NAME_WORD.fullmatch(word) is not None
        and word not in gazetteer.generic_words
        and word not in gazetteer.function_words
        and word not in gazetteer.common_nouns
    )


def declared_names(text: str, gazetteer: Gazetteer) -> list[ShapeMatch]:
    """Short names an article declares for what it named in full just before."""
    out: list[ShapeMatch] = []
    for m in WORDS.declared_name.finditer(text):
        name = m.group("name")
        if not WORDS.full_name_end.search(text, max(0, m.start() - 4), m.start()):
            continue  # "2022-2024年(以下简称“报告期”)": a period or a plan, not a firm
        if name in gazetteer.generic_words or name in gazetteer.function_words:
            continue
        out.append(ShapeMatch(m.start("name"), m.end("name"), name, "organization", "declared"))
    return out


def people(text: str, gazetteer: Gazetteer) -> list[ShapeMatch]:
    """Names after a title ("创始人张明的身价…"): a common surname and one or two more
    Chinese characters, then a particle, punctuation or a verb of speech."""
    return [person for _, person in _titled_people(text, gazetteer)]


def _titled_people(text: str, gazetteer: Gazetteer) -> Iterator[tuple[re.Match[str], ShapeMatch]]:
    """Each title with the person named after it (see :func:`people`)."""
    if not gazetteer.person_titles:
        return
    for m in _title_pattern(gazetteer.person_titles).finditer(text):
        start = m.end()
        if text[start : start + 1] not in gazetteer.surnames:
            continue
        for size in (3, 2):  # the longer name first: 黄仁勋 before 黄仁
            name = text[start : start + size]
            end = start + len(name)
            if name[-1] in gazetteer.function_characters:
                continue  # "张明的身价": a particle closes no name
            if _CJK_NAME.fullmatch(name) and WORDS.after_person_name.match(text, end):
                yield m, ShapeMatch(start, end, name, "person", "declared")
                break


def employers(text: str, gazetteer: Gazetteer) -> list[ShapeMatch]:
    """The organization a titled person speaks for, named right before the title:
    "中国移动首席执行官何飚", "网易有道CEO周枫". The name is the run of words back to
    punctuation or a function word; a generic one ("公司董事长", "该集团CEO") names no one."""
    ends = (title.start() for title, _ in _titled_people(text, gazetteer))
    return [s for end in ends if (s := _firm_named_before(text, end, gazetteer))]


def glossed_names(text: str, gazetteer: Gazetteer) -> list[ShapeMatch]:
    """A firm glossed with its Latin name in brackets: "逐际动力(LimX Dynamics)",
    "智平方(AI²Robotics)". A gloss of a term ("混合专家模型(Mixture of Experts)", "图形处理器
    (GPU)", "周活跃用户(Weekly Active Users)") has a kind word before it, no small letter
    (an acronym), or a word of what is measured in it."""
    out = []
    for m in _LATIN_GLOSS.finditer(text):
        latin = m.group("latin")
        if latin.isupper() or latin.split()[0].lower() in gazetteer.not_names:
            continue
        if _DIGIT.search(latin):
            continue  # "台湾杉二号(Taiwania 2)": a machine or a model, not a firm
        if WORDS.kind_word_before.search(text, max(0, m.start() - 4), m.start()):
            continue
        found = _firm_named_before(text, m.start(), gazetteer)
        if found is None or WORDS.measure_in_term.search(found.name):
            continue
        if is_dictionary_word(found.name):
            continue  # "激光雷达(LiDAR)": a term the dictionary knows, glossed in English
        if _transliterated_person(text, found.start, gazetteer):
            continue  # "财务长阿纳特·阿什克纳齐(Anat Ashkenazi)": a person
        out.append(found)
    return out


def _transliterated_person(text: str, start: int, gazetteer: Gazetteer) -> bool:
    """Whether the name at ``start`` is a person's: a transliterated name's dot before it,
    or a title ("财务长阿什克纳齐")."""
    if text[start - 1 : start] in _NAME_DOTS:
        return True
    if not gazetteer.person_titles:
        return False
    return _title_ending(gazetteer.person_titles).search(text, max(0, start - 6), start) is not None


_NAME_DOTS = frozenset("·•‧・")


# A Latin name in brackets right after a Chinese character.
_LATIN_GLOSS = re.compile(
    r"(?<=[\u4e00-\u9fff])[(（][ ]?(?P<latin>[A-Z][A-Za-z0-9²³]*(?:[ .&\-][A-Za-z0-9²³]+){0,3})"
    r"[ ]?[)）]"
)


def funded_names(text: str, gazetteer: Gazetteer) -> list[ShapeMatch]:
    """A firm named right before its funding round: "某某动力A轮融资10亿元",
    "某某科技完成B+轮融资"."""
    return list(_firms_before_each(WORDS.funding_round_after_name, text, gazetteer))


def self_described_firms(text: str, gazetteer: Gazetteer) -> list[ShapeMatch]:
    """A firm the article says is one: "智原是一家IC设计公司", "某某为一家专注于AI芯片的企业"."""
    return [
        found
        for found in _firms_before_each(WORDS.is_a_firm_after_name, text, gazetteer)
        if not _transliterated_person(text, found.start, gazetteer)
    ]


def dated_actors(text: str, gazetteer: Gazetteer) -> list[ShapeMatch]:
    """A firm named right before a Taiwanese news day, "今(30)日", "昨(29)日": "欣兴今(30)日
    法说会上预期…". A person named so (after a title, or a surname and two characters:
    "张明远今(30)日表示") is left to the rules for people."""
    return [
        found
        for found in _firms_before_each(WORDS.news_day_after_name, text, gazetteer)
        if not _transliterated_person(text, found.start, gazetteer)
        and not (len(found.name) == 3 and found.name[0] in gazetteer.surnames)
    ]


def _firms_before_each(
    anchor: re.Pattern[str], text: str, gazetteer: Gazetteer
) -> Iterator[ShapeMatch]:
    """:func:`_firm_named_before` each match of ``anchor``, where one is named."""
    for m in anchor.finditer(text):
        found = _firm_named_before(text, m.start(), gazetteer)
        if found is not None:
            yield found


def _firm_named_before(text: str, end: int, gazetteer: Gazetteer) -> ShapeMatch | None:
    """The firm named by the run of words that ends at ``end``, back to punctuation or a
    function word; None when the gazetteer knows a name there, or the run is generic
    ("公司", "该集团", "初创公司")."""
    run = _NAME_RUN_END.search(text, max(0, end - 12), end)
    if run is None:
        return None
    words = run.group().rsplit("的", 1)[-1]  # "背靠大疆的速腾聚创": the name after 的
    if len(words) < 2:
        return None
    if gazetteer.find_aliases(words):
        return None  # "火山引擎总裁", "消息称百度CEO": the gazetteer names the firm
    name = _without_leading_words(words, gazetteer)
    name = WORDS.descriptor_of_a_firm.split(name)[-1]  # "载板大厂欣兴": 欣兴
    if not NAME_WORD.fullmatch(name) or not _may_head_a_name(name, gazetteer):
        return None
    if name[-1] in gazetteer.function_characters:
        return None  # "50亿元人民币的A轮融资": a phrase, not a name, before the anchor
    start = end - len(name)
    if generic_tail(text, end, gazetteer) or _generic_firm(text, start, end, gazetteer):
        return None
    return ShapeMatch(start, end, name, "organization", "declared")


_CJK_NAME = re.compile(r"[\u4e00-\u9fff]{2,3}")


@functools.lru_cache(maxsize=4)
def _title_pattern(titles: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(f"(?:{longest_first(titles)})[ ]?")


@functools.lru_cache(maxsize=4)
def _title_ending(titles: tuple[str, ...]) -> re.Pattern[str]:
    """A title that ends where the search ends."""
    return re.compile(f"(?:{longest_first(titles)})$")


# A capitalised Latin word, then one or two more, and maybe a number: "Google AI Mode",
# "NVIDIA RTX 3090".
_BRANDED = re.compile(
    r"(?<![A-Za-z0-9\-])([A-Z][A-Za-z]+)((?: [A-Z][A-Za-z]*){1,2})"
    r"(?P<number> \d{2,4}[A-Za-z]{0,2})?(?![A-Za-z0-9\-.])"
)


# Words that make a firm's name, not a product's: "Counterpoint Research".
_FIRM_WORDS = frozenset(
    [
        "Research",
        "Capital",
        "Group",
        "Holdings",
        "Inc",
        "Corp",
        "Ventures",
        "Securities",
        "Partners",
        "Management",
        "Technologies",
        "Technology",
        "Labs",
        "Lab",
        "Foundation",
        "Cloud",
        "Intelligence",
    ]
)


def branded_products(text: str, gazetteer: Gazetteer) -> list[ShapeMatch]:
    """A known organization's Latin name followed by capitalised words that are not
    generic terms: the organization's product ("Google AI Mode"; not "NVIDIA GPU")."""
    out: list[ShapeMatch] = []
    for m in _BRANDED.finditer(text):
        maker = gazetteer.lookup(m.group(1))
        if maker is None or maker.type != "organization" or maker.outlet:
            continue
        words = m.group(2).split()
        generic = words[-1].lower() in gazetteer.not_names
        # a number makes even a generic word a product line: "NVIDIA RTX 3090"
        if words[-1] in _FIRM_WORDS or (generic and not m.group("number")):
            continue
        out.append(ShapeMatch(m.start(), m.end(), m.group(), "product"))
    return out


def introduced_names(text: str, gazetteer: Gazetteer) -> list[ShapeMatch]:
    """Latin names right after the word for what they are: a firm after 公司 or 平台, a
    product after 工具 or 应用 (words the gazetteer calls generic, such as GPU, aside)."""
    out: list[ShapeMatch] = []
    for m in WORDS.introduced_name.finditer(text):
        name = m.group("name")
        if name.split()[0].lower() in gazetteer.not_names or name.lower() in gazetteer.not_names:
            continue
        kind = "product" if m.group("product_noun") else "organization"
        out.append(ShapeMatch(m.start("name"), m.end("name"), name, kind))
    return out


_NAME_RUN_END = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{2,12}$")
_DATE_HEAD = re.compile(r"^[\d年月日号]+")  # "2025年全球数据中心": a date opens no name


def facilities(text: str, gazetteer: Gazetteer) -> list[ShapeMatch]:
    """Facilities named by their kind (``[facility_shape]``): "燧弘华创绿色智算中心", not
    "公共智算中心" or "建设高性能智算中心"."""
    if not gazetteer.facility_kinds:
        return []
    out: list[ShapeMatch] = []
    for m in _kind_pattern(gazetteer.facility_kinds).finditer(text):
        run = _NAME_RUN_END.search(text, max(0, m.start() - 12), m.start())
        if run is None:
            continue
        name = _DATE_HEAD.sub("", _after_last_function_word(run.group(), gazetteer))
        if len(name) < 2 or _only_modifiers(name, gazetteer.facility_modifiers):
            continue
        start = m.start() - len(name)
        out.append(ShapeMatch(start, m.end(), text[start : m.end()], "product", "declared"))
    return out


@functools.lru_cache(maxsize=4)
def _kind_pattern(kinds: tuple[str, ...]) -> re.Pattern[str]:
    return word_pattern(kinds)


def _after_last_function_word(run: str, gazetteer: Gazetteer) -> str:
    """What follows the last function character or word (of two to four characters) of
    ``run``: "燧弘华创绿色" of "调研甘肃庆阳的燧弘华创绿色"."""
    end = 0
    for i, char in enumerate(run):
        if char in gazetteer.function_characters:
            end = max(end, i + 1)
        for size in (2, 3, 4):
            if i + size <= len(run) and run[i : i + size] in gazetteer.function_words:
                end = max(end, i + size)
    return run[end:]


def _generic_firm(text: str, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """Whether ``text[start:end]`` is a generic word plus an organization suffix
    ("初创公司", "科技集团")."""
    suffix = next((x for x in gazetteer.org_suffixes if text.endswith(x, start, end)), "")
    if not suffix:
        return False
    stem = text[start : end - len(suffix)]
    return (
        not stem
        or stem in gazetteer.generic_words
        or generic_tail(text, end - len(suffix), gazetteer)
    )


def _without_leading_words(run: str, gazetteer: Gazetteer) -> str:
    """``run`` without the dates, function characters and function words that open it
    ("对照正崴" is 正崴; "中国移动" and "火山引擎" stay whole). Read from the left, as a
    name's own characters may be verbs (移动)."""
    rest = _DATE_HEAD.sub("", run)
    while rest:
        size = next((n for n in (4, 3, 2) if rest[:n] in gazetteer.function_words), 0)
        if not size and rest[0] not in gazetteer.function_characters:
            return rest
        rest = _DATE_HEAD.sub("", rest[size or 1 :])
    return rest


def _only_modifiers(name: str, modifiers: frozenset[str]) -> bool:
    """Whether ``name`` is made of words that only sort a facility ("高性能", "国内公共")."""
    if not name:
        return True
    return any(name.startswith(w) and _only_modifiers(name[len(w) :], modifiers) for w in modifiers)


# A quoted name with a Latin tail ("「可灵 AI」业务收入") is a product once the article names
# it this often without the quotation marks ("可灵 AI 第二季度收入…"); without the tail,
# quoted words are mostly terms ("“专家”", "“东数西算”").
_QUOTED_REPEATS = 2


def quoted_names(text: str, gazetteer: Gazetteer) -> list[ShapeMatch]:
    """Coined names in quotation marks (rule words ``quoted_name``, ``quoted_project``): one
    with a Latin tail the article goes on to use unquoted, a project or a plan wherever it
    stands."""
    out: list[ShapeMatch] = []
    for name in _quoted_unknown(WORDS.quoted_name, text, gazetteer):
        spots = [m.span() for m in re.finditer(re.escape(name), text)]
        bare = [(s, e) for s, e in spots if text[max(0, s - 2) : s].strip(" ")[-1:] not in _QUOTES]
        if len(bare) >= _QUOTED_REPEATS:
            out.extend(ShapeMatch(s, e, name, "product") for s, e in spots)
    for name in _quoted_unknown(WORDS.quoted_project, text, gazetteer):
        out.extend(
            ShapeMatch(*m.span(), name, "product") for m in re.finditer(re.escape(name), text)
        )
    return out


def _quoted_unknown(pattern: re.Pattern[str], text: str, gazetteer: Gazetteer) -> set[str]:
    """The distinct quoted names ``pattern`` finds that are neither generic nor function
    words, nor names the gazetteer's own rules find."""
    return {
        name
        for name in (m.group("name") for m in pattern.finditer(text))
        if name not in gazetteer.generic_words
        and name not in gazetteer.function_words
        and gazetteer.lookup(name) is None
    }


_QUOTES = frozenset('「“『"')


# A capitalised Latin word standing alone in Chinese text: "Manus", "Perplexity"; with the
# capitalised word before it when the two make one name ("GMI Cloud", "K2 Thinking").
_LATIN_WORD_ALONE = re.compile(r"(?<![A-Za-z0-9\-.])[A-Z][a-z]+(?:[A-Z][a-z]+)*(?![A-Za-z0-9\-])")
_HEAD_BEFORE = re.compile(r"(?<![A-Za-z0-9\-.])[A-Z][A-Za-z0-9]* $")
_REPEATS = 3  # times an article names a word before it counts as a name
# English words Chinese tech writing keeps using that name no one.
_COMMON_TERMS = frozenset(
    [
        "agent",
        "agents",
        "token",
        "tokens",
        "transformer",
        "prompt",
        "scaling",
        "law",
        "chat",
        "bot",
        "chatbot",
        "robotaxi",
        "robotaxis",
        "model",
        "models",
        "open",
        "source",
        "pro",
        "max",
        "mini",
        "plus",
        "ultra",
        "lite",
        "turbo",
        "flash",
        "the",
        "and",
        "for",
        "with",
        "about",
        "more",
        "context",
        "window",
        "code",
    ]
)


# A number of its own right before a word ("具备9 Petaflops"), not a version ("Llama 4 Scout"),
# looked for in the characters just before the word (not from the text's start)
_NUMBER_BEFORE = re.compile(r"(?:\A|[^A-Za-z0-9 .\-])[\d,.]*\d ?\Z")
_NUMBER_REACH = 64


def _number_before(text: str, start: int) -> bool:
    return _NUMBER_BEFORE.search(text, max(0, start - _NUMBER_REACH), start) is not None


def repeated_latin_names(text: str, gazetteer: Gazetteer) -> list[ShapeMatch]:
    """Capitalised Latin words a Chinese article names again and again: its actors, even
    when the gazetteer does not know them (generic English terms aside)."""
    if text.isascii():
        return []
    counts: dict[str, list[tuple[int, int]]] = {}
    for m in _LATIN_WORD_ALONE.finditer(text):
        head = _HEAD_BEFORE.search(text, max(0, m.start() - 16), m.start())
        if head is None or not _unknown_word(head.group()[:-1], gazetteer):
            # "Perplexity", "OpenAI Codex": the word alone
            counts.setdefault(m.group(), []).append(m.span())
        else:
            counts.setdefault(text[head.start() : m.end()], []).append((head.start(), m.end()))
    out: list[ShapeMatch] = []
    for name, found in counts.items():
        word = name.rsplit(" ", 1)[-1]
        lower = word.lower()
        if len(found) < _REPEATS or len(word) < 4 or lower in _COMMON_TERMS:
            continue
        if lower in gazetteer.not_names or gazetteer.lookup(name) is not None:
            continue
        if any(WORDS.not_an_actor_after.match(text, end) for _, end in found):
            continue  # "Grace CPU", "DevDay 大会": a part or an event, not an actor
        if any(_number_before(text, start) for start, _ in found):
            continue  # "9 Petaflops", "16 Petaflops": a unit after a number, not an actor
        firm = (word in _FIRM_WORDS and name != word) or _written_as_a_firm(text, found)
        out.extend(
            ShapeMatch(start, end, name, "organization" if firm else "product")
            for start, end in found
        )
    return out


def repeated_actors(text: str, gazetteer: Gazetteer) -> list[ShapeMatch]:
    """A firm nothing else knows, named again and again where a firm stands: "速腾聚创交出
    第三季度成绩单。…速腾聚创的毛利率…速腾聚创营收…" (gazetteer.toml, [repeated_actor_shape])."""
    shape = gazetteer.repeated_actor
    openings: dict[str, int] = {}
    for clause in _CLAUSE_OPENING.finditer(text):
        found = _OPENING_NAME.match(text, clause.end())  # (a deed follows: see the pattern)
        if found is not None:
            openings[found.group()] = openings.get(found.group(), 0) + 1
    out: list[ShapeMatch] = []
    for name, times in openings.items():
        if times < shape.min_openings or text.count(name) < shape.min_count:
            continue
        if not _may_be_an_actor(name, gazetteer):
            continue
        spans = [(m.start(), m.end()) for m in re.finditer(re.escape(name), text)]
        if not any(WORDS.firm_deed_after.match(text, end) for _, end in spans):
            continue
        if any(_transliterated_person(text, start, gazetteer) for start, _ in spans):
            continue  # "总裁谭待…谭待宣布": a person the article titles
        out.extend(ShapeMatch(start, end, name, "organization") for start, end in spans)
    return out


def _may_be_an_actor(name: str, gazetteer: Gazetteer) -> bool:
    """No word of the dictionary that names nothing, no common noun or place, nor ending in
    one (an organization's suffix aside), nor opening or closing with a character that
    opens or closes no name; no name the gazetteer knows already."""
    shape = gazetteer.repeated_actor
    if name[0] in shape.not_first or name[-1] in shape.not_last:
        return False
    if name[0] in gazetteer.function_characters or name[-1] in gazetteer.function_characters:
        return False
    if _plain_word(name, gazetteer) or name in gazetteer.generic_words:
        return False
    ends_plain = any(_plain_word(name[-size:], gazetteer) for size in range(2, len(name)))
    if ends_plain and not name.endswith(gazetteer.org_suffixes):
        return False  # "云计算业务", "渠道客户": a phrase ending in a common word
    return not gazetteer.find_aliases(name)


def _plain_word(word: str, gazetteer: Gazetteer) -> bool:
    """A word of the dictionary that names nothing, a common noun or a place."""
    return (
        word in gazetteer.function_words
        or word in gazetteer.common_nouns
        or word in gazetteer.places
    )


# Where a clause opens (the text's start, or after punctuation), and a run of two to five
# characters there, as short as the deed after it allows.
_CLAUSE_OPENING = re.compile(r"(?:^|[。，,；;：:！？!?、\n])[ ]?", re.MULTILINE)
_OPENING_NAME = re.compile(r"[\u4e00-\u9fff]{2,5}?(?=" + WORDS.actor_deed_after.pattern + ")")


def _written_as_a_firm(text: str, found: list[tuple[int, int]]) -> bool:
    """Whether the article writes a name where only a firm stands: before a listing, a
    market value or a funding ("Appier日本挂牌"), or after the word for a firm."""
    return any(
        WORDS.firm_after_name.match(text, end)
        or WORDS.firm_word_before_name.search(text, max(0, start - 4), start)
        for start, end in found
    )


# A list item that opens with a Latin name and a colon, figures after it: "- xMate:MAU环比
# 增长4408.66%,达到296万", "• Music AI：月活471万". The name holds a small letter or a
# space, so a metric's capitals ("MAU:", "ARR:") are not taken for one.
_LABELLED = re.compile(
    r"(?:^|(?<=[\n•·▪*\-] )|(?<=[\n•·▪*\-]))"
    r"(?P<name>[A-Za-z][A-Za-z0-9]*(?: [A-Za-z][A-Za-z0-9]*){0,2})\s*[:：](?=[^\n]{0,30}\d)",
    re.MULTILINE,
)


def labelled_names(text: str, gazetteer: Gazetteer) -> list[ShapeMatch]:
    """Latin names heading the items of a list of figures (see ``_LABELLED``)."""
    out: list[ShapeMatch] = []
    for m in _LABELLED.finditer(text):
        name = m.group("name")
        if name.isupper() or not any(c.islower() or c == " " for c in name):
            continue
        first = name.lower().split()[0]
        if name.lower() in gazetteer.not_names or first in gazetteer.not_names:
            continue
        if first in _COMMON_TERMS:
            continue
        if gazetteer.lookup(name) is not None:
            continue  # the gazetteer finds it already
        out.append(ShapeMatch(m.start("name"), m.end("name"), name, "product"))
    return out
