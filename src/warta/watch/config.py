"""The sources file of ``warta watch`` (YAML), checked whole before anything is fetched.

::

    settings:                 # all optional (defaults: fetch.Settings, Config)
      user_agent: "warta/0.1 (+mailto:analis@example.org)"
      interval: 900           # seconds between two polls of a source
      timeout: 20             # seconds per request
      retries: 2              # tries again after a timeout, a network error, 429 or 5xx
      backoff: 1.0            # seconds before the first retry, doubled at each
      rate: 1.0               # seconds between two requests to one host
      per_host: 2             # requests at once to one host
      concurrency: 8          # requests at once in all
      max_bytes: 5000000      # a response over this is abandoned
      batch: 16               # articles analysed and written per transaction
      max_attempts: 3         # rounds an article URL is tried before it is given up
    sources:
      - url: https://example.id/rss/ekonomi.xml
        kind: feed            # feed (default), sitemap or section
        outlet: Contoh News   # optional: the outlet name given to its articles
        interval: 600         # optional: this source's own interval
        language: id          # optional: the language its articles are written in
        match: "/berita/\\d+" # section pages: which links are articles (a regex)

Any mistake is a ``UsageError`` naming the file, the entry and the reason.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from ..errors import UsageError, quote
from .fetch import Settings

KINDS = ("feed", "section", "sitemap")
SOURCE_KEYS = {"url", "kind", "outlet", "interval", "language", "match", "name"}
WATCH_KEYS = {"interval", "batch", "max_attempts"}


@dataclass(frozen=True)
class Source:
    """One watched source."""

    url: str
    kind: str = "feed"
    name: str = ""
    outlet: str | None = None
    interval: float = 900.0
    language: str | None = None
    match: str | None = None


@dataclass(frozen=True)
class Config:
    """A sources file: its sources, how to fetch, how the rounds run."""

    sources: tuple[Source, ...]
    fetch: Settings = field(default_factory=Settings)
    interval: float = 900.0
    batch: int = 16
    max_attempts: int = 3


def check_url(url: object, where: str) -> str:
    """``url`` when it is an absolute http(s) URL with a host, else a UsageError naming ``where``.

    >>> check_url("https://example.id/rss", "sources.yaml")
    'https://example.id/rss'
    """
    if not isinstance(url, str) or not url.strip():
        raise UsageError(f"{where}: url is missing")
    url = url.strip()
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- a bad port raises here
    except ValueError as exc:
        raise UsageError(f"{where}: not a URL: {quote(url)} ({exc})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"{where}: not an http(s) URL with a host: {quote(url)}")
    return url


def _number(value: object, where: str, key: str, kind: type = float, least: float = 0) -> float | int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < least:
        raise UsageError(f"{where}: {key} must be a number ≥ {least:g} (got {quote(value)})")
    if kind is int and value != int(value):
        raise UsageError(f"{where}: {key} must be a whole number (got {quote(value)})")
    return kind(value)


def _settings(raw: object, where: str) -> tuple[Settings, dict]:
    if raw is None:
        return Settings(), {}
    if not isinstance(raw, dict):
        raise UsageError(f"{where}: settings must be a mapping")
    names = {f.name: f for f in dataclasses.fields(Settings)}
    unknown = set(raw) - set(names) - WATCH_KEYS
    if unknown:
        raise UsageError(f"{where}: unknown setting {quote(sorted(map(str, unknown))[0])} "
                         f"(known: {', '.join(sorted({*names, *WATCH_KEYS}))})")
    fetch, watch = {}, {}
    for key, value in raw.items():
        if key == "user_agent":
            if not isinstance(value, str) or not value.strip():
                raise UsageError(f"{where}: user_agent must be a non-empty string")
            fetch[key] = value.strip()
        elif key in names:
            whole = key in ("retries", "per_host", "concurrency", "max_bytes")
            least = 1 if key in ("per_host", "concurrency") else 0
            fetch[key] = _number(value, f"{where}: settings", key, int if whole else float, least)
        else:
            watch[key] = _number(value, f"{where}: settings", key, float if key == "interval" else int,
                                 0 if key == "interval" else 1)
    return Settings(**fetch), watch


def _source(raw: object, where: str, interval: float) -> Source:
    if isinstance(raw, str):
        raw = {"url": raw}
    if not isinstance(raw, dict):
        raise UsageError(f"{where}: a source is a mapping with a url (or a URL alone)")
    unknown = set(raw) - SOURCE_KEYS
    if unknown:
        raise UsageError(f"{where}: unknown key {quote(sorted(map(str, unknown))[0])} "
                         f"(known: {', '.join(sorted(SOURCE_KEYS))})")
    url = check_url(raw.get("url"), where)
    kind = raw.get("kind", "feed")
    if kind not in KINDS:
        raise UsageError(f"{where}: kind must be one of {', '.join(KINDS)} (got {quote(kind)})")
    match = raw.get("match")
    if match is not None:
        try:
            re.compile(str(match))
        except re.error as exc:
            raise UsageError(f"{where}: match is not a regular expression ({exc})") from None
    for key in ("outlet", "language", "name"):
        if raw.get(key) is not None and not isinstance(raw[key], str):
            raise UsageError(f"{where}: {key} must be a string")
    own = raw.get("interval")
    return Source(url=url, kind=kind, name=raw.get("name") or raw.get("outlet") or urlsplit(url).hostname,
                  outlet=raw.get("outlet"), language=raw.get("language"),
                  match=str(match) if match is not None else None,
                  interval=interval if own is None else _number(own, where, "interval"))


def read_yaml(text: str, name: str):
    """``text`` parsed as YAML, or a UsageError naming ``name`` and where it is not YAML.

    >>> read_yaml("a: [1", "s.yaml")
    Traceback (most recent call last):
    ...
    warta.errors.UsageError: s.yaml: not valid YAML (line 1, column 6): expected ',' or ']', but got '<stream end>'
    """
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(exc, "problem", None) or type(exc).__name__
        raise UsageError(f"{name}: not valid YAML{at}: {problem}") from None


def parse(text: str, name: str = "SOURCES.yaml") -> Config:
    """The Config of a sources file's text; ``name`` is how errors name the file.

    >>> parse("sources: [https://example.id/rss]").sources[0].name
    'example.id'
    """
    data = read_yaml(text, name)
    if isinstance(data, list):
        data = {"sources": data}
    if not isinstance(data, dict) or not data.get("sources"):
        raise UsageError(f"{name}: no sources (expected a 'sources:' list of feeds, sitemaps or pages)")
    unknown = set(data) - {"settings", "sources"}
    if unknown:
        raise UsageError(f"{name}: unknown key {quote(sorted(map(str, unknown))[0])} (known: settings, sources)")
    fetch, watch = _settings(data.get("settings"), name)
    interval = watch.get("interval", Config.interval)
    if not isinstance(data["sources"], list):
        raise UsageError(f"{name}: sources must be a list")
    sources, seen = [], set()
    for n, raw in enumerate(data["sources"], 1):
        src = _source(raw, f"{name}: source {n}", interval)
        if src.url in seen:
            raise UsageError(f"{name}: source {n}: {quote(src.url)} is listed twice")
        seen.add(src.url)
        sources.append(src)
    return Config(tuple(sources), fetch, interval, watch.get("batch", Config.batch),
                  watch.get("max_attempts", Config.max_attempts))


def load(path: str) -> Config:
    """The Config of the sources file at ``path``."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"{path}: no such sources file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the sources file ({type(exc).__name__})") from None
    return parse(text, path)


__all__ = ["Config", "KINDS", "Source", "check_url", "load", "parse", "read_yaml"]
