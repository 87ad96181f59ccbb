"""Extraction quality on every gold set in ../shared: per field, per fold, check folds apart.

    python benchmarks/quality.py [--shared ../shared] [--out benchmarks/results/quality.json]
                                 [--no-stories] [--set NAME] [--model DIR]

Every article of every corpus that a gold file scores goes through the whole pipeline as
`warta extract` runs it (reader → clean → NLP → extractors → linkers); ``tools/score.py``
from ../shared does the matching, so the per-field numbers are the ones a reviewer gets
from the command line.  Besides score.py's fields it scores:

- ``outlet``, ``dateline``, ``published``: right on the articles that print them
  (``printed_accuracy``: the gold outlet's name, or the dateline city near the top, is in
  the article's own text; the table shows this one) and on every article whose gold
  gives one (``accuracy``); a prediction where the gold has none is counted as ``extra``;
- ``stories``: pairwise precision/recall/F1 of the KB's stories (a fresh SQLite KB per
  corpus folder, `warta ingest` as users run it) against the gold ``cluster`` values.

Folds are the gold files.  ``quality.yaml`` (beside this script) names the *check folds*:
folds nobody tunes on.  The table prints each fold, then the tuned folds pooled, the check
folds pooled and everything pooled; the check-fold line is the number that counts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.util
import json
import os
import platform
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "quality.yaml"
DEFAULT_SHARED = (HERE.parent / ".." / "shared").resolve()
META = ("outlet", "dateline", "published")
# a trailing web-domain word is not part of an outlet's name ("Tribunnews.com" = "Tribunnews")
_DOMAIN = re.compile(r"(?:\s+(?:com|co|id|net|tv|news))+$")


def score_module(shared: Path):
    """``tools/score.py`` of ../shared, imported as a module."""
    spec = importlib.util.spec_from_file_location("shared_score", shared / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_sets(shared: Path, only: list[str] | None = None) -> dict[str, list[dict]]:
    """Gold set name (``train-1``) → its articles, for every ``gold/*.gold.json``."""
    out = {}
    for path in sorted((shared / "gold").glob("*.gold.json")):
        name = path.name.removesuffix(".gold.json")
        if not only or name in only:
            out[name] = json.loads(path.read_text(encoding="utf-8"))["articles"]
    return out


def corpus_files(shared: Path) -> dict[str, Path]:
    """Article file name → its path, over every corpus folder."""
    return {p.name: p for p in sorted((shared / "corpus").glob("*/*")) if p.suffix != ".md"}


def corpus_hash(shared: Path, names: list[str]) -> str:
    """sha256 over the named gold files and every article they score (sorted)."""
    files = corpus_files(shared)
    h = hashlib.sha256()
    for name in sorted(names):
        gold = shared / "gold" / f"{name}.gold.json"
        h.update(gold.name.encode())
        h.update(gold.read_bytes())
        for art in sorted(a["file"] for a in json.loads(gold.read_text(encoding="utf-8"))["articles"]):
            h.update(art.encode())
            h.update(files[art].read_bytes() if art in files else b"")
    return h.hexdigest()


def predict(paths: list[Path]) -> dict[str, dict]:
    """File name → the contract dict `warta extract` gives for it."""
    from warta.errors import InputError
    from warta.pipeline import analyze_article
    from warta.sources import read

    out = {}
    for item in read([str(p) for p in paths]):
        if isinstance(item, InputError):
            print(f"skipped {item.source}: {item.reason}", file=sys.stderr)
            continue
        try:
            out[Path(item.source).name] = analyze_article(item).to_dict()
        except InputError as exc:
            print(f"skipped {item.source}: {exc}", file=sys.stderr)
    return out


def story_ids(paths: list[Path]) -> dict[str, int | None]:
    """File name → the story id a fresh KB gives it (all ``paths`` ingested together)."""
    from warta.kb import KnowledgeBase

    with tempfile.TemporaryDirectory() as tmp:
        kb = KnowledgeBase(str(Path(tmp) / "quality.db"))
        kb.ingest([str(p) for p in paths])
        out = {Path(a["source"]).name: a.get("story") for a in kb.articles()}
        kb.engine.dispose()
    return out


def outlet_key(score, name: str | None) -> str:
    return _DOMAIN.sub("", score.norm(name)) if name else ""


def meta_right(score, field: str, gold: Any, pred: Any) -> bool:
    """Whether a predicted outlet, dateline or publication date is the gold one."""
    if field == "outlet":
        return outlet_key(score, gold) == outlet_key(score, pred)
    if field == "dateline":
        return score.norm(gold) == score.norm(pred)
    return str(gold) == str(pred or "")


def printed(score, field: str, gold: str, raw: str) -> bool:
    """Whether the article's own text prints the gold outlet (its name without a web-domain
    word), dateline city (near the top) or publication date (its year, and its day of the
    month as a number: the forms of a date are too many to look for one)."""
    if field == "outlet":
        key = outlet_key(score, gold)
        return bool(key) and f" {key} " in f" {score.norm(raw)} "
    if field == "dateline":
        return f" {score.norm(gold)} " in f" {score.norm(raw[:1500])} "
    parts = str(gold).split("-")
    if parts[0] not in raw:
        return False
    return len(parts) < 3 or re.search(rf"(?<!\d)0?{int(parts[2])}(?!\d)", raw) is not None


class Tally:
    """Counts for one group of articles: score.py's hits per field, metadata, story pairs."""

    def __init__(self) -> None:
        self.fields: dict[str, list[int]] = {}
        # right, gold has it, extra (predicted where the gold has none), right where printed, printed
        self.meta: dict[str, list[int]] = {f: [0, 0, 0, 0, 0] for f in META}
        self.stories = [0, 0, 0]                                          # tp, gold pairs, pred pairs
        self.articles = 0

    def add_article(self, score, gold: dict, pred: dict, raw: str = "") -> None:
        self.articles += 1
        for field, ((hits, _, _), n_gold, n_pred) in score.score_article(gold, pred).items():
            t = self.fields.setdefault(field, [0, 0, 0])
            t[0] += hits
            t[1] += n_gold
            t[2] += n_pred
        for field in META:
            g, p = gold.get(field), pred.get(field)
            if g:
                right = meta_right(score, field, g, p)
                self.meta[field][0] += right
                self.meta[field][1] += 1
                if printed(score, field, g, raw):
                    self.meta[field][3] += right
                    self.meta[field][4] += 1
            elif p:
                self.meta[field][2] += 1

    def add_stories(self, pairs: tuple[int, int, int] | None) -> None:
        if pairs:
            self.stories = [a + b for a, b in zip(self.stories, pairs)]

    def merge(self, other: "Tally") -> None:
        for field, t in other.fields.items():
            mine = self.fields.setdefault(field, [0, 0, 0])
            for i in range(3):
                mine[i] += t[i]
        for field in META:
            for i in range(5):
                self.meta[field][i] += other.meta[field][i]
        self.add_stories(tuple(other.stories))
        self.articles += other.articles

    def result(self, score) -> dict:
        out: dict[str, Any] = {"articles": self.articles}
        for field, (hits, n_gold, n_pred) in self.fields.items():
            p, r, f = score.prf(hits, n_gold, n_pred)
            out[field] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "gold": n_gold, "pred": n_pred}
        for field, (right, given, extra, right_printed, n_printed) in self.meta.items():
            out[field] = {"accuracy": round(right / given, 3) if given else None,
                          "right": right, "gold": given, "extra": extra,
                          "printed_accuracy": round(right_printed / n_printed, 3) if n_printed else None,
                          "printed": n_printed}
        tp, n_gold, n_pred = self.stories
        if n_gold or n_pred:
            p, r, f = score.prf(tp, n_gold, n_pred)
            out["stories"] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "gold": n_gold, "pred": n_pred}
        return out


def evaluate(shared: Path = DEFAULT_SHARED, *, stories: bool = True, only: list[str] | None = None,
             config: Path = CONFIG) -> dict:
    """Scores of every gold set, the tuned and check folds pooled, and all pooled."""
    score = score_module(shared)
    check = set(yaml.safe_load(config.read_text(encoding="utf-8"))["check_folds"])
    sets = gold_sets(shared, only)
    files = corpus_files(shared)
    wanted = sorted({files[a["file"]] for arts in sets.values() for a in arts if a["file"] in files})
    started = time.perf_counter()
    preds = predict(wanted)
    seconds = time.perf_counter() - started
    if stories:
        for folder in sorted({p.parent for p in wanted}):
            for name, sid in story_ids([p for p in wanted if p.parent == folder]).items():
                if name in preds:
                    preds[name]["story"] = sid
    per_set: dict[str, Tally] = {}
    for name, arts in sets.items():
        tally = per_set[name] = Tally()
        for g in arts:
            path = files.get(g["file"])
            raw = path.read_text(encoding="utf-8", errors="replace") if path else ""
            tally.add_article(score, g, preds.get(g["file"], {}), raw)
        if stories:
            tally.add_stories(score.story_scores(arts, preds))
    groups = {"tuned": Tally(), "check": Tally(), "all": Tally()}
    for name, tally in per_set.items():
        groups["check" if name in check else "tuned"].merge(tally)
        groups["all"].merge(tally)
    return {
        "sets": {name: t.result(score) for name, t in per_set.items()},
        "pooled": {name: t.result(score) for name, t in groups.items()},
        "check_folds": sorted(check & set(sets)),
        "corpus_sha256": corpus_hash(shared, list(sets)),
        "pipeline_seconds": round(seconds, 1),
    }


FIELDS = ("entities", "entities_untyped", "roles", "quotes", "events", "money", "percents",
          "quantities", "dates")


def table(result: dict) -> str:
    """The scores as a text table: one row a fold or pool, F1 per field, metadata accuracy."""
    cols = [*FIELDS, "stories", *META]
    head = f"{'set':<10}{'n':>4} " + " ".join(f"{c[:8]:>8}" for c in cols)
    rows = [head, "-" * len(head)]
    check = set(result["check_folds"])
    named = [(n + (" *" if n in check else ""), r) for n, r in result["sets"].items()]
    for label, r in [*named, *[(f"[{k}]", v) for k, v in result["pooled"].items()]]:
        cells = []
        for c in cols:
            v = r.get(c) or {}
            x = v.get("f1", v.get("printed_accuracy"))
            cells.append(f"{x:>8.3f}" if isinstance(x, float | int) else f"{'-':>8}")
        rows.append(f"{label:<10}{r['articles']:>4} " + " ".join(cells))
    rows.append("* check fold (not tuned on); outlet/dateline/published: accuracy on the articles that print them")
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--out", type=Path, default=None, help="write the scores as JSON here")
    ap.add_argument("--no-stories", action="store_true", help="skip the KB story clustering")
    ap.add_argument("--set", action="append", default=None, help="only this gold set (repeatable)")
    ap.add_argument("--model", type=Path, default=None, help="NER model folder to run instead of the shipped one")
    args = ap.parse_args()
    if args.model is not None:
        from warta.nlp import pipeline

        pipeline.MODEL_DIR = args.model
    if not (args.shared / "gold").is_dir():
        sys.exit(f"quality: no gold folder in {args.shared} (pass --shared)")
    result = evaluate(args.shared, stories=not args.no_stories, only=args.set)
    print(table(result))
    if args.out:
        result["measured"] = {"date": dt.date.today().isoformat(), "machine": platform.processor() or platform.machine(),
                              "cores": os.cpu_count(), "python": platform.python_version()}
        args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
