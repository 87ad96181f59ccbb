"""Dates and periods: find them, then resolve them to ISO 8601 against ``published``.

Finds absolute dates ("14 Oktober 2025", "Selasa (14/10/2025)", "Februari 2017",
"tahun 2023"), day-months without a year ("Senin (18/11) lalu": the year of ``published``,
or the neighbouring year the weekday fits), periods ("kuartal II 2025" → 2025-Q2,
"semester I tahun 2021" → 2021-H1), spans ("Oktober 2024 hingga Juni 2025",
"2019-2023" → 2019/2023), times relative to ``published`` ("kemarin", "dua tahun lalu";
never the clock), vague ones ("beberapa waktu lalu": found, so that "bulan lalu" inside it is not
read, and left out: no value) and holidays with a year
("Lebaran 2025", "HUT RI ke-80", via the ``holidays`` package).

Finding is kept apart from resolving: each finder yields :class:`Found` pieces (year,
month, day, period as written); :func:`resolve` turns one into an ISO value.

>>> [(t.text, t.value) for t in dates("pada kuartal II 2025 dan Selasa (19/11)", dt.date(2019, 11, 1))]
[('kuartal II 2025', '2025-Q2'), ('Selasa (19/11)', '2019-11-19')]
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass, replace

from .. import lang
from ..model import TimeValue
from ..sentences import crosses
from ..words import alternation
from . import numbers
from ._spans import lookup

_MONTHS: dict[str, int] = lang.load("months")
_DAYS: dict[str, int] = lang.load("days")
_P = lang.load("periods")
_R = lang.load("relative_time")
_H = lang.load("holidays")
_U = lang.load("units")

_MONTH = rf"(?P<mon>(?i:{alternation(_MONTHS)}))\.?(?![\w])"
# a weekday, or the last of a range of them ("Senin-Rabu (2-4/6)"), before a date
_DAY = (rf"(?:(?:(?i:{alternation(_DAYS)})\s*[-–]\s*)?(?P<wd>(?i:{alternation(_DAYS)}))"
        rf"\s*(?:,\s*)?)?")   # one run of spaces: linear
_YEAR = r"(?P<y>(?:1[89]|20)\d\d)(?![\d.,]\d|\d)"
_YW = re.escape(_P["year_word"])
_AFTER = rf"(?:\s+(?P<after>(?i:{alternation(_R['after_date'])}))(?!\w))?"
_DIRECTION = rf"(?i:{alternation(_R['direction'])})"
_N = lang.load("numbers")
_NUMBER_WORD = alternation([*_N["digits"], *_N["one_of"], *_N["group"]])
_NUMBER_WORDS = rf"{_NUMBER_WORD}(?:\s+{_NUMBER_WORD}){{0,3}}"   # "sepuluh", "dua puluh lima"
_ROMAN = alternation(_P["roman"])
_JOIN = alternation(_P["span_join"])
_ORD = re.escape(lang.load("numbers")["ordinal_prefix"])          # "ke-3", "ke-80"

# every pattern starts where a word (or a parenthesis) starts: the engine then skips the
# inside of words at once, which makes the scan several times faster
_START = r"(?:(?<=\W)|^)(?=[\w(])"

_LEADING_OPTIONAL = {"iso", "dashed", "numeric", "dmy", "my", "period", "q", "years", "year"}
PATTERNS: dict[str, re.Pattern] = {
    "iso": re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?![\d-])"),
    "dashed": re.compile(r"(?<![\w-])(?P<d>\d{1,2})-(?P<m>\d{1,2})-(?P<y>(?:19|20)\d\d)(?![\w-])"),  # "10-06-2025"
    "numeric": re.compile(
        rf"{_DAY}(?P<open>\()?(?<![\d/.,])(?:(?P<d0>\d{{1,2}})\s*[-–]\s*)?(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})"
        rf"(?:/(?P<y>\d{{4}}|\d\d))?(?![\d/])(?(open)\))" + _AFTER),
    "dmy": re.compile(
        rf"{_DAY}(?:(?i:{re.escape(_P['day_word'])})\s+)?(?<![\d.,])(?:(?P<d0>\d{{1,2}})(?:\s*[-–]\s*|\s+(?i:{_JOIN})\s+))?"
        rf"(?P<d>\d{{1,2}})\s+{_MONTH}"
        rf"(?:,?\s+{_YEAR}|\s+{_YW}\s+(?P<dir>{_DIRECTION})(?!\w))?" + _AFTER),
    "my": re.compile(
        rf"(?:(?P<pre>(?i:{alternation(_P['part_of_year'])}))\s+)?(?:(?P<mw>(?i:{re.escape(_P['month_word'])}))\s+)?"
        rf"{_MONTH}(?:\s+(?:{_YW}\s+)?{_YEAR}|\s+{_YW}\s+(?P<dir>{_DIRECTION})(?!\w)|{_AFTER})"),
    "period": re.compile(
        rf"(?P<kind>(?i:{alternation(_P['kinds'])}))\s*\(?\s*(?:Q(?P<q>[1-4])|(?i:{_ORD}-?)(?P<kd>[1-4])"
        rf"|(?P<ord>(?i:{alternation(_P['ordinal_words'])}))|(?P<rom>{_ROMAN})|(?P<dig>[1-4]))(?![\w])(?:\s*\))?"
        rf"(?:\s*\(Q[1-4]\))?"  # "kuartal I (Q1) 2021"
        rf"(?:(?:\s*[-/]\s*|\s+)(?:{_YW}\s+)?{_YEAR}|\s+{_YW}\s+(?P<dir>{_DIRECTION})(?!\w))?"),
    # Q3 2024, H1-2025, and the reports' compact forms: 3Q24, 1H2025, FY2024
    "q": re.compile(rf"(?<![\w])(?:(?P<k>[QH])(?P<q>[1-4])\s*[-/ ]\s*{_YEAR}"
                    r"|(?P<q2>[1-4])(?P<k2>[QH])(?P<y2>(?:19|20)?\d\d)(?![\w])|FY\s?(?P<fy>(?:19|20)\d\d)(?![\w]))"),
    "years": re.compile(
        rf"(?:(?i:{alternation(_P['year_before'])})\s+)?"
        rf"(?<![\d.,/-])(?P<y>(?:1[89]|20)\d\d)(?:\s*/\s*|\s*(?i:{_JOIN})\s*(?:{_YW}\s+)?)"
        r"(?P<y2>(?:1[89]|20)\d\d)(?![\d.,]\d|\d)"),
    "year": re.compile(
        rf"(?:(?P<pre>(?i:{alternation(_P['year_before'])}))\s+)?(?:(?P<yw>(?i:{_YW}))\s+)?"
        rf"(?<![\d.,/\w-]){_YEAR}(?![-–]\d)"),
    "numbered": re.compile(
        rf"(?<![\w-]){alternation(_P['regulations'])}(?:\s+[A-Z][\w&-]*){{0,2}}\s+"
        rf"(?i:{alternation(_P['number_words'])})\s*\d{{1,4}}[A-Z]?"
        rf"(?:/[A-Z][A-Za-z.-]{{0,20}}){{0,3}}\s*/\s*{_YEAR}(?![/\w])"),  # "Nomor 90/PUU-XXI/2023"
    "day_word": re.compile(rf"(?<![\w-])(?P<rel>(?i:{alternation(_R['days'])}))(?![\w-])"),
    "counted": re.compile(
        rf"(?<![\w-])(?:(?P<n>\d+|(?i:{_NUMBER_WORDS}))\s+(?P<unit>(?i:{alternation(_R['units'])}))"
        rf"|(?P<one>(?i:{alternation(_R['one'])})))\s+(?P<dir>(?i:{alternation(_R['counted'])}))(?!\w)"),
    "unit": re.compile(
        rf"(?<![\w-])(?:(?i:{alternation(_P['part_of_year'])})\s+)?(?P<unit>(?i:{alternation(_R['units'])}))\s+(?P<dir>{_DIRECTION})(?!\w)"),
    "weekday": re.compile(
        rf"(?<![\w-])(?P<wd>{alternation([d.capitalize() for d in _DAYS if d not in _R['weekday_alone_not']])})"
        rf"(?![\w'-])(?!\s*(?:[,(]\s*)?\d)" + _AFTER),
    "vague": re.compile(rf"(?<![\w-])(?i:{alternation(_R['vague'])})(?!\w)"),
    "same": re.compile(
        rf"(?<![\w-])(?i:{alternation(_R['same_period'])})\s+(?:(?i:{alternation(_R['same_period_link'])})\s+)?"
        rf"(?:{_YW}\s+)?(?P<dir>{_DIRECTION}|(?i:{alternation(_R['same_period_direction'])}))(?!\w)"),
    "compared": re.compile(
        rf"(?<![\w-])(?i:{alternation(_R['compared_with'])})\s+{_YW}\s+(?P<dir>{_DIRECTION})(?!\w)", re.I),
    "neighbour": re.compile(
        rf"(?<![\w-])(?P<kind>(?i:{alternation([*_P['kinds'], *_R['neighbour_units']])}))\s+"
        rf"(?P<dir>(?i:{alternation(_R['neighbour'])}))(?!\w)"),
    "holiday": re.compile(
        rf"(?<![\w-])(?P<h>(?i:{alternation(_H['names'])}))\s+(?:{_YW}\s+)?{_YEAR}"),
    "anniversary": re.compile(
        rf"(?<![\w-])(?i:{alternation(_H['anniversary']['names'])})\s+(?i:{_ORD}-?)\s*(?P<n>\d{{1,3}})(?!\d)"),
}
PATTERNS = {name: re.compile(_START + p.pattern) if name in _LEADING_OPTIONAL else p
            for name, p in PATTERNS.items()}
# a pattern runs only on texts holding one of its words (a substring test is far cheaper
# than a regex scan); None: always runs
TRIGGERS: dict[str, tuple[str, ...] | None] = {
    "iso": ("-",), "dashed": ("-",), "numeric": ("/",), "dmy": None, "my": None, "years": None, "year": None,
    "q": ("q", "h1", "h2", "fy"), "numbered": ("/",), "period": tuple(_P["kinds"]), "neighbour": (*_P["kinds"], *_R["neighbour_units"]),
    "day_word": tuple(_R["days"]), "counted": (*_R["units"], *_R["one"]), "unit": tuple(_R["units"]),
    "weekday": tuple(d for d in _DAYS if d not in _R["weekday_alone_not"]), "vague": tuple(w.split()[0] for w in _R["vague"]), "same": tuple(_R["same_period"]), "compared": tuple(_R["compared_with"]),
    "holiday": tuple(w.split()[0] for w in _H["names"]),
    "anniversary": tuple(w.split()[0] for w in _H["anniversary"]["names"]),
}
SPAN_JOIN = re.compile(rf"\s*(?i:{alternation(_P['span_join'])})\s*")
MEASURE_AFTER = re.compile(
    rf"\s*(?:(?i:{alternation([*_U['measure'], *_U['percent']])})(?!\w))")
# a year in a name is a date ("KTT Osaka 2019", "APBN 2026", "Pilkada 2024": the gold's
# convention, ../shared/gold/SCHEMA.md), but not a copyright line's
COPYRIGHT_BEFORE = re.compile(r"(?i:©|\(c\)|copyright|hak cipta)[^\n]*$")


@dataclass(frozen=True, slots=True)
class Found:
    """A date or period as written: its parts (None when not stated) before resolving."""

    start: int
    end: int
    kind: str                     # day, month, year, quarter, half, span, rel, vague, same
    year: int | None = None
    month: int | None = None
    day: int | None = None
    part: int | None = None       # quarter or half number
    weekday: int | None = None
    after: int = 0                # "lalu" −1 / "mendatang" +1 after a year-less day
    unit: str | None = None       # relative: day, week, month, year
    offset: int = 0               # relative: how many units from published
    value: str | None = None      # already resolved (spans, holidays)
    partial: bool = False         # a bare month that only starts a span ("April hingga Juni 2018")
    day0: int | None = None       # the first day of a day range ("16-17 Mei 2018")


# -- finders ---------------------------------------------------------------------------

def _direction(m: re.Match) -> int:
    """The units counted from ``published`` that a match's direction word says ("lalu" -1,
    "ini" 0, "depan" +1: ``relative_time.yaml``'s ``direction``)."""
    return int(lookup(_R["direction"], m["dir"].lower()))


def _weekday(m: re.Match) -> int | None:
    return _DAYS.get(m["wd"].lower()) if m["wd"] else None


def _after(m: re.Match) -> int:
    return int(lookup(_R["after_date"], m["after"].lower())) if m["after"] else 0


def _year(s: str | None) -> int | None:
    if not s:
        return None
    return int(s) + (2000 if len(s) == 2 else 0)


def _find_numeric(text: str, m: re.Match) -> Found | None:
    if not m["y"] and not m["open"] and not m["wd"]:
        return None               # "1/2" is a fraction or a score, "(19/11)" a date
    month, day = int(m["m"]), int(m["d"])
    if not _valid(month, day):
        return None
    first = int(m["d0"]) if m["d0"] else None      # "Senin-Rabu (2-4/6)": the two days
    return Found(m.start(), m.end(), "day", _year(m["y"]), month, day, weekday=_weekday(m),
                 after=_after(m), partial=not m["y"], day0=first if first and first < day else None)


def _find_dashed(text: str, m: re.Match) -> Found | None:
    month, day = int(m["m"]), int(m["d"])
    if not _valid(month, day):
        return None
    return Found(m.start(), m.end(), "day", _year(m["y"]), month, day)


def _find_dmy(text: str, m: re.Match) -> Found | None:
    month, day = _MONTHS[m["mon"].lower()], int(m["d"])
    if not _valid(month, day):
        return None
    first = int(m["d0"]) if m["d0"] else None
    counted = {"unit": "year", "offset": _direction(m)} if m["dir"] else {}
    return Found(m.start(), m.end(), "day", _year(m["y"]), month, day, weekday=_weekday(m),
                 after=_after(m), day0=first if first and first < day else None, **counted)


def _find_my(text: str, m: re.Match) -> Found | None:
    """A month: with its year, or a year counted from ``published`` ("Oktober tahun lalu"),
    or without one when a word says it is a time ("bulan
    September", "pertengahan Februari", "Maret nanti": the year of ``published``); a bare
    capitalised month only starts a span ("April hingga Juni 2018", "Maret-Juni")."""
    told = bool(m["y"] or m["mw"] or m["pre"] or m["after"] or m["dir"])
    if not told and not m["mon"][0].isupper():
        return None
    if not m["y"] and len(m["mon"]) < 3:
        return None
    if m["dir"]:                  # "Oktober tahun lalu": that month of the year before the news
        return Found(m.start(), m.end(), "month", month=_MONTHS[m["mon"].lower()], unit="year",
                     offset=_direction(m))
    return Found(m.start(), m.end(), "month", _year(m["y"]), _MONTHS[m["mon"].lower()],
                 after=_after(m), partial=not told)


def _find_period(text: str, m: re.Match) -> Found | None:
    kind = "quarter" if _P["kinds"][m["kind"].lower()] == "Q" else "half"
    part = int(m["q"] or m["kd"] or m["dig"] or 0) or _P["roman"].get(m["rom"] or "") \
        or lookup(_P["ordinal_words"], (m["ord"] or "").lower())
    if not part or (kind == "half" and part > 2):
        return None
    if m["dir"]:
        return Found(m.start(), m.end(), kind, part=int(part), unit="year",
                     offset=_direction(m))
    if m["y"] is None:   # "hingga kuartal III": the year of the period last named, else the news
        if m["kind"].lower() not in _P["alone"]:
            return None
        return Found(m.start(), m.end(), kind, part=int(part), unit="alone")
    return Found(m.start(), m.end(), kind, int(m["y"]), part=int(part))


def _find_q(text: str, m: re.Match) -> Found | None:
    if m["fy"]:                   # a fiscal year: in Indonesia the calendar year
        return Found(m.start(), m.end(), "year", int(m["fy"]))
    kind, part = (m["k"], m["q"]) if m["k"] else (m["k2"], m["q2"])
    year = int(m["y"]) if m["y"] else int(m["y2"]) + (2000 if len(m["y2"]) == 2 else 0)
    if kind == "H" and int(part) > 2:
        return None
    return Found(m.start(), m.end(), "quarter" if kind == "Q" else "half", year, part=int(part))


def _find_years(text: str, m: re.Match) -> Found | None:
    y1, y2 = int(m["y"]), int(m["y2"])
    if y2 <= y1:
        return None
    return Found(m.start(), m.end(), "span", value=f"{y1}/{y2}")


def _find_year(text: str, m: re.Match) -> Found | None:
    named = m["yw"] or (m["pre"] and m["pre"].lower() in (*_P["part_of_year"], _P["year_word"]))
    if MEASURE_AFTER.match(text, m.end()) and not named:
        return None               # "2000 orang" is a count, "2025 persen" no year; "akhir 2025 proyek …" is
    if not m["pre"] and not m["yw"] and COPYRIGHT_BEFORE.search(text, max(0, m.start() - 60), m.start()):
        return None               # "Copyright © ANTARA 2015": the page's, no date of the news
    return Found(m.start(), m.end(), "year", int(m["y"]))


def _find_day_word(text: str, m: re.Match) -> Found | None:
    return Found(m.start(), m.end(), "rel", unit="day",
                 offset=int(lookup(_R["days"], m["rel"].lower())))


def _find_counted(text: str, m: re.Match) -> Found | None:
    if m["one"]:                  # "sepekan lalu": one unit
        n, unit = 1, lookup(_R["one"], m["one"].lower())
    else:
        n = int(m["n"]) if m["n"].isdigit() else int(numbers.parse(m["n"]) or 0)
        unit = lookup(_R["units"], m["unit"].lower())
    sign = int(lookup(_R["counted"], m["dir"].lower()))
    return Found(m.start(), m.end(), "rel", unit=str(unit), offset=n * sign)


def _find_unit(text: str, m: re.Match) -> Found | None:
    unit = str(lookup(_R["units"], m["unit"].lower()))
    if unit == "week" and " ".join(m.group().lower().split()[:2]) in _R["weekend"]:
        unit = "weekend"          # "akhir pekan lalu": that week's Saturday and Sunday
    return Found(m.start(), m.end(), "rel", unit=unit, offset=_direction(m))


def _find_weekday(text: str, m: re.Match) -> Found | None:
    return Found(m.start(), m.end(), "weekday", weekday=_weekday(m), after=_after(m))


def _find_vague(text: str, m: re.Match) -> Found | None:
    return Found(m.start(), m.end(), "vague")


def _find_same(text: str, m: re.Match) -> Found | None:
    word = m["dir"].lower()
    if word in _R["direction"]:
        return Found(m.start(), m.end(), "same", unit="year", offset=int(lookup(_R["direction"], word)))
    # "… tahun sebelumnya" counts from the period named before, never from the article's date
    return Found(m.start(), m.end(), "same", unit="story", offset=int(lookup(_R["same_period_direction"], word)))


def _find_compared(text: str, m: re.Match) -> Found | None:
    """"dari tahun lalu": the period last named a year back (else last year), as "periode
    yang sama tahun lalu"."""
    return Found(m.start(), m.end(), "same", unit="compared", offset=_direction(m))


def _find_neighbour(text: str, m: re.Match) -> Found | None:
    word = m["kind"].lower()
    kind = _R["neighbour_units"][word] if word in _R["neighbour_units"] else \
        "quarter" if _P["kinds"][word] == "Q" else "half"
    return Found(m.start(), m.end(), "next", unit=kind,
                 offset=int(lookup(_R["neighbour"], m["dir"].lower())))


def _find_holiday(text: str, m: re.Match) -> Found | None:
    day = holiday(str(lookup(_H["names"], m["h"].lower())), int(m["y"]))
    return Found(m.start(), m.end(), "day", value=day.isoformat()) if day else None


def _find_anniversary(text: str, m: re.Match) -> Found | None:
    ann = _H["anniversary"]
    day = holiday(ann["day"], int(ann["founded"]) + int(m["n"]))
    return Found(m.start(), m.end(), "day", value=day.isoformat()) if day else None


FINDERS = {
    "iso": _find_numeric, "dashed": _find_dashed, "numeric": _find_numeric, "dmy": _find_dmy, "my": _find_my,
    "period": _find_period, "q": _find_q, "years": _find_years, "year": _find_year,
    "day_word": _find_day_word, "counted": _find_counted, "unit": _find_unit,
    "weekday": _find_weekday, "vague": _find_vague, "same": _find_same, "compared": _find_compared, "neighbour": _find_neighbour, "holiday": _find_holiday,
    "anniversary": _find_anniversary,
    "numbered": lambda text, m: Found(m.start(), m.end(), "year", int(m["y"])),  # "UU No. 3/2014"
}
FINDERS["iso"] = lambda text, m: (Found(m.start(), m.end(), "day", int(m["y"]), int(m["m"]),
                                        int(m["d"])) if _valid(int(m["m"]), int(m["d"])) else None)


@functools.lru_cache(maxsize=64)
def find(text: str) -> tuple[Found, ...]:
    """Dates and periods in ``text``: the longest at each place, spans joined, in order."""
    cands = []
    low = text.lower()
    for name, pattern in PATTERNS.items():
        triggers = TRIGGERS[name]
        if triggers is not None and not any(t in low for t in triggers):
            continue
        for m in pattern.finditer(text):
            f = FINDERS[name](text, m)
            if f is not None:
                cands.append(f)
    cands.sort(key=lambda f: (f.start, -(f.end - f.start)))
    kept: list[Found] = []
    for f in cands:
        if kept and f.start < kept[-1].end:
            continue
        kept.append(f)
    return tuple(_join_spans(text, kept))


def _join_spans(text: str, found: list[Found]) -> list[Found]:
    """Two dates joined by "hingga"/"-" become one span; a start missing its year takes
    the end's ("1 Januari sampai 28 Maret 2024")."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if b and a.kind == b.kind == "month" and a.year is None and b.year is None and a.unit is b.unit is None \
                and SPAN_JOIN.fullmatch(text, a.end, b.start):   # "Maret-Juni": this year's
            out.append(Found(a.start, b.end, "months", month=a.month, part=b.month, after=b.after))
            i += 2
            continue
        if b and a.kind in ("day", "month") and b.kind in ("day", "month") and b.year \
                and a.value is None and b.value is None and SPAN_JOIN.fullmatch(text, a.end, b.start):
            if a.year is None:
                a = replace(a, year=b.year, partial=False)
            out.append(Found(a.start, b.end, "span", value=f"{_iso(a)}/{_iso(b)}",
                             year=b.year))
            i += 2
            continue
        if b and a.kind == "weekday" and b.kind == "rel" and b.unit == "week" and not text[a.end:b.start].strip():
            out.append(replace(a, end=b.end, unit="week", offset=b.offset))  # "Kamis pekan lalu": that week's
            i += 2
            continue
        if not (a.kind == "month" and a.partial):
            out.append(a)
        i += 1
    return out


# -- resolving -------------------------------------------------------------------------

def _valid(month: int, day: int | None = None) -> bool:
    if not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= calendar.monthrange(2000, month)[1]


def _iso(f: Found) -> str:
    if f.kind == "month":
        return f"{f.year:04d}-{f.month:02d}"
    return f"{f.year:04d}-{f.month:02d}-{f.day:02d}"


def _day_year(f: Found, published: dt.date | None) -> int | None:
    """The year of a day-month written without one: ``published``'s, or the neighbour
    that the weekday, or "lalu"/"mendatang", asks for."""
    if published is None:
        return None
    base = published.year
    years = [base, base - 1, base + 1]
    if f.weekday:
        fits = [y for y in years if _exists(y, f.month, f.day)
                and dt.date(y, f.month, f.day).isoweekday() == f.weekday]
        if fits:
            return fits[0]
    if f.after and _exists(base, f.month, f.day):
        day = dt.date(base, f.month, f.day)
        if f.after < 0 and day > published:
            return base - 1
        if f.after > 0 and day < published:
            return base + 1
    return base


def _month_year(month: int, after: int, published: dt.date | None) -> int | None:
    """The year of a month written without one: ``published``'s, or the one before or
    after when "lalu"/"nanti" says the month is past or to come."""
    if published is None:
        return None
    if after < 0 and month > published.month:
        return published.year - 1
    if after > 0 and month < published.month:
        return published.year + 1
    return published.year


def _exists(y: int, m: int, d: int) -> bool:
    return d <= calendar.monthrange(y, m)[1]


def _shift(published: dt.date, unit: str, n: int) -> tuple[str, str]:
    if unit == "day":
        return (published + dt.timedelta(days=n)).isoformat(), "day"
    if unit in ("week", "weekend"):
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=n)
        first = monday + dt.timedelta(days=5 if unit == "weekend" else 0)
        return f"{first.isoformat()}/{(monday + dt.timedelta(days=6)).isoformat()}", "week"
    if unit == "month":
        k = published.year * 12 + published.month - 1 + n
        return f"{k // 12:04d}-{k % 12 + 1:02d}", "month"
    return f"{published.year + n:04d}", "year"


def resolve(f: Found, published: dt.date | None, last: Found | None = None) -> tuple[str | None, str]:
    """``(value, precision)`` of one found date; ``last`` is the period named before it
    (for "periode yang sama tahun lalu")."""
    if f.value is not None:
        return f.value, "span" if "/" in f.value else f.kind
    if f.kind == "vague":
        return None, "vague"
    if f.kind == "same":
        if last is None or last.year is None:
            return (_shift(published, "year", f.offset) if published and f.unit in ("year", "compared")
                    else (None, "year"))
        return resolve(replace(last, year=last.year + f.offset), published)
    if f.kind == "next":                           # "kuartal sebelumnya"
        if last is None or last.year is None:
            return None, f.unit
        if f.unit == "year":                       # "tahun sebelumnya" after "2023"
            return f"{last.year + f.offset:04d}", "year"
        if f.unit == "month":                      # "bulan sebelumnya" after "April 2024"
            k = last.year * 12 + last.month - 1 + f.offset
            return f"{k // 12:04d}-{k % 12 + 1:02d}", "month"
        per_year = 4 if f.unit == "quarter" else 2
        k = last.year * per_year + last.part - 1 + f.offset
        return resolve(replace(last, year=k // per_year, part=k % per_year + 1), published)
    if f.kind == "rel":
        return _shift(published, f.unit, f.offset) if published else (None, f.unit)
    if f.kind == "weekday":                        # "pada Rabu": the last Wednesday
        if published is None:
            return None, "day"
        if f.unit == "week":                       # "Kamis pekan lalu": Thursday of last week
            monday = published - dt.timedelta(days=published.isoweekday() - 1) + dt.timedelta(weeks=f.offset)
            return (monday + dt.timedelta(days=f.weekday - 1)).isoformat(), "day"
        back = (published.isoweekday() - f.weekday) % 7 or (7 if f.after < 0 else 0)  # "Kamis lalu" on a Thursday
        ahead = (f.weekday - published.isoweekday()) % 7 or 7
        return (published + dt.timedelta(days=ahead if f.after > 0 else -back)).isoformat(), "day"
    if f.kind == "months":                         # "Maret-Juni", no year written
        start = _month_year(f.month, f.after, published)
        end = None if start is None else start + (f.month > f.part)
        return f"{_y(start)}-{f.month:02d}/{_y(end)}-{f.part:02d}", "span"
    year = f.year
    if year is None and f.unit == "year":          # "kuartal kedua tahun lalu"
        year = published.year + f.offset if published else None
    if year is None and f.unit == "alone":         # "kuartal III" after "April 2024"
        year = last.year if last is not None and last.year is not None else published.year if published else None
    if f.kind in ("quarter", "half"):
        tag = "Q" if f.kind == "quarter" else "H"
        return (f"{year:04d}-{tag}{f.part}" if year else None), f.kind
    if f.kind == "year":
        return f"{year:04d}", "year"
    if f.kind == "month":
        year = year if year is not None else _month_year(f.month, f.after, published)
        return f"{_y(year)}-{f.month:02d}", "month"
    if year is None:
        year = _day_year(f, published)
    if year is not None and not _exists(year, f.month, f.day):
        return None, "day"
    day = f"{_y(year)}-{f.month:02d}-{f.day:02d}"
    if f.day0:                                     # "16-17 Mei 2018": the two days
        return f"{_y(year)}-{f.month:02d}-{f.day0:02d}/{day}", "span"
    return day, "day"


def _y(year: int | None) -> str:
    return "XXXX" if year is None else f"{year:04d}"


def dates(text: str, published: dt.date | None) -> list[TimeValue]:
    """Every date and period in ``text``, resolved against ``published`` (never the clock).

    >>> [t.value for t in dates("dua tahun lalu, kemarin", dt.date(2023, 5, 20))]
    ['2021', '2023-05-19']
    """
    out = []
    last: dict[str, Found] = {}            # the period last named, by kind, and overall
    found = find(text)
    for f in found:
        value, precision = resolve(f, published, _last_for(f, last))
        if value is not None and value.startswith("XXXX") and f.kind == "day" and not f.day0:
            year = _sentence_year(text, f, found)  # "… PEVS 2024 … dibuka hari ini (30/4)"
            if year is not None and _exists(year, f.month, f.day) and (
                    not f.weekday or dt.date(year, f.month, f.day).isoweekday() == f.weekday):
                value = f"{year:04d}{value[4:]}"
        if f.kind in ("quarter", "half", "month") and f.value is None:
            named = f if f.year is not None else replace(f, year=_year_of(value))
            last[f.kind] = last["period"] = named
        elif f.kind == "year" and f.year is not None:
            last["year"] = f                # for "tahun sebelumnya" only
        if value is None:
            continue              # "beberapa waktu lalu": found (so no part is read as a date), no date
        relative = f.kind in ("rel", "same", "next", "months", "weekday") \
            or (f.kind in ("quarter", "half", "month", "day") and f.year is None and f.value is None)
        out.append(TimeValue(text=text[f.start:f.end], value=value, precision=precision,
                             span=(f.start, f.end), relative=relative))
    return out


def _sentence_year(text: str, f: Found, found: tuple[Found, ...]) -> int | None:
    """For a day-month of an undated article: the one year stated in its sentence (its
    weekday, when given, must fit that year)."""
    years = {g.year for g in found if g.kind == "year" and g.year is not None
             and not crosses(text, min(f.end, g.end), max(f.start, g.start))}
    return years.pop() if len(years) == 1 else None


def _last_for(f: Found, last: dict[str, Found]) -> Found | None:
    """The period an anaphor refers to: the last of its kind ("kuartal sebelumnya") or the
    last period of any kind ("periode yang sama tahun lalu")."""
    if f.kind == "next":
        return last.get(f.unit)
    return last.get("period") if f.kind == "same" or f.unit == "alone" else None


def _year_of(value: str | None) -> int | None:
    return int(value[:4]) if value and value[:4].isdigit() else None


@functools.lru_cache(maxsize=512)
def holiday(name: str, year: int) -> dt.date | None:
    """The date of the Indonesian holiday the ``holidays`` package calls ``name`` in ``year``."""
    import holidays

    try:
        calendar_ = holidays.country_holidays("ID", years=year)
    except (NotImplementedError, KeyError):
        return None
    days = sorted(d for d, n in calendar_.items() if name in n.split("; "))
    return days[0] if days else None
