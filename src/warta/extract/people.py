"""The entity typing fixes that title patterns reveal (the ``entities`` linker step).

Registered before roles, quotes and events (see ``roles._register``), so that they all see
the fixed list, and returned by ``extract.link`` under ``"entities"``:

* an organisation form ("Kementerian …", "PT …") is ORG, and a "person" that is only a
  legal form ("Ltd", "Tbk") is ORG too;
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
  Wahyu Nugroho kepada …").  Other entities lose the mentions the new name covers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from typing import Any

from .. import lang
from ..model import Entity
from ._facts import View, is_capitalised, norm, view
from .roles import _head_at, _head_ending_at, _open_paren, _word, titles

_NAME = re.compile(r"(?:[A-Z][a-z]+|[A-Z]{2,3})(?:\s+(?:[A-Z][a-z]+|[A-Z]{2,3})){1,3}"
                   r"(?=\s*(?:,|[.;:]|\s[a-z(]|$))")
MAX_TITLE = 20  # tokens from a title's head to the name it introduces


def fix_entities(text: str, published: dt.date | None, found: dict[str, Any]) -> list[Entity]:
    """The entity list with the typing fixes above applied."""
    entities = [e for e in (_retype_form(e) for e in found.get("entities") or []) if e is not None]
    v = view(text, {**found, "entities": entities})
    fixed = {id(e): e for e in entities}
    for m in v.mentions:
        if m.type != "PER" and id(m.entity) in fixed and _named_after_title(v, m):
            fixed[id(m.entity)] = dataclasses.replace(m.entity, type="PER")
    out = _split_org_heads(text, [fixed[id(e)] for e in entities])
    new = _missed_people(v)
    out = _without_overlaps(out, new) + new if new else out
    return _join_nicknames(text, found, out)


@functools.cache
def _forms() -> tuple[tuple[str, ...], frozenset[str]]:
    try:
        forms = lang.load("org_forms")
    except FileNotFoundError:
        return tuple(w + " " for w in titles().org_starts), frozenset()
    prefixes = tuple(p.casefold() + " " for p in forms.get("prefixes", []))
    legal = frozenset(norm(s).strip(".") for s in forms.get("suffixes", []) + forms.get("closing", []))
    return prefixes, legal


def _org_form(name: str) -> bool:
    return (name.casefold() + " ").startswith(_forms()[0])


def _retype_form(e: Entity) -> Entity | None:
    if e.type != "ORG" and _org_form(e.name):
        return dataclasses.replace(e, type="ORG")
    if e.type == "PER" and norm(e.name).strip(".") in _forms()[1]:
        return dataclasses.replace(e, type="ORG")
    if e.type == "PER" and any(w.casefold() in titles().not_names for w in e.name.split()):
        return None
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


def _person_shaped(name: str) -> bool:
    """Two to four capitalised words, none of them an organisation form or a title word."""
    parts = name.split()
    return 2 <= len(parts) <= 4 and not _org_form(name) and all(
        is_capitalised(w) and w.isalpha() and w.casefold() not in _vocabulary() for w in parts)


@functools.cache
def _vocabulary() -> frozenset[str]:
    t = titles()
    return frozenset(w for h in t.heads for w in h.split()) | t.tails | t.org_starts | t.not_title \
        | t.fields | t.not_names | t.connectors


def _named_after_title(v: View, m) -> bool:
    """Whether ``m`` is a person's name the NER typed otherwise: person-shaped, right after
    a title, ending the title run (no name after it), and (a place) never used elsewhere."""
    said = v.text[m.start:m.end]
    if not (_person_shaped(said) and _person_shaped(m.entity.name)) or \
            any(w.isupper() and len(w) > 2 for w in said.split()) or not _titled(v, m):
        return False
    if not re.match(r"\s*(?:[,.;:]|\s[a-z]|$)", v.text[m.end:m.end + 3]):
        return False
    after = re.match(r",\s+", v.text[m.end:m.end + 3])
    if after and v.starting_at(m.end + after.end()) is not None \
            and v.starting_at(m.end + after.end()).type == "PER":
        return False  # "Chief Executive Officer Hanul Motors, Park Ji-hoon": the firm of the post
    if m.type == "LOC":
        return all(_titled(v, other) for other in v.mentions if other.entity is m.entity)
    return True


def _titled(v: View, m) -> bool:
    """Whether a title (a head, a tail noun, or a head and its field words) ends right
    before mention ``m``."""
    return _titled_at(v, m.start)


def _titled_at(v: View, start: int) -> bool:
    """Whether a title ends right before the character ``start`` (see :func:`_titled`)."""
    k = v.token_index(start) - 1
    while k >= 0 and v.tokens[k][2] in (",", ")"):
        k = _open_paren(v, k) - 1 if v.tokens[k][2] == ")" else k - 1
    if k < 0:
        return False
    if _head_ending_at(v, k) >= 0 or _word(v, k) in titles().tails:
        return True
    while k >= 0 and _word(v, k) in titles().fields:
        k -= 1
    return k >= 0 and _head_ending_at(v, k) >= 0


# -- names the NER missed ---------------------------------------------------------------------

def _missed_people(v: View) -> list[Entity]:
    names: dict[str, None] = {}
    for i in range(len(v.tokens)):
        if v.covering(v.tokens[i][0]) is not None:
            continue
        n = _head_at(v, i) or (1 if _word(v, i) in titles().tails else 0)
        if n:
            for name in _after_title(v, i + n):
                names.setdefault(name)
        elif _word(v, i) in _speech_verbs() and i + 1 < len(v.tokens):
            name = _name_at(v, i + 1)
            k = v.token_index(v.tokens[i + 1][0] + len(name)) if name else 0
            titled = k + 1 < len(v.tokens) and v.tokens[k][2] == "," and _head_at(v, k + 1)
            if name and (titled or _after_quotation(v, i)):
                names.setdefault(name)
    known = {norm(m.entity.name) for m in v.mentions if m.type == "PER"}
    out = []
    for name in names:
        if norm(name) in known:
            continue
        spans = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", v.text)]
        spans = sorted(spans + _name_parts(v, name, spans))
        out.append(Entity(id=f"per-{len(out) + 1}", name=name, type="PER", mentions=spans))
    return out


def _name_parts(v: View, name: str, full: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One word of ``name`` standing alone elsewhere ("Dubes Djauhari" after "Djauhari
    Oratmangun"): not inside the full name, another entity, or a longer capitalised name."""
    out = []
    for word in {w for w in name.split() if len(w) >= 3 and is_capitalised(w)}:
        for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", v.text):
            if any(a <= m.start() < b for a, b in full) or v.covering(m.start()) is not None \
                    or re.match(r"\s+[A-Z]", v.text[m.end():m.end() + 2]) \
                    or re.search(r"[A-Z]\w*\s+$", v.text[max(0, m.start() - 30):m.start()]) \
                    and not _titled_at(v, m.start()):
                continue
            out.append(m.span())
    return out


def _after_title(v: View, j: int) -> list[str]:
    """The name a title introduces, reading on from token ``j`` after its head."""
    t = titles()
    toks = v.tokens
    start, end_sent = j, v.own_sentence_of(toks[j - 1][0])[1] if j else 0
    closed = False  # the last thing read ends a title: a legal form or a bracket
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
        if closed or _word(v, j) in _forms()[1] or j == start:
            name = _name_at(v, j, strict=True)
            if name and (closed or j == start or _word(v, j - 1) in _forms()[1]):
                return [name]
        if hit is not None:
            j, closed = v.token_index(hit.end), _word(v, v.token_index(hit.end) - 1) in _forms()[1]
            continue
        if is_capitalised(tok) or tok.casefold() in t.connectors:
            closed = _word(v, j) in _forms()[1]
            j += 1
            continue
        return []
    return []


def _after_quotation(v: View, i: int) -> bool:
    """Whether token ``i`` (a speech verb) directly follows a closing quotation mark."""
    before = v.text[max(0, v.tokens[i][0] - 3):v.tokens[i][0]].rstrip()
    return bool(before) and before[-1] in _closing_marks()


@functools.cache
def _closing_marks() -> frozenset[str]:
    return frozenset(lang.load("quote_marks")["pairs"].values())


def _name_at(v: View, k: int, strict: bool = False) -> str | None:
    """A person-shaped name starting at token ``k`` that no entity covers; ``strict``: it
    must be followed by a lower-case word or a stop, not by more capitalised words."""
    if k >= len(v.tokens):
        return None
    m = _NAME.match(v.text, v.tokens[k][0])
    if not m or v.within(m.start(), m.end(), ("PER",)) or v.starting_at(m.start()) is not None \
            and v.starting_at(m.start()).end >= m.end():
        return None
    if strict and not re.match(r"\s*(?:[.;:]|\s[a-z]|$)", v.text[m.end():m.end() + 3]):
        return None
    return m.group() if _person_shaped(m.group()) else None


@functools.cache
def _speech_verbs() -> frozenset[str]:
    return frozenset(w.casefold() for w in lang.load("speech_verbs")["after"])


def _without_overlaps(entities: list[Entity], new: list[Entity]) -> list[Entity]:
    """``entities`` without the mentions that a new name covers (empty ones dropped)."""
    taken = [s for e in new for s in e.mentions]
    out = []
    for e in entities:
        keep = [s for s in e.mentions if not any(a < s[1] and s[0] < b for a, b in taken)]
        if keep or not e.mentions:
            out.append(dataclasses.replace(e, mentions=keep) if len(keep) != len(e.mentions) else e)
    return out


@functools.cache
def _nickname() -> re.Pattern:
    from ._spans import alternation
    words = lang.load("role_titles")["nicknames"]
    return re.compile(rf"(?<!\w){alternation(words)}\s+(?=[A-Z])", re.I)


def _join_nicknames(text: str, found: dict[str, Any], entities: list[Entity]) -> list[Entity]:
    """ "Tania … yang akrab disapa Tata": Tata is an alias of Tania."""
    if not _nickname().search(text):
        return entities
    v = view(text, {**found, "entities": entities})
    merged: dict[int, Entity] = {id(e): e for e in entities}
    gone: set[int] = set()
    for m in _nickname().finditer(text):
        nick = v.starting_at(m.end())
        if nick is None or nick.type != "PER" or id(nick.entity) in gone:
            continue
        owner = v.last_before(m.start(), ("PER",))
        if owner is None or owner.entity is nick.entity or id(owner.entity) in gone:
            continue
        into = merged[id(owner.entity)]
        merged[id(owner.entity)] = dataclasses.replace(
            into, aliases=list(dict.fromkeys([*into.aliases, nick.entity.name, *nick.entity.aliases])),
            mentions=sorted(set(into.mentions) | set(nick.entity.mentions)))
        gone.add(id(nick.entity))
    return [merged[id(e)] for e in entities if id(e) not in gone]
