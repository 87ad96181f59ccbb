"""Plain-text articles: the charset detected, the text kept as written.

The headline (a first line that looks like one) is taken by ``clean``, which does the
same for any reader that gives no title.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from charset_normalizer import from_bytes

from ..errors import BinaryInput, EmptyInput
from ..model import Article

# Control characters that never occur in text (keeps \t \n \r \f)
_CONTROL = bytes(c for c in range(32) if c not in (9, 10, 12, 13))
MAX_CONTROL_SHARE = 0.01


def decode(data: bytes, source: str) -> str:
    """``data`` as text: UTF-8 when it is valid, else the charset charset-normalizer finds
    (cp1252 and latin-1 are the usual ones), refusing binary data."""
    if not data.strip():
        raise EmptyInput(source, "empty input")
    head = data[:8192]
    if b"\x00" in head or sum(head.count(bytes([c])) for c in _CONTROL) > MAX_CONTROL_SHARE * len(head):
        raise BinaryInput(source, "binary file (not text)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=["cp1252", "latin_1", "utf_16", "iso8859_15"]).best()
    if best is None:
        raise BinaryInput(source, "not text in any known character set")
    return str(best)


def read(fh: BinaryIO, source: str, fields: dict[str, str] | None = None) -> Iterator[Article]:
    """One Article: the whole file is one article."""
    raw = decode(fh.read(), source)
    yield Article(source=source, raw=raw, meta={"reader": "text"})
