"""The cleaning rules of ``lang/id/cleaning.yaml``, compiled once.

Patterns there may name a piece of data in braces (``{DAY}``, ``{MONTH}``, ``{OUTLET}``,
``{CITY}`` …); ``compile_rule`` fills them in from the day and month lists, the outlet
table and the shapes below, so a day name or an outlet is added in one data file.
"""

from __future__ import annotations

import functools
import re

from .. import lang
from . import outlets

# Shapes shared by the patterns.  Every repetition is bounded: these are matched at the
# start of a line (``match``), so a long run costs at most its bound.
SHAPES = {
    "CITY": r"[A-Z][A-Za-z.\x27]{1,30}(?: [A-Z][A-Za-z.\x27]{1,30}){0,2}",
    "CAPSCITY": r"[A-Z][A-Z.\x27]{1,30}(?: [A-Z][A-Z.\x27]{1,30}){0,2}",
    "ANYCITY": r"[A-Za-z][A-Za-z.\x27]{0,30}(?: [A-Za-z][A-Za-z.\x27]{0,30}){0,2}",
    "DOMAIN": r"[A-Za-z0-9-]{1,40}(?:\.[A-Za-z]{2,8}){1,3}",
    "CAPSDOMAIN": r"[A-Z0-9-]{2,40}(?:\.[A-Z]{2,8}){1,3}",
    "DASH": r"[-–—]{1,3}",
    "TIME": r"(?:pukul\s{1,3})?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s{0,3}(?:WIB|WITA|WIT|GMT[+\d:]{0,6}))?",
}


def _alternation(words) -> str:
    """Words as one regex alternation, longest first (a longer word is tried before its prefix)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@functools.cache
def pieces() -> dict[str, str]:
    """What each ``{NAME}`` in a pattern stands for."""
    data = lang.load("cleaning")
    found = dict(SHAPES)
    found["DAY"] = f"(?i:{_alternation(lang.load('days'))})"
    found["MONTH"] = f"(?i:{_alternation(lang.load('months'))})"
    found["OUTLET"] = outlets.alias_pattern()
    found["OUTLET_NODASH"] = outlets.alias_pattern(style="no-dash")
    found["LABEL"] = f"(?:{_alternation(data['page_date_labels'])})"
    # a city Indonesian news names: its cities (with Jakarta), regencies and provinces, as written
    found["KNOWNCITY"] = "(?:" + _alternation([r[0] for name in ("cities", "regencies") for r in lang.load(name)]
                                              + [n for r in lang.load("provinces") for n in r]) + ")"
    return found


def fill(pattern: str) -> str:
    """``pattern`` with each ``{NAME}`` replaced by its piece."""
    table = pieces()
    return re.sub(r"\{([A-Z_]+)\}", lambda m: table[m.group(1)], pattern)


def compile_rule(pattern: str, flags: int = 0) -> re.Pattern:
    return re.compile(fill(pattern), flags)


def _words_line(words, glued: bool = False) -> re.Pattern:
    """A line made only of ``words`` (in any case; when ``glued``, with nothing between)."""
    sep = r"[\W_]{0,5}" if glued else r"\W{1,5}"
    alt = _alternation(words).replace(r"\ ", r"\s{1,3}")
    return re.compile(rf"(?:{alt})(?:{sep}(?:{alt})){{0,30}}\W{{0,5}}", re.IGNORECASE)


def any_of(patterns: list[re.Pattern]) -> re.Pattern:
    """One pattern matching where any of ``patterns`` (no groups, one set of flags) would:
    a line is tried once instead of once a pattern."""
    assert all(p.groups == 0 for p in patterns) and len({p.flags for p in patterns}) <= 1
    flags = patterns[0].flags if patterns else 0
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns) or "(?!)", flags)


@functools.cache
def rules() -> dict:
    """Every rule compiled, by its key in cleaning.yaml."""
    data = lang.load("cleaning")
    ic = re.IGNORECASE
    compiled = {key: [compile_rule(p, ic) for p in data[key]]
                for key in ("drop_lines", "stop_lines", "inline", "text_dates", "url_dates")}
    for key in ("drop_lines", "stop_lines", "inline"):
        compiled[key + "_any"] = any_of(compiled[key])
    compiled["date_lines"] = [compile_rule(p, ic) for p in data["date_lines"]]
    compiled["datelines"] = [compile_rule(p) for p in data["datelines"]]  # case matters here
    compiled["datelines_first"] = [compile_rule(p) for p in data["datelines_first"]]
    compiled["glued_credit"] = compile_rule(data["glued_credit"])
    compiled["byline_outlet"] = compile_rule(data["byline_outlet"], ic)
    compiled["copy_footers"] = [compile_rule(p, ic) for p in data["copy_footers"]]
    compiled["byline_prefix"] = re.compile(
        rf"(?i:{_alternation(data['byline_words'])})\s{{1,3}}[A-Z][\w'.-]*(?:\s{{1,3}}[A-Z][\w'.-]*){{0,4}}")
    labels = _alternation(data["related_labels"]).replace(r"\ ", r"\s{1,3}")
    # the label, then a separator, the end of the line or (no separator) a capital
    compiled["related_label"] = re.compile(
        rf"(?i:{labels})(?:\s{{0,3}}[:>»|-]{{1,3}}\s{{0,3}}|\s{{0,3}}$|\s{{1,3}}(?=[A-Z]))")
    compiled["credit_label"] = re.compile(rf"(?:{_alternation(data['credit_labels'])})\s{{0,3}}:", ic)
    compiled["end_credit"] = re.compile(rf"(?:{_alternation(data['end_credits'])})\s{{0,3}}:", ic)
    compiled["ui_line"] = _words_line(data["ui_tokens"], glued=True)
    compiled["update_label"] = re.compile(rf"\b(?:{_alternation(data['page_update_labels'])})\b", ic)
    compiled["text_years"] = re.compile(data["text_years"])
    compiled["text_today"] = re.compile(data["text_today"], ic)
    compiled["text_bare_day"] = re.compile(data["text_bare_day"])
    compiled["future_before"] = re.compile(data["future_before"], ic)
    compiled["future_after"] = re.compile(data["future_after"], ic)
    compiled["future_deadline"] = re.compile(data["future_deadline"], ic)
    compiled["future_scheduled"] = re.compile(data["future_scheduled"], ic)
    compiled["not_cities"] = {w.lower() for w in data["not_cities"]}
    for key in ("headline", "debris", "page_date_lines", "bare_date_lines", "future_window",
                "future_scheduled_window"):
        compiled[key] = data[key]
    return compiled
