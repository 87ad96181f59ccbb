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

from ..errors import EmptyInput, InputError, MalformedInput, TooLarge
from ..model import Article
from .html import parse_date
from .limits import Limits, over

DEFAULT_FIELDS = {
    "text": ("text", "content", "body", "article"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published": ("published", "date", "published_at", "datePublished"),
    "outlet": ("outlet", "source_name", "site", "sitename", "media"),
}
_decoder = json.JSONDecoder()
CHUNK = 1 << 16  # characters read ahead, at least, while an element is incomplete


def _lines(fh: BinaryIO, source: str, limit: int) -> Iterator[tuple[int, str | TooLarge]]:
    """(line number, text) pairs, a line over ``limit`` bytes reported and skipped unread."""
    number = 0
    while raw := (fh.readline(limit + 1) if limit else fh.readline()):
        number += 1
        if limit and len(raw) > limit and not raw.endswith(b"\n"):
            while (more := fh.readline(1 << 20)) and not more.endswith(b"\n"):
                pass
            yield number, TooLarge(f"{source}:{number}", over("line", len(raw), limit, "WARTA_MAX_RECORD_BYTES"))
            continue
        yield number, raw.decode("utf-8-sig" if number == 1 else "utf-8", errors="replace")


def _loads(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise MalformedInput(where, "JSON nested too deeply") from None


def _objects(fh: BinaryIO, source: str) -> Iterator[tuple[int, Any] | InputError]:
    """(line number, object) pairs from the stream; a broken line is reported and skipped."""
    limit = Limits.current().record
    lines = _lines(fh, source, limit)
    for number, line in lines:
        if isinstance(line, InputError):
            yield line
            continue
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("["):
            yield from _document(stripped + "\n", lines, number, source, limit)
            return
        try:
            yield number, _loads(stripped, f"{source}:{number}")
        except MalformedInput as exc:
            yield exc
        except json.JSONDecodeError as exc:
            if number == 1 and stripped.startswith("{"):
                yield from _document(stripped + "\n", lines, number, source, limit)  # pretty-printed
                return
            yield MalformedInput(f"{source}:{number}", f"broken JSON ({exc.msg})")


def _more(lines: Iterator[tuple[int, str | TooLarge]], at_least: int) -> str:
    """At least ``at_least`` characters of the next lines ('' at the end)."""
    parts, size = [], 0
    for _number, line in lines:
        if isinstance(line, InputError):
            raise line
        parts.append(line)
        size += len(line)
        if size >= at_least:
            break
    return "".join(parts)


def _document(buf: str, lines: Iterator[tuple[int, str | TooLarge]], line: int, source: str,
              limit: int) -> Iterator[tuple[int, Any] | InputError]:
    """Objects of a JSON array or of pretty-printed objects, decoded one element at a time.

    While an element is incomplete, the text read ahead doubles, so an element spread over
    many lines costs linear time; one over the record limit stops the file."""
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
            except RecursionError:
                raise MalformedInput(f"{source}:{line}", "JSON nested too deeply") from None
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
        if limit and len(buf) > limit:
            raise TooLarge(f"{source}:{line}", over("JSON element", len(buf), limit, "WARTA_MAX_RECORD_BYTES",
                                                   "characters"))
        more = _more(lines, max(CHUNK, len(buf)))
        eof = not more
        buf += more


def _pick(obj: dict, names: tuple[str, ...]) -> Any:
    for name in names:
        value = obj.get(name)
        if value not in (None, ""):
            return value
    return None


def _scalar(value: Any) -> str | None:
    """A metadata value as text: strings and numbers kept, lists and objects dropped."""
    if isinstance(value, str):
        return value
    return str(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


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
    return Article(source=source, raw=text, title=_scalar(_pick(obj, wanted["title"])),
                   url=_scalar(_pick(obj, wanted["url"])), outlet=_scalar(_pick(obj, wanted["outlet"])),
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
