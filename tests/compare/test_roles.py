"""What a number is in its sentence: a value, a forecast, or part of a stated change."""

from __future__ import annotations

import pytest

from corpus.compare.roles import claim_role

# (sentence, claim text, qualifier, role)
ROLE_CASES = [
    ("训练成本约为557.6万美元。", "557.6万美元", "approx", "value"),
    ("从1万亿美元到2万亿美元，用了约9个月；", "1万亿美元到2万亿美元", "range", "change_span"),
    ("参数规模从15亿到700亿不等。", "15亿到700亿", "range", "value"),
    ("价格从每百万tokens 5元下调至1元，降幅80%。", "5元", "exact", "change_from"),
    ("价格从每百万tokens 5元下调至1元，降幅80%。", "1元", "exact", "value"),
    ("ARR已從6月的100億美元增長至130億美元。", "100億美元", "exact", "change_from"),
    ("营收增加到100亿元。", "100亿元", "exact", "value"),
    ("全日市值蒸發 5,890 億美元(約 4.59 萬億港元)。", "5,890 億美元", "exact", "change_amount"),
    ("身家一度縮水 201 億美元(約 1,566 億港元)。", "1,566 億港元", "approx", "change_amount"),
    ("市值一天內,蒸發大約19點7兆元新台幣。", "7兆元", "exact", "change_amount"),
    ("另有高達80億美元的潛在收入損失。", "80億美元", "up_to", "change_amount"),
    ("較2021年增加798.93萬元。", "798.93萬元", "exact", "change_amount"),
    ("英伟达同时预计，第二财季营收约为280亿美元。", "280亿美元", "approx", "projection"),
    ("公司市值有望快速突破500亿港元。", "500亿港元", "exact", "projection"),
    ("Grok 3可能需要高达10万块H100。", "10万块", "up_to", "projection"),
    ("DeepSeek可能擁有超過5萬顆H100。", "5萬顆", "more_than", "value"),
    ("预计明年收入翻倍。今年营收为100亿元。", "100亿元", "exact", "value"),
    ("训练成本为0.1元，推理为1元。", "1元", "exact", "value"),
    ("没有这段文字", "557万", "exact", "value"),
]


@pytest.mark.parametrize(("sentence", "text", "qualifier", "role"), ROLE_CASES)
def test_roles_read_from_the_sentence(sentence: str, text: str, qualifier: str, role: str) -> None:
    assert claim_role(sentence, text, qualifier) == role
