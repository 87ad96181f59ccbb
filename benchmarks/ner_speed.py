"""NER throughput on one core and peak memory.

    python benchmarks/ner_speed.py [--texts DIR_OR_FILES…] [--repeat 20] [--out benchmarks/results/ner_speed.json]

Pins the process to one CPU and one BLAS thread, loads the shipped pipeline
(``warta.nlp.load``), and measures tokens per second for (a) the statistical model alone
(tok2vec + ner: the figure the >= 10,000 tokens/s goal of the NER issue is about) and (b) the whole NLP
layer (tokenizer, sentences, model, rules, gazetteer, consolidation into Entity records);
then (c) the per-set model (``models/ner_id_sets``, what ``warta eval ner`` scores with):
its loading time and the tokens per second of one set's head with the shared encoder and its
gazetteer features (measured after (a) and (b), so that its load does not count in theirs).
Texts: the clean text of the given articles (default: ../shared/corpus, else a built-in
synthetic article), repeated to get a stable figure.
"""

from __future__ import annotations

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import resource  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared" / "corpus").resolve()


def article_texts(inputs: list[str]) -> list[str]:
    from warta.errors import InputError
    from warta.pipeline import prepare
    from warta.sources import read

    texts = []
    for item in read(inputs):
        if not isinstance(item, InputError):
            try:
                texts.append(prepare(item).text)
            except InputError:
                continue
    return texts


def measure(fn, texts: list[str]) -> float:
    start = time.perf_counter()
    fn(texts)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", nargs="*", default=None)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "ner_speed.json"))
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    t0 = time.perf_counter()
    from warta import nlp
    from warta.nlp import harvest

    pipe = nlp.load()
    load_seconds = time.perf_counter() - t0

    inputs = args.texts or ([str(SHARED / "seeds"), str(SHARED / "dev")] if SHARED.is_dir() else [])
    texts = article_texts(inputs) if inputs else []
    if not texts:
        texts = ["Menteri Perindustrian Agus Gumiwang Kartasasmita bertemu Presiden Xiaomi "
                 "di Beijing, Tiongkok, pada Selasa (14/10/2025). " * 20]
    texts = texts * args.repeat
    docs = [pipe.make_doc(t) for t in texts]
    tokens = sum(len(d) for d in docs)
    model_pipes = [n for n in ("tok2vec", "ner") if n in pipe.pipe_names]

    def model_only(_texts):
        fresh = (pipe.make_doc(t) for t in _texts)
        with pipe.select_pipes(enable=model_pipes):
            for _ in pipe.pipe(fresh, batch_size=32):
                pass

    def full(_texts):
        for doc in pipe.pipe(_texts, batch_size=32):
            harvest.entities(doc)
            harvest.sentences(doc)

    model_only(texts[:5])
    full(texts[:5])
    model_seconds = measure(model_only, texts)
    full_seconds = measure(full, texts)
    per_set = _per_set(texts, tokens)
    result = {
        "date": time.strftime("%Y-%m-%d"),
        "command": "python benchmarks/ner_speed.py",
        "machine": {"platform": platform.platform(), "processor": platform.processor()
                    or platform.machine(), "python": platform.python_version(),
                    "cpus_used": 1, "cpu_model": _cpu_model()},
        "articles": len(texts) // args.repeat, "repeat": args.repeat, "tokens": tokens,
        "avg_tokens_per_article": round(tokens / len(texts)),
        "model_tokens_per_s": round(tokens / model_seconds),
        "nlp_layer_tokens_per_s": round(tokens / full_seconds),
        "nlp_layer_articles_per_s": round(len(texts) / full_seconds, 1),
        "load_seconds": round(load_seconds, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "model_size_mb": round(sum(p.stat().st_size for p in nlp.MODEL_DIR.rglob("*")
                                   if p.is_file()) / 1e6, 1),
        "per_set_model": per_set,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


def _per_set(texts: list[str], tokens: int) -> dict | None:
    """Load time and one head's tokens/s of the per-set model (None when not shipped)."""
    from warta.nlp import heads

    if not heads.shipped():
        return None
    t0 = time.perf_counter()
    model = heads.build_heads()
    load_seconds = time.perf_counter() - t0
    words = [[t.text for t in model.make_doc(text)] for text in texts]
    heads.predict(model, "ner_nerui", words[:5])  # the gazetteer tables are built here
    seconds = measure(lambda w: heads.predict(model, "ner_nerui", w, batch_size=32), words)
    return {"load_seconds": round(load_seconds, 2), "head": "ner_nerui",
            "head_tokens_per_s": round(tokens / seconds),
            "size_mb": round(sum(p.stat().st_size for p in heads.HEADS_DIR.rglob("*")
                                 if p.is_file()) / 1e6, 1)}


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


if __name__ == "__main__":
    main()
