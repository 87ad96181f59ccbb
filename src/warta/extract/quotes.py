"""Quotes: direct quotations and who said them (``Quote`` records).

Quotations are text between the marks of ``lang/id/quote_marks.yaml`` (“…”, "…", ‘…’,
«…»), nested quotations kept inside the outer one, a quotation over several paragraphs
(each reopened, closed at its end) kept whole.  The speaker is found, in this order:

1. after the quotation: a speech verb and a name, title or account ("…,” ujar Agus",
   a description and then the name after a comma: "…,” kata seorang warga, Siti",
   "…,” kata Menperin" (the person holding that role), "…,” bunyi unggahan akun Instagram
   Kemenperin RI"), a described speaker ("ungkap pria yang karib disapa Ucok"), or the
   person the text is following ("…,” ujarnya", "kata dia", "…,” ia menambahkan"): the
   last speaker, unless a person has since become a sentence's subject;
2. before it, in its sentence: "Menurut X, “…”", "X mengatakan, “…”", "Canalys … mencatat
   bahwa … "…"";
3. a paragraph that is only a quotation: the speaker of the next quotation when it follows
   at once, else the person the text is following.

Quotations without a speaker, and short ones without a speech verb (titles, scare quotes),
are left out.  Marks need not match: a double mark shaped as a closing one closes a double
quotation, and one left open at its paragraph's end stops before an attribution inside it.  ``span`` covers the marks; ``text`` is what is inside them.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from .. import lang
from ..model import Quote, Role
from ..words import alternation
from ._facts import Facts, Mention, View, is_capitalised, words
from .titles import is_title_word, person_by_title


@dataclasses.dataclass(frozen=True)
class Speech:
    pairs: dict[str, str]
    marks: re.Pattern
    double: frozenset[str]  # the double quotation marks, of every kind
    inside: re.Pattern      # "…, kata Agus." inside a quotation left open
    after: re.Pattern      # speech verb right after a quotation
    reporting: re.Pattern  # "X mengatakan" before a quotation
    subject_verb: re.Pattern  # "…,” ia menambahkan" / "…,” Agus menambahkan"
    according: re.Pattern
    according_followed: re.Pattern   # "Menurutnya,", "Menurut dia,"
    passive: re.Pattern              # "Hal senada disampaikan … X"
    pronouns: frozenset[str]
    lead: frozenset[str]
    platforms: frozenset[str]
    describers: frozenset[str]
    subject_lead: frozenset[str]
    not_describing: frozenset[str]   # "kepada", "saat": words after a speech verb that describe no speaker
    nickname: re.Pattern
    min_words: int
    min_attributed: int
    min_unattributed: int


@functools.cache
def speech() -> Speech:
    """Speech verbs and quotation marks, compiled once."""
    d = lang.load("speech_verbs")
    q = lang.load("quote_marks")
    pairs = q["pairs"]
    marks = set(pairs) | set(pairs.values())
    after = alternation(d["after"])
    reporting = alternation(d["reporting"])
    return Speech(
        pairs=pairs,
        marks=re.compile("[" + re.escape("".join(sorted(marks))) + "]|\n"),
        double=frozenset(q["double"]),
        inside=re.compile(rf"[,.!?]\s+(?:{after})(?:{re.escape(d['suffix'])})?\b", re.I),
        after=re.compile(rf"[\s,.]*({after})({re.escape(d['suffix'])})?\b", re.I),
        reporting=re.compile(rf"\b{reporting}\b", re.I),
        subject_verb=re.compile(rf"[\s,.]*(\w[\w\s]{{0,40}}?)\s+{reporting}\b", re.I),
        according=re.compile(rf"\b{alternation(d['according'])}\s+", re.I),
        passive=re.compile(rf"\b{alternation(d['passive'])}\b", re.I),
        according_followed=re.compile(rf"\b{alternation(d['according'])}(?:{re.escape(d['suffix'])}|\s+{alternation(d['pronouns'])}),?\s*$", re.I),
        pronouns=frozenset(w.casefold() for w in d["pronouns"]),
        lead=frozenset(w.casefold() for w in d["lead_words"]),
        platforms=frozenset(w.casefold() for w in d["platforms"]),
        describers=frozenset(w.casefold() for w in d.get("describers", [])),
        subject_lead=frozenset(w.casefold() for w in d.get("subject_lead", [])),
        not_describing=frozenset(w.casefold() for w in d.get("not_describing", [])),
        nickname=re.compile(rf"\b{alternation(lang.titles().nicknames)}\s+(?=[A-Z])", re.I),
        min_words=int(q["min_words"]), min_attributed=int(q.get("min_words_attributed", q["min_words"])),
        min_unattributed=int(q["min_words_unattributed"]),
    )


# -- finding quotations ---------------------------------------------------------------------

def spans(text: str) -> list[tuple[int, int]]:
    """Spans of the quotations in ``text`` (marks included), outermost only.

    A double mark shaped as a closing one (after a word, before a space) closes a
    quotation whatever its kind (“…," ujar dia); a quotation left open at a paragraph's
    end stops before an attribution inside it (“…, kata Agus.).

    >>> t = 'Ia berkata, “Kami siap “bersaing” di pasar,” ujarnya.'
    >>> [t[a:b] for a, b in spans(t)]
    ['“Kami siap “bersaing” di pasar,”']
    """
    sp = speech()
    out: list[tuple[int, int]] = []
    opener, start, depth = None, 0, 0
    for m in sp.marks.finditer(text):
        ch, pos = m.group(), m.start()
        if opener is None:
            if ch in sp.pairs and _opens(text, pos, ch):
                opener, start, depth = ch, pos, 1
            continue
        close = sp.pairs[opener]
        if ch == "\n":
            nxt = text[pos:].lstrip()
            if not nxt.startswith(opener):  # unterminated: close at the paragraph end
                out.append((start, _attribution_inside(text, start, pos)))
                opener = None
            continue
        if ch == close and (close != opener or not _continues(text, pos, opener)) \
                or ch != close and _closes_any(text, pos, ch, opener):
            depth -= 1
            if depth == 0:
                out.append((start, pos + 1))
                opener = None
        elif ch == opener and close != opener and not _paragraph_start(text, pos):
            depth += 1
    if opener is not None:
        out.append((start, _attribution_inside(text, start, len(text))))
    return out


def _closes_any(text: str, pos: int, ch: str, opener: str) -> bool:
    """A double mark of another kind, shaped as a closing one, closes a double quotation."""
    double = speech().double
    if ch not in double or opener not in double:
        return False
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ",.;:!?)")


def _attribution_inside(text: str, start: int, end: int) -> int:
    """Where an unterminated quotation really ends: before "…, kata Agus." written inside
    it (after its comma), else at ``end``."""
    m = speech().inside.search(text, start + 1, end)
    return m.start() + 1 if m else end


def _opens(text: str, pos: int, ch: str) -> bool:
    """Whether the mark at ``pos`` opens a quotation (not an apostrophe or inch sign)."""
    before = text[pos - 1] if pos else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if ch in "‘\"":
        return (before.isspace() or before in "([:—–-") and not after.isspace()
    return not after.isspace() or ch != "“"


def _continues(text: str, pos: int, opener: str) -> bool:
    """A same-shaped mark at a paragraph start reopens a running quotation."""
    return _paragraph_start(text, pos)


def _paragraph_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] == "\n"


# -- the linker -----------------------------------------------------------------------------

def quotes(facts: Facts) -> list[Quote]:
    """Every direct quotation in the article with its speaker (an entity's full name).

    >>> from warta.model import Entity
    >>> t = 'Agus Gumiwang hadir. “Kami siap membangun pabrik,” ujar Agus.'
    >>> agus = Entity("e1", "Agus Gumiwang", "PER", aliases=["Agus"], mentions=[(0, 13), (56, 60)])
    >>> [(q.speaker, q.text) for q in quotes(Facts.of(t, [agus]))]
    [('Agus Gumiwang', 'Kami siap membangun pabrik')]
    """
    v = facts.view
    text = v.text
    quoted = spans(text)
    roles = list(facts.roles)
    said: list[tuple[int, str]] = []  # (end of a quotation, its speaker), in text order
    speakers: list[str | None] = []
    for a, b in quoted:
        who = _after(v, b, quoted, roles, said) or _before(v, a, quoted, said)
        speakers.append(who)
        if who is not None:
            said.append((b, who))
    out = []
    for i, (a, b) in enumerate(quoted):
        inner = _inner(text, a, b)
        n = len(words(inner))
        who = speakers[i]
        if who is None and n >= speech().min_unattributed and _ends_sentence(inner) \
                and _paragraph_start(text, a):
            who = _reported_just_before(v, a, quoted) or _next_speaker(text, quoted, speakers, i) or \
                _followed(v, a, quoted, [x for x in said if x[0] <= a])
        if who is None and n >= speech().min_unattributed and _ends_sentence(inner):
            who = _continued(text, quoted, speakers, i)
        if who is None or n < (speech().min_attributed if _attributed_at_once(v, b) else speech().min_words):
            continue
        out.append(Quote(speaker=who, text=inner, span=(a, b)))
    return out


def speech_verb(text: str, span: tuple[int, int]) -> str | None:
    """The speech verb that attributes the quotation at ``span`` right after it ("…,” ucap
    Shin": "ucap"; with its suffix: "tuturnya"), or None."""
    end = span[1]
    while end < len(text) and (text[end] in ",." or speech().marks.match(text, end)) and text[end] != "\n":
        end += 1
    m = speech().after.match(text, end)
    return m.group(1) + (m.group(2) or "") if m else None


def _reported_just_before(v: View, start: int, quoted: list) -> str | None:
    """The person reporting speech in the sentence right before a quotation that is a
    paragraph of its own ("Menteri Sosial X menjelaskan bantuan segera disalurkan.\n“…”")."""
    head = v.text[:start].rstrip()
    if not head:
        return None
    sent = v.sentence_of(len(head) - 1)
    if any(a < sent[1] and sent[0] < b for a, b in quoted):
        return None
    subject = _last_subject(v, sent[1], quoted, sent[0])
    if subject is None or not speech().reporting.search(v.text[subject.end:sent[1]]):
        return None
    return subject.entity.name


def _attributed_at_once(v: View, end: int) -> bool:
    """A short quotation ("No comment,” kata X) counts when a speech verb follows it at once
    after its own comma, stop or question mark."""
    inside = v.text[max(0, end - 2):end]
    return any(c in inside for c in ",.!?") and bool(speech().after.match(v.text, end))


def _inner(text: str, a: int, b: int) -> str:
    inner = text[a + 1:b - 1] if b - a > 1 and text[b - 1] in speech().pairs.values() else text[a + 1:b]
    inner = re.sub(r"\n\s*[" + re.escape("".join(speech().pairs)) + "]", "\n", inner)
    return inner.strip().rstrip(",").strip()


def _ends_sentence(inner: str) -> bool:
    return inner.rstrip().endswith((".", "!", "?", "…"))


MAX_ATTRIBUTION = 80  # characters of "…,” tegas Shinta. “…”" between two quotations of one speaker


def _continued(text: str, quoted: list, speakers: list, i: int) -> str | None:
    """A quotation right after another's attribution in the same paragraph goes on with
    that speaker: "“Jika tidak, PHK bisa terjadi,” tegas Shinta. “Itu yang kami khawatirkan.”"."""
    if i == 0 or speakers[i - 1] is None:
        return None
    between = text[quoted[i - 1][1]:quoted[i][0]]
    if "\n" in between or len(between) > MAX_ATTRIBUTION or not between.rstrip().endswith((".", "!", "?")):
        return None
    return speakers[i - 1]


def _next_speaker(text: str, quoted: list, speakers: list, i: int) -> str | None:
    if i + 1 < len(quoted) and not text[quoted[i][1]:quoted[i + 1][0]].strip():
        return speakers[i + 1]
    return None


def _followed(v: View, pos: int, quoted: list[tuple[int, int]], said: list[tuple[int, str]] = ()) -> str | None:
    """The person the text is following at ``pos`` ("ujarnya", "kata dia"): the last
    speaker, unless a person has since become a sentence's subject ("Budi menambahkan …",
    "Menurut Budi …", a sentence opening with the name); without either, the last person
    named outside quotations."""
    last_said = max((x for x in said if x[0] <= pos), default=None)
    subject = _last_subject(v, pos, quoted, last_said[0] if last_said else 0)
    if subject is not None:
        return subject.entity.name
    if last_said is not None:
        return last_said[1]
    return v.name(v.last_before(pos, ("PER",), skip=quoted))


def _last_subject(v: View, pos: int, quoted: list[tuple[int, int]], since: int) -> Mention | None:
    """The last person after ``since`` and before ``pos`` who is a sentence's subject."""
    m = v.last_before(pos, ("PER",), skip=quoted)
    while m is not None and m.start >= since:
        if _is_subject(v, m, quoted):
            return m
        m = v.last_before(m.start, ("PER",), skip=quoted)
    return None


def _is_subject(v: View, m: Mention, quoted: list[tuple[int, int]]) -> bool:
    """Whether person ``m`` opens its sentence (only capitalised words, titles and opening
    words before it) or reports speech ("Budi, Kepala …, mengatakan")."""
    sp = speech()
    s0 = max([v.sentence_of(m.start)[0], v.own_sentence_of(m.start)[0], v.text.rfind("\n", 0, m.start) + 1,
              *(b for a, b in quoted if b <= m.start)])
    before = re.findall(r"[^\s,()]+", v.text[s0:m.start])
    connectors = lang.titles().connectors  # "Ketua Umum Kamar Dagang dan Industri (Kadin) …"
    if all(is_capitalised(w) or w.casefold().strip(".:") in sp.subject_lead or is_title_word(w.casefold())
           or (0 < i < len(before) - 1 and w in connectors) for i, w in enumerate(before)):
        return True
    if sp.passive.search(v.text[s0:m.start]):
        return True   # "Hal senada disampaikan ekonom Indef, Tauhid Ahmad."
    clause = re.split(r"[.;:!?“”\"]", v.text[m.end:m.end + 160], maxsplit=1)[0]
    verb = sp.reporting.search(clause)
    return verb is not None and not v.within(m.end, m.end + verb.start(), ("PER",))


def _after(v: View, end: int, quoted: list, roles: list[Role], said: list) -> str | None:
    """The speaker named by a speech verb right after the quotation ending at ``end``."""
    sp = speech()
    m = sp.after.match(v.text, end)
    if m and m.end() - end <= 4 + len(m.group(1)):
        if m.group(2):
            return _followed(v, end, quoted, said)
        return _named(v, m.end(), quoted, roles, said)
    m = sp.subject_verb.match(v.text, end)
    if m and m.start(1) - end <= 4:
        subject = m.group(1).strip()
        if subject.casefold() in sp.pronouns:
            return _followed(v, end, quoted, said)
        hit = v.starting_at(m.start(1))
        if hit is not None and hit.end <= m.end(1) + 1 and hit.type in ("PER", "ORG"):
            return hit.entity.name
    return None


def _named(v: View, pos: int, quoted: list, roles: list[Role], said: list) -> str | None:
    """Who the words after a speech verb name: a person, a title, an account, a pronoun."""
    sp = speech()
    text = v.text
    tail = re.split(r"[;:!?\n]|\.(?:\s|$)", text[pos:pos + 300], maxsplit=1)[0]
    toks = list(re.finditer(r"\([^()]*\)|,|[^\s,]+", tail))
    if toks and toks[0].group().casefold() in sp.pronouns:
        return _followed(v, pos, quoted, said)
    if toks and toks[0].group().casefold() in sp.describers:
        return _described(v, pos, tail, quoted, said)
    if (named := _after_description(v, pos, toks)) is not None:
        return named
    if (named := _after_occupation(v, pos, toks)) is not None:
        return named
    # the leading stretch of names, titles and account words
    stop = pos
    best_per, best_org = None, None
    for n, t in enumerate(toks):
        word = t.group()
        if word == ",":
            if n + 1 < len(toks) and is_capitalised(toks[n + 1].group()):
                continue
            break
        s = pos + t.start()
        hit = v.covering(s)
        if hit is not None:
            if hit.type == "PER" and best_per is None:
                best_per = hit
            elif hit.type == "ORG" and hit.entity.name.casefold() not in sp.platforms:
                best_org = hit
            stop = pos + t.end()
            continue
        if is_capitalised(word) or word.startswith("(") or word.casefold() in sp.lead or \
                is_title_word(word.casefold()):
            stop = pos + t.end()
            continue
        break
    phrase = text[pos:stop].strip()
    described = best_per is None and phrase and phrase.split()[-1].casefold() in lang.titles().anaphors \
        and is_title_word(toks[0].group().casefold())
    if described:  # "lanjut mantan Direktur Pelaksana Bank Dunia itu": the person described
        return person_by_title(phrase, roles) or _followed(v, pos, quoted, said)
    if best_per is not None:
        return best_per.entity.name
    if best_org is not None:
        return best_org.entity.name
    if not phrase:
        return None
    if _is_title(phrase):
        return person_by_title(phrase, roles) or _followed(v, pos, quoted, said)
    return _by_name(v, phrase)


MAX_DESCRIPTION = 9  # words between a speech verb and the comma before the speaker's name


def _after_description(v: View, pos: int, toks: list[re.Match]) -> str | None:
    """A speaker described first and named after a comma: "kata seorang warga, Siti
    Aminah", "ujar warga lainnya, Budi, kepada wartawan", "kata Ketua RT setempat, Joko":
    the person named right after the first comma, when no person comes before it."""
    comma = next((n for n, t in enumerate(toks[:MAX_DESCRIPTION + 1]) if t.group() == ","), None)
    if not comma or comma + 1 >= len(toks):
        return None
    if any((hit := v.covering(pos + t.start())) is not None and hit.type == "PER" for t in toks[:comma]):
        return None
    hit = v.covering(pos + toks[comma + 1].start())
    return hit.entity.name if hit is not None and hit.type == "PER" else None


MAX_OCCUPATION = 3  # lower-case words of an occupation between a speech verb and the name


def _after_occupation(v: View, pos: int, toks: list[re.Match]) -> str | None:
    """A speaker named after a lower-case description of what they do, no comma between:
    "kata pedagang Siti Aminah", "kata pedagang sayur Siti" (a title's head has its own
    rule); not after a word that describes no speaker ("kata kepada wartawan …")."""
    sp = speech()
    n = 0
    while n < min(len(toks), MAX_OCCUPATION) and toks[n].group().islower() and toks[n].group().isalpha() \
            and toks[n].group() not in sp.not_describing and toks[n].group() not in sp.pronouns:
        n += 1
    if n == 0 or n >= len(toks):
        return None
    hit = v.covering(pos + toks[n].start())
    return hit.entity.name if hit is not None and hit.type == "PER" and hit.start == pos + toks[n].start() else None


def _described(v: View, pos: int, tail: str, quoted: list, said: list) -> str | None:
    """A speaker described, not named: "ungkap pria yang karib disapa Ucok" (the person of
    that nickname), "kata perempuan kelahiran Medan itu" (the person the text follows)."""
    nick = speech().nickname.search(tail)
    if nick is not None:
        hit = v.covering(pos + nick.end())
        if hit is not None and hit.type == "PER":
            return hit.entity.name
        name = re.match(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*", tail[nick.end():])
        if name and _by_name(v, name.group(), alone=True):
            return _by_name(v, name.group(), alone=True)
    return _followed(v, pos, quoted, said)


def _by_name(v: View, phrase: str, alone: bool = False) -> str | None:
    """A speaker the NER did not tag: the person whose name holds these words ("Budi" →
    "Budi Santoso"), else the capitalised name itself."""
    words = [w for w in phrase.split() if is_capitalised(w) and w.isalpha()][:4]
    if not words or words != phrase.split()[:len(words)]:
        return None
    said = " ".join(words)
    for m in v.mentions:
        if m.type == "PER" and any(f" {said} " in f" {n} " for n in [m.entity.name, *m.entity.aliases]):
            return m.entity.name
    return said if len(words) >= 2 and not alone else None


def _is_title(phrase: str) -> bool:
    return is_title_word(phrase.split()[0].casefold())


def _before(v: View, start: int, quoted: list, said: list) -> str | None:
    """The speaker named before the quotation in its sentence: "Menurut X, …", "X
    mengatakan …"."""
    sp = speech()
    s0 = v.sentence_of(start)[0]
    prev_end = max((b for a, b in quoted if b <= start), default=0)
    seg_start = max(s0, prev_end)
    seg = v.text[seg_start:start]
    if not seg.strip():
        return None
    if sp.according_followed.search(seg):   # "Menurutnya, “…”", "Menurut dia, “…”": the person the text follows
        return _followed(v, start, quoted, said)
    colon = re.search(r":\s*$", seg)
    if colon:  # "Rudi: “…”": the person named right before the colon
        hit = v.last_before(seg_start + colon.start() + 1, ("PER",))
        if hit is not None and not v.text[hit.end:seg_start + colon.start()].strip():
            return hit.entity.name
    acc = None
    for acc in sp.according.finditer(seg):
        pass
    if acc is not None:
        hit = _first(v, seg_start + acc.end(), start)
        if hit is not None:
            return hit.entity.name
    verb = None
    for verb in sp.reporting.finditer(seg):
        pass
    if verb is None:
        return None
    before_verb = seg_start + verb.start()
    words_before = v.text[seg_start:before_verb].split()
    if words_before and words_before[-1].casefold() in sp.pronouns:
        return _followed(v, start, quoted, said)
    hit = _first(v, seg_start, before_verb)
    return hit.entity.name if hit else None


def _first(v: View, a: int, b: int) -> Mention | None:
    """The first person, else the first organisation, named in ``[a, b)``."""
    inside = v.within(a, b, ("PER", "ORG"))
    per = [m for m in inside if m.type == "PER"]
    return (per or inside or [None])[0]
