"""The quotes linker: quotation marks of every kind and every way of naming the speaker."""

from __future__ import annotations

import pytest
from linker_cases import CASES, golden, linked, rows

from warta.extract.quotes import spans


@pytest.mark.parametrize("text,entities,speaker,start", rows("quotes"))
def test_quote_shapes(text, entities, speaker, start):
    got = [(q.speaker, q.text) for q in linked(text, entities)["quotes"]]
    if speaker == "-":
        assert got == []
        return
    assert len(got) == 1, got
    assert got[0][0] == speaker
    assert got[0][1].startswith(start)


@pytest.mark.parametrize("text,quoted", [
    ('Ia berkata, “Kami siap,” lalu pergi.', ["“Kami siap,”"]),
    ('“Satu “dua” tiga,” kata A.', ["“Satu “dua” tiga,”"]),
    ('"Satu," kata A. "Dua," kata B.', ['"Satu,"', '"Dua,"']),
    ('Kota Xi’an dan Ma’ruf.', []),
    ('“Baris satu.\n“Baris dua,” kata A.', ["“Baris satu.\n“Baris dua,”"]),
    ('“Tanpa penutup\nParagraf baru.', ["“Tanpa penutup"]),
    ('«Satu» dan ‘dua tiga’.', ["«Satu»", "‘dua tiga’"]),
])
def test_quotation_spans(text, quoted):
    assert [text[a:b] for a, b in spans(text)] == quoted


@pytest.mark.parametrize("case", CASES)
def test_golden_quotes(case):
    got, want = golden(case)
    assert got["quotes"] == want["quotes"]
