"""The knowledge base schema (SQLAlchemy 2), one table per kind of record.

Article-level tables hold what ``warta extract`` gives for each article (the Document,
item by item, with spans).  KB-level tables are derived from them by ``kb.build``:
resolved entities and their aliases, near-duplicate links, stories, facts and their
sources.  ``SCHEMA_VERSION`` is stored in ``warta_meta``; ``store.open_kb`` upgrades an
older KB in place or refuses it with a clear message.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (DDL, JSON, BigInteger, Date, Float, ForeignKey, Index, Integer, LargeBinary,
                        String, Text, event)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

SCHEMA_VERSION = 8  # 2: minhash_bands, aliases.rkey, items(kind, value); 3: article_entities.day, items.day; 4: facts(subject_id, measure, id); 5: aliases.names; 6: minhash_bands.bucket; 7: two fact indexes dropped; 8: the article count kept by triggers (store.MIGRATIONS)


class Base(DeclarativeBase):
    pass


class Meta(Base):
    __tablename__ = "warta_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class ArticleRow(Base):
    __tablename__ = "articles"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(Text, unique=True)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text, index=True)
    dateline: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    published_precision: Mapped[str | None] = mapped_column(String(8))
    language: Mapped[str | None] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    document: Mapped[dict] = mapped_column(JSON)  # the contract, as extracted
    minhash: Mapped[bytes | None] = mapped_column(LargeBinary)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id", ondelete="SET NULL"), index=True)
    ingested_at: Mapped[dt.datetime] = mapped_column()


class MentionRow(Base):
    """One entity of one article (its local id, name, type and aliases), linked to the KB entity."""
    __tablename__ = "article_entities"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    local_id: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(16))
    aliases: Mapped[list] = mapped_column(JSON)
    mentions: Mapped[list] = mapped_column(JSON)
    entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"))
    # the article's publication day, when it is dated to the day: with ``entity_id``, the
    # index that finds an entity's articles of one week without reading all of them
    day: Mapped[dt.date | None] = mapped_column(Date)


class ItemRow(Base):
    """A figure, date, role, quote or event of one article; ``kind`` says which."""
    __tablename__ = "items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)  # money|percent|quantity|date|role|quote|event
    text: Mapped[str | None] = mapped_column(Text)
    value: Mapped[float | None] = mapped_column(Float)
    value_text: Mapped[str | None] = mapped_column(Text)  # ISO date, title, speaker, event type
    unit: Mapped[str | None] = mapped_column(String(64))  # currency, unit, precision
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)
    data: Mapped[dict] = mapped_column(JSON)
    day: Mapped[dt.date | None] = mapped_column(Date)  # the article's, as ``MentionRow.day``


class EntityRow(Base):
    __tablename__ = "entities"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, index=True)
    type: Mapped[str] = mapped_column(String(16))
    articles: Mapped[int] = mapped_column(Integer, default=0)
    merges: Mapped[list] = mapped_column(JSON)  # why names were merged: [{name, rule, detail}]


class AliasRow(Base):
    __tablename__ = "aliases"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text, index=True)  # normalised for look-up
    rkey: Mapped[str | None] = mapped_column(Text, index=True)  # the key reversed: a suffix block for spelling
    count: Mapped[int] = mapped_column(Integer)
    # the entity's mentions whose name (not only an alias) is this form: what names the
    # entity (``resolve._fullest``) without counting its mentions
    names: Mapped[int | None] = mapped_column(Integer)
    article_ids: Mapped[list] = mapped_column(JSON)


class StoryRow(Base):
    __tablename__ = "stories"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[str] = mapped_column(Text)
    first_published: Mapped[dt.date | None] = mapped_column(Date)
    last_published: Mapped[dt.date | None] = mapped_column(Date)
    size: Mapped[int] = mapped_column(Integer)


class LinkRow(Base):
    """Two articles linked: an exact or near duplicate, or the same story, with the score."""
    __tablename__ = "article_links"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    a: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    b: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # duplicate|near_duplicate|same_story
    score: Mapped[float] = mapped_column(Float)
    reasons: Mapped[dict] = mapped_column(JSON)


class FactRow(Base):
    """A measured thing (subject, measure, period) with its agreed value or its conflict."""
    __tablename__ = "facts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(Text)
    # subject_id and measure are looked up through ix_facts_subject_measure (subject_id its
    # first column); an index of either alone would only be written, never read
    subject_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id", ondelete="SET NULL"))
    subject: Mapped[str | None] = mapped_column(Text)
    measure: Mapped[str] = mapped_column(String(32))
    period: Mapped[str | None] = mapped_column(String(32))
    unit: Mapped[str | None] = mapped_column(String(32))
    value: Mapped[float | None] = mapped_column(Float)
    values: Mapped[list] = mapped_column(JSON)  # one entry per group of agreeing values
    status: Mapped[str] = mapped_column(String(16), index=True)  # single|corroborated|conflict
    sources: Mapped[int] = mapped_column(Integer)
    story_id: Mapped[int | None] = mapped_column(ForeignKey("stories.id", ondelete="SET NULL"), index=True)


class FactSourceRow(Base):
    __tablename__ = "fact_sources"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    fact_id: Mapped[int] = mapped_column(ForeignKey("facts.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"))
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    value: Mapped[float | None] = mapped_column(Float)
    qualifier: Mapped[str | None] = mapped_column(String(16))
    value_group: Mapped[int] = mapped_column(Integer)  # which group of agreeing values
    outlet: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    sentence: Mapped[str] = mapped_column(Text)


class BandRow(Base):
    """One LSH band of an article's MinHash signature (``textsim.bands``): articles sharing
    a band are text candidates, found by index instead of by a scan — by the period of the
    article's publication first (``stories.text_bucket``, ``BUCKET_DAYS`` long): text
    candidates are judged only within ``stories.MAX_STORY_DAYS`` (``stories.text_pair``), so
    an article is looked up in the one or two periods around its day, and a day's new
    articles land together in the index instead of on a random page of it each."""
    __tablename__ = "minhash_bands"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    band: Mapped[int] = mapped_column(Integer)
    key: Mapped[int] = mapped_column(BigInteger)
    bucket: Mapped[int] = mapped_column(Integer)


Index("ix_items_article_kind", ItemRow.article_id, ItemRow.kind)
# a figure's holders and their days read from the index alone (story candidates by figure)
Index("ix_items_figure", ItemRow.kind, ItemRow.value, ItemRow.unit, ItemRow.day, ItemRow.article_id)
Index("ix_minhash_bands_bucket_band_key", BandRow.bucket, BandRow.band, BandRow.key)
# equal clean texts have equal first bands: the ingest's look-up of a text already stored, at any
# date.  A partial index, in plain DDL (the same in SQLite and PostgreSQL; ``Index``'s dialect
# options would import every dialect's module with the schema)
FIRST_BAND_INDEX = 'CREATE INDEX IF NOT EXISTS ix_minhash_bands_first ON minhash_bands ("key") WHERE band = 0'
event.listen(BandRow.__table__, "after_create", DDL(FIRST_BAND_INDEX))
Index("ix_article_entities_entity_day", MentionRow.entity_id, MentionRow.day)
# an entity's first facts in the profile's order, read from the index (not all of them sorted)
Index("ix_facts_subject_measure", FactRow.subject_id, FactRow.measure, FactRow.id)

# The number of articles, kept in ``warta_meta`` by triggers on ``articles`` (every writer,
# every delete): the update's rarity limit and idf need it, and ``count(*)`` reads the whole
# table's smallest index (3,700 pages at a million articles) on every ingest.  A KB without
# the row (``store.article_count``) is counted instead.
ARTICLE_COUNT = "article_count"
_SQLITE_COUNTED = [
    f"CREATE TRIGGER IF NOT EXISTS articles_counted_{name} AFTER {op} ON articles BEGIN "
    f"UPDATE warta_meta SET value = CAST(CAST(value AS INTEGER) {sign} 1 AS TEXT) WHERE \"key\" = '{ARTICLE_COUNT}'; END"
    for name, op, sign in (("in", "INSERT", "+"), ("out", "DELETE", "-"))]
_POSTGRES_COUNTED = [
    "CREATE OR REPLACE FUNCTION warta_count_articles() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF TG_OP = 'INSERT' THEN UPDATE warta_meta SET value = (value::bigint + (SELECT count(*) FROM changed))::text "
    f"WHERE \"key\" = '{ARTICLE_COUNT}'; ELSE UPDATE warta_meta SET value = (value::bigint - (SELECT count(*) FROM changed))::text "
    f"WHERE \"key\" = '{ARTICLE_COUNT}'; END IF; RETURN NULL; END $$",
    *(stmt for name, op, rows in (("in", "INSERT", "NEW"), ("out", "DELETE", "OLD")) for stmt in (
        f"DROP TRIGGER IF EXISTS articles_counted_{name} ON articles",
        f"CREATE TRIGGER articles_counted_{name} AFTER {op} ON articles REFERENCING {rows} TABLE AS changed "
        "FOR EACH STATEMENT EXECUTE FUNCTION warta_count_articles()"))]


def count_triggers(dialect: str) -> list[str]:
    """The statements that make the triggers keeping ``ARTICLE_COUNT`` (one per row in
    SQLite, one per statement in PostgreSQL, over its changed rows)."""
    return _POSTGRES_COUNTED if dialect == "postgresql" else _SQLITE_COUNTED


@event.listens_for(Base.metadata, "after_create")
def _counted(target, connection, **kw) -> None:
    for statement in count_triggers(connection.dialect.name):
        connection.exec_driver_sql(statement)


# ---------------------------------------------------------------- warta watch (issue 19)
# The watcher's state, kept in the KB so that a killed watcher resumes where it stopped.
# ``watch.state.ensure_tables`` creates them in a KB made before them (no schema bump).

class WatchSourceRow(Base):
    """A source ``warta watch`` polls (a feed, a news sitemap or a section page, keyed by its
    URL): its HTTP validators and the outcome of its last poll."""
    __tablename__ = "watch_sources"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))  # feed|sitemap|section
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    last_poll: Mapped[dt.datetime | None] = mapped_column()
    last_success: Mapped[dt.datetime | None] = mapped_column()
    last_status: Mapped[int | None] = mapped_column(Integer)  # HTTP status of the last poll
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[dt.datetime | None] = mapped_column()
    errors: Mapped[int] = mapped_column(Integer, default=0)  # consecutive failed polls
    new_articles: Mapped[int] = mapped_column(Integer, default=0)  # stored by the last round
    total_articles: Mapped[int] = mapped_column(Integer, default=0)
    next_poll: Mapped[dt.datetime | None] = mapped_column()


class WatchUrlRow(Base):
    """An article URL a watched source listed: ``pending`` until fetched, ``stored`` once in
    the KB (alerts not yet evaluated), then ``done``; or ``failed`` with the reason."""
    __tablename__ = "watch_urls"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)  # canonical (``kb.ingest.canonical_source``)
    source_id: Mapped[int] = mapped_column(ForeignKey("watch_sources.id", ondelete="CASCADE"), index=True)
    state: Mapped[str] = mapped_column(String(16), index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    first_seen: Mapped[dt.datetime] = mapped_column()
    fetched_at: Mapped[dt.datetime | None] = mapped_column()
    article_id: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(Text)
    listed: Mapped[dict] = mapped_column(JSON)  # what the source said of it: title, published


class WatchAlertRow(Base):
    """An alert that fired: one per (rule, key), so it fires once; its payload and whether the
    webhook has taken it."""
    __tablename__ = "watch_alerts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rule: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(Text)
    fired_at: Mapped[dt.datetime] = mapped_column()
    payload: Mapped[dict] = mapped_column(JSON)
    delivered: Mapped[int] = mapped_column(Integer, default=0)  # 0: the webhook still owes it


Index("ix_watch_alerts_rule_key", WatchAlertRow.rule, WatchAlertRow.key, unique=True)
