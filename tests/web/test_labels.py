"""The page labels are data: the same keys in both languages, and every label a template
asks for exists (so that none shows as a raw key or as a dict method)."""

from __future__ import annotations

import re
from importlib import resources

from warta import lang
from warta.web import i18n


def test_same_keys_in_both_languages():
    assert set(lang.load("web", "id")) == set(lang.load("web", "en"))


def test_every_label_used_in_templates_exists():
    folder = resources.files("warta.web").joinpath("templates")
    used = set()
    for f in folder.iterdir():
        if f.name.endswith(".html"):
            used |= set(re.findall(r"\bt\.([a-z_]+)\b", f.read_text(encoding="utf-8")))
    used.discard("get")
    assert used <= set(i18n.labels("id")), sorted(used - set(i18n.labels("id")))
    assert not used & set(dir(dict)), "a label named like a dict method: " + str(used & set(dir(dict)))


def test_scales_largest_first():
    assert [w for _, w in i18n.scales("id")] == ["triliun", "miliar", "juta"]
    assert i18n.pick("en") == "en" and i18n.pick("fr") == i18n.pick(None) == "id"
