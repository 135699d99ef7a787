"""The rule words come from the data file, every key the rules read and no other."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.rule_words import DATA_FILE, WORDS, load_rule_words


def test_rule_words_load_every_pattern_of_the_data_file() -> None:
    assert WORDS.cause_before.search("受益于英伟达")
    assert WORDS.summed.search("三家公司资本开支合计2000亿美元")
    assert not WORDS.kind_of_actor.search("星辰智能发布新模型")


@pytest.mark.parametrize("edit", ["drop", "add"])
def test_rule_words_refuse_a_file_whose_keys_differ(tmp_path: Path, edit: str) -> None:
    text = DATA_FILE.read_text(encoding="utf-8")
    if edit == "drop":
        text = "\n".join(line for line in text.splitlines() if not line.startswith("summed ="))
    else:
        text += "\nunknown_words = '未知'\n"
    changed = tmp_path / "rule_words.toml"
    changed.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="summed" if edit == "drop" else "unknown_words"):
        load_rule_words(changed)


@pytest.mark.parametrize(
    ("words", "sentence"),
    [
        ("kind_of_actor", "台湾的芯片公司"),
        ("kind_of_actor", "全球的AI企业"),
        ("described_group", "韩国两家芯片公司"),
        ("described_group", "美股科技巨头"),
    ],
)
def test_rule_words_share_the_region_fragment(words: str, sentence: str) -> None:
    assert getattr(WORDS, words).search(sentence)


def test_rule_words_refuse_a_key_in_two_sections(tmp_path: Path) -> None:
    """Sections are merged: a key written twice would silently lose one of its patterns."""
    text = DATA_FILE.read_text(encoding="utf-8") + "\n[more]\nsummed = '合计'\n"
    changed = tmp_path / "rule_words.toml"
    changed.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=r"two sections.*summed"):
        load_rule_words(changed)


def test_rule_words_refuse_an_unknown_fragment(tmp_path: Path) -> None:
    text = DATA_FILE.read_text(encoding="utf-8").replace("|${region}|", "|${regions}|")
    changed = tmp_path / "rule_words.toml"
    changed.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="regions"):
        load_rule_words(changed)
