"""The roles linker: every shape of a stated position, the title table, the entity fixes."""

from __future__ import annotations

import pytest
from linker_cases import CASES, entity, golden, linked, rows

from warta import extract
from warta.extract import LINKERS, Facts
from warta.extract.people import fix_entities
from warta.extract.roles import roles
from warta.extract.titles import expand
from warta.model import Entity


@pytest.mark.parametrize("text,entities,person,title,org", rows("roles"))
def test_role_shapes(text, entities, person, title, org):
    got = [(r.person, r.title, r.org) for r in linked(text, entities)["roles"]]
    assert got == [(person, title, None if org == "-" else org)]


@pytest.mark.parametrize("short,title,org", [
    ("Menperin", "Menteri Perindustrian", "Kementerian Perindustrian"),
    ("Dirjen", "Direktur Jenderal", None),
    ("Sekjen", "Sekretaris Jenderal", None),
    ("Dubes", "Duta Besar", None),
    ("Wamen", "Wakil Menteri", None),
    ("Dirut", "Direktur Utama", None),
    ("Kapolri", "Kepala Kepolisian Negara Republik Indonesia", "Kepolisian Negara Republik Indonesia"),
    ("Menteri Perindustrian", "Menteri Perindustrian", "Kementerian Perindustrian"),
    ("Presiden", "Presiden", None),
])
def test_abbreviated_titles_expand(short, title, org):
    assert expand(short) == (title, org)


def test_one_role_per_person_and_position():
    text = "Menteri Perindustrian Agus Salim hadir. Menperin Agus Salim lalu pulang. Menteri Agus Salim tersenyum."
    people = [entity("Agus Salim", "PER", text)]
    people[0] = type(people[0])(id="a", name="Agus Salim", type="PER",
                                mentions=[(22, 32), (48, 58), (80, 90)])
    got = roles(Facts.of(text, people))
    assert [(r.person, r.title) for r in got] == [("Agus Salim", "Menteri Perindustrian")]


@pytest.mark.parametrize("text, person, title, org", [
    # only the abbreviation in the article: the title as it is written there
    ("Kapolda Riau Irjen Wahyu Setiadi memastikan jalur aman.", "Wahyu Setiadi", "Kapolda Riau", None),
    ("Dirut Bulog Budi Waseso meninjau gudang.", "Budi Waseso", "Dirut Bulog", None),
    ("Menperin Agus Salim membuka pameran.", "Agus Salim", "Menperin", "Kementerian Perindustrian"),
    # the long form written elsewhere in the article: the long form
    ("Direktur Utama Bulog memimpin rapat. Dirut Bulog Budi Waseso meninjau gudang.",
     "Budi Waseso", "Direktur Utama Bulog", None),
])
def test_an_abbreviated_title_is_written_out_only_when_the_article_writes_it_out(text, person, title, org):
    got = roles(Facts.of(text, [entity(person, "PER", text)]))
    assert [(r.person, r.title, r.org) for r in got] == [(person, title, org)]


def test_no_title_no_role():
    text = "Agus Salim berjalan ke pasar bersama Budi."
    assert roles(Facts.of(text, [entity("Agus Salim", "PER", text)])) == []


def test_whom_a_player_stands_for_is_no_post():
    # a lower-case "wakil" and a country alone: the player's country, no title
    text = "Ia kalah dari wakil Jepang Haruka Moriyama di babak kedua."
    facts = Facts.of(text, [entity("Jepang", "LOC", text), entity("Haruka Moriyama", "PER", text)])
    assert roles(facts) == []
    text = "Wakil Gubernur Jawa Barat Erwin Santosa hadir."
    facts = Facts.of(text, [entity("Jawa Barat", "LOC", text), entity("Erwin Santosa", "PER", text)])
    assert [(r.person, r.title) for r in roles(facts)] == [("Erwin Santosa", "Wakil Gubernur")]


def test_linkers_run_in_reading_order():
    assert [name for name, _ in LINKERS] == ["roles", "quotes", "events"]
    assert list(extract.link("", None, {})) == ["entities", "roles", "quotes", "events"]


def test_entity_fixes():
    text = "Product Marketing Manager Clara Tan hadir. Kementerian Pertanian membuka acara."
    wrong = [entity("Clara Tan", "LOC", text), entity("Kementerian Pertanian", "LOC", text)]
    fixed = {e.name: e.type for e in fix_entities(text, wrong)}
    assert fixed == {"Clara Tan": "PER", "Kementerian Pertanian": "ORG"}


def test_a_name_the_ner_missed_after_a_title_is_added():
    text = "Duta Besar RI untuk Korea Selatan, Gandi Sulistiyanto, menerima tamu."
    fixed = fix_entities(text, [])
    assert [(e.name, e.type, e.mentions) for e in fixed] == [("Gandi Sulistiyanto", "PER", [(35, 53)])]


def _last(name: str, kind: str, text: str) -> Entity:
    start = text.rindex(name)
    return Entity(id=name, name=name, type=kind, mentions=[(start, start + len(name))])


@pytest.mark.parametrize("text, found", [
    ("Kemarin Menperin Agus Gumiwang membuka pameran.", {}),
    ("Kepala BKPM Budi Lahadi mengatakan investasi naik.", {"BKPM": "ORG"}),
    ("Kepala BKPM Budi Lahadi mengatakan investasi naik. Budi menambahkan.", {"BKPM": "ORG", "Budi": "PER"}),
])
def test_a_titled_name_the_ner_missed_is_a_person(text, found):
    given = [_last(name, kind, text) for name, kind in found.items()]
    fixed = [(e.name, e.type) for e in fix_entities(text, given)]
    name = "Agus Gumiwang" if "Menperin" in text else "Budi Lahadi"
    assert (name, "PER") in fixed and ("Budi", "PER") not in fixed


def test_one_word_person_inside_a_missed_name_joins_it():
    text = "Kepala BKPM Budi Lahadi mengatakan investasi naik. Budi menambahkan."
    fixed = fix_entities(text, [entity("BKPM", "ORG", text), _last("Budi", "PER", text)])
    (budi,) = [e for e in fixed if e.type == "PER"]
    assert budi.aliases == ["Budi"] and [text[a:b] for a, b in budi.mentions] == ["Budi Lahadi", "Budi"]


def test_post_field_before_a_known_organisation_is_that_organisation():
    text = "Direktur Public Affairs Global Sentra, Rina Wulan, hadir. Saham Sentra naik."
    given = [entity("Public Affairs Global Sentra", "ORG", text), entity("Rina Wulan", "PER", text),
             _last("Sentra", "ORG", text)]
    fixed = {e.name: [text[a:b] for a, b in e.mentions] for e in fix_entities(text, given)}
    assert "Public Affairs Global Sentra" not in fixed and fixed["Sentra"] == ["Sentra", "Sentra"]


def test_fixed_entities_are_numbered_in_text_order():
    text = "Duta Besar RI untuk Korea Selatan, Gandi Sulistiyanto, menerima tamu dari PT Maju."
    fixed = fix_entities(text, [entity("PT Maju", "ORG", text)])
    assert [(e.id, e.name) for e in fixed] == [("e1", "Gandi Sulistiyanto"), ("e2", "PT Maju")]


@pytest.mark.parametrize("case", CASES)
def test_golden_roles(case):
    got, want = golden(case)
    assert got["roles"] == want["roles"]
    assert got["entity_fixes"] == want["entity_fixes"]


@pytest.mark.parametrize("name", ["event_triggers", "quote_marks", "sentence_breaks", "speech_verbs", "titles"])
def test_linker_data_lists_are_sorted(name):
    from warta import lang

    def lists(value, path):
        if isinstance(value, dict):
            for k, v in value.items():
                yield from lists(v, f"{path}.{k}")
        elif isinstance(value, list) and all(isinstance(x, str) for x in value):
            yield path, value

    for path, items in lists(lang.load(name), name):
        assert items == sorted(items, key=str.casefold), f"{path} is not sorted"
        assert len(set(items)) == len(items), f"{path} has a word twice"


def test_a_list_of_people_with_yang_before_their_respective_titles():
    text = ("Mereka adalah Hendra Saputra, Ratna Dewi, dan Joko Susilo yang masing-masing sebagai "
            "Pj Gubernur Jambi, Pj Gubernur Bengkulu, dan Pj Gubernur Lampung.")
    got = linked(text, "PER:Hendra Saputra|PER:Ratna Dewi|PER:Joko Susilo|LOC:Jambi|LOC:Bengkulu|LOC:Lampung")["roles"]
    assert [(r.person, r.title, r.org) for r in got] == [
        ("Hendra Saputra", "Pj Gubernur", "Jambi"), ("Ratna Dewi", "Pj Gubernur", "Bengkulu"),
        ("Joko Susilo", "Pj Gubernur", "Lampung")]


def test_appointees_joined_by_dan_each_with_a_link_and_a_title():
    text = ("Rapat umum pemegang saham menetapkan Hendra Saputra sebagai Direktur Utama PLN dan "
            "Ratna Dewi sebagai Direktur Keuangan.")
    got = linked(text, "PER:Hendra Saputra|PER:Ratna Dewi|ORG:PLN")["roles"]
    assert [(r.person, r.title, r.org) for r in got] == [
        ("Hendra Saputra", "Direktur Utama", "PLN"), ("Ratna Dewi", "Direktur Keuangan", None)]


def test_a_name_with_an_apostrophe_after_a_title_is_a_person():
    fixed = fix_entities("Wakil Presiden Ma'ruf Amin juga hadir.", [])
    assert [(e.name, e.type) for e in fixed] == [("Ma'ruf Amin", "PER")]


@pytest.mark.parametrize("text, person, title, org", [
    # the posts' usual abbreviations (titles.yaml), read by the NER, the fixes and the roles
    ("Mendagri Tito Karnavian meminta kepala daerah bersiap.", "Tito Karnavian", "Mendagri",
     "Kementerian Dalam Negeri"),
    ("Rapat itu dihadiri Menpora Dito Ariotedjo kemarin.", "Dito Ariotedjo", "Menpora",
     "Kementerian Pemuda dan Olahraga"),
    ("Menhub Budi Karya Sumadi meresmikan terminal baru.", "Budi Karya Sumadi", "Menhub",
     "Kementerian Perhubungan"),
    ("Menag Yaqut Cholil Qoumas membuka acara itu.", "Yaqut Cholil Qoumas", "Menag", "Kementerian Agama"),
    ("Kajati Riau Akmal Abbas menahan tersangka.", "Akmal Abbas", "Kajati Riau", None),
])
def test_an_abbreviated_post_is_no_part_of_the_name_and_is_the_role(text, person, title, org):
    from warta.pipeline import analyze

    doc = analyze(text, "2025-03-14")
    assert person in [e.name for e in doc.entities if e.type == "PER"]
    assert not any(title.split()[0] in e.name for e in doc.entities if e.type == "PER")
    assert (person, title, org) in [(r.person, r.title, r.org) for r in doc.roles]


def test_the_panel_of_judges_after_a_person_is_no_title_of_theirs():
    """ "majelis hakim" alone is the panel (titles.yaml post_bodies), not an apposed title."""
    from warta import pipeline
    doc = pipeline.analyze("Selain Rudi Hartawan, majelis hakim juga memvonis Budi Santoso tiga tahun.")
    assert [r for r in doc.roles if r.person == "Rudi Hartawan"] == []


def test_a_tickets_two_titles_after_a_post_link_go_one_each():
    text = "KPU menetapkan pasangan Rahmat Hidayat-Sari Wulandari sebagai bupati dan wakil bupati terpilih."
    got = linked(text, "ORG:KPU|PER:Rahmat Hidayat|PER:Sari Wulandari")["roles"]
    assert sorted((r.person, r.title) for r in got) == [("Rahmat Hidayat", "bupati"), ("Sari Wulandari", "wakil bupati")]


def test_a_prosecutors_section_is_a_field_of_the_title():
    got = linked("Kasi Pidsus Kejari Sleman Andi Wijaya hadir.", "ORG:Kejari Sleman|PER:Andi Wijaya")["roles"]
    assert [(r.person, r.title, r.org) for r in got] == [("Andi Wijaya", "Kasi Pidsus", "Kejari Sleman")]
