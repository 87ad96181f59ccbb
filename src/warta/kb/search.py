"""Full-text search: SQLite FTS5 over title, text and their Indonesian stems (PySastrawi).

Each article is indexed with its words and with their stems ("menggelontorkan" →
"gelontor"), so a search for "investasi" also finds "berinvestasi" and "diinvestasikan".
"""

from __future__ import annotations

import functools
import re

_WORD = re.compile(r"\w+")


@functools.cache
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer().stem(word) if word.isalpha() and len(word) > 3 else word


def stems(text_: str) -> str:
    """The distinct stems of the words of ``text_``."""
    return " ".join(sorted({stem(w) for w in _WORD.findall(text_.lower())}))


# one article's row (``ingest.write_batch`` inserts a batch with one executemany)
FTS_INSERT = "INSERT INTO articles_fts(rowid, title, body, stems) VALUES (:id, :t, :b, :s)"


def fts_query(query: str) -> str:
    """An FTS5 query for the user's words: each word (or its stem) must occur; quoted
    phrases stay phrases.  Never passes FTS5 syntax through from the user."""
    parts = []
    for phrase in re.findall(r'"([^"]+)"|(\S+)', query):
        words = _WORD.findall((phrase[0] or phrase[1]).lower())
        if not words:
            continue
        if phrase[0]:
            parts.append('"' + " ".join(words) + '"')
        else:
            for w in words:
                s = stem(w)
                parts.append(f'("{w}" OR stems:"{s}")' if s != w else f'"{w}"')
    return " AND ".join(parts)


def highlight(body: str, query: str, width: int = 160) -> str:
    """A snippet of ``body`` around the first word matching ``query`` (by word or stem),
    matches marked ``[…]``; for hits FTS5 found through the stems column."""
    wanted = set()
    for w in _WORD.findall(query.lower()):
        wanted.update((w, stem(w)))
    marks = [m for m in _WORD.finditer(body) if m.group().lower() in wanted or stem(m.group().lower()) in wanted]
    if not marks:
        return body[:width]
    lo = max(0, marks[0].start() - width // 3)
    hi = min(len(body), lo + width)
    out, pos = [], lo
    for m in marks:
        if m.start() < lo or m.end() > hi:
            continue
        out += [body[pos:m.start()], "[", m.group(), "]"]
        pos = m.end()
    out.append(body[pos:hi])
    return ("…" if lo else "") + "".join(out) + ("…" if hi < len(body) else "")
