"""Helpers for the extractor tests: the phrase tables under ``cases/``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

CASES = Path(__file__).parent / "cases"


def table(name: str) -> list[list[str]]:
    """Rows of ``cases/<name>.tsv`` (tab-separated, ``#`` comments, one phrase a line)."""
    rows = []
    for line in (CASES / f"{name}.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def day(s: str) -> dt.date | None:
    return None if s in ("", "-") else dt.date.fromisoformat(s)
