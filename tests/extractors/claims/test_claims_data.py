"""The language data files parse, and gazetteer aliases are unique."""

from __future__ import annotations

import re
from collections import Counter

from extractors.claims.metric import load_metric_cues
from extractors.claims.roles import load_link_cues
from extractors.models import CONTRACT_METRICS
from extractors.segmentation import domain_words
from extractors.subjects import load_gazetteer
from extractors.subjects.gazetteer import alias_key


def test_gazetteer_aliases_unique() -> None:
    gaz = load_gazetteer()
    keys = Counter(
        key for e in gaz.entities for key in {alias_key(a) for a in (e.name, *e.aliases)}
    )
    assert [k for k, n in keys.items() if n > 1] == []


def test_gazetteer_types_and_families_known() -> None:
    gaz = load_gazetteer()
    kinds = {"model", "organization", "chip", "person", "product", "benchmark"}
    assert {e.type for e in gaz.entities} <= kinds
    assert {e.family for e in gaz.entities if e.family} <= set(gaz.families)
    assert gaz.lookup("英偉達").name == "NVIDIA"
    assert gaz.lookup("high flyer").name == "High-Flyer"


def test_metric_cues_name_contract_metrics() -> None:
    cues = load_metric_cues()
    assert {c.metric for c in cues.cues} - {"drop"} <= CONTRACT_METRICS
    assert set(cues.subjects) <= CONTRACT_METRICS
    assert {c.metric for c in cues.cues} - {"drop"} <= set(cues.subjects)


def test_link_cues_and_userdict_parse() -> None:
    cues = load_link_cues()
    assert "其" in cues.pronouns
    assert all(w and " " not in w for w, _, _ in domain_words())


def test_data_regexes_linear_on_long_input() -> None:
    """Guard against catastrophic backtracking: every data regex on a long hostile text."""
    hostile = ("训练" + "成本" * 50 + "，" + "A-1." * 200 + "每百万" * 50) * 20
    for cue in load_metric_cues().cues:
        cue.pattern.findall(hostile)
    link = load_link_cues()
    for pat in (link.comparator_before, link.attribution_tail, link.percentile, link.openers):
        pat.findall(hostile)
    assert load_gazetteer().pattern.findall(hostile) is not None
    assert re.compile("x")
