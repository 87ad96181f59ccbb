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
    export: Annotated[bool, typer.Option(help="copy the best model into the package")] = False,
) -> None:
    """Train the Indonesian NER model on the sets' train splits (CPU)."""
    from ..train import TRAINING_DIR, export_model, loads_pretrained, train_ner

    if not data.is_dir():
        raise UsageError(f"--data {data}: no such folder")
    if not 0.0 <= lower_fraction <= 1.0:
        raise UsageError(f"--lower-fraction {lower_fraction}: expected a number from 0 to 1")
    if config is not None and not config.is_file():
        raise UsageError(f"--config {config}: no such file")
    if pretrain_epochs and not loads_pretrained(config or TRAINING_DIR / "config_ner.cfg"):
        raise UsageError(f"--pretrain-epochs needs a config that loads the pretrained weights: "
                         f"--config {TRAINING_DIR / 'config_ner_pretrain.cfg'}")
    best = train_ner(data, out, config=config, sets=sets, lower_fraction=lower_fraction,
                     seed=seed, max_steps=max_steps, pos_aux=pos_aux,
                     pretrain_epochs=pretrain_epochs)
    typer.echo(f"best model: {best}")
    if export:
        typer.echo(f"exported to {export_model(best)}")


@eval_app.command("ner")
def eval_ner_cli(
    files: Annotated[list[Path], typer.Argument(help="CoNLL-style files: token … IOB-tag")],
    model: Annotated[Optional[Path], typer.Option(help="model folder (default: the shipped one)")] = None,
    rules: Annotated[bool, typer.Option(help="apply warta's entity rules on top of the model")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print JSON")] = False,
) -> None:
    """Entity-level precision, recall and F1 per label (PER, ORG, LOC; exact spans)."""
    from ..nlp.evaluate import evaluate_file
    from ..nlp.pipeline import build

    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise UsageError(f"no such file: {', '.join(missing)}")
    nlp = build(model, with_rules=rules)
    results = {str(f): evaluate_file(nlp, f) for f in files}
    if as_json:
        typer.echo(dumps(results, indent=2))
        return
    for name, res in results.items():
        typer.echo(f"{name} ({res['sentences']} sentences)")
        for label in ("PER", "ORG", "LOC", "total"):
            r = res[label]
            typer.echo(f"  {label:6} P {r['p']:.3f}  R {r['r']:.3f}  F1 {r['f1']:.3f}")


def model_info(model: Path | None = None) -> dict[str, Any]:
    """Where the NER model is, its version, labels and what it was trained on."""
    from ..nlp.pipeline import MODEL_DIR

    path = Path(model or MODEL_DIR)
    meta_path = path / "meta.json"
    if not meta_path.is_file():
        raise UsageError(f"{path}: no NER model there (train one with `warta train-ner`)")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    size = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return {"path": str(path), "name": meta.get("name"), "version": meta.get("version"),
            "spacy_version": meta.get("spacy_version"), "pipeline": meta.get("pipeline"),
            "labels": meta.get("labels", {}).get("ner", []), "size_bytes": size,
            "training": meta.get("warta_training"),
            "dev_scores": {k: meta.get("performance", {}).get(k)
                           for k in ("ents_f", "ents_p", "ents_r")}}


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


def register(app: typer.Typer) -> None:
    app.command("train-ner")(train_ner_cli)
    app.command("info")(info_cli)
    app.add_typer(eval_app, name="eval")
