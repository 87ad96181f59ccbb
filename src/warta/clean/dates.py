"""Publication dates: the page's own date line, the URL, the news day the text states.

Finding is kept apart from interpreting: the patterns (``lang/id/cleaning.yaml``) find a
date line or a "Kamis (9/11)"; ``date_from`` turns a match into a date.  A day written
without its year takes the year, among those the text mentions, on which that day falls
on the weekday written beside it; the clock is never read.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from typing import NamedTuple

from .. import lang
from . import outlets
from .rules import pieces, rules

SENTENCE_END = re.compile(r"[.!?]\s")
CLAUSE_END = re.compile(r"[,;:()\"“”]")
# a list's commas do not end a clause: "A, B, dan C", "iPhone 17, iPhone 17 Pro, dan …"
LIST_COMMA = re.compile(r",(?=\s+(?:dan|serta|atau)\s)|,(?=\s+[^\s,;:()\"“”]{0,10}[A-Z0-9][^,;:()\"“”]{0,40},)")


class Stated(NamedTuple):
    """A day the text states with its day name; ``year`` None when not written."""
    start: int
    weekday: int
    month: int
    day: int
    year: int | None
    future: bool


def _month(parts: dict) -> int | None:
    if parts.get("monthnum"):
        return int(parts["monthnum"])
    if parts.get("month"):
        return lang.load("months").get(parts["month"].lower().rstrip("."))
    return None


def _year(value: str | None) -> int | None:
    if not value:
        return None
    year = int(value)
    return year + 2000 if year < 100 else year


def date_from(match: re.Match) -> dt.date | None:
    """The date named by a match with groups year, monthnum or month, day (month/day may be
    absent: the first of the month or year)."""
    parts = match.groupdict()
    try:
        month = _month(parts) if (parts.get("monthnum") or parts.get("month")) else 1
        day = int(parts["day"]) if parts.get("day") else 1
        return dt.date(_year(parts["year"]), month, day)
    except (KeyError, ValueError, TypeError):
        return None


def _precision(match: re.Match) -> str:
    parts = match.groupdict()
    if parts.get("day"):
        return "day"
    return "month" if parts.get("monthnum") or parts.get("month") else "year"


def _day_ok(match: re.Match) -> bool:
    name = match.groupdict().get("dayname")
    return name is None or name.lower() in lang.load("days")


# --- the page's date line -----------------------------------------------------------

def _stamp_prefix_ok(match: re.Match) -> bool:
    """A date line's text before the date is a label, an outlet or a byline; a line whose
    prefix is ordinary words (a headline ending in a date) needs a clock time as well."""
    prefix = (match.groupdict().get("prefix") or "").strip()
    if not prefix or match.groupdict().get("time"):
        return True
    if prefix.lower() in lang.load("days") or rules()["byline_prefix"].fullmatch(prefix):
        return True  # "Senin, 3 Maret 2025", "Oleh Budi Santoso pada 3 Maret 2025"
    return outlets.is_known(prefix) or bool(re.fullmatch(pieces()["DOMAIN"], prefix))


# Separators a date line's parts vary beyond those the patterns read: a bullet, a spaced
# slash ("Senin / 3 Maret 2025 / 10:15 WIB"), the day in brackets ("Senin (3/3/2025)
# 10:15"); read as the bar and comma the patterns know.
# (pattern, replacement, the characters one of which each match holds: a line without
# any is left as it is, unscanned)
_SEPARATORS = [(re.compile(r"\s{0,3}[•∙]\s{0,3}|\s{1,3}/\s{1,3}"), " | ", "•∙/"),
               (re.compile(r"(?<=\S)\s{0,3}\((\d{1,2}/\d{1,2}/\d{4})\)"), r", \1", "/")]
# A date line may end, after a separator, with what the page prints beside the date (a
# reading count, a reading time: "| 120 kali dibaca", "- 3 menit baca"); cut, the rest is
# read when it holds a clock time.
_TRAILER = re.compile(r"\s{1,3}[|·•-]\s{1,3}[^|·•\d:]{0,30}\d{1,6}[^|·•:]{0,30}$|\s{1,3}[|·•-]\s{1,3}[^|·•\d:]{1,40}$")
_TRAILER_MARKS = "|·•-"  # one of them is in every match
# An ISO timestamp with its offset ("2025-03-03T10:15:00+07:00"), read without the offset.
_ISO_OFFSET = re.compile(r"(?<=:\d{2})(?:\.\d{1,6})?(?:[+-]\d{2}:?\d{2}|Z)$")


def _variants(line: str) -> list[tuple[str, bool]]:
    """The line, then the same with its separators read as the patterns know them and
    without a trailer; (text, needs a clock time)."""
    plain = line
    for pattern, replacement, marks in _SEPARATORS:
        if any(c in plain for c in marks):
            plain = pattern.sub(replacement, plain)
    if ":" in plain:  # every ISO offset follows a clock time
        plain = _ISO_OFFSET.sub("", plain)
    found = [(line, False)]
    if plain != line:
        found.append((plain, False))
    cut = _TRAILER.sub("", plain) if any(c in plain for c in _TRAILER_MARKS) else plain
    if cut != plain:
        found.append((cut, True))
    return found


def page_date(line: str, index: int) -> re.Match | None:
    """The match of a date line printed by the page, or None.  Lines near the top are read
    bare ("Rabu, 22 Oktober 2025"); further down with a time or an outlet; anywhere with a
    label ("Diterbitkan …")."""
    r = rules()
    if not line or len(line) > 200 and index >= r["bare_date_lines"]:
        return None
    for text, needs_time in _variants(line):
        for pattern in r["date_lines"]:
            m = pattern.match(text)
            if not (m and _day_ok(m) and _stamp_prefix_ok(m)) or needs_time and not m.groupdict().get("time"):
                continue
            parts = m.groupdict()
            if (index < r["bare_date_lines"] or parts.get("label")
                    or index < r["page_date_lines"] and (parts.get("time") or parts.get("prefix"))):
                return m
    return None


def take_date_lines(lines: list[str]) -> tuple[list[str], dt.date | None, str | None, str | None]:
    """Remove the page's date lines and bylines naming the outlet; (lines, the first date
    line's date, its precision, the outlet a prefix or byline names).  A revision's date
    line ("Diperbarui …") is removed unread."""
    found = precision = outlet = None
    out = []
    for i, line in enumerate(lines):
        m = page_date(line, i)
        if m is None:
            if i < rules()["page_date_lines"] and (b := rules()["byline_outlet"].match(line)):
                outlet = outlet or b.group("outlet")   # "Tim Redaksi - detikNews"
                continue
            out.append(line)
            continue
        text = m.string  # the line as read (its separators and trailer normalised)
        update = bool(rules()["update_label"].search(text[: m.start("day")] if m.groupdict().get("day") else ""))
        if found is None and not update and (d := date_from(m)):
            found, precision = d, _precision(m)
            prefix = (m.groupdict().get("prefix") or "").strip()
            outlet = outlet or (prefix if prefix and outlets.is_known(prefix) else None) \
                or m.groupdict().get("suffix")  # "Selasa, 18 November 2025 | KOMPAS.com"
        rest = text[m.end():].strip()
        if rest:
            out.append(rest)
    return out, found, precision, outlet


# --- the URL ------------------------------------------------------------------------

def date_from_url(url: str | None) -> tuple[dt.date | None, str | None]:
    """The date in a URL path (``/2025/10/14/``), with its precision."""
    for pattern in rules()["url_dates"] if url else ():
        if (m := pattern.search(url)) and (d := date_from(m)):
            return d, _precision(m)
    return None, None


# --- the news day the text states -------------------------------------------------------

def _is_future(text: str, m: re.Match) -> bool:
    """Whether the stated day at ``m`` is announced as coming: a future word shortly before
    it, or anywhere before it in its clause ("Indonesia akan menghadapi Uzbekistan di babak
    semifinal pada Senin (29/4)"; not past a comma: "… akan naik, kata dia, Senin (29/4)",
    though a list's commas are inside the clause: "akan menjual A, B, dan C pada Jumat, …"),
    a scheduling word in its sentence, a deadline right before it, "depan" after it."""
    r = rules()
    before = text[max(0, m.start() - r["future_window"]): m.start()]
    before = SENTENCE_END.split(before)[-1]
    far = SENTENCE_END.split(text[max(0, m.start() - r["future_scheduled_window"]): m.start()])[-1]
    clause = CLAUSE_END.split(LIST_COMMA.sub(" ", far))[-1]
    return bool(r["future_before"].search(before) or r["future_deadline"].search(before)
                or r["future_scheduled"].search(far) or r["future_before"].search(clause)
                or r["future_after"].match(text, m.end(), m.end() + 20))


def stated_days(text: str) -> list[Stated]:
    """Every day the text states with its day name, in order."""
    found = []
    days = lang.load("days")
    for pattern in rules()["text_dates"]:
        for m in pattern.finditer(text):
            parts = m.groupdict()
            month = _month(parts)
            if month is None or not 1 <= month <= 12:
                continue
            found.append(Stated(m.start(), days[parts["dayname"].lower()], month, int(parts["day"]),
                                _year(parts.get("year")), _is_future(text, m)))
    return sorted(found)


def _real(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve(s: Stated, years: Counter) -> dt.date | None:
    """The stated day as a date: its own year when it falls on its weekday there, else the
    year (mentioned in the text, or the one after a mentioned one) where it does, the most
    mentioned first."""
    if s.year:
        d = _real(s.year, s.month, s.day)
        return d if d and d.isoweekday() == s.weekday else None
    candidates = sorted(set(years) | {y + 1 for y in years}, key=lambda y: (-years.get(y, 0), -y))
    for year in candidates:
        if (d := _real(year, s.month, s.day)) and d.isoweekday() == s.weekday:
            return d
    return None


def news_day(text: str) -> dt.date | None:
    """The news day the text states: the latest day it names with its weekday that is not
    announced as coming ("akan … Senin (20/5)"), its year inferred when not written.
    When no stated day falls on its weekday, the first written in full is taken."""
    stated = stated_days(text)
    if not stated:
        return _today(text)
    years = Counter(int(m.group("year")) for m in rules()["text_years"].finditer(text))
    resolved = [(d, s) for s in stated if (d := _resolve(s, years))]
    past = [d for d, s in resolved if not s.future]
    if past:
        return max(past)
    full = [_real(s.year, s.month, s.day) for s in stated if s.year]
    return next((d for d in full if d), None)


def _year_finder(text: str):
    """A function: the year written nearest to a position of ``text`` (None when none is)."""
    found = [(m.start(), int(m.group("year"))) for m in rules()["text_years"].finditer(text)]
    starts = [start for start, _ in found]

    def nearest(at: int) -> int | None:
        i = bisect.bisect_left(starts, at)
        near = [found[j] for j in (i - 1, i) if 0 <= j < len(found)]
        return min(near, key=lambda f: abs(f[0] - at))[1] if near else None
    return nearest


def _today(text: str) -> dt.date | None:
    """The day the text calls today ("hari ini (30/4)"), else the latest bare "(2/1)" after
    a word, in the year written nearest to it."""
    r = rules()
    nearest = _year_finder(text)
    if m := r["text_today"].search(text):
        year = _year(m.group("year")) or nearest(m.start())
        return _real(year, int(m.group("monthnum")), int(m.group("day"))) if year else None
    days = [_real(year, int(m.group("monthnum")), int(m.group("day")))
            for m in r["text_bare_day"].finditer(text) if (year := nearest(m.start()))]
    return max((d for d in days if d), default=None)


def date_from_text(text: str) -> dt.date | None:
    """The news day of ``text`` ("Selasa (14/10/2025)", "Sabtu, 15 Februari 2025", or
    "Kamis (9/11)" in a text that mentions 2023)."""
    return news_day(text)
