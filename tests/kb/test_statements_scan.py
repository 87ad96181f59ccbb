"""The statements' text scans made once per article find what the plain regex scans find.

``sentence_at`` reads an article's sentence breaks once and bisects them; the unmarked
recurrences of an entity's forms are found by ``str.find``.  Both are checked here against
the scans they replaced, on generated texts full of the edge cases (breaks running into
the position asked for, quotes after a full stop, the characters re.IGNORECASE matches
beyond an ASCII letter's two cases)."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from warta.kb import statements

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+|\n+")

CHARS = st.sampled_from(list("ab .!?\n\"”’' ,İıKſkKsSI_é1"))
TEXTS = st.lists(CHARS, max_size=60).map("".join)


def scanned_sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """``sentence_at`` as it was: a scan from the text's start for every position."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    m = _SENTENCE_END.search(text, end)
    return left, (m.start() if m else len(text))


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.data())
def test_sentence_at_is_the_scan(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert statements.sentence_at(text, start, end) == scanned_sentence(text, start, end)


@example("Naik.   Lalu turun.", 6, 6)      # a break running past start: cut there
@example("Naik.\u201d  Lalu.", 6, 6)       # a closing quote before the cut
@example("Naik.\n\n\nLalu.", 6, 7)          # a run of newlines around both ends
@example("Naik.   Lalu turun.", 2, 7)
@given(st.just(""), st.just(0), st.just(0))
def test_sentence_at_at_a_break(text, start, end):
    assert statements.sentence_at(text, start, end) == scanned_sentence(text, start, end)


FORMS = st.lists(st.sampled_from(list("ab kKsSiI_1é")), min_size=1, max_size=6).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXTS, FORMS, st.booleans())
def test_occurrences_are_the_regex_matches(text, form, blind):
    flags = re.IGNORECASE if blind else 0
    wanted = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text, flags=flags)]
    assert list(statements._occurrences(form, flags, text, statements._fold(text))) == wanted


def test_fold_keeps_every_position():
    text = "İstana ıslak Kelvin ſaat KOTA"
    assert len(statements._fold(text)) == len(text)
