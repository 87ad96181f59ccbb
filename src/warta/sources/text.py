"""Plain-text articles: the charset detected, the text kept as written.

The headline (a first line that looks like one) is taken by ``clean``, which does the
same for any reader that gives no title.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import BinaryIO

from charset_normalizer import from_bytes

from ..errors import BinaryInput, EmptyInput, TooLarge
from ..model import Article
from .limits import Limits, over

# Control characters that never occur in text (keeps \t \n \r \f; NUL is counted apart)
_CONTROL = bytes(c for c in range(1, 32) if c not in (9, 10, 12, 13))
MAX_CONTROL_SHARE = 0.01
# BOMs, longest first (the UTF-32-LE BOM starts with the UTF-16-LE one)
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"))


def read_whole(fh: BinaryIO, source: str, limit: int | None = None) -> bytes:
    """All of ``fh``, refused (``TooLarge``) past the record limit rather than loaded."""
    limit = Limits.current().record if limit is None else limit
    data = fh.read(limit + 1) if limit else fh.read()
    if limit and len(data) > limit:
        raise TooLarge(source, over("file", len(data), limit, "WARTA_MAX_RECORD_BYTES"))
    return data


def _wide_encoding(head: bytes) -> str | None:
    """UTF-16/32 without a BOM, told by where the NUL bytes of Latin text fall."""
    if len(head) < 8 or b"\x00" not in head:
        return None
    n = len(head) - len(head) % 4
    zero = [sum(1 for i in range(k, n, 4) if head[i] == 0) / (n // 4) for k in range(4)]
    if min(zero[1:]) > 0.9 and zero[0] < 0.5:
        return "utf-32-le"
    if min(zero[:3]) > 0.9 and zero[3] < 0.5:
        return "utf-32-be"
    odd, even = (zero[1] + zero[3]) / 2, (zero[0] + zero[2]) / 2
    if odd > 0.6 and even < 0.2:
        return "utf-16-le"
    if even > 0.6 and odd < 0.2:
        return "utf-16-be"
    return None


def _unicode(data: bytes) -> str | None:
    """``data`` decoded when a BOM or the NUL pattern says it is UTF-8/16/32, else None."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                return None
    wide = _wide_encoding(data[:8192])
    if wide:
        try:
            return data.decode(wide)
        except UnicodeDecodeError:
            return None
    return None


def decode(data: bytes, source: str) -> str:
    """``data`` as text: UTF-8 when it is valid, UTF-16/32 by BOM or NUL pattern, else the
    charset charset-normalizer finds (cp1252 and latin-1 are the usual ones), refusing
    binary data.  NUL characters are removed wherever they are."""
    if not data.strip():
        raise EmptyInput(source, "empty input")
    text = _unicode(data)
    if text is None:
        head = data[:8192]
        controls = sum(head.count(bytes([c])) for c in _CONTROL) + head.count(b"\x00")
        if controls > MAX_CONTROL_SHARE * len(head):
            raise BinaryInput(source, "binary file (not text)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "iso8859_15"]).best()
            if best is None:
                raise BinaryInput(source, "not text in any known character set") from None
            text = str(best)
    text = text.replace("\x00", "")
    if not text.strip():
        raise EmptyInput(source, "empty input")
    return text


def read(fh: BinaryIO, source: str, fields: dict[str, str] | None = None) -> Iterator[Article]:
    """One Article: the whole file is one article."""
    raw = decode(read_whole(fh, source), source)
    yield Article(source=source, raw=raw, meta={"reader": "text"})
