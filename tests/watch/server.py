"""A real HTTP server on the loopback, for the watcher's tests and benchmark.

Each path maps to a :class:`Route` the test can change between polls; every request is
logged (path and headers).  Routes may answer with an ETag / Last-Modified (and 304 to a
matching conditional GET), gzip, a delay (for timeouts), a redirect, or any status.
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: bool = False  # answer with an ETag (the body's hash) and honour If-None-Match
    last_modified: float | None = None  # a Last-Modified time, honouring If-Modified-Since
    gzip: bool = False
    delay: float = 0.0
    location: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    fail_first: int = 0  # answer 503 this many times first

    def tag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: "Server"

    def log_message(self, *args) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802
        with self.server.lock:
            self.server.active += 1
            self.server.most_active = max(self.server.most_active, self.server.active)
        try:
            self._get()
        finally:
            with self.server.lock:
                self.server.active -= 1

    def _get(self) -> None:
        self.server.log.append((self.path, dict(self.headers)))
        self.server.times.append((self.path, time.monotonic()))
        route = self.server.routes.get(self.path)
        if route is None:
            return self._send(404, b"not found", "text/plain")
        if route.delay:
            time.sleep(route.delay)
        if route.fail_first > 0:
            route.fail_first -= 1
            return self._send(503, b"busy", "text/plain")
        if route.location:
            return self._send(route.status or 301, b"", "text/plain", {"Location": route.location})
        extra = dict(route.headers)
        if route.etag:
            extra["ETag"] = route.tag()
            if self.headers.get("If-None-Match") == route.tag():
                return self._send(304, b"", None, extra)
        if route.last_modified is not None:
            extra["Last-Modified"] = email.utils.formatdate(route.last_modified, usegmt=True)
            since = self.headers.get("If-Modified-Since")
            if since and email.utils.parsedate_to_datetime(since).timestamp() >= int(route.last_modified):
                return self._send(304, b"", None, extra)
        body = route.body
        if route.gzip:
            body = gzip.compress(body)
            extra["Content-Encoding"] = "gzip"
        self._send(route.status, body, route.content_type, extra)

    def do_POST(self) -> None:  # noqa: N802
        size = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(size)
        self.server.log.append((self.path, dict(self.headers)))
        self.server.posts.append((self.path, body))
        route = self.server.routes.get(self.path)
        status = route.status if route else 404
        if route and route.fail_first > 0:
            route.fail_first -= 1
            status = 503
        self._send(status, b"ok", "text/plain")

    def _send(self, status: int, body: bytes, content_type: str | None, headers: dict | None = None) -> None:
        try:
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes: dict[str, Route] = {}
        self.log: list[tuple[str, dict]] = []
        self.posts: list[tuple[str, bytes]] = []
        self.lock = threading.Lock()
        self.times: list[tuple[str, float]] = []  # when each GET arrived
        self.active = self.most_active = 0  # requests in progress, and the most at once
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    def handle_error(self, request, client_address) -> None:  # a client gone mid-request: quiet
        pass

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.log if p == path)

    def __enter__(self) -> "Server":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()


def rss(items: list[tuple[str, str, str]], title: str = "Kabar Uji") -> bytes:
    """An RSS 2.0 feed of (link, title, RFC 822 date) items."""
    entries = "".join(f"<item><title>{t}</title><link>{link}</link><pubDate>{d}</pubDate>"
                      f"<guid isPermaLink=\"true\">{link}</guid></item>" for link, t, d in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>http://example.invalid/</link><description>uji</description>{entries}</channel></rss>").encode()


def atom(items: list[tuple[str, str, str]], title: str = "Kabar Atom") -> bytes:
    entries = "".join(f'<entry><title>{t}</title><link rel="alternate" href="{link}"/><id>{link}</id>'
                      f"<updated>{d}</updated></entry>" for link, t, d in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{title}</title><id>urn:uji</id><updated>2025-11-10T08:00:00Z</updated>{entries}</feed>").encode()


def news_sitemap(items: list[tuple[str, str, str]]) -> bytes:
    urls = "".join(f"<url><loc>{link}</loc><news:news><news:publication><news:name>Uji</news:name>"
                   f"<news:language>id</news:language></news:publication><news:publication_date>{d}"
                   f"</news:publication_date><news:title>{t}</news:title></news:news></url>"
                   for link, t, d in items)
    return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>').encode()


def page(title: str, paragraphs: list[str], published: str, site: str = "Kabar Uji",
         charset: str = "utf-8") -> bytes:
    """An article page as outlets publish them: metadata, navigation, the article, a footer."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (f'<!DOCTYPE html><html lang="id"><head><meta charset="{charset}"><title>{title} - {site}</title>'
            f'<meta property="og:title" content="{title}"><meta property="og:site_name" content="{site}">'
            f'<meta property="article:published_time" content="{published}T09:00:00+07:00"></head><body>'
            f'<nav><a href="/">Beranda</a> <a href="/ekonomi">Ekonomi</a></nav>'
            f"<article><h1>{title}</h1>{body}</article>"
            f"<footer>Hak cipta {site}. Semua hak dilindungi.</footer></body></html>")
    return html.encode(charset)
