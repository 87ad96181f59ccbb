"""What the entity rules read of every token of a doc, made once per doc.

Walking a doc's tokens makes a Token object at each step, and the rules read the same few
attributes of every token many times over (the text, its lower case, whether it is
capitalised or opens a sentence): that was their main cost.  These tables are made on the
first call for a doc and kept in its ``doc.user_data``; a doc whose length changed since
(retokenized) gets them anew.  Only what a doc's tokens are is kept here, nothing the
rules decide.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IDX, IS_SPACE, IS_TITLE, IS_UPPER, LIKE_NUM, ORTH, SENT_START, SPACY
from spacy.tokens import Doc


def _cached(doc: Doc, key: str, make):
    found = doc.user_data.get(key)
    if found is None or found[0] != len(doc):
        found = doc.user_data[key] = (len(doc), make(doc))
    return found[1]


def texts(doc: Doc) -> tuple[list[str], list[str]]:
    """The doc's token texts and their lower-case forms."""
    return _cached(doc, "warta_texts", _texts)


def _texts(doc: Doc) -> tuple[list[str], list[str]]:
    strings = doc.vocab.strings  # a token's text is its lexeme's ORTH string, as Token.text reads it
    words = [strings[o] for o in doc.to_array([ORTH]).tolist()] if len(doc) else []
    return words, [w.lower() for w in words]


def text(doc: Doc) -> str:
    """``doc.text`` (which spaCy joins anew from the tokens at every call): each token's
    text and its trailing space."""
    return _cached(doc, "warta_text", _text)


def _text(doc: Doc) -> str:
    if not len(doc):
        return doc.text
    words, _ = texts(doc)
    return "".join(w + " " if sp else w for w, sp in zip(words, doc.to_array([SPACY]).tolist()))


@dataclass(frozen=True)
class Shapes:
    """Per token: ``title`` (``is_title``), ``upper`` (``is_upper``), ``capital``
    (``is_title``, ``is_upper`` or ``like_num``), ``space`` (``is_space``), ``opens``
    (``is_sent_start`` true: as the sentence splitters left it, which run before the
    rules) and ``idx`` (its first character)."""

    title: list[bool]
    upper: list[bool]
    capital: list[bool]
    space: list[bool]
    opens: list[bool]
    idx: list[int]


def shapes(doc: Doc) -> Shapes:
    """The doc's :class:`Shapes`."""
    return _cached(doc, "warta_shapes", _shapes)


def _shapes(doc: Doc) -> Shapes:
    title, upper, num, space, start, idx = (
        doc.to_array([IS_TITLE, IS_UPPER, LIKE_NUM, IS_SPACE, SENT_START, IDX]).astype("int64").T.tolist()
        if len(doc) else ([],) * 6)
    return Shapes(title=[bool(t) for t in title], upper=[bool(u) for u in upper],
                  capital=[bool(t or u or n) for t, u, n in zip(title, upper, num)],
                  space=[bool(s) for s in space], opens=[s > 0 for s in start], idx=idx)


def span_text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text`` (``start < end``) without making the span."""
    words, idx = texts(doc)[0], shapes(doc).idx
    return text(doc)[idx[start]:idx[end - 1] + len(words[end - 1])]
