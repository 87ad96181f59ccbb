"""CoNLL-style NER files: reading them, and the IOB tag sequences they hold.

A file has one token a line (first column the token, last column its IOB tag, columns split
on tabs or spaces) and a blank line between sentences.  Read by ``warta eval ner``
(:mod:`warta.nlp.evaluate`) and by the training code (:mod:`warta.training`).

>>> spans_of(["B-PER", "I-PER", "O", "B-LOC"])
[(0, 2, 'PER'), (3, 4, 'LOC')]
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

#: one sentence: its words and their IOB tags
Sentence = tuple[list[str], list[str]]


def read_conll(path: str | Path) -> Iterator[Sentence]:
    """Sentences of a CoNLL-style file as (words, tags); a token without a tag column is O."""
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cols = line.split()
            if not cols:
                if words:
                    yield words, tags
                words, tags = [], []
                continue
            words.append(cols[0])
            tags.append(cols[-1] if len(cols) > 1 else "O")
    if words:
        yield words, tags


def map_tags(tags: list[str], labels: dict[str, str | None]) -> list[str]:
    """IOB tags with each label mapped (unmapped or null → O); an I- that does not
    continue an entity of its type becomes B-.

    >>> map_tags(["B-PERSON", "I-PERSON", "I-PLACE", "B-TIME"], {"PERSON": "PER", "PLACE": "LOC"})
    ['B-PER', 'I-PER', 'B-LOC', 'O']
    """
    out: list[str] = []
    for tag in tags:
        prefix, _, label = tag.partition("-")
        new = labels.get(label) if label else None
        if prefix not in ("B", "I") or not new:
            out.append("O")
            continue
        if prefix == "I" and (not out or out[-1][2:] != new):
            prefix = "B"
        out.append(f"{prefix}-{new}")
    return out


def spans_of(tags: list[str]) -> list[tuple[int, int, str]]:
    """``(start, end, label)`` token spans of an IOB tag sequence (an I- that continues no
    entity of its label starts one)."""
    spans: list[tuple[int, int, str]] = []
    for i, tag in enumerate(tags):
        if tag.startswith("B-") or (tag.startswith("I-") and (not spans or spans[-1][1] != i
                                                               or spans[-1][2] != tag[2:])):
            spans.append((i, i + 1, tag[2:]))
        elif tag.startswith("I-"):
            start, _, label = spans[-1]
            spans[-1] = (start, i + 1, label)
    return spans
