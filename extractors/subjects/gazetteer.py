"""The entity gazetteer (extractors/data/gazetteer.toml): names, types, aliases, families."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from extractors.chinese_script import to_simplified

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]")
_CJK_STEM = re.compile(r"([\u4e00-\u9fff]{2,6})[A-Za-z]{0,2}\d")


@dataclass(frozen=True)
class Entity:
    """One known actor (or benchmark) of the AI field."""

    name: str
    type: str
    aliases: tuple[str, ...]
    family: str | None = None
    outlet: bool = False


@dataclass(frozen=True)
class Family:
    """A model family: a bare version token matching ``versions`` becomes ``template``."""

    name: str
    template: str
    versions: re.Pattern[str]

    def compose(self, version: str) -> str | None:
        if not self.versions.fullmatch(version):
            return None
        return self.template.replace("{v}", version)


@dataclass
class Gazetteer:
    entities: list[Entity]
    families: dict[str, Family]
    not_names: frozenset[str]
    org_suffixes: tuple[str, ...] = ()
    generic_words: frozenset[str] = frozenset()
    by_alias: dict[str, Entity] = field(default_factory=dict)
    pattern: re.Pattern[str] | None = None
    # Chinese stems of versioned names, in simplified script ("升腾" of "昇腾910B"), with
    # the stem as the gazetteer spells it and the type of entity it names.
    stems: dict[str, tuple[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for entity in self.entities:
            for alias in (entity.name, *entity.aliases):
                self.by_alias.setdefault(alias_key(alias), entity)
                stem = _CJK_STEM.match(alias)
                if stem and entity.type in ("model", "chip", "product"):
                    key = to_simplified(stem.group(1))
                    self.stems.setdefault(key, (stem.group(1), entity.type))
        self.pattern = _alias_pattern(a for e in self.entities for a in (e.name, *e.aliases))

    def lookup(self, name: str) -> Entity | None:
        """The entity a name (any alias, any case/spacing/hyphenation) refers to."""
        return self.by_alias.get(alias_key(name))

    def aliases(self) -> list[str]:
        return sorted({a for e in self.entities for a in (e.name, *e.aliases)})


def alias_key(name: str) -> str:
    """Case, spaces and hyphens do not distinguish aliases."""
    return re.sub(r"[\s\-_·.]", "", name).lower()


def _alias_pattern(aliases: object) -> re.Pattern[str]:
    """One alternation, longest alias first; Latin ends must not be glued to Latin/digits."""
    parts = []
    aliases_list = list(aliases)  # type: ignore[call-overload]
    for alias in sorted(set(aliases_list), key=lambda a: (-len(a), a)):
        body = re.escape(alias)
        if _ASCII_ALNUM.fullmatch(alias[0]):
            body = r"(?<![A-Za-z0-9])" + body
        if _ASCII_ALNUM.fullmatch(alias[-1]):
            body += r"(?![A-Za-z0-9])"
        if _ASCII_ALNUM.search(alias):
            body = f"(?i:{body})"
        parts.append(body)
    # A class of the first characters lets the scan skip most positions at once:
    # without it the engine tries every alternative at every character.
    firsts = {c for a in set(aliases_list) for c in (a[0].lower(), a[0].upper())}
    first_class = "".join(re.escape(c) for c in sorted(firsts))
    return re.compile(f"(?=[{first_class}])(?:{'|'.join(parts)})")


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Parse the gazetteer TOML file (read once, at pipeline build)."""
    data = tomllib.loads((path or DATA_DIR / "gazetteer.toml").read_text(encoding="utf-8"))
    entities = [
        Entity(
            name=e["name"],
            type=e["type"],
            aliases=_with_simplified(e.get("aliases", ())),
            family=e.get("family"),
            outlet=bool(e.get("outlet", False)),
        )
        for e in data.get("entity", [])
    ]
    families = {
        name: Family(name, spec["template"], re.compile(spec["versions"]))
        for name, spec in data.get("family", {}).items()
    }
    shapes = data.get("org_shape", {})
    return Gazetteer(
        entities=entities,
        families=families,
        not_names=frozenset(w.lower() for w in data.get("not_names", {}).get("words", ())),
        org_suffixes=tuple(shapes.get("suffixes", ())),
        generic_words=frozenset(shapes.get("generic_words", ())),
    )


def _with_simplified(aliases: list[str]) -> tuple[str, ...]:
    """Aliases plus their simplified spelling: texts are matched after conversion, which
    may spell a name otherwise than its owner does (昇騰/昇腾 both become 升腾)."""
    out = list(aliases)
    for alias in aliases:
        simple = to_simplified(alias)
        if simple not in out:
            out.append(simple)
    return tuple(out)
