"""Fact-linker benchmark: entities fix, roles, quotes and events on ~2,000-character articles.

    python benchmarks/linkers.py --repeat 20 --out benchmarks/results/linkers.json

The corpus is the golden articles in ``tests/golden_linkers/*`` plus, when present, the
real articles in ``../shared/corpus`` (clean text) with their gold entities, as the
quality gate gives them (``tests/extract/_score_linkers.py``).  The extractors' records
are computed before timing: only ``extract.link`` is timed.  The first pass is not timed
(language data, regex compilation); the linkers keep no state between articles, so every
article is read afresh.  Reports milliseconds per article and per
1,000 characters.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "extract"))


def corpus() -> list[tuple[str, dt.date | None, dict]]:
    """(text, published, found) of each benchmark article."""
    import _score_linkers as S

    from warta.pipeline import prepare
    from warta.sources import read

    regen = __import__("linker_cases").regen()
    out = []
    for path in sorted((ROOT / "tests" / "golden_linkers").glob("*/expected.json")):
        published = json.loads(path.read_text(encoding="utf-8"))["published"]
        day = dt.date.fromisoformat(published) if published else None
        text = (path.parent / "input.txt").read_text(encoding="utf-8")
        listed = json.loads((path.parent / "entities.json").read_text(encoding="utf-8"))
        out.append((text, day, S.extract.run(text, day) | {"entities": regen.entities(text, listed)}))
    if (S.SHARED / "corpus").is_dir():
        golds = {g["file"]: g for c in S.CORPORA for g in S.golds(S.SHARED, c)}
        for article in read([str(S.SHARED / "corpus")]):
            ready = prepare(article)
            gold = golds.get(Path(article.source).name, {})
            out.append((ready.text, ready.published, S.found_for(ready.text, ready.published, gold)))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--out")
    args = parser.parse_args(argv)
    from warta import extract

    articles = corpus()
    for text, day, found in articles:
        extract.link(text, day, found)
    spent, n = 0.0, 0
    for _ in range(args.repeat):
        for text, day, found in articles:
            t0 = time.perf_counter()
            extract.link(text, day, found)
            spent += time.perf_counter() - t0
            n += 1
    chars = sum(len(t) for t, _, _ in articles) / len(articles)
    result = {
        "what": "extract.link (entities fix, roles, quotes, events); no state kept between articles",
        "articles": len(articles), "repeat": args.repeat, "mean_chars": round(chars),
        "ms_per_article": round(1000 * spent / n, 3),
        "ms_per_1000_chars": round(1000 * spent / n / chars * 1000, 3),
        "python": platform.python_version(), "machine": platform.machine(),
        "date": dt.date.today().isoformat(),
    }
    print(json.dumps(result, indent=1))
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
