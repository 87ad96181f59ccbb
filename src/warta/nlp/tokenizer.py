"""spaCy's Indonesian tokenizer without its 15,600 hyphenated special cases.

spaCy lists every reduplicated word ("anak-anak", "Reka-Reka") as a special case so that
its hyphen is not split; building that table takes seconds at every load.  A
``token_match`` for letters-hyphen-letters words keeps the same words whole at no load
cost, and the remaining special cases (abbreviations, emoticons) stay.
"""

from __future__ import annotations

import re

from spacy.lang.id import Indonesian
from spacy.tokenizer import Tokenizer
from spacy.util import (compile_infix_regex, compile_prefix_regex, compile_suffix_regex,
                        registry)

HYPHENATED = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)+$")


@registry.tokenizers("warta.id_tokenizer.v1")
def create_tokenizer():
    """The tokenizer factory named in the pipeline config."""

    def make(nlp):
        d = Indonesian.Defaults
        rules = {k: v for k, v in d.tokenizer_exceptions.items() if "-" not in k}
        suffix_search = compile_suffix_regex(d.suffixes).search

        def whole(text: str):
            # a clitic suffix ("-nya") is still split off, as spaCy does
            return HYPHENATED.match(text) if not suffix_search(text) else None

        return Tokenizer(nlp.vocab, rules=rules,
                         prefix_search=compile_prefix_regex(d.prefixes).search,
                         suffix_search=suffix_search,
                         infix_finditer=compile_infix_regex(d.infixes).finditer,
                         token_match=whole, url_match=d.url_match)

    return make
