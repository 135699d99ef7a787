"""Hostile text stays data; the code has no eval/shell/pickle on input and only bound SQL.

Fetch limits (http/https only, size and time caps, no private addresses) and feed
parsing without entity resolution are tested end to end in test_robustness_http.py
and test_robustness_files.py, and unit by unit in tests/sources/ (test_fetch.py,
test_discover.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.robustness.conftest import REPO, stored_articles

SCRIPT = "<script>alert(document.cookie)</script>"
SQL = "'); DROP TABLE claims;--"
SHELL = "$(rm -rf ~) `id` | tee /etc/passwd && echo pwned; ${IFS}"
HOSTILE_TEXT = (
    "黑客科技报道\n"
    f"深度求索宣布{SQL}其新模型DeepSeek-V3的参数规模达到6710亿，训练成本仅为557万美元{SHELL}。\n"
    f"该公司表示{SCRIPT}DeepSeek-V3使用了2048块H800训练，耗时约两个月。{SQL}\n"
    f"业内人士认为，{SHELL}这一成本比同类模型低了九成以上。\n"
)


def _hostile_html() -> str:
    from html import escape

    paras = "".join(f"<p>{escape(line)}</p>" for line in HOSTILE_TEXT.splitlines()[1:])
    return (
        f"<html><head><title>{escape(SQL)}标题</title><script>alert(1)</script></head>"
        f"<body><article>{paras}</article><script>steal()</script></body></html>"
    )


@pytest.mark.slow
def test_robustness_security_hostile_text_stored_and_exported_verbatim(
    prefect_harness: None, tmp_path: Path, db_url: str
) -> None:
    from corpus.export import export_claims
    from corpus.store import ClaimStore
    from flows.ingest import ingest

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8")
    (tmp_path / "in" / "hostile.html").write_text(_hostile_html(), encoding="utf-8")
    report = ingest([str(tmp_path / "in")], db_url=db_url)
    assert report.new == 2 and not report.failed

    articles = {Path(a.location).name: a for a in stored_articles(db_url)}
    for name in ("hostile.txt", "hostile.html"):
        text = articles[name].text
        assert SQL in text and SHELL in text, (name, text)
    assert SCRIPT in articles["hostile.txt"].text  # two tags: still read as text, kept
    assert SCRIPT in articles["hostile.html"].text  # escaped in the page: it is text, kept
    assert "steal()" not in articles["hostile.html"].text  # a real script element is dropped
    assert articles["hostile.txt"].raw == HOSTILE_TEXT

    with ClaimStore(db_url) as store:
        assert store.check() == []
        counts = store.counts()
        out = tmp_path / "claims.json"
        export_claims(store, out=out)
        export_claims(store, fmt="jsonl", out=tmp_path / "claims.jsonl")
    assert counts.articles == 2 and counts.claims > 0, "the claims table is there and filled"
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["count"] == counts.claims
    sentences = [c["sentence"] for c in exported["claims"]]
    assert any(SQL in s or SHELL in s or SCRIPT in s for s in sentences), sentences
    for claim in exported["claims"]:
        article = articles[Path(claim["location"]).name]
        assert article.text[claim["start"] : claim["end"]] == claim["text"]
    lines = (tmp_path / "claims.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["sentence"] for line in lines] == sentences


SCANNED = ("corpus", "extractors", "flows")
#: dangerous constructs: (name, pattern)
DANGEROUS = [
    ("eval", re.compile(r"(?<![\w.])eval\(")),
    ("exec", re.compile(r"(?<![\w.])exec\(")),
    ("pickle", re.compile(r"\b(?:c?pickle|dill|shelve|marshal)\b")),
    ("shell=True", re.compile(r"shell\s*=\s*True")),
    ("os.system/popen", re.compile(r"\bos\.(?:system|popen|exec\w*|spawn\w*)\(")),
    ("yaml.load", re.compile(r"\byaml\.(?:load|unsafe_load|full_load)\(")),
    ("subprocess", re.compile(r"\bsubprocess\.(?:Popen|run|call|check_call|check_output)\(")),
    ("__import__", re.compile(r"__import__\(")),
]
#: SQL built from strings: f-strings, .format or % given to text()/execute()
DYNAMIC_SQL = re.compile(
    r"\b(?:text|execute|exec_driver_sql|executescript)\(\s*(?:f[\"']|[\"'][^\"']*[\"']\s*(?:%|\.format))"
)
#: (file, construct) -> why it is safe
ALLOWED = {
    ("flows/server.py", "subprocess"): "starts `prefect server` from a fixed argv list, no shell, "
    "no page input",
    ("corpus/store/engine.py", "dynamic SQL"): "PRAGMA busy_timeout from a module constant",
}


def _sources() -> list[Path]:
    return sorted(p for d in SCANNED for p in (REPO / d).rglob("*.py"))


def _hits(pattern: re.Pattern[str], name: str) -> list[str]:
    found = []
    for path in _sources():
        rel = path.relative_to(REPO).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#", 1)[0]
            if pattern.search(code) and (rel, name) not in ALLOWED:
                found.append(f"{rel}:{number}: {line.strip()}")
    return found


@pytest.mark.parametrize(("name", "pattern"), DANGEROUS, ids=[n for n, _ in DANGEROUS])
def test_robustness_security_no_eval_shell_or_pickle(name: str, pattern: re.Pattern[str]) -> None:
    assert len(_sources()) > 50
    assert _hits(pattern, name) == []


def test_robustness_security_sql_only_with_bound_parameters() -> None:
    assert _hits(DYNAMIC_SQL, "dynamic SQL") == []
    # the allow-listed line really is a constant
    engine = (REPO / "corpus/store/engine.py").read_text(encoding="utf-8")
    assert re.search(r"^SQLITE_BUSY_TIMEOUT_MS = \d[\d_]*$", engine, re.M)


def test_robustness_security_allow_list_is_not_stale() -> None:
    for (rel, name), _why in ALLOWED.items():
        pattern = DYNAMIC_SQL if name == "dynamic SQL" else dict(DANGEROUS)[name]
        text = (REPO / rel).read_text(encoding="utf-8")
        assert pattern.search(text), f"{rel} no longer has {name}: drop it from ALLOWED"
