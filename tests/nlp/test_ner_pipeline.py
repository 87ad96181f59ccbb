"""The shipped pipeline end to end: loading, records out, consolidation with the model."""

from __future__ import annotations

import warta.nlp
from warta.model import Entity
from warta.nlp import pipeline

TEXT = ("JAKARTA - Menteri Perindustrian Agus Gumiwang Kartasasmita bertemu pimpinan "
        "Xiaomi di Beijing, Tiongkok, pada Selasa. Kementerian Perindustrian (Kemenperin) "
        "mendorong Xiaomi membangun pabrik mobil listrik SU7 di Indonesia. "
        "Menurut Agus, Kemenperin RI siap membantu.")


def test_loads_from_the_package():  # load time: benchmarks/ner_speed.py
    assert (pipeline.MODEL_DIR / "config.cfg").is_file(), "the trained model must ship in the package"
    nlp = pipeline.build()
    assert nlp.pipe_names[:2] == ["sentencizer", "warta_paragraphs"]
    assert nlp.pipe_names[-1] == "warta_entity_rules"
    assert {"PER", "ORG", "LOC"} <= set(nlp.get_pipe("ner").labels)


def test_load_is_cached(nlp):
    assert warta.nlp.load() is nlp
    assert warta.load() is nlp


def test_analyze_gives_records_not_spacy_objects(nlp):
    result = warta.nlp.analyze(TEXT)
    assert set(result) == {"entities", "sentences"}
    assert all(isinstance(e, Entity) for e in result["entities"])
    assert all(isinstance(s, tuple) and len(s) == 2 for s in result["sentences"])
    for e in result["entities"]:
        for a, b in e.mentions:
            assert 0 <= a < b <= len(TEXT)


def test_entities_of_a_news_paragraph(nlp):
    ents = {e.name: e for e in warta.nlp.entities(TEXT)}
    agus = ents["Agus Gumiwang Kartasasmita"]
    assert agus.type == "PER" and "Agus" in agus.aliases
    kemenperin = ents["Kementerian Perindustrian"]
    assert kemenperin.type == "ORG"
    assert {"Kemenperin", "Kemenperin RI"} <= set(kemenperin.aliases)
    assert ents["SU7"].type == "PRODUCT"
    assert ents["Beijing"].type == "LOC"
    ids = [e.id for e in warta.nlp.entities(TEXT)]
    assert ids == [f"e{i}" for i in range(1, len(ids) + 1)]


def test_batch_equals_one_by_one(nlp):
    texts = [TEXT, "Presiden Prabowo Subianto tiba di Bandung.", TEXT.lower()]
    batch = list(warta.nlp.analyze_many(texts))
    assert batch == [warta.nlp.analyze(t) for t in texts]


def test_lower_cased_text_still_has_entities(nlp):
    ents = warta.nlp.entities("menteri perindustrian agus gumiwang kartasasmita "
                              "berkunjung ke beijing bersama xiaomi.")
    assert ents, "the model collapsed on lower-cased text"


def test_sentences_do_not_end_inside_company_names_or_after_titles(nlp):
    text = ("Menteri bertemu Direktur Hanul Cell Co., Ltd, Kim Jisoo, di Seoul. Hadir pula "
            "Dr. Ir. Sari Dewi dari PT. Maju Tbk. Pertemuan berlangsung dua jam.")
    sents = [text[a:b] for a, b in warta.nlp.analyze(text)["sentences"]]
    assert sents == ["Menteri bertemu Direktur Hanul Cell Co., Ltd, Kim Jisoo, di Seoul.",
                     "Hadir pula Dr. Ir. Sari Dewi dari PT. Maju Tbk.",
                     "Pertemuan berlangsung dua jam."]
