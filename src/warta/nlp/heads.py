"""The per-set NER model (``models/ner_id_sets``): one entity head per public data set.

The public Indonesian NER sets annotate differently (see :mod:`warta.training.heads`); the
per-set model has a shared encoder and one head per set, each trained on its own set only,
like the published per-set models it is compared with.  It serves ``warta eval ner``:
a CoNLL file of a known set is scored with that set's head (:func:`evaluate_sentences`,
built on :mod:`warta.nlp.evaluate`).  warta's extraction pipeline
(:func:`warta.nlp.load`) uses the pooled model, which has learnt from every set.

>>> nlp = load_heads()                                            # doctest: +SKIP
>>> detect_set("data/ner/nergrit/test.txt", ["B-PERSON", "O", "B-PLACE"])
'nergrit'
>>> detect_set("x/a.tsv", ["B-PERSON", "B-TIME", "B-LOCATION"])
'nerugm'
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import UsageError
from . import features  # noqa: F401  (registers the model's gazetteer features)
from .conll import Sentence, read_conll
from .evaluate import LABELS, evaluate_docs, run_pretokenized
from .ops import use_blas_ops

HEADS_DIR = Path(__file__).resolve().parent.parent / "models" / "ner_id_sets"
HEAD_PREFIX = "ner_"


def head_name(set_name: str) -> str:
    """The name of a set's head in the per-set model (``ner_nergrit``)."""
    return HEAD_PREFIX + set_name


#: tag names (without B-/I-) that tell a set, tried in this order: a file using any of a
#: set's names is that set's (NER UGM uses NER UI's names and adds QUANTITY and TIME;
#: NERGrit shares PERSON), idner2k's only when it uses no other names
_SET_TAGS = (("nerp", {"PPL", "PLC", "IND", "EVT", "FNB"}),
             ("nergrit", {"ORGANISATION", "PLACE"}),
             ("nerugm", {"QUANTITY", "TIME"}),
             ("nerui", {"ORGANIZATION", "LOCATION", "PERSON"}),
             ("idner2k", {"PER", "ORG", "LOC"}))


def detect_set(path: str | Path, tags: Iterable[str], known: Iterable[str] | None = None) -> str | None:
    """The data set a CoNLL file belongs to: a folder (or file stem) of its path named like a
    known set, else the set whose tag names it uses; None when neither tells."""
    known = set(known) if known is not None else {name for name, _ in _SET_TAGS}
    for part in reversed(Path(path).parts[:-1] + (Path(path).stem,)):
        if part.lower() in known:
            return part.lower()
    labels = {t[2:] for t in tags if t[:2] in ("B-", "I-")}
    for name, names in _SET_TAGS:
        if name in known and labels and labels & names and (name != "idner2k" or labels <= names):
            return name
    return None


def build_heads(model: str | Path | None = None) -> Language:
    """The per-set model at ``model`` (default: the shipped one)."""
    path = Path(model or HEADS_DIR)
    if not (path / "config.cfg").is_file():
        raise UsageError(f"{path}: no per-set NER model there "
                         "(train one with `warta train-ner --heads`)")
    return use_blas_ops(spacy.load(path, exclude=["tokenizer"]))


def load_heads(model: str | Path | None = None) -> Language:
    """:func:`build_heads`, once per process and model folder (the default and its path
    are one model)."""
    return _load_heads(Path(model or HEADS_DIR).resolve())


@functools.cache
def _load_heads(path: Path) -> Language:
    return build_heads(path)


def predict(nlp: Language, head: str, sentences: Iterable[list[str]], batch_size: int = 256) -> list[Doc]:
    """Docs of pre-tokenised ``sentences`` with the entities of ``head`` alone (``ner``:
    the pooled head; ``ner_<set>``: a set's)."""
    if head not in nlp.pipe_names:
        raise UsageError(f"the model has no head {head!r}; it has {', '.join(nlp.pipe_names)}")
    others = [n for n in nlp.pipe_names if n.startswith("ner") and n != head]
    with nlp.select_pipes(disable=others):
        return run_pretokenized(nlp, list(sentences), batch_size=batch_size)


def evaluate_sentences(nlp: Language, head: str, data: list[Sentence],
                       labels: tuple[str, ...] = LABELS) -> dict[str, Any]:
    """Scores of ``head`` alone on (words, IOB tags) sentences
    (:func:`warta.nlp.evaluate.evaluate_docs`)."""
    return evaluate_docs(data, predict(nlp, head, [w for w, _ in data]), labels)


def evaluate_file(nlp: Language, head: str, path: str | Path,
                  labels: tuple[str, ...] = LABELS) -> dict[str, Any]:
    """Scores of ``head`` alone on one CoNLL-style file."""
    return evaluate_sentences(nlp, head, list(read_conll(path)), labels)


def shipped() -> bool:
    """Whether the per-set model ships in the package."""
    return (HEADS_DIR / "config.cfg").is_file()


def available_sets(model: str | Path | None = None) -> list[str]:
    """The sets the per-set model at ``model`` has heads for, read from its meta.json
    (without loading it); [] when there is no model there."""
    path = Path(model or HEADS_DIR) / "meta.json"
    if not path.is_file():
        return []
    return sorted(json.loads(path.read_text(encoding="utf-8")).get("warta_heads") or {})
