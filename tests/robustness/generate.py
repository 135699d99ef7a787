"""Inputs made at test time: good pages redrawn from corpus/samples, and bad ones.

Redrawing digits (same length, a seeded random generator) gives many distinct
pages with the same shape and the same number of claims as the samples, so a
run over them exercises the whole pipeline without storing duplicates.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
_DIGIT = re.compile(r"[1-9]")
_TAG = re.compile(r"<[^>]*>")


def sample_pages() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir() if p.is_file())


def redraw_digits(text: str, rng: random.Random) -> str:
    """Replace digits 1-9 outside HTML tags by other digits 1-9 (lengths stay the same)."""
    parts: list[str] = []
    last = 0
    for tag in _TAG.finditer(text):
        parts.append(_DIGIT.sub(lambda _m: str(rng.randint(1, 9)), text[last : tag.start()]))
        parts.append(tag.group())
        last = tag.end()
    parts.append(_DIGIT.sub(lambda _m: str(rng.randint(1, 9)), text[last:]))
    return "".join(parts)


def make_corpus(folder: Path, count: int, seed: int = 8) -> list[Path]:
    """``count`` distinct pages in ``folder``, cycling through the samples."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    samples = sample_pages()
    texts = [p.read_text(encoding="utf-8") for p in samples]
    written: list[Path] = []
    for n in range(count):
        source = samples[n % len(samples)]
        body = redraw_digits(texts[n % len(samples)], rng)
        body += f"\n<!-- page {n} -->\n" if source.suffix == ".html" else f"\n（编号 {n}）\n"
        path = folder / f"{n:04d}_{source.stem}{source.suffix}"
        path.write_text(body, encoding="utf-8")
        written.append(path)
    return written


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 4

ARTICLE = (
    "某实验室周三发布新一代语言模型，参数规模达到1200亿，训练使用了约3000块加速卡。\n"
    "团队表示，训练总共花费约两个月，成本比上一代降低了四成左右。\n"
    "业内人士认为，该模型在中文阅读理解测试中的得分提高了8个百分点。\n"
)
TRADITIONAL = (
    "一家新創公司宣布完成新一輪融資，金額約為新臺幣十五億元，將用於擴建運算中心。\n"
    "研究人員指出，模型在繁體中文問答測試中的準確率已經超過九成。\n"
)


def html_page(title: str, body: str, charset: str | None = None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    paras = "".join(f"<p>{line}</p>\n" for line in body.splitlines() if line.strip())
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>\n{paras}</article></body></html>"
    )
