"""Readers: files, directories, globs and standard input → a stream of Articles.

``read(inputs)`` expands the inputs (directories recursively, glob patterns, ``-`` for
standard input), picks a reader for each file by its extension and, when that says
nothing, by sniffing its first bytes, and yields :class:`~warta.model.Article` records —
or :class:`~warta.errors.InputError` values for inputs (or single records inside a
JSON Lines file, feed or archive) that cannot be read, so that one bad article never
stops a batch.  Every reader streams: a 5 GB JSON Lines or WARC file is never loaded whole.
"""

from __future__ import annotations

import glob
import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError, UsageError
from ..model import Article
from . import feeds, html, jsonl, text, warc
from .sniff import detect

READERS = {
    "text": text.read,
    "html": html.read,
    "jsonl": jsonl.read,
    "json": jsonl.read,
    "feed": feeds.read,
    "warc": warc.read,
}

Item = Article | InputError


# Files a folder of articles often holds beside them that are not articles (a README, a
# manifest, a script): skipped when walking a directory, read when named explicitly.
NOT_ARTICLES = (".cfg", ".ini", ".lock", ".md", ".py", ".rst", ".toml", ".yaml", ".yml")


def expand(inputs: Iterable[str]) -> Iterator[str]:
    """Paths named by ``inputs``: files as given, directories walked recursively in sorted
    order (hidden files and ``NOT_ARTICLES`` left out), glob patterns expanded; ``-`` stays
    ``-`` (standard input)."""
    for spec in inputs:
        if spec == "-":
            yield spec
        elif os.path.isdir(spec):
            for root, dirs, names in os.walk(spec):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if not name.startswith(".") and not name.lower().endswith(NOT_ARTICLES):
                        yield os.path.join(root, name)
        elif os.path.exists(spec):
            yield spec
        elif glob.has_magic(spec):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                raise UsageError(f"{spec}: no file matches this pattern")
            yield from expand(matches)
        else:
            raise UsageError(f"{spec}: no such file or directory")


def read(inputs: Iterable[str], fields: dict[str, str] | None = None,
         stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Articles (or InputErrors) from every input, in order."""
    for path in expand(inputs):
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_stream(stream, "<stdin>", fields=fields)
            continue
        try:
            fh = open(path, "rb")
        except OSError as exc:
            yield InputError(path, exc.strerror or str(exc))
            continue
        with fh:
            yield from read_stream(fh, path, fields=fields)


def read_stream(fh: BinaryIO, source: str, fields: dict[str, str] | None = None) -> Iterator[Item]:
    """Articles from one open binary stream, its kind told by name and first bytes."""
    if hasattr(fh, "peek"):
        head = fh.peek(4096)[:4096]
    elif fh.seekable():
        head = fh.read(4096)
        fh.seek(0)
    else:
        fh = io.BufferedReader(fh)
        head = fh.peek(4096)[:4096]
    kind = detect(Path(source).name if source != "<stdin>" else "", head)
    if isinstance(kind, InputError):
        yield InputError(source, kind.reason) if kind.source != source else kind
        return
    try:
        yield from READERS[kind](fh, source, fields=fields)
    except InputError as exc:
        yield exc
    except (OSError, UnicodeError, ValueError, EOFError) as exc:  # a broken file, named
        yield InputError(source, f"cannot be read as {kind}: {exc}")


__all__ = ["READERS", "detect", "expand", "read", "read_stream"]
