"""Language knowledge as data: one file per topic under ``lang/<code>/``.

``load("months")`` returns the parsed ``lang/id/months.yaml`` (cached); ``titles()`` the
title vocabulary as a typed record.  Files are YAML
(mappings and lists) or TSV (rows of columns, ``#`` comments).  Adding a title, a currency
or a cleaning rule is a one-line change in one of these files, never in code.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

DEFAULT_LANG = "id"


@functools.cache
def load(name: str, lang: str = DEFAULT_LANG) -> Any:
    """Parsed contents of ``lang/<lang>/<name>.yaml`` (or ``.tsv``: a list of rows)."""
    folder = resources.files(__package__).joinpath(lang)
    yml = folder.joinpath(f"{name}.yaml")
    if yml.is_file():
        return yaml.safe_load(yml.read_text(encoding="utf-8"))
    tsv = folder.joinpath(f"{name}.tsv")
    if tsv.is_file():
        lines = [ln for ln in tsv.read_text(encoding="utf-8").splitlines()
                 if ln.strip() and not ln.startswith("#")]
        return [tuple(row) for row in csv.reader(lines, delimiter="\t")]
    raise FileNotFoundError(f"no language data '{name}' for '{lang}' in {folder}")


def files(lang: str = DEFAULT_LANG) -> list[str]:
    """Names of the data files shipped for ``lang`` (without extension)."""
    folder = resources.files(__package__).joinpath(lang)
    return sorted(p.name.rsplit(".", 1)[0] for p in folder.iterdir()
                  if p.name.endswith((".yaml", ".tsv")))


# -- the title vocabulary -------------------------------------------------------------------

def _fold(words: Iterable[str]) -> frozenset[str]:
    return frozenset(" ".join(w.casefold().split()) for w in words)


@dataclass(frozen=True)
class Titles:
    """The title vocabulary of ``titles.yaml``, folded for matching (see that file for what
    each list means).  Every reader of titles (NER rules, the fact linkers, the KB) uses
    this one record, so a title added to the file reaches all of them."""

    heads: frozenset[str]            # phrases: "menteri", "duta besar", "menperin"
    modifiers: frozenset[str]        # "jenderal", "umum": extend a head
    fields: frozenset[str]           # "perindustrian", "luar": a head's field
    tails: frozenset[str]
    prefixes: frozenset[str]
    ranks: frozenset[str]            # "irjen", "akbp" and the words after them ("pol")
    rank_suffixes: frozenset[str]    # the words after a rank: "pol", "tni", "inf"
    epithets: frozenset[str]
    connectors: frozenset[str]
    post_links: tuple[tuple[str, ...], ...]  # longest first
    respective: frozenset[str]       # "masing-masing": titles handed out one by one
    respective_links: frozenset[str]  # "yang" before it: "C yang masing-masing sebagai …"
    list_joiners: frozenset[str]     # "dan": between the persons of a list
    numbering: frozenset[str]        # "nomor urut": between a title and its person
    pair_words: frozenset[str]       # "pasangan", "paslon": a hyphenated name after them is two persons
    person_introducers: frozenset[str]  # "tersangka", "korban": a person's standing, no post
    representatives: frozenset[str]  # "wakil" before a country alone: who one stands for, no post
    place_words: frozenset[str]      # "di", "ke": before a place, never before a person
    territorial: frozenset[str]      # "bupati", "kapolda": titles over a territory
    post_bodies: frozenset[str]      # "majelis hakim": a post's body, written like an organisation
    anaphors: frozenset[str]
    org_starts: frozenset[str]
    not_title: frozenset[str]        # with the calendar words
    calendar: frozenset[str]         # day names and the longer month names: never in a title
    not_names: frozenset[str]
    nicknames: tuple[str, ...]
    nickname_or: tuple[str, ...]
    abbreviations: dict[str, tuple[str, str | None]]  # folded → (title, org)
    orgs: dict[str, str]             # folded title → organisation
    offices: tuple[tuple[str, str], ...]  # (folded post head, office): "menteri" → "Kementerian"

    @functools.cached_property
    def head_first(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """Each head's words by its first word, longest first."""
        first: dict[str, list[tuple[str, ...]]] = {}
        for h in sorted(self.heads, key=lambda h: (-len(h.split()), h)):
            first.setdefault(h.split()[0], []).append(tuple(h.split()))
        return {k: tuple(v) for k, v in first.items()}

    @functools.cached_property
    def head_len(self) -> int:
        return max(len(h.split()) for h in self.heads)

    @functools.cached_property
    def one_word_heads(self) -> frozenset[str]:
        return frozenset(h for h in self.heads if " " not in h)

    @functools.cached_property
    def lead_words(self) -> frozenset[str]:
        """Words that lead a title on their own: one-word heads and modifiers."""
        return self.one_word_heads | self.modifiers

    @functools.cached_property
    def head_words(self) -> frozenset[str]:
        """Every word of every head ("duta", "besar", "menperin" …)."""
        return frozenset(w for h in self.heads for w in h.split())

    @functools.cached_property
    def words(self) -> frozenset[str]:
        """Every word a title is made of: the heads' words, modifiers and fields (and the
        ranks written between a title and a name)."""
        return self.head_words | self.modifiers | self.fields | self.ranks

    @functools.cached_property
    def not_name_words(self) -> frozenset[str]:
        """Words never in a person's name: title words, tails, organisation openers, words
        that are never titles or names, connectors."""
        return self.head_words | self.tails | self.org_starts | (self.not_title - self.calendar) \
            | self.fields | self.not_names | self.connectors | self.ranks


def _titles_from(d: dict[str, Any], calendar: Iterable[str] = ()) -> Titles:
    abbr = {k.casefold(): (v["title"], v.get("org")) for k, v in d["abbreviations"].items()}
    # a minister's deputy by the same abbreviation: "Wamenkeu" of "Menkeu"
    abbr |= {f"wa{k}": (f"Wakil {title}", org) for k, (title, org) in list(abbr.items())
             if k.startswith("men") and f"wa{k}" not in abbr}
    return Titles(
        heads=_fold(d["heads"]) | frozenset(abbr), modifiers=_fold(d["modifiers"]),
        fields=_fold(d["fields"]), tails=_fold(d["tails"]), prefixes=_fold(d["prefixes"]),
        ranks=_fold(d.get("ranks", [])) | _fold(d.get("rank_suffixes", [])),
        rank_suffixes=_fold(d.get("rank_suffixes", [])),
        epithets=_fold(d["epithets"]), connectors=_fold(d["connectors"]),
        post_links=tuple(sorted((tuple(p.casefold().split()) for p in d["post_links"]), key=len, reverse=True)),
        respective=_fold(d.get("respective", [])), respective_links=_fold(d.get("respective_links", [])),
        list_joiners=_fold(d.get("list_joiners", [])),
        numbering=_fold(d.get("numbering", [])), place_words=_fold(d.get("place_words", [])),
        pair_words=_fold(d.get("pair_words", [])), person_introducers=_fold(d.get("person_introducers", [])),
        representatives=_fold(d.get("representatives", [])),
        territorial=_fold(d.get("territorial", [])), post_bodies=_fold(d.get("post_bodies", [])),
        anaphors=_fold(d["anaphors"]), org_starts=_fold(d["org_starts"]),
        not_title=_fold(d["not_title"]) | _fold(calendar), calendar=_fold(calendar) - _fold(d["not_title"]),
        not_names=_fold(d["not_names"]),
        nicknames=tuple(d["nicknames"]), nickname_or=tuple(d["nickname_or"]), abbreviations=abbr,
        orgs={" ".join(k.casefold().split()): v for k, v in d["orgs"].items()},
        offices=tuple(sorted(((" ".join(k.casefold().split()), v) for k, v in d.get("offices", {}).items()),
                             key=lambda kv: -len(kv[0]))),
    )


@functools.cache
def name_markers(lang: str = DEFAULT_LANG) -> frozenset[str]:
    """The honorifics that open a person's name when written with their stop
    (``honorifics.yaml``'s ``name_markers``: "dr", "prof"; lower case, no stop)."""
    return frozenset(load("honorifics", lang)["name_markers"])


@functools.cache
def titles(lang: str = DEFAULT_LANG) -> Titles:
    """The title vocabulary of ``lang`` (``lang/<lang>/titles.yaml``), loaded once.

    >>> t = titles()
    >>> "menteri" in t.heads, "perindustrian" in t.fields, t.abbreviations["menperin"][0]
    (True, True, 'Menteri Perindustrian')
    """
    days = load("days", lang)
    months = [m for m in load("months", lang) if len(m) > 3]
    return _titles_from(load("titles", lang), [*days, *months])
