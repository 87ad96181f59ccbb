"""Cost in proportion to the input: random and adversarial strings (repetitions of the
language data's trigger words, separators, quotes, digits) fed to ``clean``, the tokenizer
and ``warta.analyze``; the time per KB of each must stay within a generous ratio of a
normal article's, measured in the same run (never an absolute timing)."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import warta
from warta.clean import clean
from warta.model import Article

from .conftest import BODY

LANG = Path(warta.__file__).parent / "lang" / "id"
RATIO = 12        # times a normal article's cost per KB
SLACK = 0.03      # seconds: fixed costs of a call, timer noise
SAMPLE = sorted((Path(warta.__file__).parent / "data" / "sample").glob("*.txt"))


def _strings(node) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for k, v in node.items() for s in _strings(k) + _strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _strings(v)]
    return []


def _triggers() -> list[str]:
    words = set()
    for name in ("currencies", "months", "days", "speech_verbs", "event_triggers", "units",
                 "relative_time", "qualifiers", "titles", "org_forms", "numbers"):
        path = LANG / f"{name}.yaml"
        if path.exists():
            words.update(w for w in _strings(yaml.safe_load(path.read_text(encoding="utf-8")))
                         if 0 < len(w) <= 30 and "\\" not in w)
    return sorted(words)


TRIGGERS = _triggers()
SEPARATORS = [" ", "  ", "\n", "\n\n", "\t", "-", " - ", "—", ",", ".", "(", ")", "/", ":", ";", "|"]
QUOTES = ['"', "'", "“", "”", "‘", "’", "«", "»"]
DIGITS = ["1", "20", "2025", "13/10", "1,5", "10.000", "3,14", "(13/10/2025)", "08.30", "%"]
PIECE = st.sampled_from(TRIGGERS + SEPARATORS + QUOTES + DIGITS + ["Rp", "PT", "Tbk", "JAKARTA", "a'"])
UNIT = st.lists(PIECE, min_size=1, max_size=6).map("".join)
ADVERSARIAL = st.one_of(
    st.tuples(UNIT, st.integers(1_000, 4_000)).map(lambda u: (u[0] * (u[1] // max(len(u[0]), 1) + 1))[:u[1]]),
    st.lists(UNIT, min_size=50, max_size=400).map(" ".join),
    st.text(min_size=500, max_size=3_000),
)


def _per_kb(stage, text: str) -> float:
    start = time.perf_counter()
    stage(text)
    return (time.perf_counter() - start) / max(len(text.encode("utf-8", "replace")) / 1024, 0.5)


def _clean(text: str):
    return clean(Article(source="<test>", raw=text))


def _tokenize(text: str):
    from warta.nlp import load

    return load().tokenizer(text)


def _analyze(text: str):
    try:
        return warta.analyze("JAKARTA - PT Contoh " + text, published="2025-10-14")
    except warta.errors.WartaError:
        return None


STAGES = {"clean": _clean, "tokenizer": _tokenize, "analyze": _analyze}


@pytest.fixture(scope="module")
def normal_cost() -> dict[str, float]:
    """Each stage's cost per KB of a normal article, seen for the first time (the tokenizer
    caches what it has seen): the median over three bundled sample articles."""
    costs = {}
    for name, stage in STAGES.items():
        stage(BODY)  # warm: models loaded
        costs[name] = statistics.median(_per_kb(stage, p.read_text(encoding="utf-8")) for p in SAMPLE[-3:])
    return costs


def _in_proportion(stage, text: str, base: float, slack: float = SLACK) -> float | None:
    """None when ``stage`` costs at most ``RATIO`` times ``base`` per KB on ``text``, else
    its cost; a slow reading is taken twice more, each beside a fresh reading of a sample
    article, since the machine is shared and a slow moment must not fail the test."""
    cost = _per_kb(stage, text)
    for sample in SAMPLE[:2]:
        if cost <= RATIO * base + slack:
            return None
        base = max(base, _per_kb(stage, sample.read_text(encoding="utf-8")))
        cost = min(cost, _per_kb(stage, text))
    return None if cost <= RATIO * base + slack else cost


@pytest.mark.parametrize("name", list(STAGES))
def test_cost_per_kb_stays_in_proportion(name, normal_cost):
    stage, base = STAGES[name], normal_cost[name]
    examples = {"clean": 40, "tokenizer": 40, "analyze": 12}[name]

    @settings(max_examples=examples, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(ADVERSARIAL)
    def check(text):
        cost = _in_proportion(stage, text, base)
        assert cost is None, (f"{name}: {cost * 1000:.1f} ms/KB against {base * 1000:.2f} ms/KB "
                              "for a normal article", text[:120])

    check()


REPEATED = SEPARATORS + QUOTES + DIGITS + ["Rp", "Rp1 ", "a'", "PT ", "Tbk ", "JAKARTA - "]


def _repeat(piece: str, size: int) -> str:
    return (piece * (size // len(piece) + 1))[:size]


@pytest.mark.parametrize("name", ["clean", "tokenizer"])
def test_every_piece_repeated(name, normal_cost):
    """Each trigger word, separator, quote and digit group repeated over 8 KB."""
    stage, base = STAGES[name], normal_cost[name]
    slow = []
    for piece in TRIGGERS + REPEATED:
        cost = _in_proportion(stage, _repeat(piece, 8192), base, SLACK / 8)
        if cost is not None:
            slow.append((piece, round(cost * 1000, 1)))
    assert not slow, f"{name}: ms/KB against {base * 1000:.2f} for a normal article: {slow}"


ANALYZED = ["  ", "\n", " - ", ".", ",", "(", "'", "“", "1", "10.000", "(13/10/2025)", "%", "Rp",
            "Rp1 ", "a'", "PT "]


@pytest.mark.parametrize("piece", ANALYZED + TRIGGERS[::max(len(TRIGGERS) // 4, 1)])
def test_analyze_of_a_piece_repeated(piece, normal_cost):
    cost = _in_proportion(_analyze, _repeat(piece, 6144), normal_cost["analyze"])
    assert cost is None, f"{cost * 1000:.0f} ms/KB against {normal_cost['analyze'] * 1000:.1f} for a normal article"
