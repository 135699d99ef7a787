"""Reading the unit written after a numeral and normalising to CLAIMS.md base units."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import lexicon_key
from .numerals import DIGITS, parse_chinese_number
from .patterns import CENTS, LEX, PRICE_PER, SUBUNIT, UNIT

# 周 opening another word (周活跃, 周末, 周年, 周期, 周一…) is no week; "4周训练而成" is.
_WEEK_WORD = re.compile(r"[活末年边期刊报岁一二三四五六日天]")


@dataclass(frozen=True, slots=True)
class UnitReading:
    """What a unit word after a numeral means: value = raw * factor + offset (offset in the
    base unit; half: a 半 after the unit adds 0.5 to raw).  Shared between readings, so
    frozen; read_unit gives it with the end of the unit in the text."""

    unit: str
    factor: float
    kind: str
    offset: float = 0.0
    half: bool = False

    def with_unit(self, unit: str) -> UnitReading:
        return UnitReading(unit, self.factor, self.kind, self.offset, self.half)


_GPU_HOURS = UnitReading("gpu_hours", 1.0, "dimension")

# Compute-centre shorthand: "算力规模80P", "2500P算力", "FP8算力达到8E FLOPS": P and E are
# PFLOPS and EFLOPS where 算力 is said in the same clause (1080P, P800 are no compute).
_COMPUTE_SHORTHAND = re.compile(r"[ ]?(?P<scale>[PE])(?:[ ]?(?i:flops))?(?![A-Za-z0-9])")
_COMPUTE_SCALES = {"P": 1e15, "E": 1e18}
_COMPUTE_BEFORE = re.compile(r"算力[^，。；！？,;!?\n]{0,16}$")
_COMPUTE_AFTER = re.compile(r"[ ]?算力")


def _digit(c: str) -> float:
    return float(c) if c.isdigit() else float(DIGITS[c])


def read_unit(text: str, end: int, symbol_iso: str | None) -> tuple[UnitReading, int] | None:
    """The unit right after a numeral ending at ``end`` (``symbol_iso``: a $/¥ before it),
    and where it ends."""
    if symbol_iso is not None:
        return _price_or_money(text, end, symbol_iso, 0.0)
    m = UNIT.match(text, end)
    if m is None:
        return _compute_shorthand(text, end)
    group = m.lastgroup or "unit"  # always one of cur, chiph, unit
    if group == "chiph":
        return _GPU_HOURS, m.end()
    surface, end = m.group(group), m.end()
    readings = _readings(group, surface)
    if group == "cur":
        return _money_tail(text, end, readings[0].unit, readings[0].factor)
    if surface == "周" and _WEEK_WORD.match(text, end):
        return None  # 周活跃, 周末, 周年: not weeks
    if readings[0].unit != "count" and text.startswith("半", end):
        return readings[1], end + 1
    return readings[0], end


def _compute_shorthand(text: str, end: int) -> tuple[UnitReading, int] | None:
    """P or E after a numeral, read as PFLOPS or EFLOPS when the clause speaks of 算力."""
    m = _COMPUTE_SHORTHAND.match(text, end)
    if m is None:
        return None
    said = _COMPUTE_BEFORE.search(text[max(0, end - 30) : end]) or _COMPUTE_AFTER.match(
        text, m.end()
    )
    if said is None:
        return None
    return UnitReading("FLOPS", _COMPUTE_SCALES[m.group("scale")], "dimension"), m.end()


def _readings(group: str, surface: str) -> tuple[UnitReading, UnitReading]:
    """The readings of a unit word as matched (any spacing and case): as written, and
    followed by 半."""
    if group == "cur":
        info = LEX.currencies[_squash(surface)]
        factor, kind = info.factor, "money"  # 1, or 0.1 for a tenth of one (毛钱)
    else:
        info = LEX.units[_squash(surface)]
        factor, kind = info.factor, info.kind
    return UnitReading(info.unit, factor, kind), UnitReading(info.unit, factor, kind, half=True)


def _squash(surface: str) -> str:
    """The lexicon's key of a unit word as printed (spaces inside it dropped)."""
    if not surface.isascii():
        return lexicon_key(surface.replace(" ", ""))
    return surface.replace(" / ", "/").replace(" /", "/").replace("/ ", "/").lower()


def _money_tail(text: str, end: int, iso: str, factor: float = 1.0) -> tuple[UnitReading, int]:
    """元 may be followed by 角/毛/分 (123元1角1分); 美元 by 美分. ``factor``: the money word's
    worth in its currency (0.1 for 毛钱)."""
    offset = 0.0
    if iso == "CNY":
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
    return _price_or_money(text, end, iso, offset, factor)


def _price_or_money(
    text: str, end: int, iso: str, offset: float, factor: float = 1.0
) -> tuple[UnitReading, int]:
    per = PRICE_PER.match(text, end)
    if per is None:
        return UnitReading(iso, factor, "money", offset), end
    tokens = LEX.price_per[lexicon_key(per.group("per") or "")]
    return UnitReading(f"{iso}/Mtok", factor * 1e6 / tokens, "money", offset), per.end()
