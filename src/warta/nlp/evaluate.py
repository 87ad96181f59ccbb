"""Entity-level scoring of the NER pipeline on CoNLL-style files.

An entity counts when its token span and label both equal the gold ones (exact match).
Only ``labels`` (PER, ORG, LOC by default) are scored; other gold and predicted labels are
ignored, so a set without EVENT does not punish the model for finding events.

A per-set model's head is scored by :mod:`warta.nlp.heads`, which builds on this module.

>>> scores = evaluate_file(load(), "../shared/data/ner/nerui/dev.tsv")   # doctest: +SKIP
>>> round(scores["total"]["f1"], 3)                                      # doctest: +SKIP
0.9
>>> score([({(0, 2, "PER")}, {(0, 2, "PER"), (3, 4, "LOC")})])["total"]["f1"]
0.6666666666666666
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .conll import Sentence, read_conll, spans_of

LABELS = ("PER", "ORG", "LOC")
#: the tag names of the public sets, onto warta's types (the training mapping, flattened)
TAG_TYPES = {"PER": "PER", "PERSON": "PER", "PPL": "PER", "ORG": "ORG", "ORGANISATION": "ORG",
             "ORGANIZATION": "ORG", "IND": "ORG", "LOC": "LOC", "PLACE": "LOC",
             "LOCATION": "LOC", "PLC": "LOC", "EVT": "EVENT"}


def gold_spans(tags: list[str]) -> set[tuple[int, int, str]]:
    """Token spans of IOB ``tags`` with their labels mapped onto warta's types."""
    mapped = [t[:2] + TAG_TYPES.get(t[2:], t[2:]) if t[:2] in ("B-", "I-") else "O"
              for t in tags]
    return set(spans_of(mapped))


def predicted_spans(doc: Doc) -> set[tuple[int, int, str]]:
    return {(e.start, e.end, e.label_) for e in doc.ents}


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "tp": tp, "fp": fp, "fn": fn}


def score(pairs: Iterable[tuple[set, set]], labels: tuple[str, ...] = LABELS) -> dict[str, Any]:
    """P/R/F1 per label and in total from (gold, predicted) span sets."""
    counts: dict[str, Counter] = {lab: Counter() for lab in labels}
    for gold, pred in pairs:
        gold = {s for s in gold if s[2] in labels}
        pred = {s for s in pred if s[2] in labels}
        for s in gold & pred:
            counts[s[2]]["tp"] += 1
        for s in pred - gold:
            counts[s[2]]["fp"] += 1
        for s in gold - pred:
            counts[s[2]]["fn"] += 1
    out: dict[str, Any] = {lab: prf(c["tp"], c["fp"], c["fn"]) for lab, c in counts.items()}
    total = sum(counts.values(), Counter())
    out["total"] = prf(total["tp"], total["fp"], total["fn"])
    return out


def run_pretokenized(nlp: Language, sentences: list[list[str]], batch_size: int = 256) -> list[Doc]:
    """The pipeline's docs for pre-tokenised sentences (the gold tokenisation kept)."""
    docs = (Doc(nlp.vocab, words=words) for words in sentences)
    return list(nlp.pipe(docs, batch_size=batch_size))


def evaluate_docs(data: list[Sentence], docs: Iterable[Doc],
                  labels: tuple[str, ...] = LABELS) -> dict[str, Any]:
    """Scores of predicted ``docs`` against the gold (words, IOB tags) sentences ``data``,
    one doc a sentence, and the number of sentences."""
    result = score(((gold_spans(t), predicted_spans(d)) for (_, t), d in zip(data, docs)), labels)
    result["sentences"] = len(data)
    return result


def evaluate_sentences(nlp: Language, data: list[Sentence],
                       labels: tuple[str, ...] = LABELS) -> dict[str, Any]:
    """Scores of ``nlp`` on sentences already read: (words, IOB tags) pairs."""
    return evaluate_docs(data, run_pretokenized(nlp, [w for w, _ in data]), labels)


def evaluate_file(nlp: Language, path: str | Path, labels: tuple[str, ...] = LABELS) -> dict[str, Any]:
    """Scores of ``nlp`` on one CoNLL-style file (token first column, IOB tag last)."""
    return evaluate_sentences(nlp, list(read_conll(path)), labels)
