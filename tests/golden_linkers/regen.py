"""Rewrite the fact-linker golden files: ``<case>/expected.json`` from ``input.txt``.

Each case is an article written for these tests (``input.txt``), the entities an NER
would give for it (``entities.json``: name, type, aliases; mentions are found here with a
regex, as the real-article scorer does) and what the linkers give (``expected.json``:
``published`` is kept, every other key is rewritten).  Review the diff before committing.

    python tests/golden_linkers/regen.py            # every case with an expected.json
    python tests/golden_linkers/regen.py CASE ...   # only these
    python tests/golden_linkers/regen.py --published 2025-06-12 NEW-CASE   # start a case
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from pathlib import Path

from warta import extract
from warta.model import Entity

HERE = Path(__file__).parent
FIELDS = ("roles", "quotes", "events")


def entities(text: str, listed: list[dict]) -> list[Entity]:
    """``listed`` entities with their mentions in ``text`` (longest form first, no overlaps)."""
    forms = sorted(((n, i) for i, e in enumerate(listed) for n in [e["name"], *e.get("aliases", [])]),
                   key=lambda f: -len(f[0]))
    taken: list[tuple[int, int]] = []
    spans: dict[int, list[tuple[int, int]]] = {}
    for name, i in forms:
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                taken.append(m.span())
                spans.setdefault(i, []).append(m.span())
    return [Entity(id=f"e{i + 1}", name=e["name"], type=e["type"], aliases=list(e.get("aliases", [])),
                   mentions=sorted(spans.get(i, []))) for i, e in enumerate(listed)]


def linked(case: str, published: str | None) -> dict:
    """What the linkers give for ``case``: their records plus the entity fixes."""
    folder = HERE / case
    text = (folder / "input.txt").read_text(encoding="utf-8")
    listed = json.loads((folder / "entities.json").read_text(encoding="utf-8"))
    day = dt.date.fromisoformat(published) if published else None
    found = extract.run(text, day)
    found["entities"] = entities(text, listed)
    return extract.link(text, day, found) | {"given": found["entities"]}


def expected(case: str, published: str | None) -> dict:
    """The shape of ``expected.json``: fixed entities (added or retyped) and each field."""
    got = linked(case, published)
    given = {(e.name, e.type) for e in got["given"]}
    fixes = [{"name": e.name, "type": e.type, "mentions": [list(s) for s in e.mentions]}
             for e in got["entities"] if (e.name, e.type) not in given]
    out: dict = {"published": published, "entity_fixes": fixes}
    out.update({f: [r.to_dict() for r in got[f]] for f in FIELDS})
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*")
    parser.add_argument("--published")
    args = parser.parse_args(argv)
    cases = args.cases or sorted(p.parent.name for p in HERE.glob("*/expected.json"))
    for case in cases:
        path = HERE / case / "expected.json"
        published = args.published
        if path.is_file() and not published:
            published = json.loads(path.read_text(encoding="utf-8")).get("published")
        path.write_text(json.dumps(expected(case, published), ensure_ascii=False, indent=1) + "\n",
                        encoding="utf-8")
        print(f"wrote {path.relative_to(HERE.parent.parent)}")


if __name__ == "__main__":
    main()
