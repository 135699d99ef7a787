"""The HTTP fetcher: polite, capped in size and time, and kept off private networks."""

from __future__ import annotations

import threading
import time
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx

from corpus.documents import without_credentials
from corpus.errors import SkipError, TransientFetchError
from corpus.fetch.addresses import ALLOWED_SCHEMES, IPAddress, block_reason, parse_peer, resolve
from corpus.fetch.deadline import Watchdog
from corpus.fetch.decompress import (
    BrokenEncoding,
    CappedDecoder,
    TooLarge,
    UnsupportedEncoding,
    content_codings,
)
from corpus.fetch.validators import ValidatorCache, Validators
from corpus.files import DEFAULT_MAX_BYTES


def _version() -> str:
    try:
        return metadata.version("aiclaims")
    except metadata.PackageNotFoundError:
        return "0"


USER_AGENT = f"aiclaims/{_version()} (+https://github.com/aiclaims)"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRYABLE_STATUSES = frozenset({408, 425, 429})
BINARY_TYPE_PREFIXES = ("image/", "audio/", "video/", "font/")
BINARY_TYPES = frozenset(
    {
        "application/pdf",
        "application/zip",
        "application/gzip",
        "application/x-gzip",
        "application/x-tar",
        "application/x-7z-compressed",
        "application/x-rar-compressed",
        "application/msword",
        "application/vnd.ms-excel",
        "application/wasm",
    }
)


@dataclass(frozen=True)
class FetchResult:
    """One completed fetch. ``not_modified`` results (304) carry no body."""

    url: str
    final_url: str
    status: int
    body: bytes = b""
    content_type: str | None = None
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    truncated: bool = False

    @property
    def validators(self) -> Validators:
        return Validators(etag=self.etag, last_modified=self.last_modified)


def _mib(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MiB"


def _is_binary_type(content_type: str | None) -> bool:
    if not content_type:
        return False
    return content_type.startswith(BINARY_TYPE_PREFIXES) or content_type in BINARY_TYPES


class Fetcher:
    """Downloads pages over http(s) for the sources.

    - time: ``timeout`` per connect/read, and ``deadline`` for a whole fetch, headers
      included: a watchdog cuts the connection when it passes (a server trickling a
      header line a second is cut too);
    - size: the body is streamed and abandoned past ``max_bytes``; content codings are
      undone here, layer by layer, each capped (``gzip, gzip`` bombs are cut);
    - redirects are followed by hand, at most ``max_redirects``, each hop checked;
    - addresses: every hop's host is resolved once, loopback/private/link-local/...
      addresses are refused unless the host is one of the fetch's ``local_hosts``,
      and the connection goes to the address that was checked (no second lookup a
      rebinding DNS could answer differently); the peer is checked again;
    - at most ``per_host_concurrency`` requests at once to one host;
    - conditional requests from a validator cache (see ``remember``).

    Thread-safe: one Fetcher may be shared by a task's worker threads.
    """

    def __init__(
        self,
        *,
        user_agent: str = USER_AGENT,
        timeout: float = 10.0,
        deadline: float = 60.0,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_redirects: int = 5,
        per_host_concurrency: int = 2,
        state_dir: Path | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.timeout = timeout
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.per_host_concurrency = per_host_concurrency
        self.validators = ValidatorCache(state_dir)
        self._client = httpx.Client(
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            follow_redirects=False,
            trust_env=False,
            transport=transport,
            # a fresh connection per fetch: the deadline watchdog holds its socket
            limits=httpx.Limits(max_keepalive_connections=0),
        )
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._slots_lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def remember(self, url: str, etag: str | None, last_modified: str | None) -> None:
        """Keep a stored page's validators so the next fetch of ``url`` is conditional."""
        self.validators.remember(url, Validators(etag=etag, last_modified=last_modified))

    def fetch(
        self,
        url: str,
        *,
        local_hosts: Collection[str] = (),
        max_bytes: int | None = None,
        validators: Validators | None = None,
        conditional: bool = True,
        truncate: bool = False,
    ) -> FetchResult:
        """Download ``url``. Raises SkipError (permanent) or TransientFetchError (retry).

        ``local_hosts`` may resolve to non-public addresses (a local source's own hosts);
        every other host, redirect targets included, must be public. ``validators``
        default to the cached ones when ``conditional``; ``truncate`` returns the first
        ``max_bytes`` instead of refusing a larger body (for sniffing).
        """
        cap = max_bytes or self.max_bytes
        local = frozenset(host.lower() for host in local_hosts)
        with Watchdog(time.monotonic() + self.deadline) as watchdog:
            if conditional and validators is None:
                validators = self.validators.get(url)
            headers = validators.request_headers() if conditional and validators else {}
            current = url
            for _hop in range(self.max_redirects + 1):
                target = self._check_target(url, current, local)
                with self._host_slot(target.slot):
                    response = self._send(url, target, headers, watchdog)
                    try:
                        self._check_peer(url, response, target.is_local)
                        location = response.headers.get("location")
                        if response.status_code in REDIRECT_STATUSES and location:
                            current = urljoin(current, location.strip())
                            continue
                        return self._finish(url, current, response, cap, watchdog, truncate)
                    finally:
                        response.close()
        raise SkipError.of(url, f"more than {self.max_redirects} redirects")

    def peek(
        self, url: str, *, local_hosts: Collection[str] = (), limit: int = 4096
    ) -> FetchResult:
        """The first ``limit`` bytes of a page (to sniff whether it is a feed)."""
        return self.fetch(
            url, local_hosts=local_hosts, max_bytes=limit, conditional=False, truncate=True
        )

    def _check_target(self, url: str, target: str, local: frozenset[str]) -> _Target:
        """Refuse non-http schemes and hosts resolving to non-public addresses (unless the
        host is local); the address to connect to is the one checked."""
        parts = urlsplit(target)
        scheme = parts.scheme.lower()
        hop = "" if target == url else f" (redirect to {without_credentials(target)})"
        if scheme not in ALLOWED_SCHEMES:
            raise SkipError.of(url, f"unsupported URL scheme {scheme or 'none'!r}{hop}")
        try:
            host, port = parts.hostname, parts.port or (443 if scheme == "https" else 80)
        except ValueError as error:  # a port out of range or not a number
            raise SkipError.of(url, f"invalid URL: {error}{hop}") from None
        if not host:
            raise SkipError.of(url, f"URL without a host{hop}")
        is_local = host.lower() in local
        addresses = self.resolve_host(url, host, port)
        if not is_local:
            reason = self.host_block_reason(host, addresses)
            if reason:
                raise SkipError.of(url, f"refused {reason}{hop}; the source is not local")
        return _Target(url=target, address=addresses[0], is_local=is_local)

    def resolve_host(self, url: str, host: str, port: int) -> list[IPAddress]:
        """Every address ``host`` resolves to (the first is connected to)."""
        try:
            addresses = resolve(host, port)
        except (OSError, UnicodeError) as error:
            raise TransientFetchError(url, f"cannot resolve {host}: {error}") from None
        if not addresses:
            raise TransientFetchError(url, f"cannot resolve {host}: no address")
        return addresses

    def host_block_reason(self, host: str, addresses: list[IPAddress]) -> str | None:
        """Why a fetch may not go to ``host`` at these addresses unless the host is local
        (None: every address is public)."""
        return next(filter(None, map(block_reason, addresses)), None)

    def peer_block_reason(self, address: IPAddress) -> str | None:
        """Why a non-local fetch may not read from the peer it connected to (None: allowed)."""
        return block_reason(address)

    def _check_peer(self, url: str, response: httpx.Response, is_local: bool) -> None:
        if is_local:
            return
        stream = response.extensions.get("network_stream")
        if stream is None:
            return
        address = parse_peer(stream.get_extra_info("server_addr"))
        if address is None:
            return
        reason = self.peer_block_reason(address)
        if reason:
            raise SkipError.of(url, f"refused {reason} (connected peer); the source is not local")

    @contextmanager
    def _host_slot(self, host: str) -> Iterator[None]:
        with self._slots_lock:
            slot = self._slots.get(host)
            if slot is None:
                slot = threading.BoundedSemaphore(self.per_host_concurrency)
                self._slots[host] = slot
        with slot:
            yield

    def _send(
        self, url: str, target: _Target, headers: dict[str, str], watchdog: Watchdog
    ) -> httpx.Response:
        remaining = watchdog.remaining()
        if remaining <= 0:
            raise self._deadline_skip(url)
        timeout = httpx.Timeout(min(self.timeout, remaining))
        try:
            wanted = httpx.URL(target.url)
            request = self._client.build_request(
                "GET",
                wanted.copy_with(host=str(target.address)),
                headers={**headers, "Host": wanted.netloc.decode("ascii")},
                timeout=timeout,
                extensions={"trace": watchdog.trace, "sni_hostname": wanted.host},
            )
            return self._client.send(request, stream=True)
        except httpx.TimeoutException:
            if watchdog.fired:
                raise self._deadline_skip(url) from None
            raise TransientFetchError(url, f"timed out after {self.timeout:g} s") from None
        except (httpx.UnsupportedProtocol, httpx.InvalidURL, UnicodeError) as error:
            raise SkipError.of(url, f"invalid URL: {error}") from None
        except (httpx.TransportError, OSError) as error:
            if watchdog.fired:
                raise self._deadline_skip(url) from None
            kind = type(error).__name__
            raise TransientFetchError(url, f"connection failed ({kind}: {error})") from None

    def _deadline_skip(self, url: str) -> SkipError:
        return SkipError.of(url, f"no complete answer within the {self.deadline:g} s deadline")

    def _finish(
        self,
        url: str,
        final_url: str,
        response: httpx.Response,
        cap: int,
        watchdog: Watchdog,
        truncate: bool,
    ) -> FetchResult:
        status = response.status_code
        content_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
        common = {
            "url": url,
            "final_url": final_url,
            "status": status,
            "content_type": content_type or None,
            "etag": response.headers.get("etag"),
            "last_modified": response.headers.get("last-modified"),
        }
        if status == 304:
            return FetchResult(**common, not_modified=True)
        reason = f"HTTP {status} {response.reason_phrase}".strip()
        if status in RETRYABLE_STATUSES or status >= 500:
            raise TransientFetchError(url, reason)
        if not 200 <= status < 300:
            raise SkipError.of(url, reason)
        if _is_binary_type(content_type):
            raise SkipError.of(url, f"binary content ({content_type}), not a text page")
        declared = response.headers.get("content-length", "")
        if not truncate and declared.isdigit() and int(declared) > cap:
            raise SkipError.of(url, f"too large: {_mib(int(declared))} declared, cap {_mib(cap)}")
        try:
            decoder = CappedDecoder(content_codings(response.headers.get("content-encoding")), cap)
        except UnsupportedEncoding as error:
            raise SkipError.of(url, str(error)) from None
        body, truncated = self._read_body(url, response, decoder, cap, watchdog, truncate)
        return FetchResult(
            **common, body=body, charset=response.charset_encoding, truncated=truncated
        )

    def _read_body(
        self,
        url: str,
        response: httpx.Response,
        decoder: CappedDecoder,
        cap: int,
        watchdog: Watchdog,
        truncate: bool,
    ) -> tuple[bytes, bool]:
        # pieces kept apart and joined once: a growing bytearray over-allocates and copies
        pieces: list[bytes] = []
        size = 0
        too_large = f"too large: more than {_mib(cap)} (the size cap)"
        try:
            for raw in response.iter_raw():
                for chunk in decoder.feed(raw):
                    pieces.append(chunk)
                    size += len(chunk)
                    if size > cap:
                        if truncate:
                            return b"".join(pieces)[:cap], True
                        raise SkipError.of(url, too_large)
                if watchdog.remaining() <= 0:
                    raise SkipError.of(
                        url, f"response still incomplete after the {self.deadline:g} s deadline"
                    )
        except TooLarge:
            if truncate:
                return b"".join(pieces)[:cap], True
            raise SkipError.of(url, too_large) from None
        except BrokenEncoding as error:
            raise SkipError.of(url, f"undecodable content encoding: {error}") from None
        except httpx.TimeoutException:
            if watchdog.fired:
                raise self._deadline_skip(url) from None
            raise TransientFetchError(url, f"timed out reading after {self.timeout:g} s") from None
        except (httpx.TransportError, OSError) as error:
            if watchdog.fired:
                raise self._deadline_skip(url) from None
            kind = type(error).__name__
            raise TransientFetchError(url, f"connection broke ({kind}: {error})") from None
        if watchdog.fired:  # the cut connection looked like the end of the body
            raise SkipError.of(
                url, f"response still incomplete after the {self.deadline:g} s deadline"
            )
        return b"".join(pieces), False


@dataclass(frozen=True)
class _Target:
    """One hop of a fetch: its URL, the checked address to connect to, and whether the
    host is one of the source's own (local) hosts."""

    url: str
    address: IPAddress
    is_local: bool

    @property
    def slot(self) -> str:
        """The per-host concurrency key: host and port."""
        parts = urlsplit(self.url)
        return (parts.netloc.rsplit("@", 1)[-1]).lower()
