"""Language data for the quantity finder, loaded once from extractors/data/quantity_units.toml."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

# The letters Python's IGNORECASE matching equates with an ASCII letter that lower() does not
# map to it: a unit regex compiled with re.I matches "tokenſ" for "tokens".
_RE_ONLY_CASE = str.maketrans({"ſ": "s", "ı": "i", "İ": "i"})


def lexicon_key(word: str) -> str:
    """The key under which the lexicon holds a unit word an IGNORECASE regex matched."""
    return word.translate(_RE_ONLY_CASE).lower()


@dataclass(frozen=True)
class UnitInfo:
    """What a unit word means: base unit, factor to it, and the quantity kind."""

    unit: str
    factor: float
    kind: str


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, UnitInfo]  # keys lower-cased
    currencies: dict[str, UnitInfo]  # keys lower-cased
    symbols: dict[str, str]
    prefixes: dict[str, str]  # currency names before an amount in 元
    price_per: dict[str, float]  # keys lower-cased
    before: dict[str, str]
    after: dict[str, str]
    not_before_jin: str
    not_numbers: tuple[str, ...]
    place_words: dict[str, tuple[str, ...]]  # hong_kong, taiwan, mainland: see local_currency


@cache
def load_lexicon() -> Lexicon:
    """Read the TOML data file shipped in extractors/data (package data, not user input)."""
    raw = (resources.files("extractors") / "data" / "quantity_units.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    units = {k.lower(): UnitInfo(v[0], float(v[1]), v[2]) for k, v in data["units"].items()}
    currencies = {
        k.lower(): UnitInfo(v[0], float(v[1]), "money") for k, v in data["currencies"].items()
    }
    return Lexicon(
        units=units,
        currencies=currencies,
        symbols=dict(data["currency_symbols"]),
        prefixes=dict(data.get("currency_prefixes", {})),
        price_per={k.lower(): float(v) for k, v in data["price_per"].items()},
        before=dict(data["qualifiers"]["before"]),
        after=dict(data["qualifiers"]["after"]),
        not_before_jin=data["qualifiers"]["not_before_jin"],
        not_numbers=tuple(data["words"]["not_numbers"]),
        place_words={k: tuple(v) for k, v in data.get("local_currency", {}).items()},
    )


def surface_pattern(surface: str) -> str:
    """Regex for a unit word: Chinese characters may be split by single spaces."""
    parts = [re.escape(c) for c in surface]
    if all(ord(c) < 0x2E80 for c in surface):
        return "".join(parts)
    return "[ ]?".join(parts)


def alternation(surfaces: list[str]) -> str:
    """Longest-first alternation so that 个百分点 wins over 个."""
    ordered = sorted((s for s in surfaces if s), key=len, reverse=True)
    return "|".join(surface_pattern(s) for s in ordered)
