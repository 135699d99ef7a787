"""Table-driven tests of corpus.decoding with bytes generated here."""

from __future__ import annotations

import codecs

import pytest

from corpus.decoding import UndecodableError, decode_page, normalise_encoding, sniff_declared

SIMPLIFIED = (
    "英伟达发布新一代人工智能芯片，台积电负责代工。多家云厂商表示将在今年第二季度采购，"
    "训练成本有望下降三成，市场预期相关营收将再创新高。"
)
TRADITIONAL = (
    "輝達發佈新一代人工智慧晶片，台積電負責代工。多家雲端業者表示將在今年第二季採購，"
    "訓練成本可望下降三成，市場預期相關營收將再創新高。"
)


def _html(charset_tag: bytes, body: bytes) -> bytes:
    return b"<html><head>" + charset_tag + b"</head><body><p>" + body + b"</p></body></html>"


# (name, data, declared, expected encoding, expected text fragment, was_detected)
CASES = [
    ("utf8_plain", SIMPLIFIED.encode("utf-8"), None, "utf-8", SIMPLIFIED, False),
    ("utf8_bom", codecs.BOM_UTF8 + SIMPLIFIED.encode(), None, "utf-8", SIMPLIFIED, False),
    ("utf16_bom", SIMPLIFIED.encode("utf-16"), None, "utf-16-le", SIMPLIFIED, False),
    ("gbk_undeclared", SIMPLIFIED.encode("gbk"), None, "gb18030", SIMPLIFIED, True),
    ("gb18030_undeclared", SIMPLIFIED.encode("gb18030"), None, "gb18030", SIMPLIFIED, True),
    ("big5_undeclared", TRADITIONAL.encode("big5"), None, "big5hkscs", TRADITIONAL, True),
    ("gbk_declared_header", SIMPLIFIED.encode("gbk"), "GBK", "gb18030", SIMPLIFIED, False),
    (
        "gb2312_meta",
        _html(b'<meta charset="gb2312">', SIMPLIFIED.encode("gb2312")),
        None,
        "gb18030",
        SIMPLIFIED,
        False,
    ),
    (
        "big5_http_equiv",
        _html(
            b'<meta http-equiv="Content-Type" content="text/html; charset=big5">',
            TRADITIONAL.encode("big5"),
        ),
        None,
        "big5hkscs",
        TRADITIONAL,
        False,
    ),
    (
        "content_type_value",
        SIMPLIFIED.encode("gbk"),
        "text/html; charset=gbk",
        "gb18030",
        SIMPLIFIED,
        False,
    ),
    ("wrong_utf8_declared_on_gbk", SIMPLIFIED.encode("gbk"), "utf-8", "gb18030", SIMPLIFIED, True),
    ("wrong_gbk_declared_on_utf8", SIMPLIFIED.encode("utf-8"), "gbk", "utf-8", SIMPLIFIED, False),
    (
        "wrong_gbk_declared_on_big5",
        TRADITIONAL.encode("big5"),
        "gbk",
        "big5hkscs",
        TRADITIONAL,
        True,
    ),
    (
        "wrong_meta_utf8_on_gbk",
        _html(b'<meta charset="utf-8">', SIMPLIFIED.encode("gbk")),
        None,
        "gb18030",
        SIMPLIFIED,
        True,
    ),
    ("latin1_declared_on_utf8", SIMPLIFIED.encode(), "iso-8859-1", "utf-8", SIMPLIFIED, False),
    ("truncated_utf8_tail", SIMPLIFIED.encode()[:-1], None, "utf-8", SIMPLIFIED[:-1], False),
    ("truncated_gbk_tail", SIMPLIFIED.encode("gbk")[:-1], "gbk", "gb18030", SIMPLIFIED[:-1], False),
]


@pytest.mark.parametrize(
    ("name", "data", "declared", "encoding", "text", "detected"), CASES, ids=[c[0] for c in CASES]
)
def test_decoding_decode_page(
    name: str, data: bytes, declared: str | None, encoding: str, text: str, detected: bool
) -> None:
    page = decode_page(data, declared=declared)
    assert page.encoding == encoding
    assert text in page.text
    assert page.was_detected is detected
    assert 0.0 <= page.confidence <= 1.0


def test_decoding_truncated_utf8_drops_only_the_broken_tail() -> None:
    page = decode_page(SIMPLIFIED.encode()[:-2])
    assert page.text == SIMPLIFIED[:-1]


def test_decoding_ascii_page() -> None:
    page = decode_page(b"<html><body>Hello, world.</body></html>")
    assert page.text == "<html><body>Hello, world.</body></html>"


BAD_INPUTS = [
    ("empty", b""),
    ("blank", b"  \n\t "),
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    ("zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00"),
    ("jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF"),
    ("gzip", b"\x1f\x8b\x08\x00\x00\x00\x00\x00"),
    ("nul_bytes", b"abc\x00\x00\x00def\x00ghi" * 10),
    ("noise", bytes((i * 7919 + 13) % 255 + 1 for i in range(3000))),
]


@pytest.mark.parametrize(("name", "data"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_decoding_rejects_binary_and_empty(name: str, data: bytes) -> None:
    with pytest.raises(UndecodableError):
        decode_page(data)


NORMALISE_CASES = [
    ("GB2312", "gb18030"),
    ("gbk", "gb18030"),
    ("x-gbk", "gb18030"),
    ("BIG5", "big5hkscs"),
    ("utf8", "utf-8"),
    ("UTF-8", "utf-8"),
    ("no-such-charset", None),
]


@pytest.mark.parametrize(("name", "expected"), NORMALISE_CASES)
def test_decoding_normalise_encoding(name: str, expected: str | None) -> None:
    assert normalise_encoding(name) == expected


SNIFF_CASES = [
    (b'<meta charset="gbk">', "gbk"),
    (b"<meta charset=big5>", "big5"),
    (b'<meta http-equiv="Content-Type" content="text/html; charset=GB2312">', "GB2312"),
    (b'<?xml version="1.0" encoding="gb18030"?><rss>', "gb18030"),
    (b"<html><body>no declaration</body></html>", None),
]


@pytest.mark.parametrize(("data", "expected"), SNIFF_CASES)
def test_decoding_sniff_declared(data: bytes, expected: str | None) -> None:
    assert sniff_declared(data) == expected


# -- hostile declarations and damaged bytes -------------------------------------------

NON_TEXT_CODECS = ["base64", "hex", "zlib", "bz2", "uu", "quopri", "rot13", "utf-7"]


@pytest.mark.parametrize("codec", NON_TEXT_CODECS)
def test_decoding_ignores_declared_non_text_codecs(codec: str) -> None:
    data = _html(f'<meta charset="{codec}">'.encode(), SIMPLIFIED.encode("gbk"))
    for declared in (None, f"text/html; charset={codec}"):
        page = decode_page(data, declared=declared)
        assert SIMPLIFIED in page.text and page.encoding == "gb18030", (codec, declared)
    assert normalise_encoding(codec) is None


def test_decoding_large_body_declared_zlib_is_not_decompressed() -> None:
    body = SIMPLIFIED.encode() * 2000
    page = decode_page(body, declared="text/html; charset=zlib")
    assert page.encoding == "utf-8" and len(page.text) == len(SIMPLIFIED) * 2000


def test_decoding_utf7_lone_surrogate_never_reaches_the_text() -> None:
    from corpus.documents import content_hash

    data = _html(b'<meta charset="utf-7">', b"+2AA- " + SIMPLIFIED.encode("utf-7"))
    page = decode_page(data)
    assert not any("\ud800" <= ch <= "\udfff" for ch in page.text)
    page.text.encode("utf-8")  # storable
    assert len(content_hash("a\ud800b")) == 64  # and hashing never raises


MOJIBAKE_DECLARATIONS = ["koi8-r", "cp437", "iso-8859-5", "windows-1251", "shift_jis", "euc-kr"]


@pytest.mark.parametrize("declared", MOJIBAKE_DECLARATIONS)
def test_decoding_wrong_declaration_on_gbk_is_not_taken(declared: str) -> None:
    text = SIMPLIFIED * 3
    page = decode_page(_html(f'<meta charset="{declared}">'.encode(), text.encode("gbk")))
    assert text in page.text, (declared, page.encoding, page.text[:60])


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_decoding_utf16_without_bom(codec: str) -> None:
    text = "<html><body><p>" + SIMPLIFIED + "</p>\n<p>2025年1月</p></body></html>"
    page = decode_page(text.encode(codec))
    assert page.text == text and page.encoding == codec


def test_decoding_one_stray_byte_costs_one_character() -> None:
    data = SIMPLIFIED.encode() * 5
    damaged = data[:39] + b"\xff" + data[39:]
    page = decode_page(damaged)
    assert page.encoding == "utf-8"
    assert page.text.count("\ufffd") == 1 and page.text.replace("\ufffd", "") == SIMPLIFIED * 5


def test_decoding_drops_bidirectional_controls() -> None:
    page = decode_page("训练成本为5\u200f57万美元，\u202e反转\u202c文字。".encode())
    assert page.text == "训练成本为557万美元，反转文字。"


def test_decoding_random_bytes_with_nul_are_still_binary() -> None:
    noise = bytes((i * 7919 + 13) % 256 for i in range(4000))
    with pytest.raises(UndecodableError):
        decode_page(noise)


def test_decoding_skip_messages_are_one_printable_line() -> None:
    from corpus.documents import SkippedInput

    skip = SkippedInput(location="a\nskipped forged: yes\x1b[31m", reason="bad\rthing")
    line = skip.message()
    assert "\n" not in line and "\r" not in line and "\x1b" not in line
    assert "a\\nskipped forged" in line
    name = "caf\udcff.txt"  # a file name with an undecodable byte (surrogateescape)
    stored = SkippedInput(location=name, reason="x")
    assert stored.location == "caf\\xff.txt"
    stored.location.encode("utf-8")


def test_decoding_credentials_are_not_kept() -> None:
    from corpus.documents import SkippedInput, SourceDocument, without_credentials

    url = "https://user:secret@example.com:8443/a.html?q=1"
    assert without_credentials(url) == "https://example.com:8443/a.html?q=1"
    doc = SourceDocument(location=url, url=url, raw="x")
    assert "secret" not in doc.location and "secret" not in (doc.url or "")
    assert "secret" not in SkippedInput(location=url, reason="r").location
