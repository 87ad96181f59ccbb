"""warta's exceptions, one tree::

    WartaError                  anything warta raises on purpose
    ├── InputError              an input cannot be read as an article (names the input)
    │   ├── EmptyInput          nothing in it (empty file, no text field)
    │   ├── BinaryInput         not text (an image, an archive warta does not read)
    │   └── MalformedInput      truncated or broken (bad JSON line, broken WARC record)
    └── UsageError              a bad option or argument (a bad --field spec, no inputs)

The CLI turns every WartaError into one line on stderr, never a traceback.
"""

from __future__ import annotations


class WartaError(Exception):
    """Base of every error warta raises on purpose."""


class InputError(WartaError):
    """An input that cannot be read as an article: ``source`` and ``reason`` say which and why."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class EmptyInput(InputError):
    """The input holds no text."""


class BinaryInput(InputError):
    """The input is not text."""


class MalformedInput(InputError):
    """The input is truncated or broken."""


class UsageError(WartaError):
    """A bad option or argument."""
