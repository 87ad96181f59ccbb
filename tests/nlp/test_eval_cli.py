"""``warta eval ner`` on a small CoNLL file written for warta (NER UI's tag names, in a
folder named after the set): the per-set model's head for the set scores it by default."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "ner" / "nerui" / "sample.tsv"


class Run:
    def __init__(self, proc: subprocess.CompletedProcess):
        self.exit_code, self.output, self.stderr = proc.returncode, proc.stdout, proc.stderr


def run(*args: str) -> Run:
    return Run(subprocess.run([sys.executable, "-m", "warta", "eval", "ner", str(SAMPLE), "--json",
                               *args], capture_output=True, text=True, timeout=300))


def test_a_file_of_a_known_set_is_scored_with_that_sets_head():
    res = run()
    assert res.exit_code == 0, res.output
    result = json.loads(res.output)[str(SAMPLE)]
    assert result["head"] == "ner_nerui" and result["sentences"] == 3
    assert result["total"]["tp"] + result["total"]["fn"] == 6  # the gold entities, all counted
    assert result["total"]["f1"] >= 0.75


def test_pooled_rules_and_another_sets_head_on_request():
    assert json.loads(run("--head", "pooled").output)[str(SAMPLE)]["head"] == "pooled"
    assert json.loads(run("--rules").output)[str(SAMPLE)]["head"] == "pooled + rules"
    assert json.loads(run("--head", "nergrit").output)[str(SAMPLE)]["head"] == "ner_nergrit"


def test_an_unknown_head_is_refused_with_the_heads_there_are():
    res = run("--head", "conll2003")
    assert res.exit_code != 0
    assert "conll2003" in res.stderr and "nerui" in res.stderr
    assert "Traceback" not in res.stderr


def test_a_file_that_is_no_conll_text_is_named_with_the_reason(tmp_path):
    binary = tmp_path / "photo.tsv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xd0\xff\x00" * 20)
    empty = tmp_path / "empty.tsv"
    empty.write_text("", encoding="utf-8")
    for path, reason in ((binary, "not a UTF-8 text file"), (empty, "no sentences")):
        proc = subprocess.run([sys.executable, "-m", "warta", "eval", "ner", str(path)],
                              capture_output=True, text=True, timeout=300)
        assert proc.returncode == 2
        assert str(path) in proc.stderr and reason in proc.stderr
        assert "Traceback" not in proc.stderr and "internal error" not in proc.stderr
