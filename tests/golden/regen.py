"""Rewrite the golden files: ``tests/golden/<case>/expected.json`` from ``input.txt``.

Each case's ``expected.json`` keeps its ``published`` date (the article date the case is
read against); every other key is rewritten with what the extractors (``extract.EXTRACTORS``) give now.
Review the diff before committing it.

    python tests/golden/regen.py            # every case with an expected.json
    python tests/golden/regen.py CASE ...   # only these
    python tests/golden/regen.py --published 2025-06-12 NEW-CASE   # start a new case
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from warta import extract

HERE = Path(__file__).parent


def expected(text: str, published: str | None) -> dict:
    """What the extractors find in ``text``, in the shape of expected.json."""
    day = dt.date.fromisoformat(published) if published else None
    found = extract.run(text, day)
    out: dict = {"published": published}
    out.update({field: [r.to_dict() for r in records] for field, records in sorted(found.items())})
    return out


def cases(names: list[str]) -> list[Path]:
    """The case folders named, or every folder holding an input.txt and expected.json."""
    if names:
        return [HERE / n for n in names]
    return sorted(p.parent for p in HERE.glob("*/expected.json") if (p.parent / "input.txt").is_file())


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cases", nargs="*")
    ap.add_argument("--published", help="article date for a new case (YYYY-MM-DD)")
    args = ap.parse_args(argv)
    for case in cases(args.cases):
        target = case / "expected.json"
        old = json.loads(target.read_text(encoding="utf-8")) if target.is_file() else {}
        published = args.published or old.get("published")
        text = (case / "input.txt").read_text(encoding="utf-8")
        target.write_text(json.dumps(expected(text, published), ensure_ascii=False, indent=1) + "\n",
                          encoding="utf-8")
        print(f"wrote {target.relative_to(HERE.parent.parent)}")


if __name__ == "__main__":
    main()
