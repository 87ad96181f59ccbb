"""Stories and conflicts on every gold set in ../shared: pairwise P/R/F1, conflicts found.

    python benchmarks/stories.py [--shared ../shared] [--out benchmarks/results/stories.json]

Each corpus folder's gold-scored articles are ingested into a fresh KB (as ``warta ingest``
runs); the KB's stories are scored pairwise against the gold ``cluster`` values of each
gold set (``quality.py``'s functions, imported by path).  For the train stories the KB's
conflicts are compared with ``conflicts_train.yaml`` (the differences between outlets of
``corpus/train/NOTES.md``, as numbers): the real conflicts found and missed, the
differences that must not be flagged but are, and the other conflicts reported in those
stories (false alarms too).  Check-fold stories (``quality.yaml``) are reported apart.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DIFFERENCES = HERE / "conflicts_train.yaml"


def quality_module():
    """``benchmarks/quality.py``, imported by path (its gold and scoring helpers)."""
    spec = importlib.util.spec_from_file_location("warta_bench_quality", HERE / "quality.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ingest_folder(paths: list[Path], db: str) -> dict:
    """Ingest ``paths`` into a fresh KB at ``db``: file name -> story id, and the conflicts
    (each statement with its file name)."""
    from warta.kb import KnowledgeBase

    kb = KnowledgeBase(db)
    kb.ingest([str(p) for p in paths])
    story = {Path(a["source"]).name: a.get("story") for a in kb.articles()}
    conflicts = kb.conflicts(limit=100_000)
    for c in conflicts:
        for s in c["statements"]:
            s["file"] = Path(s["source"]).name
    kb.engine.dispose()
    return {"story": story, "conflicts": conflicts}


def _value(v) -> float:
    if isinstance(v, dt.date):
        return float(v.toordinal())
    if isinstance(v, str):  # an ISO date, or a number YAML 1.1 read as text ("2.19e9")
        try:
            return float(v)
        except ValueError:
            return float(dt.date.fromisoformat(v).toordinal())
    return float(v)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-3 * max(abs(a), abs(b), 1e-9)


def flagged_by(diff: dict, conflicts: list[dict]) -> dict | None:
    """The KB conflict that puts the two values of ``diff`` in different value groups."""
    (fa, fb), (va, vb) = diff["articles"], [_value(v) for v in diff["values"]]
    for c in conflicts:
        ga = {s["group"] for s in c["statements"] if s["file"] == fa and _close(s["value"], va)}
        gb = {s["group"] for s in c["statements"] if s["file"] == fb and _close(s["value"], vb)}
        if ga and gb and (ga | gb) != (ga & gb):
            return c
    return None


def _brief(c: dict) -> dict:
    return {"measure": c["measure"], "subject": c["subject"], "period": c["period"], "unit": c["unit"],
            "values": [{"value": v["value"], "reason": v.get("reason")} for v in c["values"]],
            "files": sorted({s["file"] for s in c["statements"]})}


def score_conflicts(differences: list[dict], conflicts: list[dict], cluster_of: dict[str, str | None],
                    check_clusters: set[str]) -> dict:
    """Found / missed real conflicts, flagged non-conflicts, and other conflicts, per fold."""
    out = {fold: {"real": 0, "found": [], "missed": [], "flagged_non_conflicts": [], "other_conflicts": []}
           for fold in ("tuned", "check")}
    explained = set()
    for d in differences:
        fold = out["check" if d["story"] in check_clusters else "tuned"]
        hit = flagged_by(d, conflicts)
        label = {k: d[k] for k in ("story", "articles", "measure", "values", "about")}
        if hit is not None:
            explained.add(id(hit))
        if d["real"]:
            fold["real"] += 1
            fold["found" if hit else "missed"].append(label)
        elif hit is not None:
            fold["flagged_non_conflicts"].append({**label, "conflict": _brief(hit)})
    for c in conflicts:
        clusters = {cluster_of.get(s["file"]) for s in c["statements"]}
        clusters.discard(None)
        if id(c) in explained or not clusters:
            continue
        fold = out["check" if clusters <= check_clusters else "tuned"]
        fold["other_conflicts"].append(_brief(c))
    return out


def evaluate(shared: Path) -> dict:
    quality = quality_module()
    score = quality.score_module(shared)
    check = set(yaml.safe_load(quality.CONFIG.read_text(encoding="utf-8"))["check_folds"])
    sets = quality.gold_sets(shared)
    files = quality.corpus_files(shared)
    wanted = sorted({files[a["file"]] for arts in sets.values() for a in arts if a["file"] in files})
    started = time.perf_counter()
    kbs = {}
    with tempfile.TemporaryDirectory() as tmp:
        for folder in sorted({p.parent for p in wanted}):
            kbs[folder.name] = ingest_folder([p for p in wanted if p.parent == folder],
                                             os.path.join(tmp, f"{folder.name}.db"))
    seconds = time.perf_counter() - started
    story = {name: sid for kb in kbs.values() for name, sid in kb["story"].items()}
    preds = {name: {"story": sid} for name, sid in story.items()}
    result: dict = {"sets": {}, "check_folds": sorted(check & set(sets))}
    pooled = {"tuned": [0, 0, 0], "check": [0, 0, 0]}
    for name, arts in sets.items():
        tp, n_gold, n_pred = score.story_scores(arts, preds) or (0, 0, 0)
        p, r, f = score.prf(tp, n_gold, n_pred)
        result["sets"][name] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3),
                                "gold_pairs": n_gold, "pred_pairs": n_pred, "articles": len(arts)}
        pool = pooled["check" if name in check else "tuned"]
        for i, x in enumerate((tp, n_gold, n_pred)):
            pool[i] += x
    result["pooled"] = {}
    for name, (tp, n_gold, n_pred) in pooled.items():
        p, r, f = score.prf(tp, n_gold, n_pred)
        result["pooled"][name] = {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3)}
    train = [a for n, arts in sets.items() if n.startswith("train") for a in arts]
    cluster_of = {a["file"]: a.get("cluster") for a in train}
    check_clusters = {a.get("cluster") for n in check for a in sets.get(n, ()) if a.get("cluster")}
    differences = yaml.safe_load(DIFFERENCES.read_text(encoding="utf-8"))["differences"]
    result["conflicts"] = score_conflicts(differences, kbs.get("train", {}).get("conflicts", []),
                                          cluster_of, check_clusters)
    result["corpus_sha256"] = quality.corpus_hash(shared, list(sets))
    result["seconds"] = round(seconds, 1)
    return result


def table(result: dict) -> str:
    rows = [f"{'set':<10}{'n':>4}{'P':>8}{'R':>8}{'F1':>8}", "-" * 38]
    check = set(result["check_folds"])
    for name, r in result["sets"].items():
        label = name + (" *" if name in check else "")
        rows.append(f"{label:<10}{r['articles']:>4}{r['p']:>8.3f}{r['r']:>8.3f}{r['f1']:>8.3f}")
    for name, r in result["pooled"].items():
        rows.append(f"{'[' + name + ']':<14}{r['p']:>8.3f}{r['r']:>8.3f}{r['f1']:>8.3f}")
    rows.append("* check fold (not tuned on)")
    for fold, c in result["conflicts"].items():
        rows.append(f"\nconflicts, {fold} stories: {len(c['found'])}/{c['real']} real found, "
                    f"{len(c['flagged_non_conflicts'])} non-conflicts flagged, "
                    f"{len(c['other_conflicts'])} other conflicts reported")
        for d in c["missed"]:
            rows.append(f"  missed   {d['story']} {d['measure']} {d['values']} ({d['about']})")
        for d in c["flagged_non_conflicts"]:
            rows.append(f"  flagged  {d['story']} {d['measure']} {d['values']} ({d['about']})")
        for o in c["other_conflicts"]:
            rows.append(f"  other    {o['measure']} {o['subject']} {o['period']} "
                        f"{[v['value'] for v in o['values']]} {o['files']}")
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=(HERE.parent / ".." / "shared").resolve())
    ap.add_argument("--out", type=Path, default=None, help="write the results as JSON here")
    args = ap.parse_args()
    if not (args.shared / "gold").is_dir():
        sys.exit(f"stories: no gold folder in {args.shared} (pass --shared)")
    result = evaluate(args.shared)
    print(table(result))
    if args.out:
        result["measured"] = {"date": dt.date.today().isoformat(), "cores": os.cpu_count(),
                              "python": platform.python_version()}
        args.out.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
