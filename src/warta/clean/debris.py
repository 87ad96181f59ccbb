"""Page debris out of the article text, by the rules of ``lang/id/cleaning.yaml`` and by
the shape of the lines.

Line rules drop a known kind of line (a counter, a byline, an ad marker).  Structure does
the rest, whatever the words: a related-news label takes the headline-like lines after it
with it; a credit label on its own line takes its credit lines and the caption above; a
line made only of share-button words goes; a run of short link-like lines is a menu; a
title-cased line without sentence punctuation inside the body is a related headline.
"""

from __future__ import annotations

import re

from .rules import rules

SENTENCE_END = re.compile(r"[.!?…:;\"”’)\]]$")
SENTENCE = re.compile(r"[.!?\"”’]$")  # how a sentence (not a caption or credit) ends
OPENS_QUOTE = re.compile(r"^[\"“‘']")
QUOTE_MARK = re.compile(r"[\"“”]")
BULLET = re.compile(r"^(?:[-–—•*·]|\d{1,2}[.)])\s")
WORD = re.compile(r"[^\W\d_][\w'’-]*")
NON_WORDS = re.compile(r"\W+")


def words(line: str) -> list[str]:
    return WORD.findall(line)


def headline_like(line: str) -> bool:
    """A short line that does not end like a sentence and does not open a quote (a
    headline, a credit, a menu entry)."""
    limit = rules()["debris"]["headline_max_words"]
    return (bool(line) and len(line.split()) <= limit and not SENTENCE_END.search(line)
            and not OPENS_QUOTE.match(line))


def title_cased(line: str) -> bool:
    """Most of the longer words start with a capital (a headline's style, not a sentence's)."""
    d = rules()["debris"]
    long = [w for w in words(line) if len(w) >= d["long_word"]]
    return bool(long) and sum(w[0].isupper() for w in long) >= d["title_case_share"] * len(long)


def _is_ui(line: str) -> bool:
    return len(line) <= 120 and rules()["ui_line"].fullmatch(line) is not None


def _related_label(line: str) -> re.Match | None:
    return rules()["related_label"].match(line) if len(line) < 300 else None


def _unglue(line: str) -> list[str]:
    """A caption or credit glued to the next word split off: "kemarin.DETIK.COMWarga" →
    ["kemarin.", "Warga"]."""
    parts = rules()["glued_credit"].split(line) if "." in line else [line]
    if len(parts) == 1:
        return parts
    return [p.strip() + ("." if i < len(parts) - 1 else "") for i, p in enumerate(parts) if p.strip()]


def _pop_caption(kept: list[str]) -> None:
    """Drop the caption line above a credit label (the last non-blank line kept, when it
    is short, not the headline and quotes no one: a paragraph quoting someone stays)."""
    limit = rules()["debris"]["caption_max_words"]
    i = len(kept) - 1
    while i >= 0 and not kept[i]:
        i -= 1
    if i > 0 and len(kept[i].split()) <= limit and not QUOTE_MARK.search(kept[i]):
        del kept[i:]


def _under_label(line: str, block: str) -> bool:
    """Whether ``line`` belongs to the list under a label: blank lines until its first
    entry, then entries in a row (a headline, or a short credit line)."""
    if not line:
        return not block.endswith("+")
    if block.startswith("credit"):   # "• ANTARA/Nama", "Dok. Humas": a bullet or a short name
        return bool(BULLET.match(line)) or headline_like(line) and len(line.split()) <= 6
    return headline_like(line) and not BULLET.match(line)


def take_copy_footers(lines: list[str]) -> tuple[list[str], str | None]:
    """The lines without the footers a site adds to copied text ("Baca artikel detikfinance,
    … selengkapnya …", "Artikel ini telah tayang di Kompas.com …"), and the outlet the first
    of them names."""
    footers = rules()["copy_footers"]
    kept, outlet = [], None
    for line in lines:
        m = next((m for p in footers if (m := p.match(line.strip()))), None)
        if m is None:
            kept.append(line)
        elif outlet is None:
            outlet = m.groupdict().get("outlet")
    return kept, outlet


def drop_boilerplate(lines: list[str]) -> list[str]:
    """Lines without boilerplate: line rules, label blocks, share buttons, repeats, and
    the short lines after the writers' credits that close the article."""
    r = rules()
    kept: list[str] = []
    seen: set[str] = set()
    block = None    # lines under a label being dropped: "related"/"credit", "+" once some went
    credits = None  # how many lines were kept when the last writers' credit went
    for raw in lines:
        if r["stop_lines_any"].match(raw):
            break
        if r["end_credit"].match(raw):
            credits = len(kept)
        for line in _unglue(raw):
            if block and _under_label(line, block):
                block = block if not line else block.rstrip("+") + "+"
                continue
            block = None
            if (m := _related_label(line)) is not None:
                # a bare label heads a list; "Baca juga: Judul" is one entry, the list itself
                block = None if line[m.end():].strip() else "related"
                continue
            if (m := r["credit_label"].match(line)) and not line[m.end():].strip():
                _pop_caption(kept)
                block = "credit"
                continue
            if r["inline_any"].search(line):  # else none of them changes the line
                for p in r["inline"]:
                    line = p.sub("", line)
            if line and (r["drop_lines_any"].match(line) or _is_ui(line)):
                continue
            k = NON_WORDS.sub(" ", line).strip().lower()
            if line and k in seen:  # a caption (or a paragraph) printed twice
                continue
            if k:
                seen.add(k)
            kept.append(line)
    if credits and all(not ln or headline_like(ln) for ln in kept[credits:]):
        return kept[:credits]  # the writers' credits close the article: what follows is footer
    return kept


def drop_body_debris(lines: list[str], body: int) -> list[str]:
    """Paragraphs (lines of ``lines`` from index ``body`` on, the first paragraph of the
    article body) without related headlines and link runs; the lines above ``body`` that
    are not sentences (captions and credits between headline and dateline) go too.  The
    items of a list a line ending in a colon opens are kept."""
    head = [ln for ln in lines[:body] if not ln or SENTENCE.search(ln)]
    rest = lines[body:]
    d = rules()["debris"]
    out, kept_list = [], []
    listing = False     # inside a list opened by "...:" (its short items are not debris)
    for i, line in enumerate(rest):
        if line:
            listing = line.endswith(":") or listing and headline_like(line)
        if listing and line:
            kept_list.append(len(out))
        if (not listing and 0 < i < len(rest) - 1 and headline_like(line) and not BULLET.match(line)
                and d["headline_min_words"] <= len(line.split()) and title_cased(line)):
            continue
        out.append(line)
    return head + _drop_link_runs(out, d, set(kept_list))


def _link_like(line: str, d: dict) -> bool:
    return (bool(line) and len(line.split()) <= d["link_max_words"] and headline_like(line)
            and not re.search(r"[\d:]", line))


def _drop_link_runs(lines: list[str], d: dict, keep: set[int] = frozenset()) -> list[str]:
    """Without runs of ``link_run`` or more short link-like lines in a row (blank lines
    between them do not break a run); the lines at the indices ``keep`` always stay."""
    out: list[str] = []
    run: list[str] = []

    def flush():
        if sum(1 for ln in run if ln) >= d["link_run"]:
            out.extend(ln for ln in run[-1:] if not ln)
        else:
            out.extend(run)
        run.clear()

    for i, line in enumerate(lines):
        if i not in keep and (_link_like(line, d) or (run and not line)):
            run.append(line)
            continue
        flush()
        out.append(line)
    flush()
    return out
