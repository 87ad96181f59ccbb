"""The watcher's state in the knowledge base (``kb.schema``'s ``watch_*`` tables).

An article URL goes ``pending`` (listed by a source; written with the source's new
validators in one transaction) → ``stored`` (its article written by ``kb.ingest.write_batch``)
→ ``done`` (the round's alerts evaluated on it), or ``failed`` with the reason.  A watcher
killed at any point resumes from these rows: a pending URL whose article is already in the
KB is marked stored without a fetch, a stored one still gets its alerts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import Engine, func, inspect, select, update
from sqlalchemy.orm import Session

from ..kb.schema import ArticleRow, WatchAlertRow, WatchSourceRow, WatchUrlRow
from .config import Source

TABLES = (WatchSourceRow, WatchUrlRow, WatchAlertRow)
MAX_ERROR = 300
MAX_BACKOFF = 6 * 3600.0  # seconds: a failing source is polled at least this often


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None, microsecond=0)


def ensure_tables(engine: Engine) -> None:
    """The watch tables, created in a KB made before them."""
    have = set(inspect(engine).get_table_names())
    missing = [t.__table__ for t in TABLES if t.__tablename__ not in have]
    if missing:
        with engine.begin() as conn:
            for table in missing:
                table.create(conn, checkfirst=True)
                for index in table.indexes:
                    index.create(conn, checkfirst=True)


def has_tables(engine: Engine) -> bool:
    return WatchSourceRow.__tablename__ in inspect(engine).get_table_names()


def sync_sources(engine: Engine, sources: Iterable[Source]) -> dict[str, int]:
    """Each source's row (made when new, its name and kind kept current): URL → id."""
    with Session(engine) as s, s.begin():
        rows = {r.url: r for r in s.scalars(select(WatchSourceRow))}
        for src in sources:
            row = rows.get(src.url)
            if row is None:
                row = rows[src.url] = WatchSourceRow(url=src.url, name=src.name, kind=src.kind,
                                                     errors=0, new_articles=0, total_articles=0)
                s.add(row)
            row.name, row.kind = src.name, src.kind
        s.flush()
        return {url: r.id for url, r in rows.items()}


def due(engine: Engine, sources: Iterable[Source], now: dt.datetime) -> list[Source]:
    """The sources whose next poll has come (or that were never polled)."""
    with Session(engine) as s:
        next_at = dict(s.execute(select(WatchSourceRow.url, WatchSourceRow.next_poll)).all())
    return [src for src in sources if next_at.get(src.url) is None or next_at[src.url] <= now]


def next_poll(engine: Engine) -> dt.datetime | None:
    """The earliest next poll of any source."""
    with Session(engine) as s:
        return s.scalar(select(func.min(WatchSourceRow.next_poll)))


def validators(engine: Engine, url: str) -> dict[str, str]:
    """The conditional-GET headers for source ``url`` (its last ETag and Last-Modified)."""
    with Session(engine) as s:
        row = s.scalar(select(WatchSourceRow).where(WatchSourceRow.url == url))
    headers = {}
    if row is not None and row.etag:
        headers["If-None-Match"] = row.etag
    if row is not None and row.last_modified:
        headers["If-Modified-Since"] = row.last_modified
    return headers


def record_poll(engine: Engine, source_id: int, *, now: dt.datetime, interval: float,
                status: int | None, error: str | None, items: list[tuple[str, dict]] = (),
                etag: str | None = None, last_modified: str | None = None,
                keep_validators: bool = False) -> int:
    """One poll's outcome and the URLs it listed (new ones pending), in one transaction;
    returns how many URLs were new.  ``items`` are (canonical URL, what the listing said)."""
    with Session(engine) as s, s.begin():
        row = s.get(WatchSourceRow, source_id)
        new = 0
        urls = list(dict(items))
        known: set[str] = set()
        for start in range(0, len(urls), 500):
            chunk = urls[start:start + 500]
            known.update(s.scalars(select(WatchUrlRow.url).where(WatchUrlRow.url.in_(chunk))))
        for url, listed in dict(items).items():
            if url not in known:
                s.add(WatchUrlRow(url=url, source_id=source_id, state="pending", attempts=0,
                                  first_seen=now, listed=listed))
                new += 1
        row.last_poll, row.last_status = now, status
        if error:
            row.errors = (row.errors or 0) + 1
            row.last_error, row.last_error_at = error[:MAX_ERROR], now
            wait = min(max(interval, 60.0) * 2 ** min(row.errors - 1, 6), MAX_BACKOFF) if interval else 0
        else:  # the error is over (its time stays in last_error_at); a warning is noted after
            row.errors, row.last_success, row.last_error = 0, now, None
            wait = interval
        if not keep_validators and not error:
            row.etag, row.last_modified = etag, last_modified
        row.next_poll = now + dt.timedelta(seconds=wait)
        return new


def note_warning(engine: Engine, source_id: int, warning: str, now: dt.datetime) -> None:
    """A problem that did not stop the poll (a feed read in recovery mode)."""
    with Session(engine) as s, s.begin():
        row = s.get(WatchSourceRow, source_id)
        row.last_error, row.last_error_at = warning[:MAX_ERROR], now


def pending(engine: Engine, max_attempts: int, limit: int | None = None) -> list[WatchUrlRow]:
    """Article URLs still to fetch, oldest first."""
    with Session(engine, expire_on_commit=False) as s:
        q = (select(WatchUrlRow).where(WatchUrlRow.state == "pending", WatchUrlRow.attempts < max_attempts)
             .order_by(WatchUrlRow.id))
        return list(s.scalars(q.limit(limit) if limit else q))


def stored_article(engine: Engine, source: str) -> int | None:
    """The id of the article stored under ``source`` (a canonical URL), if any."""
    with Session(engine) as s:
        return s.scalar(select(ArticleRow.id).where(ArticleRow.source == source))


def article_ids(engine: Engine, sources: list[str]) -> dict[str, int]:
    with Session(engine) as s:
        return dict(s.execute(select(ArticleRow.source, ArticleRow.id).where(ArticleRow.source.in_(sources))).all())


def same_content(engine: Engine, digest: str) -> str | None:
    """The source of an article already stored with this content hash."""
    with Session(engine) as s:
        return s.scalar(select(ArticleRow.source).where(ArticleRow.content_hash == digest).limit(1))


def mark(engine: Engine, outcomes: dict[int, dict], now: dt.datetime) -> None:
    """Set URL rows' outcome in one transaction: ``{url_id: {"state": …, "article_id": …,
    "error": …, "attempt": bool}}``."""
    with Session(engine) as s, s.begin():
        for url_id, out in outcomes.items():
            row = s.get(WatchUrlRow, url_id)
            row.state = out["state"]
            if out.get("attempt") or out["state"] == "stored":
                row.fetched_at = now
            if out.get("attempt"):
                row.attempts = (row.attempts or 0) + 1
            if "article_id" in out:
                row.article_id = out["article_id"]
            if "error" in out:
                row.error = (out["error"] or "")[:MAX_ERROR] or None


def give_up(engine: Engine, max_attempts: int) -> None:
    """Pending URLs tried ``max_attempts`` times: failed."""
    with Session(engine) as s, s.begin():
        s.execute(update(WatchUrlRow).where(WatchUrlRow.state == "pending", WatchUrlRow.attempts >= max_attempts)
                  .values(state="failed"))


def stored(engine: Engine) -> list[tuple[int, int]]:
    """(URL id, article id) of the articles stored whose alerts are still to evaluate."""
    with Session(engine) as s:
        return list(s.execute(select(WatchUrlRow.id, WatchUrlRow.article_id)
                              .where(WatchUrlRow.state == "stored")).all())


def count_round(engine: Engine, source_ids: Iterable[int], added: dict[int, int]) -> None:
    """Per polled source, the articles the round stored (``added``), written as its
    ``new_articles`` and added to its total."""
    with Session(engine) as s, s.begin():
        for sid in set(source_ids) | set(added):
            row = s.get(WatchSourceRow, sid)
            row.new_articles = added.get(sid, 0)
            row.total_articles = (row.total_articles or 0) + added.get(sid, 0)


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") + "Z" if value else None


def status(engine: Engine) -> list[dict]:
    """Each watched source: last poll, outcome, articles, errors, next poll."""
    if not has_tables(engine):
        return []
    with Session(engine) as s:
        waiting = dict(s.execute(select(WatchUrlRow.source_id, func.count())
                                 .where(WatchUrlRow.state == "pending").group_by(WatchUrlRow.source_id)).all())
        failed = dict(s.execute(select(WatchUrlRow.source_id, func.count())
                                .where(WatchUrlRow.state == "failed").group_by(WatchUrlRow.source_id)).all())
        rows = s.scalars(select(WatchSourceRow).order_by(WatchSourceRow.name, WatchSourceRow.url)).all()
        return [{"name": r.name, "url": r.url, "kind": r.kind, "last_poll": _iso(r.last_poll),
                 "last_status": r.last_status, "last_success": _iso(r.last_success),
                 "new_articles": r.new_articles or 0, "total_articles": r.total_articles or 0,
                 "pending": waiting.get(r.id, 0), "failed_articles": failed.get(r.id, 0),
                 "errors": r.errors or 0, "last_error": r.last_error, "last_error_at": _iso(r.last_error_at),
                 "next_poll": _iso(r.next_poll)} for r in rows]


def failures(engine: Engine, limit: int = 50) -> list[dict]:
    """The latest article URLs that failed (or are waiting after a failure), with the reason."""
    if not has_tables(engine):
        return []
    with Session(engine) as s:
        q = (select(WatchUrlRow, WatchSourceRow.name).join(WatchSourceRow, WatchSourceRow.id == WatchUrlRow.source_id)
             .where(WatchUrlRow.error.is_not(None), WatchUrlRow.state.in_(("failed", "pending")))
             .order_by(WatchUrlRow.fetched_at.desc()).limit(limit))
        return [{"url": u.url, "source": name, "state": u.state, "attempts": u.attempts, "error": u.error,
                 "at": _iso(u.fetched_at)} for u, name in s.execute(q)]


def overview(engine: Engine) -> dict:
    """The watch view: ``{"sources": status(…), "failures": failures(…)}`` — the one data
    function of ``warta watch --status``, ``GET /api/watch`` and the ``/watch`` page."""
    return {"sources": status(engine), "failures": failures(engine)}


__all__ = ["TABLES", "article_ids", "count_round", "due", "ensure_tables", "failures", "give_up",
           "has_tables", "mark", "next_poll", "note_warning", "overview", "pending", "record_poll",
           "same_content", "status", "stored", "stored_article", "sync_sources", "utcnow", "validators"]
