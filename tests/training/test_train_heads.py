"""The per-set model's training: each head learns its own set's convention, the pooled head
learns from every set, and ``warta eval ner`` picks a file's head by its set.

The two toy sets are written here: in ``alfa`` a country is a place (LOC), in ``beta`` the
same words are not tagged at all, as some public sets leave countries untagged."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from warta.nlp.heads import detect_set, predict
from warta.training.heads import train_heads

CONFIG = Path(__file__).resolve().parents[2] / "training" / "ner" / "config_heads.cfg"
PEOPLE = ["Budi Santoso", "Rina Wulandari", "Agus Salim", "Dewi Lestari", "Hendra Gunawan",
          "Sri Rahayu", "Joko Prasetyo", "Maya Anggraini"]
COUNTRIES = ["Negeria", "Santoria", "Veltrana", "Korvania", "Meridia", "Talosia"]
TEMPLATES = ["{p} berkunjung ke {c} pekan lalu .", "Menurut {p} , ekspor ke {c} naik tajam .",
             "{p} menandatangani perjanjian dengan {c} di Jakarta .",
             "Delegasi {c} diterima {p} kemarin ."]


def _write_set(folder: Path, tag_country: bool, seed: int) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    for split, n in (("train", 120), ("dev", 30)):
        lines = []
        for _ in range(n):
            text = rng.choice(TEMPLATES).format(p="\0P", c="\0C")
            for word in text.split():
                if word == "\0P":
                    first, last = rng.choice(PEOPLE).split()
                    lines += [f"{first}\tB-PER", f"{last}\tI-PER"]
                elif word == "\0C":
                    lines.append(f"{rng.choice(COUNTRIES)}\t{'B-LOC' if tag_country else 'O'}")
                elif word == "Jakarta":
                    lines.append(f"Jakarta\t{'B-LOC' if tag_country else 'O'}")
                else:
                    lines.append(f"{word}\tO")
            lines.append("")
        (folder / f"{split}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    root = tmp_path_factory.mktemp("heads")
    data = root / "data"
    _write_set(data / "alfa", True, 1)
    _write_set(data / "beta", False, 2)
    spec = {"files": {"train": "train.txt", "dev": "dev.txt"}, "cased": True,
            "labels": {"PER": "PER", "LOC": "LOC"}}
    logged: list[str] = []
    best = train_heads(data, root / "out", config=CONFIG, mapping={"alfa": spec, "beta": spec},
                       lower_fraction=0.0, max_steps=240, eval_every=80, log=logged.append)
    import spacy

    return spacy.load(best), logged, root / "out"


def test_each_head_learns_its_own_sets_convention(trained):
    nlp, _, _ = trained
    sentence = "Hendra Gunawan berkunjung ke Korvania pekan lalu .".split()
    alfa = [(e.text, e.label_) for e in predict(nlp, "ner_alfa", [sentence])[0].ents]
    beta = [(e.text, e.label_) for e in predict(nlp, "ner_beta", [sentence])[0].ents]
    assert ("Korvania", "LOC") in alfa
    assert "Korvania" not in [text for text, _ in beta]
    assert ("Hendra Gunawan", "PER") in alfa and ("Hendra Gunawan", "PER") in beta


def test_training_logs_and_keeps_the_best_checkpoint(trained):
    nlp, logged, out = trained
    assert sorted(nlp.pipe_names) == ["ner", "ner_alfa", "ner_beta", "tok2vec"]
    assert len(logged) == 3 and all("ner_alfa" not in line and "alfa" in line for line in logged)
    assert nlp.meta["warta_heads"] == {"alfa": "ner_alfa", "beta": "ner_beta"}
    assert nlp.meta["warta_training"]["dev_f1"]["alfa"] > 0.9
    assert (out / "history.json").is_file()


@pytest.mark.parametrize("path, tags, expected", [
    ("data/ner/nergrit/test.txt", ["B-PER"], "nergrit"),
    ("elsewhere/NERUI/fold2.tsv", [], "nerui"),
    ("x/idner2k_test.txt", [], None),
    ("x/a.tsv", ["B-PERSON", "I-PERSON", "B-ORGANISATION", "O"], "nergrit"),
    ("x/a.tsv", ["B-PERSON", "B-TIME", "B-LOCATION"], "nerugm"),
    ("x/a.tsv", ["B-PERSON", "B-LOCATION", "O"], "nerui"),
    ("x/a.tsv", ["B-ppl", "O", "B-PLC"], "nerp"),
    ("x/a.txt", ["B-PER", "B-LOC", "I-LOC"], "idner2k"),
    ("x/a.txt", ["B-PER", "B-MISC"], None),
    ("x/a.txt", ["O", "O"], None),
])
def test_a_files_set_is_told_by_its_folder_or_its_tag_names(path, tags, expected):
    assert detect_set(path, tags) == expected


def test_a_positives_head_learns_only_the_entities_of_other_sets_sentences():
    import spacy

    from warta.training.heads import _examples

    nlp = spacy.blank("id")
    words = "Rina Wulandari tiba di Negeria .".split()
    tags = ["B-PER", "I-PER", "O", "O", "O", "O"]
    rows = [("beta", (words, tags), False), ("beta", ([w.lower() for w in words], tags), True)]
    heads = ["ner", "ner_alfa", "ner_beta"]
    (doc, by_head), (_, lower) = _examples(nlp, rows, heads, frozenset({"alfa"}),
                                           frozenset({"alfa", "beta"}))
    assert sorted(by_head) == heads and sorted(lower) == ["ner"]
    own = by_head["ner_beta"].reference
    other = by_head["ner_alfa"].reference
    assert [t.ent_iob_ for t in own] == ["B", "I", "O", "O", "O", "O"]
    assert [t.ent_iob_ for t in other] == ["B", "I", "", "", "", ""]  # no O learnt from beta
    assert [(e.text, e.label_) for e in other.ents] == [("Rina Wulandari", "PER")]
    assert by_head["ner_alfa"].predicted is doc is by_head["ner"].predicted


def test_the_checkpoint_with_the_worst_set_furthest_above_its_target_wins():
    from warta.training.heads import checkpoint_score

    cased, targets = ["a", "b"], {"a": 0.80, "b": 0.70}
    even = checkpoint_score({"a": 0.85, "b": 0.75, "c": 0.1}, cased, targets)
    lopsided = checkpoint_score({"a": 0.95, "b": 0.69}, cased, targets)
    assert even == (0.05, 0.80) and lopsided[0] == -0.01
    assert even > lopsided  # a better mean does not make up for a set below its target
    assert checkpoint_score({"a": 0.9, "b": 0.6}, cased, {"a": 0.8}) == (0.75, 0.75)  # no full targets: mean
