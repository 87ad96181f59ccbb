"""The evaluation gate: the shipped NER model's entity-level F1 (PER, ORG, LOC, exact span)
on each dev split must not drop below the floor pinned in ``ner_floors.json``.

``floor`` is what this gate enforces (the measured score, rounded down); ``target`` is the
goal set in the NER issue.  A floor is raised when a model beats it, never lowered
silently: lowering one is a reviewed change to the JSON file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.nlp.evaluate import evaluate_file

FLOORS = json.loads((Path(__file__).parent / "ner_floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def model_only():
    from warta.nlp import pipeline

    assert (pipeline.MODEL_DIR / "config.cfg").is_file(), f"no shipped NER model in {pipeline.MODEL_DIR}"
    return pipeline.build(with_rules=False)


@pytest.mark.parametrize("name", sorted(FLOORS["sets"]))
def test_dev_split_f1_at_or_above_floor(shared, model_only, name):
    spec = FLOORS["sets"][name]
    path = shared / spec["file"]
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    f1 = evaluate_file(model_only, path)["total"]["f1"]
    print(f"{name}: F1 {f1:.4f} (floor {spec['floor']}, target {spec['target']})")
    assert f1 >= spec["floor"], f"{name}: F1 {f1:.4f} fell below its floor {spec['floor']}"

