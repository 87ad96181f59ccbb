"""Saved web pages: main text, title, date and site name through trafilatura."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import BinaryIO

import trafilatura

from ..errors import EmptyInput
from ..model import Article
from .text import decode


def parse_date(value: str | None) -> dt.date | None:
    """An ISO date (or datetime) string's date, or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def article_from_html(html: str | bytes, source: str, url: str | None = None) -> Article:
    """An Article from one HTML page (raises EmptyInput when it holds no main text)."""
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_recall=True)
    if doc is None or not (doc.text or "").strip():
        raise EmptyInput(source, "no article text found in this HTML page")
    published = parse_date(doc.date)
    meta = {"reader": "html", "sitename": doc.sitename, "hostname": doc.hostname}
    return Article(source=source, raw=doc.text, title=doc.title or None, url=doc.url or url,
                   outlet=doc.sitename or None, published=published,
                   published_from="metadata" if published else None, meta=meta)


def read(fh: BinaryIO, source: str, fields: dict[str, str] | None = None) -> Iterator[Article]:
    """One Article from a saved page."""
    yield article_from_html(decode(fh.read(), source), source)
