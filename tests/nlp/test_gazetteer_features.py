"""The model's gazetteer features (warta.nlp.features): which tokens begin or continue a
name of the shipped name lists, as written and in lower case."""

from __future__ import annotations

import random

from spacy.tokens import Doc
from spacy.vocab import Vocab

from warta.nlp import features
from warta.training.ner import replace_mentions

VOCAB = Vocab()
COLUMNS = {f"{part}-{typ}-{case}": 2 * len(features.TYPES) * c + 2 * t + p
           for c, case in enumerate(("cased", "lower")) for t, typ in enumerate(features.TYPES)
           for p, part in enumerate(("B", "I"))}


def marks(words: list[str]) -> dict[str, list[str]]:
    doc = Doc(VOCAB, words=words)
    rows = features.doc_features(doc)
    return {w: sorted(k for k, col in COLUMNS.items() if row[col]) for w, row in zip(words, rows)}


def test_a_name_of_the_lists_is_marked_where_it_begins_and_continues():
    got = marks("Lulusan Institut Pertanian Bogor itu pindah ke Makassar .".split())
    assert got["Institut"] == ["B-ORG-cased", "B-ORG-lower"]
    assert got["Pertanian"] == got["Bogor"] == ["I-ORG-cased", "I-ORG-lower"]
    assert got["Makassar"] == ["B-LOC-cased", "B-LOC-lower"]
    assert got["Lulusan"] == got["itu"] == got["ke"] == got["."] == []


def test_lower_cased_text_gets_the_lower_case_marks_only():
    got = marks("lulusan institut pertanian bogor pindah ke makassar".split())
    assert got["institut"] == ["B-ORG-lower"] and got["bogor"] == ["I-ORG-lower"]
    assert got["makassar"] == ["B-LOC-lower"]


def test_the_longest_name_wins_and_an_empty_doc_has_no_rows():
    got = marks("Joko Widodo dan Bank Dunia".split())
    assert got["Joko"] == ["B-PER-cased", "B-PER-lower"] and got["Widodo"] == ["I-PER-cased", "I-PER-lower"]
    assert got["Bank"] == ["B-ORG-cased", "B-ORG-lower"] and got["dan"] == []
    assert features.doc_features(Doc(VOCAB, words=[])) == []


def test_mention_replacement_keeps_the_sentence_and_the_types():
    words = "Rina Wulandari tiba di Surabaya kemarin .".split()
    tags = ["B-PER", "I-PER", "O", "O", "B-LOC", "O", "O"]
    pool = {"PER": [["Agus"]], "LOC": [["Nusa", "Tenggara", "Barat"]]}
    new_words, new_tags = replace_mentions(words, tags, pool, random.Random(0))
    assert new_words == "Agus tiba di Nusa Tenggara Barat kemarin .".split()
    assert new_tags == ["B-PER", "O", "O", "B-LOC", "I-LOC", "I-LOC", "O", "O"]
