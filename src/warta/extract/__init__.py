"""Extractors: find spans in the clean text, then interpret them into records.

Each extractor is a pure function ``(text, published) -> list[record]``; ``EXTRACTORS``
maps a field of the contract (``Document``) to the function that fills it.  ``run``
applies them all.  The same functions back the spaCy components in ``nlp/``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

Extractor = Callable[[str, "dt.date | None"], list[Any]]

# field of the Document -> extractor; later issues add theirs here
EXTRACTORS: dict[str, Extractor] = {}


def run(text: str, published: dt.date | None = None) -> dict[str, list[Any]]:
    """Every extractor's records for ``text``, keyed by Document field."""
    return {name: fn(text, published) for name, fn in EXTRACTORS.items()}
