"""Start-up: ``warta`` and its command line import what every command needs, no more.

The analysis (the extractors, the NER model's spaCy), the knowledge base (SQLAlchemy, the
story and text-similarity modules with SciPy) and the readers load when a command uses
them, so ``warta --help`` and a query command do not pay for the others (``import
warta.cli`` took 1.4 s with them all)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("sqlalchemy", "scipy", "spacy", "warta.extract", "warta.nlp", "warta.kb", "warta.sources",
         "warta.clean", "py3langid")


def loaded_after(statement: str) -> set[str]:
    code = f"import json, sys; {statement}; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(done.stdout))


@pytest.mark.parametrize("statement", ["import warta", "import warta.cli", "import warta.pipeline"])
def test_importing_loads_no_heavy_module(statement):
    loaded = loaded_after(statement)
    assert not {m for m in loaded for h in HEAVY if m == h or m.startswith(h + ".")}


def test_a_query_command_loads_no_analysis():
    loaded = loaded_after("from warta.cli import app; from warta.kb import queries")
    assert not {m for m in loaded if m.startswith(("warta.extract", "warta.nlp", "spacy"))}
