"""Shared fixtures: the fixture folder, and the real articles in ../shared when present."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = (Path(__file__).resolve().parents[1] / ".." / "shared").resolve()


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def shared() -> Path:
    """../shared (real articles and gold), or a skip that says why."""
    if not (SHARED / "corpus").is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): real-article checks need it")
    return SHARED
