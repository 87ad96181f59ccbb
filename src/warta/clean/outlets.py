"""Outlet names: every spelling of a known outlet mapped to the one name warta reports.

The table is data, ``lang/id/outlets.yaml``.  ``canonical_outlet("KOMPAS.COM")`` is
``"KOMPAS.com"``; a regional news agency's bureau is told by its dateline city
(``canonical_outlet("ANTARA", "Bojonegoro")`` is the East Java edition); an outlet not in
the table is returned as written.
"""

from __future__ import annotations

import functools
import re

from .. import lang


def key(name: str) -> str:
    """An outlet spelling reduced to what identifies it: lower case letters and digits."""
    return re.sub(r"[^0-9a-z]", "", name.lower())


@functools.cache
def _table() -> dict:
    data = lang.load("outlets")
    names: dict[str, str] = {}
    for outlet in data["outlets"]:
        for spelling in spellings(outlet, words=True):
            names[key(spelling)] = outlet["name"]
    editions: dict[str, dict[str, str]] = {}
    for national, by_edition in (data.get("editions") or {}).items():
        editions[national] = {key(city): edition for edition, cities in by_edition.items()
                              for city in cities}
    return {"names": names, "editions": editions}


def outlets() -> list[dict]:
    """The outlet entries of the table, as written there."""
    return lang.load("outlets")["outlets"]


def spellings(outlet: dict, words: bool = False) -> list[str]:
    """An outlet entry's name and aliases; with ``words``, its word aliases too (spellings
    that are also common words or given names, which name the outlet only where a
    dateline's shape or the page's metadata gives them)."""
    found = [outlet["name"], *outlet.get("aliases", ())]
    unsearched = {key(w) for w in outlet.get("word_aliases", ())}
    if words:
        return found + list(outlet.get("word_aliases", ()))
    return [s for s in found if key(s) not in unsearched]


def canonical_outlet(name: str | None, city: str | None = None) -> str | None:
    """The name warta reports for an outlet spelled ``name`` (its dateline city, when
    given, picks a news agency's regional edition)."""
    if not name:
        return name
    table = _table()
    written = key(name)
    found = table["names"].get(written)
    if found is None:
        return name.strip()
    by_city = table["editions"].get(found, {})
    if city and by_city and written == key(found.split()[0]):  # the bare agency name
        return by_city.get(key(city), found)
    return found


def outlet_from_host(host: str | None) -> str | None:
    """The outlet a web address names: its host, or the host without its leading labels
    (``jatim.antaranews.com`` → ``antaranews.com``), under the table's name; a news
    agency's regional subdomain names its edition.  An unknown host: its name without
    ``www.``."""
    if not host:
        return None
    labels = host.lower().strip(".").split(".")
    if labels[0] in ("www", "m", "amp", "beta"):
        labels = labels[1:]
    for i in range(len(labels) - 1):
        found = _table()["names"].get(key(".".join(labels[i:])))
        if found:
            edition = _edition_of_subdomain(found, labels[:i])
            return edition or found
    return ".".join(labels) or None


def _edition_of_subdomain(national: str, subdomains: list[str]) -> str | None:
    editions = {e for e in _table()["editions"].get(national, {}).values()}
    wanted = {key(s) for s in subdomains}
    return next((e for e in sorted(editions) if key(e.split(" ", 1)[1]) in wanted), None)


def is_known(name: str) -> bool:
    return key(name) in _table()["names"]


@functools.cache
def alias_pattern(style: str | None = None) -> str:
    """A regex alternation of every outlet spelling but the word aliases (of outlets with
    that dateline ``style``), case-insensitive, longest first, not followed by a letter or
    digit; a space may be written as a dash or left out."""
    searched = {s for o in outlets() if style is None or o.get("style") == style
                for s in spellings(o)}
    if not searched:
        return "(?!)"
    # a space of the spelling may be written as spaces, a dash or nothing ("PRFM News",
    # "PRFMNEWS", "Radar-Bogor"), as the table's keys ignore them
    alt = "|".join(re.escape(s).replace(r"\ ", r"[\s-]{0,3}")
                   for s in sorted(searched, key=lambda s: (-len(s), s)))
    return rf"(?i:{alt})(?![A-Za-z0-9])"
