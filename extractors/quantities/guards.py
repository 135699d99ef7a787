"""Tell numerals that are not quantities: names (H800, GPT-4o), dates, times, phones, words."""

from __future__ import annotations

import re

from extractors.alternation import word_pattern

from .lexicon import load_lexicon
from .numeral_spans import SHAPE_NOT_NUMERAL, SHAPE_NUMBER, SHAPE_WORDISH, numeral_shape

_WORDS = word_pattern(load_lexicon().not_numbers, escape=False)
_PHONE = re.compile(r"1[3-9]\d{9}")
_DATE_AFTER = re.compile(r"[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)")
_DATE_BEFORE = re.compile(r"\d{4}[-/.](?:\d{1,2}[-/.])?\Z")
_CLOCK_HOUR_BEFORE = re.compile(r"\d[时点]\Z")
_LANDLINE_AFTER = re.compile(r"-\d{7,8}(?!\d)")
_LANDLINE_BEFORE = re.compile(r"(?<!\d)\d{3,4}-\Z")
_YEAR_RANGE_AFTER = re.compile(r"[ ]?[-~到至][ ]?(?:\d{4}|\d{2})[ ]?年")


MAGNITUDE_ENDS = frozenset("万亿兆")
# Two digits or more and a decimal part: a score or a share, not a version ("Llama 3.1").
_SCORE_LIKE = re.compile(r"\d{2,}\.\d+")


def is_ascii_letter(c: str) -> bool:
    return c.isascii() and c.isalpha()


def glued_to_name(text: str, start: int, end: int, has_unit: bool) -> bool:
    """Numbers inside model or chip names: H800, GPT-4o, Qwen2.5, Llama 3, AIME 2024, 25th."""
    return glued_before(text, start) or (not has_unit and glued_after(text, start, end))


def glued_before(text: str, start: int) -> bool:
    """H800, GPT-4o, Qwen2.5: a Latin letter just before, with or without a unit after."""
    before = text[start - 1] if start else ""
    if is_ascii_letter(before) or before == "_":
        return True
    return before in "-." and start >= 2 and is_ascii_letter(text[start - 2])


def glued_after(text: str, start: int, end: int) -> bool:
    """25th, 4o, Llama 3, AIME 2024: for a bare number (no unit) not glued before.  A
    number closed by a Chinese magnitude is no part of a name whatever follows it
    ("5998万MAU")."""
    after = text[end] if end < len(text) else ""
    letter_after = is_ascii_letter(after) or (
        after in "-_" and is_ascii_letter(text[end + 1 : end + 2])
    )
    if letter_after and text[end - 1 : end] not in MAGNITUDE_ENDS:
        return True
    if _SCORE_LIKE.fullmatch(text, start, end):
        return False  # "GSM8K 94.39", "BBH 89.1": a score after a name, no version of it
    return start >= 2 and text[start - 1] == " " and is_ascii_letter(text[start - 2])


def is_word_not_number(
    text: str, start: int, end: int, numeral: str, shape: int | None = None
) -> bool:
    """一些, 统一, 第一, 四川, 入伍...: short all-Chinese numerals that belong to a word.

    Also true for a numeral with no digit at all (几, 多); ``numeral`` is without its sign,
    ``shape`` its numeral_shape when the caller knows it.
    """
    if shape is None:
        shape = numeral_shape(numeral)
    if shape == SHAPE_NUMBER:
        return start > 0 and text[start - 1] == "第"
    if shape == SHAPE_NOT_NUMERAL or (start and text[start - 1] == "第"):
        return True
    if shape == SHAPE_WORDISH:
        return True
    # a not-a-number word of the lexicon overlapping the numeral
    lo = max(0, start - 3)
    return any(m.start() < end and m.end() > start for m in _WORDS.finditer(text, lo, end + 3))


def is_date_or_time(text: str, start: int, end: int, numeral: str, value: float) -> bool:
    """17:30, 2024年, 2024-03-27, 2024 - 2025年, 10月, 7日, 晚上8点, 80年代, phone numbers."""
    nxt = text[end : end + 2] or "\n"
    prev = text[start - 1] if start else "\n"
    whole = value == int(value) and "." not in numeral
    if (nxt[0] in ":：" and nxt[1:2].isdigit()) or (
        prev in ":：" and text[start - 2 : start - 1].isdigit()
    ):
        return True
    if whole and len(numeral) == 4 and 1000 <= value <= 2999:
        if nxt[0] == "年" or nxt == "财年" or _DATE_AFTER.match(text, end):
            return True
        if _YEAR_RANGE_AFTER.match(text, end):
            return True
    if whole and nxt[0] == "月" and 1 <= value <= 12 and prev != "个":
        return True
    if whole and nxt[0] in "日号" and 1 <= value <= 31:
        return True
    if whole and nxt[0] == "点" and value <= 24 and not nxt[1:2].isdigit():
        return True
    if (
        whole
        and nxt[0] == "分"
        and value < 60
        and _CLOCK_HOUR_BEFORE.search(text, max(0, start - 2), start)
    ):
        return True  # 上午9时40分: the minutes of a clock time, no score
    if whole and nxt == "年代":
        return True
    if (
        prev in "-/."
        and whole
        and value <= 31
        and _DATE_BEFORE.search(text, max(0, start - 8), start)
    ):
        return True
    return len(numeral) >= 3 and _is_phone(text, start, end, numeral)


def _is_phone(text: str, start: int, end: int, numeral: str) -> bool:
    if _PHONE.fullmatch(numeral):
        return True
    if numeral.isdigit() and len(numeral) >= 16:
        return True
    if numeral.isdigit() and 3 <= len(numeral) <= 4 and _LANDLINE_AFTER.match(text, end):
        return True
    return bool(len(numeral) >= 7 and _LANDLINE_BEFORE.search(text, max(0, start - 6), start))
