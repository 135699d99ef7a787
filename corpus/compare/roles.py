"""What a claim's number is in its sentence: a value, a forecast, or part of a stated change.

Comparison needs to know more than the claim record says:

- ``change_span``: a range that states a change. The extractor reads "从1万亿美元到2万亿美元用
  了9个月" as one claim with the range 1万亿-2万亿; it is a change between two (undated)
  moments, not an uncertain value.
- ``change_from``: the earlier value of "从A…到B" ("价格从每百万tokens 5元下调至1元" gives 5元
  at the date of the cut); it held before the claim's date. B, the value after the change
  ("到B", "增长到B"), stays a value of its date.
- ``change_amount``: the size of a change read as a level ("市值蒸发5890亿美元" as a market
  value, "较上年增加798.93万元" as revenue).
- ``projection``: a forecast, plan or target ("预计第二财季营收约为280亿美元", "有望突破500亿
  港元", "可能需要高达10万块H100"): compared with other forecasts, not with reported values.
- ``value``: anything else, a value reported for its date.

Changes are left out of conflicts and consensus and shown as the changes they are. The
extractor should rather emit each end of a change as its own claim with its own ``as_of``,
and say when a number is a forecast or a change (see the report of issue 18); until it does,
this reads the sentence around the claim's text.
"""

from __future__ import annotations

import re
from typing import Literal

EntryRole = Literal["value", "projection", "change_from", "change_span", "change_amount"]
#: Roles compared among themselves (a forecast with forecasts); the others are not compared.
COMPARED_ROLES: tuple[EntryRole, ...] = ("value", "projection")

_CLAUSE = r"[^，。；;,！？!?\n]"
_FROM_BEFORE = re.compile(rf"(?:从|由|從){_CLAUSE}{{0,14}}$")
_NUMERAL = r"[0-9０-９零〇一二两兩三四五六七八九十百千万萬亿億兆]"
_TO_AFTER = re.compile(
    rf"^{_CLAUSE}{{0,10}}?(?:增长|增長|增加|提升|提高|上调|下调|调整|降低|下降|下跌|上涨|扩展|"
    rf"扩大|缩减|缩小|减少|跌|涨|升|降|增|扩|飙升|攀升)?(?:到|至)\s*(?:约|近|超过?)?\s*{_NUMERAL}"
)
_TO_INSIDE = re.compile(r"(?:到|至)")
#: "参数规模从15亿到700亿不等": a span over several things, not a change of one.
_SPAN_AFTER = re.compile(rf"^{_CLAUSE}{{0,4}}?(?:不等|之间|之間|左右)")

_DELTA_WORDS = (
    r"(?:蒸发|蒸發|缩水|縮水|损失|損失|狂泻|狂瀉|跌去|跌掉|流失|暴增|大增|增加|减少|減少|缩减|縮減)"
)
_APPROX = r"(?:约|約|大约|大約|近|逾|超过|超過|达|達|高达|高達|了)?"
_CURRENCY_WORD = r"(?:美元|港元|港币|港幣|新台币|新台幣|元|人民币|人民幣)?"
_DELTA_BEFORE = re.compile(
    rf"{_DELTA_WORDS}\s*{_APPROX}\s*"
    # the amount may come first and this claim be its conversion: "201亿美元（约" ...
    rf"(?:[0-9０-９.,，点點\s]*[万萬亿億兆]*\s*{_CURRENCY_WORD}\s*[(（]\s*{_APPROX})?"
    # ... or the extractor cut the number short: "蒸發大約19點" before "7兆元"
    r"[0-9０-９.,点點]*\s*$"
)
_DELTA_AFTER = re.compile(r"^\s*的?(?:潜在|潛在)?(?:收入|营收|營收|市值)?(?:损失|損失)")

#: Words before a number (in its sentence, at most ``_PROJECTION_REACH`` characters back)
#: that make it a forecast, plan or target.
_PROJECTION = re.compile(
    r"预计|預計|预期|預期|预测|預測|预估|預估|有望|可能需要|或将|或將|或超|或达|或達|将达|將達|"
    r"将超|將超|将突破|將突破|计划|計劃|计画|計畫|拟|擬|目标|目標|力争|力爭|指引|展望|未来|未來|"
    r"明年|潜在|潛在"
)
_PROJECTION_REACH = 30
#: How far before the number a change cue can start (从 + 14 characters; 蒸发 + an amount).
_CUE_REACH = 40
_SENTENCE_START = re.compile(r"[。；;！？!?\n]")


def _cue_starts() -> re.Pattern[str]:
    """The first characters of every cue word above: a sentence with none of them holds a
    plain value, and the cues need not be searched (most sentences)."""
    patterns = "|".join((_PROJECTION.pattern, _DELTA_WORDS, _DELTA_AFTER.pattern))
    words = re.findall(r"[\u4e00-\u9fff]+", patterns)
    return re.compile("[" + "".join(sorted({w[0] for w in words} | set("从由從"))) + "]")


_ANY_CUE = _cue_starts()


def locate(sentence: str, text: str) -> int:
    """Where the claim's words start in its sentence, skipping matches inside a longer number
    (``1元`` in ``0.1元``); -1 when absent."""
    first = at = sentence.find(text) if text else -1
    while at > 0 and (sentence[at - 1].isdigit() or sentence[at - 1] in ".,"):
        at = sentence.find(text, at + 1)
    return at if at >= 0 else first


def _change_role(before: str, after: str, text: str, qualifier: str) -> EntryRole | None:
    # The cues stand right before the number: search only the end of the text before it.
    if _DELTA_BEFORE.search(before[-_CUE_REACH:]) or _DELTA_AFTER.match(after):
        return "change_amount"
    if not _FROM_BEFORE.search(before[-_CUE_REACH:]):
        return None
    if qualifier == "range":
        if _TO_INSIDE.search(text) and not _SPAN_AFTER.match(after):
            return "change_span"
        return None
    return "change_from" if _TO_AFTER.match(after) else None


def _is_projection(before: str) -> bool:
    reach = before[-_PROJECTION_REACH:]
    starts = [m.end() for m in _SENTENCE_START.finditer(reach)]
    return bool(_PROJECTION.search(reach[starts[-1] if starts else 0 :]))


def claim_role(sentence: str, text: str, qualifier: str) -> EntryRole:
    """The role of a claim's number in its sentence (see the module's docstring)."""
    if _ANY_CUE.search(sentence) is None:
        return "value"
    at = locate(sentence, text)
    if at < 0:
        return "value"
    before, after = sentence[:at], sentence[at + len(text) :]
    role = _change_role(before, after, text, qualifier)
    if role is not None:
        return role
    return "projection" if _is_projection(before) else "value"


__all__ = ["COMPARED_ROLES", "EntryRole", "claim_role", "locate"]
