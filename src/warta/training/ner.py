"""Training the Indonesian NER model from the public sets in ``data/ner/``.

``train_ner(data, out)`` reads every set's CoNLL-style train and dev files, maps each
set's tags onto warta's types (``training/ner/labels.yaml``), writes spaCy corpora to
``out/corpus`` and runs spaCy's training loop with ``training/ner/config_ner.cfg``.  The
best model lands in ``out/model-best``; ``export_model`` copies it (without training-only
parts) into the package.

The configs and the label mapping live in the repository's ``training/ner/``, not in the
installed package: by default they are read from ``training/ner/`` under the current folder
(run from a checkout's root, as the documented commands are), or given as arguments
(``--config``, ``--labels``); a missing one is a :class:`~warta.errors.UsageError` naming it.

The lower-cased set (NERP) is used as it is, and a seeded share of the cased sentences is
added again lower-cased, so that the model neither collapses on lower-cased text nor learns
that names need not be capitalised in cased text.

>>> train_ner("../shared/data/ner", "build/ner")          # doctest: +SKIP
PosixPath('build/ner/model-best')
"""

from __future__ import annotations

import json
import os
import random
import shutil
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from ..errors import UsageError
from ..nlp.conll import Sentence, map_tags, read_conll, spans_of

#: where the configs and the label mapping are, relative to the current folder: the
#: repository's ``training/ner`` when run from a checkout's root
TRAINING_DIR = Path("training") / "ner"
PACKAGE_MODEL = Path(__file__).resolve().parents[1] / "models" / "ner_id"
PACKAGE_HEADS = Path(__file__).resolve().parents[1] / "models" / "ner_id_sets"

def training_file(name: str, given: str | Path | None = None, option: str = "--config") -> Path:
    """``given``, or ``training/ner/<name>`` of the checkout run from; a UsageError naming
    the path when it is not there.

    >>> training_file("config_ner.cfg", "/nowhere/x.cfg")
    Traceback (most recent call last):
    ...
    warta.errors.UsageError: /nowhere/x.cfg: not found
    """
    path = Path(given) if given is not None else TRAINING_DIR / name
    if path.is_file():
        return path
    if given is not None:
        raise UsageError(f"{path}: not found")
    raise UsageError(f"{path}: not found (the training files are in a warta checkout's "
                     f"training/ner/: run from its root, or pass {option})")


def portable(path: str | Path | None) -> str | None:
    """``path`` as a model's meta.json records it: relative to the folder training ran in
    (a checkout's root in the documented commands), in POSIX form, so that a shipped meta
    names no folder of the machine it was built on.

    >>> portable(Path.cwd() / "training" / "ner" / "config_heads.cfg")
    'training/ner/config_heads.cfg'
    """
    if path is None:
        return None
    try:
        return Path(os.path.relpath(Path(path).resolve(), Path.cwd().resolve())).as_posix()
    except ValueError:  # on another drive (Windows): its name alone
        return Path(path).name


def label_map(path: str | Path | None = None) -> dict[str, Any]:
    """The per-set label mapping (``training/ner/labels.yaml``, or ``path``)."""
    path = training_file("labels.yaml", path, option="--labels")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def make_doc(vocab, words: list[str], tags: list[str]):
    """A spaCy Doc of pre-tokenised ``words`` with the entities of ``tags``."""
    from spacy.tokens import Doc

    doc = Doc(vocab, words=words)
    doc.ents = [doc.char_span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label=lab)
                for s, e, lab in spans_of(tags)]
    return doc


def load_set(data: Path, name: str, spec: dict[str, Any], split: str) -> list[Sentence]:
    """One set's ``split`` (train/dev) with mapped tags."""
    path = data / name / spec["files"][split]
    if not path.is_file():
        raise UsageError(f"{path}: NER data file not found")
    return [(w, map_tags(t, spec["labels"])) for w, t in read_conll(path)]


def training_sentences(data: Path, mapping: dict[str, Any], sets: Iterable[str],
                       lower_fraction: float, seed: int) -> list[Sentence]:
    """All train sentences of ``sets``, plus lower-cased copies of a seeded share of the cased
    ones, shuffled with ``seed`` (:func:`training_data` without the sets)."""
    return [s for _, s, _ in training_data(data, mapping, sets, lower_fraction, seed)]


def training_data(data: Path, mapping: dict[str, Any], sets: Iterable[str], lower_fraction: float,
                  seed: int, replace_copies: int = 0) -> list[tuple[str, Sentence, bool]]:
    """Every train sentence with its set; lower-cased copies of a seeded share of the cased
    ones are for the pooled head only.  With ``replace_copies``, each sentence that has
    entities is added that many times again with every entity replaced by another mention of
    the same type from the same set (mention replacement, for the set's head too)."""
    rng = random.Random(seed)
    out: list[tuple[str, Sentence, bool]] = []
    for name in sets:
        spec = mapping[name]
        sentences = load_set(data, name, spec, "train")
        mentions: dict[str, list[list[str]]] = {}
        for words, tags in sentences:
            for start, end, label in spans_of(tags):
                mentions.setdefault(label, []).append(words[start:end])
        for words, tags in sentences:
            out.append((name, (words, tags), False))
            if spec.get("cased", True) and rng.random() < lower_fraction:
                out.append((name, ([w.lower() for w in words], tags), True))
            if spans_of(tags):
                out += [(name, replace_mentions(words, tags, mentions, rng), False)
                        for _ in range(replace_copies)]
    rng.shuffle(out)
    return out


def replace_mentions(words: list[str], tags: list[str], mentions: dict[str, list[list[str]]],
                     rng: random.Random) -> Sentence:
    """``words`` with each entity replaced by a random mention of its type."""
    new_words: list[str] = []
    new_tags: list[str] = []
    i = 0
    for start, end, label in spans_of(tags):
        new_words += words[i:start]
        new_tags += tags[i:start]
        other = rng.choice(mentions[label])
        new_words += other
        new_tags += [f"B-{label}"] + [f"I-{label}"] * (len(other) - 1)
        i = end
    return new_words + words[i:], new_tags + tags[i:]


def nlp_id_tagged() -> list[Sentence]:
    """The nlp-id POS sentences as (words, POS tags), or [] without the package (it is only
    needed for the auxiliary tagger and pretraining)."""
    import importlib.util

    spec = importlib.util.find_spec("nlp_id")
    if spec is None or not spec.submodule_search_locations:
        return []
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "dataset_postag.txt"
    return list(read_conll(path)) if path.is_file() else []


def write_corpus(sentences: Iterable[Sentence], path: Path,
                 pos_sentences: Iterable[Sentence] = ()) -> int:
    """Write ``sentences`` (entities) and ``pos_sentences`` (POS tags only: their entities
    are left missing, not O) as a spaCy DocBin; the number of docs written."""
    import spacy
    from spacy.tokens import Doc, DocBin

    vocab = spacy.blank("id").vocab
    db = DocBin(store_user_data=False)
    for words, tags in sentences:
        db.add(make_doc(vocab, words, tags))
    for words, pos in pos_sentences:
        db.add(Doc(vocab, words=words, tags=pos))
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)
    return len(db)


def build_corpora(data: str | Path, out: str | Path, sets: Iterable[str] | None = None,
                  lower_fraction: float = 0.3, seed: int = 1234,
                  mapping: dict[str, Any] | None = None, pos_aux: int = 0) -> dict[str, Any]:
    """``out/corpus/train.spacy`` and ``dev.spacy`` (the cased dev splits) from ``data``."""
    data, out = Path(data), Path(out)
    mapping = mapping or label_map()
    sets = list(sets or mapping)
    unknown = [s for s in sets if s not in mapping]
    if unknown:
        raise UsageError(f"unknown NER sets {unknown}; known: {sorted(mapping)}")
    train = training_sentences(data, mapping, sets, lower_fraction, seed)
    dev = [s for name in sets if mapping[name].get("cased", True)
           for s in load_set(data, name, mapping[name], "dev")]
    corpus = out / "corpus"
    pos = nlp_id_tagged()
    random.Random(seed).shuffle(pos)
    if pos_aux and not pos:
        raise UsageError("--pos-aux needs the nlp-id package (pip install --no-deps nlp-id)")
    return {"train": str(corpus / "train.spacy"), "dev": str(corpus / "dev.spacy"),
            "n_train": write_corpus(train, corpus / "train.spacy", pos[:pos_aux]),
            "n_pos_aux": min(pos_aux, len(pos)),
            "n_dev": write_corpus(dev, corpus / "dev.spacy"), "sets": sets,
            "lower_fraction": lower_fraction, "seed": seed}


def nlp_id_sentences() -> list[list[str]]:
    """The cased news sentences of the ``nlp-id`` package's POS data set (MIT), or []."""
    return [words for words, _ in nlp_id_tagged()]


def write_raw_text(data: Path, mapping: dict[str, Any], sets: Iterable[str], path: Path) -> int:
    """Raw text for pretraining (JSONL, one sentence a line): the train sentences of
    ``sets`` and the nlp-id sentences.  The number of sentences written."""
    sentences = [w for name in sets for w, _ in load_set(data, name, mapping[name], "train")]
    sentences += nlp_id_sentences()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for words in sentences:
            fh.write(json.dumps({"text": " ".join(words)}, ensure_ascii=False) + "\n")
    return len(sentences)


def _inner_tok2vec(path: str | None):
    """``[initialize.after_init]`` callback of ``config_ner_pretrain.cfg``: load pretrained
    weights (a standalone tok2vec of ``config_pretrain.cfg``) into the NER's own tok2vec,
    which spaCy's ``init_tok2vec`` cannot reach (its ``tok2vec`` ref also holds the
    projection to the parser's width)."""

    def load(nlp):
        if path:
            inner = nlp.get_pipe("ner").model.get_ref("tok2vec").layers[0]
            inner.from_bytes(Path(path).read_bytes())
        return nlp

    return load


def _register_callbacks() -> None:
    from spacy.util import registry

    if "warta.inner_tok2vec.v1" not in registry.callbacks:
        registry.callbacks.register("warta.inner_tok2vec.v1", func=_inner_tok2vec)


def pretrain_tok2vec(raw_text: Path, out: Path, config: Path, epochs: int, seed: int) -> Path:
    """Pretrain a tok2vec on ``raw_text``; the weights file of the last epoch.  ``config``
    is the training config; when its ``[pretraining]`` is empty, ``config_pretrain.cfg``
    beside it says how (a standalone tok2vec of the NER's architecture)."""
    from spacy.training.pretrain import pretrain
    from spacy.util import load_config

    if not load_config(config, interpolate=False).get("pretraining"):
        config = config.parent / "config_pretrain.cfg"
    overrides = {"paths.raw_text": str(raw_text), "pretraining.max_epochs": epochs,
                 "system.seed": seed}
    out.mkdir(parents=True, exist_ok=True)
    cfg = load_config(config, overrides=overrides, interpolate=False)
    cfg.to_disk(out / "config.cfg")
    pretrain(cfg.interpolate(), out, use_gpu=-1, silent=False)
    return out / f"model{epochs - 1}.bin"


def loads_pretrained(config: Path) -> bool:
    """Whether a training config loads pretrained tok2vec weights (``${paths.init_tok2vec}``)."""
    return "${paths.init_tok2vec}" in config.read_text(encoding="utf-8")


def train_ner(data: str | Path, out: str | Path, config: str | Path | None = None,
              sets: Iterable[str] | None = None, lower_fraction: float = 0.3,
              seed: int = 1234, max_steps: int | None = None, pretrain_epochs: int = 0,
              init_tok2vec: str | Path | None = None, pos_aux: int = 0,
              labels: str | Path | None = None) -> Path:
    """Train the NER model on ``data``'s train splits; the path of the best model.

    ``config`` and ``labels`` default to ``training/ner/config_ner.cfg`` and
    ``training/ner/labels.yaml`` (:func:`training_file`).  With ``pretrain_epochs``, the
    tok2vec is first pretrained on raw text (see :func:`write_raw_text`); ``init_tok2vec``
    reuses weights pretrained before."""
    from spacy.cli.train import train as spacy_train

    from ..nlp import features  # noqa: F401  (registers warta.GazetteerHashEmbed.v1)

    _register_callbacks()
    out = Path(out)
    config = training_file("config_ner.cfg", config)
    if (pretrain_epochs or init_tok2vec) and not loads_pretrained(config):
        raise ValueError(f"{config} does not use pretrained weights (no ${{paths.init_tok2vec}}): "
                         "train with training/ner/config_ner_pretrain.cfg")
    started = time.time()
    mapping = label_map(labels)
    corpora = build_corpora(data, out, sets, lower_fraction, seed, mapping, pos_aux)
    if pretrain_epochs and not init_tok2vec:
        raw = out / "corpus" / "raw.jsonl"
        corpora["n_raw"] = write_raw_text(Path(data), mapping, corpora["sets"], raw)
        init_tok2vec = pretrain_tok2vec(raw, out / "pretrain", config, pretrain_epochs, seed)
    overrides: dict[str, Any] = {"paths.train": corpora["train"], "paths.dev": corpora["dev"],
                                 "system.seed": seed}
    if init_tok2vec:
        overrides["paths.init_tok2vec"] = str(init_tok2vec)
    if max_steps:
        overrides["training.max_steps"] = max_steps
    spacy_train(config, out, use_gpu=-1, overrides=overrides)
    best = out / "model-best"
    record = {k: v for k, v in corpora.items() if k not in ("train", "dev")}
    record.update(data=portable(data), config=portable(config),
                  seconds=round(time.time() - started), max_steps=max_steps,
                  pretrain_epochs=pretrain_epochs, init_tok2vec=portable(init_tok2vec))
    annotate_meta(best, record)
    return best


def annotate_meta(model: Path, training: dict[str, Any], name: str = "warta_ner_id",
                   description: str = "warta Indonesian NER (CNN tok2vec + transition NER)",
                   **extra: Any) -> None:
    """Record how the model was trained in its ``meta.json`` (and any ``extra`` keys); paths
    in ``training`` are recorded as the caller gives them: pass them through :func:`portable`."""
    meta_path = model / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(name=name, version=meta.get("version") or "0.0.0", description=description,
                **extra)
    meta["warta_training"] = training
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")


def _forget_paths(config_path: Path) -> None:
    """Blank the training-only paths (corpora, pretrained weights) of a shipped config."""
    from spacy.util import load_config

    cfg = load_config(config_path, interpolate=False)
    for key in list(cfg.get("paths", {})):
        cfg["paths"][key] = None
    cfg.to_disk(config_path)


def export_model(model: str | Path, dest: str | Path = PACKAGE_MODEL,
                 version: str = "0.1.0", name: str = "warta_ner_id") -> Path:
    """Copy a trained model into the package (``dest``), keeping only what the NER needs
    (the tok2vec and the entity heads): training-only components (the auxiliary POS
    tagger) and training paths are dropped."""
    import spacy

    model, dest = Path(model), Path(dest)
    if not (model / "config.cfg").is_file():
        raise UsageError(f"{model}: not a trained spaCy model (no config.cfg)")
    tmp = dest.with_name(dest.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    nlp = spacy.load(model)
    for pipe in [n for n in nlp.pipe_names if n != "tok2vec" and not n.startswith("ner")]:
        nlp.remove_pipe(pipe)
    nlp.to_disk(tmp)
    _forget_paths(tmp / "config.cfg")
    meta_path = tmp / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(version=version, name=name)
    meta.setdefault("warta_training", json.loads((model / "meta.json").read_text(
        encoding="utf-8")).get("warta_training"))
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
    shutil.rmtree(dest, ignore_errors=True)
    tmp.rename(dest)
    return dest
