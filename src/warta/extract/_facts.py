"""What the fact linkers (roles, quotes, events) share: the :class:`View` of an article
(sentences, tokens, an index of entity mentions) and :class:`Facts`, the frozen record
``extract.link`` hands each linker (the View plus the records found before it).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Entity, Event, Money, Percent, Quantity, Quote, Role, Span, TimeValue
from ..sentences import repair as repair_sentences, split as split_sentences
from ..words import fold

TOKEN = re.compile(r"[(),]|[^\s(),]+")
@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    entity: Entity

    @property
    def type(self) -> str:
        return self.entity.type


@dataclass(frozen=True)
class Lexed:
    """What a View reads of the text alone, whatever its entities: tokens (with their
    folded forms) and the fallback splitter's sentences.  Views of one text share it."""

    tokens: list[tuple[int, int, str]]
    folded: list[str]
    starts: list[int]
    own: list[Span]
    own_starts: list[int]

    @classmethod
    def of(cls, text: str) -> Lexed:
        tokens = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
        own = split_sentences(text)
        return cls(tokens, [t[2].strip(_PUNCT).casefold() or t[2] for t in tokens],
                   [t[0] for t in tokens], own, [s for s, _ in own])


@dataclass
class View:
    """What the fact linkers read of one article, with look-ups over it: its entity
    mentions, its sentences, its tokens.  Built once per entity list (``View.of``, or
    ``with_entities`` for the same text with other entities)."""

    text: str
    entities: list[Entity]
    sentences: list[Span]
    mentions: list[Mention]
    lexed: Lexed | None = None

    def __post_init__(self) -> None:
        if self.lexed is None:
            self.lexed = Lexed.of(self.text)
        self._starts = [m.start for m in self.mentions]
        self._sent_starts = [s for s, _ in self.sentences]
        self.tokens, self.folded, self._tok_starts = self.lexed.tokens, self.lexed.folded, self.lexed.starts
        self._own, self._own_starts = self.lexed.own, self.lexed.own_starts

    @functools.cached_property
    def folded_text(self) -> str:
        """The text case-folded, its white space collapsed (``words.fold``), made once."""
        return fold(self.text)

    @classmethod
    def of(cls, text: str, entities: Iterable[Entity], sentences: Iterable[Span] | None = None) -> View:
        """The View of ``text`` with ``entities``; sentences from the NLP stage (repaired)
        or, without them, the fallback splitter's."""
        entities = list(entities)
        lexed = Lexed.of(text)
        spans = repair_sentences(text, sentences) if sentences else lexed.own
        return cls(text, entities, spans, mentions_of(entities), lexed)

    def with_entities(self, entities: Iterable[Entity]) -> View:
        """The View of the same text and sentences with other ``entities``."""
        entities = list(entities)
        return View(self.text, entities, self.sentences, mentions_of(entities), self.lexed)

    # -- mentions -------------------------------------------------------------------
    def within(self, start: int, end: int, types: Iterable[str] | None = None) -> list[Mention]:
        """Mentions lying inside ``[start, end)``, in text order."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            m = self.mentions[i]
            if m.end <= end and (types is None or m.type in types):
                out.append(m)
            i += 1
        return out

    def starting_at(self, pos: int) -> Mention | None:
        """The longest mention starting at ``pos``."""
        i = bisect.bisect_left(self._starts, pos)
        best = None
        while i < len(self.mentions) and self.mentions[i].start == pos:
            if best is None or self.mentions[i].end > best.end:
                best = self.mentions[i]
            i += 1
        return best

    def covering(self, pos: int) -> Mention | None:
        """A mention that covers character ``pos``."""
        i = bisect.bisect_right(self._starts, pos) - 1
        while i >= 0 and self.mentions[i].start > pos - 200:
            m = self.mentions[i]
            if m.start <= pos < m.end:
                return m
            i -= 1
        return None

    def last_before(self, pos: int, types: Iterable[str], skip: list[Span] = ()) -> Mention | None:
        """The last mention of one of ``types`` ending before ``pos``, outside ``skip`` spans."""
        i = bisect.bisect_left(self._starts, pos) - 1
        while i >= 0:
            m = self.mentions[i]
            if m.type in types and m.end <= pos and not any(a <= m.start < b for a, b in skip):
                return m
            i -= 1
        return None

    # -- sentences and tokens -------------------------------------------------------
    def sentence_of(self, pos: int) -> Span:
        i = bisect.bisect_right(self._sent_starts, pos) - 1
        if i < 0:
            return (0, self.sentences[0][1] if self.sentences else len(self.text))
        return self.sentences[i]

    def own_sentence_of(self, pos: int) -> Span:
        """The sentence of ``pos`` by the fallback splitter: local patterns (a title and its
        name) read across a break a statistical splitter may put after "PT."."""
        i = bisect.bisect_right(self._own_starts, pos) - 1
        return self._own[i] if i >= 0 else (0, len(self.text))

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._sent_starts, pos) - 1)

    def token_index(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect.bisect_left(self._tok_starts, pos)

    def name(self, mention: Mention | None) -> str | None:
        return mention.entity.name if mention else None


def mentions_of(entities: list[Entity]) -> list[Mention]:
    """Every mention of every entity, in text order (longest first at a shared start)."""
    out = [Mention(s, e, ent) for ent in entities for s, e in ent.mentions]
    out.sort(key=lambda m: (m.start, -m.end))
    return out


_PUNCT = ".;:!?\"“”‘’«»'"


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def is_capitalised(token: str) -> bool:
    return bool(token) and (token[0].isupper() or (token[0].isdigit() and any(c.isupper() for c in token)))


@dataclass(frozen=True)
class Facts:
    """What a fact linker reads: the article's View and the records found before it (the
    extractors' amounts and dates; the roles and quotes of the linkers before)."""

    view: View
    published: dt.date | None = None
    money: list[Money] = field(default_factory=list)
    percents: list[Percent] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[TimeValue] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @classmethod
    def of(cls, text: str, entities: Iterable[Entity] = (), sentences: Iterable[Span] | None = None,
           published: dt.date | None = None, **records: list) -> Facts:
        """Facts over a new View of ``text`` (tests and doctests build them so)."""
        return cls(View.of(text, entities, sentences), published, **records)

    @property
    def text(self) -> str:
        return self.view.text
