"""Rebuild the KB's derived tables from its articles: entities, links, stories, facts.

``ingest`` stores articles and marks the derived tables stale; ``rebuild`` recomputes them
all in one transaction (so a reader never sees half of them): resolution (``resolve``),
near-duplicates and stories (``stories``), facts with corroboration and conflicts
(``facts``).  Each step is a pure function of plain data read here.
"""

from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import Engine, delete, insert, select, update
from sqlalchemy.orm import Session

from . import facts as factmod
from . import resolve as resolvemod
from . import stories as storymod
from .schema import (AliasRow, ArticleRow, EntityRow, FactRow, FactSourceRow, ItemRow, LinkRow,
                     MentionRow, StoryRow)
from .store import get_meta, set_meta

FIGURE_KINDS = ("money", "percent", "quantity")


def rebuild_if_stale(engine: Engine) -> bool:
    """Rebuild when articles changed since the last build; True if it did."""
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
            alias_rows.append({"entity_id": eid, "alias": alias,
                               "key": resolvemod.normalise(alias, g.type), "count": count,
                               "article_ids": sorted(arts)})
        for m in g.members:
            entity_of[m] = eid
    if alias_rows:
        s.execute(insert(AliasRow), alias_rows)
    if entity_of:
        s.execute(update(MentionRow), [{"id": m, "entity_id": e} for m, e in entity_of.items()])
    return entity_of


def _features(s: Session, entity_of: dict[int, int]) -> list[storymod.Features]:
    feats = {r.id: storymod.Features(r.id, r.published, r.content_hash, minhash=r.minhash,
                                     precision=r.published_precision)
             for r in s.execute(select(ArticleRow.id, ArticleRow.published, ArticleRow.published_precision,
                                       ArticleRow.content_hash, ArticleRow.minhash))}
    for mid, aid, etype in s.execute(select(MentionRow.id, MentionRow.article_id, MentionRow.type)):
        if mid in entity_of:
            feats[aid].entities.add(entity_of[mid])
    for r in s.execute(select(ItemRow.article_id, ItemRow.kind, ItemRow.value, ItemRow.value_text,
                              ItemRow.unit).where(ItemRow.kind.in_(("money", "percent", "quantity", "date")))):
        if r.kind == "date" and r.unit == "day" and r.value_text:
            feats[r.article_id].days.add(r.value_text)
        elif r.kind != "date" and r.value:
            feats[r.article_id].figures.add((r.kind, (r.unit or "").casefold(), float(f"{r.value:.4g}")))
    return list(feats.values())


def _stories(s: Session, entity_of: dict[int, int]) -> dict[int, tuple[int, int]]:
    """Link articles, group them into stories; return article id -> (story id, size)."""
    feats = _features(s, entity_of)
    found = storymod.links(feats)
    if found:
        s.execute(insert(LinkRow), [{"a": l.a, "b": l.b, "kind": l.kind, "score": l.score,
                                     "reasons": l.reasons} for l in found])
    info = {r.id: r for r in s.execute(select(ArticleRow.id, ArticleRow.title, ArticleRow.published))}
    story_of = {}
    days = {f.id: f.published for f in feats if f.published and f.precision == "day"}
    for sid, group in enumerate(storymod.stories(info, found, days), start=1):
        dates = sorted(info[a].published for a in group if info[a].published)
        first = min(group, key=lambda a: (info[a].published is None, info[a].published, a))
        s.execute(insert(StoryRow), [{"id": sid, "label": info[first].title or f"story {sid}",
                                      "first_published": dates[0] if dates else None,
                                      "last_published": dates[-1] if dates else None,
                                      "size": len(group)}])
        for a in group:
            story_of[a] = (sid, len(group))
    s.execute(update(ArticleRow), [{"id": a, "story_id": sid} for a, (sid, _) in story_of.items()])
    return story_of


def _facts(s: Session, entity_of: dict[int, int], story_of: dict[int, tuple[int, int]]) -> None:
    names = dict(s.execute(select(EntityRow.id, EntityRow.name)).all())
    ents: dict[int, list[dict]] = defaultdict(list)
    for r in s.execute(select(MentionRow.id, MentionRow.article_id, MentionRow.type, MentionRow.mentions)):
        if r.id in entity_of:
            eid = entity_of[r.id]
            ents[r.article_id].append({"kb_id": eid, "name": names[eid], "type": r.type,
                                       "spans": [tuple(m) for m in r.mentions or ()]})
    items: dict[int, list] = defaultdict(list)
    for r in s.execute(select(ItemRow).where(ItemRow.kind.in_((*FIGURE_KINDS, "date")))).scalars():
        items[r.article_id].append(r)
    statements = []
    for a in s.execute(select(ArticleRow.id, ArticleRow.text, ArticleRow.outlet)):
        figures = [{"id": r.id, "kind": r.kind, "value": r.value, "unit": r.unit, "text": r.text,
                    "qualifier": (r.data or {}).get("qualifier"), "start": r.start, "end": r.end,
                    "idr": (r.data or {}).get("idr"), "range": (r.data or {}).get("range_id")}
                   for r in items[a.id] if r.kind in FIGURE_KINDS and not (r.data or {}).get("vague")]
        dates = [{"id": r.id, "value": r.value_text, "precision": r.unit, "start": r.start, "end": r.end}
                 for r in items[a.id] if r.kind == "date"]
        sid, size = story_of.get(a.id, (None, 1))
        statements += factmod.statements_of({"id": a.id, "text": a.text, "outlet": a.outlet},
                                            figures, ents[a.id], dates, sid, size > 1)
    for fid, fact in enumerate(factmod.facts(statements), start=1):
        _write_fact(s, fid, fact)


def _write_fact(s: Session, fid: int, fact: factmod.Fact) -> None:
    values = [{"value": g[0].value, "articles": sorted({x.article for x in g}),
               "outlets": sorted({x.outlet or "?" for x in g}), "text": g[0].text,
               **({"reason": why} if why else {})} for g, why in zip(fact.groups, fact.reasons)]
    s.execute(insert(FactRow), [{
        "id": fid, "key": json.dumps(fact.key, default=str), "subject_id": fact.subject,
        "subject": fact.subject_name, "measure": fact.measure, "period": fact.period,
        "unit": fact.unit, "value": fact.value, "values": values, "status": fact.status,
        "sources": len({x.article for x in fact.statements}), "story_id": fact.story}])
    s.execute(insert(FactSourceRow), [
        {"fact_id": fid, "item_id": x.item, "article_id": x.article, "value": x.value,
         "qualifier": x.qualifier, "value_group": gi, "outlet": x.outlet, "text": x.text,
         "sentence": x.sentence}
        for gi, g in enumerate(fact.groups) for x in g])

