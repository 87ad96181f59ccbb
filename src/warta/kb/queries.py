"""What users ask the knowledge base: one data function per view.

Each function takes an engine and returns plain data (dicts and lists, JSON-able), which
the CLI prints as a table or JSON and the web app renders: stories, one story, entity
look-up and profile, timelines, conflicts, search, and rows for export.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from sqlalchemy import Engine, func, or_, select, text
from sqlalchemy.orm import Session, load_only

from . import search as searchmod
from .resolve import normalise, without_title
from .schema import (AliasRow, ArticleRow, EntityRow, FactRow, FactSourceRow, ItemRow, LinkRow,
                     MentionRow, StoryRow)
from .store import KBError, fts_available


def _iso(value) -> str | None:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def counts(engine: Engine) -> dict:
    with Session(engine) as s:
        return {"articles": s.scalar(select(func.count(ArticleRow.id))),
                "entities": s.scalar(select(func.count(EntityRow.id))),
                "stories": s.scalar(select(func.count(StoryRow.id)).where(StoryRow.size > 1)),
                "conflicts": s.scalar(select(func.count(FactRow.id)).where(FactRow.status == "conflict"))}


def stories(engine: Engine, *, min_articles: int = 2, limit: int = 50, offset: int = 0) -> list[dict]:
    """Stories with at least ``min_articles`` articles, largest and latest first."""
    with Session(engine) as s:
        rows = s.execute(select(StoryRow).where(StoryRow.size >= min_articles)
                         .order_by(StoryRow.size.desc(), StoryRow.last_published.desc(), StoryRow.id)
                         .limit(limit).offset(offset)).scalars().all()
        return [_story_head(s, r) for r in rows]


def _story_head(s: Session, r: StoryRow) -> dict:
    outlets = s.execute(select(ArticleRow.outlet).where(ArticleRow.story_id == r.id)).scalars()
    conflicts = s.scalar(select(func.count(FactRow.id)).where(FactRow.story_id == r.id,
                                                             FactRow.status == "conflict"))
    return {"id": r.id, "label": r.label, "articles": r.size,
            "outlets": sorted({o or "?" for o in outlets}), "first_published": _iso(r.first_published),
            "last_published": _iso(r.last_published), "conflicts": conflicts}


def story(engine: Engine, story_id: int) -> dict:
    """One story: its articles, links, facts (corroborated and conflicting)."""
    with Session(engine) as s:
        r = s.get(StoryRow, story_id)
        if r is None:
            raise KBError(f"story {story_id}: no such story")
        out = _story_head(s, r)
        arts = s.execute(select(ArticleRow).where(ArticleRow.story_id == story_id)
                         .order_by(ArticleRow.published, ArticleRow.id)).scalars().all()
        out["articles_list"] = [_article_head(a) for a in arts]
        ids = [a.id for a in arts]
        out["links"] = [{"a": l.a, "b": l.b, "kind": l.kind, "score": l.score, "reasons": l.reasons}
                        for l in s.execute(select(LinkRow).where(LinkRow.a.in_(ids))).scalars()]
        out["facts"] = _facts_of(s, list(s.execute(
            select(FactRow).where(FactRow.story_id == story_id).order_by(FactRow.measure, FactRow.id)).scalars()))
        out["timeline"] = _timeline_items(s, ids, entity=None)
        return out


def _article_head(a: ArticleRow) -> dict:
    return {"id": a.id, "source": a.source, "title": a.title, "outlet": a.outlet,
            "published": _iso(a.published), "language": a.language, "story": a.story_id}


def _fact(f: FactRow, srcs: list) -> dict:
    """A fact with its statement rows ``srcs`` (read by :func:`_facts_of`, maybe only the
    first of them; ``statements_total`` counts them all)."""
    total = srcs[0].total if srcs else 0
    return {"statements_total": total, "id": f.id, "subject": f.subject, "subject_id": f.subject_id, "measure": f.measure,
            "period": f.period, "unit": f.unit, "value": f.value, "status": f.status,
            "sources": f.sources, "story": f.story_id, "values": f.values,
            "statements": [{"value": x.value, "qualifier": x.qualifier, "group": x.value_group,
                            "text": x.text, "outlet": x.outlet, "article": x.article_id,
                            "source": x.source, "published": _iso(x.published), "sentence": x.sentence}
                           for x in srcs]}


def _statements(*fact_ids: int, first: int | None = None):
    """Statement rows (plain columns, no ORM objects: a fact may have thousands), each
    with ``total``, its fact's number of statements; with ``first``, only the first
    ``first`` of each fact (by value group)."""
    order = (FactSourceRow.value_group, FactSourceRow.id)
    inner = select(FactSourceRow.fact_id, FactSourceRow.value, FactSourceRow.qualifier,
                   FactSourceRow.value_group, FactSourceRow.text, FactSourceRow.outlet,
                   FactSourceRow.article_id, FactSourceRow.sentence, FactSourceRow.id.label("sid"),
                   func.row_number().over(partition_by=FactSourceRow.fact_id, order_by=order).label("rn"),
                   func.count().over(partition_by=FactSourceRow.fact_id).label("total")) \
        .where(FactSourceRow.fact_id.in_(fact_ids)).subquery()
    q = select(inner, ArticleRow.source, ArticleRow.published) \
        .join(ArticleRow, ArticleRow.id == inner.c.article_id)
    if first:
        q = q.where(inner.c.rn <= first)
    return q.order_by(inner.c.fact_id, inner.c.rn)


def _facts_of(s: Session, rows: list[FactRow], max_statements: int | None = None) -> list[dict]:
    """Several facts with their (first ``max_statements``) statements, read in one query."""
    by_fact: dict[int, list] = defaultdict(list)
    for r in s.execute(_statements(*[f.id for f in rows], first=max_statements)).all() if rows else ():
        by_fact[r.fact_id].append(r)
    return [_fact(f, by_fact[f.id]) for f in rows]


def find_entities(engine: Engine, name: str, *, type_: str | None = None, limit: int = 20) -> list[dict]:
    """Entities named ``name`` (any alias, normalised), else whose name contains it."""
    with Session(engine) as s:
        if name.isdigit():
            row = s.get(EntityRow, int(name))
            return [_entity_head(row)] if row else []
        keys = {normalise(name, t) for t in ("PER", "ORG", "LOC", "PRODUCT", "EVENT")}
        ids = select(AliasRow.entity_id).where(AliasRow.key.in_(keys))
        q = select(EntityRow).where(EntityRow.id.in_(ids))
        if type_:
            q = q.where(EntityRow.type == type_)
        rows = s.execute(q.order_by(EntityRow.articles.desc(), EntityRow.id).limit(limit)).scalars().all()
        if not rows and without_title(name) != name:  # "Menperin Budi": the person
            people = find_entities(engine, without_title(name), type_=type_ or "PER", limit=limit)
            if people:
                return people
        if not rows:
            like = f"%{name.replace('%', '').replace('_', '')}%"
            ids = select(AliasRow.entity_id).where(AliasRow.alias.ilike(like))
            q = select(EntityRow).where(or_(EntityRow.name.ilike(like), EntityRow.id.in_(ids)))
            if type_:
                q = q.where(EntityRow.type == type_)
            rows = s.execute(q.order_by(EntityRow.articles.desc(), EntityRow.id).limit(limit)).scalars().all()
        return [_entity_head(r) for r in rows[:limit]]


def entities(engine: Engine, *, type_: str | None = None, limit: int = 50, offset: int = 0) -> list[dict]:
    """Entities, most written about first."""
    with Session(engine) as s:
        q = select(EntityRow)
        if type_:
            q = q.where(EntityRow.type == type_)
        rows = s.execute(q.order_by(EntityRow.articles.desc(), EntityRow.id).limit(limit).offset(offset)).scalars()
        return [_entity_head(r) for r in rows]


def _entity_head(r: EntityRow) -> dict:
    return {"id": r.id, "name": r.name, "type": r.type, "articles": r.articles}


def resolve_one(engine: Engine, name: str) -> int:
    found = find_entities(engine, name)
    if not found:
        raise KBError(f"'{name}': no entity by that name in the knowledge base")
    return found[0]["id"]


PROFILE_ARTICLES = 50  # an entity profile reads the latest articles about it, this many


def entity(engine: Engine, name: str, *, articles: int = PROFILE_ARTICLES) -> dict:
    """The profile of the entity best matching ``name``: aliases, roles, quotes, facts,
    events, related entities, and the merges that made it (its ``why``).

    Roles, quotes, events and the article list come from the latest ``articles`` articles
    that name it (``articles_shown`` of ``articles`` in all), so that the profile of an
    entity named in ten thousand articles stays quick; related entities are counted in
    those articles too; facts (at most ``PROFILE_FACTS``) show their first ``PROFILE_STATEMENTS`` statements."""
    eid = resolve_one(engine, name)
    with Session(engine) as s:
        row = s.get(EntityRow, eid)
        out = _entity_head(row)
        out["aliases"] = [{"alias": a.alias, "count": a.count, "articles": a.article_ids}
                          for a in s.execute(select(AliasRow).where(AliasRow.entity_id == eid)
                                             .order_by(AliasRow.count.desc(), AliasRow.alias)).scalars()]
        art_ids = _latest_articles(s, eid, articles)
        forms = _forms(s, eid, art_ids)
        out["articles_shown"] = len(art_ids)
        items = _items(s, art_ids, ("role", "quote", "event"))
        out["roles"] = [_role(i, a) for i, a in items if i.kind == "role" and i.text in forms[i.article_id]]
        out["quotes"] = [{"text": i.data.get("text"), "article": a.id, "outlet": a.outlet,
                          "published": _iso(a.published)}
                         for i, a in items if i.kind == "quote" and i.value_text in forms[i.article_id]]
        out["facts"] = _facts_of(s, list(s.execute(select(FactRow).where(FactRow.subject_id == eid)
                                                   .order_by(FactRow.measure, FactRow.id)
                                                   .limit(PROFILE_FACTS)).scalars()), PROFILE_STATEMENTS)
        out["events"] = [e for e in _timeline_items(s, art_ids, entity=forms, items=items) if e["kind"] == "event"]
        out["related"] = _related(s, eid, art_ids)
        out["articles_list"] = [_article_head(a) for a in s.execute(
            select(ArticleRow).options(load_only(*HEAD_COLUMNS))
            .where(ArticleRow.id.in_(art_ids)).order_by(ArticleRow.published)).scalars()]
        out["merges"] = row.merges
        return out


def _latest_articles(s: Session, eid: int, limit: int) -> list[int]:
    """Ids of the latest ``limit`` articles naming the entity (undated ones last).

    The candidates come from the ``(entity_id, day)`` index read backwards — its latest
    days (all of the last one, for ties) and its rows with no day (dated to a month or a
    year, or undated) — so that an entity in 18,000 articles is not sorted whole."""
    m = MentionRow
    dated = s.execute(select(m.article_id, m.day).where(m.entity_id == eid, m.day.is_not(None))
                      .order_by(m.day.desc()).limit(2 * limit)).all()
    mine = {a for a, _ in dated}
    if len(dated) == 2 * limit:
        if len(mine) < limit:  # an article naming it many times: read them all
            mine = set(s.scalars(select(m.article_id).where(m.entity_id == eid)))
        else:
            mine |= set(s.scalars(select(m.article_id).where(m.entity_id == eid, m.day == dated[-1][1])))
    mine |= set(s.scalars(select(m.article_id).where(m.entity_id == eid, m.day.is_(None))))
    latest = select(ArticleRow.id).where(ArticleRow.id.in_(sorted(mine))) \
        .order_by(ArticleRow.published.desc().nulls_last(), ArticleRow.id.desc()).limit(limit)
    return sorted(s.execute(latest).scalars())


PROFILE_FACTS = 50       # facts of the entity shown in its profile, at most
PROFILE_STATEMENTS = 20  # statements shown of each (``statements_total`` counts them all)
HEAD_COLUMNS = (ArticleRow.id, ArticleRow.source, ArticleRow.title, ArticleRow.outlet,
                ArticleRow.published, ArticleRow.language, ArticleRow.story_id)


def _mentions(s: Session, eid: int, art_ids: list[int] | None = None) -> list[MentionRow]:
    """The entity's mentions (in ``art_ids``).  Those of a few articles are read by the
    articles' index and kept when they are the entity's: asked with both conditions,
    SQLite walks the entity's index range, every mention of an entity in 54,000 articles."""
    q = select(MentionRow).options(load_only(MentionRow.article_id, MentionRow.name, MentionRow.aliases,
                                             MentionRow.entity_id))
    if art_ids is None:
        return list(s.execute(q.where(MentionRow.entity_id == eid)).scalars())
    return [m for m in s.execute(q.where(MentionRow.article_id.in_(art_ids))).scalars() if m.entity_id == eid]


def _forms(s: Session, eid: int, art_ids: list[int] | None = None) -> dict[int, set[str]]:
    """Per article, the names and aliases the entity goes by there."""
    forms: dict[int, set[str]] = defaultdict(set)
    for m in _mentions(s, eid, art_ids):
        forms[m.article_id].update([m.name, *(m.aliases or [])])
    return forms


def _items(s: Session, art_ids: list[int], kinds: tuple[str, ...] | None = None) -> list[tuple[ItemRow, ArticleRow]]:
    """The items (of these ``kinds``) of these articles with the article columns they are
    shown with (never the stored document)."""
    q = select(ItemRow, ArticleRow).options(load_only(*HEAD_COLUMNS, ArticleRow.text)) \
        .join(ArticleRow, ArticleRow.id == ItemRow.article_id).where(ItemRow.article_id.in_(art_ids))
    if kinds:
        q = q.where(ItemRow.kind.in_(kinds))
    return list(s.execute(q.order_by(ArticleRow.published, ItemRow.start)).all())


def _role(i: ItemRow, a: ArticleRow) -> dict:
    return {"title": i.data.get("title"), "org": i.data.get("org"), "article": a.id,
            "outlet": a.outlet, "published": _iso(a.published)}


def _related(s: Session, eid: int, art_ids: list[int], limit: int = 10) -> list[dict]:
    """The entities named in most of these articles (those of the profile)."""
    together = func.count(func.distinct(MentionRow.article_id))
    top = s.execute(select(MentionRow.entity_id, together).where(MentionRow.article_id.in_(art_ids),
                                                                 MentionRow.entity_id != eid)
                    .group_by(MentionRow.entity_id).order_by(together.desc(), MentionRow.entity_id)
                    .limit(limit)).all()
    names = {r.id: r for r in s.execute(select(EntityRow).where(EntityRow.id.in_([e for e, _ in top]))).scalars()}
    return [{**_entity_head(names[e]), "together": n} for e, n in top]


def _names_in(value) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, (list, tuple)):
        return set().union(*(_names_in(v) for v in value)) if value else set()
    if isinstance(value, dict):
        return set().union(*(_names_in(v) for v in value.values())) if value else set()
    return set()


def _timeline_items(s: Session, art_ids: list[int], entity: dict[int, set[str]] | None,
                    items: list[tuple[ItemRow, ArticleRow]] | None = None) -> list[dict]:
    """Dated events and figures of these articles (of one entity, when given), in order."""
    out = []
    for i, a in (items if items is not None else _items(s, art_ids, ("event", "money", "percent", "quantity"))):
        if i.kind not in ("event", "money", "percent", "quantity"):
            continue
        if i.kind == "event":
            args = {k: v for k, v in i.data.items() if k not in ("span", "evidence", "confidence", "trigger")}
            if entity is not None and not (_names_in(args) & entity[a.id]):
                continue
            when = args.get("date") or _iso(a.published)
            what = i.data.get("type")
        else:
            if entity is not None:
                continue  # an entity's figures come from its facts below
            when, what, args = _iso(a.published), i.kind, {"text": i.text, "value": i.value, "unit": i.unit}
        out.append({"date": when, "kind": "event" if i.kind == "event" else "figure", "what": what,
                    "args": args, "sentence": _sentence(a.text, i), "article": a.id,
                    "outlet": a.outlet, "source": a.source})
    return sorted(out, key=lambda e: (str(e["date"] or "9999"), e["article"]))


def _sentence(text_: str, i: ItemRow) -> str:
    if i.kind == "event" and i.data.get("evidence"):
        return i.data["evidence"]
    from .facts import sentence_at
    if i.start is None:
        return ""
    lo, hi = sentence_at(text_, i.start, i.end)
    return text_[lo:hi].strip()


TIMELINE_ARTICLES = 200  # a timeline covers the latest articles naming the entity, this many


def timeline(engine: Engine, name: str, *, articles: int = TIMELINE_ARTICLES) -> dict:
    """An entity's dated events and facts in order, each with its source sentence, from
    the latest ``articles`` articles that name it (``articles_shown``)."""
    eid = resolve_one(engine, name)
    with Session(engine) as s:
        row = s.get(EntityRow, eid)
        art_ids = _latest_articles(s, eid, articles)
        forms = _forms(s, eid, art_ids)
        items = _timeline_items(s, art_ids, entity=forms)
        for f, st in _statements_in(s, eid, art_ids):
            items.append({"date": f.period or _iso(st.published), "kind": "fact", "what": f.measure,
                          "args": {"value": st.value, "unit": f.unit, "status": f.status, "text": st.text},
                          "sentence": st.sentence, "article": st.article_id,
                          "outlet": st.outlet, "source": st.source})
        items.sort(key=lambda e: (str(e["date"] or "9999"), e["article"]))
        return {**_entity_head(row), "articles_shown": len(art_ids), "timeline": items}


def _statements_in(s: Session, eid: int, art_ids: list[int]) -> list[tuple[FactRow, object]]:
    """The statements of the entity's facts made in ``art_ids``, with their fact, in the
    facts' order and each fact's (value group, statement) order — read for those
    articles only, not every statement of a fact that thousands of articles state."""
    src = FactSourceRow
    rows = [r for r in s.execute(select(src.fact_id, src.value, src.text, src.sentence, src.article_id, src.outlet,
                                        ArticleRow.source, ArticleRow.published, FactRow.subject_id)
                                 .join(ArticleRow, ArticleRow.id == src.article_id)
                                 .join(FactRow, FactRow.id == src.fact_id)
                                 .where(src.article_id.in_(art_ids))  # by the articles' index (as _mentions)
                                 .order_by(src.fact_id, src.value_group, src.id)) if r.subject_id == eid]
    facts = {f.id: f for f in s.execute(select(FactRow).where(FactRow.id.in_(sorted({r.fact_id for r in rows}))))
             .scalars()} if rows else {}
    return [(facts[r.fact_id], r) for r in rows]


def conflicts(engine: Engine, *, limit: int = 100, offset: int = 0) -> list[dict]:
    """Facts that outlets disagree on, with each value and its sources."""
    with Session(engine) as s:
        rows = s.execute(select(FactRow).where(FactRow.status == "conflict")
                         .order_by(FactRow.story_id, FactRow.id).limit(limit).offset(offset)).scalars().all()
        return _facts_of(s, rows)


FACTS_BATCH = 500  # facts whose statements are read in one query, for the export


def facts(engine: Engine, *, status: str | None = None) -> Iterator[dict]:
    with Session(engine) as s:
        q = select(FactRow).order_by(FactRow.id)
        if status:
            q = q.where(FactRow.status == status)
        for rows in s.execute(q).scalars().partitions(FACTS_BATCH):
            yield from _facts_of(s, rows)


def search(engine: Engine, query: str, *, limit: int = 20, offset: int = 0) -> list[dict]:
    """Articles matching ``query`` (FTS5 with Indonesian stems on SQLite), best first, with
    a snippet where the hits are marked ``[…]``."""
    q = searchmod.fts_query(query)
    if not q:
        return []
    with Session(engine) as s:
        if fts_available(engine):
            found = _fts_ranked(s, q, limit, offset)
        else:
            words = [w for w in query.split() if w]
            cond = [ArticleRow.text.ilike(f"%{w}%") for w in words]
            found = [(i, None) for i in s.execute(select(ArticleRow.id).where(*cond)
                                                  .limit(limit).offset(offset)).scalars()]
        arts = {a.id: a for a in s.execute(select(ArticleRow).options(load_only(*HEAD_COLUMNS, ArticleRow.text))
                                           .where(ArticleRow.id.in_([i for i, _ in found]))).scalars()}
        return [{**_article_head(arts[i]),
                 "snippet": snip if snip and "[" in snip else searchmod.highlight(arts[i].text, query)}
                for i, snip in found if i in arts]


SEARCH_RANKED = 2000  # a word in more articles than this: the best of its latest this many


def _fts_ranked(s: Session, q: str, limit: int, offset: int) -> list[tuple[int, str]]:
    """FTS5 hits of ``q``, best first, with their snippets.  Ranking reads every match, so
    a query matching more than ``SEARCH_RANKED`` articles (a frequent name in a KB of a
    million) ranks only the latest ``SEARCH_RANKED`` of them (the highest rowids, read
    from the index backwards): its cost stays that of ``SEARCH_RANKED`` matches."""
    cut = s.execute(text("SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q "
                         "ORDER BY rowid DESC LIMIT 1 OFFSET :k"), {"q": q, "k": SEARCH_RANKED - 1}).scalar()
    rows = s.execute(text(
        "SELECT rowid, snippet(articles_fts, 1, '[', ']', '…', 16) AS snip, rank "
        "FROM articles_fts WHERE articles_fts MATCH :q AND rowid >= :cut ORDER BY rank LIMIT :n OFFSET :o"),
        {"q": q, "cut": cut or 0, "n": limit, "o": offset}).all()
    return [(r.rowid, r.snip) for r in rows]


def article(engine: Engine, article_id: int) -> dict:
    """One article's contract, with its story and the KB entity of each of its entities."""
    with Session(engine) as s:
        a = s.get(ArticleRow, article_id)
        if a is None:
            raise KBError(f"article {article_id}: no such article")
        kb = dict(s.execute(select(MentionRow.local_id, MentionRow.entity_id)
                            .where(MentionRow.article_id == a.id)).all())
        doc = dict(a.document)
        doc["id"], doc["story"] = a.id, a.story_id
        doc["entities"] = [{**e, "kb_id": kb.get(e["id"])} for e in doc.get("entities", [])]
        return doc


def articles(engine: Engine, *, limit: int | None = None, offset: int = 0) -> Iterator[dict]:
    with Session(engine) as s:
        ids = s.execute(select(ArticleRow.id).order_by(ArticleRow.id).limit(limit).offset(offset)).scalars().all()
    for i in ids:
        yield article(engine, i)


def article_heads(engine: Engine, *, limit: int = 50, offset: int = 0) -> list[dict]:
    with Session(engine) as s:
        rows = s.execute(select(ArticleRow).order_by(ArticleRow.published.desc(), ArticleRow.id)
                         .limit(limit).offset(offset)).scalars()
        return [_article_head(a) for a in rows]


def events(engine: Engine) -> Iterator[dict]:
    with Session(engine) as s:
        for i, a in s.execute(select(ItemRow, ArticleRow).join(ArticleRow, ArticleRow.id == ItemRow.article_id)
                              .where(ItemRow.kind == "event").order_by(ItemRow.id)):
            yield {**i.data, "article": a.id, "story": a.story_id, "outlet": a.outlet,
                   "published": _iso(a.published)}


def all_entities(engine: Engine) -> Iterator[dict]:
    with Session(engine) as s:
        aliases: dict[int, list[str]] = defaultdict(list)
        for eid, alias in s.execute(select(AliasRow.entity_id, AliasRow.alias).order_by(AliasRow.count.desc())):
            aliases[eid].append(alias)
        for r in s.execute(select(EntityRow).order_by(EntityRow.id)).scalars():
            yield {**_entity_head(r), "aliases": aliases[r.id]}


def all_stories(engine: Engine) -> Iterator[dict]:
    with Session(engine) as s:
        for r in s.execute(select(StoryRow).order_by(StoryRow.id)).scalars():
            head = _story_head(s, r)
            head["article_ids"] = list(s.execute(select(ArticleRow.id).where(ArticleRow.story_id == r.id)).scalars())
            yield head
