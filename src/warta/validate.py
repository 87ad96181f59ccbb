"""Checks of what a caller hands warta (``analyze`` arguments, ``POST /api/extract`` bodies).

Each check returns the value ready to use or raises ``UsageError`` naming the argument and
the reason, so that a wrong type, invalid Unicode or an impossible date is refused at the
door rather than failing deep inside the pipeline.

>>> published("2025-10-14T08:00:00+07:00")
datetime.date(2025, 10, 14)
>>> published("2025-10-14garbage")
Traceback (most recent call last):
...
warta.errors.UsageError: published: '2025-10-14garbage' is not an ISO date (YYYY-MM-DD)
"""

from __future__ import annotations

import datetime as dt

from .errors import UsageError, quote

# Dates a news article can carry: relative dates ("tomorrow", "ten years ago") are worked
# out from ``published``, and date arithmetic must stay inside Python's years 1–9999.
FIRST_YEAR = 1800
LAST_YEAR = 2200
MAX_ID = 2**63 - 1  # ids are signed 64-bit integers in every database warta uses


def surrogate_at(value: str) -> int | None:
    """The offset of the first lone surrogate in ``value`` (invalid Unicode), or None."""
    if value.isascii():
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None


def text(value: object, name: str = "text") -> str:
    """``value`` if it is a string of valid Unicode (NUL characters removed)."""
    if not isinstance(value, str):
        raise UsageError(f"{name}: expected a string, got {type(value).__name__}")
    at = surrogate_at(value)
    if at is not None:
        raise UsageError(f"{name}: invalid Unicode (a lone surrogate, {value[at]!a}, at offset {at})")
    return value.replace("\x00", "") if "\x00" in value else value


def optional_text(value: object, name: str) -> str | None:
    return None if value is None else text(value, name)


def published(value: object) -> dt.date | None:
    """A publication date from a date, a datetime or an ISO string (date or datetime);
    refused when it is not one or lies outside the years ``FIRST_YEAR``–``LAST_YEAR``."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        day = _iso(value.strip())
    else:
        raise UsageError(f"published: expected an ISO date string or a date, got {type(value).__name__}")
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise UsageError(f"published: {day.isoformat()} is outside the years {FIRST_YEAR}–{LAST_YEAR}")
    return day


def _iso(value: str) -> dt.date:
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        raise UsageError(f"published: '{quote(value, 40)}' is not an ISO date (YYYY-MM-DD)") from None


def identifier(value: int, name: str = "id") -> int:
    """``value`` if it fits a database id (0 … 2⁶³−1)."""
    if not 0 <= value <= MAX_ID:
        raise UsageError(f"{name}: {quote(value, 30)} is not an id (0 … {MAX_ID})")
    return value


__all__ = ["FIRST_YEAR", "LAST_YEAR", "MAX_ID", "identifier", "optional_text", "published",
           "surrogate_at", "text"]
