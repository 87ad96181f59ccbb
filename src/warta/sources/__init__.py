"""Readers: files, directories, globs and standard input → a stream of Articles.

``read(inputs)`` expands the inputs (directories recursively, glob patterns — whose
``**`` walks each directory once, however many links lead to it — and ``-`` for
standard input), picks a reader for each file by its extension and, when that says
nothing, by sniffing its first bytes, and yields :class:`~warta.model.Article` records —
or :class:`~warta.errors.InputError` values for inputs (or single records inside a
JSON Lines file, feed or archive) that cannot be read, so that one bad article never
stops a batch.  Every reader streams: a 5 GB JSON Lines or WARC file is never loaded whole,
and every size is bounded (``sources.limits``).  Every Article leaves here as valid text:
NUL characters removed, and one holding invalid Unicode (a lone surrogate, which only a
JSON escape can make) refused by name.
"""

from __future__ import annotations

import dataclasses
import glob
import io
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError, MalformedInput, UsageError, quote
from ..model import Article
from . import feeds, html, jsonl, text, warc
from .limits import Limits
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
NOT_ARTICLES = (".cfg", ".csv", ".ini", ".lock", ".log", ".md", ".py", ".rst", ".sh", ".toml",
                ".tsv", ".yaml", ".yml")
# Readers handed the whole file (bounded by the record limit) rather than a stream
WHOLE = ("text", "html", "feed")


def _pattern_regex(pattern: str) -> re.Pattern:
    """A regex for a glob ``pattern`` whose ``**`` spans directories (as glob's recursive)."""
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append(r"(?:[^/]+/)*")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(r".*")
            i += 2
            continue
        if c == "*":
            out.append(r"[^/]*")
        elif c == "?":
            out.append(r"[^/]")
        elif c == "[" and "]" in pattern[i + 2:]:
            end = pattern.index("]", i + 2)
            body = pattern[i + 1:end]
            out.append("[" + ("^" + re.escape(body[1:]) if body[:1] == "!" else re.escape(body)) + "]")
            i = end
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("".join(out) + r"\Z")


def _walk_once(base: str) -> Iterator[str]:
    """Files under ``base`` (sorted, hidden ones left out), following directory links but
    entering each directory once: a link loop (``up -> ..``) is walked a single time."""
    seen: set[tuple[int, int]] = set()
    for root, dirs, names in os.walk(base, followlinks=True):
        st = os.stat(root)
        if (st.st_dev, st.st_ino) in seen:
            dirs[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                yield os.path.join(root, name)


def glob_once(pattern: str) -> list[str]:
    """Files matching ``pattern``; ``**`` walks each directory once (see ``_walk_once``)."""
    if "**" not in pattern:
        return sorted(glob.glob(pattern))
    parts = pattern.replace(os.sep, "/").split("/")
    fixed = next(i for i, part in enumerate(parts) if glob.has_magic(part))
    base = "/".join(parts[:fixed]) or ("/" if pattern.startswith("/") else "")
    regex = _pattern_regex(pattern.replace(os.sep, "/"))
    found = []
    for path in _walk_once(base or "."):
        shown = path if base else os.path.relpath(path)
        if regex.match(shown.replace(os.sep, "/")):
            found.append(shown)
    return sorted(found)


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
            matches = glob_once(spec)
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
        if kind in WHOLE:
            fh = io.BytesIO(text.read_whole(fh, source, Limits.current().record))
        for item in READERS[kind](fh, source, fields=fields):
            yield tidy(item) if isinstance(item, Article) else item
    except InputError as exc:
        yield exc
    except RecursionError:
        yield MalformedInput(source, f"cannot be read as {kind}: nested too deeply")
    except (OSError, UnicodeError, ValueError, EOFError) as exc:  # a broken file, named
        yield InputError(source, f"cannot be read as {kind}: {quote(exc)}")


TEXT_FIELDS = ("raw", "title", "url", "outlet")


def _valid_unicode(value: str) -> bool:
    if value.isascii():
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def tidy(article: Article) -> Article | InputError:
    """``article`` with NUL characters removed from its text fields, or an InputError
    naming it when one of them holds invalid Unicode (a lone surrogate)."""
    changes = {}
    for name in TEXT_FIELDS:
        value = getattr(article, name)
        if not isinstance(value, str):
            continue
        if not _valid_unicode(value):
            where = "text" if name == "raw" else name
            return MalformedInput(article.source, f"invalid Unicode in its {where} (a lone surrogate "
                                                  "such as \\ud800); the article is skipped")
        if "\x00" in value:
            changes[name] = value.replace("\x00", "")
    return dataclasses.replace(article, **changes) if changes else article


__all__ = ["READERS", "detect", "expand", "glob_once", "read", "read_stream", "tidy"]
