"""Incremental maintenance: new, replaced and removed articles update only what they touch.

``kb.build.rebuild`` recomputes every entity, story and fact from every article; here the
same functions run on the part of the KB a change reaches, found through indexes:

1. **entities** — each new mention is looked up by its keys (``resolve.link_keys``) in the
   alias index.  A mention whose every key is already a key of one entity joins it (the
   common case: a known name).  The others, with the entities they may join — same key,
   a person's shorter or longer name (``resolve.prefix_keys``, a key range), a spelling
   variant in the same block (``resolve.spelling_blocks``: the alias key's and the
   reversed key's ranges) — are resolved again together by ``resolve.resolve``, so merges
   and splits (an acronym made ambiguous, a short name with a second longer name) come
   out as a full rebuild would make them.
2. **stories** — a new article is judged against the articles published at most
   ``stories.MAX_GAP_DAYS`` from it that share a rare entity or a precise figure, and
   those sharing an LSH band of its MinHash (``minhash_bands``); the stories its links
   reach (and those a removed article left) are grouped again from their stored links.
3. **facts** — recomputed for the articles whose story or entities changed and for the
   subjects their statements name (every article holding a statement of those subjects).

What a removed or replaced article held (its entities, story and facts) is noted in
``warta_meta`` (``build.PENDING``) by ``ingest`` in the transaction that deletes it, and new
articles are those without a story yet, so an ingest killed before this step is completed
by the next one.  Known, counted differences from a full rebuild are in docs/kb.md
("Incremental maintenance").
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter, defaultdict

from rapidfuzz import fuzz
from sqlalchemy import Engine, bindparam, delete, func, insert, or_, select, text, update
from sqlalchemy.orm import Session

from . import build
from . import facts as factmod
from . import resolve as resolvemod
from . import stories as storymod
from . import textsim
from .schema import (AliasRow, ArticleRow, BandRow, EntityRow, FactRow, FactSourceRow,
                     LinkRow, Meta, MentionRow, StoryRow)
from .store import article_count, get_meta, set_meta

_chunks = build.chunks
HIGH = "\U0010ffff"  # above every character: the end of a key range


def refresh(engine: Engine) -> str:
    """The derived tables made current: ``"none"`` (nothing changed), ``"incremental"``
    (only what the changed articles touch) or ``"full"`` (``build.rebuild``: a KB never
    built, or one an upgrade marked for a full rebuild)."""
    stale = get_meta(engine, "derived_stale")
    if stale == "0":
        return "none"
    if stale == "full" or not built(engine):
        build.rebuild(engine)
        return "full"
    apply(engine)
    return "incremental"


def built(engine: Engine) -> bool:
    """Whether the KB's derived tables have been built once (then they can be updated)."""
    with Session(engine) as s:
        return s.scalar(select(StoryRow.id).limit(1)) is not None


def pending(s: Session) -> dict[str, list[int]]:
    """What removed articles held and is still to be undone: entities, stories, facts."""
    raw = s.scalar(select(Meta.value).where(Meta.key == build.PENDING))
    found = json.loads(raw) if raw else {}
    return {k: list(found.get(k, ())) for k in ("entities", "stories", "facts")}


def note_removal(s: Session, article_id: int) -> None:
    """Before ``article_id`` is deleted: note what it held, for ``apply`` to undo."""
    todo = pending(s)
    todo["entities"] += [e for e in s.scalars(select(MentionRow.entity_id).where(
        MentionRow.article_id == article_id)) if e is not None]
    story = s.scalar(select(ArticleRow.story_id).where(ArticleRow.id == article_id))
    if story is not None:
        todo["stories"].append(story)
    todo["facts"] += list(s.scalars(select(FactSourceRow.fact_id).where(
        FactSourceRow.article_id == article_id).distinct()))
    set_meta(s, build.PENDING, json.dumps({k: sorted(set(v)) for k, v in todo.items()}))


def apply(engine: Engine) -> dict[str, int]:
    """Bring the derived tables up to date with the articles added or removed since the
    last build, in one transaction; returns counts of what it touched."""
    with Session(engine) as s, s.begin():
        new = list(s.scalars(select(ArticleRow.id).where(ArticleRow.story_id.is_(None)).order_by(ArticleRow.id)))
        todo = pending(s)
        moved = _entities(s, new, todo["entities"])
        regrouped = _stories(s, new, todo["stories"])
        refacted = _facts(s, sorted(set(new) | regrouped | moved), todo["facts"])
        set_meta(s, "derived_stale", "0")
        s.execute(delete(Meta).where(Meta.key == build.PENDING))
    return {"articles": len(new), "moved": len(moved), "regrouped": len(regrouped), "facts": refacted}


# ------------------------------------------------------------------ entities

def _mention(r) -> resolvemod.Mention:
    return resolvemod.Mention(r.id, r.article_id, r.name, r.type, tuple(r.aliases or ()))


def _mentions_of(s: Session, where) -> list[resolvemod.Mention]:
    rows = s.execute(select(MentionRow.id, MentionRow.article_id, MentionRow.name, MentionRow.type,
                            MentionRow.aliases, MentionRow.entity_id).where(where).order_by(MentionRow.id))
    return [_mention(r) for r in rows]


def _by_keys(s: Session, keys: set[tuple[str, str]]) -> dict[tuple[str, str], set[int]]:
    """(type, key) -> the entities holding an alias with that key."""
    out: dict[tuple[str, str], set[int]] = defaultdict(set)
    for chunk in _chunks(sorted({k for _, k in keys})):
        for key, eid, type_ in s.execute(select(AliasRow.key, AliasRow.entity_id, EntityRow.type)
                                         .join(EntityRow, EntityRow.id == AliasRow.entity_id)
                                         .where(AliasRow.key.in_(chunk))):
            if (type_, key) in keys:
                out[(type_, key)].add(eid)
    for (type_, key), eids in list(out.items()):
        if type_ == "PER" and " " not in key:  # a one-word alias of a person links nothing:
            eids &= _named(s, key, eids)        # only a one-word name does
            if not eids:
                del out[(type_, key)]
    return out


def _named(s: Session, key: str, eids: set[int]) -> set[int]:
    """The entities among ``eids`` with a mention whose name (not only an alias) has ``key``:
    an alias row of that key counting such mentions (``aliases.names``), not a read of the
    entity's mentions (every one of a person named in a tenth of the KB)."""
    return set(s.scalars(select(AliasRow.entity_id).where(
        AliasRow.key == key, AliasRow.entity_id.in_(sorted(eids)), AliasRow.names > 0)))


def _entities(s: Session, new: list[int], removed: list[int]) -> set[int]:
    """Resolve the new articles' mentions; return the old articles whose mentions moved."""
    if not new and not removed:
        return set()
    fresh = [m for chunk in _chunks(new) for m in _mentions_of(s, MentionRow.article_id.in_(chunk))]
    keys = {m.key: [(m.type, k) for k in resolvemod.link_keys(m)] for m in fresh}
    hits = _by_keys(s, {k for ks in keys.values() for k in ks})
    fast: dict[int, list[resolvemod.Mention]] = defaultdict(list)
    slow = []
    for m in fresh:
        found = set().union(*(hits.get(k, set()) for k in keys[m.key]))
        if len(found) == 1 and all(k in hits for k in keys[m.key]):
            fast[found.pop()].append(m)
        else:
            slow.append(m)
    _join_all(s, fast)
    live = {e for e in removed if s.scalar(select(MentionRow.id).where(MentionRow.entity_id == e).limit(1))}
    for e in set(removed) - live:
        s.execute(delete(AliasRow).where(AliasRow.entity_id == e))
        s.execute(delete(EntityRow).where(EntityRow.id == e))
    if not slow and not live:
        return set()
    return _resolve_again(s, slow, _related(s, slow) | live)


def _join_all(s: Session, fast: dict[int, list[resolvemod.Mention]]) -> None:
    """Each entity of ``fast`` takes its mentions (each of their keys is one of its keys):
    aliases counted, names and merge records updated — a few statements for all of them."""
    if not fast:
        return
    conn = s.connection()
    eids = sorted(fast)
    conn.execute(update(MentionRow.__table__).where(MentionRow.__table__.c.id == bindparam("mid"))
                 .values(entity_id=bindparam("eid")),
                 [{"mid": m.key, "eid": e} for e, ms in fast.items() for m in ms])
    ents = {r.id: r for chunk in _chunks(eids) for r in conn.execute(
        select(EntityRow.id, EntityRow.name, EntityRow.type, EntityRow.articles, EntityRow.merges)
        .where(EntityRow.id.in_(chunk)))}
    forms: dict[tuple[int, str], tuple[int, set[int]]] = {}
    named = Counter((e, m.name) for e, ms in fast.items() for m in ms)
    for e, ms in fast.items():
        for m in ms:
            for form in (m.name, *m.aliases):
                count, arts = forms.get((e, form), (0, set()))
                forms[(e, form)] = (count + 1, arts | {m.article})
    rows = {}
    for chunk in _chunks(eids):
        for r in conn.execute(select(AliasRow.id, AliasRow.entity_id, AliasRow.alias, AliasRow.count, AliasRow.names,
                                     AliasRow.article_ids).where(AliasRow.entity_id.in_(chunk),
                                                                 AliasRow.alias.in_(sorted({f for _, f in forms})))):
            rows[(r.entity_id, r.alias)] = r
    changed, added = [], []
    for (e, form), (count, arts) in forms.items():
        if (e, form) in rows:
            r = rows[(e, form)]
            changed.append({"aid": r.id, "count": r.count + count, "names": (r.names or 0) + named[(e, form)],
                            # the first ones of both are the first ones
                            "article_ids": sorted(set(r.article_ids or ()) | arts)[:resolvemod.ALIAS_ARTICLES]})
        else:
            key = resolvemod.normalise(form, ents[e].type)
            added.append({"entity_id": e, "alias": form, "key": key, "rkey": key[::-1], "count": count,
                          "names": named[(e, form)], "article_ids": sorted(arts)[:resolvemod.ALIAS_ARTICLES]})
    if changed:
        table = AliasRow.__table__
        conn.execute(update(table).where(table.c.id == bindparam("aid"))
                     .values(count=bindparam("count"), names=bindparam("names"),
                             article_ids=bindparam("article_ids")), changed)
    if added:
        conn.execute(insert(AliasRow.__table__), added)
    table = EntityRow.__table__
    rows = {True: [], False: []}  # renamed or not: an unchanged name's index entry is not rewritten
    for e in eids:
        name = _renamed(conn, e, ents[e].name, fast[e])
        rows[name != ents[e].name].append({"eid": e, "articles": ents[e].articles + len({m.article for m in fast[e]}),
                                           "merges": _merged(ents[e], fast[e]), "name": name})
    for renamed, values in rows.items():
        if values:
            changes = dict(articles=bindparam("articles"), merges=bindparam("merges"))
            if renamed:
                changes["name"] = bindparam("name")
            conn.execute(update(table).where(table.c.id == bindparam("eid")).values(**changes), values)


def _renamed(conn, eid: int, current: str, ms: list[resolvemod.Mention]) -> str:
    """The entity's name once ``ms`` joined it: ``resolve._fullest`` (most words, most used,
    longest) of all its mentions' names, from what can change it: ``current`` was the
    fullest of the others, so only a new name with more words, or with as many and enough
    uses, can take its place — their counts read from the alias rows (``names``, the
    mentions named so: ``ms`` already counted in), not by counting the entity's mentions."""
    new = Counter(m.name for m in ms)
    words = len(current.split())
    longer = [n for n in new if len(n.split()) > words]  # unseen before: current has the most words
    if longer:
        return _fullest_of({n: new[n] for n in longer})
    rivals = sorted(n for n in new if len(n.split()) == words and n != current)
    if not rivals:
        return current
    counts = dict(conn.execute(select(AliasRow.alias, AliasRow.names).where(
        AliasRow.entity_id == eid, AliasRow.alias.in_([current, *rivals]))).all())
    return _fullest_of({n: counts.get(n) or 0 for n in [current, *rivals]})


def _fullest_of(counts: dict[str, int]) -> str:
    """``resolve._fullest`` over names and their counts: most words, most used, longest."""
    return max(counts, key=lambda n: (len(n.split()), counts[n], len(n), [-ord(c) for c in n]))


def _merged(ent, ms: list[resolvemod.Mention]) -> list[dict]:
    """The entity's merge records with the joins of ``ms`` counted in (``rule`` exact or
    acronym, as in a rebuild; the first ``MERGE_ARTICLES`` articles kept)."""
    merges = [dict(mg) for mg in ent.merges or ()]
    for m in ms:
        rec = next((mg for mg in merges if mg["name"] == m.name and mg["rule"] in ("exact", "acronym")), None)
        if rec is None:
            merges.append({"name": m.name, "into": ent.name, "rule": "exact",
                           "detail": f"'{m.name}' ({m.type}) also names '{ent.name}'",
                           "article": m.article, "count": 1, "articles": [m.article]})
            continue
        rec["count"] += 1
        if len(rec["articles"]) < resolvemod.MERGE_ARTICLES:
            rec["articles"] = [*rec["articles"], m.article]
    return merges


def _related(s: Session, ms: list[resolvemod.Mention]) -> set[int]:
    """The entities the mentions ``ms`` may join or unsettle, found by index look-ups (the
    key ranges of all of them in a few ``UNION ALL`` statements)."""
    exact: set[tuple[str, str]] = set()
    for m in ms:
        exact |= {(m.type, k) for k in resolvemod.link_keys(m)}
        if m.type == "PER":
            exact |= {("PER", p) for p in resolvemod.prefix_keys(resolvemod.normalise(m.name, "PER"))}
    found = set().union(*_by_keys(s, exact).values()) if exact else set()
    people = [resolvemod.normalise(m.name, "PER") for m in ms if m.type == "PER"]
    people += [k for t, k in exact if t == "PER"]
    # longer names starting with a name: "budi santoso …" (keys strictly inside the range)
    ranges = [("PER", "key", key + " ", key + " " + HIGH, True, -1, None) for key in sorted(set(people))]
    blocks = {}
    for m in ms:  # spelling variants: the same first or last characters
        key = resolvemod.normalise(m.name, m.type)
        if len(key) < resolvemod.SPELLING_MIN_LEN or (m.type, key) in blocks:
            continue
        blocks[(m.type, key)] = len(blocks)
        head, tail = key[:resolvemod.SPELLING_BLOCK], key[-resolvemod.SPELLING_BLOCK:][::-1]
        lengths = _spelling_lengths(len(key))
        ranges += [(m.type, "key", head, head + HIGH, False, blocks[(m.type, key)], lengths),
                   (m.type, "rkey", tail, tail + HIGH, False, blocks[(m.type, key)], lengths)]
    spelled: dict[int, set[tuple[str, int]]] = defaultdict(set)
    for k, eid, tag in _alias_ranges(s.connection(), ranges):
        if tag < 0:
            found.add(eid)
        else:
            spelled[tag].add((k, eid))
    for (_, key), tag in blocks.items():
        found |= {eid for k, eid in spelled[tag] if len(k) >= resolvemod.SPELLING_MIN_LEN and k[0] == key[0]
                  and fuzz.ratio(k, key) >= resolvemod.SPELLING_THRESHOLD}
    return found


def _spelling_lengths(n: int) -> tuple[int, int]:
    """The lengths a name of ``n`` characters can be a spelling variant of: rapidfuzz's
    ratio is ``2 * common / (n + m)`` (``common`` at most the shorter length), so a ratio
    of ``SPELLING_THRESHOLD`` or more bounds ``m`` (a character of slack each way; the
    ratio itself is still computed)."""
    t = resolvemod.SPELLING_THRESHOLD / 100
    return max(resolvemod.SPELLING_MIN_LEN, math.floor(n * t / (2 - t)) - 1), math.ceil(n * (2 - t) / t) + 1


def _alias_ranges(conn, ranges: list[tuple]) -> list[tuple]:
    """``(key, entity_id, tag)`` of the aliases of entities of a type whose ``key`` (or
    ``rkey``) is in a range: ``ranges`` of ``(type, column, low, high, strict, tag,
    lengths)`` (``strict``: the ends excluded; ``tag`` an integer; ``lengths``: None, or
    the key's least and greatest length), ``RANGES`` of them in one ``UNION ALL``, bound
    parameters for the names."""
    rows = []
    for i in range(0, len(ranges), RANGES):
        terms, params = [], {}
        for j, (type_, column, lo, hi, strict, tag, lengths) in enumerate(ranges[i:i + RANGES]):
            where = f'a."{column}" > :l{j} AND a."{column}" < :h{j}' if strict else \
                f'a."{column}" BETWEEN :l{j} AND :h{j}'
            if lengths is not None:
                where += f' AND length(a."key") BETWEEN {int(lengths[0])} AND {int(lengths[1])}'
            terms.append(f'SELECT a."key", a.entity_id, {int(tag)} FROM aliases a '
                         f"JOIN entities e ON e.id = a.entity_id WHERE e.type = :t{j} AND {where}")
            params.update({f"t{j}": type_, f"l{j}": lo, f"h{j}": hi})
        rows += conn.execute(text(" UNION ALL ".join(terms)), params).all()
    return rows


def _resolve_again(s: Session, slow: list[resolvemod.Mention], related: set[int]) -> set[int]:
    """Resolve ``slow`` with every mention of the ``related`` entities; rewrite those
    entities; return the old articles whose mentions changed entity."""
    old_of = {}
    group: list[resolvemod.Mention] = list(slow)
    for chunk in _chunks(sorted(related)):
        for r in s.execute(select(MentionRow.id, MentionRow.article_id, MentionRow.name, MentionRow.type,
                                  MentionRow.aliases, MentionRow.entity_id).where(MentionRow.entity_id.in_(chunk))):
            old_of[r.id] = r.entity_id
            group.append(_mention(r))
    group.sort(key=lambda m: m.key)
    people = sorted({m.article for m in group if m.type == "PER"})
    context: dict[int, set[str]] = defaultdict(set)
    for chunk in _chunks(people):
        for aid, name, type_ in s.execute(select(MentionRow.article_id, MentionRow.name, MentionRow.type)
                                          .where(MentionRow.article_id.in_(chunk), MentionRow.type.in_(("ORG", "LOC")))):
            context[aid].add(resolvemod.normalise(name, type_))
    for m in group:  # the ORG/LOC mentions of the group itself (``resolve`` would see them)
        if m.type in ("ORG", "LOC"):
            context[m.article].add(resolvemod.normalise(m.name, m.type))
    groups = resolvemod.resolve(group, context)
    next_id = (s.scalar(select(func.max(EntityRow.id))) or 0) + 1
    used: set[int] = set()
    moved: set[int] = set()
    written: list[tuple[int, resolvemod.Resolved, bool]] = []
    for g in groups:
        olds = sorted({old_of[m] for m in g.members if m in old_of} - used)
        eid = olds[0] if olds else next_id
        next_id += not olds
        used.add(eid)
        written.append((eid, g, bool(olds)))
        moved |= {m for m in g.members if m in old_of and old_of[m] != eid}
    _write_entities(s, written, sorted(related - used), old_of)
    arts = {m.key: m.article for m in group}
    return {arts[m] for m in moved}


def _write_entities(s: Session, written: list[tuple[int, resolvemod.Resolved, bool]], gone: list[int],
                    was: dict[int, int]) -> None:
    """The resolved groups written as entities (``(id, group, exists)``: an existing one
    updated, its aliases made again), the mentions whose entity changed (``was``: mention
    -> its entity before) pointed at them, and the entities ``gone`` deleted — one bulk
    statement per table for all of them.  The mentions that stay where they were are not
    rewritten: a frequent entity resolved again keeps its thousands of index entries."""
    rows = {True: [], False: []}
    aliases, members = [], []
    for eid, g, exists in written:
        articles = {a for _, arts in g.aliases.values() for a in arts}
        rows[exists].append({"id": eid, "name": g.name, "type": g.type, "articles": len(articles), "merges": g.merges})
        for alias, (count, arts) in sorted(g.aliases.items()):
            key = resolvemod.normalise(alias, g.type)
            aliases.append({"entity_id": eid, "alias": alias, "key": key, "rkey": key[::-1],
                            "count": count, "names": g.names.get(alias, 0),
                            "article_ids": sorted(arts)[:resolvemod.ALIAS_ARTICLES]})
        members += [{"id": m, "entity_id": eid} for m in g.members if was.get(m) != eid]
    for chunk in _chunks(sorted([r["id"] for r in rows[True]] + gone)):
        s.execute(delete(AliasRow).where(AliasRow.entity_id.in_(chunk)))
    for chunk in _chunks(gone):
        s.execute(delete(EntityRow).where(EntityRow.id.in_(chunk)))
    if rows[True]:
        s.execute(update(EntityRow), rows[True])
    if rows[False]:
        s.execute(insert(EntityRow), rows[False])
    if aliases:
        s.execute(insert(AliasRow), aliases)
    if members:
        s.execute(update(MentionRow), members)


# ------------------------------------------------------------------ stories

LONG_PERIOD = dt.timedelta(days=366)  # a date stored for a month or a year is its first day


def _window(f: storymod.Features) -> tuple[dt.date, dt.date] | None:
    """Publication dates an article can be in one story with: its period ± the gap."""
    period = f.period()
    if period is None:
        return None
    gap = dt.timedelta(days=storymod.MAX_GAP_DAYS)
    return period[0] - gap, period[1] + gap


def _near(w: tuple[dt.date, dt.date] | None, published: dt.date | None, precision: str | None) -> bool:
    """Whether an article published on ``published`` may be within the window ``w``."""
    if w is None or published is None:
        return True
    lo = w[0] - LONG_PERIOD if precision not in (None, "day") else w[0]
    return lo <= published <= w[1]


BAND_PROBES = 500  # (bucket, band, key) rows of one VALUES list: a nested loop on the index in PostgreSQL too
RANGES = 400  # index ranges in one UNION ALL (SQLite allows 500 compound terms)


def _partners(s: Session, feats: list[storymod.Features], df: dict, limit: int) -> dict[int, set[int]]:
    """For each new article, the articles to judge it against: a rare entity or a precise
    figure shared within its time window — index ranges that read only the window's
    articles, all the new articles' ranges in a few statements."""
    conn = s.connection()
    found = _entity_partners(conn, feats, df, limit)
    for aid, more in _figure_partners(conn, feats, limit).items():
        found[aid] |= more
    for f in feats:
        found[f.id].discard(f.id)
    return found


def _ranges(conn, terms: list[str]) -> list[tuple]:
    """Rows of many index ranges: ``terms`` are SELECTs written with literal ids, dates and
    numbers only (``_day``, ``_num``), their tag in the last column; UNION ALL of
    ``RANGES`` at a time, as plain SQL (compiling hundreds of SQLAlchemy selects costs
    more than running them)."""
    rows = []
    for i in range(0, len(terms), RANGES):
        rows += conn.exec_driver_sql(" UNION ALL ".join(terms[i:i + RANGES])).all()
    return rows


def _day(d: dt.date, conn=None) -> str:
    """A day as an SQL literal: text for SQLite (as it stores days), a typed date for
    PostgreSQL when ``conn`` says so (a VALUES column has no type of its own)."""
    literal = f"'{dt.date.isoformat(d)}'"
    return f"DATE {literal}" if conn is not None and conn.dialect.name == "postgresql" else literal


def _num(x: float) -> str:
    return repr(float(x))


def _entity_partners(conn, feats: list[storymod.Features], df: dict, limit: int) -> dict[int, set[int]]:
    """The articles naming one of an article's rare entities in its window: those dated to
    a day inside it (a range of the ``(entity_id, day)`` index), and those dated to a month
    or a year that may overlap it, or undated (``judge`` then tells by ``gap_days``)."""
    m = MentionRow
    found: dict[int, set[int]] = defaultdict(set)
    ranges, undated, holders = [], {}, defaultdict(list)
    for f in feats:
        rare = sorted(e for e in f.entities if df.get(e, 0) <= limit)
        w = _window(f)
        if rare and w is None:
            undated[f.id] = rare
        for e in rare if w is not None else ():
            ranges.append(f"({int(e)}, {_day(w[0], conn)}, {_day(w[1], conn)}, {int(f.id)})")
            holders[e].append(f)
    # the ranges as the rows of a VALUES joined to the index: one statement that PostgreSQL
    # plans once (a UNION ALL of hundreds of selects took it 30-40 ms to plan at 100k)
    for i in range(0, len(ranges), RANGES):
        for aid, tag in conn.exec_driver_sql(
                f"WITH v(e, lo, hi, tag) AS (VALUES {', '.join(ranges[i:i + RANGES])}) SELECT m.article_id, v.tag "
                "FROM v JOIN article_entities m ON m.entity_id = v.e AND m.day BETWEEN v.lo AND v.hi"):
            found[tag].add(aid)
    for chunk in _chunks(sorted(holders)):
        for r in conn.execute(select(m.entity_id, m.article_id, ArticleRow.published, ArticleRow.published_precision)
                              .join(ArticleRow, ArticleRow.id == m.article_id)
                              .where(m.entity_id.in_(chunk), m.day.is_(None))):
            for f in holders[r.entity_id]:
                if _near(_window(f), r.published, r.published_precision):
                    found[f.id].add(r.article_id)
    for fid, rare in undated.items():
        found[fid] |= set(conn.execute(select(m.article_id).where(m.entity_id.in_(rare))).scalars())
    return found


def _band_partners(s: Session, feats: list[storymod.Features]) -> dict[int, set[int]]:
    """For each article of ``feats``, the articles sharing an LSH band of its MinHash in the
    periods its text may be judged with (``stories.text_buckets``; the pairs outside
    ``stories.text_pair`` are dropped by the caller, as a rebuild drops them): the
    ``(bucket, band, key)`` index entries, about ``BAND_PROBES`` at a time as the rows of a
    ``VALUES`` list joined to the index, in plain SQL (compiling the statements cost more
    than running them); a few articles' probes held at a time.  Only the buckets that hold
    rows are asked: those of articles not dated to the day when there are any, the periods
    between the KB's first and last (the new articles' rows already written — so the
    period after today's, half the time in a daily ingest's window, is not asked)."""
    conn = s.connection()
    first, last = (conn.exec_driver_sql(f"SELECT bucket FROM minhash_bands WHERE bucket > {storymod.WIDE} "
                                        f"ORDER BY bucket {way} LIMIT 1").scalar() for way in ("ASC", "DESC"))
    first, last = (first, last) if first is not None else (0, -1)
    wide = conn.exec_driver_sql(f"SELECT 1 FROM minhash_bands WHERE bucket = {storymod.WIDE} LIMIT 1").first()
    out: dict[int, set[int]] = defaultdict(set)
    wanted: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        keys = textsim.bands(f.minhash)
        for bucket in storymod.text_buckets(f, first, last):
            if not (first <= bucket <= last or (bucket == storymod.WIDE and wide)):
                continue
            for band, key in keys:
                wanted[(bucket, band, key)].append(f.id)
        if len(wanted) >= BAND_PROBES or i == len(feats) - 1:
            _probe_bands(conn, wanted, out)
            wanted.clear()
    return out


def _probe_bands(conn, wanted: dict[tuple[int, int, int], list[int]], out: dict[int, set[int]]) -> None:
    """The articles at the index entries ``wanted`` ((bucket, band, key) -> the articles
    asking) added to ``out``, ``BAND_PROBES`` entries a statement."""
    probes = sorted(wanted)
    for i in range(0, len(probes), BAND_PROBES):
        values = ", ".join(f"({int(u)}, {int(b)}, {int(k)})" for u, b, k in probes[i:i + BAND_PROBES])
        for aid, bucket, band, key in conn.exec_driver_sql(
                f'WITH v(u, b, k) AS (VALUES {values}) SELECT m.article_id, m.bucket, m.band, m."key" '
                f'FROM v JOIN minhash_bands m ON m.bucket = v.u AND m.band = v.b AND m."key" = v.k'):
            for fid in wanted[(bucket, band, key)]:
                if fid != aid:
                    out[fid].add(aid)


def _figure_partners(conn, feats: list[storymod.Features], limit: int) -> dict[int, set[int]]:
    """The articles in an article's window stating one of its precise figures held by at
    most ``limit`` articles (the holders counted at any date, as a rebuild does), read from
    the ``items`` figure index alone.  A figure's holders are counted there, not read: the
    values that round to it lie in one narrow range of the index, and when that range's
    rows all round to it and have its unit, their count bounds its holders (counted
    apart when it passes ``limit``: one article may state a figure twice); else the range's
    rows are read and told apart, as a rebuild does.  Then only a rare figure's holders
    dated in the article's window, or not to a day, are read — so a figure stated in
    thousands of articles over the years costs one count.  Plain aggregates, no GROUP BY
    or DISTINCT under the limit: a temporary b-tree for each of hundreds of ranges in one
    statement held megabytes."""
    wanted: dict[tuple, list[storymod.Features]] = defaultdict(list)
    for f in feats:
        for x in f.figures:
            if storymod.precise_figure(x):
                wanted[x].append(f)
    keys = sorted(k for k in wanted if k[0] in build.FIGURE_KINDS)
    where = [f"kind = '{k}' AND value BETWEEN {_num(lo)} AND {_num(hi)}" for k, _, v in keys
             for lo, hi in [_rounding_range(v)]]
    counts: dict[int, tuple[int, str]] = {}  # figure -> its holders (at most), and the unit's condition
    mixed = []  # ranges holding other values or units: their rows told apart
    many = []  # more rows than ``limit``: their articles counted (one may state a figure twice)
    for i, n, units, lo, hi, ulo, uhi in _ranges(conn, [  # plain aggregates: no temporary b-tree
            f"SELECT {i}, count(*), count(unit), min(value), max(value), min(unit), max(unit) FROM items WHERE {w}"
            for i, w in enumerate(where)]):
        _, unit, v = keys[i]
        if n == 0:
            counts[i] = (0, "")
        elif float(f"{lo:.4g}") == v == float(f"{hi:.4g}") and units == 0 and unit == "":  # rounding is monotone
            counts[i] = (n, "unit IS NULL")
        elif float(f"{lo:.4g}") == v == float(f"{hi:.4g}") and units == n and ulo == uhi and ulo.casefold() == unit:
            counts[i] = (n, f"unit = {_text(ulo)}")
        else:
            mixed.append(i)
        if i in counts and counts[i][0] > limit:
            many.append(i)
    for i, n in _ranges(conn, [f"SELECT {i}, count(DISTINCT article_id) FROM items WHERE {where[i]}" for i in many]):
        counts[i] = (n, counts[i][1])
    holders: dict[int, dict[int, object]] = defaultdict(dict)  # figure -> holder -> its day
    for aid, unit, value, day, i in _ranges(conn, [f"SELECT article_id, unit, value, day, {i} FROM items "
                                                   f"WHERE {where[i]}" for i in mixed]):
        if value and (keys[i][0], (unit or "").casefold(), float(f"{value:.4g}")) == keys[i]:
            holders[i][aid] = _date(day)
    rare = [i for i in range(len(keys)) if (counts[i][0] if i in counts else len(holders[i])) <= limit]
    pairs = [(i, f) for i in rare if i in counts and counts[i][0] for f in wanted[keys[i]]]
    terms = []
    for j, (i, f) in enumerate(pairs):
        w = _window(f)
        near = "" if w is None else f" AND (day BETWEEN {_day(w[0])} AND {_day(w[1])} OR day IS NULL)"
        terms.append(f"SELECT article_id, day, {j} FROM items WHERE {where[i]} AND {counts[i][1]}{near}")
    seen: dict[tuple[int, int], dict[int, object]] = defaultdict(dict)  # (figure, article) -> holder -> its day
    for aid, day, j in _ranges(conn, terms):
        i, f = pairs[j]
        seen[(i, f.id)][aid] = _date(day)
    for i in rare:
        if i not in counts:
            for f in wanted[keys[i]]:
                seen[(i, f.id)] = holders[i]
    unsure = sorted({a for found in seen.values() for a, day in found.items() if day is None})
    dates = {}
    for chunk in _chunks(unsure):  # not dated to a day: the article's date and precision
        dates.update({r.id: r for r in conn.execute(select(ArticleRow.id, ArticleRow.published,
                                                           ArticleRow.published_precision).where(ArticleRow.id.in_(chunk)))})
    out: dict[int, set[int]] = defaultdict(set)
    for i in rare:
        for f in wanted[keys[i]]:
            w = _window(f)
            for a, day in seen[(i, f.id)].items():
                near = (_near(w, dates[a].published, dates[a].published_precision) if day is None
                        else w is None or w[0] <= day <= w[1])
                if near:
                    out[f.id].add(a)
    return out


def _rounding_range(v: float) -> tuple[float, float]:
    """A range of the values that round to ``v`` at 4 significant digits (the figures'
    key, ``build.features``): half a step of its 4th digit each way, and a little more —
    inside the ±0.1 % a figure's values were read from before, so nothing it held is lost.

    >>> _rounding_range(1234.0)
    (1233.495, 1234.505)
    """
    step = 10.0 ** (math.floor(math.log10(abs(v))) - 3)
    lo, hi = v - 0.505 * step, v + 0.505 * step
    wide = (min(v * (1 - 1e-3), v * (1 + 1e-3)), max(v * (1 - 1e-3), v * (1 + 1e-3)))
    return max(lo, wide[0]), min(hi, wide[1])


def _text(value: str) -> str:
    """A string as an SQL literal."""
    return "'" + value.replace("'", "''") + "'"


def _date(day) -> dt.date | None:
    """A stored day as a date (SQLite gives the text)."""
    return dt.date.fromisoformat(day) if isinstance(day, str) else day


def _stories(s: Session, new: list[int], removed: list[int]) -> set[int]:
    """Link the new articles, group the stories they reach again; return the articles
    whose story was made again."""
    total = article_count(s) or 1  # kept by triggers: counting would read an index as long as the KB
    limit = storymod.rare_limit(total)
    feats = {f.id: f for chunk in _chunks(new) for f in build.features(s, None, chunk)}
    ents = sorted({e for f in feats.values() for e in f.entities | f.orgs})
    df = {}
    for chunk in _chunks(ents):
        df.update(s.execute(select(EntityRow.id, EntityRow.articles).where(EntityRow.id.in_(chunk))).all())
    idf = {e: math.log(1 + total / max(c, 1)) for e, c in df.items()}
    textual = _band_partners(s, [feats[a] for a in new])
    partners = _partners(s, [feats[a] for a in new], df, limit)
    pairs = {(min(a, b), max(a, b)) for a in new for b in partners[a]}
    texts = {(min(a, b), max(a, b)) for a in new for b in textual[a]}
    others = sorted({x for p in pairs | texts for x in p} - set(feats))
    for chunk in _chunks(others):
        feats.update({f.id: f for f in build.features(s, None, chunk)})
    pairs |= {(a, b) for a, b in texts if storymod.text_pair(feats[a], feats[b])}
    for chunk in _chunks(sorted({e for f in feats.values() for e in f.entities | f.orgs} - set(idf))):
        for e, c in s.execute(select(EntityRow.id, EntityRow.articles).where(EntityRow.id.in_(chunk))):
            idf[e] = math.log(1 + total / max(c, 1))
    found = [link for a, b in sorted(pairs) if (link := storymod.judge(feats[a], feats[b], idf, None))]
    if found:
        s.execute(insert(LinkRow), [{"a": l.a, "b": l.b, "kind": l.kind, "score": l.score,
                                     "reasons": l.reasons} for l in found])
    reached = set(removed)
    for chunk in _chunks(sorted({x for l in found for x in (l.a, l.b)} - set(new))):
        reached |= set(s.scalars(select(ArticleRow.story_id).where(ArticleRow.id.in_(chunk))))
    reached.discard(None)
    members = set(new)
    for chunk in _chunks(sorted(reached)):
        members |= set(s.scalars(select(ArticleRow.id).where(ArticleRow.story_id.in_(chunk))))
    _regroup(s, sorted(members), sorted(reached))
    return members


def _regroup(s: Session, members: list[int], old_stories: list[int]) -> None:
    """The stories of ``members`` made again from their stored links."""
    links, info, days = [], {}, {}
    inside = set(members)
    for chunk in _chunks(members):
        for r in s.execute(select(LinkRow.a, LinkRow.b, LinkRow.kind, LinkRow.score, LinkRow.reasons)
                           .where(or_(LinkRow.a.in_(chunk), LinkRow.b.in_(chunk)))):
            if r.a in inside and r.b in inside:
                links.append(storymod.Link(r.a, r.b, r.kind, r.score, r.reasons))
        for r in s.execute(select(ArticleRow.id, ArticleRow.title, ArticleRow.published,
                                  ArticleRow.published_precision).where(ArticleRow.id.in_(chunk))):
            info[r.id] = r
            if storymod.dated_to_day(r.published, r.published_precision):
                days[r.id] = r.published
    links = sorted({(l.a, l.b, l.kind): l for l in links}.values(), key=lambda l: (l.a, l.b, l.kind))
    groups = storymod.stories(info, links, days)
    story_of: dict[int, tuple[int, int]] = {}
    first = (s.scalar(select(func.max(StoryRow.id))) or 0) + 1
    build.write_stories(s, groups, info, story_of, first_id=first)
    if story_of:
        s.execute(update(ArticleRow), [{"id": a, "story_id": sid} for a, (sid, _) in story_of.items()])
    for chunk in _chunks(old_stories):
        s.execute(delete(StoryRow).where(StoryRow.id.in_(chunk)))


# ------------------------------------------------------------------ facts

def _subject_keyed(st: factmod.Statement) -> bool:
    """A statement grouped with other articles' by its subject (``facts.facts``)."""
    return not st.shared_story and st.subject is not None and bool(st.period) and st.kind != "date"


def _subject_key(st: factmod.Statement) -> str:
    """The stored key (``facts.key`` as JSON) of the fact a subject-keyed statement joins."""
    return json.dumps(["subject", st.subject, st.measure, st.scale, st.period], default=str)


def _story_of(s: Session, ids: list[int]) -> dict[int, tuple[int, int]]:
    out = {}
    for chunk in _chunks(ids):
        for aid, sid, size in s.execute(select(ArticleRow.id, ArticleRow.story_id, StoryRow.size)
                                        .join(StoryRow, StoryRow.id == ArticleRow.story_id, isouter=True)
                                        .where(ArticleRow.id.in_(chunk))):
            out[aid] = (sid, size or 1)
    return out


def _facts(s: Session, touched: list[int], removed_facts: list[int]) -> int:
    """Facts made again for the ``touched`` articles and the subjects they state; returns
    how many facts were written."""
    old = set(removed_facts)
    stories = set()
    for chunk in _chunks(touched):  # a story's facts are made from all its articles
        stories |= set(s.scalars(select(ArticleRow.story_id).where(ArticleRow.id.in_(chunk))))
    stories.discard(None)
    touched = set(touched)
    for chunk in _chunks(sorted(stories)):
        touched |= set(s.scalars(select(ArticleRow.id).where(ArticleRow.story_id.in_(chunk))))
    touched = sorted(touched)
    for chunk in _chunks(touched):
        old |= set(s.scalars(select(FactSourceRow.fact_id).where(FactSourceRow.article_id.in_(chunk)).distinct()))
    stmts = build.statements(s, _story_of(s, touched), ids=touched) if touched else []
    keys = {_subject_key(st) for st in stmts if _subject_keyed(st)}
    subjects = {st.subject for st in stmts if _subject_keyed(st)}
    for chunk in _chunks(sorted(old)):
        for subject, key in s.execute(select(FactRow.subject_id, FactRow.key).where(
                FactRow.id.in_(chunk), FactRow.key.like('["subject"%'))):
            subjects.add(subject)
            keys.add(key)
    subjects.discard(None)
    same_subject = set()  # the facts of those subjects, measures and periods, whoever states them
    measures = sorted({json.loads(key)[2] for key in keys})  # read by the (subject_id, measure) index:
    for chunk in _chunks(sorted(subjects)):                  # not every fact of a frequent subject
        for fid, key in s.execute(select(FactRow.id, FactRow.key).where(FactRow.subject_id.in_(chunk),
                                                                         FactRow.measure.in_(measures),
                                                                         FactRow.key.like('["subject"%'))):
            if key in keys:
                same_subject.add(fid)
    old |= same_subject
    others = set()
    for chunk in _chunks(sorted(same_subject)):
        others |= set(s.scalars(select(FactSourceRow.article_id).where(FactSourceRow.fact_id.in_(chunk))))
    others = sorted(others - set(touched))
    if others:
        stmts += [st for st in build.statements(s, _story_of(s, others), ids=others)
                  if _subject_keyed(st) and _subject_key(st) in keys]
    for chunk in _chunks(sorted(old)):
        s.execute(delete(FactSourceRow).where(FactSourceRow.fact_id.in_(chunk)))
        s.execute(delete(FactRow).where(FactRow.id.in_(chunk)))
    made = factmod.facts(stmts)
    build.write_facts(s, made, first_id=(s.scalar(select(func.max(FactRow.id))) or 0) + 1)
    return len(made)
