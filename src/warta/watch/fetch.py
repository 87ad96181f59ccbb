"""Polite HTTP for the watcher: httpx with robots.txt, per-host limits, retries, a size cap.

One :class:`Fetcher` lives for one phase of a round (an ``asyncio`` loop).  Every request:

- asks the host's ``robots.txt`` first (read once per host by ``protego``; a 4xx robots
  file allows everything, a 5xx or unreachable one refuses the host, as RFC 9309 says);
- waits for its host: at most ``per_host`` requests at once and ``rate`` seconds between
  two of them (more when robots.txt asks a ``Crawl-delay``), ``concurrency`` in all;
- follows redirects itself (each hop asked of robots.txt), at most ``MAX_REDIRECTS``;
- is retried on a timeout, a network error, 429 or 5xx, ``retries`` times, waiting
  ``backoff × 2ⁿ`` seconds (or the server's ``Retry-After``, capped);
- is read as a stream and abandoned past ``max_bytes`` of decoded body (gzip included), or
  past ``3 × timeout`` seconds in all (``timeout`` bounds each wait for a byte).

A failure is never raised: it is a :class:`Fetched` with ``error`` and ``kind`` set
(``http``, ``timeout``, ``network``, ``robots``, ``too_large``).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from .. import __version__

USER_AGENT = f"warta/{__version__} (news watcher; httpx/{httpx.__version__})"  # settings.user_agent adds a contact
MAX_REDIRECTS = 5
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 60.0  # seconds: a longer Retry-After is not waited for in this round
MAX_CRAWL_DELAY = 60.0
ROBOTS_MAX_BYTES = 500_000
TOTAL_TIMEOUTS = 3  # a whole response may take this many ``timeout``s (a server dripping bytes)


@dataclass(frozen=True)
class Settings:
    """How the watcher fetches (the ``settings`` of a sources file)."""

    user_agent: str = USER_AGENT
    timeout: float = 20.0
    retries: int = 2
    backoff: float = 1.0
    rate: float = 1.0
    per_host: int = 2
    concurrency: int = 8
    max_bytes: int = 5_000_000


@dataclass
class Fetched:
    """One response read whole (``body``), or why there is none (``error``, ``kind``)."""

    url: str
    final_url: str
    status: int | None = None
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    kind: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.status == 200

    @property
    def transient(self) -> bool:
        """A failure worth trying again next round (not a 404, a robots refusal, a size)."""
        return self.kind in ("timeout", "network") or (self.kind == "http" and self.status in RETRY_STATUS)


class TooBig(Exception):
    pass


class Host:
    """One host's gate: a semaphore and the earliest time the next request may start."""

    def __init__(self, per_host: int, rate: float) -> None:
        self.slots = asyncio.Semaphore(per_host)
        self.rate = rate
        self.lock = asyncio.Lock()
        self.next_at = 0.0

    async def turn(self) -> None:
        async with self.lock:
            wait = self.next_at - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            self.next_at = time.monotonic() + self.rate


class Fetcher:
    """``await fetcher.get(url, headers)`` → :class:`Fetched`; use as ``async with``.

    >>> async def first(url):                                  # doctest: +SKIP
    ...     async with Fetcher(Settings()) as f:
    ...         return (await f.get(url)).status
    """

    def __init__(self, settings: Settings, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.settings = settings
        self.client = httpx.AsyncClient(
            headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(settings.timeout), follow_redirects=False, transport=transport)
        self.all = asyncio.Semaphore(settings.concurrency)
        self.hosts: dict[str, Host] = {}
        self.robots: dict[str, Protego | str] = {}
        self.robots_lock: dict[str, asyncio.Lock] = {}
        self.requests = 0

    async def __aenter__(self) -> "Fetcher":
        return self

    async def __aexit__(self, *exc) -> None:
        await self.client.aclose()

    def _host(self, url: str) -> Host:
        key = _origin(url)
        if key not in self.hosts:
            self.hosts[key] = Host(self.settings.per_host, self.settings.rate)
        return self.hosts[key]

    async def get(self, url: str, headers: dict[str, str] | None = None) -> Fetched:
        """``url`` fetched politely (robots, limits, redirects, retries); never raises."""
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            refusal = await self.refused(current)
            if refusal:
                return Fetched(url, current, error=refusal, kind="robots")
            got = await self._with_retries(url, current, headers or {})
            if got.status in (301, 302, 303, 307, 308) and got.headers.get("location"):
                current = urljoin(current, got.headers["location"])
                if urlsplit(current).scheme not in ("http", "https"):
                    return Fetched(url, current, got.status, error="redirect to a non-HTTP address", kind="http")
                continue
            return got
        return Fetched(url, current, error=f"more than {MAX_REDIRECTS} redirects", kind="http")

    async def _with_retries(self, url: str, current: str, headers: dict[str, str]) -> Fetched:
        attempt = 0
        while True:
            got = await self._once(url, current, headers)
            if not got.transient or attempt >= self.settings.retries:
                return got
            await asyncio.sleep(self._delay(got, attempt))
            attempt += 1

    def _delay(self, got: Fetched, attempt: int) -> float:
        """Exponential backoff, or the server's Retry-After (seconds) when it gives one."""
        delay = self.settings.backoff * 2 ** attempt
        after = got.headers.get("retry-after", "")
        if after.isdigit():
            delay = max(delay, min(float(after), MAX_RETRY_AFTER))
        return delay

    async def _once(self, url: str, current: str, headers: dict[str, str],
                    limit: int | None = None) -> Fetched:
        host = self._host(current)
        limit = self.settings.max_bytes if limit is None else limit
        async with self.all, host.slots:
            await host.turn()
            self.requests += 1
            try:
                async with asyncio.timeout(self.settings.timeout * TOTAL_TIMEOUTS):
                    return await self._request(url, current, headers, limit)
            except TooBig:
                return Fetched(url, current, 200, error=f"response over {limit:,} bytes (max_bytes)",
                               kind="too_large")
            except (httpx.TimeoutException, TimeoutError):
                return Fetched(url, current, error=f"timed out after {self.settings.timeout:g} s",
                               kind="timeout")
            except (httpx.HTTPError, httpx.InvalidURL, OSError) as exc:
                return Fetched(url, current, error=f"network error ({type(exc).__name__}: {exc})"[:300],
                               kind="network")

    async def _request(self, url: str, current: str, headers: dict[str, str], limit: int) -> Fetched:
        async with self.client.stream("GET", current, headers=headers) as r:
            out = Fetched(url, current, r.status_code, headers=dict(r.headers))
            if r.status_code == 200:
                out.body = await _read(r, limit)
            elif r.status_code not in (301, 302, 303, 304, 307, 308):
                out.error, out.kind = f"HTTP {r.status_code} {r.reason_phrase}".strip(), "http"
            return out

    async def refused(self, url: str) -> str | None:
        """Why robots.txt refuses ``url`` to this user agent, or None when it allows it."""
        origin = _origin(url)
        lock = self.robots_lock.setdefault(origin, asyncio.Lock())
        async with lock:
            if origin not in self.robots:
                self.robots[origin] = await self._robots(origin)
        rules = self.robots[origin]
        if isinstance(rules, str):
            return rules
        if rules.can_fetch(url, self.settings.user_agent):
            return None
        return f"robots.txt of {origin} disallows this path"

    async def _robots(self, origin: str) -> Protego | str:
        got = await self._with_retries(origin + "/robots.txt", origin + "/robots.txt", {})
        for _hop in range(MAX_REDIRECTS):  # robots.txt redirects are followed (RFC 9309)
            if got.status not in (301, 302, 303, 307, 308) or not got.headers.get("location"):
                break
            target = urljoin(got.final_url, got.headers["location"])
            got = await self._once(target, target, {}, ROBOTS_MAX_BYTES)
        if got.status is not None and 400 <= got.status < 500:
            return Protego.parse("")  # no robots.txt: everything allowed
        if not got.ok:
            return f"robots.txt of {origin} unreachable ({got.error}): the host is not fetched"
        rules = Protego.parse(got.body.decode("utf-8", "replace"))
        delay = rules.crawl_delay(self.settings.user_agent)
        if delay:
            self._host(origin + "/").rate = max(self.settings.rate, min(float(delay), MAX_CRAWL_DELAY))
        return rules


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


async def _read(r: httpx.Response, limit: int) -> bytes:
    declared = r.headers.get("content-length", "")
    if limit and declared.isdigit() and int(declared) > limit and not r.headers.get("content-encoding"):
        raise TooBig
    chunks, size = [], 0
    async for chunk in r.aiter_bytes():
        size += len(chunk)
        if limit and size > limit:
            raise TooBig
        chunks.append(chunk)
    return b"".join(chunks)


__all__ = ["Fetched", "Fetcher", "MAX_REDIRECTS", "Settings", "USER_AGENT"]
