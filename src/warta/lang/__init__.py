"""Language knowledge as data: one file per topic under ``lang/<code>/``.

``load("months")`` returns the parsed ``lang/id/months.yaml`` (cached).  Files are YAML
(mappings and lists) or TSV (rows of columns, ``#`` comments).  Adding a title, a currency
or a cleaning rule is a one-line change in one of these files, never in code.
"""

from __future__ import annotations

import csv
import functools
from importlib import resources
from typing import Any

import yaml

DEFAULT_LANG = "id"


@functools.cache
def load(name: str, lang: str = DEFAULT_LANG) -> Any:
    """Parsed contents of ``lang/<lang>/<name>.yaml`` (or ``.tsv``: a list of rows)."""
    folder = resources.files(__package__).joinpath(lang)
    yml = folder.joinpath(f"{name}.yaml")
    if yml.is_file():
        return yaml.safe_load(yml.read_text(encoding="utf-8"))
    tsv = folder.joinpath(f"{name}.tsv")
    if tsv.is_file():
        lines = [ln for ln in tsv.read_text(encoding="utf-8").splitlines()
                 if ln.strip() and not ln.startswith("#")]
        return [tuple(row) for row in csv.reader(lines, delimiter="\t")]
    raise FileNotFoundError(f"no language data '{name}' for '{lang}' in {folder}")


def files(lang: str = DEFAULT_LANG) -> list[str]:
    """Names of the data files shipped for ``lang`` (without extension)."""
    folder = resources.files(__package__).joinpath(lang)
    return sorted(p.name.rsplit(".", 1)[0] for p in folder.iterdir()
                  if p.name.endswith((".yaml", ".tsv")))
