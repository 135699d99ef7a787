"""The few compiled regexes of the quantity finder (all with bounded repetition)."""

from __future__ import annotations

import re

from extractors.alternation import longest_first

from .lexicon import Lexicon, alternation, load_lexicon
from .numerals import BIG_UNITS, CN_CHARS, CN_UNIT_CHARS, DIGITS

_DEC_DIGITS = "".join(c for c in DIGITS if c not in "两贰")
_ARABIC = (
    r"(?<!\d\.)(?:\d{1,3}(?:,\d{3}){1,10}(?!\d)|\d{1,40}+)(?:\.\d{1,30}+(?!\.\d))?"
    r"|(?<=\d\.)\d{1,40}+|(?<![\d.])\.\d{1,30}+"
)
_GAP = rf"(?:(?<=[{CN_CHARS}几多余])[ ]{{1,4}}|[ ]{{1,4}}(?=[{CN_UNIT_CHARS}点几多余])|)"
_ATOM = rf"(?:{_ARABIC}|[{CN_CHARS}]|(?<=[\d{CN_CHARS} ])[几多余]|点[ ]?(?=[{_DEC_DIGITS}]))"
NUMERAL = rf"(?:{_ARABIC}|[{CN_CHARS}])(?:{_GAP}{_ATOM}){{0,40}}"
_SIGN = r"(?:(?<![A-Za-z0-9.\-])-|负)"
_SIGNED = rf"{_SIGN}?{NUMERAL}"
_LATIN_TAIL = r"(?:(?<=\d)(?:[eE][-+]?\d{1,3}|\^[-+]{0,3}\d{1,3})(?![A-Za-z]))?"
_MULT = r"(?:(?<=\d)[ ]?[kKMBT](?![A-Za-z]))?"
_DE = "[ ]{0,2}"


def _symbols(lex: Lexicon) -> str:
    return longest_first(lex.symbols)


def build_master(lex: Lexicon, fractions: bool = True) -> re.Pattern[str]:
    """One pass finds every numeral; the alternatives are tried longest-form first.

    Without ``fractions`` the pattern lacks the 分之 forms (pct, frac) and matches exactly
    what the full one does outside the FRACTION_CHARS stretches that end at a 分.
    """
    pct_den = "|".join(["百万万", "百万", "千万", "万万", *"百佰千仟万"])
    fraction_forms = (
        rf"(?P<pct>(?P<pden>{pct_den}){_DE}分{_DE}之{_DE}(?P<pnum>{_SIGNED}{_MULT}))"
        rf"|(?P<frac>(?:(?P<fwhole>{_SIGNED}){_DE}又{_DE})?(?P<fden>{_SIGNED}){_DE}分{_DE}之"
        rf"{_DE}(?P<fnum>{_SIGNED}))|"
    )
    return re.compile(
        (fraction_forms if fractions else "")
        + r"(?P<slash>(?<![\d/.])(?:(?P<sw>\d{1,6}) )?(?P<sn>-?\d{1,6})/(?P<sd>\d{1,6})(?![\d/.]))"
        r"|(?P<half>半(?=[成折])|(?<=打)对(?=折))"
        r"|(?P<fan>翻了?(?:(?P<fann>[一两二三四\d])[ ]?番|番))"
        rf"|(?P<plain>(?:(?P<sym>{_symbols(lex)})[ ]?)?(?P<num>{_SIGNED}{_LATIN_TAIL}{_MULT}))"
    )


def _unit_surface(s: str) -> str:
    """A unit word as printed: Chinese characters may stand apart, and a slash may have
    spaces around it ("5.3 TB / s")."""
    pat = re.escape(s) if s.isascii() else "[ ]?".join(re.escape(c) for c in s)
    pat = pat.replace("/", "[ ]?/[ ]?")
    return pat + "(?![A-Za-z])" if s[-1:].isascii() and s[-1:].isalpha() else pat


def build_unit(lex: Lexicon) -> re.Pattern[str]:
    """Unit word right after a numeral: currency first, then the other units."""
    groups: dict[str, list[str]] = {"cur": [], "chiph": [], "unit": []}
    for group, pattern in _unit_alternatives(lex):
        groups[group].append(pattern)
    body = "|".join(f"(?P<{g}>{'|'.join(alts) or '(?!)'})" for g, alts in groups.items())
    return re.compile(rf"[ ]{{0,4}}(?:{body})", re.IGNORECASE)


def _unit_alternatives(lex: Lexicon) -> list[tuple[str, str]]:
    """(group, pattern) of every unit word, in order."""
    out = [("chiph", r"[A-Za-z]\d{2,4}[ ]?GPU[ ]?(?:小时|hours)")]
    for group, words in (("cur", lex.currencies), ("unit", lex.units)):
        ordered = sorted(words, key=len, reverse=True)
        out += [(group, _unit_surface(s)) for s in ordered]
    return out


def build_price_per(lex: Lexicon) -> re.Pattern[str]:
    """``/百万tokens``, ``每千tokens``, ``/百万输入tokens`` after a money amount."""
    per = alternation(list(lex.price_per))
    return re.compile(
        rf"[ ]?(?:/|每)[ ]?(?P<per>{per})?[ ]?个?[ ]?(?:输入|输出)?[ ]?(?:tokens?|词元|tok)"
        r"(?![A-Za-z])",
        re.IGNORECASE,
    )


SUBUNIT = re.compile(
    rf"(?:又|零)?(?:(?P<j>[0-9{_DEC_DIGITS}两])[角毛])?(?:(?P<f>[0-9{_DEC_DIGITS}两])分(?!之))?"
)
CENTS = re.compile(
    rf"又?(?P<c>[0-9{_DEC_DIGITS}两]{{1,2}}|[一二三四五六七八九]?十[一二三四五六七八九]?)美分"
)
URL = re.compile(r"(?:https?://|www\.)[\x21-\x7e]{1,2000}")
RANGE_LINK = re.compile(r"[ ]{0,2}(?:-|~|到|至|—)[ ]{0,2}\Z")
BIG_UNIT_TAIL = re.compile(rf"[{''.join(BIG_UNITS)}]+\Z")
LEX = load_lexicon()
MASTER = build_master(LEX)
MASTER_NO_FRACTION = build_master(LEX, fractions=False)
# Everything a pct or frac match can hold before its 分 (numerals, signs, spaces, 又), besides
# decimal digits: where the text up to the next 分 holds anything else, neither form matches.
FRACTION_CHARS = frozenset(",. -负又点几多余" + CN_CHARS)
UNIT = build_unit(LEX)
PRICE_PER = build_price_per(LEX)
