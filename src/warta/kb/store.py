"""Opening a knowledge base: SQLite by default (WAL, FTS5), PostgreSQL by URL.

``open_kb("warta.db")`` creates the file when missing, checks the schema version kept in
``warta_meta`` and upgrades an older KB in place (the ``MIGRATIONS`` below, each in one
transaction) — or refuses one it cannot read with a ``KBError`` that says why.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from sqlalchemy import Engine, create_engine, event, inspect, select, text
from sqlalchemy.orm import Session

from ..errors import WartaError
from .schema import SCHEMA_VERSION, Base, Meta


class KBError(WartaError):
    """A knowledge base that cannot be opened or read."""


# version N → the function that upgrades a KB of version N to N + 1
MIGRATIONS: dict[int, Callable[[Session], None]] = {}

FTS_DDL = ("CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
           "title, body, stems, tokenize='unicode61 remove_diacritics 2')")


def url_for(db: str) -> str:
    """A SQLAlchemy URL for ``db``: a URL as given, else a SQLite file path."""
    return db if "://" in db else f"sqlite:///{os.path.abspath(db)}"


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def open_kb(db: str = "warta.db", *, readonly: bool = False, create: bool = True) -> Engine:
    """An engine on the knowledge base ``db`` (path or URL), created and upgraded as needed."""
    url = url_for(db)
    if url.startswith("sqlite:///"):
        path = url[len("sqlite:///"):]
        if not os.path.exists(path):
            if readonly or not create:
                raise KBError(f"{db}: no knowledge base here (run 'warta ingest' first)")
        elif readonly:
            url = f"sqlite:///file:{path}?mode=ro&uri=true"
    try:
        engine = create_engine(url)
        if is_sqlite(engine):
            event.listen(engine, "connect", _sqlite_pragmas)
            if not readonly:
                with engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        _check_version(engine, db, readonly)
    except KBError:
        raise
    except Exception as exc:  # a file that is not a database, a server that is not there
        raise KBError(f"{db}: cannot open the knowledge base ({type(exc).__name__}: {exc})") from None
    return engine


def _check_version(engine: Engine, db: str, readonly: bool) -> None:
    tables = set(inspect(engine).get_table_names())
    if not tables:
        if readonly:
            raise KBError(f"{db}: empty database, not a warta knowledge base")
        Base.metadata.create_all(engine)
        with Session(engine) as s, s.begin():
            s.add(Meta(key="schema_version", value=str(SCHEMA_VERSION)))
        if is_sqlite(engine):
            with engine.begin() as conn:
                conn.exec_driver_sql(FTS_DDL)
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
