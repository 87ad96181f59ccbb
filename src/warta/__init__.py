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
    "load",
]
