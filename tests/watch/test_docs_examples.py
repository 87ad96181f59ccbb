"""The YAML examples of docs/watch.md are valid sources and rules files (never fetched)."""

from __future__ import annotations

import re
from pathlib import Path

from warta.watch import alerts, config

DOC = Path(__file__).resolve().parents[2] / "docs" / "watch.md"


def blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def test_every_yaml_example_in_the_docs_parses():
    sources = [b for b in blocks() if "sources:" in b]
    rules = [b for b in blocks() if b.lstrip().startswith("alerts:")]
    assert len(sources) >= 2 and len(rules) == 1
    real = [config.parse(b, "docs/watch.md") for b in sources]
    assert max(len(c.sources) for c in real) >= 5  # the real outlets' feeds
    assert all(s.url.startswith("https://") for c in real for s in c.sources)
    kinds = {r.kind for r in alerts.parse(rules[0], "docs/watch.md")}
    assert kinds == set(alerts.KINDS)
