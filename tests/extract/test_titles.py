"""One title vocabulary: a title added to ``lang/id/titles.yaml`` reaches the NER rules,
the entity fixes, roles, quotes and the knowledge base (all read ``lang.titles()``)."""

from __future__ import annotations

import pytest
import spacy
from linker_cases import linked

from warta import lang
from warta.extract.people import fix_entities
from warta.kb import resolve
from warta.nlp import pipeline, rules

NEW = "Syahbandar"  # not a title in the shipped file
TEXT = ("Syahbandar Tanjung Priok Budi Santoso memeriksa kapal itu. "
        "“Kapal itu aman untuk berlayar hari ini,” kata Syahbandar.")


@pytest.fixture
def added(monkeypatch):
    """The shipped vocabulary with one more head, as if it were one more line in the file."""
    shipped = lang.load

    def load(name, code=lang.DEFAULT_LANG):
        data = shipped(name, code)
        return {**data, "heads": sorted([*data["heads"], NEW.casefold()])} if name == "titles" else data

    monkeypatch.setattr(lang, "load", load)
    lang.titles.cache_clear()
    yield
    monkeypatch.undo()
    lang.titles.cache_clear()


def _ner(text: str, model: str) -> list[tuple[str, str]]:
    nlp = spacy.blank("id", config=pipeline.FAST_TOKENIZER)
    doc = nlp(text)
    start = text.index(model)
    doc.ents = [doc.char_span(start, start + len(model), label="PER")]
    return [(e.text, e.label_) for e in rules.apply_rules(doc, use_gazetteer=False).ents]


def _facts(text: str):
    return linked(text, "PER:Budi Santoso")


def test_the_word_is_no_title_before():
    assert NEW.casefold() not in lang.titles().heads
    assert _facts(TEXT)["roles"] == []
    assert resolve.without_title("Syahbandar Budi Santoso") == "Syahbandar Budi Santoso"


def test_a_new_title_reaches_the_ner_rules(added):
    assert _ner("Kemarin Syahbandar Budi Santoso datang.", "Syahbandar Budi Santoso") == [("Budi Santoso", "PER")]


def test_a_new_title_reaches_the_entity_fixes(added):
    fixed = fix_entities("Kemarin Syahbandar Budi Santoso memeriksa kapal.", [])
    assert [(e.name, e.type) for e in fixed] == [("Budi Santoso", "PER")]


def test_a_new_title_reaches_roles_and_quotes(added):
    out = _facts(TEXT)
    assert [(r.person, r.title) for r in out["roles"]] == [("Budi Santoso", "Syahbandar Tanjung Priok")]
    assert [q.speaker for q in out["quotes"]] == ["Budi Santoso"]  # "kata Syahbandar": the role's person


def test_a_new_title_reaches_the_knowledge_base(added):
    assert resolve.without_title("Syahbandar Budi Santoso") == "Budi Santoso"
