"""Money: phrase → amount/currency/qualifier tables, ranges, and the rupiah equivalent."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest

from warta.extract import EXTRACTORS
from warta.extract.money import idr_rate, money, to_idr

from extract_cases import day, table


def _grouped():
    rows = defaultdict(list)
    for row in table("money"):
        rows[(row[0], row[1])].append(row[2:])
    return sorted(rows.items())


@pytest.mark.parametrize(("key", "expected"), _grouped(), ids=lambda v: v[0] if isinstance(v, tuple) else "")
def test_money(key, expected):
    phrase, published = key
    got = money(phrase, day(published))
    assert [(m.text, m.amount, m.currency, m.qualifier, bool(m.range_id)) for m in got] == [
        (t, float(a), c, q, bool(rest)) for t, a, c, q, *rest in expected]
    for m in got:
        assert phrase[m.span[0]:m.span[1]] == m.text


@pytest.mark.parametrize(("phrase",), table("no_money"))
def test_no_money(phrase):
    assert money(phrase, None) == []


def test_range_members_share_one_id():
    a, b = money("antara Rp2 triliun hingga Rp3 triliun, lalu Rp4-5 triliun", None)[:2]
    c, d = money("antara Rp2 triliun hingga Rp3 triliun, lalu Rp4-5 triliun", None)[2:]
    assert a.range_id == b.range_id != c.range_id == d.range_id


def test_vague_amount_has_no_value():
    (m,) = money("ratusan triliun rupiah", None)
    assert m.vague and m.amount is None and m.idr is None


def test_rupiah_is_its_own_equivalent():
    (m,) = money("Rp 1,44 triliun", dt.date(2025, 10, 14))
    assert m.idr == m.amount and m.rate is None


def test_foreign_amount_gets_rupiah_at_the_nearest_ecb_date():
    # 2025-10-12 is a Sunday: no ECB fixing, the nearest publication date is used
    (m,) = money("635 juta yuan", dt.date(2025, 10, 12))
    assert m.rate["source"] == "ECB" and m.rate["pair"] == "CNY/IDR"
    assert m.rate["date"] in ("2025-10-10", "2025-10-13") and m.rate["requested"] == "2025-10-12"
    assert 1.3e12 < m.idr < 1.6e12
    assert m.idr == pytest.approx(m.amount * m.rate["value"], rel=1e-6)


def test_rate_is_deterministic_and_date_bound():
    early, late = idr_rate("USD", dt.date(2015, 8, 25)), idr_rate("USD", dt.date(2025, 2, 14))
    assert early[1] == dt.date(2015, 8, 25) and 13_000 < early[0] < 15_000
    assert 15_000 < late[0] < 17_500
    assert idr_rate("USD", dt.date(2015, 8, 25)) == early


def test_no_rate_without_a_date_or_for_an_unknown_currency():
    assert to_idr(5.0, "USD", None) == (None, None)
    assert to_idr(5.0, "XAU", dt.date(2020, 1, 2)) == (None, None)


def test_before_the_ecb_history_the_first_rate_is_used():
    value, on = idr_rate("USD", dt.date(1990, 1, 1))
    assert on.year < 2006 and value > 1000


def test_registered():
    assert EXTRACTORS["money"] is money
