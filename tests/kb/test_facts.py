"""Statements of an article: subject, measure, period and unit, one class of error a row.

Every sentence here is written for the test (invented companies and figures)."""

from __future__ import annotations

import re

import pytest

from warta.kb import facts

PERIODS = {"kuartal II 2025": ("2025-Q2", "quarter"), "periode yang sama tahun lalu": ("2024-Q2", "quarter"),
           "semester I-2025": ("2025-H1", "half"), "2030": ("2030", "year"), "kuartal III 2025": ("2025-Q3", "quarter"),
           "Selasa (4/3/2025)": ("2025-03-04", "day"), "akhir 2024": ("2024", "year"),
           "triwulan I 2023": ("2023-Q1", "quarter"), "triwulan sebelumnya": ("2022-Q4", "quarter"),
           "Januari-Maret 2022": ("2022-01/2022-03", "span")}


def figures_of(text: str, wanted: list[tuple[str, str, float, str]]) -> list[dict]:
    out = []
    for i, (written, kind, value, unit) in enumerate(wanted, start=1):
        start = text.index(written)
        out.append({"id": i, "kind": kind, "value": value, "unit": unit, "text": written,
                    "qualifier": "exact", "start": start, "end": start + len(written)})
    return out


def entities_of(text: str, names: dict[str, str]) -> list[dict]:
    return [{"kb_id": i, "name": name, "type": type_,
             "spans": [(m.start(), m.end()) for m in re.finditer(re.escape(name), text)]}
            for i, (name, type_) in enumerate(names.items(), start=1)]


def dates_of(text: str) -> list[dict]:
    out = []
    for written, (value, precision) in PERIODS.items():
        for m in re.finditer(re.escape(written), text):
            out.append({"value": value, "precision": precision, "start": m.start(), "end": m.end()})
    return sorted(out, key=lambda d: d["start"])


def statements(text, figures, names):
    return {s.text: s for s in facts.statements_of({"id": 1, "text": text, "outlet": "o"},
                                                   figures_of(text, figures), entities_of(text, names),
                                                   dates_of(text), story=1, shared_story=True)}


def test_perseroan_is_the_company_named_before_not_the_ministry():
    text = ("PT Sinar Laut Tbk meresmikan gudang di Batam bersama Kementerian Perdagangan. "
            "Perseroan membukukan pendapatan Rp 2,5 triliun pada semester I-2025.")
    got = statements(text, [("Rp 2,5 triliun", "money", 2.5e12, "IDR")],
                     {"PT Sinar Laut Tbk": "ORG", "Kementerian Perdagangan": "ORG"})
    s = got["Rp 2,5 triliun"]
    assert (s.measure, s.subject_name, s.period, s.unit) == ("revenue", "PT Sinar Laut Tbk", "2025-H1", "IDR")


def test_net_profit_is_not_revenue():
    text = "Hingga semester I-2025, PT Sinar Laut Tbk mencatat pendapatan Rp2 triliun dan laba bersih Rp310 miliar."
    got = statements(text, [("Rp2 triliun", "money", 2e12, "IDR"), ("Rp310 miliar", "money", 310e9, "IDR")],
                     {"PT Sinar Laut Tbk": "ORG"})
    assert got["Rp2 triliun"].measure == "revenue"
    assert got["Rp310 miliar"].measure == "net_profit"
    assert got["Rp310 miliar"].period == "2025-H1"


def test_a_speaker_is_not_the_subject_of_a_capacity():
    text = ("Direktur Utama PT Daya Arus, Maya Sari, menjelaskan pabrik tersebut memiliki kapasitas "
            "8 GWh per tahun.")
    got = statements(text, [("8 GWh per tahun", "quantity", 8, "GWh per tahun")],
                     {"PT Daya Arus": "ORG", "Maya Sari": "PER"})
    s = got["8 GWh per tahun"]
    assert (s.measure, s.subject_name, s.unit) == ("capacity", "PT Daya Arus", "GWh per tahun")


def test_a_target_keeps_its_unit_as_written():
    text = "Pemerintah menargetkan kapasitas produksi baterai nasional mencapai 90 GWh pada 2030."
    s = statements(text, [("90 GWh", "quantity", 90, "GWh")], {})["90 GWh"]
    assert (s.measure, s.unit, s.period) == ("capacity_target", "GWh", "2030")


def test_the_level_after_naik_dari_takes_the_period_after_it():
    text = ("Data Riset Gawai mencatat Merek Kilat menguasai 9,4% pasar tablet pada kuartal II 2025. "
            "Angka itu naik dari 7,1% pada periode yang sama tahun lalu.")
    got = statements(text, [("9,4%", "percent", 9.4, "percent"), ("7,1%", "percent", 7.1, "percent")],
                     {"Merek Kilat": "ORG", "Riset Gawai": "ORG"})
    assert (got["9,4%"].measure, got["9,4%"].period) == ("market_share", "2025-Q2")
    assert (got["7,1%"].measure, got["7,1%"].period) == ("market_share", "2024-Q2")


def test_a_growth_takes_the_period_beside_it_and_its_basis():
    text = ("Menteri itu menambahkan, realisasi investasi sektor kimia sepanjang kuartal III 2025 "
            "tumbuh 6,25 persen secara tahunan.")
    s = statements(text, [("6,25 persen", "percent", 6.25, "percent")], {})["6,25 persen"]
    assert (s.measure, s.period) == ("growth_yoy", "2025-Q3")


def test_a_comparison_date_is_the_basis_not_the_period():
    text = ("Badan Penanaman Daerah mencatat realisasi investasi pada triwulan I 2023 mencapai Rp80 triliun. "
            "Capaian itu tumbuh 3,1 persen dibandingkan dengan triwulan sebelumnya.")
    s = statements(text, [("Rp80 triliun", "money", 80e12, "IDR"), ("3,1 persen", "percent", 3.1, "percent")],
                   {"Badan Penanaman Daerah": "ORG"})["3,1 persen"]
    assert (s.measure, s.period) == ("growth_pop", "2023-Q1")


def test_a_basis_date_a_year_before_makes_a_change_year_on_year():
    text = ("Kantor itu mencatat ekspor pada triwulan I 2023 mencapai Rp10 triliun. Dibandingkan periode "
            "Januari-Maret 2022, ekspor rempah tumbuh 12 persen.")
    got = statements(text, [("Rp10 triliun", "money", 10e12, "IDR"), ("12 persen", "percent", 12, "percent")], {})
    assert got["12 persen"].measure == "growth_yoy"


def test_a_change_without_basis_follows_the_sentence_before():
    text = ("Dibandingkan periode Januari-Maret 2022, pada triwulan I 2023 modal asing tumbuh 9 persen. "
            "Sementara itu, modal lokal turun 2,5 persen.")
    got = statements(text, [("9 persen", "percent", 9, "percent"), ("2,5 persen", "percent", 2.5, "percent")], {})
    assert got["2,5 persen"].measure == "decline_yoy"


def test_an_index_level_is_a_bare_number_after_level_with_its_day():
    text = ("Indeks saham ditutup melemah pada perdagangan Selasa (4/3/2025). IHSG turun 150 poin ke level "
            "6.512,4. Di level itu, indeks sudah turun dari posisi 7.100,5 pada akhir 2024.")
    got = statements(text, [("150 poin", "quantity", 150, "poin")], {})
    assert (got["150 poin"].measure, got["150 poin"].subject_name, got["150 poin"].period) == \
        ("points", "IHSG", "2025-03-04")
    assert (got["6.512,4"].measure, got["6.512,4"].value, got["6.512,4"].period) == \
        ("index_level", 6512.4, "2025-03-04")
    assert got["7.100,5"].period == "2024"


def test_stock_figures_keep_their_own_ticker():
    text = "Saham PT Tambang Kilau Tbk (TKLU) anjlok 7,5 persen, sedangkan PT Bank Pelita Tbk (BPLT) turun 3,2 persen."
    got = statements(text, [("7,5 persen", "percent", 7.5, "percent"), ("3,2 persen", "percent", 3.2, "percent")],
                     {"TKLU": "ORG", "BPLT": "ORG", "PT Tambang Kilau Tbk": "ORG", "PT Bank Pelita Tbk": "ORG"})
    assert got["7,5 persen"].subject_name == "TKLU" and not got["7,5 persen"].weak
    assert got["3,2 persen"].subject_name == "BPLT" and not got["3,2 persen"].weak


def test_a_source_is_not_the_subject():
    text = "Menurut data Lembaga Riset Pasar (LRP), harga rata-rata rumah naik 4 persen."
    s = statements(text, [("4 persen", "percent", 4, "percent")], {"Lembaga Riset Pasar": "ORG", "LRP": "ORG"})
    assert s["4 persen"].weak


@pytest.mark.parametrize("inner, outer, inside", [
    ("2021-Q1", "2021", True), ("2021-03", "2021-Q1", True), ("2021-04", "2021-Q1", False),
    ("2025-10-14", "2025-H2", True), ("2025-02", "2025-01/2025-09", True), ("2024", "2024", False),
])
def test_periods_inside_others(inner, outer, inside):
    assert facts.period_inside(inner, outer) is inside


def _days(text, found, story=1):
    dates = []
    for i, (written, value) in enumerate(found, start=1):
        start = text.index(written)
        dates.append({"id": i, "value": value, "precision": "day", "start": start, "end": start + len(written)})
    return facts.statements_of({"id": story, "text": text, "outlet": f"o{story}"}, [], [], dates,
                               story=7, shared_story=True)


def test_a_weekday_that_is_not_its_date_s_is_a_date_conflict():
    text = "Rapat digelar pada Senin (27/4/2021) di kantor gubernur."
    found = facts.facts(_days(text, [("Senin (27/4/2021)", "2021-04-27")]))  # 27/4/2021 was a Tuesday
    assert [(f.measure, f.status, f.reasons[0]["why"]) for f in found] == [("date", "conflict", "weekday")]
    right = "Rapat digelar pada Selasa (27/4/2021) di kantor gubernur."
    assert facts.facts(_days(right, [("Selasa (27/4/2021)", "2021-04-27")])) == []


def test_two_outlets_dating_one_event_a_day_apart_is_a_date_conflict():
    a = _days("Banjir merendam tiga desa pada Kamis (6/3/2025). Warga mengungsi.", [("Kamis (6/3/2025)", "2025-03-06")], 1)
    b = _days("Banjir merendam tiga desa pada Jumat (7/3/2025). Warga mengungsi.", [("Jumat (7/3/2025)", "2025-03-07")], 2)
    found = facts.facts(a + b)
    assert [(f.status, f.reasons[1]["why"]) for f in found] == [("conflict", "day")]


def test_one_night_in_two_time_zones_is_not_a_date_conflict():
    a = _days("Kapal itu tenggelam pada Rabu, 5 Maret 2025 malam. Tim SAR dikerahkan.", [("Rabu, 5 Maret 2025", "2025-03-05")], 1)
    b = _days("Kapal itu tenggelam pada Kamis, 6 Maret 2025 dini hari. Tim SAR dikerahkan.", [("Kamis, 6 Maret 2025", "2025-03-06")], 2)
    assert facts.facts(a + b) == []
    # nor when each outlet also names the other's day
    c = _days("Kapal berangkat Rabu (5/3/2025) dan tenggelam Kamis (6/3/2025).", [("Rabu (5/3/2025)", "2025-03-05"), ("Kamis (6/3/2025)", "2025-03-06")], 3)
    d = _days("Kapal tenggelam Kamis (6/3/2025) setelah bocor sejak Rabu (5/3/2025).", [("Kamis (6/3/2025)", "2025-03-06"), ("Rabu (5/3/2025)", "2025-03-05")], 4)
    assert facts.facts(c + d) == []


def test_two_outlets_disagreeing_on_a_magnitude_and_a_death_toll():
    one = "Gempa bermagnitudo 5,6 mengguncang Kabupaten Lembah Hijau pada pagi hari. Sebanyak 12 orang tewas."
    two = "Gempa bermagnitudo 6,1 mengguncang Kabupaten Lembah Hijau pada pagi hari. Sebanyak 21 orang tewas."
    every = []
    for i, text in enumerate((one, two), start=1):
        toll = text[text.index("Sebanyak") + 9:].split(" orang")[0]
        figures = figures_of(text, [(f"{toll} orang", "quantity", float(toll), "orang")])
        every += facts.statements_of({"id": i, "text": text, "outlet": f"o{i}"}, figures,
                                     entities_of(text, {"Kabupaten Lembah Hijau": "LOC"}), [], story=3,
                                     shared_story=True)
    found = {f.measure: f for f in facts.facts(every)}
    assert found["magnitude"].status == "conflict" and found["casualties"].status == "conflict"


def test_a_roman_numeral_is_no_subject_and_an_alias_recurs_unmarked():
    text = ("Kementerian Perdagangan (Kemendag) merilis data ekspor. Menteri menambahkan, Kemendag mencatat "
            "ekspor kopi sepanjang kuartal III 2025 tumbuh 7,5 persen secara tahunan.")
    names = [{"kb_id": 1, "name": "Kementerian Perdagangan", "type": "ORG",
              "spans": [(0, 23), (25, 33)]}]  # the NER tagged the first "Kemendag" only
    figures = figures_of(text, [("7,5 persen", "percent", 7.5, "percent")])
    s = facts.statements_of({"id": 1, "text": text, "outlet": "o"}, figures, names, dates_of(text), 1, True)
    growth = [x for x in s if x.kind == "percent"][0]
    assert (growth.measure, growth.subject_name, growth.period) == ("growth_yoy", "Kementerian Perdagangan", "2025-Q3")


@pytest.mark.parametrize("text, figure, subject", [
    # an everyday term (lang/id/concepts.yaml) is what the figure is about, not the body
    # named before it, whether abbreviated or written out in lower case
    ("Badan Investasi Daerah mencatat realisasi PMDN mencapai Rp40 triliun.", ("Rp40 triliun", "money", 4e13, "IDR"), "PMDN"),
    ("Badan Investasi Daerah mencatat realisasi penanaman modal dalam negeri mencapai Rp40 triliun.",
     ("Rp40 triliun", "money", 4e13, "IDR"), "PMDN"),
    ("Menurut Badan Investasi Daerah, penanaman modal asing tumbuh 7 persen dan minus 2 persen dari tahun lalu.",
     ("minus 2 persen", "percent", 2, "%"), "PMA"),
])
def test_an_everyday_term_is_the_subject_of_its_figure(text, figure, subject):
    s = statements(text, [figure], {"Badan Investasi Daerah": "ORG"})[figure[0]]
    assert s.subject_name == subject and s.subject is None


def test_a_term_is_never_the_company_of_perseroan():
    text = ("PT Sinar Laut Tbk menerima fasilitas PMA dari pemerintah. "
            "Perseroan membukukan pendapatan Rp 2,5 triliun pada semester I-2025.")
    s = statements(text, [("Rp 2,5 triliun", "money", 2.5e12, "IDR")], {"PT Sinar Laut Tbk": "ORG"})["Rp 2,5 triliun"]
    assert s.subject_name == "PT Sinar Laut Tbk"


def test_a_restated_amount_is_no_second_figure():
    text = "PT Sinar Laut Tbk berinvestasi 500 juta yuan atau setara Rp1,1 triliun di Batam pada 2030."
    got = statements(text, [("500 juta yuan", "money", 5e8, "CNY"), ("Rp1,1 triliun", "money", 1.1e12, "IDR")],
                     {"PT Sinar Laut Tbk": "ORG"})
    assert list(got) == ["500 juta yuan"]
    text = "PT Sinar Laut Tbk mencatat pendapatan Rp2 triliun dan laba Rp300 miliar pada 2030."
    got = statements(text, [("Rp2 triliun", "money", 2e12, "IDR"), ("Rp300 miliar", "money", 3e11, "IDR")],
                     {"PT Sinar Laut Tbk": "ORG"})
    assert sorted(got) == ["Rp2 triliun", "Rp300 miliar"]
