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


@pytest.mark.parametrize("a, b, shared", [
    ({("percent", "percent", 5.022)}, {("percent", "percent", 5.02)}, 1),     # one outlet rounds
    ({("money", "idr", 1.437e12)}, {("money", "idr", 1.44e12)}, 1),
    ({("percent", "percent", 5.022)}, {("percent", "percent", 5.0)}, 0),      # one digit ties anything
    ({("percent", "percent", 11.8)}, {("percent", "percent", 12.0)}, 0),      # two digits too many
    ({("percent", "percent", 5.022)}, {("percent", "percent", 5.03)}, 0),     # not a rounding
    ({("money", "idr", 1.437e12)}, {("money", "usd", 1.44e12)}, 0),          # another currency
    ({("percent", "percent", 5.022), ("percent", "percent", 5.024)}, {("percent", "percent", 5.02)}, 1),
])
def test_shared_figures_allow_the_rounding_another_outlet_wrote(a, b, shared):
    assert len(stories.shared_figures(a, b)) == shared


def test_a_rounded_figure_links_two_outlets_that_share_few_names():
    # one outlet lists many companies (a stock table), the other only the index: their
    # names overlap little, and the fall they both give is written to different digits
    table = list(range(20, 40))
    long_ = feats(1, 18, [1, 2, *table], [("percent", "percent", 5.022), ("money", "idr", 3.5e12)])
    short = feats(2, 18, [1, 2, 3], [("percent", "percent", 5.02), ("money", "idr", 3.5e12)])
    others = [feats(10 + i, 1, [e]) for i, e in enumerate(table)]
    found = {(l.a, l.b): l for l in stories.links([long_, short, *others])}
    assert found[(1, 2)].kind == "same_story"
    assert len(found[(1, 2)].reasons["figures"]) == 2


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


def st(article, value, qualifier="exact", measure="investment", unit="IDR", story=1, text=None, idr=None,
       subject=1, weak=False, period=None):
    text = text or f"{value:g}"
    return facts.Statement(item=article * 10, article=article, kind="money" if unit in ("IDR", "USD") else "quantity",
                           value=value, unit=unit, qualifier=qualifier, text=text, sentence="", measure=measure,
                           subject=subject, subject_name="X", period=period, story=story, outlet=f"o{article}",
                           shared_story=True, idr=idr if idr is not None else (value if unit == "IDR" else None),
                           step=facts.step_of(text, value), weak=weak,
                           subject_keys=frozenset({f"id:{subject}"}) if subject else frozenset())


@pytest.mark.parametrize("a, b, same", [
    (st(1, 1.5e12, "about", text="Rp1,5 triliun"), st(2, 1.48e12, text="Rp1,48 triliun"), True),  # "sekitar"
    (st(1, 1.44e12, text="Rp1,44 triliun"), st(2, 1.443e12, text="Rp1,443 triliun"), True),  # rounded
    (st(1, 1.5e12, text="Rp1,5 triliun"), st(2, 1.48e12, text="Rp1,48 triliun"), True),   # rounded to 0,1
    (st(1, 1.5e12, text="Rp1,50 triliun"), st(2, 1.48e12, text="Rp1,48 triliun"), False),  # both to 0,01
    (st(1, 2000, "more_than", unit="orang"), st(2, 2300, unit="orang"), True),   # "lebih dari 2.000" vs 2.300
    (st(1, 5000, "up_to", unit="orang"), st(2, 6000, unit="orang"), False),      # "hingga 5.000" vs 6.000
    (st(1, 12e12, text="Rp12 triliun"), st(2, 15e12, text="Rp15 triliun"), False),
    (st(1, 325, unit="poin", text="325 poin"), st(2, 325.03, unit="poin", text="325,03 poin"), True),
    (st(1, 6146, unit="", text="6.146"), st(2, 6146.91, unit="", text="6.146,91"), True),    # truncated
    (st(1, 6158, unit="", text="6.158"), st(2, 6146.91, unit="", text="6.146,91"), False),  # 11 apart
    (st(1, 4, unit="percent", text="4%"), st(2, 4.2, unit="percent", text="4,2 persen"), False),  # 5 % apart
    (st(1, 5, unit="percent", text="5%"), st(2, 5.02, unit="percent", text="5,02%"), True),
    (st(1, 14000, text="Rp 14 ribu"), st(2, 14000, text="Rp 14.000"), True),
])
def test_agree(a, b, same):
    assert facts.agree(a, b) is same


@pytest.mark.parametrize("a, b, why", [
    (st(1, 12e12, text="Rp12 triliun"), st(2, 15e12, text="Rp15 triliun"), "differs"),
    (st(1, 2.9e12, text="Rp2,9 triliun"), st(2, 29e12, text="Rp29 triliun"), "slip"),           # 10x
    (st(1, 4.5e9, text="Rp4,5 miliar"), st(2, 4.5e9, unit="USD", text="US$4,5 miliar", idr=7.4e13), "currency"),
    (st(1, 8.2e12, text="Rp8,2 triliun"), st(2, 350e6, unit="USD", text="US$350 juta", idr=5.8e12), "converted"),
])
def test_why_two_values_conflict(a, b, why):
    assert facts.compare(a, b)["why"] == why


def test_values_in_two_currencies_agree_when_converted():
    a = st(1, 5.8e12, "about", text="Rp5,8 triliun")
    b = st(2, 350e6, unit="USD", text="US$350 juta", idr=5.79e12)
    assert facts.agree(a, b)


def test_conflict_corroboration_and_unrelated_figures():
    found = facts.facts([st(1, 12e12), st(2, 15e12), st(3, 12e12)])
    assert len(found) == 1 and found[0].status == "conflict"
    assert [sorted({x.article for x in g}) for g in found[0].groups] == [[1, 3], [2]]
    assert found[0].value == 12e12  # the value most sources give
    assert found[0].reasons[0] is None and found[0].reasons[1]["why"] == "differs"
    # two figures of one article are two facts, not a conflict
    same_article = facts.facts([st(1, 5e12), st(1, 12e12)])
    assert sorted(f.status for f in same_article) == ["single", "single"]
    # a total and a phase far apart are different facts
    apart = facts.facts([st(1, 1e12), st(2, 12e12)])
    assert sorted(f.status for f in apart) == ["single", "single"]
    corroborated = facts.facts([st(1, 1.5e12, "about"), st(2, 1.48e12)])
    assert [f.status for f in corroborated] == ["corroborated"]
    # a slip of 10x is a conflict although the values are far apart
    slip = facts.facts([st(1, 2.9e12, text="Rp2,9 triliun"), st(2, 29e12, text="Rp29 triliun")])
    assert [f.status for f in slip] == ["conflict"]


def test_articles_listing_several_values_do_not_conflict_on_the_rest():
    """Two outlets give the same list of contributions, one of them one item more: the
    items they share agree, the others are not one figure told two ways."""
    a = [st(1, v, unit="percent", measure="contribution", text=f"{v:g}") for v in (0.07, 0.3, 1.15, 0.5)]
    b = [st(2, v, unit="percent", measure="contribution", text=f"{v:g}") for v in (0.07, 0.3, 1.15, 0.4)]
    assert not [f for f in facts.facts(a + b) if f.status == "conflict"]


def test_named_subjects_part_a_story_s_figures():
    bmri = [st(1, 6.77, unit="percent", measure="decline", subject=11), st(2, 5.98, unit="percent", measure="decline", subject=11)]
    other = [st(2, 6.77, unit="percent", measure="decline", subject=9)]
    found = facts.facts(bmri + other)
    assert sorted(f.status for f in found) == ["conflict", "single"]
    # a different period is a different fact; an unknown period meets any
    years = facts.facts([st(1, 12e12, period="2024"), st(2, 15e12, period="2025")])
    assert sorted(f.status for f in years) == ["single", "single"]
    inside = facts.facts([st(1, 12e12, period="2025"), st(2, 15e12, period="2025-Q1")])
    assert [f.status for f in inside] == ["conflict"]


@pytest.mark.parametrize("kind, unit, before, measure", [
    ("money", "IDR", "Perusahaan itu menanamkan investasi senilai ", "investment"),
    ("percent", None, "Pangsa pasar ponsel itu mencapai ", "market_share"),
    ("quantity", "orang", "Pabrik itu mempekerjakan ", "workers"),
    ("quantity", "ton per tahun", "Smelter itu akan ", "capacity"),
    ("money", "IDR", "Mobil itu dibanderol ", "price"),
    ("money", "IDR", "Ia membeli ", None),
    ("money", "IDR", "Realisasi investasi sektor logam di provinsi itu mencapai ", "investment_realised"),
    ("money", "IDR", "Tahun ini perusahaan itu mencatat pendapatan Rp9 triliun dan laba bersih ", "net_profit"),
    ("money", "IDR", "Rencana investasi grup itu hingga 2030 mencapai ", "investment_planned"),
    ("quantity", "MW", "Pemerintah menargetkan kapasitas pembangkit surya mencapai ", "capacity_target"),
    ("quantity", "MW", "Pembangkit itu memiliki kapasitas ", "capacity"),
    ("quantity", "poin", "Indeks saham melemah ", "points"),
    ("money", "IDR", "Indeks itu ditutup di level harga ", "index_level"),
    ("money", "IDR", "Posisi kedua ditempati sektor tambang dengan ", None),   # "posisi" only right before
    ("percent", None, "Penjualan semen turun ", "decline"),
    ("money", "USD", "Nilai ekspor kopi provinsi itu mencapai ", "export"),
    ("money", "USD", "Neraca perdagangan kembali surplus ", "trade_balance"),
    ("percent", None, "Laju inflasi bulan itu tercatat ", "inflation"),
    ("percent", None, "Kelompok pendidikan memberi andil ", "contribution"),
])
def test_measure_of(kind, unit, before, measure):
    assert facts.measure_of(kind, unit, before) == measure


@pytest.mark.parametrize("kind, unit, before, after, measure", [
    ("percent", None, "Laba perusahaan tekstil itu tumbuh ", " secara tahunan.", "growth_yoy"),
    ("percent", None, "Kredit bank itu naik ", " (yoy) menjadi Rp80 triliun.", "growth_yoy"),
    ("percent", None, "Produksi padi naik ", " dibandingkan kuartal sebelumnya.", "growth_pop"),
    ("percent", None, "Belanja rumah tangga tumbuh secara kuartalan sebesar ", ".", "growth_pop"),
    ("percent", None, "Penjualan mobil naik 4% secara bulanan dan ", " secara tahunan.", "growth_yoy"),
    ("percent", None, "Saham emiten itu anjlok ", " menjadi Rp1.200.", "decline"),
    ("percent", None, "Penjualan ritel turun ", " dari tahun lalu.", "decline_yoy"),
    ("quantity", "orang", "Banjir bandang itu membuat ", " orang tewas", "casualties"),
    ("quantity", "orang", "Banjir bandang itu membuat ", " tewas dan puluhan lainnya hilang.", "casualties"),
    ("quantity", "jiwa", "Sebanyak ", " warga mengungsi ke balai desa.", "displaced"),
    ("quantity", "orang", "Tim SAR menyebut ", " orang selamat dari kapal itu.", "survivors"),
])
def test_measure_of_reads_the_words_after_a_figure(kind, unit, before, after, measure):
    assert facts.measure_of(kind, unit, before, after) == measure


def test_a_level_after_a_change_word_takes_the_measure_before_it():
    assert facts.measure_of("percent", None, "Angka itu naik dari ", " pada 2024.",
                            "Pangsa pasar merek itu mencapai 12% pada 2025.") == "market_share"


@pytest.mark.parametrize("text, value, step", [
    ("Rp1,44 triliun", 1.44e12, 1e10), ("6.146,91", 6146.91, 0.01), ("6.146", 6146, 1),
    ("325 poin", 325, 1), ("lima persen", 5, 1), ("Rp 14 ribu", 14000, 1000),
])
def test_step_of_is_the_last_digit_written(text, value, step):
    assert facts.step_of(text, value) == pytest.approx(step)


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


def test_a_round_tenfold_is_two_figures_not_a_slip():
    """"Rp1 triliun" and "Rp10 triliun": a phase and a total as often as a slip."""
    found = facts.facts([st(1, 1e12, text="Rp1 triliun"), st(2, 10e12, text="Rp10 triliun")])
    assert sorted(f.status for f in found) == ["single", "single"]
    thousand = facts.facts([st(1, 29, unit="orang", text="29 orang"), st(2, 29000, unit="orang", text="29 ribu orang")])
    assert [f.reasons[1] for f in thousand] == [{"why": "slip", "factor": 1000}]
