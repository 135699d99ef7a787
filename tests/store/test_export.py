"""Exports: valid against their JSON Schemas, UTF-8 as is, written atomically."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest

from corpus.export import export_claims, export_comparison, json_schema, write_atomic
from corpus.store import ClaimFilter, ClaimStore
from tests.store.claim_factories import cost_page


def _validate(instance: object, kind: str) -> None:
    jsonschema.Draft202012Validator(json_schema(kind)).validate(instance)  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", ["claims", "comparison", "claim", "timeline"])
def test_export_schemas_are_valid_json_schema(kind: str) -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema(kind))  # type: ignore[arg-type]


def test_export_claims_json_validates(store: ClaimStore, tmp_path: Path) -> None:
    store.save(*cost_page())
    out = tmp_path / "claims.json"
    assert export_claims(store, ClaimFilter(subject="DeepSeek-V3"), "json", out) == 2
    raw = out.read_text(encoding="utf-8")
    assert "557万美元" in raw  # not \u-escaped
    doc = json.loads(raw)
    _validate(doc, "claims")
    assert doc["count"] == 2 and doc["claims"][0]["url"] == "https://news.example.com/a.html"
    assert {"subject", "metric", "value", "unit", "start", "end", "sentence"} <= set(
        doc["claims"][0]
    )


def test_export_claims_jsonl_validates(store: ClaimStore, tmp_path: Path) -> None:
    store.save(*cost_page())
    out = tmp_path / "claims.jsonl"
    export_claims(store, None, "jsonl", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    for line in lines:
        _validate(json.loads(line), "claim")


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_export_comparison_validates(store: ClaimStore, tmp_path: Path, fmt: str) -> None:
    store.save(*cost_page())
    doc, extraction = cost_page(location="/b", url="https://b.example/b", site="b.example")
    store.save(doc.model_copy(update={"raw": "<p>another page, same claims</p>"}), extraction)
    out = tmp_path / f"cmp.{fmt}"
    count = export_comparison(store, ClaimFilter(), fmt, out, currency="CNY")  # type: ignore[arg-type]
    assert count == 2
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        parsed = json.loads(text)
        _validate(parsed, "comparison")
        assert parsed["currency"] == "CNY"
        entry = parsed["timelines"][1]["entries"][0]
        assert entry["conversion"]["rate"]["from_currency"] == "USD"
    else:
        for line in text.splitlines():
            _validate(json.loads(line), "timeline")


def test_export_to_stdout(store: ClaimStore, capsys: pytest.CaptureFixture[str]) -> None:
    store.save(*cost_page())
    export_claims(store, None, "jsonl", None)
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_export_keeps_old_file_when_replace_fails(
    store: ClaimStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save(*cost_page())
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    out = out_dir / "claims.json"
    out.write_text("old", encoding="utf-8")

    def broken_replace(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        export_claims(store, None, "json", out)
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in out_dir.iterdir()] == ["claims.json"]


def test_export_keeps_old_file_when_writer_fails(tmp_path: Path) -> None:
    out = tmp_path / "claims.jsonl"
    out.write_text("old", encoding="utf-8")

    def failing_chunks() -> Iterator[str]:
        yield "{}\n"
        raise RuntimeError("lost the database")

    with pytest.raises(RuntimeError):
        write_atomic(out, failing_chunks())
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.jsonl"]
    write_atomic(out, ["新\n"])
    assert out.read_text(encoding="utf-8") == "新\n"
