"""The spaCy pipeline warta runs on every article: sentence splitter, the shipped NER
model (``models/ner_id``) and the entity rules on top.  Nothing is downloaded."""

from __future__ import annotations

import functools
from pathlib import Path

import spacy
from spacy.attrs import IS_PUNCT, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import UsageError
from ..sentences import is_abbreviation
from . import rules, tokenizer, tokens  # noqa: F401  (register the rules and tokenizer factories)
from .ops import use_blas_ops

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "ner_id"
#: the model is loaded with warta's tokenizer (same rules, no slow special-case table)
FAST_TOKENIZER = {"nlp": {"tokenizer": {"@tokenizers": "warta.id_tokenizer.v1"}}}


def _after_abbreviation(texts: list[str], punct: list[int], i: int) -> bool:
    """Whether the stop before token ``i`` (punctuation after it skipped) closes an
    abbreviation ("PT. Maju", "Dr. Ir. …") rather than a sentence."""
    j = i - 1
    while j > 0 and punct[j] and texts[j] != ".":
        j -= 1
    if texts[j] == "." and j > 0:
        word = texts[j - 1]
    elif texts[j].endswith(".") and len(texts[j]) > 1:
        word = texts[j][:-1]
    else:
        return False
    return is_abbreviation(word, closing=False)  # "… PT Maju Tbk. Perusahaan itu …" ends


@Language.component("warta_paragraphs", assigns=["token.is_sent_start"])
def paragraphs(doc: Doc) -> Doc:
    """A line break ends a sentence too (titles, datelines and paragraphs without a stop);
    a stop after an abbreviation (``lang/id/sentence_breaks.yaml``) or followed by a comma
    does not ("Xiaomi Communications Co., Ltd, Jon Dove, di Shanghai")."""
    texts, _ = tokens.texts(doc)
    # each token's own sentence start is read before it is set, and no other's is read
    space, punct, start = doc.to_array([IS_SPACE, IS_PUNCT, SENT_START]).astype("int64").T.tolist() \
        if len(doc) else ([], [], [])
    for i in range(1, len(doc)):
        if space[i]:
            doc[i].is_sent_start = False  # a line break closes the sentence before it
        elif space[i - 1] and "\n" in texts[i - 1]:
            doc[i].is_sent_start = True
        elif start[i] > 0 and (texts[i - 1] == "," or _after_abbreviation(texts, punct, i)):
            doc[i].is_sent_start = False
    return doc


def build(model: str | Path | None = None, with_rules: bool = True,
          use_gazetteer: bool = True) -> Language:
    """A fresh pipeline from the model at ``model`` (default: the shipped one)."""
    path = Path(model or MODEL_DIR)
    if not (path / "config.cfg").is_file():
        raise UsageError(f"{path}: no NER model there (train one with `warta train-ner`)")
    nlp = use_blas_ops(spacy.load(path, exclude=["tokenizer"], config=FAST_TOKENIZER))
    nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("warta_paragraphs", after="sentencizer")
    if with_rules:
        nlp.add_pipe("warta_entity_rules", after="ner",
                     config={"use_gazetteer": use_gazetteer})
    return nlp


@functools.cache
def load(model: str | None = None) -> Language:
    """The pipeline, built once per process (``model`` None: the shipped model)."""
    return build(model)
