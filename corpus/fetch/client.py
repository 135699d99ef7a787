"""The HTTP fetcher: polite, capped in size and time, and kept off private networks."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx

from corpus.errors import SkipError, TransientFetchError
from corpus.fetch.addresses import ALLOWED_SCHEMES, IPAddress, block_reason, parse_peer, resolve
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

    - timeouts: ``timeout`` per connect/read, ``deadline`` for a whole fetch (an
      endless or dripping response is cut);
    - size: the body is streamed and abandoned past ``max_bytes`` (decoded bytes,
      so a gzip bomb is cut too);
    - redirects are followed by hand, at most ``max_redirects``, each hop checked;
    - addresses: every hop's host is resolved and loopback/private/link-local/...
      addresses are refused unless the fetch is ``local_ok``; the peer actually
      connected to is checked again before the body is read (DNS rebinding);
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
        local_ok: bool = False,
        max_bytes: int | None = None,
        validators: Validators | None = None,
        conditional: bool = True,
        truncate: bool = False,
    ) -> FetchResult:
        """Download ``url``. Raises SkipError (permanent) or TransientFetchError (retry).

        ``validators`` default to the cached ones when ``conditional``; ``truncate``
        returns the first ``max_bytes`` instead of refusing a larger body (for sniffing).
        """
        cap = max_bytes or self.max_bytes
        deadline = time.monotonic() + self.deadline
        if conditional and validators is None:
            validators = self.validators.get(url)
        headers = validators.request_headers() if conditional and validators else {}
        current = url
        for _hop in range(self.max_redirects + 1):
            host = self._check_target(url, current, local_ok)
            with self._host_slot(host):
                response = self._send(url, current, headers, deadline)
                try:
                    self._check_peer(url, response, local_ok)
                    location = response.headers.get("location")
                    if response.status_code in REDIRECT_STATUSES and location:
                        current = urljoin(current, location.strip())
                        continue
                    return self._finish(url, current, response, cap, deadline, truncate)
                finally:
                    response.close()
        raise SkipError.of(url, f"more than {self.max_redirects} redirects")

    def peek(self, url: str, *, local_ok: bool = False, limit: int = 4096) -> FetchResult:
        """The first ``limit`` bytes of a page (to sniff whether it is a feed)."""
        return self.fetch(url, local_ok=local_ok, max_bytes=limit, conditional=False, truncate=True)

    def _check_target(self, url: str, target: str, local_ok: bool) -> str:
        """Refuse non-http schemes and (unless local) hosts resolving to non-public addresses."""
        parts = urlsplit(target)
        scheme = parts.scheme.lower()
        if scheme not in ALLOWED_SCHEMES:
            where = "" if target == url else f" (redirect to {target})"
            raise SkipError.of(url, f"unsupported URL scheme {scheme or 'none'!r}{where}")
        if not parts.hostname:
            raise SkipError.of(url, f"URL without a host: {target}")
        if not local_ok:
            port = parts.port or (443 if scheme == "https" else 80)
            reason = self.host_block_reason(url, parts.hostname, port)
            if reason:
                hop = "" if target == url else f" (redirect to {target})"
                raise SkipError.of(url, f"refused {reason}{hop}; the source is not local")
        return parts.netloc.lower()

    def host_block_reason(self, url: str, host: str, port: int) -> str | None:
        """Why a non-local fetch may not go to ``host`` (None: every address is public)."""
        try:
            addresses = resolve(host, port)
        except OSError as error:
            raise TransientFetchError(url, f"cannot resolve {host}: {error}") from None
        return next(filter(None, map(block_reason, addresses)), None)

    def peer_block_reason(self, address: IPAddress) -> str | None:
        """Why a non-local fetch may not read from the peer it connected to (None: allowed)."""
        return block_reason(address)

    def _check_peer(self, url: str, response: httpx.Response, local_ok: bool) -> None:
        if local_ok:
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
        self, url: str, target: str, headers: dict[str, str], deadline: float
    ) -> httpx.Response:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise SkipError.of(url, f"no complete answer within the {self.deadline:g} s deadline")
        timeout = httpx.Timeout(min(self.timeout, remaining))
        try:
            request = self._client.build_request("GET", target, headers=headers, timeout=timeout)
            return self._client.send(request, stream=True)
        except httpx.TimeoutException:
            raise TransientFetchError(url, f"timed out after {self.timeout:g} s") from None
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as error:
            raise SkipError.of(url, f"invalid URL: {error}") from None
        except httpx.TransportError as error:
            kind = type(error).__name__
            raise TransientFetchError(url, f"connection failed ({kind}: {error})") from None

    def _finish(
        self,
        url: str,
        final_url: str,
        response: httpx.Response,
        cap: int,
        deadline: float,
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
        body, truncated = self._read_body(url, response, cap, deadline, truncate)
        return FetchResult(
            **common, body=body, charset=response.charset_encoding, truncated=truncated
        )

    def _read_body(
        self, url: str, response: httpx.Response, cap: int, deadline: float, truncate: bool
    ) -> tuple[bytes, bool]:
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in response.iter_bytes():
                chunks.append(chunk)
                size += len(chunk)
                if size > cap:
                    if truncate:
                        return b"".join(chunks)[:cap], True
                    raise SkipError.of(url, f"too large: more than {_mib(cap)} (the size cap)")
                if time.monotonic() > deadline:
                    raise SkipError.of(
                        url, f"response still incomplete after the {self.deadline:g} s deadline"
                    )
        except httpx.TimeoutException:
            raise TransientFetchError(url, f"timed out reading after {self.timeout:g} s") from None
        except httpx.DecodingError as error:
            raise SkipError.of(url, f"undecodable content encoding: {error}") from None
        except httpx.TransportError as error:
            kind = type(error).__name__
            raise TransientFetchError(url, f"connection broke ({kind}: {error})") from None
        return b"".join(chunks), False
