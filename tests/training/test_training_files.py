"""Training reads its configs and label mapping from a checkout (or the paths it is given),
never from a path an installed package lacks; a model's meta.json names no build folder."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from warta.errors import UsageError
from warta.training.ner import TRAINING_DIR, label_map, portable, training_file

MODELS = Path(__file__).resolve().parents[2] / "src" / "warta" / "models"


def test_the_defaults_are_the_checkouts_training_folder(monkeypatch):
    monkeypatch.chdir(Path(__file__).resolve().parents[2])
    assert not TRAINING_DIR.is_absolute()
    assert training_file("config_heads.cfg") == Path("training/ner/config_heads.cfg")
    assert "nerui" in label_map()


def test_outside_a_checkout_the_missing_file_is_named_with_the_way_out(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError, match=r"training/ner/labels\.yaml: not found .*--labels"):
        label_map()
    with pytest.raises(UsageError, match=r"training/ner/config_ner\.cfg: not found .*--config"):
        training_file("config_ner.cfg")
    given = tmp_path / "labels.yaml"
    given.write_text("alfa: {files: {train: t.txt, dev: d.txt}, labels: {PER: PER}}\n", encoding="utf-8")
    assert label_map(given) == {"alfa": {"files": {"train": "t.txt", "dev": "d.txt"},
                                         "labels": {"PER": "PER"}}}


def test_train_ner_outside_a_checkout_stops_with_one_line(tmp_path):
    (tmp_path / "data").mkdir()
    proc = subprocess.run([sys.executable, "-m", "warta", "train-ner", "--data", "data", "--out", "out"],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == 2
    assert "training/ner/config_ner.cfg: not found" in proc.stderr and "Traceback" not in proc.stderr


def test_recorded_paths_are_relative_to_where_training_ran(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert portable(tmp_path / "training" / "ner" / "config.cfg") == "training/ner/config.cfg"
    assert portable(tmp_path.parent / "shared" / "data") == "../shared/data"
    assert portable("data/ner") == "data/ner" and portable(None) is None


@pytest.mark.parametrize("model", ["ner_id", "ner_id_sets"])
def test_the_shipped_models_meta_names_no_absolute_path(model):
    meta = json.loads((MODELS / model / "meta.json").read_text(encoding="utf-8"))
    training = meta["warta_training"]
    for key in ("data", "config", "init_tok2vec"):
        value = training.get(key)
        assert value is None or not Path(value).is_absolute(), f"{model}: {key} = {value}"
    assert training["config"].startswith("training/ner/")
