"""Rebuild the KB's derived tables from its articles: entities, links, stories, facts.

``ingest`` stores articles and marks the derived tables stale; ``incremental.refresh`` then
brings them up to date: incrementally (only what the new, replaced or removed articles
touch) once the KB has been built, else by ``rebuild``, which recomputes them all
in one transaction (so a reader never sees half of them): resolution (``resolve``),
near-duplicates and stories (``stories``), facts with corroboration and conflicts
(``facts``).  Each step is a pure function of plain data read here.
"""

from __future__ import annotations

import json
from collections import defaultdict
from itertools import islice

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.orm import Session

from . import facts as factmod
from . import parallel
from . import resolve as resolvemod
from . import stories as storymod
from .schema import (AliasRow, ArticleRow, EntityRow, FactRow, FactSourceRow, ItemRow, LinkRow,
                     MentionRow, StoryRow)
from .schema import Meta
from .store import get_meta, set_meta

FIGURE_KINDS = ("money", "percent", "quantity")
PENDING = "pending_removed"  # warta_meta: what removed articles held, for kb.incremental


def rebuild_if_stale(engine: Engine) -> bool:
    """Rebuild when articles changed since the last build; True if it did (``ingest``
    brings the tables up to date incrementally instead: ``incremental.refresh``)."""
    if get_meta(engine, "derived_stale") == "0":
        return False
    rebuild(engine)
    return True


def rebuild(engine: Engine) -> None:
    """Recompute entities, aliases, links, stories and facts from the stored articles."""
    with Session(engine) as s, s.begin():
        for table in (FactSourceRow, FactRow, LinkRow, AliasRow):
            s.execute(delete(table))
        s.execute(update(MentionRow).values(entity_id=None))
        s.execute(update(ArticleRow).values(story_id=None))
        s.execute(delete(EntityRow))
        s.execute(delete(StoryRow))
        entity_of = _entities(s)
        story_of = _stories(s, entity_of)
        _facts(s, entity_of, story_of)
        set_meta(s, "derived_stale", "0")
        s.execute(delete(Meta).where(Meta.key == PENDING))


def _entities(s: Session) -> dict[int, int]:
    """Resolve; write entities and aliases; return mention row id -> entity id."""
    rows = s.execute(select(MentionRow.id, MentionRow.article_id, MentionRow.name,
                            MentionRow.type, MentionRow.aliases)).all()
    mentions = [resolvemod.Mention(r.id, r.article_id, r.name, r.type, tuple(r.aliases or ()))
                for r in rows]
    groups = resolvemod.resolve(mentions)
    entity_of: dict[int, int] = {}
    alias_rows = []
    for eid, g in enumerate(groups, start=1):
        articles = {a for _, arts in g.aliases.values() for a in arts}
        s.execute(insert(EntityRow), [{"id": eid, "name": g.name, "type": g.type,
                                       "articles": len(articles), "merges": g.merges}])
        for alias, (count, arts) in sorted(g.aliases.items()):
            key = resolvemod.normalise(alias, g.type)
            alias_rows.append({"entity_id": eid, "alias": alias, "key": key, "rkey": key[::-1],
                               "count": count, "names": g.names.get(alias, 0),
                               "article_ids": sorted(arts)[:resolvemod.ALIAS_ARTICLES]})
        for m in g.members:
            entity_of[m] = eid
    if alias_rows:
        s.execute(insert(AliasRow), alias_rows)
    if entity_of:
        s.execute(update(MentionRow), [{"id": m, "entity_id": e} for m, e in entity_of.items()])
    return entity_of


def features(s: Session, entity_of: dict[int, int] | None, ids: list[int] | None = None) -> list[storymod.Features]:
    """The story features of every article, or of ``ids`` (their entities then read from
    the mentions' ``entity_id``, as ``kb.incremental`` wrote them)."""
    arts = select(ArticleRow.id, ArticleRow.published, ArticleRow.published_precision,
                  ArticleRow.content_hash, ArticleRow.minhash)
    ments = select(MentionRow.id, MentionRow.article_id, MentionRow.entity_id)
    figs = select(ItemRow.article_id, ItemRow.kind, ItemRow.value, ItemRow.value_text,
                  ItemRow.unit).where(ItemRow.kind.in_(("money", "percent", "quantity", "date")))
    if ids is not None:
        arts, ments, figs = (arts.where(ArticleRow.id.in_(ids)), ments.where(MentionRow.article_id.in_(ids)),
                             figs.where(ItemRow.article_id.in_(ids)))
    feats = {r.id: storymod.Features(r.id, r.published, r.content_hash, minhash=r.minhash,
                                     precision=r.published_precision)
             for r in s.execute(arts)}
    for mid, aid, eid in s.execute(ments):
        eid = entity_of.get(mid) if entity_of is not None else eid
        if eid is not None:
            feats[aid].entities.add(eid)
    for r in s.execute(figs):
        if r.kind == "date" and r.unit == "day" and r.value_text:
            feats[r.article_id].days.add(r.value_text)
        elif r.kind != "date" and r.value:
            feats[r.article_id].figures.add((r.kind, (r.unit or "").casefold(), float(f"{r.value:.4g}")))
    for aid, eid in role_organisations(s, list(feats)):
        feats[aid].orgs.add(eid)
    return list(feats.values())


def role_organisations(s: Session, ids: list[int]) -> list[tuple[int, int]]:
    """(article, entity) for the organisations the roles of ``ids`` name ("Menteri Keuangan"
    → Kementerian Keuangan), found through the aliases' keys: one outlet lists the
    ministries of a reshuffle, another the ministers' posts, and both name the same
    organisations.  A key that names several organisations names none."""
    named: dict[str, set[int]] = defaultdict(set)
    for chunk in chunks(ids):
        for aid, data in s.execute(select(ItemRow.article_id, ItemRow.data)
                                   .where(ItemRow.kind == "role", ItemRow.article_id.in_(chunk))):
            org = (data or {}).get("org")
            if org:
                named[resolvemod.normalise(org, "ORG")].add(aid)
    out = []
    for chunk in chunks(sorted(named)):
        owners: dict[str, set[int]] = defaultdict(set)
        for key, eid in s.execute(select(AliasRow.key, AliasRow.entity_id)
                                  .join(EntityRow, EntityRow.id == AliasRow.entity_id)
                                  .where(AliasRow.key.in_(chunk), EntityRow.type == "ORG")):
            owners[key].add(eid)
        out += [(aid, min(eids)) for key, eids in owners.items() if len(eids) == 1
                for aid in named[key]]
    return sorted(out)


def _stories(s: Session, entity_of: dict[int, int]) -> dict[int, tuple[int, int]]:
    """Link articles, group them into stories; return article id -> (story id, size)."""
    feats = features(s, entity_of)
    found = storymod.links(feats)
    if found:
        s.execute(insert(LinkRow), [{"a": l.a, "b": l.b, "kind": l.kind, "score": l.score,
                                     "reasons": l.reasons} for l in found])
    info = {r.id: r for r in s.execute(select(ArticleRow.id, ArticleRow.title, ArticleRow.published))}
    story_of = {}
    days = {f.id: f.published for f in feats if storymod.dated_to_day(f.published, f.precision)}
    write_stories(s, storymod.stories(info, found, days), info, story_of, first_id=1)
    s.execute(update(ArticleRow), [{"id": a, "story_id": sid} for a, (sid, _) in story_of.items()])
    return story_of


def write_stories(s: Session, groups: list[list[int]], info: dict, story_of: dict, first_id: int) -> None:
    """Story rows for ``groups`` (ids from ``first_id``), one bulk insert; ``story_of``
    filled in."""
    rows = []
    for sid, group in enumerate(groups, start=first_id):
        dates = sorted(info[a].published for a in group if info[a].published)
        first = min(group, key=lambda a: (info[a].published is None, info[a].published, a))
        rows.append({"id": sid, "label": info[first].title or f"story {sid}",
                     "first_published": dates[0] if dates else None,
                     "last_published": dates[-1] if dates else None, "size": len(group)})
        for a in group:
            story_of[a] = (sid, len(group))
    if rows:
        s.execute(insert(StoryRow.__table__), rows)


def _facts(s: Session, entity_of: dict[int, int], story_of: dict[int, tuple[int, int]]) -> None:
    write_facts(s, factmod.facts(statements(s, story_of, entity_of)), first_id=1)


def statements(s: Session, story_of: dict[int, tuple[int, int]], entity_of: dict[int, int] | None = None,
               ids: list[int] | None = None) -> list[factmod.Statement]:
    """The fact statements of every article, or of ``ids`` (their entities then read from
    the mentions' ``entity_id``); ``story_of``: article id -> (story id, story size)."""
    names: dict[int, str] = {}
    ents: dict[int, list[dict]] = defaultdict(list)
    ments = select(MentionRow.id, MentionRow.article_id, MentionRow.type, MentionRow.mentions,
                   MentionRow.entity_id)
    its = select(ItemRow).where(ItemRow.kind.in_((*FIGURE_KINDS, "date")))
    arts = select(ArticleRow.id, ArticleRow.text, ArticleRow.outlet)
    if ids is not None:
        ments, its, arts = (ments.where(MentionRow.article_id.in_(ids)), its.where(ItemRow.article_id.in_(ids)),
                            arts.where(ArticleRow.id.in_(ids)))
    rows = s.execute(ments).all()
    wanted = {entity_of.get(r.id) if entity_of is not None else r.entity_id for r in rows} - {None}
    for chunk in chunks(sorted(wanted)):
        names.update(s.execute(select(EntityRow.id, EntityRow.name).where(EntityRow.id.in_(chunk))).all())
    for r in rows:
        eid = entity_of.get(r.id) if entity_of is not None else r.entity_id
        if eid is not None:
            ents[r.article_id].append({"kb_id": eid, "name": names[eid], "type": r.type,
                                       "spans": [tuple(m) for m in r.mentions or ()]})
    items: dict[int, list] = defaultdict(list)
    for r in s.execute(its).scalars():
        items[r.article_id].append(r)

    def each():
        for a in s.execute(arts):
            figures = [{"id": r.id, "kind": r.kind, "value": r.value, "unit": r.unit, "text": r.text,
                        "qualifier": (r.data or {}).get("qualifier"), "start": r.start, "end": r.end,
                        "idr": (r.data or {}).get("idr"), "range": (r.data or {}).get("range_id")}
                       for r in items[a.id] if r.kind in FIGURE_KINDS and not (r.data or {}).get("vague")]
            dates = [{"id": r.id, "value": r.value_text, "precision": r.unit, "start": r.start, "end": r.end}
                     for r in items[a.id] if r.kind == "date"]
            sid, size = story_of.get(a.id, (None, 1))
            yield {"id": a.id, "text": a.text, "outlet": a.outlet}, figures, ents[a.id], dates, sid, size > 1

    out, articles = [], each()
    while block := list(islice(articles, STATED_AT_ONCE)):  # a block's texts in memory, not the KB's
        out += [st for made in parallel.map(lambda a: factmod.statements_of(*a), block, least=STATED_APART)
                for st in made]
    return out


STATED_APART = 400  # articles from which ``parallel.processes(n)`` finds their statements in n processes
STATED_AT_ONCE = 5000  # articles whose statements are made from one read of their rows


def chunks(ids: list, n: int = 900) -> list[list]:
    """``ids`` in pieces small enough for one ``IN (…)`` of any database."""
    return [ids[i:i + n] for i in range(0, len(ids), n)]


def write_facts(s: Session, made: list[factmod.Fact], first_id: int) -> None:
    """The rows of the facts ``made`` (ids from ``first_id``) and of their statements,
    one bulk insert per table."""
    facts, sources = [], []
    for fid, fact in enumerate(made, start=first_id):
        values = [{"value": g[0].value, "articles": sorted({x.article for x in g}),
                   "outlets": sorted({x.outlet or "?" for x in g}), "text": g[0].text,
                   **({"reason": why} if why else {})} for g, why in zip(fact.groups, fact.reasons)]
        facts.append({"id": fid, "key": json.dumps(fact.key, default=str), "subject_id": fact.subject,
                      "subject": fact.subject_name, "measure": fact.measure, "period": fact.period,
                      "unit": fact.unit, "value": fact.value, "values": values, "status": fact.status,
                      "sources": len({x.article for x in fact.statements}), "story_id": fact.story})
        sources += [{"fact_id": fid, "item_id": x.item, "article_id": x.article, "value": x.value,
                     "qualifier": x.qualifier, "value_group": gi, "outlet": x.outlet, "text": x.text,
                     "sentence": x.sentence}
                    for gi, g in enumerate(fact.groups) for x in g]
    if facts:
        s.execute(insert(FactRow.__table__), facts)
    if sources:
        s.execute(insert(FactSourceRow.__table__), sources)
