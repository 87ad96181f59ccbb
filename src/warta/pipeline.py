"""The per-article pipeline: Article(raw) → clean → language → extractors → Document.

Every step is a pure function of the article (plus shipped data), so the same
``analyze_article`` maps unchanged over a batch, a process pool or a Dask bag.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from .errors import EmptyInput, UsageError
from .model import Article, Document, TimeValue, iso_date


def prepare(article: Article) -> Article:
    """The article cleaned, with its language identified."""
    from . import language
    from .clean import clean  # the analysis modules load on first use: `import warta` stays light

    cleaned = clean(article)
    if not cleaned.text.strip():
        raise EmptyInput(article.source, "no article text left after cleaning")
    return dataclasses.replace(cleaned, language=language.detect(cleaned.text))


ITEM_FIELDS = tuple(f.name for f in dataclasses.fields(Document)
                    if f.name in ("entities", "roles", "money", "percents", "quantities", "dates",
                                  "quotes", "events"))


def found_in(text: str, published: dt.date | None) -> dict:
    """Everything the NLP stage and the extractors find in a clean text, by field."""
    from . import extract, nlp

    found = dict(nlp.analyze(text))                 # entities, sentences
    found.update(extract.run(text, published))      # money, percents, quantities, dates
    found.update(extract.link(text, published, found))  # roles, quotes, events (+ entity fixes)
    return found


def analyze_article(article: Article) -> Document:
    """The Document (the DESIGN contract) of one article as a reader gave it."""
    ready = prepare(article)
    found = found_in(ready.text, ready.published)
    found["dates"] = with_page_date(ready, found.get("dates") or [])
    return Document.from_article(ready, **{k: v for k, v in found.items() if k in ITEM_FIELDS})


def with_page_date(article: Article, dates: list[TimeValue]) -> list[TimeValue]:
    """``dates`` with the date the page prints in its date line or dateline ("Selasa 19 Nov
    2019 05:50 WIB", "Jakarta, 5 Juni 2025 –"), which cleaning took out of the text: a
    date the article states (the gold counts it), with the empty span ``[0, 0]`` and its
    ISO value as its text, unless the text states it again."""
    if article.published_from != "dateline" or article.published is None:
        return dates
    precision = article.published_precision or "day"
    value = iso_date(article.published, precision)
    if any(d.value == value for d in dates):
        return dates
    return [TimeValue(text=value, value=value, precision=precision, span=(0, 0)), *dates]


def as_date(value: str | dt.date | None) -> dt.date | None:
    """A date from an ISO string or a date (None stays None)."""
    from .validate import published  # strict ISO, years 1800–2200 (UsageError otherwise)

    return published(value)


def analyze(text: str, published: str | dt.date | None = None, source: str | None = None) -> Document:
    """Analyse one article's text.

    >>> doc = analyze("JAKARTA, KABAR.com - Menteri meresmikan pabrik baru.", published="2025-10-14")
    >>> doc.outlet, doc.dateline, doc.published.isoformat()
    ('KABAR.com', 'Jakarta', '2025-10-14')
    """
    from .validate import optional_text, text as valid_text  # str, valid Unicode (UsageError)

    text, source, date = valid_text(text), optional_text(source, "source"), as_date(published)
    article = Article(source=source or "<text>", raw=text, published=date,
                      published_from="given" if date else None)
    return analyze_article(article)
