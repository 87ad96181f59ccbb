"""The end-to-end quality gate: every gold set in ../shared, scored as `warta extract` runs.

``benchmarks/quality.py`` runs the whole pipeline on every article a gold file scores and
``tools/score.py`` matches the output; the floors in ``quality_floors.yaml`` are pinned per
gold set and field, with the corpus hash.  The check folds (``benchmarks/quality.yaml``)
are gated like the others: a floor there is what holds on articles nobody tuned on.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()
FLOORS = Path(__file__).with_name("quality_floors.yaml")


def _quality():
    spec = importlib.util.spec_from_file_location("quality", ROOT / "benchmarks" / "quality.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def result():
    if not (SHARED / "gold").is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): the quality gate needs its gold")
    return _quality().evaluate(SHARED)


def _pinned() -> dict:
    return yaml.safe_load(FLOORS.read_text(encoding="utf-8"))


def test_corpus_is_the_one_the_floors_were_measured_on(result):
    assert result["corpus_sha256"] == _pinned()["corpus_sha256"], (
        "the gold or the articles in ../shared changed: re-measure with benchmarks/quality.py,"
        " then update corpus_sha256 and the floors in tests/quality_floors.yaml")


def test_every_gold_set_has_floors(result):
    assert set(_pinned()["floors"]) == set(result["sets"]), "a gold set without floors (or floors of a removed set)"


def test_check_folds_are_gold_sets(result):
    assert result["check_folds"], "no check fold is marked in benchmarks/quality.yaml"


def _value(scores: dict, field: str) -> float:
    """F1, or for outlet, dateline and published the accuracy on the articles that print them."""
    v = scores[field]
    return v["f1"] if "f1" in v else v["printed_accuracy"]


@pytest.mark.parametrize("name", sorted(yaml.safe_load(FLOORS.read_text(encoding="utf-8"))["floors"]))
def test_gold_set_meets_its_floors(result, name):
    floors = _pinned()["floors"][name]
    got = result["sets"][name]
    low = {f: _value(got, f) for f, floor in floors.items() if _value(got, f) < floor}
    assert not low, f"{name}: below floor {low} (floors {floors})"


def test_table_names_every_set_and_pool(result):
    text = _quality().table(result)
    for name in [*result["sets"], "[check]", "[tuned]", "[all]"]:
        assert name in text
