"""Opening a knowledge base: SQLite by default (WAL, FTS5), PostgreSQL by URL.

``open_kb("warta.db")`` creates the file when missing, checks the schema version kept in
``warta_meta`` and upgrades an older KB in place (the ``MIGRATIONS`` below, each in one
transaction) — or refuses one it cannot read with a ``KBError`` that says why.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event, inspect, select, text
from sqlalchemy.orm import Session
from sqlalchemy.pool import QueuePool

from ..errors import WartaError
from ..errors import quote as clip
from .schema import ARTICLE_COUNT, SCHEMA_VERSION, Base, Meta, count_triggers


class KBError(WartaError):
    """A knowledge base that cannot be opened or read."""


class DamagedKB(KBError):
    """A knowledge base whose file is damaged (``PRAGMA quick_check`` fails)."""


class DiskFull(KBError):
    """The disk filled up while writing; the transaction was rolled back."""


def add_incremental_indexes(s: Session) -> None:
    """1 → 2 (issue 16, incremental maintenance): the ``minhash_bands`` table filled from
    the stored signatures, ``aliases.rkey`` (a suffix block for spelling look-ups) and the
    ``items(kind, value)`` index; the derived tables marked for one full rebuild."""
    from .schema import BandRow
    from .textsim import bands
    conn = s.connection()
    BandRow.__table__.create(conn, checkfirst=True)
    for index in BandRow.__table__.indexes:
        index.create(conn, checkfirst=True)
    conn.exec_driver_sql("ALTER TABLE aliases ADD COLUMN rkey TEXT")
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_aliases_rkey ON aliases (rkey)")
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_items_kind_value ON items (kind, value)")
    from .stories import text_bucket  # the table as made now has the bucket of schema 6
    rows = conn.exec_driver_sql("SELECT id, minhash, published, published_precision FROM articles").all()
    found = [{"article_id": aid, "band": b, "key": k, "bucket": text_bucket(_day(day), precision)}
             for aid, blob, day, precision in rows for b, k in bands(blob)]
    if found:
        conn.execute(BandRow.__table__.insert(), found)
    set_meta(s, "derived_stale", "full")


def add_days(s: Session) -> None:
    """2 → 3 (issue 16, a KB at scale): ``day`` on ``article_entities`` and ``items``, the
    article's publication day when it is dated to the day, and the indexes that use it:
    ``(entity_id, day)`` (instead of ``entity_id`` alone) and ``items(kind, value, unit,
    day, article_id)`` (instead of ``(kind, value)``), so that an entity's or a figure's
    articles of one week are found without reading all of them.  The derived tables stay
    as they are."""
    conn = s.connection()
    day = ("(SELECT published FROM articles WHERE articles.id = {t}.article_id "
           "AND (published_precision IS NULL OR published_precision = 'day'))")
    for table in ("article_entities", "items"):
        conn.exec_driver_sql(f"ALTER TABLE {table} ADD COLUMN day DATE")
        conn.exec_driver_sql(f"UPDATE {table} SET day = {day.format(t=table)}")
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_article_entities_entity_day ON article_entities (entity_id, day)")
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_items_figure ON items (kind, value, unit, day, article_id)")
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_article_entities_entity_id")
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_items_kind_value")


def add_fact_order(s: Session) -> None:
    """3 → 4 (issue 16, a KB at scale): the ``facts(subject_id, measure, id)`` index, so
    an entity's profile reads its first facts in order instead of sorting all of them
    (thousands for a company named in a tenth of a million articles)."""
    s.connection().exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_facts_subject_measure "
                                   "ON facts (subject_id, measure, id)")


def add_alias_names(s: Session) -> None:
    """4 → 5 (issue 16, a KB at scale): ``aliases.names``, how many of the entity's
    mentions have the alias as their name, counted once here (one pass grouping the
    mentions) so that naming an entity never counts its mentions again."""
    conn = s.connection()
    if "names" not in {c["name"] for c in inspect(conn).get_columns("aliases")}:
        conn.exec_driver_sql("ALTER TABLE aliases ADD COLUMN names INTEGER")
    conn.exec_driver_sql("CREATE TEMPORARY TABLE name_counts AS SELECT entity_id, name, count(*) AS n "
                         "FROM article_entities WHERE entity_id IS NOT NULL GROUP BY entity_id, name")
    conn.exec_driver_sql("CREATE INDEX ix_name_counts ON name_counts (entity_id, name)")
    conn.exec_driver_sql("UPDATE aliases SET names = COALESCE((SELECT n FROM name_counts c WHERE "
                         "c.entity_id = aliases.entity_id AND c.name = aliases.alias), 0)")
    conn.exec_driver_sql("DROP TABLE name_counts")


def add_band_buckets(s: Session) -> None:
    """5 → 6 (issue 16, a KB at scale): ``minhash_bands.bucket``, the period of the
    article's publication (``stories.text_bucket``), and the index led by it instead of
    ``(band, key)``, so that a day's new articles write their bands together and an
    article's text candidates are looked up in the periods around it; the first bands keep a partial index
    (equal texts at any date).  The derived tables stay as they are: only links between
    texts dated more than ``stories.MAX_STORY_DAYS`` apart, which join no story, are no
    longer made for new articles."""
    from .stories import text_bucket
    conn = s.connection()
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_minhash_bands_band_key")
    if "bucket" not in {c["name"] for c in inspect(conn).get_columns("minhash_bands")}:
        conn.exec_driver_sql("ALTER TABLE minhash_bands ADD COLUMN bucket INTEGER")
    conn.exec_driver_sql("CREATE TEMPORARY TABLE article_buckets (article_id INTEGER PRIMARY KEY, bucket INTEGER)")
    rows = conn.exec_driver_sql("SELECT id, published, published_precision FROM articles").all()
    buckets = [{"a": aid, "b": text_bucket(_day(day), precision)} for aid, day, precision in rows]
    if buckets:
        conn.execute(text("INSERT INTO article_buckets (article_id, bucket) VALUES (:a, :b)"), buckets)
    conn.exec_driver_sql("UPDATE minhash_bands SET bucket = (SELECT b.bucket FROM article_buckets b "
                         "WHERE b.article_id = minhash_bands.article_id)")
    conn.exec_driver_sql("DROP TABLE article_buckets")
    from .schema import FIRST_BAND_INDEX, BandRow
    for index in BandRow.__table__.indexes:
        index.create(conn, checkfirst=True)
    conn.exec_driver_sql(FIRST_BAND_INDEX)


def _day(value) -> dt.date | None:
    """A stored date as a date (SQLite's driver gives the text)."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def drop_fact_indexes(s: Session) -> None:
    """6 → 7 (issue 16, a KB at scale): the indexes of ``facts.subject_id`` and of
    ``facts.measure`` alone dropped: every look-up by either goes through
    ``facts(subject_id, measure, id)``, and each update rewrote their entries for the facts
    it made again (a tenth of its index pages at 100,000 articles)."""
    conn = s.connection()
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_facts_subject_id")
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_facts_measure")


def count_articles(s: Session) -> None:
    """7 → 8 (issue 16, a KB at scale): the number of articles kept in ``warta_meta`` by
    triggers on ``articles`` (``schema.count_triggers``), counted once here, so that an
    update reads it instead of counting the articles (a scan of an index as long as the KB)."""
    conn = s.connection()
    for statement in count_triggers(conn.dialect.name):
        conn.exec_driver_sql(statement)
    set_meta(s, ARTICLE_COUNT, str(conn.exec_driver_sql("SELECT count(*) FROM articles").scalar()))


def article_count(s: Session) -> int:
    """How many articles the KB holds: the count its triggers keep, else (a KB made
    without it) counted."""
    kept = s.scalar(select(Meta.value).where(Meta.key == ARTICLE_COUNT))
    if kept is not None:
        return int(kept)
    return s.scalar(text("SELECT count(*) FROM articles")) or 0


# version N → the function that upgrades a KB of version N to N + 1, named for what it does
MIGRATIONS: dict[int, Callable[[Session], None]] = {1: add_incremental_indexes, 2: add_days, 3: add_fact_order,
                                                    4: add_alias_names, 5: add_band_buckets,
                                                    6: drop_fact_indexes, 7: count_articles}

FTS_DDL = ("CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
           "title, body, stems, tokenize='unicode61 remove_diacritics 2')")
QUICK_CHECK_MAX = 512 * 1024 * 1024  # bytes: larger files are checked when a read fails
DAMAGE = ("malformed", "could not decode", "file is not a database", "not a database",
          "file is encrypted", "database corrupt")


def url_for(db: str) -> str:
    """A SQLAlchemy URL for ``db``: a URL as given, else a SQLite file path."""
    return db if "://" in db else f"sqlite:///{os.path.abspath(db)}"


def sqlite_uri(path: str, mode: str) -> str:
    """A ``file:`` URI for ``path`` (any character, ``?``, ``#`` and ``%`` included).

    >>> sqlite_uri("/kb/a?b#c%d.db", "ro")
    'file:/kb/a%3Fb%23c%25d.db?mode=ro'
    """
    flags = "immutable=1" if mode == "immutable" else f"mode={mode}"
    return f"file:{quote(os.path.abspath(path))}?{flags}"


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def _sqlite_engine(path: str, mode: str) -> Engine:
    """An engine on the SQLite file ``path`` opened through a URI (``rwc``, ``ro`` or
    ``immutable``), so that no character of the path is taken as URL syntax."""
    uri = sqlite_uri(path, mode)
    engine = create_engine("sqlite://", poolclass=QueuePool,
                           creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False))
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _message(exc: BaseException) -> str:
    """The driver's own message, without the SQL statement SQLAlchemy appends."""
    orig = getattr(exc, "orig", None) or exc
    return clip(str(orig).splitlines()[0] if str(orig) else type(orig).__name__, 160)


def _errors_named(engine: Engine, db: str) -> None:
    """Driver errors that mean a damaged file or a full disk raised as KBErrors naming ``db``."""

    @event.listens_for(engine, "handle_error")
    def named(ctx) -> None:
        text_ = str(ctx.original_exception).lower()
        if "database or disk is full" in text_ or "disk i/o error" in text_ and _disk_full(db):
            raise DiskFull(f"disk full: {db}; the knowledge base is intact (the unfinished "
                           "batch was rolled back) — free some space and run the command again")
        if "file is not a database" in text_:
            raise KBError(f"{db}: not a warta knowledge base (not a SQLite database, or its "
                          "first page is damaged)") from None
        if any(mark in text_ for mark in DAMAGE):
            raise DamagedKB(f"{db}: the knowledge base is damaged ({_message(ctx.original_exception)}); "
                            "restore it from a copy or build it again with 'warta ingest'") from None


def _disk_full(db: str) -> bool:
    try:
        st = os.statvfs(os.path.dirname(os.path.abspath(db)))
    except OSError:
        return False
    return st.f_bavail * st.f_frsize < 1024 * 1024


def quick_check(engine: Engine, db: str) -> None:
    """Raise DamagedKB unless SQLite's ``PRAGMA quick_check`` finds the file sound."""
    try:
        with engine.connect() as conn:
            found = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check(5)")]
    except DamagedKB:
        raise
    except Exception as exc:
        raise DamagedKB(f"{db}: the knowledge base is damaged ({_message(exc)})") from None
    if found != ["ok"]:
        raise DamagedKB(f"{db}: the knowledge base is damaged ({clip('; '.join(found), 160)}); "
                        "restore it from a copy or build it again with 'warta ingest'")


def _open_sqlite(path: str, db: str, readonly: bool, create: bool) -> Engine:
    if not os.path.exists(path):
        if readonly or not create:
            raise KBError(f"{db}: no knowledge base here (run 'warta ingest' first)")
    elif not os.path.isfile(path):
        raise KBError(f"{db}: not a file")
    if not readonly:
        engine = _sqlite_engine(path, "rwc")
        _errors_named(engine, db)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        return engine
    engine = _sqlite_engine(path, "ro")
    _errors_named(engine, db)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").all()
    except KBError:
        raise
    except Exception as exc:
        if "unable to open" not in str(exc) and "readonly" not in str(exc):
            raise
        # a WAL database in a read-only folder: its -shm cannot be made; read it as an
        # immutable file (what a read-only copy is)
        engine.dispose()
        engine = _sqlite_engine(path, "immutable")
        _errors_named(engine, db)
    return engine


def open_kb(db: str = "warta.db", *, readonly: bool = False, create: bool = True) -> Engine:
    """An engine on the knowledge base ``db`` (path or URL), created and upgraded as needed.

    A SQLite file is opened through a ``file:`` URI (any path works); read-only, it never
    creates a file, and in a read-only folder it falls back to ``immutable=1``.  A damaged
    file (``PRAGMA quick_check``) or one that is not a database is refused by name."""
    try:
        if "://" in db:
            engine = create_engine(db)
            _errors_named(engine, db)
        else:
            engine = _open_sqlite(os.path.abspath(db), db, readonly, create)
            if os.path.getsize(os.path.abspath(db)) <= QUICK_CHECK_MAX:
                quick_check(engine, db)
        _check_version(engine, db, readonly)
    except KBError:
        raise
    except Exception as exc:  # a file that is not a database, a server that is not there
        raise KBError(f"{db}: cannot open the knowledge base ({type(exc).__name__}: {_message(exc)})") from None
    return engine


def _create_schema(engine: Engine) -> None:
    """Every table, the FTS index and the version row, in one transaction: a kill at any
    moment leaves either nothing or a whole empty KB."""
    with engine.begin() as conn:
        if is_sqlite(engine):
            conn.exec_driver_sql("BEGIN IMMEDIATE")  # pysqlite would commit each CREATE alone
        Base.metadata.create_all(conn)
        if is_sqlite(engine):
            conn.exec_driver_sql(FTS_DDL)
        conn.execute(Meta.__table__.delete().where(Meta.key.in_(("schema_version", ARTICLE_COUNT))))
        conn.execute(Meta.__table__.insert(), [{"key": "schema_version", "value": str(SCHEMA_VERSION)},
                                               {"key": ARTICLE_COUNT, "value": "0"}])


def _half_made(engine: Engine, tables: set[str]) -> bool:
    """A KB whose creation was cut short before its version row: no version, no article."""
    if "articles" in tables:
        with engine.connect() as conn:
            if conn.exec_driver_sql("SELECT 1 FROM articles LIMIT 1").first():
                return False
    return "warta_meta" not in tables or not get_meta(engine, "schema_version")


def _check_version(engine: Engine, db: str, readonly: bool) -> None:
    tables = set(inspect(engine).get_table_names())
    known = set(Base.metadata.tables) | {"articles_fts"}
    if not tables or (tables <= known | {t for t in tables if t.startswith("articles_fts")}
                      and _half_made(engine, tables)):
        if readonly:
            raise KBError(f"{db}: empty database, not a warta knowledge base" if not tables else
                          f"{db}: an unfinished knowledge base; run 'warta ingest' to finish it")
        _create_schema(engine)
        return
    if "warta_meta" not in tables:
        raise KBError(f"{db}: this database was not made by warta (no warta_meta table)")
    with Session(engine) as s:
        found = s.scalar(select(Meta.value).where(Meta.key == "schema_version"))
    version = int(found or 0)
    if version > SCHEMA_VERSION:
        raise KBError(f"{db}: made by a newer warta (schema {version}, this warta reads up to "
                      f"{SCHEMA_VERSION}); upgrade warta")
    if version < SCHEMA_VERSION:
        if readonly:
            raise KBError(f"{db}: schema {version} is older than {SCHEMA_VERSION}; "
                          "run 'warta ingest' once to upgrade it")
        upgrade(engine, db, version)


def upgrade(engine: Engine, db: str, version: int) -> None:
    """Run the migrations from ``version`` up, each in its own transaction."""
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise KBError(f"{db}: no upgrade from schema {version}; re-create it with 'warta ingest'")
        with Session(engine) as s, s.begin():
            step(s)
            version += 1
            s.merge(Meta(key="schema_version", value=str(version)))


def get_meta(engine: Engine, key: str) -> str | None:
    with Session(engine) as s:
        return s.scalar(select(Meta.value).where(Meta.key == key))


def set_meta(session: Session, key: str, value: str) -> None:
    session.merge(Meta(key=key, value=value))


def fts_available(engine: Engine) -> bool:
    if not is_sqlite(engine):
        return False
    with engine.connect() as conn:
        return bool(conn.execute(text(
            "SELECT 1 FROM sqlite_master WHERE name='articles_fts'")).first())
