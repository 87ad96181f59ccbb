"""Numbers: phrase → value tables and a round trip through Indonesian formatting."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from warta.extract import numbers

from extract_cases import table


@pytest.mark.parametrize(("phrase", "value"), table("numbers"))
def test_number(phrase, value):
    found = numbers.find(phrase)
    assert len(found) == 1 and found[0].text == phrase, found
    if value:
        assert found[0].value == pytest.approx(float(value)) and not found[0].vague
    else:
        assert found[0].value is None and found[0].vague


@pytest.mark.parametrize(("phrase", "value"), table("ordinals"))
def test_ordinal(phrase, value):
    assert numbers.ordinal(phrase) == int(value)


@pytest.mark.parametrize(("phrase",), table("not_ordinals"))
def test_not_ordinal(phrase):
    assert numbers.ordinal(phrase) is None


@pytest.mark.parametrize(("text", "not_found"), table("not_numbers"))
def test_not_a_plain_number(text, not_found):
    """Versions, reduplications and mid-token digits give no stand-alone number."""
    assert all(n.text != not_found for n in numbers.find(text))


@given(st.integers(min_value=0, max_value=10**15))
def test_integers_round_trip(value):
    text = numbers.format_id(value)
    assert numbers.parse(text) == value


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=99))
def test_decimals_round_trip(whole, cents):
    value = whole + cents / 100
    text = numbers.format_id(value, 2)
    assert numbers.parse(text) == pytest.approx(value, rel=1e-12)


@given(st.integers(min_value=1, max_value=999), st.sampled_from(["ribu", "juta", "miliar", "triliun"]))
def test_scaled_round_trip(value, scale):
    factor = {"ribu": 10**3, "juta": 10**6, "miliar": 10**9, "triliun": 10**12}[scale]
    assert numbers.parse(f"{numbers.format_id(value)} {scale}") == value * factor


_W = yaml.safe_load((Path(__file__).parent / "cases" / "speller.yaml").read_text(encoding="utf-8"))


def _words(n: int) -> str:
    """A small number speller, for the round trip (test-only, its own word list)."""
    ones = _W["ones"]
    if n < 10:
        return ones[n]
    if n in (10, 11):
        return _W["ten"] if n == 10 else _W["eleven"]
    if n < 20:
        return f"{ones[n - 10]} {_W['teen']}"
    if n < 100:
        return f"{ones[n // 10]} {_W['tens']} {_words(n % 10)}".strip()
    if n < 1000:
        head = _W["one_hundred"] if n // 100 == 1 else f"{ones[n // 100]} {_W['hundred']}"
        return f"{head} {_words(n % 100)}".strip()
    head = _W["one_thousand"] if n // 1000 == 1 else f"{_words(n // 1000)} {_W['thousand']}"
    return f"{head} {_words(n % 1000)}".strip()


@given(st.integers(min_value=1, max_value=999_999))
def test_words_round_trip(value):
    assert numbers.parse(_words(value)) == value
