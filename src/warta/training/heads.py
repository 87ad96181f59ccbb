"""Training the per-set NER heads: one shared CNN encoder, one entity head per data set.

The public Indonesian NER sets disagree on what an entity is: idner2k leaves most country
names untagged when they act as states ("Israel menyerang …"), NER UGM tags few political
parties and state bodies, NERGrit tags bands and clubs as organisations, and so on.  A single
model trained on all of them learns their blend and scores below what one set's own model
reaches on that set (fine-tuning the pooled model on idner2k alone: 0.81 → 0.89 on its dev
split).  Published scores on these sets are all per-set models.

So this pipeline has a ``tok2vec`` shared by every head, a pooled head ``ner`` (every
sentence, the lower-cased copies too) and one head ``ner_<set>`` per set that learns only
from that set's own sentences.  Each training step runs the encoder once over the batch;
each head sees its share of it, and the encoder learns from the gradients of all heads.

``warta eval ner`` scores a file of a known set with that set's head (its annotation
convention); warta's extraction pipeline keeps using the pooled model (``models/ner_id``).

>>> train_heads("../shared/data/ner", "build/ner-sets")     # doctest: +SKIP
PosixPath('build/ner-sets/model-best')
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ..nlp.conll import Sentence
from ..nlp.evaluate import gold_spans, predicted_spans, score
from ..nlp.heads import head_name, predict
from .ner import (annotate_meta, label_map, load_set, make_doc, portable, training_data,
                  training_file)

#: training steps of the shipped per-set model
DEFAULT_STEPS = 6000


def build_pipeline(config: Path, sets: list[str], seed: int):
    """A blank pipeline from ``config`` (``tok2vec`` + pooled ``ner``) with a head
    ``ner_<set>`` (a copy of ``ner``'s settings) for each of ``sets``."""
    from spacy.util import fix_random_seed, load_config, load_model_from_config

    from ..nlp import features  # noqa: F401  (registers warta.GazetteerHashEmbed.v1)

    cfg = load_config(config, interpolate=False)
    cfg["system"]["seed"] = seed
    pipeline = list(cfg["nlp"]["pipeline"])
    for name in sets:
        cfg["components"][head_name(name)] = json.loads(json.dumps(cfg["components"]["ner"]))
        pipeline.append(head_name(name))
    cfg["nlp"]["pipeline"] = pipeline
    fix_random_seed(seed)
    return load_model_from_config(cfg, auto_fill=True, validate=True)


def _examples(nlp, sentences: list[tuple[str, Sentence, bool]], heads: list[str],
              positives_for: frozenset[str] = frozenset(), cased: frozenset[str] = frozenset()):
    """Per sentence: one predicted doc and an Example for each head that learns from it:
    the pooled head always, the set's own head unless the sentence is a lower-cased copy.
    A head of ``positives_for`` also learns from the other cased sets' sentences, from their
    entities only: every other token is missing, not O, so the other set's idea of what is
    no entity is not learnt.  ``sentences`` holds (set, (words, tags), pooled_only)."""
    from spacy.tokens import Doc
    from spacy.training import Example

    positive_heads = {head_name(s) for s in positives_for}
    out = []
    for set_name, (words, tags), pooled_only in sentences:
        predicted = Doc(nlp.vocab, words=words)
        full = make_doc(nlp.vocab, words, tags)
        own = head_name(set_name)
        by_head = {}
        partial = None
        for head in heads:
            if head == "ner" or (head == own and not pooled_only):
                by_head[head] = Example(predicted, full)
            elif head in positive_heads and not pooled_only and set_name in cased and full.ents:
                if partial is None:
                    partial = Doc(nlp.vocab, words=words)
                    partial.set_ents(list(full.ents), default="missing")
                by_head[head] = Example(predicted, partial)
        out.append((predicted, by_head))
    return out


def _batches(items: list, rng: random.Random, sizes: Iterator[float]) -> Iterator[list]:
    """Endless shuffled batches, each of about the next of ``sizes`` words."""
    target = next(sizes)
    while True:
        order = items[:]
        rng.shuffle(order)
        batch: list = []
        words = 0
        for item in order:
            batch.append(item)
            words += len(item[0])
            if words >= target:
                yield batch
                target = next(sizes)
                batch, words = [], 0


def update(nlp, batch, heads: list[str], drop: float, sgd, losses: dict[str, float]) -> None:
    """One step: the shared encoder runs once over the batch; each head is updated on the
    sentences it learns from, and the encoder on the sum of the heads' gradients."""
    from spacy.pipeline.tok2vec import Tok2VecListener
    from thinc.api import set_dropout_rate

    tok2vec = nlp.get_pipe("tok2vec")
    docs = [doc for doc, _ in batch]
    set_dropout_rate(tok2vec.model, drop)
    tokvecs, bp_tokvecs = tok2vec.model.begin_update(docs)
    ops = tok2vec.model.ops
    d_tokvecs = [ops.alloc2f(*t.shape) for t in tokvecs]
    for head in heads:
        idx = [i for i, (_, by_head) in enumerate(batch) if head in by_head]
        if not idx:
            continue
        sub_vecs = [tokvecs[i] for i in idx]

        def accumulate(d_sub, idx=idx, sub_vecs=sub_vecs):
            for j, i in enumerate(idx):
                d_tokvecs[i] += d_sub[j]
            return [ops.alloc2f(*t.shape) for t in sub_vecs]

        listener = tok2vec.listener_map[head][0]
        listener.receive(Tok2VecListener.get_batch_id([docs[i] for i in idx]), sub_vecs, accumulate)
        nlp.get_pipe(head).update([batch[i][1][head] for i in idx], drop=drop, sgd=None,
                                  losses=losses)
    bp_tokvecs(d_tokvecs)
    for name, proc in nlp.pipeline:
        if getattr(proc, "is_trainable", False):
            proc.finish_update(sgd)


def evaluate(nlp, dev: dict[str, list[Sentence]], cased: list[str]) -> dict[str, float]:
    """Entity F1 (PER/ORG/LOC) of each set's head on its dev split, and of the pooled head
    on the cased dev splits together (``ner``)."""
    out: dict[str, float] = {}
    pooled: list[tuple[set, set]] = []
    for name, sents in dev.items():
        words = [w for w, _ in sents]
        golds = [gold_spans(t) for _, t in sents]
        docs = predict(nlp, head_name(name), words)
        out[name] = round(score(zip(golds, map(predicted_spans, docs)))["total"]["f1"], 4)
        if name in cased:
            pooled += zip(golds, map(predicted_spans, predict(nlp, "ner", words)))
    out["ner"] = round(score(pooled)["total"]["f1"], 4)
    return out


def checkpoint_score(scores: dict[str, float], cased: list[str],
                     targets: dict[str, float]) -> tuple[float, float]:
    """How good a checkpoint is, to compare with ``>``: (the smallest margin of a cased set's
    head above its target, the mean F1 of the cased heads) when every cased set has a target,
    else (the mean, the mean).  The worst set decides, so that no set falls behind for a
    better average."""
    mean = sum(scores[s] for s in cased) / max(1, len(cased))
    if cased and all(s in targets for s in cased):
        return round(min(scores[s] - targets[s] for s in cased), 4), mean
    return mean, mean


def train_heads(data: str | Path, out: str | Path, config: str | Path | None = None,
                sets: list[str] | None = None, lower_fraction: float = 0.3, seed: int = 1234,
                max_steps: int = DEFAULT_STEPS, eval_every: int = 500, dropout: float = 0.15,
                replace_copies: int = 0, decay: bool = False, positives_for: list[str] = (),
                mapping: dict[str, Any] | None = None, log: Callable[[str], None] = print,
                labels: str | Path | None = None) -> Path:
    """Train the shared encoder, the pooled head and one head per set; the best checkpoint
    (:func:`checkpoint_score` of the heads' F1 on their dev splits, every ``eval_every``
    steps) is saved to ``out/model-best``.  ``config`` defaults to
    ``training/ner/config_heads.cfg``; the sets and their tags come from ``mapping``, else
    from the file ``labels`` (default ``training/ner/labels.yaml``)."""
    from thinc.api import Adam, compounding, warmup_linear

    data, out = Path(data), Path(out)
    config = training_file("config_heads.cfg", config)
    mapping = mapping or label_map(labels)
    sets = list(sets or mapping)
    started = time.time()
    nlp = build_pipeline(config, sets, seed)
    heads = ["ner"] + [head_name(s) for s in sets]
    cased = [s for s in sets if mapping[s].get("cased", True)]
    targets = {s: float(mapping[s]["target"]) for s in sets if "target" in mapping[s]}
    train = _examples(nlp, training_data(data, mapping, sets, lower_fraction, seed, replace_copies),
                      heads, frozenset(positives_for), frozenset(cased))
    dev = {s: load_set(data, s, mapping[s], "dev") for s in sets}
    labels = sorted({lab for _, by_head in train for eg in by_head.values()
                     for lab in (e.label_ for e in eg.reference.ents)})
    for head in heads:
        for lab in labels:
            nlp.get_pipe(head).add_label(lab)
    sample = [eg for _, by_head in train[:200] for eg in by_head.values()]
    rate = warmup_linear(0.001, 250, max_steps) if decay else 0.001
    optimizer = Adam(learn_rate=rate, beta1=0.9, beta2=0.999, L2=0.01, L2_is_weight_decay=True,
                     grad_clip=1.0, use_averages=True, eps=1e-8)
    nlp.initialize(lambda: sample, sgd=optimizer)
    rng = random.Random(seed)
    sizes = iter(compounding(100.0, 1000.0, 1.001))
    out.mkdir(parents=True, exist_ok=True)
    best, best_score, history = out / "model-best", (-1.0, -1.0), []
    losses: dict[str, float] = {}
    for step, batch in enumerate(_batches(train, rng, sizes), start=1):
        update(nlp, batch, heads, dropout, optimizer, losses)
        optimizer.step_schedules()
        if step % eval_every == 0 or step == max_steps:
            with nlp.use_params(optimizer.averages):
                scores = evaluate(nlp, dev, cased)
                rank = checkpoint_score(scores, cased, targets)
                history.append({"step": step, "score": rank[0], "mean_cased": round(rank[1], 4),
                                **scores, "loss": {k: round(float(v), 1) for k, v in losses.items()}})
                log(f"step {step:6d}  score {rank[0]:+.4f}  mean {rank[1]:.4f}  "
                    + "  ".join(f"{k} {v:.3f}" for k, v in scores.items()))
                if rank > best_score:
                    best_score = rank
                    nlp.to_disk(best)
                    annotate_meta(best, {"data": portable(data), "config": portable(config),
                                          "sets": sets, "seed": seed,
                                          "lower_fraction": lower_fraction,
                                          "best_step": step, "dev_f1": scores,
                                          "seconds": round(time.time() - started)},
                                   name="warta_ner_id_sets",
                                   description="warta Indonesian NER, one head per annotation "
                                               "convention (shared CNN tok2vec + transition NER heads)",
                                   warta_heads={s: head_name(s) for s in sets})
            losses = {}
        if step >= max_steps:
            break
    (out / "history.json").write_text(json.dumps(history, indent=2), encoding="utf-8")
    return best

