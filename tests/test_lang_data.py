"""The language data files: parseable, NFC, no key given twice."""

from __future__ import annotations

import unicodedata
from importlib import resources

import pytest
import yaml

from warta import lang


class StrictLoader(yaml.SafeLoader):
    """A YAML loader that refuses a mapping key given twice (PyYAML keeps the last)."""


def _no_duplicates(loader, node, deep=False):
    keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
    dupes = {k for k in keys if keys.count(k) > 1}
    if dupes:
        raise yaml.constructor.ConstructorError(None, None, f"duplicate keys {sorted(dupes)}", node.start_mark)
    return loader.construct_mapping(node, deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _no_duplicates)


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _strings(v)


@pytest.mark.parametrize("name", lang.files())
def test_data_file_is_clean(name):
    folder = resources.files("warta.lang").joinpath("id")
    path = folder.joinpath(f"{name}.yaml")
    if path.is_file():
        yaml.load(path.read_text(encoding="utf-8"), Loader=StrictLoader)
    data = lang.load(name)
    for s in _strings(data):
        assert unicodedata.normalize("NFC", s) == s, f"{name}: not NFC: {s!r}"


def test_no_indonesian_words_in_code():
    """Language knowledge is data: month and day names live only under lang/."""
    root = resources.files("warta")
    words = set(lang.load("months")) | set(lang.load("days"))
    words = {w for w in words if len(w) > 4}
    offenders = []
    for path in __import__("pathlib").Path(str(root)).rglob("*.py"):
        if "lang" in path.relative_to(str(root)).parts:
            continue
        text = path.read_text(encoding="utf-8").lower()
        offenders += [f"{path.name}: {w}" for w in words if f'"{w}"' in text or f"'{w}'" in text]
    assert not offenders
