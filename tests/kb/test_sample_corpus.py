"""The knowledge base on the bundled sample corpus, checked against its MANIFEST.yaml:
stories, the planted conflicts and corroborations, names merged across outlets."""

from __future__ import annotations

import os
from itertools import combinations

import pytest
import yaml

from warta.cli.demo import sample_dir
from warta.kb import KnowledgeBase


@pytest.fixture(scope="module")
def manifest() -> dict:
    with open(os.path.join(sample_dir(), "MANIFEST.yaml"), encoding="utf-8") as fh:
        return {a["file"]: a for a in yaml.safe_load(fh)["articles"]}


@pytest.fixture(scope="module")
def kb(tmp_path_factory) -> KnowledgeBase:
    kb = KnowledgeBase(str(tmp_path_factory.mktemp("sample") / "kb.db"))
    report = kb.ingest([sample_dir()])
    assert report.added == 18 and not report.failed
    return kb


def story_of(kb: KnowledgeBase) -> dict[str, int]:
    return {os.path.basename(a["source"]): a["story"] for a in kb.articles()}


def test_stories_match_the_manifest(kb, manifest):
    found = story_of(kb)
    tp = fp = fn = 0
    for a, b in combinations(sorted(manifest), 2):
        gold = manifest[a]["story"] is not None and manifest[a]["story"] == manifest[b]["story"]
        pred = found[a] == found[b]
        tp += gold and pred
        fp += pred and not gold
        fn += gold and not pred
    precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    assert precision == 1.0 and recall >= 0.9, (precision, recall, found)


def test_near_duplicate_is_linked(kb):
    ids = {os.path.basename(a["source"]): a["id"] for a in kb.articles()}
    story = kb.story(story_of(kb)["04_nusawire_menperin-seoul-hanul.txt"])
    kinds = {(l["a"], l["b"]): l["kind"] for l in story["links"]}
    pair = tuple(sorted((ids["04_nusawire_menperin-seoul-hanul.txt"], ids["06_otonusa_menperin-temui-hanul-motors.txt"])))
    assert kinds.get(pair) == "near_duplicate"


def fact_values(fact: dict) -> dict[float, set[str]]:
    return {v["value"]: set(v["outlets"]) for v in fact["values"]}


def test_the_planted_conflicts_are_found(kb):
    conflicts = kb.conflicts()
    by_measure = {c["measure"]: c for c in conflicts}
    investment = by_measure["investment"]
    assert investment["unit"] == "IDR"
    assert fact_values(investment) == {12e12: {"KABARINDUSTRI.ID", "ANTARANUSA"}, 15e12: {"WARTAEKONOMI.co"}}
    assert [v.get("reason", {}).get("why") for v in investment["values"]] == [None, "differs"]
    workers = by_measure["workers"]
    assert set(fact_values(workers)) == {3000, 5000}
    assert sorted(by_measure) == ["investment", "workers"]  # and no other


def _fact(kb, measure, value):
    found = [f for f in kb.facts() if f["measure"] == measure and f["value"] == value]
    assert found, (measure, value)
    return found[0]


@pytest.mark.parametrize("measure, value, period, unit, subject", [
    ("revenue", 1.44e12, "2025-H1", "IDR", "PT Baterai Nusantara Energi Tbk"),   # "Perseroan … pendapatan"
    ("net_profit", 212e9, "2025-H1", "IDR", "PT Baterai Nusantara Energi Tbk"),  # "laba bersih", not revenue
    ("capacity_target", 140, "2030", "GWh", None),                              # a target, unit as written
    ("capacity", 10, None, "GWh per tahun", "PT Baterai Nusantara Energi Tbk"),  # not the speaker's
    ("growth_yoy", 5.75, "2025-Q3", "percent", None),                           # "kuartal III 2025"
    ("market_share", 11.8, "2025-Q2", "percent", None),
])
def test_sample_facts_have_their_measure_period_unit_and_subject(kb, measure, value, period, unit, subject):
    fact = _fact(kb, measure, value)
    assert (fact["period"], fact["unit"]) == (period, unit)
    if subject:
        assert fact["subject"] == subject


def test_a_level_after_naik_dari_keeps_the_period_it_names(kb):
    """"naik dari 9,6% pada periode yang sama tahun lalu", after kuartal II 2025: 2024-Q2."""
    rows = [s for f in kb.facts() for s in f["statements"] if s["text"] == "9,6%"]
    facts = [f for f in kb.facts() if any(s["text"] == "9,6%" for s in f["statements"])]
    assert rows and facts[0]["measure"] == "market_share" and facts[0]["period"] == "2024-Q2"


def test_close_values_corroborate_instead_of_conflicting(kb):
    story = kb.story(story_of(kb)["05_kabarindustri_kunjungan-kerja-korea.txt"])
    first_phase = [f for f in story["facts"] if f["unit"] == "IDR" and 1.4e12 <= f["value"] <= 1.6e12]
    assert first_phase and all(f["status"] == "corroborated" for f in first_phase)
    assert not [f for f in story["facts"] if f["status"] == "conflict"]


@pytest.mark.parametrize("name, full", [
    ("Menperin Budi", "Budi Santoso Wirawan"),
    ("Budi Santoso", "Budi Santoso Wirawan"),
    ("Kemenperin", "Kementerian Perindustrian"),
    ("Baterai Nusantara", "PT Baterai Nusantara Energi Tbk"),
])
def test_names_across_outlets_are_one_entity(kb, name, full):
    prof = kb.entity(name)
    assert prof["name"] == full
    assert prof["articles"] >= 3
