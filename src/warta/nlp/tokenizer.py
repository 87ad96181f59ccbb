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
length only, and a run of over ``MAX_RUN`` characters without whitespace is tokenized in
pieces (``BoundedTokenizer``), which makes it linear.  A text over ``WARTA_MAX_ARTICLE_CHARS``
characters (``sources.limits``) is refused with ``TooLarge`` before any work.
"""

from __future__ import annotations

import re

from spacy.lang.id import Indonesian
from spacy.tokens import Doc
from spacy.tokenizer import Tokenizer
from spacy.util import (compile_infix_regex, compile_prefix_regex, compile_suffix_regex,
                        registry)

from ..errors import TooLarge
from ..sources.limits import over, setting

HYPHENATED = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)+$")
# a code of capitals, digits and letters ("A400M", "SBR014T2"): spaCy's unit suffixes would
# cut "A400" + "M"
CODE = re.compile(r"^[A-Z]{1,5}-?[0-9]{2,5}[A-Za-z][A-Za-z0-9]*$")
SUFFIX_WINDOW = 64  # longer than any suffix spaCy's Indonesian rules can match
MAX_WORD = 100  # longer than any reduplicated word ("anak-anak")
MAX_URL = 2048  # longer than any URL worth keeping whole


NEAR_END = 8  # most suffixes are this short: looked for here first


def tail_search(pattern: re.Pattern):
    """``pattern.search`` for an end-anchored pattern, run on the string's tail only: the
    last ``NEAR_END`` characters, then (no match, or one that may go on further left) the
    last ``SUFFIX_WINDOW``."""

    def search(text: str):
        near = max(0, len(text) - NEAR_END)
        found = pattern.search(text, near)
        if found is not None and (found.start() > near or near == 0):
            return found
        return pattern.search(text, max(0, len(text) - SUFFIX_WINDOW))

    return search


MAX_RUN = 400  # characters without whitespace tokenized as one piece
LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))


def pieces(text: str, run: int = MAX_RUN) -> list[str]:
    """``text`` cut so that no piece holds more than ``run`` characters without whitespace
    (cut inside such runs only; the pieces join back to ``text``).

    >>> [len(p) for p in pieces("ab " + "x" * 900 + " cd", 400)]
    [403, 400, 103]
    """
    out, start = [], 0
    for m in LONG_RUN.finditer(text) if run == MAX_RUN else re.finditer(r"\S{%d,}" % (run + 1), text):
        for cut in range(m.start() + run, m.end(), run):
            out.append(text[start:cut])
            start = cut
    out.append(text[start:])
    return out


class BoundedTokenizer(Tokenizer):
    """spaCy's Tokenizer refusing a text over the article-size limit (``TooLarge``), and
    tokenizing a run of over ``MAX_RUN`` characters without whitespace in pieces: spaCy
    hashes what is left of a run after each affix it strips, quadratic in the run's length
    (``"'" * 8000``); no word or URL worth keeping whole is that long."""

    def __call__(self, text):
        limit = setting("WARTA_MAX_ARTICLE_CHARS")
        if limit and len(text) > limit:
            raise TooLarge("<text>", over("article", len(text), limit, "WARTA_MAX_ARTICLE_CHARS",
                                          "characters"))
        if not LONG_RUN.search(text):
            return super().__call__(text)
        return Doc.from_docs([super(BoundedTokenizer, self).__call__(p) for p in pieces(text)],
                             ensure_whitespace=False)


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
            if len(text) > MAX_WORD:
                return None
            if "-" not in text or suffix_search(text):
                return CODE.match(text)
            return HYPHENATED.match(text)

        def url(text: str):
            return d.url_match(text) if len(text) <= MAX_URL else None

        return BoundedTokenizer(nlp.vocab, rules=rules,
                         prefix_search=compile_prefix_regex(d.prefixes).search,
                         suffix_search=suffix_search,
                         infix_finditer=compile_infix_regex(d.infixes).finditer,
                         token_match=whole, url_match=url)

    return make
