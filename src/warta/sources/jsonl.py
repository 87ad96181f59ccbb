"""JSON Lines, JSON arrays and concatenated JSON objects, decoded incrementally.

Each object is one article: its text from ``text``/``content``/``body`` (the first that
is present), with ``title``, ``url``, ``date``/``published``; ``fields`` renames them
(``{"text": "isi"}``, from ``--field text=isi``).  A broken object is reported with its
line number and skipped; the rest of the file is read.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..errors import EmptyInput, InputError, MalformedInput
from ..model import Article
from .html import parse_date

DEFAULT_FIELDS = {
    "text": ("text", "content", "body", "article"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published": ("published", "date", "published_at", "datePublished"),
    "outlet": ("outlet", "source_name", "site", "sitename", "media"),
}
_decoder = json.JSONDecoder()


def _objects(fh: BinaryIO, source: str) -> Iterator[tuple[int, Any] | InputError]:
    """(line number, object) pairs from the stream; a broken line is reported and skipped."""
    lines = codecs.iterdecode(fh, "utf-8-sig", errors="replace")
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("["):
            yield from _document(stripped + "\n", lines, number, source)
            return
        try:
            yield number, json.loads(stripped)
        except json.JSONDecodeError as exc:
            if number == 1 and stripped.startswith("{"):
                yield from _document(stripped + "\n", lines, number, source)  # pretty-printed
                return
            yield MalformedInput(f"{source}:{number}", f"broken JSON ({exc.msg})")


def _document(buf: str, lines: Iterator[str], line: int, source: str) -> Iterator[tuple[int, Any] | InputError]:
    """Objects of a JSON array or of pretty-printed objects, decoded one element at a time."""
    eof = False
    while True:
        i = 0
        while True:
            while i < len(buf) and buf[i] in " \t\r\n,[]":
                line += buf[i] == "\n"
                i += 1
            if i >= len(buf):
                break
            try:
                obj, end = _decoder.raw_decode(buf, i)
            except json.JSONDecodeError as exc:
                if eof:
                    raise MalformedInput(f"{source}:{line}", f"broken or truncated JSON ({exc.msg})")
                break  # the element goes on past what has been read
            yield line, obj
            line += buf.count("\n", i, end)
            i = end
        buf = buf[i:]
        if eof:
            return
        more = "".join(next(lines, "") for _ in range(512))
        eof = not more
        buf += more


def _pick(obj: dict, names: tuple[str, ...]) -> Any:
    for name in names:
        value = obj.get(name)
        if value not in (None, ""):
            return value
    return None


def article_from_object(obj: Any, source: str, fields: dict[str, str] | None = None) -> Article:
    """An Article from one decoded JSON object."""
    if not isinstance(obj, dict):
        raise MalformedInput(source, f"expected a JSON object, found {type(obj).__name__}")
    wanted = {k: ((fields[k],) if fields and k in fields else v) for k, v in DEFAULT_FIELDS.items()}
    text = _pick(obj, wanted["text"])
    if not isinstance(text, str) or not text.strip():
        raise EmptyInput(source, f"no text in fields {', '.join(wanted['text'])}")
    published = _pick(obj, wanted["published"])
    date = parse_date(str(published)) if published else None
    return Article(source=source, raw=text, title=_pick(obj, wanted["title"]),
                   url=_pick(obj, wanted["url"]), outlet=_pick(obj, wanted["outlet"]),
                   published=date, published_from="metadata" if date else None,
                   meta={"reader": "jsonl"})


def read(fh: BinaryIO, source: str, fields: dict[str, str] | None = None) -> Iterator[Article | InputError]:
    """Articles, one per object; each named ``source:line`` when the file holds several."""
    for item in _objects(fh, source):
        if isinstance(item, InputError):
            yield item
            continue
        line, obj = item
        where = f"{source}:{line}"
        try:
            article = article_from_object(obj, where, fields)
        except InputError as exc:
            yield exc
            continue
        yield article
