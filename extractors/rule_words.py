"""The words the claim rules read, loaded once from data/rule_words.toml.

Language knowledge is data: each rule names the pattern it reads by its key
(``WORDS.cause_before``), and the pattern itself, with the examples it was written for,
stands in the data file beside the others of its stage.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass, fields
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "rule_words.toml"


@dataclass(frozen=True)
class RuleWords:
    """One compiled pattern per key of the data file (sections merged)."""

    # [claims]
    qualifier_gap: re.Pattern[str]
    qualifier_tail: re.Pattern[str]
    process_node_after: re.Pattern[str]
    restates: re.Pattern[str]
    names_the_figure: re.Pattern[str]
    kind_of_model: re.Pattern[str]
    uses_a_kind: re.Pattern[str]
    change_to: re.Pattern[str]
    from_before: re.Pattern[str]
    grown_to: re.Pattern[str]
    part_of: re.Pattern[str]
    baseline_before: re.Pattern[str]
    further_baseline: re.Pattern[str]
    instalment: re.Pattern[str]
    puts_in: re.Pattern[str]
    device_shipments: re.Pattern[str]
    revenue_row: re.Pattern[str]
    operating_income_row: re.Pattern[str]
    kind_of_actor: re.Pattern[str]
    compared_with: re.Pattern[str]
    built_from: re.Pattern[str]
    conversion_gap: re.Pattern[str]
    conversion_after: re.Pattern[str]
    growth_then_level: re.Pattern[str]
    topic_frame: re.Pattern[str]
    in_turn_before: re.Pattern[str]
    figures_in_turn: re.Pattern[str]
    chip_word_after: re.Pattern[str]
    kind_word_before: re.Pattern[str]
    per_mtok_before: re.Pattern[str]
    per_mtok_after: re.Pattern[str]
    per_million_before: re.Pattern[str]
    token_word: re.Pattern[str]
    per_second_before: re.Pattern[str]
    gpu_after: re.Pattern[str]
    counted_by_piece: re.Pattern[str]
    kind_classifier_before: re.Pattern[str]
    memory_after: re.Pattern[str]
    made_before: re.Pattern[str]
    die_after: re.Pattern[str]
    package_word: re.Pattern[str]
    counted_before_cue: re.Pattern[str]
    # [linking]
    chip_topic_after: re.Pattern[str]
    addressee_after: re.Pattern[str]
    report_word: re.Pattern[str]
    cause_before: re.Pattern[str]
    tested_on_after: re.Pattern[str]
    venue_after: re.Pattern[str]
    member_of_after: re.Pattern[str]
    own_report_after: re.Pattern[str]
    layers_after: re.Pattern[str]
    example_before: re.Pattern[str]
    owner_of_next_name: re.Pattern[str]
    built_on_after: re.Pattern[str]
    counted_before: re.Pattern[str]
    counted_part_after: re.Pattern[str]
    nickname_before: re.Pattern[str]
    nickname_after: re.Pattern[str]
    enumeration_after: re.Pattern[str]
    by_phrase_before: re.Pattern[str]
    received_from_before: re.Pattern[str]
    investment_after: re.Pattern[str]
    through_before: re.Pattern[str]
    subscribes_after: re.Pattern[str]
    subscribes_through_after: re.Pattern[str]
    use_verb: re.Pattern[str]
    # [groups]
    joins_names: re.Pattern[str]
    summed: re.Pattern[str]
    each: re.Pattern[str]
    group_noun: re.Pattern[str]
    respectively: re.Pattern[str]
    described_group: re.Pattern[str]
    # [context]
    pays: re.Pattern[str]
    # [names]
    not_a_firm_after: re.Pattern[str]
    described_firm_before: re.Pattern[str]
    firm_after_name: re.Pattern[str]
    actor_deed_after: re.Pattern[str]
    firm_deed_after: re.Pattern[str]
    firm_word_before_name: re.Pattern[str]
    after_person_name: re.Pattern[str]
    introduced_name: re.Pattern[str]
    quoted_name: re.Pattern[str]
    edition_after_family: re.Pattern[str]
    funding_round_after_name: re.Pattern[str]
    measure_in_term: re.Pattern[str]
    news_day_after_name: re.Pattern[str]
    is_a_firm_after_name: re.Pattern[str]
    descriptor_of_a_firm: re.Pattern[str]
    owner_of_next: re.Pattern[str]
    joins_names_with_owner: re.Pattern[str]
    quoted_project: re.Pattern[str]
    not_an_actor_after: re.Pattern[str]
    declared_name: re.Pattern[str]
    full_name_end: re.Pattern[str]


def load_rule_words(path: Path = DATA_FILE) -> RuleWords:
    """Every pattern of the data file, compiled; a key missing from the file or the class
    fails here, at import, not in the middle of an article."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    fragments = data.pop("fragments", {})
    twice = sorted(k for k, n in Counter(k for s in data.values() for k in s).items() if n > 1)
    if twice:
        raise ValueError(f"{path.name}: a key stands in two sections: {twice}")
    patterns = {
        key: _with_fragments(value, fragments)
        for section in data.values()
        for key, value in section.items()
    }
    names = {f.name for f in fields(RuleWords)}
    if set(patterns) != names:
        raise ValueError(
            f"{path.name}: keys differ from RuleWords: {sorted(set(patterns) ^ names)}"
        )
    return RuleWords(**{key: re.compile(value) for key, value in patterns.items()})


def _with_fragments(pattern: str, fragments: dict[str, str]) -> str:
    """``pattern`` with each ``${name}`` replaced by the fragment of that name; an unknown
    name fails at load."""

    def fragment(found: re.Match[str]) -> str:
        name = found.group(1)
        if name not in fragments:
            raise ValueError(f"unknown fragment ${{{name}}} in {pattern!r}")
        return fragments[name]

    return _FRAGMENT.sub(fragment, pattern)


_FRAGMENT = re.compile(r"\$\{(\w+)\}")

WORDS = load_rule_words()
