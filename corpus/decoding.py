"""Bytes of a fetched or stored page → text, without I/O.

Order of evidence: byte-order mark, then a declared charset (HTTP header value
or ``<meta charset>`` / ``<meta http-equiv>`` / XML declaration sniffed from the
first bytes) which is *validated* before it is trusted, then detection with
charset-normalizer.  GB2312 and GBK are read as GB18030 (their superset) and
Big5 as Big5-HKSCS, so pages that declare the narrow charset but use a few
characters outside it still decode.  A multibyte sequence cut off at the very
end of the data is dropped rather than failing the page.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

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
_CHARSET_RE = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_DECL_RE = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)
_SNIFF_BYTES = 4096
_MAX_BAD_RATIO = 0.02


def normalise_encoding(name: str) -> str | None:
    """Python codec name for a declared charset, widened to its superset; None if unknown."""
    key = name.strip().strip("\"'").lower().replace("_", "-")
    key = _ALIASES.get(key, key)
    try:
        codec = codecs.lookup(key).name
    except LookupError:
        return None
    return _ALIASES.get(codec.replace("_", "-"), codec)


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


def _check_binary(data: bytes) -> None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise UndecodableError(f"binary content ({kind} signature), not a text page")
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise UndecodableError("binary content (NUL bytes), not a text page")


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
    match = charset_normalizer.from_bytes(data).best()
    if match is None:
        raise UndecodableError("no text encoding fits these bytes")
    encoding = normalise_encoding(match.encoding) or match.encoding
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
    """
    if not data or not data.strip():
        raise UndecodableError("empty input")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict_decode(data[len(bom) :], encoding)
            if text is not None:
                return DecodedPage(text, encoding, 1.0, False)
    _check_binary(data)

    utf8 = _is_multibyte_utf8(data)
    if utf8 is not None:
        return DecodedPage(utf8, "utf-8", 0.99, False)

    label = _declared_from(declared) if declared else sniff_declared(data)
    charset = normalise_encoding(label) if label else None
    if charset is not None and (data.isascii() or not _single_byte(charset)):
        declared_text = _strict_decode(data, charset)
        if declared_text is not None and _looks_like_text(declared_text):
            rival = _CJK_RIVAL.get(charset)
            if rival is None or _strict_decode(data, rival) is None:
                return DecodedPage(declared_text, charset, 0.95, False)
            return _arbitrate(data, charset, rival, declared_text)
    return _detect(data)


_CJK_RIVAL = {"gb18030": "big5hkscs", "big5hkscs": "gb18030"}


def _arbitrate(data: bytes, declared: str, rival: str, declared_text: str) -> DecodedPage:
    """GB18030 and Big5 byte ranges overlap, so the wrong one of the two often decodes
    without error; let the detector's language model choose between just these two."""
    match = charset_normalizer.from_bytes(data, cp_isolation=["gb18030", "big5"]).best()
    chosen = normalise_encoding(match.encoding) if match is not None else None
    if match is not None and chosen == rival:
        text = _strict_decode(data, rival) or ""
        return DecodedPage(text, rival, round(max(0.0, 1.0 - match.chaos), 3), True)
    return DecodedPage(declared_text, declared, 0.9, False)


def _single_byte(encoding: str) -> bool:
    """Single-byte charsets decode any bytes, so their declaration proves nothing."""
    try:
        return codecs.lookup(encoding).name in _SINGLE_BYTE or encoding.startswith("cp12")
    except LookupError:
        return False


_SINGLE_BYTE = {"latin-1", "iso8859-1", "ascii", "cp1252", "iso8859-15", "windows-1252"}
