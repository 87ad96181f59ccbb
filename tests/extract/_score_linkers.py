"""Score the fact linkers (roles, quotes, events) on the real articles in ../shared.

To score the linkers apart from the NER, they get a ``found`` built here: entities from
the gold entity names and aliases (found in the clean text with a regex, mentions
included), sentences from the linkers' own fallback splitter, and money, percents,
quantities and dates from the registered extractors (``extract.run``).  With ``--ner`` the
entities come from the shipped NER, as in ``warta extract``.

    python tests/extract/_score_linkers.py [OUT_DIR] [--ner]
        # writes linkers-seeds.jsonl and linkers-dev.jsonl, prints P/R/F1; with --ner the
        # entities and sentences come from the shipped NER (warta.nlp) instead of the gold

The quality-floor test (``test_linker_floors.py``) imports :func:`scores` from here.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import time
from pathlib import Path

from warta import extract
from warta.model import Entity
from warta.pipeline import prepare
from warta.sources import read

SHARED = (Path(__file__).resolve().parents[2] / ".." / "shared").resolve()
FIELDS = ("roles", "quotes", "events")
CORPORA = {"seeds": (["seeds.gold.json"], "seeds"), "dev": (["dev-a.gold.json", "dev-b.gold.json"], "dev")}


def gold_entities(text: str, gold: dict) -> list[Entity]:
    """The gold entities with their mentions in ``text`` (longest name first, no overlaps)."""
    forms = []
    for i, g in enumerate(gold.get("entities", [])):
        for name in [g["name"], *(g.get("aliases") or [])]:
            forms.append((name, i))
    forms.sort(key=lambda f: -len(f[0]))
    taken: list[tuple[int, int]] = []
    mentions: dict[int, list[tuple[int, int]]] = {}
    for name, i in forms:
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            mentions.setdefault(i, []).append(m.span())
    out = []
    for i, g in enumerate(gold.get("entities", [])):
        out.append(Entity(id=f"e{i + 1}", name=g["name"], type=g["type"], aliases=list(g.get("aliases") or []),
                          mentions=sorted(mentions.get(i, []))))
    return out


def found_for(text: str, published, gold: dict, ner: bool = False) -> dict:
    """``found`` for the linkers: gold entities (or, with ``ner``, the shipped NER's
    entities and sentences) plus the extractors' records."""
    found = extract.run(text, published)
    if ner:
        from warta import nlp
        found.update(nlp.analyze(text))
    else:
        found["entities"] = gold_entities(text, gold)
    return found


def golds(shared: Path, corpus: str) -> list[dict]:
    names, _ = CORPORA[corpus]
    return [g for n in names for g in json.loads((shared / "gold" / n).read_text(encoding="utf-8"))["articles"]]


def predictions(shared: Path, corpus: str, ner: bool = False) -> tuple[list[dict], float]:
    """One contract-shaped dict per article (linker fields and entities), and the seconds
    the linkers took in all."""
    by_file = {g["file"]: g for g in golds(shared, corpus)}
    out, spent = [], 0.0
    for article in read([str(shared / "corpus" / CORPORA[corpus][1])]):
        ready = prepare(article)
        gold = by_file.get(Path(article.source).name, {})
        found = found_for(ready.text, ready.published, gold, ner)
        t0 = time.perf_counter()
        linked = extract.link(ready.text, ready.published, found)
        spent += time.perf_counter() - t0
        row = {"source": article.source, "entities": [e.to_dict() for e in linked.get("entities", found["entities"])]}
        row.update({f: [r.to_dict() for r in linked[f]] for f in FIELDS})
        out.append(row)
    return out, spent


def score_module(shared: Path):
    spec = importlib.util.spec_from_file_location("shared_score", shared / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def scores(shared: Path, corpus: str, ner: bool = False) -> dict[str, tuple[float, float, float]]:
    """(P, R, F1) per linker field over every gold file of ``corpus``."""
    score = score_module(shared)
    preds = {Path(p["source"]).name: p for p in predictions(shared, corpus, ner)[0]}
    totals = {f: [0, 0, 0] for f in FIELDS}
    for g in golds(shared, corpus):
        for f, ((hits, _, _), n_gold, n_pred) in score.score_article(g, preds.get(g["file"], {})).items():
            if f in totals:
                totals[f] = [totals[f][0] + hits, totals[f][1] + n_gold, totals[f][2] + n_pred]
    return {f: score.prf(*t) for f, t in totals.items()}


def main(argv: list[str]) -> None:
    ner = "--ner" in argv
    argv = [a for a in argv if a != "--ner"]
    out_dir = Path(argv[0]) if argv else Path("/tmp")
    for corpus in CORPORA:
        rows, spent = predictions(SHARED, corpus, ner)
        path = out_dir / f"linkers-{corpus}{'-ner' if ner else ''}.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        got = scores(SHARED, corpus, ner)
        chars = sum(1 for _ in rows)
        print(f"{corpus}: {path}  linkers {1000 * spent / max(chars, 1):.2f} ms/article (first use included;"
              " see benchmarks/linkers.py)")
        for f, (p, r, f1) in got.items():
            print(f"  {f:7s} P={p:.3f} R={r:.3f} F1={f1:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
