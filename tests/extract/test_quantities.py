"""Percents and quantities: phrase tables, and what must not be counted."""

from __future__ import annotations

import pytest

from warta.extract import EXTRACTORS
from warta.extract.quantities import percents, quantities

from extract_cases import table


@pytest.mark.parametrize(("phrase", "text", "value", "unit", "qualifier"), table("percents"))
def test_percent(phrase, text, value, unit, qualifier):
    (p,) = percents(phrase, None)
    assert (p.text, p.value, p.unit, p.qualifier) == (text, float(value), unit, qualifier)
    assert quantities(phrase, None) == []


def test_percent_range():
    assert [p.value for p in percents("naik 5-6 persen", None)] == [5.0, 6.0]


@pytest.mark.parametrize(("phrase", "text", "value", "unit", "qualifier"), table("quantities"))
def test_quantity(phrase, text, value, unit, qualifier):
    (q,) = quantities(phrase, None)
    expected = float(value) if value else None
    assert (q.text, q.value, q.unit, q.qualifier, q.vague) == (text, expected, unit, qualifier, not value)
    assert phrase[q.span[0]:q.span[1]] == q.text


@pytest.mark.parametrize(("phrase",), table("no_quantities"))
def test_no_quantity(phrase):
    assert quantities(phrase, None) == []


def test_year_is_a_date_not_a_quantity():
    text = "Pabrik itu dibangun pada 2019 dan kini mempekerjakan 2019 orang."
    assert [(q.value, q.unit) for q in quantities(text, None)] == [(2019.0, "orang")]


def test_registered():
    assert EXTRACTORS["percents"] is percents and EXTRACTORS["quantities"] is quantities
