"""Shared pieces of the hostile-input tests: a small knowledge base built without NLP
(the web tests' hand-made Documents), the CLI as a subprocess, and peak memory of one."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

_WEB = Path(__file__).resolve().parents[1] / "web" / "conftest.py"


def _web_conftest():
    spec = importlib.util.spec_from_file_location("_hostile_web_kb", _WEB)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_kb(path: str) -> str:
    """A knowledge base of four hand-made articles at ``path``."""
    return _web_conftest().build_kb(path)


def warta(*args, timeout: float = 600, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    """``python -m warta ARGS``: its return code, stdout and stderr (text)."""
    full = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "warta", *map(str, args)], capture_output=True,
                          text=True, timeout=timeout, env=full, **kw)


def one_line(stderr: str) -> str:
    """The message of a failed command: exactly one line, no traceback."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines, "no message"
    assert "Traceback" not in stderr, stderr[-2000:]
    return lines[-1]


@pytest.fixture(scope="session")
def small_kb(tmp_path_factory) -> str:
    return build_kb(str(tmp_path_factory.mktemp("hostile-kb") / "kb.db"))


BODY = ("JAKARTA - Menteri Perindustrian meresmikan pabrik baterai baru di Karawang pada Senin "
        "(13/10/2025). Investasi pabrik itu mencapai Rp1,5 triliun dan menyerap 800 pekerja. ")
