"""What a watched source lists: article links from an RSS/Atom feed, a news sitemap, or a
section page, each with what the source says of it (title, published).

Feeds and sitemaps are read with lxml (strict first; a malformed file is read again in
recovery mode, and its links kept with a warning when any survive).  The bytes are decoded
as ``sources.text.decode`` does, so a wrong declared charset does not garble the titles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

from ..errors import InputError, MalformedInput, quote
from ..sources.text import decode

XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.S)
ARTICLE_PATH = re.compile(r"(\d{4,}|[a-z0-9]+-[a-z0-9]+-[a-z0-9]+)", re.I)
MAX_LINKS = 2000  # one listing never yields more


@dataclass(frozen=True)
class Item:
    """One article link and what the listing says of it."""

    url: str
    title: str | None = None
    published: str | None = None


@dataclass
class Listing:
    items: list[Item] = field(default_factory=list)
    children: list[str] = field(default_factory=list)  # a sitemap index's sitemaps
    warning: str | None = None


def _local(el) -> str:
    return lxml.etree.QName(el).localname if isinstance(el.tag, str) else ""


def _text(el, *names: str) -> str | None:
    for child in el:
        if _local(child) in names and (child.text or "").strip():
            return child.text.strip()
    return None


def _xml(body: bytes, source: str):
    """The root element and a warning (None when the file parsed strictly)."""
    text = XML_DECLARATION.sub("", decode(body, source), count=1).lstrip("\ufeff")
    data = text.encode("utf-8")
    strict = lxml.etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return lxml.etree.fromstring(data, strict), None
    except lxml.etree.XMLSyntaxError as exc:
        loose = lxml.etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
        root = lxml.etree.fromstring(data, loose)
        if root is None:
            raise MalformedInput(source, f"malformed XML ({quote(exc)})") from None
        return root, f"malformed XML, read in recovery mode ({quote(exc)})"


def _link(entry) -> str | None:
    """An RSS item's link (or permalink guid), an Atom entry's alternate link."""
    for child in entry:
        name = _local(child)
        if name == "link":
            href = child.get("href")
            if href and child.get("rel", "alternate") == "alternate":
                return href.strip()
            if not href and (child.text or "").strip():
                return child.text.strip()
    for child in entry:
        if _local(child) == "guid" and child.get("isPermaLink", "true") == "true" and \
                (child.text or "").strip().startswith("http"):
            return child.text.strip()
    return None


def feed(body: bytes, source: str) -> Listing:
    """The entries of an RSS or Atom feed."""
    root, warning = _xml(body, source)
    if _local(root) not in ("rss", "feed", "RDF", "channel"):
        raise MalformedInput(source, f"not an RSS or Atom feed (its root is <{_local(root) or '?'}>)")
    out = Listing(warning=warning)
    for entry in root.iter():
        if _local(entry) in ("item", "entry") and (url := _link(entry)):
            out.items.append(Item(urljoin(source, url), _text(entry, "title"),
                                  _text(entry, "pubDate", "published", "updated", "date")))
    return _capped(out)


def sitemap(body: bytes, source: str) -> Listing:
    """The URLs of a (news) sitemap, or the sitemaps of a sitemap index."""
    root, warning = _xml(body, source)
    kind = _local(root)
    if kind not in ("urlset", "sitemapindex"):
        raise MalformedInput(source, f"not a sitemap (its root is <{kind or '?'}>)")
    out = Listing(warning=warning)
    for entry in root:
        loc = _text(entry, "loc")
        if not loc:
            continue
        if kind == "sitemapindex":
            out.children.append(urljoin(source, loc))
            continue
        news = next((c for c in entry if _local(c) == "news"), None)
        title = _text(news, "title") if news is not None else None
        published = (_text(news, "publication_date") if news is not None else None) or _text(entry, "lastmod")
        out.items.append(Item(urljoin(source, loc), title, published))
    return _capped(out)


def section(body: bytes, source: str, match: str | None = None) -> Listing:
    """The article links of a section page: links on the page's own host whose path
    matches ``match`` (a regular expression), else paths that look like articles (two
    segments or more, the last with a long number or three hyphenated words)."""
    try:
        root = lxml.html.document_fromstring(decode(body, source))
    except (lxml.etree.ParserError, ValueError) as exc:
        raise MalformedInput(source, f"not an HTML page ({quote(exc)})") from None
    host = urlsplit(source).hostname
    pattern = re.compile(match) if match else None
    out, seen = Listing(), set()
    for a in root.iter("a"):
        url = urljoin(source, (a.get("href") or "").strip()).split("#")[0]
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.hostname != host or url in seen:
            continue
        if not (pattern.search(url) if pattern else _looks_like_article(parts.path)):
            continue
        seen.add(url)
        out.items.append(Item(url, " ".join(a.text_content().split()) or None))
    return _capped(out)


def _looks_like_article(path: str) -> bool:
    segments = [s for s in path.split("/") if s]
    return len(segments) >= 2 and bool(ARTICLE_PATH.search(segments[-1]))


def _capped(out: Listing) -> Listing:
    if out.warning and not out.items and not out.children:
        raise MalformedInput("listing", out.warning.replace("read in recovery mode", "no link in it"))
    out.items = out.items[:MAX_LINKS]
    return out


READERS = {"feed": feed, "sitemap": sitemap}


def read(kind: str, body: bytes, source: str, match: str | None = None) -> Listing:
    """The listing of a source of ``kind`` (feed, sitemap, section); raises InputError.

    >>> rss = b"<rss><channel><item><title>Satu</title><link>https://a.id/x/1234</link></item></channel></rss>"
    >>> read("feed", rss, "https://a.id/rss").items[0].url
    'https://a.id/x/1234'
    """
    if kind == "section":
        return section(body, source, match)
    try:
        return READERS[kind](body, source)
    except InputError:
        raise
    except (lxml.etree.LxmlError, ValueError) as exc:
        raise MalformedInput(source, f"unreadable {kind} ({quote(exc)})") from None


__all__ = ["Item", "Listing", "READERS", "feed", "read", "section", "sitemap"]
