"""Roles: a person's position as the article states it (``Role`` records).

Shapes read (title words come from ``lang/id/titles.yaml``):

* title before the name: "Menteri Perindustrian (Menperin) Agus Gumiwang Kartasasmita",
  "Managing Director PT Xiaomi Technology Indonesia Zhao Wentao", "Duta Besar RI untuk
  RRT, Djauhari Oratmangun", "Product Marketing Manager Clara Tan", "analis Bank Mandiri, Faisal";
* title after the name: "Dewi Lestari, VP Sales & Marketing PT Delta Sarana", "Agus selaku
  Menteri …", "Sari yang juga Ketua Umum Partai Nusantara Maju", "Anwar (Sekjen Kemendag)";
* a title standing for the person the text follows: "mantan Menteri Luar Negeri tersebut";
* abbreviated titles as written ("Kapolda Riau"), written out from the table when the
  article writes the long form too: "Menperin" → "Menteri Perindustrian".

The organisation is the ORG named in the title ("… PT Xiaomi Technology Indonesia …"),
else the one the table gives for the title ("Menteri Perindustrian" → "Kementerian
Perindustrian"), else None.  One role per person and position: "Menteri" and later
"Menperin" for the same person are the one role "Menteri Perindustrian".

Quotes read the roles ("kata Menperin" → the Menteri Perindustrian), events read both;
``warta.extract`` runs them in that order.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from .. import lang
from ..model import Role
from ..words import fold
from ._facts import Facts, Mention, View, is_capitalised
from .titles import expand, head_at, head_ending_at, open_paren, word

MAX_RUN = 30  # tokens a title may span


# -- the linker ---------------------------------------------------------------------------

def roles(facts: Facts) -> list[Role]:
    """Every person's stated positions in the article, one Role per person and position.

    >>> from warta.model import Entity
    >>> agus = Entity("e1", "Agus Gumiwang", "PER", mentions=[(21, 34)])
    >>> [r.title for r in roles(Facts.of("Menteri Perindustrian Agus Gumiwang hadir.", [agus]))]
    ['Menteri Perindustrian']
    """
    v = facts.view
    found_roles: list[Role] = []
    for m in v.mentions:
        if m.type != "PER":
            continue
        for role in (_before(v, m), _after(v, m)):
            if role:
                _keep(found_roles, role)
    for m in v.mentions:
        if m.type == "PER" and (role := _chaired(v, m)):
            _keep(found_roles, role)
    for role in _anaphoric(v):
        _keep(found_roles, role)
    for role in _listed(v, found_roles):
        _keep(found_roles, role)
    return found_roles


def _listed(v: View, found: list[Role]) -> list[Role]:
    """Roles of persons written in a list: "A, B dan C masing-masing sebagai T1, T2 dan
    T3" (one title each, in order), "A dan B sebagai T" (the one title for each), and the
    two of a pair "A-B" (a candidate ticket) under one title."""
    out = []
    for group in _person_lists(v):
        last = group[-1]
        titles = [r for r in found if r.person == last.entity.name and r.span[0] >= last.start]
        respective = _respective(v, last)
        if not respective and len(group) == 2 and v.text[group[0].end:group[1].start] in ("-", "–"):
            respective = _respective(v, last, pair=True)  # "pasangan A-B sebagai gubernur dan wakil gubernur"
        if respective and len(respective) == len(group):
            out += [dataclasses.replace(r, person=m.entity.name) for m, r in zip(group, respective)]
        elif titles and not respective and _post_linked(v, last) and _joined(v, group):
            out += [dataclasses.replace(titles[0], person=m.entity.name) for m in group[:-1]]
        first = group[0]
        titled = [r for r in found if r.person == first.entity.name and r.span[1] <= first.end]
        if titled and v.text[group[0].end:group[1].start].strip() in ("-", "–"):
            out += [dataclasses.replace(titled[0], person=m.entity.name) for m in group[1:]]
    return out


def _post_linked(v: View, m: Mention) -> bool:
    """Whether a link word ("sebagai", "selaku") follows person ``m``."""
    i = v.token_index(m.end)
    return any(tuple(word(v, j) for j in range(i, min(i + len(link), len(v.tokens)))) == link
               for link in lang.titles().post_links)


def _joined(v: View, group: list[Mention]) -> bool:
    """Whether a joiner word ("dan") comes before the last person of a list."""
    gap = v.text[group[-2].end:group[-1].start].strip(" ,").casefold()
    return gap in lang.titles().list_joiners


def _person_lists(v: View) -> list[list[Mention]]:
    """Runs of two or more persons in one sentence joined by commas, a joiner word or a
    hyphen ("A, B dan C", "A-B")."""
    t = lang.titles()
    people = [m for m in v.mentions if m.type == "PER"]
    groups: list[list[Mention]] = []
    for prev, m in zip(people, people[1:]):
        gap = v.text[prev.end:m.start]
        joined = gap.strip(" ,") == "" and len(gap) <= 3 or gap.strip(" ,").casefold() in t.list_joiners \
            or gap in ("-", "–")
        if not joined or v.sentence_index(prev.start) != v.sentence_index(m.start):
            continue
        if groups and groups[-1][-1] is prev:
            groups[-1].append(m)
        else:
            groups.append([prev, m])
    return groups


def _respective(v: View, last: Mention, pair: bool = False) -> list[Role]:
    """ "… C masing-masing sebagai T1, T2 dan T3": the titles handed out one by one; with
    ``pair``, a ticket's two titles after a post link alone ("A-B sebagai gubernur dan wakil
    gubernur")."""
    t = lang.titles()
    i = v.token_index(last.end)
    if i < len(v.tokens) and word(v, i) in t.respective_links:
        i += 1  # "… C yang masing-masing sebagai …"
    if not pair and (i >= len(v.tokens) or word(v, i) not in t.respective):
        return []
    i += 0 if pair else 1
    for link in t.post_links:
        if tuple(word(v, j) for j in range(i, min(i + len(link), len(v.tokens)))) == link:
            i += len(link)
            break
    else:
        if pair:
            return []
    sent_end = v.own_sentence_of(last.start)[1]
    pieces, start = [], i
    while i <= len(v.tokens):
        at_end = i == len(v.tokens) or v.tokens[i][0] >= sent_end
        cut = not at_end and (v.tokens[i][2] == "," or word(v, i) in t.list_joiners) and head_at(v, i + 1)
        if at_end or cut:
            if i > start:
                pieces.append((start, i))
            if at_end:
                break
            start = i + 1
        i += 1
    out = []
    for a, b in pieces:
        if not head_at(v, a):
            break
        role = _role(v, last, a, _title_stop(v, a, b))
        if role:
            out.append(role)
    return out


def _title_stop(v: View, a: int, b: int) -> int:
    """End of a title in tokens ``[a, b)``: before a lower-case word after its heads
    ("wakil gubernur")."""
    i = a + head_at(v, a)
    while i < b and head_at(v, i, b):  # "wakil gubernur": heads written one after another
        i += head_at(v, i, b)
    while i < b and (is_capitalised(v.tokens[i][2]) or v.covering(v.tokens[i][0]) is not None
                     or word(v, i) in lang.titles().connectors):
        i += 1
    return i


@functools.cache
def _chair() -> tuple[str, re.Pattern]:
    """The chair's title and the pattern of "(yang) <verb> (oleh)" ending a text."""
    d = lang.load("titles")["chaired"]
    verbs = "|".join(re.escape(w) for w in d["verbs"])
    return d["title"], re.compile(rf"\s+(?:\w+\s+)?(?:{verbs})\s+(?:\w+\s+)?$", re.I)


def _chaired(v: View, m: Mention) -> Role | None:
    """A person after a post's body and "yang diketuai" chairs it ("majelis hakim yang
    diketuai Sarma Siregar": Ketua Majelis Hakim; ``titles.yaml``'s ``chaired`` and
    ``post_bodies``).  Not an organisation's span before it: the model's span may be part
    of the body's name ("Panitia Khusus DPR yang diketuai …" is no chair of the DPR)."""
    title, verb = _chair()
    before = v.text[max(0, m.start - 80):m.start]
    hit = verb.search(before)
    if hit is None or any(w.casefold() not in lang.titles().connectors and w[:1].isupper()
                          for w in hit.group().split()):
        return None
    head = before[:hit.start()]
    body = next((b for b in lang.titles().post_bodies if fold(head).endswith(b)), None)
    start = m.start - len(before) + hit.start()
    if body is None:
        return None
    name = " ".join(w.capitalize() for w in head.split()[-len(body.split()):])
    return Role(person=m.entity.name, title=f"{title} {name}", org=None, span=(start - len(name), m.end))


def _keep(kept: list[Role], role: Role) -> None:
    """Add ``role`` unless the person already holds it; a longer title replaces a shorter."""
    new = fold(role.title)
    for i, old in enumerate(kept):
        if old.person != role.person:
            continue
        if new in fold(old.title):
            if old.org is None and role.org:
                kept[i] = dataclasses.replace(old, org=role.org)
            return
        if fold(old.title) in new:
            kept[i] = dataclasses.replace(role, org=role.org or old.org)
            return
    kept.append(role)


def _before(v: View, m: Mention) -> Role | None:
    """A title written before the person: walk left over the capitalised run."""
    t = lang.titles()
    toks = v.tokens
    last = v.token_index(m.start) - 1
    while last >= 0 and (word(v, last) in t.ranks and _bare(v, last) or toks[last][2] == ")" and last >= 2
                         and word(v, last - 1) in t.ranks and toks[last - 2][2] == "("):
        last -= 3 if toks[last][2] == ")" else 1  # "Kapolda Riau Irjen Wahyu", "Marsdya TNI X", "(Purn)"
    if last >= 0 and word(v, last) in t.modifiers and word(v, last + 1) in t.rank_suffixes:
        last -= 1  # "Kapolri Jenderal Pol X", "Panglima TNI Jenderal TNI X": a general's rank
    markers = lang.name_markers()
    while last >= 0 and (word(v, last) in markers or toks[last][2] == "." and last
                         and word(v, last - 1) in markers):
        last -= 1  # "Ketua IDAI Jateng dr. X", "Rektor Prof. Dr. Ir. H. X": honorifics, no title
    if last < 0:
        return None
    sent_start = v.own_sentence_of(m.start)[0]
    k, start = last, last + 1
    while k >= 0 and last - k < MAX_RUN and toks[k][0] >= sent_start:
        tok = toks[k][2]
        other = v.covering(toks[k][0])
        if other is not None and other.type == "PER":
            break
        if other is not None:
            k = v.token_index(other.start)
            start = k
        elif tok == ")":
            k = open_paren(v, k)
            if k < 0:
                break
            start = k
        elif tok == ",":
            pass
        elif is_capitalised(tok) and (word(v, k) not in t.not_title or _inside_title(v, k, sent_start)):
            start = k
        elif tok.casefold() in t.connectors and k > 0 and (is_capitalised(toks[k - 1][2]) or toks[k - 1][2] == ","):
            pass
        elif tok.casefold() == "atau" and k > 0 and _same_org_around(v, k):
            pass  # "PT Kereta Api Indonesia (Persero) atau KAI Anne Purba": the organisation's short name
        elif tok.isdigit() and k > 0 and is_capitalised(toks[k - 1][2]):
            pass  # a unit's number inside the post: "Komandan Kodim 0734 Yogyakarta …"
        elif (tok.casefold() in t.epithets or tok.isdigit() or word(v, k) in t.numbering) \
                and start == last + 1:
            pass  # "Striker andalan …", "pasangan calon nomor urut 2 …"
        else:
            if tok.casefold() in t.epithets and k > 0:
                k -= 1  # "analis senior Canalys, …": a modifier after a lower-case head
            j = k
            while j > 0 and k - j < MAX_LOWER_FIELDS and tok.islower() and word(v, j) in t.fields \
                    and head_ending_at(v, j) < 0:
                j -= 1  # "pengamat ekonomi Universitas Indonesia …": a lower-case head's field
            low = head_ending_at(v, j)
            if low >= 0:
                start = low
            break
        k -= 1
    if start > last:
        return None
    if start > 0 and word(v, start - 1) in t.prefixes:
        start -= 1
    if _linked_before(v, start) and any(toks[j][2] == "," or word(v, j) in t.list_joiners for j in range(start, last + 1)):
        return None  # "A sebagai Menteri Kesehatan, B sebagai …", "… Direktur Utama PLN dan B sebagai …": A's
    return _role(v, m, start, last + 1)


def _same_org_around(v: View, k: int) -> bool:
    """Whether the tokens on both sides of ``k`` are mentions of one organisation."""
    toks = v.tokens
    before = v.covering(toks[k - 1][0])
    after = v.covering(toks[k + 1][0]) if k + 1 < len(toks) else None
    return before is not None and after is not None and before.type == "ORG" and before.entity is after.entity


def _linked_before(v: View, start: int) -> bool:
    """Whether a person and a link word ("sebagai") come right before token ``start``."""
    for link in lang.titles().post_links:
        i = start - len(link)
        if i > 0 and tuple(word(v, j) for j in range(i, start)) == link:
            hit = v.covering(v.tokens[i - 1][0])
            return hit is not None and hit.type == "PER"
    return False


@functools.cache
def _links_from(first: str) -> tuple[tuple[str, ...], ...]:
    """The post links ("sebagai", "yang juga menjabat") opening with ``first``, longest first."""
    return tuple(link for link in lang.titles().post_links if link[0] == first)


def _bare(v: View, k: int) -> bool:
    """Whether token ``k`` is no part of a longer entity mention ("TNI" alone may be one)."""
    hit = v.covering(v.tokens[k][0])
    return hit is None or (hit.start, hit.end) == v.tokens[k][:2]


def _after(v: View, m: Mention) -> Role | None:
    """A title written after the person: "X, Menteri …", "X selaku …", "X (Menteri …)"."""
    t = lang.titles()
    toks = v.tokens
    i = v.token_index(m.end)
    if i >= len(toks):
        return None
    if toks[i][2] in (",", "("):
        i += 1
        for link in _links_from(word(v, i)) if i < len(toks) else ():  # "X, yang juga Wakil Ketua DPR,"
            if tuple(word(v, j) for j in range(i, min(i + len(link), len(toks)))) == link:
                i += len(link)
                break
    else:
        for link in _links_from(word(v, i)):
            if tuple(word(v, j) for j in range(i, min(i + len(link), len(toks)))) == link:
                i += len(link)
                break
        else:
            return None
    begin = i
    if i < len(toks) and word(v, i) in t.prefixes:
        i += 1
    if i >= len(toks) or not head_at(v, i):
        return None
    sent_end = v.own_sentence_of(m.start)[1]
    end = i + head_at(v, i)
    while end < len(toks) and end - begin < MAX_RUN and toks[end][0] < sent_end:
        tok = toks[end][2]
        other = v.covering(toks[end][0])
        if other is not None and other.type == "PER":
            break
        if other is not None:
            end = v.token_index(other.end)
            continue
        nxt = toks[end + 1][2] if end + 1 < len(toks) else ""
        if tok == "(" and toks[i - 1][2] != "(":
            close = next((j for j in range(end, min(end + 10, len(toks))) if toks[j][2] == ")"), -1)
            if close < 0:
                break
            end = close + 1
            continue
        person_next = end + 1 < len(toks) and (p := v.covering(toks[end + 1][0])) is not None and p.type == "PER"
        if (is_capitalised(tok) and word(v, end) not in t.not_title) or (
                (tok == "," or tok.casefold() in t.connectors) and is_capitalised(nxt)
                and not head_at(v, end + 1) and not (tok.casefold() in t.list_joiners and person_next)):
            end += 1
            if tok.endswith("."):
                break
            continue
        lower_run = all(not is_capitalised(toks[j][2]) for j in range(i, end))
        if tok.islower() and lower_run and word(v, end) in t.fields and end - i <= MAX_LOWER_FIELDS:
            end += 1  # "X, pengamat ekonomi Universitas …": a lower-case head's field
            continue
        after = v.covering(toks[end + 1][0]) if end + 1 < len(toks) else None
        if word(v, end) in t.place_words and after is not None and after.type == "ORG":
            end += 1  # "X, ekonom dari Universitas …": the post's organisation after "dari"
            continue
        break
    nxt = v.covering(toks[end][0]) if end < len(toks) else None
    if nxt is not None and nxt.type == "PER" and toks[end - 1][2] != "," and nxt.start < sent_end:
        return None  # "Sri, Menteri Perdagangan Budi …": the title is the next person's
    return _role(v, m, begin, end)


def _role(v: View, m: Mention, start: int, stop: int) -> Role | None:
    """The Role of person ``m`` from the title run tokens ``[start, stop)``."""
    t = lang.titles()
    toks = v.tokens
    title_start = _title_start(v, start, stop)
    if title_start is None:
        return None
    org, title_end = None, stop
    j = title_start + 1
    while j < stop:
        other = v.covering(toks[j][0])
        if other is not None and other.type == "ORG":
            org, title_end = other.entity.name, j
            if other.end > toks[stop - 1][1]:  # the name runs past the title: only its part here
                org = _clean_title(v.text[other.start:toks[stop - 1][1]])
            break
        if other is not None and other.type == "LOC" and v.token_index(other.end) >= stop \
                and word(v, j - 1) not in t.connectors and j > title_start + head_at(v, title_start, stop):
            org, title_end = other.entity.name, j
            break
        if toks[j][2].casefold() in t.org_starts:
            org = _clean_title(v.text[toks[j][0]:toks[stop - 1][1]])
            title_end = j
            break
        j = max(j + 1, v.token_index(other.end)) if other is not None else j + 1
    if org is None and title_start > start:
        before = v.covering(toks[start][0])
        if before is not None and before.type == "ORG":
            org = before.entity.name
    raw = v.text[toks[title_start][0]:toks[title_end - 1][1]]
    title = _clean_title(raw)
    if not title or not any(c.isalpha() for c in title) or _stands_for_a_place(v, title_start, stop):
        return None
    title, table_org = written_out(v, title)
    first, _, rest = title.partition(" ")
    if rest and first.casefold() in t.prefixes:
        title = f"{first.casefold()} {rest}"  # "Mantan Kepala …" opening a sentence: a former post
    span = (min(toks[start][0], m.start), max(toks[stop - 1][1], m.end))
    return Role(person=m.entity.name, title=title, org=org or table_org, span=span)


def _stands_for_a_place(v: View, start: int, stop: int) -> bool:
    """A lower-case "wakil" and a place alone: whom one stands for ("wakil Jepang"), no post."""
    toks = v.tokens
    if toks[start][2] not in lang.titles().representatives or start + 1 >= stop:
        return False
    place = v.covering(toks[start + 1][0])
    return place is not None and place.type == "LOC" and v.token_index(place.end) >= stop


def written_out(v: View, title: str) -> tuple[str, str | None]:
    """A title as the article states it, and the org the abbreviations table gives: an
    abbreviated title ("Menperin", "Kapolda Riau") written out when the article writes
    the long form somewhere ("Menteri Perindustrian"), else kept as written — a reader
    (and the gold) takes the post from the article's words, not from our table."""
    full, org = expand(title)
    if full != title and fold(full) not in v.folded_text:
        return title, org
    return full, org


MAX_LOWER_FIELDS = 2  # lower-case field words after a lower-case head ("pengamat ekonomi")


def _inside_title(v: View, k: int, sent_start: int) -> bool:
    """A word that opens sentences ("Dalam kesempatan itu …") inside a capitalised title,
    between a capitalised word and another: "Menteri Dalam Negeri"."""
    toks = v.tokens
    return 0 < k < len(toks) - 1 and toks[k - 1][0] >= sent_start and is_capitalised(toks[k - 1][2]) \
        and is_capitalised(toks[k + 1][2])


def _title_start(v: View, start: int, stop: int) -> int | None:
    """Token where the title opens: a head (with a prefix), else the first capitalised word
    of an English title ending in a tail noun ("Product Certification Manager")."""
    t = lang.titles()
    for i in range(start, stop):
        if v.covering(v.tokens[i][0]) is None and head_at(v, i, stop):
            if i > start and word(v, i - 1) in t.prefixes:
                return i - 1
            return _english_start(v, start, i) if word(v, i) in t.tails else i
    for i in range(start, stop):
        if word(v, i) in t.tails and v.covering(v.tokens[i][0]) is None:
            return _english_start(v, start, i)
    return None


def _english_start(v: View, start: int, i: int) -> int:
    """First word of an English title ending in the noun at ``i`` ("Product Marketing Manager")."""
    first = i
    while first > start and is_capitalised(v.tokens[first - 1][2]) and v.covering(v.tokens[first - 1][0]) is None \
            and word(v, first - 1) not in lang.titles().not_title:
        first -= 1
    return first


_ABBR_GROUP = re.compile(r"\s*\(([^()]{1,20})\)")


def _clean_title(raw: str) -> str:
    """A title without abbreviation groups, trailing punctuation (a list's "Menteri
    Keuangan: Sri …"), connectors, modifiers or the preposition before its organisation
    ("Pengamat politik dari Universitas X")."""
    t = lang.titles()

    def drop(m: re.Match) -> str:
        inner = m.group(1).strip()
        return "" if inner.casefold() in t.abbreviations or inner.isupper() else m.group()

    title = _ABBR_GROUP.sub(drop, raw)
    if ")" in title.split("(")[0]:  # begun inside a bracket: "Plt) Gubernur" of "Pelaksana Tugas (Plt) Gubernur"
        title = title.replace(")", "", 1)
    words = title.replace("\n", " ").split()
    while words and (words[-1].strip(",.:;").casefold() in t.connectors | t.epithets | t.place_words
                     or words[-1] in ",(:;"):
        words.pop()
    return " ".join(words).strip(" ,.:;")


def _anaphoric(v: View) -> list[Role]:
    """ "mantan Menteri Luar Negeri tersebut": a full title standing for the person the text
    follows (a head and at least one capitalised word, then an anaphor, then no name)."""
    t = lang.titles()
    out = []
    for k, (s, _, tok) in enumerate(v.tokens):
        if word(v, k) not in t.anaphors or k < 2:
            continue
        j = k - 1
        while j >= 0 and is_capitalised(v.tokens[j][2]) and v.covering(v.tokens[j][0]) is None:
            j -= 1
        first = j + 1
        if k - first < 2 or not head_at(v, first, k):
            continue
        if j >= 0 and word(v, j) in t.prefixes:
            first = j
        person = v.last_before(v.tokens[first][0], ("PER",))
        if person is None or v.sentence_index(person.start) < v.sentence_index(s) - 2:
            continue
        title, org = written_out(v, _clean_title(v.text[v.tokens[first][0]:v.tokens[k - 1][1]]))
        out.append(Role(person=person.entity.name, title=title, org=org, span=(v.tokens[first][0], v.tokens[k][1])))
    return out

