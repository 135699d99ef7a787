"""Arbitrary bytes into the decoders and the feed parser: a result or a skip, nothing else."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.decoding import UndecodableError, decode_page
from corpus.documents import SourceItem
from corpus.errors import SkipError
from corpus.files import document_from_bytes
from corpus.sources.feeds import parse_feed
from tests.robustness.fuzzing import FUZZ
from tests.robustness.generate import ARTICLE, TRADITIONAL

CHINESE = "某实验室发布新模型，参数规模达到1200亿，训练成本约557万美元。繁體中文與简体混排"
ENCODINGS = ["utf-8", "gbk", "gb18030", "big5", "utf-16", "latin-1"]


def _encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding, "replace")


#: (bytes, declared charset, text the page must decode to) for declarations that lie
LYING_DECLARATIONS = [
    (b"\x01\x01", "utf-16", None),  # UnicodeError (no BOM) escaped decode_page (fixed)
    (ARTICLE.encode("gbk"), "utf-16", "参数规模"),
    (ARTICLE.encode("gbk"), "utf-32", "参数规模"),
    (TRADITIONAL.encode("big5"), "utf-8", "新創公司"),
    (ARTICLE.encode(), "gbk", "参数规模"),
]


@pytest.mark.parametrize(("data", "declared", "text"), LYING_DECLARATIONS)
def test_robustness_bytes_lying_declaration(data: bytes, declared: str, text: str | None) -> None:
    try:
        page = decode_page(data, declared=declared)
    except UndecodableError:
        assert text is None
        return
    assert text is None or text in page.text


page_bytes = st.one_of(
    st.binary(max_size=600),
    st.builds(
        _encoded,
        st.text(alphabet=CHINESE + "<>/=\"' \n\tpmetacharsetxml?", max_size=200),
        st.sampled_from(ENCODINGS),
    ),
    st.builds(
        lambda b, n: b[: max(0, len(b) - n)],
        st.builds(_encoded, st.text(CHINESE, max_size=100), st.sampled_from(ENCODINGS)),
        st.integers(0, 3),
    ),
)


@FUZZ
@given(page_bytes, st.one_of(st.none(), st.sampled_from([*ENCODINGS, "bogus", "iso-8859-1"])))
def test_robustness_bytes_fuzz_decode_page(data: bytes, declared: str | None) -> None:
    try:
        page = decode_page(data, declared=declared)
    except UndecodableError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert isinstance(page.text, str)


@FUZZ
@given(page_bytes)
def test_robustness_bytes_fuzz_document_from_bytes(data: bytes) -> None:
    item = SourceItem(location="fuzz.html", kind="file")
    try:
        doc = document_from_bytes(item, data, declared=None)
    except SkipError as error:
        assert error.skipped.location == "fuzz.html" and error.skipped.reason
        return
    assert doc.raw.strip()


FEED_PARTS = [
    '<?xml version="1.0"?>',
    '<rss version="2.0">',
    "<channel>",
    "<item>",
    "<title>",
    "</title>",
    "<link>",
    "http://example.invalid/a",
    "javascript:x",
    "</link>",
    "</item>",
    "</channel>",
    "</rss>",
    "<!DOCTYPE rss [",
    '<!ENTITY a "b">',
    "]>",
    "&a;",
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    "<entry>",
    '<link href="',
    '"/>',
    "</entry>",
    "</feed>",
    "<![CDATA[",
    "]]>",
    "新闻",
]
feed_bytes = st.one_of(
    st.binary(max_size=400),
    st.lists(st.sampled_from(FEED_PARTS), max_size=25).map(lambda parts: "".join(parts).encode()),
)


@FUZZ
@given(feed_bytes)
def test_robustness_bytes_fuzz_parse_feed(data: bytes) -> None:
    try:
        entries = parse_feed(data, name="fuzz", location="http://example.invalid/feed.xml")
    except SkipError as error:
        assert error.skipped.reason.startswith("feed fuzz:")
        return
    assert isinstance(entries, list)


def _bomb_in(codec: str, declare: bool = True) -> bytes:
    from tests.sources.pages import billion_laughs

    text = billion_laughs().decode()
    if declare:
        text = text.replace('<?xml version="1.0"?>', f'<?xml version="1.0" encoding="{codec}"?>')
    if codec == "utf-7":
        return text.replace("<!ENTITY", "+ADw-!ENTITY").encode("ascii")
    return text.encode(codec)


#: entity declarations an XML parser would read but a byte search once missed (fixed)
ENCODED_BOMBS = [
    ("utf-16-le", True),
    ("utf-16-be", True),
    ("utf-32-le", False),
    ("utf-32-be", False),
    ("cp037", True),
    ("utf-7", True),
    ("utf-8", True),
]


@pytest.mark.parametrize(("codec", "declare"), ENCODED_BOMBS)
def test_robustness_bytes_entity_screen_reads_every_xml_encoding(codec: str, declare: bool) -> None:
    with pytest.raises(SkipError, match="ENTITY"):
        parse_feed(_bomb_in(codec, declare), name="bomb", location="http://example.invalid/f")
