"""Entity resolution across articles: one KB entity per real thing.

Input: the entities of every article (each already consolidated within its article by
``nlp.harvest``: a name, a type, aliases).  Output: groups of them, each a KB entity with
its fullest name, every alias with its count and articles, and the merges that made it,
each with the rule that fired (``warta entity X --why`` shows them).

Rules, in order (all within one entity type):

1. ``exact``: the same name or alias after normalisation (case, punctuation, honorifics,
   company-form words such as PT/Tbk/RI from ``lang/id/kb.yaml``);
2. ``acronym``: an acronym one article defines ("Kemenperin" for "Kementerian
   Perindustrian") names the same thing in another — unless the acronym is ambiguous
   (defined for two different full names in the KB), when it links nothing;
3. ``short_name``: a person's shorter name ("Budi Santoso") is the longer one ("Budi
   Santoso Wirawan") when exactly one longer name fits and the two share context (an
   organisation or place named in both their articles); single words never merge across
   articles ("Budi" alone is too common);
4. ``spelling``: rapidfuzz similarity of the normalised names >= ``SPELLING_THRESHOLD``
   (measured: see docs/kb.md), for names of at least ``SPELLING_MIN_LEN`` characters that
   share their first letter and a blocking key: their first or their last
   ``SPELLING_BLOCK`` characters (a pair that differs in both has two typos at least).

``kb.incremental`` resolves new mentions against the stored entities with the same rules,
finding the entities a mention may join by index look-ups (``link_keys``, ``prefix_keys``,
``spelling_blocks``) instead of comparing it with every entity.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from .. import lang
from ..unionfind import UnionFind
from ..words import name_key

SPELLING_THRESHOLD = 92.0
SPELLING_MIN_LEN = 8
SPELLING_BLOCK = 4    # characters of a name's start or end that a spelling variant keeps
MERGE_ARTICLES = 10  # articles kept with a merge record (its count says how often it fired)
ALIAS_ARTICLES = 50  # articles stored with an alias: its first ones (its count says how many)


@dataclass(frozen=True)
class Mention:
    """One article's entity, as stored (``key`` is its row id)."""

    key: int
    article: int
    name: str
    type: str
    aliases: tuple[str, ...] = ()


@dataclass
class Resolved:
    name: str
    type: str
    members: list[int] = field(default_factory=list)              # Mention keys
    aliases: dict[str, tuple[int, set[int]]] = field(default_factory=dict)  # alias -> (count, articles)
    merges: list[dict] = field(default_factory=list)
    names: dict[str, int] = field(default_factory=dict)  # name -> its members named so (not only aliased)


def normalise(name: str, type_: str) -> str:
    """The comparison key of a name: lower case, no punctuation, no noise words."""
    noise = lang.load("kb")["name_noise"].get(type_, ())
    return name_key(name, noise) or name_key(name)


def without_title(name: str) -> str:
    """A name asked for with a title before it, without the title: "Menperin Budi" →
    "Budi", "Direktur Utama Rina Hartono" → "Rina Hartono" (title words from
    ``lang/id/titles.yaml``; a name that is all title is kept as it is)."""
    t = lang.titles()
    heads = t.one_word_heads | set(lang.load("kb")["name_noise"].get("PER", ()))
    title_words = heads | t.words
    words = name.split()
    if not words or words[0].casefold().rstrip(".,") not in heads:  # "Logam Sulawesi" is no title
        return name
    i = 0
    while i < len(words) - 1 and words[i].casefold().rstrip(".,") in title_words:
        i += 1
    return " ".join(words[i:])


def is_acronym(form: str, name: str) -> bool:
    """Whether ``form`` is an acronym of ``name``: one word standing for several
    ("BKPM", "Kemenperin" for "Kementerian Perindustrian")."""
    return form != name and " " not in form.strip() and " " in name.strip()


def _Union(n: int) -> UnionFind[int]:  # noqa: N802 — kb.stories still imports this name
    """A union-find over ``range(n)`` (use ``warta.unionfind.UnionFind`` directly)."""
    return UnionFind(range(n))


def resolve(mentions: list[Mention], context: dict[int, set[str]] | None = None) -> list[Resolved]:
    """Group the articles' entities into KB entities (see the module docstring).
    ``context``: per article, the normalised names of its organisations and places (by
    default taken from ``mentions``; ``kb.incremental`` passes them for a subset)."""
    uf: UnionFind[int] = UnionFind(range(len(mentions)))
    why: list[tuple[int, int, str, str]] = []

    def join(a: int, b: int, rule: str, detail: str) -> None:
        if uf.union(*sorted((uf.find(a), uf.find(b)))):  # a group's root is its first mention
            why.append((a, b, rule, detail))

    _exact_and_acronyms(mentions, join)
    _short_names(mentions, uf, join, context)
    _spelling(mentions, uf, join)
    return _groups(mentions, uf, why)


def _exact_and_acronyms(mentions: list[Mention], join) -> None:
    by_key: dict[tuple[str, str], tuple[int, bool]] = {}
    acronym_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    for i, m in enumerate(mentions):
        full = normalise(m.name, m.type)
        for alias in m.aliases:
            if is_acronym(alias, m.name):
                acronym_of[(m.type, normalise(alias, m.type))].add(full)
    for i, m in enumerate(mentions):
        for form in (m.name, *m.aliases):
            key = (m.type, normalise(form, m.type))
            if form != m.name and m.type == "PER" and " " not in key[1]:
                continue  # a one-word alias of a person links nothing across articles
            short = is_acronym(form, m.name)
            if short and len(acronym_of.get(key, ())) > 1:
                continue  # an ambiguous acronym
            if key in by_key:
                j, first_short = by_key[key]
                rule = "acronym" if short or first_short else "exact"
                join(j, i, rule, f"'{form}' ({m.type}) also names '{mentions[j].name}'")
            else:
                by_key[key] = (i, short)


def _context(mentions: list[Mention]) -> dict[int, set[str]]:
    """Per article, the normalised names of its organisations and places."""
    ctx: dict[int, set[str]] = defaultdict(set)
    for m in mentions:
        if m.type in ("ORG", "LOC"):
            ctx[m.article].add(normalise(m.name, m.type))
    return ctx


def _short_names(mentions: list[Mention], uf: UnionFind[int], join, context=None) -> None:
    ctx = _context(mentions) if context is None else defaultdict(set, context)
    people: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        if m.type == "PER":
            people[normalise(m.name, "PER")].append(i)
    names = list(people)
    for short in names:
        words = short.split()
        if len(words) < 2:
            continue
        longer = [n for n in names if n != short and _is_word_prefix(words, n.split())]
        roots = {uf.find(people[n][0]) for n in longer}
        if len(roots) != 1:
            continue
        target = longer[0]
        shared = _shared_context(people[short], people[target], mentions, ctx)
        if shared:
            join(people[target][0], people[short][0], "short_name",
                 f"'{mentions[people[short][0]].name}' is the shorter form of "
                 f"'{mentions[people[target][0]].name}' (both with {shared})")


def _is_word_prefix(words: list[str], longer: list[str]) -> bool:
    return len(longer) > len(words) and longer[: len(words)] == words


def _shared_context(a: list[int], b: list[int], mentions: list[Mention], ctx) -> str | None:
    around_a = set().union(*(ctx[mentions[i].article] for i in a))
    around_b = set().union(*(ctx[mentions[i].article] for i in b))
    common = sorted(around_a & around_b)
    return f"'{common[0]}'" if common else None


def spelling_blocks(key: str) -> tuple[str, str]:
    """The two blocks of a normalised name: its first ``SPELLING_BLOCK`` characters, and its
    first letter with its last ``SPELLING_BLOCK`` characters."""
    return key[:SPELLING_BLOCK], key[0] + "\x00" + key[-SPELLING_BLOCK:]


def _spelling(mentions: list[Mention], uf: UnionFind[int], join) -> None:
    by_type: dict[str, dict[str, int]] = defaultdict(dict)
    for i, m in enumerate(mentions):
        key = normalise(m.name, m.type)
        if len(key) >= SPELLING_MIN_LEN:
            by_type[m.type].setdefault(key, i)
    for type_, keys in by_type.items():
        blocks: dict[str, list[str]] = defaultdict(list)
        for k in keys:
            for b in spelling_blocks(k):
                blocks[b].append(k)
        pairs: dict[tuple[str, str], float] = {}
        for block in blocks.values():
            if len(block) < 2:
                continue
            scores = process.cdist(block, block, scorer=fuzz.ratio, score_cutoff=SPELLING_THRESHOLD)
            for x, y in zip(*scores.nonzero()):
                if keys[block[x]] < keys[block[y]]:
                    pairs[(block[x], block[y])] = float(scores[x, y])
        for (kx, ky), score in sorted(pairs.items(), key=lambda p: (keys[p[0][0]], keys[p[0][1]])):
            a, b = keys[kx], keys[ky]
            join(a, b, "spelling", f"'{mentions[b].name}' ~ '{mentions[a].name}' "
                 f"(similarity {score:.0f})")


def link_keys(m: Mention) -> list[str]:
    """The normalised forms by which ``m`` can join another article's entity (the ``exact``
    and ``acronym`` rules: a person's one-word alias links nothing)."""
    out = []
    for form in (m.name, *m.aliases):
        key = normalise(form, m.type)
        if form != m.name and m.type == "PER" and " " not in key:
            continue
        out.append(key)
    return out


def prefix_keys(key: str) -> list[str]:
    """The shorter names of a person's normalised name that the ``short_name`` rule may
    join to it: its first two or more words ("budi santoso" of "budi santoso wirawan")."""
    words = key.split()
    return [" ".join(words[:i]) for i in range(2, len(words))]


def _groups(mentions: list[Mention], uf: UnionFind[int], why) -> list[Resolved]:
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        members[uf.find(i)].append(i)
    merges: dict[int, list[dict]] = defaultdict(list)
    same: dict[tuple, dict] = {}  # one record per name, target and rule, however often it fired
    for a, b, rule, detail in why:
        key = (uf.find(a), mentions[b].name, mentions[a].name, rule)
        if key in same:
            same[key]["count"] += 1
            if len(same[key]["articles"]) < MERGE_ARTICLES:
                same[key]["articles"].append(mentions[b].article)
            continue
        same[key] = {"name": mentions[b].name, "into": mentions[a].name, "rule": rule,
                     "detail": detail, "article": mentions[b].article, "count": 1,
                     "articles": [mentions[b].article]}
        merges[key[0]].append(same[key])
    out = []
    for root, idx in sorted(members.items()):
        group = [mentions[i] for i in idx]
        res = Resolved(name=_fullest(group), type=group[0].type, members=[m.key for m in group],
                       merges=merges.get(root, []))
        counts: Counter[str] = Counter()
        seen: dict[str, set[int]] = defaultdict(set)
        for m in group:
            for form in (m.name, *m.aliases):
                counts[form] += 1
                seen[form].add(m.article)
        res.aliases = {form: (counts[form], seen[form]) for form in counts}
        res.names = dict(Counter(m.name for m in group))
        out.append(res)
    return out


def _fullest(group: list[Mention]) -> str:
    """The fullest form: most words, then most used, then alphabetical."""
    counts = Counter(m.name for m in group)
    return max(counts, key=lambda n: (len(n.split()), counts[n], len(n), [-ord(c) for c in n]))
