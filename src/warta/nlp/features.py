"""Gazetteer features inside the model: the DBpedia name lists as input to the encoder.

``warta.GazetteerHashEmbed.v1`` is spaCy's ``MultiHashEmbed`` with, beside each token's
hashed NORM/PREFIX/SUFFIX/SHAPE embeddings, twelve binary features from the gazetteer:
whether the token begins or continues the longest name of each type (PER, ORG, LOC) that
matches at its place, once matched as written and once in lower case (for lower-cased
text).  A mixing layer maps both back to the encoder's width.  The model learns how far to
trust a list: the lists are noisy (a band among the people, a common word among the
places), and a name in a list is no entity in every sentence.

The names are ``lang/id/gazetteer.tsv`` (multi-word names, one-word organisations),
``lang/id/gazetteer_words.tsv`` (one-word people and places) and ``lang/id/companies.tsv``,
all derived or written as data; the tries are built once per process.

The architecture is registered under spaCy's ``architectures`` registry (also through
warta's ``spacy_architectures`` entry point, so ``spacy.load`` finds it on its own).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Maxout, Model, chain, concatenate, with_array

from .. import lang

TYPES = ("PER", "ORG", "LOC")
N_FEATURES = 4 * len(TYPES)  # (begin, inside) × (as written, lower case) × type
_SPLIT = re.compile(r"\w+|[^\w\s]")


_PUNCT = re.compile(r"[^\w\s]")


def _variants(name: str) -> list[list[str]]:
    """A name's token sequences: split on spaces, and with punctuation as tokens too."""
    words = name.split()
    if not words or not _PUNCT.search(name):
        return [words] if words else []
    split = _SPLIT.findall(name)
    return [words] if split == words else [words, split]


@functools.cache
def tries() -> tuple[tuple[dict, set], tuple[dict, set]]:
    """(as written, lower case) name tables: each a dict of names (words joined by one
    space) to their types (space-separated), and the set of the names' proper prefixes."""
    common = {row[0] for row in lang.load("common_words") if row}
    cased: tuple[dict, set] = ({}, set())
    lower: tuple[dict, set] = ({}, set())
    for table in ("gazetteer", "gazetteer_words", "companies"):
        for row in lang.load(table):
            if len(row) != 2 or row[1] not in TYPES:
                continue
            name, label = row
            for words in _variants(name):
                key = " ".join(words)
                _insert(cased, key, label)
                if len(words) > 1 or key.lower() not in common:
                    _insert(lower, key.lower(), label)
    return cased, lower


def _insert(table: tuple[dict, set], key: str, label: str) -> None:
    names, prefixes = table
    old = names.get(key)
    if old is None:
        names[key] = label
    elif label not in old.split():
        names[key] = old + " " + label
    cut = key.rfind(" ")
    while cut > 0 and key[:cut] not in prefixes:
        prefixes.add(key[:cut])
        cut = key.rfind(" ", 0, cut)


def _mark(rows: list[list[float]], words: list[str], table: tuple[dict, set], offset: int) -> None:
    """Set the begin/inside features of the longest names of ``table`` over ``words``."""
    names, prefixes = table
    i, n = 0, len(words)
    while i < n:
        key, j, best = words[i], i + 1, None
        while True:
            labels = names.get(key)
            if labels is not None:
                best = (j, labels)
            if j >= n or key not in prefixes:
                break
            key = key + " " + words[j]
            j += 1
        if best is None:
            i += 1
            continue
        end, labels = best
        for label in labels.split():
            k = offset + 2 * TYPES.index(label)
            rows[i][k] = 1.0
            for t in range(i + 1, end):
                rows[t][k + 1] = 1.0
        i = end


def doc_features(doc: Doc) -> list[list[float]]:
    """The ``N_FEATURES`` gazetteer features of each token of ``doc``."""
    cased, lower = tries()
    words = [t.text for t in doc]
    rows = [[0.0] * N_FEATURES for _ in words]
    _mark(rows, words, cased, 0)
    _mark(rows, [w.lower() for w in words], lower, 2 * len(TYPES))
    return rows


def _forward(model: Model, docs: list[Doc], is_train: bool) -> tuple[list, Callable]:
    ops = model.ops
    out = [ops.asarray2f(doc_features(doc)) if len(doc) else ops.alloc2f(0, N_FEATURES)
           for doc in docs]
    return out, lambda d_out: []


def gazetteer_features() -> Model:
    """Docs → per-token gazetteer features (no weights)."""
    return Model("warta_gazetteer_features", _forward, dims={"nO": N_FEATURES})


@registry.architectures("warta.GazetteerHashEmbed.v1")
def gazetteer_hash_embed(width: int, attrs: list[str], rows: list[int],
                         include_static_vectors: bool) -> Model:
    """``spacy.MultiHashEmbed.v2`` plus the gazetteer features, mixed back to ``width``."""
    from spacy.ml.models.tok2vec import MultiHashEmbed

    hashed = MultiHashEmbed(width=width, attrs=attrs, rows=rows,
                            include_static_vectors=include_static_vectors)
    mix = with_array(Maxout(nO=width, nI=width + N_FEATURES, nP=3, normalize=True))
    model = chain(concatenate(hashed, gazetteer_features()), mix)
    model.set_dim("nO", width)
    return model
