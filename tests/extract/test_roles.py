"""The roles linker: every shape of a stated position, the title table, the entity fixes."""

from __future__ import annotations

import pytest
from linker_cases import CASES, entity, golden, linked, rows

from warta import extract
from warta.extract import LINKERS
from warta.extract.roles import expand, roles


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
    got = roles(text, None, {"entities": people})
    assert [(r.person, r.title) for r in got] == [("Agus Salim", "Menteri Perindustrian")]


def test_no_title_no_role():
    text = "Agus Salim berjalan ke pasar bersama Budi."
    assert roles(text, None, {"entities": [entity("Agus Salim", "PER", text)]}) == []


def test_linkers_run_in_reading_order():
    extract.run("", None)  # registers every module
    names = [n for n in LINKERS if n in ("entities", "roles", "quotes", "events")]
    assert names == ["entities", "roles", "quotes", "events"]


def test_entity_fixes():
    text = "Product Marketing Manager Clara Tan hadir. Kementerian Pertanian membuka acara."
    wrong = [entity("Clara Tan", "LOC", text), entity("Kementerian Pertanian", "LOC", text)]
    fixed = {e.name: e.type for e in LINKERS["entities"](text, None, {"entities": wrong})}
    assert fixed == {"Clara Tan": "PER", "Kementerian Pertanian": "ORG"}


def test_a_name_the_ner_missed_after_a_title_is_added():
    text = "Duta Besar RI untuk Korea Selatan, Gandi Sulistiyanto, menerima tamu."
    fixed = LINKERS["entities"](text, None, {"entities": []})
    assert [(e.name, e.type, e.mentions) for e in fixed] == [("Gandi Sulistiyanto", "PER", [(35, 53)])]


@pytest.mark.parametrize("case", CASES)
def test_golden_roles(case):
    got, want = golden(case)
    assert got["roles"] == want["roles"]
    assert got["entity_fixes"] == want["entity_fixes"]


@pytest.mark.parametrize("name", ["event_triggers", "quote_marks", "role_titles", "sentence_breaks", "speech_verbs"])
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
