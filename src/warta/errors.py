"""warta's exceptions, one tree::

    WartaError                  anything warta raises on purpose
    ├── InputError              an input cannot be read as an article (names the input)
    │   ├── EmptyInput          nothing in it (empty file, no text field)
    │   ├── BinaryInput         not text (an image, an archive warta does not read)
    │   ├── MalformedInput      truncated or broken (bad JSON line, broken WARC record,
    │   │                       invalid Unicode such as a lone surrogate)
    │   └── TooLarge            over a size limit (record, decompressed archive, article);
    │                           the reason names the limit and the setting that raises it
    └── UsageError              a bad option or argument (a bad --field spec, no inputs)

The CLI turns every WartaError into one line on stderr, never a traceback.  Messages
quote at most ``QUOTE`` characters of the input (``quote``), so a hostile input cannot
flood the terminal or a log.
"""

from __future__ import annotations


QUOTE = 80  # characters of an input a message may quote
MAX_REASON = 400  # characters of a reason (a safety net for messages built from exceptions)


def quote(value: object, limit: int = QUOTE) -> str:
    """``value`` as text for a message: at most ``limit`` characters on one line, control
    characters and invalid Unicode (a lone surrogate) shown as escapes.

    >>> quote("x" * 100)[-3:]
    'xx…'
    >>> quote("a\\nb\\ud800")
    'a\\\\nb\\\\ud800'
    """
    if isinstance(value, (bytes, bytearray)):
        value = bytes(value[: limit * 4]).decode("utf-8", "replace")
    text = str(value)[: limit * 4]
    if not text.isprintable():
        text = "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= limit else text[: limit - 1] + "…"


class WartaError(Exception):
    """Base of every error warta raises on purpose."""


class InputError(WartaError):
    """An input that cannot be read as an article: ``source`` and ``reason`` say which and why."""

    def __init__(self, source: str, reason: str):
        source = quote(source, 2 * MAX_REASON)
        reason = quote(reason, MAX_REASON)
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class EmptyInput(InputError):
    """The input holds no text."""


class BinaryInput(InputError):
    """The input is not text."""


class MalformedInput(InputError):
    """The input is truncated or broken."""


class TooLarge(InputError):
    """The input (or one record of it) is over a size limit."""


class UsageError(WartaError):
    """A bad option or argument."""
