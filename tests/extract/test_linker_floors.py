"""The evaluation gate of the fact linkers: roles, quotes and events F1 on the real
articles in ../shared against the gold, with ``tools/score.py``'s matching.

The NER is not yet wired into the pipeline the linkers see, so their entities are the gold
entities found in the clean text (see ``_score_linkers.py``); a second gate runs them on
the shipped NER's entities.  Floors live in ``linker_floors.yaml``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from _score_linkers import CORPORA, scores
from test_quality_floor import corpus_hash

FLOORS = Path(__file__).with_name("linker_floors.yaml")
# the minimums: a floor below these is refused
MINIMUM = {"roles": 0.80, "quotes": 0.85, "events": 0.60}


def _floors(key: str = "floors") -> dict:
    return yaml.safe_load(FLOORS.read_text(encoding="utf-8"))[key]


def test_floors_are_not_below_the_minimum():
    for key in ("floors", "ner_floors"):
        for corpus, fields in _floors(key).items():
            for field, floor in fields.items():
                assert floor >= MINIMUM[field], f"{key} {corpus}/{field}: {floor} below {MINIMUM[field]}"


def test_corpus_is_the_one_the_floors_were_measured_on(shared):
    pinned = yaml.safe_load(FLOORS.read_text(encoding="utf-8"))["corpus_sha256"]
    assert corpus_hash(shared) == pinned, (
        "the gold or the articles in ../shared changed: re-measure (tests/extract/_score_linkers.py),"
        " then update corpus_sha256 in tests/extract/linker_floors.yaml")


def _check(got: dict, floors: dict, label: str) -> None:
    report = {f: f"P={p:.3f} R={r:.3f} F1={f1:.3f}" for f, (p, r, f1) in got.items()}
    print(label, report)
    low = {f: round(got[f][2], 3) for f, floor in floors.items() if got[f][2] < floor}
    assert not low, f"{label}: below floor {low} (floors {floors}); all: {report}"


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_linkers_meet_their_floors(shared, corpus):
    _check(scores(shared, corpus), _floors()[corpus], corpus)


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_linkers_on_the_shipped_ner_meet_their_floors(shared, corpus):
    nlp = pytest.importorskip("warta.nlp")
    try:
        nlp.load()
    except Exception as exc:  # no model shipped in this checkout
        pytest.skip(f"the NER model does not load: {exc}")
    _check(scores(shared, corpus, ner=True), _floors("ner_floors")[corpus], f"{corpus} (NER)")
