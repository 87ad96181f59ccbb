"""Stories and conflicts on the gold sets of ../shared, against pinned floors.

``benchmarks/stories.py`` does the work (a fresh KB per corpus folder); this test holds
its numbers: story pairwise F1 per gold set, every real train conflict of
``benchmarks/conflicts_train.yaml`` found, none of the differences marked as rounding or
wording flagged.  A floor is raised when the numbers rise, never lowered silently."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = (ROOT / ".." / "shared").resolve()

# story pairwise F1 per gold set.  train-3 was a check fold for stories until its one
# missed pair (a cabinet reshuffle told as ministries by one outlet and as ministers' posts
# by the other) was examined on 2026-12-02: its score is a tuned one since
STORY_F1 = {"seeds": 0.95, "dev-a": 0.95, "dev-b": 0.95, "train-1": 0.95, "train-2": 0.95,
            "train-3": 0.95, "train-4": 0.95}

pytestmark = pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="../shared (gold sets) is not here")


@pytest.fixture(scope="module")
def result() -> dict:
    spec = importlib.util.spec_from_file_location("warta_bench_stories", ROOT / "benchmarks" / "stories.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.evaluate(SHARED)


@pytest.mark.parametrize("name", sorted(STORY_F1))
def test_story_f1_floor(result, name):
    assert result["sets"][name]["f1"] >= STORY_F1[name], result["sets"][name]


@pytest.mark.parametrize("fold", ["tuned", "check"])
def test_every_real_train_conflict_is_found_and_no_rounding_is_flagged(result, fold):
    c = result["conflicts"][fold]
    assert not c["missed"], c["missed"]
    assert not c["flagged_non_conflicts"], c["flagged_non_conflicts"]
    assert len(c["other_conflicts"]) <= 0, c["other_conflicts"]
