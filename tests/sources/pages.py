"""Sample pages and feeds for the source tests, written for these tests."""

from __future__ import annotations

from xml.sax.saxutils import escape

SIMPLIFIED_PARAGRAPHS = [
    "某研究团队周三发布了新一代语言模型，参数规模达到1200亿，训练用了约3000块加速卡。",
    "团队表示，这次训练总共花费约两个月，成本比上一代降低了四成左右。",
    "业内人士认为，模型在中文阅读理解测试中的得分提高了8个百分点，但推理速度仍需改进。",
    "该公司计划在明年上半年开放接口，并为高校实验室提供免费额度。",
]

TRADITIONAL_PARAGRAPHS = [
    "一家新創公司宣布完成新一輪融資，金額約為新臺幣十五億元，將用於擴建運算中心。",
    "該公司表示，新的資料中心預計明年啟用，屆時可同時訓練多個大型語言模型。",
    "研究人員指出，模型在繁體中文問答測試中的準確率已經超過九成，仍有進步空間。",
    "業界普遍認為，運算資源的價格下降，將讓更多中小企業有機會使用人工智慧服務。",
    "公司創辦人強調，他們會持續投入研發，並與各地大學合作培養相關人才。",
]

PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


def article_html(title: str, paragraphs: list[str], meta_charset: str | None = None) -> str:
    """A small article page; ``meta_charset`` adds a <meta charset> declaration."""
    meta = f'<meta charset="{meta_charset}">' if meta_charset else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head>{meta}<title>{title}</title></head>"
        f"<body><h1>{title}</h1>\n{body}\n</body></html>"
    )


def rss_feed(title: str, items: list[tuple[str, str]]) -> bytes:
    """An RSS 2.0 feed (UTF-8) with (title, link) items."""
    entries = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link>"
        f"<pubDate>Wed, 05 Mar 2025 08:00:00 GMT</pubDate></item>"
        for t, link in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<rss version="2.0"><channel><title>{escape(title)}</title>'
        f"<link>http://example.invalid/</link><description>测试</description>{entries}"
        "</channel></rss>"
    ).encode()


def atom_feed(title: str, items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f'<entry><title>{escape(t)}</title><link href="{escape(link)}"/>'
        f"<id>{escape(link)}</id><updated>2025-03-05T08:00:00Z</updated></entry>"
        for t, link in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<feed xmlns="http://www.w3.org/2005/Atom"><title>{escape(title)}</title>'
        f"<id>urn:test</id><updated>2025-03-05T08:00:00Z</updated>{entries}</feed>"
    ).encode()


def billion_laughs() -> bytes:
    """A feed whose DOCTYPE nests entities ten deep (10^10 expansion if resolved)."""
    levels = ['<!ENTITY lol0 "lol">']
    levels += [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n' + "\n".join(levels) + "\n]>\n"
        '<rss version="2.0"><channel><title>&lol9;</title>'
        "<item><title>x</title><link>http://example.invalid/a</link></item></channel></rss>"
    ).encode()


def external_entity(target: str) -> bytes:
    return (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE rss [<!ENTITY ext SYSTEM "{target}">]>\n'
        '<rss version="2.0"><channel><title>&ext;</title>'
        "<item><title>x</title><link>http://example.invalid/b</link></item></channel></rss>"
    ).encode()
