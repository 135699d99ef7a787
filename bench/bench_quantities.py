"""Throughput of find_quantities against bare jieba.lcut, and Recognizers-Text pass rates.

Run: .venv/bin/python bench/bench_quantities.py [--mb 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "extractors" / "quantities"))

from extractors.quantities import find_quantities  # noqa: E402

TEMPLATES = [
    "据报道，该公司新模型的参数规模达到{a}亿，训练时使用了{b}块加速卡，历时{c}天。",
    "分析人士认为，这家初创企业本轮融资约{d}万美元，投后估值超过{e}亿元人民币。",
    "新一代芯片的显存带宽高达{f}GB/s，较上一代提升了{g}%，功耗约为{h}W。",
    "研究团队表示，推理成本仅为同类产品的{i}分之一，输出价格为每百万tokens {j}美元。",
    "今年以来，平台的月活跃用户增长了{k}个百分点，付费用户突破{l}万人。",
    "业内人士指出，数据中心的建设周期通常在{m}到{n}个月之间，投资规模达到数百亿元。",
    "报告称，全球大模型市场规模预计将在三年内翻番，中国厂商的份额接近三成。",
    "这次发布会上并没有公布更多细节，但工程师们普遍对后续的开源计划表示乐观。",
]
FILLER = [
    "业内普遍认为，开源生态的繁荣让更多中小团队有机会参与到基础模型的研发之中。",
    "记者在现场看到，展台前排起了长队，不少观众希望亲自体验新产品的对话能力。",
    "专家提醒，在追求性能的同时，也要重视数据安全和模型输出内容的可靠性问题。",
    "该公司创始人在接受采访时说，团队更看重长期的技术积累，而不是短期的市场热度。",
]


def build_text(megabytes: float, seed: int = 7, filler_share: float = 0.0) -> str:
    """Template sentences with random numbers; ``filler_share`` of them carry no number."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        values = {k: rng.randint(2, 9999) for k in "abcdefghijklmn"}
        pool = FILLER if rng.random() < filler_share else TEMPLATES
        sentence = rng.choice(pool).format(**values)
        parts.append(sentence)
        size += len(sentence.encode("utf-8"))
    return "".join(parts)


def throughput(fn, text: str) -> float:
    start = time.perf_counter()
    fn(text)
    return len(text.encode("utf-8")) / 1e6 / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=3.0)
    args = parser.parse_args()
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    for label, share in (
        ("dense (every sentence has numbers)", 0.0),
        ("news-like (2/3 filler)", 2 / 3),
    ):
        text = build_text(args.mb, filler_share=share)
        q_speed = throughput(find_quantities, text)
        j_speed = throughput(jieba.lcut, text)
        found = len(find_quantities(text))
        size = len(text.encode("utf-8")) / 1e6
        print(f"{label}: {size:.2f} MB, {found} quantities ({found / size / 1000:.1f} per KB)")
        print(f"  find_quantities: {q_speed:.2f} MB/s")
        print(f"  jieba.lcut:      {j_speed:.2f} MB/s")
        print(f"  ratio:           {q_speed / j_speed:.1f}x")
    from test_quantities_recognizers import pass_rates

    for name, (passed, total) in pass_rates().items():
        if total:
            print(f"recognizers-text {name}: {passed}/{total} = {passed / total:.1%}")


if __name__ == "__main__":
    main()
