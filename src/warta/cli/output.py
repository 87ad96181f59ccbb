"""Output shared by the commands: formats, whole-or-nothing files, Rich tables."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import tempfile
import threading
from collections.abc import Iterator
from enum import Enum
from typing import IO, Any


class Format(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


def dumps(obj: Any, indent: int | None = None) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=indent)


def _mode_for(path: str) -> int:
    """The mode a new file gets from the umask (an existing file's mode is kept)."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def _sigterm_as_exit() -> Iterator[None]:
    """SIGTERM raises SystemExit while the block runs, so that its clean-up still happens."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum, _frame):
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def destination(path: str | None) -> Iterator[IO[str]]:
    """Standard output, or a file written whole or not at all: the text goes to a temporary
    file beside ``path`` that replaces it only when the block ends without error (or
    ``typer.Exit(0)``).  An error, Ctrl-C or SIGTERM leaves ``path`` as it was and no
    temporary file behind; the new file gets the umask's mode (or the old file's)."""
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    folder = os.path.dirname(os.path.abspath(path))
    with _sigterm_as_exit():
        fd, tmp = tempfile.mkstemp(prefix=".warta-", suffix=".part", dir=folder)
        try:
            os.fchmod(fd, _mode_for(path))
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
