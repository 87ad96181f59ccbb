r"""Indonesian news cleaning: boilerplate out; title, outlet, dateline and date found.

``clean(article)`` returns a new Article whose ``text`` is the article body without page
debris (``clean.debris``: related-news lists, share buttons, captions and credits, menus,
counters, bylines, comment forms); the page's own date line is read and removed
(``clean.dates``); the dateline prefix of the first paragraph ("INFOBRAND.ID, Jakarta - ",
"Jakarta, CNN Indonesia -- ", "Jakarta (ANTARA) - ") is split off into ``outlet`` (named
as ``clean.outlets`` spells it) and ``dateline``; the title is taken from a headline-like
first line when the reader gave none; ``published`` is found in the reader's metadata, the
URL, the page's date line or the news day the text states, and ``published_from`` says
which.  The rules are data: ``lang/id/cleaning.yaml`` and ``lang/id/outlets.yaml``.
Every later span points into the clean ``text``.

>>> clean(Article(source="x", raw="Judul Berita\nJakarta, CNN Indonesia -- Isi berita.")).outlet
'CNN Indonesia'
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from urllib.parse import urlsplit

from ..model import Article
from .dates import date_from, date_from_text, date_from_url, take_date_lines
from .debris import SENTENCE, drop_body_debris, drop_boilerplate, headline_like, take_copy_footers
from .outlets import canonical_outlet, outlet_from_host
from .rules import rules

__all__ = ["canonical_outlet", "clean", "date_from_text", "date_from_url", "looks_like_headline",
           "normalize", "split_dateline"]

DATELINE_PARAGRAPHS = 5  # the dateline prefix is looked for in this many first paragraphs
BODY_WORDS = 12  # and in the first paragraph this long that ends as a sentence
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r" {2,}")


def normalize(text: str) -> str:
    """NFC, one kind of newline, single spaces, no invisible characters, no blanks at
    either end of a line."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\t", " ")
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def looks_like_headline(line: str) -> bool:
    """A short line, capitalised, not ending like a sentence, not a dateline paragraph."""
    r = rules()["headline"]
    return (0 < len(line) <= r["max_chars"] and len(line.split()) <= r["max_words"]
            and (line[0].isupper() or line[0].isdigit())
            and not re.search(r["not_ending"], line)
            and not any(p.match(line) for p in rules()["datelines"]))


def _paragraphs(lines: list[str]) -> list[str]:
    """Lines regrouped: blank lines collapse to one, none at either end."""
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def _dateline_match(paragraph: str, first: bool) -> re.Match | None:
    r = rules()
    for pattern in r["datelines"]:
        if (m := pattern.match(paragraph)) and (m.end() < len(paragraph) or m.group(0).rstrip()[-1:] in "-–—|].:"):
            return m
    for pattern in r["datelines_first"] if first else ():
        m = pattern.match(paragraph)
        if m and m.group("city").split()[0].lower() not in r["not_cities"]:
            return m
    return None


def split_dateline(paragraph: str, first: bool = False) -> tuple[str, str | None, str | None]:
    """(rest of paragraph, outlet, city) when it opens with a dateline prefix; ``first``:
    the paragraph opens the body, where "Jakarta - " and "Jakarta: " are datelines too."""
    m = _dateline_match(paragraph, first)
    if m is None:
        return paragraph, None, None
    parts = m.groupdict()
    city = parts.get("city")
    if city and city.isupper():
        city = city.title()
    return paragraph[m.end():], canonical_outlet(parts.get("outlet"), city), city


def _dateline_date(paragraph: str):
    m = _dateline_match(paragraph, False)
    if m is not None and m.groupdict().get("year"):
        return date_from(m)
    return None


def _find_dateline(lines: list[str]):
    """(index, rest, outlet, city, date) of the first paragraph opening with a dateline."""
    first = next((i for i, ln in enumerate(lines) if ln), 0)
    paragraphs = [i for i, ln in enumerate(lines) if ln][:DATELINE_PARAGRAPHS]
    # below a page's header and menus the body opens with its first sentence
    opening = next((i for i, ln in enumerate(lines) if _opens_body(ln)), None)
    if opening is not None and opening not in paragraphs:
        paragraphs.append(opening)
    for i in paragraphs:
        line = lines[i]
        rest, outlet, city = split_dateline(line, first=i == first or _only_debris_above(lines, i))
        if rest is not line:
            return i, rest, outlet, city, _dateline_date(line)
    return None


def _opens_body(line: str) -> bool:
    """A paragraph of sentences: long enough, ending as a sentence does."""
    return len(line.split()) >= BODY_WORDS and SENTENCE.search(line) is not None


def _only_debris_above(lines: list[str], i: int) -> bool:
    """Every line above ``i`` is a caption or credit (not a sentence)."""
    return all(not ln or headline_like(ln) for ln in lines[:i])


def clean(article: Article) -> Article:
    """The article with clean ``text`` and its title, outlet, dateline and date filled in."""
    lines = normalize(article.raw).split("\n")
    lines, top_date, top_precision, stamp_outlet = take_date_lines(lines)
    lines, footer_outlet = take_copy_footers(lines)
    title, lines = _take_title(_paragraphs(drop_boilerplate(lines)), article.title)
    body, found_outlet, city, dateline_date = 0, None, None, None
    if found := _find_dateline(lines):
        body, lines[body], found_outlet, city, dateline_date = found
    # the reader's site name first (its regional edition told by the dateline city)
    outlet = (canonical_outlet(article.outlet, city) or found_outlet
              or canonical_outlet(stamp_outlet) or canonical_outlet(footer_outlet) or _outlet_of_url(article.url))
    text = "\n".join(_paragraphs(drop_body_debris(lines, body)))
    if dateline_date and not top_date:
        top_date, top_precision = dateline_date, "day"
    published, source, precision = _published(article, top_date, top_precision, text)
    return dataclasses.replace(article, text=text, title=title, outlet=outlet,
                               dateline=article.dateline or city, published=published,
                               published_from=source, published_precision=precision)


def _take_title(lines: list[str], title: str | None) -> tuple[str | None, list[str]]:
    """(title, lines without it): the reader's title (dropped where the page repeats it as
    the first line) or a headline-like first line."""
    title = title.strip() if title else None
    if lines and title and lines[0].strip().lower() == title.lower():
        return title, _paragraphs(lines[1:])
    if lines and title is None:
        lines = _skip_leading_credits(lines)
        if looks_like_headline(lines[0]) and len(lines) > 1:
            return lines[0], _paragraphs(lines[1:])
    return title, lines


def _outlet_of_url(url: str | None) -> str | None:
    try:
        return outlet_from_host(urlsplit(url).hostname) if url else None
    except ValueError:
        return None


def _skip_leading_credits(lines: list[str]) -> list[str]:
    """Without short credit lines above the headline ("- Antara")."""
    i = 0
    while i < len(lines) - 1 and lines[i] and not lines[i][0].isalnum() and len(lines[i].split()) <= 4:
        i += 1
    return _paragraphs(lines[i:]) if i else lines


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
