"""``warta train-ner``, ``warta eval ner`` and ``warta info``: the NER model's commands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from ..errors import UsageError
from .output import dumps

eval_app = typer.Typer(help="Score warta against annotated data.", no_args_is_help=True)


def train_ner_cli(
    data: Annotated[Path, typer.Option(help="folder of the NER sets (shared/data/ner)")],
    out: Annotated[Path, typer.Option(help="output folder: corpora, checkpoints, model-best")],
    sets: Annotated[Optional[list[str]], typer.Option("--set", help="train on these sets only")] = None,
    lower_fraction: Annotated[float, typer.Option(help="share of cased sentences added lower-cased")] = 0.3,
    seed: Annotated[int, typer.Option(help="random seed")] = 1234,
    max_steps: Annotated[Optional[int], typer.Option(help="override training.max_steps")] = None,
    config: Annotated[Optional[Path], typer.Option(help="spaCy config (default training/ner/config_ner.cfg)")] = None,
    pos_aux: Annotated[int, typer.Option(help="nlp-id POS sentences for the auxiliary tagger "
                                               "(needs config_multitask.cfg and nlp-id)")] = 0,
    pretrain_epochs: Annotated[int, typer.Option(help="pretrain the tok2vec first (epochs)")] = 0,
    heads: Annotated[bool, typer.Option(help="train the per-set model (shared encoder, one head "
                                             "per set; default config training/ner/config_heads.cfg)")] = False,
    labels: Annotated[Optional[Path], typer.Option(help="label mapping of the sets (default "
                                                        "training/ner/labels.yaml)")] = None,
    export: Annotated[bool, typer.Option(help="copy the best model into the package")] = False,
) -> None:
    """Train the Indonesian NER model on the sets' train splits (CPU); run from a checkout's
    root, where training/ner/ holds the configs and the label mapping."""
    from ..training.ner import (PACKAGE_HEADS, TRAINING_DIR, export_model, loads_pretrained,
                                train_ner, training_file)

    if not data.is_dir():
        raise UsageError(f"--data {data}: no such folder")
    if not 0.0 <= lower_fraction <= 1.0:
        raise UsageError(f"--lower-fraction {lower_fraction}: expected a number from 0 to 1")
    if config is not None and not config.is_file():
        raise UsageError(f"--config {config}: no such file")
    if labels is not None and not labels.is_file():
        raise UsageError(f"--labels {labels}: no such file")
    if pretrain_epochs and not loads_pretrained(training_file("config_ner.cfg", config)):
        raise UsageError(f"--pretrain-epochs needs a config that loads the pretrained weights: "
                         f"--config {TRAINING_DIR / 'config_ner_pretrain.cfg'}")
    if heads:
        if pos_aux or pretrain_epochs:
            raise UsageError("--heads takes neither --pos-aux nor --pretrain-epochs")
        from ..training.heads import DEFAULT_STEPS, train_heads

        best = train_heads(data, out, config=config, sets=sets, lower_fraction=lower_fraction,
                           seed=seed, max_steps=max_steps or DEFAULT_STEPS, log=typer.echo,
                           labels=labels)
        typer.echo(f"best model: {best}")
        if export:
            typer.echo(f"exported to {export_model(best, PACKAGE_HEADS, name='warta_ner_id_sets')}")
        return
    best = train_ner(data, out, config=config, sets=sets, lower_fraction=lower_fraction,
                     seed=seed, max_steps=max_steps, pos_aux=pos_aux,
                     pretrain_epochs=pretrain_epochs, labels=labels)
    typer.echo(f"best model: {best}")
    if export:
        typer.echo(f"exported to {export_model(best)}")


@eval_app.command("ner")
def eval_ner_cli(
    files: Annotated[list[Path], typer.Argument(help="CoNLL-style files: token … IOB-tag")],
    model: Annotated[Optional[Path], typer.Option(help="pooled model folder (default: the shipped one)")] = None,
    rules: Annotated[bool, typer.Option(help="apply warta's entity rules on top of the pooled model")] = False,
    head: Annotated[str, typer.Option(help="which model scores each file: auto (a file of a known set: "
                                           "that set's head of the per-set model; else the pooled "
                                           "model), pooled, or a set name")] = "auto",
    heads_model: Annotated[Optional[Path], typer.Option(help="per-set model folder (default: the "
                                                             "shipped one)")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Entity-level precision, recall and F1 per label (PER, ORG, LOC; exact spans)."""
    from ..nlp import heads as per_set
    from ..nlp.evaluate import evaluate_sentences
    from ..nlp.pipeline import build

    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise UsageError(f"no such file: {', '.join(missing)}")
    data = {f: _read_conll(f) for f in files}
    if heads_model is not None and not (heads_model / "config.cfg").is_file():
        raise UsageError(f"--heads-model {heads_model}: no per-set NER model there")
    if head not in ("auto", "pooled") and (rules or model is not None):
        raise UsageError(f"--head {head} scores a head of the per-set model: "
                         "it takes neither --rules nor --model")
    sets = per_set.available_sets(heads_model)
    if head not in ("auto", "pooled") and head not in sets:
        raise UsageError(f"--head {head}: the per-set model has heads for {', '.join(sets) or 'no set'}")
    pooled = None
    results: dict[str, Any] = {}
    for f in files:
        chosen = head
        if head == "auto":
            found = per_set.detect_set(f, (t for _, tags in data[f] for t in tags), sets)
            chosen = found if found and not rules and model is None else "pooled"
        if chosen == "pooled":
            pooled = pooled or build(model, with_rules=rules)
            results[str(f)] = evaluate_sentences(pooled, data[f])
            results[str(f)]["head"] = "pooled" + (" + rules" if rules else "")
        else:
            nlp = per_set.load_heads(heads_model)
            results[str(f)] = per_set.evaluate_sentences(nlp, per_set.head_name(chosen), data[f])
            results[str(f)]["head"] = per_set.head_name(chosen)
    if as_json:
        typer.echo(dumps(results, indent=2))
        return
    for name, res in results.items():
        typer.echo(f"{name} ({res['sentences']} sentences, {res['head']})")
        for label in ("PER", "ORG", "LOC", "total"):
            r = res[label]
            typer.echo(f"  {label:6} P {r['p']:.3f}  R {r['r']:.3f}  F1 {r['f1']:.3f}")


def _read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    """The (words, tags) sentences of a CoNLL file, or a UsageError naming the file and what
    is wrong."""
    from ..nlp.conll import read_conll

    try:
        sentences = list(read_conll(path))
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not a UTF-8 text file ({exc.reason} at byte {exc.start})") from None
    if not sentences:
        raise UsageError(f"{path}: no sentences (expected a token and an IOB tag a line)")
    return sentences


def model_info(model: Path | None = None) -> dict[str, Any]:
    """Where the NER model is, its version, labels and what it was trained on."""
    from ..nlp.pipeline import MODEL_DIR

    path = Path(model or MODEL_DIR)
    meta_path = path / "meta.json"
    if not meta_path.is_file():
        raise UsageError(f"{path}: no NER model there (train one with `warta train-ner`)")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    size = _folder_size(path)
    return {"path": str(path), "name": meta.get("name"), "version": meta.get("version"),
            "spacy_version": meta.get("spacy_version"), "pipeline": meta.get("pipeline"),
            "labels": meta.get("labels", {}).get("ner", []), "size_bytes": size,
            "training": meta.get("warta_training"),
            "dev_scores": {k: meta.get("performance", {}).get(k)
                           for k in ("ents_f", "ents_p", "ents_r")},
            "per_set": _heads_info()}


def _folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _heads_info(path: Path | None = None) -> dict[str, Any] | None:
    """The per-set model (one head per data set, for ``warta eval ner``), or None."""
    from ..nlp.heads import HEADS_DIR

    path = Path(path or HEADS_DIR)
    meta_path = path / "meta.json"
    if not meta_path.is_file():
        return None
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    training = meta.get("warta_training") or {}
    return {"path": str(path), "name": meta.get("name"), "version": meta.get("version"),
            "heads": meta.get("warta_heads"), "pipeline": meta.get("pipeline"),
            "size_bytes": _folder_size(path),
            "training": training, "dev_f1": training.get("dev_f1")}


def info_cli(
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
    model: Annotated[Optional[Path], typer.Option(help="model folder (default: the shipped one)")] = None,
) -> None:
    """The shipped NER model: path, version, labels, training data."""
    info = model_info(model)
    if as_json:
        typer.echo(dumps(info, indent=2))
        return
    typer.echo(f"model    {info['path']} ({info['size_bytes'] / 1e6:.1f} MB)")
    typer.echo(f"version  {info['version']} (spaCy {info['spacy_version']})")
    typer.echo(f"labels   {', '.join(info['labels'])}")
    sets = (info["training"] or {}).get("sets")
    typer.echo(f"trained  {', '.join(sets) if sets else 'unknown'}")
    per_set = info["per_set"]
    if per_set:
        typer.echo(f"per-set  {per_set['path']} ({per_set['size_bytes'] / 1e6:.1f} MB): heads "
                   f"{', '.join(sorted(per_set['heads'] or {}))} (warta eval ner)")


def register(app: typer.Typer) -> None:
    app.command("train-ner")(train_ner_cli)
    app.command("info")(info_cli)
    app.add_typer(eval_app, name="eval")
