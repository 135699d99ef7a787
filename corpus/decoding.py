"""Bytes of a fetched or stored page → text, without I/O.

Order of evidence: byte-order mark, then a declared charset (HTTP header value
or ``<meta charset>`` / ``<meta http-equiv>`` / XML declaration sniffed from the
first bytes) which is *validated* before it is trusted, then detection with
charset-normalizer.  GB2312 and GBK are read as GB18030 (their superset) and
Big5 as Big5-HKSCS, so pages that declare the narrow charset but use a few
characters outside it still decode.  A multibyte sequence cut off at the very
end of the data is dropped rather than failing the page.

Only the text encodings a browser honours (the WHATWG Encoding Standard's) are
taken from a declaration or a detector: ``charset=base64``, ``zlib``, ``rot13`` or
``utf-7`` is ignored, so a declaration can neither run a binary codec on the page
nor smuggle in lone surrogates.  A single-byte declaration (which any bytes
satisfy) over non-ASCII bytes, and a multibyte one that a Chinese encoding also
fits, are checked by detection (mojibake).  UTF-8 with a few stray bytes and
UTF-16 without a byte-order mark are still read.  The text handed out holds no
lone surrogate and no bidirectional control character (invisible, and able to
reorder what a reader sees, e.g. inside a number).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace

import charset_normalizer


class UndecodableError(ValueError):
    """The bytes are empty, binary, or not text in any encoding we can identify."""


@dataclass(frozen=True)
class DecodedPage:
    text: str
    encoding: str
    confidence: float
    was_detected: bool
    """True when the encoding came from detection rather than a BOM or declaration."""


_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG"),
    (b"PK\x03\x04", "ZIP"),
    (b"GIF8", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x1f\x8b", "gzip"),
    (b"RIFF", "RIFF"),
    (b"\x7fELF", "ELF"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ", "xz"),
    (b"7z\xbc\xaf", "7z"),
    (b"\xd0\xcf\x11\xe0", "OLE/Office"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "x-gbk": "gb18030",
    "euc-cn": "gb18030",
    "hz-gb-2312": "gb18030",
    "big5": "big5hkscs",
    "cp950": "big5hkscs",
    "x-big5": "big5hkscs",
    "utf8": "utf-8",
    "unicode-1-1-utf-8": "utf-8",
}
#: Python codec names of the WHATWG encodings (and ASCII, Latin-1, UTF-32) that are honoured.
SINGLE_BYTE_ENCODINGS = frozenset(
    {"ascii", "latin-1", "iso8859-1", "cp866", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic"}
    | {f"iso8859-{n}" for n in (2, 3, 4, 5, 6, 7, 8, 10, 13, 14, 15, 16)}
    | {f"cp125{n}" for n in range(9)}
    | {"cp874"}
)
MULTIBYTE_ENCODINGS = frozenset(
    {
        "utf-8",
        "utf-16",
        "utf-16-le",
        "utf-16-be",
        "utf-32",
        "utf-32-le",
        "utf-32-be",
        "gb18030",
        "big5hkscs",
        "euc_jp",
        "iso2022_jp",
        "shift_jis",
        "cp932",
        "euc_kr",
        "cp949",
    }
)
TEXT_ENCODINGS = SINGLE_BYTE_ENCODINGS | MULTIBYTE_ENCODINGS
_CHINESE = ("gb18030", "big5hkscs")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
#: Bidirectional controls: invisible marks and embeddings that reorder displayed text.
_BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: UTF-8 read despite stray bytes when at most one character in this many is broken.
_UTF8_STRAY_RATIO = 50
_CHARSET_RE = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_DECL_RE = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)
_SNIFF_BYTES = 4096
_MAX_BAD_RATIO = 0.02


def normalise_encoding(name: str) -> str | None:
    """Python codec name for a declared charset, widened to its superset; None if unknown
    or not one of the honoured text encodings (``TEXT_ENCODINGS``)."""
    key = name.strip().strip("\"'").lower().replace("_", "-")
    key = _ALIASES.get(key, key)
    try:
        codec = codecs.lookup(key).name
    except (LookupError, ValueError):  # ValueError: a name with a NUL in it
        return None
    codec = _ALIASES.get(codec.replace("_", "-"), codec)
    return codec if codec in TEXT_ENCODINGS else None


def is_text_encoding(name: str) -> bool:
    """Whether a charset name is one that is honoured (see ``normalise_encoding``)."""
    return normalise_encoding(name) is not None


def clean_decoded(text: str) -> str:
    """Decoded text made safe to hash, store and print: lone surrogates become U+FFFD,
    bidirectional controls are dropped."""
    if text.isascii():
        return text
    return _BIDI_CONTROLS.sub("", _LONE_SURROGATE.sub("\ufffd", text))


def sniff_declared(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (meta tag or XML declaration)."""
    head = data[:_SNIFF_BYTES]
    m = _XML_DECL_RE.search(head)
    if m is None:
        m = _CHARSET_RE.search(head)
    return m.group(1).decode("ascii", "ignore") if m else None


def _declared_from(value: str) -> str:
    """Accept a bare charset or a whole Content-Type header value."""
    m = _CHARSET_RE.search(value.encode("ascii", "ignore"))
    return m.group(1).decode("ascii") if m else value


def _check_signature(data: bytes) -> None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise UndecodableError(f"binary content ({kind} signature), not a text page")


def _strict_decode(data: bytes, encoding: str) -> str | None:
    """Decode strictly, tolerating only an incomplete multibyte sequence at the end."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        text = decoder.decode(data, final=False)
    except (UnicodeError, LookupError):  # UnicodeError: utf-16/32 without a BOM
        return None
    pending, _ = decoder.getstate()
    if len(pending) > 4:
        return None
    return text


def _is_multibyte_utf8(data: bytes) -> str | None:
    """Text when the bytes are valid UTF-8 with non-ASCII content; such bytes are
    almost never valid UTF-8 by accident, so this outranks a declaration."""
    if data.isascii():
        return None
    return _strict_decode(data, "utf-8")


def _looks_like_text(text: str) -> bool:
    if not text:
        return False
    bad = sum(1 for ch in text if ch == "\ufffd" or (ch < " " and ch not in "\t\n\r\f"))
    return bad / len(text) <= _MAX_BAD_RATIO


def _detect(data: bytes) -> DecodedPage:
    match = charset_normalizer.from_bytes(data, cp_isolation=_DETECTABLE).best()
    encoding = normalise_encoding(match.encoding) if match is not None else None
    if match is None or encoding is None:
        raise UndecodableError("no text encoding fits these bytes")
    text = _strict_decode(data, encoding)
    if text is None:
        text = str(match)
    if not _looks_like_text(text):
        raise UndecodableError("decoded text is mostly control characters")
    return DecodedPage(text, encoding, round(max(0.0, 1.0 - match.chaos), 3), True)


def decode_page(data: bytes, *, declared: str | None = None) -> DecodedPage:
    """Decode page bytes; raise :class:`UndecodableError` for empty or binary input.

    ``declared`` is the charset from the HTTP header (a bare name or the whole
    Content-Type value); without it the page's own declaration is sniffed.
    The text is cleaned (see ``clean_decoded``).
    """
    page = _decode(data, declared)
    text = clean_decoded(page.text)
    return page if text is page.text else replace(page, text=text)


def _decode(data: bytes, declared: str | None) -> DecodedPage:
    if not data or not data.strip():
        raise UndecodableError("empty input")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict_decode(data[len(bom) :], encoding)
            if text is not None:
                return DecodedPage(text, encoding, 1.0, False)
    _check_signature(data)
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise UndecodableError("binary content (NUL bytes), not a text page")

    utf8 = _is_multibyte_utf8(data)
    if utf8 is not None:
        return DecodedPage(utf8, "utf-8", 0.99, False)
    utf8 = _mostly_utf8(data)
    if utf8 is not None:
        return DecodedPage(utf8, "utf-8", 0.9, False)

    label = _declared_from(declared) if declared else sniff_declared(data)
    charset = normalise_encoding(label) if label else None
    if charset is not None and (data.isascii() or charset not in SINGLE_BYTE_ENCODINGS):
        declared_text = _strict_decode(data, charset)
        if declared_text is not None and _looks_like_text(declared_text):
            rivals = [c for c in _CHINESE if c != charset and _strict_decode(data, c) is not None]
            if not rivals:
                return DecodedPage(declared_text, charset, 0.95, False)
            return _arbitrate(data, charset, rivals, declared_text)
    return _detect(data)


#: What detection may choose from: the honoured encodings charset-normalizer knows.
_DETECTABLE = sorted(TEXT_ENCODINGS - {"utf-16", "utf-32", "latin-1", "iso8859-1"})


def _arbitrate(data: bytes, declared: str, rivals: list[str], declared_text: str) -> DecodedPage:
    """GB18030 and Big5 byte ranges overlap each other's and those of the Japanese and
    Korean encodings, so the wrong one often decodes without error; let the detector's
    language model choose between just the declared one and the Chinese ones that fit."""
    match = charset_normalizer.from_bytes(data, cp_isolation=[declared, *rivals]).best()
    chosen = normalise_encoding(match.encoding) if match is not None else None
    if match is not None and chosen in rivals:
        text = _strict_decode(data, chosen) or ""
        return DecodedPage(text, chosen, round(max(0.0, 1.0 - match.chaos), 3), True)
    return DecodedPage(declared_text, declared, 0.9, False)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few stray bytes (at most one broken character in ``_UTF8_STRAY_RATIO``
    non-ASCII ones): the stray bytes become U+FFFD instead of costing the page."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    well_formed = sum(1 for ch in text if ch > "\x7f") - broken
    if broken and well_formed >= broken * _UTF8_STRAY_RATIO:
        return text
    return None


#: Characters UTF-16 text of a Chinese or English page is made of (random bytes read as
#: UTF-16 give mostly others).
_PLAIN_TEXT = re.compile("[\t\n\r\x20-\x7e\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _utf16_without_bom(data: bytes) -> DecodedPage | None:
    """UTF-16 without a byte-order mark: NUL bytes (those of ASCII characters) nearly
    all on one side of the code units, and the decoded text made of plain characters."""
    head = data[:_SNIFF_BYTES]
    if len(head) < 4 or b"\x00" not in head:
        return None
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    if min(even, odd) * 3 > max(even, odd):  # (one CJK character in 256 holds a NUL byte)
        return None
    encoding = "utf-16-le" if odd > even else "utf-16-be"
    text = _strict_decode(data, encoding)
    if not text or len(_PLAIN_TEXT.findall(text)) < 0.95 * len(text):
        return None
    return DecodedPage(text, encoding, 0.8, True)
