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
        assert "  " not in s.strip("\n") or "\n" in s.strip("\n"), f"{name}: a run of spaces inside {s!r}"


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


#: files written by a script, in the order it writes (code point order):
#: training/ner/derive_gazetteer.py
DERIVED = {"common_words", "gazetteer", "gazetteer_words", "regencies"}


def _looks_like_regex(word: str) -> bool:
    return word.startswith("^") or "\\" in word or "(?" in word


def _word_lists(value, path=()):
    """(path, list) of every list of plain strings in a parsed YAML file; lists of regular
    expressions (``cleaning``) are rules in an order, not word lists."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _word_lists(item, path + (str(key),))
    elif isinstance(value, list):
        if value and all(isinstance(v, str) for v in value):
            if not any(_looks_like_regex(v) for v in value):
                yield ".".join(path), value
        else:
            for i, item in enumerate(value):
                yield from _word_lists(item, path + (str(i),))


def _out_of_order(words, key=str.casefold):
    return [f"{a!r} before {b!r}" for a, b in zip(words, words[1:]) if key(a) > key(b)]


def _data_files():
    return [(code, name) for code in ("en", "id") for name in lang.files(code)]


@pytest.mark.parametrize("code, name", _data_files())
def test_word_lists_are_sorted_and_free_of_duplicates(code, name):
    """Every list of words is sorted (ignoring case: "Expo, EXPO" may stay together) and
    names no word twice; a TSV table is sorted on its first column, which is unique."""
    data = lang.load(name, code)
    problems = []
    if isinstance(data, list) and data and isinstance(data[0], tuple):  # a TSV table
        keys = [row[0] for row in data]
        problems += _out_of_order(keys, key=str if name in DERIVED else str.casefold)
        problems += [f"{k!r} twice" for k in sorted({k for k in keys if keys.count(k) > 1})
                     ] if len(set(keys)) != len(keys) else []
    else:
        for path, words in _word_lists(data):
            problems += [f"{path}: {p}" for p in _out_of_order(words)]
            problems += [f"{path}: {w!r} twice" for w in sorted({w for w in words if words.count(w) > 1})]
    assert not problems, f"lang/{code}/{name}: " + "; ".join(problems[:20])


def test_the_sort_check_sees_disorder_duplicates_and_skips_rules():
    data = {"a": ["beta", "Alpha"], "b": {"c": ["x", "x"]}, "rules": ["^z", "^a"], "n": [3, 1]}
    lists = dict(_word_lists(data))
    assert sorted(lists) == ["a", "b.c"]
    assert _out_of_order(lists["a"]) == ["'beta' before 'Alpha'"]
    assert _out_of_order(["Expo", "EXPO", "Fair"]) == []
