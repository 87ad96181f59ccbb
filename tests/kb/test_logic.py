"""The pure parts of the knowledge base: name resolution, story links, facts and conflicts."""

from __future__ import annotations

import datetime as dt

import pytest

from warta.kb import facts, resolve, stories, textsim


def mention(key, article, name, type_="ORG", aliases=()):
    return resolve.Mention(key, article, name, type_, tuple(aliases))


def groups(ms):
    return sorted(sorted(g.members) for g in resolve.resolve(ms))


@pytest.mark.parametrize("name, type_, key", [
    ("PT Baterai Nusantara Energi Tbk.", "ORG", "baterai nusantara energi"),
    ("Kemenperin RI", "ORG", "kemenperin"),
    ("Bapak Budi Santoso", "PER", "budi santoso"),
    ("Ibu", "PER", "ibu"),  # nothing but noise: kept as it is
])
def test_normalise(name, type_, key):
    assert resolve.normalise(name, type_) == key


@pytest.mark.parametrize("asked, name", [
    ("Menperin Budi", "Budi"),
    ("Direktur Utama Rina Hartono", "Rina Hartono"),
    ("Logam Sulawesi", "Logam Sulawesi"),   # "logam" is a title field, but no title opens it
    ("Menteri", "Menteri"),                 # all title: kept
    ("Camat Dedi Supriadi", "Dedi Supriadi"),  # a head the roles' file alone had, once
    ("Wagub Uu Ruzhanul", "Uu Ruzhanul"),
])
def test_without_title(asked, name):
    assert resolve.without_title(asked) == name


def test_exact_names_and_company_forms_merge():
    ms = [mention(1, 1, "PT Baterai Nusantara Energi Tbk"), mention(2, 2, "Baterai Nusantara Energi"),
          mention(3, 3, "Baterai Nusantara Energi", "PER")]
    assert groups(ms) == [[1, 2], [3]]  # never across types


def test_acronym_defined_in_one_article_names_the_thing_in_another():
    ms = [mention(1, 1, "Kementerian Perindustrian", aliases=["Kemenperin"]),
          mention(2, 2, "Kemenperin RI"), mention(3, 3, "Kemenperin")]
    res = resolve.resolve(ms)
    assert len(res) == 1
    assert res[0].name == "Kementerian Perindustrian"
    assert {m["rule"] for m in res[0].merges} == {"acronym"}
    assert res[0].aliases["Kemenperin"] == (2, {1, 3})


def test_ambiguous_acronym_links_nothing():
    ms = [mention(1, 1, "Badan Pusat Statistik", aliases=["BPS"]),
          mention(2, 2, "Badan Perlindungan Satwa", aliases=["BPS"]), mention(3, 3, "BPS")]
    assert groups(ms) == [[1], [2], [3]]


def test_short_person_name_needs_shared_context():
    ms = [mention(1, 1, "Budi Santoso Wirawan", "PER"), mention(2, 1, "Kemenperin"),
          mention(3, 2, "Budi Santoso", "PER"), mention(4, 2, "Kemenperin"),
          mention(5, 3, "Rina Hartono Putri", "PER"), mention(6, 4, "Rina Hartono", "PER"),
          mention(7, 4, "Pemkot Bogor")]
    g = groups(ms)
    assert [1, 3] in g             # shares Kemenperin
    assert [5] in g and [6] in g   # nothing in common: kept apart
    why = next(r for r in resolve.resolve(ms) if 1 in r.members).merges
    assert why[0]["rule"] == "short_name" and "kemenperin" in why[0]["detail"]


def test_one_word_person_alias_does_not_merge_across_articles():
    ms = [mention(1, 1, "Agus Gumiwang Kartasasmita", "PER", ["Agus"]),
          mention(2, 2, "Agus Salim Hartono", "PER", ["Agus"])]
    assert groups(ms) == [[1], [2]]


def test_spelling_variants_merge_above_the_threshold():
    ms = [mention(1, 1, "Djauhari Oratmangun", "PER"), mention(2, 2, "Djauhari Oratmangoen", "PER"),
          mention(3, 3, "Djoko Santoso", "PER")]
    assert groups(ms) == [[1, 2], [3]]


def feats(i, day, ents, figures=(), text=""):
    return stories.Features(i, dt.date(2025, 10, day), f"h{i}", set(ents), set(figures),
                            minhash=textsim.signature(text) if text else None)


def test_articles_sharing_rare_entities_and_a_figure_are_one_story():
    common = list(range(100, 140))  # a place every article names
    arts = [feats(1, 14, [1, 2, 3, 100], [("money", "idr", 12e12)]),
            feats(2, 15, [1, 2, 3, 100], [("money", "idr", 12e12)]),
            feats(3, 15, [7, 8, 100])]
    arts += [feats(10 + i, 1, [e]) for i, e in enumerate(common)]
    found = stories.links(arts)
    assert [(l.a, l.b, l.kind) for l in found] == [(1, 2, "same_story")]
    groups_ = stories.stories([a.id for a in arts], found)
    assert [1, 2] in groups_ and [3] in groups_


def test_a_chain_of_links_does_not_make_one_long_story():
    # articles every 5 days, each linked to the next: a month of news, not one event
    day = {i: dt.date(2025, 10, 1) + dt.timedelta(days=5 * i) for i in range(6)}
    chain = [stories.Link(i, i + 1, "same_story", 0.5 + i / 100, {}) for i in range(5)]
    groups_ = stories.stories(range(6), chain, day)
    assert all((day[g[-1]] - day[g[0]]).days <= stories.MAX_STORY_DAYS for g in groups_)
    assert len(groups_) > 1
    # a duplicate joins whatever its dates, a near-duplicate within the window only;
    # articles without a day date do not limit
    assert [0, 5] in stories.stories(range(6), [stories.Link(0, 5, "duplicate", 1.0, {})], day)
    assert [0, 5] not in stories.stories(range(6), [stories.Link(0, 5, "near_duplicate", 0.9, {})], day)
    assert [0, 1] in stories.stories(range(6), [stories.Link(0, 1, "near_duplicate", 0.9, {})], day)
    assert stories.stories(range(6), chain, {}) == [list(range(6))]


def test_far_apart_dates_are_not_one_story():
    arts = [feats(1, 1, [1, 2, 3]), feats(2, 30, [1, 2, 3])]
    assert stories.links(arts) == []


def test_duplicates_and_near_duplicates():
    text = " ".join(f"kata{i} lain{i % 7}" for i in range(120))
    near = text.replace("kata5 ", "kata5x ")
    a, b, c = feats(1, 1, [], text=text), feats(2, 2, [], text=near), feats(3, 2, [], text=text)
    c.content_hash = "h1"
    kinds = {(l.a, l.b): l.kind for l in stories.links([a, b, c])}
    assert kinds[(1, 3)] == "duplicate"
    assert kinds[(1, 2)] == "near_duplicate"


def st(article, value, qualifier="exact", measure="investment", unit="idr", story=1):
    return facts.Statement(item=article * 10, article=article, kind="money", value=value, unit=unit,
                           qualifier=qualifier, text=str(value), sentence="", measure=measure,
                           subject=1, subject_name="X", period=None, story=story, outlet=f"o{article}",
                           shared_story=True)


@pytest.mark.parametrize("a, b, same", [
    (st(1, 1.5e12, "about"), st(2, 1.48e12), True),      # "sekitar Rp1,5 triliun" vs "Rp1,48 triliun"
    (st(1, 1.44e12), st(2, 1.443e12), True),             # within 0.5 %
    (st(1, 1.5e12), st(2, 1.48e12), False),              # both exact, 1.3 % apart
    (st(1, 2000, "more_than"), st(2, 2300), True),       # "lebih dari 2.000" vs 2.300
    (st(1, 5000, "up_to"), st(2, 6000), False),          # "hingga 5.000" vs 6.000
    (st(1, 12e12), st(2, 15e12), False),
])
def test_agree(a, b, same):
    assert facts.agree(a, b) is same


def test_conflict_corroboration_and_unrelated_figures():
    found = facts.facts([st(1, 12e12), st(2, 15e12), st(3, 12e12)])
    assert len(found) == 1 and found[0].status == "conflict"
    assert [sorted({x.article for x in g}) for g in found[0].groups] == [[2], [1, 3]]
    assert found[0].value == 12e12  # the value most sources give
    # two figures of one article are two facts, not a conflict
    same_article = facts.facts([st(1, 5e12), st(1, 12e12)])
    assert sorted(f.status for f in same_article) == ["single", "single"]
    # a total and a phase far apart are different facts
    apart = facts.facts([st(1, 1e12), st(2, 12e12)])
    assert sorted(f.status for f in apart) == ["single", "single"]
    corroborated = facts.facts([st(1, 1.5e12, "about"), st(2, 1.48e12)])
    assert [f.status for f in corroborated] == ["corroborated"]


@pytest.mark.parametrize("kind, unit, before, measure", [
    ("money", "IDR", "Perusahaan itu menanamkan investasi senilai ", "investment"),
    ("percent", None, "Pangsa pasar ponsel itu mencapai ", "market_share"),
    ("quantity", "orang", "Pabrik itu mempekerjakan ", "workers"),
    ("quantity", "ton per tahun", "Smelter itu akan ", "capacity"),
    ("money", "IDR", "Mobil itu dibanderol ", "price"),
    ("money", "IDR", "Ia membeli ", None),
    ("money", "IDR", "Realisasi investasi sektor logam di provinsi itu mencapai ", "investment_realised"),
])
def test_measure_of(kind, unit, before, measure):
    assert facts.measure_of(kind, unit, before) == measure


def test_sentence_at_keeps_decimal_and_thousand_separators():
    text = "Nilainya Rp1.5 triliun. Pabrik menyerap 3.000 pekerja. Selesai."
    i = text.index("3.000")
    lo, hi = facts.sentence_at(text, i, i + 5)
    assert text[lo:hi] == "Pabrik menyerap 3.000 pekerja."


def test_a_month_only_date_is_close_to_every_day_of_its_month():
    a = feats(1, 19, [1])
    b = stories.Features(2, dt.date(2025, 10, 1), "h2", {1}, precision="month")
    c = stories.Features(3, dt.date(2025, 12, 1), "h3", {1}, precision="month")
    assert stories.gap_days(a, b) == 0
    assert stories.gap_days(a, c) == 43
    assert stories.gap_days(a, stories.Features(4, None, "h4")) is None
