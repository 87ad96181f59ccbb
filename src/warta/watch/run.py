"""One round of ``warta watch``, and the loop of rounds.

A round: the sources that are due are polled (conditional GET; the new article URLs they
list written as pending, with the new validators, in one transaction per source); the
pending URLs are fetched and read by the HTML reader, analysed and written batch by batch
(``kb.ingest.write_batch``, one transaction a batch); the derived tables are brought up to
date (``kb.incremental.refresh``, what ``warta ingest`` does); the alert rules run on what
the round stored.  A stop request (Ctrl-C) is honoured between batches: the batch in hand
is finished, written and refreshed first.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import email.utils
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import Engine

from ..errors import InputError, WartaError, quote
from ..kb import incremental
from ..kb.ingest import canonical_source, content_hash, safe_analyze, write_batch
from ..model import Article
from ..sources.html import article_from_html
from ..sources.text import decode
from . import listing, state
from .config import Config, Source
from .fetch import Fetched, Fetcher

MAX_CHILD_SITEMAPS = 5  # a sitemap index: its first sitemaps are read (news indexes list the latest first)
MAX_SLEEP = 300.0  # seconds the loop sleeps at most before looking at the clock again

Clock = Callable[[], dt.datetime]


@dataclass
class RoundReport:
    """What one round did."""

    polled: int = 0
    not_modified: int = 0
    new_urls: int = 0
    fetched: int = 0
    added: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    source_errors: list[tuple[str, str]] = field(default_factory=list)
    alerts: list[dict] = field(default_factory=list)
    requests: int = 0
    stopped: bool = False
    per_source: dict[int, int] = field(default_factory=dict)  # source id → articles stored

    def summary(self) -> str:
        return (f"{self.polled} polled ({self.not_modified} not modified, {len(self.source_errors)} failed), "
                f"{self.new_urls} new links, {self.added} articles added, {len(self.failed)} articles failed, "
                f"{len(self.alerts)} alerts")


def _published(value: str | None) -> dt.date | None:
    """A listing's date: ISO 8601 (Atom, sitemaps) or RFC 822 (RSS)."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def _listed(items: list[listing.Item]) -> list[tuple[str, dict]]:
    out = {}
    for item in items:
        if not item.url.lower().startswith(("http://", "https://")):
            continue
        out.setdefault(canonical_source(item.url), {"url": item.url, "title": item.title,
                                                    "published": item.published})
    return list(out.items())


async def _poll(fetcher: Fetcher, engine: Engine, src: Source, sid: int, report: RoundReport, now: Clock) -> None:
    """One source polled; whatever goes wrong is its error, never the round's."""
    try:
        await _poll_one(fetcher, engine, src, sid, report, now)
    except Exception as exc:  # a bug or a surprise in one source never stops the round
        reason = f"internal error ({type(exc).__name__}: {quote(exc)})"
        report.source_errors.append((src.url, reason))
        state.record_poll(engine, sid, now=now(), interval=src.interval, status=None, error=reason)


async def _poll_one(fetcher: Fetcher, engine: Engine, src: Source, sid: int, report: RoundReport, now: Clock) -> None:
    got = await fetcher.get(src.url, state.validators(engine, src.url))
    report.polled += 1
    if got.status == 304:
        report.not_modified += 1
        state.record_poll(engine, sid, now=now(), interval=src.interval, status=304, error=None,
                          keep_validators=True)
        return
    if not got.ok:
        reason = got.error or f"HTTP {got.status}"
        report.source_errors.append((src.url, reason))
        state.record_poll(engine, sid, now=now(), interval=src.interval, status=got.status, error=reason)
        return
    try:
        found = listing.read(src.kind, got.body, got.final_url, src.match)
        items = list(found.items)
        for child in found.children[:MAX_CHILD_SITEMAPS]:
            sub = await fetcher.get(child)
            if sub.ok:
                items += listing.sitemap(sub.body, sub.final_url).items
    except InputError as exc:
        reason = f"parse error: {exc.reason}"
        report.source_errors.append((src.url, reason))
        state.record_poll(engine, sid, now=now(), interval=src.interval, status=got.status, error=reason)
        return
    report.new_urls += state.record_poll(
        engine, sid, now=now(), interval=src.interval, status=got.status, error=None, items=_listed(items),
        etag=got.headers.get("etag"), last_modified=got.headers.get("last-modified"))
    if found.warning:
        state.note_warning(engine, sid, found.warning, now())


async def _poll_all(fetcher: Fetcher, engine: Engine, sources: list[Source], ids: dict[str, int],
                    report: RoundReport, now: Clock) -> None:
    await asyncio.gather(*(_poll(fetcher, engine, s, ids[s.url], report, now) for s in sources))


def article_of(got: Fetched, source: str, listed: dict, src: Source | None) -> Article:
    """The Article of a fetched page (the HTML reader), with what the listing and the
    sources file add: a title or date the page lacks, the outlet the user named."""
    article = article_from_html(decode(got.body, source), source, url=got.final_url)
    changes: dict = {}
    if not article.title and listed.get("title"):
        changes["title"] = listed["title"]
    if article.published is None and (day := _published(listed.get("published"))):
        changes["published"], changes["published_from"] = day, "metadata"
    if src is not None and src.outlet:
        changes["outlet"] = src.outlet
    if src is not None and src.language:
        changes["meta"] = {**article.meta, "language_hint": src.language}
    return dataclasses.replace(article, **changes) if changes else article


def _outcome_of_failure(got: Fetched) -> dict:
    if got.transient:
        return {"state": "pending", "attempt": True, "error": got.error}
    return {"state": "failed", "attempt": True, "error": got.error}


class Round:
    """The fetch-and-store part of one round, over one Fetcher."""

    def __init__(self, engine: Engine, config: Config, report: RoundReport, now: Clock,
                 by_id: dict[int, Source]) -> None:
        self.engine, self.config, self.report, self.now, self.by_id = engine, config, report, now, by_id
        self.digests: dict[str, str] = {}  # content hash → URL, for the articles of this round

    def prepare(self, rows: list) -> tuple[dict[int, dict], list]:
        """Outcomes for URLs already in the KB; the rest to fetch."""
        known = state.article_ids(self.engine, [r.url for r in rows])
        done = {r.id: {"state": "stored", "article_id": known[r.url]} for r in rows if r.url in known}
        for r in rows:
            if r.url in known:
                self._count(r.source_id)
        return done, [r for r in rows if r.url not in known]

    def read(self, row, got: Fetched, outcomes: dict[int, dict], docs: list) -> None:
        """One fetched page analysed (or its failure noted); never raises."""
        self.report.fetched += 1
        if not got.ok:
            outcomes[row.id] = _outcome_of_failure(got)
            self.report.failed.append((row.url, got.error or f"HTTP {got.status}"))
            return
        try:
            article = article_of(got, row.url, row.listed or {}, self.by_id.get(row.source_id))
            digest = content_hash(article)
            twin = self.digests.get(digest) or state.same_content(self.engine, digest)
            if twin is not None:
                outcomes[row.id] = {"state": "done", "attempt": True, "error": f"same text as {twin}"}
                return
            doc = safe_analyze(article)
            self.digests[digest] = row.url
        except InputError as exc:
            doc = exc
        except Exception as exc:  # one bad article never stops a round
            doc = InputError(row.url, f"reading failed ({type(exc).__name__}: {quote(exc)})")
        if isinstance(doc, InputError):
            outcomes[row.id] = {"state": "failed", "attempt": True, "error": doc.reason}
            self.report.failed.append((row.url, doc.reason))
            return
        docs.append((row, doc, digest))

    def _write(self, docs: list, outcomes: dict[int, dict]) -> tuple[list, set[str]]:
        """The batch written in one transaction; if the database refuses it, each article
        alone, so that one article it cannot take fails alone (a full disk or a damaged KB,
        a ``WartaError``, stops the round: nothing is given up for it).  Returns those written
        and the sources ``write_batch`` left out as copies of a stored article's clean text."""
        try:
            return docs, set(write_batch(self.engine, [(doc, digest) for _, doc, digest in docs], set()) or ())
        except WartaError:
            raise
        except Exception:
            pass
        written, copies = [], set()
        for one in docs:
            try:
                copies |= set(write_batch(self.engine, [(one[1], one[2])], set()) or ())
                written.append(one)
            except WartaError:
                raise
            except Exception as exc:
                reason = f"not stored ({type(exc).__name__}: {quote(exc)})"
                outcomes[one[0].id] = {"state": "failed", "attempt": True, "error": reason}
                self.report.failed.append((one[0].url, reason))
        return written, copies

    def _count(self, source_id: int) -> None:
        self.report.per_source[source_id] = self.report.per_source.get(source_id, 0) + 1

    def store(self, docs: list, outcomes: dict[int, dict]) -> None:
        if docs:
            docs, copies = self._write(docs, outcomes)
            ids = state.article_ids(self.engine, [doc.source for _, doc, _ in docs])
            for row, doc, _ in docs:
                if doc.source in copies or doc.source not in ids:
                    outcomes[row.id] = {"state": "done", "attempt": True,
                                        "error": "same text as an article already stored (not stored again)"}
                    continue
                outcomes[row.id] = {"state": "stored", "attempt": True, "article_id": ids[doc.source], "error": None}
                self._count(row.source_id)
                self.report.added += 1
        state.mark(self.engine, outcomes, self.now())


def run_round(engine: Engine, config: Config, *, alerts: Callable[[Engine, list[int]], list[dict]] | None = None,
              stop: Callable[[], bool] = lambda: False, now: Clock = state.utcnow,
              transport=None, poll_all: bool = False) -> RoundReport:
    """One round over ``config``'s due sources (every source with ``poll_all``); ``alerts``
    is called with the ids of the articles the round stored and returns the alerts fired.

    >>> run_round(open_kb("warta.db"), load("sources.yaml")).added    # doctest: +SKIP
    3
    """
    report = RoundReport()
    state.ensure_tables(engine)
    ids = state.sync_sources(engine, config.sources)
    by_id = {ids[s.url]: s for s in config.sources}
    start = now()
    todo = list(config.sources) if poll_all else state.due(engine, config.sources, start)
    with asyncio.Runner() as runner:
        fetcher = runner.run(_open(config, transport))
        try:
            runner.run(_poll_all(fetcher, engine, todo, ids, report, now))
            _fetch_pending(runner, fetcher, Round(engine, config, report, now, by_id), stop)
        finally:
            report.requests = fetcher.requests
            runner.run(fetcher.client.aclose())
    state.give_up(engine, config.max_attempts)
    incremental.refresh(engine)
    _evaluate(engine, alerts, report)
    state.count_round(engine, [ids[s.url] for s in todo], report.per_source)
    return report


async def _open(config: Config, transport) -> Fetcher:
    return Fetcher(config.fetch, transport=transport)


def _fetch_pending(runner: asyncio.Runner, fetcher: Fetcher, rnd: Round, stop: Callable[[], bool]) -> None:
    rows = state.pending(rnd.engine, rnd.config.max_attempts)
    for start in range(0, len(rows), rnd.config.batch):
        if stop():
            rnd.report.stopped = True
            return
        outcomes, todo = rnd.prepare(rows[start:start + rnd.config.batch])
        got = runner.run(_fetch_all(fetcher, [r.url for r in todo])) if todo else []
        docs: list = []
        for row, page in zip(todo, got):
            rnd.read(row, page, outcomes, docs)
        rnd.store(docs, outcomes)


async def _fetch_all(fetcher: Fetcher, urls: list[str]) -> list[Fetched]:
    return list(await asyncio.gather(*(fetcher.get(u) for u in urls)))


def _evaluate(engine: Engine, alerts, report: RoundReport) -> None:
    """Alerts on the stored articles whose alerts are still to evaluate (this round's, and
    those of a round killed before its alerts), then those URLs done."""
    rows = state.stored(engine)
    if alerts is not None:
        report.alerts = alerts(engine, sorted({aid for _, aid in rows if aid is not None}))
    if rows:
        state.mark(engine, {uid: {"state": "done"} for uid, _ in rows}, state.utcnow())


class Stopper:
    """Ctrl-C (SIGINT) or SIGTERM asks the loop to stop after the batch in hand; a second
    Ctrl-C stops at once."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.previous: dict[int, object] = {}

    def __call__(self) -> bool:
        return self.event.is_set()

    def _handle(self, signum, _frame) -> None:
        if self.event.is_set():
            signal.signal(signal.SIGINT, signal.default_int_handler)
            raise KeyboardInterrupt
        self.event.set()

    def __enter__(self) -> "Stopper":
        for sig in (signal.SIGINT, signal.SIGTERM):
            self.previous[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        for sig, handler in self.previous.items():
            signal.signal(sig, handler)


def loop(engine: Engine, config: Config, *, alerts=None, stop: Callable[[], bool],
         wait: Callable[[float], bool], report: Callable[[RoundReport], None], now: Clock = state.utcnow,
         rounds: int | None = None, transport=None) -> int:
    """Rounds until ``stop()`` (or ``rounds`` of them), sleeping until the next source is
    due; ``wait(seconds)`` sleeps and returns True when asked to stop.  Returns the rounds run."""
    done = 0
    while not stop() and (rounds is None or done < rounds):
        report(run_round(engine, config, alerts=alerts, stop=stop, now=now, transport=transport))
        done += 1
        upcoming = state.next_poll(engine)
        seconds = MAX_SLEEP if upcoming is None else (upcoming - now()).total_seconds()
        if (rounds is None or done < rounds) and wait(min(max(seconds, 0.0), MAX_SLEEP)):
            break
    return done


__all__ = ["MAX_CHILD_SITEMAPS", "RoundReport", "Stopper", "article_of", "loop", "run_round"]
