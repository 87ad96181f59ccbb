"""``ingest``: articles into the knowledge base — idempotent, resumable, batch by batch.

Sources are stored in one canonical form (``canonical_source``: a file as its resolved
absolute path, a URL normalised), so ``corpus`` and ``/abs/path/corpus`` name the same
articles.  An article already in (same source, same content hash) is skipped before any
analysis; a changed one replaces its old version; one whose content — its raw text,
or its clean text once analysed — is already in under another source is not added again
(counted as a duplicate).  Each batch of analysed articles is written in one
transaction, so a crash or Ctrl-C leaves whole batches and nothing half-written; running
the same command again picks up where it stopped.  When the articles are in, the derived
tables (entities, stories, facts) are brought up to date for what they touch
(``kb.incremental``; the first time, a full ``kb.build.rebuild``).  ``--engine dask`` runs
the same steps with the analysis on a cluster (``warta.batch``).
"""

from __future__ import annotations

import ctypes
import dataclasses
import datetime as dt
import functools
import hashlib
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import Engine, delete, insert, select, text
from sqlalchemy.orm import Session

from ..errors import InputError, quote
from ..model import Article, Document
from ..pipeline import analyze_article
from ..sources import read
from ..sources.limits import check_article
from . import incremental, parallel, search
from .build import chunks
from .schema import ArticleRow, BandRow, ItemRow, MentionRow
from .store import fts_available, set_meta
from .stories import text_bucket
from .textsim import bands, signature

BATCH = 64
FIRST_BAND = text("minhash_bands.band = 0")  # the partial index's condition, as its DDL writes it
ITEM_KINDS = {"money": "money", "percents": "percent", "quantities": "quantity",
              "dates": "date", "roles": "role", "quotes": "quote", "events": "event"}


@dataclass
class IngestReport:
    added: int = 0
    replaced: int = 0
    skipped: int = 0
    duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.added + self.replaced + self.skipped + self.duplicates + len(self.failed)


def _canonical_url(url: str) -> str:
    parts = urlsplit(url.strip())
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    port = parts.port if parts.port not in (None, DEFAULT_PORTS.get(scheme)) else None
    netloc = host + (f":{port}" if port else "")
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


DEFAULT_PORTS = {"http": 80, "https": 443}
_RECORD = re.compile(r"^(.*?)([:#]\d+)$")  # "file.jsonl:12", "feed.xml#3"


def canonical_source(source: str) -> str:
    """One spelling per source: a URL normalised (scheme and host lower case, default port
    and fragment dropped), a file as its resolved absolute path (a record inside it keeps
    its ``:LINE`` or ``#N``); anything else as given.

    >>> canonical_source("HTTPS://Example.ID:443/a#top")
    'https://example.id/a'
    """
    if "://" in source:
        try:
            return _canonical_url(source)
        except ValueError:
            return source
    if source.startswith("<"):
        return source
    path, suffix = source, ""
    if not os.path.exists(path) and (m := _RECORD.match(source)) and os.path.exists(m.group(1)):
        path, suffix = m.group(1), m.group(2)
    if not os.path.exists(path):
        return source
    return str(Path(path).resolve()) + suffix


def content_hash(article: Article) -> str:
    """What identifies a version of an article: its raw text and reader metadata."""
    h = hashlib.sha256()
    for part in (article.raw, article.title or "", article.url or "", str(article.published or "")):
        h.update(part.encode("utf-8", "replace"))
        h.update(b"\x00")
    return h.hexdigest()


def safe_analyze(article: Article) -> Document | InputError:
    """The Document, or the reason it could not be made (worker-safe: never raises)."""
    try:
        return analyze_article(check_article(article))
    except InputError as exc:
        return exc
    except Exception as exc:  # one bad article never stops the batch
        return InputError(article.source, f"analysis failed ({type(exc).__name__}: {quote(exc)})")


def analyse_rows(item: tuple[Article, str], fts: bool = True) -> Prepared | InputError:
    """One new article (and its content hash) analysed and made into rows
    (:func:`prepare`), where the analysis runs: on a worker, the MinHash, the stems for
    search and the record's JSON are made there too, and the one writer only inserts."""
    article, digest = item
    doc = safe_analyze(article)
    if isinstance(doc, InputError):
        return doc
    try:
        return prepare(doc, digest, fts)
    except Exception as exc:  # one bad article never stops the batch
        return InputError(article.source, f"could not be stored ({type(exc).__name__}: {quote(exc)})")


def analyse_in_worker(item: tuple[Article, str], fts: bool = True) -> Prepared | tuple[str, str]:
    """:func:`analyse_rows` for a worker process: a failure as ``(source, reason)``, since
    an ``InputError`` does not survive pickling (its ``__init__`` takes two arguments,
    its ``args`` hold one) and would break the pool that sends it back."""
    rows = analyse_rows(item, fts)
    return (rows.source, rows.reason) if isinstance(rows, InputError) else rows


def _from_worker(rows: Prepared | tuple[str, str]) -> Prepared | InputError:
    return InputError(*rows) if isinstance(rows, tuple) else rows


def _item_row(kind: str, item: dict) -> dict:
    span = item.get("span") or [None, None]
    value, value_text, unit, txt = None, None, None, item.get("text")
    if kind == "money":
        value, unit = item.get("amount"), item.get("currency")
    elif kind in ("percent", "quantity"):
        value, unit = item.get("value"), item.get("unit")
    elif kind == "date":
        value_text, unit = item.get("value"), item.get("precision")
    elif kind == "role":
        txt, value_text = item.get("person"), item.get("title")
    elif kind == "quote":
        value_text = item.get("speaker")
    elif kind == "event":
        value_text, txt = item.get("type"), item.get("evidence")
    return {"kind": kind, "text": txt, "value": value, "value_text": value_text, "unit": unit,
            "start": span[0], "end": span[1], "data": item}


@dataclass
class Prepared:
    """One article's rows, made before the transaction (their ``article_id`` unset): the
    article, its entities, items and LSH bands, and the stems of its words for search."""

    article: dict
    mentions: list[dict]
    items: list[dict]
    bands: list[tuple[int, int]]
    stems: str | None

    @property
    def source(self) -> str:
        return self.article["source"]


def prepare(doc: Document, digest: str, fts: bool = True) -> Prepared:
    """The rows of ``doc`` (content hash ``digest``); ``fts``: with the stems for search."""
    d = doc.to_dict()
    minhash = signature(doc.text)
    article = {"source": doc.source, "content_hash": digest, "title": doc.title, "url": doc.url,
               "outlet": doc.outlet, "dateline": doc.dateline, "published": doc.published,
               "published_precision": doc.published_precision, "language": doc.language,
               "text": doc.text, "document": d, "minhash": minhash, "story_id": None,
               "ingested_at": dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)}
    day = doc.published if doc.published_precision in (None, "day") else None
    mentions = [{"local_id": e["id"], "name": e["name"], "type": e["type"], "aliases": e.get("aliases", []),
                 "mentions": e.get("mentions", []), "entity_id": None, "day": day} for e in d["entities"]]
    items = [{**_item_row(kind, item), "day": day} for key, kind in ITEM_KINDS.items() for item in d[key]]
    stems = search.stems((doc.title or "") + " " + doc.text) if fts else None
    return Prepared(article, mentions, items, bands(minhash), stems)


def write_batch(engine: Engine, batch: list[tuple[Document, str]], replaced: set[str]) -> list[str]:
    """Store ``batch`` (Documents and their content hashes) in one transaction
    (:func:`write_rows` of their :func:`prepare` rows); returns the sources left out as
    copies of a stored or earlier clean text."""
    fts = fts_available(engine)
    return write_rows(engine, [prepare(doc, digest, fts) for doc, digest in batch], replaced, fts)


def write_rows(engine: Engine, rows: list[Prepared], replaced: set[str], fts: bool | None = None) -> list[str]:
    """Store the prepared ``rows`` in one transaction; a source in ``replaced`` first has
    its old version deleted (and what it held noted for the update).  A new source whose
    clean text is already stored, or earlier in the batch, is not stored again; returns
    those sources (the duplicates).  One bulk statement per table, so the transaction
    holds the database only for the writes.  ``fts``: whether the store searches text
    (asked of it when not given)."""
    fts = fts_available(engine) if fts is None else fts
    with Session(engine) as s, s.begin():
        for row in rows:
            if row.source in replaced:
                old = s.scalar(select(ArticleRow.id).where(ArticleRow.source == row.source))
                if old is not None:
                    _delete_article(s, old, fts)
        copies = _stored_texts(s.connection(), rows)
        keep, dupes = [], []
        for row in rows:
            text_hash = _text_hash(row.article["text"])
            if row.source not in replaced and text_hash in copies:
                dupes.append(row.source)
                continue
            copies.add(text_hash)
            keep.append(row)
        if keep:
            _insert(s.connection(), keep, fts)
        set_meta(s, "derived_stale", "1")
    return dupes


def _text_hash(text_: str) -> str:
    return hashlib.sha256(text_.encode("utf-8", "replace")).hexdigest()


def _stored_texts(conn, rows: list[Prepared]) -> set[str]:
    """The hashes of the stored clean texts equal to one of ``rows``' texts: the stored
    articles sharing the first LSH band of their MinHash (an index look-up; equal texts
    have equal signatures) compared by text.  The band is written in the statement, not
    bound, so that the planner may use the partial index of first bands."""
    wanted = {_text_hash(r.article["text"]) for r in rows}
    keys = sorted({r.bands[0][1] for r in rows if r.bands})
    found = set()
    for chunk in chunks(keys):
        for (txt,) in conn.execute(select(ArticleRow.text).join(BandRow, BandRow.article_id == ArticleRow.id)
                                   .where(FIRST_BAND, BandRow.key.in_(chunk))):
            if (h := _text_hash(txt)) in wanted:
                found.add(h)
    return found


def _insert(conn, rows: list[Prepared], fts: bool) -> None:
    """The prepared rows inserted: the articles (their ids returned in order), then every
    child table in one executemany each."""
    table = ArticleRow.__table__
    ids = list(conn.execute(insert(table).returning(table.c.id, sort_by_parameter_order=True),
                            [r.article for r in rows]).scalars())
    mentions = [{**m, "article_id": aid} for aid, r in zip(ids, rows) for m in r.mentions]
    items = [{**i, "article_id": aid} for aid, r in zip(ids, rows) for i in r.items]
    found = [{"article_id": aid, "band": b, "key": k,
              "bucket": text_bucket(r.article["published"], r.article["published_precision"])}
             for aid, r in zip(ids, rows) for b, k in r.bands]
    for child, values in ((MentionRow, mentions), (ItemRow, items), (BandRow, found)):
        if values:
            conn.execute(insert(child.__table__), values)
    if fts:
        conn.execute(text(search.FTS_INSERT), [{"id": aid, "t": r.article["title"] or "",
                                                "b": r.article["text"], "s": r.stems}
                                               for aid, r in zip(ids, rows)])


def store(engine: Engine, rows: list[Prepared], replaced: set[str], report: IngestReport) -> None:
    """:func:`write_rows`, then ``rows`` counted in ``report`` as added, replaced or a
    duplicate (its clean text already in under another source)."""
    dupes = set(write_rows(engine, rows, replaced))
    report.duplicates += len(dupes)
    for row in rows:
        if row.source in dupes:
            continue
        if row.source in replaced:
            report.replaced += 1
        else:
            report.added += 1


def _delete_article(s: Session, old: int, fts: bool) -> None:
    """Delete one stored article and its rows, noting what it held for the update."""
    incremental.note_removal(s, old)
    s.execute(delete(ItemRow).where(ItemRow.article_id == old))
    s.execute(delete(MentionRow).where(MentionRow.article_id == old))
    s.execute(delete(ArticleRow).where(ArticleRow.id == old))
    if fts:
        s.execute(text("DELETE FROM articles_fts WHERE rowid = :id"), {"id": old})


def remove(engine: Engine, sources: Iterable[str]) -> int:
    """Delete the articles of ``sources`` (in any spelling of their source) and undo what
    they contributed to entities, stories and facts; returns how many were deleted."""
    done = 0
    with Session(engine) as s, s.begin():
        fts = fts_available(engine)
        for source in sources:
            old = s.scalar(select(ArticleRow.id).where(ArticleRow.source == canonical_source(source)))
            if old is not None:
                _delete_article(s, old, fts)
                done += 1
        set_meta(s, "derived_stale", "1")
    incremental.refresh(engine)
    return done


def known_sources(engine: Engine) -> dict[str, str]:
    """Every stored source and its content hash."""
    with Session(engine) as s:
        return dict(s.execute(select(ArticleRow.source, ArticleRow.content_hash)).all())


def stored(engine: Engine, sources: list[str], digests: list[str]) -> tuple[dict[str, str], set[str]]:
    """Of the stored articles, the content hashes of ``sources`` and which of ``digests``
    some source holds: two index look-ups, whatever the size of the KB."""
    found, contents = {}, set()
    with Session(engine) as s:
        for chunk in chunks(sorted(set(sources))):
            found.update(s.execute(select(ArticleRow.source, ArticleRow.content_hash)
                                   .where(ArticleRow.source.in_(chunk))).all())
        for chunk in chunks(sorted(set(digests))):
            contents |= set(s.scalars(select(ArticleRow.content_hash).where(ArticleRow.content_hash.in_(chunk))))
    return found, contents


LOOK_UP = 256  # articles read before their sources and hashes are looked up in the KB


def _fresh(articles: Iterable, engine: Engine, report: IngestReport,
           replaced: set[str]) -> Iterator[tuple[Article, str]]:
    """Articles that are new or changed (their source made canonical); the rest counted
    as skipped, duplicates or failed.  What is stored is looked up ``LOOK_UP`` articles at
    a time (``stored``), not read whole: the memory and time of an ingest do not grow
    with the KB."""
    known: dict[str, str] = {}  # what this ingest has stored or found stored
    contents: set[str] = set()
    articles = iter(articles)
    while part := list(islice(articles, LOOK_UP)):
        items = []
        for item in part:
            if isinstance(item, InputError):
                report.failed.append((item.source, item.reason))
                continue
            item = dataclasses.replace(item, source=canonical_source(item.source))
            items.append((item, content_hash(item)))
        look_up(engine, [(i.source, d) for i, d in items], known, contents)
        for item, digest in items:
            if is_fresh(item.source, digest, known, contents, report, replaced):
                yield item, digest


def look_up(engine: Engine, articles: list[tuple[str, str]], known: dict[str, str], contents: set[str]) -> None:
    """Fill ``known`` (source -> stored content hash) and ``contents`` (the hashes some
    source holds) with what the KB holds of ``articles`` ((source, hash) pairs) and ``known``
    does not hold yet: two index look-ups (``stored``)."""
    found, held = stored(engine, [a for a, _ in articles if a not in known], [d for _, d in articles if d not in contents])
    for source, digest in found.items():
        known.setdefault(source, digest)
    contents |= held | set(found.values())


def is_fresh(source: str, digest: str, known: dict[str, str], contents: set[str], report: IngestReport,
             replaced: set[str]) -> bool:
    """Whether an article (canonical ``source``, content ``digest``) is to be stored, by
    what ``known`` and ``contents`` hold: the same source unchanged is skipped, the same
    content under another source a duplicate (both counted in ``report``), a changed source
    replaces its old version (``replaced``); a fresh one is noted in ``known``/``contents``."""
    old = known.get(source)
    if old == digest:
        report.skipped += 1
        return False
    if old is None and digest in contents:
        report.duplicates += 1
        return False
    if old is not None:
        replaced.add(source)
    known[source] = digest
    contents.add(digest)
    return True


PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Pool initializer: the worker ends when the ingest process does, even by SIGKILL
    (Linux: the kernel's parent-death signal; elsewhere a thread watching the parent)."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="warta-parent-watch").start()


WARM_UP = Article(source="<warm-up>", raw=(
    "JAKARTA, KABAR.com - Menteri Keuangan Sri Mulyani Indrawati mengatakan PT Bank Rakyat "
    "Indonesia Tbk mencatat laba Rp 5,2 triliun pada 14 Oktober 2025, naik 12 persen.\n\n"
    '"Kami optimistis," kata Sri Mulyani di Jakarta, Selasa.'))


def start_worker(parent: int, fts: bool = True) -> None:
    """Pool initializer: the worker dies with the ingest (:func:`die_with_parent`), then
    analyses one short article, untimed by anyone: the NER model, the rules and the data
    every analysis needs are loaded while the ingest process reads its first articles and
    looks them up, not when the first batch arrives.  (The analysis is a pure function of
    the article: this one changes nothing the worker makes afterwards.)"""
    die_with_parent(parent)
    analyse_rows((WARM_UP, ""), fts)


def start_pool(workers: int, fts: bool) -> ProcessPoolExecutor:
    """A pool of ``workers`` analysing processes, started now (:func:`start_worker`)."""
    pool = ProcessPoolExecutor(max_workers=workers, initializer=start_worker, initargs=(os.getpid(), fts))
    for _ in range(workers):  # on Linux (fork) the first task starts every worker; elsewhere one each
        pool.submit(int)
    return pool


def _store_analysed(engine: Engine, chunk: list[tuple[Article, str]], results: Iterable, replaced: set[str],
                    report: IngestReport) -> None:
    """One batch's rows stored (:func:`store`), its failures counted."""
    done = []
    for (article, _digest), rows in zip(chunk, results):
        if isinstance(rows, InputError):
            report.failed.append((rows.source, rows.reason))
            replaced.discard(article.source)
        else:
            done.append(rows)
    store(engine, done, replaced, report)


def ingest(paths: list[str], engine: Engine, *, workers: int = 1, fields: dict[str, str] | None = None,
           batch: int = BATCH, progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Read, analyse and store every article under ``paths``; then update the KB's
    entities, stories and facts.  Returns what was added, replaced, skipped and failed."""
    report = IngestReport()
    replaced: set[str] = set()
    fts = fts_available(engine)
    pool = start_pool(workers, fts) if workers > 1 else None  # loading their models while the input is read
    fresh = _fresh(read(paths, fields=fields), engine, report, replaced)
    work, local = functools.partial(analyse_in_worker, fts=fts), functools.partial(analyse_rows, fts=fts)
    try:
        ahead = None  # with workers: the next batch is analysed while this one is written
        while True:
            chunk = list(islice(fresh, batch))
            current = (chunk, map(_from_worker, pool.map(work, chunk, chunksize=4)) if pool
                       else map(local, chunk)) if chunk else None
            if ahead:
                _store_analysed(engine, *ahead, replaced, report)
                if progress:
                    progress(report)
            if current is None:
                break
            ahead = current
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)
    with parallel.processes(workers):  # the update's statements on the workers' cores
        incremental.refresh(engine)
    return report
