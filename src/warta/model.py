"""The records that flow through every stage of warta.

An :class:`Article` comes out of a reader (``sources/``), is cleaned (``clean``) and then
analysed into a :class:`Document`, the JSON contract of DESIGN.md.  Every extracted item
carries ``span = (start, end)``: character offsets into ``Document.text`` (the clean text).

Records are immutable dataclasses: a stage returns new records (``dataclasses.replace``)
instead of mutating its input.  ``to_dict()`` gives the contract's JSON shape.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, TypedDict

Span = tuple[int, int]

ENTITY_TYPES = ("PER", "ORG", "LOC", "PRODUCT", "EVENT")
# event types are declared once, in lang/id/event_triggers.yaml (see warta.extract.events)


def _plain(value: Any) -> Any:
    """Turn a record value into plain JSON-able data (tuples → lists, dates → ISO)."""
    if dataclasses.is_dataclass(value):
        return value.to_dict()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


class Record:
    """Mixin: ``to_dict()`` for dataclass records, in field order."""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: _plain(getattr(self, f.name)) for f in dataclasses.fields(self)}


@dataclass(frozen=True)
class Article(Record):
    """One article as read and cleaned: metadata plus raw and clean text.

    ``published_from`` says where ``published`` came from: ``metadata`` (the reader's
    source: HTML meta, feed entry, JSON field), ``url``, ``dateline`` (a date line near the
    top), ``text`` (the first "Hari (dd/mm/yyyy)" in the body) or ``given`` (passed in).
    """

    source: str
    raw: str
    text: str = ""
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    published: dt.date | None = None
    published_from: str | None = None
    published_precision: str | None = None
    language: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Entity(Record):
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)


@dataclass(frozen=True)
class Role(Record):
    person: str
    title: str
    org: str | None
    span: Span


@dataclass(frozen=True)
class Money(Record):
    """An amount of money. ``amount`` is in units of ``currency`` (ISO 4217); ``idr`` is
    its rupiah equivalent at the article's date (``rate`` says which rate, or None)."""

    text: str
    amount: float | None
    currency: str
    span: Span
    qualifier: str = "exact"
    idr: float | None = None
    rate: dict[str, Any] | None = None
    vague: bool = False
    range_id: str | None = None


@dataclass(frozen=True)
class Percent(Record):
    text: str
    value: float | None
    span: Span
    unit: str = "percent"
    qualifier: str = "exact"


@dataclass(frozen=True)
class Quantity(Record):
    text: str
    value: float | None
    unit: str
    span: Span
    qualifier: str = "exact"
    vague: bool = False


@dataclass(frozen=True)
class TimeValue(Record):
    """A date or period resolved to ISO 8601 (``value``), with its ``precision``
    (day, month, quarter, half, year, span, vague) and how it was resolved."""

    text: str
    value: str | None
    precision: str
    span: Span
    relative: bool = False


@dataclass(frozen=True)
class Quote(Record):
    speaker: str | None
    text: str
    span: Span


class EventArgs(TypedDict, total=False):
    """An event's arguments (gold/SCHEMA.md names; an event has those its type needs).
    Names are entity names; ``date`` the ISO value of a date item; ``money`` the index of
    the money item whose ``amount`` and ``currency`` are given."""

    participants: list[str]
    visitor: str
    host: str
    investor: str
    company: str
    parties: list[str]
    via: str
    acquirer: str
    issuer: str
    speaker: str
    org: str
    target: str
    place: str
    date: str
    amount: float
    currency: str
    money: int
    percent: float
    count: float
    unit: str
    qualifier: str
    previous: float
    product: str
    facility: str


@dataclass(frozen=True)
class Event(Record):
    type: str
    trigger: str
    args: EventArgs
    evidence: str
    span: Span
    confidence: float = 0.5

    def to_dict(self) -> dict[str, Any]:
        # the contract flattens arguments into the event object (gold/SCHEMA.md)
        out = {"type": self.type, "trigger": self.trigger}
        out.update(_plain(self.args))
        out.update(evidence=self.evidence, span=list(self.span), confidence=self.confidence)
        return out


@dataclass(frozen=True)
class Document(Record):
    """One analysed article: the JSON contract of DESIGN.md."""

    source: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    published: dt.date | None = None
    published_from: str | None = None
    published_precision: str | None = None
    language: str | None = None
    text: str = ""
    entities: list[Entity] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    money: list[Money] = field(default_factory=list)
    percents: list[Percent] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[TimeValue] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @classmethod
    def from_article(cls, article: Article, **items: Any) -> "Document":
        """A Document carrying the article's metadata and clean text, plus ``items``."""
        return cls(
            source=article.source, text=article.text, title=article.title, url=article.url,
            outlet=article.outlet, dateline=article.dateline, published=article.published,
            published_from=article.published_from, published_precision=article.published_precision,
            language=article.language, **items,
        )

    def to_dict(self) -> dict[str, Any]:
        out = super().to_dict()
        if self.published:
            # "2019-11" or "2015" when that is all the article tells (gold/SCHEMA.md)
            out["published"] = iso_date(self.published, self.published_precision)
        return out


def iso_date(day: dt.date, precision: str | None = None) -> str:
    """A date as ISO 8601 at its precision: "2019-11-19", "2019-11" (month), "2019" (year).

    >>> iso_date(dt.date(2019, 11, 19), "month")
    '2019-11'
    """
    return day.isoformat()[: {"month": 7, "year": 4}.get(precision or "day", 10)]
