"""WARC and ARC crawl archives (warcio), streamed record by record.

Every HTML response record (status 200) goes through the HTML reader, with the record's
target URI as the article's URL.  A truncated archive yields what it had, then an error.
Sizes are bounded (``sources.limits``): a compressed archive is unpacked here, a block at
a time, and refused once it unpacks past ``WARTA_MAX_DECOMPRESSED`` bytes or
``WARTA_MAX_GZIP_RATIO`` times its packed size (a gzip bomb); a record over
``WARTA_MAX_RECORD_BYTES``, or a run of bytes without a line break over ``MAX_LINE`` (or
the record limit if smaller), is refused rather than loaded.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..errors import InputError, MalformedInput, TooLarge, quote
from .html import article_from_html
from .limits import Limits, over

BLOCK = 1 << 16
MIN_PACKED = 1 << 20  # the ratio is judged once this much has been unpacked
# warcio reads header lines by concatenating blocks (quadratic in a line's length): a run
# without a line break is cut at this size or the record limit, whichever is smaller
MAX_LINE = 8_000_000


class Bounded(io.RawIOBase):
    """A stream read through, unpacking gzip members when ``gzip``, that raises
    ``TooLarge`` past the limits instead of handing on an unbounded amount of data."""

    def __init__(self, raw: BinaryIO, source: str, limits: Limits, gzip: bool):
        self.raw, self.source, self.limits = raw, source, limits
        self.inflate = zlib.decompressobj(16 + zlib.MAX_WBITS) if gzip else None
        self.pending = b""
        self.packed = self.unpacked = self.run = 0

    def readable(self) -> bool:
        return True

    def _next(self, size: int) -> bytes:
        if self.inflate is None:
            data = self.raw.read(size)
            self.packed += len(data)
            return data
        while True:
            if self.inflate.eof:  # the next gzip member
                rest = self.inflate.unused_data
                self.inflate = zlib.decompressobj(16 + zlib.MAX_WBITS)
                self.pending = rest + self.pending
            if not self.pending and not self.inflate.unconsumed_tail:
                self.pending = self.raw.read(BLOCK)
                self.packed += len(self.pending)
                if not self.pending:
                    return self.inflate.flush()
            data = self.inflate.decompress(self.inflate.unconsumed_tail + self.pending, size)
            self.pending = b""
            if data:
                return data

    def _check(self, data: bytes) -> None:
        self.unpacked += len(data)
        lim = self.limits
        if self.inflate is not None:
            if lim.decompressed and self.unpacked > lim.decompressed:
                raise TooLarge(self.source, over("archive unpacked", self.unpacked, lim.decompressed,
                                                 "WARTA_MAX_DECOMPRESSED"))
            if lim.ratio and self.unpacked > MIN_PACKED and self.unpacked > lim.ratio * self.packed:
                raise TooLarge(self.source, f"archive unpacks over {lim.ratio} times its size "
                                            f"({self.packed:,} → {self.unpacked:,} bytes so far, a "
                                            "compression bomb?); the limit is WARTA_MAX_GZIP_RATIO")
        newline = data.rfind(b"\n")
        self.run = self.run + len(data) if newline < 0 else len(data) - newline - 1
        line = min(lim.record, MAX_LINE) if lim.record else MAX_LINE
        if self.run > line:
            raise TooLarge(self.source, over("a run of bytes without a line break", self.run, line,
                                             "WARTA_MAX_RECORD_BYTES (at most 8 MB in an archive)"))

    def readinto(self, buffer) -> int:
        try:
            data = self._next(len(buffer))
        except zlib.error as exc:
            raise MalformedInput(self.source, f"broken compressed data ({quote(exc)})") from None
        self._check(data)
        buffer[: len(data)] = data
        return len(data)


def _is_html_response(record) -> bool:
    if record.rec_type not in ("response", "resource"):
        return False
    http = record.http_headers
    if http is not None and http.get_statuscode() not in (None, "200"):
        return False
    ctype = (http.get_header("Content-Type") if http is not None else None) or \
        record.rec_headers.get_header("Content-Type") or ""
    return "html" in ctype.lower()


def _payload(record, name: str, limit: int) -> bytes:
    declared = record.rec_headers.get_header("Content-Length") or ""
    if limit and declared.isdigit() and int(declared) > limit:
        raise TooLarge(name, over("record", int(declared), limit, "WARTA_MAX_RECORD_BYTES"))
    payload = record.content_stream().read(limit + 1) if limit else record.content_stream().read()
    if limit and len(payload) > limit:
        raise TooLarge(name, over("record", len(payload), limit, "WARTA_MAX_RECORD_BYTES"))
    return payload


def read(fh: BinaryIO, source: str, fields: dict[str, str] | None = None) -> Iterator:
    """Articles from the archive's HTML responses, each named by its URL."""
    limits = Limits.current()
    if hasattr(fh, "peek"):
        head = fh.peek(2)[:2]
    else:
        fh = io.BufferedReader(fh) if isinstance(fh, io.RawIOBase) else fh
        head = fh.read(2) if fh.seekable() else b""
        if fh.seekable():
            fh.seek(0)
    stream = io.BufferedReader(Bounded(fh, source, limits, gzip=head == b"\x1f\x8b"), BLOCK)
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            if not _is_html_response(record):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            name = url or source
            try:
                payload = _payload(record, name, limits.record)
                if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than announced
                    yield MalformedInput(name, f"truncated record in {source}")
                    continue
                article = article_from_html(payload, name, url=url)
                yield replace(article, meta={**article.meta, "archive": source})
            except TooLarge as exc:
                yield exc  # the iterator skips the rest of the record a block at a time
            except InputError as exc:
                yield exc
    except (ArchiveLoadFailed, EOFError, zlib.error) as exc:
        yield MalformedInput(source, f"broken or truncated archive ({quote(exc)})")
