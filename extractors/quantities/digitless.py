"""Round magnitudes written without a digit: "超百亿元", "千亿元人民币", "百万卡", and
vague multiples of them: "数十亿美元".

Chinese writes a round amount by its magnitude alone. A run of multipliers (百, 千)
ending in 万, 亿 or 兆 is such an amount when a currency or a GPU word follows it;
alone it is usually a word ("千万不要"), before 参数 mostly a class of models
("千亿参数大模型") unless a model's Latin name follows ("千亿参数闭源模型 Yi-Large"), and in
a unit ("(万美元)", "以亿元计") no amount at all.
"""

from __future__ import annotations

import re

from extractors.alternation import longest_first
from extractors.models import Quantity

from .qualifiers import qualifier_before

_FACTORS = {"十": 10.0, "百": 100.0, "千": 1000.0, "万": 1e4, "亿": 1e8, "兆": 1e12}
_CURRENCIES = {
    "美元": "USD",
    "美金": "USD",
    "元人民币": "CNY",
    "元": "CNY",
    "人民币": "CNY",
    "港元": "HKD",
    "港币": "HKD",
    "新台币": "TWD",
}
_CURRENCY = longest_first(_CURRENCIES, escape=False)
# What users and downloads are counted in: "破千万下载", "用户破亿".
_COUNTED = r"(?:下载|用户|月活|日活|付费用户|订阅用户|注册用户|开发者)"
_MAGNITUDE = re.compile(
    r"(?<![\d０-９一二三四五六七八九十两百千万亿兆零〇○几数多余第(（以每按])(?<![\d０-９] )"
    r"(?P<run>[百千]?(?:万亿|万|亿|兆))"
    rf"(?=(?P<currency>{_CURRENCY})|(?:张|块|颗)?(?:卡|GPU)"
    r"|(?P<params>参数)(?=[\u4e00-\u9fff]{0,8}[ ]?(?!AI)[A-Z][A-Za-z0-9])"
    rf"|(?P<counted>(?:次|人|名|个)?{_COUNTED}))"
)
# A count word, then a threshold word, then the magnitude: "用户数突破亿", "下载量破千万".
_COUNT_THEN_MAGNITUDE = re.compile(
    rf"{_COUNTED}(?:量|数|规模)?[^，,。；;\d]{{0,3}}?(?:突破|超过|破|超|过|达到?|逾)"
    r"(?P<run>[百千]?(?:万亿|万|亿))(?![\d万亿元美港台])"
)


def _magnitude(run: str) -> float:
    value = 1.0
    for ch in run:
        value *= _FACTORS[ch]
    return value


def with_digitless_magnitudes(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """``quantities`` with the round magnitudes no numeral gave, in text order."""
    if "万" not in text and "亿" not in text and "兆" not in text:
        return quantities
    taken = [(q.start, q.end) for q in quantities]
    added = []
    for m in [*_MAGNITUDE.finditer(text), *_COUNT_THEN_MAGNITUDE.finditer(text)]:
        groups = m.groupdict()  # the second pattern has no currency, params or counted
        start = m.start("run")
        end = m.end("run") + len(groups.get("currency") or groups.get("params") or "")
        if any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        currency = _CURRENCIES.get(groups.get("currency") or "")
        unit, kind = (currency, "money") if currency else (None, "number")
        if groups.get("params"):
            unit, kind = "params", "dimension"
        elif m.re is _COUNT_THEN_MAGNITUDE or groups.get("counted"):
            unit, kind = "count", "count"
        added.append(
            Quantity(
                text=text[start:end],
                start=start,
                end=end,
                value=_magnitude(m.group("run")),
                unit=unit,
                qualifier=qualifier_before(text, start) or "exact",
                kind=kind,
            )
        )
    if not added:
        return quantities
    return sorted([*quantities, *added], key=lambda q: q.start)


_VAGUE_BEFORE = frozenset("数几數幾")


def with_vague_multiples(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """ "数十亿美元" is some tens of 亿 (2e9 to 9e9), not 1e9: a round multiple after 数
    or 几 is read as the range from two to nine of it."""
    out = []
    for q in quantities:
        if q.start and text[q.start - 1] in _VAGUE_BEFORE and q.text[:1] in "十百千万亿":
            q = q.model_copy(
                update={
                    "text": text[q.start - 1 : q.end],
                    "start": q.start - 1,
                    "value": q.value * 2,
                    "value_max": q.value * 9,
                    "qualifier": "range",
                }
            )
        out.append(q)
    return out
