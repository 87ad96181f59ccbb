"""The entity rules on sentences written for these tests (model entities given)."""

from __future__ import annotations

import pytest


def ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


def consolidated(doc, kind: str | None = None) -> list[tuple]:
    """The doc's consolidated entities (of type ``kind``, or all) as (name, aliases)."""
    from warta.nlp import harvest
    return [(e.name, e.aliases) for e in harvest.entities(doc) if kind in (None, e.type)]


def harvested(nlp, text: str) -> set[tuple]:
    """The article's consolidated entities of ``text``: (name, type, aliases)."""
    from warta.nlp import harvest
    return {(e.name, e.type, tuple(e.aliases)) for e in harvest.entities(nlp(text))}


@pytest.mark.parametrize("text, model, person", [
    ("Menteri Perindustrian Agus Gumiwang Kartasasmita hadir.",
     "Menteri Perindustrian Agus Gumiwang Kartasasmita", "Agus Gumiwang Kartasasmita"),
    ("Kata Bapak Joko Santoso kemarin.", "Bapak Joko Santoso", "Joko Santoso"),
    ("Ucap Dirjen ILMATE Budi Hartono singkat.", "Dirjen ILMATE Budi Hartono", "Budi Hartono"),
    ("Hadir pula Prof. Dr. Rina Wulandari.", "Prof. Dr. Rina Wulandari", "Rina Wulandari"),
    # heads that were only in the roles' title file before the two files became one
    ("Kemarin Camat Dedi Supriadi hadir.", "Camat Dedi Supriadi", "Dedi Supriadi"),
    ("Kemarin Panglima Agus Subiyanto hadir.", "Panglima Agus Subiyanto", "Agus Subiyanto"),
])
def test_titles_leave_person_names(ruled, text, model, person):
    assert (person, "PER") in ents(ruled(text, {model: "PER"}))


def test_a_word_the_page_repeated_is_one_name(ruled):
    doc = ruled("Ia bertemu Presiden Joko Susilo atau Jokos Jokos kemarin.",
                {"Joko Susilo": "PER", "Jokos Jokos": "PER"})
    assert ("Jokos", "PER") in ents(doc) and ("Jokos Jokos", "PER") not in ents(doc)


def test_a_person_span_that_is_all_title_goes(ruled):
    assert ents(ruled("Sang Menteri datang.", {"Menteri": "PER"})) == []


@pytest.mark.parametrize("text, org", [
    ("Saham PT Sinar Terang Abadi Tbk. naik.", "PT Sinar Terang Abadi Tbk"),
    ("Proyek PT Listrik Kita (Persero) rampung.", "PT Listrik Kita (Persero)"),
    ("Kementerian Energi dan Sumber Daya Mineral menolak.", "Kementerian Energi dan Sumber Daya Mineral"),
    ("Data Badan Pusat Statistik menunjukkan hal itu.", "Badan Pusat Statistik"),
    ("Kredit dari Bank Mandiri Sejahtera tumbuh.", "Bank Mandiri Sejahtera"),
    ("Mahasiswa Universitas Gadjah Mada menang.", "Universitas Gadjah Mada"),
    ("Kontrak dengan Zhongshan Motor Co., Ltd. diteken.", "Zhongshan Motor Co., Ltd"),
    ("Saham Acme Robotics Inc. turun.", "Acme Robotics Inc"),
])
def test_organisation_forms(ruled, text, org):
    assert (org, "ORG") in ents(ruled(text))


def test_organisation_form_overrides_the_model_and_stops_at_a_person(ruled):
    doc = ruled("Ketua Partai Maju Jaya Budi Santoso bicara.",
                {"Maju Jaya": "LOC", "Budi Santoso": "PER"})
    assert ents(doc) == [("Partai Maju Jaya", "ORG"), ("Budi Santoso", "PER")]


@pytest.mark.parametrize("text, model, expected", [
    # the prefix is the post's field: the post "Menteri Koperasi", the person the model's
    ("Menteri Koperasi Bayu Aji hadir.", {"Bayu Aji": "PER"}, [("Bayu Aji", "PER")]),
    ("Wakil Menteri Badan Usaha Rina Sari hadir.", {"Usaha Rina Sari": "PER"}, [("Rina Sari", "PER")]),
    # no post before it, or the model's person starts later: the organisation stays
    ("Koperasi Bayu Aji tumbuh pesat.", {"Bayu Aji": "PER"}, [("Koperasi Bayu Aji", "ORG")]),
    ("Ketua Koperasi Tani Makmur Budi Santoso bicara.", {"Budi Santoso": "PER"},
     [("Koperasi Tani Makmur", "ORG"), ("Budi Santoso", "PER")]),
])
def test_an_organisation_prefix_that_is_a_post_s_field(ruled, text, model, expected):
    assert ents(ruled(text, model)) == expected


@pytest.mark.parametrize("text, model, expected", [
    # a person span run on from the place of a territorial title: the place, then the person
    ("Bupati Sukamaju Rina Sari Dewi meresmikan pasar.", {"Sukamaju Rina Sari Dewi": "PER"},
     [("Sukamaju", "LOC"), ("Rina Sari Dewi", "PER")]),
    # the place the model left between the title and a rank
    ("Kapolres Sukamaju AKBP Budi Santoso menjelaskan.", {"Budi Santoso": "PER"},
     [("Sukamaju", "LOC"), ("Budi Santoso", "PER")]),
    # a province of two words stays one place
    ("Gubernur Jawa Tengah Ahmad Luthfi hadir.", {"Jawa Tengah": "LOC", "Ahmad Luthfi": "PER"},
     [("Jawa Tengah", "LOC"), ("Ahmad Luthfi", "PER")]),
])
def test_the_place_of_a_territorial_title_is_cut_from_its_holder(ruled, text, model, expected):
    assert ents(ruled(text, model)) == expected


def test_a_place_after_dari_is_no_speaker(ruled):
    assert ents(ruled("Seorang pedagang dari Kalumbang, menyatakan harga naik.", {"Kalumbang": "LOC"})) \
        == [("Kalumbang", "LOC")]


def test_acronym_defined_after_its_long_form(ruled):
    doc = ruled("Kementerian Perindustrian (Kemenperin) menyebut Kemenperin siap.")
    assert ents(doc) == [("Kementerian Perindustrian", "ORG"), ("Kemenperin", "ORG"),
                         ("Kemenperin", "ORG")]
    assert len(doc._.warta_links) == 1


def test_acronym_of_capitalised_words_the_model_missed(ruled):
    doc = ruled("Direktur Jenderal Industri Logam, Mesin, dan Elektronika (Ilmeta) hadir.")
    assert ("Industri Logam, Mesin, dan Elektronika", "ORG") in ents(doc)
    assert ("Ilmeta", "ORG") in ents(doc)


@pytest.mark.parametrize("text", [
    "Mobil battery electric vehicle (BEV) laris; BEV murah.",
    # fewer words than the acronym has letters, after a verb: the phrase still spells it
    "Pemerintah mengenakan bea masuk antidumping (BMAD) pada baja. Tarif BMAD naik.",
])
def test_acronym_of_a_lower_case_phrase_is_no_entity(ruled, text):
    acronym = text[text.index("(") + 1:text.index(")")]
    assert ents(ruled(text, {acronym: "ORG"})) == []


def test_acronym_before_its_long_form(ruled):
    doc = ruled("Ajang MIDC (Mobile Innovators Developers Conference) digelar.")
    assert ("MIDC", "EVENT") in ents(doc)
    assert ("Mobile Innovators Developers Conference", "EVENT") in ents(doc)


def test_table_acronyms_and_variant_suffix(ruled):
    doc = ruled("Menurut OJK dan Kemenperin RI, akun Instagram Kemenperin ramai.",
                {"Instagram Kemenperin": "ORG"})
    assert ents(doc) == [("OJK", "ORG"), ("Kemenperin RI", "ORG"), ("Instagram", "ORG"),
                         ("Kemenperin", "ORG")]


def test_a_variant_suffix_after_a_bracketed_acronym_is_no_place(ruled):
    # "(DPR) RI" is the body's, as "DPR RI" is; "Presiden RI" still names the country
    doc = ruled("Dewan Perwakilan Rakyat (DPR) RI bersidang. Presiden RI hadir.",
                {"Dewan Perwakilan Rakyat": "ORG", "DPR": "ORG"})
    assert ents(doc) == [("Dewan Perwakilan Rakyat", "ORG"), ("DPR", "ORG"), ("RI", "LOC")]


@pytest.mark.parametrize("text, product", [
    ("Xiaomi menjual mobil listrik SU7 dan YU7.", "SU7"),
    ("Ponsel Redmi 4A masih dipakai.", "Redmi 4A"),
    ("Antrean iPhone 16 Pro Max mengular.", "iPhone 16 Pro Max"),
    ("Bumbu Royco laris di desa.", "Royco"),
])
def test_products(ruled, text, product):
    assert (product, "PRODUCT") in ents(ruled(text))


def test_period_codes_are_no_products(ruled):
    assert ents(ruled("Penjualan mobil pada Q2 naik.")) == []


@pytest.mark.parametrize("text, event", [
    ("Ia hadir di Suppliers Summit tahun lalu.", "Suppliers Summit"),
    ("Pameran IBOS EXPO 2025 dibuka.", "IBOS EXPO 2025"),
    ("Program Making Indonesia 4.0 berlanjut.", "Making Indonesia 4.0"),
    ("Perayaan HUT ke-17 Partai Gerindra meriah.", "HUT ke-17 Partai Gerindra"),
    # named meetings: the head holds title words, and the name ends before a company
    ("Ekonom menilai Rapat Dewan Gubernur pekan depan menahan bunga.", "Rapat Dewan Gubernur"),
    ("Rapat Umum Pemegang Saham Tahunan PT Bank Sentosa Tbk menyetujui dividen.", "Rapat Umum Pemegang Saham Tahunan"),
    ("Pemerintah menggelar Rakornas Pengendalian Inflasi 2024 di Jakarta.", "Rakornas Pengendalian Inflasi 2024"),
])
def test_events(ruled, text, event):
    assert (event, "EVENT") in ents(ruled(text))


def test_press_conference_is_no_event(ruled):
    assert ents(ruled("Dalam Konferensi Pers kemarin ia bicara.")) == []


def test_model_entities_on_lower_case_words_go_in_cased_text(ruled):
    doc = ruled("Pasar mobil listrik di Jakarta tumbuh.", {"mobil listrik": "ORG", "Jakarta": "LOC"})
    assert ents(doc) == [("Jakarta", "LOC")]


def test_lower_cased_text_keeps_them(ruled):
    doc = ruled("pasar mobil di jakarta tumbuh.", {"jakarta": "LOC"})
    assert ents(doc) == [("jakarta", "LOC")]


def test_ordinary_word_opening_a_sentence_leaves_the_name(ruled):
    doc = ruled("Itu kabarnya.\nMelansir Harian Nusantara, harga naik.",
                {"Melansir Harian Nusantara": "ORG"})
    assert ents(doc) == [("Harian Nusantara", "ORG")]


def test_place_forms(ruled):
    doc = ruled("Pabrik di Kawasan Industri Jababeka dan Distrik Haidian.")
    assert ents(doc) == [("Kawasan Industri Jababeka", "LOC"), ("Distrik Haidian", "LOC")]


def test_gazetteer_labels_names_the_model_left(ruled):
    doc = ruled("Ia lahir di Kuala Lumpur dan kuliah di sana.", gazetteer=True)
    assert ("Kuala Lumpur", "LOC") in ents(doc)


def test_one_word_companies_of_the_hand_written_list(ruled):
    doc = ruled("Posisi berikutnya ditempati Oppo dan disusul Vivo dengan pangsa 9 persen.",
                {"Oppo": "PER"}, gazetteer=True)
    assert ents(doc) == [("Oppo", "ORG"), ("Vivo", "ORG")]


def test_company_named_again_before_its_chief_is_cut_from_the_person(ruled):
    doc = ruled("PT Sinar Kencana Motor Tbk menambah lini. CEO Sinar Kencana Dewi Lestari hadir.",
                {"Sinar Kencana Dewi Lestari": "PER"})
    assert ents(doc) == [("PT Sinar Kencana Motor Tbk", "ORG"), ("Sinar Kencana", "ORG"),
                         ("Dewi Lestari", "PER")]


def test_one_word_person_on_a_company_first_word_is_the_company(ruled):
    doc = ruled("Menurut dia, Lumora juga menyiapkan pabrik PT Lumora Teknologi Indonesia.",
                {"Lumora": "PER"})
    assert ("Lumora", "ORG") in ents(doc)


def test_one_word_stays_a_person_when_it_opens_a_longer_name(ruled):
    doc = ruled("Kata Hartono, PT Hartono Jaya Tbk siap. Budi Hartono setuju.",
                {"Hartono": "PER", "Budi Hartono": "PER"})
    assert ("Hartono", "PER") in ents(doc)


def test_organisation_form_does_not_end_on_a_connector(ruled):
    doc = ruled("Kerja sama antara Bank Sentosa Negara dan Rina Kusuma diteken.",
                {"Rina Kusuma": "PER"})
    assert ents(doc) == [("Bank Sentosa Negara", "ORG"), ("Rina Kusuma", "PER")]


def test_place_suffix_overrides_the_model(ruled):
    doc = ruled("Rombongan tiba di Lumora Campus pagi itu.", {"Lumora Campus": "ORG"})
    assert ents(doc) == [("Lumora Campus", "LOC")]


def test_name_after_a_lower_case_place_word_is_a_place(ruled):
    doc = ruled("Pabrik itu berdiri di kawasan Cikarang Barat sejak lama.")
    assert ents(doc) == [("Cikarang Barat", "LOC")]


def test_name_after_menuju_is_a_place(ruled):
    assert ents(ruled("Kapal itu berlayar menuju Tigarasa pagi tadi.")) == [("Tigarasa", "LOC")]


@pytest.mark.parametrize("text, model, want", [
    ("Warga Sukamulya mengungsi ke tenda darurat.", {}, [("Sukamulya", "LOC")]),
    # over the model's one-word person, and a place that "complains" is no speaker
    ("Masyarakat Karangjati mengeluhkan jalan rusak.", {"Karangjati": "PER"}, [("Karangjati", "LOC")]),
    ("Penduduk Jakarta Utara diminta waspada.", {}, [("Jakarta Utara", "LOC")]),
    # a person named after "warga", and a body whose members are its "warga", stay
    ("Menurut warga Dodi Saputra, banjir datang tengah malam.", {"Dodi Saputra": "PER"}, [("Dodi Saputra", "PER")]),
    ("Warga NU berkumpul di alun-alun.", {}, [("NU", "ORG")]),
])
def test_name_after_a_word_for_its_people_is_a_place(ruled, text, model, want):
    assert ents(ruled(text, model)) == want


@pytest.mark.parametrize("text, model", [
    ("Rencana itu akan rampung tahun depan, dikutip Motorwire.", {"Motorwire": "PER"}),
    ("Melansir data Teknodaily, harga ponsel itu naik.", {"Teknodaily": "PER"}),
    ("Dilansir dari Teknodaily, harga ponsel itu naik.", {}),
])
def test_name_after_a_media_marker_is_an_outlet(ruled, text, model):
    outlet = next(w for w in ("Motorwire", "Teknodaily") if w in text)
    assert (outlet, "ORG") in ents(ruled(text, model))


def test_media_marker_leaves_a_person_quoted(ruled):
    doc = ruled("Hal itu dilaporkan Ani Lestari kepada wartawan.", {"Ani Lestari": "PER"})
    assert ents(doc) == [("Ani Lestari", "PER")]


@pytest.mark.parametrize("text, model, org", [
    ("Komitmen Sentosa Chemical untuk berinvestasi disambut baik.", {"Sentosa Chemical": "PER"},
     "Sentosa Chemical"),
    ("Saham Kencana Group naik tajam.", {"Kencana Group": "LOC"}, "Kencana Group"),
    ("BASF dan perusahaan pertambangan Prancis, Vermet juga membangun smelter.",
     {"Vermet": "PER"}, "Vermet"),
    ("Itu disampaikan produsen mobil asal Korea Selatan, Daru Motors Co., Ltd.", {}, "Daru Motors Co., Ltd"),
    ("Melansir Nusa Daily pada Sabtu, harga nikel turun.", {"Nusa Daily": "PER"}, "Nusa Daily"),
])
def test_companies_by_business_word_apposition_and_outlets(ruled, text, model, org):
    assert (org, "ORG") in ents(ruled(text, model))


def test_one_word_of_a_business_name_is_the_company(ruled):
    doc = ruled("Kata dia, Sentosa akan membangun pabrik bersama Sentosa Chemical.",
                {"Sentosa": "PER"})
    assert ents(doc) == [("Sentosa", "ORG"), ("Sentosa Chemical", "ORG")]


# -- whole-document corrections: classes seen on real articles, sentences written here --

@pytest.mark.parametrize("text, model, expected", [
    # an institution's acronym opening a person span after a title is the institution
    ("Gubernur BI Sutrisno Hadi optimistis.", {"BI Sutrisno Hadi": "ORG"},
     [("BI", "ORG"), ("Sutrisno Hadi", "PER")]),
    ("Kepala BNPB Rahmat Hidayat tiba.", {"BNPB Rahmat Hidayat": "PER"},
     [("BNPB", "ORG"), ("Rahmat Hidayat", "PER")]),
    # an organisation whose name merely starts with an acronym stays one
    ("Nasabah BNI Syariah bertambah.", {"BNI Syariah": "ORG"}, [("BNI Syariah", "ORG")]),
])
def test_an_acronym_opening_a_person_is_the_institution(ruled, text, model, expected):
    assert ents(ruled(text, model)) == expected


@pytest.mark.parametrize("text, model, expected", [
    ("Menjelang Lebaran harga naik.", {"Lebaran": "LOC"}, []),
    ("Selama Ramadan 2026 pasar ramai.", {"Ramadan 2026": "PER"}, []),
    ("Festival Ramadan Jakarta dibuka.", {"Festival Ramadan Jakarta": "EVENT"},
     [("Festival Ramadan Jakarta", "EVENT")]),
])
def test_holiday_and_season_names_are_no_entities(ruled, text, model, expected):
    assert ents(ruled(text, model)) == expected


@pytest.mark.parametrize("text, model, person", [
    ("Direktur itu, Wiranto Sudibyo, menegaskan hal itu.", {"Wiranto Sudibyo": "LOC"}, "Wiranto Sudibyo"),
    ("Menurut data, kata Sulastri Wening, harga turun.", {"Sulastri Wening": "LOC"}, "Sulastri Wening"),
    ("Darmaji Kusuma mengatakan stok aman.", {"Darmaji Kusuma": "LOC"}, "Darmaji Kusuma"),
])
def test_a_name_that_speaks_is_a_person(ruled, text, model, person):
    assert ents(ruled(text, model)) == [(person, "PER")]


def test_every_mention_of_a_speaker_is_the_person(blank):
    from warta.nlp import rules

    text = "Warsito Adi hadir di pelabuhan. Warsito Adi mengatakan kapal laik."
    doc = blank(text)
    second = text.rindex("Warsito")
    doc.ents = [doc.char_span(0, 11, label="LOC"), doc.char_span(second, second + 11, label="LOC")]
    assert ents(rules.apply_rules(doc, use_gazetteer=False)) == [("Warsito Adi", "PER"), ("Warsito Adi", "PER")]


def test_a_place_that_speaks_stays_a_place(ruled):
    # countries and cities act in the news ("Indonesia menegaskan …"): the gazetteer knows them
    doc = ruled("Indonesia menegaskan sikapnya.", {"Indonesia": "LOC"}, gazetteer=True)
    assert ents(doc) == [("Indonesia", "LOC")]


@pytest.mark.parametrize("text, model, place", [
    # "Kota" here ends the title, so it is no prefix of the place after it
    ("Wali Kota Surabaya Eri Cahyadi meninjau pasar.", {"Surabaya": "LOC", "Eri Cahyadi": "PER"}, "Surabaya"),
    ("Wakil Wali Kota Bandung Yana Mulyana hadir.", {"Bandung": "LOC", "Yana Mulyana": "PER"}, "Bandung"),
    ("Rapat digelar di Kantor Wali Kota Jayapura.", {"Jayapura": "LOC"}, "Jayapura"),
    # elsewhere it is the city's prefix
    ("Banjir melanda Kota Bekasi sejak pagi.", {"Bekasi": "LOC"}, "Kota Bekasi"),
])
def test_the_prefix_word_of_a_title_is_no_place_prefix(ruled, text, model, place):
    assert (place, "LOC") in ents(ruled(text, model))
    assert not any(name.startswith("Kota ") and name != place for name, _ in ents(ruled(text, model)))


@pytest.mark.parametrize("text, model, expected", [
    # the one-word place list holds villages named like people ("Andi", "Made", "Wisnu"):
    # a one-word person stays the model's person whatever that list says ...
    ("Antrean itu, imbuh Wisnu, terjadi tiap pagi.", {"Wisnu": "PER"}, [("Wisnu", "PER")]),
    ("Made menjelaskan syarat calon ketua.", {"Made": "PER"}, [("Made", "PER")]),
    # ... and a one-word "place" that speaks is a person unless it is a country, a province
    # or a place of the gazetteer's names
    ("Andi mengatakan surat itu sudah disiapkan.", {"Andi": "LOC"}, [("Andi", "PER")]),
    ("Jawa Timur menegaskan kesiapannya.", {"Jawa Timur": "LOC"}, [("Jawa Timur", "LOC")]),
])
def test_the_one_word_place_list_makes_no_person_a_place(ruled, text, model, expected):
    assert ents(ruled(text, model, gazetteer=True)) == expected


@pytest.mark.parametrize("text, vessel", [
    ("Kapal KM Bahari Jaya tenggelam di selat.", "KM Bahari Jaya"),
    ("Tim mencari KMP Tirta Samudra 7 sejak pagi.", "KMP Tirta Samudra 7"),
    ("Armada KRI Nala bersandar.", "KRI Nala"),
])
def test_a_ship_after_its_prefix_is_a_product(ruled, text, vessel):
    assert (vessel, "PRODUCT") in ents(ruled(text))


def test_a_road_kilometre_is_no_ship(ruled):
    assert ents(ruled("Kemacetan di KM 89 tol itu.")) == []


def test_an_index_acronym_gives_its_type_to_its_long_form(ruled):
    doc = ruled("Kemarin Indeks Harga Saham Gabungan (IHSG) turun. IHSG lalu pulih.",
                {"Indeks Harga Saham Gabungan": "ORG", "IHSG": "ORG"})
    assert ents(doc) == [("Indeks Harga Saham Gabungan", "PRODUCT"), ("IHSG", "PRODUCT"),
                         ("IHSG", "PRODUCT")]


@pytest.mark.parametrize("text, model, orgs", [
    ("Modal datang dari perusahaan Jepang seperti Asahimas, Nagano Kogyo dan Hino.",
     {"Asahimas": "PER", "Hino": "PER"}, ["Asahimas", "Nagano Kogyo", "Hino"]),
    ("Sejumlah produsen mobil asal Tiongkok, antara lain Wuling, Chery, serta Dongfeng, datang.",
     {"Wuling": "LOC"}, ["Wuling", "Chery", "Dongfeng"]),
])
def test_names_listed_after_a_company_noun_are_organisations(ruled, text, model, orgs):
    found = ents(ruled(text, model))
    assert [n for n, label in found if label == "ORG"] == orgs


def test_a_company_noun_without_names_lists_nothing(ruled):
    assert ents(ruled("Perusahaan seperti itu jarang ada.")) == []


@pytest.mark.parametrize("text, model, org", [
    ("Kini industri kimia asal Jepang Nagano Shokubai berinvestasi.", {"Nagano Shokubai": "PER"},
     "Nagano Shokubai"),
    ("Produsen mobil asal Korea Selatan Hanul Motors datang.", {}, "Hanul Motors"),
])
def test_the_company_after_its_origin(ruled, text, model, org):
    found = ents(ruled(text, model, gazetteer=True))
    assert (org, "ORG") in found and not any(org in n and n != org for n, _ in found)


def test_a_person_from_a_place_is_no_company(ruled):
    assert ents(ruled("Warga asal Bandung itu pulang.", {"Bandung": "LOC"}, gazetteer=True)) == [("Bandung", "LOC")]


@pytest.mark.parametrize("text, event", [
    ("Warga memilih dalam Pilkada serentak 2029 nanti.", "Pilkada serentak 2029"),
    ("Partai bersiap menghadapi Pilgub Jawa Tengah 2029 tahun depan.", "Pilgub Jawa Tengah 2029"),
    ("Hasil Pemilu 2029 diumumkan.", "Pemilu 2029"),
])
def test_an_election_with_its_year_is_an_event(ruled, text, event):
    assert (event, "EVENT") in ents(ruled(text))


def test_an_election_without_a_year_is_no_name(ruled):
    assert ents(ruled("Pilkada berjalan lancar.")) == []


@pytest.mark.parametrize("text, code", [
    ("Pemerintah menawarkan obligasi ritel ORI031 pekan ini.", "ORI031"),
    ("Penjualan sukuk SR025 dibuka.", "SR025"),
])
def test_a_bond_series_is_a_product(ruled, text, code):
    assert (code, "PRODUCT") in ents(ruled(text))


@pytest.mark.parametrize("text, code", [
    # a series code needs no product word near it
    ("Lelang pekan ini menawarkan FR0107 dan PBS041 kepada investor.", "FR0107"),
    ("Lelang pekan ini menawarkan FR0107 dan PBS041 kepada investor.", "PBS041"),
    ("Investor memburu SBR016T4 sejak Senin.", "SBR016T4"),
    ("Kementerian Pertahanan menerima A400M kedua di Halim.", "A400M"),
    ("Maskapai itu menambah armada A320neo tahun ini.", "A320neo"),
    ("Pabrik di Bandung merakit N219 untuk penerbangan perintis.", "N219"),
])
def test_a_series_code_is_a_product_anywhere(ruled, text, code):
    assert (code, "PRODUCT") in ents(ruled(text))


@pytest.mark.parametrize("text, code", [
    ("Ekspor pada Triwulan II-2018 naik tipis.", "II-2018"),
    ("Nilai kontraknya USD300 juta.", "USD300"),
    ("Hal itu tertuang dalam surat S-412/MK.05/2026 kepada bank.", "S-412"),
    ("Delegasi Indonesia tiba di COP31 pekan ini.", "COP31"),
    ("Kasus COVID-19 kembali naik.", "COVID-19"),
])
def test_codes_that_name_no_product(ruled, text, code):
    assert (code, "PRODUCT") not in ents(ruled(text))


def test_a_code_the_model_named_keeps_its_type(ruled):
    # a group named by a code ("AKB48"): the series code only fills where nothing was found
    assert ents(ruled("Grup JKT77 merilis lagu baru.", {"JKT77": "ORG"})) == [("JKT77", "ORG")]


def test_a_code_with_letters_after_its_digits_is_one_token(nlp):
    assert [t.text for t in nlp.make_doc("Pesawat A400M tiba.")] == ["Pesawat", "A400M", "tiba", "."]


def test_an_event_named_short_joins_its_full_name(nlp):
    from warta.nlp import harvest

    doc = nlp("Panitia menyiapkan Pilkada serentak 2029 di kota itu. Pilkada 2029 digelar November.")
    events = [e for e in harvest.entities(doc) if e.type == "EVENT"]
    assert [(e.name, e.aliases) for e in events] == [("Pilkada serentak 2029", ["Pilkada 2029"])]


def test_an_events_head_alone_names_no_one_event(ruled):
    from warta.nlp import harvest

    # "KTT" after its long form is that long form's, not the one summit named with it later
    doc = ruled("Presiden menghadiri Konferensi Tingkat Tinggi (KTT) di Seoul. Ia juga ikut KTT Sukamaju ke-9.",
                {"Konferensi Tingkat Tinggi": "EVENT", "KTT": "EVENT", "Seoul": "LOC", "KTT Sukamaju ke-9": "EVENT"})
    events = [(e.name, e.aliases) for e in harvest.entities(doc) if e.type == "EVENT"]
    assert events == [("Konferensi Tingkat Tinggi", ["KTT"]), ("KTT Sukamaju ke-9", [])]


@pytest.mark.parametrize("text, model, expected", [
    # a full name the DBpedia lists know as a place is one, whatever the model typed it
    ("Delegasi dari Korea Selatan tiba.", {"Korea Selatan": "PER"}, ("Korea Selatan", "LOC")),
    ("Delegasi dari Korea Selatan tiba.", {"Korea Selatan": "ORG"}, ("Korea Selatan", "LOC")),
])
def test_a_full_name_the_gazetteer_knows_takes_its_type(ruled, text, model, expected):
    assert expected in ents(ruled(text, model, gazetteer=True))


def test_a_full_person_name_the_gazetteer_knows_is_a_person(ruled):
    assert ("Daniel Radcliffe", "PER") in ents(ruled("Aktor Daniel Radcliffe datang.",
                                                      {"Daniel Radcliffe": "LOC"}, gazetteer=True))


# -- capitalised terms are not names (lang/id/concepts.yaml) -------------------------------

@pytest.mark.parametrize("text, model", [
    ("Tarif Pajak Pertambahan Nilai (PPN) naik tahun depan.", "Pajak Pertambahan Nilai"),
    ("Pertumbuhan Produk Domestik Bruto (PDB) melambat.", "Produk Domestik Bruto"),
    ("Realisasi Penanaman Modal Dalam Negeri (PMDN) naik.", "Penanaman Modal Dalam Negeri"),
    ("Subsidi Bahan Bakar Minyak membengkak.", "Bahan Bakar Minyak"),
    ("Pinjaman bagi Usaha Mikro, Kecil, dan Menengah (UMKM) disalurkan.", "Usaha Mikro, Kecil, dan Menengah"),
])
def test_a_term_of_ordinary_words_is_no_organisation(ruled, text, model):
    doc = ruled(text, {model: "ORG"})
    assert ents(doc) == [] and doc._.warta_links == []


def test_the_abbreviation_of_a_term_alone_is_no_entity(ruled):
    doc = ruled("Harga BBM dan tarif PPN dibahas Kemenkeu.", {"BBM": "ORG", "PPN": "ORG", "Kemenkeu": "ORG"})
    assert ents(doc) == [("Kemenkeu", "ORG")]


@pytest.mark.parametrize("text, model", [
    # an organisation's prefix or name head, a place among the words, a post's unit
    ("Badan Koordinasi Penanaman Modal (BKPM) mencatat investasi.", "Badan Koordinasi Penanaman Modal"),
    ("Kantor Staf Presiden menjawab kritik.", "Kantor Staf Presiden"),
    ("Harga dari Perusahaan Gas Negara naik.", "Perusahaan Gas Negara"),
    ("Prajurit Tentara Nasional Indonesia dikerahkan.", "Tentara Nasional Indonesia"),
    ("Jadwal dari Kereta Api Indonesia bertambah.", "Kereta Api Indonesia"),
    ("Ia dan Direktur Jenderal (Dirjen) Industri Logam, Mesin, dan Elektronika hadir.",
     "Industri Logam, Mesin, dan Elektronika"),
])
def test_names_of_ordinary_words_that_are_organisations_stay(ruled, text, model):
    assert (model, "ORG") in ents(ruled(text, {model: "ORG"}))


@pytest.mark.parametrize("text, model, programme", [
    ("Pemerintah memperluas program Makan Bergizi Gratis (MBG) ke sekolah.",
     "Makan Bergizi Gratis", "Makan Bergizi Gratis"),
    ("Gerakan Pangan Murah digelar di lima kota.", None, "Pangan Murah"),
    ("Peserta program Kartu Prakerja 2025 bertambah.", "Kartu Prakerja", "Kartu Prakerja 2025"),
])
def test_a_name_after_programme_words_is_a_named_event(ruled, text, model, programme):
    assert (programme, "EVENT") in ents(ruled(text, {model: "ORG"} if model else None))


def test_the_owner_of_a_programme_is_no_programme(ruled):
    doc = ruled("Dana program Bank Dunia cair.", {"Bank Dunia": "ORG"})
    assert ents(doc) == [("Bank Dunia", "ORG")]


# -- companies told by the nouns around them; one type per name ---------------------------

@pytest.mark.parametrize("text, model, org", [
    ("Produsen kaca Sinarmas Glasindo menambah tungku.", {"Sinarmas Glasindo": "PER"}, "Sinarmas Glasindo"),
    ("Kemarin pabrikan truk Hanomaru membuka diler.", None, "Hanomaru"),
    ("Sebuah perusahaan Kirana Kasei membuka pabrik.", {"Kirana Kasei": "PER"}, "Kirana Kasei"),
    ("Kapasitas pabrik Tokuyama Soda naik.", {"Tokuyama Soda": "PER"}, "Tokuyama Soda"),
    ("Investor memburu saham Lintasarta pekan ini.", {"Lintasarta": "PER"}, "Lintasarta"),
])
def test_a_name_after_a_company_noun_is_an_organisation(ruled, text, model, org):
    assert (org, "ORG") in ents(ruled(text, model))


@pytest.mark.parametrize("text, model, expected", [
    ("Perusahaan milik Budi Santoso itu bangkrut.", {"Budi Santoso": "PER"}, ("Budi Santoso", "PER")),
    ("Sebuah perusahaan Jepang menanam modal.", {"Jepang": "LOC"}, ("Jepang", "LOC")),
    ("Kapasitas pabrik Cikarang naik.", {"Cikarang": "LOC"}, ("Cikarang", "LOC")),
    ("Kenaikan Indeks Harga Saham Gabungan berlanjut.", {"Indeks Harga Saham Gabungan": "PRODUCT"},
     ("Indeks Harga Saham Gabungan", "PRODUCT")),
])
def test_owners_places_and_names_with_those_nouns_keep_their_type(ruled, text, model, expected):
    assert expected in ents(ruled(text, model))


def test_a_company_is_one_at_every_mention(ruled):
    doc = ruled("Produsen kaca Sinarmas Glasindo menambah tungku. Menurut Sinarmas Glasindo, "
                "permintaan naik. Sinarmas Glasindo juga mengekspor.",
                {"Sinarmas Glasindo": "PER"})
    assert ents(doc) == [("Sinarmas Glasindo", "ORG")] * 3


def test_a_country_completing_a_currency_is_no_place(ruled):
    doc = ruled("Nilainya 5 juta dolar AS atau 7 juta dolar Singapura, kata pejabat Jepang.",
                {"AS": "LOC", "Singapura": "LOC", "Jepang": "LOC"})
    assert ents(doc) == [("Jepang", "LOC")]


def test_an_origin_that_is_all_place_names_no_company(ruled):
    doc = ruled("Raksasa baja asal Korea Selatan, Hanul Steel, membangun smelter.",
                {"Korea Selatan": "LOC"})
    assert ("Selatan", "ORG") not in ents(doc) and ("Hanul Steel", "ORG") in ents(doc)


# -- place names: their prefixes, where they end, "se-" ----------------------------------

@pytest.mark.parametrize("text, place", [
    ("Beras disimpan di Gedung Dolog Sentosa sejak Mei.", "Gedung Dolog Sentosa"),
    ("Pendaki tersesat di Gunung Lawu Selatan kemarin.", "Gunung Lawu Selatan"),
    ("Perahu terbalik di Teluk Kendari pagi tadi.", "Teluk Kendari"),
])
def test_geographic_and_building_prefixes_make_places(ruled, text, place):
    assert (place, "LOC") in ents(ruled(text))


def test_a_place_name_ends_before_a_unit_or_a_post(ruled):
    doc = ruled("Ketua KPU Kabupaten Sukamaju Divisi Teknis Penyelenggaraan hadir.")
    assert ("KPU Kabupaten Sukamaju", "ORG") in ents(doc)  # the place ends the branch's name


@pytest.mark.parametrize("text, name", [
    ("Stok di gudang Perum Bulog aman.", "Perum Bulog"),
    ("Rapat digelar di Kementerian BUMN dan Kantor BPS kemarin.", "Kementerian BUMN"),
])
def test_a_table_acronym_after_a_prefix_completes_the_name(ruled, text, name):
    assert (name, "ORG") in ents(ruled(text))


@pytest.mark.parametrize("text, model, name", [
    # an authority and a boarding school are organisations, over a place the model saw there
    ("Otorita Kota Baru Sukamaju membuka lelang.", {"Kota Baru Sukamaju": "LOC"}, "Otorita Kota Baru Sukamaju"),
    ("Santri Pondok Pesantren Nurul Huda Sukamaju berlatih.", {"Pondok Pesantren Nurul Huda": "LOC"},
     "Pondok Pesantren Nurul Huda Sukamaju"),
])
def test_authorities_and_boarding_schools_are_organisations(ruled, text, model, name):
    assert ents(ruled(text, model)) == [(name, "ORG")]


@pytest.mark.parametrize("text, model, want", [
    # a cabinet is an organisation (the "person" of its name before: people.py)
    ("Presiden melantik menteri Kabinet Merah Jaya di istana.", {}, [("Kabinet Merah Jaya", "ORG")]),
    # the secretary of the cabinet is a post, its holder a person
    ("Sekretaris Kabinet Sudi Hartono mengatakan hal itu.", {"Sudi Hartono": "PER"}, [("Sudi Hartono", "PER")]),
])
def test_a_cabinet_is_an_organisation(ruled, text, model, want):
    assert ents(ruled(text, model)) == want


def test_se_before_a_place_is_not_part_of_its_name(nlp):
    from warta.nlp import harvest
    doc = nlp("Lomba itu diikuti pelajar se-Kabupaten Sukamaju. Kabupaten Sukamaju menjadi tuan rumah.")
    found = [(e.name, e.type, len(e.mentions)) for e in harvest.entities(doc)]
    assert ("Kabupaten Sukamaju", "LOC", 2) in found


def test_a_one_word_person_listed_among_organisations_is_one(ruled):
    doc = ruled("Itu termasuk Sakura Motor, Daihana, dan Hinoki di pabrik baru.",
                {"Sakura Motor": "ORG", "Daihana": "ORG", "Hinoki": "PER"})
    assert ("Hinoki", "ORG") in ents(doc)


def test_people_listed_with_people_stay_people(ruled):
    doc = ruled("Hadir Gita, Bima, dan Kemenkeu.", {"Gita": "PER", "Bima": "PER", "Kemenkeu": "ORG"})
    assert ents(doc) == [("Gita", "PER"), ("Bima", "PER"), ("Kemenkeu", "ORG")]


def test_a_country_epithet_is_its_country(nlp):
    from warta.nlp import harvest
    doc = nlp("Pabrik itu dibangun di Negeri Sakura. Jepang menjadi investor terbesar.")
    found = {(e.name, e.type, tuple(e.aliases)) for e in harvest.entities(doc)}
    # the country's own name, said in the article, is the entity's name
    assert ("Jepang", "LOC", ("Negeri Sakura",)) in found and len(found) == 1
    alone = harvest.entities(nlp("Negeri Paman Sam menaikkan tarif impor."))
    assert [(e.name, e.type, e.aliases) for e in alone] == [("Negeri Paman Sam", "LOC", ["Amerika Serikat"])]


def test_another_name_of_a_country_is_its_country(nlp):
    # an exonym or short form joins the main name in one article, and carries it as an
    # alias when alone, so two outlets spelling a country differently name one place
    found = harvested(nlp, "Ekspor nikel ke Tiongkok naik. China menjadi pembeli terbesar, disusul Korsel.")
    assert ("China", "LOC", ("Tiongkok",)) in found
    assert ("Korsel", "LOC", ("Korea Selatan",)) in found
    alone = harvested(nlp, "Investor dari Cina dan UEA menanam modal di Batam.")
    assert alone >= {("Cina", "LOC", ("China",)), ("UEA", "LOC", ("Uni Emirat Arab",))}
    wider = harvested(nlp, "Delegasi Federasi Rusia tiba di Jenewa.")
    assert ("Federasi Rusia", "LOC") in {(name, kind) for name, kind, _ in wider}


def test_a_country_inside_an_untagged_name_is_not_a_place(ruled):
    doc = ruled("Data itu dirilis oleh Bursa Efek Indonesia kemarin.", {})
    assert ("Indonesia", "LOC") not in ents(doc)
    assert ("UEA", "LOC") in ents(ruled("Produk dari UEA masuk.", {}))
    assert ("AS", "LOC") not in ents(ruled("Dia AS mengatakan.", {}))


@pytest.mark.parametrize("text, model, place", [
    ("Bupati Sukamaju Ahmad Yusran meminta warga waspada.", {"Sukamaju": "ORG", "Ahmad Yusran": "PER"}, "Sukamaju"),
    ("Camat Tanjungsari Rudi Hartono hadir.", {"Tanjungsari": "PER", "Rudi Hartono": "PER"}, "Tanjungsari"),
])
def test_the_name_after_a_territorial_title_is_its_place(ruled, text, model, place):
    assert (place, "LOC") in ents(ruled(text, model))


def test_an_institution_after_a_territorial_title_stays(ruled):
    doc = ruled("Gubernur BI Perry Warjiyo hadir.", {"BI": "ORG", "Perry Warjiyo": "PER"})
    assert ("BI", "ORG") in ents(doc)


# -- people after ranks and posts; degrees ---------------------------------------------------

def test_a_person_the_model_started_inside_a_name_after_a_rank_starts_after_it(ruled):
    doc = ruled("Kombes Pol Nandang Mulyadi Wijaya membenarkan kejadian itu.", {"Mulyadi Wijaya": "PER"})
    assert ents(doc) == [("Nandang Mulyadi Wijaya", "PER")]


def test_degrees_after_a_name_are_not_part_of_it_nor_a_person(ruled):
    doc = ruled("Anggota dewan, Abdul Karim, S.H., M.Si., meminta polisi tegas.",
                {"Abdul Karim, S.H., M.Si.": "PER"})
    assert ents(doc) == [("Abdul Karim", "PER")]
    assert ents(ruled("Hadir Rina, S.E. kemarin.", {"Rina": "PER", "S.E.": "PER"})) == [("Rina", "PER")]


def test_a_known_organisation_after_a_title_ends_where_its_holder_begins(ruled):
    doc = ruled("Kepala Badan Pusat Statistik Amelia Kusumawati menyebut inflasi turun.")
    assert ents(doc) == [("Badan Pusat Statistik", "ORG"), ("Amelia Kusumawati", "PER")]
    doc = ruled("Kepala Badan Pusat Statistik Provinsi Riau menyebut inflasi turun.")
    assert ents(doc) == [("Badan Pusat Statistik Provinsi Riau", "ORG")]
    doc = ruled("Juru Bicara Kementerian Keuangan Deni Surya menambahkan keterangan.")  # a two-word title
    assert ents(doc) == [("Kementerian Keuangan", "ORG"), ("Deni Surya", "PER")]


def test_an_organisation_name_ends_before_a_rank(ruled):
    doc = ruled("Wakil Kepala Kepolisian Resor Kampar Kompol Budi Santoso hadir.", {"Budi Santoso": "PER"})
    assert ("Kepolisian Resor Kampar", "ORG") in ents(doc) and ("Budi Santoso", "PER") in ents(doc)


def test_a_vessel_prefix_written_out_names_the_ship_not_a_company(nlp):
    from warta.nlp import harvest
    doc = nlp("Kapal Motor Penyeberangan (KMP) Sinar Bahari Jaya tenggelam di Selat Lombok. "
              "Tim mencari KMP Sinar Bahari Jaya sejak pagi.")
    found = [(e.name, e.type, e.aliases) for e in harvest.entities(doc)]
    assert ("KMP Sinar Bahari Jaya", "PRODUCT", ["Sinar Bahari Jaya"]) in found
    assert not any(t == "ORG" for _, t, _ in found)
    doc = nlp("Kapal Motor Penumpang (KMP) Sinar Bahari Jaya Tenggelam di Selat Lombok pagi tadi.")
    assert [(e.name, e.type) for e in harvest.entities(doc)] == [("Sinar Bahari Jaya", "PRODUCT"),
                                                                 ("Selat Lombok", "LOC")]


def test_a_province_before_a_person_after_a_post_is_a_place(ruled):
    doc = ruled("Ketua DPRD Jatim Rudi Kurniawan menyambut baik.", {"DPRD": "ORG", "Jatim Rudi Kurniawan": "PER"})
    assert ("DPRD Jatim", "ORG") in ents(doc) and ("Rudi Kurniawan", "PER") in ents(doc)
    doc = ruled("Kemarin Andi Wijaya Kusuma hadir.", {"Andi Wijaya Kusuma": "PER"})
    assert ents(doc) == [("Andi Wijaya Kusuma", "PER")]


@pytest.mark.parametrize("text, model, place, person", [
    # the model's organisation or place over a country and the holder after a title
    ("Presiden Ukraina Volodymyr Zelensky menyambut kesepakatan itu.", {"Ukraina Volodymyr Zelensky": "ORG"},
     "Ukraina", "Volodymyr Zelensky"),
    ("Perdana Menteri Malaysia Anwar Ibrahim tiba.", {"Malaysia Anwar Ibrahim": "LOC"}, "Malaysia", "Anwar Ibrahim"),
])
def test_a_country_then_the_holder_in_one_span_after_a_title(ruled, text, model, place, person):
    found = ents(ruled(text, model))
    assert (place, "LOC") in found and (person, "PER") in found


def test_a_club_and_its_home_city_are_one_with_the_club_alone(ruled):
    from warta.nlp import harvest

    doc = ruled("Persikota Bogor menang dua gol. Pelatih Persikota memuji pemainnya.",
                {"Persikota Bogor": "ORG", "Persikota": "ORG"})
    assert [(e.name, e.aliases) for e in harvest.entities(doc)] == [("Persikota Bogor", ["Persikota"])]
    # a country is no home city: the group and its national company stay two
    doc = ruled("Unilever Indonesia mencatat laba. Unilever menjual merek itu.",
                {"Unilever Indonesia": "ORG", "Unilever": "ORG"})
    assert len(harvest.entities(doc)) == 2


def test_a_first_name_the_model_left_out_after_a_comma_is_the_persons(ruled):
    doc = ruled("Anggota komisi dari fraksi itu, Andreas Eko Susetyo, bertanya.", {"Eko Susetyo": "PER"})
    assert ents(doc) == [("Andreas Eko Susetyo", "PER")]
    doc = ruled("Hal itu terjadi Senin, Budi Santoso hadir.", {"Budi Santoso": "PER"})
    assert ents(doc) == [("Budi Santoso", "PER")]


@pytest.mark.parametrize("text, model, name", [
    ("Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) mencatat gempa.",
     {"Badan Meteorologi": "ORG"}, "Badan Meteorologi, Klimatologi, dan Geofisika"),
    ("Menurut Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi, sekolah dibuka.",
     {"Kementerian Pendidikan": "ORG"}, "Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi"),
    ("Dana dari Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi cair.",
     {"Kementerian Desa": "ORG"}, "Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi"),
])
def test_a_public_body_named_by_a_list_of_fields_runs_over_the_list(ruled, text, model, name):
    assert (name, "ORG") in ents(ruled(text, model))


@pytest.mark.parametrize("text, model, kept", [
    # a list of bodies or places is no body's name
    ("Rapat dihadiri Kementerian Keuangan, Kemenperin, dan Bank Sentosa.",
     {"Kementerian Keuangan": "ORG", "Bank Sentosa": "ORG"}, ["Kementerian Keuangan", "Kemenperin", "Bank Sentosa"]),
    ("Kementerian Perindustrian, Jakarta, dan Surabaya bekerja sama.",
     {"Kementerian Perindustrian": "ORG", "Jakarta": "LOC", "Surabaya": "LOC"},
     ["Kementerian Perindustrian", "Jakarta", "Surabaya"]),
    # a name the table's acronym ends leaves no connector behind
    ("Badan Pusat Statistik, Kementerian Keuangan dan OJK hadir.",
     {"Badan Pusat Statistik": "ORG", "Kementerian Keuangan dan OJK": "ORG"},
     ["Badan Pusat Statistik", "Kementerian Keuangan", "OJK"]),
])
def test_lists_of_bodies_stay_apart(ruled, text, model, kept):
    assert [name for name, _ in ents(ruled(text, model))] == kept


def test_a_word_of_a_full_name_stays_that_person_whatever_the_gazetteer_says(ruled):
    # the one-word place list knows "Andi" as a place; beside "Andi Rasyid" it is him
    doc = ruled("Bupati Andi Rasyid ditahan. Kuasa hukum Andi hadir.",
                {"Andi Rasyid": "PER", "Andi": "PER"}, gazetteer=True)
    assert ("Andi", "PER") in ents(doc) and ("Andi", "LOC") not in ents(doc)


def test_a_place_with_its_division_and_without_is_one_place(nlp):
    found = harvested(nlp, "Banjir melanda Kabupaten Sukamaju. Warga Sukamaju mengungsi. Ekspor Provinsi Riau naik di Riau.")
    assert ("Kabupaten Sukamaju", "LOC", ("Sukamaju",)) in found
    assert ("Provinsi Riau", "LOC", ("Riau",)) in found
    # two divisions of one name: the bare name stays apart
    two = harvested(nlp, "Kota Bogor dan Kabupaten Bogor berbeda. Hujan di Bogor deras.")
    assert sorted(name for name, _, _ in two) == ["Bogor", "Kabupaten Bogor", "Kota Bogor"]


@pytest.mark.parametrize("text, model, person", [
    ("Juru bicara Posco, Kim Min-jun, menolak berkomentar.", {"Kim": "PER"}, "Kim Min-jun"),
    ("Presiden Moon Jae-in tiba di Seoul.", {"Moon": "LOC", "Seoul": "LOC"}, "Moon Jae-in"),
    ("Mantan Sekjen PBB Ban Ki-moon hadir.", {"PBB": "ORG"}, "Ban Ki-moon"),
])
def test_a_hyphenated_given_name_is_part_of_the_person(ruled, text, model, person):
    assert (person, "PER") in ents(ruled(text, model))


def test_a_doubled_word_is_no_given_name(ruled):
    assert ents(ruled("Baru-baru ini Hendra Wijaya datang.", {"Hendra Wijaya": "PER"})) == [("Hendra Wijaya", "PER")]


def test_an_organisation_after_a_post_and_its_unit_leaves_the_holder(ruled):
    # the title, then the post's unit, then the organisation, then the holder
    doc = ruled("Direktur Jenderal Industri Logam Kementerian Perindustrian Taufiek Bawazier hadir.", {})
    assert ents(doc) == [("Kementerian Perindustrian", "ORG"), ("Taufiek Bawazier", "PER")]


@pytest.mark.parametrize("text, model, product", [
    ("Penjualan mobil Wuling Air ev naik.", {"Wuling": "ORG"}, "Wuling Air ev"),
    ("Penjualan mobil Toyota Avanza naik.", {"Toyota Avanza": "ORG"}, "Toyota Avanza"),
    ("Penjualan mobil listrik Hyundai Ioniq 5 naik.", {"Hyundai": "ORG"}, "Hyundai Ioniq 5"),
])
def test_a_known_company_and_a_model_name_where_products_are_spoken_of_is_a_product(ruled, text, model, product):
    assert (product, "PRODUCT") in ents(ruled(text, model))


@pytest.mark.parametrize("text, model", [
    ("Mobil Toyota Indonesia hadir.", {"Toyota Indonesia": "ORG"}),       # a place: the local company
    ("Toyota Avanza hadir di pameran.", {"Toyota Avanza": "ORG"}),        # no product word around
])
def test_a_company_stays_a_company_without_a_model_or_a_product_word(ruled, text, model):
    assert [label for _, label in ents(ruled(text, model))] == ["ORG"]


@pytest.mark.parametrize("text, model, want", [
    # the name right after a product noun and its description, whatever the model said
    ("Perusahaan itu meluncurkan mobil Varoza Hybrid EV pekan ini.", {"Varoza Hybrid EV": "PER"},
     [("Varoza Hybrid EV", "PRODUCT")]),
    ("Indonesia memesan jet tempur KX-31 Garudeya dari Korea Selatan.", {"Indonesia": "LOC", "Korea Selatan": "LOC"},
     [("Indonesia", "LOC"), ("KX-31 Garudeya", "PRODUCT"), ("Korea Selatan", "LOC")]),
    ("Di Tokyo, indeks Nikkei 225 turun.", {"Tokyo": "LOC"}, [("Tokyo", "LOC"), ("Nikkei 225", "PRODUCT")]),
    # no connector inside a model's name, no number alone, no ordinary words, no company
    ("Ia memamerkan ponsel Zentra 15 dan Budi hadir.", {}, [("Zentra 15", "PRODUCT")]),
    ("Penjualan smartphone 22 persen lebih tinggi.", {}, []),
    ("Industri smartphone Tanah Air tumbuh.", {}, []),
    ("Warga memilih ponsel Samsung.", {"Samsung": "ORG"}, [("Samsung", "ORG")]),
    ("Pameran itu memilih merek UMKM lokal.", {}, []),
])
def test_a_name_after_a_product_noun_is_a_product(ruled, text, model, want):
    assert ents(ruled(text, model)) == want


@pytest.mark.parametrize("text, model, want", [
    # names listed with a product are products: a model's code, or a list of three
    ("Pabrikan itu memamerkan Hanul WR-V dan HR-V terbaru.", {"Hanul WR-V": "PRODUCT", "HR-V": "PER"},
     [("Hanul WR-V", "PRODUCT"), ("HR-V", "PRODUCT")]),
    ("Booth itu memajang Varoza, Innova Zenix, dan Yaris Cross.",
     {"Varoza": "PRODUCT", "Innova Zenix": "PER", "Yaris Cross": "PER"},
     [("Varoza", "PRODUCT"), ("Innova Zenix", "PRODUCT"), ("Yaris Cross", "PRODUCT")]),
    # a person after a product and "dan" may open the next clause
    ("Ia meluncurkan Zentra 15 dan Lei Jun hadir.", {"Zentra 15": "PRODUCT", "Lei Jun": "PER"},
     [("Zentra 15", "PRODUCT"), ("Lei Jun", "PER")]),
])
def test_names_listed_with_a_product_are_products(ruled, text, model, want):
    assert ents(ruled(text, model)) == want


@pytest.mark.parametrize("text, model, want", [
    # a known brand and a model whose word the one-word place list also holds ("Kona")
    ("Penjualan mobil Hyundai Kona Electric naik.", {"Hyundai Kona Electric": "ORG"},
     [("Hyundai Kona Electric", "PRODUCT")]),
    # the model's name the model left untagged after a product and a list joiner
    ("Baterai dipasok untuk mobil Hyundai Kona Electric dan Ioniq 5 buatan Cikarang.",
     {"Hyundai Kona Electric": "ORG", "Cikarang": "LOC"},
     [("Hyundai Kona Electric", "PRODUCT"), ("Ioniq 5", "PRODUCT"), ("Cikarang", "LOC")]),
    # a place the model found, opened by a place prefix, holds no company
    ("Pabrik berdiri di Kawasan Industri Sukamaju New Industry City.",
     {"Kawasan Industri Sukamaju New Industry City": "LOC"}, [("Kawasan Industri Sukamaju New Industry City", "LOC")]),
    # business words one after another close one company's name, after a title
    ("Executive Chair Sukamaju Motor Group Euisun Park hadir.", {"Euisun Park": "PER"},
     [("Sukamaju Motor Group", "ORG"), ("Euisun Park", "PER")]),
])
def test_models_brands_places_and_groups(ruled, text, model, want):
    assert ents(ruled(text, model)) == want


@pytest.mark.parametrize("text, model, want", [
    # an English name closed by a body word is an organisation, whatever the model said
    ("Delegasi hadir di sidang Asia-Pacific Trade Cooperation kemarin.", {"Asia-Pacific Trade Cooperation": "PER"},
     [("Asia-Pacific Trade Cooperation", "ORG")]),
    ("Laporan Nordic Development Bank menyebut ekonomi tumbuh.", {}, [("Nordic Development Bank", "ORG")]),
    ("Menurut Council of Nordic Trade Union, harga minyak naik.", {}, [("Council of Nordic Trade Union", "ORG")]),
    # two bodies joined by "dan" stay two; a title-case line's Indonesian words stay as they were
    ("Nordic Bank dan International Lending Fund memperkirakan ekonomi tumbuh.", {},
     [("Nordic Bank", "ORG"), ("International Lending Fund", "ORG")]),
    ("Dana Asing Kabur dari Saham Bank", {}, []),
    # a name going on after the body word is another thing's ("… University Rankings 2026")
    ("Kampus itu naik di Nordic World University Rankings 2026.", {}, []),
])
def test_an_english_name_closed_by_a_body_word_is_an_organisation(ruled, text, model, want):
    assert ents(ruled(text, model)) == want


def test_a_province_s_short_form_is_the_province(nlp):
    # (not after a regional agency: "Disperindag Jatim" is the agency's branch, one organisation)
    found = harvested(nlp, "Ekspor Jawa Timur naik. Pengusaha di Jatim mencatat kenaikan itu.")
    assert {(name, aliases) for name, kind, aliases in found if kind == "LOC"} == {("Jawa Timur", ("Jatim",))}


def test_a_word_the_model_left_between_two_listed_places_is_a_place(ruled):
    doc = ruled("Pabrik ada di Sidoarjo, Pasuruan, dan Mojokerto.", {"Sidoarjo": "LOC", "Mojokerto": "LOC"})
    assert ents(doc) == [("Sidoarjo", "LOC"), ("Pasuruan", "LOC"), ("Mojokerto", "LOC")]
    other = ruled("Ia ke Bandung, Kemarin, dan Jakarta.", {"Bandung": "LOC", "Jakarta": "LOC"})
    assert ("Kemarin", "LOC") not in ents(other)


@pytest.mark.parametrize("text, model, expected", [
    # a one-word name after a rank and its service word, where the model saw the service only
    ("Kepala Basarnas Marsdya TNI Kusworo menjelaskan hal itu.", {"TNI": "ORG"},
     [("Basarnas", "ORG"), ("Kusworo", "PER")]),
    ("Hadir pula Letjen TNI (Purn) Sutanto Wiryo.", {}, [("Sutanto Wiryo", "PER")]),
    ("Kasat Reskrim AKP Dodi Irawan memimpin.", {}, [("Dodi Irawan", "PER")]),
    # the service after the post is the post's organisation, not a rank's
    ("Panglima TNI Agus Santoso datang.", {"TNI": "ORG", "Agus Santoso": "PER"},
     [("TNI", "ORG"), ("Agus Santoso", "PER")]),
    # an ordinary word, a day or a place after a rank is no name
    ("Seorang AKBP Senin lalu dipindah ke Medan.", {"Medan": "LOC"}, [("Medan", "LOC")]),
])
def test_a_name_after_a_rank_is_a_person(ruled, text, model, expected):
    assert ents(ruled(text, model)) == expected


@pytest.mark.parametrize("text, model", [
    ("DPR mengesahkan Rancangan Undang-Undang (RUU) Perampasan Aset kemarin.",
     {"DPR": "ORG", "Rancangan Undang-Undang": "ORG", "RUU": "ORG"}),
    ("Aturan itu ada di Kitab Undang-Undang Hukum Pidana (KUHP) yang baru.",
     {"Kitab Undang-Undang Hukum Pidana": "ORG", "KUHP": "ORG"}),
    ("Peraturan Pemerintah Nomor 28 Tahun 2024 mengatur hal itu.", {"Peraturan Pemerintah": "ORG"}),
    ("Menurut UU Cipta Kerja, upah ditetapkan gubernur.", {"UU Cipta Kerja": "EVENT"}),
])
def test_a_law_is_no_entity(ruled, text, model):
    """SCHEMA: laws and bills are no entities; the bodies they name are."""
    assert [e for e in ents(ruled(text, model)) if e[0] != "DPR"] == []


def test_a_body_s_board_acronym_opening_its_name_stays(ruled):
    assert ents(ruled("PP Muhammadiyah menggelar rapat.", {"PP Muhammadiyah": "ORG"})) \
        == [("PP Muhammadiyah", "ORG")]


@pytest.mark.parametrize("text, model, product", [
    ("Perdagangan di Surabaya Automated Trading System terhenti.", {"Surabaya Automated Trading System": "ORG"},
     "Surabaya Automated Trading System"),
    ("Saham Asia melemah, Straits Times Index turun 1 persen.", {}, "Straits Times Index"),
])
def test_a_market_index_or_trading_system_is_a_product(ruled, text, model, product):
    """SCHEMA: market indices and instruments are PRODUCT."""
    assert (product, "PRODUCT") in ents(ruled(text, model))


@pytest.mark.parametrize("text, model, expected", [
    # a rank inside the model's span: the place before it, the person after it
    ("Kapolres Sukamaju AKBP Budi Santoso menjelaskan.", {"Sukamaju AKBP": "PER", "Budi Santoso": "PER"},
     [("Sukamaju", "LOC"), ("Budi Santoso", "PER")]),
    ("Kapolres Sukamaju AKBP Budi Santoso menjelaskan.", {"Sukamaju AKBP Budi Santoso": "PER"},
     [("Sukamaju", "LOC"), ("Budi Santoso", "PER")]),
    # ranks that open the span stay the titles' rules' to cut
    ("Irjen Pol Wahyu Santika hadir.", {"Irjen Pol Wahyu Santika": "PER"}, [("Wahyu Santika", "PER")]),
])
def test_a_rank_inside_a_span_splits_it(ruled, text, model, expected):
    assert ents(ruled(text, model)) == expected


@pytest.mark.parametrize("text, model, expected", [
    # the name after a quotation's speech verb is its speaker, a person, where the model saw none
    ("\u201cSaya tidak tahu,\u201d aku Joni (40), sopir angkot.", {}, [("Joni", "PER")]),
    # a one-word name not introduced there may be a short form of someone named before
    ("\"Kami siap,\" kata Joni.", {}, []),
    ("\"Harga naik,\" keluh Wati Susanti di pasar.", {}, [("Wati Susanti", "PER")]),
    # a title, a pronoun, a day or an outlet there is no person
    ("\"Pelaku masuk,\" kata Kapolres kemarin.", {}, []),
    ("\"Itu benar,\" ujar Senin lalu.", {}, []),
    ("\"Stok cukup,\" tulis Reuters.", {}, []),
])
def test_the_name_after_a_quotation_s_speech_verb_is_a_person(ruled, text, model, expected):
    assert ents(ruled(text, model)) == expected


@pytest.mark.parametrize("text, event", [
    ("Pasangan itu unggul di Pilgub Sukamaju Raya.", "Pilgub Sukamaju Raya"),
    ("Jelang Pilbup Sukamaju, KPU bersiap.", "Pilbup Sukamaju"),
    ("Dalam Pilkada Sukamaju 2024 ia kalah.", "Pilkada Sukamaju 2024"),
])
def test_an_election_named_by_its_place_is_an_event(ruled, text, event):
    assert (event, "EVENT") in ents(ruled(text))


def test_an_election_word_alone_is_no_event(ruled):
    assert ents(ruled("Pilkada langsung dinilai mahal.")) == []


def test_a_span_opening_with_an_abbreviated_title_is_its_holder(ruled):
    # a minister's deputy is read off the minister's abbreviation ("Wamenkeu" of "Menkeu")
    assert ents(ruled("Wamenkeu Budi Hartono hadir.", {"Wamenkeu Budi Hartono": "ORG"})) == [("Budi Hartono", "PER")]


def test_a_name_ending_in_a_financial_business_word_is_an_organisation(ruled):
    assert ("Maju Jaya Sekuritas", "ORG") in ents(ruled("Analis Maju Jaya Sekuritas, Rina Sari, menilai.",
                                                        {"Maju Jaya": "ORG", "Rina Sari": "PER"}))


@pytest.mark.parametrize("text, model, expected", [
    # a title of two words opening the model's organisation: the post, then its holder
    ("Ketua Majelis Hakim Rudi Hartawan membacakan putusan.", {"Majelis Hakim Rudi Hartawan": "ORG"},
     [("Rudi Hartawan", "PER")]),
    # a council named by its prefix stays one, and so does a post before a body
    ("Majelis Ulama Sukamaju menolak.", {"Majelis Ulama Sukamaju": "ORG"}, [("Majelis Ulama Sukamaju", "ORG")]),
])
def test_a_two_word_title_opening_an_organisation_is_a_post(ruled, text, model, expected):
    assert ents(ruled(text, model)) == expected


def test_a_second_place_of_the_same_division_after_a_joiner_is_a_place(ruled):
    assert ents(ruled("Banjir merendam Kecamatan Sukamaju dan Cibeureum kemarin."))[:2] == \
        [("Kecamatan Sukamaju", "LOC"), ("Cibeureum", "LOC")]


def test_the_place_after_a_territorial_title_and_its_bracketed_abbreviation(ruled):
    assert ents(ruled("Sekretaris Daerah (Sekda) Sukamaju Andi Wirawan hadir.",
                      {"Sukamaju Andi Wirawan": "PER"})) == [("Sukamaju", "LOC"), ("Andi Wirawan", "PER")]


def test_a_rank_inside_an_organisation_span_ends_it_and_its_holder_is_a_person(ruled):
    assert ents(ruled("Direktur Reskrim Polri Brigjen Rudi Hartawan menyebut.",
                      {"Polri Brigjen Rudi Hartawan": "ORG"}))[-2:] == [("Polri", "ORG"), ("Rudi Hartawan", "PER")]


@pytest.mark.parametrize("text, model, org", [
    ("Peneliti Center for Strategic and Regional Studies (CSRS) Rudi Hartawan menyebut.", {},
     "Center for Strategic and Regional Studies"),
    ("Ekonom Institute for Development of Trade and Finance Rina Sari menilai.", {"Rina Sari": "PER"},
     "Institute for Development of Trade and Finance"),
])
def test_an_english_institute_or_center_is_an_organisation(ruled, text, model, org):
    assert (org, "ORG") in ents(ruled(text, model))


@pytest.mark.parametrize("text, model, expected", [
    # after a title, a division's word and a span running on over the holder: the town, the person
    ("Kadinkes Kota Sukamaju Rina Dewi Lestari mengatakan.", {"Sukamaju Rina Dewi Lestari": "LOC"},
     [("Kota Sukamaju", "LOC"), ("Rina Dewi Lestari", "PER")]),
    # no title before: a village's long name stays whole
    ("Ia tinggal di Desa Sidha Karya Mulya sejak lama.", {"Desa Sidha Karya Mulya": "LOC"},
     [("Desa Sidha Karya Mulya", "LOC")]),
])
def test_a_division_s_place_after_a_title_is_cut_from_its_holder(ruled, text, model, expected):
    assert ents(ruled(text, model)) == expected


@pytest.mark.parametrize("text, model, want", [
    ("Pelaku berinisial AS (25) ditangkap di rumahnya.", {"AS": "LOC"}, []),
    ("Polisi menahan tersangka berinisial RK kemarin.", {"RK": "ORG"}, []),
    # a name written out after the word stays
    ("Pelaku berinisial Budi Santoso ditangkap.", {"Budi Santoso": "PER"}, [("Budi Santoso", "PER")]),
    # the list the word opens, ages between
    ("Tiga tersangka berinisial AS (32), RD (28) dan MF (19) ditahan.", {"AS": "LOC", "RD": "PER", "MF": "ORG"}, []),
    ("Keduanya berinisial AB serta CD ditahan. Polisi juga memeriksa PT Sukamaju.",
     {"AB": "ORG", "CD": "ORG", "PT Sukamaju": "ORG"}, [("PT Sukamaju", "ORG")]),
])
def test_initials_are_no_names(ruled, text, model, want):
    assert ents(ruled(text, model)) == want


@pytest.mark.parametrize("text, model", [
    ("Informasi ada di https://www.kemensos.go.id/berita/12 sejak pagi.", {"https://www.kemensos.go.id/berita/12": "ORG"}),
    ("Data lengkap di www.bps.go.id/data hari ini.", {"www.bps.go.id/data": "ORG"}),
    ("Koreksi dikirim ke redaksi@kabarkota.com saja.", {"redaksi@kabarkota.com": "ORG"}),
])
def test_a_web_address_names_no_entity(ruled, text, model):
    assert ents(ruled(text, model)) == []


def test_a_bare_domain_stays_the_outlet(ruled):
    assert ents(ruled("Data dari kabarkota.com menunjukkan inflasi.")) == [("kabarkota.com", "ORG")]


def test_a_ticker_after_a_legal_forms_stop_is_the_companys(nlp):
    from warta.nlp import harvest
    doc = nlp("Saham PT Sinar Nusa Abadi Tbk. (SNAB) naik 5 persen.")
    assert [(e.name, e.type, e.aliases) for e in harvest.entities(doc)] == [("PT Sinar Nusa Abadi Tbk", "ORG", ["SNAB"])]


@pytest.mark.parametrize("text, model, want", [
    # the gender word opens a Balinese name, also where the model gave it to the place before
    ("Kepala Kantor SAR Denpasar I Nyoman Sudarma mengatakan hal itu.",
     {"Denpasar I": "LOC", "Nyoman Sudarma": "PER"}, [("Kantor SAR Denpasar", "ORG"), ("I Nyoman Sudarma", "PER")]),
    ("Acara dibuka Ni Luh Putu Sari kemarin.", {"Luh Putu Sari": "PER"}, [("Ni Luh Putu Sari", "PER")]),
    # no such name after it: the letter stays out
    ("Kantor SAR Kelas I Sukamaju siaga.", {"Sukamaju": "LOC"}, [("Sukamaju", "LOC")]),
])
def test_a_balinese_name_keeps_its_opener(ruled, text, model, want):
    assert ents(ruled(text, model)) == want


@pytest.mark.parametrize("text, model, want", [
    # the model's span ran over a comma into the next name of a list
    ("Tim dari TNI AL, Polairud, dan Basarnas mencari korban.", {"TNI AL, Polairud": "ORG"},
     [("TNI AL", "ORG"), ("Polairud", "ORG"), ("Basarnas", "ORG")]),
    # a legal form after its comma, and a term of ordinary words, stay whole
    ("Direktur Hanul Motors Co., Ltd. hadir.", {"Hanul Motors Co., Ltd": "ORG"}, [("Hanul Motors Co., Ltd", "ORG")]),
])
def test_a_model_span_over_a_list_is_split(ruled, text, model, want):
    assert ents(ruled(text, model)) == want


@pytest.mark.parametrize("text, model, name", [
    ("Nusa Energy Solution membatalkan rencana investasinya.", {"Nusa Energy Solution": "ORG"}, "Nusa Energy Solution"),
    ("Hanul Electronics Indonesia membuka pabrik baru.", {"Hanul Electronics Indonesia": "ORG"}, "Hanul Electronics Indonesia"),
])
def test_a_business_word_does_not_cut_the_models_longer_name(ruled, text, model, name):
    assert ents(ruled(text, model)) == [(name, "ORG")]


@pytest.mark.parametrize("text, model, want", [
    # the model's place stays where the prefix rule would run on into the holder's name
    ("Rapat dipimpin Sekda Kota Sukamaju Ema Sumarna kemarin.", {"Kota Sukamaju": "LOC"}, ("Kota Sukamaju", "LOC")),
    # a direction after the place is still the place's
    ("Banjir melanda Kabupaten Sukamaju Barat sejak Senin.", {"Kabupaten Sukamaju": "LOC"},
     ("Kabupaten Sukamaju Barat", "LOC")),
])
def test_a_place_prefix_does_not_run_into_a_name(ruled, text, model, want):
    assert want in ents(ruled(text, model))


@pytest.mark.parametrize("text, want", [
    # an event names its body or country, which stays inside it
    ("Upacara HUT ke-79 RI digelar di lapangan.", ("HUT ke-79 RI", "EVENT")),
    ("Upacara HUT ke-79 Republik Indonesia digelar di lapangan.", ("HUT ke-79 Republik Indonesia", "EVENT")),
    ("Rakernas PDIP digelar di Ancol.", ("Rakernas PDIP", "EVENT")),
    # a national sports week, and a name after a tournament's or exhibition's word
    ("PON XXI Aceh-Sumut resmi dibuka.", ("PON XXI Aceh-Sumut", "EVENT")),
    ("Atlet itu menang di turnamen Sukamaju Open 2024.", ("Sukamaju Open 2024", "EVENT")),
])
def test_named_events_keep_the_body_they_name(ruled, text, want):
    assert want in ents(ruled(text))


def test_a_body_after_a_title_and_dari_gives_back_its_holder(ruled):
    doc = ruled("Ekonom dari Universitas Gadjah Mada Fahmy Radhi menilai hal itu.",
                {"Universitas Gadjah Mada Fahmy Radhi": "ORG"})
    assert ents(doc) == [("Universitas Gadjah Mada", "ORG"), ("Fahmy Radhi", "PER")]


@pytest.mark.parametrize("text, model, want", [
    # a body with regional branches and the place after it: words no span holds, an
    # organisation's span, or a field-named body after its head
    ("Kepala Kantor SAR Sukamaju, Budi Santoso, memimpin pencarian.", {"Sukamaju": "LOC", "Budi Santoso": "PER"},
     [("Kantor SAR Sukamaju", "ORG"), ("Budi Santoso", "PER")]),
    ("Polda Sulawesi Tengah menahan dua orang.", {"Polda": "ORG", "Sulawesi Tengah": "LOC"},
     [("Polda Sulawesi Tengah", "ORG")]),
    ("Dinas Kesehatan Kabupaten Sukamaju membuka posko.", {"Dinas Kesehatan": "ORG", "Kabupaten Sukamaju": "LOC"},
     [("Dinas Kesehatan Kabupaten Sukamaju", "ORG")]),
    # the model's place span over both is the organisation
    ("Pemkab Sukamaju menyiapkan dana.", {"Pemkab Sukamaju": "LOC"}, [("Pemkab Sukamaju", "ORG")]),
    # the model ran the place on into the branch head's name: the holder is a person
    ("Kepala BPBD Jawa Tengah Bergas Santoso meninjau lokasi.", {"BPBD": "ORG", "Jawa Tengah Bergas Santoso": "LOC"},
     [("BPBD Jawa Tengah", "ORG"), ("Bergas Santoso", "PER")]),
    # a base or a prison named after its place, a body before a comma, stay as they were
    ("Pesawat mendarat di Lanud Sukamaju.", {"Lanud Sukamaju": "LOC"}, [("Lanud Sukamaju", "LOC")]),
    ("Tim dari Basarnas, Sukamaju, dan TNI tiba.", {"Basarnas": "ORG", "Sukamaju": "LOC", "TNI": "ORG"},
     [("Basarnas", "ORG"), ("Sukamaju", "LOC"), ("TNI", "ORG")]),
])
def test_a_regional_branch_is_one_organisation_with_its_place(ruled, text, model, want):
    assert ents(ruled(text, model)) == want


@pytest.mark.parametrize("text, model, want", [
    # a city or regency right after a body is its branch, not the holder's first name
    ("Kepala Basarnas Medan Rudi Hartono memimpin pencarian.", {"Medan Rudi Hartono": "PER"},
     [("Basarnas Medan", "ORG"), ("Rudi Hartono", "PER")]),
    ("Ketua Pengadilan Negeri Sleman Wiratmo menunda sidang.", {"Pengadilan Negeri": "ORG", "Sleman Wiratmo": "PER"},
     [("Pengadilan Negeri Sleman", "ORG"), ("Wiratmo", "PER")]),
    # the place the model left untagged after such a body
    ("Kepala BPBD Cianjur Rudi Hartono meninjau lokasi.", {"BPBD": "ORG", "Rudi Hartono": "PER"},
     [("BPBD Cianjur", "ORG"), ("Rudi Hartono", "PER")]),
    # a span run from the body through its place into the holder, after a title
    ("Direktur RSUD Sibolga Rudi Hartono menerima korban.", {"RSUD Sibolga Rudi Hartono": "PER"},
     [("RSUD Sibolga", "ORG"), ("Rudi Hartono", "PER")]),
    # no body before it: a person named like a city keeps the name ("Bima" also opens
    # many people's names and is never cut), an ordinary word after the city is no holder
    ("Menurut Medan Rudi Hartono hal itu benar.", {"Medan Rudi Hartono": "PER"}, [("Medan Rudi Hartono", "PER")]),
    # (the abbreviated title the model took for an organisation goes: a title alone is none)
    ("Wamendagri Bima Arya hadir.", {"Wamendagri": "ORG", "Bima Arya": "PER"}, [("Bima Arya", "PER")]),
])
def test_a_branch_place_is_not_the_holders_name(ruled, text, model, want):
    assert ents(ruled(text, model)) == want


@pytest.mark.parametrize("text, model, want", [
    # a hospital named after a doctor is one organisation, the place and the holder apart
    ("Rumah Sakit Umum Pusat (RSUP) Dr Hasan Wirya Bandung melaporkan 340 pasien.",
     {"Rumah Sakit Umum Pusat": "ORG", "RSUP": "ORG", "Hasan Wirya Bandung": "PER"},
     [("Rumah Sakit Umum Pusat (RSUP) Dr Hasan Wirya", "ORG"), ("Bandung", "LOC")]),
    ("Direktur RSUP Dr Hasan Wirya Rachim Dinata Sukma menyebut ruang penuh.",
     {"RSUP": "ORG", "Hasan Wirya Rachim Dinata Sukma": "PER"},
     [("RSUP Dr Hasan Wirya", "ORG"), ("Rachim Dinata Sukma", "PER")]),
    ("Pasien dirujuk ke RSUD dr. Suwarno Surabaya kemarin.", {"RSUD dr. Suwarno Surabaya": "LOC"},
     [("RSUD dr. Suwarno", "ORG"), ("Surabaya", "LOC")]),
    # a doctor after another body is a person
    ("Kepala Dinkes Dr Hasan Wirya hadir.", {"Dinkes": "ORG", "Hasan Wirya": "PER"},
     [("Dinkes", "ORG"), ("Hasan Wirya", "PER")]),
])
def test_a_body_named_after_a_doctor_is_one_organisation(ruled, text, model, want):
    assert ents(ruled(text, model)) == want


@pytest.mark.parametrize("text, model, want", [
    # Yogyakarta's and other provinces' own division words open places
    ("Pohon tumbang di Kalurahan Sukamaju, Kapanewon Depok, kemarin.",
     {"Kalurahan Sukamaju": "PER", "Kapanewon Depok": "PER"},
     [("Kalurahan Sukamaju", "LOC"), ("Kapanewon Depok", "LOC")]),
    ("Banjir melanda Gampong Sukamaju dan Nagari Koto Baru.", {}, [("Gampong Sukamaju", "LOC"), ("Nagari Koto Baru", "LOC")]),
    # a "person" named as a regency is the regency
    ("Rumah warga di Sleman, Minggu sore, tertimpa pohon.", {"Sleman": "PER"}, [("Sleman", "LOC")]),
    # a place the article names elsewhere ends the place after a territorial title
    ("Warga Kalurahan Sukamaju mengungsi. Lurah Sukamaju Reno Candra Wijaya menyebut lima rumah rusak.",
     {"Kalurahan Sukamaju": "LOC", "Candra Wijaya": "PER"},
     [("Kalurahan Sukamaju", "LOC"), ("Sukamaju", "LOC"), ("Reno Candra Wijaya", "PER")]),
])
def test_division_words_and_places_the_article_names(ruled, text, model, want):
    assert ents(ruled(text, model, gazetteer=True)) == want


@pytest.mark.parametrize("text, model, want", [
    # a camel-case word no span holds is an organisation's name; after a person, the surname
    ("ByteLima, induk usaha TikTak, memegang saham itu.", {"TikTak": "ORG"}, [("ByteLima", "ORG"), ("TikTak", "ORG")]),
    ("Direktur Utama GoLima Patrick Walujo hadir.", {"Patrick Walujo": "PER"}, [("GoLima", "ORG"), ("Patrick Walujo", "PER")]),
    ("Calon presiden John McSukma kalah.", {"John": "PER"}, [("John McSukma", "PER")]),
    # an acronym's mixed case, a product line: no
    ("Layanan Voice over Internet Protocol (VoIP) murah.", {}, []),
    # a body ending in a branch head takes the place after it; a prefix holds a place word
    ("Perum Bulog Kantor Wilayah Jawa Timur menyerap gabah.", {"Perum Bulog Kantor Wilayah": "ORG", "Jawa Timur": "LOC"},
     [("Perum Bulog Kantor Wilayah Jawa Timur", "ORG")]),
    ("Petani berkoordinasi dengan Balai Besar Wilayah Sungai Bengawan Solo.",
     {"Balai Besar": "LOC", "Sungai Bengawan Solo": "LOC"}, [("Balai Besar Wilayah Sungai Bengawan Solo", "ORG")]),
])
def test_camel_case_names_and_branch_heads(ruled, text, model, want):
    assert ents(ruled(text, model)) == want


@pytest.mark.parametrize("text, model, want", [
    # a body's acronym and the field word ending its name
    ("Pekerja dilindungi BPJS Ketenagakerjaan dan BPJS Kesehatan.", {"BPJS": "ORG"},
     [("BPJS Ketenagakerjaan", "ORG"), ("BPJS Kesehatan", "ORG")]),
    # a title-case line goes on after it: no field
    ("KPK Kesehatan Tetapkan Lima Tersangka", {"KPK": "ORG"}, [("KPK", "ORG")]),
])
def test_an_acronym_and_its_field_word(ruled, text, model, want):
    assert ents(ruled(text, model)) == want


@pytest.mark.parametrize("text, model, want", [
    # a body, "untuk" and its purpose before the acronym: one organisation
    ("Badan PBB untuk Pengungsi Sukamaju (UNRSA) menyiapkan truk.",
     {"Badan PBB": "ORG", "Pengungsi Sukamaju": "ORG"},
     [("Badan PBB untuk Pengungsi Sukamaju", "ORG"), ("UNRSA", "ORG")]),
    ("Bantuan dari Dana PBB untuk Anak-Anak (UNICEF) tiba.", {"PBB": "ORG"},
     [("Dana PBB untuk Anak-Anak", "ORG"), ("UNICEF", "ORG")]),
    # no bracketed acronym after it: two names
    ("Badan PBB untuk Pengungsi Sukamaju menyiapkan truk.", {"Badan PBB": "ORG", "Pengungsi Sukamaju": "ORG"},
     [("Badan PBB", "ORG"), ("Pengungsi Sukamaju", "ORG")]),
])
def test_a_body_and_its_purpose_before_its_acronym(ruled, text, model, want):
    assert ents(ruled(text, model)) == want


def test_a_province_after_its_division_word_ends_a_branch(ruled):
    doc = ruled("Dinas Kesehatan (Dinkes) Provinsi Jawa Barat mencatat 12.450 kasus.",
                {"Dinas Kesehatan": "ORG", "Dinkes": "ORG", "Provinsi Jawa Barat": "LOC"})
    assert ents(doc) == [("Dinas Kesehatan (Dinkes) Provinsi Jawa Barat", "ORG")]


@pytest.mark.parametrize("text, model, want", [
    # the model's span closed with the acronym's bracket: the name, and its acronym apart
    ("Organisasi Kesehatan Dunia (WHO) mencatat lonjakan kasus.", {"Organisasi Kesehatan Dunia (WHO)": "ORG"},
     [("Organisasi Kesehatan Dunia", "ORG"), ("WHO", "ORG")]),
    # a legal form in brackets is the company's
    ("PT Sukamaju Energi (Persero) menambah modal.", {"PT Sukamaju Energi (Persero)": "ORG"},
     [("PT Sukamaju Energi (Persero)", "ORG")]),
    # an opening ordinary word that the acronym after it spells stays the name's
    ("Perserikatan Bangsa-Bangsa (PBB) menggelar sidang.", {"Perserikatan Bangsa-Bangsa": "ORG", "PBB": "ORG"},
     [("Perserikatan Bangsa-Bangsa", "ORG"), ("PBB", "ORG")]),
])
def test_a_name_and_its_bracketed_acronym(ruled, text, model, want):
    assert ents(ruled(text, model)) == want


def test_an_acronym_after_a_name_only_the_gazetteer_knows_is_linked(ruled):
    doc = ruled("Dana Moneter Internasional (IMF) memangkas proyeksi.", gazetteer=True)
    assert ents(doc) == [("Dana Moneter Internasional", "ORG"), ("IMF", "ORG")]
    assert doc._.warta_links == [((4, 5), (0, 3))]


def test_a_capitalised_word_before_a_bracketed_acronym_is_no_short_form_of_it(ruled):
    # ("BEV (Battery Electric Vehicle)" reads the other way: the acronym first)
    doc = ruled("Perdagangan Indeks Harga Saham Gabungan (IHSG) ambruk.", {"Gabungan": "ORG", "IHSG": "ORG"})
    assert ((4, 5), (6, 7)) not in doc._.warta_links
    doc = ruled("Mobil BEV (Battery Electric Vehicle) laris.", {"Battery Electric Vehicle": "ORG"})
    assert doc._.warta_links == [((1, 2), (3, 6))]


def test_a_listed_place_of_two_words_after_a_territorial_title_is_whole(ruled):
    # "Raya" is also a person's name word; the listed town keeps it
    doc = ruled("Wali Kota Palangka Raya Fairid Naparin membuka acara.", {"Kota Palangka Raya Fairid Naparin": "LOC"})
    assert ents(doc) == [("Kota Palangka Raya", "LOC"), ("Fairid Naparin", "PER")]


@pytest.mark.parametrize("text, model, want", [
    # a place's prefix alone names nothing; "Ibu Kota" is a place's prefix, no honorific
    ("Bendungan senilai Rp836 miliar itu rampung. Bendungan Sukamaju dibuka.", {"Bendungan": "LOC", "Bendungan Sukamaju": "LOC"},
     [("Bendungan Sukamaju", "LOC")]),
    ("Air dipasok ke Ibu Kota Nusantara.", {"Kota Nusantara": "LOC"}, [("Ibu Kota Nusantara", "LOC")]),
])
def test_place_prefixes_alone_and_ibu_kota(ruled, text, model, want):
    assert ents(ruled(text, model)) == want


def test_a_religious_honorific_is_no_part_of_the_name(ruled):
    assert ents(ruled("Ustaz Abdul Somad mengisi pengajian.", {"Ustaz Abdul Somad": "PER"})) == [("Abdul Somad", "PER")]


def test_an_english_business_word_ends_a_company_after_a_title(nlp):
    doc = nlp("Chief Executive Officer Nusa Financial Hans Patuwo mengatakan fitur ini menyasar pengguna.")
    assert ("Nusa Financial", "ORG") in [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize("text, model, want", [
    # two person spans with only a space between are one person
    ("Wakil Menteri Dyah Roro Esti Widya Putri menambahkan.", {"Dyah Roro": "PER", "Esti Widya Putri": "PER"},
     [("Dyah Roro Esti Widya Putri", "PER")]),
    # a bracket, a comma or a conjunction between keeps two
    ("Presiden Joko Widodo (Jokowi) hadir.", {"Joko Widodo": "PER", "Jokowi": "PER"},
     [("Joko Widodo", "PER"), ("Jokowi", "PER")]),
    ("Hadir Budi Santoso, Rina Sari dan Dewi Lestari.", {"Budi Santoso": "PER", "Rina Sari": "PER", "Dewi Lestari": "PER"},
     [("Budi Santoso", "PER"), ("Rina Sari", "PER"), ("Dewi Lestari", "PER")]),
])
def test_adjacent_person_spans_are_one_person(ruled, text, model, want):
    assert ents(ruled(text, model)) == want


@pytest.mark.parametrize("text, model, want", [
    # a place span of the model made of the title's field words, after its connector
    ("Menteri Imigrasi dan Pemasyarakatan Agus Andrianto hadir.", {"Pemasyarakatan": "LOC", "Agus Andrianto": "PER"},
     [("Agus Andrianto", "PER")]),
    # a place after a title that is no field word stays
    ("Menteri Koperasi dan Sukamaju Budi hadir.", {"Sukamaju": "LOC"}, [("Sukamaju", "LOC")]),
])
def test_a_titles_field_words_are_no_place(ruled, text, model, want):
    assert ents(ruled(text, model)) == want


@pytest.mark.parametrize("text, want", [
    ("Menteri Investasi dan Hilirisasi Rosan Roeslani hadir.", "Rosan Roeslani"),
    ("Menteri Ketenagakerjaan Yassierli menanggapi.", "Yassierli"),
    ("Menteri Agraria dan Tata Ruang Nusron Wahid menjelaskan.", "Nusron Wahid"),
])
def test_the_fields_of_the_ministries_leave_the_minister(text, want):
    from warta.pipeline import analyze
    assert [e.name for e in analyze(text).entities if e.type == "PER"] == [want]


@pytest.mark.parametrize("text, model, want", [
    # the product word after the names, and the model's span of the rest of a model's name
    ("Toyota Kijang Innova Zenix dan Honda Brio menjadi mobil terlaris.",
     {"Toyota": "ORG", "Innova Zenix": "PER", "Honda Brio": "PER"},
     [("Toyota Kijang Innova Zenix", "PRODUCT"), ("Honda Brio", "PRODUCT")]),
    # no product word in the sentence: the company stays
    ("Toyota Indonesia membuka pabrik. Honda Sukamaju hadir.", {"Toyota Indonesia": "ORG", "Honda Sukamaju": "PER"},
     [("Toyota Indonesia", "ORG"), ("Honda Sukamaju", "PER")]),
])
def test_a_brand_and_its_model_with_a_product_word_after(ruled, text, model, want):
    assert ents(ruled(text, model, gazetteer=True)) == want


def test_an_openers_lower_case_words_leave_the_name(ruled):
    assert ents(ruled("Mobil listrik Wuling BinguoEV juga laris.", {"Mobil listrik Wuling": "ORG"}, gazetteer=True)) \
        == [("Wuling BinguoEV", "PRODUCT")]


def test_a_partys_board_is_the_posts(ruled):
    doc = ruled("Ketua DPD Partai Golkar Jawa Barat Ahmad Santoso hadir.",
                {"DPD": "ORG", "Partai Golkar": "ORG", "Jawa Barat": "LOC", "Ahmad Santoso": "PER"})
    assert ents(doc) == [("Partai Golkar", "ORG"), ("Jawa Barat", "LOC"), ("Ahmad Santoso", "PER")]
    # the regional representatives' council alone stays
    assert ents(ruled("DPD menggelar sidang.", {"DPD": "ORG"})) == [("DPD", "ORG")]


@pytest.mark.parametrize("text, model, want", [
    # a table acronym before its legal form keeps it, and the legal form is no acronym
    ("PT Pertamina (Persero) menaikkan harga BBM.", {"PT Pertamina (Persero)": "ORG"},
     [("PT Pertamina (Persero)", "ORG")]),
    # a company by its business word goes on over the country the model's span ends in
    ("Analis Nusa Sekuritas Indonesia Jonathan Guyadi menilai saham masih menarik.",
     {"Nusa Sekuritas Indonesia": "PER", "Jonathan Guyadi": "PER"},
     [("Nusa Sekuritas Indonesia", "ORG"), ("Jonathan Guyadi", "PER")]),
    ("Analis Mirae Nusa Sekuritas Indonesia Handi Soetoyo menilai saham masih menarik.",
     {"Sekuritas Indonesia": "ORG", "Handi Soetoyo": "PER"},
     [("Mirae Nusa Sekuritas Indonesia", "ORG"), ("Handi Soetoyo", "PER")]),
])
def test_a_companys_legal_form_and_country(ruled, text, model, want):
    assert ents(ruled(text, model, gazetteer=True)) == want


def test_a_subsidiary_named_on_after_a_table_acronym_stays_whole(ruled):
    doc = ruled("Corporate Secretary PT Pertamina Patra Niaga Heppy Wulansari mengatakan stok aman.",
                {"PT Pertamina Patra Niaga": "ORG", "Heppy Wulansari": "PER"})
    assert ents(doc) == [("PT Pertamina Patra Niaga", "ORG"), ("Heppy Wulansari", "PER")]
    # a list after the acronym still ends it
    doc = ruled("Rapat digelar di Kementerian BUMN dan Kantor BPS kemarin.", {"Kementerian BUMN dan Kantor BPS": "ORG"})
    assert ("Kementerian BUMN", "ORG") in ents(doc)


def test_a_place_prefix_led_name_that_speaks_stays_a_place(ruled):
    doc = ruled("Gedung Putih menyebut kebijakan itu berlaku bulan depan.", {"Gedung Putih": "LOC"})
    assert ents(doc) == [("Gedung Putih", "LOC")]


def test_a_metropolitan_police_branch_is_one_organisation(ruled):
    doc = ruled("Kasus ditangani Polres Metro Jakarta Selatan kemarin.", {"Jakarta Selatan": "LOC"})
    assert ents(doc) == [("Polres Metro Jakarta Selatan", "ORG")]


def test_a_branch_with_its_acronym_in_brackets_is_one_span(ruled):
    doc = ruled("Pengadilan Negeri (PN) Jakarta Selatan menjatuhkan vonis.",
                {"Pengadilan Negeri": "ORG", "PN": "ORG", "Jakarta Selatan": "LOC"})
    assert ents(doc) == [("Pengadilan Negeri (PN) Jakarta Selatan", "ORG")]
    # an acronym of no branch body stays apart from the place after it
    doc = ruled("Badan Sukamaju (BSM) Jakarta menggelar rapat.", {"Badan Sukamaju": "ORG", "BSM": "ORG", "Jakarta": "LOC"})
    assert ents(doc) == [("Badan Sukamaju", "ORG"), ("BSM", "ORG"), ("Jakarta", "LOC")]


@pytest.mark.parametrize("text, model, want", [
    # a country the model missed, of the completed table
    ("Timnas menang atas Bahrain kemarin.", {}, [("Bahrain", "LOC")]),
    # a letter alone names nothing
    ("Laga lanjutan Grup C digelar kemarin.", {"C": "ORG"}, []),
])
def test_countries_and_letters(ruled, text, model, want):
    assert ents(ruled(text, model, gazetteer=True)) == want


def test_a_body_named_by_its_kind_before_a_foreign_country_is_that_countrys(ruled):
    doc = ruled("Kementerian Perdagangan China menyatakan akan membalas.",
                {"Kementerian Perdagangan": "ORG", "China": "LOC"})
    assert ents(doc) == [("Kementerian Perdagangan China", "ORG")]
    # a ministry and Indonesia, or a country after a company, stay apart
    doc = ruled("Pabrik PT Sukamaju China dibangun.", {"PT Sukamaju": "ORG", "China": "LOC"})
    assert ents(doc) == [("PT Sukamaju", "ORG"), ("China", "LOC")]


@pytest.mark.parametrize("text, model, name, aliases", [
    # the kind's acronym in brackets, then the place's own name: one place, whatever the
    # model made of the name
    ("Pabrik baru berdiri di Kawasan Ekonomi Khusus (KEK) Tanjung Lesung pada Mei.",
     {"Kawasan Ekonomi Khusus": "LOC", "KEK": "ORG", "Tanjung Lesung": "PER"},
     "Kawasan Ekonomi Khusus Tanjung Lesung", ("KEK Tanjung Lesung",)),
    ("Investor memilih Kawasan Industri Terpadu (KIT) Subang Raya tahun ini.",
     {"Kawasan Industri Terpadu": "LOC"}, "Kawasan Industri Terpadu Subang Raya", ("KIT Subang Raya",)),
])
def test_a_kind_of_place_with_its_acronym_and_name_is_one_place(ruled, text, model, name, aliases):
    from warta.nlp import harvest

    places = {(e.name, tuple(e.aliases)) for e in harvest.entities(ruled(text, model)) if e.type == "LOC"}
    assert places == {(name, aliases)}


def test_a_kinds_acronym_said_again_is_its_one_place(ruled):
    from warta.nlp import harvest

    doc = ruled("Pabrik berdiri di Kawasan Ekonomi Khusus (KEK) Tanjung Lesung. KEK Tanjung Lesung menyerap"
                " 900 pekerja. Pengelola KEK optimistis.",
                {"Kawasan Ekonomi Khusus": "LOC", "Tanjung Lesung": "PER", "KEK": "ORG"})
    found = {(e.name, e.type, tuple(e.aliases)) for e in harvest.entities(doc)}
    assert found == {("Kawasan Ekonomi Khusus Tanjung Lesung", "LOC", ("KEK Tanjung Lesung", "KEK"))}


def test_a_body_with_its_acronym_before_a_sentence_goes_on_alone(ruled):
    # a lower-case word after the bracket: no name follows
    assert ("Kawasan Ekonomi Khusus", "LOC") in ents(ruled(
        "Kawasan Ekonomi Khusus (KEK) menarik investasi baru.", {"Kawasan Ekonomi Khusus": "LOC"}))


@pytest.mark.parametrize("text, place", [
    ("Banjir merendam Taman Nasional Bukit Barisan pekan lalu.", "Taman Nasional Bukit Barisan"),
    ("Harimau dilepas di Suaka Margasatwa Kerumutan.", "Suaka Margasatwa Kerumutan"),
])
def test_conservation_areas_are_places(ruled, text, place):
    assert (place, "LOC") in ents(ruled(text))


@pytest.mark.parametrize("text, model, person", [
    # the first name the model left between the post's organisation and the surname
    ("Direktur Utama BRI Hery Gunardi memaparkan kinerja.", {"BRI": "ORG", "Gunardi": "PER"}, "Hery Gunardi"),
    ("Kepala BPS Amalia Widyasari mengumumkan data.", {"BPS": "ORG", "Widyasari": "PER"}, "Amalia Widyasari"),
    # the title further back, or the organisation's acronym in brackets between
    ("Pelatih ganda putra Pelatnas PBSI Antonius Budi Santosa memuji anak asuhnya.",
     {"PBSI": "ORG", "Budi Santosa": "PER"}, "Antonius Budi Santosa"),
    ("Ketua Umum Ikatan Bidan Nusantara (IBN) Wulandari Sari Dewi meminta pemerintah bertindak.",
     {"Ikatan Bidan Nusantara": "ORG", "IBN": "ORG", "Sari Dewi": "PER"}, "Wulandari Sari Dewi"),
])
def test_a_first_name_after_a_titled_organisation_is_the_persons(ruled, text, model, person):
    assert (person, "PER") in ents(ruled(text, model))


@pytest.mark.parametrize("text, model", [
    # an organisation's pattern runs into the person's first name the model left out
    ("Pejabat Kementerian ESDM Eniya Listiani Dewi menyebut proyek itu sejalan.",
     {"Kementerian ESDM": "ORG", "Listiani Dewi": "PER"}),
    # ... or that the person already took back
    ("Direktur Jenderal EBTKE Kementerian ESDM Eniya Listiani Dewi menyebut proyek itu sejalan.",
     {"EBTKE": "ORG", "Kementerian ESDM": "ORG", "Listiani Dewi": "PER"}),
])
def test_an_organisations_pattern_leaves_the_persons_first_name(ruled, text, model):
    found = ents(ruled(text, model))
    assert ("Kementerian ESDM", "ORG") in found and ("Eniya Listiani Dewi", "PER") in found


def test_the_last_field_of_a_title_is_no_organisation(ruled):
    # the model's span over a title's last field, a table acronym and the holder
    found = ents(ruled("Direktur Jenderal Kesehatan Primer dan Komunitas Kemenkes Ratna Puspita Sari menambahkan.",
                       {"Komunitas Kemenkes Ratna Puspita Sari": "ORG"}))
    assert ("Kemenkes", "ORG") in found and ("Ratna Puspita Sari", "PER") in found
    assert not any(name == "Komunitas" for name, _ in found)


@pytest.mark.parametrize("text, model, place, people", [
    # a player named after the country they play for
    ("Di final mereka menghadapi pasangan China Liang Weikeng/Wang Chang.",
     {"China Liang Weikeng": "ORG", "Wang Chang": "PER"}, "China", ["Liang Weikeng", "Wang Chang"]),
    ("Ia kalah dari pemain Thailand Kunlavut Vitidsarn di perempat final.",
     {"Thailand Kunlavut Vitidsarn": "LOC"}, "Thailand", ["Kunlavut Vitidsarn"]),
    ("Ia kalah dari wakil China Shi Yu Qi.", {"China": "LOC"}, "China", ["Shi Yu Qi"]),
])
def test_a_player_after_their_country(ruled, text, model, place, people):
    found = ents(ruled(text, model))
    assert (place, "LOC") in found and [n for n, t in found if t == "PER"] == people


@pytest.mark.parametrize("text, model", [
    ("Ia bertemu wakil Jepang Senin lalu.", {"Jepang": "LOC"}),  # a day after the country
    ("Kami menyambut wakil Indonesia di PBB.", {"Indonesia": "LOC", "PBB": "ORG"}),
])
def test_a_country_after_a_standing_without_a_name_is_only_a_place(ruled, text, model):
    assert not any(t == "PER" for _, t in ents(ruled(text, model)))


def test_a_company_after_its_origin_of_three_words(ruled):
    found = ents(ruled("Proyek itu digarap bersama perusahaan energi asal Uni Emirat Arab, Arkana.",
                       {"Uni Emirat Arab": "LOC", "Arkana": "PER"}))
    assert ("Arkana", "ORG") in found


def test_a_word_after_an_untitled_organisation_stays_out(ruled):
    # no title before the organisation: the word is not taken into the person
    assert ("Hery Gunardi", "PER") not in ents(ruled("Laba BRI Hery Gunardi naik.", {"BRI": "ORG", "Gunardi": "PER"}))


@pytest.mark.parametrize("text, acronym", [
    ("Rasio kredit bermasalah (non-performing loan/NPL) terjaga di 2,9%.", "NPL"),
    ("Rasio pinjaman terhadap simpanan (loan to deposit ratio/LDR) mencapai 85%.", "LDR"),
])
def test_a_term_glossed_in_brackets_is_no_name(ruled, text, acronym):
    assert acronym not in {t for t, _ in ents(ruled(text, {acronym: "ORG"}))}


@pytest.mark.parametrize("text, model, person, gone", [
    # the words after a run of honorifics with their stops are a person
    ("Direktur Jenderal Penanggulangan Penyakit Kemenkes dr. Laksmi Hartati meninjau gudang.", {},
     "Laksmi Hartati", None),
    ("Ketua IDAI Jateng dr. Ratna Widuri mengimbau orang tua.", {"IDAI Jateng dr.": "PER"},
     "Ratna Widuri", "IDAI Jateng dr."),
    ("Rektor Prof. Dr. Ir. H. Slamet Riyadi membuka wisuda.", {}, "Slamet Riyadi", None),
])
def test_the_name_after_honorifics_is_a_person(ruled, text, model, person, gone):
    found = ents(ruled(text, model))
    assert (person, "PER") in found
    assert gone is None or all(t != gone for t, _ in found)


def test_a_name_the_model_read_after_an_honorific_stays_whole(ruled):
    # the model's span runs past the words the honorific rule would take ("Utama")
    found = ents(ruled("Hadir pula dr. Budi Santoso Utama di sana.", {"Budi Santoso Utama": "PER"}))
    assert ("Budi Santoso Utama", "PER") in found


@pytest.mark.parametrize("text, model, org, person", [
    # the model's person opens with the branch's place after a body with regional branches
    ("Kepala Dinkes Jateng Sri Wahyuni Lestari menjelaskan.", {"Jateng Sri Wahyuni Lestari": "PER"},
     "Dinkes Jateng", "Sri Wahyuni Lestari"),
    ("Kepala Disdik Sleman Agung Prasetyo Nugroho hadir.", {"Sleman Agung Prasetyo Nugroho": "PER"},
     "Disdik Sleman", "Agung Prasetyo Nugroho"),
])
def test_a_branch_place_opening_the_models_person_is_the_branchs(ruled, text, model, org, person):
    found = ents(ruled(text, model))
    assert (org, "ORG") in found and (person, "PER") in found


def test_a_person_opening_with_a_place_word_without_a_body_stays(ruled):
    assert ents(ruled("Kemarin Sleman Agung Prasetyo datang.", {"Sleman Agung Prasetyo": "PER"})) \
        == [("Sleman Agung Prasetyo", "PER")]


@pytest.mark.parametrize("text, model, name, alias", [
    # a company's short name after "atau": one organisation
    ("Direksi PT Asuransi Kredit Indonesia (Persero) atau Askrindo hadir. Askrindo membantah.",
     {"PT Asuransi Kredit Indonesia (Persero)": "ORG", "Askrindo": "LOC"}, "PT Asuransi Kredit Indonesia (Persero)",
     "Askrindo"),
    ("Pengumuman Perusahaan Gas Negara atau PGN keluar kemarin.", {"Perusahaan Gas Negara": "ORG"},
     "Perusahaan Gas Negara", "PGN"),
    # an acronym the name opens but does not spell (a group's new name)
    ("PT Baja Nusantara (Persero) Tbk atau BNG menaikkan produksi.",
     {"PT Baja Nusantara (Persero) Tbk": "ORG", "BNG": "ORG"}, "PT Baja Nusantara (Persero) Tbk", "BNG"),
])
def test_a_short_name_after_atau_is_the_organisations(ruled, text, model, name, alias):
    from warta.nlp import harvest

    orgs = {(e.name, tuple(e.aliases)) for e in harvest.entities(ruled(text, model)) if e.type in ("ORG", "LOC")}
    assert orgs == {(name, (alias,))}


def test_two_organisations_joined_by_atau_stay_two(ruled):
    from warta.nlp import harvest

    doc = ruled("Ia pindah dari Kementerian Keuangan atau Kementerian Perdagangan.",
                {"Kementerian Keuangan": "ORG", "Kementerian Perdagangan": "ORG"})
    assert len(harvest.entities(doc)) == 2
    # nor a body of the acronym table after a company
    doc = ruled("Pertamina atau PLN belum menjawab.", {"Pertamina": "ORG", "PLN": "ORG"})
    assert len(harvest.entities(doc)) == 2


def test_a_title_alone_is_no_organisation(ruled):
    found = ents(ruled("Ia bertemu Komisioner Perdagangan Uni Eropa Maros Kovac.",
                       {"Komisioner Perdagangan": "ORG", "Uni Eropa": "ORG", "Maros Kovac": "PER"}))
    assert ("Komisioner Perdagangan", "ORG") not in found and ("Uni Eropa", "ORG") in found


def test_an_organisations_form_stays_an_organisation(ruled):
    assert ("Komisi Perdagangan", "ORG") in ents(ruled("Komisi Perdagangan menolak usul itu.",
                                                       {"Komisi Perdagangan": "ORG"}))


def test_spans_side_by_side_that_the_article_names_as_one_are_one(ruled):
    doc = ruled("Uni Eropa menolak. Delegasi Uni Eropa datang.", {"Uni Eropa": "ORG", "Uni": "ORG", "Eropa": "LOC"})
    assert ents(doc) == [("Uni Eropa", "ORG"), ("Uni Eropa", "ORG")]


@pytest.mark.parametrize("text, model, acronym", [
    # the acronym after a document's name is the document's, no alias of the body it holds
    ("Eksportir mewaspadai Regulasi Deforestasi Uni Eropa (EUDR) tahun depan.", {"Uni Eropa": "ORG"}, "EUDR"),
    ("Kedua negara meneken Perjanjian Kemitraan Ekonomi Komprehensif Indonesia-Kanada (ICA-CEPA).",
     {}, "ICA-CEPA"),
    # the document word and lower-case words before the body's name
    ("Petani menghadapi aturan bebas deforestasi Uni Eropa (EUDR) tahun depan.", {"Uni Eropa": "ORG"}, "EUDR"),
])
def test_a_documents_acronym_is_no_alias(ruled, text, model, acronym):
    from warta.nlp import harvest

    found = harvest.entities(ruled(text, model))
    assert all(acronym not in e.aliases and e.name != acronym for e in found)


@pytest.mark.parametrize("text, model, name, acronym", [
    # no document word before the body's name: its acronym stays its alias
    ("Indonesia dan Uni Eropa (UE) menandatangani perjanjian dagang.", {"Indonesia": "LOC", "Uni Eropa": "ORG"},
     "Uni Eropa", "UE"),
    ("Pasar menanti kebijakan moneter Bank Indonesia (BI) pekan ini.", {"Bank Indonesia": "ORG"},
     "Bank Indonesia", "BI"),
])
def test_a_bodys_acronym_after_other_words_stays_its_alias(ruled, text, model, name, acronym):
    from warta.nlp import harvest

    assert any(e.name == name and acronym in e.aliases for e in harvest.entities(ruled(text, model)))


@pytest.mark.parametrize("text, model, person, org", [
    # a name with particles is a person, whatever span ran into its first word
    ("Presiden Komisi Eropa Ursula von der Leyen berpidato.", {"Komisi Eropa Ursula": "ORG"},
     "Ursula von der Leyen", "Komisi Eropa"),
    ("Presiden Brasil Luiz Inacio Lula da Silva hadir.", {"Brasil": "LOC", "Luiz Inacio": "PER"},
     "Luiz Inacio Lula da Silva", None),
])
def test_a_name_with_particles_is_a_person(ruled, text, model, person, org):
    found = ents(ruled(text, model))
    assert (person, "PER") in found and (org is None or (org, "ORG") in found)


def test_a_model_name_holding_particles_stays(ruled):
    assert ents(ruled("Pemain Football Club de Metz menang.", {"Football Club de Metz": "ORG"})) \
        == [("Football Club de Metz", "ORG")]


def test_di_is_no_particle(ruled):
    assert ("Jakarta di Bandung", "PER") not in ents(ruled("Ia tinggal di Jakarta di Bandung."))


def test_a_span_ends_before_an_opening_bracket(ruled):
    found = ents(ruled("Pabrik itu membuat Mixed Hydroxide Precipitate (MHP) tiap tahun.",
                       {"Mixed Hydroxide Precipitate (": "ORG"}))
    assert all(not t.endswith("(") for t, _ in found)


def test_an_exchange_is_an_organisation(ruled):
    assert ("London Metal Exchange", "ORG") in ents(ruled("Harga nikel di London Metal Exchange naik.",
                                                          {"London Metal Exchange": "LOC"}))


@pytest.mark.parametrize("text, event", [
    ("Persib menang dalam lanjutan BRI Super League 2025/2026 di Bandung.", "BRI Super League 2025/2026"),
    ("Ia pernah bermain di Premier League 2024/25 bersama klubnya.", "Premier League 2024/25"),
    ("Timnas bersiap tampil di AFF Cup 2026 bulan depan.", "AFF Cup 2026"),
])
def test_a_league_or_cup_with_its_season_is_an_event(ruled, text, event):
    assert (event, "EVENT") in ents(ruled(text))


@pytest.mark.parametrize("text, model, companies", [
    ("Putaran itu dipimpin Harbor Management dan Lintas Partners.", {},
     [("Harbor Management", "ORG"), ("Lintas Partners", "ORG")]),
    ("Kajian disusun Wirya & Company tahun lalu.", {"Wirya": "PER"}, [("Wirya & Company", "ORG")]),
    ("Dana itu dari Nusa Holdings.", {"Nusa Holdings": "PER"}, [("Nusa Holdings", "ORG")]),
])
def test_english_business_words_close_company_names(ruled, text, model, companies):
    assert ents(ruled(text, model)) == companies


def test_a_company_list_may_open_with_a_camel_case_name(ruled):
    found = ents(ruled("Perusahaan rintisan seperti eKebun dan Tanira memangkas karyawan.", {"Tanira": "PER"}))
    assert ("eKebun", "ORG") in found and ("Tanira", "ORG") in found


def test_a_one_word_holder_after_a_branch_place_is_cut_from_it(ruled):
    found = ents(ruled("Ketua KPU Sulsel Hasbullah membuka rapat.", {"KPU": "ORG", "Sulsel Hasbullah": "PER"}))
    assert ("KPU Sulsel", "ORG") in found and ("Hasbullah", "PER") in found


def test_a_one_word_title_is_no_organisation(ruled):
    found = ents(ruled("Komisioner Bawaslu Sulsel Saiful Jihad hadir.", {"Komisioner": "ORG", "Saiful Jihad": "PER"}))
    assert ("Komisioner", "ORG") not in found


@pytest.mark.parametrize("text, model, products", [
    # names listed after the first name a product noun governs are products too
    ("BPOM menarik sirup merek Batukin DMP dan Lega Tenggorokan Syrup dari pasar.", {"Tenggorokan Syrup": "PER"},
     [("Batukin DMP", "PRODUCT"), ("Lega Tenggorokan Syrup", "PRODUCT")]),
    ("Ia membandingkan mobil Veloz, Avanza dan Rush kemarin.", {},
     [("Veloz", "PRODUCT"), ("Avanza", "PRODUCT"), ("Rush", "PRODUCT")]),
])
def test_names_listed_after_a_product_noun_are_products(ruled, text, model, products):
    assert [e for e in ents(ruled(text, model)) if e[1] == "PRODUCT"] == products


def test_a_person_the_model_found_after_a_product_list_stays(ruled):
    assert ("Lei Jun", "PER") in ents(ruled("Ia memamerkan ponsel Redmi 15 dan Lei Jun tersenyum.", {"Lei Jun": "PER"}))


@pytest.mark.parametrize("text, model, org", [
    # a regional agency's long form, its acronym in brackets, its place: one branch
    ("Operasi pasar melibatkan Dinas Perindustrian dan Perdagangan (Disperindag) Jatim pekan ini.",
     {"Dinas Perindustrian dan Perdagangan": "ORG", "Jatim": "LOC"}, "Dinas Perindustrian dan Perdagangan Jatim"),
    ("Kepala Dinsos Sleman Ratih Purnama membagikan bantuan.", {"Dinsos": "ORG", "Sleman Ratih Purnama": "PER"},
     "Dinsos Sleman"),
    ("DPRD memanggil Badan Kepegawaian Daerah (BKD) Provinsi Sumatera Utara pekan depan.",
     {"DPRD": "ORG", "Badan Kepegawaian Daerah": "ORG", "BKD": "ORG", "Provinsi Sumatera Utara": "LOC"},
     "Badan Kepegawaian Daerah Provinsi Sumatera Utara"),
])
def test_regional_agencies_have_branches(ruled, text, model, org):
    from warta.nlp import harvest

    assert org in {e.name for e in harvest.entities(ruled(text, model)) if e.type == "ORG"}


@pytest.mark.parametrize("text, model, org, alias", [
    # a long form holding a place prefix ("Kota") stays one body before its acronym and place
    ("Satuan Reserse Kepolisian Resor Kota Besar (Polrestabes) Medan menangkap dua pengedar.",
     {"Kepolisian Resor": "ORG", "Kota Besar": "LOC", "Medan": "LOC"},
     "Kepolisian Resor Kota Besar Medan", ("Polrestabes Medan",)),
    ("Badan Narkotika Nasional Provinsi (BNNP) Riau mencatat kenaikan kasus.",
     {"Badan Narkotika Nasional Provinsi": "ORG", "Riau": "LOC"},
     "Badan Narkotika Nasional Provinsi Riau", ("BNNP Riau",)),
])
def test_a_long_form_holding_a_place_prefix_names_its_branch(ruled, text, model, org, alias):
    from warta.nlp import harvest

    orgs = {(e.name, tuple(e.aliases)) for e in harvest.entities(ruled(text, model)) if e.type == "ORG"}
    assert (org, alias) in orgs


def test_an_acronym_no_word_of_a_place_spells_is_not_the_places(ruled):
    from warta.nlp import harvest

    doc = ruled("Militer Israel (IDF) mengklaim serangan itu. Stadion Utama Gelora Bung Karno (GBK) penuh.",
                {"Israel": "LOC", "IDF": "ORG", "Stadion Utama Gelora Bung Karno": "LOC"})
    found = {e.name: e.aliases for e in harvest.entities(doc)}
    assert found["Israel"] == [] and found["Stadion Utama Gelora Bung Karno"] == ["GBK"]


def test_a_military_unit_is_an_organisation(ruled):
    assert ("Brigade Al-Qassam", "ORG") in ents(ruled("Serangan menyasar komandan Brigade Al-Qassam kemarin.",
                                                     {"Brigade Al-Qassam": "PER"}))


def test_an_exchange_named_bursa_is_an_organisation(ruled):
    found = ents(ruled("Harga CPO di Bursa Malaysia Derivatives naik. Bursa saham Asia melemah.",
                       {"Malaysia": "LOC", "Asia": "LOC"}))
    assert ("Bursa Malaysia Derivatives", "ORG") in found and ("Asia", "LOC") in found


@pytest.mark.parametrize("text, acronym", [
    ("Kewajiban DMO batu bara naik tahun ini.", "DMO"),
    ("Pemerintah menaikkan syarat TKDN ponsel.", "TKDN"),
    ("Polisi menetapkan tiga tersangka setelah OTT di Bekasi.", "OTT"),
])
def test_everyday_term_acronyms_are_no_names(ruled, text, acronym):
    assert acronym not in {t for t, _ in ents(ruled(text, {acronym: "ORG"}))}


@pytest.mark.parametrize("text, model", [
    ("Pandemi COVID-19 usai tahun itu.", {"Pandemi COVID": "ORG"}),
    ("Wabah DBD meluas ke tiga kecamatan.", {"DBD": "ORG"}),
])
def test_a_disease_is_no_name(ruled, text, model):
    assert ents(ruled(text, model)) == []


def test_a_summit_with_two_bracketed_acronyms_is_one_event(ruled):
    from warta.nlp import harvest

    doc = ruled("Presiden hadir di Konferensi Tingkat Tinggi (KTT) Pacific Island Forum (PIF) 2026 di Suva. "
                "KTT PIF 2026 membahas iklim.", {"Konferensi Tingkat Tinggi": "EVENT", "Pacific Island Forum": "ORG",
                                                  "Suva": "LOC", "KTT PIF 2026": "EVENT"})
    events = {(e.name, tuple(e.aliases)) for e in harvest.entities(doc) if e.type == "EVENT"}
    assert events == {("Konferensi Tingkat Tinggi Pacific Island Forum 2026", ("KTT PIF 2026",))}


def test_a_train_named_after_its_prefix_is_a_product(ruled):
    found = ents(ruled("Kereta Api (KA) Argo Merbabu anjlok di Subang.", {"Subang": "LOC"}))
    assert ("Argo Merbabu", "PRODUCT") in found


def test_a_holder_after_an_organisations_short_name_is_a_person(ruled):
    found = ents(ruled("Juru Bicara PT Pelayaran Nasional Indonesia (Persero) atau PELNI Rahmat Hidayat hadir.",
                       {"PT Pelayaran Nasional Indonesia (Persero)": "ORG"}))
    assert ("PELNI", "ORG") in found and ("Rahmat Hidayat", "PER") in found


def test_a_balinese_name_the_branch_took_the_opener_of_is_a_person(ruled):
    found = ents(ruled("Kepala Dinas Lingkungan Hidup Provinsi Bali I Made Suarjana menyebut sampah naik.",
                       {"Dinas Lingkungan Hidup Provinsi Bali I": "ORG"}))
    assert ("Dinas Lingkungan Hidup Provinsi Bali", "ORG") in found and ("I Made Suarjana", "PER") in found


def test_what_a_company_makes_is_a_product(ruled):
    assert ("Teh Sariayu", "PRODUCT") in ents(ruled("Perusahaan itu memproduksi Teh Sariayu sejak 1990.",
                                                    {"Teh Sariayu": "ORG"}))


def test_a_route_between_places_is_no_entity(ruled):
    found = ents(ruled("Maskapai menambah kursi untuk rute Jakarta-Denpasar dan Surabaya-Makassar.",
                       {"Jakarta-Denpasar": "ORG", "Surabaya-Makassar": "PER"}))
    assert found == []


def test_an_ordinal_before_a_competition_is_not_its_name(ruled):
    found = ents(ruled("Laga pekan ke-14 Liga Nusantara Super League 2025/2026 berakhir imbang.", {}))
    assert ("Liga Nusantara Super League 2025/2026", "EVENT") in found


def test_a_service_word_after_a_rank_of_two_words_is_the_ranks(ruled):
    found = ents(ruled("Ia melantik Laksamana Madya TNI Hendra Wibawa sebagai wakil menteri.",
                       {"TNI": "ORG", "Hendra Wibawa": "PER"}))
    assert found == [("Hendra Wibawa", "PER")]


def test_a_long_form_runs_on_to_the_acronym_it_spells(ruled):
    from warta.nlp import harvest

    doc = ruled("Federasi Serikat Guru Indonesia (FSGI) menilai aturan itu terburu-buru.",
                {"Federasi Serikat Guru": "ORG", "FSGI": "ORG"})
    assert [(e.name, e.aliases) for e in harvest.entities(doc)] == [("Federasi Serikat Guru Indonesia", ["FSGI"])]
    # the words before it too
    doc = ruled("Pengurus Besar Nahdlatul Ulama (PBNU) mengucapkan selamat.", {"Nahdlatul Ulama": "ORG", "PBNU": "ORG"})
    assert [(e.name, e.aliases) for e in harvest.entities(doc)] == [("Pengurus Besar Nahdlatul Ulama", ["PBNU"])]
    # the words after the span do not spell it with the span: they stay out
    doc = ruled("Anggota Jaringan Nelayan Pesisir Timur (JNP) berunjuk rasa.", {"Jaringan Nelayan Pesisir": "ORG"})
    assert ("Jaringan Nelayan Pesisir Timur", "ORG") not in ents(doc)


def test_the_country_a_company_noun_puts_before_a_company_is_a_place(ruled):
    found = ents(ruled("Pertamina dan perusahaan Jepang Sakura Heavy Industries akan membangun kilang.",
                       {"Pertamina": "ORG", "Jepang": "LOC"}))
    assert ("Jepang", "LOC") in found and ("Sakura Heavy Industries", "ORG") in found


@pytest.mark.parametrize("text, name, label", [
    ("Ia bergabung dengan klub kasta kedua Liga Belgia, KMSK Lierse, dengan kontrak dua musim.", "KMSK Lierse", "ORG"),
    ("Kementerian menyatakan vaksin dengue Qdenta telah tersedia.", "Qdenta", "PRODUCT"),
])
def test_a_club_or_a_vaccine_named_after_its_noun(ruled, text, name, label):
    assert (name, label) in ents(ruled(text, {}))


@pytest.mark.parametrize("text, model, place, person", [
    # after a title over a territory, the model's place over the regency and its holder
    ("Wakil Bupati Pekalongan Sukirman menyatakan roda pemerintahan berjalan.", {"Pekalongan Sukirman": "LOC"},
     "Pekalongan", "Sukirman"),
    ("Bupati Bogor Rudy Susmanto meninjau lokasi banjir.", {"Bogor Rudy Susmanto": "LOC"}, "Bogor", "Rudy Susmanto"),
])
def test_a_regency_then_its_head_after_a_territorial_title(ruled, text, model, place, person):
    found = ents(ruled(text, model))
    assert (place, "LOC") in found and (person, "PER") in found


def test_an_events_head_alone_is_the_one_event_of_it(ruled):
    from warta.nlp import harvest

    doc = ruled("Para pemimpin hadir pada KTT ASEAN ke-47 di Kuala Lumpur. Timor Leste diterima dalam KTT tersebut.",
                {"KTT ASEAN": "EVENT", "Kuala Lumpur": "LOC", "Timor Leste": "LOC", "KTT": "EVENT"})
    events = [(e.name, e.aliases) for e in harvest.entities(doc) if e.type == "EVENT"]
    assert len(events) == 1 and "KTT" in events[0][1]


def test_a_sports_hall_is_a_place(ruled):
    assert ("GOR Otista", "LOC") in ents(ruled("Warga mengungsi ke GOR Otista sejak pagi.", {"GOR Otista": "ORG"}))


def test_an_organisations_pattern_cut_at_the_place_leaves_the_places_prefix(ruled):
    found = ents(ruled("Kepala Dinas Pendidikan Kota Surabaya Yusuf Masruh menyebut ada sekolah terdampak.",
                       {"Dinas Pendidikan Kota": "ORG", "Surabaya": "LOC", "Yusuf Masruh": "PER"}))
    assert ("Dinas Pendidikan Kota Surabaya", "ORG") in found and ("Yusuf Masruh", "PER") in found


def test_a_holder_after_a_body_named_by_its_field(ruled):
    found = ents(ruled("Bupati bersama Kepala Dinas Pertanian Suparmanto meninjau sawah.",
                       {"Dinas Pertanian Suparmanto": "ORG"}))
    assert ("Dinas Pertanian", "ORG") in found and ("Suparmanto", "PER") in found
    # a place after the field is the branch's, no holder
    found = ents(ruled("Kepala Dinas Pertanian Sleman meninjau sawah.", {"Dinas Pertanian Sleman": "ORG"}))
    assert not any(t == "PER" for _, t in found)


def test_a_place_pattern_ends_before_a_rank(ruled):
    found = ents(ruled("Komandan Kodim 0733/Kota Semarang Letkol Inf Hendra Gunawan memimpin kerja bakti.",
                       {"Hendra Gunawan": "PER"}))
    assert ("Kota Semarang", "LOC") in found


@pytest.mark.parametrize("text, model, mission", [
    ("Kedutaan Besar Norwegia di Jakarta menunda layanan visa.",
     {"Kedutaan Besar": "ORG", "Norwegia": "LOC", "Jakarta": "LOC"}, "Kedutaan Besar Norwegia"),
    # Indonesia's own missions, by the acronym table's short form of the country
    ("Konsulat Jenderal RI di Hong Kong membuka posko pengaduan.",
     {"RI": "LOC", "Hong Kong": "LOC"}, "Konsulat Jenderal RI"),
    ("Kedubes Brasil menggelar pameran kopi.", {"Brasil": "LOC"}, "Kedubes Brasil"),
])
def test_a_mission_and_the_country_it_serves_are_one_organisation(ruled, text, model, mission):
    found = ents(ruled(text, model))
    assert (mission, "ORG") in found
    assert not any(name in ("Kedutaan Besar", "Norwegia", "RI", "Brasil") for name, _ in found)


@pytest.mark.parametrize("text, model, body, person", [
    # the model made the unknown body a place and missed its expert
    ("Menurut peneliti Ekofin Raka Pradipta, inflasi masih terkendali.", {"Ekofin": "LOC"},
     "Ekofin", "Raka Pradipta"),
    ("Ekonom senior Ekofin Sari Wulandari menilai defisit masih aman.",
     {"Ekofin": "LOC", "Sari Wulandari": "PER"}, "Ekofin", "Sari Wulandari"),
])
def test_an_unknown_body_between_a_title_and_its_holder(ruled, text, model, body, person):
    found = ents(ruled(text, model))
    assert (body, "ORG") in found and (person, "PER") in found


def test_a_known_place_after_a_title_stays_a_place(ruled):
    found = ents(ruled("Bupati Banyuwangi Rina Kartika menyerahkan bantuan.", {"Banyuwangi": "LOC", "Rina Kartika": "PER"}))
    assert ("Banyuwangi", "LOC") in found
    # a minister's name after the title is no body, whether the model saw it or not
    found = ents(ruled("Menteri Bahlil Lahadalia mengatakan hal itu.", {"Bahlil Lahadalia": "PER"}))
    assert found == [("Bahlil Lahadalia", "PER")]
    found = ents(ruled("Menag Yaqut Cholil Qoumas membuka acara itu.", {"Cholil Qoumas": "PER"}))
    assert ("Yaqut", "ORG") not in found


def test_a_holders_first_name_the_body_took_after_its_place_goes_back_to_the_holder(ruled):
    found = ents(ruled("Kepala Dinas Pendidikan Kota Bandung Hikmat Santosa membuka pendaftaran.",
                       {"Dinas Pendidikan Kota Bandung Hikmat": "ORG", "Santosa": "PER"}))
    assert ("Dinas Pendidikan Kota Bandung", "ORG") in found and ("Hikmat Santosa", "PER") in found
    # a place's own last word stays the place's
    found = ents(ruled("Kepala Dinas Kesehatan Jawa Barat Nurul Aini hadir.",
                       {"Dinas Kesehatan Jawa Barat": "ORG", "Nurul Aini": "PER"}))
    assert ("Dinas Kesehatan Jawa Barat", "ORG") in found and ("Nurul Aini", "PER") in found


def test_an_events_head_before_a_venues_word_is_a_venue(ruled):
    found = ents(ruled("Para menteri bertemu di Makassar Convention Center kemarin.",
                       {"Makassar Convention Center": "LOC"}))
    assert found == [("Makassar Convention Center", "LOC")]


def test_a_name_with_its_own_events_head_after_the_events_kind_is_the_event(ruled):
    found = ents(ruled("Pameran Borneo Coffee Show 2025 berlangsung di Balikpapan.", {"Balikpapan": "LOC"}))
    assert ("Borneo Coffee Show 2025", "EVENT") in found


def test_two_bodies_joined_by_a_hyphen_are_two_organisations(ruled):
    doc = ruled("Aparat gabungan TNI-Polri berjaga di pasar.")
    assert ents(doc) == [("TNI-Polri", "ORG")]
    from warta.nlp import harvest
    assert {(e.name, e.type) for e in harvest.entities(doc)} \
        == {("TNI", "ORG"), ("Polri", "ORG")}
    # a word that is no pair of the table's bodies stays as it was
    assert ents(ruled("Laga PSIS-Persib berakhir imbang.")) == []


def test_an_events_host_between_its_head_and_its_edition(ruled):
    found = ents(ruled("Menteri membuka Furniture Expo Indonesia ke-12 di Surabaya.", {"Surabaya": "LOC"}))
    assert ("Furniture Expo Indonesia ke-12", "EVENT") in found


@pytest.mark.parametrize("text, model, codes", [
    # sentence-initial "Saham", a list with "dan"
    ("Saham KRAS dan SMGR melonjak pada sesi pertama.", {}, ["KRAS", "SMGR"]),
    # a code the model typed as a place, a list with commas
    ("Investor memburu saham ADRO, PTBA, dan ITMG.", {"PTBA": "LOC"}, ["ADRO", "PTBA", "ITMG"]),
    ("Emiten MDKA membukukan laba.", {}, ["MDKA"]),
])
def test_stock_codes_after_a_word_for_shares_are_listed_companies(ruled, text, model, codes):
    found = ents(ruled(text, model))
    assert [n for n, t in found if t == "ORG"] == codes


def test_an_index_of_the_acronym_table_after_saham_keeps_its_type(ruled):
    assert ents(ruled("Saham IHSG melemah.")) == [("IHSG", "PRODUCT")]


@pytest.mark.parametrize("text, model, want", [
    # an ordinary word after a dateline's dash, and one opening a sentence
    ("WARTAKITA.ID-Kegembiraan meluap di alun-alun kota.", {"Kegembiraan": "PER"}, []),
    ("Sertifikat yang dipenuhi: ISO 9001. Halal menjadi syarat berikutnya.", {"Halal": "PER"}, []),
    # a speaker before a speech verb, a given name, a name said again inside a sentence stay
    ("Agun menegaskan partainya siap.", {"Agun": "PER"}, [("Agun", "PER")]),
    ("Budi datang terlambat.", {"Budi": "PER"}, [("Budi", "PER")]),
    ("Harapan datang dari Bandung. Menurut Harapan, tim siap.", {"Harapan": "PER"}, [("Harapan", "PER")]),
])
def test_an_ordinary_word_opening_a_sentence_is_no_person(ruled, text, model, want):
    assert [e for e in ents(ruled(text, model)) if e[1] == "PER"] == want


def test_a_country_after_a_titles_fields_then_a_name_with_particles(ruled):
    found = ents(ruled("Menteri Perdagangan Qatar Khalid bin Rashid Al Nuaimi mengatakan negaranya siap.",
                       {"Qatar Khalid bin Rashid Al Nuaimi": "ORG"}))
    assert ("Qatar", "LOC") in found and ("Khalid bin Rashid Al Nuaimi", "PER") in found


def test_particles_one_after_another_make_one_name(ruled):
    found = ents(ruled("Menteri Luar Negeri Oman Badr bin Hamad Al Busaidi bertemu mitranya.",
                       {"Oman": "LOC", "Badr": "PER"}))
    assert ("Badr bin Hamad Al Busaidi", "PER") in found


def test_a_companys_one_coined_word_named_again_is_the_company(ruled):
    doc = ruled("PT Karsindo (Persero) merugi. Direksi menunjuk Rina Kartika sebagai Plt Direktur Utama Karsindo.",
                {"PT Karsindo (Persero)": "ORG", "Rina Kartika": "PER"})
    assert consolidated(doc, "ORG") == [("PT Karsindo (Persero)", ["Karsindo"])]
    # an ordinary word is no short form ("timah" of "PT Timah Tbk")
    doc = ruled("PT Timah Tbk merugi. Timah dunia naik.", {"PT Timah Tbk": "ORG"})
    assert ents(doc) == [("PT Timah Tbk", "ORG")]


def test_a_two_word_place_opening_the_models_place_before_a_holder(ruled):
    found = ents(ruled("Kepala Kantor Kesyahbandaran Utama Teluk Bayur Hendri Ginting meminta operator patuh.",
                       {"Teluk Bayur Hendri Ginting": "LOC"}))
    assert ("Teluk Bayur", "LOC") in found and ("Hendri Ginting", "PER") in found


def test_a_branch_word_after_a_short_name_after_atau_is_no_holder(ruled):
    doc = ruled("Pemkot bersama PT Pelabuhan Nusantara (Persero) atau Pelnus Regional 3 meresmikan terminal.",
                {"PT Pelabuhan Nusantara (Persero)": "ORG"})
    assert consolidated(doc) == [("PT Pelabuhan Nusantara (Persero)", ["Pelnus"])]


def test_an_organisations_pattern_does_not_take_the_holder_the_model_left_after_a_title(ruled):
    # (the holder's words are left to the rules of names after posts, warta.extract.people)
    text = "Direktur Utama PT Bumi Perkasa Adika Nugraha Bakti mengatakan tidak ada PHK."
    assert ents(ruled(text, {"PT Bumi Perkasa": "ORG"})) == [("PT Bumi Perkasa", "ORG")]
    # with no title before it, the longer name stays the organisation's
    found = ents(ruled("Saham PT Bumi Perkasa Adika Nugraha naik.", {"PT Bumi Perkasa": "ORG"}))
    assert ("PT Bumi Perkasa Adika Nugraha", "ORG") in found


def test_name_words_opening_a_sentence_before_a_speech_verb_are_a_person(ruled):
    found = ents(ruled("Harga naik. Widya Putri Larasati menyebut target itu realistis."))
    assert ("Widya Putri Larasati", "PER") in found
    # ordinary capitalised words are no name
    assert ents(ruled("Harga naik. Harga Minyak Dunia menyebut hal itu.")) == []


def test_an_organisations_pattern_over_dan_into_another_known_body_is_two(ruled):
    found = ents(ruled("Laporan itu dirilis Bank Dunia dan Dana Moneter Internasional pekan lalu.",
                       {"Bank Dunia": "ORG"}))
    assert ("Bank Dunia", "ORG") in found and ("Dana Moneter Internasional", "ORG") in found
    # a ministry of two fields stays one
    found = ents(ruled("Kementerian Energi dan Sumber Daya Mineral menolak.",
                       {"Kementerian Energi dan Sumber Daya Mineral": "ORG"}))
    assert found == [("Kementerian Energi dan Sumber Daya Mineral", "ORG")]


@pytest.mark.parametrize("text, long", [
    # a title's word inside the name the bracketed acronym spells
    ("Kantor Staf Presiden (KSP) menilai kebijakan itu tepat.", "Kantor Staf Presiden"),
    ("Ketua Umum Persatuan Guru Republik Indonesia (PGRI) hadir.", "Persatuan Guru Republik Indonesia"),
    # a title before the name stays out of it
    ("Kepala Badan Riset Kelautan (BRK) hadir.", "Badan Riset Kelautan"),
])
def test_the_long_form_a_bracketed_acronym_spells(ruled, text, long):
    assert (long, "ORG") in ents(ruled(text))


def test_an_unknown_word_after_a_bodys_bracketed_acronym_is_no_branch(ruled):
    found = ents(ruled("Kepala Badan Pusat Statistik (BPS) Amalia hadir.",
                       {"Badan Pusat Statistik": "ORG", "BPS": "ORG", "Amalia": "LOC"}))
    assert ("Badan Pusat Statistik", "ORG") in found
    # a known place there is the branch's
    found = ents(ruled("Kepolisian Daerah (Polda) Bali menangkap pelaku.",
                       {"Kepolisian Daerah": "ORG", "Polda": "ORG", "Bali": "LOC"}))
    assert found[0][1] == "ORG" and "Bali" in found[0][0]


def test_a_name_word_with_an_apostrophe_is_part_of_the_persons_name(ruled):
    found = ents(ruled("Gubernur Kalimantan Timur Rudy Mas'ud meresmikan jalan tol.",
                       {"Kalimantan Timur": "LOC", "Rudy": "PER"}))
    assert ("Rudy Mas'ud", "PER") in found
    found = ents(ruled("Hadir pula Ma'ruf Hidayat kemarin.", {"Hidayat": "PER"}))
    assert found == [("Ma'ruf Hidayat", "PER")]


def test_a_span_with_no_letter_names_nothing(ruled):
    assert ents(ruled("Startup itu memangkas 200 karyawan.", {"200": "ORG"})) == []


def test_a_name_a_span_holds_is_that_entity_where_the_article_writes_it_again(ruled):
    text = ("Maskapai Garuda Wisata menambah penerbangan. Corporate Communications Garuda Wisata "
            "Danang Mandala Prihantoro mengatakan hal itu.")
    found = ents(ruled(text, {"Garuda Wisata": "ORG", "Mandala Prihantoro": "PER"}))
    assert found.count(("Garuda Wisata", "ORG")) == 2
    # the first name the model left between the organisation and its person is the person's
    assert ("Danang Mandala Prihantoro", "PER") in found


def test_an_english_titles_field_after_of_is_no_part_of_the_companys_name(ruled):
    found = ents(ruled("Head of Research Mandala Sekuritas Rina Kartika memperkirakan indeks menguat.",
                       {"Rina Kartika": "PER"}))
    assert ("Mandala Sekuritas", "ORG") in found


def test_a_units_name_after_its_number_and_slash_is_no_person(ruled):
    found = ents(ruled("Danrem 061/Suryakancana Kolonel Inf Rudi Saputra memimpin apel.",
                       {"Suryakancana": "PER", "Rudi Saputra": "PER"}))
    assert ("Suryakancana", "PER") not in found and ("Rudi Saputra", "PER") in found


def test_a_noun_of_what_a_company_owns_opening_a_sentence(ruled):
    assert ents(ruled("Karyawan Sritama menggelar aksi di depan pabrik.")) == [("Sritama", "ORG")]
    # a headline's title-case line names nothing by it
    assert ents(ruled("Pabrik Baru Dibangun Pekan Ini")) == []


def test_a_name_before_dan_and_a_business_words_company_is_its_own(ruled):
    found = ents(ruled("Foxconn membangun pabrik bersama Gogoro dan Nusantara Energy."))
    assert ("Gogoro", "ORG") in found and ("Nusantara Energy", "ORG") in found


def test_co_limited_is_a_legal_form(ruled):
    found = ents(ruled("Kontrak dengan Zhongshan Battery Technology Co. Limited (ZBT) diteken."))
    assert ("Zhongshan Battery Technology Co. Limited", "ORG") in found


def test_a_persons_other_name_after_atau_is_the_same_person(ruled):
    doc = ruled("Ketua Komisi IV Siti Hediati Hariyani atau Titiek Suharno meminta Bulog menyerap gabah.",
                {"Siti Hediati Hariyani": "PER", "Suharno": "PER"})
    assert consolidated(doc, "PER") == [("Siti Hediati Hariyani", ["Titiek Suharno"])]
    # a second name the model saw whole may be another person
    doc = ruled("Hadir Budi Santoso atau Andi Wijaya dalam acara itu.", {"Budi Santoso": "PER", "Andi Wijaya": "PER"})
    assert len(consolidated(doc, "PER")) == 2


def test_an_english_name_of_a_place_the_model_cut_is_one_organisation(ruled):
    found = ents(ruled("Bank sentral itu, People's Bank of China, memangkas suku bunga.",
                       {"People's Bank": "ORG", "China": "LOC"}))
    assert ("People's Bank of China", "ORG") in found and ("China", "LOC") not in found


def test_a_one_word_holder_after_a_prefix_and_a_known_body(ruled):
    found = ents(ruled("Wakil Ketua Umum Partai Gerindra Habiburokhman menyebut hal itu wajar."))
    assert ("Partai Gerindra", "ORG") in found and ("Habiburokhman", "PER") in found
    # an ordinary word after the body is the body's ("Partai Buruh Indonesia")
    assert ents(ruled("Ketua Partai Buruh Indonesia hadir.")) == [("Partai Buruh Indonesia", "ORG")]


@pytest.mark.parametrize("text, model, want", [
    ("Jembatan gantung di Sungai Cikaso putus.", {"Jembatan gantung": "LOC", "Sungai Cikaso": "LOC"},
     [("Sungai Cikaso", "LOC")]),
    ("Bank sentral memangkas bunga acuan.", {"Bank sentral": "ORG"}, []),
])
def test_a_kind_and_lower_case_words_are_no_name(ruled, text, model, want):
    assert ents(ruled(text, model)) == want


def test_an_abbreviated_post_alone_is_no_place(ruled):
    found = ents(ruled("Menkomdigi Meutya Hafid menyebut pemblokiran berlanjut.",
                       {"Menkomdigi": "LOC", "Meutya Hafid": "PER"}))
    assert found == [("Meutya Hafid", "PER")]
