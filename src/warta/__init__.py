"""warta: Indonesian-language news into a source-cited knowledge base.

>>> import warta
>>> doc = warta.analyze("JAKARTA, KABAR.com - Menteri meresmikan pabrik baru.", published="2025-10-14")
>>> doc.dateline
'Jakarta'
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .errors import InputError, UsageError, WartaError
from .model import Article, Document
from .pipeline import analyze, analyze_article

try:
    __version__ = version("warta")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "Article",
    "Document",
    "InputError",
    "UsageError",
    "WartaError",
    "__version__",
    "analyze",
    "analyze_article",
]
