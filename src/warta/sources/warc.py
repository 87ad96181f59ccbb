"""WARC and ARC crawl archives (warcio), streamed record by record.

Every HTML response record (status 200) goes through the HTML reader, with the record's
target URI as the article's URL.  A truncated archive yields what it had, then an error.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from dataclasses import replace

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import InputError, MalformedInput
from .html import article_from_html


def _is_html_response(record) -> bool:
    if record.rec_type not in ("response", "resource"):
        return False
    http = record.http_headers
    if http is not None and http.get_statuscode() not in (None, "200"):
        return False
    ctype = (http.get_header("Content-Type") if http is not None else None) or \
        record.rec_headers.get_header("Content-Type") or ""
    return "html" in ctype.lower()


def read(fh: BinaryIO, source: str, fields: dict[str, str] | None = None) -> Iterator:
    """Articles from the archive's HTML responses, each named by its URL."""
    try:
        for record in ArchiveIterator(fh, arc2warc=True):
            if not _is_html_response(record):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            try:
                payload = record.content_stream().read()
                if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than announced
                    yield MalformedInput(url or source, f"truncated record in {source}")
                    continue
                article = article_from_html(payload, url or source, url=url)
                yield replace(article, meta={**article.meta, "archive": source})
            except InputError as exc:
                yield exc
    except (ArchiveLoadFailed, EOFError, zlib.error) as exc:
        yield MalformedInput(source, f"broken or truncated archive ({exc})")
