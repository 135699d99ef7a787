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
sys.path.insert(0, str(ROOT / "tests" / "quantities"))

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


def build_text(megabytes: float, seed: int = 7) -> str:
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < megabytes * 1_000_000:
        values = {k: rng.randint(2, 9999) for k in "abcdefghijklmn"}
        sentence = rng.choice(TEMPLATES).format(**values)
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
    text = build_text(args.mb)
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    q_speed = throughput(find_quantities, text)
    j_speed = throughput(jieba.lcut, text)
    found = len(find_quantities(text))
    print(f"text: {len(text.encode('utf-8')) / 1e6:.2f} MB, {found} quantities")
    print(f"find_quantities: {q_speed:.2f} MB/s")
    print(f"jieba.lcut:      {j_speed:.2f} MB/s")
    print(f"ratio:           {q_speed / j_speed:.1f}x")
    from test_quantities_recognizers import pass_rates

    for name, (passed, total) in pass_rates().items():
        if total:
            print(f"recognizers-text {name}: {passed}/{total} = {passed / total:.1%}")


if __name__ == "__main__":
    main()
