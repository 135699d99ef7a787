"""Undoing a response's Content-Encoding ourselves, each layer capped in size.

httpx decodes every layer of ``Content-Encoding: gzip, gzip`` with no output limit
inside one call, so 2 kB on the wire can become gigabytes before a size check sees
them. Here each layer inflates at most ``CHUNK`` bytes per step and stops once its
total output passes the cap: memory stays within the cap plus a few chunks.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

CHUNK = 16 * 1024
_WBITS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


class UnsupportedEncoding(ValueError):
    """A content coding we neither asked for nor know (br, zstd, compress...)."""


class TooLarge(ValueError):
    """A layer's output passed the cap."""


class BrokenEncoding(ValueError):
    """The compressed data is corrupt."""


def content_codings(header: str | None) -> list[str]:
    """The codings of a Content-Encoding value, in the order they were applied."""
    names = [part.strip().lower() for part in (header or "").split(",")]
    return [name for name in names if name and name != "identity"]


class _Layer:
    """One coding undone with a cap on its total output."""

    def __init__(self, coding: str, cap: int) -> None:
        if coding not in _WBITS:
            raise UnsupportedEncoding(f"unsupported content encoding {coding!r}")
        self.coding = coding
        self.cap = cap
        self.total = 0
        self._inflater = zlib.decompressobj(_WBITS[coding])
        self._raw_retry = coding == "deflate"  # servers send raw deflate as "deflate" too

    def feed(self, data: bytes) -> Iterator[bytes]:
        while True:
            try:
                piece = self._inflater.decompress(data, CHUNK)
            except zlib.error as error:
                if self._raw_retry and self.total == 0:
                    self._raw_retry = False
                    self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise BrokenEncoding(f"corrupt {self.coding} data ({error})") from None
            self._raw_retry = False
            data = self._inflater.unconsumed_tail
            self.total += len(piece)
            if self.total > self.cap:
                raise TooLarge(f"{self.coding} layer inflates past the cap")
            if piece:
                yield piece
            if not data and len(piece) < CHUNK:
                return


class CappedDecoder:
    """Content codings undone layer by layer (the last applied first), each layer's
    output capped at ``cap`` bytes."""

    def __init__(self, codings: list[str], cap: int) -> None:
        self.layers = [_Layer(coding, cap) for coding in reversed(codings)]

    def feed(self, data: bytes) -> Iterator[bytes]:
        pieces: Iterable[bytes] = (data,)
        for layer in self.layers:
            pieces = _through(layer, pieces)
        yield from pieces


def _through(layer: _Layer, pieces: Iterable[bytes]) -> Iterator[bytes]:
    for piece in pieces:
        yield from layer.feed(piece)
