"""A person after a title: the entity fixes that titles reveal (the ``entities`` step).

This is warta's one correction of "who is the person after a title" (the NER rules only
cut titles off the spans the model gave).  It works on records, so it fixes any entity
list, the shipped NER's or a caller's; ``extract.link`` runs it before roles, quotes and
events so that they all see the fixed list, and returns it under ``"entities"``:

* an organisation form ("Kementerian …", "PT …") is ORG, and a "person" that is only a
  legal form ("Ltd", "Tbk") or opens with a unit's head word ("Pusat Data", "Biro Hukum")
  is ORG too; a "person" with a digit in its name is a named event when it holds a year
  ("Pilkada 2024"), else a product or series ("Redmi 4A");
* a "person" made of title words ("Corporate Affairs" in "Vice President Corporate Affairs …")
  is dropped;
* a name right after a person's title is PER ("Product Marketing Manager Clara Tan",
  whatever the NER said);
* a name the NER missed is added as PER when a title clearly introduces it: after a title
  and a comma ("Duta Besar RI untuk RRT, Djauhari Oratmangun,"), after a title that ends
  in a legal form or a bracket ("… PT. Maju Bersama Tbk Henry Tanoto mengatakan",
  "… (Dishub) Arif Budiman dalam"), right after a plain title ("Menteri
  Perindustrian Budi Santoso hadir"), or between a speech verb and a title ("…,” jelas
  Faisal Rahman, analis Bank Mandiri"), or right after a quotation and its speech verb ("…,” kata
  Wahyu Nugroho kepada …"), or after a title and the organisation it names ("Kepala BKPM
  Bahlil Lahadalia mengatakan"), past the place that ends its name ("Ketua Umum Kadin
  Indonesia Arsjad Rasjid,"), one word long when the sentence goes on in lower case ("Anggota
  Komisi VII DPR RI Mulyanto meminta"); an organisation after a title gives back the first
  name of the person after it ("KAI Commuter Joni" + "Martinus").  Other entities lose the mentions the new name covers, and
  a one-word person inside the new name ("Bahlil") becomes one of its mentions;
* a person's name keeps no rank, title word or organisation ("Kapolda Riau Irjen Wahyu",
  "Gubernur BI Sutrisno Hadi" → PER "Sutrisno Hadi" and ORG "Bank Indonesia"; the word
  leading a titled name is cut only on evidence: a known organisation or place, an acronym
  after a title, the word standing alone elsewhere, the person called by a later word),
  an organisation glued to the name after it ("PT Bursa Efek Indonesia Kautsar …", its
  short form named alone elsewhere) gives the person back, a pair "Andi Permana-Budi
  Setiawan" is two persons, an organisation over a list of posts ("Dinas Sosial dan
  Kepala Dinas Perhubungan") is two organisations, a "person" with a lower-case word that
  is no name particle is none, and every occurrence of a person's names is their mention;
* an organisation that is a post's field before another organisation of the article
  ("International Affairs Xiaomi" of "Vice President … International Affairs Xiaomi,
  Christine Wong", with "Xiaomi" named elsewhere) is that organisation.

The fixed list is numbered ``e1``, ``e2``… in order of first mention, as ``nlp`` numbers it.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable

from .. import lang
from ..model import Entity, Span
from ..words import alternation, fold
from ._facts import View, is_capitalised
from ._spans import Taken
from .titles import expand, head_at, head_ending_at, open_paren, word

# (a middle initial with its stop between two words: "Lukman F. Laisa")
_NAME = re.compile(r"(?:[A-Z][a-z]+(?:['’][a-z]+)?|[A-Z]{2,3})"
                   r"(?:\s+(?:[A-Z][a-z]+(?:['’][a-z]+)?|[A-Z]{2,3}|[A-Z]\.(?=\s+[A-Z][a-z]))){1,3}"
                   r"(?=\s*(?:,|[.;:]|\s[a-z(]|$))")
_INITIAL = re.compile(r"[A-Z]\.")
MAX_TITLE = 20  # tokens from a title's head to the name it introduces
# after a post's words, a joiner and a capitalised word: more of the post ("Bisnis Kecil dan Jaringan")
_FIELDS_GO_ON = re.compile(r"\s+(?:dan|serta|&)\s+[A-Z]")
# after a name that ends here: a stop, a comma, a lower-case word, or the end
_NAME_ENDS = re.compile(r"\s*(?:[,.;:]|\s[a-z]|$)")


def fix_entities(text: str, entities: Iterable[Entity]) -> list[Entity]:
    """The entity list with the fixes above applied.

    >>> agus = Entity("x", "Agus Salim", "LOC", mentions=[(8, 18)])
    >>> [(e.id, e.name, e.type) for e in fix_entities("Menperin Agus Salim hadir.", [agus])]
    [('e1', 'Agus Salim', 'PER')]
    """
    return fix(View.of(text, entities))


def fix(given: View) -> list[Entity]:
    """The fixed entity list of ``given``'s (``extract.link`` passes the article's View)."""
    text = given.text
    entities = _title_led_orgs(text, _split_org_tails(text, list(given.entities)))
    entities = _clean_people(text, _unglued_people(text, _split_listed_orgs(text, _split_hyphened_orgs(entities))))
    entities = [e for e in (_retype_form(e) for e in entities) if e is not None]
    v = given.with_entities(entities)
    fixed = {id(e): e for e in entities}
    for m in v.mentions:
        if m.type != "PER" and id(m.entity) in fixed and (_named_after_title(v, m) or _apposed(v, m)):
            fixed[id(m.entity)] = dataclasses.replace(m.entity, type="PER")
    out = _split_org_heads(text, [fixed[id(e)] for e in entities])
    new = _missed_people(v)
    out = _with_missed(out, new) if new else out
    out = _fields_off_orgs(given.with_entities(out), out)
    out = _first_names_back(given, _first_name_before(given.with_entities(out), out))
    out = _clean_people(text, out)  # the persons retyped or added above, cleaned too
    out = [e for e in (_retype_form(e) for e in out) if e is not None]  # and their forms read
    return _numbered(_every_mention(text, _join_blended_names(_join_nicknames(v, out))))


def _every_mention(text: str, entities: list[Entity]) -> list[Entity]:
    """Every occurrence of a person's name or alias, or of the first or last word of their
    name when no other person's name holds it, is a mention of that person ("Kusworo
    kembali ke posko" after "Kepala Basarnas Marsdya TNI Kusworo", "Koster" after "Wayan
    Koster"), unless another mention holds it or it is part of a longer capitalised name (an
    organisation a title opens before it is none: "Ketua MK Suhartoyo").  One scan of the text for all the names, longest first."""
    owners: dict[str, set[int]] = {}  # a word of a person's name -> the persons holding it
    for i, e in enumerate(entities):
        for w in e.name.split() if e.type == "PER" else ():
            owners.setdefault(w, set()).add(i)
    others = {fold(n) for e in entities if e.type != "PER" for n in [e.name, *e.aliases]}
    stop = lang.titles().not_name_words | _honorifics()
    whose: dict[str, set[int]] = {}  # a form written in the text -> the persons it names
    for i, e in enumerate(entities):
        if e.type != "PER":
            continue
        words = e.name.split()
        parts = {w for w in (words[0], words[-1]) if len(words) > 1 and owners.get(w) == {i} and w.isalpha()
                 and fold(w) not in others and w.casefold() not in stop}
        for n in {e.name, *e.aliases} | parts:
            if len(n) >= 3 and is_capitalised(n):
                whose.setdefault(n, set()).add(i)
    forms = [n for n, who in whose.items() if len(who) == 1]
    if not forms:
        return entities
    taken = Taken(s for e in entities for s in e.mentions)
    bodies = {b: a for e in entities if e.type in ("ORG", "LOC") for a, b in e.mentions}
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(n) for n in sorted(forms, key=len, reverse=True))})(?![\w-])")
    found: dict[int, list[Span]] = {}
    for m in pattern.finditer(text):
        if taken.overlaps(m.span()) or re.match(r"\s+[A-Z]", text[m.end():m.end() + 2]) \
                or _in_longer_name(text, m.start()) and not _after_titled_body(text, m.start(), bodies):
            continue
        found.setdefault(next(iter(whose[m.group()])), []).append(m.span())
    return [dataclasses.replace(e, mentions=sorted(set(e.mentions) | set(found[i]))) if i in found else e
            for i, e in enumerate(entities)]


def _after_titled_body(text: str, start: int, bodies: dict[int, int]) -> bool:
    """Whether the name at ``start`` follows an organisation's or place's mention that a
    title opens ("Ketua MK Suhartoyo": the holder, not a longer name)."""
    body = bodies.get(start - 1) if text[start - 1:start] == " " else None
    return body is not None and _ends_in_title(_window(text, body))


def _window(text: str, pos: int, size: int = 60) -> str:
    """The ``size`` characters before ``pos`` (what a title or rank before it needs)."""
    return text[max(0, pos - size):pos]


def _in_longer_name(text: str, start: int) -> bool:
    """Whether a capitalised word that is no title, rank or sentence opener comes right
    before ``start`` (the name there is part of a longer one)."""
    before = ("\n" if start <= 40 else "") + text[max(0, start - 40):start]
    if not re.search(r"[A-Z]\w*[ \t]+$", before) or re.search(r"(?:[.!?]\s+|\n)[A-Z]\w*[ \t]+$", before):
        return False
    return not _ends_in_title(_window(text, start)) and not _after_rank(_window(text, start))


def _after_rank(before: str) -> bool:
    last = before.rstrip().rsplit(None, 1)[-1:] if before.strip() else []
    return bool(last) and last[0].strip(",.()").casefold() in lang.titles().ranks


def _numbered(entities: list[Entity]) -> list[Entity]:
    """The entities in order of first mention, with the ids ``e1``, ``e2``…"""
    ordered = sorted(enumerate(entities), key=lambda ie: (ie[1].mentions[:1] or [(1 << 62, 0)], ie[0]))
    return [dataclasses.replace(e, id=f"e{n}") for n, (_, e) in enumerate(ordered, 1)]


@functools.cache
def _forms() -> tuple[tuple[str, ...], frozenset[str]]:
    forms = lang.load("org_forms")
    prefixes = tuple(p.casefold() + " " for p in forms.get("prefixes", []))
    legal = frozenset(fold(s).strip(".") for s in forms.get("suffixes", []) + forms.get("closing", []))
    return prefixes, legal


def _org_names(e: Entity) -> set[str]:
    """The folded names of an organisation, also without a closing legal form ("PT Garam
    (Persero)": "pt garam persero", "pt garam")."""
    legal = {w.strip("()") for w in _forms()[1]}
    out = set()
    for n in [e.name, *e.aliases]:
        words = fold(n).replace("(", " ").replace(")", " ").split()
        out.add(" ".join(words))
        while words and words[-1].strip(".") in legal:
            words = words[:-1]
        out.add(" ".join(words))
    return out


def _org_form(name: str) -> bool:
    return (name.casefold() + " ").startswith(_forms()[0])


def _org_led(e: Entity) -> bool:
    """A name of two words or more opening with an organisation's word ("Kantor …")."""
    return len(e.name.split()) > 1 and e.name.split()[0].casefold() in lang.titles().org_starts


def _unit_led(e: Entity) -> bool:
    """A name of two words or more opening with a word that heads an organisation or its
    unit (``org_forms.yaml``'s ``name_heads``: "Pusat Data", "Biro Hukum", "Tim Gabungan")."""
    from ..nlp.patterns import patterns
    words = e.name.split()
    return len(words) > 1 and words[0].casefold() in patterns().name_heads


def _numbered_kind(name: str) -> str:
    """The type of a name with a number in it that is no person's: with a year a named
    event ("Pilkada 2024", "Summit 2025"), else a product or series ("Redmi 4A", "LQ45",
    "KMP Nusa Jaya 3888") — the real-article gold's names with a digit are these two kinds
    eleven times in thirteen."""
    return "EVENT" if re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", name) else "PRODUCT"


def _retype_form(e: Entity) -> Entity | None:
    if e.type != "ORG" and _org_form(e.name):
        return dataclasses.replace(e, type="ORG")
    if e.type == "PER" and (fold(e.name).strip(".") in _forms()[1] or _org_led(e) or _unit_led(e)):
        return dataclasses.replace(e, type="ORG")  # "Ltd"; "Kantor Kesyahbandaran"; "Pusat Data"
    if e.type == "PER" and any(c.isdigit() for c in e.name):
        return dataclasses.replace(e, type=_numbered_kind(e.name))  # no person's name holds a digit
    if e.type == "PER" and any(w.casefold() in lang.titles().not_names for w in e.name.split()):
        return None
    if e.type == "PER" and any(w[:1].islower() and w.casefold() not in _particles() for w in e.name.split()[1:]):
        return None  # "Trading halt itu …": a name's words are capitalised, but for its particles
    return e


def _split_org_heads(text: str, entities: list[Entity]) -> list[Entity]:
    """A "person" that starts with an organisation's name ("Gaikindo Harjanto Lesmana",
    "Hanul Motors Park Ji-hoon") is the person after it: the NER glued the two."""
    orgs = sorted({n for e in entities if e.type == "ORG" for n in [e.name, *e.aliases]}, key=len, reverse=True)
    out = []
    for e in entities:
        head = next((o for o in orgs if e.type == "PER" and e.name.startswith(o + " ")
                     and len(e.name[len(o):].split()) >= 2), None)
        if head is None:
            out.append(e)
            continue
        cut = len(head) + 1
        spans = [(s + cut, t) if text[s:t].startswith(head + " ") else (s, t) for s, t in e.mentions]
        out.append(dataclasses.replace(e, name=e.name[cut:], mentions=spans))
    return out


def _split_org_tails(text: str, entities: list[Entity]) -> list[Entity]:
    """An organisation run on after a title into the post's holder ("Ketua Umum Partai Golkar
    Bahlil Lahadalia", the model's one organisation) is the organisation and the person,
    when the article names that person elsewhere (the holder's words start with the
    first word of a person of the article, or are that person's name: "kata Bahlil"
    later), the DBpedia lists know the holder's words as a person's full name, or a
    country, province or listed place ends the body's name and one to three name words
    follow it ("Kepala Dinas Pendidikan DKI Jakarta Purwosusilo"), or another organisation
    of the article is named by the words before and two name words or more follow them
    ("Sekretaris Perusahaan PT Garam Miftahul Arifin" beside "PT Garam (Persero)"). The
    organisation keeps two words or more; the person is joined to the one named
    elsewhere by ``_with_missed``."""
    people = [e for e in entities if e.type == "PER"]
    person_at = {a: b for e in people for a, b in e.mentions}
    firsts = {fold(e.name.split()[0]) for e in people} | {fold(a.split()[0]) for e in people for a in e.aliases}
    full = {fold(n) for e in people for n in [e.name, *e.aliases]}
    orgs = [(o, _org_names(o)) for o in entities if o.type == "ORG"]

    def named_by_other(name: str, e: Entity) -> Entity | None:
        """The article's other organisation named ``name`` ("PT Garam" of "PT Garam (Persero)")."""
        return next((o for o, names in orgs if o is not e and fold(name) in names), None)

    out: list[Entity] = []
    holders: list[Entity] = []
    joined: dict[int, list[Span]] = {}  # an organisation → the mentions a cut name gives it
    for e in entities:
        words = e.name.split()
        cut = next((k for k in range(2, len(words)) if e.type == "ORG" and words[k].isalpha()
                    and all(is_capitalised(w) and not w.isupper() for w in words[k:])
                    and (fold(words[k]) in firsts or fold(" ".join(words[k:])) in full
                         or (len(words) - k >= 2 and named_by_other(" ".join(words[:k]), e) is not None
                             and all(_name_word(w, alone=False) for w in words[k:]))
                         or (len(words) - k >= 2 and _known_person(" ".join(words[k:])))
                         or _place_ended(words, k) and len(words) - k <= 3
                         and all(_name_word(w, alone=len(words) - k == 1) for w in words[k:]))),
                   None)
        titled = cut is not None and any(_ends_in_title(_window(text, a)) for a, b in e.mentions
                                         if text[a:b] == e.name)
        if not titled:
            out.append(e)
            continue
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        org_spans, per_spans = [], []
        for a, b in e.mentions:
            if text[a:b] == e.name:
                org_spans.append((a, a + len(head)))
                after = person_at.get(b + 1) if text[b:b + 1] == " " else None
                per_spans.append((b - len(tail), after if after is not None else b))
            else:
                org_spans.append((a, b))
        same = named_by_other(head, e)
        if same is not None:  # "PT Garam" of "PT Garam (Persero)": that organisation's mention
            joined[id(same)] = joined.get(id(same), []) + org_spans
        else:
            out.append(dataclasses.replace(e, name=head, aliases=[x for x in e.aliases if x != head],
                                           mentions=sorted(org_spans)))
        a, b = per_spans[0]  # with the rest of the name when the model's person starts right after
        holders.append(Entity(id="", name=text[a:b], type="PER", mentions=sorted(per_spans)))
    out = [dataclasses.replace(o, mentions=sorted(o.mentions + joined[id(o)])) if id(o) in joined else o for o in out]
    return _with_missed(out, holders) if holders else out


def _first_names_back(given: View, entities: list[Entity]) -> list[Entity]:
    """An organisation or place after a title that took the first name of the person right
    after it ("Kepala Badan Gizi Nasional Dadan" and "Hindayana", "Sekretaris Perusahaan KAI
    Commuter Joni" and "Martinus", "Kepala BPBD Kota Bekasi Enung" and "Nurcholis"): the last word goes back to the person when it may be a
    name (no ordinary, title, calendar or place word, no legal form) and the organisation
    keeps two words or more; a table acronym, or a body the acronym table or the gazetteer
    knows, and one such word after a title are the body and its one-word holder when the
    sentence goes on in lower case ("Kepala … BMKG Daryono mengatakan", "Kepala Badan Pusat
    Statistik Amalia hadir"), and so are another organisation of the article and one word
    after it ("Pelatih Persib Bojan" and "Hodak", "Persib" named alone)."""
    from ..nlp import gazetteer
    from ..nlp.patterns import patterns
    text = given.text
    starts = {a: e for e in entities if e.type == "PER" for a, _ in e.mentions}
    acronyms = patterns().acronyms
    known_names = patterns().acronym_names
    shrunk: dict[int, dict[Span, Span]] = {}  # the bodies' mentions without the first names
    holders: list[Entity] = []
    said = {}  # organisations' names and aliases -> the entity: "Persib" of "Persib Bojan"
    for e in entities:
        if e.type == "ORG":
            for n in (e.name, *e.aliases):
                said.setdefault(n, e)
    for e in entities:
        words = e.name.split()

        def cuts(a: int, b: int) -> bool:
            if e.type not in ("ORG", "LOC") or len(words) < 2 or text[a:b] != e.name:
                return False
            person_after = b + 1 in starts and text[b] == " "
            if len(words) >= 3 and person_after:
                shape = True  # its first name, the person after it ("Kota Bekasi Enung" + "Nurcholis")
            else:
                head = " ".join(words[:-1])
                sentence_goes_on = bool(_NAME_ENDS.match(text, b))
                known = len(words) == 2 and words[0] in acronyms or head in known_names \
                    or gazetteer.table().get(head) == "ORG"
                another = said.get(head, e) is not e  # the article names the organisation alone
                shape = e.type == "ORG" and (sentence_goes_on and known or another and (person_after or sentence_goes_on))
            return shape and _name_word(words[-1]) and _head_shortly_before(given, a)

        cut = [(a, b) for a, b in e.mentions if cuts(a, b)]
        if not cut:
            continue
        first = len(words[-1])
        shrunk[id(e)] = {(a, b): (a, b - first - 1) for a, b in cut}
        for a, b in cut:
            person = starts.get(b + 1)
            end = next(d for c, d in person.mentions if c == b + 1) if person is not None and text[b] == " " else b
            holders.append(Entity(id="", name=text[b - first:end], type="PER", mentions=[(b - first, end)]))
    out = _respanned(text, entities, shrunk, keep_old=False)
    return _with_missed(out, holders) if holders else out


def _fields_off_orgs(v: View, entities: list[Entity]) -> list[Entity]:
    """An organisation that took the post's field after a title's head ("Kepala Riset Praus
    Capital": "Riset" is the post's, the company "Praus Capital") starts after the field
    words, when two words or more are left, no organisation word opens the name and no
    connector opens what is left ("Menteri Energi dan Sumber Daya Mineral (ESDM)": the
    ministry's field whole), and no acronym of it spells the field words too ("Peneliti
    Indonesia Corruption Watch (ICW)")."""
    t = lang.titles()
    toks = v.tokens
    cut: dict[int, dict[tuple[int, int], tuple[int, int]]] = {}
    for m in v.mentions:
        k = v.token_index(m.start)
        if m.type != "ORG" or k < 1 or head_ending_at(v, k - 1) < 0 or _org_led(m.entity) \
                or _spelled_by_acronym(m.entity):
            continue
        j = k
        while j < len(toks) and toks[j][1] <= m.end and word(v, j) in t.fields and is_capitalised(toks[j][2]):
            j += 1
        rest = v.text[toks[j][0]:m.end].split() if j > k and j < len(toks) and toks[j][0] < m.end else []
        if len(rest) >= 2 and rest[0].lower() not in t.connectors:
            cut.setdefault(id(m.entity), {})[(m.start, m.end)] = (toks[j][0], m.end)
    return _respanned(v.text, entities, cut, keep_old=False)


def _spelled_by_acronym(e: Entity) -> bool:
    """Whether an acronym of the organisation spells its whole name, first word and all
    ("Indonesia Corruption Watch", ICW: "Indonesia" is the name's, no post's field)."""
    initials = "".join(w[0] for w in e.name.split() if w[:1].isupper()).casefold()
    return len(initials) >= 2 and any(a.isupper() and a.casefold() == initials for a in e.aliases)


def _first_name_before(v: View, entities: list[Entity]) -> list[Entity]:
    """A person whose first name the model left between an organisation or a title and the
    rest of the name ("Direktur Utama PLN Darmawan Prasodjo": only "Prasodjo" a person): the
    one word before a mention joins it when no entity covers it, it may be a name (see
    :func:`_name_word`), and an organisation or place mention after a title ends right before
    it, or a title does ("Menteri Sosial Saifullah Yusuf"; not a field the abbreviations
    table writes with the head: "Menko Polhukam Budi")."""
    toks = v.tokens
    grown: dict[int, dict[tuple[int, int], tuple[int, int]]] = {}
    for m in v.mentions:
        k = v.token_index(m.start) - 1
        if m.type != "PER" or k < 1 or toks[k][1] + 1 != m.start or v.covering(toks[k][0]) is not None \
                or not _name_word(toks[k][2]):
            continue
        before = v.covering(toks[k - 1][0])
        after_body = before is not None and before.type in ("ORG", "LOC") and before.end == toks[k - 1][1] \
            and _head_shortly_before(v, before.start)
        after_title = before is None and _whole_post_before(v, k)
        if after_body or after_title:
            grown.setdefault(id(m.entity), {})[(m.start, m.end)] = (toks[k][0], m.end)
    return _respanned(v.text, entities, grown, keep_old=True)


def _respanned(text: str, entities: list[Entity], changes: dict[int, dict[Span, Span]],
               keep_old: bool) -> list[Entity]:
    """``entities`` with the mentions ``changes`` names moved (id of the entity -> old span ->
    new span).  The name follows a moved mention written as the name (a name cut: "Riset
    Praus Capital" -> "Praus Capital") or grown longer than it ("Prasodjo" -> "Darmawan
    Prasodjo"); ``keep_old``: the old name stays an alias (the person was called so)."""
    out = []
    for e in entities:
        spans = changes.get(id(e))
        if not spans:
            out.append(e)
            continue
        said = [(text[a:b], text[c:d]) for (a, b), (c, d) in spans.items()]
        name = next((new for old, new in said if old == e.name or len(new.split()) > len(e.name.split())), e.name)
        aliases = [*e.aliases, e.name] if keep_old and name != e.name else e.aliases
        out.append(dataclasses.replace(e, name=name, aliases=[x for x in dict.fromkeys(aliases) if x != name],
                                       mentions=sorted(spans.get(m, m) for m in e.mentions)))
    return out


def _whole_post_before(v: View, k: int) -> bool:
    """Whether a whole post that names its office ends right before token ``k``: a head
    and its field words the offices table knows ("Menteri Sosial" → Kementerian Sosial;
    not "Dirjen Industri", whose unit goes on: "Industri Agro"), and token ``k`` does not
    complete an abbreviation ("Menko Polhukam")."""
    t = lang.titles()
    j = k - 1
    while j >= 0 and word(v, j) in t.fields:
        j -= 1
    h = head_ending_at(v, j) if j >= 0 else -1
    if h < 0 or j == k - 1:
        return False
    if f"{word(v, k - 1)} {word(v, k)}" in t.abbreviations or f"{word(v, k - 1)}{word(v, k)}" in t.abbreviations:
        return False
    return expand(v.text[v.tokens[h][0]:v.tokens[k - 1][1]])[1] is not None


def _head_shortly_before(v: View, start: int, reach: int = 6) -> bool:
    """Whether a title's head ends right before character ``start`` or before the up to
    ``reach`` capitalised words and connectors there ("Sekretaris Perusahaan" before "KAI
    …", "Kepala Pusat Gempa Bumi dan Tsunami" before "BMKG …")."""
    k = v.token_index(start) - 1
    for _ in range(reach + 1):
        if k < 0:
            return False
        if head_ending_at(v, k) >= 0:
            return True
        if not is_capitalised(v.tokens[k][2]) and word(v, k) not in lang.titles().connectors:
            return False
        k -= 1
    return False


def _known_company(word: str) -> bool:
    """Whether ``word`` is a one-word company of ``lang/id/companies.tsv`` (hand-written:
    Tesla, Gojek, Pertamina …), never a given name."""
    return word in _companies()


@functools.cache
def _companies() -> frozenset[str]:
    return frozenset(row[0] for row in lang.load("companies") if len(row) == 2 and row[1] == "ORG")


def _given(word: str) -> bool:
    """Whether ``word`` opens many persons' names of the DBpedia lists ("Andi", "Ahmad")."""
    from ..nlp import gazetteer

    return word in gazetteer.given_names()


def _known_person(name: str) -> bool:
    """Whether the DBpedia lists know ``name``, written so, as a person's full name."""
    from ..nlp import gazetteer

    return gazetteer.table().get(name) == "PER"


def _title_led_orgs(text: str, entities: list[Entity]) -> list[Entity]:
    """An organisation mention that is a post's field before another organisation's
    mention ("International Affairs Xiaomi", with "Xiaomi" named elsewhere) is a mention
    of that organisation."""
    owner = {text[a:b]: e for e in entities if e.type == "ORG" for a, b in e.mentions}
    words = lang.titles().words
    moved: dict[int, list[Span]] = {}  # id of the organisation -> the mentions it gains
    out = []
    for e in entities:
        keep = []
        for a, b in e.mentions if e.type == "ORG" else ():
            said = text[a:b].split()
            k = next((k for k in range(1, len(said)) if owner.get(" ".join(said[k:]), e) is not e), None)
            tail = " ".join(said[k:]) if k is not None else ""
            if k is None or not text[a:b].endswith(tail) or not any(w.casefold() in words for w in said[:k]):
                keep.append((a, b))
                continue
            moved.setdefault(id(owner[tail]), []).append((b - len(tail), b))
        if e.type != "ORG" or len(keep) == len(e.mentions):
            out.append(e)
        elif keep:
            out.append(dataclasses.replace(e, mentions=keep))
    return [dataclasses.replace(e, mentions=sorted(set(e.mentions) | set(moved[id(e)])))
            if id(e) in moved else e for e in out]


def _person_shaped(name: str) -> bool:
    """Two to four capitalised words, none of them an organisation form or a title word,
    not opened by a word that heads an organisation or its unit ("Pusat Gempa Bumi")."""
    from ..nlp.patterns import patterns
    parts = name.split()
    return 2 <= len(parts) <= 4 and not _org_form(name) and parts[0].casefold() not in patterns().name_heads and all(
        is_capitalised(w) and (w.replace("'", "").replace("’", "").isalpha()  # "Ma'ruf"
                               or 0 < i < len(parts) - 1 and _INITIAL.fullmatch(w))  # "Lukman F. Laisa"
        and w.casefold() not in lang.titles().not_name_words for i, w in enumerate(parts))


def _named_after_title(v: View, m) -> bool:
    """Whether ``m`` is a person's name the NER typed otherwise: person-shaped, right after
    a title, ending the title run (no name after it), and (a place) never used elsewhere."""
    said = v.text[m.start:m.end]
    if not (_person_shaped(said) and _person_shaped(m.entity.name)) or \
            any(w.isupper() and len(w) > 2 for w in said.split()) or not _titled_or_apposed(v, m):
        return False
    if not _NAME_ENDS.match(v.text, m.end):
        return False
    after = re.match(r",\s+", v.text[m.end:m.end + 3])
    if after and v.starting_at(m.end + after.end()) is not None \
            and v.starting_at(m.end + after.end()).type == "PER":
        return False  # "Chief Executive Officer Hanul Motors, Park Ji-hoon": the firm of the post
    if m.type == "LOC":
        from ..nlp import gazetteer
        if gazetteer.is_country_or_listed_place(said):
            return False  # "Ketua Kadin Jawa Timur, …": a province is the post's, never a person
        return not _post_linked(v, m) and all(_titled_or_apposed(v, other) for other in v.mentions
                                              if other.entity is m.entity)
    return True


def _titled_or_apposed(v: View, m) -> bool:
    """A title right before ``m``, or a whole title and a comma ("Sekretaris Perusahaan PT
    Bursa Efek Indonesia, Kautsar Primadi")."""
    return _titled(v, m) or _title_run_before(v, m.start)


def _apposed(v: View, m) -> bool:
    """A one-word name set off by commas after a whole title ("Kepala Kantor … Kelas III
    Tanjungwangi, Purgana, menegaskan") is a person, unless the article also writes it as
    a place ("di Purgana")."""
    said = v.text[m.start:m.end]
    if " " in said or not said.isalpha() or said.isupper() or not is_capitalised(said) \
            or said.casefold() in lang.titles().not_name_words:
        return False
    if not re.match(r",?\s+[a-z]", v.text[m.end:m.end + 3]) or not _title_run_before(v, m.start):
        return False
    places = lang.titles().place_words
    for other in v.mentions:
        if other.entity is m.entity:
            before = v.text[max(0, other.start - 12):other.start].split()
            if before and before[-1].casefold() in places:
                return False
    return True


def _title_run_before(v: View, start: int) -> bool:
    """Whether ", " and a whole title (a head, then capitalised words, names, brackets and
    numbers) end right before ``start``, within its sentence."""
    k = v.token_index(start) - 1
    if k < 1 or v.tokens[k][2] != ",":
        return False
    s0 = v.own_sentence_of(start)[0]
    k -= 1
    for _ in range(MAX_TITLE):
        if k < 0 or v.tokens[k][0] < s0:
            return False
        tok = v.tokens[k][2]
        if head_ending_at(v, k) >= 0 and (k == 0 or not is_capitalised(v.tokens[k - 1][2])
                                          or v.tokens[k - 1][0] < s0):
            return True
        if not (is_capitalised(tok) or tok in "()" or word(v, k) in lang.titles().connectors
                or v.covering(v.tokens[k][0]) is not None):
            return head_ending_at(v, k) >= 0
        k -= 1
    return False


def _post_linked(v: View, m) -> bool:
    """Whether the title before ``m`` belongs to a person before it ("Bambang dilantik
    menjadi Pj Gubernur Sulawesi Barat": the place is the post's)."""
    person = v.last_before(m.start, ("PER",))
    if person is None or v.sentence_index(person.start) != v.sentence_index(m.start):
        return False
    i = v.token_index(person.end)
    if i < len(v.tokens) and v.tokens[i][2] == ",":
        i += 1
    return any(tuple(word(v, j) for j in range(i, min(i + len(link), len(v.tokens)))) == link
               for link in lang.titles().post_links)


def _titled(v: View, m) -> bool:
    """Whether a title (a head, a tail noun, or a head and its field words) ends right
    before mention ``m``."""
    return _titled_at(v, m.start)


def _titled_at(v: View, start: int, body: bool = True) -> bool:
    """Whether a title ends right before the character ``start`` (see :func:`_titled`), or
    a title and the mention of its body or territory do ("Sekretaris Daerah Provinsi
    Sumatera Utara Togap …"; ``body``)."""
    k = v.token_index(start) - 1
    while k >= 0 and v.tokens[k][2] in (",", ")"):
        k = open_paren(v, k) - 1 if v.tokens[k][2] == ")" else k - 1
    if k < 0:
        return False
    before = v.covering(v.tokens[k][0])
    if body and before is not None and before.type in ("ORG", "LOC") and before.end == v.tokens[k][1] \
            and v.tokens[k][1] < start and _titled_at(v, before.start, body=False):
        return True
    if head_ending_at(v, k) >= 0 or word(v, k) in lang.titles().tails:
        return True
    while k >= 0 and word(v, k) in lang.titles().fields:
        k -= 1
    return k >= 0 and head_ending_at(v, k) >= 0


def _unglued_people(text: str, entities: list[Entity]) -> list[Entity]:
    """An organisation that runs on into a person's name ("PT Bursa Efek Indonesia Kautsar
    Primadi" with "PT Bursa Efek Indonesia" named alone elsewhere) is the organisation, then
    the person.  (A title before it and the name's word used elsewhere is no evidence
    enough: it cut real organisations on the check folds.)"""
    forms = {text[a:b] for e in entities if e.type == "ORG" for a, b in e.mentions}
    forms |= {n for e in entities if e.type == "ORG" for n in [e.name, *e.aliases]}
    places = {w.casefold() for e in entities if e.type == "LOC" for n in [e.name, *e.aliases] for w in n.split()}
    people: dict[str, list[Span]] = {}
    out = []
    for e in entities:
        if e.type != "ORG":
            out.append(e)
            continue
        keep = []
        for a, b in e.mentions:
            cut = _glued_at(text, a, b, forms, places)
            keep.append((a, b) if cut is None else (a, cut))
            if cut is not None:
                start = cut + len(text[cut:b]) - len(text[cut:b].lstrip())
                people.setdefault(text[start:b], []).append((start, b))
        if keep == list(e.mentions):
            out.append(e)
            continue
        names = [n for n in [e.name, *e.aliases] if n not in people and not any(n.endswith(" " + p) for p in people)]
        said = sorted({text[a:b] for a, b in keep}, key=len, reverse=True)
        if not names or names[0] != e.name:  # the name was the glued one: the longest form left
            names = sorted(dict.fromkeys(names + said), key=len, reverse=True)
        out.append(dataclasses.replace(e, name=names[0], aliases=[n for n in dict.fromkeys(names[1:] + said) if n != names[0]],
                                       mentions=keep))
    for name, spans in people.items():
        out.append(Entity(id="", name=name, type="PER", mentions=spans))
    return out


def _glued_at(text: str, a: int, b: int, forms: set[str], places: set[str]) -> int | None:
    """Where a person's name begins inside the organisation mention ``[a, b)`` (None: it
    does not).  A "name" with a place's word is the region of an office ("Bank Indonesia
    Jawa Timur"), no person."""
    said = text[a:b]
    toks = list(_WORD.finditer(said))
    for k in range(max(1, len(toks) - 4), len(toks)):
        head, rest = said[:toks[k].start()].rstrip(), said[toks[k].start():]
        if not _person_shaped(rest) or any(w.casefold() in places or w.casefold() in _place_words()
                                           for w in rest.split()) \
                or not any(w.casefold() in _person_words() for w in rest.split()):
            continue  # "Pertamina Patra Niaga": no word a person's name is known to have
        if head in forms and head != said or k == 1 and len(toks) >= 3 and _stands_alone(text, a, b, head):
            return a + len(head)
    return None


def _stands_alone(text: str, a: int, b: int, word: str) -> bool:
    """Whether the one word opening a titled mention ``[a, b)`` stands alone elsewhere,
    no capitalised word beside it ("Pelatih Persija Thomas Doll … Persija menang")."""
    if not word.isalpha() or word.casefold() in lang.titles().not_name_words or not _ends_in_title(_window(text, a)):
        return False
    for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text):
        if a <= m.start() < b:
            continue
        if not re.match(r"\s+[A-Z]", text[m.end():m.end() + 2]) and not _in_longer_name(text, m.start()):
            return True
    return False


def _split_listed_orgs(text: str, entities: list[Entity]) -> list[Entity]:
    """An organisation that runs over a list of posts ("Dinas Sosial dan Kepala Dinas
    Perhubungan") is the two organisations: the title between them is no part of either."""
    t = lang.titles()
    out = []
    for e in entities:
        cut = _listed_cut(e.name) if e.type == "ORG" else None
        if cut is None:
            out.append(e)
            continue
        left, right = [], []
        for a, b in e.mentions:
            at = _listed_cut(text[a:b])
            if at is None:
                left.append((a, b))
            else:
                left.append((a, a + at[0]))
                right.append((a + at[1], b))
        out.append(dataclasses.replace(e, name=e.name[:cut[0]], aliases=[], mentions=left))
        out.append(dataclasses.replace(e, id=e.id + "b", name=e.name[cut[1]:], aliases=[], mentions=right))
    return out


def _split_hyphened_orgs(entities: list[Entity]) -> list[Entity]:
    """Two institutions joined by a hyphen ("TNI-Polri", "Kemenkeu-BI"), each an acronym
    of ``lang/id/acronyms.tsv`` or an organisation the article names, are two; each side
    joins the organisation of that name or alias when the article has one."""
    from ..nlp.patterns import patterns

    names = {fold(n): e for e in entities if e.type == "ORG" for n in [e.name, *e.aliases] if "-" not in n}
    table = patterns().acronyms
    out = list(entities)
    for e in entities:
        parts = e.name.split("-")
        if e.type != "ORG" or len(parts) != 2 or not all(p in table or fold(p) in names for p in parts):
            continue
        out.remove(e)
        for part, offset in zip(parts, (0, len(parts[0]) + 1)):
            spans = [(a + offset, a + offset + len(part)) for a, _ in e.mentions]
            have = names.get(fold(part))
            if have is not None and have in out:
                i = out.index(have)
                out[i] = names[fold(part)] = dataclasses.replace(have, mentions=sorted({*have.mentions, *spans}))
            else:
                new = Entity(id="", name=part, type="ORG", mentions=sorted(spans))
                out.append(new)
                names[fold(part)] = new
    return out


def _listed_cut(name: str) -> tuple[int, int] | None:
    """Where a list of posts splits an organisation's name: (end of the first, start of the
    second after the title), or None."""
    t = lang.titles()
    toks = list(_WORD.finditer(name))
    for i, m in enumerate(toks[1:-2], 1):
        joiner = m.group().casefold() in t.list_joiners
        if not (joiner or toks[i - 1].group().endswith(",")):
            continue
        k = i + 1 if joiner else i
        n = next((n for n in range(min(t.head_len, len(toks) - k - 1), 0, -1)
                  if " ".join(x.group() for x in toks[k:k + n]).casefold() in t.heads), 0)
        if n and is_capitalised(toks[k + n].group()):
            return toks[i - 1].end() - toks[i - 1].group().endswith(","), toks[k + n].start()
    return None


# -- a person's name without ranks, titles, organisations; pairs split ------------------------

_PAIR = re.compile(r"(?<=[^\W\d_])\s?[-–]\s?(?=[A-Z])")
_WORD = re.compile(r"\S+")


def _clean_people(text: str, entities: list[Entity]) -> list[Entity]:
    """Persons without the ranks, titles and organisations the NER glued to their names
    ("Irjen Wahyu", "BI Sutrisno Hadi", "Persebaya Paul Munster" with the club named
    elsewhere), and a pair joined by a hyphen ("Andi Permana-Budi Setiawan") as two."""
    known = {fold(n) for e in entities if e.type in ("ORG", "LOC") for n in [e.name, *e.aliases]}
    known |= _regions()  # "Ketua DPRD Jatim Musyafak …": a province's short form leads no name
    sides = {fold(part) for e in entities if e.type == "PER" for name in [e.name, *e.aliases]
             for part in _PAIR.split(name) if len(part.split()) >= 2}
    out: list[Entity] = []
    paired: set[str] = set()  # the persons a pair was split into
    short = {fold(n) for e in entities if e.type == "PER" for n in [e.name, *e.aliases]}
    held = Taken(s for e in entities if e.type == "PER" for s in e.mentions)
    for e in entities:
        by_other = e.type == "PER" and _led_by_other(text, e, short, held)
        led = known | ({fold(e.name.split()[0])} if by_other else set())
        kind = "LOC" if by_other and _territorial(text, e) else "ORG"
        got = _cleaned(text, e, led, sides, kind) if e.type == "PER" and not _org_led(e) else [e]
        if len(got) > 1 or got and got[0].name != e.name:
            paired |= {fold(p.name) for p in got if p.type == "PER"}
        out.extend(got)
    return _merged_people(out, paired)


def _territorial(text: str, e: Entity) -> bool:
    """Whether a title over a territory ("Bupati", "Kapolda") comes right before ``e``."""
    t = lang.titles()
    for a, _ in e.mentions:
        before = text[max(0, a - 30):a].split()
        if before and (before[-1].casefold() in t.territorial or " ".join(before[-2:]).casefold() in t.territorial):
            return True
    return False


def _led_by_other(text: str, e: Entity, short: set[str], held: Taken) -> bool:
    """Whether the first word of a titled three-word-or-longer "person" is an organisation
    or place the NER left untyped ("Pelatih Persija Thomas Doll", "Plt Bupati Bogor Iwan
    Setiawan"): the word stands alone elsewhere outside any person, or the person is
    called by a later word of the name and never by the first."""
    words = e.name.split()
    first = words[0]
    if len(words) < 3 or not first.isalpha() or not is_capitalised(first) or first.casefold() in _honorifics():
        return False
    if not any(_ends_in_title(_window(text, a)) and text[a:b].startswith(first + " ") for a, b in e.mentions):
        return False
    if _known_company(first):
        return True  # "CEO Tesla Elon Musk": a company the name lists know, then its officer
    if _given(first):
        return False  # "Menteri Pertanian Andi Amran Sulaiman", called "Amran": a given name first
    alone = any(not held.overlaps(m.span()) for m in re.finditer(
        rf"(?<![\w-]){re.escape(first)}(?![\w-])(?!\s+{re.escape(words[1])})", text))
    later = {fold(w) for w in words[1:]} | {fold(" ".join(words[1:]))}
    # its own short names only: "Kapolri Jenderal Pol Listyo Sigit Prabowo" is not called
    # "Prabowo" because "Prabowo Subianto" is
    own = {fold(a) for a in e.aliases} | (short - _others_names(e, short))
    called = bool(own & later) and not any(n.split()[0] == fold(first) for n in own if n != fold(e.name)) \
        and _said_without(text, first, [w for w in [*words[1:], " ".join(words[1:])] if fold(w) in own])
    return alone or called


def _said_without(text: str, first: str, forms: list[str]) -> bool:
    """Whether one of ``forms`` stands in the text other than right after ``first`` (the
    person called "Sadewa" somewhere; not only inside "Purbaya Yudhi Sadewa" itself)."""
    return any(not text[max(0, m.start() - len(first) - 1):m.start()].startswith(first)
               for form in forms for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text))


def _others_names(e: Entity, short: set[str]) -> set[str]:
    """The short names of ``short`` that are a word of a person's name of two words or more
    other than ``e``'s (held by that person, not free for ``e``)."""
    mine = fold(e.name)
    longer = [n for n in short if " " in n and n != mine]
    return {n for n in short if any(n in x.split() or n == x for x in longer)}


def _cleaned(text: str, e: Entity, known: set[str], sides: set[str], kind: str = "ORG") -> list[Entity]:
    """``e`` cut to its name (several persons for a pair; an organisation split off)."""
    people: dict[str, tuple[list[Span], list[str]]] = {}  # folded name -> mentions, names
    org_spans: list[Span] = []
    org_names: list[str] = []
    paired = any(_after_pair_word(text, a) for a, _ in e.mentions)  # "pasangan Ridwan Kamil-Suswono"
    for said, span in [(e.name, None), *((a, None) for a in e.aliases), *((text[a:b], (a, b)) for a, b in e.mentions)]:
        if said != e.name and org_names and _org_alias(said, org_names, known):
            org_names.append(said)  # "Bank Indonesia", "BI" beside "BI Sutrisno Hadi"
            org_spans += [span] if span else []
            continue
        start = span[0] if span else next((a for a, b in e.mentions if text[a:b] == said), None)
        cut, org = _name_start(said, _window(text, start) if start is not None else "", known)
        if org:
            org_names.append(org)
            if span:
                org_spans.append((span[0], span[0] + len(org)))
        rest = said[cut:]
        if not rest.strip() or (span is None and _org_alias(rest, org_names, known)):
            if span is None and rest.strip():
                org_names.append(rest)
            continue
        offset = (span[0] + cut) if span else 0
        parts = _pair_parts(rest, sides, paired=paired)
        for part, a in parts:
            key = _side_key(people, part, alone=len(parts) == 1)
            spans, names = people.setdefault(key, ([], []))
            names.append(part)
            if span:
                spans.append((offset + a, offset + a + len(part)))
    if len(people) == 1 and not org_names and not any(n != e.name for n in [e.name]) \
            and next(iter(people.values()))[0] == list(e.mentions):
        return [e]
    out = [dataclasses.replace(e, name=names[0], aliases=list(dict.fromkeys(n for n in names[1:] if n != names[0])),
                               mentions=sorted(set(spans))) for spans, names in people.values() if names]
    if org_names:
        org_names = sorted(dict.fromkeys(org_names), key=len, reverse=True)
        out.append(Entity(id="", name=org_names[0], type="LOC" if _place_led(org_names[0]) else kind,
                          aliases=org_names[1:], mentions=sorted(set(org_spans))))
    return out


def _side_key(people: dict, part: str, alone: bool) -> str:
    """The person ``part`` names among those found so far: the same name, or one word of
    exactly one of them ("Wahono" of "Setyo Wahono"); a name standing alone (no pair) is
    the one person of an entity that is no pair ("Jokowi" of "Joko Widodo"); else a new one."""
    key = fold(part)
    if key in people or not people:
        return key
    words = set(key.split())
    into = [k for k in people if words <= set(k.split())]
    if len(into) == 1:
        return into[0]
    return next(iter(people)) if alone and len(people) == 1 else key


def _name_start(said: str, before: str, known: set[str]) -> tuple[int, str | None]:
    """Where the name begins in ``said`` (a person's name as the NER gave it): after the
    ranks, title words and honorifics leading it, after a rank anywhere in it, and after an
    organisation written before it (an acronym after a title, or a name the article uses
    for an organisation or place).  Returns the offset and that organisation (or None)."""
    t = lang.titles()
    toks = list(_WORD.finditer(said))
    ranked = [i for i, m in enumerate(toks[:-1]) if _w(m) in t.ranks]
    i = ranked[-1] + 1 if ranked else 0
    org = None
    titled = _ends_in_title(before)
    while i < len(toks) - 1:
        w = _w(toks[i])
        if w in t.ranks or w in t.not_name_words or w in _honorifics():
            titled = titled or w in t.words
            i += 1
            continue
        n = _known_prefix(toks, i, known) or _place_prefix(toks, i)
        word = toks[i].group().strip(",.")
        if not n and titled and word.isupper() and word.isalpha() and len(word) >= 2:
            n = 1
        if not n:
            break
        org = said[toks[i].start():toks[i + n - 1].end()]
        i += n
        titled = True
    return (toks[i].start(), org) if i < len(toks) else (len(said), org)


@functools.cache
def _place_forms() -> tuple[tuple[str, ...], ...]:
    """The place prefixes of ``org_forms.yaml`` ("Kabupaten", "Kawasan Industri"), as words."""
    return tuple(tuple(p.casefold().split()) for p in lang.load("org_forms").get("place_prefixes", []))


@functools.cache
def _place_forms_by_first() -> dict[str, tuple[tuple[str, ...], ...]]:
    """:func:`_place_forms` by their first word, in their order."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for form in _place_forms():
        if form:
            out.setdefault(form[0], []).append(form)
    return {k: tuple(v) for k, v in out.items()}


def _place_prefix(toks: list[re.Match], i: int) -> int:
    """Words from ``i`` that are a place prefix and the one word it names ("Kabupaten
    Cianjur" in "Kabupaten Cianjur Asep Sukma"), leaving two words of the name (0: none)."""
    if i >= len(toks):
        return 0
    for form in _place_forms_by_first().get(_w(toks[i]), ()):  # only those its first word opens
        n = len(form) + 1
        if len(toks) - i - n >= 2 and tuple(_w(m) for m in toks[i:i + len(form)]) == form \
                and is_capitalised(toks[i + len(form)].group()):
            return n
    return 0


def _place_led(name: str) -> bool:
    return fold(name) in _regions() or any(tuple(w.casefold() for w in name.split()[:len(f)]) == f
                                           for f in _place_forms())


@functools.cache
def _regions() -> frozenset[str]:
    """Countries and provinces as news writes them (hand-written lists the gazetteer reads:
    "Jatim", "Sumut", "Prancis"), folded."""
    from ..nlp import gazetteer

    return frozenset(fold(n) for n in gazetteer.countries())


def _w(m: re.Match) -> str:
    return m.group().strip(",.()").casefold()


def _known_prefix(toks: list[re.Match], i: int, known: set[str]) -> int:
    """Words from ``i`` that are an organisation or place the article names, leaving at
    least one word of the name (0: none)."""
    for n in range(min(4, len(toks) - i - 1), 0, -1):
        if fold(" ".join(m.group() for m in toks[i:i + n])) in known:
            return n
    return 0


def _ends_in_title(before: str) -> bool:
    """Whether the text before a mention ends in a title word ("Gubernur", "Pelatih")."""
    last = before.rstrip().rsplit(None, 1)[-1:] if before.strip() else []
    return bool(last) and last[0].strip(",.()").casefold() in lang.titles().words


def _org_alias(alias: str, orgs: list[str], known: set[str]) -> bool:
    """Whether a person's alias is really the organisation cut off the name ("Bank
    Indonesia" beside "BI Sutrisno Hadi"): it is that organisation, is known as one, or
    opens with an organisation's word."""
    first = alias.split()[0].casefold()
    return fold(alias) in {fold(o) for o in orgs} | known or (bool(orgs) and (
        first in lang.titles().org_starts or _org_form(alias) or alias.isupper()))


def _pair_parts(name: str, sides: set[str], paired: bool = False) -> list[tuple[str, int]]:
    """A pair of persons joined by a hyphen, as (name, offset) parts: both sides two words
    or more, each side a word of a pair written in full in the article, or ``paired``: a
    word for a pair of candidates before it ("pasangan Ridwan Kamil-Suswono")."""
    cuts = list(_PAIR.finditer(name))
    if len(cuts) != 1:
        return [(name, 0)]
    left, right = name[:cuts[0].start()], name[cuts[0].end():]
    full = len(left.split()) >= 2 and len(right.split()) >= 2
    known = all(any(set(fold(p).split()) <= set(s.split()) for s in sides) for p in (left, right))
    if not (full or known or paired) or not all(is_capitalised(w) for w in (left + " " + right).split()):
        return [(name, 0)]
    return [(left, 0), (right, cuts[0].end())]


def _after_pair_word(text: str, start: int) -> bool:
    """Whether a word for a pair of candidates comes among the six words before ``start``
    in its sentence ("pasangan calon nomor urut 2 …")."""
    before = re.split(r"[.!?\n]", text[max(0, start - 80):start])[-1].split()[-6:]
    return any(w.strip(",").casefold() in lang.titles().pair_words for w in before)


@functools.cache
def _person_words() -> frozenset[str]:
    """One-word person names of the gazetteer ("Kautsar", "Margo")."""
    return frozenset(row[0].casefold() for row in lang.load("gazetteer_words") if len(row) == 2 and row[1] == "PER")


@functools.cache
def _place_words() -> frozenset[str]:
    """One-word places of the gazetteer ("Jawa", "Riau", "Selatan")."""
    return frozenset(row[0].casefold() for row in lang.load("gazetteer_words") if len(row) == 2 and row[1] == "LOC")


@functools.cache
def _particles() -> frozenset[str]:
    return frozenset(w.casefold() for w in lang.load("honorifics").get("particles", []))


@functools.cache
def _honorifics() -> frozenset[str]:
    return frozenset(w.casefold() for w in lang.load("honorifics")["honorifics"])


def _merged_people(entities: list[Entity], paired: set[str]) -> list[Entity]:
    """Persons of the same name as one, and a one-word side of a pair ("Andi" of
    "Andi-Budi") or a one-word person whose full name was just cut free ("Iwan" beside
    "Bogor Iwan Setiawan") with the one person of the article whose name holds it; an
    organisation or place cut free of two persons ("Jatim" of "Jatim Andi …" and "Jatim
    Musyafak …") is one too, and so is one cut free under a name that another organisation or
    place of the article has as an alias ("DPR" of "DPR Habiburokhman" and "Dewan Perwakilan
    Rakyat (DPR)")."""
    full = [fold(e.name) for e in entities if e.type == "PER" and len(e.name.split()) > 1]
    said = {f"{e.type}:{fold(n)}": f"{e.type}:{fold(e.name)}" for e in entities
            if e.type in ("ORG", "LOC") for n in e.aliases}

    def key_of(e: Entity) -> str | None:
        if e.type != "PER":
            key = f"{e.type}:{fold(e.name)}"
            return said.get(key, key) if e.type in ("ORG", "LOC") else None
        key = fold(e.name)
        into = [k for k in full if (key in paired or k in paired) and " " not in key and key in k.split()]
        return into[0] if len(set(into)) == 1 else key

    out: list[Entity] = []
    seen: dict[str, int] = {}
    for e in sorted(entities, key=lambda e: key_of(e) != fold(e.name)):
        key = key_of(e)
        if key is None or key not in seen:
            if key is not None:
                seen[key] = len(out)
            out.append(e)
            continue
        old = out[seen[key]]
        name, aliases = old.name, [*old.aliases, *e.aliases]
        if e.type != "PER":  # the name the key was taken from stays the name, the other an alias
            name, other = (e.name, old.name) if key == f"{e.type}:{fold(e.name)}" else (old.name, e.name)
            aliases = [a for a in [*aliases, other] if a != name]
        out[seen[key]] = dataclasses.replace(old, name=name, aliases=list(dict.fromkeys(aliases)),
                                             mentions=sorted(set(old.mentions) | set(e.mentions)))
    return out


# -- names the NER missed ---------------------------------------------------------------------

def _missed_people(v: View) -> list[Entity]:
    names: dict[str, None] = {}
    titles, speech = lang.titles(), _speech_verbs()
    for i, w in enumerate(v.folded):
        introduced = _introduced_at(v, i, titles.person_introducers)
        if w not in titles.head_first and w not in titles.tails and w not in speech and not introduced:
            continue  # no branch below can start at this token
        if v.covering(v.tokens[i][0]) is not None:
            continue
        if introduced:  # "Tersangka Helena Lim ditahan", "tunggal putri Gregoria …": a person, no post
            name = _name_at(v, i + 1, strict=True) if i + 1 < len(v.tokens) else None
            if name:
                names.setdefault(name)
            continue
        n = head_at(v, i) or (1 if word(v, i) in lang.titles().tails else 0)
        if n:
            for name in _after_title(v, i + n):
                names.setdefault(name)
        elif word(v, i) in _speech_verbs() and i + 1 < len(v.tokens):
            name = _name_at(v, i + 1)
            k = v.token_index(v.tokens[i + 1][0] + len(name)) if name else 0
            titled = k + 1 < len(v.tokens) and v.tokens[k][2] == "," and head_at(v, k + 1)
            if name and (titled or _after_quotation(v, i)):
                names.setdefault(name)
            elif name is None and _after_quotation(v, i) and (described := _described_then_named(v, i + 1)):
                names.setdefault(described)
    known = {fold(m.entity.name) for m in v.mentions if m.type == "PER"}
    out = []
    for name in names:
        if fold(name) in known:
            continue
        spans = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", v.text)]
        spans = sorted(spans + _name_parts(v, name, spans))
        out.append(Entity(id="", name=name, type="PER", mentions=spans))
    return out


MAX_DESCRIBED = 10  # words describing a speaker before the comma and their name


def _described_then_named(v: View, k: int) -> str | None:
    """The name ending the sentence after a speaker's description and a comma, from token
    ``k`` after a speech verb ("…,” tutur pengamat kebijakan publik dari Universitas
    Trisakti, Trubus Rahadiansyah.")."""
    end_sent = v.own_sentence_of(v.tokens[k][0])[1]
    for j in range(k + 1, min(k + MAX_DESCRIBED, len(v.tokens) - 1)):
        if v.tokens[j][0] >= end_sent:
            return None
        if v.tokens[j][2] == ",":
            name = _name_at(v, j + 1, strict=True)
            after = v.tokens[j + 1][0] + len(name) if name else 0
            return name if name and re.match(r"\s*(?:[.;]|$)", v.text[after:after + 2]) else None
    return None


def _with_missed(entities: list[Entity], new: list[Entity]) -> list[Entity]:
    """``entities`` and the ``new`` names: others lose the mentions a new name covers, and
    a one-word person that is a word of exactly one new name ("Bahlil" of "Bahlil
    Lahadalia") joins it."""
    kept, new = _without_overlaps(entities, new), list(new)
    out = []
    for e in kept:
        words = e.name.split()
        into = [i for i, n in enumerate(new) if set(words) <= set(n.name.split())]
        if e.type != "PER" or len(words) != 1 or len(into) != 1:
            out.append(e)
            continue
        n = new[into[0]]
        new[into[0]] = dataclasses.replace(n, aliases=list(dict.fromkeys([*n.aliases, e.name, *e.aliases])),
                                           mentions=sorted(set(n.mentions) | set(e.mentions)))
    return out + new


def _name_parts(v: View, name: str, full: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One word of ``name`` standing alone elsewhere ("Dubes Djauhari" after "Djauhari
    Oratmangun"): not inside the full name, another entity, or a longer capitalised name."""
    out = []
    for part in {w for w in name.split() if len(w) >= 3 and is_capitalised(w)}:
        for m in re.finditer(rf"(?<![\w-]){re.escape(part)}(?![\w-])", v.text):
            if any(a <= m.start() < b for a, b in full) or v.covering(m.start()) is not None \
                    or re.match(r"\s+[A-Z]", v.text[m.end():m.end() + 2]) \
                    or re.search(r"[A-Z]\w*\s+$", v.text[max(0, m.start() - 30):m.start()]) \
                    and not _titled_at(v, m.start()):
                continue
            out.append(m.span())
    return out


def _after_title(v: View, j: int) -> list[str]:
    """The name a title introduces, reading on from token ``j`` after its head."""
    t = lang.titles()
    toks = v.tokens
    start, end_sent = j, v.own_sentence_of(toks[j - 1][0])[1] if j else 0
    closed = False  # the last thing read ends a title: a legal form or a bracket
    plain = True    # all read so far names the post: organisations and title words
    while j < len(toks) and j - start < MAX_TITLE and toks[j][0] < end_sent:
        tok = toks[j][2]
        hit = v.covering(toks[j][0])
        if hit is not None and hit.type == "PER":
            return []
        if tok == ",":
            name = _name_at(v, j + 1)
            if name:
                return [name]
            j += 1
            continue
        if tok == "(":
            close = next((k for k in range(j, min(j + 10, len(toks))) if toks[k][2] == ")"), -1)
            if close < 0:
                return []
            j, closed = close + 1, True
            continue
        ranked = word(v, j - 1) in t.ranks  # "Kasat Reskrim Polres Bogor AKP Dodi …"
        if (hit is None or hit.type != "ORG") and (closed or plain or ranked or word(v, j) in _forms()[1]):
            name = _name_at(v, j, strict=True)  # not on an organisation's words: "Kapuspenkum Kejagung X"
            if name and hit is not None and toks[j][0] + len(name) > hit.end and _territory(v, hit, j):
                name = None  # "Bupati Cianjur Herman Suherman": the post's place, then its holder
            if name and (_FIELDS_GO_ON.match(v.text, toks[j][0] + len(name))
                         or v.within(toks[j][0], toks[j][0] + len(name), ("ORG", "LOC", "PRODUCT", "EVENT"))):
                name = None  # "Direktur Bisnis Kecil dan Jaringan …", "Direktur Regional WHO untuk …": the post's
            if name is None and hit is None and plain and j > start:
                name = _one_word_name(v, j)  # "Menteri Luar Negeri Sugiono melakukan …", "hakim tunggal X."
            if name and (closed or plain or ranked or word(v, j - 1) in _forms()[1]):
                return [name]
        if hit is not None:
            j, closed = v.token_index(hit.end), word(v, v.token_index(hit.end) - 1) in _forms()[1]
            if hit.type == "ORG" and j < len(toks):
                name = _holder_after_org(v, j)  # "Sekretaris Perusahaan PT Bursa Efek Indonesia Nama …"
                if name:
                    return [name]
            continue
        if is_capitalised(tok) or tok.casefold() in t.connectors:
            closed = word(v, j) in _forms()[1]
            plain = plain and word(v, j) in t.fields | t.modifiers
            j += 1
            continue
        if tok.islower() and plain and word(v, j) in t.fields | t.modifiers \
                and all(toks[k][2].islower() for k in range(start - 1, j)):
            j += 1  # "hakim tunggal Djuyamto": a lower-case head's field
            continue
        return []
    return []


def _territory(v: View, hit, j: int) -> bool:
    """Whether the place mention ``hit`` at token ``j`` is a post's territory: a place the
    gazetteer knows, or right after a title over a territory ("Bupati", "Kapolres")."""
    from ..nlp import gazetteer
    return hit.type == "LOC" and (gazetteer.is_place(v.text[hit.start:hit.end])
                                  or j > 0 and word(v, j - 1) in lang.titles().territorial)


def _holder_after_org(v: View, j: int) -> str | None:
    """The name of a post's holder right after its organisation (token ``j`` on), past a
    country, province or listed place that ends the body's name ("Ketua Umum Kadin
    Indonesia Arsjad Rasjid"), and one word when the sentence goes on in lower case after it
    ("Anggota Komisi VII DPR RI Mulyanto meminta …"): no entity there, no title, ordinary,
    calendar or place word."""
    from ..nlp import gazetteer
    toks = v.tokens
    k = j
    for _ in range(2):  # "Kadin Indonesia", "Dinas Pendidikan DKI Jakarta"
        n = next((n for n in (3, 2, 1) if k + n < len(toks) and all(v.covering(toks[i][0]) is None
                  for i in range(k, k + n)) and gazetteer.is_country_or_listed_place(
                  v.text[toks[k][0]:toks[k + n - 1][1]])), 0)
        if not n:
            break
        k += n
    if k >= len(toks) or v.covering(toks[k][0]) is not None:
        return None
    # a comma may follow: "Ketua DPRD Jawa Timur Musyafak Rouf, Wakil Gubernur …"
    return _name_at(v, k, strict=k == j, comma=True) or _one_word_name(v, k)


def _one_word_name(v: View, k: int) -> str | None:
    """Token ``k`` as a one-word name ("Mulyanto"): capitalised letters, followed by a
    lower-case word or a stop, and no title, honorific, ordinary, calendar or place word."""
    tok = v.tokens[k][2].rstrip(".,;:")
    end = v.tokens[k][0] + len(tok)
    return tok if _name_word(tok) and _NAME_ENDS.match(v.text, end) else None


@functools.lru_cache(maxsize=8192)
def _name_word(w: str, alone: bool = True) -> bool:
    """Whether ``w`` may be a one-word name: a capital and three letters or more, and no
    title, honorific, ordinary, calendar or place word, nor a legal form ("Tbk") or a word
    ending or opening an organisation's name ("Capital", "Group", "Pusat"); ``alone``
    (the name is this one word, or this word decides a cut), nor a word of the dictionary
    ("Bangsa", "Jaya", "Mandiri" end companies' names; it costs the given names that are
    words too: "Budi", "Dadan")."""
    from ..nlp import gazetteer
    from ..nlp.patterns import dictionary_word, patterns
    low, p = w.casefold(), patterns()
    return (len(w) >= 3 and w[0].isupper() and w[1:].islower() and w.isalpha()
            and low not in lang.titles().words and low not in lang.titles().not_name_words
            and low not in p.honorifics and low not in p.common_words and low not in p.calendar_words
            and fold(w) not in _forms()[1] and not _org_form(w) and not gazetteer.is_place(w)
            and low not in p.business_words and low not in p.name_heads
            and not (alone and dictionary_word(low)))


def _place_ended(words: list[str], k: int) -> bool:
    """Whether ``words[:k]`` is a body's name ending in a country, province or listed place
    ("Dinas Pendidikan DKI Jakarta") that the word at ``k`` does not continue."""
    from ..nlp import gazetteer
    known = gazetteer.is_country_or_listed_place
    return any(known(" ".join(words[k - n:k])) and not known(" ".join(words[k - n:k + 1]))
               for n in (1, 2, 3) if k - n >= 1)


def _after_quotation(v: View, i: int) -> bool:
    """Whether token ``i`` (a speech verb) directly follows a closing quotation mark."""
    before = v.text[max(0, v.tokens[i][0] - 3):v.tokens[i][0]].rstrip()
    return bool(before) and before[-1] in _closing_marks()


@functools.cache
def _closing_marks() -> frozenset[str]:
    return frozenset(lang.load("quote_marks")["pairs"].values())


def _introduced_at(v: View, i: int, introducers: frozenset[str]) -> bool:
    """Token ``i`` ends a word of a person's standing ("tersangka", "tunggal putri")."""
    return any(" ".join(v.folded[i - k:i + 1]) in introducers for k in range(min(i, 2) + 1))


def _name_at(v: View, k: int, strict: bool = False, comma: bool = False) -> str | None:
    """A person-shaped name starting at token ``k`` that no entity covers; ``strict``: it
    must be followed by a lower-case word or a stop (or, ``comma``, a comma), not by more
    capitalised words."""
    if k >= len(v.tokens):
        return None
    m = _NAME.match(v.text, v.tokens[k][0])
    if not m or v.within(m.start(), m.end(), ("PER",)) or v.starting_at(m.start()) is not None \
            and v.starting_at(m.start()).end >= m.end():
        return None
    if strict and not re.match(r"\s*(?:[.;:,]|\s[a-z]|$)" if comma else r"\s*(?:[.;:]|\s[a-z]|$)",
                               v.text[m.end():m.end() + 3]):
        return None
    if strict and _HONORIFIC_NEXT.match(v.text, m.end()):
        return None  # "Dirjen … Kemenkes dr. Murti Utami": the honorific opens the holder's name
    return m.group() if _person_shaped(m.group()) else None


_HONORIFIC_NEXT = re.compile(
    rf"\s+(?i:{'|'.join(sorted(lang.name_markers(), key=lambda w: (-len(w), w)))})\.\s*[A-Z]")


@functools.cache
def _speech_verbs() -> frozenset[str]:
    return frozenset(w.casefold() for w in lang.load("speech_verbs")["after"])


def _without_overlaps(entities: list[Entity], new: list[Entity]) -> list[Entity]:
    """``entities`` without the mentions that a new name covers (empty ones dropped)."""
    taken = Taken(s for e in new for s in e.mentions)
    out = []
    for e in entities:
        keep = [s for s in e.mentions if not taken.overlaps(s)]
        if keep or not e.mentions:
            out.append(dataclasses.replace(e, mentions=keep) if len(keep) != len(e.mentions) else e)
    return out


@functools.cache
def _nickname() -> re.Pattern:
    """A nickname's marker, and an honorific after it ("alias Mbak Ita")."""
    honorific = alternation(sorted(_honorifics() | set(lang.load("titles")["nickname_address"])))
    return re.compile(rf"(?<!\w){alternation(lang.titles().nicknames)}\s+(?:(?:{honorific})\.?\s+)?(?=[A-Z])", re.I)


def _short_for(short: str, name: str) -> bool:
    """Whether ``short`` may be a short name made of ``name``: the initials ("SBY"), or
    opening as a word of it does ("Jokowi" of "Joko Widodo", "Risma" of "Tri Rismaharini")."""
    words = name.split()
    if short.isupper():
        return short == "".join(w[0] for w in words).upper()
    return any(w[:3].casefold() == short[:3].casefold() for w in words)


@functools.cache
def _or_name() -> re.Pattern:
    return re.compile(rf"\s+{alternation(lang.titles().nickname_or)}\s+(?=[A-Z])", re.I)


def _with_nickname(person: Entity, nick: Entity) -> Entity:
    """``person`` with ``nick``'s names as aliases and its mentions as theirs."""
    return dataclasses.replace(person, aliases=list(dict.fromkeys([*person.aliases, nick.name, *nick.aliases])),
                               mentions=sorted(set(person.mentions) | set(nick.mentions)))


def _blend_of(short: str, name: str) -> bool:
    """Whether one word ``short`` blends the openings of two words of ``name``, in order,
    two letters at least of each ("Jokowi" of "Joko Widodo", "Zulhas" of "Zulkifli Hasan",
    "Bamsoet" of "Bambang Soesatyo"), or is its initials, three at least ("SBY")."""
    words = [w.casefold() for w in name.split()]
    low = short.casefold()
    if short.isupper():
        return len(short) >= 3 and len(words) == len(short) and low == "".join(w[0] for w in words)
    for i, first in enumerate(words[:-1]):
        for n in range(2, min(len(first), len(low) - 2) + 1):
            if low[:n] == first[:n] and any(len(low) - n >= 2 and w.startswith(low[n:]) for w in words[i + 1:]):
                return True
    return False


def _join_blended_names(entities: list[Entity]) -> list[Entity]:
    """A one-word person who is a blend or the initials of the one person of the article
    whose name makes it (:func:`_blend_of`) is that person, no second one: "Jokowi" beside
    "Joko Widodo" with no "atau" between them (``_join_nicknames``)."""
    people = [e for e in entities if e.type == "PER" and len(e.name.split()) >= 2]
    merged: dict[int, Entity] = {id(e): e for e in entities}
    gone: set[int] = set()
    for e in entities:
        if e.type != "PER" or " " in e.name or e.aliases and any(" " in a for a in e.aliases):
            continue
        owners = [o for o in people if _blend_of(e.name, o.name)]
        if len(owners) != 1:
            continue
        merged[id(owners[0])] = _with_nickname(merged[id(owners[0])], e)
        gone.add(id(e))
    return [merged[id(e)] for e in entities if id(e) not in gone] if gone else entities


@functools.cache
def _nickname_after() -> re.Pattern:
    """A comma and a nickname's marker after the name ("Roy, sapaan akrabnya")."""
    return re.compile(rf"\s*,\s*{alternation(lang.load('titles')['nickname_after'])}(?!\w)", re.I)


def _nicknames_said_after(given: View, entities: list[Entity]) -> list[Entity]:
    """A one-word person followed by a comma and a nickname's marker ("kata Roy, sapaan
    akrabnya") is the nickname of the person named before it (titles.yaml
    ``nickname_after``)."""
    v = given.with_entities(entities)
    merged: dict[int, Entity] = {id(e): e for e in entities}
    gone: set[int] = set()
    for m in _nickname_after().finditer(given.text):
        nick = v.last_before(m.start() + 1, ("PER",))
        if nick is None or nick.end != m.start() or " " in nick.entity.name or id(nick.entity) in gone:
            continue
        owner = v.last_before(nick.start, ("PER",))
        while owner is not None and owner.entity is nick.entity:
            owner = v.last_before(owner.start, ("PER",))
        if owner is None or id(owner.entity) in gone or len(owner.entity.name.split()) < 2:
            continue
        merged[id(owner.entity)] = _with_nickname(merged[id(owner.entity)], nick.entity)
        gone.add(id(nick.entity))
    return [merged[id(e)] for e in entities if id(e) not in gone] if gone else entities


def _join_nicknames(given: View, entities: list[Entity]) -> list[Entity]:
    """ "Tania … yang akrab disapa Tata": Tata is an alias of Tania; so is one word right
    after a full name and "atau" ("Presiden Joko Widodo atau Jokowi"; ``nickname_or``)."""
    text, nickname = given.text, _nickname()
    found = [(m, False) for m in nickname.finditer(text)] + [(m, True) for m in _or_name().finditer(text)]
    entities = _nicknames_said_after(given, entities)
    if not found:
        return entities
    v = given.with_entities(entities)
    merged: dict[int, Entity] = {id(e): e for e in entities}
    gone: set[int] = set()
    for m, adjacent in sorted(found, key=lambda f: f[0].start()):
        nick = v.starting_at(m.end())
        if nick is None and (inside := v.covering(m.end())) is not None and inside.start >= m.start():
            nick = inside  # "yang akrab disapa Cak Imin": the mention holds the honorific the marker read
        if nick is None or nick.type != "PER" or id(nick.entity) in gone:
            continue
        owner = v.last_before(m.start(), ("PER",))
        if owner is None or owner.entity is nick.entity or id(owner.entity) in gone:
            continue
        if adjacent and (owner.end != m.start() or len(owner.entity.name.split()) < 2
                         or len(nick.entity.name.split()) > 1
                         or not _short_for(nick.entity.name, owner.entity.name)):
            continue  # "memilih Prabowo atau Anies", "Ganjar Pranowo atau Mahfud": two people
        merged[id(owner.entity)] = _with_nickname(merged[id(owner.entity)], nick.entity)
        gone.add(id(nick.entity))
    return [merged[id(e)] for e in entities if id(e) not in gone]
