"""Where the numerals of a text are: MASTER matches, tried only where a numeral can start.

``master_matches`` is the general routine (the MASTER.finditer matches, found quickly);
``numeral_spots`` gives the same numerals but skips the MASTER match for the commonest
shape, a lone numeral that nothing can lengthen (2024年, 一些, 80%, 557万美元).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .numerals import CN_CHARS, DIGITS
from .patterns import FRACTION_CHARS, MASTER, MASTER_NO_FRACTION

# Every place a MASTER match can start at; a search for these is ~30x faster than letting
# the big alternation try every position.  Lone signs, dots, letters of US$ and 半/对 outside
# 半成/打对折 start no match, so they are not tried.  The pattern opens with one character
# class (checked afterwards) so that the regex engine scans for it quickly.
_PLAIN_START = "0-9负翻$¥€£" + "".join(DIGITS) + "十拾百佰千仟万亿兆"
_START_CHARS = rf"[{_PLAIN_START}\-.UHN半对]"
# A - after an ASCII digit or a dot starts no match: MASTER's sign and its slash form
# (-3/4) both refuse what follows one (2024-05-01).
_START_CHECKS = (
    rf"(?<=[{_PLAIN_START}])|(?<=-)(?<![0-9.]-)(?=[\d.{CN_CHARS}])"
    r"|(?<=\.)(?=\d)|(?<=U)(?=S\$)|(?<=H)(?=K\$)|(?<=N)(?=T\$)|(?<=半)(?=[成折])|(?<=打对)(?=折))"
)
_START = re.compile(f"{_START_CHARS}(?:{_START_CHECKS}")

# A "lone numeral" is a numeral that nothing after it can lengthen: there MASTER (with or
# without the fraction forms) matches that numeral alone as a "plain" match without a
# currency symbol, so MASTER is not tried.  It is one of
#   - a run of at most 40 digits 0-9, with an optional decimal part of at most 30 digits,
#     then up to three of 万亿兆, each after at most 4 spaces (2024, 3.5, 557万, 1.2 万亿),
#     not preceded by a digit and a dot (there MASTER reads no decimal part);
#   - the run of digits and decimal part alone, then a k/K/M/B/T no letter follows (671B);
#   - a run of at most 40 Chinese numerals, maybe with one of 几多余 after it (一, 两千多);
# and after it comes none of the characters that could lengthen it:
#   - right after it: any decimal digit (\d), a Chinese numeral, 几多余, 点, 分, 又, a dot,
#     and after Arabic digits (or 万亿兆) also , / e E ^;
#   - after 1 to 4 spaces: any decimal digit, - . 几多余 点 分 又 k K M B T, a Chinese
#     numeral.
# Why MASTER then matches the lone numeral and nothing else:
#   - slash needs / or a space and digits after its first digits; pct and frac need 分 or
#     又 after their first numeral (maybe after spaces), and a shorter numeral inside the
#     lone one is followed by more of it; half and fan start with 半, 对 or 翻; a currency
#     symbol is no digit or Chinese numeral: so no alternative before "plain" matches;
#   - in "plain", NUMERAL's first atom (_ARABIC) takes the whole run of digits and its
#     decimal part, or the first Chinese numeral; each further Chinese numeral, 几多余 or
#     万亿兆 is one more ATOM (after an empty GAP, or after the spaces GAP allows before a
#     Chinese unit character); a further GAP+ATOM, decimal part, _LATIN_TAIL or _MULT would
#     need one of the characters above next; a k/K/M/B/T right after the digits is _MULT
#     unless a letter follows it, and then MASTER stops before it as well.
# Every quantifier in the lone-numeral patterns is possessive, and giving any part back
# would leave one of the characters above next, so no backtracking hides a longer match.
_NOT_LONGER = r"(?![\d.几多余点分又{cn}{more}])(?![ ]{{1,4}}[\d\-.几多余点分又kKMBT{cn}])"
_ARABIC_NOT_LONGER = _NOT_LONGER.format(cn=CN_CHARS, more=re.escape(",/eE^"))
_CHINESE_NOT_LONGER = _NOT_LONGER.format(cn=CN_CHARS, more="")
_LONE_ARABIC_REST = (  # after the first digit
    r"[0-9]{0,39}+(?:\.[0-9]{1,30}+)?+"
    rf"(?:[kKMBT](?![A-Za-z])|(?:[ ]{{0,4}}+[万亿兆]){{0,3}}+{_ARABIC_NOT_LONGER})"
)
# A lone numeral glued to a name before it (H800, GPT-4o, Qwen2.5: what
# guards.glued_before tells, for Arabic digits) or after 第 is no quantity whatever
# follows: read_plain rejects it first thing, so it is passed over.  (A letter, -, _ or
# 第 before it: no digit and dot before it.)
_REJECTED_ARABIC = (
    r"(?:(?<=[A-Za-z_][0-9])|(?<=[A-Za-z][-.][0-9])|(?<=第[0-9]))"
    rf"(?P<rejected_arabic>{_LONE_ARABIC_REST})"
)
# A month (1-12, not after 个: 3个月 is a duration) or a day of the month (1-31) written
# without leading zero right before 月, 日 or 号 is a lone numeral (none of them lengthens a
# numeral) that is_date_or_time always calls a date, so read_plain rejects it whatever comes
# before it: it is passed over too.  The group is empty where the numeral is one digit.
_NOT_AFTER_DECIMAL = r"(?<!\d\.[0-9])"
_REJECTED_DATE = (
    rf"{_NOT_AFTER_DECIMAL}(?P<rejected_date>"
    r"(?<=1)(?<!个.)[0-2]?(?=月)|(?<=[2-9])(?<!个.)(?=月)"
    r"|(?<=[12])[0-9]?(?=[日号])|(?<=3)[01]?(?=[日号])|(?<=[4-9])(?=[日号]))"
)
_LONE_ARABIC = rf"(?<=[0-9]){_NOT_AFTER_DECIMAL}(?P<digits>{_LONE_ARABIC_REST})"
_LONE_CHINESE_REST = f"[{CN_CHARS}]{{0,39}}+[几多余]?+"  # after the first numeral
# A lone Chinese numeral of multipliers alone (百, 千万, 百多: no digit, not opening with
# 十) is a word to read_plain (numeral_spans.SHAPE_NOT_NUMERAL): it is passed over too.
# Where the same run goes on with a digit, NOT_LONGER fails and "chinese" takes it all.
_MULTIPLIERS = "百佰千仟万亿兆"
_LONE_CHINESE = (
    rf"(?<=[{CN_CHARS}])(?:(?<=第.)(?P<rejected_chinese>{_LONE_CHINESE_REST})"
    rf"|(?<=[{_MULTIPLIERS}])(?P<rejected_digitless>[{_MULTIPLIERS}]{{0,39}}+[几多余]?+)"
    rf"|(?P<chinese>{_LONE_CHINESE_REST})){_CHINESE_NOT_LONGER}"
)
_SCAN = re.compile(
    f"{_START_CHARS}(?:{_REJECTED_ARABIC}|{_REJECTED_DATE}|{_LONE_ARABIC}|{_LONE_CHINESE}|{_START_CHECKS}"
)
_KEPT = frozenset(("digits", "chinese"))  # the lone numerals numeral_spots gives


def numeral_spots(text: str) -> list[tuple[int, str, re.Match[str] | None]]:
    """(start, numeral, match) of every MASTER match of ``text``, in order, but lone
    numerals glued to a name, after 第, without a digit (千万), or a month or day before
    月, 日 or 号: read_plain rejects these.

    For a lone numeral (above), ``match`` is None and ``numeral`` is its text: MASTER,
    not tried there, would match it as a "plain" match without a currency symbol.
    Elsewhere ``numeral`` is "" and ``match`` is the MASTER match.
    """
    spots: list[tuple[int, str, re.Match[str] | None]] = []
    add = spots.append
    pos, n = 0, len(text)
    fen = reach = -1  # the next 分 at or after a start, and where its stretch begins
    while pos < n:
        # A _SCAN match at a position does not depend on where the scan began, and each
        # lone numeral ends where its MASTER match would: the scan only starts over after
        # a MASTER match longer than the one start character _SCAN took.
        for c in _SCAN.finditer(text, pos):
            lone = c.lastgroup
            if lone is not None:  # a lone numeral
                if lone in _KEPT:
                    add((c.start(), c.group(), None))
                continue
            start = c.start()
            if fen < start:
                fen = text.find("分", start)
                fen, reach = (n, n) if fen < 0 else (fen, _stretch_start(text, fen))
            m = (MASTER if reach <= start else MASTER_NO_FRACTION).match(text, start)
            if m is None:  # every MASTER alternative takes at least one character
                continue
            pos = m.end()
            add((start, "", m))
            if pos > start + 1:
                break
        else:
            break
    return spots


def master_matches(text: str) -> Iterator[re.Match[str]]:
    """Same matches as MASTER.finditer, trying MASTER only where a numeral can start.

    The 分之 forms (pct, frac) can only start inside the stretch of numeral characters that
    ends at a 分: only there is the full MASTER tried, elsewhere the cheaper
    MASTER_NO_FRACTION gives the same match.
    """
    pos, n = 0, len(text)
    fen = reach = -1  # the next 分 at or after pos, and where its stretch begins
    while pos < n:
        c = _START.search(text, pos)
        if c is None:
            return
        start = c.start()
        if fen < start:
            fen = text.find("分", start)
            if fen < 0:
                fen = reach = n
            else:
                reach = _stretch_start(text, fen)
        m = (MASTER if reach <= start else MASTER_NO_FRACTION).match(text, start)
        if m is None:  # every MASTER alternative takes at least one character
            pos = start + 1
            continue
        yield m
        pos = m.end()


def _stretch_start(text: str, end: int) -> int:
    """Start of the run of characters a pct or frac match may hold that ends at ``end``."""
    i = end
    while i and (text[i - 1] in FRACTION_CHARS or text[i - 1].isdecimal()):
        i -= 1
    return i
