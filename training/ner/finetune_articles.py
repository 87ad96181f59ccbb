"""Fine-tune the shipped NER model on real articles: the gold's entity names become token
annotations, mixed with the public sets so the model keeps what it learnt there.

    python training/ner/finetune_articles.py --shared ../shared --out build/ner-articles \
        [--sets seeds dev-a dev-b train-1 train-2] [--steps 1200] [--seed 0]

For every article of the named gold sets (never the check folds of
``benchmarks/quality.yaml``: the script refuses them), the article is read and cleaned as
`warta extract` does, tokenised and split into sentences by the shipped pipeline, and every
gold entity name and alias found in the clean text (case-sensitive, whole words, longest
first) is labelled with its gold type; PRODUCT is a new label for the model.  Mentions of
the gold's *optional* entities (bylines, photo credits, outlets) are left unknown (``-``),
not O.  Tokens of no gold entity are O: the gold lists every named entity of its article.

Each step updates on a batch of article sentences (upsampled) and public train sentences
(``training/ner/labels.yaml``'s sets, lower-cased copies included), so the public dev
scores must stay where they were: check with ``warta eval ner --model OUT/model``.  The
result is a plain spaCy model folder; ``warta train-ner``'s ``export_model`` ships it.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

import spacy
import yaml
from spacy.tokens import Doc
from spacy.training import Example, biluo_tags_to_spans, iob_to_biluo, offsets_to_biluo_tags

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from warta.errors import InputError  # noqa: E402
from warta.nlp import pipeline  # noqa: E402
from warta.pipeline import prepare  # noqa: E402
from warta.sources import read  # noqa: E402
from warta.training.ner import label_map, training_data  # noqa: E402

TYPES = ("PER", "ORG", "LOC", "PRODUCT", "EVENT")
CHECK = ROOT / "benchmarks" / "quality.yaml"


def gold_spans(text: str, gold: dict) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """(labelled spans, unknown spans) of the gold entities found in ``text``."""
    forms = []
    for g in gold.get("entities", []):
        if g.get("type") not in TYPES:
            continue
        for name in {g["name"], *(g.get("aliases") or [])}:
            if name and name.strip():
                forms.append((name.strip(), g["type"], bool(g.get("optional"))))
    forms.sort(key=lambda f: -len(f[0]))
    taken: list[tuple[int, int]] = []
    spans, unknown = [], []
    for name, type_, optional in forms:
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            (unknown.append(m.span()) if optional else spans.append((*m.span(), type_)))
    return spans, unknown


def sentences_of(nlp, text: str, spans, unknown) -> list[tuple[list[str], list[str]]]:
    """(words, BILUO tags) per sentence, ``-`` where the gold does not say."""
    doc = nlp.make_doc(text)
    for name in ("sentencizer", "warta_paragraphs"):
        doc = nlp.get_pipe(name)(doc)
    tags = offsets_to_biluo_tags(doc, spans, missing="-")
    for start, end in unknown:
        for tok in doc.char_span(start, end, alignment_mode="expand") or []:
            tags[tok.i] = "-"
    out = []
    for sent in doc.sents:
        words = [t.text for t in sent]
        sent_tags = tags[sent.start:sent.end]
        if not words or all(w.isspace() for w in words):
            continue
        if sent_tags[0][:1] in ("I", "L") or sent_tags[-1][:1] in ("B", "I"):
            sent_tags = ["-" if t[:1] in "BILU" and t != "-" else t for t in sent_tags]  # crosses a break
        out.append((words, [("O" if w.isspace() and t != "-" else t) for w, t in zip(words, sent_tags)]))
    return out


def article_sentences(shared: Path, sets: list[str], nlp) -> list[tuple[list[str], list[str]]]:
    """Sentences of every article of the gold ``sets``, annotated from their gold."""
    files = {p.name: p for p in (shared / "corpus").glob("*/*.txt")}
    out = []
    for name in sets:
        for gold in json.loads((shared / "gold" / f"{name}.gold.json").read_text(encoding="utf-8"))["articles"]:
            path = files.get(gold["file"])
            if path is None:
                continue
            for item in read([str(path)]):
                if isinstance(item, InputError):
                    continue
                text = prepare(item).text
                out += sentences_of(nlp, text, *gold_spans(text, gold))
    return out


def public_examples(nlp, data: Path, seed: int) -> list[Example]:
    mapping = label_map(ROOT / "training" / "ner" / "labels.yaml")
    out = []
    for _, (words, tags), _ in training_data(data, mapping, sorted(mapping), 0.15, seed):
        doc = Doc(nlp.vocab, words=words)
        ref = Doc(nlp.vocab, words=words)
        ref.ents = biluo_tags_to_spans(ref, iob_to_biluo(tags))
        out.append(Example(doc, ref))
    return out


def article_examples(nlp, sentences) -> list[Example]:
    out = []
    for words, tags in sentences:
        doc = Doc(nlp.vocab, words=words)
        out.append(Example.from_dict(doc, {"entities": tags}))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--sets", nargs="+", default=["seeds", "dev-a", "dev-b", "train-1", "train-2"])
    ap.add_argument("--steps", type=int, default=1200)
    ap.add_argument("--batch", type=int, default=48, help="sentences a step")
    ap.add_argument("--article-share", type=float, default=0.35, help="share of article sentences in a batch")
    ap.add_argument("--lr", type=float, default=0.0005)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    check = set(yaml.safe_load(CHECK.read_text(encoding="utf-8"))["check_folds"])
    if check & set(args.sets):
        sys.exit(f"finetune: {sorted(check & set(args.sets))} are check folds (benchmarks/quality.yaml): not trained on")
    started = time.perf_counter()
    rng = random.Random(args.seed)
    spacy.util.fix_random_seed(args.seed)
    shipped = pipeline.build(with_rules=False)
    sents = article_sentences(args.shared, args.sets, shipped)
    nlp = spacy.load(pipeline.MODEL_DIR, exclude=["tokenizer"], config=pipeline.FAST_TOKENIZER)
    ner = nlp.get_pipe("ner")
    for t in TYPES:
        if t not in ner.labels:
            ner.add_label(t)
    arts = article_examples(nlp, sents)
    public = public_examples(nlp, args.shared / "data" / "ner", args.seed)
    n_ents = sum(sum(t[:1] in "UB" for t in tags) for _, tags in sents)
    print(f"{len(arts)} article sentences ({n_ents} entities) from {args.sets}; {len(public)} public sentences",
          file=sys.stderr)
    optimizer = nlp.resume_training()
    optimizer.learn_rate = args.lr
    n_art = max(1, round(args.batch * args.article_share))
    losses: dict[str, float] = {}
    for step in range(1, args.steps + 1):
        batch = rng.sample(arts, min(n_art, len(arts))) + rng.sample(public, args.batch - n_art)
        nlp.update(batch, sgd=optimizer, drop=0.15, losses=losses)
        if step % 100 == 0:
            print(f"step {step}: loss {losses.get('ner', 0):.1f} ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
            losses = {}
    out = args.out / "model"
    out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(out, exclude=["tokenizer"])
    meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
    meta.setdefault("warta", {})["finetuned_on_articles"] = {
        "gold_sets": args.sets, "sentences": len(arts), "entities": n_ents, "steps": args.steps,
        "batch": args.batch, "article_share": args.article_share, "lr": args.lr, "seed": args.seed,
        "seconds": round(time.perf_counter() - started)}
    (out / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"model: {out} ({time.perf_counter() - started:.0f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
