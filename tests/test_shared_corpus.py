"""The real articles in ../shared (skipped, saying why, when that folder is absent)."""

from __future__ import annotations

import json

import pytest

from warta import sources
from warta.pipeline import analyze_article


def docs_of(paths):
    return {p.name: analyze_article(a) for p, a in zip(paths, sources.read([str(p) for p in paths]))}


def gold_articles(shared, name):
    return json.loads((shared / "gold" / f"{name}.gold.json").read_text(encoding="utf-8"))["articles"]


def test_seed_metadata(shared):
    docs = docs_of(sorted((shared / "corpus" / "seeds").glob("*.txt")))
    d001 = next(d for n, d in docs.items() if n.startswith("001_"))
    assert (d001.title, d001.outlet, d001.dateline, str(d001.published)) == (
        "Xiaomi Diajak Bangun Pabrik Mobil Listrik di Indonesia", "INFOBRAND.ID", "Jakarta", "2025-10-14")
    d004 = next(d for n, d in docs.items() if n.startswith("004_"))
    assert (d004.title, d004.outlet, d004.dateline, str(d004.published)) == (
        "Indonesia Partner Luar Negeri Paling Penting bagi Xiaomi", "KAGAMA.CO", "Beijing", "2019-11-18")
    assert "Baca juga" not in d004.text and "Foto:" not in d004.text
    assert not any(line.strip().isdigit() for line in d004.text.splitlines())  # view counter
    lines = [l for l in d004.text.splitlines() if l]
    assert len(lines) == len(set(lines))
    assert {d.language for d in docs.values()} == {"id"}


@pytest.mark.parametrize("corpus, folder", [("seeds", "seeds"), ("dev-a", "dev"), ("dev-b", "dev")])
def test_metadata_against_gold(shared, corpus, folder):
    """Where warta finds a title, outlet, dateline or date it agrees with the careful reader;
    and it finds most of those the text states."""
    gold = gold_articles(shared, corpus)
    docs = docs_of([shared / "corpus" / folder / g["file"] for g in gold])
    found = agreed = 0
    for g in gold:
        d = docs[g["file"]].to_dict()
        assert d["language"] == "id"
        for key in ("title", "dateline", "published"):
            if d[key] is not None and g.get(key) is not None:
                found += 1
                agreed += d[key].lower() == str(g[key]).lower()
        if d["outlet"] and g.get("outlet"):
            found += 1
            agreed += g["outlet"].lower().split()[0].split(".")[0] in d["outlet"].lower()
    print(f"{corpus}: {agreed}/{found} metadata values agree with gold")
    assert found >= len(gold) and agreed >= 0.8 * found
