"""Tell a file's kind from its name, then from its first bytes."""

from __future__ import annotations

import zlib

from ..errors import BinaryInput, EmptyInput, InputError

EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".arc": "warc",
}
BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x7fELF",
                b"BZh", b"\xfd7zXZ", b"Rar!", b"OggS", b"ID3", b"RIFF")


def _unzip_head(head: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 4096)
    except zlib.error:
        return b""


def _sniff(head: bytes) -> str | None:
    probe = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if probe.startswith((b"warc/", b"filedesc://")):
        return "warc"
    if probe.startswith(b"["):
        return "json"
    if probe.startswith(b"{"):
        return "jsonl"
    if probe.startswith(b"<"):
        if b"<rss" in probe or b"<feed" in probe or b"<rdf:rdf" in probe:
            return "feed"
        if b"<html" in probe or b"<!doctype html" in probe or b"<body" in probe or b"<head" in probe:
            return "html"
    return None


def detect(name: str, head: bytes) -> str | InputError:
    """The reader for a file called ``name`` starting with ``head``, or why there is none."""
    lower = name.lower()
    if not head:
        return EmptyInput(name or "<stdin>", "empty input")
    if head.startswith(b"\x1f\x8b"):
        inner = _unzip_head(head)
        if _sniff(inner) == "warc" or lower.endswith((".warc.gz", ".arc.gz")):
            return "warc"
        return BinaryInput(name or "<stdin>", "compressed file that is not a WARC/ARC archive")
    if head.startswith(BINARY_MAGIC):
        return BinaryInput(name or "<stdin>", "binary file (not text)")
    for ext, kind in EXTENSIONS.items():
        if lower.endswith(ext):
            sniffed = _sniff(head)
            # trust the content over the name when they disagree about markup
            return sniffed if kind in ("text", "feed") and sniffed in ("html", "feed") else kind
    return _sniff(head) or "text"


__all__ = ["EXTENSIONS", "detect"]
