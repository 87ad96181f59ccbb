"""Regular expressions for the entity rules, built from the language data files.

Every word list comes from ``lang/id/`` (``org_forms``, ``events_named``, ``products``,
``honorifics``, ``acronyms``, ``holidays``, ``speech_verbs``; titles are ``lang.titles()``); this module only knows how names are written:
capitalised words, numbers, and a few connectors between them.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass

from .. import lang
from ..words import alternation


class Gated:
    """A compiled pattern scanned only over a text holding one of its words: a substring
    test is far cheaper than a regex scan that tries every capital letter, and most
    articles hold no "Co., Ltd", "Summit" or "dikutip".  The words are looked for as
    written when the pattern matches them in their case (``exact``), else in lower case."""

    __slots__ = ("exact", "gate", "pattern", "words")

    def __init__(self, pattern: re.Pattern, words, exact: bool = False) -> None:
        self.pattern, self.exact = pattern, exact
        self.words = tuple(sorted({str(w) if exact else str(w).lower() for w in words}))
        # one scan for all the words (each ``w in text`` was a scan of its own)
        self.gate = re.compile("|".join(re.escape(w) for w in self.words) or "(?!)")

    def finditer(self, text: str, *args):
        seen = text if self.exact else _lower(text)
        if self.gate.search(seen) is None:  # no word of the pattern in the text
            return iter(())
        return self.pattern.finditer(text, *args)


@functools.lru_cache(maxsize=4)
def _lower(text: str) -> str:
    return text.lower()


@dataclass(frozen=True)
class Patterns:
    org_prefix: re.Pattern
    org_suffix: Gated
    place_prefix: re.Pattern
    place_suffix: Gated
    product_suffix: Gated
    place_marker: Gated
    resident_place: Gated        # group 1: the name after "warga", "penduduk" …
    resident_words: frozenset[str]    # lower case: "warga", "penduduk" …
    branch_bodies: frozenset[str]     # as written: "Polda", "BPBD", "Kantor SAR" … and their long forms
    branch_long_forms: dict[str, str]  # "Kepolisian Daerah" → "Polda"
    namesake_bodies: frozenset[str]   # as written: "RSUP", "Rumah Sakit Umum" …
    namesake_titles: frozenset[str]   # as written: "Dr", "dr." …
    purpose_words: frozenset[str]     # lower case: "untuk", "bagi"
    closing_forms: frozenset[str]     # as written: "(Persero)", "Tbk." …
    branch_heads: frozenset[str]      # as written: "Dinas", "Kanwil" …
    party_boards: frozenset[str]      # as written: "DPD", "DPW" …
    event_heads: frozenset[str]       # as written, one word: "KTT", "Munas" …
    initials_markers: frozenset[str]  # lower case: "berinisial": a person's initials follow
    name_openers: frozenset[str]      # as written: "I", "Ni" before a Balinese name
    opened_names: frozenset[str]      # lower case: "nyoman", "wayan": names they open
    media: Gated
    media_weak: Gated
    business: Gated
    body_suffix: Gated
    company_apposition: Gated
    company_named: Gated         # group 1: the words describing it, group 2: the name
    company_owned: Gated         # group 1: the name after "pabrik", "saham" …
    company_owned_opening: Gated  # the same, its one-word nouns capitalised ("Pabrik Nestle …")
    product_named: Gated         # group 1: the words describing it, group 2: the name
    product_lines: frozenset[str]  # case-folded: "iphone", "redmi"
    company_list: Gated
    company_origin: Gated
    domain: Gated
    event_last: Gated
    event_first: Gated
    programme: Gated
    programme_marker: Gated      # group 1: the name after "program", "gerakan" …
    election: Gated
    product_line: Gated
    vessel: Gated
    vessel_spelled: Gated        # "Kapal Motor Penyeberangan (KMP) …": group 1 the name
    vessel_codes: frozenset[str]      # lower case: "kmp", "kri"
    model_code: re.Pattern
    series_code: re.Pattern
    code_not_products: tuple[str, ...]
    currency_codes: frozenset[str]    # "USD", "IDR", "RM": currencies written before an amount
    brand: Gated
    honorifics: frozenset[str]
    degrees: frozenset[str]           # lower case, no final dot: "s.h", "m.si"
    product_context: frozenset[str]
    model_words: frozenset[str]        # "Air", "Pro": words of a model's name
    business_words: frozenset[str]     # lower case: "chemical", "group", "motor"
    acronyms: dict[str, tuple[str, str]]
    acronym_names: frozenset[str]     # the table's full names ("Badan Pusat Statistik")
    variant_suffixes: tuple[str, ...]
    not_events: frozenset[str]
    not_models: frozenset[str]
    common_words: frozenset[str]
    connectors: frozenset[str]        # lower case: "dan", "&", "of" …
    list_joiners: frozenset[str]      # lower case: "dan", "serta" between listed names
    legal_words: frozenset[str]       # lower case: "pt", "tbk", "ltd" …
    first_word_names: frozenset[str]  # business words after which the first word alone
    #                                   names the company ("Asahi" of "Asahi Chemical"), as written
    calendar: frozenset[str]          # lower case: holiday and season names, never an entity alone
    speech_after: frozenset[str]      # lower case: speech verbs before a speaker ("ujar X")
    speech_reporting: frozenset[str]  # lower case: verbs after a speaker ("X mengatakan")
    company_noun_breaks: frozenset[str]  # lower case: "milik": the name after is no company
    name_heads: frozenset[str]        # lower case: organisation prefixes and name heads ("rumah sakit")
    field_list_heads: frozenset[str]  # lower case: public bodies that may be named by a list of fields
    mission_heads: frozenset[tuple[str, ...]]  # lower-case words: a country's missions (Kedutaan Besar)
    stock_words: frozenset[str]       # lower case: "saham", "emiten" before stock codes
    branch_words: frozenset[str]      # as written: "Regional", "Cabang" after a body's name
    administrative_prefixes: tuple[str, ...]  # "Kabupaten", "Provinsi": a division before a place's name
    short_form_after: frozenset[str]  # as written: "Asuransi", "Bank": a company's kind before its name
    concept_acronyms: frozenset[str]  # as written: "PPN", "UMKM": abbreviations of terms, no names
    term_heads: frozenset[str]        # lower case: "pandemi" before a term's acronym
    law_heads: tuple[str, ...]        # lower case: how a law's name opens ("undang-undang", "peraturan pemerintah")
    law_acronyms: frozenset[str]      # as written: "UU", "RUU", "KUHP": abbreviations of laws, no names
    law_openers: frozenset[str]       # as written: "UU", "RUU": acronyms that open a law's name
    document_words: frozenset[str]    # lower case: "regulasi", "perjanjian": a document's name opens
    place_heads: frozenset[str]       # lower case: place prefixes ("kabupaten", "gedung")
    calendar_words: frozenset[str]    # lower case: the day and month names of lang/id
    epithets: dict[str, str]          # "Negeri Sakura" → "Jepang"
    epithet: Gated               # any of them, as written


def _name(stop: str, max_words: int | None = None) -> str:
    """A name: capitalised words or numbers, with connectors between them; no word of
    ``stop`` (legal forms, event heads) inside it."""
    forms = lang.load("org_forms")
    word = rf"(?!{stop}(?![\w'’-]))(?:[A-Z0-9][\w'’&-]*(?:\.[A-Za-z0-9]+)*)"
    # a connector joins two parts of one name, not two names ("… Jababeka dan Distrik …")
    prefixes = alternation(forms["prefixes"] + forms["place_prefixes"])
    sep = rf"(?:\s+|\s+{alternation(forms['connectors'])}\s+(?!{prefixes}\s))"
    more = "*" if max_words is None else "{0,%d}" % (max_words - 1)
    return rf"{word}(?:{sep}{word}){more}"


@functools.cache
def patterns() -> Patterns:
    """The compiled patterns (built once)."""
    forms = lang.load("org_forms")
    events = lang.load("events_named")
    products = lang.load("products")
    holidays = lang.load("holidays")
    speech = lang.load("speech_verbs")
    legal = alternation([w.strip("().,") for w in forms["suffixes"] + forms["closing"]]
                 + forms["variant_suffixes"])
    heads = alternation(events["heads_last"])
    venue = alternation(events["venue_tails"])
    stop = f"(?:{legal}|{heads})"
    name = _name(stop)
    short = _name(stop, max_words=4)
    # the name after an event's head ends before a company's legal form: "Rapat Umum
    # Pemegang Saham Tahunan" of "… Tahunan PT Bank X"
    # (a variant suffix may end it: "HUT ke-79 RI", "HUT ke-79 Republik Indonesia")
    forms_only = alternation([w.strip("().,") for w in forms["suffixes"] + forms["closing"]])
    held = _name(rf"(?:{forms_only}|{heads}|(?i:{alternation(forms['legal_words'])}))", max_words=4)
    closing = alternation(forms["closing"])
    suffix = alternation(forms["suffixes"])
    year = r"(?:\s+(?:\d{4}(?:/\d{2}(?:\d{2})?)?|ke-?\d+|[IVX]+))?"  # "2025/2026", "2025/26": a season
    # the host's name between the head and the edition: "Trade Expo Indonesia ke-39"
    host = r"(?:\s+[A-Z][a-z]+(?=\s+(?:\d{4}|ke-?\d+)(?![\w])))?"
    single = [h for h in events["heads_first"] if " " not in h]
    multi = [h for h in events["heads_first"] if " " in h]
    model = rf"(?:\s+{alternation(products['model_words'])})*"
    # a model's name: capitalised words, codes and numbers, no connector ("Redmi 15 dan …")
    model_name = rf"[A-Z][\w'’&-]*(?:\s+(?:[A-Z0-9][\w'’&-]*|{alternation(products['model_words'])})){{0,3}}"
    origin = alternation(forms["origin_words"])
    possessions_opening = [w.capitalize() for w in forms["company_possessions"] if " " not in w]  # "Pabrik Nestle …"
    # an English name: capitalised words, English connectors only ("Bank of …", not "… dan …")
    english_name = r"[A-Z][\w'’&-]*(?:(?:\s+(?:and|for|of|on|the|&))?\s+[A-Z][\w'’&-]*){0,4}"
    built = Patterns(
        org_prefix=re.compile(rf"(?<![\w.]){alternation(forms['prefixes'])}\s+{name}(?:\s*,?\s*{closing})?"),
        org_suffix=re.compile(rf"(?<![\w.]){short}\s*,?\s*{suffix}(?![\w])"),
        place_prefix=re.compile(rf"(?<![\w.]){alternation(forms['place_prefixes'])}\s+{name}"),
        place_suffix=re.compile(rf"(?<![\w.]){short}\s+{alternation(forms['place_suffixes'])}(?![\w])"),
        product_suffix=re.compile(rf"(?<![\w.]){short}\s+{alternation(products['suffixes'])}(?![\w])"),
        place_marker=re.compile(rf"(?<![\w.])(?:{alternation(forms['place_markers'])})\s+({short})"),
        resident_place=re.compile(rf"(?<![\w.])(?i:{alternation(forms['resident_words'])})\s+({short})"),
        media=re.compile(rf"(?<![\w.])(?i:{alternation(forms['media_markers'])})\s+({_name(stop, max_words=3)})"),
        media_weak=re.compile(rf"(?<![\w.])(?i:{alternation(forms['media_markers_weak'])})\s+({_name(stop, max_words=3)})"),
        body_suffix=re.compile(rf"(?<![\w.]){english_name}(?:\s+{alternation(forms['body_words'])})+"
                               rf"(?![\w'’-])(?!\s+[A-Z0-9])"),
        business=re.compile(rf"(?<![\w.]){_name(stop, max_words=3)}"
                            rf"(?:\s+(?:&\s+)?{alternation(forms['business_words'])})+(?![\w'’-])"),  # "Bain & Company"
        company_apposition=re.compile(
            rf"(?<![\w.])(?i:{alternation(forms['company_nouns'])})(?:\s+[a-z][\w-]*){{0,4}}"
            rf"(?:\s+(?:{origin}\s+)?[A-Z]\w+(?:\s+[A-Z]\w+){{0,2}})?,\s+({_name(stop, max_words=3)})"),  # "asal Uni Emirat Arab, Masdar"
        company_named=re.compile(
            rf"(?<![\w.])(?i:{alternation(forms['company_nouns'])})((?:\s+[a-z][\w-]*){{0,3}})\s+({_name(stop, max_words=3)})"),
        product_named=re.compile(
            rf"(?<![\w.]){alternation(products['named_after'])}((?:\s+[a-z][\w-]*){{0,2}})\s+({model_name})"),
        company_owned=re.compile(
            rf"(?<![\w.]){alternation(forms['company_possessions'])}\s+({_name(stop, max_words=3)})"),  # lower case: "Saham" opens a name
        company_owned_opening=re.compile(rf"(?<![\w.]){alternation(possessions_opening)}\s+({_name(stop, max_words=3)})"),
        company_list=re.compile(
            rf"(?<![\w.])(?i:{alternation(forms['company_nouns'])})(?:\s+[a-z][\w-]*){{0,4}}"
            rf"(?:\s+(?:{origin}\s+)?[A-Z]\w+(?:\s+[A-Z]\w+)?)?,?\s+(?:{alternation(forms['list_markers'])})\s+(?=[A-Z]|[a-z][A-Z])"),
        company_origin=re.compile(
            rf"(?<![\w.])(?i:{alternation(forms['company_nouns'] + forms['origin_nouns'])})(?:\s+[a-z][\w-]*){{0,4}}"
            rf"\s+(?:{alternation(forms['origin_words'])})\s+(?=[A-Z])"),
        domain=re.compile(rf"(?<![\w.])[A-Za-z0-9][\w-]*(?:\.[A-Za-z0-9-]+)*\.{alternation(forms['domains'])}(?![\w.])",
                          re.IGNORECASE),
        event_last=re.compile(rf"(?<![\w.-]){short}\s+{heads}{host}{year}(?![\w])(?!\s+{venue})"),  # not "ke-14 BRI Super League"
        event_first=re.compile(rf"(?<![\w.])(?:{alternation(single)}(?:\s+ke-?\d+)?\s+{held}{year}"
                               rf"|{alternation(multi)}(?:\s+{held})?{year})(?![\w])"),
        programme=re.compile(rf"(?<![\w.]){alternation(events['programmes'])}(?![\w])"),
        programme_marker=re.compile(rf"(?<![\w.])(?i:{alternation(events['programme_markers'])})\s+({short}{year})(?![\w])"),
        election=re.compile(rf"(?<![\w.]){alternation(events['elections'])}"
                            rf"(?:\s+{alternation(events['election_words'])})?(?:(?:\s+{short})??\s+\d{{4}}(?![\w])|\s+{short})"),
        product_line=re.compile(rf"(?<![\w.]){alternation(products['lines'])}(?:\s+{alternation(products['model_words'])})?"
                                rf"\s+[A-Z]?\d+[A-Za-z]*{model}(?![\w])"),
        vessel=re.compile(rf"(?<![\w.]){alternation(products['vessels'])}\s+(?=[A-Z][a-z]){short}"),
        vessel_codes=frozenset(v.lower() for v in products["vessels"]),
        product_lines=frozenset(w.casefold() for w in products["lines"]),
        vessel_spelled=re.compile(rf"(?<![\w.]){alternation(products['vessel_words'])}(?:\s+[A-Z][a-z]+){{1,4}}\s*\(\s*"
                                  rf"{alternation(products['vessels'])}\s*\)\s+((?=[A-Z][a-z]){short})"),
        model_code=re.compile(products["model_code"]),
        series_code=re.compile(products["series_code"]),
        code_not_products=tuple(products["code_not_products"]),
        currency_codes=frozenset(k for k in lang.load("currencies")["before"] if k.isalpha() and k.isupper()),
        brand=re.compile(rf"(?<![\w.]){alternation(products['brands'])}(?![\w])"),
        honorifics=frozenset(w.lower() for w in lang.load("honorifics")["honorifics"]),
        initials_markers=frozenset(w.lower() for w in lang.load("honorifics")["initials_markers"]),
        name_openers=frozenset(lang.load("honorifics")["name_openers"]),
        opened_names=frozenset(w.lower() for w in lang.load("honorifics")["opened_names"]),
        degrees=frozenset(w.lower() for w in lang.load("honorifics")["degrees"]),
        product_context=frozenset(w.lower() for w in products["context"]),
        model_words=frozenset(products["model_words"]),
        business_words=frozenset(w.lower() for w in forms["business_words"]),
        acronyms={row[0]: (row[1], row[2]) for row in lang.load("acronyms")},
        acronym_names=frozenset(row[1] for row in lang.load("acronyms")),
        variant_suffixes=tuple(forms["variant_suffixes"]),
        not_events=frozenset(w.lower() for w in events["not_events"]),
        not_models=frozenset(products["not_models"]),
        common_words=frozenset(row[0] for row in lang.load("common_words")),
        connectors=frozenset(w.lower() for w in forms["connectors"]),
        list_joiners=frozenset(w.lower() for w in forms["list_joiners"]),
        legal_words=frozenset(forms["legal_words"]),
        first_word_names=frozenset(forms["business_words"]) - frozenset(forms["group_words"]),
        calendar=frozenset([*holidays["names"], *holidays["seasons"]]),
        speech_after=frozenset(w.lower() for w in speech["after"]),
        speech_reporting=frozenset(w.lower() for w in speech["reporting"]),
        company_noun_breaks=frozenset(forms["company_noun_breaks"]),
        name_heads=frozenset(w.lower() for w in forms["prefixes"] + forms["name_heads"]),
        field_list_heads=frozenset(w.lower() for w in forms["field_list_heads"]),
        mission_heads=frozenset(tuple(w.lower().split()) for w in forms["mission_heads"]),
        stock_words=frozenset(w.lower() for w in forms["stock_words"]),
        branch_words=frozenset(forms["branch_words"]),
        administrative_prefixes=tuple(forms["administrative_prefixes"]),
        short_form_after=frozenset(forms.get("short_form_after", [])),
        concept_acronyms=frozenset(lang.load("concepts")["acronyms"]),
        term_heads=frozenset(lang.load("concepts")["term_heads"]),
        law_heads=tuple(lang.load("concepts")["laws"]),
        law_acronyms=frozenset(lang.load("concepts")["law_acronyms"]),
        law_openers=frozenset(lang.load("concepts")["law_openers"]),
        document_words=frozenset(lang.load("concepts")["document_words"]),
        place_heads=frozenset(w.lower() for w in forms["place_prefixes"]),
        resident_words=frozenset(w.lower() for w in forms["resident_words"]),
        branch_bodies=frozenset(forms["branch_bodies"]) | frozenset(forms["branch_long_forms"]),
        branch_long_forms=dict(forms["branch_long_forms"]),
        namesake_bodies=frozenset(forms["namesake_bodies"]),
        namesake_titles=frozenset(forms["namesake_titles"]),
        purpose_words=frozenset(forms["purpose_words"]),
        closing_forms=frozenset(forms["closing"]),
        branch_heads=frozenset(forms["branch_heads"]),
        party_boards=frozenset(forms["party_boards"]),
        event_heads=frozenset(h for h in events["heads_first"] if " " not in h),
        calendar_words=frozenset(w.lower() for w in [*lang.load("days"), *lang.load("months")]),
        epithets=dict(lang.load("country_epithets")),
        epithet=re.compile(rf"(?<![\w.]){alternation(list(lang.load('country_epithets')))}(?![\w])"),
    )
    gates = {
        "org_suffix": [w.strip('().,') for w in forms['suffixes'] + forms['closing']],
        "place_suffix": forms['place_suffixes'],
        "product_suffix": products['suffixes'],
        "place_marker": forms['place_markers'],
        "resident_place": forms['resident_words'],
        "media": forms['media_markers'],
        "media_weak": forms['media_markers_weak'],
        "business": forms['business_words'],
        "body_suffix": forms['body_words'],
        "company_apposition": forms['company_nouns'],
        "company_named": forms['company_nouns'],
        "company_owned": forms['company_possessions'],
        "company_owned_opening": possessions_opening,
        "product_named": products['named_after'],
        "company_list": forms['company_nouns'],
        "company_origin": forms['company_nouns'] + forms['origin_nouns'],
        "domain": ['.' + d for d in forms['domains']],
        "event_last": events['heads_last'],
        "event_first": events['heads_first'],
        "programme": events['programmes'],
        "programme_marker": events['programme_markers'],
        "election": events['elections'],
        "product_line": products['lines'],
        "vessel": products['vessels'],
        "vessel_spelled": products['vessels'],
        "brand": products['brands'],
        "epithet": [e.split()[0] for e in lang.load('country_epithets')],
    }
    exact = {"body_suffix", "brand", "business", "company_owned_opening", "election", "epithet",  # patterns
             "event_first", "event_last", "org_suffix", "place_marker", "place_suffix",  # matching their
             "product_line", "product_named", "product_suffix", "programme", "vessel",  # words in their
             "vessel_spelled"}  # case
    return dataclasses.replace(built, **{k: Gated(getattr(built, k), w, k in exact) for k, w in gates.items()})


@functools.cache
def stemmer():
    """The Sastrawi stemmer (its dictionary of Indonesian roots inside)."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


def dictionary_word(low: str) -> bool:
    """An ordinary word of the language: its root is in the Sastrawi stemmer's dictionary
    (loose for names: "Budi", "Jaya", "Dadan" have roots there)."""
    return stemmer().delegatedStemmer.dictionary.contains(stemmer().stem(low))


def acronym_pair(text: str) -> tuple[str, str] | None:
    """The two organisations' acronyms of the table a word joins with a hyphen
    ("TNI-Polri", "KPK-Polri"), or None."""
    parts = text.split("-")
    acronyms = patterns().acronyms
    if len(parts) == 2 and parts[0] != parts[1] \
            and all(acronyms.get(part, ("", ""))[1] == "ORG" for part in parts):
        return parts[0], parts[1]
    return None
