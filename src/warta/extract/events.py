"""Events: the main happenings of an article (``Event`` records), one per happening.

A sentence holding a trigger of ``lang/id/event_triggers.yaml`` ("menggelontorkan
investasi", "pangsa pasar", "meresmikan pabrik") and what its type needs (an amount, a
percentage, a count of workers, a product, an actor) makes a candidate event; its arguments
come from the entities, amounts and dates of that sentence, and from the sentences before
it when it names no actor ("mereka", "perusahaan asal Korea itu").  Candidates for the same
happening merge (one meeting per article, one factory per company or place, one investment
per amount, one market share per company, one statement per speaker), so that an article
repeating a fact gives it once.

Argument names follow the gold files: ``participants``, ``visitor``, ``investor``,
``company``, ``parties``, ``acquirer``, ``issuer``, ``speaker``, ``target``, ``place``,
``date`` (the ISO value of the date item), ``amount`` + ``currency`` + ``money`` (the index
of the money item), ``percent``, ``count``, ``product``, ``facility``.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from .. import lang
from ..model import Event, Money, Span
from ..words import alternation, fold
from ._event_merge import Draft, Merge, merge
from ._facts import Facts, Mention, View
from .quotes import spans as quote_spans, speech_verb
from .titles import person_by_title

ACTORS = ("ORG", "PER")
DAY_EVENTS = ("MEETING", "VISIT", "POLICY")  # dated by the day they happen
REACH = 240  # how far (characters) from a trigger its issuer is looked for: a long sentence stays linear


@dataclasses.dataclass(frozen=True)
class Kind:
    """One event type as ``event_triggers.yaml`` declares it."""

    name: str
    rank: int
    trigger: re.Pattern | None   # None: no trigger words (the builder finds it)
    needs: frozenset[str]
    verb: re.Pattern | None
    quotes: bool
    confidence: float
    merge: Merge


@dataclasses.dataclass(frozen=True)
class Triggers:
    types: dict[str, Kind]                   # every declared type, in rank order
    kinds: tuple[Kind, ...]                  # the types with trigger words, in rank order
    any: re.Pattern                          # every trigger of every type, one scan
    by_phrase: dict[str, tuple[Kind, ...]]   # a folded trigger → the types it triggers
    suffix: str
    workforce_units: frozenset[str]
    equivalence: re.Pattern
    facility_value: re.Pattern
    source_markers: re.Pattern
    broad_places: frozenset[str]
    meeting_more: re.Pattern
    verb_negated: re.Pattern      # a negator ending the text before a verb
    account: re.Pattern
    statement_verbs: re.Pattern
    company_anaphor: re.Pattern
    origin: re.Pattern
    subject_gap: frozenset[str]
    place_marker: re.Pattern
    reporting: re.Pattern
    public_bodies: tuple[str, ...]
    phrase_stops: frozenset[str]
    anaphor: re.Pattern
    party_joiner: re.Pattern
    authorities: tuple[str, ...]
    same_act: dict[str, str]
    citation: re.Pattern
    not_invested: re.Pattern
    rate_after: re.Pattern
    crime: re.Pattern
    aggregate: re.Pattern
    aggregate_parts: frozenset[str]
    authority_titles: tuple[str, ...]
    visit_received: re.Pattern
    funding_received: re.Pattern   # "meraih pendanaan": the subject receives the money
    funding_from: re.Pattern       # "dipimpin oleh X", "dari X": X put the money in


def _words(words: list[str], suffix: str = "") -> re.Pattern:
    tail = f"(?:{re.escape(suffix)})?" if suffix else ""
    return re.compile(rf"(?<!\w){alternation(words)}{tail}(?!\w)", re.I)


@functools.cache
def triggers() -> Triggers:
    """The trigger data, compiled once."""
    d = lang.load("event_triggers")
    types = {}
    by_phrase: dict[str, list[Kind]] = {}
    for name, k in sorted(d["types"].items(), key=lambda nk: nk[1]["rank"]):
        types[name] = kind = Kind(
            name=name, rank=int(k["rank"]), trigger=_words(k["triggers"], d["suffix"]) if k.get("triggers") else None,
            needs=frozenset(k.get("needs", [])), verb=_words(k["verbs"], d["suffix"]) if k.get("verbs") else None,
            quotes=bool(k.get("quotes", True)), confidence=float(k.get("confidence", 0.5)),
            merge=tuple(k["merge"]) if isinstance(k.get("merge"), list) else k.get("merge"))
        for phrase in k.get("triggers", ()):
            by_phrase.setdefault(fold(phrase), []).append(kind)
    return Triggers(
        types=types, kinds=tuple(k for k in types.values() if k.trigger is not None),
        any=_words(list(by_phrase), d["suffix"]),
        by_phrase={p: tuple(ks) for p, ks in by_phrase.items()}, suffix=d["suffix"],
        workforce_units=frozenset(fold(u) for u in d["workforce_units"]),
        equivalence=re.compile(rf"{alternation(d['equivalence'])}\s*$", re.I),
        facility_value=_words(d["facility_value"]), source_markers=_words(d["source_markers"]),
        broad_places=frozenset(fold(p) for p in d["broad_places"]),
        meeting_more=_words(d["meeting_more"]), statement_verbs=_words(d["statement_verbs"]),
        verb_negated=re.compile(rf"(?<!\w){alternation(d['verb_negators'])}\s+$", re.I),
        visit_received=re.compile(rf"(?<!\w){alternation(d['visit_received'])}\s+$", re.I),
        funding_received=re.compile(rf"(?<!\w){alternation(d['funding_received'])}\s+$", re.I),
        funding_from=re.compile(rf"(?<!\w){alternation(d['funding_from'])}\s+$", re.I),
        company_anaphor=_words(d["company_anaphors"]),
        origin=re.compile(rf"(?<!\w)(?i:{alternation(lang.load('org_forms')['origin_words'])})\s+$"),
        account=re.compile(rf"(?<!\w)(?i:{alternation(d['account_words'])})(?:\s+[a-z]+)?\s+$"),
        reporting=re.compile(rf"\s+(?:\w+\s+)?{alternation(lang.load('speech_verbs')['reporting'])}(?!\w)", re.I),
        public_bodies=tuple(w.casefold() for w in d["public_bodies"]),
        phrase_stops=frozenset(w.casefold() for w in d["phrase_stops"]),
        anaphor=re.compile(rf"\s+(?:\w+\s+)?{alternation(d['anaphors'])}(?!\w)", re.I),
        party_joiner=re.compile(rf"\s+{alternation(d['party_joiners'])}\s+"),
        authorities=tuple(w.casefold() + " " for w in d["authorities"]),
        citation=_words(d["citations"]),
        same_act={**{fold(w): "" for w in d["types"]["POLICY"]["triggers"] if w not in d["requests"]},
                  **{fold(w): fold(group[0]) for group in d["same_request"] for w in group}},
        not_invested=re.compile(
            rf"(?:(?<!\w){alternation(d['rate_words'])}\s+$|(?<!\w){alternation(d['plan_words'])}(?!\w)[^.,;]*$"
            rf"|(?<!\w){alternation(d['comparison_from'])}\s(?:\S+\s){{0,6}}{alternation(d['comparison_back'])}"
            rf"(?:\s+\S+)?\s+$)", re.I),
        rate_after=re.compile(r"\s*per\s+\S", re.I),
        crime=re.compile(rf"(?<!\w){alternation(d['crimes'])}\s+$|^\s+{alternation(d['crimes'])}(?!\w)", re.I),
        aggregate=_words(d["aggregate_words"]),
        aggregate_parts=frozenset(fold(w) for w in d["aggregate_parts"]),
        authority_titles=tuple(w.casefold() for w in d["authority_titles"]),
        place_marker=re.compile(rf"(?<!\w){alternation(d['place_markers'])}\s+(?:\w+\s+)?$", re.I),
        subject_gap=frozenset(w.casefold() for w in d["subject_gap"] for w in w.split())
        | frozenset(w for link in lang.titles().post_links for w in link) | lang.titles().connectors,
    )


# -- the linker ---------------------------------------------------------------------------

def events(facts: Facts) -> list[Event]:
    """The main happenings in the article, merged so that each is given once.

    >>> from warta.model import Entity, Money
    >>> x = Entity("e1", "Xiaomi", "ORG", mentions=[(0, 6)])
    >>> rp = Money("Rp3 triliun", 3e12, "IDR", (28, 39))
    >>> [(e.type, e.args["investor"], e.args["amount"]) for e in
    ...  events(Facts.of("Xiaomi menggelontorkan dana Rp3 triliun.", [x], money=[rp]))]
    [('INVESTMENT', 'Xiaomi', 3000000000000.0)]
    """
    facts = _without_currency_places(facts)
    v = facts.view
    quoted = [q.span for q in facts.quotes] or quote_spans(v.text)
    hits = _trigger_hits(v)
    drafts: list[Draft] = []
    for n, sent in enumerate(v.sentences):
        if n in hits:
            drafts += _sentence_events(facts, sent, hits[n], quoted)
    drafts = _without_parts(facts, drafts) + _statements(facts, quoted)
    rules = {name: kind.merge for name, kind in triggers().types.items()}
    return [_event(v, _without_affiliations(facts, d)) for d in merge(drafts, rules, triggers().same_act)]


def _without_currency_places(f: Facts) -> Facts:
    """The facts with no place mentioned inside an amount: the "AS" of "dolar AS" is a
    currency's name, never where something happens."""
    inside = [m.span for m in f.money]
    if not any(s <= m.start and m.end <= e for m in f.view.mentions if m.type == "LOC" for s, e in inside):
        return f
    entities = [dataclasses.replace(e, mentions=[(a, b) for a, b in e.mentions
                                                 if e.type != "LOC" or not any(s <= a and b <= e2 for s, e2 in inside)])
                for e in f.view.entities]
    return dataclasses.replace(f, view=f.view.with_entities(entities))


def _without_parts(f: Facts, drafts: list[Draft]) -> list[Draft]:
    """After a country's total realised investment ("BKPM mencatat realisasi investasi …
    Rp219,7 triliun"), the investments with no company as investor are its parts (by
    source, region or sector), not investments of their own."""
    tr = triggers()
    total = None
    out = []
    for d in drafts:
        if d.type == "INVESTMENT" and not _company(f, d.args.get("investor")):
            if total is not None:
                continue
            if tr.aggregate.search(f.text, d.span[0], d.span[1]):
                total = d
        out.append(d)
    return out


def _company(f: Facts, name: str | None) -> bool:
    if not name or fold(name) in triggers().aggregate_parts:
        return False
    entity = next((e for e in f.view.entities if e.name == name), None)
    return entity is not None and not _public(entity) and \
        not any(fold(a) in triggers().aggregate_parts for a in entity.aliases)


def _without_affiliations(f: Facts, d: Draft) -> Draft:
    """A meeting's participants without the organisations of the people in it (a merged
    meeting may have them from a sentence that named only the organisations)."""
    if d.type != "MEETING":
        return d
    people = d.args.get("participants") or []
    theirs = {r.org for r in f.roles if r.person in people and r.org}
    d.args["participants"] = [p for p in people if p not in theirs]
    return d


def _trigger_hits(v: View) -> dict[int, list[tuple[Kind, tuple[int, int]]]]:
    """Trigger spans by sentence index, in type order: one scan of the text for all."""
    tr = triggers()
    rank = {k.name: i for i, k in enumerate(tr.kinds)}
    hits: dict[int, list[tuple[Kind, tuple[int, int]]]] = {}
    for m in tr.any.finditer(v.text):
        phrase = fold(m.group())
        kinds = tr.by_phrase.get(phrase) or tr.by_phrase.get(phrase[:-len(tr.suffix)], ())
        for kind in kinds:
            hits.setdefault(v.sentence_index(m.start()), []).append((kind, m.span()))
    for found in hits.values():
        found.sort(key=lambda h: rank[h[0].name])
    return hits


def _sentence_events(f: Facts, sent: tuple[int, int], hits: list, quoted: list) -> list[Draft]:
    v = f.view
    used: list[tuple[int, int]] = []
    done: set[str] = set()
    out: list[Draft] = []
    for kind, span in hits:
        if kind.name in done or span[1] > sent[1] or any(s < span[1] and span[0] < e for s, e in used):
            continue
        if not kind.quotes and any(s <= span[0] < e for s, e in quoted):
            continue
        if not _has_needs(f, sent, kind):
            continue
        made = BUILDERS[kind.name](f, sent, span, kind)
        if made and triggers().anaphor.match(v.text, span[1]):
            for d in made:  # "kebijakan tersebut", "pabrik ini": told of before
                d.anaphoric = d.anaphoric or d.type == kind.name
        if made:
            used.append(span)
            done.add(kind.name)
            out += made
    return out


NEEDS = {  # what the data's "needs" ask of a sentence, checked before a builder runs
    "money": lambda f, sent, kind: bool(_items(f, "money", sent)),
    "percent": lambda f, sent, kind: bool(_items(f, "percents", sent)),
    "workforce": lambda f, sent, kind: bool(_items(f, "quantities", sent)),
    "product": lambda f, sent, kind: bool(_in(f.view, sent, ("PRODUCT",))),
    "verb": lambda f, sent, kind: kind.verb is None or _verb_said(f.text, sent, kind.verb),
    "actor": lambda f, sent, kind: True,  # the builder looks for it, before and around
}


def _verb_said(text: str, sent: tuple[int, int], verb: re.Pattern) -> bool:
    """Whether the sentence holds one of a type's verbs not negated ("berhenti beroperasi",
    "batal dibangun": ``verb_negators``)."""
    negated = triggers().verb_negated
    return any(not negated.search(text, max(sent[0], m.start() - 12), m.start())
               for m in verb.finditer(text, sent[0], sent[1]))


def _has_needs(f: Facts, sent: tuple[int, int], kind: Kind) -> bool:
    return all(NEEDS[need](f, sent, kind) for need in kind.needs)


def _event(v: View, d: Draft) -> Event:
    args = {k: val for k, val in d.args.items() if val not in (None, [], "")}
    evidence = v.text[d.span[0]:d.span[1]].strip()
    return Event(type=d.type, trigger=d.trigger, args=args, evidence=evidence, span=d.span,
                 confidence=round(min(0.95, d.confidence + 0.05 * min(len(args), 4)), 2))


# -- argument helpers -----------------------------------------------------------------------

def _in(v: View, sent: tuple[int, int], types=ACTORS) -> list[Mention]:
    return v.within(sent[0], sent[1], types)


def _actor(v: View, sent: tuple[int, int], pos: int, types=ACTORS, back: int = 3,
           business: bool = False, after: bool = True) -> str | None:
    """Who does it: the nearest actor before the trigger in its sentence, else the first
    after it, else the last named in the sentences before.  Never a source of figures
    ("menurut Canalys", "Kemendag mencatat"); with ``business``, never a public body (a
    ministry builds no factory)."""
    ok = [m for m in _in(v, sent, types) if _can_act(v, m, business)]
    before = [m for m in ok if m.end <= pos]
    described = [m for m in _in(v, (sent[0], pos), ("ORG",)) if _describes_person(v, m)]
    if described and "PER" in types and (not before or before[-1].end <= described[-1].start):
        person = v.last_before(described[-1].start, ("PER",))  # "kata politikus PDI Perjuangan itu"
        if person is not None:
            return person.entity.name
    if before:
        return before[-1].entity.name
    if back and triggers().company_anaphor.search(v.text[sent[0]:pos]):
        # "perseroan berencana mengakuisisi PT X": the company named before, not X
        return _previous(v, sent, types, back, business)
    later = [m for m in ok if m.start >= pos] if after else []
    if later:
        return later[0].entity.name
    return _previous(v, sent, types, back, business) if back else None


def _can_act(v: View, m: Mention, business: bool = False) -> bool:
    tr = triggers()
    if _is_source(v, m) or tr.reporting.match(v.text, m.end) or _describes_person(v, m):
        return False
    if m.type == "LOC" and tr.place_marker.search(v.text[max(0, m.start - 12):m.start]):
        return False
    return not (business and _public(m.entity))


def _describes_person(v: View, m: Mention) -> bool:
    """Whether an organisation is named only to describe a person: after a describer and
    before "itu" ("kata politikus PDI Perjuangan itu saat kunjungan kerja …": the speaker
    visits, not the party)."""
    before = v.text[max(0, m.start - 20):m.start].split()
    return m.type == "ORG" and bool(before) and before[-1].casefold() in _describers() \
        and re.match(r"\s+(?:itu|tersebut)\b", v.text[m.end:m.end + 10]) is not None


@functools.cache
def _describers() -> frozenset[str]:
    return frozenset(w.casefold() for w in lang.load("speech_verbs")["describers"])


def _public(entity) -> bool:
    return any((n.casefold() + " ").startswith(triggers().public_bodies) for n in [entity.name, *entity.aliases])


def _previous(v: View, sent: tuple[int, int], types=ACTORS, back: int = 3, business: bool = False) -> str | None:
    i = v.sentence_index(sent[0])
    pos = sent[0]
    while True:
        m = v.last_before(pos, types)
        if m is None or i - v.sentence_index(m.start) > back:
            return None
        if _can_act(v, m, business):
            return m.entity.name
        pos = m.start


def _is_source(v: View, m: Mention) -> bool:
    window = v.text[max(0, m.start - 25):m.start]
    return bool(triggers().source_markers.search(window))


def _place(v: View, sent: tuple[int, int], pos: int) -> str | None:
    """Where: the first narrow place after the trigger (one after "di"/"ke" first), else one
    after "di"/"ke" anywhere in the sentence, else any place — never an origin ("asal Korea
    Selatan")."""
    tr = triggers()
    broad = tr.broad_places
    anywhere = [m for m in _in(v, sent, ("LOC",)) if not tr.origin.search(v.text[max(0, m.start - 12):m.start])]
    after = [m for m in anywhere if m.start >= pos]   # "investor asal Korea": where it comes from, not to
    marked = [m for m in anywhere if tr.place_marker.search(v.text[max(0, m.start - 12):m.start])]
    for group in ([m for m in marked if m.start >= pos], after, marked, anywhere):
        narrow = [m for m in group if fold(m.entity.name) not in broad]
        if narrow:
            return narrow[0].entity.name
    return (after or anywhere)[0].entity.name if (after or anywhere) else None


def _date(f: Facts, sent: tuple[int, int], pos: int, day: bool = False) -> str | None:
    """When: the value of the date item nearest the trigger in its sentence (with
    ``day``, a day's date first: a meeting happens on a day, not in a target year)."""
    dates = [d for d in f.dates if sent[0] <= d.span[0] < sent[1] and d.value]
    if day:
        dates = [d for d in dates if d.precision in ("day", "month")]
    if not dates:
        return None
    return min(dates, key=lambda d: abs(d.span[0] - pos)).value


def _items(f: Facts, field: str, sent: tuple[int, int]) -> list[tuple[int, Any]]:
    return [(i, x) for i, x in enumerate(getattr(f, field)) if sent[0] <= x.span[0] < sent[1]]


def _money_args(i: int, money: Money) -> dict[str, Any]:
    return {"amount": money.amount, "currency": money.currency, "money": i}


def _draft(kind: Kind, f: Facts, sent, span, args: dict[str, Any]) -> Draft:
    v = f.view
    args.setdefault("date", _date(f, sent, span[0], day=kind.name in DAY_EVENTS))
    if args["date"] is None and kind.name in DAY_EVENTS and _continues(v, sent):
        i = v.sentence_index(sent[0])  # "Ajakan tersebut disampaikan dalam pertemuan …": the day before
        if i > 0:
            args["date"] = _date(f, v.sentences[i - 1], v.sentences[i - 1][1], day=True)
    return Draft(kind.name, v.text[span[0]:span[1]], args, sent, kind.confidence)


# -- one builder per type: (facts, sentence, trigger span, kind) -> drafts --------------------

Builder = Callable[[Facts, Span, Span, Kind], list[Draft]]
#: event type -> its builder; each builder names its type with @builds (a test checks that
#: every type declared with triggers in event_triggers.yaml has one)
BUILDERS: dict[str, Builder] = {}


def builds(name: str) -> Callable[[Builder], Builder]:
    """Make the decorated function the builder of event type ``name``."""
    def put(fn: Builder) -> Builder:
        BUILDERS[name] = fn
        return fn
    return put


@builds("INVESTMENT")
def _investment(f: Facts, sent, span, kind) -> list[Draft]:
    v = f.view
    tr = triggers()
    out = []
    facility = tr.types["FACILITY"]
    body = v.text[sent[0]:sent[1]]
    for i, money in _items(f, "money", sent):
        if money.amount is None or tr.equivalence.search(v.text[max(sent[0], money.span[0] - 20):money.span[0]]):
            continue
        if _not_invested(v, sent, money):
            continue
        near = list(kind.trigger.finditer(v.text, max(sent[0], money.span[0] - 2 * REACH), money.span[0]))
        if not near:
            continue
        trig = near[-1]
        if _a_crime(v, trig):
            continue
        # the actor and the place are looked for near the trigger: a long sentence stays linear
        around = (max(sent[0], trig.start() - REACH), min(sent[1], money.span[1] + REACH))
        actor = _actor(v, around, trig.start(), ("ORG",), back=1, business=True) or \
            _actor(v, around, trig.start(), ("LOC",), back=0, after=False)
        value_of = tr.facility_value.search(v.text, max(sent[0], trig.start() - 10), trig.end() + 1)
        if value_of and facility.trigger.search(body):
            out.append(Draft("FACILITY", trig.group(), {
                "company": _actor(v, around, trig.start(), ("ORG",), business=True), **_money_args(i, money),
                "place": _place(v, around, trig.start())}, sent, facility.confidence))
            continue
        if tr.funding_received.search(v.text, max(sent[0], trig.start() - 30), trig.start()):
            # "Xendit meraih pendanaan … yang dipimpin oleh Coatue": the subject receives it
            backers = [m for m in _in(v, (money.span[1], sent[1]), ("ORG",))
                       if tr.funding_from.search(v.text, max(sent[0], m.start - 20), m.start)]
            out.append(_draft(kind, f, sent, trig.span(), {
                "investor": backers[0].entity.name if backers else None, **_money_args(i, money),
                "target": actor}))
            continue
        out.append(_draft(kind, f, sent, trig.span(), {
            "investor": actor, **_money_args(i, money), "target": _place(v, around, money.span[1])}))
    return out


def _a_crime(v: View, trig: re.Match) -> bool:
    """An investment's word naming a crime ("penipuan investasi", "investasi bodong")."""
    crime = triggers().crime
    return bool(crime.search(v.text[max(0, trig.start() - 20):trig.start()])
                or crime.search(v.text[trig.end():trig.end() + 20]))


def _not_invested(v: View, sent, money: Money) -> bool:
    """An exchange rate, a target or a comparison's basis: no amount invested."""
    tr = triggers()
    if tr.rate_after.match(v.text, money.span[1]):
        return True               # "Rp15.500 per dolar AS", "Rp4.370 per lembar": a price
    return bool(tr.not_invested.search(v.text, max(sent[0], money.span[0] - 80), money.span[0]))


@builds("MARKET_SHARE")
def _market_share(f: Facts, sent, span, kind) -> list[Draft]:
    v = f.view
    out = []
    for _, pct in _items(f, "percents", sent):
        if pct.qualifier != "exact" or pct.value is None:
            continue
        before = [m for m in _in(v, (sent[0], pct.span[0]), ("ORG",)) if not _is_source(v, m)]
        company = before[-1].entity.name if before else _previous(v, sent, ("ORG",), 2)
        if company:
            date = _date(f, sent, pct.span[0]) or _date_before(f, sent)
            out.append(_draft(kind, f, sent, span, {"company": company, "percent": pct.value, "date": date}))
    return out


def _continues(v: View, sent) -> bool:
    """Whether a sentence opens by pointing back at the one before: one or two words and
    an anaphor ("Ajakan tersebut …", "Pertemuan itu …", "Kunjungan kerja ini …")."""
    return bool(_opener().match(v.text, sent[0], sent[1]))


@functools.cache
def _opener() -> re.Pattern:
    anaphors = lang.load("event_triggers")["anaphors"]
    return re.compile(rf"\W*\w+\s+(?:\w+\s+)?{alternation(anaphors)}(?!\w)", re.I)


def _spoken(f: Facts, sent, pos: int) -> str | None:
    """When a statement was made: the day or month of its sentence nearest it, not one
    after the article's day ("stok cukup hingga Maret 2026" is what was said, not when; with
    no news day, a day only: "tes digelar pada April 2026"), else the news day."""
    day = f.published.isoformat() if f.published else None
    kinds = ("day", "month") if day else ("day",)  # no news day to tell a month said of from the month said in
    dates = [d for d in f.dates if sent[0] <= d.span[0] < sent[1] and d.value and d.precision in kinds
             and not (day and d.value > day[:len(d.value)])]
    if dates:
        return min(dates, key=lambda d: abs(d.span[0] - pos)).value
    return _news_day(f)


def _news_day(f: Facts) -> str | None:
    """The article's day when its text states it ("hari ini, Selasa (18/3/2025)"): the day
    a statement the article reports with no date of its own was made."""
    day = f.published.isoformat() if f.published else None
    return day if day and any(d.value == day for d in f.dates) else None


def _date_before(f: Facts, sent, back: int = 3) -> str | None:
    """The period the text is about: the last dated sentence among the ``back`` before."""
    v = f.view
    i = v.sentence_index(sent[0])
    for j in range(i - 1, max(-1, i - 1 - back), -1):
        s = v.sentences[j]
        dated = [d for d in f.dates if s[0] <= d.span[0] < s[1] and d.value]
        periods = [d for d in dated if d.precision != "day"]
        if dated:
            return (periods or dated)[-1].value
    return None


@builds("WORKFORCE")
def _workforce(f: Facts, sent, span, kind) -> list[Draft]:
    v = f.view
    tr = triggers()
    counts = [q for _, q in _items(f, "quantities", sent)
              if fold(q.unit) in tr.workforce_units and q.value and not q.vague]
    if not counts:
        return []
    last = counts[-1]
    args = {"company": _actor(v, sent, last.span[0], ("ORG",), back=6, business=True), "count": last.value, "unit": last.unit,
            "qualifier": last.qualifier}
    if len(counts) > 1:
        args["previous"] = counts[0].value
    return [_draft(kind, f, sent, span, args)]


@builds("PRODUCT_LAUNCH")
def _product_launch(f: Facts, sent, span, kind) -> list[Draft]:
    v = f.view
    products = _in(v, sent, ("PRODUCT",))
    if not products:
        return []
    after = [m for m in products if m.start >= span[0]] or products
    return [_draft(kind, f, sent, span, {"company": _actor(v, sent, span[0], ("ORG",), business=True),
                                         "product": after[0].entity.name})]


@builds("ACQUISITION")
def _acquisition(f: Facts, sent, span, kind) -> list[Draft]:
    v = f.view
    orgs = _in(v, (span[1], sent[1]), ("ORG",))
    what = _phrase(v, span, sent).split()[1:]  # "lahan industri" after "mengakuisisi"
    name = orgs[0].entity.name if orgs else (" ".join(what) or None)
    args = {"acquirer": _actor(v, sent, span[0], ("ORG",), business=True), "target": name, "place": _place(v, sent, span[1])}
    paid = [(i, m) for i, m in _items(f, "money", sent) if m.span[0] > span[1] and m.amount is not None]
    if paid:
        args.update(_money_args(*paid[0]))
    return [_draft(kind, f, sent, span, args)]


@builds("FACILITY")
def _facility(f: Facts, sent, span, kind) -> list[Draft]:
    v = f.view
    body = v.text[sent[0]:sent[1]]
    company = _actor(v, sent, span[0], ("ORG",), back=0, business=True)
    out = [_draft(kind, f, sent, span, {"company": company, "facility": _phrase(v, span, sent),
                                        "place": _place(v, sent, span[1])})]
    if company is None:  # "Pabrik tersebut …": the factory already told of, if any
        out[0].anaphoric = True
        out[0].args["company"] = _previous(v, sent, ("ORG",), 3, business=True)
        if not out[0].args["company"] and not out[0].args["place"]:
            out[0].weak = True
    investment = triggers().types["INVESTMENT"]
    if not investment.trigger.search(body):
        for i, money in _items(f, "money", sent):
            if money.amount is not None:
                out.append(_draft(investment, f, sent, span, {
                    "investor": company, **_money_args(i, money), "target": _place(v, sent, money.span[1])}))
                out[0].args.update(_money_args(i, money))
                break
    return out


def _phrase(v: View, span, sent, most: int = 5) -> str:
    """The trigger and the words that describe it ("pabrik sel baterai"), up to a small
    word, a verb-like stop word or a capital."""
    words = [v.text[span[0]:span[1]]]
    for m in re.finditer(r"\S+", v.text[span[1]:sent[1]]):
        w = m.group().strip(",.;:()\"“”")
        if len(words) >= most or not w or not w[0].islower() or w.casefold() in triggers().phrase_stops \
                or m.group()[-1] in ",.;:":
            if w and w[0].islower() and w.casefold() not in triggers().phrase_stops and len(words) < most:
                words.append(w)
            break
        words.append(w)
    return " ".join(words)


@builds("PARTNERSHIP")
def _partnership(f: Facts, sent, span, kind) -> list[Draft]:
    v = f.view
    parties = [m.entity.name for m in _in(v, sent, ("ORG",)) if not _is_source(v, m)]
    if not parties:
        before = v.within(max(0, sent[0] - 400), sent[0], ("ORG",))
        parties = [m.entity.name for m in before[-2:]]
    parties = list(dict.fromkeys(parties + _joined_countries(v, sent, parties)))
    if not parties:
        return []
    # "… melalui agenda Suppliers Summit pada 2018 di Batam dan MIDC pada September 2019 di
    # Jakarta": one partnership per named event, each with its own place and date
    first: dict[str, Mention] = {}  # each named event's first mention after the trigger
    for m in _in(v, (span[1], sent[1]), ("EVENT",)):
        first.setdefault(m.entity.name, m)
    named = list(first.values())
    if not named:
        return [_draft(kind, f, sent, span, {"parties": parties, "place": _place(v, sent, span[1])})]
    drafts = []
    for m, end in zip(named, [m.start for m in named[1:]] + [sent[1]]):
        args = {"parties": parties, "via": m.entity.name, "place": _place(v, (m.start, end), m.end)}
        when = _date(f, (m.start, end), m.start)
        drafts.append(_draft(kind, f, sent, span, {**args, "date": when} if when else args))
    return drafts


def _joined_countries(v: View, sent, parties: list[str]) -> list[str]:
    """Places joined to a party by "dan"/"dengan" ("antara Xiaomi dan Indonesia"): a
    country can be a party to a partnership."""
    mentions = _in(v, sent, ("ORG", "LOC"))
    out = []
    for a, b in zip(mentions, mentions[1:]):
        if not triggers().party_joiner.fullmatch(v.text[a.end:b.start]):
            continue
        for party, other in ((a, b), (b, a)):
            if party.entity.name in parties and other.entity.type == "LOC":
                out.append(other.entity.name)
    return out


@builds("MEETING")
def _meeting(f: Facts, sent, span, kind) -> list[Draft]:
    """Who met: the people and organisations of the sentence and the people of the
    sentences that add to it; never a source of figures or a medium ("akun Instagram
    Kemenperin").  The organisations of the people named go later (``_without_affiliations``):
    their posts say where they come from."""
    v = f.view
    present = [m for m in _in(v, sent) if not _is_source(v, m)
               and not triggers().account.search(v.text[max(0, m.start - 25):m.start])]
    participants = [m.entity.name for m in present] + _more_participants(v, sent)
    if not participants:
        return []
    return [_draft(kind, f, sent, span, {"participants": list(dict.fromkeys(participants)),
                                         "place": _place(v, sent, span[1])})]


def _more_participants(v: View, sent) -> list[str]:
    """Participants named in the next sentences ("Pertemuan itu juga dihadiri …")."""
    out: list[str] = []
    i = v.sentence_index(sent[0]) + 1
    while i < len(v.sentences) and i <= v.sentence_index(sent[0]) + 2:
        nxt = v.sentences[i]
        if not triggers().meeting_more.search(v.text[nxt[0]:nxt[1]]):
            break
        out += [m.entity.name for m in _in(v, nxt, ("PER",))]
        i += 1
    return out


@builds("VISIT")
def _visit(f: Facts, sent, span, kind) -> list[Draft]:
    """A visit: the visitor before the trigger, a host organisation after it; a visit
    received ("X menerima kunjungan Y"): Y the visitor, X the host."""
    v = f.view
    if triggers().visit_received.search(v.text, sent[0], span[0]):
        guests = [m for m in _in(v, (span[1], sent[1]), ACTORS) if _can_act(v, m)]
        hosts = [m for m in _in(v, (sent[0], span[0]), ACTORS) if _can_act(v, m)]
        return [_draft(kind, f, sent, span, {"visitor": guests[0].entity.name if guests else None,
                                             "host": hosts[-1].entity.name if hosts else None,
                                             "place": _place(v, sent, span[1])})]
    visitor = _actor(v, sent, span[0])
    hosts = _in(v, (span[1], sent[1]), ("ORG",))
    return [_draft(kind, f, sent, span, {"visitor": visitor, "host": hosts[0].entity.name if hosts else None,
                                         "place": _place(v, sent, span[1])})]


@builds("POLICY")
def _policy(f: Facts, sent, span, kind) -> list[Draft]:
    """A rule, decision or request, made by an authority (``authorities`` in the data): the
    subject before the trigger ("Prabowo meminta …", "BEI melakukan trading halt"), else the
    one after it ("… disahkan oleh DPR"), else the authority the sentences before name."""
    v = f.view
    if triggers().citation.search(v.text, max(sent[0], span[0] - REACH), min(sent[1], span[1] + REACH)):
        return []                 # "… diatur dalam Surat Perintah …": a rule cited, not made
    issuer = next((name for name in dict.fromkeys(_issuers(f, sent, span)) if _authority(f, name)), None)
    if issuer is None or _unauthorised_subject(f, sent, span, issuer):
        return []
    targets = [m for m in _in(v, (span[1], sent[1]), ("ORG",)) if m.entity.name != issuer]
    return [_draft(kind, f, sent, span, {"issuer": issuer, "target": targets[0].entity.name if targets else None})]


def _issuers(f: Facts, sent, span):
    """Who could have made the policy, most likely first."""
    v = f.view
    before = v.text[sent[0]:span[0]].split()
    if before and before[-1].casefold() in _pronouns():
        m = v.last_before(span[0], ("PER",))
        if m:
            yield m.entity.name
    near = dict.fromkeys(m.entity.name for m in _in(v, (max(sent[0], span[0] - REACH), span[0]))
                         if not _is_source(v, m))
    yield from near                              # the sentence's subject first, each name once
    if before:
        by_title = person_by_title(" ".join(before[-3:]), f.roles)
        if by_title:
            yield by_title
    yield from dict.fromkeys(m.entity.name for m in _in(v, (span[1], min(sent[1], span[1] + REACH))))
    m = v.last_before(sent[0], ACTORS)
    if m is not None and v.sentence_index(sent[0]) - v.sentence_index(m.start) <= 2:
        yield m.entity.name
    subject = _generic_authority(before)
    if subject:
        yield subject


def _generic_authority(before: list[str]) -> str | None:
    """The sentence's subject when it is an authority named by its kind or its post alone,
    no entity ("Pemerintah resmi menaikkan …", "Menteri Perdagangan melarang …"): its
    capitalised opening words, one to four, starting with an authority's word or title."""
    words = []
    for w in before:
        if not w[:1].isupper() or len(words) == 4:
            break
        words.append(w.strip(",."))
    if not words:
        return None
    tr = triggers()
    phrase = " ".join(words)
    low = phrase.casefold() + " "
    if low.startswith(tr.authorities) or len(words) >= 2 and low.startswith(tr.authority_titles):
        return phrase  # a post with its field or place ("Menteri Perdagangan"), not "Kepala" alone
    return None


def _unauthorised_subject(f: Facts, sent, span, issuer: str) -> bool:
    """Whether the trigger's own subject, right before it, is an organisation that does not
    govern: an association's appeal ("IDAI mengimbau orang tua …") is no policy of the
    authority an earlier sentence named.  (A person subject is left to the issuers' order:
    a post the roles missed may be a public one.)"""
    v = f.view
    near = [m for m in _in(v, (max(sent[0], span[0] - REACH), span[0])) if not _is_source(v, m)]
    if not near or near[-1].type != "ORG" or near[-1].entity.name == issuer \
            or _authority(f, near[-1].entity.name):
        return False
    return bool(re.fullmatch(r"[\s()]*|\s*\([^()]{1,20}\)\s*", v.text[near[-1].end:span[0]]))


def _authority(f: Facts, name: str) -> bool:
    """Whether the named actor governs: a public body, or a person with a public post or
    a post in a public body."""
    tr = triggers()
    entity = next((e for e in f.view.entities if e.name == name), None)
    names = [name, *(entity.aliases if entity else [])]
    if any((n.casefold() + " ").startswith(tr.authorities) for n in names):
        return True
    if entity is None and name.casefold().startswith(tr.authority_titles):
        return True  # a post named alone ("Menteri Perdagangan melarang …"): an authority
    for r in f.roles:
        if r.person == name and (r.title and r.title.casefold().startswith(tr.authority_titles)
                                 or r.org and _authority_org(r.org)):
            return True
    return False


def _authority_org(name: str) -> bool:
    return (name.casefold() + " ").startswith(triggers().authorities)


@functools.cache
def _pronouns() -> frozenset[str]:
    return frozenset(w.casefold() for w in lang.load("speech_verbs")["pronouns"])


# -- statements -----------------------------------------------------------------------------

MAIN_VOICE_QUOTES = 2


def _statements(f: Facts, quoted: list) -> list[Draft]:
    """One STATEMENT per speaker: people reporting outside quotations ("X menyatakan
    bahwa …"), then the speakers of the article's quotations (people first): all of them
    when no one reports outside quotations, else those quoted ``MAIN_VOICE_QUOTES`` times or
    more — an article's main voices.  (In the real-article gold of the tuned folds 22 of the
    25 quoted people are a STATEMENT's speaker; of the speakers quoted once beside someone
    reporting outside quotations, none of 2.)"""
    v, quotes, roles = f.view, f.quotes, f.roles
    tr = triggers()
    statement = tr.types["STATEMENT"]
    orgs = {r.person: r.org for r in roles if r.org}
    out = []
    for sent in v.sentences:
        for m in tr.statement_verbs.finditer(v.text[sent[0]:sent[1]]):
            pos = sent[0] + m.start()
            if any(s <= pos < e for s, e in quoted):
                continue
            people = _in(v, (sent[0], pos), ("PER",))
            if people and _subject_gap(v.text[people[-1].end:pos]):
                who = people[-1].entity.name
                out.append(Draft("STATEMENT", m.group(), {"speaker": who, "org": orgs.get(who),
                                                          "date": _spoken(f, sent, pos)}, sent, statement.confidence))
            break
    stated = {d.args["speaker"] for d in out}
    times = Counter(q.speaker for q in quotes if q.speaker)
    speakers = [q for q in quotes if q.speaker and q.speaker not in stated
                and (not stated or times[q.speaker] >= MAIN_VOICE_QUOTES)]
    people = {m.entity.name for m in v.mentions if m.type == "PER"}
    if any(q.speaker in people for q in speakers):
        speakers = [q for q in speakers if q.speaker in people]
    for q in speakers:
        sent = v.sentence_of(q.span[0])
        verb = speech_verb(v.text, q.span) or (q.text.split()[0] if q.text else "")
        out.append(Draft("STATEMENT", verb, {
            "speaker": q.speaker, "org": orgs.get(q.speaker), "date": _spoken(f, sent, q.span[0])},
            (q.span[0], q.span[1]), round(statement.confidence - 0.1, 2)))  # a quotation's speaker: less sure
    return out


def _subject_gap(between: str) -> bool:
    """Whether the words between a person and a verb keep the person its subject: a title
    or a few small words ("X selaku Ketua APLI (…) menyampaikan", "X juga menyatakan")."""
    words = re.sub(r"\([^()]*\)", " ", between).replace(",", " ").split()
    small = triggers().subject_gap
    return len(words) <= 2 and all(w.casefold() in small for w in words) or \
        len(words) <= 12 and all(w[0].isupper() or w.casefold() in small for w in words)
