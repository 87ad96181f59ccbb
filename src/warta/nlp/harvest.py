"""A spaCy Doc into warta records: entities consolidated within the article, sentences.

All mentions of one thing become one :class:`~warta.model.Entity`: the same name said
again, an acronym and its long form (defined in the text or from the shipped table), a
person's short name ("Agus" for "Agus Gumiwang Kartasasmita") or an event's ("Pilkada 2024"
for "Pilkada serentak 2024"), a company's first words
("Baterai Nusantara" for "PT Baterai Nusantara Energi Tbk"), a name with or without its
legal form or a variant suffix ("PT Unilever Indonesia Tbk" / "Unilever Indonesia",
"Kemenperin RI" / "Kemenperin").  ``name`` is the fullest form, ``aliases`` the others,
``mentions`` the character spans, ids ``e1``, ``e2``… in order of first mention.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from ..model import ENTITY_TYPES, Entity, Span
from ..unionfind import UnionFind
from ..words import name_key
from . import gazetteer, tokens
from .patterns import acronym_pair, dictionary_word, patterns


SE_PREFIX = re.compile(r"^se-(?=[A-Z])")  # "se-Indonesia", "se-Jawa Timur": all over the place


@functools.lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """A name's key within the article: case folded, punctuation to spaces, honorifics
    dropped (``words.name_key``); kept for the names said again (a pure function of the
    text and the shipped data)."""
    return name_key(text, patterns().honorifics)


ACRONYM_HYPHEN = re.compile(r"(?<=[A-Z])-(?=[A-Z])")


def org_key(text: str) -> str:
    """An organisation's name without legal-form words and variant suffixes; an acronym
    the same with or without its hyphen ("PDI-P", "PDIP")."""
    legal = patterns().legal_words
    key = " ".join(w for w in norm(ACRONYM_HYPHEN.sub("", text)).split() if w not in legal)
    for suffix in patterns().variant_suffixes:
        tail = " " + norm(suffix)
        if key.endswith(tail) and len(key) > len(tail):
            key = key[: -len(tail)]
    return key


def _key(text: str, label: str) -> str:
    if label == "PRODUCT":  # "KMP Tunu Pratama Jaya" and "Tunu Pratama Jaya" are one ship
        words = norm(text).split()
        vessels = patterns().vessel_codes
        return " ".join(words[1:]) if len(words) > 1 and words[0] in vessels else " ".join(words)
    return org_key(text) if label in ("ORG", "LOC") else norm(text)


BRACKETED_BRANCH = re.compile(r"(?P<long>[^()]+?) \((?P<short>[^()\s]{2,12})\) (?P<place>[^()]+)")
# an event's head and its name, each with its acronym: "Konferensi Tingkat Tinggi (KTT)
# Asia-Pacific Economic Cooperation (APEC) 2025"
TWICE_BRACKETED = re.compile(r"(?P<long>[^()]+?) \((?P<short>[^()\s]{2,12})\) (?P<name>[^()]+?) "
                             r"\((?P<acronym>[^()\s]{2,12})\)(?P<tail> [^()]+)?")


def _mentions(doc: Doc) -> list[tuple[int, int, str, str, str]]:
    """(start_char, end_char, text, label, key) of every entity of a warta type."""
    out = []
    for ent in doc.ents:
        if ent.label_ in ENTITY_TYPES:
            text, end = ent.text, ent.end_char
            final = ent.end == len(doc) or doc[ent.end].is_sent_start or doc[ent.end].is_space
            if final and len(text) > 1 and text.endswith(".") and ent[-1].text != ".":
                text, end = text[:-1], end - 1  # "ponsel Redmi 4A.": the stop ends the sentence
            start = ent.start_char
            if SE_PREFIX.match(text):  # "se-Kabupaten Bojonegoro": all of the place
                text, start = text[3:], start + 3
            twice = TWICE_BRACKETED.fullmatch(text) if ent.label_ == "EVENT" else None
            if twice:  # "Konferensi Tingkat Tinggi Asia-Pacific … 2025", also "KTT APEC 2025"
                tail = twice["tail"] or ""
                for said in (f"{twice['long']} {twice['name']}{tail}", f"{twice['short']} {twice['acronym']}{tail}"):
                    out.append((start, end, said, ent.label_, _key(said, ent.label_)))
                continue
            bracketed = BRACKETED_BRANCH.fullmatch(text) if ent.label_ in ("ORG", "EVENT", "LOC") else None
            if bracketed and f"({bracketed['short']})" not in patterns().closing_forms:
                # "Kepolisian Daerah (Polda) Bali": "Kepolisian Daerah Bali", also "Polda Bali";
                # "Konferensi Tingkat Tinggi (KTT) G20": "… Tinggi G20", also "KTT G20"
                for said in (f"{bracketed['long']} {bracketed['place']}", f"{bracketed['short']} {bracketed['place']}"):
                    out.append((start, end, said, ent.label_, _key(said, ent.label_)))
                continue
            pair = acronym_pair(text) if ent.label_ == "ORG" and len(ent) == 1 else None
            if pair:  # "TNI-Polri": each body its own mention
                cut = start + len(pair[0])
                out += [(start, cut, pair[0], "ORG", _key(pair[0], "ORG")),
                        (cut + 1, end, pair[1], "ORG", _key(pair[1], "ORG"))]
                continue
            key = _key(text, ent.label_)
            if key:
                out.append((start, end, text, ent.label_, key))
    return out


def _join_people(groups: UnionFind[str], mentions, label: str = "PER") -> None:
    """A person's short name joins the one longer name that contains all its words (and
    so does an event's: "Pilkada 2024" of "Pilkada serentak 2024", with ``label`` EVENT;
    not an event's head alone: "KTT" of "KTT ASEAN ke-47")."""
    people = {m[4] for m in mentions if m[3] == label}
    heads = {_key(h, label) for h in patterns().event_heads} if label == "EVENT" else set()
    # longer names first ("Budi Santoso" joins "Budi Santoso Wirawan" before "Budi" looks), in
    # one order whatever the hash seed: each join decides what the later ones see
    for short in sorted(people - heads, key=lambda k: (-len(k.split()), k)):  # "KTT" alone names no
        words = short.split()                                                # one summit of "KTT ASEAN"
        longer = sorted(p for p in people if p != short and set(words) <= set(p.split()))
        roots = {groups.find(p) for p in longer}
        if len(roots) == 1:
            groups.union(longer[0], short)
        elif len(roots) > 1 and label == "PER":
            _nearest_before(groups, mentions, short, set(longer))


def _nearest_before(groups: UnionFind[str], mentions, short: str, longer: set[str]) -> None:
    """A short name two persons of the article share ("Abdul" of "Abdul Muhari" and "Abdul
    Malik"): each of its mentions is the person when only one of them has been named in
    full before it (the other comes later in the article); a mention after both, or before
    either, stays apart.  The mentions joined get keys of their own."""
    named = sorted((m[0], m[4]) for m in mentions if m[4] in longer)
    for k, m in enumerate(mentions):
        before = {key for start, key in named if start < m[0]} if m[4] == short else set()
        if len({groups.find(key) for key in before}) == 1:  # all of one person
            mentions[k] = (*m[:4], f"{short}@{m[0]}")
            groups.union(next(iter(before)), mentions[k][4])


def _join_acronyms(groups: UnionFind[str], doc: Doc, mentions) -> dict[str, str]:
    """Acronyms with their long forms (text links, then the table); the table's full
    names of acronyms whose long form the article does not give, by key."""
    labels = {(e.start, e.end): e.label_ for e in doc.ents}
    for (a, b), (c, d) in doc._.warta_links or []:
        short, long = doc[a:b], doc[c:d]
        label = "PER" if labels.get((c, d)) == "PER" == labels.get((a, b)) else "ORG"  # a person's other name
        groups.union(_key(long.text, label), _key(short.text, label))
    keys = {m[4] for m in mentions}
    expansions = {}
    for _, _, text, label, key in mentions:
        first, _, rest = text.partition(" ")
        entry = patterns().acronyms.get(first)
        # the acronym alone, with a variant suffix ("Kemenperin RI") or a branch's place
        # ("BPBD Jawa Tengah"); not a party's board ("DPD Partai Golkar" is no Dewan
        # Perwakilan Daerah)
        if entry and label == entry[1] and (not rest or rest in patterns().variant_suffixes
                                            or gazetteer.is_place(rest)):
            full = org_key(entry[0])
            if full in keys:
                groups.union(full, key)
            else:
                expansions[key] = entry[0]
    return expansions


def _join_company_forms(groups: UnionFind[str], mentions) -> None:
    """An organisation named by the first words (two or more) of exactly one longer
    organisation name joins it ("Baterai Nusantara" → "PT Baterai Nusantara Energi Tbk").
    One word is not enough: "Xiaomi" or "Unilever" alone is the group, not its
    "PT Unilever Indonesia Tbk" — except before a business word that is no group ("Asahi"
    → "Asahi Chemical", not "Toyota" → "Toyota Group") or a city or regency, its home
    ("Persija" → "Persija Jakarta"; not a country, not an ordinary word: "Bank").  Longer forms are joined first, so
    that shorter ones see them as one."""
    orgs = {m[4] for m in mentions if m[3] == "ORG"}
    named_by_first = {norm(w) for w in patterns().first_word_names}
    after_kind = {norm(w) for w in patterns().short_form_after}
    home = {norm(m[2].split()[-1]) for m in mentions
            if m[3] == "ORG" and len(m[2].split()) > 1 and m[2].split()[-1] in gazetteer.regional_places()}
    for short in sorted(orgs, key=lambda o: (-len(o.split()), o)):
        words = short.split()
        longer = [o for o in orgs if o != short and o.split()[:len(words)] == words]
        if len(words) < 2:  # "Asahi" of "Asahi Chemical" only, not "BYD" of "BYD Motor Indonesia"
            # ... and "Persija" of "Persija Jakarta": a name and its home city (no country)
            ok = all(len(o.split()) == 2 and (o.split()[-1] in named_by_first or o.split()[-1] in home
                                              and not dictionary_word(short)) for o in longer)
            longer = longer if ok else []
            # "Jiwasraya" of "PT Asuransi Jiwasraya (Persero)": the name after the company's kind
            longer = longer or [o for o in orgs if o != short and len(o.split()) > 1
                                and o.split()[0] in after_kind and o.split()[1] == short]
        if len({groups.find(o) for o in longer}) == 1:
            groups.union(longer[0], short)


def _join_prefixed_acronyms(groups: UnionFind[str], mentions) -> None:
    """An organisation named by a word of its long form and its acronym ("Bank BRI" beside
    "PT Bank Rakyat Indonesia (Persero) Tbk atau BRI") is that organisation; not a word
    the long form lacks ("Kementerian BUMN" is no "BUMN")."""
    orgs = [m for m in mentions if m[3] == "ORG"]
    members: dict[str, set[str]] = {}
    for m in orgs:
        members.setdefault(groups.find(m[4]), set()).add(m[4])
    for _, _, text, _, key in orgs:
        words = text.split()
        if len(words) != 2 or not words[1].isupper() or len(words[1]) < 2:
            continue
        acronym = org_key(words[1])
        if acronym == key or not any(acronym == m[4] for m in orgs):
            continue
        longer = members.get(groups.find(acronym), set())
        if any(norm(words[0]) in other.split() and len(other.split()) > 2 for other in longer):
            groups.union(acronym, key)


@functools.cache
def _other_names() -> dict[str, str]:
    """Key of a place's other name (an epithet, a short form, an exonym) → its main name,
    made once."""
    names = {**gazetteer.place_names(), **patterns().epithets}
    return {_key(other, "LOC"): main for other, main in names.items()}


def _join_other_names(groups: UnionFind[str], mentions) -> dict[str, str]:
    """A country's epithet ("Negeri Sakura") or another of its names ("Tiongkok" for China,
    "Korsel"), or a province's short form ("Jatim"), joins the place when the article names
    it; the place's name, by the other name's key, as an alias when it does not."""
    others = _other_names()
    keys = {m[4] for m in mentions if m[3] == "LOC"}
    alone = {}
    for key in sorted(keys & set(others)):
        main = _key(others[key], "LOC")
        if main in keys:
            groups.union(main, key)
        else:
            alone[key] = others[key]
    return alone


def _join_divisions(groups: UnionFind[str], mentions) -> None:
    """A place named with its administrative division ("Kabupaten Demak", "Provinsi Riau")
    joins the place named without it ("Demak"), when only one division has that name."""
    places = {m[4] for m in mentions if m[3] == "LOC"}
    prefixes = [norm(p) for p in patterns().administrative_prefixes]
    named: dict[str, list[str]] = {}
    for key in places:
        for prefix in prefixes:
            if key.startswith(prefix + " ") and len(key) > len(prefix) + 1:
                named.setdefault(key[len(prefix) + 1:], []).append(key)
    for bare, full in named.items():
        if bare in places and len(full) == 1:
            groups.union(full[0], bare)


def _join_branch_places(groups: UnionFind[str], mentions) -> None:
    """A regional branch named with its place's short form joins the branch named with the
    place's main name ("Polda Jatim", "Polda Jawa Timur"), and one named by its body's long
    form the one named by the short form ("Kepolisian Daerah Sulawesi Selatan", "Polda
    Sulsel": ``org_forms.yaml``'s ``branch_long_forms``); the body said alone ("Dinkes") is
    the one branch of it the article names, when it names one."""
    forms = {key: _branch_form(key) for key in {m[4] for m in mentions if m[3] == "ORG"}}
    by_form: dict[str, list[str]] = {}
    for key, form in forms.items():
        by_form.setdefault(form, []).append(key)
    for keys in by_form.values():
        for key in keys[1:]:
            groups.union(keys[0], key)
    bodies = _branch_keys().bodies
    for key, form in forms.items():  # a body said alone is its one branch the article names ("Dinkes")
        if form in bodies:
            branches = {groups.find(k) for k, f in forms.items() if f.startswith(form + " ")}
            if len(branches) == 1:
                groups.union(branches.pop(), key)


def _join_event_heads(groups: UnionFind[str], mentions) -> None:
    """An event's head said alone ("dalam KTT tersebut") is the one event of that head the
    article names ("Konferensi Tingkat Tinggi (KTT) ASEAN ke-47", "KTT ASEAN"), when it
    names one and the head is no long form's acronym already."""
    heads = {norm(h) for h in patterns().event_heads}
    keys = {m[4] for m in mentions if m[3] == "EVENT"}
    for key in keys & heads:
        if any(k != key and groups.find(k) == groups.find(key) for k in keys):
            continue  # "Konferensi Tingkat Tinggi (KTT)": the head is already a long form's acronym
        named = {groups.find(k) for k in keys if k.startswith(key + " ")}
        if len(named) == 1:
            groups.union(named.pop(), key)


def _join_bracketed_kinds(groups: UnionFind[str], doc: Doc, mentions) -> None:
    """A kind's acronym said alone ("KEK") is the one place of that kind the article names
    with it in brackets ("Kawasan Ekonomi Khusus (KEK) Sei Mangkei"), when it names one."""
    named: dict[str, set[str]] = {}
    for ent in doc.ents:
        bracketed = BRACKETED_BRANCH.fullmatch(ent.text) if ent.label_ == "LOC" else None
        if bracketed:
            named.setdefault(_key(bracketed["short"], "LOC"), set()).add(
                groups.find(_key(f"{bracketed['short']} {bracketed['place']}", "LOC")))
    for m in mentions:
        if len(named.get(m[4], ())) == 1:
            groups.union(next(iter(named[m[4]])), m[4])


@dataclass(frozen=True)
class _BranchKeys:
    shorts: dict[str, str]       # a body's long form → its short form ("kepolisian daerah" → "polda")
    short_forms: frozenset[str]  # the short forms themselves
    bodies: frozenset[str]       # every body with regional branches, long or short
    divisions: frozenset[str]    # "provinsi", "kabupaten" …
    provinces: frozenset[str]    # what may follow a division's word: provinces' (and countries') names


@functools.cache
def _branch_keys() -> _BranchKeys:
    """The keys ``_branch_form`` compares, made once."""
    p = patterns()
    shorts = {_key(long, "ORG"): _key(short, "ORG") for long, short in p.branch_long_forms.items()}
    return _BranchKeys(
        shorts=shorts, short_forms=frozenset(shorts.values()),
        bodies=frozenset(_key(b, "ORG") for b in p.branch_bodies),
        divisions=frozenset(_key(w, "LOC") for w in p.administrative_prefixes),
        provinces=frozenset(_key(main, "LOC") for main in gazetteer.place_names().values())
        | frozenset(_key(n, "LOC") for n in gazetteer.countries()))


def _branch_form(key: str) -> str:
    """An organisation's key with a branch body's long form said short, its place's short
    form said in full and a division's word before a province left out ("Provinsi Jawa
    Barat"; the key itself when it is none of these)."""
    others, b = _other_names(), _branch_keys()
    words = key.split()
    for k in range(1, min(3, len(words))):
        tail = " ".join(words[-k:])
        if tail in others:
            words = words[:-k] + _key(others[tail], "LOC").split()
            break
    for n in range(len(words) - 1, 0, -1):
        if (body := " ".join(words[:n])) in b.shorts:
            words = [b.shorts[body], *words[n:]]
            break
    for n in range(1, len(words) - 1):  # "Dinkes Provinsi Jawa Barat" is "Dinkes Jabar"
        if " ".join(words[:n]) in b.short_forms and words[n] in b.divisions \
                and " ".join(words[n + 1:]) in b.provinces:
            return " ".join(words[:n] + words[n + 1:])
    return " ".join(words)


def _join_forms(groups: UnionFind[str], mentions) -> None:
    """The same key said with different labels is one thing (voted below); so are the two
    forms of one bracketed branch mention (same span)."""
    at: dict[tuple[int, int], str] = {}
    for m in mentions:
        groups.find(m[4])
        if (m[0], m[1]) in at:
            groups.union(at[(m[0], m[1])], m[4])
        at.setdefault((m[0], m[1]), m[4])


def entities(doc: Doc) -> list[Entity]:
    """The article's entities, consolidated (see the module docstring)."""
    mentions = _mentions(doc)
    groups: UnionFind[str] = UnionFind()
    _join_forms(groups, mentions)
    expansions = _join_acronyms(groups, doc, mentions) | _join_other_names(groups, mentions)
    _join_people(groups, mentions)
    _join_people(groups, mentions, "EVENT")
    _join_company_forms(groups, mentions)
    _join_prefixed_acronyms(groups, mentions)
    _join_divisions(groups, mentions)
    _join_branch_places(groups, mentions)
    _join_bracketed_kinds(groups, doc, mentions)
    _join_event_heads(groups, mentions)
    members: dict[str, list] = {}
    for m in mentions:
        members.setdefault(groups.find(m[4]), []).append(m)
    records = [_record(ms, expansions) for ms in members.values()]
    records.sort(key=lambda r: r.mentions[0])
    return [Entity(id=f"e{i}", name=r.name, type=r.type, aliases=r.aliases, mentions=r.mentions)
            for i, r in enumerate(records, 1)]


def _record(ms: list, expansions: dict[str, str]) -> Entity:
    """One entity from its mentions: fullest name, voted type, other forms as aliases."""
    votes = Counter(m[3] for m in ms)
    others = _other_names()  # "Negeri Paman Sam" said with "Amerika Serikat": the country's name
    named = [m for m in ms if m[4] not in others] or ms
    longest = max(named, key=lambda m: (len(m[2]), -m[0]))
    top = max(votes.values())
    label = longest[3] if votes[longest[3]] == top else votes.most_common(1)[0][0]
    name = " ".join(longest[2].split())
    aliases, seen = [], {norm(name)}
    for m in sorted(ms, key=lambda m: m[0]):
        for form in (" ".join(m[2].split()), expansions.get(m[4])):
            if form and norm(form) not in seen:
                seen.add(norm(form))
                aliases.append(form)
    spans: list[Span] = sorted({(m[0], m[1]) for m in ms})
    return Entity(id="", name=name, type=label, aliases=aliases, mentions=spans)


def sentences(doc: Doc) -> list[tuple[int, int]]:
    """Character spans ``[start, end)`` of the doc's sentences, without surrounding space."""
    texts, _ = tokens.texts(doc)
    shape = tokens.shapes(doc)
    out = []
    for sent in doc.sents:
        words = [i for i in range(sent.start, sent.end) if not shape.space[i]]
        if words:
            out.append((shape.idx[words[0]], shape.idx[words[-1]] + len(texts[words[-1]])))
    return out
