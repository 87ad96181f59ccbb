"""spaCy's Indonesian tokenizer without its 15,600 hyphenated special cases.

spaCy lists every reduplicated word ("anak-anak", "Reka-Reka") as a special case so that
its hyphen is not split; building that table takes seconds at every load.  A
``token_match`` for letters-hyphen-letters words keeps the same words whole at no load
cost, and the remaining special cases (abbreviations, emoticons) stay.

Bounded work: spaCy strips affixes one at a time and looks for a suffix after each, and
its suffix regex (anchored at the end, ``…$``) is tried from every position of what is
left — quadratic in a long run of prefixes (``"Rp" * 4000`` took half a minute).  The
suffix is looked for in the last ``SUFFIX_WINDOW`` characters only (lookbehinds still see
what comes before), and the word and URL matches are tried on strings of a bounded
length only, which makes it linear.  A text over ``WARTA_MAX_ARTICLE_CHARS``
characters (``sources.limits``) is refused with ``TooLarge`` before any work.
"""

from __future__ import annotations

import re

from spacy.lang.id import Indonesian
from spacy.tokenizer import Tokenizer
from spacy.util import (compile_infix_regex, compile_prefix_regex, compile_suffix_regex,
                        registry)

from ..errors import TooLarge
from ..sources.limits import over, setting

HYPHENATED = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)+$")
SUFFIX_WINDOW = 64  # longer than any suffix spaCy's Indonesian rules can match
MAX_WORD = 100  # longer than any reduplicated word ("anak-anak")
MAX_URL = 2048  # longer than any URL worth keeping whole


def tail_search(pattern: re.Pattern):
    """``pattern.search`` for an end-anchored pattern, run on the string's tail only."""

    def search(text: str):
        return pattern.search(text, max(0, len(text) - SUFFIX_WINDOW))

    return search


class BoundedTokenizer(Tokenizer):
    """spaCy's Tokenizer refusing a text over the article-size limit (``TooLarge``)."""

    def __call__(self, text):
        limit = setting("WARTA_MAX_ARTICLE_CHARS")
        if limit and len(text) > limit:
            raise TooLarge("<text>", over("article", len(text), limit, "WARTA_MAX_ARTICLE_CHARS",
                                          "characters"))
        return super().__call__(text)


@registry.tokenizers("warta.id_tokenizer.v1")
def create_tokenizer():
    """The tokenizer factory named in the pipeline config."""

    def make(nlp):
        d = Indonesian.Defaults
        rules = {k: v for k, v in d.tokenizer_exceptions.items() if "-" not in k}
        suffix_search = tail_search(compile_suffix_regex(d.suffixes))

        def whole(text: str):
            # a clitic suffix ("-nya") is still split off, as spaCy does; the length check
            # keeps this linear (the pattern backtracks over a long run of letters)
            if len(text) > MAX_WORD or "-" not in text or suffix_search(text):
                return None
            return HYPHENATED.match(text)

        def url(text: str):
            return d.url_match(text) if len(text) <= MAX_URL else None

        return BoundedTokenizer(nlp.vocab, rules=rules,
                         prefix_search=compile_prefix_regex(d.prefixes).search,
                         suffix_search=suffix_search,
                         infix_finditer=compile_infix_regex(d.infixes).finditer,
                         token_match=whole, url_match=url)

    return make
