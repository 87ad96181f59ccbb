"""Roles: a person's position as the article states it (``Role`` records).

Shapes read (title words come from ``lang/id/titles.yaml``):

* title before the name: "Menteri Perindustrian (Menperin) Agus Gumiwang Kartasasmita",
  "Managing Director PT Xiaomi Technology Indonesia Zhao Wentao", "Duta Besar RI untuk
  RRT, Djauhari Oratmangun", "Product Marketing Manager Clara Tan", "analis Bank Mandiri, Faisal";
* title after the name: "Dewi Lestari, VP Sales & Marketing PT Delta Sarana", "Agus selaku
  Menteri …", "Sari yang juga Ketua Umum Partai Nusantara Maju", "Anwar (Sekjen Kemendag)";
* a title standing for the person the text follows: "mantan Menteri Luar Negeri tersebut";
* abbreviated titles expanded from the table: "Menperin" → "Menteri Perindustrian".

The organisation is the ORG named in the title ("… PT Xiaomi Technology Indonesia …"),
else the one the table gives for the title ("Menteri Perindustrian" → "Kementerian
Perindustrian"), else None.  One role per person and position: "Menteri" and later
"Menperin" for the same person are the one role "Menteri Perindustrian".

Quotes read the roles ("kata Menperin" → the Menteri Perindustrian), events read both;
``warta.extract`` runs them in that order.
"""

from __future__ import annotations

import dataclasses
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
    for role in _anaphoric(v):
        _keep(found_roles, role)
    return found_roles


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
        elif is_capitalised(tok) and word(v, k) not in t.not_title:
            start = k
        elif tok.casefold() in t.connectors and k > 0 and (is_capitalised(toks[k - 1][2]) or toks[k - 1][2] == ","):
            pass
        elif tok.casefold() in t.epithets and start == last + 1:
            pass
        else:
            if tok.casefold() in t.epithets and k > 0:
                k -= 1  # "analis senior Canalys, …": a modifier after a lower-case head
            low = head_ending_at(v, k)
            if low >= 0:
                start = low
            break
        k -= 1
    if start > last:
        return None
    if start > 0 and word(v, start - 1) in t.prefixes:
        start -= 1
    return _role(v, m, start, last + 1)


def _after(v: View, m: Mention) -> Role | None:
    """A title written after the person: "X, Menteri …", "X selaku …", "X (Menteri …)"."""
    t = lang.titles()
    toks = v.tokens
    i = v.token_index(m.end)
    if i >= len(toks):
        return None
    if toks[i][2] in (",", "("):
        i += 1
    else:
        for link in t.post_links:
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
        if (is_capitalised(tok) and word(v, end) not in t.not_title) or (
                (tok == "," or tok.casefold() in t.connectors) and is_capitalised(nxt)
                and not head_at(v, end + 1)):
            end += 1
            if tok.endswith("."):
                break
            continue
        break
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
    if not title or not any(c.isalpha() for c in title):
        return None
    title, table_org = expand(title)
    span = (min(toks[start][0], m.start), max(toks[stop - 1][1], m.end))
    return Role(person=m.entity.name, title=title, org=org or table_org, span=span)


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
    """A title without abbreviation groups, trailing commas, connectors or modifiers."""
    t = lang.titles()

    def drop(m: re.Match) -> str:
        inner = m.group(1).strip()
        return "" if inner.casefold() in t.abbreviations or inner.isupper() else m.group()

    title = _ABBR_GROUP.sub(drop, raw)
    words = title.replace("\n", " ").split()
    while words and (words[-1].strip(",.").casefold() in t.connectors | t.epithets or words[-1] in ",("):
        words.pop()
    return " ".join(words).strip(" ,.")


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
        title, org = expand(_clean_title(v.text[v.tokens[first][0]:v.tokens[k - 1][1]]))
        out.append(Role(person=person.entity.name, title=title, org=org, span=(v.tokens[first][0], v.tokens[k][1])))
    return out

