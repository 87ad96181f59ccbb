"""Rules over the statistical model's entities (the ``warta_entity_rules`` component).

In order: in cased text, spans the model found on lower-case words go, and an ordinary word
that opens a sentence leaves the name after it ("Melansir Nikkei Asia"); titles and
honorifics leave person names; organisation and place forms ("PT … Tbk.", "Kementerian …",
"… Co., Ltd.", "Kawasan Industri …", "… Campus", "… Chemical", "perusahaan …, Eramet"),
named events and products override what the model said about the same words; a name after
a media marker ("melansir Nikkei Asia", "dikutip Carscoops") is the outlet, an
organisation; a name after a lower-case place word ("di kawasan Xi’erqi") is a place where
the model saw nothing; acronyms defined in the text ("Kementerian Perindustrian
(Kemenperin)") take their long form's type and are linked to it; acronyms from the shipped
table fill what the model missed; countries come whole by any of their names ("UEA",
"Federasi Rusia"); companies named again by their first words take their type ("Hanul
Motors", "Asahi"); the gazetteer labels capitalised names the model left alone; a known
company with a model's name where products are spoken of is a product ("mobil Toyota
Avanza"); a place named with its division is a place where the text names it without.
Before all of them, a family name takes a hyphenated given name ("Kim Min-jun") and a
public body named by a list of its fields runs over the list.

Titles come from ``lang.titles()``.  These rules only cut a title off a person span the
model gave; which capitalised words after a title are a person (or the post's
organisation) is decided once, on records, by ``warta.extract.people``.

The links between an acronym and its long form go to ``doc._.warta_links`` as pairs of
token spans ``((start, end), (start, end))`` so that ``harvest`` can join them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from spacy.lang.id.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import lang
from ..clean import outlets
from . import gazetteer, tokens
from .patterns import Patterns, acronym_pair, dictionary_word, patterns, stemmer

if not Doc.has_extension("warta_links"):
    Doc.set_extension("warta_links", default=None)

ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&.-]*$")


# -- finding spans with the patterns ---------------------------------------------------

def _spans(doc: Doc, text: str, regex: re.Pattern, label: str, trim: bool = True,
           clip: dict[int, Span] | None = None) -> Iterator[Span]:
    """Token spans of ``regex`` matches in ``text`` (the doc's), without a final stop; with
    ``trim``, starting after the last title word in them ("Public Affairs Director X Co.,
    Ltd." → "X Co., Ltd."); with ``clip``, ending before a person or place the model found
    inside them (a person right after an organisation's name; ``clip`` maps the model's
    entities by their first token)."""
    p = patterns()
    for m in regex.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            continue
        start, end = span.start, span.end
        if doc[end - 1].text == "." and end - start > 1:
            end -= 1
        if trim:
            heads = [i for i in range(start, end - 1) if _is_lead_word(doc[i], p)]
            start = heads[-1] + 1 if heads else start
            if heads and start < end - 1 and doc[start].lower_ in p.connectors:
                start += 1  # "Head of Research Samuel Sekuritas": the title's field is no name's
                start += int(end - start > 2 and doc[start].is_title)
        if clip is not None:  # not inside the prefix itself: "Balai Besar Wilayah Sungai …"
            end = next((i for i in range(start + 2, end) if i in clip and clip[i].label_ in ("PER", "LOC")
                        and doc[start:i + 1].text.lower() not in p.name_heads), end)
            while end - start > 1 and (doc[end - 1].lower_ in p.connectors or doc[end - 1].text in ",;"):
                end -= 1  # "Bank X dan" when the name after "dan" was a person's
        if end > start and doc[start:end].text.lower() not in p.not_events:
            yield Span(doc, start, end, label=label)


def _group_spans(doc: Doc, text: str, regex: re.Pattern, label: str) -> list[Span]:
    """Token spans of the first group of ``regex``'s matches (the name after a marker word
    the match needs but the name leaves out), without a final stop."""
    out = []
    for m in regex.finditer(text):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None:
            continue
        end = span.end - 1 if doc[span.end - 1].text == "." and len(span) > 1 else span.end
        out.append(Span(doc, span.start, end, label=label))
    return out


MAX_LISTED = 8


def _listed(doc: Doc, text: str, regex: re.Pattern, label: str) -> list[Span]:
    """The names listed after each match of ``regex`` ("… seperti A, B Kogyo dan C"): runs
    of capitalised words split by commas and list joiners, up to the first other word."""
    p = patterns()
    out = []
    for m in regex.finditer(text):
        first = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if first is None:
            continue
        i, start, items = first.start, first.start, 0
        while i <= len(doc) and items < MAX_LISTED:
            tok = doc[i] if i < len(doc) else None
            if tok is not None and (tok.is_title or tok.is_upper or (tok.like_num and i > start)
                                    or tok.text[:1].islower() and tok.text[1:2].isupper()):  # "eFishery"
                i += 1
                continue
            if i > start:
                out.append(Span(doc, start, i, label=label))
                items += 1
            if tok is None or not (tok.text == "," or tok.lower_ in p.list_joiners):
                break
            i += 1
            if i < len(doc) and doc[i].lower_ in p.list_joiners:  # ", dan"
                i += 1
            start = i
    return out


def _after_origin(doc: Doc, text: str, regex: re.Pattern) -> list[Span]:
    """The company after "… asal <place>": of the capitalised words after each match, the
    longest known place (up to three words) first, then the name (one word or more)."""
    out = []
    for m in regex.finditer(text):
        first = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if first is None:
            continue
        end = first.start
        while end < len(doc) and end - first.start < 7 and (doc[end].is_title or doc[end].is_upper):
            end += 1
        if gazetteer.is_place(doc[first.start:end].text):
            continue  # "asal Korea Selatan, POSCO": all place, the company comes after
        for cut in range(min(first.start + 3, end - 1), first.start, -1):
            place = doc[first.start:cut].text
            if gazetteer.is_place(place):
                out.append(Span(doc, cut, end, label="ORG"))
                break
    return out


def _names_after_nouns(doc: Doc, text: str, regex, breaks: frozenset[str] = frozenset()) -> Iterator[Span]:
    """The names ``regex`` finds right after a noun and its lower-case description (group
    1 the description, group 2 the name), without a final stop: not after a stop word or
    one of ``breaks`` in the description, nor where the noun opens a name the model found
    ("Perusahaan Gas Negara"); places are the callers' to judge."""
    named = {i for e in doc.ents for i in range(e.start, e.end)}
    for m in regex.finditer(text):
        if any(w in STOP_WORDS or w in breaks for w in m.group(1).lower().split()):
            continue
        noun = doc.char_span(m.start(), m.start() + 1, alignment_mode="expand")
        span = doc.char_span(m.start(2), m.end(2), alignment_mode="expand")
        if noun is None or noun.start in named or span is None:
            continue
        end = span.end - 1 if span[-1].text == "." and len(span) > 1 else span.end
        yield Span(doc, span.start, end)


def _named_after_noun(doc: Doc, text: str, regex: re.Pattern) -> list[Span]:
    """The company right after a company noun and its lower-case description ("produsen
    kaca Asahimas", "perusahaan Nippon Kasei"): not after a stop word or a break word
    ("perusahaan milik Budi Santoso"), not a place ("perusahaan Jepang") nor opened by one,
    and not when the noun opens a name the model found ("Perusahaan Gas Negara")."""
    return [Span(doc, s.start, s.end, label="ORG")
            for s in _names_after_nouns(doc, text, regex, patterns().company_noun_breaks)
            if not gazetteer.is_place(s[0].text) and not gazetteer.is_place(s.text)]


def _foreign_bodies(found: list[Span]) -> list[Span]:
    """Names closed by an English body word ("Asian Development Bank") whose words before
    it hold one that is no ordinary Indonesian word, without a common word opening the
    sentence ("Laporan European Union …")."""
    common = patterns().common_words
    out = []
    for s in found:
        start = s.start + (s[0].is_sent_start and (s[0].lower_ in common or s[0].lower_ in STOP_WORDS))
        if any(t.is_alpha and not dictionary_word(t.lower_) for t in s.doc[start:s.end - 1]):
            out.append(Span(s.doc, start, s.end, label="ORG"))
    return out


def _product_after_noun(doc: Doc, text: str, regex) -> list[Span]:
    """The product right after a product noun and its lower-case description ("mobil
    Veloz Hybrid EV", "jet tempur KF-21 Boramae", "indeks Nikkei 225"): not after a stop
    word ("mobil milik Budi"), not at a sentence's start, not ordinary words ("smartphone
    Tanah Air") nor an acronym alone ("produk UMKM"), not a place, and not an organisation
    the gazetteer (with companies.tsv) or the acronym table knows ("mobil Toyota", "ponsel
    Samsung": a brand's model after it is ``brand_models``'), nor a name the model found
    opened by the noun."""
    p = patterns()
    known = gazetteer.table()

    def named(span: Span) -> bool:
        first = span[0].text
        if all(dictionary_word(t.lower_) for t in span if t.is_alpha) or (len(span) == 1 and span[0].is_upper):
            return False
        return not (gazetteer.is_place(first) or gazetteer.is_place(span.text) or known.get(first) == "ORG"
                    or known.get(span.text) == "ORG" or first in p.acronyms or span.text in p.acronyms)

    out = []
    for span in _names_after_nouns(doc, text, regex):
        if span[0].is_sent_start or not named(span):
            continue
        out.append(Span(doc, span.start, span.end, label="PRODUCT"))
        for more in _listed_after(doc, span.end):  # "merek Flurin DMP dan Unibebi Cough Syrup"
            if not named(more) or known.get(more.text) == "PER":
                break  # "ponsel Redmi 15 dan Lei Jun hadir": a person the lists know
            out.append(Span(doc, more.start, more.end, label="PRODUCT"))
    return out


MAX_LISTED_NAME = 3  # words of a name listed after another ("… dan Unibebi Cough Syrup")


def _listed_after(doc: Doc, k: int) -> Iterator[Span]:
    """The names listed right after token ``k``: a comma or a list joiner, then up to
    ``MAX_LISTED_NAME`` capitalised words or codes, again and again."""
    joiners = patterns().list_joiners
    while k + 1 < len(doc) and (doc[k].text == "," or doc[k].lower_ in joiners):
        k += 1 + (doc[k].text == "," and k + 2 < len(doc) and doc[k + 1].lower_ in joiners)
        end = k
        while end < len(doc) and end - k < MAX_LISTED_NAME and (doc[end].is_title or doc[end].is_upper) \
                and doc[end].is_alpha and not doc[end].is_sent_start:
            end += 1
        if end == k:
            return
        yield Span(doc, k, end)
        k = end


def _without_final_words(spans: list[Span]) -> list[Span]:
    """Names without the ordinary words a title-case line glued to their end ("Tunu
    Pratama Jaya Tenggelam di …")."""
    common = patterns().common_words
    out = []
    for s in spans:
        end = s.end
        while end - s.start > 1 and s.doc[end - 1].lower_ in common:
            end -= 1
        out.append(Span(s.doc, s.start, end, label=s.label_))
    return out


def _owned(doc: Doc, text: str, regex: re.Pattern) -> list[Span]:
    """The company after a noun of what it owns ("pabrik Nippon Shokubai", "saham
    Asahimas"), unless it is a place or the model saw a place there ("pabrik Cikarang")."""
    p = patterns()
    places = {i for e in doc.ents if e.label_ == "LOC" for i in range(e.start, e.end)}
    out = []
    # the noun capitalised opening a sentence too ("Pabrik Nestle di Karawang …"), when a
    # lower-case word follows the name (not a headline's title-case line)
    opening = [span for span in _group_spans(doc, text, p.company_owned_opening, "ORG")
               if (doc[span.start - 1].is_sent_start or span.start == 1 or doc[span.start - 2].is_sent_start)
               and span.end < len(doc) and doc[span.end].is_lower]
    joiners = p.list_joiners
    for span in _group_spans(doc, text, regex, "ORG") + opening:
        cut = next((t.i for t in span if t.lower_ in joiners), None)  # "saham KRAS dan SMGR": two
        for part in ([span] if cut is None else [doc[span.start:cut], doc[cut + 1:span.end]]):
            if len(part) and not gazetteer.is_place(part.text) and not any(i in places for i in range(part.start, part.end)):
                out.append(Span(doc, part.start, part.end, label="ORG"))
    return out


def _after_place(spans: list[Span], origins: list[Span]) -> list[Span]:
    """``spans`` and ``origins``, a span that runs from an origin's place into its company
    ("Korea Selatan Hanul Motors") replaced by the company."""
    ends = {o.end: o for o in origins}
    kept = [s for s in spans if not (s.end in ends and s.start < ends[s.end].start)]
    return kept + origins


def _person_after_post(spans: list[Span], model: dict[int, Span]) -> list[Span]:
    """An organisation's name after a title that runs on into the holder of the post
    ("Kepala Badan Pusat Statistik Amalia Adininggar …"): cut after the longest part the
    gazetteer or the acronym table knows as an organisation when capitalised words that
    are no place follow; the rest a person (with the rest of the name when the model's
    person starts right after).  (A cut at a given name of the DBpedia and NER lists was
    measured and dropped: many given names are ordinary name words, "Putra", "Jaya".)"""
    p = patterns()
    lead = lang.titles().lead_words
    out = []
    titles = lang.titles()
    for s in spans:
        doc = s.doc
        via = s.start > 1 and doc[s.start - 1].lower_ in titles.place_words  # "Ekonom dari Universitas …"
        if not (_after_title(doc, s.start, lead, titles.heads) or via and _after_title(doc, s.start - 1, lead, titles.heads)):
            out.append(s)  # not after a title ("Kepala", "Juru Bicara")
            continue
        after = model.get(s.end)
        end = after.end if after is not None and after.label_ == "PER" else s.end
        cut = next((i for i in range(s.end - 2, s.start + 1, -1)  # a known name, then a person
                    if (gazetteer.table().get(doc[s.start:i].text) == "ORG" or doc[s.start:i].text in p.acronym_names)
                    and _holder(doc[i:end], p)), None)
        if cut is None and len(s) == 3 and end == s.end and doc[s.start].lower_ in _org_prefix_words() \
                and gazetteer.table().get(doc[s.start + 1].text) == "ORG" and _holder(doc[s.end - 1:s.end], p) \
                and _given_name(doc[s.end - 1]) and not dictionary_word(doc[s.end - 1].lower_):
            cut = s.end - 1  # "Wakil Ketua Umum Partai Gerindra Habiburokhman": a known body, a one-word holder
        if cut is None:
            out.append(s)
        else:
            out += [Span(doc, s.start, cut, label=s.label_), Span(doc, cut, end, label="PER")]
    return out


def _field_before_person(spans: list[Span], model: dict[int, Span]) -> list[Span]:
    """Without the prefix-led names whose prefix is the field of a post written before it,
    the model's person right after it: in "Menteri Koperasi Bayu Aji" the post is
    "Menteri Koperasi" and the person "Bayu Aji", no organisation "Koperasi Bayu Aji"."""
    titles = lang.titles()
    out = []
    for s in spans:
        after = model.get(s.start + 1)
        if (after is not None and after.label_ == "PER" and after.end >= s.end
                and _after_title(s.doc, s.start, titles.lead_words, titles.heads)):
            continue
        out.append(s)
    return out


TITLE_REACH = 6  # capitalised words a post's unit may put between its title and its organisation


def _after_title(doc: Doc, start: int, lead: Iterable[str], heads: Iterable[str]) -> bool:
    """Whether a title ends right before ``start`` ("Kepala", "Juru Bicara"), or opens a
    run of capitalised words ending there: the post's unit ("Direktur Jenderal Industri
    Logam" before "Kementerian Perindustrian")."""
    before = [t.lower_.rstrip(".") for t in doc[max(0, start - 3):start]]
    if before and (before[-1] in lead or any(" ".join(before[k:]) in heads for k in range(len(before)))):
        return True
    i = start
    while i > max(0, start - TITLE_REACH) and doc[i - 1].is_title:
        i -= 1
        words = [t.lower_ for t in doc[i:min(start, i + 3)]]
        if words[0] in lead or any(" ".join(words[:n]) in heads for n in range(1, len(words) + 1)):
            return True
    return False


def _is_head(low: str, p: Patterns) -> bool:
    """Whether a lower-case word or phrase opens organisation or place names ("kementerian",
    "rumah sakit", "kabupaten") — two look-ups, no union of the sets made each call."""
    return low in p.name_heads or low in p.place_heads


def _holder(span: Span, p: Patterns) -> bool:
    """Capitalised words that may be a person: no place nor unit ("Provinsi Riau")."""
    first = span[0].lower_
    return (all(t.is_title for t in span) and not _is_head(first, p)
            and not gazetteer.is_place(span[0].text) and not gazetteer.is_place(span.text))


def _ended_before(spans: list[Span], stops: frozenset[str], after: int) -> list[Span]:
    """The spans ending before their first word (from the ``after``-th on) in ``stops``,
    lower case, without a final dot."""
    out = []
    for s in spans:
        end = next((i for i in range(s.start + after, s.end) if s.doc[i].lower_.rstrip(".") in stops), s.end)
        out.append(Span(s.doc, s.start, end, label=s.label_))
    return out


def _cut_at_ranks(spans: list[Span]) -> list[Span]:
    """Organisation names that end before a police or military rank ("Polres Kampar AKBP
    Ronald …" → "Polres Kampar")."""
    return _ended_before(spans, lang.titles().ranks, after=1)


def _past_ranks(doc: Doc, j: int, end: int | None = None) -> int:
    """The token after the run of ranks, their service words and brackets from ``j``
    ("Letjen TNI (Purn) …"), up to ``end``."""
    end = len(doc) if end is None else end
    ranks = lang.titles().ranks
    while j < end and (doc[j].lower_.rstrip(".") in ranks or doc[j].text in "()"):
        j += 1
    return j


def _name_end(doc: Doc, j: int, limit: int, taken: set[int] | frozenset[int] = frozenset()) -> int:
    """The end of the capitalised words from token ``j`` that may be a person's name: at
    most ``limit``, none taken by a span, and none a title word, honorific, ordinary word,
    day, month, stop word or known place."""
    p = patterns()
    titles = lang.titles().words
    k = j
    while k < len(doc) and k - j < limit and doc[k].is_title and doc[k].is_alpha and k not in taken \
            and doc[k].lower_ not in titles and doc[k].lower_ not in p.honorifics \
            and doc[k].lower_ not in p.common_words and doc[k].lower_ not in p.calendar_words \
            and doc[k].lower_ not in STOP_WORDS and not gazetteer.is_place(doc[k].text):
        k += 1
    return k


def split_at_ranks(doc: Doc, spans: list[Span]) -> list[Span]:
    """A model span with a rank inside it, after a word that is no rank ("Sleman AKBP" of
    "Kapolres Sleman AKBP Edy …", "Polri Brigjen"), is the words before the rank and the
    words after the rank's run, each with the span's label (after an organisation's, a
    person): a rank is part of no name, place or organisation (spans opening with ranks
    are the titles' rules')."""
    ranks = lang.titles().ranks
    out = []
    for s in spans:
        i = next((i for i in range(s.start + 1, s.end) if doc[i].lower_.rstrip(".") in ranks
                  and doc[i - 1].lower_.rstrip(".") not in ranks), None)
        if i is None:
            out.append(s)
            continue
        j = _past_ranks(doc, i, s.end)
        out.append(Span(doc, s.start, i, label=s.label_))
        if j < s.end:  # an organisation's rank holder is a person: "Bareskrim Polri Brigjen Himawan"
            out.append(Span(doc, j, s.end, label="PER" if s.label_ == "ORG" else s.label_))
    return out


def _not_titles(spans: list[Span]) -> list[Span]:
    """Prefix-led organisations without those whose prefix opens a post's body
    (``titles.yaml``'s ``post_bodies``: "Ketua Majelis Hakim Fahzal …" is a post and its
    holder, not a council)."""
    bodies = lang.titles().post_bodies
    return [s for s in spans if not (len(s) > 1 and f"{s[0].lower_} {s[1].lower_}" in bodies)]


def _not_in_titles(spans: list[Span]) -> list[Span]:
    """Prefix-led places without those whose prefix ends a title written before it: in
    "Wali Kota Surabaya" and "Wakil Wali Kota Bandung" "Kota" is the post's, and the place
    is the name after it (:func:`territory_after_title`)."""
    heads = lang.titles().heads
    out = []
    for s in spans:
        before = [t.lower_ for t in s.doc[max(0, s.start - 2):s.start]]
        if not any(" ".join([*before[k:], s[0].lower_]) in heads for k in range(len(before))):
            out.append(s)
    return out


def _cut_at_heads(spans: list[Span]) -> list[Span]:
    """Place names that end before a word opening an organisation's unit or a post
    ("Kabupaten Bojonegoro Divisi Teknis …" → "Kabupaten Bojonegoro"), or before a word
    joining a list ("Kecamatan Dayeuhkolot dan Baleendah": two places)."""
    return _ended_before(spans, _unit_or_post_words() | lang.titles().list_joiners, after=2)


@functools.cache
def _unit_or_post_words() -> frozenset[str]:
    return patterns().name_heads | lang.titles().lead_words


def _is_lead_word(token, p: Patterns) -> bool:
    low = token.lower_.rstrip(".")
    opener = token.is_sent_start and (low in STOP_WORDS or low in p.common_words)
    return low in lang.titles().lead_words or low in p.honorifics or opener


def _kind_before_named(first: list[Span], last: list[Span]) -> list[Span]:
    """The events opened by their kind ("Pameran …"; its head may hold title words: "Rapat
    Dewan Gubernur"), without those cut inside a name that ends in its own head ("Pameran
    Indonesia International Motor" of "… Motor Show": that name is the event)."""
    return [f for f in first if not any(f.start < e.start < f.end < e.end for e in last)]


def rule_spans(doc: Doc) -> dict[str, list[Span]]:
    """Spans found by the patterns, by kind."""
    p = patterns()
    starts = {e.start: e for e in doc.ents}
    text = tokens.text(doc)

    def found(regex: re.Pattern, label: str, **how) -> list[Span]:
        return list(_spans(doc, text, regex, label, **how))

    return {
        "orgs": _person_after_post(_field_before_person(
            _cut_at_ranks(_not_titles(found(p.org_prefix, "ORG", trim=False, clip=starts))), starts), starts)
        + found(p.org_suffix, "ORG") + found(p.domain, "ORG", trim=False)
        + _foreign_bodies(found(p.body_suffix, "ORG")),
        "places": _cut_at_ranks(_cut_at_heads(_not_in_titles(found(p.place_prefix, "LOC", trim=False, clip=starts))))
        + found(p.place_suffix, "LOC", trim=False),
        "marked_places": _group_spans(doc, text, p.place_marker, "LOC"),
        "resident_places": _group_spans(doc, text, p.resident_place, "LOC"),
        "media": _group_spans(doc, text, p.media, "ORG"),
        "media_weak": _group_spans(doc, text, p.media_weak, "ORG"),
        "companies": _after_place(_two_companies(doc, _country_of_a_company_off(doc, found(p.business, "ORG"))),
                                  _after_origin(doc, text, p.company_origin))
        + _group_spans(doc, text, p.company_apposition, "ORG") + _listed(doc, text, p.company_list, "ORG")
        + _named_after_noun(doc, text, p.company_named) + _owned(doc, text, p.company_owned),
        "events": [s for rx in (p.programme, p.event_last, p.election) for s in found(rx, "EVENT")]
        + _kind_before_named(found(p.event_first, "EVENT", trim=False), found(p.event_last, "EVENT"))
        + [s for s in _group_spans(doc, text, p.programme_marker, "EVENT") if _programme_name(s)],
        "products": found(p.product_line, "PRODUCT", trim=False) + model_codes(doc, p)
        + _product_after_noun(doc, text, p.product_named)
        + found(p.product_suffix, "PRODUCT", trim=False)
        + _without_final_words(found(p.vessel, "PRODUCT", trim=False)
                               + _group_spans(doc, text, p.vessel_spelled, "PRODUCT")),
        "brands": found(p.brand, "PRODUCT", trim=False),
        "series": series_codes(doc, p),
        "epithets": found(p.epithet, "LOC", trim=False),
    }


def _country_of_a_company_off(doc: Doc, spans: list[Span]) -> list[Span]:
    """A company's name found by its business word without the country a lower-case
    company noun puts before it ("perusahaan Jepang Mitsubishi Heavy Industries": a Japanese
    company, "Mitsubishi Heavy Industries")."""
    nouns = {w.lower() for w in lang.load("org_forms")["company_nouns"] if " " not in w}
    index = gazetteer.country_words()
    texts, _ = token_texts(doc)
    out = []
    for s in spans:
        n = next((len(w) for w in index.get(texts[s.start], ()) if tuple(texts[s.start:s.start + len(w)]) == w), 0)
        after_noun = s.start > 0 and doc[s.start - 1].is_lower and doc[s.start - 1].lower_ in nouns
        out.append(Span(doc, s.start + n, s.end, label=s.label_) if n and after_noun and len(s) - n >= 2 else s)
    return out


def _two_companies(doc: Doc, spans: list[Span]) -> list[Span]:
    """A company named by its business word with "dan" inside is two companies: a business
    word before "dan" ends the first ("Coatue Management dan Insight Partners"), and a name
    before "dan" is one of its own ("Gogoro dan Indika Energy"; not "&": "Bain & Company" is
    one)."""
    out = []
    for s in spans:
        cut = next((t.i for t in s[1:-1] if t.lower_ == "dan" and doc[t.i - 1].is_title), None)
        if cut is None:
            out.append(s)
        else:
            out += [Span(doc, s.start, cut, label=s.label_), Span(doc, cut + 1, s.end, label=s.label_)]
    return out


def residents_places(spans: list[Span], found: list[Span]) -> list[Span]:
    """The places named after a word for their people ("warga Cianjur", "Masyarakat
    Bekasi"; of two words or more only a place the gazetteer knows), where no span of two words or more the model gave overlaps (a person "warga
    Budi Santoso"), and no organisation or person the acronym table or the gazetteer (with
    companies.tsv) knows ("warga NU", "warga Muhammadiyah")."""
    p = patterns()
    longer = [s for s in spans if len(s) > 1]
    return [f for f in found if (len(f) == 1 or gazetteer.is_place(f.text))
            and f.text not in p.acronyms and gazetteer.table().get(f.text) not in ("ORG", "PER")
            and not any(s.start < f.end and f.start < s.end and (s.start, s.end) != (f.start, f.end)
                        for s in longer)]


def _programme_name(span: Span) -> bool:
    """A name after "program" that is the programme's, not its owner's ("program Bank
    Dunia"): no organisation head opens it, and the gazetteer and the acronym table do not
    know it."""
    p = patterns()
    first = span[0].lower_
    return (first not in p.name_heads and " ".join(t.lower_ for t in span[:2]) not in p.name_heads
            and not gazetteer.table().get(span.text) and not gazetteer.is_place(span.text)
            and span.text not in p.acronyms)


def token_texts(doc: Doc) -> tuple[list[str], list[str]]:
    """The doc's token texts and their lower-case forms, made once per doc (walking a
    doc's tokens makes a Token object each time: the rules' main cost)."""
    return tokens.texts(doc)


def model_codes(doc: Doc, p: Patterns) -> list[Span]:
    """Model codes ("SU7") in a sentence that speaks of products (cars, phones, models)
    (series codes elsewhere: :func:`series_codes`)."""
    texts, lowers = token_texts(doc)
    out = []
    for i, text in enumerate(texts):
        text = text.rstrip(".")
        if not p.model_code.fullmatch(text) or text in p.acronyms or text in p.not_models:
            continue
        lo, hi = max(0, i - 12), min(len(doc), i + 12)
        if any(low in p.product_context for low in lowers[lo:hi]):
            out.append(Span(doc, i, i + 1, label="PRODUCT"))
    return out


def series_codes(doc: Doc, p: Patterns) -> list[Span]:
    """Series codes ("FR0100", "A400M": :func:`series_code`) wherever they stand; they fill
    where the model named nothing (a band "AKB48" the model took as an organisation stays
    one)."""
    texts = token_texts(doc)[0]
    return [Span(doc, i, i + 1, label="PRODUCT") for i in range(len(texts))
            if texts[i].rstrip(".") not in p.acronyms and texts[i].rstrip(".") not in p.not_models
            and series_code(texts, i, p)]


def series_code(texts: list[str], i: int, p: Patterns) -> bool:
    """Whether token ``i`` is a code that names a product anywhere (products.yaml
    ``series_code``): not a Roman numeral's year ("II-2018"), a currency's amount
    ("USD200"), a document's number ("S-274/…") nor a code of ``code_not_products``."""
    text = texts[i].rstrip(".")
    if not p.series_code.fullmatch(text) or text.startswith(p.code_not_products):
        return False
    letters = text[:len(text) - len(text.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))]
    rest = text[len(letters):].lstrip("-")
    year = rest[:4].isdigit() and 1900 <= int(rest[:4]) <= 2099 and not rest[4:5].isdigit()
    document = i + 1 < len(texts) and texts[i + 1] == "/" or i and texts[i - 1] == "/"
    return not (year and set(letters) <= set("IVXLCDM") or letters in p.currency_codes
                or document)


BRAND_CONTEXT = 8  # tokens before a brand-and-model name that may hold a product word


def _model_suffix(text: str) -> bool:
    """A number or a short code after a model's name: "Ioniq 5", "Brio RS"."""
    return len(text) <= 3 and (text.isdigit() or text.isupper() and text.isalpha())


def brand_models(doc: Doc, spans: list[Span]) -> list[Span]:
    """A company the gazetteer knows by one word, then a model's name, in a sentence that
    speaks of products before or after it ("mobil Toyota Avanza", "varian Wuling Air ev",
    "Honda Brio menjadi mobil terlaris"): a product, not the company, also over the model's
    span of the rest of its name ("Toyota Kijang" and "Innova Zenix").  The model's words
    are capitalised or model words ("Air", "Pro"), none an organisation form, business
    word or place ("Toyota Indonesia", "Toyota Group" stay)."""
    p = patterns()
    texts, lowers = token_texts(doc)
    known = gazetteer.table()
    out, gone = list(spans), set()
    for k, s in enumerate(spans):
        if id(s) in gone or s.label_ not in ("ORG", "PER") or known.get(texts[s.start]) != "ORG":
            continue
        end = s.end
        while end < len(doc) and end - s.start < 4 and (texts[end] in p.model_words or (
                len(s) == 1 and end == s.end and texts[end][:1].isupper() and not doc[end].is_sent_start)
                or end > s.start + 1 and _model_suffix(texts[end])):
            end += 1
        # the model named on by a span of the model's ("Toyota Kijang" + "Innova Zenix")
        after = next((o for o in spans if o.start == end and o.label_ in ("PER", "ORG") and o is not s), None)
        if after is not None and end > s.start and all(t.text[:1].isupper() for t in after):
            end = after.end
        model = texts[s.start + 1:end]
        if not model or any(w.lower() in p.name_heads or w.lower() in p.business_words
                            or gazetteer.is_country_or_listed_place(w) or w in p.acronyms for w in model):
            continue
        lo = max(0, s.start - BRAND_CONTEXT)
        sent_end = doc[s.start].sent.end if doc.has_annotation("SENT_START") else len(doc)
        context = lowers[lo:s.start] + lowers[end:min(sent_end, end + BRAND_CONTEXT)]
        if any(low in p.product_context for low in context) and not any(
                o.start < end and s.end <= o.start for o in spans if o is not s and o is not after):
            out[k] = Span(doc, s.start, end, label="PRODUCT")
            if after is not None and after.end == end:
                gone.add(id(after))
    return [o for o in out if id(o) not in gone]


# -- combining spans ---------------------------------------------------------------------

def _not_cutting_model_names(doc: Doc, spans: list[Span], kind: str, found: list[Span]) -> list[Span]:
    """The spans a pattern of ``kind`` found, without those that would cut a span of the
    model opening at the same word: a company named by its business word inside the
    model's longer name ("LG Energy" of "LG Energy Solution"), a place prefix's run that
    goes on past the model's place into two or more name words ("Kota Bandung Ema
    Sumarna" over "Kota Bandung"); a company's match goes on over the country the model's
    span of it ends in ("Samuel Sekuritas Indonesia"), and none is found inside the model's
    place opened by a place prefix ("Kawasan Industri Karawang New Industry City")."""
    if kind == "companies":
        place_heads = patterns().place_heads
        kept = [f for f in found if not any(s.label_ == "ORG" and s.start == f.start and s.end > f.end
                                            and all(t.is_title or t.is_upper for t in s) for s in spans)
                and not any(s.label_ == "LOC" and s.start < f.start and f.end <= s.end and s[0].lower_ in place_heads
                            for s in spans)]
        return [_with_country_after(f, spans) for f in kept]
    if kind == "places":
        return [f for f in found if not any(s.label_ == "LOC" and s.start == f.start and f.start < s.end < f.end
                                            and f.end - s.end >= 2 and _name_end(doc, s.end, MAX_RANKED_NAME) == f.end
                                            for s in spans)]
    if kind == "orgs":
        return [part for f in found for part in _two_bodies(doc, _first_name_given_back(doc, _place_prefix_off(doc, f), spans), spans)]
    return found


def _two_bodies(doc: Doc, org: Span, spans: list[Span]) -> list[Span]:
    """An organisation's pattern run over "dan" from the model's organisation into another
    body the gazetteer knows or a prefix opens ("Bank Dunia dan Dana Moneter Internasional"):
    the two organisations."""
    p = patterns()
    model_org = next((s for s in spans if s.label_ == "ORG" and s.start == org.start and s.end + 1 < org.end), None)
    if model_org is None or doc[model_org.end].lower_ not in p.list_joiners:
        return [org]
    rest = doc[model_org.end + 1:org.end]
    if gazetteer.table().get(rest.text) != "ORG" and rest[0].lower_ not in _org_prefix_words():
        return [org]
    return [Span(doc, model_org.start, model_org.end, label="ORG"), Span(doc, rest.start, rest.end, label="ORG")]


def _place_prefix_off(doc: Doc, org: Span) -> Span:
    """An organisation's pattern cut at the model's place, without the place's prefix it
    ended on ("Dinas Pendidikan Kota" before "Surabaya": "Dinas Pendidikan", the place
    "Kota Surabaya" left whole for the branch)."""
    prefixes = {w.lower() for w in patterns().administrative_prefixes}
    if len(org) > 2 and org[-1].lower_ in prefixes and org.end < len(doc) and doc[org.end].is_title:
        return Span(doc, org.start, org.end - 1, label=org.label_)
    return org


def _first_name_given_back(doc: Doc, org: Span, spans: list[Span]) -> Span:
    """An organisation's pattern that runs one word past the model's organisation into the
    model's person right after it ("Kementerian ESDM Eniya" before "Listiani Dewi"): the
    word is the person's first name, and the person is returned in its place; the model's
    organisation when the person already opens with it, or when after a title the pattern
    ran on over name words the model left alone ("Direktur Utama PT Bumi Resources Adika
    Nuraga Bakrie": the holder's, for the rules of names after posts)."""
    model_org = next((s for s in spans if s.label_ == "ORG" and s.start == org.start and s.end < org.end), None)
    if model_org is None:
        return org
    if any(s.label_ == "PER" and model_org.end <= s.start < org.end < s.end for s in spans):
        return model_org  # the person already has it (``back_after_comma``)
    person = next((s for s in spans if s.label_ == "PER" and s.start == org.end), None)
    if person is None and org.end - model_org.end >= 2 and _given_name(doc[model_org.end]) \
            and not any(s.start < org.end and model_org.end < s.end for s in spans if s is not model_org) \
            and _name_end(doc, model_org.end, MAX_HOLDER_WORDS) == org.end and org.start > 0 \
            and (doc[org.start - 1].lower_.rstrip(".") in lang.titles().lead_words or _fields_of_a_title(doc, org.start)):
        return model_org  # "Direktur Utama PT Bumi Resources Adika Nuraga Bakrie": the holder's words
    if person is None or model_org.end != org.end - 1 or not _given_name(doc[model_org.end]):
        return org
    return Span(doc, model_org.end, person.end, label="PER")


def _with_country_after(company: Span, spans: list[Span]) -> Span:
    """A company named by its business word, with the country a model's span over its end
    goes on to ("Samuel Sekuritas Indonesia", the model's person; "Sekuritas Indonesia" of
    "Mirae Asset Sekuritas Indonesia"): the company's country is its name's."""
    for s in spans:
        if company.start <= s.start < company.end < s.end \
                and gazetteer.is_country_or_listed_place(s.doc[company.end:s.end].text):
            return Span(s.doc, company.start, s.end, label="ORG")
    return company


def override(current: list[Span], new: Iterable[Span]) -> list[Span]:
    """``new`` spans (longest first among themselves) replace the ``current`` spans they
    overlap."""
    new = filter_spans(list(new))
    taken = {i for s in new for i in range(s.start, s.end)}
    kept = [s for s in current if not any(i in taken for i in range(s.start, s.end))]
    return sorted(kept + new, key=lambda s: s.start)


def fill(current: list[Span], new: Iterable[Span]) -> list[Span]:
    """``new`` spans added where they overlap nothing in ``current``."""
    out = list(current)
    taken = {i for s in out for i in range(s.start, s.end)}
    for span in filter_spans(list(new)):
        if not any(i in taken for i in range(span.start, span.end)):
            out.append(span)
            taken.update(range(span.start, span.end))
    return sorted(out, key=lambda s: s.start)


def relabel(current: list[Span], new: Iterable[Span]) -> list[Span]:
    """``new`` spans replace current spans with exactly their tokens, and fill elsewhere."""
    by_tokens = {(s.start, s.end): s for s in new}
    out = [by_tokens.pop((s.start, s.end), s) for s in current]
    return fill(out, by_tokens.values())


# -- cleaning the model's spans ----------------------------------------------------------

def _ordinary_opener(token, capitalised_inside: set[str]) -> bool:
    """A capitalised word opening a sentence that is an ordinary word, not a name: a known
    common word, or an affixed word ("Melansir") never capitalised inside a sentence here."""
    if not token.is_sent_start or not token.is_title or not token.is_alpha:
        return False
    low = token.lower_
    if low in patterns().common_words:
        return True
    return low not in capitalised_inside and len(low) > 5 and stemmer().stem(low) != low


def clean_model_spans(doc: Doc, spans: list[Span]) -> list[Span]:
    """In cased text: drop spans that start with a lower-case word or are a place's prefix
    alone ("Bendungan"), take an ordinary sentence-opening word off the front of a span
    (not where a bracketed acronym after the span spells it: "Perserikatan Bangsa-Bangsa
    (PBB)"), and end a span before a bracket it closes with ("Organisasi Kesehatan Dunia
    (WHO)": the name, and its acronym apart; not a legal form: "PT Pertamina (Persero)").
    Before that, adjacent person spans are joined and a title's field words dropped."""
    spans = drop_title_fields(doc, join_adjacent_people(doc, [_before_bracket(doc, s) for s in spans]))
    if not any(c.isupper() for c in tokens.text(doc)):
        return spans
    # one pass: a token's is_sent_start is not cheap (a doc with no sentences: its first token)
    if doc.has_annotation("SENT_START") and "sents" not in doc.user_hooks:  # doc.sents' starts
        opens = tokens.shapes(doc).opens
        starts = ({0} if len(doc) else set()) | {i for i in range(1, len(doc)) if opens[i]}
    else:
        starts = {sent.start for sent in doc.sents} if doc.has_annotation("SENT_START") else {0}
    _, lowers = token_texts(doc)
    title = tokens.shapes(doc).title
    inside = {low for i, low in enumerate(lowers) if title[i] and i not in starts}
    p = patterns()
    out = []
    for span in spans:
        if span[0].is_lower or (len(span) == 1 and span[0].lower_ in p.place_heads):
            continue  # a place's prefix alone ("Bendungan senilai …") names nothing
        start = span.start + 1 if _ordinary_opener(span[0], inside) and not _spelled_after(doc, span) else span.start
        while start > span.start and start < span.end and doc[start].is_lower:
            start += 1  # "Mobil listrik Wuling": the opener's lower-case words go with it
        if start < span.end:
            out.append(Span(doc, start, span.end, label=span.label_))
    return out


MAX_PERSON_WORDS = 6


def join_adjacent_people(doc: Doc, spans: list[Span]) -> list[Span]:
    """Two person spans of the model with only a space between are one person ("Dyah Roro"
    and "Esti Widya Putri"): two people are never written so."""
    out: list[Span] = []
    for s in spans:
        last = out[-1] if out else None
        if last is not None and last.label_ == s.label_ == "PER" and last.end == s.start \
                and doc[last.end - 1].whitespace_ == " " and s.end - last.start <= MAX_PERSON_WORDS \
                and doc[last.end - 1].text[-1:].isalpha() and s[0].text[:1].isupper() \
                and not any(_no_name_word(t.text) for t in doc[last.start:s.end]):
            out[-1] = Span(doc, last.start, s.end, label="PER")
        else:
            out.append(s)
    return out


def drop_title_fields(doc: Doc, spans: list[Span]) -> list[Span]:
    """Without the model's place or organisation spans made only of a title's field words
    right after the title's words ("Menteri Imigrasi dan Pemasyarakatan Agus …":
    "Pemasyarakatan" no place)."""
    t = lang.titles()
    out = []
    for s in spans:
        before = doc[s.start - 1].lower_ if s.start > 0 else ""
        inside = s.label_ in ("LOC", "ORG") and all(w.lower_ in t.fields for w in s) \
            and s.start >= 2 and (before in t.connectors or before in t.fields) \
            and doc[s.start - 2].lower_ in t.words
        if not inside:
            out.append(s)
    return out


def _no_name_word(word: str) -> bool:
    """A word of an organisation's or a place's name, never of a person's: a business word
    ("Sekuritas"), an organisation's head, a country or province ("Indonesia")."""
    p = patterns()
    low = word.lower()
    return low in p.business_words or low in p.name_heads or low in p.legal_words \
        or gazetteer.is_country_or_listed_place(word)


def _before_bracket(doc: Doc, span: Span) -> Span:
    """``span`` without a bracketed part that ends it, unless that part is a legal form, and
    without an opening bracket it ends with ("Mixed Hydroxide Precipitate (")."""
    if len(span) > 1 and span[-1].text == "(":
        return Span(doc, span.start, span.end - 1, label=span.label_)
    if len(span) < 4 or span[-1].text != ")" or "(" not in (t.text for t in span[1:-2]):
        return span
    opened = max(t.i for t in span[1:-2] if t.text == "(")
    if doc[opened:span.end].text in patterns().closing_forms:
        return span
    return Span(doc, span.start, opened, label=span.label_)


def _spelled_after(doc: Doc, span: Span) -> bool:
    """Whether a bracketed acronym right after ``span`` spells it from its first word."""
    end = span.end
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return False
    acronym = doc[end + 1].text
    return bool(ACRONYM.match(acronym)) and _spells(span.text, acronym) and not _spells(span[1:].text, acronym)


MAX_NAME_BACK = 3


def back_to_rank(doc: Doc, spans: list[Span]) -> list[Span]:
    """A person span the model started inside a name written after a rank ("Kombes Pol
    Nandang Mu'min Wijaya" → the model's "Mu'min Wijaya") starts right after the rank: the
    capitalised words between (up to three) are the name's."""
    ranks = lang.titles().ranks
    taken = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for s in spans:
        start = s.start
        if s.label_ == "PER":
            i = s.start - 1
            while i >= 0 and s.start - i <= MAX_NAME_BACK and i not in taken and doc[i].is_title \
                    and doc[i].lower_.rstrip(".") not in ranks:
                i -= 1
            if i >= 0 and i < s.start - 1 and doc[i].lower_.rstrip(".") in ranks:
                start = i + 1
        out.append(Span(doc, start, s.end, label=s.label_) if start != s.start else s)
    return out


MAX_RANKED_NAME = 4


def particle_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A capitalised word, one or two name particles and a capitalised word are a person
    (``honorifics.yaml``'s ``particles`` but "di", the preposition: "Ursula von der Leyen",
    "Lula da Silva"; with the capitalised word after it too: "Ahmad bin Yusuf Hasan"),
    whatever the model made of it; a span that ran into its first word ends before it
    ("Komisi Eropa Ursula" → "Komisi Eropa")."""
    particles = _name_particles()
    texts, lowers = token_texts(doc)
    shape = tokens.shapes(doc)
    found = []
    for i in range(1, len(doc) - 1):
        if lowers[i] not in particles or not shape.title[i - 1]:
            continue
        j = i + 1 if lowers[i + 1] not in particles else i + 2
        if j >= len(doc) or not shape.title[j] or not doc[j].is_alpha or not doc[i - 1].is_alpha:
            continue
        end = j + 1
        if end < len(doc) and shape.title[end] and doc[end].is_alpha and lowers[end] not in STOP_WORDS:
            end += 1
        start = i - 1
        if any(s.start <= start and end <= s.end for s in spans):
            continue  # the model's name holds it all ("Football Club de Metz")
        before = next((s for s in spans if s.start < start <= s.end), None)
        if before is not None and before.label_ == "PER":
            start = before.start  # "Luiz Inacio Lula da Silva"
        if found and found[-1].end > start:  # "Faisal bin Farhan Al" + "Farhan Al Saud": one name
            start = found.pop().start
        found.append(Span(doc, start, end, label="PER"))
    if not found:
        return spans
    out = []
    for s in spans:
        hit = next((f for f in found if s.start < f.end and f.start < s.end), None)
        if hit is None:
            out.append(s)
        elif s.start < hit.start:
            out.append(Span(doc, s.start, hit.start, label=s.label_))
    return sorted(out + found, key=lambda s: s.start)


@functools.cache
def _name_particles() -> frozenset[str]:
    return frozenset(w for w in lang.load("honorifics")["particles"] if w != "di")


MAX_MARKED_NAME = 4  # words of a name after its honorifics ("dr. Fitri Hartanto")


def people_after_honorifics(doc: Doc, spans: list[Span]) -> list[Span]:
    """The capitalised words after a run of honorifics written with their stop
    (``honorifics.yaml``'s ``name_markers``: "dr. Murti Utami", "Prof. Dr. Ir. H. Budi") are a
    person: up to four words, none an ordinary word, title word, day, month or known place.
    A span the model ran over the honorifics from before ends before them ("IDAI Jateng dr."
    → "IDAI Jateng"; a person's span there goes: it held the post's words).  Not after a body
    named after a person ("RSUD dr. Soetomo": :func:`namesake_bodies`)."""
    markers = lang.name_markers()
    texts, lowers = token_texts(doc)
    people = {s.start for s in spans if s.label_ == "PER"}  # the model's name there stays whole
    found, cut = [], {}
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and lowers[j].rstrip(".") in markers and (
                texts[j].endswith(".") or j + 1 < len(doc) and texts[j + 1] == "."):
            j += 1 if texts[j].endswith(".") else 2
        k = _name_end(doc, j, MAX_MARKED_NAME) if j > i and not _after_namesake_body(texts, i) else j
        if k > j:
            if j not in people:
                found.append(Span(doc, j, k, label="PER"))
            cut[i] = j
        i = max(k, i + 1)
    if not found:
        return spans
    out = []
    for s in spans:
        at = next((i for i in cut if s.start < i < s.end), None)
        if at is not None and s.label_ != "PER":
            out.append(Span(doc, s.start, at, label=s.label_))
        elif at is None:
            out.append(s)
    return override(out, found)


def _after_namesake_body(texts: list[str], i: int) -> bool:
    """Whether a body named after a person comes right before token ``i`` ("RSUD dr.
    Soetomo", "Rumah Sakit Umum Pusat (RSUP) Dr Sardjito": :func:`namesake_bodies`)."""
    bodies = patterns().namesake_bodies
    return any(i - n >= 0 and " ".join(texts[i - n:i]) in bodies for n in (1, 2, 3)) \
        or i >= 3 and texts[i - 1] == ")" and texts[i - 2] in bodies


def people_after_ranks(doc: Doc, spans: list[Span]) -> list[Span]:
    """The capitalised words right after a rank and the words written after it ("Marsdya TNI
    Kusworo", "Letjen TNI (Purn) Suharyanto", "AKP Dodi") are a person where the model saw
    none (or took the rank's service for an organisation: "TNI" there is the rank's, not a
    mention of the armed forces): up to four words, none an ordinary word, title word,
    day, month or known place.  A run must open with a rank proper, not a service word
    alone ("Panglima TNI Agus …": the TNI there is the post's)."""
    t = lang.titles()
    proper = t.ranks - t.rank_suffixes
    people = {i for s in spans if s.label_ == "PER" for i in range(s.start, s.end)}
    found = []
    _, lowers = token_texts(doc)
    shape = tokens.shapes(doc)
    i = 0
    while i < len(doc):
        if lowers[i].rstrip(".") not in proper or not shape.title[i] and not shape.upper[i]:
            i += 1
            continue
        j = _past_ranks(doc, i + 1)
        k = _name_end(doc, j, MAX_RANKED_NAME)
        if k > j and not any(n in people for n in range(j, k)):
            found.append(Span(doc, j, k, label="PER"))
        i = max(k, i + 1)
    return override(spans, found)


def drop_rank_services(doc: Doc, spans: list[Span]) -> list[Span]:
    """Without the organisation spans that are a rank's service word right after the rank
    ("TNI" of "Letjen TNI Suharyanto", "Pol" of "Irjen Pol …", "Laksamana Madya TNI"): part
    of the rank."""
    t = lang.titles()

    def after_rank(i: int) -> bool:  # "Letjen TNI", "Laksamana Madya TNI"
        low = doc[i - 1].lower_.rstrip(".") if i > 0 else ""
        return low in t.ranks or low in t.modifiers and i > 1 and doc[i - 2].lower_.rstrip(".") in t.ranks

    return [s for s in spans if not (
        s.label_ == "ORG" and after_rank(s.start) and all(w.lower_.rstrip(".") in t.rank_suffixes for w in s))]


TITLE_REACH = 8  # a title this many words before the organisation


def _bracketed_after(doc: Doc, i: int) -> bool:
    """Token ``i`` opens a bracketed word: an acronym after a name ("… Indonesia (IDAI)")."""
    return i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")"


def back_after_comma(doc: Doc, spans: list[Span]) -> list[Span]:
    """A person set off by a comma whose first name the model left out (", Andreas Eddy
    Susetyo," → the model's "Eddy Susetyo"), or written after a title and its organisation
    ("Direktur Utama BRI Hery Gunardi" → the model's "BRI" and "Gunardi"): the capitalised
    word between the comma (the organisation) and the person is the name's when it is no
    ordinary word, title, honorific, day, month or place."""
    titles = lang.titles().words
    taken = {i for s in spans for i in range(s.start, s.end)}
    orgs = {s.end: s for s in spans if s.label_ == "ORG"}
    orgs.update({o.end + 3: o for o in list(orgs.values()) if _bracketed_after(doc, o.end)})
    out = []
    for s in spans:
        i = s.start - 1
        word = doc[i] if i >= 1 and s.label_ == "PER" else None
        org = orgs.get(i)
        titled = org is not None and any(t.lower_ in titles for t in doc[max(0, org.start - TITLE_REACH, org.sent.start):org.start])
        if word is not None and i not in taken and (doc[i - 1].text == "," or titled) and _given_name(word):
            out.append(Span(doc, i, s.end, label=s.label_))
        else:
            out.append(s)
    return out


def holders_after_fields(doc: Doc, spans: list[Span]) -> list[Span]:
    """A body named by its field ("Dinas Pertanian") whose span runs on into one more word
    that is no field, place or ordinary word ("Kepala Dinas Pertanian Suparmono
    meninjau …"): that word is the post's holder."""
    heads = {h.lower() for h in patterns().branch_heads}
    t = lang.titles()
    words = t.fields | t.connectors
    out = []
    for s in spans:
        last = s[-1] if len(s) >= 3 else None
        if last is None or s.label_ != "ORG" or s[0].lower_ not in heads \
                or not all(w.lower_ in words for w in s[1:-1]) or last.lower_ in words \
                or dictionary_word(last.lower_) or not _given_name(last) \
                or s.end >= len(doc) or not doc[s.end].is_lower:
            out.append(s)
            continue
        out += [Span(doc, s.start, s.end - 1, label="ORG"), Span(doc, s.end - 1, s.end, label="PER")]
    return out


def experts_at_bodies(doc: Doc, spans: list[Span]) -> list[Span]:
    """A title's head (and its modifiers: "ekonom senior") before one capitalised word that
    is no known place and a run of name words no span holds ("peneliti Indef Bhima
    Yudhistira, …", "Ekonom Indef Faisal Basri menilai …"): the word is the title's
    organisation, the run its holder (the model, not knowing the body, made it a place
    and left the person)."""
    t = lang.titles()
    heads = {h for h in t.heads if " " not in h}
    by_start = {s.start: s for s in spans}
    covered = {i for s in spans for i in range(s.start, s.end)}
    new = []
    for i, word in enumerate(doc[:-2]):
        if word.lower_ not in heads or (i and doc[i - 1].is_title and doc[i - 1].lower_ not in STOP_WORDS):
            continue
        j = i + 1
        while j < len(doc) and doc[j].lower_ in t.modifiers:
            j += 1
        body = by_start.get(j)
        if j >= len(doc) or not doc[j].is_alpha or not (doc[j].is_title or doc[j].is_upper) \
                or gazetteer.is_place(doc[j].text) or doc[j].lower_ in t.words \
                or body is None or len(body) != 1 or body.label_ not in ("LOC", "ORG"):
            continue
        person = by_start.get(j + 1)
        if person is not None and person.label_ == "PER" and len(person) >= 2:
            new.append(Span(doc, j, j + 1, label="ORG"))
            continue
        end = _name_end(doc, j + 1, 3, covered)
        if end - j < 3 or (end < len(doc) and not (doc[end].is_punct or doc[end].is_lower)) \
                or not _given_name(doc[j + 1]):
            continue
        new += [Span(doc, j, j + 1, label="ORG"), Span(doc, j + 1, end, label="PER")]
    return override(spans, new) if new else spans


STOCK_CODE = re.compile(r"[A-Z]{4}")


DASHES = frozenset({"-", "--", "–", "—"})


def drop_opening_words(doc: Doc, spans: list[Span]) -> list[Span]:
    """Without a one-word person that is an ordinary word opening its sentence (or the text
    after a dateline's dash: "KALTENG.CO-Euforia membuncah …", "Halal, ISO 14001"), no given
    name of the name lists, no speaker of the speech verb after it ("Agun menegaskan"), and
    written nowhere else in the article inside a sentence."""
    texts, _ = token_texts(doc)
    given = gazetteer.given_names()
    out = []
    for s in spans:
        i = s.start
        if s.label_ == "PER" and len(s) == 1 and doc[i].is_title and doc[i].is_alpha \
                and (doc[i].is_sent_start or i == 0 or texts[i - 1] in DASHES) \
                and dictionary_word(doc[i].lower_) and doc[i].text not in given \
                and not (i + 1 < len(doc) and doc[i + 1].lower_ in patterns().speech_reporting) \
                and not any(t == doc[i].text and not doc[k].is_sent_start and k != i
                            and texts[k - 1] not in DASHES for k, t in enumerate(texts) if k):
            continue
        out.append(s)
    return out


def stock_codes(doc: Doc, spans: list[Span]) -> list[Span]:
    """Four-letter stock codes after a word for shares (``org_forms.yaml``'s
    ``stock_words``, any case: "Saham PANI dan TPIA melonjak"), and the codes listed after
    them, are listed companies, whatever type the model gave the code alone (an entry of
    the acronym table keeps its type: "saham IHSG" is none)."""
    p = patterns()
    texts, _ = token_texts(doc)
    found = []
    for i, text in enumerate(texts):
        if text.lower() not in p.stock_words:
            continue
        j = i + 1
        while j < len(doc) and STOCK_CODE.fullmatch(texts[j]) and p.acronyms.get(texts[j], ("", "ORG"))[1] == "ORG":
            found.append(Span(doc, j, j + 1, label="ORG"))
            j += 1
            if j + 1 < len(doc) and (texts[j] == "," or texts[j].lower() in p.list_joiners):
                j += 1
                if j + 1 < len(doc) and texts[j].lower() in p.list_joiners:  # ", dan"
                    j += 1
    longer = {i for s in spans if len(s) > 1 for i in range(s.start, s.end)}
    return override(spans, [f for f in found if f.start not in longer]) if found else spans


def holders_cut_from_bodies(doc: Doc, spans: list[Span]) -> list[Span]:
    """A body's or place's span that runs past a known place into a name's first words
    right before a person ("Dinas Pendidikan Kota Bandung Hikmat" + "Ginanjar"): those
    words are the person's ("Hikmat Ginanjar"), the span ends at the place."""
    by_start = {s.start: s for s in spans}
    tails = _name_tail_words()
    out, gone = [], set()
    for s in spans:
        person = by_start.get(s.end)
        cut = None
        if s.label_ in ("ORG", "LOC") and person is not None and person.label_ == "PER" and len(s) >= 3:
            for k in (len(s) - 1, len(s) - 2):
                if k >= 1 and all(_given_name(w) and w.lower_ not in tails for w in s[k:]) \
                        and len(person) + len(s) - k <= 4 \
                        and any(gazetteer.is_place(s[m:k].text) for m in range(max(0, k - 2), k)) \
                        and not any(gazetteer.is_place(s[m:e].text) for m in range(max(0, k - 2), k)
                                    for e in range(k + 1, len(s) + 1)):
                    cut = k
                    break
        if cut is None:
            out.append(s)
            continue
        out += [Span(doc, s.start, s.start + cut, label=s.label_), Span(doc, s.start + cut, person.end, label="PER")]
        gone.add(id(person))
    return [s for s in out if id(s) not in gone]


@functools.cache
def _name_tail_words() -> frozenset[str]:
    """Lower-case words that end names of bodies, companies and venues ("Center",
    "Group", "Tbk", "Association"): no person's."""
    forms, events = lang.load("org_forms"), lang.load("events_named")
    words = [*forms["body_words"], *forms["business_words"], *forms["legal_words"], *events["venue_tails"],
             *(w for suffix in forms["place_suffixes"] + forms["suffixes"] for w in suffix.split())]
    return frozenset(w.lower().strip(".,") for w in words)


def _given_name(word) -> bool:
    """A capitalised word that can open a person's name: no ordinary word, title,
    honorific, day, month or place."""
    p = patterns()
    low = word.lower_
    return (word.is_title and word.is_alpha and low not in p.common_words and low not in STOP_WORDS
            and low not in lang.titles().words and low not in p.honorifics
            and low not in p.calendar_words and not gazetteer.is_place(word.text))


HYPHENATED_GIVEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$")  # "Min-jun", "Jae-won"


def hyphenated_given_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A family name and a hyphenated given name are a person (East Asian names as
    romanised: "Kim Min-jun", "Moon Jae-in", "Ban Ki-moon"): the model's person runs on over
    the given name it left, and a one-word place or person before one, or a capitalised
    word the model left alone, becomes the person.  A doubled word ("Baru-baru") is none."""
    given = [i for i, text in enumerate(token_texts(doc)[0]) if "-" in text and HYPHENATED_GIVEN.match(text)
             and text.split("-")[0].casefold() != text.split("-")[1]]
    if not given:
        return spans
    by_end = {s.end: s for s in spans}
    covered = {i for s in spans for i in range(s.start, s.end)}
    new, drop = [], set()
    for i in given:
        if i in covered or i == 0 or not doc[i - 1].is_title:
            continue
        before = by_end.get(i)
        if before is None and i - 1 not in covered and not doc[i - 1].is_sent_start:
            new.append(Span(doc, i - 1, i + 1, label="PER"))
        elif before is not None and (before.label_ == "PER" or len(before) == 1 and before.label_ == "LOC"):
            drop.add((before.start, before.end))
            new.append(Span(doc, before.start, i + 1, label="PER"))
    return sorted([s for s in spans if (s.start, s.end) not in drop] + new, key=lambda s: s.start)


MAX_HOLDER_WORDS = 4


def _post_then_name(span: Span, abbreviations, title_words) -> int:
    """How many words of a post open a span that goes on in two to four capitalised words
    that are no title, organisation or ordinary words (an abbreviated title, a title of two
    words or a post's body: "Wamenkeu X", "Majelis Hakim X"): a post and its holder, not an
    organisation; 0 when it is none."""
    heads = lang.titles().heads | lang.titles().post_bodies
    if span[0].lower_ in abbreviations:
        n = 1
    elif len(span) > 2 and f"{span[0].lower_} {span[1].lower_}" in heads:
        n = 2
    else:
        return 0
    rest = span[n:]
    p = patterns()
    holder = (2 - (n == 1) <= len(rest) <= MAX_HOLDER_WORDS
              and all(t.is_title and t.lower_ not in title_words and t.lower_ not in lang.titles().org_starts
                      and t.lower_ not in p.common_words for t in rest))
    return n if holder else 0


def strip_titles(spans: Iterable[Span]) -> list[Span]:
    """Person spans without leading titles and honorifics and trailing degrees (a span that
    is all title or degree goes), and without a word the page repeated ("Jokowi Jokowi" →
    "Jokowi"); a span of another type opening with an abbreviated title and going on in
    capitalised words is a person's ("Wamenkeu Suahasil Nazara")."""
    p = patterns()
    title_words = lang.titles().words
    abbreviations = lang.titles().abbreviations
    out = []
    for span in spans:
        start, end = span.start, span.end
        post = _post_then_name(span, abbreviations, title_words) if span.label_ != "PER" else 0
        if post:  # "Wamenkeu Suahasil Nazara": a post, then its holder
            start += post
            span = Span(span.doc, start, end, label="PER")
        if span.label_ == "PER":
            while start < end and (span.doc[start].lower_.rstrip(".") in title_words
                                   or span.doc[start].lower_.rstrip(".") in p.honorifics
                                   or span.doc[start].is_punct):
                start += 1
            while end > start and (span.doc[end - 1].lower_.rstrip(".") in p.degrees
                                   or span.doc[end - 1].is_punct):
                end -= 1  # "Abdul Kasim, S.H., M.Si."
            if start == end:
                continue
            if end - start == 2 and span.doc[start].text == span.doc[start + 1].text:
                end -= 1
        out.append(Span(span.doc, start, end, label=span.label_))
    return out


# -- acronyms -------------------------------------------------------------------------

def listed_fields(doc: Doc, spans: list[Span]) -> list[Span]:
    """A public body named by a list of its fields runs over the list: "Badan Meteorologi,
    Klimatologi, dan Geofisika", "Kementerian Desa, Pembangunan Daerah Tertinggal, dan
    Transmigrasi" (the name span stopped at the first comma).  Each item is capitalised
    words that name nothing themselves (no prefix, acronym, known place or organisation),
    and the list ends with "dan" and an item."""
    p = patterns()
    heads = p.field_list_heads
    out = []
    for span in spans:
        if span.label_ != "ORG" or doc[span.start].lower_ not in heads:
            out.append(span)
            continue
        end, i, closed = span.end, span.end, False
        while i < len(doc) and doc[i].text == "," and not closed:
            j = i + 1
            closed = j < len(doc) and doc[j].lower_ in p.list_joiners
            k = _field_run(doc, j + closed, p)
            if k == j + closed:
                break
            end, i = (k if closed else end), k
            if not closed and i < len(doc) and doc[i].lower_ in p.list_joiners:  # "…, Informasi dan Komunikasi"
                k = _field_run(doc, i + 1, p)
                if k > i + 1:
                    end, closed = k, True
        out.append(Span(doc, span.start, end, label="ORG") if closed else span)
    return filter_spans(out)


def _field_run(doc: Doc, j: int, p: Patterns) -> int:
    """Where the run of field words starting at token ``j`` ends."""
    while j < len(doc) and _field_word(doc[j], p):
        j += 1
    return j


def _field_word(token, p: Patterns) -> bool:
    text = token.text
    return (token.is_title and not _is_head(text.lower(), p)
            and text not in p.acronyms and not gazetteer.is_place(text))


def bodies_for_a_cause(doc: Doc, spans: list[Span]) -> list[Span]:
    """An organisation, a purpose word and the capitalised words of its purpose, then its
    acronym in brackets, are one organisation ("Badan PBB untuk Pengungsi Palestina
    (UNRWA)", "Dana PBB untuk Anak-Anak (UNICEF)"; ``org_forms.yaml``'s ``purpose_words``):
    the model split the name at the lower-case word."""
    p = patterns()
    texts, _ = token_texts(doc)
    by_end = {s.end: s for s in spans}
    covered = {i for s in spans for i in range(s.start, s.end)}
    out, gone = list(spans), set()
    for k, text in enumerate(texts):
        if text != "(" or k + 2 >= len(doc) or texts[k + 2] != ")" or not ACRONYM.match(texts[k + 1]):
            continue
        j = k
        while j > 0 and (doc[j - 1].is_title or doc[j - 1].is_upper or texts[j - 1] in ",-") and j > k - MAX_PURPOSE:
            j -= 1
        if j == k or j < 2 or texts[j - 1].lower() not in p.purpose_words:
            continue
        body = by_end.get(j - 1)
        if body is None or body.label_ != "ORG":
            continue
        start = body.start  # a capitalised head the model left before the body: "Dana PBB"
        while start > 0 and doc[start - 1].is_title and not doc[start - 1].is_sent_start and start - 1 not in covered:
            start -= 1
        inside = [s for s in spans if start <= s.start and s.end <= k]
        gone.update(id(s) for s in inside)
        out.append(Span(doc, start, k, label="ORG"))
    return sorted((s for s in out if id(s) not in gone), key=lambda s: s.start) if gone else spans


MAX_PURPOSE = 8  # capitalised words of a body's purpose before its acronym


def long_forms_to_their_acronyms(doc: Doc, spans: list[Span]) -> list[Span]:
    """An organisation's span that stops a word or two short of the acronym in brackets it
    is spelled by ("Federasi Serikat Guru" before "Indonesia (FSGI)", "Nahdlatul Ulama" after
    "Pengurus Besar" and before "(PBNU)"): it takes those words when the initials of all its
    words spell the acronym and its own do not."""
    covered = {i for s in spans for i in range(s.start, s.end)}
    connectors = patterns().connectors
    heads = lang.titles().one_word_heads

    def initials(words) -> str:
        return "".join(t.text[0] for t in words if t.lower_ not in connectors).upper()

    def free(words) -> bool:  # no span's, capitalised, no title's head ("Ketua Umum …")
        return all(t.i not in covered and t.is_title and t.lower_ not in heads for t in words)

    out = []
    for s in spans:
        grown = s
        for after in (0, 1, 2):
            i = s.end + after
            if s.label_ != "ORG" or i + 2 >= len(doc) or doc[i].text != "(" or doc[i + 2].text != ")":
                continue
            acronym = doc[i + 1].text
            if not acronym.isupper() or initials(s) == acronym or not free(doc[s.end:i]):
                break
            for before in (0, 1, 2):
                start = s.start - before
                if start < 0 or not free(doc[start:s.start]):
                    break
                if initials(doc[start:i]) == acronym:
                    grown = Span(doc, start, i, label="ORG")
                    break
            break
        out.append(grown)
    return out


def acronym_definitions(doc: Doc, spans: list[Span]) -> tuple[list[Span], list[tuple], set[str]]:
    """Spans for acronyms defined in the text, the (short, long) links between them, and
    the acronyms of lower-case phrases ("battery electric vehicle (BEV)": no name)."""
    by_end = {s.end: s for s in spans}
    by_start = {s.start: s for s in spans}
    new, links, plain = [], [], set()
    texts, _ = token_texts(doc)
    for tok in (doc[i] for i, text in enumerate(texts) if text == "("):
        close = next((j for j in range(tok.i + 1, min(len(doc), tok.i + MAX_GLOSS + 4)) if texts[j] == ")"), None)
        if close is None or close == tok.i + 1:
            continue
        if _glossed_term(doc, tok.i, close):  # "(non-performing loan/NPL)": a term's acronym
            plain.add(texts[close - 1])
            continue
        if close > tok.i + 5:
            continue
        inner = doc[tok.i + 1: close]
        if inner.text.lower() in patterns().vessel_codes:
            continue  # "Kapal Motor Penumpang (KMP) …": a ship's code, no organisation's acronym
        if doc[tok.i:close + 1].text in patterns().closing_forms:
            continue  # "PT Pertamina (Persero)": a legal form, no acronym
        if _document_named_before(doc, tok.i):  # "Regulasi Deforestasi Uni Eropa (EUDR)"
            plain.add(inner.text)
            continue
        before = by_end.get(tok.i) or _capitalised_before(doc, tok.i, inner.text)
        if before is None and tok.i > 1 and texts[tok.i - 1] == "." and by_end.get(tok.i - 1) is not None \
                and by_end[tok.i - 1].label_ == "ORG":
            before = by_end[tok.i - 1]  # "PT … Tbk. (GOTO)": the legal form's stop before the bracket
        if before is not None and before.label_ == "LOC" and not _spelled_from_a_word(
                [t.text for t in before], inner.text):
            before = None  # "militer Israel (IDF)": the acronym of words around the place, not of it
        if before is not None and _looks_short(inner) and len(inner.text) < len(before.text):
            new.append(Span(doc, inner.start, inner.end, label=before.label_))
            links.append(((inner.start, inner.end), (before.start, before.end)))
        elif tok.i > 0 and _looks_short(doc[tok.i - 1: tok.i]) and inner.start in by_start:
            long = by_start[inner.start]  # "BEV (Battery Electric Vehicle)"; not "Gabungan (IHSG)"
            if long.end == close and sum(c.isupper() for c in doc[tok.i - 1].text) >= 2 \
                    and len(long.text) > len(doc[tok.i - 1].text):
                new.append(Span(doc, tok.i - 1, tok.i, label=long.label_))
                links.append(((tok.i - 1, tok.i), (long.start, long.end)))
        elif _looks_short(inner) and _lower_before_spells(doc, tok.i, inner.text):
            plain.add(inner.text)
    return new, links, plain


def short_names_after_or(doc: Doc, spans: list[Span]) -> list[tuple[Span, Span]]:
    """(short name, organisation) for an organisation's short name written after it and
    "atau" ("PT Asuransi Jasa Indonesia (Persero) atau Jasindo", "Perusahaan Listrik Negara
    atau PLN"): one capitalised word, no longer span's start, whose letters the name's last
    words spell from the first letter of one of them (legal forms aside), or an acronym
    that opens with the name's first letter and is no other body's of the acronym table."""
    p = patterns()
    starts = {s.start: s for s in spans}
    out = []
    for s in spans:
        k = s.end
        if s.label_ != "ORG" or k + 2 > len(doc) or doc[k].lower_ != "atau":
            continue
        short = doc[k + 1]
        other = starts.get(k + 1)
        if not short.text[:1].isupper() or not short.is_alpha or other is not None and len(other) > 1 \
                or k + 2 < len(doc) and _given_name(doc[k + 2]) and doc[k + 2].text not in p.branch_words \
                and not doc[k + 2].is_sent_start and not short.is_upper:
            continue  # (an acronym may stand before the post's holder: "… atau KAI Anne Purba")
        words = [t.text for t in s if t.is_alpha and t.lower_ not in p.legal_words]
        # an acronym the name opens, not spelled by it ("PT Semen Indonesia (Persero) Tbk atau
        # SIG"), and none of another body the table knows ("Pertamina atau PLN")
        opened = short.is_upper and len(short) >= 2 and short.text not in p.acronyms \
            and bool(words) and short.text[0] == words[0][0].upper()
        if (_spelled_from_a_word(words, short.text) or opened) and short.text not in words:
            out.append((Span(doc, k + 1, k + 2, label="ORG"), s))
    return out


def holders_after_short_names(doc: Doc, said_or: list[tuple[Span, Span]]) -> list[Span]:
    """The post's holder right after an organisation's short name (:func:`short_names_after_or`)
    when a title comes before the organisation ("Vice President Public Relations PT Kereta
    Api Indonesia (Persero) atau KAI Anne Purba"): two to four capitalised words, none an
    ordinary word, title word or known place."""
    titles = lang.titles().words
    out = []
    for short, long in said_or:
        end = _name_end(doc, short.end, MAX_RANKED_NAME)
        if end - short.end >= 2 and any(t.lower_ in titles for t in doc[max(0, long.start - 6):long.start]):
            out.append(Span(doc, short.end, end, label="PER"))
    return out


def gazetteer_acronyms(doc: Doc, spans: list[Span], links: list[tuple]) -> tuple[list[Span], list[tuple]]:
    """The acronyms defined after names only the gazetteer found ("Dana Moneter
    Internasional (IMF)"), as :func:`acronym_definitions` finds them after the model's."""
    if "(" not in tokens.text(doc):
        return spans, links
    new, found, _ = acronym_definitions(doc, spans)
    shorts = {short for short, _ in links}
    added = [link for link in found if link[0] not in shorts]
    if not added:
        return spans, links
    starts = {short for short, _ in added}
    return fill(spans, [s for s in new if (s.start, s.end) in starts]), links + added


def _looks_short(span: Span) -> bool:
    """An acronym-like span: one to three words, starting with a capital, no long words."""
    words = span.text.split()
    return 0 < len(words) <= 3 and all(ACRONYM.match(w) for w in words) and len(span.text) <= 20


def _document_named_before(doc: Doc, paren: int) -> bool:
    """Whether the capitalised words right before ``paren`` open with a word of a
    document's name (``concepts.yaml``'s ``document_words``: "Regulasi", "Perjanjian"), or
    follow one and up to two lower-case words of no stop word ("aturan bebas deforestasi")."""
    i = paren
    while i > 0 and (doc[i - 1].is_title or doc[i - 1].is_upper or "-" in doc[i - 1].text
                     and doc[i - 1].text[:1].isupper() or doc[i - 1].lower_ in ("dan", "&")):
        i -= 1
    words = patterns().document_words
    if i < paren and doc[i].lower_ in words:
        return True
    # "aturan bebas deforestasi Uni Eropa (EUDR)": the document word, its lower-case words
    for k in range(i - 1, max(-1, i - 1 - MAX_DOCUMENT_WORDS), -1):
        if not doc[k].is_lower or doc[k].lower_ in STOP_WORDS:
            return False
        if doc[k].lower_ in words:
            return k < i - 1
    return False


MAX_DOCUMENT_WORDS = 3  # a document word, then at most two lower-case words describing it


MAX_GLOSS = 6  # words of a term's gloss before its acronym in brackets ("loan to deposit ratio/LDR")


def _glossed_term(doc: Doc, open_: int, close: int) -> bool:
    """Whether the brackets hold lower-case words, a slash and an acronym they spell
    ("(non-performing loan/NPL)", "(loan to deposit ratio/LDR)"): a term glossed in
    English, no name."""
    words = [t.text for t in doc[open_ + 1:close - 2]]
    return (close - open_ >= 4 and doc[close - 2].text == "/" and ACRONYM.match(doc[close - 1].text) is not None
            and 0 < len(words) <= MAX_GLOSS and all(w.replace("-", "").islower() for w in words)
            and _spells(" ".join(words), doc[close - 1].text))


def _lower_before_spells(doc: Doc, paren: int, acronym: str) -> bool:
    """Whether lower-case words right before ``paren`` spell ``acronym`` (as many words as
    it has letters, or fewer, two at least, from the one its first letter opens:
    "mengenakan bea masuk antidumping (BMAD)")."""
    for k in range(min(len(acronym), paren), 1, -1):
        words = [t.text for t in doc[paren - k:paren]]
        if all(w.islower() for w in words) and _spells(" ".join(words), acronym):
            return True
    return False


def _capitalised_before(doc: Doc, paren: int, acronym: str) -> Span | None:
    """The capitalised words (with commas and connectors) right before ``paren`` whose
    letters spell ``acronym`` in order, as an ORG span; None when there are none."""
    p = patterns()
    i = paren
    while i > 0:
        t = doc[i - 1]
        if t.is_title or t.is_upper or t.text == "," or (t.lower_ in STOP_WORDS and doc[i].is_title):
            i -= 1
        else:
            break
    # after a title's head ("Kepala Badan Pusat Statistik (BPS)"), unless the head is a word
    # of the name the acronym spells ("Kantor Staf Presiden (KSP)", "Persatuan Guru Republik
    # Indonesia (PGRI)"): the latest start whose words spell it
    heads = [j for j in range(i, paren) if doc[j].lower_ in lang.titles().lead_words]
    for start in [h + 1 for h in reversed(heads)] + [i]:
        while start < paren and (doc[start].text == "," or doc[start].lower_ in STOP_WORDS):
            start += 1
        if paren - start >= 2 and _spells(doc[start:paren].text, acronym):
            return Span(doc, start, paren, label="ORG")
    return None


def _spelled_from_a_word(words: list[str], short: str) -> bool:
    """Whether ``short``'s letters appear in order in ``words`` from the first letter of one
    of them (:func:`_spells` on each tail: "Stadion Utama Gelora Bung Karno" spells "GBK")."""
    return any(_spells(" ".join(words[n:]), short) for n in range(len(words)))


def _spells(long: str, short: str) -> bool:
    """Whether ``short``'s letters appear in ``long`` in order, starting with its first."""
    long, short = long.lower(), [c for c in short.lower() if c.isalnum()]
    if not short or not long or long[0] != short[0]:
        return False
    pos = 0
    for c in short:
        pos = long.find(c, pos)
        if pos < 0:
            return False
        pos += 1
    return True


def repeat_acronyms(doc: Doc, spans: list[Span], links: list[tuple]) -> list[Span]:
    """Other mentions of the acronyms defined in the text, with their type."""
    labels = {(s.start, s.end): s.label_ for s in spans}
    known = {doc[a:b].text: labels.get((a, b), "ORG") for (a, b), _ in links if b - a == 1}
    if not known:
        return []
    return [Span(doc, i, i + 1, label=known[text]) for i, text in enumerate(token_texts(doc)[0]) if text in known]


def table_acronyms(doc: Doc, spans: list[Span]) -> list[Span]:
    """Acronyms of the shipped table (exact case), a variant suffix ("RI") kept with them
    (and no place after an organisation's bracketed acronym: "Kementerian Perindustrian
    (Kemenperin) RI"); a model span that runs on into one ("Instagram Kemenperin") is cut before it, unless a
    prefix alone comes before it ("Perum Bulog", "Kementerian BUMN": cut after it)."""
    p = patterns()
    texts, _ = token_texts(doc)
    found = []
    for i, text in enumerate(texts):
        entry = p.acronyms.get(text)
        if entry is None:
            if acronym_pair(text):  # "TNI-Polri": two bodies in one word (nlp.harvest parts them)
                found.append(Span(doc, i, i + 1, label="ORG"))
            continue
        end = i + 1
        if end < len(doc) and texts[end] in p.variant_suffixes and entry[1] == "ORG":
            end += 1
        if text in p.variant_suffixes and i >= 3 and texts[i - 1] == ")" and texts[i - 3] == "(" \
                and p.acronyms.get(texts[i - 2], ("", "ORG"))[1] == "ORG":
            continue  # "Dewan Perwakilan Rakyat (DPR) RI": the body's, as in "DPR RI"; no place
        found.append(Span(doc, i, end, label=entry[1]))
    cut = []
    for span in spans:
        inner = next((a for a in found if span.start < a.start < span.end), None)
        if inner is None or span.label_ == "EVENT":  # an event names its body: "HUT ke-79 RI", "Rakernas PDIP"
            cut.append(span)
        elif _is_head(doc[span.start:inner.start].text.lower(), p):
            # the acronym completes a prefix-led name: "Perum Bulog", "Gedung Bulog",
            # "Kementerian BUMN" (and ends it: "Kementerian BUMN dan Kantor BPS"; not
            # before its legal form: "PT Pertamina (Persero)")
            closing = doc[inner.end:span.end].text in p.closing_forms
            # ... nor before more of a subsidiary's name: "PT Pertamina Patra Niaga"
            named_on = span.end > inner.end and all(t.is_title or t.is_upper for t in doc[inner.end:span.end])
            cut.append(Span(doc, span.start, span.end if closing or named_on else inner.end, label=span.label_))
        else:
            end = inner.start
            while end - span.start > 1 and (doc[end - 1].lower_ in p.connectors or doc[end - 1].text in ",;"):
                end -= 1  # "Kementerian Keuangan dan" of "… dan OJK"
            if not _field_word_after_and(doc, span.start, end):
                cut.append(Span(doc, span.start, end, label=span.label_))
            if span.label_ == "ORG" and inner.end < span.end and _name_end(doc, inner.end, MAX_HOLDER_WORDS) == span.end:
                cut.append(Span(doc, inner.end, span.end, label="PER"))  # "… Kemenkes Maria Endang Sumiwi"
    return fill(cut, found)


def _field_word_after_and(doc: Doc, start: int, end: int) -> bool:
    """One ordinary word after "dan" (the last of a title's fields: "Direktur Jenderal
    Kesehatan Primer dan Komunitas Kemenkes …"), no name."""
    return end - start == 1 and start > 0 and doc[start - 1].lower_ in patterns().list_joiners \
        and dictionary_word(doc[start].lower_)


def acronym_fields(doc: Doc, spans: list[Span]) -> list[Span]:
    """A body's acronym alone, then a capitalised field word that ends the name (the next
    word not capitalised): the body of that field, one organisation ("BPJS Kesehatan",
    "BPJS Ketenagakerjaan"); not a place ("BPS Jawa Barat" is a branch) nor a title-case
    line's next word ("KPK Tetapkan Lima …")."""
    p = patterns()
    fields = lang.titles().fields
    texts, _ = token_texts(doc)
    taken = {s.start for s in spans}
    out = []
    for s in spans:
        k = s.end
        if s.label_ == "ORG" and len(s) == 1 and s.text in p.acronyms and k < len(doc) and k not in taken \
                and doc[k].is_title and texts[k].lower() in fields and not gazetteer.is_place(texts[k]) \
                and (k + 1 == len(doc) or not texts[k + 1][:1].isupper()):
            s = Span(doc, s.start, k + 1, label="ORG")
        out.append(s)
    return out


MIN_COUNTRY_ACRONYM = 3  # "UEA", "RRT"; not "AS", a word of other sentences in capitals


def countries(doc: Doc, spans: list[Span]) -> list[Span]:
    """Countries of ``lang/id/countries.tsv`` written as it writes them are places: where
    the model saw nothing ("UEA"), and over a place the model cut inside one ("Rusia" of
    "Federasi Rusia").  An all-capitals name needs ``MIN_COUNTRY_ACRONYM`` letters; a
    country between capitalised words is left to the name it may end ("Bursa Efek
    Indonesia", "Kedutaan Besar UEA")."""
    texts, _ = token_texts(doc)
    index = gazetteer.country_words()
    found = []
    for i, text in enumerate(texts):
        for words in index.get(text, ()):
            n = len(words)
            if tuple(texts[i:i + n]) != words or (n == 1 and text.isupper() and len(text) < MIN_COUNTRY_ACRONYM):
                continue
            found.append(Span(doc, i, i + n, label="LOC"))
            break
    wider = [c for c in found if any(s.label_ == "LOC" and c.start <= s.start and s.end <= c.end
                                     and (s.start, s.end) != (c.start, c.end) for s in spans)]
    alone = [c for c in found if not _in_capitalised_run(doc, c)]
    return fill(override(spans, wider), alone)



def players_after_countries(doc: Doc, spans: list[Span]) -> list[Span]:
    """A player or envoy named after the country they stand for ("pasangan China Liang
    Weikeng/Wang Chang", "pemain Thailand Kunlavut Vitidsarn", "wakil China Shi Yu Qi"):
    after a lower-case word of a person's standing (``titles.yaml``: representatives,
    person_introducers, pair_words) the country is a place and the two to four capitalised
    words after it a person, two of a pair split at "/"."""
    t = lang.titles()
    nouns = t.representatives | t.person_introducers | t.pair_words
    index = gazetteer.country_words()
    texts, _ = token_texts(doc)
    new: list[Span] = []
    for i in range(1, len(doc)):
        before = " ".join(texts[max(0, i - 2):i]).casefold()
        if not doc[i - 1].is_lower or (doc[i - 1].lower_ not in nouns and before not in nouns):
            continue
        country = next((len(w) for w in index.get(texts[i], ()) if tuple(texts[i:i + len(w)]) == w), 0)
        k, people = i + country, []
        while country and (end := _player_name_end(doc, k)) - k >= 2:
            people.append(Span(doc, k, end, label="PER"))
            if end + 1 >= len(doc) or doc[end].text != "/":
                break
            k = end + 1
        if people:
            new += [Span(doc, i, i + country, label="LOC"), *people]
    return override(spans, new) if new else spans


def _player_name_end(doc: Doc, j: int) -> int:
    """The end of up to four capitalised words from ``j`` (a hyphenated given name too:
    "Won-ho") that are no title, ordinary word, day, month or stop word."""
    p = patterns()
    titles = lang.titles().words
    k = j
    while k < len(doc) and k - j < MAX_HOLDER_WORDS \
            and (doc[k].is_title and doc[k].is_alpha or HYPHENATED_GIVEN.match(doc[k].text)) \
            and doc[k].lower_ not in titles and doc[k].lower_ not in p.common_words \
            and doc[k].lower_ not in p.calendar_words and doc[k].lower_ not in STOP_WORDS:
        k += 1
    return k


def _in_capitalised_run(doc: Doc, span: Span) -> bool:
    # a sentence's first word is capitalised anyway: "Warga Demak …" is no name run
    before = span.start > 0 and not doc[span.start].is_sent_start and doc[span.start - 1].text[:1].isupper() \
        and not doc[span.start - 1].is_sent_start
    after = span.end < len(doc) and doc[span.end].text[:1].isupper()
    return before or after


MAX_SHORT_FORM = 8


def _coined(word: str) -> bool:
    """A word that is no ordinary word, place or given name: a coined name ("Taspen")."""
    low = word.lower()
    return low not in patterns().common_words and not dictionary_word(low) and not gazetteer.is_place(word) \
        and word not in gazetteer.given_names()


def company_short_forms(doc: Doc, spans: list[Span]) -> list[Span]:
    """The article's companies named again by the first words of their name: "Baterai
    Nusantara" for "PT Baterai Nusantara Energi Tbk" (a name with a legal form; at least two
    words, or the one coined word of the name: "Taspen" of "PT Taspen (Persero)"; as
    written, not followed by another capitalised word of no entity).  A person
    span the model put on exactly those words gives way; one that runs on from them into a
    name ("CEO Hanul Motors Park Ji-hoon") is cut in two, the company and the person; a
    one-word person span on the company's first word ("Hanul juga menjajaki …", "Asahi"
    of "Asahi Chemical") becomes the company, unless that word is also part of a longer
    person name in the article."""
    p = patterns()
    legal = p.legal_words
    owner = {i: s for s in spans for i in range(s.start, s.end)}
    forms: set[tuple[str, ...]] = set()
    firsts = {s[0].text for s in spans if s.label_ == "ORG" and len(s) > 1 and s[-1].text in p.first_word_names}
    for span in spans:
        words = [t for t in span if not t.is_punct]
        if span.label_ != "ORG" or not any(t.lower_.rstrip(".") in legal for t in words):
            continue
        core = [t.text for t in words if t.lower_.rstrip(".") not in legal]
        # a short form is the first words of a name: a few, never the whole of a run-on span
        forms.update(tuple(core[:k]) for k in range(2, min(len(core), MAX_SHORT_FORM) + 1))
        if len(core) == 1 and core[0].isalpha() and core[0].istitle() and _coined(core[0]):
            forms.add((core[0],))  # "Taspen" of "PT Taspen (Persero)": a coined one-word name
        if len(core) >= 2 and core[0] in p.short_form_after and core[1].isalpha() and core[1].istitle() \
                and core[1].lower() not in p.common_words and not gazetteer.is_place(core[1]):
            forms.add((core[1],))  # "Jiwasraya" of "PT Asuransi Jiwasraya (Persero)"
    found, cut = [], set()
    texts, _ = token_texts(doc)
    at: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        at.setdefault(text, []).append(i)
    for form in sorted(forms, key=lambda f: (len(f), f), reverse=True):
        n = len(form)
        for i in at.get(form[0], ()):
            if tuple(texts[i:i + n]) != form:
                continue
            held = {owner[j] for j in range(i, i + n) if j in owner}
            person = next(iter(held)) if len(held) == 1 else None
            if person is not None and person.label_ == "PER" and person.start == i \
                    and person.end > i + n and doc[i + n].is_title and person not in cut:
                cut.add(person)
                found += [Span(doc, i, i + n, label="ORG"), Span(doc, i + n, person.end, label="PER")]
                continue
            if held and not all(h.label_ == "PER" and (h.start, h.end) == (i, i + n) for h in held):
                continue
            after = doc[i + n] if i + n < len(doc) else None
            if after is not None and after.is_title and after.i not in owner:
                continue
            found.append(Span(doc, i, i + n, label="ORG"))
    spans = [s for s in spans if s not in cut]
    firsts |= {f[0] for f in forms}
    named = {(s.start, s.end) for s in found if s.label_ == "ORG"}
    longer = {t.text for s in spans + found
              if s.label_ == "PER" and len(s) > 1 and (s.start, s.end) not in named for t in s}
    found += [Span(doc, s.start, s.end, label="ORG") for s in spans
              if s.label_ == "PER" and len(s) == 1 and s.text in firsts and s.text not in longer]
    return relabel(spans, found)


# -- whole-document corrections -------------------------------------------------------

_YEAR_TAIL = re.compile(r"(?:\s+\d+\s*[A-Za-z]?\.?)+$")


def said_again(doc: Doc, spans: list[Span], strong: Iterable[Span]) -> list[Span]:
    """One type per name in the article: a name that a form or a company noun made an
    organisation or a product somewhere ("produsen kaca Asahimas") is one at its other
    mentions too — those the model typed a person or place are retyped, those it missed
    are added (exact case, whole words)."""
    final = {(s.start, s.end) for s in spans}
    typed = {s.text: s.label_ for s in strong if (s.start, s.end) in final and s.text[:1].isupper()}
    if not typed:
        return spans
    out = [Span(doc, s.start, s.end, label=typed[s.text])
           if s.text in typed and s.label_ in ("PER", "LOC") else s for s in spans]
    by_first: dict[str, list[tuple[list[str], str]]] = {}
    for s in strong:
        if s.text in typed:
            by_first.setdefault(s[0].text, []).append(([t.text for t in s], typed[s.text]))
    texts, _ = token_texts(doc)
    found = []
    for i, text in enumerate(texts):  # whole-token matches of each name
        for words, label in by_first.get(text, ()):
            end = i + len(words)
            if texts[i:end] == words:
                found.append(Span(doc, i, end, label=label))
    return fill(out, found)


def names_said_again(doc: Doc, spans: list[Span]) -> list[Span]:
    """One name, one entity all through the article: a name of two capitalised words or more
    that a span holds somewhere ("Maskapai Lion Air menambah …") is that entity where the
    article writes it again and the model saw nothing ("Corporate Communications Strategic
    Lion Air Danang …"); whole words, exact case, only where no span is.  A first word the
    model then left between that organisation and its person is the person's ("Lion Air" +
    "Danang" + "Mandala Prihantoro")."""
    names: dict[tuple[str, ...], str] = {}
    for s in spans:
        if len(s) >= 2 and s.label_ in ("ORG", "LOC", "EVENT", "PRODUCT") and all(t.is_title or t.is_upper for t in s):
            names.setdefault(tuple(t.text for t in s), s.label_)
    if not names:
        return spans
    texts, _ = token_texts(doc)
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in names:
        by_first.setdefault(words[0], []).append(words)
    found = [Span(doc, i, i + len(words), label=names[words])
             for i, text in enumerate(texts) for words in by_first.get(text, ()) if tuple(texts[i:i + len(words)]) == words]
    spans = fill(spans, found)
    starts = {s.start: s for s in spans}
    covered = {i for s in spans for i in range(s.start, s.end)}
    out, gone = [], set()
    for s in spans:
        person = starts.get(s.end + 1)
        if s.label_ == "ORG" and person is not None and person.label_ == "PER" and s.end not in covered \
                and _given_name(doc[s.end]) and not dictionary_word(doc[s.end].lower_):
            out += [s, Span(doc, s.end, person.end, label="PER")]
            gone.add(id(person))
        else:
            out.append(s)
    return [s for s in out if id(s) not in gone]


def divisions_said_again(doc: Doc, spans: list[Span]) -> list[Span]:
    """A place named with its administrative division ("Kabupaten Demak") is a place where
    the article names it without ("warga Demak") and the model saw nothing — not inside
    a longer capitalised name ("Universitas Demak Raya")."""
    p = patterns()
    prefixes = {tuple(x.split()) for x in p.administrative_prefixes}
    bare = set()
    for s in spans:
        if s.label_ != "LOC":
            continue
        words = tuple(t.text for t in s)
        bare |= {words[len(pre):] for pre in prefixes if len(words) > len(pre) and words[:len(pre)] == pre}
    if not bare:
        return spans
    texts, _ = token_texts(doc)
    found = []
    for i in range(len(texts)):
        for words in bare:
            end = i + len(words)
            if tuple(texts[i:end]) == words:
                span = Span(doc, i, end, label="LOC")
                if not _in_capitalised_run(doc, span):
                    found.append(span)
    return fill(spans, found)


def drop_vessel_words(doc: Doc, spans: list[Span]) -> list[Span]:
    """Without names inside a vessel prefix written out ("Kapal Motor Penumpang (KMP)":
    no company "Motor Penumpang"); the ship after it stays."""
    p = patterns()
    if p.vessel_codes.isdisjoint(token_texts(doc)[1]):
        return spans  # no vessel code in the doc: nothing to look for
    spelled = [(m.start(), m.start(1)) for m in p.vessel_spelled.finditer(tokens.text(doc))]
    return [s for s in spans if not any(a <= s.start_char < b for a, b in spelled)] if spelled else spans


@functools.cache
def _currency_names() -> frozenset[str]:
    """Currency names of more than one word, lower case ("dolar as", "ringgit malaysia")."""
    return frozenset(n.lower() for n in lang.load("currencies")["after"] if " " in n)


def drop_currency_places(doc: Doc, spans: list[Span]) -> list[Span]:
    """Without a country that only completes a currency's name ("dolar AS", "dolar
    Singapura"): the currency is named, not the place."""
    names = _currency_names()
    return [s for s in spans if not (s.label_ == "LOC" and s.start > 0
                                     and f"{doc[s.start - 1].lower_} {s.text.lower()}" in names)]


def territory_after_title(doc: Doc, spans: list[Span]) -> list[Span]:
    """The name right after a title over a territory is its place ("Bupati Kampar Ahmad
    …", "Kapolda Riau …"): an organisation there, or a person with a person right after
    it (a rank between: "Kapolres Sleman AKBP Edy …"), becomes a place — not an
    institution's acronym ("Gubernur BI Perry …") nor a prefix-led organisation."""
    p = patterns()
    territorial = lang.titles().territorial
    starts = {s.start: s for s in spans}
    out = []
    for s in spans:
        before = " ".join(t.lower_ for t in doc[max(0, s.start - 2):s.start])
        after_title = before.split()[-1:] and (before.split()[-1] in territorial or before in territorial)
        # "Kapolres Sleman AKBP Edy …": the rank stands between the place and the person
        nxt = starts.get(_past_ranks(doc, s.end))
        retype = (after_title and not s.text.isupper() and s.text not in p.acronyms
                  and s[0].lower_ not in p.name_heads
                  and (s.label_ == "ORG" or (s.label_ == "PER" and nxt is not None and nxt.label_ == "PER")))
        out.append(Span(doc, s.start, s.end, label="LOC") if retype else s)
    return out


MAX_TERRITORY = 3  # words of a place named after a territorial title


@functools.cache
def _person_name_words() -> frozenset[str]:
    """Words of the gazetteer's person names and its one-word persons ("Rachim", "Andi")."""
    words = {w for n, label in gazetteer.table().items() if label == "PER" for w in n.split()}
    return frozenset(words | {w for w, label in gazetteer.words().items() if label == "PER"})


def _territorial_title_end(doc: Doc, i: int) -> bool:
    """Whether token ``i`` ends a title over a territory ("Bupati", "Wali Kota"), or the
    abbreviation in brackets after one ("Sekretaris Daerah (Sekda)")."""
    return _title_end_at(*token_texts(doc), i)


def _title_end_at(texts: list[str], lowers: list[str], i: int) -> bool:
    """:func:`_territorial_title_end` over the doc's token texts."""
    low = lowers[i]
    if low == ")" and i >= 3 and texts[i - 2] == "(":
        return _title_end_at(texts, lowers, i - 3)
    territorial, seconds = _territorial()
    return low in territorial or (low in seconds and i > 0 and f"{lowers[i - 1]} {low}" in territorial)


@functools.cache
def _territorial() -> tuple[frozenset[str], frozenset[str]]:
    """The territorial titles, and the last words of those of two words ("kota" of "wali kota")."""
    territorial = lang.titles().territorial
    return territorial, frozenset(t.split()[-1] for t in territorial if " " in t)


def _territory_cut(span: Span, named: frozenset[str] = frozenset()) -> int | None:
    """Where the place ends in a person or place span written right after a territorial
    title ("Sleman Kustini Sri Purnomo", "Bogor Dedie Rachim"): after the longest known place
    of its first words that is no person's name word (a place span of two words is one
    place: "Jawa Tengah"; a listed place of two words or more is one though a word of it is
    a person's name word: "Palangka Raya"); else, in a place span of three words
    or more, after a first word that is no person's name word.  A place the article
    names elsewhere (``named``: "Kalurahan Condongcatur" before "Lurah Condongcatur Reno
    Candra …") is a known place too."""
    names = _person_name_words()
    if gazetteer.is_place(span.text) or span.text in named or (
            span.label_ == "LOC" and len(span) < 3 and span[:1].text not in named):
        return None  # "Jawa Tengah" is one place
    for k in range(min(MAX_TERRITORY, len(span) - 1), 0, -1):
        head = span[:k]
        listed = k > 1 and gazetteer.is_country_or_listed_place(head.text)  # "Palangka Raya": "Raya" a name too
        if listed or head.text in named or (gazetteer.is_place(head.text) and not any(t.text in names for t in head)):
            return k
    if span.label_ == "LOC" and len(span) >= 3 and span[0].text not in names \
            and any(t.text in names for t in span[1:]):
        return 1
    return None


def places_after_territorial_titles(doc: Doc, spans: list[Span]) -> list[Span]:
    """The place of a territorial title before its holder: capitalised words the model left
    between the title and a rank or a person ("Kapolres Kampar AKBP Budi …", "Bupati Pasuruan
    Andi …", "Dandim 0821 Lumajang Letkol …"), and the place at the front of a person or place
    span that runs on over the holder ("Bupati Sleman Kustini …"), and a person or place span
    of three words or more after a title and an administrative division's word, which opens
    with the division's name ("Kadinkes Kota Bogor Sri Nowo Retno"); a place the article names
    elsewhere, alone or after its division's word, is a known place there."""
    p = patterns()
    ranks = lang.titles().ranks
    by_start = {s.start: s for s in spans}
    used = {i for s in spans for i in range(s.start, s.end)}
    out, added = [], []
    grown: dict[int, int] = {}  # a holder's first token → where the name now starts
    divisions = set(p.administrative_prefixes)
    named = frozenset(s[1:].text if s[0].text in divisions and len(s) > 1 else s.text
                      for s in spans if s.label_ == "LOC")  # "Kalurahan Condongcatur": "Condongcatur"
    for s in spans:
        j = s.start - 1
        lead = s.start if s[0].text in divisions else j if j >= 0 and doc[j].text in divisions else None
        titled = lead is not None and lead > 0 and doc[lead - 1].lower_.rstrip(".") in lang.titles().words
        rest = Span(doc, lead + 1, s.end, label=s.label_) if titled and s.end - lead > 3 else None
        cut = (_territory_cut(rest, named) or (1 if s.label_ == "PER" else None)) if rest is not None else None
        if cut:  # "Kadinkes Kota Bogor Sri …": the town's name, then the person
            out += [Span(doc, lead, rest.start + cut, label="LOC"), Span(doc, rest.start + cut, s.end, label="PER")]
        elif s.label_ in ("PER", "LOC") and j >= 0 and _territorial_title_end(doc, j) and len(s) > 1 \
                and not s.text.isupper() and s[0].text not in p.acronyms and (cut := _territory_cut(s, named)):
            out += [Span(doc, s.start, s.start + cut, label="LOC"), Span(doc, s.start + cut, s.end, label="PER")]
        else:
            out.append(s)
    texts, lowers = token_texts(doc)
    for i in range(len(doc) - 1):
        if not _title_end_at(texts, lowers, i):
            continue
        j = i + 1 + (doc[i + 1].like_num and i + 2 < len(doc))
        k = j
        while k < len(doc) and k - j < MAX_TERRITORY and k not in used and doc[k].is_title \
                and doc[k].lower_.rstrip(".") not in ranks and doc[k].text not in p.acronyms:
            k += 1
        holder = k < len(doc) and (doc[k].lower_.rstrip(".") in ranks
                                   or (k in by_start and by_start[k].label_ == "PER"))
        if j < k and holder:
            # a place the article names elsewhere ends it, the rest opens the holder's name
            end = next((m for m in range(k - 1, j, -1) if doc[j:m].text in named), k)
            person = by_start.get(k)
            if end < k and person is not None and person.label_ == "PER":
                grown[k] = end
            added.append(Span(doc, j, end if k in grown else k, label="LOC"))
    out = [Span(doc, grown[s.start], s.end, label="PER") if s.start in grown and s.label_ == "PER" else s for s in out]
    return fill(out, added)


MIN_LISTED_ORGS = 2


def listed_share_a_type(doc: Doc, spans: list[Span]) -> list[Span]:
    """A one-word "person" listed among organisations ("Toyota, Daihatsu, dan Hino") is
    one of them: in a run of names joined by commas and list joiners, when at least two are
    organisations and the others are one-word persons.  A name no list knows, listed with
    a product, is a product ("Honda WR-V dan HR-V"; a person's span only in a list of three
    or more, or when a word of it is a model's code: "Redmi 15 dan Lei Jun hadir")."""
    p = patterns()
    ordered = sorted(spans, key=lambda s: s.start)
    runs, run = [], [ordered[0]] if ordered else []
    for prev, span in zip(ordered, ordered[1:]):
        between = doc[prev.end:span.start]
        joined = 0 < len(between) <= 2 and all(t.text == "," or t.lower_ in p.list_joiners for t in between)
        if joined:
            run.append(span)
        else:
            runs.append(run)
            run = [span]
    runs.append(run)
    retype: dict[tuple[int, int], str] = {}
    for run in runs:
        labels = [s.label_ for s in run]
        others = [s for s in run if s.label_ != "ORG"]
        if labels.count("ORG") >= MIN_LISTED_ORGS and others and all(s.label_ == "PER" and len(s) == 1 for s in others):
            retype.update(((s.start, s.end), "ORG") for s in others)
        if "PRODUCT" in labels:  # a person only in a list of three or more, or by a model's code
            retype.update(((s.start, s.end), "PRODUCT") for s in run if s.label_ in ("PER", "ORG") and _unknown_name(s)
                          and (s.label_ == "ORG" or len(run) >= 3 or any(_model_like(t.text) for t in s)))
    return [Span(doc, s.start, s.end, label=retype[(s.start, s.end)]) if (s.start, s.end) in retype else s
            for s in spans]


def models_listed_with_products(doc: Doc, spans: list[Span]) -> list[Span]:
    """A model's name the model left untagged right after a product and a list joiner
    ("mobil Hyundai Kona Electric dan Ioniq 5"): a capitalised word no list knows and up to
    two more capitalised words or codes, one of them a model's code, is a product too."""
    p = patterns()
    covered = {i for s in spans for i in range(s.start, s.end)}
    found = []
    for s in spans:
        k = s.end + 1
        joined = k < len(doc) and (doc[s.end].text == "," or doc[s.end].lower_ in p.list_joiners)
        if s.label_ != "PRODUCT" or not joined or k in covered or not doc[k].is_title:
            continue
        end = k + 1
        while end < len(doc) and end - k < 3 and end not in covered \
                and (doc[end].is_title or _model_like(doc[end].text)):
            end += 1
        name = doc[k:end]
        if any(_model_like(t.text) for t in name) and _unknown_name(name) and not dictionary_word(doc[k].lower_):
            found.append(Span(doc, k, end, label="PRODUCT"))
    return sorted(spans + found, key=lambda s: s.start) if found else spans


def _model_like(word: str) -> bool:
    """A model's code rather than a name's word: digits, or capitals joined by a hyphen
    ("HR-V", "KF-21", "15")."""
    return any(c.isdigit() for c in word) or "-" in word and word.replace("-", "").isupper()


def _unknown_name(span: Span) -> bool:
    """Whether no list knows the span's name as a person's, an organisation's or a place,
    nor its first word as an organisation or a place (the gazetteer with companies.tsv,
    the acronym table), nor every word of it as a given name ("Agus Santoso"; "Yaris
    Cross" is no person's)."""
    first, table, words, acronyms = span[0].text, gazetteer.table(), gazetteer.words(), patterns().acronyms
    return not (table.get(span.text) or table.get(first) in ("ORG", "LOC") or words.get(first) == "LOC"
                or gazetteer.is_place(span.text) or span.text in acronyms or first in acronyms
                or all(words.get(t.text) == "PER" for t in span))


def places_listed_between(doc: Doc, spans: list[Span]) -> list[Span]:
    """A capitalised word the model left between two places of one list is a place:
    "Sidoarjo, Pasuruan, dan Mojokerto" (one word, commas and list joiners around it; a
    place the gazetteer knows or no ordinary word: not "Kemarin"), and so is one after a
    division's place and a list joiner ("Kecamatan Dayeuhkolot dan Baleendah")."""
    p = patterns()
    places = sorted((s for s in spans if s.label_ == "LOC"), key=lambda s: s.start)
    found = []
    texts, lowers = token_texts(doc)
    for a, b in zip(places, places[1:]):
        # one word between them, the rest commas and list joiners, a comma first
        if b.start - a.end < 2 or texts[a.end] != ",":
            continue
        words = []
        for i in range(a.end, b.start):
            if not (texts[i] == "," or lowers[i] in p.list_joiners):
                words.append(doc[i])
                if len(words) > 1:
                    break
        if len(words) == 1 and words[0].is_title and b.start - 1 != words[0].i \
                and not _is_head(words[0].lower_, p) and words[0].lower_ not in STOP_WORDS \
                and (gazetteer.is_place(words[0].text) or not dictionary_word(words[0].lower_)):
            found.append(Span(doc, words[0].i, words[0].i + 1, label="LOC"))
    divisions = {d.lower() for d in p.administrative_prefixes}
    for a in places:  # "Kecamatan Dayeuhkolot dan Baleendah": the second of the same division
        k = a.end + 1
        if a[0].lower_ in divisions and k < len(doc) and doc[a.end].lower_ in p.list_joiners \
                and doc[k].is_title and doc[k].is_alpha and doc[k].lower_ not in STOP_WORDS \
                and not _is_head(doc[k].lower_, p) and (k + 1 == len(doc) or not doc[k + 1].is_title) \
                and (gazetteer.is_place(doc[k].text) or not dictionary_word(doc[k].lower_)):
            found.append(Span(doc, k, k + 1, label="LOC"))
    return fill(spans, found)


MAX_BODY = 4  # words of a body with regional branches ("Kantor SAR", "Kepolisian Resor Kota Besar")


def regional_branches(doc: Doc, spans: list[Span]) -> list[Span]:
    """A body with regional branches written right before a place names the branch, one
    organisation: "Polda Bali", "BPBD Jawa Tengah", "Kantor SAR Surabaya" (words no span
    holds, or an organisation's span), "Dinas Kesehatan Kabupaten Demak", "Kanwil
    Kemenkumham Bali" (a body named by its field after a branch head), "Kepolisian Daerah
    (Polda) Bali" (its long form, the acronym in brackets, the place: ``nlp.harvest`` names it
    "Kepolisian Daerah Bali", also "Polda Bali"); a place span that opens with such a body is
    that organisation ("Pemkab Demak")."""
    p = patterns()
    bodies, heads = p.branch_bodies, p.branch_heads
    spans = _long_forms_whole(doc, spans, p.branch_long_forms)
    spans = sorted(spans + _branch_places(doc, spans, bodies), key=lambda s: s.start)
    ends = {s.end: s for s in spans}
    covered = {i for s in spans for i in range(s.start, s.end)}

    def words_before(at: int, names: frozenset[str]) -> int | None:
        for k in range(MAX_BODY, 0, -1):
            if at - k >= 0 and doc[at - k:at].text in names and not covered & set(range(at - k, at)):
                return at - k
        return None

    merged: dict[Span, Span | None] = {}
    added: list[Span] = []
    regional = gazetteer.branch_places()
    for s in spans:
        if s.label_ == "PER":  # "Kepala Dinkes Jateng Yunita …": the model's person opens with the place
            place = next((k for k in range(min(MAX_TERRITORY, len(s) - 1), 0, -1) if s[:k].text in regional), None)
            if place is None or place == len(s):
                continue
        elif s.label_ != "LOC":
            continue
        else:
            whole = next((k for k in range(min(MAX_BODY, len(s) - 1), 0, -1) if s[:k].text in bodies), None)
            if whole:
                merged[s] = Span(doc, s.start, s.end, label="ORG")
                continue
            place = _place_then_holder(s)
        if place is None:
            continue
        bracketed = _bracketed_branch(doc, s, ends, bodies)
        if bracketed is not None:  # "Kepolisian Daerah (Polda) Bali": one organisation
            start, absorbed = bracketed[0].start, bracketed
        else:
            body = ends.get(s.start)
            if body is not None and body.label_ == "ORG":
                start = body.start if (body.text in bodies or body[0].text in heads or body[:2].text in heads
                                       or body[-1:].text in heads or body[-2:].text in heads) \
                    else words_before(body.start, heads)  # "Perum Bulog Kantor Wilayah" + place too
                absorbed = (body,)
            else:
                start, absorbed = words_before(s.start, bodies), ()
        if start is None:
            continue
        merged[s] = Span(doc, start, s.start + place, label="ORG")
        merged.update((a, None) for a in absorbed if a is not None)
        if place < len(s):  # the holder the model's place ran on into
            added.append(Span(doc, s.start + place, s.end, label="PER"))
    out = [m for s in spans if (m := merged.get(s, s)) is not None] + added
    return sorted(out, key=lambda s: s.start)


MAX_NAMESAKE = 3  # words of a namesake's name after its title ("Dr Cipto Mangunkusumo")


def namesake_bodies(doc: Doc, spans: list[Span]) -> list[Span]:
    """A body named after a person, the person's title first ("RSUP Dr Hasan Sadikin",
    "RSUD dr. Soetomo", "Rumah Sakit Umum Pusat (RSUP) Dr Sardjito"; ``org_forms.yaml``'s
    ``namesake_bodies`` and ``namesake_titles``) is one organisation, whatever spans the
    model made over it: the name ends before a place ("… Sadikin Bandung"), and of four
    capitalised words or more after the title two are the namesake's, the rest the person
    a title before the body speaks of ("Direktur RSUP Dr Hasan Sadikin Rachim Dinata …")."""
    p = patterns()
    texts, _ = token_texts(doc)
    ends = {s.end: s for s in spans if s.label_ == "ORG"}
    found: list[Span] = []
    for k, text in enumerate(texts):
        if text not in p.namesake_titles or k == 0:
            continue
        if k >= 3 and texts[k - 1] == ")" and texts[k - 3] == "(" and texts[k - 2] in p.namesake_bodies:
            long = ends.get(k - 3)
            start = long.start if long is not None else k - 2
        else:
            start = next((k - n for n in range(MAX_BODY, 0, -1)
                          if k - n >= 0 and " ".join(texts[k - n:k]) in p.namesake_bodies), None)
        if start is None:
            continue
        j = k + 1
        while j < len(doc) and j - k <= 2 * MAX_NAMESAKE and texts[j][:1].isupper() and texts[j].isalpha():
            j += 1
        take = 2 if j - k - 1 > MAX_NAMESAKE else j - k - 1
        end = k + 1
        while end < k + 1 + take and not gazetteer.is_place(texts[end]):
            end += 1
        if end > k + 1:
            found.append(Span(doc, start, end, label="ORG"))
    if not found:
        return spans
    out = list(found)
    for s in spans:
        hit = next((f for f in found if s.start < f.end and f.start < s.end), None)
        if hit is None:
            out.append(s)
        elif s.end > hit.end:  # the place or the holder after the namesake
            label = "LOC" if gazetteer.is_place(doc[hit.end:s.end].text) else "PER" if s.label_ == "PER" else None
            if label:
                out.append(Span(doc, hit.end, s.end, label=label))
    return sorted(out, key=lambda s: s.start)


CAMEL = re.compile(r"[A-Z][a-z]+(?:[A-Z][a-z]+)+|[a-z]{1,2}[A-Z][a-z]+")  # "ByteDance", "GoTo", "eFishery"; not "VoIP"


def camel_case_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A word written in camel case that no span holds ("ByteDance, induk usaha TikTok",
    "Direktur Utama GoTo Patrick …", "eFishery") is a name, an organisation's: Indonesian
    words are never written so; right after a person's name it is the surname ("John
    McCain").  Not a product line ("iPhone") nor a word the acronym table or the gazetteer
    types otherwise."""
    p = patterns()
    texts, _ = token_texts(doc)
    covered = {i for s in spans for i in range(s.start, s.end)}
    found = [i for i, text in enumerate(texts)
             if i not in covered and CAMEL.fullmatch(text) and text.casefold() not in p.product_lines
             and text not in p.acronyms and gazetteer.table().get(text, "ORG") == "ORG"]
    if not found:
        return spans
    people = {s.end: s for s in spans if s.label_ == "PER"}
    grown = {people[i].start: i + 1 for i in found if i in people}  # "John McCain": the surname
    out = [Span(doc, s.start, grown[s.start], label="PER") if s.label_ == "PER" and s.start in grown else s
           for s in spans]
    out += [Span(doc, i, i + 1, label="ORG") for i in found if i not in people]
    return sorted(out, key=lambda s: s.start)


def _long_forms_whole(doc: Doc, spans: list[Span], long_forms: dict[str, str]) -> list[Span]:
    """A body's long form cut in two by a place prefix inside it is one organisation
    ("Kepolisian Resor" and the "place" "Kota Besar" of "Kepolisian Resor Kota Besar
    (Polrestabes) Palembang")."""
    ordered = sorted(spans, key=lambda s: s.start)
    out, i = [], 0
    while i < len(ordered):
        a, b = ordered[i], ordered[i + 1] if i + 1 < len(ordered) else None
        if b is not None and a.label_ == "ORG" and b.label_ == "LOC" and a.end == b.start \
                and doc[a.start:b.end].text in long_forms:
            out.append(Span(doc, a.start, b.end, label="ORG"))
            i += 2
        else:
            out.append(a)
            i += 1
    return out


def _branch_places(doc: Doc, spans: list[Span], bodies: frozenset[str]) -> list[Span]:
    """The city, regency or province the model left untagged right after a body with
    regional branches ("BPBD Cianjur"), as place spans."""
    covered = {i for s in spans for i in range(s.start, s.end)}
    regional = gazetteer.branch_places()
    out = []
    for s in spans:
        if s.label_ != "ORG" or s.text not in bodies:
            continue
        k = next((k for k in range(MAX_TERRITORY, 0, -1) if s.end + k <= len(doc)
                  and not covered & set(range(s.end, s.end + k)) and doc[s.end:s.end + k].text in regional), None)
        if k:
            out.append(Span(doc, s.end, s.end + k, label="LOC"))
    return out


def _bracketed_branch(doc: Doc, place: Span, ends: dict[int, Span], bodies: frozenset[str]):
    """(the long form, the acronym's span or None) of a branch written with its acronym in
    brackets between its long form and its place ("Kepolisian Daerah (Polda) Bali",
    "Pengadilan Negeri (PN) Jakarta Selatan"), else None."""
    k = place.start
    if k < 4 or doc[k - 1].text != ")" or doc[k - 3].text != "(" or doc[k - 2].text not in bodies:
        return None
    if len(place) == 1 and not gazetteer.is_place(place.text):
        return None  # "Kepala Badan Pusat Statistik (BPS) Amalia": the model's place is the holder
    long = ends.get(k - 3)
    if long is None or long.label_ != "ORG":
        return None
    return long, ends.get(k - 1) if ends.get(k - 1) is not None and ends[k - 1].start == k - 2 else None


MAX_EVENT_NAME = 3  # words naming an event after its acronym in brackets ("(KTT) G20")
MAX_PLACE_NAME = 4  # words naming a place after its kind's acronym in brackets ("(KEK) Sei Mangkei")


def bracketed_places(doc: Doc, spans: list[Span]) -> list[Span]:
    """A kind of place written out (a place prefix opens it: "Kawasan Ekonomi Khusus",
    "Kawasan Industri Terpadu", "Bandar Udara Internasional Jawa Barat"), its acronym in
    brackets and the name after it are one place ("Kawasan Ekonomi Khusus (KEK) Sei
    Mangkei": ``nlp.harvest`` names it "Kawasan Ekonomi Khusus Sei Mangkei", also "KEK Sei
    Mangkei"), whatever the model made of the name (it took "Sei Mangkei" for a person).
    The acronym opens with the kind's first letter; the name is up to
    ``MAX_PLACE_NAME`` capitalised words or numbers, not a title's, and takes no span
    that runs on past it."""
    p = patterns()
    heads = p.place_heads
    titles = lang.titles()
    gone: set[int] = set()
    out: list[Span] = []
    shorts: set[tuple[str, ...]] = set()
    for s in spans:
        k = s.end
        kind = s.label_ == "LOC" and any(s[:n].text.lower() in heads for n in range(1, min(4, len(s)) + 1))
        if not kind or id(s) in gone or k + 3 >= len(doc) or doc[k].text != "(" or doc[k + 2].text != ")" \
                or not doc[k + 1].text[:1].isupper() or doc[k + 1].text[0] != s.text[0]:
            out.append(s)
            continue
        end = k + 3
        while end < len(doc) and end - k - 3 < MAX_PLACE_NAME and doc[end].text.isalnum() \
                and (doc[end].text[:1].isupper() or doc[end].text[:1].isdigit()) \
                and not doc[end].is_sent_start and doc[end].lower_ not in titles.heads:
            end += 1
        for o in spans:  # a span that runs on past the name ends it before
            if k + 3 <= o.start < end < o.end:
                end = o.start
        if end == k + 3:
            out.append(s)
            continue
        out.append(Span(doc, s.start, end, label="LOC"))
        gone |= {id(o) for o in spans if o is not s and s.start <= o.start and o.end <= end}
        shorts.add(tuple(t.text for t in doc[k + 1:k + 2]) + tuple(t.text for t in doc[k + 3:end]))
    out = [o for o in out if id(o) not in gone]
    return override(out, _said_again_short(doc, shorts)) if shorts else out


def _said_again_short(doc: Doc, shorts: set[tuple[str, ...]]) -> list[Span]:
    """The places of ``shorts`` (acronym and name: "KEK Sei Mangkei") where the text says them."""
    texts = token_texts(doc)[0]
    return [Span(doc, i, i + len(short), label="LOC") for short in shorts
            for i in range(len(texts) - len(short) + 1) if tuple(texts[i:i + len(short)]) == short]


def bracketed_events(doc: Doc, spans: list[Span]) -> list[Span]:
    """An event's head written out, its acronym in brackets and the name after it are one
    event ("Konferensi Tingkat Tinggi (KTT) G20": ``nlp.harvest`` names it "Konferensi
    Tingkat Tinggi G20", also "KTT G20"); not a year after an event's own acronym
    ("Xiaomi Developer Conference (MIDC) 2019": the gold names the event without it)."""
    heads = patterns().event_heads
    by_start = {s.start: s for s in spans}
    gone: set[int] = set()
    out: list[Span] = []
    for s in spans:
        k = s.end
        if s.label_ != "EVENT" or id(s) in gone or k + 3 >= len(doc) or doc[k].text != "(" \
                or doc[k + 2].text != ")" or doc[k + 1].text not in heads:
            out.append(s)
            continue
        end = k + 3
        while end < len(doc) and end - k - 3 < MAX_EVENT_NAME and doc[end].text.replace("-", "").isalnum() \
                and (doc[end].text[:1].isupper() or doc[end].text[:1].isdigit()):
            hit = by_start.get(end)
            if hit is not None and hit.label_ == "PER":
                break
            end += 1
        if end == k + 3:
            out.append(s)
            continue
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" \
                and _spells(doc[k + 3:end].text.replace("-", " "), doc[end + 1].text):
            end += 3  # "… (KTT) Asia-Pacific Economic Cooperation (APEC)": the name's own acronym
            if end < len(doc) and re.fullmatch(r"\d{4}", doc[end].text):
                end += 1  # and its year
        out.append(Span(doc, s.start, end, label="EVENT"))
        gone |= {id(o) for o in spans if o is not s and s.start <= o.start and o.end <= end}
    return [o for o in out if id(o) not in gone]


def foreign_bodies(doc: Doc, spans: list[Span]) -> list[Span]:
    """A public body named by its fields (``org_forms.yaml``'s ``field_list_heads``:
    Kementerian, Badan, Komisi …) right before a foreign country is that country's
    ("Kementerian Perdagangan China", "Kementerian Luar Negeri Jepang"): one organisation;
    so is a mission (``mission_heads``) before any country ("Kedutaan Besar Amerika
    Serikat", "Konsulat Jenderal RI")."""
    p = patterns()
    spans = _of_a_place(doc, _missions(doc, spans, p.mission_heads))
    countries = gazetteer.foreign_countries()
    starts = {s.start: s for s in spans}
    gone: set[int] = set()
    out: list[Span] = []
    for s in spans:
        place = starts.get(s.end)
        if s.label_ == "ORG" and id(s) not in gone and s[0].lower_ in p.field_list_heads and place is not None \
                and place.label_ == "LOC" and place.text in countries:
            out.append(Span(doc, s.start, place.end, label="ORG"))
            gone.add(id(place))
        elif id(s) not in gone:
            out.append(s)
    return out


def _of_a_place(doc: Doc, spans: list[Span]) -> list[Span]:
    """An organisation's English name, "of" and a place the model cut it at are one
    organisation ("People's Bank" + "of" + "China", "Bank of" … "Japan")."""
    starts = {s.start: s for s in spans}
    found = []
    for s in spans:
        place = starts.get(s.end + 1)
        if s.label_ == "ORG" and s.end < len(doc) and doc[s.end].text == "of" and place is not None \
                and place.label_ == "LOC" and all(t.is_title or not t.is_alpha for t in s):
            found.append(Span(doc, s.start, place.end, label="ORG"))
    return override(spans, found) if found else spans


def _missions(doc: Doc, spans: list[Span], heads: frozenset[tuple[str, ...]]) -> list[Span]:
    """A country's span after a mission's words is the mission, the words' span gone."""
    nations = gazetteer.nations()
    found = []
    for s in spans:
        if s.label_ == "LOC" and s.text in nations:
            for n in (2, 1):
                if s.start >= n and tuple(t.lower_ for t in doc[s.start - n:s.start]) in heads \
                        and doc[s.start - n].is_title:
                    found.append(Span(doc, s.start - n, s.end, label="ORG"))
                    break
    return override(spans, found) if found else spans


def party_boards(doc: Doc, spans: list[Span]) -> list[Span]:
    """Without a party's board right before the party ("Ketua DPD Partai Golkar DKI
    Jakarta": the board is the post's, the party the organisation; not the acronym
    table's Dewan Perwakilan Daerah)."""
    boards = patterns().party_boards
    starts = {s.start: s for s in spans}
    return [s for s in spans if not (s.text in boards and (party := starts.get(s.end)) is not None
                                     and party.label_ == "ORG")]


def _place_then_holder(span: Span) -> int | None:
    """How many words of a place span after a body are the place: all of a short span or
    of a known place; of a longer one the longest known place at its front when two
    capitalised words or more follow it, the branch's holder the model ran on into
    ("Jawa Tengah Bergas Catursasi …"), an administrative prefix before the place
    ("Provinsi Jawa Barat"); None when it is neither."""
    if len(span) <= 2 or gazetteer.is_place(span.text):
        return len(span)
    lead = int(span[0].text in patterns().administrative_prefixes)  # "Provinsi Jawa Barat"
    if lead and gazetteer.is_place(span[1:].text):
        return len(span)
    for k in range(min(MAX_TERRITORY + lead, len(span) - 2), lead, -1):
        if gazetteer.is_place(span[lead:k].text) and all(t.text[:1].isupper() for t in span[k:]):
            return k
    return None


def split_model_lists(doc: Doc, spans: list[Span]) -> list[Span]:
    """A span of the model that runs over a comma into the next name of a list ("TNI AL,
    Polairud"): one span a part, each part capitalised.  Not a public body named by a list
    of its fields ("Kementerian Desa, Pembangunan …", ``field_list_heads``), nor a legal
    form after its comma ("Co., Ltd"), nor a term of ordinary words ("Usaha Mikro, Kecil, dan
    Menengah": every part names something, an acronym or a word of no dictionary)."""
    p = patterns()
    out = []
    for s in spans:
        commas = [t.i for t in s if t.text == ","]
        if not commas or s[0].lower_ in p.field_list_heads or s.label_ not in ("ORG", "LOC", "PER"):
            out.append(s)
            continue
        bounds = [s.start, *commas, s.end]
        parts = [(a + (a != s.start), b) for a, b in zip(bounds, bounds[1:])]
        parts = [(a + (doc[a].lower_ in p.connectors), b) for a, b in parts if a < b]
        if all(a < b and (doc[a].is_title or doc[a].is_upper) and doc[a].lower_.strip(".") not in p.legal_words
               and any(t.is_upper or not dictionary_word(t.lower_) for t in doc[a:b]) for a, b in parts):
            out += [Span(doc, a, b, label=s.label_) for a, b in parts]
        else:
            out.append(s)
    return out


def balinese_openers(doc: Doc, spans: list[Span]) -> list[Span]:
    """A person whose Balinese name the model began after its gender word ("I Nyoman
    Sidakarya" as "Nyoman Sidakarya", the "I" left out or given to the title's place:
    "Kantor SAR Denpasar I") starts at that word; a span it was glued to ends before it."""
    p = patterns()
    starts = {s.start for s in spans if s.label_ == "PER" and s.start > 0 and s[0].lower_ in p.opened_names
              and doc[s.start - 1].text in p.name_openers}
    cuts = {}  # "Dinas … Provinsi Bali I Made Rentin" as one organisation: the person is cut out
    for s in spans:
        j = next((j for j in range(s.start + 1, s.end) if doc[j].text in p.name_openers and j + 1 < len(doc)
                  and doc[j + 1].lower_ in p.opened_names and doc[j + 1].is_title), None)
        if s.label_ != "PER" and j is not None:
            cuts[id(s)] = j
    if cuts:
        taken = {i for s in spans for i in range(s.start, s.end) if id(s) not in cuts}
        people = []
        for s in spans:
            if id(s) in cuts:
                j = cuts[id(s)]
                people.append(Span(doc, j + 1, max(_name_end(doc, j + 2, MAX_NAMESAKE, taken), j + 2), label="PER"))
                starts.add(j + 1)
        spans = [Span(doc, s.start, cuts[id(s)] + 1, label=s.label_) if id(s) in cuts else s for s in spans] + people
    if not starts:
        return spans
    out = []
    for s in spans:
        if s.start in starts:
            out.append(Span(doc, s.start - 1, s.end, label="PER"))
        elif s.end in starts:
            if s.end - 1 > s.start:  # "… Denpasar I" + "Nyoman …"; a span of the opener alone goes
                out.append(Span(doc, s.start, s.end - 1, label=s.label_))
        else:
            out.append(s)
    return out


URL = re.compile(r"://|^www\.|^[\w-]+(?:\.[\w-]+)+/|^[\w.+-]+@[\w-]+\.", re.I)


APOSTROPHE_NAME = re.compile(r"[A-Z][a-z]*['’][a-z]+")  # "Mas'ud", "Ma'ruf", "Asy'ari"


def apostrophe_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name word with an apostrophe ("Mas'ud", "Ma'ruf") right after or before a person's
    span that left it out is part of the name ("Rudy" + "Mas'ud": "Rudy Mas'ud")."""
    covered = {i for s in spans for i in range(s.start, s.end)}
    out = []
    for s in spans:
        start, end = s.start, s.end
        if s.label_ == "PER":
            while end < len(doc) and end not in covered and APOSTROPHE_NAME.fullmatch(doc[end].text):
                end += 1
            while start > 0 and start - 1 not in covered and APOSTROPHE_NAME.fullmatch(doc[start - 1].text):
                start -= 1
        out.append(s if (start, end) == (s.start, s.end) else Span(doc, start, end, label="PER"))
    return out


def drop_kind_phrases(doc: Doc, spans: list[Span]) -> list[Span]:
    """Without a place or organisation span that is a kind (a prefix's word, or an ordinary
    word capitalised by opening its sentence) and lower-case words only ("Jembatan gantung
    di …", "Bank sentral memangkas …"): a kind of thing, no name."""
    p = patterns()
    kinds = _org_prefix_words() | p.place_heads
    return [s for s in spans if not (s.label_ in ("LOC", "ORG") and len(s) >= 2
                                     and (s[0].lower_ in kinds or s[0].is_sent_start and dictionary_word(s[0].lower_))
                                     and all(t.is_lower and t.is_alpha for t in s[1:]))]


def drop_unit_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """Without a person right after a unit's number and its slash ("Danrem 061/Suryakancana",
    "Kodim 0608/Cianjur"): the word is the unit's name, no one's."""
    return [s for s in spans if not (s.label_ == "PER" and s.start >= 2 and doc[s.start - 1].text == "/"
                                     and doc[s.start - 2].text.isdigit())]


def drop_letters(spans: list[Span]) -> list[Span]:
    """Without a letter alone ("Grup C", "Blok A") and a span with no letter at all ("200"
    of "memangkas 200 karyawan"): they name nothing."""
    acronyms = patterns().acronyms
    return [s for s in spans if (len(s.text) > 1 or s.text in acronyms) and any(c.isalpha() for c in s.text)]


def drop_urls(spans: list[Span]) -> list[Span]:
    """Without the spans that are web or mail addresses ("https://…", "www.bps.go.id/data",
    "redaksi@…"): an address names no entity (a bare domain, "Kompas.com", stays the outlet)."""
    return [s for s in spans if not URL.search(s.text)]


def drop_routes(spans: list[Span]) -> list[Span]:
    """Without the spans that are a route, places joined by hyphens ("Jakarta-Denpasar",
    "Surabaya-Makassar"): a way between places, no entity of its own."""
    return [s for s in spans if not (len(s) == 1 and s.text.count("-") >= 1 and all(
        part[:1].isupper() and gazetteer.is_place(part) for part in s.text.split("-")))]


def drop_initials(doc: Doc, spans: list[Span]) -> list[Span]:
    """Without the spans right after a word that announces a person's initials ("pelaku
    berinisial AS (25)": no place; ``honorifics.yaml``'s ``initials_markers``), and those
    of the list it opens ("berinisial AS (32), RD (28) dan MF (19)")."""
    p = patterns()
    markers = p.initials_markers
    initials: set[int] = set()
    _, lowers = token_texts(doc)
    for at in (i for i, low in enumerate(lowers) if low in markers):
        i = at + 1
        while i < len(doc) and doc[i].text.isupper() and doc[i].is_alpha:
            initials.add(i)
            i += 1
            if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 1].like_num and doc[i + 2].text == ")":
                i += 3  # the age
            if i < len(doc) and (doc[i].text == "," or doc[i].lower_ in p.list_joiners):
                i += 1 + (doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].lower_ in p.list_joiners)
            else:
                break
    return [s for s in spans if not (s.start in initials and s.text.isupper())]


def drop_calendar(spans: list[Span]) -> list[Span]:
    """Without spans that are only a holiday or season name ("Lebaran", "Ramadan 2025"):
    a time, not a named thing (``lang/id/holidays.yaml``)."""
    calendar = patterns().calendar
    return [s for s in spans if _YEAR_TAIL.sub("", s.text).lower() not in calendar]


def split_leading_acronyms(doc: Doc, spans: list[Span]) -> list[Span]:
    """A person span, or any span right after a title's head, that opens with an institution's
    acronym of the shipped table is that institution and then the person ("Gubernur BI
    Sutrisno Hadi" → BI, Sutrisno Hadi), or the place when a country, province or listed
    place follows ("Kepala BPBD Jawa Barat")."""
    p = patterns()
    lead = lang.titles().lead_words
    out = []
    for span in spans:
        entry = p.acronyms.get(span[0].text)
        after_title = span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in lead
        cut = span.start + 1
        if cut < span.end and doc[cut].text in p.variant_suffixes:
            cut += 1
        if (entry and entry[1] == "ORG" and (span.label_ == "PER" or after_title)
                and cut < span.end and all(t.is_title for t in doc[cut:span.end])):
            rest = "LOC" if gazetteer.is_country_or_listed_place(doc[cut:span.end].text) else "PER"
            out += [Span(doc, span.start, cut, label="ORG"), Span(doc, cut, span.end, label=rest)]
        else:
            out.append(span)
    return out


def _fields_of_a_title(doc: Doc, start: int, reach: int = 4) -> bool:
    """Whether the words right before ``start`` are a title's head and its fields
    ("Menteri Ekonomi", "Menteri Luar Negeri" before "UEA …")."""
    t = lang.titles()
    k = start - 1
    while k >= 0 and start - k <= reach and (doc[k].lower_ in t.fields or doc[k].lower_ in t.modifiers) \
            and doc[k].lower_ not in t.lead_words:
        k -= 1
    return start - k >= 2 and k >= 0 and doc[k].lower_.rstrip(".") in t.lead_words


def _particled_name(words: Span) -> bool:
    """Capitalised words with a name's particles between them, three words or more, the
    first and last capitalised ("Abdulla bin Touq Al Marri", "Faisal bin Farhan Al Saud")."""
    particles = _name_particles()
    return len(words) >= 3 and words[0].is_title and words[-1].is_title \
        and any(w.lower_ in particles for w in words) \
        and all(w.is_alpha and (w.is_title or w.lower_ in particles) for w in words)


def place_before_person(doc: Doc, spans: list[Span]) -> list[Span]:
    """A person span after a title or an institution's acronym that opens with a country
    or province ("Ketua DPRD Jatim Musyafak Rouf", "Gubernur Jawa Timur Khofifah …") is that
    place and then the person (two words or more); so is an organisation's or place's span
    after a title whose words after the country are all name words ("Presiden Ukraina
    Volodymyr Zelensky").  Only the hand-written countries and
    provinces count there: many one-word places of the DBpedia lists are given names
    ("Andi").  Right after a body's name (an organisation's span, its acronym, a bracketed
    acronym) a city or regency opens no person either (``gazetteer.regional_places``): it is
    the body's branch ("Kepala Basarnas Medan Hery Marantika", "Ketua Pengadilan Negeri
    Sleman Cahyono"; one word of the person is enough when it is no ordinary word)."""
    p = patterns()
    lead = lang.titles().lead_words
    places, regional = gazetteer.countries(), gazetteer.regional_places()
    org_ends = {s.end for s in spans if s.label_ == "ORG"}
    out = []
    for span in spans:
        before = doc[span.start - 1] if span.start > 0 else None
        after_body = before is not None and (span.start in org_ends or before.text == ")" or before.text in p.acronyms)
        after_post = after_body or before is not None and (before.lower_.rstrip(".") in lead or _fields_of_a_title(doc, span.start))
        cut = None
        for k in (3, 2, 1):
            if len(span) - k < 1:
                continue
            head, rest = doc[span.start:span.start + k].text, span[k:]
            if span.label_ == "LOC" and k >= 2 and len(rest) >= 2 and gazetteer.is_place(head) \
                    and _name_end(doc, rest.start, MAX_HOLDER_WORDS) == span.end:
                cut = k  # "Kepala Kantor … Tanjung Perak Hendri Ginting": a place of two words, a holder
                break
            if not after_post:
                continue
            if span.label_ != "PER":  # "Presiden Ukraina Volodymyr Zelensky", the model's organisation
                named = _name_end(doc, rest.start, MAX_HOLDER_WORDS) == span.end or _particled_name(rest)
                territorial = before.lower_ in lang.titles().territorial  # "Bupati Bogor Rudy Susmanto"
                if span.label_ in ("ORG", "LOC") and named and (head in places and len(rest) >= 2
                                                                 or territorial and head in regional):
                    cut = k
                    break
                continue
            named = len(rest) >= 2 or (rest[0].is_title and not dictionary_word(rest[0].lower_)
                                       and not gazetteer.is_place(rest[0].text))
            if (head in places and len(rest) >= 2) or (after_body and head in regional and named) \
                    or (after_body and k >= 2 and len(rest) >= 2 and gazetteer.is_place(head)):  # "… Utama Tanjung Perak Hendri …"
                cut = k
                break
        if cut is not None:
            out += [Span(doc, span.start, span.start + cut, label="LOC"),
                    Span(doc, span.start + cut, span.end, label="PER")]
        elif (inner := _branch_then_holder(doc, span, org_ends, lead)) is not None:
            out += [Span(doc, span.start, inner, label="LOC" if span.label_ == "LOC" else "ORG"),
                    Span(doc, inner, span.end, label="PER")]
        else:
            out.append(span)
    return out


def _branch_then_holder(doc: Doc, span: Span, org_ends: set[int], lead: frozenset[str]) -> int | None:
    """Where the holder starts in a span that runs from a body through its branch's place
    into the name of the post's holder, after a title ("Direktur RSUD Sibolga Dedi
    Marpaung", "Kepala BMKG Stasiun Geofisika Padang Panjang Suaidi Ahadi"): the token after
    the place when two capitalised words or more follow it, none a word of the title
    vocabulary; else None."""
    if len(span) < 4 or not (span[0].is_title or span[0].is_upper):
        return None
    at = span.start
    if at in org_ends:  # the body's acronym before it: "BMKG Stasiun …"
        at = next((s + 1 for s in range(at - 1, max(at - MAX_BODY - 1, -1), -1)
                   if doc[s].lower_ in lead), at)
    if at == 0 or doc[at - 1].lower_.rstrip(".") not in lead:
        return None
    not_name = lang.titles().not_name_words
    for i in range(1, len(span) - 2):
        for k in range(min(MAX_TERRITORY, len(span) - 2 - i), 0, -1):
            rest = span[i + k:]
            if gazetteer.is_place(span[i:i + k].text) and all(
                    t.is_title and t.lower_ not in not_name and not gazetteer.is_place(t.text) for t in rest):
                return span.start + i + k
    return None


def people_called_otherwise(doc: Doc, spans: list[Span]) -> tuple[list[Span], list[tuple]]:
    """A person's other name after "atau" ("Siti Hediati Hariyadi atau Titiek Soeharto"):
    two or three name words the model saw nothing in or only their end of; the name and a
    link to the person (``nlp.harvest`` makes them one)."""
    by_start = {s.start: s for s in spans}
    covered = {i: s for s in spans for i in range(s.start, s.end)}
    new, links = [], []
    for s in spans:
        k = s.end
        if s.label_ != "PER" or k + 2 >= len(doc) or doc[k].lower_ != "atau" or k + 1 in by_start:
            continue  # a name the model saw whole after "atau" may be another person ("Budi atau Andi Wijaya")
        end = k + 1
        while end < len(doc) and end - k <= 3 and doc[end].is_title and doc[end].is_alpha \
                and (end not in covered or covered[end].label_ == "PER") and _given_name(doc[end]) | (end > k + 1):
            end += 1
        if 2 <= end - (k + 1) <= 3 and all(covered[i].end <= end for i in range(k + 1, end) if i in covered) \
                and (end >= len(doc) or not doc[end].is_title):
            new.append(Span(doc, k + 1, end, label="PER"))
            links.append(((k + 1, end), (s.start, s.end)))
    return (override(spans, new), links) if new else (spans, [])


def speakers_opening_sentences(doc: Doc, spans: list[Span]) -> list[Span]:
    """Two to four name words no span holds, opening a sentence right before a verb that
    reports speech ("Widiyanti Putri Wardhana menyebut target itu realistis."): a person."""
    p = patterns()
    covered = {i for s in spans for i in range(s.start, s.end)}
    found = []
    for i, word in enumerate(doc):
        if not (word.is_sent_start or i == 0) or i in covered or not _given_name(word):
            continue
        end = _name_end(doc, i, 4, covered)
        if end - i >= 2 and end < len(doc) and doc[end].lower_ in p.speech_reporting:
            found.append(Span(doc, i, end, label="PER"))
    return fill(spans, found) if found else spans


def speakers_are_people(doc: Doc, spans: list[Span]) -> list[Span]:
    """A name typed LOC that speaks ("ujar X", "X mengatakan", "…, X, menegaskan") is a
    person, and so is every mention of that name in the article — unless it is a country,
    a province or a place of the gazetteer's names ("Indonesia menegaskan …"; a place of
    the one-word list only may be a given name: "Andi mengatakan"), or written after a word
    that only ever comes before a place ("pejuang dari Misrata, menyatakan": the place
    words of ``titles.yaml``) or after a word for its people ("Masyarakat Bekasi
    mengeluhkan": ``org_forms.yaml``'s ``resident_words``)."""
    p = patterns()
    place_words = lang.titles().place_words
    regional = gazetteer.regional_places()
    speaking = set()
    for s in spans:
        if s.label_ != "LOC" or gazetteer.is_country_or_listed_place(s.text) or s.text in regional \
                or s[0].lower_ in p.place_heads or (
                s.start > 0 and (doc[s.start - 1].lower_ in place_words or doc[s.start - 1].lower_ in p.resident_words)):
            continue  # "Gedung Putih menyebut …": a place's prefix, no person
        nxt = s.end + (s.end < len(doc) and doc[s.end].text == ",")
        before = doc[s.start - 1].lower_ if s.start > 0 else ""
        if (nxt < len(doc) and doc[nxt].lower_ in p.speech_reporting) or before in p.speech_after:
            speaking.add(s.text)
    return [Span(doc, s.start, s.end, label="PER") if s.label_ == "LOC" and s.text in speaking else s
            for s in spans]


MAX_SPEAKER_WORDS = 3
CLOSING_QUOTES = frozenset('"”’\'')


def speakers_after_quotes(doc: Doc, spans: list[Span]) -> list[Span]:
    """The capitalised words right after a quotation's closing mark and its speech verb
    ("…,” aku Joni (40), sopir angkot") are a person where the model saw nothing there: up
    to three words, none a title word, honorific, ordinary word, day, month or known place
    (a title there is the roles' and quotes' own: "kata Kapolres")."""
    p = patterns()
    taken = {i for s in spans for i in range(s.start, s.end)}
    found = []
    texts, lowers = token_texts(doc)
    for i in range(2, len(doc) - 2):
        if not (texts[i] in CLOSING_QUOTES and texts[i - 1] in ",!?" and lowers[i + 1] in p.speech_after):
            continue
        j = i + 2
        k = _name_end(doc, j, MAX_SPEAKER_WORDS, taken)
        name = doc[j:k].text
        introduced = k - j >= 2 or (k < len(doc) and doc[k].text in ",(")  # "Joni (40)", "Wati, pedagang …"
        if k > j and introduced and (k == len(doc) or k not in taken) and gazetteer.table().get(name, "PER") == "PER" \
                and outlets.key(name) not in _outlet_names() and doc[j].text not in p.acronyms:
            found.append(Span(doc, j, k, label="PER"))
    return fill(spans, found) if found else spans


@functools.cache
def _outlet_names() -> frozenset[str]:
    """The outlets' spellings (``clean.outlets``) and the foreign news agencies
    (``org_forms.yaml``), as ``clean.outlets.key`` reduces them: "tulis Reuters" quotes an
    outlet, not a person."""
    return frozenset(outlets.key(n) for o in outlets.outlets() for n in outlets.spellings(o)) \
        | frozenset(outlets.key(n) for n in lang.load("org_forms")["news_agencies"])


def acronym_types(doc: Doc, spans: list[Span], links: list[tuple]) -> list[Span]:
    """Acronyms that the shipped table gives another type than ORG (an index "IHSG" is a
    PRODUCT) take it, and so do their long forms defined in the text."""
    table = patterns().acronyms
    retype = {(s.start, s.end): table[s.text][1] for s in spans
              if s.text in table and table[s.text][1] != "ORG"}
    for short, long in links:
        if short in retype:
            retype[long] = retype[short]
    return [Span(doc, s.start, s.end, label=retype.get((s.start, s.end), s.label_)) for s in spans]


def is_concept(span: Span) -> bool:
    """A capitalised term, not a name ("Pajak Pertambahan Nilai", "Penanaman Modal Asing"):
    three words or more, every one an ordinary word (a common word, or a dictionary word
    that is no place: "Indonesia" is a place, "Pasokan" is a village's name but a common
    word), not opened by an
    organisation's prefix or head word, not after a title (the post's unit), and not a name
    the gazetteer knows (``lang/id/concepts.yaml``)."""
    p = patterns()
    words = [t for t in span if not t.is_punct and t.lower_ not in p.connectors]
    opening = (" ".join(t.lower_ for t in words[:n]) for n in (1, 2, 3))
    if len(words) < 3 or any(o in p.name_heads for o in opening) or gazetteer.table().get(span.text):
        return False
    before = span.start - 1
    if before > 0 and span.doc[before].text == ")":  # "Direktur Jenderal (Dirjen) Industri …"
        before = next((i - 1 for i in range(before - 1, max(0, before - 5), -1) if span.doc[i].text == "("), before)
    if before >= 0 and span.doc[before].lower_.rstrip(".") in lang.titles().lead_words:
        return False  # a post's field names its unit: "Dirjen Industri Logam, Mesin, … (Ilmate)"
    return all(t.is_alpha and not t.is_upper and (t.lower_ in p.common_words or (
        dictionary_word(t.lower_) and not gazetteer.is_place(t.text))) for t in words)


def is_law(span: Span) -> bool:
    """The name of a law, bill or regulation ("Undang-Undang Cipta Kerja", "Peraturan
    Pemerintah Nomor 28", "Kitab Undang-Undang Hukum Pidana", "UU P2SK"): it opens with one
    of ``concepts.yaml``'s ``laws`` or ``law_openers``, or is one of its ``law_acronyms``."""
    p = patterns()
    if span.text in p.law_acronyms or span[0].text in p.law_openers:
        return True
    words = tuple(t.lower_ for t in span)
    return any(words[:len(head)] == head for head in _law_heads_by_first_word().get(words[0], ()))


def law_heads(doc: Doc) -> set[int]:
    """The tokens of the words that open a law's name in ``doc`` ("Peraturan Pemerintah" of
    "Peraturan Pemerintah Nomor 28", "UU" of "UU Cipta Kerja"), written with capitals."""
    p = patterns()
    by_first = _law_heads_by_first_word()
    out: set[int] = set()
    texts, lowers = token_texts(doc)
    shape = tokens.shapes(doc)
    for i, text in enumerate(texts):
        if text in p.law_openers:
            out.add(i)
            continue
        for words in by_first.get(lowers[i], ()) if shape.title[i] else ():
            n = len(words)
            if tuple(lowers[i:i + n]) == words and all(shape.title[j] or shape.upper[j] for j in range(i, min(i + n, len(doc)))):
                out.update(range(i, i + n))
    return out


@functools.cache
def _law_heads_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    """``concepts.yaml``'s ``laws`` by their first word, as word tuples."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for head in patterns().law_heads:
        words = tuple(head.split())
        out.setdefault(words[0], []).append(words)
    return {k: tuple(v) for k, v in out.items()}


def drop_title_orgs(spans: list[Span]) -> list[Span]:
    """Without the organisation spans that are a title alone: a one-word head and its
    fields or modifiers ("Komisioner Perdagangan" of "Komisioner Perdagangan Uni Eropa Maros
    Šefčovič", "Komisioner" of "Komisioner Bawaslu …"), not an organisation's form or name
    head ("Komisi …", "Dewan …") nor an acronym of the table; and without a span that is an
    abbreviated post alone, whatever its type ("Menkomdigi" of "Menkomdigi Meutya Hafid …")."""
    t = lang.titles()
    p = patterns()
    words = t.fields | t.modifiers
    return [s for s in spans if not (
        s.label_ == "ORG" and s[0].lower_ in t.heads and s[0].lower_ not in p.name_heads
        and s[0].lower_ not in _org_prefix_words() and s[0].text not in p.acronyms
        and all(w.lower_ in words for w in s[1:]))
        and not (len(s) == 1 and s.label_ in ("LOC", "ORG", "PER") and s[0].lower_ in t.abbreviations
                 and s.text not in p.acronyms)]  # "Menkomdigi" alone: a post, no place


@functools.cache
def _org_prefix_words() -> frozenset[str]:
    return frozenset(w.lower() for w in lang.load("org_forms")["prefixes"] if " " not in w)


def names_split_apart(doc: Doc, spans: list[Span]) -> list[Span]:
    """Spans side by side that together are a name the article gives as one span
    elsewhere ("Uni" and "Eropa" where "Uni Eropa" is a span) are that name, its type.
    (Not a span and words no span holds: "Bali" of "mengalahkan Bali United 2-1" where
    "Bali United" is one elsewhere — measured 2026-12-04, it cost the check folds' events
    0.694 → 0.658 for typed entities 0.816 → 0.819.)"""
    whole = {}
    for s in spans:
        if len(s) > 1:
            whole.setdefault(tuple(t.text for t in s), s.label_)
    if not whole:
        return spans
    ordered = sorted(spans, key=lambda s: s.start)
    merged = []
    for n in (3, 2):
        for k in range(len(ordered) - n + 1):
            run = ordered[k:k + n]
            if all(a.end == b.start for a, b in zip(run, run[1:])):
                key = tuple(t.text for s in run for t in s)
                if key in whole:
                    merged.append(Span(doc, run[0].start, run[-1].end, label=whole[key]))
    return override(spans, merged) if merged else spans


def drop_concepts(doc: Doc, spans: list[Span], links: list[tuple]) -> tuple[list[Span], list[tuple]]:
    """Without the organisation spans that are capitalised terms (:func:`is_concept`), the
    names of laws (:func:`is_law`, of any type: a law is no entity, the bodies it names are),
    the acronyms defined for them, and the table's abbreviations of terms standing alone
    ("PPN", "UMKM"); the links of the terms dropped go too."""
    p = patterns()
    laws = {s.text for s in spans if is_law(s)}
    laws |= {doc[c:d].text for _, (c, d) in links if is_law(doc[c:d])}
    laws |= {doc[a:b].text for (a, b), (c, d) in links if doc[c:d].text in laws}
    heads = law_heads(doc)
    spans = [s for s in spans if s.text not in laws and not any(i in heads for i in range(s.start, s.end))]
    others = {s.text for s in spans if s.label_ != "ORG"}  # an event or product keeps its name
    terms = {s.text for s in spans if s.label_ == "ORG" and is_concept(s)} | laws
    terms |= {doc[c:d].text for _, (c, d) in links if doc[c:d].text not in others and is_concept(doc[c:d])}
    terms |= {doc[a:b].text for (a, b), (c, d) in links if doc[c:d].text in terms}
    kept = [s for s in spans if not (s.label_ == "ORG" and (s.text in terms or s.text in p.concept_acronyms))
            and not (s[-1].text in p.concept_acronyms and all(t.lower_ in p.term_heads for t in s[:-1]))]
    return kept, [link for link in links
                  if doc[link[0][0]:link[0][1]].text not in terms and doc[link[1][0]:link[1][1]].text not in terms]


# -- the component ------------------------------------------------------------------------

def apply_rules(doc: Doc, use_gazetteer: bool = True) -> Doc:
    """The doc with its entities corrected and completed by the rules (see the module)."""
    spans = hyphenated_given_names(doc, strip_titles(split_at_ranks(doc, split_model_lists(doc, clean_model_spans(doc, list(doc.ents))))))
    spans = people_after_ranks(doc, back_after_comma(doc, back_to_rank(doc, spans)))
    spans = balinese_openers(doc, people_after_honorifics(doc, spans))
    found = rule_spans(doc)
    for kind in ("products", "places", "companies", "orgs", "events", "media", "epithets"):
        spans = override(spans, _not_cutting_model_names(doc, spans, kind, found[kind]))
    spans = particle_names(doc, fill(relabel(spans, found["brands"]), found["series"]))
    people = [s for s in spans if s.label_ == "PER" and len(s) > 1]
    spans = override(spans, [m for m in found["media_weak"]  # "dikutip Carscoops", not "dilaporkan Ani Lestari"
                             if not any(s.start < m.end and m.start < s.end for s in people)])
    spans = fill(spans, found["marked_places"])
    spans = override(spans, residents_places(spans, found["resident_places"]))
    spans = bodies_for_a_cause(doc, listed_fields(doc, spans))
    spans = long_forms_to_their_acronyms(doc, spans)
    defined, links, plain = acronym_definitions(doc, spans)
    said_or = short_names_after_or(doc, spans)
    defined, links = defined + [short for short, _ in said_or], links + [
        ((short.start, short.end), (long.start, long.end)) for short, long in said_or]
    spans = override([s for s in spans if s.text not in plain], defined + holders_after_short_names(doc, said_or))
    spans = fill(spans, [Span(doc, b, c, label="ORG") for _, (b, c) in links])
    spans = table_acronyms(doc, place_before_person(doc, split_leading_acronyms(doc, spans)))
    spans = camel_case_names(doc, acronym_fields(doc, spans))
    spans = experts_at_bodies(doc, holders_after_fields(doc, players_after_countries(doc, countries(doc, spans))))
    spans = drop_opening_words(doc, stock_codes(doc, holders_cut_from_bodies(doc, spans)))
    spans = drop_kind_phrases(doc, drop_unit_names(doc, apostrophe_names(doc, spans)))
    spans = fill(spans, repeat_acronyms(doc, spans, links))
    spans = company_short_forms(doc, spans)
    spans = said_again(doc, spans, found["companies"] + found["orgs"] + found["products"])
    if use_gazetteer:
        spans = fill(gazetteer.retype(spans), gazetteer.spans(doc, spans))
        spans, links = gazetteer_acronyms(doc, spans, links)
    spans = brand_models(doc, names_said_again(doc, spans))
    spans = territory_after_title(doc, models_listed_with_products(doc, listed_share_a_type(doc, spans)))
    spans = divisions_said_again(doc, places_after_territorial_titles(doc, spans))
    spans = party_boards(doc, namesake_bodies(doc, regional_branches(doc, places_listed_between(doc, spans))))
    spans = foreign_bodies(doc, bracketed_places(doc, bracketed_events(doc, spans)))
    spans = balinese_openers(doc, spans)  # again: a branch's place may have taken the "I" since
    spans = acronym_types(doc, speakers_after_quotes(doc, speakers_are_people(doc, speakers_opening_sentences(doc, drop_calendar(spans)))), links)
    spans = drop_rank_services(doc, drop_currency_places(doc, drop_vessel_words(doc, drop_initials(doc, drop_routes(drop_urls(drop_letters(spans)))))))
    spans, links = drop_concepts(doc, names_split_apart(doc, drop_title_orgs(spans)), links)
    spans, called = people_called_otherwise(doc, spans)
    links = links + called
    doc.ents = filter_spans(spans)
    doc._.warta_links = links
    return doc


@Language.factory("warta_entity_rules", assigns=["doc.ents", "doc._.warta_links"],
                  default_config={"use_gazetteer": True})
def make_entity_rules(nlp: Language, name: str, use_gazetteer: bool):
    """The rules as a pipeline component (after ``ner``)."""
    return lambda doc: apply_rules(doc, use_gazetteer=use_gazetteer)
