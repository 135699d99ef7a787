"""Reading the unit written after a numeral and normalising to CLAIMS.md base units."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import UnitInfo
from .numerals import DIGITS, parse_chinese_number
from .patterns import CENTS, LEX, PRICE_PER, SUBUNIT, UNIT, UNIT_START

_WEEK_WORD = re.compile(r"[\u4e00-\u9fff](?<![内后时的左前])")
# First characters SUBUNIT (with a 角/分 digit), CENTS and PRICE_PER can match at: where the
# text goes on with anything else the regex is not tried.
_SUBUNIT_FIRST = frozenset("又零0123456789两" + "".join(DIGITS))
_CENTS_FIRST = _SUBUNIT_FIRST | frozenset("十")
_PRICE_PER_FIRST = frozenset(" /每")
_TAIL_FIRST = _CENTS_FIRST | _PRICE_PER_FIRST
_info_by_surface: dict[tuple[str, str], UnitInfo] = {}  # (group, matched text) -> unit


@dataclass(slots=True, eq=False)
class UnitReading:
    """A unit found at ``end``: value = raw * factor + offset (offset in the base unit)."""

    unit: str
    factor: float
    kind: str
    end: int
    offset: float = 0.0
    half: bool = False

    def with_unit(self, unit: str) -> UnitReading:
        return UnitReading(unit, self.factor, self.kind, self.end, self.offset, self.half)


def _digit(c: str) -> float:
    return float(c) if c.isdigit() else float(DIGITS[c])


def read_unit(text: str, end: int, symbol_iso: str | None) -> UnitReading | None:
    """The unit right after a numeral ending at ``end`` (``symbol_iso``: a $/¥ before it)."""
    if symbol_iso is not None:
        return _price_or_money(text, end, symbol_iso, 0.0)
    nxt = text[end : end + 1]
    if nxt == " ":
        nxt = text[end : end + 6].lstrip(" ")[:1]
    if nxt not in UNIT_START:
        return None
    m = UNIT.match(text, end)
    if m is None:
        return None
    group = m.lastgroup or "unit"  # always one of cur, chiph, unit
    if group == "chiph":
        return UnitReading("gpu_hours", 1.0, "dimension", m.end())
    info = _unit_info(group, m.group(group))
    if group == "cur":
        end = m.end()
        if text[end : end + 1] not in _TAIL_FIRST:
            return UnitReading(info.unit, 1.0, "money", end, 0.0)  # no 角分, 美分 or /token
        return _money_tail(text, end, info.unit)
    if info is _WEEK and _WEEK_WORD.match(text, m.end()):
        return None  # 周活跃, 周末, 周年: not weeks
    half = info.unit not in ("count",) and text.startswith("半", m.end())
    return UnitReading(info.unit, info.factor, info.kind, m.end() + half, half=half)


def _unit_info(group: str, matched: str) -> UnitInfo:
    info = _info_by_surface.get((group, matched))
    if info is None:
        table = LEX.currencies if group == "cur" else LEX.units
        info = _info_by_surface[group, matched] = table[_squash(matched)]
    return info


_WEEK = LEX.units["周"]


def _squash(surface: str) -> str:
    return surface.replace(" ", "").lower() if not surface.isascii() else surface.lower()


def _money_tail(text: str, end: int, iso: str) -> UnitReading:
    """元 may be followed by 角/毛/分 (123元1角1分); 美元 by 美分."""
    offset = 0.0
    if text[end : end + 1] not in _CENTS_FIRST:
        pass
    elif iso == "CNY":
        sub = SUBUNIT.match(text, end)
        if sub and sub.end() > end and (sub.group("j") or sub.group("f")):
            offset = sum(
                _digit(sub.group(g)) * w for g, w in (("j", 0.1), ("f", 0.01)) if sub.group(g)
            )
            end = sub.end()
    elif iso == "USD":
        cents = CENTS.match(text, end)
        if cents:
            value = parse_chinese_number(cents.group("c"))
            if value is not None:
                offset, end = value / 100, cents.end()
    return _price_or_money(text, end, iso, offset)


def _price_or_money(text: str, end: int, iso: str, offset: float) -> UnitReading:
    per = PRICE_PER.match(text, end) if text[end : end + 1] in _PRICE_PER_FIRST else None
    if per is None:
        return UnitReading(iso, 1.0, "money", end, offset)
    tokens = LEX.price_per[(per.group("per") or "").lower()]
    return UnitReading(f"{iso}/Mtok", 1e6 / tokens, "money", per.end(), offset)
