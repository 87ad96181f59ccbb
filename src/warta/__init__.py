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


def load():
    """The full NLP pipeline as a spaCy ``Language`` (tokenizer, the shipped NER model,
    warta's entity rules), loaded once from inside the package."""
    from .nlp import load as load_pipeline

    return load_pipeline()


def __getattr__(name: str):
    """``warta.KnowledgeBase``, imported on first use: the knowledge base (SQLAlchemy) costs
    more to import than the rest of the package, and ``analyze`` does not need it."""
    if name == "KnowledgeBase":
        from .kb import KnowledgeBase

        return KnowledgeBase
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


try:
    __version__ = version("warta")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "Article",
    "Document",
    "InputError",
    "KnowledgeBase",
    "UsageError",
    "WartaError",
    "__version__",
    "analyze",
    "analyze_article",
    "load",
]
