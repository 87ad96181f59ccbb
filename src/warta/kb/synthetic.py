"""Synthetic Documents for scale tests and benchmarks: realistic KB shapes without NLP.

``corpus(n, seed)`` makes ``n`` Documents as the NLP stage would hand them to the KB:
thousands of distinct people, companies and places drawn from the DBpedia name lists
(``lang/id/gazetteer.tsv``) with a Zipf-like frequency, grouped in stories of 1–6 articles
by different outlets over five years, each story with money figures that its articles
state alike or, now and then, differently (a conflict).  The words around the figures are
the measure words of ``lang/id/measures.yaml``; the filler words come from the bundled
sample corpus.  Nothing is analysed: the Documents go straight to the store, so a
benchmark over them measures the knowledge base, not the NER model.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import random
import re
from collections.abc import Iterator
from importlib import resources

from .. import lang
from ..model import Document, Entity, Money, TimeValue

START = dt.date(2021, 1, 1)
DAYS = 5 * 365
SIZES = (1, 2, 3, 4, 5, 6)
SIZE_WEIGHTS = (40, 25, 15, 10, 6, 4)
OUTLETS = 24
CONFLICT = 0.15   # chance that an article states a figure differently from its story


@functools.cache
def _names() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"PER": [], "ORG": [], "LOC": []}
    path = resources.files("warta").joinpath("lang", "id", "gazetteer.tsv")
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        name, type_ = line.split("\t")[:2]
        if type_ in out and re.fullmatch(r"[A-Z][\w .'-]+", name) and len(name) < 40:
            out[type_].append(name)
    return out


@functools.cache
def _filler() -> list[str]:
    words: set[str] = set()
    for f in resources.files("warta").joinpath("data", "sample").iterdir():
        if f.name.endswith(".txt"):
            words |= set(re.findall(r"\b[a-z]{4,12}\b", f.read_text(encoding="utf-8")))
    return sorted(words)


@functools.cache
def _money_words() -> list[str]:
    spec = lang.load("measures")["measures"]
    return sorted(w for m in spec.values() if "money" in m.get("kinds", ()) for w in m.get("words", ())
                  if " " not in w)[:40]


class _Zipf:
    """Draws items with weight 1/rank**s (rank from 1), by bisection on the cumulative weights."""

    def __init__(self, items: list[str], rng: random.Random, s: float = 1.07):
        self.items = items
        total, self.cum = 0.0, []
        for r in range(1, len(items) + 1):
            total += 1.0 / r ** s
            self.cum.append(total)
        self.rng = rng

    def draw(self) -> str:
        import bisect
        return self.items[bisect.bisect_left(self.cum, self.rng.random() * self.cum[-1])]


def _rupiah(amount: float) -> str:
    return "Rp" + f"{int(amount):,}".replace(",", ".")


def _pools(rng: random.Random, n: int) -> dict[str, _Zipf]:
    """Name pools sized to the corpus: about one person per 3 articles (at least 3,000)."""
    names = _names()
    sizes = {"PER": max(3000, n // 3), "ORG": max(1500, n // 8), "LOC": max(800, n // 20)}
    out = {}
    for type_, size in sizes.items():
        pool = names[type_][:]
        rng.shuffle(pool)
        out[type_] = _Zipf(pool[:size], rng)
    return out


def corpus(n: int, seed: int = 16, start: int = 0) -> list[Document]:
    """``n`` synthetic Documents (ids from ``start``), deterministic for ``seed``."""
    return list(generate(n, seed, start))


def generate(n: int, seed: int = 16, start: int = 0, pool: int | None = None) -> Iterator[Document]:
    """The Documents of ``corpus(n, seed, start)`` one at a time, so a KB of a million
    articles is written without holding them all; ``pool``: the corpus size the name
    pools are drawn for (default ``n + start``), so that the articles after a KB of N
    (``itertools.islice(generate(N + k, pool=N), N, None)``) are drawn as its own were.

    >>> [d.source for d in generate(2, seed=1)] == [d.source for d in corpus(2, seed=1)]
    True
    """
    rng = random.Random(seed)
    pools = _pools(random.Random(seed), max(pool or n + start, 1000))
    made, story = 0, 0
    while made < n:
        story += 1
        for doc in _story(rng, pools, story, start + made)[:n - made]:
            made += 1
            yield doc


def _story(rng: random.Random, pools: dict[str, _Zipf], story: int, first: int) -> list[Document]:
    size = rng.choices(SIZES, SIZE_WEIGHTS)[0]
    day = START + dt.timedelta(days=rng.randrange(DAYS))
    cast = [("ORG", pools["ORG"].draw()), ("PER", pools["PER"].draw()), ("LOC", pools["LOC"].draw())]
    cast += [(t, pools[t].draw()) for t in rng.sample(["ORG", "PER", "PER", "LOC"], rng.randint(0, 2))]
    cast = list(dict.fromkeys(cast))
    figures = [(rng.choice(_money_words()), rng.randint(11, 999) * 10 ** rng.randint(8, 11))
               for _ in range(rng.randint(1, 3))]
    outlets = rng.sample(range(OUTLETS), size)
    return [_article(rng, first + i, story, outlet, day + dt.timedelta(days=rng.randint(0, 2)), day, cast, figures)
            for i, outlet in enumerate(outlets)]


def _article(rng: random.Random, i: int, story: int, outlet: int, published: dt.date, day: dt.date,
             cast: list[tuple[str, str]], figures: list[tuple[str, int]]) -> Document:
    filler = _filler()
    parts: list[str] = []
    entities: dict[str, Entity] = {}
    money: list[Money] = []
    dates: list[TimeValue] = []
    pos = 0

    def say(piece: str) -> int:
        nonlocal pos
        parts.append(piece)
        at = pos
        pos += len(piece)
        return at

    def name(type_: str, who: str) -> None:
        at = say(who)
        e = entities.setdefault(who, Entity(f"e{len(entities) + 1}", who, type_, [], []))
        e.mentions.append((at, at + len(who)))

    for type_, who in rng.sample(cast, len(cast)):
        name(type_, who)
        say(" " + " ".join(rng.choices(filler, k=rng.randint(6, 12))) + ". ")
    head = cast[0][1]
    for word, amount in figures:
        if rng.random() < 0.2:
            continue
        value = amount * 1.3 if rng.random() < CONFLICT else amount
        name("ORG", head)
        say(f" {word} ")
        written = _rupiah(value)
        at = say(written)
        money.append(Money(written, float(int(value)), "IDR", (at, at + len(written)), "exact", idr=float(int(value))))
        say(" " + " ".join(rng.choices(filler, k=rng.randint(3, 8))) + ". ")
    written = day.strftime("%d/%m/%Y")
    at = say(f"({written})")
    dates.append(TimeValue(written, day.isoformat(), "day", (at, at + len(written))))
    say(" " + " ".join(rng.choices(filler, k=rng.randint(20, 60))) + ".")
    text = "".join(parts)
    return Document(source=f"synthetic://{outlet}/{i}", title=f"{head} {story}", outlet=f"outlet{outlet}.id",
                    published=published, language="id", text=text, entities=list(entities.values()),
                    money=money, dates=dates)


def digest(doc: Document) -> str:
    """A content hash for a synthetic Document (its source and text)."""
    return hashlib.sha256(f"{doc.source}\x00{doc.text}".encode()).hexdigest()
