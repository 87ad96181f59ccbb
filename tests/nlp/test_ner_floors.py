"""The evaluation gate: entity-level F1 (PER, ORG, LOC, exact span) on each dev split must
not drop below the floors pinned in ``ner_floors.json``: ``floor`` for the pooled model
warta's pipeline runs, ``heads_floor`` for the set's own head of the per-set model (what
``warta eval ner`` scores a file of that set with).

Floors are measured scores rounded down; ``target`` is the goal set in the NER issue.  A
floor is raised when a model beats it, never lowered silently: lowering one is a reviewed
change to the JSON file.
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


@pytest.fixture(scope="module")
def per_set():
    from warta.nlp import heads

    assert heads.shipped(), f"no shipped per-set NER model in {heads.HEADS_DIR}"
    return heads.load_heads()


def _dev_file(shared: Path, name: str) -> Path:
    path = shared / FLOORS["sets"][name]["file"]
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


@pytest.mark.parametrize("name", sorted(FLOORS["sets"]))
def test_dev_split_f1_at_or_above_floor(shared, model_only, name):
    spec = FLOORS["sets"][name]
    f1 = evaluate_file(model_only, _dev_file(shared, name))["total"]["f1"]
    print(f"{name}: pooled model F1 {f1:.4f} (floor {spec['floor']})")
    assert f1 >= spec["floor"], f"{name}: F1 {f1:.4f} fell below its floor {spec['floor']}"


@pytest.mark.parametrize("name", sorted(FLOORS["sets"]))
def test_dev_split_f1_of_the_sets_head_at_or_above_floor(shared, per_set, name):
    spec = FLOORS["sets"][name]
    from warta.nlp import heads

    f1 = heads.evaluate_file(per_set, heads.head_name(name), _dev_file(shared, name))["total"]["f1"]
    print(f"{name}: its head F1 {f1:.4f} (floor {spec['heads_floor']}, target {spec['target']})")
    assert f1 >= spec["heads_floor"], f"{name}: head F1 {f1:.4f} fell below its floor {spec['heads_floor']}"


def test_eval_ner_scores_each_dev_split_with_its_sets_head(shared):
    import subprocess
    import sys

    paths = [_dev_file(shared, name) for name in sorted(FLOORS["sets"])]
    res = subprocess.run([sys.executable, "-m", "warta", "eval", "ner", *map(str, paths), "--json"],
                         capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    results = json.loads(res.stdout)
    for name, path in zip(sorted(FLOORS["sets"]), paths):
        assert results[str(path)]["head"] == f"ner_{name}"
        assert results[str(path)]["total"]["f1"] >= FLOORS["sets"][name]["heads_floor"]
