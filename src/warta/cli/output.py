"""Output shared by the commands: formats, whole-or-nothing files, Rich tables."""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from enum import Enum
from typing import IO, Any


class Format(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


def dumps(obj: Any, indent: int | None = None) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=indent)


@contextlib.contextmanager
def destination(path: str | None) -> Iterator[IO[str]]:
    """Standard output, or a file written whole or not at all: the text goes to a temporary
    file beside ``path`` that replaces it only when the block ends without error."""
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".warta-", suffix=".part", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def warn(message: str) -> None:
    """One line on stderr, never wrapped."""
    print(f"warta: {message}", file=sys.stderr, flush=True)
