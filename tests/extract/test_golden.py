"""Golden files: whole articles written for these tests, and what the extractors give.

``tests/golden/<case>/input.txt`` is the article, ``expected.json`` the reviewed output;
``python tests/golden/regen.py`` rewrites the expected files after a deliberate change.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
CASES = sorted(p.parent.name for p in GOLDEN.glob("extract-*/expected.json"))


def _regen():
    spec = importlib.util.spec_from_file_location("golden_regen", GOLDEN / "regen.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("case", CASES)
def test_golden(case):
    folder = GOLDEN / case
    want = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    text = (folder / "input.txt").read_text(encoding="utf-8")
    got = _regen().expected(text, want["published"])
    for field in want:
        assert got[field] == want[field], f"{case}: {field} differs (regen.py rewrites it)"


def test_there_are_golden_cases():
    assert len(CASES) >= 3


@pytest.mark.parametrize("case", CASES)
def test_spans_point_at_their_text(case):
    folder = GOLDEN / case
    text = (folder / "input.txt").read_text(encoding="utf-8")
    want = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    for field, records in want.items():
        for r in records if isinstance(records, list) else []:
            start, end = r["span"]
            assert text[start:end] == r["text"], (field, r)
