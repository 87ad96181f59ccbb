"""Dates and periods: phrase → ISO value tables, weekday checks, and a round trip."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warta import lang
from warta.extract import EXTRACTORS
from warta.extract.time import dates, holiday

from extract_cases import day, table


@pytest.mark.parametrize(("phrase", "published", "text", "value", "precision"), table("dates"))
def test_date(phrase, published, text, value, precision):
    (t,) = dates(phrase, day(published))
    assert (t.text, t.value, t.precision) == (text, value or None, precision)
    assert phrase[t.span[0]:t.span[1]] == t.text


@pytest.mark.parametrize(("phrase", "published"), table("no_dates"))
def test_no_date(phrase, published):
    assert dates(phrase, day(published)) == []


def test_relative_dates_use_published_never_the_clock():
    a = dates("kemarin", dt.date(2001, 3, 1))[0]
    assert a.value == "2001-02-28" and a.relative
    assert dates("kemarin", None) == []


def test_undated_day_month_takes_the_one_year_of_its_sentence():
    text = "Pameran itu digelar pada 2024 di Surabaya dan dibuka Kamis (2/5). Pada 2023 sepi."
    assert [(t.text, t.value) for t in dates(text, None)] == [
        ("pada 2024", "2024"), ("Kamis (2/5)", "2024-05-02"), ("Pada 2023", "2023")]
    two = dates("Rapat pada 2023 dan pada 2024 digelar Kamis (2/5).", None)
    assert [t.value for t in two if t.precision == "day"] == ["XXXX-05-02"]
    wrong_day = dates("Pameran pada 2025 dibuka Kamis (2/5).", None)  # 2/5/2025 was a Friday
    assert [t.value for t in wrong_day if t.precision == "day"] == ["XXXX-05-02"]


def test_weekday_picks_the_year():
    # 18/11 was a Monday in 2019, not in 2020: the weekday wins over the published year
    (t,) = dates("Senin (18/11)", dt.date(2020, 1, 10))
    assert t.value == "2019-11-18"


def test_same_period_last_year_follows_the_period_named_before():
    got = dates("pada triwulan kedua 2018 naik dari periode yang sama tahun lalu", dt.date(2018, 9, 7))
    assert [t.value for t in got] == ["2018-Q2", "2017-Q2"]


def test_a_comparison_with_last_year_follows_the_period_named_before():
    got = dates("laba kuartal II 2024 naik 8 persen dari tahun lalu", dt.date(2024, 8, 1))
    assert [t.value for t in got] == ["2024-Q2", "2023-Q2"]
    got = dates("harga naik dibandingkan tahun sebelumnya", dt.date(2024, 8, 1))
    assert got == []  # the story's year before: not resolved against the article's date


def test_previous_quarter_follows_the_period_named_before():
    got = dates("pada kuartal kedua 2018, naik dari kuartal sebelumnya", dt.date(2018, 9, 7))
    assert [t.value for t in got] == ["2018-Q2", "2018-Q1"]


def test_holiday_names_resolve_through_the_holidays_package():
    assert holiday("Eid al-Fitr", 2025) == dt.date(2025, 3, 31)
    assert holiday("No Such Day", 2025) is None


_MONTH_NAMES = sorted({v: k for k, v in lang.load("months").items() if len(k) > 5}.items())


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_written_dates_round_trip(d):
    long_name = dict(_MONTH_NAMES)[d.month] if d.month in dict(_MONTH_NAMES) else None
    phrases = [f"{d.day}/{d.month}/{d.year}", f"({d.day:02d}/{d.month:02d}/{d.year})"]
    if long_name:
        phrases.append(f"{d.day} {long_name.capitalize()} {d.year}")
    for phrase in phrases:
        (t,) = dates(phrase, None)
        assert t.value == d.isoformat(), phrase


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)))
def test_day_month_without_year_takes_the_year_its_weekday_fits(d):
    days = {v: k for k, v in lang.load("days").items() if "'" not in k}
    phrase = f"{days[d.isoweekday()].capitalize()} ({d.day}/{d.month})"
    (t,) = dates(phrase, d + dt.timedelta(days=3))
    assert t.value == d.isoformat()


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)),
       st.integers(min_value=-5, max_value=5))
def test_relative_years_round_trip(published, n):
    words = {-1: "tahun lalu", 0: "tahun ini", 1: "tahun depan"}
    phrase = words.get(n) or (f"{abs(n)} tahun lalu" if n < 0 else f"{n} tahun lagi")
    (t,) = dates(phrase, published)
    assert t.value == str(published.year + n)


def test_registered():
    assert EXTRACTORS["dates"] is dates


def test_same_period_of_the_year_before_follows_the_period_named_before():
    got = dates("pada triwulan I 2021 tumbuh dari periode yang sama pada tahun sebelumnya", dt.date(2021, 4, 26))
    assert [t.value for t in got] == ["2021-Q1", "2020-Q1"]


def test_a_period_named_without_its_year_follows_the_period_last_named():
    text = ("Laba kuartal I 2023 naik, dan pada kuartal II turun. Ekspor April 2023 naik dari "
            "bulan sebelumnya. Pada 2022 laba naik dibanding tahun sebelumnya.")
    got = [(t.text, t.value) for t in dates(text, dt.date(2024, 5, 14))]
    assert got == [("kuartal I 2023", "2023-Q1"), ("kuartal II", "2023-Q2"), ("April 2023", "2023-04"),
                   ("bulan sebelumnya", "2023-03"), ("Pada 2022", "2022"), ("tahun sebelumnya", "2021")]


def test_months_counted_from_the_news_year_are_no_span_of_this_year():
    got = dates("Sejak Agustus tahun lalu hingga Februari tahun ini harga naik.", dt.date(2024, 3, 14))
    assert [t.value for t in got] == ["2023-08", "2024-02"]
