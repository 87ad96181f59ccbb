"""Size limits of the readers, so that one hostile input costs only itself.

Each limit has a default and an environment variable that changes it (a number of bytes
or characters; ``0`` turns the limit off):

=============================  ===========  ==================================================
setting                        default      what it bounds
=============================  ===========  ==================================================
``WARTA_MAX_RECORD_BYTES``     50 MB        one record: a text or HTML file, a JSON line or
                                            element, a WARC record (or header line)
``WARTA_MAX_DECOMPRESSED``     8 GB         the bytes a compressed archive may unpack to
``WARTA_MAX_GZIP_RATIO``       200          unpacked / packed bytes of a compressed archive
                                            (a gzip bomb unpacks ~1000×, HTML ~5–10×)
``WARTA_MAX_ARTICLE_CHARS``    1,000,000    characters of one article's text given to the NLP
=============================  ===========  ==================================================

A record or archive over a limit is reported (``TooLarge``, naming the limit and its
setting) and skipped; the rest of the batch goes on.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULTS = {
    "WARTA_MAX_RECORD_BYTES": 50_000_000,
    "WARTA_MAX_DECOMPRESSED": 8_000_000_000,
    "WARTA_MAX_GZIP_RATIO": 200,
    "WARTA_MAX_ARTICLE_CHARS": 1_000_000,
}


def setting(name: str) -> int:
    """The limit ``name`` from the environment (else its default); 0 means no limit."""
    raw = os.environ.get(name, "").strip().replace("_", "")
    if not raw:
        return DEFAULTS[name]
    try:
        value = int(raw)
    except ValueError:
        from ..errors import UsageError

        raise UsageError(f"{name}={raw[:40]}: expected a whole number (0 for no limit)") from None
    return value if value > 0 else 0


@dataclass(frozen=True)
class Limits:
    record: int
    decompressed: int
    ratio: int
    article: int

    @classmethod
    def current(cls) -> "Limits":
        return cls(setting("WARTA_MAX_RECORD_BYTES"), setting("WARTA_MAX_DECOMPRESSED"),
                   setting("WARTA_MAX_GZIP_RATIO"), setting("WARTA_MAX_ARTICLE_CHARS"))


def over(what: str, size: int, limit: int, name: str, unit: str = "bytes") -> str:
    """The reason for a ``TooLarge``: what, how big, the limit and the setting."""
    return f"{what} over {limit:,} {unit} (at least {size:,}); the limit is {name}"


def check_article(article):
    """``article`` itself, or ``TooLarge`` naming it when its text is over the article limit."""
    limit = setting("WARTA_MAX_ARTICLE_CHARS")
    if limit and len(article.raw) > limit:
        from ..errors import TooLarge

        raise TooLarge(article.source, over("article", len(article.raw), limit, "WARTA_MAX_ARTICLE_CHARS",
                                            "characters"))
    return article


__all__ = ["DEFAULTS", "Limits", "check_article", "over", "setting"]
