"""The DBpedia gazetteer as a layer after the model (``lang/id/gazetteer.tsv``, derived by
``training/ner/derive_gazetteer.py``, with the hand-written ``lang/id/companies.tsv``):
capitalised names the model left unlabelled get the type the gazetteer gives them (single
words only for organisations, never at a sentence's start), and a person or place the
model found whose exact name the gazetteer knows as an organisation becomes one
("Daihatsu")."""

from __future__ import annotations

import functools
from collections import Counter

from spacy.tokens import Doc, Span

from .. import lang
from . import tokens

MAX_WORDS = 5
#: a place that opens this many of the DBpedia people's names is also a given name
GIVEN_NAME_PEOPLE = 3


@functools.cache
def table() -> dict[str, str]:
    """Name → type (PER, ORG, LOC): the DBpedia-derived names, and the hand-written
    one-word companies of ``lang/id/companies.tsv`` (which win)."""
    names = {row[0]: row[1] for row in lang.load("gazetteer") if len(row) == 2}
    names.update((row[0], row[1]) for row in lang.load("companies") if len(row) == 2)
    return names


@functools.cache
def words() -> dict[str, str]:
    """One-word person and place names of the DBpedia lists (``gazetteer_words.tsv``)."""
    return {row[0]: row[1] for row in lang.load("gazetteer_words") if len(row) == 2}


@functools.cache
def countries() -> frozenset[str]:
    """The countries of ``lang/id/countries.tsv`` as Indonesian news names them, and
    Indonesia's provinces with their short forms (``lang/id/provinces.tsv``: "Jatim")."""
    return frozenset([*(row[0] for row in lang.load("countries") if len(row) >= 2 and row[1] == "LOC"),
                      *(row[0] for row in lang.load("provinces") if len(row) == 2)])


@functools.cache
def nations() -> frozenset[str]:
    """The countries of ``lang/id/countries.tsv`` as written, and the acronym table's
    short forms of them ("RI", "AS")."""
    names = {row[0] for row in lang.load("countries") if len(row) >= 2 and row[1] == "LOC"}
    return frozenset(names | {row[0] for row in lang.load("acronyms")
                              if len(row) >= 3 and row[2] == "LOC" and row[1] in names})


@functools.cache
def foreign_countries() -> frozenset[str]:
    """The countries of ``countries.tsv`` other than Indonesia (by any of its names), as
    written."""
    return frozenset(row[0] for row in lang.load("countries") if len(row) >= 2 and row[1] == "LOC"
                     and "Indonesia" not in (row[0], *row[2:]) and row[0] != "RI")


@functools.cache
def regional_places() -> frozenset[str]:
    """Indonesia's cities (``lang/id/cities.tsv``, with their short names) and regencies
    (``lang/id/regencies.tsv``: the X of the DBpedia list's "Kabupaten X"), as written after a body's name for its
    branch ("Basarnas Medan", "Pengadilan Negeri Sleman").  Not a name that opens three or
    more of the list's people's names ("Bima": Bima Arya)."""
    regencies = {row[0] for row in lang.load("regencies") if row}
    given = given_names()
    return frozenset(n for n in {*(row[0] for row in lang.load("cities") if row), *regencies}
                     if n not in given)


@functools.cache
def given_names() -> frozenset[str]:
    """The words that open ``GIVEN_NAME_PEOPLE`` or more of the list's people's names of two
    words or more ("Ahmad", "Bima"): given names."""
    first = Counter(name.split()[0] for name, kind in table().items() if kind == "PER" and " " in name)
    return frozenset(n for n, count in first.items() if count >= GIVEN_NAME_PEOPLE)


@functools.cache
def branch_places() -> frozenset[str]:
    """What may name a body's regional branch after it: the regional places, the countries
    and the provinces (:func:`regional_places`, :func:`countries`)."""
    return regional_places() | countries()


@functools.cache
def place_names() -> dict[str, str]:
    """A place's short forms, exonyms and second spellings → its main name: a country's
    (``countries.tsv``'s third column: "Tiongkok" → "China", "Korsel" → "Korea Selatan")
    and a province's (``provinces.tsv``: "Jatim" → "Jawa Timur")."""
    names = {row[0]: row[2] for row in lang.load("countries") if len(row) == 3 and row[2]}
    names.update({row[0]: row[1] for row in lang.load("provinces") if len(row) == 2 and row[0] != row[1]})
    return names


@functools.cache
def country_words() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The countries of ``countries.tsv`` by their first word, each as its words, longest
    first ("Korea" → (Korea, Selatan), (Korea, Utara), (Korea,))."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for row in lang.load("countries"):
        if len(row) >= 2 and row[1] == "LOC":
            words = tuple(row[0].split())
            out.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


def is_place(name: str) -> bool:
    """Whether the gazetteer knows ``name`` (as written) as a place, in its names of
    :func:`table`, its one-word places of :func:`words`, the countries, the provinces, the
    cities and regencies (:func:`regional_places`)."""
    return is_country_or_listed_place(name) or words().get(name) == "LOC" or name in regional_places()


def is_country_or_listed_place(name: str) -> bool:
    """Whether ``name`` is a country, a province or a place of the DBpedia-derived names of
    :func:`table`; unlike :func:`is_place`, not by the one-word list alone, whose places
    are also given names ("Andi", "Made")."""
    return table().get(name) == "LOC" or name in countries()


def retype(spans: list[Span]) -> list[Span]:
    """Spans relabelled ORG where the gazetteer knows their exact name as an organisation,
    and spans of two words or more relabelled where it knows their exact name as a person
    or a place (a full name is seldom two things).  A one-word person or place keeps the
    model's type: the DBpedia lists' one-word places are also given names ("Andi", "Made",
    "Wisnu": villages), and on the public dev splits every one-word relabelling they made
    was wrong — except a "person" named as a country, a province, a city or a regency
    (:func:`regional_places`, no given name among them): a place."""
    names, regional, countries_ = table(), regional_places(), countries()
    out = []
    for s in spans:
        known = names.get(s.text)
        if s.label_ == "PER" and (s.text in regional or s.text in countries_):
            s = Span(s.doc, s.start, s.end, label="LOC")  # "Kapanewon Depok, Sleman": the regency
        elif s.label_ in ("PER", "LOC") and known == "ORG":
            s = Span(s.doc, s.start, s.end, label="ORG")
        elif len(s) > 1 and known in ("PER", "LOC") and s.label_ in ("PER", "LOC", "ORG") and known != s.label_:
            s = Span(s.doc, s.start, s.end, label=known)
        out.append(s)
    return out


def spans(doc: Doc, taken: list[Span]) -> list[Span]:
    """Longest gazetteer names over tokens no span in ``taken`` has."""
    names = table()
    used = {i for s in taken for i in range(s.start, s.end)}
    shape = tokens.shapes(doc)
    out, i = [], 0
    while i < len(doc):
        if i in used or not shape.title[i]:
            i += 1
            continue
        run = 0  # the capitalised tokens no span has from i on: the windows to try
        while run < MAX_WORDS and i + run < len(doc) and i + run not in used and shape.capital[i + run]:
            run += 1
        for n in range(run, 0 if not shape.opens[i] else 1, -1):
            label = names.get(tokens.span_text(doc, i, i + n))
            if label and (n > 1 or label == "ORG"):
                out.append(Span(doc, i, i + n, label=label))
                i += n
                break
        else:
            i += 1
    return out
