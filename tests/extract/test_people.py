"""The entity fixes of people.py: a person's name keeps no rank, title or organisation, and
a pair of persons joined by a hyphen is two.  Sentences written for these tests."""

from __future__ import annotations

import pytest
from linker_cases import linked, listed

from warta.extract.people import fix_entities
from warta.extract.roles import roles
from warta.extract import Facts
from warta.model import Entity


def _given(text: str, column: str) -> list[Entity]:
    """The row's entities with every mention of each of their forms."""
    from linker_cases import regen
    return regen().entities(text, listed(column))


def _people(text: str, column: str) -> dict[str, list[str]]:
    return {e.name: [text[a:b] for a, b in e.mentions] for e in fix_entities(text, _given(text, column))
            if e.type == "PER"}


def _orgs(text: str, column: str) -> set[str]:
    return {e.name for e in fix_entities(text, _given(text, column)) if e.type == "ORG"}


# text, entities the NER gave (TYPE:Name=Alias|…), the persons after the fixes (name: mentions)
@pytest.mark.parametrize("text,given,people", [
    ("Irjen Wahyu Santika meninjau lokasi.", "PER:Irjen Wahyu Santika",
     {"Wahyu Santika": ["Wahyu Santika"]}),
    ("Kapolda Riau Irjen Wahyu Santika meninjau lokasi.", "PER:Riau Irjen Wahyu Santika",
     {"Wahyu Santika": ["Wahyu Santika"]}),
    ("Upacara dipimpin Brigjen Pol Hendra Kusuma di lapangan.", "PER:Brigjen Pol Hendra Kusuma",
     {"Hendra Kusuma": ["Hendra Kusuma"]}),
    ("Kasat Reskrim AKP Dodi Firmansyah menjelaskan kronologinya.", "PER:AKP Dodi Firmansyah",
     {"Dodi Firmansyah": ["Dodi Firmansyah"]}),
    ("Kepala BNPB Rahmat Sulaiman meninjau pengungsi.", "PER:BNPB Rahmat Sulaiman",
     {"Rahmat Sulaiman": ["Rahmat Sulaiman"]}),
    ("Pelatih Persebaya Paul Munster memuji pemainnya. Persebaya menang dua gol.",
     "PER:Persebaya Paul Munster|ORG:Persebaya", {"Paul Munster": ["Paul Munster"]}),
    ("Pasangan Andi Permana-Budi Setiawan unggul di tiga kecamatan.", "PER:Andi Permana-Budi Setiawan",
     {"Andi Permana": ["Andi Permana"], "Budi Setiawan": ["Budi Setiawan"]}),
    ("Pasangan Andi Permana-Budi Setiawan unggul. Kemenangan Andi-Budi dirayakan warga.",
     "PER:Andi Permana-Budi Setiawan|PER:Andi-Budi",
     {"Andi Permana": ["Andi Permana", "Andi"], "Budi Setiawan": ["Budi Setiawan", "Budi"]}),
    # not pairs, not titles: the name stays as it is
    ("Pemain asal Prancis Jean-Pierre Dumont mencetak gol.", "PER:Jean-Pierre Dumont",
     {"Jean-Pierre Dumont": ["Jean-Pierre Dumont"]}),
    ("Presiden Korea Selatan Lee Jae-myung tiba di Jakarta.", "PER:Lee Jae-myung",
     {"Lee Jae-myung": ["Lee Jae-myung"]}),
    ("Joko Widodo hadir. Jokowi lalu berpidato.", "PER:Joko Widodo=Jokowi",
     {"Joko Widodo": ["Joko Widodo", "Jokowi"]}),
    ("Wakil Ketua DPRD Made Sutama membuka sidang.", "PER:Made Sutama",
     {"Made Sutama": ["Made Sutama"]}),
    # a place prefix and its place before the name
    ("Kepala Pelaksana BPBD Kabupaten Sukamaju Asep Sukmana mengatakan 20 rumah rusak.",
     "PER:Kabupaten Sukamaju Asep Sukmana", {"Asep Sukmana": ["Asep Sukmana"]}),
    # a province's short form (lang/id/provinces.tsv) before the name
    ("Ketua DPRD Jatim Rudi Kurniawan menyambut baik.", "PER:Jatim Rudi Kurniawan",
     {"Rudi Kurniawan": ["Rudi Kurniawan"]}),
])
def test_a_person_keeps_only_the_name(text, given, people):
    assert _people(text, given) == people


def test_the_organisation_cut_off_a_name_stays_an_organisation():
    text = "Gubernur BI Sutrisno Hadi mengatakan suku bunga tetap. Bank Indonesia (BI) menjaga rupiah."
    given = "PER:BI Sutrisno Hadi=Bank Indonesia=BI"
    assert _people(text, given) == {"Sutrisno Hadi": ["Sutrisno Hadi"]}
    assert _orgs(text, given) == {"Bank Indonesia"}


@pytest.mark.parametrize("text, given, orgs", [
    # a title's field word opening the name stays the name's when its acronym spells it
    ("Peneliti Indonesia Budget Watch (IBW) Kurnia Santosa menilai pasal itu lemah.",
     "ORG:Indonesia Budget Watch=IBW|PER:Kurnia Santosa", {"Indonesia Budget Watch"}),
    # no such acronym: the post's field comes off ("Kepala Riset …")
    ("Kepala Riset Nusa Capital Alfred Simanjuntak menilai koreksi wajar.",
     "ORG:Riset Nusa Capital|PER:Alfred Simanjuntak", {"Nusa Capital"}),
])
def test_a_field_word_spelled_by_the_organisations_acronym_stays_its(text, given, orgs):
    assert _orgs(text, given) == orgs


def test_a_holder_run_into_an_organisation_the_article_names_goes_back():
    # "PT Sukamaju (Persero)" named before: the model's "PT Sukamaju Miftahul Arifin" after
    # a title is that company's mention and the holder
    text = ("PT Sukamaju (Persero) siap menyerap garam. “Kami membeli,” ujar Sekretaris Perusahaan "
            "PT Sukamaju Miftahul Arifin.")
    got = fix_entities(text, _given(text, "ORG:PT Sukamaju (Persero)|ORG:PT Sukamaju Miftahul Arifin"))
    assert [(e.name, e.type, len(e.mentions)) for e in got] == [
        ("PT Sukamaju (Persero)", "ORG", 2), ("Miftahul Arifin", "PER", 1)]


def test_an_organisation_over_a_list_of_posts_is_two():
    text = "Ia melantik Kepala Dinas Sosial dan Kepala Dinas Perhubungan kemarin."
    assert _orgs(text, "ORG:Dinas Sosial dan Kepala Dinas Perhubungan") == {"Dinas Sosial", "Dinas Perhubungan"}


def _roles(text: str, column: str) -> list[tuple[str, str, str | None]]:
    return [(r.person, r.title, r.org) for r in linked(text, column)["roles"]]


def test_appointees_listed_each_take_their_title():
    text = ("Dalam pelantikan itu, Agus Salim, Dedi Kurnia dan Hendra Wijaya masing-masing sebagai "
            "Kepala Dinas Pendidikan, Kepala Dinas Sosial dan Kepala Dinas Perhubungan.")
    given = "PER:Agus Salim|PER:Dedi Kurnia|PER:Hendra Wijaya|ORG:Dinas Pendidikan|ORG:Dinas Sosial|ORG:Dinas Perhubungan"
    assert sorted(_roles(text, given)) == [("Agus Salim", "Kepala", "Dinas Pendidikan"),
                                          ("Dedi Kurnia", "Kepala", "Dinas Sosial"),
                                          ("Hendra Wijaya", "Kepala", "Dinas Perhubungan")]


def test_appointees_listed_under_one_title_share_it():
    text = "Rapat menetapkan Siti Aminah dan Yusuf Rahman sebagai anggota Dewan Pengawas Koperasi Maju."
    got = sorted(_roles(text, "PER:Siti Aminah|PER:Yusuf Rahman"))
    assert [(p, t) for p, t, _ in got] == [("Siti Aminah", "anggota Dewan Pengawas Koperasi Maju"),
                                          ("Yusuf Rahman", "anggota Dewan Pengawas Koperasi Maju")]


def test_a_candidate_pair_shares_its_title():
    text = "Pasangan calon nomor urut 2 Andi Permana-Budi Setiawan unggul di tiga kecamatan."
    got = _roles(text, "PER:Andi Permana-Budi Setiawan")
    assert got == [("Andi Permana", "Pasangan calon nomor urut 2", None),
                   ("Budi Setiawan", "Pasangan calon nomor urut 2", None)]


@pytest.mark.parametrize("text,given", [
    ("Brigjen Pol Hendra Kusuma memimpin apel pagi.", "PER:Hendra Kusuma"),
    ("Apel dipimpin AKBP Yoga Pratama sejak pagi.", "PER:Yoga Pratama"),
    ("Kata Agus, Budi Santoso sebagai Kepala Dinas Sosial hadir.", "PER:Agus|PER:Budi Santoso"),
])
def test_a_rank_alone_or_a_list_without_a_joiner_gives_no_extra_role(text, given):
    got = roles(Facts.of(text, fix_entities(text, _given(text, given))))
    assert [r.person for r in got] in ([], ["Budi Santoso"])


def test_an_organisation_glued_to_the_name_after_it_gives_the_person_back():
    text = ("Sekretaris Perusahaan PT Pasar Modal Nusantara Hendra Adiguna Putra mengatakan perdagangan "
            "dihentikan. Langkah itu diambil PT Pasar Modal Nusantara sesuai aturan.")
    glued = "PT Pasar Modal Nusantara Hendra Adiguna Putra"
    given = [Entity("o", glued, "ORG",
                    mentions=[(22, 22 + len(glued)), (text.rindex("PT"), text.rindex("PT") + 24)])]
    fixed = {(e.name, e.type): [text[a:b] for a, b in e.mentions] for e in fix_entities(text, given)}
    assert fixed == {("PT Pasar Modal Nusantara", "ORG"): ["PT Pasar Modal Nusantara"] * 2,
                     ("Hendra Adiguna Putra", "PER"): ["Hendra Adiguna Putra"]}


@pytest.mark.parametrize("text,glued,short", [
    # a subsidiary: no word of the "name" is a known person's name
    ("Laba Pertiwi Sinar Niaga naik tahun ini. Induknya, Pertiwi, mencatat laba.", "Pertiwi Sinar Niaga", "Pertiwi"),
    # the region of an office
    ("Kantor Perwakilan Bank Nusa Jawa Timur Hendra Wijaya hadir. Bank Nusa menjaga rupiah.",
     "Bank Nusa Jawa Timur", "Bank Nusa"),
])
def test_an_organisation_running_on_into_no_person_stays_whole(text, glued, short):
    a, b = text.index(glued), text.rindex(short)
    given = [Entity("o", glued, "ORG", mentions=[(a, a + len(glued))]),
             Entity("p", short, "ORG", mentions=[(b, b + len(short))])]
    assert sorted(e.name for e in fix_entities(text, given) if e.type == "ORG") == sorted([glued, short])


def test_a_name_after_a_title_and_its_organisation_is_found():
    text = "Direktur Utama PT Sinar Laut Perkasa Anwar Hidayat mengatakan kapal itu baru diperiksa."
    given = [Entity("o", "PT Sinar Laut Perkasa", "ORG", mentions=[(15, 36)])]
    assert [(e.name, e.type) for e in fix_entities(text, given) if e.type == "PER"] == [("Anwar Hidayat", "PER")]


@pytest.mark.parametrize("text,name,kept", [
    ("Trading halt itu dipicu penurunan indeks.", "Trading halt", False),
    ("Gol dicetak Virgil van Dijk pada menit kedua.", "Virgil van Dijk", True),
    ("Ahmad bin Yusuf hadir di sidang.", "Ahmad bin Yusuf", True),
])
def test_a_person_has_no_lower_case_word_but_its_particles(text, name, kept):
    start = text.index(name)
    given = [Entity("p", name, "PER", mentions=[(start, start + len(name))])]
    assert any(e.name == name for e in fix_entities(text, given)) is kept


@pytest.mark.parametrize("text,given,person", [
    # a one-word name set off by commas after a whole title
    ("Kepala Kantor Pertanahan Kelas II Sleman, Sukardi, menjelaskan prosesnya.", "LOC:Sukardi", "Sukardi"),
    # the same word written as a place elsewhere stays a place
    ("Kepala Kantor Pertanahan Kelas II Sleman, Sukardi, menjelaskan. Warga datang dari Sukardi.",
     "LOC:Sukardi", None),
    # an organisation word opening a "person" makes it an organisation
    ("Kepala Kantor Kesyahbandaran Laut Jaya, Purnomo, menjelaskan.", "PER:Kantor Kesyahbandaran|PER:Purnomo",
     "Purnomo"),
])
def test_a_name_apposed_to_a_title(text, given, person):
    people = [e.name for e in fix_entities(text, _given(text, given)) if e.type == "PER"]
    assert people == ([person] if person else [])


def test_every_occurrence_of_a_person_is_a_mention():
    text = "Tim dipimpin Kusworo sejak pagi. Kusworo kembali ke posko. Kusworo Adi datang. Kata Kusworo, cuaca buruk."
    start = text.index("Kusworo kembali")
    given = [Entity("p", "Kusworo", "PER", mentions=[(start, start + 7)]),
             Entity("q", "Kusworo Adi", "PER", mentions=[(text.index("Kusworo Adi"), text.index("Kusworo Adi") + 11)])]
    got = {e.name: [a for a, b in e.mentions] for e in fix_entities(text, given)}
    assert got == {"Kusworo": [13, start, text.rindex("Kusworo")], "Kusworo Adi": [text.index("Kusworo Adi")]}


def test_a_person_after_a_titled_organisation_is_a_mention():
    # the model missed the holder after "Ketua MK" and found the speaker later
    text = "Ketua MK Wiranto Sasmito membacakan putusan. \"Ditolak,\" kata Wiranto Sasmito."
    given = [Entity("o", "MK", "ORG", mentions=[(6, 8)]),
             Entity("p", "Wiranto Sasmito", "PER", mentions=[(text.rindex("Wiranto"), text.rindex("Wiranto") + 15)])]
    got = {e.name: [a for a, b in e.mentions] for e in fix_entities(text, given)}
    assert got["Wiranto Sasmito"] == [9, text.rindex("Wiranto")]
    # no title before the organisation: a longer name, no mention
    text = "Gedung MK Wiranto Sasmito dibuka. \"Ditolak,\" kata Wiranto Sasmito."
    given = [Entity("o", "MK", "ORG", mentions=[(7, 9)]),
             Entity("p", "Wiranto Sasmito", "PER", mentions=[(text.rindex("Wiranto"), text.rindex("Wiranto") + 15)])]
    got = {e.name: [a for a, b in e.mentions] for e in fix_entities(text, given)}
    assert got["Wiranto Sasmito"] == [text.rindex("Wiranto")]


@pytest.mark.parametrize("text,given,people,other", [
    # the club stands alone elsewhere: the NER glued it to the coach
    ("Pelatih Persikota Hans Muller memuji pemainnya. Persikota menang dua gol.",
     "ORG:Persikota Hans Muller", {"Hans Muller"}, ("Persikota", "ORG")),
    # the person is called by a later word of the name, never by the first
    ("Direktur Eksekutif Inkoma Tauhid Rahman menilai kebijakan itu terlambat. Menurut Tauhid, pajak naik.",
     "PER:Inkoma Tauhid Rahman=Tauhid", {"Tauhid Rahman"}, ("Inkoma", "ORG")),
    # after a title over a territory the word cut off is a place, the short name joins the person
    ("Rapat dipimpin Plt Bupati Sukaraja Iwan Setiadi. Kata Iwan, camat wajib hadir.",
     "LOC:Sukaraja Iwan Setiadi|PER:Iwan", {"Iwan Setiadi"}, ("Sukaraja", "LOC")),
    # a first name used alone keeps the whole name
    ("Gubernur Khofifah Indar Parawansa meninjau pasar. Khofifah lalu berpidato.",
     "PER:Khofifah Indar Parawansa=Khofifah", {"Khofifah Indar Parawansa"}, None),
    # the later words stand only inside the name itself (the NER's span of them): no one
    # calls the person so, the first word is the person's
    ("Kebijakan itu di bawah Menteri Keuangan Purbaya Yudhi Sadewa.",
     "PER:Purbaya Yudhi Sadewa=Yudhi Sadewa", {"Purbaya Yudhi Sadewa"}, None),
    # called by a later word, but the first is a given name of the lists: the person's
    ("Menteri Pertanian Andi Rahman Sulaiman meninjau gudang. “Stok aman,” kata Rahman.",
     "PER:Andi Rahman Sulaiman=Rahman", {"Andi Rahman Sulaiman"}, None),
])
def test_a_name_led_by_an_untyped_organisation_or_place(text, given, people, other):
    fixed = fix_entities(text, _given(text, given))
    assert {e.name for e in fixed if e.type == "PER"} == people
    assert [(e.name, e.type) for e in fixed if e.type != "PER"] == ([other] if other else [])


def test_a_name_set_off_after_a_title_and_its_organisation_is_a_person():
    text = "Hal itu disampaikan Sekretaris Perusahaan PT Bursa Niaga Raya, Wira Adi Putra melalui keterangan tertulis."
    given = "ORG:PT Bursa Niaga Raya|LOC:Wira Adi Putra"
    assert _people(text, given) == {"Wira Adi Putra": ["Wira Adi Putra"]}


@pytest.mark.parametrize("text,given,want", [
    # a title right before the next person is that person's, not the one before the comma
    ("Rapat dihadiri Menteri Keuangan Sri Hartati, Menteri Perdagangan Budi Santoso dan warga.",
     "PER:Sri Hartati|PER:Budi Santoso",
     [("Sri Hartati", "Menteri Keuangan"), ("Budi Santoso", "Menteri Perdagangan")]),
    # "A sebagai T1, B sebagai T2": T1 is A's only
    ("Presiden melantik Rudi Salim sebagai Menteri Kesehatan, Wati Sari sebagai Menteri Keuangan, "
     "dan Hasan Basri sebagai Menteri Sosial.",
     "PER:Rudi Salim|PER:Wati Sari|PER:Hasan Basri",
     [("Rudi Salim", "Menteri Kesehatan"), ("Wati Sari", "Menteri Keuangan"), ("Hasan Basri", "Menteri Sosial")]),
    # a bracketed rank suffix before the name is neither title nor name
    ("Hadir pula eks Kapolda Banten Irjen (Purn) Agung Wibowo di acara itu.", "PER:Agung Wibowo",
     [("Agung Wibowo", "eks Kapolda Banten")]),
])
def test_each_person_of_a_sentence_keeps_their_own_title(text, given, want):
    assert sorted((p, t) for p, t, _ in _roles(text, given)) == sorted(want)


def test_a_place_cut_off_two_names_is_one_place():
    text = "Ketua DPRD Jatim Rudi Kurniawan hadir. Mantan Kepala Bappeda Jatim Andi Wirawan juga."
    got = fix_entities(text, _given(text, "PER:Jatim Rudi Kurniawan|PER:Jatim Andi Wirawan"))
    places = [(e.name, len(e.mentions)) for e in got if e.type == "LOC"]
    assert places == [("Jatim", 2)]


def test_an_organisation_cut_off_a_name_joins_the_entity_it_is_an_alias_of():
    text = ("Dewan Perwakilan Rakyat (DPR) bersidang. Ketua Komisi III DPR Habibi Rahman menambahkan "
            "catatan.")
    got = fix_entities(text, _given(text, "ORG:Dewan Perwakilan Rakyat=DPR|ORG:Komisi III|PER:DPR Habibi Rahman"))
    orgs = [(e.name, e.aliases, len(e.mentions)) for e in got if e.type == "ORG"]
    assert ("Dewan Perwakilan Rakyat", ["DPR"], 3) in orgs and not any(n == "DPR" for n, _, _ in orgs)
    assert "Habibi Rahman" in {e.name for e in got if e.type == "PER"}


def test_an_organisation_run_on_into_a_holder_named_elsewhere_is_split():
    text = ("Keputusan itu diumumkan Ketua Umum Partai Karya Bangsa Rudi Hartawan di Jakarta. "
            "\"Kami siap,\" kata Rudi.")
    got = fix_entities(text, _given(text, "ORG:Partai Karya Bangsa Rudi Hartawan|PER:Rudi"))
    assert [(e.name, e.type) for e in got if e.type == "ORG"] == [("Partai Karya Bangsa", "ORG")]
    people = [(e.name, e.aliases, len(e.mentions)) for e in got if e.type == "PER"]
    assert people == [("Rudi Hartawan", ["Rudi"], 2)]


def test_an_organisation_ending_in_a_name_nobody_else_bears_stays_whole():
    text = "Ketua Yayasan Budi Luhur hadir. Rudi Hartawan juga."
    got = fix_entities(text, _given(text, "ORG:Yayasan Budi Luhur|PER:Rudi Hartawan"))
    assert "Yayasan Budi Luhur" in {e.name for e in got if e.type == "ORG"}


def test_an_organisation_run_on_into_a_person_the_name_lists_know_is_split():
    text = "Ketua Umum Partai Karya Bangsa Puan Maharani hadir di Jakarta."
    got = fix_entities(text, _given(text, "ORG:Partai Karya Bangsa Puan Maharani"))
    assert sorted((e.name, e.type) for e in got) == [("Partai Karya Bangsa", "ORG"), ("Puan Maharani", "PER")]


def test_a_company_the_lists_know_glued_before_its_officer_is_cut_off():
    text = "CEO Tesla Rudi Hartawan Wijaya bertemu menteri."
    got = fix_entities(text, _given(text, "PER:Tesla Rudi Hartawan Wijaya"))
    assert sorted((e.name, e.type) for e in got) == [("Rudi Hartawan Wijaya", "PER"), ("Tesla", "ORG")]


def test_two_institutions_joined_by_a_hyphen_are_two():
    text = "Personel TNI-Polri dikerahkan. TNI juga membantu warga."
    got = fix_entities(text, _given(text, "ORG:TNI-Polri|ORG:TNI"))
    assert sorted((e.name, len(e.mentions)) for e in got) == [("Polri", 1), ("TNI", 2)]


def test_a_hyphenated_company_name_stays_one():
    text = "Saham Coca-Cola naik."
    assert [e.name for e in fix_entities(text, _given(text, "ORG:Coca-Cola"))] == ["Coca-Cola"]


def test_a_name_after_a_title_does_not_start_on_an_organisation_s_words():
    text = "Kapuspenkum Kejagung Rudi Hartawan menjelaskan modus itu."
    got = fix_entities(text, _given(text, "ORG:Kejagung"))
    assert sorted((e.name, e.type) for e in got) == [("Kejagung", "ORG"), ("Rudi Hartawan", "PER")]


@pytest.mark.parametrize("text,given,orgs,people", [
    # a province ends the office's name: the words after it are its head
    ("Kepala Dinas Pendidikan DKI Jakarta Sumarsono mengatakan sekolah tetap buka.",
     "ORG:Dinas Pendidikan DKI Jakarta Sumarsono", ["Dinas Pendidikan DKI Jakarta"], ["Sumarsono"]),
    ("Kepala Dinas Kesehatan Jawa Timur Rudi Hartawan meninjau puskesmas.",
     "ORG:Dinas Kesehatan Jawa Timur Rudi Hartawan", ["Dinas Kesehatan Jawa Timur"], ["Rudi Hartawan"]),
    # a legal form after the country is the company's, not a name
    ("Direktur PT Sumber Makmur Indonesia Tbk hadir.", "ORG:PT Sumber Makmur Indonesia Tbk",
     ["PT Sumber Makmur Indonesia Tbk"], []),
    # an ordinary word after the place is no name either
    ("Kepala Dinas Kesehatan Jawa Timur Selatan hadir.", "ORG:Dinas Kesehatan Jawa Timur Selatan",
     ["Dinas Kesehatan Jawa Timur Selatan"], []),
])
def test_an_office_ending_in_its_place_is_cut_from_its_holder(text, given, orgs, people):
    got = fix_entities(text, _given(text, given))
    assert [e.name for e in got if e.type == "ORG"] == orgs
    assert [e.name for e in got if e.type == "PER"] == people


@pytest.mark.parametrize("text,given,person", [
    # the holder after the post's body and the place that ends its name
    ("Menurut Ketua Umum Kadin Indonesia Rudi Hartawan, investasi harus dipermudah.", "ORG:Kadin",
     "Rudi Hartawan"),
    # a one-word holder after a chain of bodies, the sentence going on in lower case
    ("Anggota Komisi VII DPR RI Sumarsono meminta pemerintah menunda kenaikan harga.",
     "ORG:Komisi VII|ORG:DPR RI", "Sumarsono"),
    ("Juru bicara Kemenlu Sumarsono mengatakan hal itu.", "ORG:Kemenlu", "Sumarsono"),
    # a one-word holder after a plain title, the sentence going on in lower case
    ("Menteri Luar Negeri Sumarsono melakukan kunjungan kerja.", "", "Sumarsono"),
    # the post's territory, then its holder: the place is no part of the name
    ("Bupati Sukamaju Herman Sutisna menetapkan status darurat.", "LOC:Sukamaju", "Herman Sutisna"),
])
def test_the_holder_after_a_posts_body_is_a_person(text, given, person):
    got = fix_entities(text, _given(text, given))
    assert [e.name for e in got if e.type == "PER"] == [person]


@pytest.mark.parametrize("text,given", [
    ("Kepala BPS Jawa Timur mengatakan inflasi turun.", "ORG:BPS|LOC:Jawa Timur"),
    ("Anggota Komisi VII DPR RI Selatan hadir.", "ORG:Komisi VII|ORG:DPR RI"),
    ("Juru bicara Kemenlu Senin mengatakan hal itu.", "ORG:Kemenlu"),
])
def test_no_holder_where_no_name_follows_the_body(text, given):
    assert [e.name for e in fix_entities(text, _given(text, given)) if e.type == "PER"] == []


@pytest.mark.parametrize("text,given,want", [
    # a name with a digit is no person's: with a year an event, else a product or series
    ("Pendaftaran Pilgub Sumsel 2024 dibuka hari ini.", "PER:Pilgub Sumsel 2024", ("Pilgub Sumsel 2024", "EVENT")),
    ("Penjualan Nusaphone X12 naik tajam.", "PER:Nusaphone X12", ("Nusaphone X12", "PRODUCT")),
    # a unit's head word opens no person's name
    ("Kepala Biro Hukum Sekretariat Daerah hadir.", "PER:Biro Hukum", ("Biro Hukum", "ORG")),
])
def test_names_no_person_bears_are_retyped(text, given, want):
    assert [(e.name, e.type) for e in fix_entities(text, _given(text, given))] == [want]


@pytest.mark.parametrize("text,given,orgs,people", [
    # the model's organisation took the first name of the person after it
    ("Sekretaris Perusahaan KAI Commuter Joni Martinus mengatakan perjalanan normal.",
     "ORG:KAI Commuter Joni|PER:Martinus", ["KAI Commuter"], ["Joni Martinus"]),
    ("Kepala Badan Pangan Daerah Sunarso Wibowo meninjau pasar.",
     "ORG:Badan Pangan Daerah Sunarso|PER:Wibowo", ["Badan Pangan Daerah"], ["Sunarso Wibowo"]),
    # a word of the dictionary ends the company's name: it stays there
    ("Direktur PT Sinar Jaya Budi Santoso hadir.", "ORG:PT Sinar Jaya|PER:Budi Santoso",
     ["PT Sinar Jaya"], ["Budi Santoso"]),
    # a table acronym and a one-word holder after a title, the sentence going on in lower case
    ("Kepala Pusat Data dan Informasi BNPB Sumarsono mengatakan korban bertambah.",
     "ORG:Pusat Data dan Informasi|ORG:BNPB Sumarsono", ["Pusat Data dan Informasi", "BNPB"], ["Sumarsono"]),
    # a place after a title that took the first name
    ("Kepala BPBD Kota Sukamaju Enung Nurcholis mengatakan air naik.", "ORG:BPBD|LOC:Kota Sukamaju Enung|PER:Nurcholis",
     ["BPBD"], ["Enung Nurcholis"]),
    # a body the acronym table knows and a one-word holder, the sentence going on in lower case
    ("Kepala Badan Pusat Statistik Sumarsono hadir.", "ORG:Badan Pusat Statistik Sumarsono",
     ["Badan Pusat Statistik"], ["Sumarsono"]),
    # a company's business word is no first name
    ("Kepala Riset Nusa Capital Alfred Simanjuntak menilai koreksi wajar.",
     "ORG:Riset Nusa Capital|PER:Alfred Simanjuntak", ["Nusa Capital"], ["Alfred Simanjuntak"]),
    # a connector opens what the field would leave: the ministry's field stays whole
    ("Menteri Energi dan Sumber Daya Mineral (ESDM) Budi Santoso hadir.",
     "ORG:Energi dan Sumber Daya Mineral|ORG:ESDM|PER:Budi Santoso",
     ["Energi dan Sumber Daya Mineral", "ESDM"], ["Budi Santoso"]),
    # an organisation the article names alone took the coach's first name
    ("Persib menang. Pelatih Persib Bojan Hodak puas.", "ORG:Persib|ORG:Persib Bojan|PER:Hodak",
     ["Persib"], ["Bojan Hodak"]),
    # no title before the organisation: nothing moves
    ("Saham Nusa Commuter Joni turun. Martinus menjual.", "ORG:Nusa Commuter Joni|PER:Martinus",
     ["Nusa Commuter Joni"], ["Martinus"]),
])
def test_a_first_name_taken_by_the_organisation_before_goes_back(text, given, orgs, people):
    got = fix_entities(text, _given(text, given))
    assert [e.name for e in got if e.type == "ORG"] == orgs
    assert [e.name for e in got if e.type == "PER"] == people


@pytest.mark.parametrize("text,given,people", [
    # the model left the first name between the body and the rest of the name
    ("Direktur Utama PLN Darmawan Prasodjo menyebut pasokan aman. Menurut Prasodjo, cukup.",
     "ORG:PLN|PER:Prasodjo", [("Darmawan Prasodjo", 2)]),
    # the model's body took the first name of a person it saw after it, past a place
    ("Ekonom Universitas Indonesia Fithra Faisal Hastiadi menilai rupiah tertekan.",
     "ORG:Universitas Indonesia Fithra|PER:Faisal Hastiadi", [("Fithra Faisal Hastiadi", 1)]),
    # the post's field after a title is no first name
    ("Menko Polhukam Budi Santoso mengatakan situasi aman.", "PER:Budi Santoso", [("Budi Santoso", 1)]),
    # after a whole post that names its office, the word left out is the first name
    ("Menteri Sosial Saifullah Yusuf hadir di lokasi.", "PER:Yusuf", [("Saifullah Yusuf", 1)]),
    # a unit that goes on after the field is no first name
    ("Dirjen Industri Kimia Budi Santoso hadir.", "PER:Budi Santoso", [("Budi Santoso", 1)]),
])
def test_a_first_name_the_model_left_out_joins_the_person(text, given, people):
    got = fix_entities(text, _given(text, given))
    assert [(e.name, len(e.mentions)) for e in got if e.type == "PER"] == people


@pytest.mark.parametrize("text,given,people", [
    # after a word for a pair of candidates a hyphenated name is two persons, whatever their lengths
    ("Partai itu mendukung pasangan Ridwan Santoso-Suswono di Pilkada.", "PER:Ridwan Santoso-Suswono",
     ["Ridwan Santoso", "Suswono"]),
    ("Pasangan calon nomor urut 2 Bagus-Gibran unggul.", "PER:Bagus-Gibran", ["Bagus", "Gibran"]),
    # without one, a one-word side keeps the name whole
    ("Keluarga Ridwan Santoso-Suswono datang.", "PER:Ridwan Santoso-Suswono", ["Ridwan Santoso-Suswono"]),
])
def test_a_pair_of_candidates_is_two_persons(text, given, people):
    assert [e.name for e in fix_entities(text, _given(text, given)) if e.type == "PER"] == people


def test_a_province_set_off_after_a_posts_body_is_no_person():
    text = "Andi Wijaya, Ketua Kadin Jawa Timur, menyebut ekonomi tumbuh."
    got = fix_entities(text, _given(text, "PER:Andi Wijaya|ORG:Kadin|LOC:Jawa Timur"))
    assert sorted((e.name, e.type) for e in got) == [("Andi Wijaya", "PER"), ("Jawa Timur", "LOC"), ("Kadin", "ORG")]


@pytest.mark.parametrize("text,person", [
    ("Tersangka Helena Santoso ditahan di rumah tahanan.", "Helena Santoso"),
    ("Korban Siti Aminah ditemukan di sungai.", "Siti Aminah"),
    # a standing of two words: a player's event
    ("Sementara itu, tunggal putri Larasati Wening Pramesti terhenti di babak kedua.", "Larasati Wening Pramesti"),
])
def test_a_person_after_their_standing_in_a_case(text, person):
    got = fix_entities(text, [])
    assert [e.name for e in got if e.type == "PER"] == [person]
    assert roles(Facts.of(text, got)) == []  # a standing is no post


def test_a_standing_before_an_ordinary_word_is_no_person():
    assert fix_entities("Korban banjir mengungsi ke balai desa.", []) == []


@pytest.mark.parametrize("text,given,want", [
    # one word after a full name and "atau" that is made of it: a short name of the person
    ("Presiden Joko Widodo atau Jokowi meresmikan bendungan. Jokowi lalu pulang.", "PER:Joko Widodo|PER:Jokowi",
     [("Joko Widodo", ["Jokowi"])]),
    ("Susilo Bambang Yudhoyono atau SBY hadir.", "PER:Susilo Bambang Yudhoyono|PER:SBY",
     [("Susilo Bambang Yudhoyono", ["SBY"])]),
    # two people said as a choice stay two
    ("Warga memilih Prabowo atau Anies.", "PER:Prabowo|PER:Anies", [("Prabowo", []), ("Anies", [])]),
    ("Ganjar Pranowo atau Mahfud disebut.", "PER:Ganjar Pranowo|PER:Mahfud", [("Ganjar Pranowo", []), ("Mahfud", [])]),
    # a nickname's marker, then a form of address: the nickname after it is the alias
    ("Wali Kota Sukamaju Hevearita Rahayu alias Mbak Ita ditahan. Mbak Ita diam.", "PER:Hevearita Rahayu|PER:Ita",
     [("Hevearita Rahayu", ["Ita"])]),
])
def test_a_short_name_after_atau_is_an_alias(text, given, want):
    assert [(e.name, e.aliases) for e in fix_entities(text, _given(text, given))] == want


def test_a_speaker_named_after_a_description_and_a_comma_is_a_person():
    text = "“Saya kira ini langkah yang tepat,” tutur pengamat kebijakan publik dari Universitas Sukamaju, Rudi Salim."
    got = fix_entities(text, _given(text, "ORG:Universitas Sukamaju"))
    assert [(e.name, e.type) for e in got] == [("Universitas Sukamaju", "ORG"), ("Rudi Salim", "PER")]


def test_a_later_word_of_a_name_that_is_another_persons_short_name_leads_nothing():
    # "Prabowo" is Prabowo Subianto's short name, not the police chief's: no organisation "Listyo"
    text = ("Presiden Prabowo Subianto memimpin rapat. Prabowo meminta laporan. "
            "Kapolri Jenderal Pol Listyo Sigit Prabowo memberi arahan.")
    got = fix_entities(text, _given(text, "PER:Prabowo Subianto=Prabowo|PER:Listyo Sigit Prabowo"))
    assert [(e.name, e.type) for e in got] == [("Prabowo Subianto", "PER"), ("Listyo Sigit Prabowo", "PER")]


@pytest.mark.parametrize("short, name, same", [
    ("Jokowi", "Joko Widodo", True),
    ("Zulhas", "Zulkifli Hasan", True),
    ("SBY", "Susilo Bambang Yudhoyono", True),
    ("Joko", "Joko Widodo", False),      # a word of the name: the other rules' business
    ("Jonas", "Joko Santoso", False),
    ("SB", "Susilo Bambang", False),     # initials of two letters are too short to tell
])
def test_a_blend_of_a_names_openings(short, name, same):
    from warta.extract.people import _blend_of

    assert _blend_of(short, name) is same


def test_a_blended_nickname_is_the_one_person_it_is_made_of():
    from warta.pipeline import analyze

    doc = analyze("Menteri Zulkifli Hasan meninjau pasar. Zulhas mengatakan harga beras turun. "
                  "Pedagang bernama Zulfikar Hadi menyambutnya.")
    people = {e.name: e.aliases for e in doc.entities if e.type == "PER"}
    assert people.get("Zulkifli Hasan") == ["Zulhas"] and "Zulhas" not in people


def test_a_nickname_said_after_a_name_is_the_persons():
    from warta.pipeline import analyze

    doc = analyze("Juru Bicara Kemlu Rolliansyah Soemirat menjelaskan sikap pemerintah. "
                  "\"Kami mendesak gencatan senjata,\" kata Roy, sapaan akrabnya, di Jakarta.")
    people = {e.name: e.aliases for e in doc.entities if e.type == "PER"}
    assert people == {"Rolliansyah Soemirat": ["Roy"]}


def test_a_unit_of_a_body_after_a_title_is_no_person():
    # "Pusat Gempa Bumi …" after "Kepala" is the unit, not a name the NER missed
    text = "Kepala Pusat Gempa Bumi dan Tsunami BMKG Daryono menjelaskan pusat gempa berada di laut."
    got = fix_entities(text, _given(text, "ORG:BMKG|PER:Daryono"))
    assert [e.name for e in got if e.type == "PER"] == ["Daryono"]


def test_a_middle_initial_holds_a_name_together():
    text = "Direktur Jenderal Perhubungan Udara Lukman F. Laisa meminta maskapai menjaga ketepatan waktu."
    assert [e.name for e in fix_entities(text, []) if e.type == "PER"] == ["Lukman F. Laisa"]


@pytest.mark.parametrize("text, given", [
    # the post's fields go on after "dan": no person in them
    ("Direktur Bisnis Kecil dan Jaringan Bank Sentosa Aquarius Wibowo mengatakan kredit tumbuh.",
     "ORG:Bank Sentosa|PER:Aquarius Wibowo"),
    # an organisation's acronym inside the words after the title: the post's
    ("Direktur Regional WHO untuk Asia Tenggara Saima Rahman mengatakan kasus naik.",
     "ORG:WHO|LOC:Asia Tenggara|PER:Saima Rahman"),
])
def test_a_posts_words_after_its_head_are_no_missed_person(text, given):
    got = fix_entities(text, _given(text, given))
    assert [e.name for e in got if e.type == "PER"] == [given.rsplit("PER:", 1)[1]]


def test_a_nickname_with_its_honorific_after_the_marker():
    text = "Muhaimin Iskandar yang akrab disapa Cak Imin menyatakan partainya solid."
    got = fix_entities(text, _given(text, "PER:Muhaimin Iskandar|PER:Cak Imin"))
    assert [(e.name, e.aliases) for e in got if e.type == "PER"] == [("Muhaimin Iskandar", ["Cak Imin"])]


def test_a_name_typed_a_place_after_a_title_and_its_territory_is_a_person():
    text = "Menurut Sekretaris Daerah Provinsi Sumatera Utara Togar Simanjuntak, anggaran sudah disiapkan."
    got = fix_entities(text, _given(text, "LOC:Provinsi Sumatera Utara|LOC:Togar Simanjuntak"))
    assert sorted((e.name, e.type) for e in got) == [("Provinsi Sumatera Utara", "LOC"), ("Togar Simanjuntak", "PER")]


def test_a_holder_after_the_body_and_before_a_comma_is_a_person():
    text = "Rapat dihadiri Ketua DPRD Jawa Timur Musthofa Rauf, Wakil Gubernur Emil Santosa, dan warga."
    got = fix_entities(text, _given(text, "ORG:DPRD Jawa Timur|PER:Emil Santosa"))
    assert [e.name for e in got if e.type == "PER"] == ["Musthofa Rauf", "Emil Santosa"]
