"""Near-duplicates and stories: which articles report the same event.

Two articles are compared when they share a rare entity or their texts are similar
(MinHash LSH), never all pairs.  Their score adds up the evidence:

* shared entities, each weighted by its rarity in the KB (idf), as a weighted Jaccard (the
  organisations an article's roles name count as its entities here);
* shared figures (the same amount in the same currency or unit, or one outlet's figure
  rounded to fewer digits: "5,022%" and "5,02%") and shared dated days;
* text similarity (estimated Jaccard of word shingles).

A pair scoring ``SAME_STORY`` or more, published at most ``MAX_GAP_DAYS`` apart, is linked
as the same story; stories are the connected groups (union-find).  A pair with the same
content hash is a ``duplicate``; text similarity >= ``textsim.NEAR_DUPLICATE`` is a
``near_duplicate`` (the same story, within ``MAX_STORY_DAYS``; texts dated to the day further
apart are not judged, ``text_pair``).  Thresholds are measured on the gold
clusters of ../shared (see docs/kb.md).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import textsim
from ..unionfind import UnionFind

SAME_STORY = 0.25    # measured (docs/kb.md): same-story pairs score >= 0.285, other pairs <= 0.20
MAX_GAP_DAYS = 7
W_FIGURE = 0.12      # per shared figure, at most 3 counted
W_DATE = 0.08        # per shared day, at most 2 counted
W_TEXT = 0.6         # times the text similarity
MIN_PERCENT_DIGITS = 2  # a shared percentage counts when written this precisely ("5,51%", not "5%")
MIN_ROUNDED_DIGITS = 3  # a rounded figure ties when it keeps this many digits ("5,02%" for "5,022%")
MAX_STORY_DAYS = 14  # the articles of one story, dated to the day, are at most this far apart
BUCKET_DAYS = 2 * MAX_STORY_DAYS + 1  # the LSH bands are filed by periods as long as the window of
# ``text_pair`` (``text_bucket``), so an article's window lies in at most two of them…
WIDE = -1           # …and those of the articles not dated to the day under this bucket
RARE_DF = 0.05       # an entity in more than this share of articles does not make a candidate pair…
RARE_MIN = 8         # …unless it is in at most this many (a small KB: one agency in four articles)
RARE_MAX = 1000      # …and never one in more than this many: in a KB of a million articles an
# entity in 2 % of them is no evidence alone (its idf is low), and its articles of one week
# are hundreds; figures, text and the story's rarer names still find its stories


@dataclass
class Features:
    """What one article brings to story detection."""

    id: int
    published: dt.date | None
    content_hash: str
    entities: set[int] = field(default_factory=set)
    figures: set[tuple] = field(default_factory=set)
    days: set[str] = field(default_factory=set)
    minhash: bytes | None = None
    precision: str | None = "day"   # of ``published``: day, month or year
    # organisations its roles name ("Menteri Keuangan" → Kementerian Keuangan), as entity
    # ids: weighed with the entities when two articles are judged, never a candidate key
    orgs: set[int] = field(default_factory=set)

    def period(self) -> tuple[dt.date, dt.date] | None:
        """The days ``published`` may stand for: one day, a whole month or a whole year."""
        d = self.published
        if d is None:
            return None
        if self.precision == "year":
            return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)
        if self.precision == "month":
            nxt = dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)
            return dt.date(d.year, d.month, 1), nxt - dt.timedelta(days=1)
        return d, d


def gap_days(a: Features, b: Features) -> int | None:
    """Days between two publication dates (0 when their periods overlap), None if unknown."""
    pa, pb = a.period(), b.period()
    if pa is None or pb is None:
        return None
    return max(0, (max(pa[0], pb[0]) - min(pa[1], pb[1])).days)


@dataclass(frozen=True)
class Link:
    a: int
    b: int
    kind: str          # duplicate | near_duplicate | same_story
    score: float
    reasons: dict


def links(articles: list[Features]) -> list[Link]:
    """The duplicate, near-duplicate and same-story links between ``articles``."""
    by_id = {a.id: a for a in articles}
    idf = _idf(articles)
    textual = {p: t for p, t in textsim.similar_pairs({a.id: a.minhash for a in articles}, threshold=0.3).items()
               if text_pair(by_id[p[0]], by_id[p[1]])}
    out = []
    for a, b in sorted(_candidates(articles, idf) | set(textual)):
        link = _judge(by_id[a], by_id[b], idf, textual.get((a, b)))
        if link:
            out.append(link)
    return out


def text_pair(a: Features, b: Features) -> bool:
    """Whether two articles whose texts are LSH candidates are judged: not when both are
    dated to the day more than ``MAX_STORY_DAYS`` apart.  Such a pair can only be a
    near-duplicate (a same-story link needs ``MAX_GAP_DAYS``; a duplicate, the same raw
    text and metadata, has the same date), and ``stories`` never joins one; leaving it
    out keeps every text candidate inside a window, which ``kb.incremental`` asks the
    band index for by period (``text_bucket``) instead of over the KB's whole history."""
    if not (dated_to_day(a.published, a.precision) and dated_to_day(b.published, b.precision)):
        return True
    return abs((a.published - b.published).days) <= MAX_STORY_DAYS


def dated_to_day(published: dt.date | None, precision: str | None) -> bool:
    """Whether an article is dated to the day (no precision given: a day, as everywhere)."""
    return published is not None and precision in (None, "day")


def text_bucket(published: dt.date | None, precision: str | None) -> int:
    """The period an article's LSH bands are filed under (``minhash_bands.bucket``): its
    publication day's ordinal over ``BUCKET_DAYS``, or ``WIDE`` when it is not dated to
    the day (undated, or a month or a year), whose articles every article is asked with.

    >>> text_bucket(dt.date(2025, 10, 14), "day"), text_bucket(dt.date(2025, 10, 1), "month")
    (25501, -1)
    """
    if not dated_to_day(published, precision):
        return WIDE
    return published.toordinal() // BUCKET_DAYS


def text_buckets(f: Features, first: int, last: int) -> list[int]:
    """The buckets holding the articles ``f``'s text may be judged with (``text_pair``):
    the one or two of its day ± ``MAX_STORY_DAYS`` and ``WIDE``; for an article not dated
    to the day, every bucket from ``first`` to ``last`` (the KB's)."""
    if not dated_to_day(f.published, f.precision):
        return [WIDE, *range(first, last + 1)]
    span = dt.timedelta(days=MAX_STORY_DAYS)
    return [WIDE, *range(text_bucket(f.published - span, "day"), text_bucket(f.published + span, "day") + 1)]


def stories(ids: Iterable[int], found: list[Link],
            days: dict[int, dt.date] | None = None) -> list[list[int]]:
    """Connected groups of articles (each article in exactly one story, maybe alone).

    Duplicates (the same content) always join.  Near-duplicate and same-story links join
    strongest first, and only while the story's articles dated to the day (``days``) stay within
    ``MAX_STORY_DAYS`` of each other: a chain of links must not make a month of news
    about one company a single story."""
    ids = sorted(ids)
    pos = {a: i for i, a in enumerate(ids)}
    uf = UnionFind(range(len(ids)))
    days = days or {}
    span: dict[int, tuple[dt.date, dt.date]] = {pos[a]: (d, d) for a, d in days.items() if a in pos}
    order = sorted(found, key=lambda l: (l.kind == "same_story", -l.score))
    for link in order:
        ra, rb = uf.find(pos[link.a]), uf.find(pos[link.b])
        if ra == rb:
            continue
        both = [span[r] for r in (ra, rb) if r in span]
        merged = (min(x[0] for x in both), max(x[1] for x in both)) if both else None
        if link.kind != "duplicate" and merged and (merged[1] - merged[0]).days > MAX_STORY_DAYS:
            continue
        uf.union(ra, rb)
        if merged:
            span[uf.find(ra)] = merged
    groups: dict[int, list[int]] = defaultdict(list)
    for a in ids:
        groups[uf.find(pos[a])].append(a)
    return sorted(groups.values(), key=lambda g: g[0])


def significant_digits(value: float) -> int:
    """Significant digits of a figure: 5.51 -> 3, 0.07 -> 1, 12e12 -> 2.

    >>> significant_digits(5.51), significant_digits(0.07), significant_digits(12e12)
    (3, 1, 2)
    """
    digits = f"{abs(value):.6g}".split("e")[0].replace(".", "").strip("0")
    return len(digits)


def rounds_to(precise: float, written: float) -> bool:
    """``written`` is ``precise`` rounded to the digits ``written`` shows: 5.022 -> 5.02,
    1.437e12 -> 1.44e12, but not 5.022 -> 5.03.  (How few digits may still tie two
    articles is ``shared_figures``' rule.)

    >>> rounds_to(5.022, 5.02), rounds_to(1.437e12, 1.44e12), rounds_to(5.022, 5.03)
    (True, True, False)
    """
    digits = significant_digits(written)
    if not precise or not written or digits >= significant_digits(precise):
        return False
    unit = 10.0 ** (math.floor(math.log10(abs(written))) - digits + 1)
    return abs(precise - written) <= unit / 2 * (1 + 1e-9)


def shared_figures(a: set[tuple], b: set[tuple]) -> set[tuple]:
    """The figures two articles share (``precise_figure`` ones): the same value of one
    kind and unit, or one outlet's value rounded to fewer digits (at least
    ``MIN_ROUNDED_DIGITS``) than the other's.  Each figure of ``b`` ties at most one."""
    same = {f for f in a & b if precise_figure(f)}
    rest: dict[tuple, list[tuple]] = defaultdict(list)
    for g in sorted(b - a):
        if precise_figure(g):
            rest[g[:2]].append(g)
    for f in sorted(a - b):
        for g in rest.get(f[:2], ()):
            lo, hi = sorted((f[2], g[2]), key=significant_digits)
            if significant_digits(lo) >= MIN_ROUNDED_DIGITS and rounds_to(hi, lo) and precise_figure(f):
                same.add(f)
                rest[f[:2]].remove(g)
                break
    return same


def _idf(articles: list[Features]) -> dict[int, float]:
    df: dict[int, int] = defaultdict(int)
    for a in articles:
        for e in a.entities:
            df[e] += 1
    n = max(len(articles), 1)
    return {e: math.log(1 + n / c) for e, c in df.items()}


def _candidates(articles: list[Features], idf: dict[int, float]) -> set[tuple[int, int]]:
    """Pairs worth judging: articles that share a rare entity or a precise figure (held by at
    most ``rare_limit`` articles: ``RARE_DF`` of the KB, between ``RARE_MIN`` and
    ``RARE_MAX``) and are published at most ``MAX_GAP_DAYS`` apart (or undated) — pairs further apart can only be near-duplicates,
    which the text candidates (LSH) find.  ``kb.incremental`` looks up the same pairs for
    new articles through the database's indexes."""
    limit = rare_limit(len(articles))
    posting: dict[object, list[Features]] = defaultdict(list)
    for a in articles:
        for key in candidate_keys(a):
            posting[key].append(a)
    pairs: set[tuple[int, int]] = set()
    for group in posting.values():
        if 2 <= len(group) <= limit:
            pairs |= _within_window(group)
    return pairs


def rare_limit(total: int) -> int:
    """How many articles of a KB of ``total`` an entity or a figure may be in and still
    make candidate pairs: ``RARE_DF`` of them, at least ``RARE_MIN``, at most ``RARE_MAX``.

    >>> rare_limit(100), rare_limit(10_000), rare_limit(1_000_000)
    (8, 500, 1000)
    """
    return max(RARE_MIN, min(int(RARE_DF * total), RARE_MAX))


def candidate_keys(a: Features) -> list[object]:
    """What an article is looked up by: its entities and its precise figures."""
    return [*a.entities, *(("figure", *f) for f in a.figures if precise_figure(f))]


def precise_figure(f: tuple) -> bool:
    """A figure that can tie two articles: any amount, a percentage written to 2+ digits."""
    return f[0] != "percent" or significant_digits(f[2]) >= MIN_PERCENT_DIGITS


def _within_window(group: list[Features]) -> set[tuple[int, int]]:
    """The pairs of ``group`` whose publication periods are at most ``MAX_GAP_DAYS`` apart;
    an undated article pairs with every other (sorted by start, so the scan stops early)."""
    undated = sorted(a.id for a in group if a.period() is None)
    dated = sorted(((a.period(), a.id) for a in group if a.period() is not None))
    pairs = {(min(x, y), max(x, y)) for x in undated for y in (a.id for a in group) if x != y}
    gap = dt.timedelta(days=MAX_GAP_DAYS)
    for i, ((_, end), x) in enumerate(dated):
        for (start, _), y in dated[i + 1:]:
            if start > end + gap:
                break
            pairs.add((min(x, y), max(x, y)))
    return pairs


def judge(a: Features, b: Features, idf: dict[int, float], text: float | None = None) -> Link | None:
    """The link between two articles, if any (``kb.incremental`` judges new pairs with it)."""
    return _judge(a, b, idf, text)


def _judge(a: Features, b: Features, idf: dict[int, float], text: float | None) -> Link | None:
    pair = (min(a.id, b.id), max(a.id, b.id))
    if a.content_hash == b.content_hash:
        return Link(*pair, "duplicate", 1.0, {"content_hash": a.content_hash[:12]})
    if text is None and a.minhash and b.minhash:
        text = textsim.jaccard(a.minhash, b.minhash)
    text = text or 0.0
    if text >= textsim.NEAR_DUPLICATE:
        return Link(*pair, "near_duplicate", round(text, 3), {"text": round(text, 3)})
    gap = gap_days(a, b)
    if gap is not None and gap > MAX_GAP_DAYS:
        return None
    ea, eb = a.entities | a.orgs, b.entities | b.orgs
    shared, union = ea & eb, ea | eb
    ent = sum(idf[e] for e in shared) / sum(idf[e] for e in union) if union else 0.0
    figures = shared_figures(a.figures, b.figures)
    days = a.days & b.days
    score = ent + W_FIGURE * min(len(figures), 3) + W_DATE * min(len(days), 2) + W_TEXT * text
    if score < SAME_STORY:
        return None
    reasons = {"entities": round(ent, 3), "shared_entities": len(shared),
               "figures": sorted(" ".join(map(str, f)) for f in figures)[:5],
               "days": sorted(days)[:5], "text": round(text, 3), "gap_days": gap}
    return Link(*pair, "same_story", round(score, 3), reasons)
