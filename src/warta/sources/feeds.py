"""RSS and Atom feed files (feedparser): one Article per entry.

A feed file is parsed whole (feeds are small by nature); its entries are yielded one by one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import BinaryIO

import feedparser
import lxml.html

from ..errors import EmptyInput, InputError, MalformedInput
from ..model import Article

BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote", "tr")


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment, one line per block element."""
    if "<" not in fragment:
        return fragment.strip()
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for el in root.iter(*BLOCKS):
        el.tail = "\n" + (el.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _date(entry) -> dt.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return dt.date(*parsed[:3]) if parsed else None


def read(fh: BinaryIO, source: str, fields: dict[str, str] | None = None) -> Iterator[Article | InputError]:
    """Articles from a feed's entries, each named by its link (or ``source#n``)."""
    feed = feedparser.parse(fh.read())
    if not feed.entries:
        reason = f"not a readable feed ({feed.bozo_exception})" if feed.bozo else "feed without entries"
        raise (MalformedInput if feed.bozo else EmptyInput)(source, reason)
    outlet = feed.feed.get("title") or None
    for n, entry in enumerate(feed.entries, 1):
        name = f"{source}#{n}"
        body = entry.get("content", [{}])[0].get("value") if entry.get("content") else None
        text = html_to_text(body or entry.get("summary") or "")
        if not text:
            yield EmptyInput(name, "feed entry without content or summary")
            continue
        published = _date(entry)
        yield Article(source=name, raw=text, title=entry.get("title") or None,
                      url=entry.get("link") or None, outlet=outlet, published=published,
                      published_from="metadata" if published else None,
                      meta={"reader": "feed"})
