"""Shared fixtures: the fixture folder, the real articles in ../shared when present, and a
fresh schema on the PostgreSQL server of ``WARTA_TEST_POSTGRES`` when one is given."""

from __future__ import annotations

import os
import uuid
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


@pytest.fixture
def pg_url():
    """The URL of a fresh schema on the server of ``WARTA_TEST_POSTGRES`` (dropped after the
    test), or a skip that says why (``.ci/run`` installs and starts a server)."""
    url = os.environ.get("WARTA_TEST_POSTGRES")
    if not url:
        pytest.skip("WARTA_TEST_POSTGRES is not set: no PostgreSQL server to test the server store on "
                    "(.ci/run starts one)")
    from sqlalchemy import create_engine, text

    schema = f"t_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in url else "?"
    yield f"{url}{sep}options=-csearch_path%3D{schema}"
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()
