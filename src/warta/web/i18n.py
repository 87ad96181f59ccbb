"""The labels of the web pages, Indonesian first, English on ``?lang=en``.

The words are data (``lang/id/web.yaml``, ``lang/en/web.yaml``); a label missing in
English falls back to Indonesian, and a key with no label at all shows as itself.
"""

from __future__ import annotations

import functools

from .. import lang as langdata

LANGS = ("id", "en")
DEFAULT = "id"


def pick(requested: str | None) -> str:
    """The page language: one of ``LANGS``, else the default."""
    return requested if requested in LANGS else DEFAULT


@functools.cache
def labels(code: str) -> dict[str, str]:
    base = dict(langdata.load("web", DEFAULT))
    if code != DEFAULT:
        base.update(langdata.load("web", code))
    return {str(k): str(v) for k, v in base.items()}


def scales(code: str) -> list[tuple[float, str]]:
    """``[(1e12, 'triliun'), (1e9, 'miliar'), (1e6, 'juta')]`` in the page language."""
    found = [(float(k[len("scale_"):]), v) for k, v in labels(code).items() if k.startswith("scale_")]
    return sorted(found, reverse=True)
