"""Fixtures for the NLP tests: the shipped pipeline, and docs with given model entities."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from warta.nlp import pipeline, rules


@pytest.fixture(scope="session")
def nlp():
    assert (pipeline.MODEL_DIR / "config.cfg").is_file(), f"no shipped NER model in {pipeline.MODEL_DIR}"
    return pipeline.load()


@pytest.fixture(scope="session")
def blank():
    """A pipeline without the statistical model: warta's tokenizer and sentences only."""
    nlp = spacy.blank("id", config=pipeline.FAST_TOKENIZER)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("warta_paragraphs")
    return nlp


@pytest.fixture
def ruled(blank):
    """``ruled(text, {"Agus Gumiwang": "PER", ...})``: the doc of ``text`` whose model
    entities are the given phrases (longest first, each at its first place not taken by a
    longer one), after the rules."""

    def make(text: str, model_ents: dict[str, str] | None = None, gazetteer: bool = False) -> Doc:
        doc = blank(text)
        spans, taken = [], set()
        for phrase, label in sorted((model_ents or {}).items(), key=lambda kv: -len(kv[0])):
            start = text.find(phrase)
            while any(i in taken for i in range(start, start + len(phrase))):
                start = text.find(phrase, start + 1)
            taken.update(range(start, start + len(phrase)))
            spans.append(doc.char_span(start, start + len(phrase), label=label))
        doc.ents = sorted(spans, key=lambda s: s.start)
        return rules.apply_rules(doc, use_gazetteer=gazetteer)

    return make

