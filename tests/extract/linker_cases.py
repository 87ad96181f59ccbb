"""Helpers for the fact-linker tests: the phrase tables under ``cases/`` and ``found``."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from extract_cases import table

from warta import extract
from warta.model import Entity

GOLDEN = Path(__file__).resolve().parents[1] / "golden_linkers"
CASES = sorted(p.parent.name for p in GOLDEN.glob("*/expected.json"))


def regen():
    """The golden files' regen module (tests/golden_linkers/regen.py)."""
    spec = importlib.util.spec_from_file_location("golden_linkers_regen", GOLDEN / "regen.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def listed(column: str) -> list[dict]:
    """Entities of a table column: ``TYPE:Name=Alias=Alias|TYPE:Name``."""
    out = []
    for item in filter(None, column.split("|")):
        kind, _, names = item.partition(":")
        name, *aliases = names.split("=")
        out.append({"name": name, "type": kind, "aliases": aliases})
    return out


def found(text: str, column: str) -> dict:
    """``found`` for a table row: the extractors' records and the row's entities."""
    out = extract.run(text, None)
    out["entities"] = regen().entities(text, listed(column))
    return out


def linked(text: str, column: str) -> dict:
    return extract.link(text, None, found(text, column))


def rows(name: str) -> list[list[str]]:
    """Rows of ``cases/<name>.tsv`` with "\\n" in the first column turned into line breaks."""
    return [[row[0].replace("\\n", "\n"), *row[1:]] for row in table(name)]


def golden(case: str) -> tuple[dict, dict]:
    """(what the linkers give now, what ``expected.json`` says) for a golden case."""
    want = json.loads((GOLDEN / case / "expected.json").read_text(encoding="utf-8"))
    return regen().expected(case, want["published"]), want


def entity(name: str, kind: str, text: str) -> Entity:
    start = text.index(name)
    return Entity(id=name, name=name, type=kind, mentions=[(start, start + len(name))])
