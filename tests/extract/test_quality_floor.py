"""The evaluation gate: extractor F1 on the real articles in ../shared against the gold.

Articles go through the real reader and cleaner (``pipeline.prepare``) and then through the
four extractors only; ``tools/score.py`` from ../shared does the matching, so the numbers
are the ones a reviewer gets from the command line.  Floors live in ``floors.yaml``.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

import pytest
import yaml

from warta import extract
from warta.pipeline import prepare
from warta.sources import read

FLOORS = Path(__file__).with_name("floors.yaml")
FIELDS = ("money", "percents", "quantities", "dates")
# the minimums: a floor below these is refused
MINIMUM = {"money": 0.95, "percents": 0.95, "quantities": 0.75, "dates": 0.90}
CORPORA = {"seeds": (["seeds.gold.json"], "seeds"), "dev": (["dev-a.gold.json", "dev-b.gold.json"], "dev")}


def _score_module(shared: Path):
    spec = importlib.util.spec_from_file_location("shared_score", shared / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def corpus_hash(shared: Path) -> str:
    """sha256 over the gold files these floors score and their articles (sorted by path)."""
    h = hashlib.sha256()
    golds = sorted({g for names, _ in CORPORA.values() for g in names})
    folders = sorted({folder for _, folder in CORPORA.values()})
    paths = [shared / "gold" / g for g in golds] + [p for f in folders for p in sorted((shared / "corpus" / f).glob("*.txt"))]
    for p in paths:
        h.update(p.relative_to(shared).as_posix().encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def predictions(folder: Path) -> dict[str, dict]:
    """One contract-shaped dict per article: the extractor fields only."""
    out = {}
    for article in read([str(folder)]):
        ready = prepare(article)
        found = extract.run(ready.text, ready.published)
        out[Path(article.source).name] = {k: [r.to_dict() for r in found[k]] for k in FIELDS}
    return out


def scores(shared: Path, corpus: str) -> dict[str, tuple[float, float, float]]:
    """(P, R, F1) per field over every gold file of ``corpus``."""
    score = _score_module(shared)
    golds, folder = CORPORA[corpus]
    preds = predictions(shared / "corpus" / folder)
    totals = {f: [0, 0, 0] for f in FIELDS}
    for name in golds:
        for g in json.loads((shared / "gold" / name).read_text(encoding="utf-8"))["articles"]:
            for f, ((hits, _, _), n_gold, n_pred) in score.score_article(g, preds.get(g["file"], {})).items():
                if f in totals:
                    totals[f] = [totals[f][0] + hits, totals[f][1] + n_gold, totals[f][2] + n_pred]
    return {f: score.prf(*t) for f, t in totals.items()}


def test_floors_are_not_below_the_minimum():
    floors = yaml.safe_load(FLOORS.read_text(encoding="utf-8"))["floors"]
    for corpus, fields in floors.items():
        for field, floor in fields.items():
            assert floor >= MINIMUM[field], f"{corpus}/{field}: floor {floor} below {MINIMUM[field]}"


def test_corpus_is_the_one_the_floors_were_measured_on(shared):
    pinned = yaml.safe_load(FLOORS.read_text(encoding="utf-8"))["corpus_sha256"]
    assert corpus_hash(shared) == pinned, (
        "the gold or the articles in ../shared changed: re-measure (benchmarks/ and "
        "score.py), then update corpus_sha256 in tests/extract/floors.yaml")


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_extractors_meet_their_floors(shared, corpus):
    floors = yaml.safe_load(FLOORS.read_text(encoding="utf-8"))["floors"][corpus]
    got = scores(shared, corpus)
    report = {f: f"P={p:.3f} R={r:.3f} F1={f1:.3f}" for f, (p, r, f1) in got.items()}
    print(corpus, report)
    low = {f: got[f][2] for f, floor in floors.items() if got[f][2] < floor}
    assert not low, f"{corpus}: below floor {low} (floors {floors}); all: {report}"
