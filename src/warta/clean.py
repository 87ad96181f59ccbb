"""Indonesian news cleaning: boilerplate out; title, outlet, dateline and date found.

``clean(article)`` returns a new Article whose ``text`` is the article body without
"Baca juga" lines, ad markers, captions and photo credits, view counters, video teasers,
editors' initials, bylines and comment-form boilerplate; the dateline prefix of the first
paragraph ("INFOBRAND.ID, Jakarta - ") is split off into ``outlet`` and ``dateline``; the
title is taken from a headline-like first line when the reader gave none; ``published``
is found in the reader's metadata, the URL, a date line near the top or the first
"Hari (dd/mm/yyyy)" of the text, and ``published_from`` says which.  The rules are data:
``lang/id/cleaning.yaml``.  Every later span points into the clean ``text``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import unicodedata

from . import lang
from .model import Article

TOP_LINES = 6          # date lines and the headline are looked for this near the top
DATELINE_PARAGRAPHS = 3  # the dateline prefix is looked for in this many first paragraphs
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


@functools.cache
def _rules():
    data = lang.load("cleaning")
    flags = re.IGNORECASE
    compiled = {key: [re.compile(p, flags) for p in data[key]]
                for key in ("drop_lines", "stop_lines", "inline", "date_lines", "text_dates",
                            "url_dates")}
    compiled["datelines"] = [re.compile(p) for p in data["datelines"]]  # case matters here
    compiled["headline"] = data["headline"]
    return compiled


def normalize(text: str) -> str:
    """NFC, one kind of newline and space, no invisible characters, no trailing blanks."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\t", " ")
    return "\n".join(line.strip() for line in text.split("\n"))


def _date_from(match: re.Match) -> dt.date | None:
    """The date named by a match with groups year, monthnum or month, day (month/day may be
    absent: the first of the month or year)."""
    parts = match.groupdict()
    months = lang.load("months")
    try:
        year = int(parts["year"])
        if parts.get("monthnum"):
            month = int(parts["monthnum"])
        elif parts.get("month"):
            month = months[parts["month"].lower().rstrip(".")]
        else:
            month = 1
        day = int(parts["day"]) if parts.get("day") else 1
        return dt.date(year, month, day)
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


def looks_like_headline(line: str) -> bool:
    """A short line, capitalised, not ending like a sentence, not a dateline paragraph."""
    rules = _rules()["headline"]
    return (0 < len(line) <= rules["max_chars"] and len(line.split()) <= rules["max_words"]
            and (line[0].isupper() or line[0].isdigit())
            and not re.search(rules["not_ending"], line)
            and not any(p.match(line) for p in _rules()["datelines"]))


def _drop_boilerplate(lines: list[str]) -> list[str]:
    rules = _rules()
    kept: list[str] = []
    seen: set[str] = set()
    for line in lines:
        if any(p.match(line) for p in rules["stop_lines"]):
            break
        for p in rules["inline"]:
            line = p.sub("", line)
        if line and any(p.match(line) for p in rules["drop_lines"]):
            continue
        key = re.sub(r"\W+", " ", line).strip().lower()
        if line and key in seen:  # a caption (or a paragraph) printed twice
            continue
        if key:
            seen.add(key)
        kept.append(line)
    return kept


def _take_date_lines(lines: list[str]) -> tuple[list[str], dt.date | None, str | None]:
    """Remove date lines near the top; the first one's date and precision."""
    found, precision = None, None
    out = []
    for i, line in enumerate(lines):
        match = None
        if i < TOP_LINES and line:
            match = next((m for p in _rules()["date_lines"] if (m := p.match(line)) and _day_ok(m)), None)
        if match is None:
            out.append(line)
            continue
        if found is None:
            found, precision = _date_from(match), _precision(match)
        rest = line[match.end():].strip()
        if rest:
            out.append(rest)
    return out, found, precision


def _paragraphs(lines: list[str]) -> list[str]:
    """Lines regrouped: blank lines collapse to one, none at either end."""
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def split_dateline(paragraph: str) -> tuple[str, str | None, str | None]:
    """(rest of paragraph, outlet, city) when it opens with a dateline prefix."""
    for pattern in _rules()["datelines"]:
        m = pattern.match(paragraph)
        if m and m.end() < len(paragraph):
            parts = m.groupdict()
            city = parts.get("city")
            if city and city.isupper():
                city = city.title()
            return paragraph[m.end():], parts.get("outlet"), city
    return paragraph, None, None


def date_from_url(url: str | None) -> tuple[dt.date | None, str | None]:
    """The date in a URL path (``/2025/10/14/``), with its precision."""
    for pattern in _rules()["url_dates"] if url else ():
        if (m := pattern.search(url)) and (d := _date_from(m)):
            return d, _precision(m)
    return None, None


def date_from_text(text: str) -> dt.date | None:
    """The first "Selasa (14/10/2025)" or "Sabtu, 15 Februari 2025" in the text."""
    best = None
    for pattern in _rules()["text_dates"]:
        for m in pattern.finditer(text):
            if _day_ok(m) and (d := _date_from(m)):
                if best is None or m.start() < best[0]:
                    best = (m.start(), d)
                break
    return best[1] if best else None


def clean(article: Article) -> Article:
    """The article with clean ``text`` and its title, outlet, dateline and date filled in."""
    lines = normalize(article.raw).split("\n")
    lines, top_date, top_precision = _take_date_lines(lines)
    lines = _paragraphs(_drop_boilerplate(lines))
    title = article.title.strip() if article.title else None
    if lines and title and lines[0].strip().lower() == title.lower():
        lines = _paragraphs(lines[1:])  # the page repeats its headline in the body
    elif lines and title is None and looks_like_headline(lines[0]) and len(lines) > 1:
        title, lines = lines[0], _paragraphs(lines[1:])
    outlet, dateline = article.outlet, article.dateline
    for i, line in enumerate(lines[: DATELINE_PARAGRAPHS * 2]):
        rest, found_outlet, city = split_dateline(line)
        if rest is not line:
            lines[i] = rest
            outlet = outlet or found_outlet
            dateline = dateline or city
            break
    text = "\n".join(lines)
    published, source, precision = _published(article, top_date, top_precision, text)
    return dataclasses.replace(article, text=text, title=title, outlet=outlet, dateline=dateline,
                               published=published, published_from=source,
                               published_precision=precision)


def _published(article: Article, top_date, top_precision, text: str):
    """(date, where it came from, precision) by the order of trust."""
    if article.published:
        return (article.published, article.published_from or "metadata",
                article.published_precision or "day")
    url_date, url_precision = date_from_url(article.url)
    if url_date:
        return url_date, "url", url_precision
    if top_date:
        return top_date, "dateline", top_precision
    text_date = date_from_text(text)
    if text_date:
        return text_date, "text", "day"
    return None, None, None
