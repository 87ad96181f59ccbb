"""Incremental maintenance gives the KB a full rebuild gives: entities, stories, facts.

The sample corpus is analysed once (module fixture); the generated corpus
(``kb.synthetic``) needs no analysis.  Each KB is written batch by batch through the
ingest's own writer and brought up to date by ``build.refresh`` after each batch, in
shuffled orders, and compared with one full ``rebuild`` of the same articles.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
import shutil

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from warta.cli.demo import sample_dir
from warta.kb import KnowledgeBase, build, incremental, synthetic
from warta.kb.ingest import safe_analyze, write_batch, content_hash, ingest
from warta.kb.schema import (AliasRow, ArticleRow, EntityRow, FactRow, FactSourceRow, MentionRow,
                             StoryRow)
from warta.model import Document, Entity, Role
from warta.sources import read

# the subject named for a story fact whose statements name several subjects is the one
# seen first, which follows the entity ids, which follow the order of ingest: at most this
# many facts of the sample corpus differ in that label (docs/kb.md, "Incremental maintenance")
SUBJECT_LABEL_DIFFS = 1


@pytest.fixture(scope="module")
def sample_docs():
    return [(safe_analyze(a), content_hash(a)) for a in read([sample_dir()])]


def snapshot(engine) -> tuple[set, set, set]:
    """What the KB says, without ids: entities (name, members), stories, facts."""
    with Session(engine) as s:
        src = dict(s.execute(select(ArticleRow.id, ArticleRow.source)).all())
        members: dict[int, set] = {}
        for m in s.execute(select(MentionRow)).scalars():
            members.setdefault(m.entity_id, set()).add((src[m.article_id], m.name))
        ents = {(r.name, r.type, r.articles, frozenset(members[r.id]),
                 frozenset((a.alias, a.count) for a in s.scalars(select(AliasRow).where(AliasRow.entity_id == r.id))))
                for r in s.scalars(select(EntityRow))}
        assert None not in members, "a mention with no entity"
        groups: dict[int, set] = {}
        for a in s.scalars(select(ArticleRow)):
            groups.setdefault(a.story_id, set()).add(a.source)
        sizes = dict(s.execute(select(StoryRow.id, StoryRow.size)).all())
        assert all(sizes[k] == len(v) for k, v in groups.items())
        stories = {frozenset(v) for v in groups.values()}
        facts = set()
        for f in s.scalars(select(FactRow)):
            srcs = frozenset(src[x] for x in s.scalars(select(FactSourceRow.article_id).where(FactSourceRow.fact_id == f.id)))
            facts.add((f.measure, f.unit, f.period, f.subject, f.status, json.dumps([v["value"] for v in f.values]), srcs))
    return ents, stories, facts


def built(path, batches) -> tuple[set, set, set]:
    kb = KnowledgeBase(str(path))
    for batch in batches:
        write_batch(kb.engine, batch, {d.source for d, _ in batch if _known(kb.engine, d.source)})
        incremental.refresh(kb.engine)
    return snapshot(kb.engine)


def _known(engine, source) -> bool:
    with Session(engine) as s:
        return s.scalar(select(ArticleRow.id).where(ArticleRow.source == source)) is not None


def full(path, docs) -> tuple[set, set, set]:
    kb = KnowledgeBase(str(path))
    write_batch(kb.engine, docs, set())
    build.rebuild(kb.engine)
    return snapshot(kb.engine)


def differences(a, b) -> list[int]:
    return [len(x ^ y) // 2 for x, y in zip(a, b)]


@pytest.mark.parametrize("seed,parts", [(0, 4), (1, 3), (2, 18)])
def test_sample_in_batches_is_a_full_rebuild(tmp_path, sample_docs, seed, parts):
    docs = sample_docs[:]
    random.Random(seed).shuffle(docs)
    whole = full(tmp_path / "full.db", sample_docs)
    step = built(tmp_path / "inc.db", [docs[i::parts] for i in range(parts)])
    ents, stories, facts = differences(whole, step)
    assert (ents, stories) == (0, 0)
    assert facts <= SUBJECT_LABEL_DIFFS


def test_generated_corpus_in_batches_is_a_full_rebuild(tmp_path):
    docs = [(d, synthetic.digest(d)) for d in synthetic.corpus(300)]
    whole = full(tmp_path / "full.db", docs)
    shuffled = docs[:]
    random.Random(5).shuffle(shuffled)
    step = built(tmp_path / "inc.db", [shuffled[:150], shuffled[150:200], shuffled[200:290], shuffled[290:]])
    assert differences(whole, step) == [0, 0, 0]
    assert len(whole[1]) < len(docs) // 1.5  # stories of several articles were found


def test_aliases_keep_their_first_articles_and_count_them_all(tmp_path):
    """An alias named in more articles than ``ALIAS_ARTICLES`` stores the ids of its first
    ones (so a frequent name's row does not grow with the KB) and counts every one, the
    same after incremental updates as after a rebuild."""
    from warta.kb.resolve import ALIAS_ARTICLES

    docs = [(d, synthetic.digest(d)) for d in synthetic.corpus(300)]
    kb = KnowledgeBase(str(tmp_path / "kb.db"))
    for part in (docs[:100], docs[100:200], docs[200:]):
        write_batch(kb.engine, part, set())
        incremental.refresh(kb.engine)

    def aliases():
        with Session(kb.engine) as s:
            return {(a.entity_id, a.alias): (a.count, a.article_ids) for a in s.scalars(select(AliasRow))}

    step = aliases()
    assert max(count for count, _ in step.values()) > ALIAS_ARTICLES
    assert all(ids == sorted(ids) and len(ids) == min(count, ALIAS_ARTICLES) for count, ids in step.values())
    build.rebuild(kb.engine)
    assert sorted(aliases().values()) == sorted(step.values())


def test_aliases_count_the_mentions_named_so(tmp_path, sample_docs):
    """``aliases.names`` is how many of the entity's mentions have the alias as their name,
    after incremental updates (the sample's varied names: short names, acronyms, titles)
    and after a rebuild; a KB of schema 4 gets it counted by the migration."""
    import sqlite3
    from collections import Counter

    from warta.kb.store import open_kb

    db = str(tmp_path / "kb.db")
    kb = KnowledgeBase(db)
    for part in (sample_docs[:6], sample_docs[6:12], sample_docs[12:]):
        write_batch(kb.engine, part, set())
        incremental.refresh(kb.engine)

    def check():
        with Session(kb.engine) as s:
            named = Counter((m.entity_id, m.name) for m in s.scalars(select(MentionRow)))
            rows = list(s.scalars(select(AliasRow)))
        assert rows and any(a.names == 0 for a in rows) and max(a.names for a in rows) > 1
        assert all(a.names == named[(a.entity_id, a.alias)] for a in rows)

    check()
    build.rebuild(kb.engine)
    check()
    kb.engine.dispose()
    con = sqlite3.connect(db)
    con.execute("ALTER TABLE aliases DROP COLUMN names")
    con.execute("UPDATE warta_meta SET value='4' WHERE key='schema_version'")
    con.commit()
    kb.engine = open_kb(db)
    check()


def test_replacing_and_removing_undo_an_article(tmp_path, sample_docs):
    """A changed article replaces its old version: the KB is the rebuild of what is left."""
    docs = sample_docs[:]
    changed = dataclasses.replace(docs[0][0], money=[], entities=docs[0][0].entities[:1])
    final = [(changed, "changed")] + docs[1:]
    whole = full(tmp_path / "full.db", final)
    step = built(tmp_path / "inc.db", [docs[:9], docs[9:], [(changed, "changed")]])
    ents, stories, facts = differences(whole, step)
    assert (ents, stories) == (0, 0)
    assert facts <= SUBJECT_LABEL_DIFFS


def test_removing_articles_undoes_them(tmp_path):
    from warta.kb.ingest import remove

    docs = [(d, synthetic.digest(d)) for d in synthetic.corpus(150, seed=9)]
    gone = [d.source for d, _ in docs[::7]]
    whole = full(tmp_path / "full.db", [x for x in docs if x[0].source not in gone])
    kb = KnowledgeBase(str(tmp_path / "inc.db"))
    write_batch(kb.engine, docs, set())
    incremental.refresh(kb.engine)
    assert remove(kb.engine, gone + ["synthetic://none"]) == len(gone)
    assert differences(whole, snapshot(kb.engine)) == [0, 0, 0]


def test_readme_order_demo_then_ingest_keeps_the_stories(tmp_path):
    """``warta demo --db demo.db`` then ``warta ingest src/warta/data/sample/ --db demo.db``
    (another spelling of the same files), then a copy of the folder elsewhere: the stories,
    conflicts and corroborations stay as the demo made them."""
    kb = KnowledgeBase(str(tmp_path / "demo.db"))
    first = ingest([f"{sample_dir()}/*.txt"], kb.engine)
    before = snapshot(kb.engine)
    again = ingest([sample_dir() + "/"], kb.engine)
    copy = shutil.copytree(sample_dir(), tmp_path / "copy")
    copied = ingest([str(copy)], kb.engine)
    assert first.added == 18 and again.skipped == 18 and copied.duplicates == 18
    assert snapshot(kb.engine) == before
    statuses = [f[4] for f in before[2]]
    assert statuses.count("conflict") >= 1 and statuses.count("corroborated") >= 5


def test_same_clean_text_under_another_url_and_title_is_one_article(tmp_path, sample_docs):
    """The sample again as JSON Lines records under other URLs and titles (so another
    content hash): each is counted as a duplicate of the stored article with its clean
    text, and the KB stays as it was; within one batch, the second copy is the duplicate."""
    kb = KnowledgeBase(str(tmp_path / "kb.db"))
    assert ingest([sample_dir()], kb.engine).added == 18
    before = snapshot(kb.engine)
    mirror = tmp_path / "mirror.jsonl"
    raws = [a.raw for a in read([sample_dir()])]
    records = [{"url": f"https://mirror.example/{i}", "title": f"Salinan {i}", "text": raw}
               for i, raw in enumerate(raws + raws[:1])]
    mirror.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    again = ingest([str(mirror)], kb.engine)
    assert (again.added, again.duplicates) == (0, 19)
    assert snapshot(kb.engine) == before

    fresh = KnowledgeBase(str(tmp_path / "fresh.db"))
    doc = sample_docs[0][0]
    copy = dataclasses.replace(doc, source="https://mirror.example/x", title="Salinan", url="https://mirror.example/x")
    assert write_batch(fresh.engine, [(doc, "h1"), (copy, "h2")], set()) == [copy.source]
    with Session(fresh.engine) as s:
        assert list(s.scalars(select(ArticleRow.source))) == [doc.source]




LISTED = ("Presiden Arya Wiratama melantik wajah baru di Istana Negara. Kementerian Keuangan, "
          "Kementerian Koperasi dan Kementerian Pariwisata berganti pimpinan, kata Dimas Pranoto.")
POSTS = ("Arya Wiratama merombak kabinet: Menteri Keuangan Sari Lestari, Menteri Koperasi Bayu Aji "
         "dan Menteri Pariwisata Rudi Hartono diganti. Dimas Pranoto membacakan keputusan itu.")


def reshuffle(orgs: bool) -> list[tuple[Document, str]]:
    """One outlet names the ministries of a reshuffle, the other the ministers' posts."""
    def ent(text, name, type_):
        i = text.index(name)
        return Entity(name, name, type_, [], [(i, i + len(name))])
    listed = Document(source="a/kabinet.txt", title="Pelantikan", published=dt.date(2025, 9, 8), text=LISTED,
                      entities=[ent(LISTED, n, t) for n, t in [
                          ("Arya Wiratama", "PER"), ("Istana Negara", "LOC"), ("Kementerian Keuangan", "ORG"),
                          ("Kementerian Koperasi", "ORG"), ("Kementerian Pariwisata", "ORG"),
                          ("Dimas Pranoto", "PER")]])
    people = [("Sari Lestari", "Keuangan"), ("Bayu Aji", "Koperasi"), ("Rudi Hartono", "Pariwisata")]
    posts = Document(source="b/rombak.txt", title="Rombak kabinet", published=dt.date(2025, 9, 8), text=POSTS,
                     entities=[ent(POSTS, n, "PER") for n in ["Arya Wiratama", "Dimas Pranoto", *(p for p, _ in people)]],
                     roles=[Role(p, f"Menteri {f}", f"Kementerian {f}" if orgs else None,
                                 (POSTS.index(f"Menteri {f}"), POSTS.index(p) + len(p))) for p, f in people])
    return [(listed, "h-listed"), (posts, "h-posts")]


@pytest.mark.parametrize("orgs", [True, False])
def test_the_organisations_roles_name_join_a_story(tmp_path, orgs):
    """Two names in common are not enough to make the two articles one story; the three
    ministries, named by one as organisations and by the other as posts, are — in a full
    rebuild and when the posts come first, incrementally."""
    docs = reshuffle(orgs)
    whole, step = full(tmp_path / "full.db", docs), built(tmp_path / "inc.db", [docs[1:], docs[:1]])
    one_story = {frozenset({"a/kabinet.txt", "b/rombak.txt"})}
    assert (whole[1] == one_story) is orgs
    assert step[1] == whole[1]


def test_incremental_on_postgresql_is_the_sqlite_rebuild(tmp_path, pg_url):
    docs = [(d, synthetic.digest(d)) for d in synthetic.corpus(120, seed=3)]
    whole = full(tmp_path / "full.db", docs)
    step = built(pg_url, [docs[:60], docs[60:100], docs[100:]])
    assert differences(whole, step) == [0, 0, 0]


def copy_of(doc: Document, i: int, published: dt.date | None, precision: str | None = None) -> Document:
    """A near-duplicate of ``doc`` (its last sentence ends otherwise) under another source."""
    return dataclasses.replace(doc, source=f"{doc.source}/copy{i}", text=doc.text[:-1] + f" copy{i}.",
                               published=published, published_precision=precision)


def links_of(engine) -> set[tuple[str, str, str]]:
    from warta.kb.schema import LinkRow

    with Session(engine) as s:
        src = dict(s.execute(select(ArticleRow.id, ArticleRow.source)).all())
        return {(*sorted((src[l.a], src[l.b])), l.kind) for l in s.scalars(select(LinkRow))}


def test_texts_are_judged_within_the_story_window(tmp_path):
    """Two texts dated to the day more than ``MAX_STORY_DAYS`` apart are not judged (they
    could only be near-duplicates, which no story joins); 10 days apart they are linked,
    in a full rebuild and incrementally, whatever comes first, the KB the same.  A copy not
    dated to the day (undated, or a month) is judged with all of them, the same links
    either way (which of them it then joins follows the order of equal scores)."""
    from warta.kb import stories

    doc = synthetic.corpus(1, seed=4)[0]
    day = doc.published
    dated = [(d, synthetic.digest(d)) for d in (
        doc, copy_of(doc, 1, day + dt.timedelta(days=10)), copy_of(doc, 2, day + dt.timedelta(days=30)))]
    wide = [(d, synthetic.digest(d)) for d in (copy_of(doc, 3, None),
                                                copy_of(doc, 4, dt.date(day.year + 1, day.month, 1), "month"))]
    assert stories.MAX_STORY_DAYS < 20
    o, a, b = (d.source for d, _ in dated)
    whole = full(tmp_path / "full.db", dated)
    assert whole[1] == {frozenset({o, a}), frozenset({b})}
    for i, order in enumerate(([dated[2:], dated[:1], dated[1:2]], [dated[:1], dated[1:]])):
        assert differences(whole, built(tmp_path / f"inc{i}.db", order)) == [0, 0, 0]
    kb = KnowledgeBase(str(tmp_path / "wide.db"))
    write_batch(kb.engine, dated + wide, set())
    build.rebuild(kb.engine)
    found = links_of(kb.engine)
    assert {x[:2] for x in found if x[2] == "near_duplicate"} == {
        tuple(sorted((y, z))) for y, z in [(o, a), *((d.source, x) for d, _ in wide for x in (o, a, b)),
                                            (wide[0][0].source, wide[1][0].source)]}
    for i, order in enumerate(([wide[1:], dated[2:], dated[:1], wide[:1], dated[1:2]], [dated, wide])):
        step = KnowledgeBase(str(tmp_path / f"wide{i}.db"))
        for batch in order:
            write_batch(step.engine, batch, set())
            incremental.refresh(step.engine)
        assert links_of(step.engine) == found


def test_a_kb_of_schema_5_gets_its_bands_filed_by_period(tmp_path):
    """An older KB (bands indexed by ``(band, key)`` alone, facts by subject and by measure
    apart) is upgraded: each band row gets
    its article's period (``stories.text_bucket``), the indexes are the new ones, and a
    near-duplicate added then is linked to the stored text as a rebuild links it."""
    import sqlite3

    from warta.kb.schema import BandRow
    from warta.kb.store import open_kb
    from warta.kb.stories import text_bucket

    docs = [(d, synthetic.digest(d)) for d in synthetic.corpus(60, seed=6)]
    docs[7] = (dataclasses.replace(docs[7][0], published_precision="year"), docs[7][1])
    db = str(tmp_path / "kb.db")
    kb = KnowledgeBase(db)
    write_batch(kb.engine, docs, set())
    incremental.refresh(kb.engine)
    kb.engine.dispose()
    con = sqlite3.connect(db)
    con.execute("DROP INDEX ix_minhash_bands_bucket_band_key")
    con.execute("DROP INDEX ix_minhash_bands_first")
    con.execute("ALTER TABLE minhash_bands DROP COLUMN bucket")
    con.execute("CREATE INDEX ix_minhash_bands_band_key ON minhash_bands (band, key)")
    con.execute("CREATE INDEX ix_facts_subject_id ON facts (subject_id)")
    con.execute("CREATE INDEX ix_facts_measure ON facts (measure)")
    con.execute("UPDATE warta_meta SET value='5' WHERE key='schema_version'")
    con.commit()
    con.close()
    engine = open_kb(db)
    with Session(engine) as s:
        dates = {r.id: (r.published, r.published_precision) for r in s.execute(
            select(ArticleRow.id, ArticleRow.published, ArticleRow.published_precision))}
        rows = s.execute(select(BandRow.article_id, BandRow.bucket)).all()
    assert len(rows) == 21 * len(docs) and all(bucket == text_bucket(*dates[a]) for a, bucket in rows)
    assert {bucket for _, bucket in rows} >= {-1, text_bucket(docs[0][0].published, None)}
    indexes = {r[0] for r in sqlite3.connect(db).execute(
        "SELECT name FROM sqlite_master WHERE tbl_name = 'minhash_bands' AND type = 'index'")}
    assert indexes == {"ix_minhash_bands_article_id", "ix_minhash_bands_bucket_band_key", "ix_minhash_bands_first"}
    facts = {r[0] for r in sqlite3.connect(db).execute(
        "SELECT name FROM sqlite_master WHERE tbl_name = 'facts' AND type = 'index'")}
    assert "ix_facts_subject_measure" in facts and not {"ix_facts_subject_id", "ix_facts_measure"} & facts
    near = copy_of(docs[3][0], 1, docs[3][0].published + dt.timedelta(days=1))
    write_batch(engine, [(near, synthetic.digest(near))], set())
    incremental.refresh(engine)
    assert any(near.source in x[:2] and docs[3][0].source in x[:2] and x[2] == "near_duplicate"
               for x in links_of(engine))
    assert differences(full(tmp_path / "full.db", [*docs, (near, synthetic.digest(near))]), snapshot(engine)) == [0, 0, 0]
